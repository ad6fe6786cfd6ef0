"""The report's user errors."""

from __future__ import annotations


class ReportError(ValueError):
    """A report that cannot be produced as asked (unknown scenario, file type …)."""
