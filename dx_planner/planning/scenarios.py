"""Stored plans ("scenarios"): settings, KPIs and assignments under a name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.rights import current_login, load_rights
from dx_planner.persistence.schema import scenario_assignments, scenarios
from dx_planner.planning.result import CapacityGap, PlanResult, ShortfallInfo
from dx_planner.planning.settings import ResolvedSettings


class ScenarioNotFound(LookupError):
    pass


class ScenarioTaken(Exception):
    """The name belongs to another user's scenario, which this user may not replace."""


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    name: str
    created_at: datetime
    status: str
    kpis: dict[str, Any]


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
    author = connection.execute(select(scenarios.c.author)
                                .where(scenarios.c.name == name)).scalar()
    if author is not None and author != login and not load_rights(connection).is_admin:
        raise ScenarioTaken(f"scenario '{name}' was stored by {author or 'someone else'}; "
                            "only they or an admin may replace it: choose another name")
    return login


def save_scenario(connection: Connection, name: str, result: PlanResult) -> None:
    """Store ``result`` as ``name`` (authored by the connected login), replacing a scenario
    of the same name."""
    author = check_scenario_name(connection, name)
    connection.execute(delete(scenarios).where(scenarios.c.name == name))
    inserted = connection.execute(insert(scenarios).values(
        name=name, created_at=datetime.now(UTC).replace(tzinfo=None), status=result.status,
        settings=_settings_json(result.settings), kpis=_kpis_json(result), author=author,
    ))
    scenario_id = inserted.inserted_primary_key[0]  # type: ignore[index]
    rows = [{"scenario_id": scenario_id, "process_id": pid,
             "quarter": (result.assignments[pid].code if pid in result.assignments else None),
             "reason": reason}
            for pid, reason in result.reasons.items()]
    if rows:
        connection.execute(insert(scenario_assignments), rows)


def list_scenarios(connection: Connection) -> list[ScenarioSummary]:
    query = select(scenarios.c.name, scenarios.c.created_at, scenarios.c.status,
                   scenarios.c.kpis).order_by(scenarios.c.created_at.desc(), scenarios.c.id.desc())
    return [ScenarioSummary(name, created, status, kpis)
            for name, created, status, kpis in connection.execute(query)]


def latest_scenario_name(connection: Connection) -> str | None:
    summaries = list_scenarios(connection)
    return summaries[0].name if summaries else None


def load_scenario(connection: Connection, name: str | None = None) -> PlanResult:
    """A stored scenario (the newest when ``name`` is None)."""
    name = name or latest_scenario_name(connection)
    row = connection.execute(
        select(scenarios.c.id, scenarios.c.status, scenarios.c.settings, scenarios.c.kpis)
        .where(scenarios.c.name == name)
    ).first()
    if row is None:
        raise ScenarioNotFound(f"no scenario named '{name}'" if name else "no stored scenario")
    scenario_id, status, settings_json, kpis = row
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
    assignments: dict[str, Quarter] = {}
    reasons: dict[str, str] = {}
    quarter_cache: dict[str, Quarter] = {}
    for pid, quarter, reason in connection.execute(
        select(scenario_assignments.c.process_id, scenario_assignments.c.quarter,
               scenario_assignments.c.reason)
        .where(scenario_assignments.c.scenario_id == scenario_id)
    ):
        reasons[pid] = reason
        if quarter is not None:
            assignments[pid] = quarter_cache.setdefault(quarter, Quarter.parse(quarter))
    shortfall = kpis.get("shortfall")
    return PlanResult(
        settings=settings, status=status, objective=kpis["objective"], bound=kpis["bound"],
        gap=kpis["gap"], digitized_by_deadline=kpis["digitized_by_deadline"],
        already_digitized=kpis["already_digitized"],
        cumulative=[(Quarter.parse(q), n) for q, n in kpis["cumulative"]],
        assignments=assignments, reasons=reasons,
        shortfall=ShortfallInfo(shortfall["missing"], [
            CapacityGap(g["bureau"], Quarter.parse(g["quarter"]), g["person_months"])
            for g in shortfall["extra_capacity"]],
            shortfall.get("closable_by_capacity")) if shortfall else None,
        solve_seconds=kpis["solve_seconds"], cancelled=kpis["cancelled"],
    )
