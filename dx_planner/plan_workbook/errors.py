"""The one error the plan workbook export raises for problems the user can fix."""

from __future__ import annotations


class PlanExportError(ValueError):
    """No such scenario, a bad output path, a file that cannot be written …

    The message is for the user, shown as it is (the CLI maps it to exit status 1).
    """
