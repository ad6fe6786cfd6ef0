"""Every CP-SAT solve can be stopped: by a cancel, and by Ctrl+C (solver/cpsat_run.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from ortools.sat.python import cp_model

from solver import cpsat_run


def _hard_knapsack() -> cp_model.CpModel:
    """A multi-dimensional knapsack CP-SAT does not prove optimal within seconds."""
    rng = np.random.default_rng(3)
    n, dims = 400, 8
    weights = rng.integers(10, 1000, size=(dims, n))
    values = rng.integers(10, 1000, size=n)
    model = cp_model.CpModel()
    take = [model.new_bool_var(f"x{i}") for i in range(n)]
    for row in weights:
        model.add(cp_model.LinearExpr.weighted_sum(take, row.tolist()) <= int(row.sum() // 3))
    model.maximize(cp_model.LinearExpr.weighted_sum(take, values.tolist()))
    return model


def test_ctrl_c_during_a_solve_interrupts_the_caller_at_once() -> None:
    # CP-SAT caught SIGINT itself and ended the solve as at a time limit; the caller never
    # saw it, and `dx-planner solve` ran to the end (exit 0, 8 s after the signal)
    solver = cpsat_run.cpsat_solver(20.0, 2)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    t0 = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        cpsat_run.run(solver, _hard_knapsack())
    assert time.monotonic() - t0 < 1.5


_INTERRUPTED = """
import os, signal, sys, threading
from tests.solver.test_cpsat_run import _hard_knapsack
from solver import cpsat_run
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    cpsat_run.run(cpsat_run.cpsat_solver(20.0, 2), _hard_knapsack())
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_a_process_interrupted_during_a_solve_exits_cleanly() -> None:
    # a Thread.join interrupted by Ctrl+C marked the solving thread ended while CP-SAT ran
    # on, and `dx-planner solve` then aborted on its way out (exit -6 instead of 130)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _INTERRUPTED], cwd=root, timeout=60,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 130, done.stderr[-500:]


def test_a_cancel_stops_a_solve_within_a_second() -> None:
    solver = cpsat_run.cpsat_solver(20.0, 2)
    cancel_at = time.monotonic() + 0.3
    t0 = time.monotonic()
    status = cpsat_run.run(solver, _hard_knapsack(), lambda: time.monotonic() > cancel_at)
    assert time.monotonic() - t0 < 1.3
    assert status == cp_model.FEASIBLE  # what it had found when stopped


def test_a_solve_without_a_cancel_runs_to_its_answer() -> None:
    model = cp_model.CpModel()
    x = model.new_int_var(0, 7, "x")
    model.maximize(x)
    solver = cpsat_run.cpsat_solver(5.0, 1)
    assert cpsat_run.run(solver, model) == cp_model.OPTIMAL
    assert solver.value(x) == 7


def test_every_cp_sat_solver_of_the_solver_is_made_and_run_there() -> None:
    # one made elsewhere would catch Ctrl+C again
    package = Path(cpsat_run.__file__).parent
    makers = [path.name for path in package.glob("*.py")
              if "CpSolver(" in path.read_text(encoding="utf-8")]
    assert makers == ["cpsat_run.py"]
