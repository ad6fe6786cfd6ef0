"""The database schema as typed SQLAlchemy declarative models.

Portable SQL only (SQLite and PostgreSQL): enumerations are stored as their English value
in plain strings and quarters as their code (``FY2021Q4``), which sorts correctly as text.
Changes to this file need a new Alembic revision in ``dx_planner/migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

QUARTER = String(8)

# Named constraints so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class BureauRow(Base):
    __tablename__ = "bureaus"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class BureauCapacityRow(Base):
    __tablename__ = "bureau_capacity"

    bureau_id: Mapped[int] = mapped_column(
        ForeignKey("bureaus.id", ondelete="CASCADE"), primary_key=True
    )
    quarter: Mapped[str] = mapped_column(QUARTER, primary_key=True)
    effort: Mapped[float] = mapped_column(Float)


class ChannelRow(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    available_from: Mapped[str | None] = mapped_column(QUARTER, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ChannelLimitRow(Base):
    __tablename__ = "channel_limits"

    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    quarter: Mapped[str] = mapped_column(QUARTER, primary_key=True)
    max_processes: Mapped[int] = mapped_column(Integer)


class ProcessRow(Base):
    __tablename__ = "processes"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    # Keeps the planners' row order stable across import and export.
    position: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(Text)
    bureau_id: Mapped[int] = mapped_column(ForeignKey("bureaus.id"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    authority: Mapped[str] = mapped_column(String(20))
    national_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    national_ready: Mapped[str | None] = mapped_column(QUARTER, nullable=True)
    annual_volume: Mapped[int] = mapped_column(BigInteger)
    effort: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    digitized_quarter: Mapped[str | None] = mapped_column(QUARTER, nullable=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"), index=True)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    major: Mapped[bool] = mapped_column(Boolean, default=False)
    locked_quarter: Mapped[str | None] = mapped_column(QUARTER, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking: every write checks it; the database increments it when the row
    # changes (a trigger, revision 0007, whoever writes), so the app never writes it.
    version: Mapped[int] = mapped_column(Integer, default=1)


class ScenarioRow(Base):
    __tablename__ = "scenarios"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(40))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    kpis: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The login that stored it (revision 0004); blank for scenarios stored before.
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The user's note on it (revision 0006).
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Fingerprints of the inventory it was solved on (revision 0008; None before): the
    # planning layer's business (dx_planner.planning.solved_on), read only with the plan.
    solved_on: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class ScenarioAssignmentRow(Base):
    __tablename__ = "scenario_assignments"

    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    )
    # Not a foreign key: a stored scenario outlives processes deleted later.
    process_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    quarter: Mapped[str | None] = mapped_column(QUARTER, nullable=True)
    reason: Mapped[str] = mapped_column(String(40), default="")


# Core handles for bulk reads and writes.
bureaus = Base.metadata.tables["bureaus"]
bureau_capacity = Base.metadata.tables["bureau_capacity"]
channels = Base.metadata.tables["channels"]
channel_limits = Base.metadata.tables["channel_limits"]
processes = Base.metadata.tables["processes"]
scenarios = Base.metadata.tables["scenarios"]
scenario_assignments = Base.metadata.tables["scenario_assignments"]


# -- progress tracking (revision 0003) ------------------------------------------------
class BaselineRow(Base):
    """A plan published as the plan of record ("baseline") as of a quarter.

    Its items are a snapshot: re-solving or editing the scenario later does not change it.
    """

    __tablename__ = "baselines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # One baseline per quarter: publishing again for the same quarter replaces it.
    as_of: Mapped[str] = mapped_column(QUARTER, unique=True)
    scenario_name: Mapped[str] = mapped_column(String(200))
    published_at: Mapped[datetime] = mapped_column(DateTime)
    in_scope: Mapped[int] = mapped_column(Integer)
    target_count: Mapped[int] = mapped_column(Integer)
    target_share: Mapped[float | None] = mapped_column(Float, nullable=True)
    deadline: Mapped[str] = mapped_column(QUARTER)
    milestones: Mapped[list[Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")


class BaselineItemRow(Base):
    """One process in a baseline: its quarter (actual or planned) and bureau at publication."""

    __tablename__ = "baseline_items"

    baseline_id: Mapped[int] = mapped_column(
        ForeignKey("baselines.id", ondelete="CASCADE"), primary_key=True
    )
    # Not a foreign key: a baseline outlives processes deleted later.
    process_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    quarter: Mapped[str] = mapped_column(QUARTER)
    bureau: Mapped[str] = mapped_column(String(200))
    # "actual" (digitized when published) or "planned" (from the scenario).
    source: Mapped[str] = mapped_column(String(20))


baselines = Base.metadata.tables["baselines"]
baseline_items = Base.metadata.tables["baseline_items"]


# -- the team database (revision 0004) ------------------------------------------------
class HistoryRow(Base):
    """One recorded change: an added or deleted row, or one changed field of a row.

    Written by triggers on PostgreSQL (so changes made outside the app are recorded too) and
    by the app on SQLite, in the transaction of the change. Append-only: nobody but the
    database owner may update or delete it.
    """

    __tablename__ = "history"
    # Few indexes: every write appends here. ``id`` orders the entries as they were written.
    __table_args__ = (Index("ix_history_table_name_row_key", "table_name", "row_key"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    login: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(40))
    # processes: the 手続ID; capacity: "bureau/quarter"; channels: the name; baselines: as_of.
    row_key: Mapped[str] = mapped_column(Text)
    # The row's bureau (processes and capacity), for filtering by bureau.
    bureau: Mapped[str | None] = mapped_column(String(200), nullable=True)
    action: Mapped[str] = mapped_column(String(10))  # insert / update / delete
    # update: the field (template alias, e.g. "status"); insert and delete: NULL and the
    # whole row as JSON in new_value / old_value.
    field: Mapped[str | None] = mapped_column(String(40), nullable=True)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    # processes (revision 0005): the row's version after the insert or update, before the
    # delete; NULL for other tables and for entries written before 0005.
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class TeamRoleRow(Base):
    """The PostgreSQL group roles that ``admin init`` and ``admin add-user`` created for this
    database (role names are cluster-wide, so each database has its own)."""

    __tablename__ = "team_roles"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # admin / viewer / editor / bureau
    bureau_id: Mapped[int | None] = mapped_column(
        ForeignKey("bureaus.id", ondelete="CASCADE"), nullable=True, unique=True)


history = Base.metadata.tables["history"]
team_roles = Base.metadata.tables["team_roles"]
