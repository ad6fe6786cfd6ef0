"""Pure optimisation package: the planning problem, the optimizer, checker and explanations.

Imports only the standard library, numpy and OR-Tools (never SQLAlchemy, Qt or dx_planner).
"""

from solver.checker import check_plan
from solver.explain import Explanation, explain, explain_all
from solver.plan import Plan, Shortfall
from solver.problem import Problem, ProblemError
from solver.progress import NullProgress, Progress
from solver.solve import SolverBug, solve

__all__ = [
    "Explanation",
    "NullProgress",
    "Plan",
    "Problem",
    "ProblemError",
    "Progress",
    "Shortfall",
    "SolverBug",
    "check_plan",
    "explain",
    "explain_all",
    "solve",
]
