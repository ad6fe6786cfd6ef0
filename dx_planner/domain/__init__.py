"""The domain vocabulary: quarters, enumerations and the inventory of processes."""
