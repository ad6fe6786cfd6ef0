"""``admin init``: group roles, grants and row-level security of a team database.

Every statement is idempotent (roles created when missing, grants repeated, policies dropped
and created again), so running it again after an upgrade brings an older database in line.

Who may do what (planning-model.md §5):
- the group role ``<prefix>viewer`` reads everything;
- ``<prefix>editor`` reads everything and writes processes and capacity, but row-level
  security limits those writes to the bureaus whose role ``<prefix>bureau_<id>`` the login
  is a member of (each bureau role is a member of the editor role);
- ``<prefix>admin`` writes everything (bureaus, channels, baselines too);
- anyone who may read stores scenarios; a scenario belongs to its author (``session_user``).

Policies ask ``pg_has_role(current_user, …)``: role membership, which a client cannot change,
never a session setting. ``FORCE`` makes them hold for the table owner too (the owner is made
a member of the admin role); superusers bypass them as always.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, text

from dx_planner.persistence.schema import team_roles
from dx_planner.persistence.team import TeamError

ADMIN, EDITOR, VIEWER, BUREAU = "admin", "editor", "viewer", "bureau"
GROUPS = (ADMIN, EDITOR, VIEWER)

# Tables whose rows belong to a bureau: editors write only their own bureaus' rows.
BUREAU_TABLES = ("processes", "bureau_capacity")
# Tables only admins write.
ADMIN_TABLES = ("bureaus", "channels", "channel_limits", "baselines", "baseline_items")
# Tables every reader writes (stored plans), limited by row-level security to their author.
SCENARIO_TABLES = ("scenarios", "scenario_assignments")
# Tables nobody writes but the owner (and the owner's trigger function, for history).
READ_ONLY_TABLES = ("history", "team_roles", "alembic_version")
ALL_TABLES = BUREAU_TABLES + ADMIN_TABLES + SCENARIO_TABLES + READ_ONLY_TABLES


@dataclass(frozen=True, slots=True)
class InitReport:
    database: str
    owner: str
    roles: dict[str, str]  # kind -> role name


def quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def role_prefix(database: str) -> str:
    """Role names are cluster-wide, so they carry the database's name (``dx_admin`` for
    database ``dx``); a name that does not make a plain identifier is replaced by a hash."""
    if re.fullmatch(r"[a-z][a-z0-9_]{0,39}", database):
        return f"{database}_"
    return "dx_" + hashlib.sha1(database.encode()).hexdigest()[:10] + "_"


def require_postgresql(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise TeamError("team administration needs a PostgreSQL database "
                        "(--db postgresql+psycopg://LOGIN@HOST/DB); an SQLite file has one user")


def group_roles(connection: Connection) -> dict[str, str]:
    """This database's group roles by kind (admin, editor, viewer); empty before ``init``."""
    return {kind: name for name, kind in connection.execute(
        select(team_roles.c.role_name, team_roles.c.kind).where(team_roles.c.kind.in_(GROUPS)))}


def ensure_role(connection: Connection, name: str) -> None:
    """A group role (no login) named ``name``, created when missing."""
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"),
                                {"name": name}).first()
    if not exists:
        connection.exec_driver_sql(f"CREATE ROLE {quote(connection, name)} NOLOGIN")


def _check_owner(connection: Connection) -> tuple[str, str]:
    database, owner, login, superuser = connection.execute(text(
        "SELECT current_database(), pg_get_userbyid(d.datdba), session_user::text, r.rolsuper "
        "FROM pg_database d, pg_roles r "
        "WHERE d.datname = current_database() AND r.rolname = session_user")).one()
    if login != owner and not superuser:
        raise TeamError(f"admin init must be run by the owner of database {database} "
                        f"({owner}), not by {login}")
    return database, owner


