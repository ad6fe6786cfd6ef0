"""Load test (issue 9): concurrent editors on one PostgreSQL team database, no lost update.

Run (a server from `eval "$(.ci/postgres-start)"`, or any superuser URL):
    .venv/bin/python tests/benchmarks/load_team_editors.py [--editors 10] [--edits 200]
        [--hot 20] [--server URL]

A database with the demo inventory is created, with one login per editor, all bureau editors
of the same bureau. Each editor is its own OS process with its own connection and login: it
loads the inventory once (as the desktop app does), then repeatedly edits one of the
bureau's ``--hot`` processes (they overlap between editors on purpose) and saves it through
the app's own save path (``persistence.saving.save_edits``: version checked in the WHERE,
history by the triggers). A save refused as a conflict re-reads that row ("take theirs") and
goes on.

Afterwards it proves that no committed edit was lost, from the trigger-written history of
each hot process's ``notes``: every committed save replaced exactly the value its editor had
seen (so nobody overwrote a change they had not seen), the history holds exactly the
committed values and none of the refused ones, the database holds the last one and the
row's version advanced once per committed save. Prints figures.

``--without-version-check`` saves without the optimistic lock (last writer wins): the same
verification then reports the updates that were lost — the check can fail.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import Engine, select, text, update

from dx_planner.domain.inventory import Process
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import HistoryFilter, read_history
from dx_planner.persistence.saving import Edits, save_edits
from dx_planner.persistence.schema import processes
from dx_planner.persistence.team.users import add_user
from tests.helpers.postgres import PgDatabase, PgServer
from tests.helpers.team import make_team


@dataclasses.dataclass
class EditorResult:
    login: str
    committed: list[tuple[str, str, str]]  # (process id, value seen before, value written)
    conflicts: list[tuple[str, str]]  # (process id, value refused)
    save_seconds: list[float]
    wall_seconds: float


def _save_blindly(engine: Engine, process: Process) -> dict[str, int]:
    """The negative control: a save that does not check the version (last writer wins)."""
    with engine.begin() as connection:
        version = connection.execute(
            update(processes).where(processes.c.id == process.id)
            .values(notes=process.notes, version=processes.c.version + 1)
            .returning(processes.c.version)).scalar_one()
    return {process.id: version}


def editor(url: str, login: str, hot: list[str], edits: int, seed: int,
           blind: bool = False) -> EditorResult:
    rng = random.Random(seed)
    engine = open_database(url)
    with engine.connect() as connection:
        mine = {p.id: p for p in repository.load_processes(connection) if p.id in set(hot)}
    result = EditorResult(login, [], [], [], 0.0)
    started = time.perf_counter()
    for number in range(edits):
        pid = rng.choice(hot)
        value = f"{login}#{number}"
        edited = dataclasses.replace(mine[pid], notes=value)
        time.sleep(rng.uniform(0, 0.005))  # a moment of "thinking" between read and save
        before = time.perf_counter()
        try:
            versions = (_save_blindly(engine, edited) if blind
                        else save_edits(engine, Edits(changed=[edited])))
        except repository.ConflictError:
            result.save_seconds.append(time.perf_counter() - before)
            result.conflicts.append((pid, value))
            with engine.connect() as connection:  # take theirs
                version, notes = connection.execute(
                    select(processes.c.version, processes.c.notes)
                    .where(processes.c.id == pid)).one()
            mine[pid] = dataclasses.replace(mine[pid], version=version, notes=notes)
            continue
        result.save_seconds.append(time.perf_counter() - before)
        result.committed.append((pid, mine[pid].notes, value))
        mine[pid] = dataclasses.replace(edited, version=versions[pid])
    result.wall_seconds = time.perf_counter() - started
    engine.dispose()
    return result


def _run_editor(arguments: tuple[str, str, list[str], int, int, bool]) -> EditorResult:
    return editor(*arguments)


def verify(database: PgDatabase, hot: list[str], initial: dict[str, tuple[int, str]],
           results: list[EditorResult]) -> list[str]:
    """Every reason the run lost an update (empty: none lost)."""
    committed: dict[str, dict[str, str]] = defaultdict(dict)  # pid -> written -> seen
    refused: dict[str, set[str]] = defaultdict(set)
    for result in results:
        for pid, seen, value in result.committed:
            committed[pid][value] = seen
        for pid, value in result.conflicts:
            refused[pid].add(value)
    problems: list[str] = []
    engine = open_database(database.owner_url)
    with engine.connect() as connection:
        final = {row.id: (row.version, row.notes) for row in connection.execute(
            select(processes.c.id, processes.c.version, processes.c.notes)
            .where(processes.c.id.in_(hot)))}
        for pid in hot:
            chain = [c for c in read_history(connection, HistoryFilter(process=pid))
                     if c.action == "update" and c.field == "notes"]
            previous = initial[pid][1]
            for change in chain:
                # What the save replaced must be what its editor had seen.
                seen = committed[pid].get(change.new or "")
                if seen is not None and (change.old or "") != seen:
                    problems.append(f"{pid}: {change.new} overwrote {change.old!r}, which its "
                                    f"editor had not seen (it saw {seen!r})")
                previous = change.new or ""
            written = [c.new for c in chain]
            if len(written) != len(set(written)) or set(written) != set(committed[pid]):
                problems.append(f"{pid}: history {len(written)} values, committed "
                                f"{len(committed[pid])}")
            if set(written) & refused[pid]:
                problems.append(f"{pid}: a refused value was written")
            if final[pid][1] != previous:
                problems.append(f"{pid}: database holds {final[pid][1]!r}, last commit "
                                f"{previous!r}")
            if final[pid][0] != initial[pid][0] + len(committed[pid]):
                problems.append(f"{pid}: version {final[pid][0]}, expected "
                                f"{initial[pid][0] + len(committed[pid])}")
    engine.dispose()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.environ.get("DX_PLANNER_TEST_PG"),
                        help="superuser URL (default: $DX_PLANNER_TEST_PG)")
    parser.add_argument("--editors", type=int, default=10)
    parser.add_argument("--edits", type=int, default=200, help="saves per editor")
    parser.add_argument("--hot", type=int, default=20, help="processes all editors share")
    parser.add_argument("--processes", type=int, default=28_000)
    parser.add_argument("--without-version-check", action="store_true",
                        help="negative control: save without the version check; the "
                             "verification must then find lost updates")
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server or set DX_PLANNER_TEST_PG (eval \"$(.ci/postgres-start)\")")

    server = PgServer.start(args.server)
    database = server.new_database()
    try:
        team = make_team(database, args.processes)
        logins = [database.login(f"editor{i}") for i in range(args.editors)]
        engine = open_database(database.owner_url)
        with engine.begin() as connection:
            for login in logins:
                add_user(connection, login, "editor", [team.bureau], "test-password")
            hot_rows = connection.execute(text(
                "SELECT p.id, p.version, p.notes FROM processes p JOIN bureaus b "
                "ON b.id = p.bureau_id WHERE b.name = :b ORDER BY p.id LIMIT :n"),
                {"b": team.bureau, "n": args.hot}).all()
        engine.dispose()
        hot = [row.id for row in hot_rows]
        initial = {row.id: (row.version, row.notes) for row in hot_rows}
        print(f"{args.editors} editors × {args.edits} saves on {len(hot)} shared processes of "
              f"{team.bureau} ({args.processes:,}-process inventory), one OS process and "
              f"login each")
        jobs = [(database.url(login), login, hot, args.edits, seed, args.without_version_check)
                for seed, login in enumerate(logins)]
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.editors) as pool:
            results = pool.map(_run_editor, jobs)
        wall = time.perf_counter() - started
        problems = verify(database, hot, initial, results)
    finally:
        server.drop(database)
        server.close()

    saves = [s for r in results for s in r.save_seconds]
    committed = sum(len(r.committed) for r in results)
    conflicts = sum(len(r.conflicts) for r in results)
    ordered = sorted(saves)
    print(f"saves attempted   {len(saves):6d}  ({committed} committed, {conflicts} refused as "
          f"conflicts = {conflicts / len(saves):.1%})")
    print(f"save latency      median {statistics.median(saves) * 1000:6.1f} ms   "
          f"p95 {ordered[int(0.95 * len(ordered))] * 1000:6.1f} ms   "
          f"max {ordered[-1] * 1000:6.1f} ms")
    print(f"throughput        {len(saves) / wall:6.1f} saves/s over {wall:.1f} s "
          f"(including each editor's start-up and inventory load)")
    for result in results:
        print(f"  {result.login}: {len(result.committed)} committed, "
              f"{len(result.conflicts)} conflicts, {result.wall_seconds:.1f} s")
    if problems:
        print(f"LOST UPDATES: {len(problems)}")
        for problem in problems[:20]:
            print("  " + problem)
        return 1
    print(f"lost updates      0   (every committed value is in the history chain of its "
          f"process and the last one is in the database; all {conflicts} refused saves were "
          f"detected, none written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
