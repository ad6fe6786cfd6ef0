"""The result of a solve: a completion quarter per process plus the figures the UI shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from solver.problem import Problem

if TYPE_CHECKING:
    from solver.multipliers import Multipliers


@dataclass(frozen=True)
class ExtraCapacity:
    """Extra person-months for a bureau in a quarter, and the requirement it serves."""

    bureau: int
    quarter: int
    person_months: float
    requirement: int  # index into Problem.all_requirements()


@dataclass
class Shortfall:
    """What is missing when a requirement (target, milestone, scoped) cannot be met."""

    missing: int  # processes missing at the worst-violated requirement
    extra_capacity: list[ExtraCapacity]
    by_requirement: list[int]  # processes missing per requirement (all_requirements order)
    # per requirement: how many of the missing processes no capacity can add (not eligible
    # in time, channel limits)
    unclosable: list[int]
    # a re-pack of the real problem with the extra capacity meets what capacity can close
    verified: bool


@dataclass
class Prices:
    """The dual prices at the end of a solve (all 0 where the dual did not run).

    ``capacity[b, q]``: online applications one more person-month of bureau b in quarter q is
    worth (the shadow price of its capacity row; 0 where capacity does not bind; with a
    move cost, the move penalty a person-month spares is not counted: ``Dual.capacity_prices``).
    ``requirement[k]``: online applications one member fewer needed by requirement k would
    free (its multiplier), for each of ``Problem.all_requirements()``.
    ``bound``: the Lagrangian bound at these prices; ``bound_without[k]``: the Lagrangian at
    these prices with requirement k's price dropped, a proven upper bound on the objective of
    the problem without requirement k (= ``bound`` where it has no price).
    """

    capacity: np.ndarray
    requirement: list[float]
    bound: float
    bound_without: list[float]


@dataclass
class Plan:
    """A checked plan; ``quarter[p] == -1`` means not planned."""

    status: str
    quarter: np.ndarray
    objective: float
    bound: float
    gap: float
    digitized_by_deadline: int
    cumulative: list[int]
    shortfall: Shortfall | None
    solve_seconds: float
    cancelled: bool = False
    prices: Prices | None = None
    # stable re-planning: objective = applications - move_penalty
    applications: float = 0.0
    move_penalty: float = 0.0
    # the raw dual multipliers, by name, for a warm re-solve after an edit (solver.warm)
    multipliers: Multipliers | None = None


def objective_of(problem: Problem, quarter: np.ndarray) -> float:
    """Online applications (sum over planned p of volume/4 x (Q-1 - quarter)) minus the
    move penalty of stable re-planning."""
    return applications_of(problem, quarter) - move_penalty_of(problem, quarter)


def applications_of(problem: Problem, quarter: np.ndarray) -> float:
    """Sum over planned p of volume/4 x (Q-1 - quarter)."""
    planned = quarter >= 0
    later = (problem.n_quarters - 1 - quarter[planned]).astype(np.float64)
    return float(np.dot(problem.volume[planned] / 4.0, later))


def move_penalty_of(problem: Problem, quarter: np.ndarray) -> float:
    """``move_cost`` for every reference row completing in another quarter or dropped."""
    ref = problem.reference_rows()
    if not ref.size or problem.move_cost == 0:
        return 0.0
    assert problem.reference is not None
    return problem.move_cost * int(np.sum(quarter[ref] != problem.reference[ref]))


def cumulative_of(problem: Problem, quarter: np.ndarray) -> list[int]:
    """Cumulative digitized count at the end of each quarter, already digitized included."""
    counts = np.bincount(quarter[quarter >= 0], minlength=problem.n_quarters)
    return [int(v) for v in problem.already_digitized + np.cumsum(counts)]


def gap_of(objective: float, bound: float) -> float:
    return 0.0 if bound <= 0 else max(0.0, (bound - objective) / bound)


def make_plan(
    problem: Problem,
    quarter: np.ndarray,
    *,
    status: str,
    bound: float,
    seconds: float,
    shortfall: Shortfall | None = None,
    cancelled: bool = False,
    prices: Prices | None = None,
) -> Plan:
    """Fill in the derived figures of a plan from its quarter array."""
    quarter = np.asarray(quarter, dtype=np.int32)
    applications = applications_of(problem, quarter)
    penalty = move_penalty_of(problem, quarter)
    obj = applications - penalty
    cum = cumulative_of(problem, quarter)
    return Plan(
        status=status,
        quarter=quarter,
        objective=obj,
        bound=bound,
        gap=gap_of(obj, bound),
        digitized_by_deadline=cum[problem.deadline],
        cumulative=cum,
        shortfall=shortfall,
        solve_seconds=seconds,
        cancelled=cancelled,
        prices=prices,
        applications=applications,
        move_penalty=penalty,
    )
