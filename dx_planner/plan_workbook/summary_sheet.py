"""Sheet 概要: the scenario's settings, its KPIs, the quarterly trend and two native charts."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.plan_workbook import styles
from dx_planner.plan_workbook.analysis_text import COST_METHOD_JA, requirement_ja
from dx_planner.plan_workbook.cursor import RowCursor
from dx_planner.plan_workbook.figures import PlanFigures
from dx_planner.planning.result import PlanResult

SHEET = "概要"

STATUS_TEXT = {
    "optimal": "最適（最適性を証明済み）",
    "feasible": "実行可能（時間内に最適性は未証明）",
    "target_infeasible": "目標未達（目標またはマイルストーンを満たせない）",
}

# The quarterly table: its columns (1-based) are what the charts refer to.
TREND_HEADERS = ("四半期", "時期", "計画件数", "累計デジタル化件数", "目標", "マイルストーン",
                 "オンライン申請割合", "オンライン化された年間申請件数",
                 "当期オンライン申請件数（計画分）")
MILESTONE_COLOUR = "7030A0"  # purple: apart from the blue plan and the red target
COL_QUARTER, COL_CUMULATIVE, COL_TARGET, COL_MILESTONE, COL_SHARE = 1, 4, 5, 6, 7
CHART_ANCHOR_COLUMN = "K"
WIDTHS = (34, 18, 12, 16, 12, 14, 14, 18, 20)


def status_text(status: str) -> str:
    return STATUS_TEXT.get(status, status)


def write_summary_sheet(workbook: Workbook, figures: PlanFigures,
                        previous: PlanFigures | None = None) -> WriteOnlyWorksheet:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET)
    styles.set_widths(sheet, WIDTHS)
    styles.print_setup(sheet, title_rows="1:2", heading=f"デジタル化計画 概要 — {figures.name}")
    cursor = RowCursor(sheet)
    cursor.append(styles.title(sheet, "デジタル化計画 概要"))
    cursor.append(styles.note(sheet, f"シナリオ: {figures.name} · 出力: "
                                     f"{datetime.now():%Y-%m-%d %H:%M}"))
    if figures.drift.any:
        cursor.append(styles.warning(sheet, figures.drift.note()))
    cursor.skip()
    _settings(cursor, figures.result, figures.name)
    cursor.skip()
    _kpis(cursor, figures, previous)
    cursor.skip()
    header_row, last_row = _trend(cursor, figures)
    _milestones(cursor, figures)
    _requirements(cursor, figures.result)
    _keep(cursor, figures.result)
    _shortfall(cursor, figures.result)
    _bureaus(cursor, figures)
    if figures.missing_from_inventory:
        cursor.skip()
        shown = ", ".join(figures.missing_from_inventory[:20])
        more = len(figures.missing_from_inventory) - 20
        cursor.append(styles.note(sheet, (
            f"注意: 計画の {len(figures.missing_from_inventory):,} 手続が現在の手続一覧にありません"
            f"（{shown}{f' ほか {more:,} 件' if more > 0 else ''}）")))
    if last_row > header_row:
        _charts(sheet, figures, header_row, last_row)
    return sheet


def _pair(cursor: RowCursor, label: str, value: object,
          number_format: str | None = None) -> None:
    sheet = cursor.sheet
    cursor.append([styles.styled(sheet, label, font=styles.BOLD),
                   styles.styled(sheet, value, number_format=number_format)])


def _settings(cursor: RowCursor, result: PlanResult, name: str) -> None:
    settings = result.settings
    cursor.append(styles.section(cursor.sheet, "設定"))
    _pair(cursor, "シナリオ", name)
    _pair(cursor, "計画開始", settings.start.label)
    _pair(cursor, "期限", settings.deadline.label)
    _pair(cursor, "計画終了", settings.end.label)
    _pair(cursor, "対象手続数", settings.in_scope, styles.COUNT)
    _pair(cursor, "目標件数", settings.target_count, styles.COUNT)
    if settings.target_share is not None:
        _pair(cursor, "目標割合", settings.target_share, "0%")
    milestones = "; ".join(f"{q.label}: {n:,}件" for q, n in settings.milestones) or "なし"
    _pair(cursor, "マイルストーン", milestones)
    assumptions = settings.assumptions
    if assumptions.national_ready:
        _pair(cursor, "仮定: 国の対応時期", "; ".join(
            f"{key} → {q.label}" for key, q in assumptions.national_ready))
    if assumptions.capacity_scale:
        _pair(cursor, "仮定: 処理能力の倍率", "; ".join(
            f"{name} ×{factor:g}" for name, factor in assumptions.capacity_scale)
            + "（処理能力はすべてこの仮定どおり: 四半期計画・局別シートの処理能力と使用率は"
              "この倍率を適用した値）")
    if assumptions.channel_from:
        _pair(cursor, "仮定: 申請基盤の利用開始", "; ".join(
            f"{name} → {q.label if q else '常時'}" for name, q in assumptions.channel_from))


def _kpis(cursor: RowCursor, figures: PlanFigures, previous: PlanFigures | None) -> None:
    sheet, result = cursor.sheet, figures.result
    settings = result.settings
    cursor.append(styles.section(sheet, "主要指標"))
    columns = ["指標", "値", "備考"] if previous is None else ["指標", "値", "前回", "差", "備考"]
    cursor.append(styles.headers(sheet, columns))
    after = sum(b.after_deadline for b in figures.bureaus)
    met = "達成" if result.target_met else (
        f"未達（{settings.target_count - result.digitized_by_deadline:,}件不足）")
    rows: list[tuple[str, float | int | str, str | None, str, float | int | str | None]] = [
        ("期限までのデジタル化手続数", result.digitized_by_deadline, styles.COUNT,
         f"目標 {settings.target_count:,}件 — {met}",
         previous.result.digitized_by_deadline if previous else None),
        ("期限時点の割合（対象手続数比）", result.share_by_deadline, styles.PERCENT, "",
         previous.result.share_by_deadline if previous else None),
        ("目標件数", settings.target_count, styles.COUNT, "",
         previous.result.settings.target_count if previous else None),
        ("計画開始前にデジタル化済", result.already_digitized, styles.COUNT, "",
         previous.result.already_digitized if previous else None),
        ("計画手続数", figures.planned, styles.COUNT, f"うち期限後 {after:,}件",
         previous.planned if previous else None),
        ("計画外の手続数", figures.unplanned, styles.COUNT, "理由は手続一覧・各局シート",
         previous.unplanned if previous else None),
        ("オンライン申請件数（計画期間内）", result.objective, styles.COUNT,
         "計画した手続の年間申請件数÷4 × 完了後の四半期数（計画終了まで）",
         previous.result.objective if previous else None),
        ("期限時点のオンライン申請割合", figures.online_share_by_deadline, styles.PERCENT,
         "対象手続の年間申請件数に占める割合",
         previous.online_share_by_deadline if previous else None),
        ("上界（オンライン申請件数）", result.bound, styles.COUNT, "これ以上は望めない値",
         previous.result.bound if previous else None),
        ("ギャップ", result.gap, "0.00%", "(上界 − 値) ÷ 上界",
         previous.result.gap if previous else None),
        ("状態", status_text(result.status), None, "",
         status_text(previous.result.status) if previous else None),
        ("求解時間（秒）", result.solve_seconds, styles.DECIMAL,
         "途中で中断された計画" if result.cancelled else "",
         previous.result.solve_seconds if previous else None),
    ]
    for label, value, number_format, remark, before in rows:
        cells = [styles.styled(sheet, label, font=styles.BOLD),
                 styles.styled(sheet, value, number_format=number_format)]
        if previous is not None:
            cells.append(styles.styled(sheet, before, number_format=number_format))
            difference = (value - before if isinstance(value, int | float)
                          and isinstance(before, int | float) else None)
            cells.append(styles.styled(sheet, difference, number_format=number_format))
        cells.append(styles.styled(sheet, remark or None))
        cursor.append(cells)
    if previous is not None:
        cursor.append(styles.note(sheet, f"前回: シナリオ {previous.name}（前回比較シートを参照）"))


def _trend(cursor: RowCursor, figures: PlanFigures) -> tuple[int, int]:
    """The quarterly table; returns its header row and last data row."""
    sheet, settings = cursor.sheet, figures.result.settings
    cursor.append(styles.section(sheet, "四半期別推移（各四半期末）"))
    header_row = cursor.append(styles.headers(sheet, TREND_HEADERS),
                               height=styles.header_height(TREND_HEADERS, WIDTHS))
    for quarter in figures.quarters:
        cursor.append([
            styles.styled(sheet, quarter.quarter.code, font=styles.BOLD),
            quarter.quarter.label_months,
            styles.styled(sheet, quarter.planned, number_format=styles.COUNT),
            styles.styled(sheet, quarter.cumulative, number_format=styles.COUNT),
            styles.styled(sheet, settings.target_count, number_format=styles.COUNT),
            styles.styled(sheet, quarter.milestone, number_format=styles.COUNT),
            styles.styled(sheet, quarter.online_share, number_format=styles.PERCENT),
            styles.styled(sheet, quarter.online_volume, number_format=styles.COUNT),
            styles.styled(sheet, quarter.online_applications, number_format=styles.COUNT),
        ])
    last_row = cursor.row
    if last_row > header_row:
        first = header_row + 1
        cursor.append([
            styles.styled(sheet, "合計", font=styles.BOLD, fill=styles.TOTAL_FILL), None,
            styles.formula(sheet, f"=SUM(C{first}:C{last_row})", number_format=styles.COUNT),
            None, None, None, None, None,
            styles.formula(sheet, f"=SUM(I{first}:I{last_row})", number_format=styles.COUNT),
        ])
    return header_row, last_row


def _milestones(cursor: RowCursor, figures: PlanFigures) -> None:
    settings, sheet = figures.result.settings, cursor.sheet
    checks = [*settings.milestones, (settings.deadline, settings.target_count)]
    reached = {q.quarter: q.cumulative for q in figures.quarters}
    cursor.skip()
    cursor.append(styles.section(sheet, "マイルストーンと目標の達成状況"))
    cursor.append(styles.headers(sheet, ["四半期", "必要件数", "計画の累計", "判定"]))
    for quarter, required in checks:
        count = reached.get(quarter, figures.result.already_digitized)
        cursor.append([quarter.label,
                       styles.styled(sheet, required, number_format=styles.COUNT),
                       styles.styled(sheet, count, number_format=styles.COUNT),
                       "達成" if count >= required else f"未達（{required - count:,}件不足）"])


def _requirements(cursor: RowCursor, result: PlanResult) -> None:
    """Every requirement: needed, reached, met, and what it costs in online applications."""
    if not result.requirements:
        return
    sheet = cursor.sheet
    cursor.skip()
    cursor.append(styles.section(sheet, "達成条件と費用"))
    cursor.append(styles.note(sheet, "費用: その条件を満たすために失うオンライン申請件数"
                                     "（計画期間内）。上限は証明済みの値。"))
    cursor.append(styles.headers(sheet, ["条件", "期限", "対象", "必要", "計画の達成", "判定",
                                         "費用（申請件数）", "費用の上限", "算出方法"]))
    costs = result.requirement_cost or []
    for k, outcome in enumerate(result.requirements):
        req = outcome.requirement
        cost = costs[k] if k < len(costs) else None
        cursor.append([
            styles.styled(sheet, requirement_ja(req), alignment=styles.WRAP),
            req.quarter.label,
            styles.styled(sheet, req.in_scope, number_format=styles.COUNT),
            styles.styled(sheet, req.needed, number_format=styles.COUNT),
            styles.styled(sheet, outcome.reached, number_format=styles.COUNT),
            "達成" if outcome.met else f"未達（{req.needed - outcome.reached:,}件不足）",
            styles.styled(sheet, cost.applications if cost else None, number_format=styles.COUNT),
            styles.styled(sheet, cost.at_most if cost else None, number_format=styles.COUNT),
            COST_METHOD_JA.get(cost.method, cost.method) if cost else None,
        ])


def _keep(cursor: RowCursor, result: PlanResult) -> None:
    """Stable re-planning: the reference, what changed and what stability cost."""
    changes, keep = result.changes, result.settings.keep
    if changes is None or keep is None:
        return
    sheet = cursor.sheet
    cursor.skip()
    cursor.append(styles.section(sheet, "前回計画の維持（安定した再計画）"))
    _pair(cursor, "基準", changes.reference)
    _pair(cursor, "凍結（この四半期まで）",
          keep.freeze_until.label if keep.freeze_until else "なし")
    _pair(cursor, "変更1件の費用（申請件数）",
          "無限大（有効な約束はすべて維持）" if keep.move_cost == float("inf") else keep.move_cost,
          styles.COUNT)
    for label, count in (("凍結四半期で維持", changes.frozen), ("移動", len(changes.moved)),
                         ("削除", len(changes.dropped)), ("追加", len(changes.added)),
                         ("解除（無効になった約束）", len(changes.released))):
        _pair(cursor, label, count, styles.COUNT)
    _pair(cursor, "オンライン申請件数", changes.applications, styles.COUNT)
    _pair(cursor, "変更ペナルティ", changes.move_penalty, styles.COUNT)
    if changes.price_of_stability is not None and changes.free_objective:
        _pair(cursor, "安定性の価格（自由な再計画との差）", changes.price_of_stability,
              styles.COUNT)
        _pair(cursor, "安定性の価格（割合）", changes.price_of_stability / changes.free_objective,
              "0.000%")
        _pair(cursor, "自由な再計画なら移動・削除", (changes.free_moved or 0)
              + (changes.free_dropped or 0), styles.COUNT)
    elif changes.price_note is not None:
        # A plan meeting more requirements ranks first, whatever its objective.
        why = (f"この計画は必要な手続が {changes.missing:,} 件不足、自由な再計画は "
               f"{changes.free_missing:,} 件不足（条件の達成がオンライン申請件数より優先）"
               if changes.comparable is False and changes.free_missing is not None
               else "達成できない条件が異なる可能性があるため")
        _pair(cursor, "安定性の価格", f"比較できません：{why}")


def _shortfall(cursor: RowCursor, result: PlanResult) -> None:
    if result.shortfall is None:
        return
    sheet = cursor.sheet
    cursor.skip()
    cursor.append(styles.section(sheet, "未達の解消に必要な追加処理能力"))
    cursor.append(styles.note(sheet, f"不足: {result.shortfall.missing:,} 手続（最大の不足）。"
                                     "次の追加処理能力（人月）があれば満たせる見込み"
                                     + ("（計画で確認済み）。" if result.shortfall.verified
                                        else "。")))
    cursor.append(styles.headers(sheet, ["所管局", "四半期", "追加人月", "対象の条件"]))
    for gap in result.shortfall.extra_capacity:
        serves = (requirement_ja(result.requirements[gap.serves].requirement)
                  if gap.serves is not None and gap.serves < len(result.requirements) else None)
        cursor.append([gap.bureau, gap.quarter.label,
                       styles.styled(sheet, gap.person_months, number_format=styles.DECIMAL),
                       serves])


def _bureaus(cursor: RowCursor, figures: PlanFigures) -> None:
    sheet = cursor.sheet
    cursor.skip()
    cursor.append(styles.section(sheet, "局別の状況"))
    cursor.append(styles.headers(sheet, ["所管局", "対象手続", "開始前に済", "計画（期限内）",
                                         "計画（期限後）", "計画外", "期限時点累計",
                                         "期限時点割合"]))
    first = cursor.row + 1
    for bureau in figures.bureaus:
        cursor.append([
            styles.styled(sheet, bureau.name, font=styles.BOLD),
            *(styles.styled(sheet, value, number_format=styles.COUNT) for value in (
                bureau.in_scope, bureau.already, bureau.by_deadline, bureau.after_deadline,
                bureau.unplanned, bureau.digitized_by_deadline)),
            styles.styled(sheet, bureau.share_by_deadline, number_format=styles.PERCENT),
        ])
    last = cursor.row
    if last < first:
        return
    in_scope = sum(b.in_scope for b in figures.bureaus)
    reached = sum(b.digitized_by_deadline for b in figures.bureaus)
    cursor.append([
        styles.styled(sheet, "合計", font=styles.BOLD, fill=styles.TOTAL_FILL),
        *(styles.formula(sheet, f"=SUM({letter}{first}:{letter}{last})",
                         number_format=styles.COUNT)
          for letter in "BCDEFG"),
        styles.styled(sheet, reached / in_scope if in_scope else 0.0,
                      number_format=styles.PERCENT, font=styles.BOLD, fill=styles.TOTAL_FILL),
    ])


def _line_chart(title: str, y_title: str, number_format: str) -> LineChart:
    chart = LineChart()
    chart.title = title
    chart.style = 2
    chart.height = 9.5
    chart.width = 22
    chart.x_axis.title = "四半期（期末）"
    chart.y_axis.title = y_title
    chart.y_axis.number_format = number_format
    chart.y_axis.majorGridlines = ChartLines()
    # openpyxl 3.1 hides axes unless told otherwise.
    chart.x_axis.delete = False
    chart.x_axis.axPos = "b"
    chart.y_axis.delete = False
    chart.legend.position = "b"
    return chart


def _charts(sheet: WriteOnlyWorksheet, figures: PlanFigures, header_row: int,
            last_row: int) -> None:
    categories = Reference(sheet, min_col=COL_QUARTER, min_row=header_row + 1, max_row=last_row)
    # Quarter codes are text: refer to them as text (openpyxl would make a number reference).
    labels = AxDataSource(strRef=StrRef(f=str(categories)))

    progress = _line_chart("累計デジタル化手続数と目標", "手続数", styles.COUNT)
    progress.add_data(Reference(sheet, min_col=COL_CUMULATIVE, max_col=COL_MILESTONE,
                                min_row=header_row, max_row=last_row), titles_from_data=True)
    for series in progress.series:
        series.cat = labels
    cumulative, target, milestone = progress.series
    cumulative.marker.symbol = "circle"
    cumulative.smooth = False
    target.graphicalProperties.line.dashStyle = "dash"
    target.smooth = False
    milestone.graphicalProperties.line.noFill = True
    milestone.marker.symbol = "diamond"
    milestone.marker.size = 10
    # The marker's own colour: without it LibreOffice draws it with the series' line, which
    # is hidden (no line between milestones), so the milestones did not show at all.
    milestone.marker.graphicalProperties = GraphicalProperties(solidFill=MILESTONE_COLOUR)
    milestone.marker.graphicalProperties.line.solidFill = MILESTONE_COLOUR
    progress.y_axis.scaling.min = 0
    sheet.add_chart(progress, f"{CHART_ANCHOR_COLUMN}4")

    share = _line_chart("オンライン申請割合（年間申請件数ベース）", "割合", "0%")
    share.add_data(Reference(sheet, min_col=COL_SHARE, min_row=header_row, max_row=last_row),
                   titles_from_data=True)
    share.series[0].cat = labels
    share.series[0].marker.symbol = "circle"
    share.series[0].smooth = False
    share.y_axis.scaling.min = 0
    share.y_axis.scaling.max = 1
    sheet.add_chart(share, f"{CHART_ANCHOR_COLUMN}25")
