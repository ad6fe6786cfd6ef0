"""The 28,000-process inventory on PostgreSQL side by side with SQLite (issue 9): medians,
the ratio PostgreSQL / SQLite, and the targets (load ≤ 1 s, import ≤ 10 s, save of 100
edits ≤ 0.5 s on PostgreSQL).

Run (a server from `eval "$(.ci/postgres-start)"`, or any superuser URL):
    .venv/bin/python tests/benchmarks/bench_team_inventory.py [--repeat 5] [--server URL]

- load: what the app reads when it opens a database (the inventory and the login's rights),
  in-process; "load into the app": the desktop app's session opened on it (item models
  built over the 28,000 rows, offscreen);
- import: `dx-planner import inventory.xlsx` into a new database with the schema, timed as a
  whole process as a user runs it (interpreter start-up and reading the workbook included),
  with the history the import writes (triggers on PostgreSQL, the app on SQLite);
- save: the desktop app's save path (`persistence.saving.save_edits`) with 100 changed
  processes, in-process.
PostgreSQL runs as the team database would: `admin init` done, saving as a bureau editor
under row-level security.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import Engine

from dx_planner.demo.load import load_demo
from dx_planner.domain.enums import Status
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.rights import load_rights
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.workbook.apply import export_workbook
from tests.helpers.postgres import PgDatabase, PgServer
from tests.helpers.team import make_team

CLI = [sys.executable, "-m", "dx_planner.cli.main"]
TARGETS = {"load": 1.0, "load into the app": 1.0, "import": 10.0, "save 100 edits": 0.5}


def load(engine: Engine) -> float:
    started = time.perf_counter()
    with engine.connect() as connection:
        repository.load_inventory(connection)
        load_rights(connection)
    return time.perf_counter() - started


def load_app(engine: Engine) -> float:
    """The desktop app's open: the session with its item models over the whole inventory
    (offscreen Qt; the window's widgets are not counted)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application
    from ui.session import Session

    application()
    started = time.perf_counter()
    session = Session.open(engine, str(engine.url))
    elapsed = time.perf_counter() - started
    session.deleteLater()
    return elapsed


def save_100(engine: Engine, round_number: int) -> float:
    with engine.connect() as connection:
        rights = load_rights(connection)
        every = repository.load_processes(connection)
    mine = [p for p in every if rights.may_edit_bureau(p.bureau)][:100]
    assert len(mine) == 100, "the editor's bureau needs 100 processes"
    statuses = (Status.IN_PROGRESS, Status.NOT_STARTED)
    changed = [dataclasses.replace(p, notes=f"round {round_number}",
                                   status=statuses[round_number % 2]
                                   if p.status in statuses else p.status) for p in mine]
    started = time.perf_counter()
    save_edits(engine, Edits(changed=changed))
    return time.perf_counter() - started


def timed_import(url: str, workbook: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*CLI, "--db", url, "import", str(workbook)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def median_of(action: Callable[[int], float], repeat: int) -> list[float]:
    return [action(number) for number in range(repeat)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.environ.get("DX_PLANNER_TEST_PG"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=28_000)
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server or set DX_PLANNER_TEST_PG (eval \"$(.ci/postgres-start)\")")
    folder = Path(tempfile.mkdtemp(prefix="bench-team-"))
    server = PgServer.start(args.server)
    databases: list[PgDatabase] = []
    times: dict[str, dict[str, list[float]]] = {"sqlite": {}, "postgresql": {}}
    try:
        # SQLite: the demo, exported as the workbook both imports read.
        sqlite = open_database(folder / "demo.sqlite3", create=True)
        load_demo(sqlite, args.processes)
        workbook = folder / "inventory.xlsx"
        export_workbook(sqlite, workbook)
        # PostgreSQL: the same demo, a team set up, the editor's own engine.
        team_db = server.new_database()
        databases.append(team_db)
        team = make_team(team_db, args.processes)
        editor = open_database(team.url(team.editor))

        times["sqlite"]["load"] = median_of(lambda _: load(sqlite), args.repeat)
        times["postgresql"]["load"] = median_of(lambda _: load(editor), args.repeat)
        times["sqlite"]["load into the app"] = median_of(lambda _: load_app(sqlite),
                                                         args.repeat)
        times["postgresql"]["load into the app"] = median_of(lambda _: load_app(editor),
                                                             args.repeat)
        times["sqlite"]["save 100 edits"] = median_of(lambda n: save_100(sqlite, n), args.repeat)
        times["postgresql"]["save 100 edits"] = median_of(lambda n: save_100(editor, n),
                                                          args.repeat)
        editor.dispose()
        sqlite.dispose()

        def sqlite_import(number: int) -> float:
            target = folder / f"import{number}.sqlite3"
            open_database(target, create=True).dispose()  # schema creation is not timed
            return timed_import(str(target), workbook)

        def postgresql_import(_: int) -> float:
            fresh = server.new_database()  # the schema, from the template
            databases.append(fresh)
            return timed_import(fresh.owner_url, workbook)

        times["sqlite"]["import"] = median_of(sqlite_import, args.repeat)
        times["postgresql"]["import"] = median_of(postgresql_import, args.repeat)
    finally:
        for database in databases:
            server.drop(database)
        server.close()

    print(f"{args.processes:,} processes, {args.repeat} runs each, medians (min–max)")
    print(f"{'':16} {'SQLite':>22} {'PostgreSQL':>22} {'PG/SQLite':>10} {'target':>8} "
          f"{'PG/target':>10}")
    for what in TARGETS:
        lite, pg = times["sqlite"][what], times["postgresql"][what]
        cells = [f"{statistics.median(t):7.3f} s ({min(t):.2f}–{max(t):.2f})" for t in (lite, pg)]
        print(f"{what:16} {cells[0]:>22} {cells[1]:>22} "
              f"{statistics.median(pg) / statistics.median(lite):10.2f} "
              f"{TARGETS[what]:7.1f}s {statistics.median(pg) / TARGETS[what]:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
