"""The plan workbook (issue 5): the Excel file each bureau receives.

Sheets: 概要 (settings, KPIs, charts), 四半期計画 (bureau × quarter against capacity),
手続一覧 (the inventory template plus each process's planned quarter; re-importable),
前回比較 (with a scenario to compare with) and one sheet per bureau.

The entry points are in :mod:`dx_planner.plan_workbook.export` (``export_plan_workbook``,
``write_plan_workbook``). Only the error class is imported here, so that the CLI can name it
without loading openpyxl.
"""

from dx_planner.plan_workbook.errors import PlanExportError

__all__ = ["PlanExportError"]