def init_security(connection: Connection) -> InitReport:
    """Create or bring up to date roles, grants and policies (the schema is already at head)."""
    require_postgresql(connection)
    database, owner = _check_owner(connection)
    roles = group_roles(connection)
    prefix = role_prefix(database)
    for kind in GROUPS:
        if kind not in roles:
            roles[kind] = f"{prefix}{kind}"
            connection.execute(delete(team_roles).where(team_roles.c.role_name == roles[kind]))
            connection.execute(insert(team_roles).values(role_name=roles[kind], kind=kind))
        ensure_role(connection, roles[kind])
    q = {kind: quote(connection, name) for kind, name in roles.items()}
    everyone = f"{q[ADMIN]}, {q[EDITOR]}, {q[VIEWER]}"
    run = connection.exec_driver_sql

    # The owner is an admin too: FORCE applies the policies to the owner as well.
    run(f"GRANT {q[ADMIN]} TO {quote(connection, owner)}")
    schema = connection.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    run(_IS_ADMIN.format(schema=schema))
    run(_EDITABLE_BUREAUS.format(schema=schema))

    database_name = quote(connection, database)
    run(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database_name} FROM PUBLIC")
    run(f"GRANT CONNECT, TEMPORARY ON DATABASE {database_name} TO {everyone}")
    tables = ", ".join(ALL_TABLES)
    run(f"REVOKE ALL ON {tables} FROM PUBLIC")
    run(f"GRANT SELECT ON {tables} TO {everyone}")
    run(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(BUREAU_TABLES)} TO {q[EDITOR]}, {q[ADMIN]}")
    run(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(ADMIN_TABLES)} TO {q[ADMIN]}")
    run(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(SCENARIO_TABLES)} TO {everyone}")
    run(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {everyone}")

    for table in BUREAU_TABLES + SCENARIO_TABLES:
        run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        run(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        for (name,) in connection.execute(text(
                "SELECT policyname FROM pg_policies "
                "WHERE schemaname = current_schema() AND tablename = :table"), {"table": table}):
            run(f"DROP POLICY {quote(connection, name)} ON {table}")
        for statement in _policies(table):
            run(statement)
    return InitReport(database, owner, roles)


_IS_ADMIN = """
CREATE OR REPLACE FUNCTION dx_is_admin() RETURNS boolean
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM team_roles t JOIN pg_roles g ON g.rolname = t.role_name
        WHERE t.kind = 'admin' AND pg_has_role(current_user, g.oid, 'MEMBER'))
$$"""

_EDITABLE_BUREAUS = """
CREATE OR REPLACE FUNCTION dx_editable_bureaus() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT t.bureau_id FROM team_roles t JOIN pg_roles g ON g.rolname = t.role_name
    WHERE t.kind = 'bureau' AND pg_has_role(current_user, g.oid, 'MEMBER')
$$"""

# In a sub-select, so that the function runs once per statement, not once per row.
_ADMIN = "(SELECT dx_is_admin())"
_OWN_BUREAU = "bureau_id IN (SELECT dx_editable_bureaus())"
_AUTHOR = f"(author = session_user OR {_ADMIN})"


def _policies(table: str) -> list[str]:
    read = f"CREATE POLICY dx_read ON {table} FOR SELECT USING (true)"
    if table in BUREAU_TABLES:
        return [
            read,
            f"CREATE POLICY dx_admin ON {table} FOR ALL USING ({_ADMIN}) WITH CHECK ({_ADMIN})",
            f"CREATE POLICY dx_bureau_insert ON {table} FOR INSERT WITH CHECK ({_OWN_BUREAU})",
            # WITH CHECK on the new row: a process cannot be moved to another bureau.
            f"CREATE POLICY dx_bureau_update ON {table} FOR UPDATE USING ({_OWN_BUREAU}) "
            f"WITH CHECK ({_OWN_BUREAU})",
            f"CREATE POLICY dx_bureau_delete ON {table} FOR DELETE USING ({_OWN_BUREAU})",
        ]
    if table == "scenarios":
        return [
            read,
            f"CREATE POLICY dx_author_insert ON {table} FOR INSERT "
            "WITH CHECK (author = session_user)",
            f"CREATE POLICY dx_author_update ON {table} FOR UPDATE USING {_AUTHOR} "
            f"WITH CHECK {_AUTHOR}",
            f"CREATE POLICY dx_author_delete ON {table} FOR DELETE USING {_AUTHOR}",
        ]
    assert table == "scenario_assignments"
    owned = f"scenario_id IN (SELECT id FROM scenarios WHERE {_AUTHOR})"
    return [read, f"CREATE POLICY dx_author ON {table} FOR ALL USING ({owned}) "
                  f"WITH CHECK ({owned})"]
