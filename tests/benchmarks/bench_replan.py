"""Stable re-planning (issue 10): how many commitments a re-plan moves, free and with keep,
and what keeping them costs.

Run as a script (not collected by pytest); it works on a copy of the database:
    PYTHONPATH=. python tests/benchmarks/bench_replan.py --db /tmp/demo.db
    PYTHONPATH=. python tests/benchmarks/bench_replan.py --db /tmp/demo.db \\
        --freeze-until FY2022Q1 --move-cost 2000 --move-cost 10000

Steps (seeded, so reproducible):
1. solve the inventory and publish the plan as the baseline as of the demo's quarter;
2. change 1% of the processes (``--change``): a quarter of them get a new volume (x0.2..5),
   a quarter a new effort (x0.5..2), a quarter a national date one to four quarters later
   (national processes only; others a new effort), a quarter are marked digitized;
3. re-plan freely (the plain settings) and with keep against the baseline (freeze the
   first quarter, each move cost given), each with the default time limit;
4. report, against the baseline: moves (moved + dropped commitments), the objective, the
   price of stability in % of the free re-plan's objective, and the solve time.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.planning.keep import Keep, load_reference
from dx_planner.planning.result import PlanResult
from dx_planner.planning.scenarios import save_scenario
from dx_planner.planning.service import run_plan
from dx_planner.planning.settings import PlanSettings
from dx_planner.tracking.baselines import publish_baseline


def change_processes(db: str, share: float, seed: int) -> dict[str, int]:
    """Change ``share`` of the in-scope processes not yet digitized; what was changed."""
    rng = np.random.default_rng(seed)
    engine = open_database(db)
    with engine.connect() as connection:
        processes = repository.load_processes(connection)
    latest = max(p.digitized_quarter for p in processes
                 if p.status is Status.DIGITIZED and p.digitized_quarter)
    open_ones = [p for p in processes if p.in_scope and p.status is not Status.DIGITIZED
                 and p.locked_quarter is None]
    picked = rng.choice(len(open_ones), size=round(share * len(processes)), replace=False)
    changed, counts = [], {"volume": 0, "effort": 0, "national_date": 0, "digitized": 0}
    for k, index in enumerate(picked.tolist()):
        p = open_ones[index]
        kind = ("volume", "effort", "national_date", "digitized")[k % 4]
        if kind == "national_date" and not (p.authority is Authority.NATIONAL
                                            and p.national_ready is not None):
            kind = "effort"
        if kind == "volume":
            p = replace(p, annual_volume=int(p.annual_volume * rng.uniform(0.2, 5.0)))
        elif kind == "effort":
            p = replace(p, effort=max(0.25, round(p.effort * rng.uniform(0.5, 2.0) * 4) / 4))
        elif kind == "national_date":
            assert p.national_ready is not None
            p = replace(p, national_ready=p.national_ready + int(rng.integers(1, 5)),
                        national_status=NationalStatus.DATE_GIVEN)
        else:
            p = replace(p, status=Status.DIGITIZED, digitized_quarter=latest)
        counts[kind] += 1
        changed.append(p)
    with engine.begin() as connection:
        repository.merge_processes(connection, changed)
    engine.dispose()
    return counts


def solve_and_store(db: str, name: str, settings: PlanSettings) -> tuple[PlanResult, float]:
    engine = open_database(db)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
        reference = load_reference(connection, settings.keep) if settings.keep else None
    t0 = time.monotonic()
    result = run_plan(inventory, settings, reference=reference)
    seconds = time.monotonic() - t0
    with engine.begin() as connection:
        save_scenario(connection, name, result)
    engine.dispose()
    return result, seconds


def moves_against_baseline(db: str, result: PlanResult) -> tuple[int, int]:
    """(moved, dropped) planned commitments of the baseline that are still open."""
    engine = open_database(db)
    with engine.connect() as connection:
        reference = load_reference(connection, Keep("baseline"))
        processes = {p.id: p for p in repository.load_processes(connection)}
    engine.dispose()
    moved = dropped = 0
    for pid, quarter in reference.assignments.items():
        p = processes.get(pid)
        if p is None or not p.in_scope or p.status is Status.DIGITIZED:
            continue  # released for any re-plan
        now = result.assignments.get(pid)
        if now is None:
            dropped += 1
        elif now != quarter:
            moved += 1
    return moved, dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a demo database (copied, never changed)")
    ap.add_argument("--change", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--freeze-until", default="FY2022Q1")
    ap.add_argument("--move-cost", type=float, action="append")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "replan.db")
        shutil.copyfile(args.db, db)
        base, seconds = solve_and_store(db, "base", PlanSettings())
        engine = open_database(db)
        with engine.connect() as connection:
            processes = repository.load_processes(connection)
        as_of = max(p.digitized_quarter for p in processes
                    if p.status is Status.DIGITIZED and p.digitized_quarter)
        with engine.begin() as connection:
            publish_baseline(connection, as_of, "base")
        engine.dispose()
        print(f"baseline as of {as_of.code}: objective {base.objective:,.0f}, "
              f"{len(base.assignments):,} planned, solved in {seconds:.1f} s", flush=True)
        counts = change_processes(db, args.change, args.seed)
        print(f"changed: {counts}", flush=True)
        free, free_s = solve_and_store(db, "free", PlanSettings())
        free_moves = sum(moves_against_baseline(db, free))
        print(f"{'re-plan':<24} {'moves':>7} {'moved':>7} {'dropped':>8} {'objective':>14} "
              f"{'price':>10} {'% obj':>7} {'time':>7}")
        moved, dropped = moves_against_baseline(db, free)
        print(f"{'free':<24} {free_moves:>7,} {moved:>7,} {dropped:>8,} "
              f"{free.objective:>14,.0f} {'':>10} {'':>7} {free_s:>6.1f}s", flush=True)
        freeze = Quarter.parse(args.freeze_until)
        for cost in args.move_cost or [2000.0]:
            keep = Keep("baseline", freeze, cost)
            kept, kept_s = solve_and_store(db, f"keep-{cost:g}",
                                           PlanSettings(keep=keep))
            assert kept.changes is not None
            moved, dropped = len(kept.changes.moved), len(kept.changes.dropped)
            price = kept.changes.price_of_stability or 0.0
            reference = kept.changes.free_objective or free.objective
            print(f"{f'keep, move cost {cost:g}':<24} {moved + dropped:>7,} {moved:>7,} "
                  f"{dropped:>8,} {kept.objective:>14,.0f} {price:>10,.0f} "
                  f"{price / reference:>7.3%} {kept.solve_seconds:>6.1f}s "
                  f"(total with the free re-plan {kept_s:.1f} s; applications "
                  f"{kept.changes.applications:,.0f}, penalty {kept.changes.move_penalty:,.0f}; "
                  f"released {len(kept.changes.released)}; moves cut by "
                  f"{1 - (moved + dropped) / max(free_moves, 1):.1%})", flush=True)


if __name__ == "__main__":
    main()
