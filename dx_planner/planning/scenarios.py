"""Stored plans ("scenarios"): a plan result to and from what the database stores
(``dx_planner.persistence.scenarios``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.rights import current_login, load_rights
from dx_planner.persistence.scenarios import (
    ScenarioNotFound,
    delete_scenario_row,
    read_scenario,
    rename_scenario_row,
    scenario_author,
    set_scenario_note_row,
    store_scenario,
)
from dx_planner.planning.result import PlanResult, ShortfallInfo
from dx_planner.planning.settings_json import settings_from_stored, stored_settings
from dx_planner.planning.solved_on import SolvedOn


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


def _check_may_change(connection: Connection, name: str) -> None:
    """``ScenarioNotFound`` for an unknown name; ``ScenarioTaken`` when it is another user's
    scenario and this user is no admin."""
    if scenario_author(connection, name) is None:
        raise ScenarioNotFound(f"no scenario named '{name}'")
    check_scenario_name(connection, name)


def rename_scenario(connection: Connection, old: str, new: str) -> None:
    """Rename a stored scenario (its author or an admin). Published baselines keep the name
    they were published from: they are snapshots."""
    new = new.strip()
    if not new:
        raise ValueError("a scenario name cannot be empty")
    if new == old:
        return
    _check_may_change(connection, old)
    if scenario_author(connection, new) is not None:
        raise ScenarioTaken(f"a scenario named '{new}' exists already: choose another name")
    rename_scenario_row(connection, old, new)


def delete_scenario(connection: Connection, name: str) -> None:
    """Delete a stored scenario (its author or an admin)."""
    _check_may_change(connection, name)
    delete_scenario_row(connection, name)


def set_scenario_note(connection: Connection, name: str, note: str) -> None:
    """Set the note of a stored scenario (its author or an admin)."""
    _check_may_change(connection, name)
    set_scenario_note_row(connection, name, note.strip())


def save_scenario(connection: Connection, name: str, result: PlanResult) -> None:
    """Store ``result`` as ``name`` (authored by the connected login), replacing a scenario
    of the same name. A cancelled run's plan (the best found so far, checked) is stored like
    any other; its KPIs say it was cancelled."""
    author = check_scenario_name(connection, name)
    store_scenario(connection, name, result.status, stored_settings(result.settings),
                   _kpis_json(result), result.assignments, result.reasons, author=author,
                   solved_on=result.solved_on.to_json() if result.solved_on else None)


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
        solved_on=SolvedOn.from_json(stored.solved_on) if stored.solved_on else None,
    )
    result.load_analysis(kpis)
    return result
