"""Who is connected and what they may change.

PostgreSQL enforces the rights itself (``persistence.team.security``); the app reads them to
refuse a whole import or save before writing, to show other bureaus' rows read-only and to
show the login and role. An SQLite file has one user, who may do everything.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from dx_planner.persistence.database import INSUFFICIENT_PRIVILEGE, driver_reason, sqlstate

ADMIN, EDITOR, VIEWER = "admin", "editor", "viewer"


@dataclass(frozen=True, slots=True)
class Rights:
    login: str
    role: str  # admin / editor / viewer
    # The bureaus an editor may change (empty for admins, who may change all, and viewers).
    bureaus: frozenset[str] = frozenset()

    @property
    def described(self) -> str:
        """``tanaka is a bureau editor (福祉保健局)``: for messages."""
        what = {ADMIN: "an admin", EDITOR: "a bureau editor", VIEWER: "a viewer"}[self.role]
        bureaus = f" ({'、'.join(sorted(self.bureaus))})" if self.bureaus else ""
        return f"{self.login} is {what}{bureaus}"

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def read_only(self) -> bool:
        return self.role == VIEWER

    def may_edit_bureau(self, bureau: str) -> bool:
        """May add, change and delete this bureau's processes and capacity."""
        return self.is_admin or bureau in self.bureaus


def os_login() -> str:
    """The name of the user running the app: the author of changes to an SQLite file."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no USER variable and no password-database entry
        return "local"


def current_login(connection: Connection) -> str:
    """The login that changes are recorded under (``session_user`` on PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        return str(connection.execute(text("SELECT session_user")).scalar_one())
    return os_login()


def load_rights(connection: Connection) -> Rights:
    if connection.dialect.name != "postgresql":
        return Rights(os_login(), ADMIN)
    login, unrestricted, secured = connection.execute(text(
        "SELECT session_user::text, r.rolsuper OR r.rolbypassrls, "
        "       to_regprocedure('dx_is_admin()') IS NOT NULL "
        "FROM pg_roles r WHERE r.rolname = current_user")).one()
    # Without ``admin init`` there are no policies: whoever may connect writes what the
    # grants allow (typically the owner, alone on the database).
    if unrestricted or not secured or connection.execute(
            text("SELECT dx_is_admin()")).scalar_one():
        return Rights(login, ADMIN)
    bureaus = frozenset(connection.execute(text(
        "SELECT b.name FROM bureaus b WHERE b.id IN (SELECT dx_editable_bureaus())")).scalars())
    return Rights(login, EDITOR if bureaus else VIEWER, bureaus)


def refusal(error: DBAPIError) -> str | None:
    """The database's one-line reason when it refused a write for lack of rights, else None."""
    if sqlstate(error) != INSUFFICIENT_PRIVILEGE:
        return None
    return (f"the database refused the change: {driver_reason(error)} "
            "(your login lacks the right)")
