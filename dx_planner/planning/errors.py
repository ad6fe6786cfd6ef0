"""The planning layer's user errors."""

from __future__ import annotations


class PlanningInputError(ValueError):
    """The settings or the inventory cannot be planned as they are; the message says why
    (naming the setting, e.g. ``settings.requirements[1].quarter: …``)."""
