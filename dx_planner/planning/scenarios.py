"""Stored plans ("scenarios"): a plan result to and from what the database stores
(``dx_planner.persistence.scenarios``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.rights import current_login, load_rights
from dx_planner.persistence.scenarios import read_scenario, scenario_author, store_scenario
from dx_planner.planning.result import CapacityGap, PlanResult, ShortfallInfo
from dx_planner.planning.settings import ResolvedSettings


class ScenarioTaken(Exception):
    """The name belongs to another user's scenario, which this user may not replace."""


def _settings_json(settings: ResolvedSettings) -> dict[str, Any]:
    return settings.to_json() | {
        "target_share": settings.target_share, "in_scope": settings.in_scope,
        "time_limit": settings.time_limit,
        "assume_national_ready": (settings.assume_national_ready.code
                                  if settings.assume_national_ready else None),
    }


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
    }


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
    store_scenario(connection, name, result.status, _settings_json(result.settings),
                   _kpis_json(result), result.assignments, result.reasons, author=author)


def load_scenario(connection: Connection, name: str | None = None) -> PlanResult:
    """A stored scenario (the newest when ``name`` is None); ``ScenarioNotFound`` if none."""
    stored = read_scenario(connection, name)
    settings_json, kpis = stored.settings, stored.kpis
    settings = ResolvedSettings(
        start=Quarter.parse(settings_json["start"]),
        deadline=Quarter.parse(settings_json["deadline"]),
        end=Quarter.parse(settings_json["end"]),
        target_count=settings_json["target_count"],
        target_share=settings_json["target_share"],
        milestones=tuple((Quarter.parse(q), n) for q, n in settings_json["milestones"]),
        in_scope=settings_json["in_scope"],
        time_limit=settings_json["time_limit"],
        assume_national_ready=(Quarter.parse(settings_json["assume_national_ready"])
                               if settings_json.get("assume_national_ready") else None),
    )
    shortfall = kpis.get("shortfall")
    return PlanResult(
        settings=settings, status=stored.status, objective=kpis["objective"], bound=kpis["bound"],
        gap=kpis["gap"], digitized_by_deadline=kpis["digitized_by_deadline"],
        already_digitized=kpis["already_digitized"],
        cumulative=[(Quarter.parse(q), n) for q, n in kpis["cumulative"]],
        assignments=stored.assignments, reasons=stored.reasons,
        shortfall=ShortfallInfo(shortfall["missing"], [
            CapacityGap(g["bureau"], Quarter.parse(g["quarter"]), g["person_months"])
            for g in shortfall["extra_capacity"]],
            shortfall.get("closable_by_capacity")) if shortfall else None,
        solve_seconds=kpis["solve_seconds"], cancelled=kpis["cancelled"],
    )
