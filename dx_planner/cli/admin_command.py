"""``dx-planner admin init | add-user | list-users``: setting up a team database.

``main.py`` registers them with ``add_admin_parser(commands)``; problems are ``TeamError``.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from dx_planner.cli.usage import Commands
from dx_planner.persistence.database import open_database, resolve_url
from dx_planner.persistence.retry import run_transaction
from dx_planner.persistence.team import TeamError
from dx_planner.persistence.team.security import ADMIN, EDITOR, VIEWER, init_security
from dx_planner.persistence.team.users import add_user, list_users

ROLE_NAMES = {ADMIN: "admin", EDITOR: "bureau editor", VIEWER: "viewer"}


def add_admin_parser(commands: Commands) -> None:
    admin = commands.add_parser(
        "admin", help="set up a team database on PostgreSQL: roles, rights, logins",
        description="Team administration on a PostgreSQL database (planning-model.md §5).")
    actions = admin.add_subparsers(dest="admin_action", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init", help="schema, group roles, row-level security and history triggers "
                     "(run by the database owner; running it again upgrades)")
    init.set_defaults(handler=cmd_admin_init)

    user = actions.add_parser("add-user", help="create a login and grant its rights")
    user.add_argument("login", metavar="LOGIN")
    role = user.add_mutually_exclusive_group(required=True)
    role.add_argument("--admin", action="store_true",
                      help="everything, including channels and publishing baselines")
    role.add_argument("--bureau", action="append", metavar="NAME",
                      help="edits this bureau's processes and capacity (repeatable)")
    role.add_argument("--viewer", action="store_true", help="reads everything, writes nothing")
    user.add_argument("--password-stdin", action="store_true",
                      help="read the login's password from the first line of standard input")
    user.set_defaults(handler=cmd_admin_add_user)

    users = actions.add_parser("list-users", help="logins, roles and bureaus")
    users.set_defaults(handler=cmd_admin_list_users)


def _postgresql(args: argparse.Namespace) -> Engine:
    # Said before opening: an SQLite location need not even exist for this answer.
    if make_url(resolve_url(args.db)).get_backend_name() != "postgresql":
        raise TeamError("admin commands need a PostgreSQL database "
                        "(--db postgresql+psycopg://LOGIN@HOST/DB); an SQLite file has one user")
    return open_database(args.db)


def cmd_admin_init(args: argparse.Namespace) -> int:
    engine = _postgresql(args)  # opening brings the schema to the newest revision
    try:
        # Altering the shared tables can cross an editor's locks: run again if so.
        report = run_transaction(engine, init_security)
    finally:
        engine.dispose()
    roles = ", ".join(f"{kind} = {name}" for kind, name in report.roles.items())
    print(f"team database {report.database} ready (owner {report.owner}; group roles: {roles})")
    return 0


def _read_password() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise TeamError("--password-stdin: standard input holds no password")
    return password


def cmd_admin_add_user(args: argparse.Namespace) -> int:
    role = ADMIN if args.admin else VIEWER if args.viewer else EDITOR
    password = _read_password() if args.password_stdin else None
    engine = _postgresql(args)
    try:
        user = run_transaction(engine, lambda connection: add_user(
            connection, args.login, role, args.bureau or (), password))
    finally:
        engine.dispose()
    bureaus = f" for {'、'.join(user.bureaus)}" if user.bureaus else ""
    existing = (" (existing login: rights replaced, password replaced)" if user.password_replaced
                else " (existing login: rights replaced, password unchanged)" if user.existed
                else "")
    print(f"{user.login}: {ROLE_NAMES[user.role]}{bureaus}{existing}")
    return 0


def cmd_admin_list_users(args: argparse.Namespace) -> int:
    engine = _postgresql(args)
    try:
        with engine.connect() as connection:
            users = list_users(connection)
    finally:
        engine.dispose()
    width = max([len("login"), *(len(user.login) for user in users)])
    print(f"{'login':<{width}}  {'role':<13}  bureaus")
    for user in users:
        role = ROLE_NAMES[user.role] + (" (owner)" if user.owner else "")
        print(f"{user.login:<{width}}  {role:<13}  {'、'.join(user.bureaus)}".rstrip())
    return 0
