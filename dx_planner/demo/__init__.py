"""The demo inventory: a realistic, deterministic stand-in calibrated to the source report."""
