"""Stored plans ("scenarios") in the database: a name, settings and KPIs as JSON, and one
row per process with its quarter (None = not planned) and reason code.

What the JSON holds is the planning layer's business (``dx_planner.planning.scenarios``);
this module only reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.schema import scenario_assignments, scenarios


class ScenarioNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    name: str
    created_at: datetime
    status: str
    kpis: dict[str, Any]
    note: str = ""
    author: str = ""

    @property
    def cancelled(self) -> bool:
        """The plan of a run that was cancelled (the best plan found so far)."""
        return bool(self.kpis.get("cancelled"))


@dataclass(frozen=True, slots=True)
class StoredScenario:
    name: str
    status: str
    settings: dict[str, Any]
    kpis: dict[str, Any]
    assignments: dict[str, Quarter]  # planned processes only
    reasons: dict[str, str]  # every process the plan covers
    # fingerprints of the inventory it was solved on (revision 0008); None before
    solved_on: dict[str, Any] | None = None


def store_scenario(connection: Connection, name: str, status: str, settings: dict[str, Any],
                   kpis: dict[str, Any], assignments: Mapping[str, Quarter],
                   reasons: Mapping[str, str], *, author: str,
                   solved_on: dict[str, Any] | None = None) -> None:
    """Store under ``name``, replacing a scenario of the same name."""
    connection.execute(delete(scenarios).where(scenarios.c.name == name))
    inserted = connection.execute(insert(scenarios).values(
        name=name, created_at=datetime.now(UTC).replace(tzinfo=None), status=status,
        settings=settings, kpis=kpis, author=author, solved_on=solved_on,
    ))
    scenario_id = inserted.inserted_primary_key[0]  # type: ignore[index]
    rows = [{"scenario_id": scenario_id, "process_id": pid,
             "quarter": (assignments[pid].code if pid in assignments else None),
             "reason": reason}
            for pid, reason in reasons.items()]
    if rows:
        connection.execute(insert(scenario_assignments), rows)


def scenario_author(connection: Connection, name: str) -> str | None:
    """Who stored the scenario ``name``; None when there is none."""
    author: str | None = connection.execute(
        select(scenarios.c.author).where(scenarios.c.name == name)).scalar()
    return author


def list_scenarios(connection: Connection) -> list[ScenarioSummary]:
    """Every stored scenario, the newest first."""
    query = select(scenarios.c.name, scenarios.c.created_at, scenarios.c.status,
                   scenarios.c.kpis, scenarios.c.note, scenarios.c.author
                   ).order_by(scenarios.c.created_at.desc(), scenarios.c.id.desc())
    return [ScenarioSummary(name, created, status, kpis, note or "", author or "")
            for name, created, status, kpis, note, author in connection.execute(query)]


def rename_scenario_row(connection: Connection, old: str, new: str) -> None:
    """Rename; ``ScenarioNotFound`` when there is no ``old``. The caller checks that ``new``
    is free and that the user may change ``old``."""
    changed = connection.execute(update(scenarios).where(scenarios.c.name == old)
                                 .values(name=new)).rowcount
    if not changed:
        raise ScenarioNotFound(f"no scenario named '{old}'")


def delete_scenario_row(connection: Connection, name: str) -> None:
    """Delete a scenario with its assignments; ``ScenarioNotFound`` when there is none."""
    ids = select(scenarios.c.id).where(scenarios.c.name == name).scalar_subquery()
    # Assignments first: SQLite enforces ON DELETE CASCADE only with its foreign-key pragma.
    connection.execute(delete(scenario_assignments)
                       .where(scenario_assignments.c.scenario_id.in_(ids)))
    if not connection.execute(delete(scenarios).where(scenarios.c.name == name)).rowcount:
        raise ScenarioNotFound(f"no scenario named '{name}'")


def set_scenario_note_row(connection: Connection, name: str, note: str) -> None:
    """Set the note of a scenario; ``ScenarioNotFound`` when there is none."""
    changed = connection.execute(update(scenarios).where(scenarios.c.name == name)
                                 .values(note=note)).rowcount
    if not changed:
        raise ScenarioNotFound(f"no scenario named '{name}'")


def latest_scenario_name(connection: Connection) -> str | None:
    summaries = list_scenarios(connection)
    return summaries[0].name if summaries else None


def read_scenario(connection: Connection, name: str | None = None) -> StoredScenario:
    """A stored scenario (the newest when ``name`` is None)."""
    name = name or latest_scenario_name(connection)
    row = connection.execute(
        select(scenarios.c.id, scenarios.c.status, scenarios.c.settings, scenarios.c.kpis,
               scenarios.c.solved_on)
        .where(scenarios.c.name == name)
    ).first()
    if row is None or name is None:
        raise ScenarioNotFound(f"no scenario named '{name}'" if name else "no stored scenario")
    scenario_id, status, settings, kpis, solved_on = row
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
    return StoredScenario(name, status, settings, kpis, assignments, reasons, solved_on)
