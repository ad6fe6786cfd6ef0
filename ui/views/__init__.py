"""The tabs and pages of the main window, each a widget over the session's models."""
