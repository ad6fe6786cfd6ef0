"""Inventory benchmarks (issue 2): demo, import, export, load — medians against the targets.

Run: .venv/bin/python tests/benchmarks/bench_inventory.py [--repeat 5] [--processes 28000]

demo / import / export are timed as whole `dx-planner` processes, as a user runs them
(interpreter start-up included). Loading is timed in-process, our Core query side by side
with the obvious ORM query as the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.schema import ProcessRow

CLI = [sys.executable, "-m", "dx_planner.cli.main"]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def run_cli(*args: str) -> None:
    subprocess.run([*CLI, *args], check=True, stdout=subprocess.DEVNULL)


def row(label: str, times: list[float], target: float | None) -> str:
    median = statistics.median(times)
    ratio = f"{median / target:6.2f}" if target else "     -"
    target_text = f"{target:6.2f}" if target else "     -"
    return (f"{label:<34} median {median:7.3f} s  min {min(times):7.3f}  max {max(times):7.3f}"
            f"  target {target_text} s  median/target {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=28_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-inventory-"))
    n = str(args.processes)

    counter = iter(range(10_000))

    def demo() -> None:
        run_cli("--db", str(folder / f"demo{next(counter)}.db"), "demo", "--processes", n)

    demo_times = timed(demo, args.repeat)
    db = folder / "demo0.db"
    workbook = folder / "inventory.xlsx"
    export_times = timed(lambda: run_cli("--db", str(db), "export-inventory", str(workbook)),
                         args.repeat)

    def fresh_import() -> None:
        target = folder / f"import{next(counter)}.db"
        open_database(target, create=True).dispose()  # schema creation is not timed
        started = time.perf_counter()
        run_cli("--db", str(target), "import", str(workbook))
        import_times.append(time.perf_counter() - started)

    import_times: list[float] = []
    for _ in range(args.repeat):
        fresh_import()
    reimport_times = timed(lambda: run_cli("--db", str(db), "import", str(workbook)),
                           args.repeat)

    engine = open_database(db)

    def load_core() -> None:
        with engine.connect() as connection:
            assert len(repository.load_processes(connection)) == args.processes

    def load_orm() -> None:
        with Session(engine) as session:
            assert len(session.scalars(select(ProcessRow)).all()) == args.processes

    load_core()
    core_times = timed(load_core, args.repeat)
    orm_times = timed(load_orm, args.repeat)

    print(f"{args.processes:,} processes, {args.repeat} runs each, medians")
    print(row("dx-planner demo", demo_times, 10.0))
    print(row("dx-planner export-inventory", export_times, 5.0))
    print(row("dx-planner import (new database)", import_times, 5.0))
    print(row("dx-planner import (unchanged rows)", reimport_times, 5.0))
    print(row("load processes (Core, ours)", core_times, 0.5))
    print(row("load processes (ORM baseline)", orm_times, None))
    speedup = statistics.median(orm_times) / statistics.median(core_times)
    print(f"ORM baseline / ours: {speedup:.2f}x")


if __name__ == "__main__":
    main()
