"""Every CP-SAT solve of the solver: made here and run here, so that it can be stopped.

CP-SAT catches Ctrl+C itself by default (``catch_sigint_signal``): it ends the solve as at a
time limit and Python never sees the signal, whichever thread was solving (a signal handler
is the process's). ``dx-planner solve`` on the 28,000 demo, SIGINT at 4.5-6 s (during the
polish's CP-SAT solves): exit 0, 7.6-8.9 s after the signal, the whole plan computed. So the
solvers made here leave SIGINT to Python, and ``run`` solves in a thread of its own while the
calling thread waits in Python, where the KeyboardInterrupt of a Ctrl+C (or the SystemExit
of a SIGTERM, dx_planner/cli/main.py) is raised at once: the search is stopped then, as on a
cancel (``should_stop``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model_helper import CpSolverStatus

#: How often a waiting ``run`` checks ``should_stop`` (and lets a signal's handler run).
WATCH_SECONDS = 0.05
#: CP-SAT takes integer coefficients: a value (volume a quarter, Problem.quarter_value) or a
#: price is multiplied by this and rounded, so a coefficient counts whole applications.
VALUE_SCALE = 4.0


def cpsat_solver(seconds: float, workers: int) -> cp_model.CpSolver:
    """A CP-SAT solver with a time limit of ``seconds`` (at least 10 ms), ``workers``
    workers, and Ctrl+C left to Python."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.catch_sigint_signal = False
    return solver


def run(solver: cp_model.CpSolver, model: cp_model.CpModel,
        should_stop: Callable[[], bool] | None = None) -> CpSolverStatus:
    """``solver.solve(model)``'s status. The search is stopped within WATCH_SECONDS once
    ``should_stop()`` says so, or at once when the waiting thread is interrupted (Ctrl+C,
    SIGTERM): the exception is raised again once CP-SAT has returned."""
    outcome: list[CpSolverStatus | BaseException] = []
    # an Event, not Thread.join: a join interrupted by Ctrl+C (Python 3.11) marks the thread
    # ended while CP-SAT still runs, and the process then aborts on its way out
    done = threading.Event()

    def solve() -> None:
        try:
            outcome.append(solver.solve(model))
        except BaseException as error:  # raised again in the calling thread below
            outcome.append(error)
        finally:
            done.set()

    threading.Thread(target=solve, daemon=True).start()
    try:
        while not done.wait(WATCH_SECONDS):
            if should_stop is not None and should_stop():
                solver.stop_search()
    except BaseException:
        solver.stop_search()
        done.wait()
        raise
    [result] = outcome
    if isinstance(result, BaseException):
        raise result
    return result
