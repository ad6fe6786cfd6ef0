"""One step from the database to a report file: pick the scenario and baseline, compute,
render by file extension, write."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine

from dx_planner.domain.baselines import Baseline
from dx_planner.domain.quarters import Quarter
from dx_planner.output_files import OutputFileError, check_writable, replaced_atomically
from dx_planner.persistence.repository import load_inventory
from dx_planner.persistence.scenarios import ScenarioNotFound, latest_scenario_name
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import load_scenario
from dx_planner.progress_report.compute import compute_figures
from dx_planner.progress_report.document import Document
from dx_planner.progress_report.errors import ReportError
from dx_planner.progress_report.figures import ReportFigures
from dx_planner.progress_report.narrative import build_document
from dx_planner.progress_report.render_html import render_html
from dx_planner.progress_report.render_markdown import render_markdown
from dx_planner.progress_report.render_xlsx import render_xlsx
from dx_planner.tracking.actuals import TrackingError
from dx_planner.tracking.baselines import baseline_in_force, load_baseline


def _utf8(render: Callable[[Document], str]) -> Callable[[Document], bytes]:
    return lambda document: render(document).encode("utf-8")


FORMATS: dict[str, Callable[[Document], bytes]] = {
    ".md": _utf8(render_markdown),
    ".html": _utf8(render_html),
    ".htm": _utf8(render_html),
    ".xlsx": render_xlsx,
}


def _renderer(suffix: str) -> Callable[[Document], bytes]:
    try:
        return FORMATS[suffix.lower()]
    except KeyError:
        raise ReportError(f"unknown report type '{suffix or '(none)'}': "
                          "use a file name ending in .md, .html or .xlsx") from None


def _scenario(connection: Connection, name: str | None) -> tuple[str | None, PlanResult | None]:
    name = name or latest_scenario_name(connection)
    if name is None:
        return None, None
    try:
        return name, load_scenario(connection, name)
    except ScenarioNotFound as error:
        raise ReportError(str(error)) from None


def _baseline(connection: Connection, quarter: Quarter, as_of: Quarter | None
              ) -> Baseline | None:
    if as_of is None:
        return baseline_in_force(connection, quarter)
    try:
        return load_baseline(connection, as_of)
    except TrackingError as error:
        raise ReportError(str(error)) from None


def build_figures(connection: Connection, quarter: Quarter, scenario_name: str | None = None,
                  baseline_as_of: Quarter | None = None) -> ReportFigures:
    """The report's figures for ``quarter``.

    The plan for the next quarter is the named scenario (the newest when None; locks only
    when there is none). The baseline is the one published as of ``baseline_as_of``, by
    default the newest published before ``quarter`` (the plan of record during it).
    """
    name, scenario = _scenario(connection, scenario_name)
    baseline = _baseline(connection, quarter, baseline_as_of)
    inventory = load_inventory(connection)
    return compute_figures(inventory, quarter, scenario=scenario, scenario_name=name,
                           baseline=baseline)


def render_report(figures: ReportFigures, suffix: str) -> bytes:
    """The report in the format of ``suffix`` (``.md``, ``.html`` or ``.xlsx``)."""
    return _renderer(suffix)(build_document(figures))


def write_report(engine: Engine, quarter: Quarter, path: str | os.PathLike[str],
                 scenario_name: str | None = None,
                 baseline_as_of: Quarter | None = None) -> ReportFigures:
    """Compute and write the report for ``quarter``; the format follows the file extension.

    The file is replaced only once the whole report is ready.
    """
    target = Path(path)
    render = _renderer(target.suffix)
    try:
        check_writable(target)
    except OutputFileError as error:
        raise ReportError(str(error)) from None
    with engine.connect() as connection:
        figures = build_figures(connection, quarter, scenario_name, baseline_as_of)
    content = render(build_document(figures))
    try:
        with replaced_atomically(target) as temporary:
            temporary.write_bytes(content)
    except OutputFileError as error:
        raise ReportError(str(error)) from None
    return figures
