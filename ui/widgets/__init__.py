"""Small reusable widgets and dialogs: editors, pickers, the filter bar."""
