"""Qt item models: thin adapters over the in-memory inventory and plan."""
