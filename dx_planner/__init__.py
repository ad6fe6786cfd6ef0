"""dx-planner: plan the digitization of a metropolitan government's administrative processes.

Layering: ``solver`` (pure optimisation) <- ``dx_planner`` (domain, persistence, I/O,
CLI) <- ``ui``.
"""

__version__ = "0.1.0"
