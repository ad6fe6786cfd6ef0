"""``dx-planner compare A B`` on two 28k scenarios: time (goal ≤ 2 s), with and without the
workbook.

Run as a script (not collected by pytest):
    PYTHONPATH=. python tests/benchmarks/bench_compare.py --db /tmp/demo.db --repeat 5

Solves scenarios ``bench-a`` (plain settings) and ``bench-b`` (target 0.72, a milestone) into
the database first when they are missing; then times the command in this process (the
database read, the comparison, the report; separately with ``--xlsx``) and prints medians.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import tempfile
import time
from pathlib import Path

from dx_planner.cli.main import main as cli
from dx_planner.persistence.database import open_database
from dx_planner.persistence.scenarios import list_scenarios


def _ensure(db: str) -> None:
    engine = open_database(db)
    with engine.connect() as connection:
        names = {s.name for s in list_scenarios(connection)}
    engine.dispose()
    if "bench-a" not in names:
        assert cli(["--db", db, "solve", "--scenario", "bench-a"]) == 0
    if "bench-b" not in names:
        assert cli(["--db", db, "solve", "--scenario", "bench-b", "--target", "0.72",
                    "--milestone", "FY2022Q4:12000"]) == 0


def _time(argv: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(argv) == 0
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    _ensure(args.db)
    plain = _time(["--db", args.db, "compare", "bench-a", "bench-b"], args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        xlsx = _time(["--db", args.db, "compare", "bench-a", "bench-b", "--xlsx",
                      str(Path(folder) / "compare.xlsx")], args.repeat)
    for label, times in (("compare", plain), ("compare --xlsx", xlsx)):
        median = statistics.median(times)
        print(f"{label:<16} median {median:.2f} s (goal 2 s: {median / 2.0:.0%}); all "
              + ", ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    main()
