"""``admin add-user`` and ``admin list-users``: logins and the group roles they belong to.

A login is an ordinary PostgreSQL role with LOGIN; its rights are its memberships in this
database's group roles. Adding a login that exists (it may use another team database on the
same server) only sets its memberships here; running add-user again replaces them (and its
password, when one is given: the result says so). The database's owner is always an admin:
add-user refuses to change it. Login names are plain SQL identifiers (what psql users type
without quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, text

from dx_planner.persistence.schema import bureaus, team_roles
from dx_planner.persistence.team import TeamError
from dx_planner.persistence.team.security import (
    ADMIN,
    BUREAU,
    EDITOR,
    VIEWER,
    ensure_role,
    group_roles,
    quote,
    require_postgresql,
)


@dataclass(frozen=True, slots=True)
class TeamUser:
    login: str
    role: str  # admin / editor / viewer
    bureaus: tuple[str, ...]
    owner: bool = False
    existed: bool = False  # the login was there before (add-user changed its rights)
    password_replaced: bool = False  # an existing login's password was replaced


def _groups_or_fail(connection: Connection) -> dict[str, str]:
    require_postgresql(connection)
    roles = group_roles(connection)
    if not roles:
        raise TeamError("this database has no team roles yet: its owner must run "
                        "`dx-planner admin init` first")
    return roles


def _bureau_role(connection: Connection, bureau_id: int, editor_role: str) -> str:
    """The group role of one bureau (a member of the editor role), created on first use."""
    name = connection.execute(select(team_roles.c.role_name)
                              .where(team_roles.c.bureau_id == bureau_id)).scalar()
    if name is None:
        name = editor_role.removesuffix(EDITOR) + f"bureau_{bureau_id}"
        connection.execute(insert(team_roles).values(role_name=name, kind=BUREAU,
                                                     bureau_id=bureau_id))
    ensure_role(connection, name)
    connection.exec_driver_sql(f"GRANT {quote(connection, editor_role)} TO "
                               f"{quote(connection, name)}")
    return name


def add_user(connection: Connection, login: str, role: str, bureau_names: Sequence[str] = (),
             password: str | None = None) -> TeamUser:
    """Create ``login`` (if new) with exactly the rights of ``role`` in this database."""
    groups = _groups_or_fail(connection)
    if role not in (ADMIN, EDITOR, VIEWER):
        raise ValueError(role)
    if not _PLAIN_LOGIN.fullmatch(login):
        raise TeamError(f"invalid login name {login!r}: use lowercase letters, digits and _, "
                        "starting with a letter or _ (at most 63 characters)")
    if login == _owner(connection):
        raise TeamError(f"{login} owns this database and is always an admin: add-user does "
                        "not change it (its password: ALTER ROLE in psql)")
    ours = set(connection.execute(select(team_roles.c.role_name)).scalars())
    if login in ours:
        raise TeamError(f"{login} is one of this database's group roles, not a login")
    ids: dict[str, int] = {}
    if role == EDITOR:
        known: dict[str, int] = {name: bureau_id for name, bureau_id in connection.execute(
            select(bureaus.c.name, bureaus.c.id))}
        unknown = [name for name in bureau_names if name not in known]
        if unknown:
            listed = "、".join(known) or "none yet: import the inventory first"
            raise TeamError(f"unknown bureau(s): {'、'.join(unknown)} (known: {listed})")
        ids = {name: known[name] for name in dict.fromkeys(bureau_names)}
    quoted = quote(connection, login)
    existing = connection.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"),
                                  {"n": login}).first()
    if existing is None:
        connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN")
    elif not existing[0]:
        raise TeamError(f"role {login} exists and cannot log in: choose another login name")
    if password is not None:
        connection.exec_driver_sql(
            f"ALTER ROLE {quoted} PASSWORD "
            f"{_literal(connection, _encrypted(connection, login, password))}")
    # Replace this database's memberships (a login may hold rights in other databases).
    for (name,) in connection.execute(text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :login"), {"login": login}):
        if name in ours:
            connection.exec_driver_sql(f"REVOKE {quote(connection, name)} FROM {quoted}")
    if role == EDITOR:
        for bureau_id in ids.values():
            connection.exec_driver_sql(
                f"GRANT {quote(connection, _bureau_role(connection, bureau_id, groups[EDITOR]))}"
                f" TO {quoted}")
    else:
        connection.exec_driver_sql(f"GRANT {quote(connection, groups[role])} TO {quoted}")
    return TeamUser(login, role, tuple(ids), existed=existing is not None,
                    password_replaced=existing is not None and password is not None)


# What psql users type without quotes: PostgreSQL folds unquoted names to lowercase.
_PLAIN_LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def _owner(connection: Connection) -> str:
    return str(connection.execute(text(
        "SELECT pg_get_userbyid(datdba) FROM pg_database "
        "WHERE datname = current_database()")).scalar_one())


def _encrypted(connection: Connection, login: str, password: str) -> str:
    """The SCRAM verifier, computed here by libpq: the password itself never reaches the
    server (nor its statement log)."""
    raw = connection.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
                 ).decode()


def _literal(connection: Connection, value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def list_users(connection: Connection) -> list[TeamUser]:
    """Every login with rights in this database, by login name."""
    _groups_or_fail(connection)
    owner = _owner(connection)
    rows = connection.execute(text(
        "SELECT u.rolname, t.kind, b.name FROM team_roles t "
        "JOIN pg_roles g ON g.rolname = t.role_name "
        "JOIN pg_auth_members m ON m.roleid = g.oid "
        "JOIN pg_roles u ON u.oid = m.member AND u.rolcanlogin "
        "LEFT JOIN bureaus b ON b.id = t.bureau_id "
        "ORDER BY u.rolname, b.position, b.id"))
    kinds: dict[str, set[str]] = {}
    bureau_lists: dict[str, list[str]] = {}
    for login, kind, bureau in rows:
        kinds.setdefault(login, set()).add(kind)
        if bureau is not None:
            bureau_lists.setdefault(login, []).append(bureau)
    users = []
    for login, found in kinds.items():
        role = ADMIN if ADMIN in found else EDITOR if BUREAU in found or EDITOR in found \
            else VIEWER
        users.append(TeamUser(login, role, tuple(bureau_lists.get(login, [])),
                              owner=login == owner))
    return users
