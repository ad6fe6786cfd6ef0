"""Smoke test of the built bundle: its own program fills a database (demo), solves it,
writes the plan workbook, and starts the desktop app offscreen; prints size and start times.

    .venv/bin/python packaging/smoke_test.py [build/bundle/dx-planner]

Exits non-zero on the first failure. Runs only the bundle: nothing from the source tree or
the virtual environment is on its path.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(program: Path, *arguments: str, environment: dict[str, str] | None = None,
        ) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = subprocess.run([str(program), *arguments], capture_output=True, text=True,
                            timeout=600, env=environment, cwd=tempfile.gettempdir())
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"FAILED: dx-planner {' '.join(arguments)} → exit {result.returncode}\n"
                 f"{result.stdout}\n{result.stderr}")
    return result, seconds


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "bundle" / "dx-planner"
    program = folder / "dx-planner"
    if not program.is_file():
        sys.exit(f"FAILED: no bundle at {folder} (run packaging/build_bundle.py)")
    for name in ("dx-planner.svg", "dx-planner.desktop"):
        if not (folder / name).is_file():
            sys.exit(f"FAILED: the bundle has no {name}")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith(("PYTHON", "VIRTUAL_ENV", "DX_PLANNER"))}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        db = str(work / "smoke.sqlite3")
        help_times = [run(program, "--help", environment=clean)[1] for _ in range(3)]
        run(program, "--db", db, "demo", "--processes", "2000", environment=clean)
        solved, _ = run(program, "--db", db, "solve", "--scenario", "smoke", "--time-limit",
                        "5", "--json", str(work / "plan.json"), environment=clean)
        plan = json.loads((work / "plan.json").read_text(encoding="utf-8"))
        assert plan["status"] in ("optimal", "feasible", "target_infeasible"), plan["status"]
        assert plan["assignments"], "the plan assigns nothing"
        run(program, "--db", db, "export-plan", str(work / "plan.xlsx"), environment=clean)
        assert (work / "plan.xlsx").stat().st_size > 10_000
        gui = clean | {"QT_QPA_PLATFORM": "offscreen", "DX_PLANNER_QUIT_WHEN_SHOWN": "1"}
        gui_runs = [run(program, "--db", db, "gui", environment=gui) for _ in range(3)]
        assert all("window shown" in result.stdout for result, _ in gui_runs), gui_runs[0][0]
    print(f"bundle {folder}: {size / 2**20:,.0f} MB")
    print(f"dx-planner --help: {statistics.median(help_times):.2f} s (median of 3)")
    print(f"desktop app start to window shown (28-bureau demo of 2,000 processes, offscreen): "
          f"{statistics.median(s for _, s in gui_runs):.2f} s (median of 3)")
    print(f"solve: {solved.stdout.splitlines()[1]}")
    # The plain closing line CI reads: files, help, demo, solve, export-plan, desktop app.
    print("smoke: 6 passed, 0 failed")


if __name__ == "__main__":
    main()
