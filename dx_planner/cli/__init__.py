"""The ``dx-planner`` command line (planning-model.md §3)."""
