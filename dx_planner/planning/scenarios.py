"""Stored plans ("scenarios"): a plan result to and from what the database stores
(``dx_planner.persistence.scenarios``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.rights import current_login, load_rights
from dx_planner.persistence.scenarios import read_scenario, scenario_author, store_scenario
from dx_planner.planning.result import PlanResult, ShortfallInfo
from dx_planner.planning.settings_json import settings_from_stored, stored_settings


class ScenarioTaken(Exception):
    """The name belongs to another user's scenario, which this user may not replace."""


def _kpis_json(result: PlanResult) -> dict[str, Any]:
    return {
        "objective": result.objective, "bound": result.bound, "gap": result.gap,
        "digitized_by_deadline": result.digitized_by_deadline,
        "already_digitized": result.already_digitized,
        "target_count": result.settings.target_count,
        "share_by_deadline": result.share_by_deadline,
        "cumulative": [[q.code, n] for q, n in result.cumulative],
        "shortfall": result.shortfall.to_json() if result.shortfall else None,
        "solve_seconds": result.solve_seconds, "cancelled": result.cancelled,
    } | result.analysis_json()


def check_scenario_name(connection: Connection, name: str) -> str:
    """The login that will author ``name``; ``ScenarioTaken`` when the name is another
    user's scenario and this user is no admin (in a team database a scenario belongs to
    its author)."""
    login = current_login(connection)
    author = scenario_author(connection, name)
    if author is not None and author != login and not load_rights(connection).is_admin:
        raise ScenarioTaken(f"scenario '{name}' was stored by {author or 'someone else'}; "
                            "only they or an admin may replace it: choose another name")
    return login


def save_scenario(connection: Connection, name: str, result: PlanResult) -> None:
    """Store ``result`` as ``name`` (authored by the connected login), replacing a scenario
    of the same name."""
    author = check_scenario_name(connection, name)
    store_scenario(connection, name, result.status, stored_settings(result.settings),
                   _kpis_json(result), result.assignments, result.reasons, author=author)


def load_scenario(connection: Connection, name: str | None = None) -> PlanResult:
    """A stored scenario (the newest when ``name`` is None); ``ScenarioNotFound`` if none."""
    stored = read_scenario(connection, name)
    kpis = stored.kpis
    shortfall = kpis.get("shortfall")
    result = PlanResult(
        settings=settings_from_stored(stored.settings), status=stored.status,
        objective=kpis["objective"], bound=kpis["bound"],
        gap=kpis["gap"], digitized_by_deadline=kpis["digitized_by_deadline"],
        already_digitized=kpis["already_digitized"],
        cumulative=[(Quarter.parse(q), n) for q, n in kpis["cumulative"]],
        assignments=stored.assignments, reasons=stored.reasons,
        shortfall=ShortfallInfo.from_json(shortfall) if shortfall else None,
        solve_seconds=kpis["solve_seconds"], cancelled=kpis["cancelled"],
    )
    result.load_analysis(kpis)
    return result
