"""GUI performance on the 28,000-process demo (a script, not collected by pytest).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_gui.py [--db demo.sqlite3]

Budgets (issue 4): start to an interactive window ≤ 2 s; sort on any column ≤ 200 ms;
filter keystroke to updated view ≤ 100 ms; one edit to updated KPIs ≤ 100 ms;
memory ≤ 600 MB with the demo loaded. Prints medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTUP_PROBE = """
import sys, time
started = time.perf_counter()
from ui.app import application, create_window
app = application()
window = create_window(sys.argv[1])
window.confirm_close = False
window.show()
app.processEvents()
window.inventory_view.table.viewport().repaint()
print(time.perf_counter() - started)
"""


def startup_seconds(db: str, runs: int) -> list[float]:
    """A fresh interpreter each time: imports, database, model and the first paint."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", STARTUP_PROBE, db], check=True,
                       capture_output=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
        times.append(time.perf_counter() - began)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a database holding the 28,000-process demo")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    db = args.db
    if db is None:
        from dx_planner.demo.load import load_demo
        from dx_planner.persistence.database import open_database

        db = str(Path(tempfile.mkdtemp()) / "demo.sqlite3")
        engine = open_database(db, create=True)
        load_demo(engine, 28_000, seed=0)
        engine.dispose()

    startup = startup_seconds(db, args.runs)

    from dx_planner.domain.enums import Status
    from ui.app import application, create_window
    from ui.models.columns import COLUMN_INDEX, COLUMNS

    app = application()
    window = create_window(db)
    window.confirm_close = False
    window.show()
    app.processEvents()
    table = window.inventory_view.table
    model = window.session.model

    def settle() -> None:
        app.processEvents()
        table.viewport().repaint()

    sorts: dict[str, float] = {}
    for column, spec in enumerate(COLUMNS):
        began = time.perf_counter()
        table.sortByColumn(column, table.horizontalHeader().sortIndicatorOrder())
        settle()
        sorts[spec.key] = time.perf_counter() - began

    search = window.inventory_view.filter_bar.search
    keystrokes = []
    for text in ("申", "申請", "申請書", "申請", "届", "届出", "", "P-0001", "P-00012", ""):
        began = time.perf_counter()
        search.setText(text)
        settle()
        keystrokes.append(time.perf_counter() - began)

    edits = []
    statuses = [Status.OUT_OF_SCOPE, Status.NOT_STARTED, Status.DIGITIZED, Status.IN_PROGRESS]
    kpi_label = window.inventory_view.kpi_label
    for i in range(20):
        index = model.index(i, COLUMN_INDEX["status"])
        began = time.perf_counter()
        model.setData(index, statuses[i % len(statuses)])
        settle()
        kpi_label.repaint()
        edits.append(time.perf_counter() - began)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ms = 1000
    print(f"rows: {len(window.session.store.processes):,}")
    print(f"start to interactive window: median {statistics.median(startup):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in startup)})  budget 2 s")
    worst = max(sorts, key=lambda k: sorts[k])
    print(f"sort: median {statistics.median(sorts.values()) * ms:.0f} ms over "
          f"{len(sorts)} columns, slowest {worst} {sorts[worst] * ms:.0f} ms  budget 200 ms")
    print(f"filter keystroke: median {statistics.median(keystrokes) * ms:.0f} ms, "
          f"max {max(keystrokes) * ms:.0f} ms  budget 100 ms")
    print(f"edit to updated KPIs: median {statistics.median(edits) * ms:.1f} ms, "
          f"max {max(edits) * ms:.1f} ms  budget 100 ms")
    print(f"peak memory (RSS): {rss_mb:.0f} MB  budget 600 MB")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
