"""``solve``'s planning options: parsed into PlanSettings, over a ``--settings`` file.

Options given on the command line override the file: single values replace the file's,
``--milestone`` and ``--require`` (when given) replace the file's whole list, and the
assumption options replace the file's value for the same key only.

``--require SCOPE:AMOUNT[@QUARTER]``
  SCOPE   ``key=value`` pairs joined by ``,`` (all must match), or ``all``; keys: bureau,
          type, authority, priority, major, channel, min_volume (priority/major: yes/no)
  AMOUNT  ``share=R`` or ``R%`` (a share of those in scope), ``count=N`` or ``N``
  QUARTER by the end of this quarter (default: the deadline)
  e.g. ``authority=都,min_volume=10000:share=1.0@FY2023Q4``, ``bureau=福祉保健局:2500@FY2022Q4``
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

from dx_planner.domain.quarters import Quarter, QuarterError
from dx_planner.planning.assumptions import Assumptions, status_key
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.keep import Keep
from dx_planner.planning.requirements import SCOPE_KEYS, RequirementSpec, Scope
from dx_planner.planning.settings import MAX_TIME_LIMIT, PlanSettings
from dx_planner.planning.settings_json import scope_from_json, settings_from_json

REQUIRE_HELP = ("requirement SCOPE:AMOUNT[@Q], e.g. 'authority=都,min_volume=10000:share=1.0"
                "@FY2023Q4' or 'bureau=福祉保健局:2500@FY2022Q4'; SCOPE: key=value pairs "
                "joined by ',' (keys: bureau, type, authority, priority, major, channel, "
                "min_volume) or 'all'; AMOUNT: share=R, R%%, count=N or N; Q defaults to the "
                "deadline (repeatable; replaces the requirements of --settings)")

_YES = {"yes", "y", "true", "1", "○", "はい"}
_NO = {"no", "n", "false", "0", "いいえ", "×"}


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    """The §6 options of ``solve`` (the §2 ones are added by solve_command)."""
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="settings JSON: a plan file's 'settings' object (or a whole plan "
                             "file); options given here override it")
    parser.add_argument("--require", action="append", default=None, metavar="SPEC",
                        help=REQUIRE_HELP)
    parser.add_argument("--bureau-target", type=float, metavar="R",
                        help="every bureau digitizes share R of its in-scope processes by the "
                             "deadline")
    parser.add_argument("--assume-national", action="append", default=[], metavar="KEY=Q",
                        help="what-if: national date Q for a national status (未検討, 検討中, "
                             "時期提示) or for one process ID (repeatable)")
    parser.add_argument("--capacity-scale", action="append", default=[], metavar="BUREAU=F",
                        help="what-if: the bureau's capacity times F in every quarter")
    parser.add_argument("--channel-from", action="append", default=[], metavar="CHANNEL=Q",
                        help="what-if: the channel is available from Q ('always': from the "
                             "start)")
    parser.add_argument("--keep", metavar="SCENARIO",
                        help="stable re-planning against this stored scenario (or 'baseline' / "
                             "'baseline:Q' for the published baseline)")
    parser.add_argument("--freeze-until", metavar="Q",
                        help="with --keep: quarters up to Q keep exactly the reference's "
                             "still-valid assignments")
    parser.add_argument("--move-cost", metavar="N",
                        help="with --keep: online applications each moved or dropped reference "
                             "process costs ('inf': keep every still-valid commitment)")
    parser.add_argument("--cost-time", type=cost_time_argument, metavar="S",
                        help="seconds for re-solves that measure what each binding requirement "
                             "costs (default 0: estimates from the dual prices)")


def _seconds(text: str, what: str, *, zero: bool) -> float:
    """Seconds from the command line: finite, at most MAX_TIME_LIMIT, above 0 (or from 0)."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    low_ok = seconds >= 0 if zero else seconds > 0
    if not (low_ok and seconds <= MAX_TIME_LIMIT):  # also refuses nan and inf
        bounds = (f"from 0 to {MAX_TIME_LIMIT:,.0f}" if zero
                  else f"more than 0 and at most {MAX_TIME_LIMIT:,.0f}")
        raise argparse.ArgumentTypeError(f"'{text}' is not a {what}: give seconds, {bounds}")
    return seconds


def time_limit_argument(text: str) -> float:
    return _seconds(text, "time limit", zero=False)


def cost_time_argument(text: str) -> float:
    """--cost-time: 0 (estimates from the dual prices only) up to the time limit's cap."""
    return _seconds(text, "cost time", zero=True)


def plan_settings(args: argparse.Namespace, defaults: PlanSettings) -> PlanSettings:
    """The settings of the ``--settings`` file (or ``defaults``) with the options applied."""
    settings = _from_file(args.settings) if args.settings else defaults
    changes: dict[str, Any] = {}
    for name in ("start", "deadline", "end"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.target is not None:
        changes |= {"target_share": args.target, "target_count": None}
    if args.target_count is not None:
        changes["target_count"] = args.target_count
    if args.milestone:
        changes["milestones"] = tuple(args.milestone)
    if args.time_limit is not None:
        changes["time_limit"] = args.time_limit
    if args.require is not None:
        changes["requirements"] = tuple(requirement_option(text) for text in args.require)
    if args.bureau_target is not None:
        changes["bureau_target"] = args.bureau_target
    if args.cost_time is not None:
        changes["cost_time"] = args.cost_time
    given = _assumption_options(args)
    if not given.is_empty:
        changes["assumptions"] = settings.assumptions.overridden_by(given)
    keep = _keep_options(args, settings.keep)
    if keep is not settings.keep:
        changes["keep"] = keep
    return replace(settings, **changes)


def _from_file(path: Path) -> PlanSettings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanningInputError(f"--settings {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanningInputError(f"--settings {path}: cannot read it ({error})") from None
    except json.JSONDecodeError as error:
        raise PlanningInputError(f"--settings {path}: not JSON (line {error.lineno}: "
                                 f"{error.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("settings"), dict):
        # a whole plan file (older ones gave in_scope, what the share came to the target
        # count of, only beside the settings)
        data = {"in_scope": data.get("in_scope")} | data["settings"]
    return settings_from_json(data)


def requirement_option(text: str) -> RequirementSpec:
    """``--require SCOPE:AMOUNT[@QUARTER]`` (see the module docstring)."""
    where = f"--require '{text}'"
    body, at, quarter_text = text.rpartition("@")
    if not at:
        body, quarter_text = text, ""
    scope_text, colon, amount = body.rpartition(":")
    if not colon:
        raise PlanningInputError(f"{where}: expected SCOPE:AMOUNT[@QUARTER], e.g. "
                                 "'authority=都,min_volume=10000:share=1.0@FY2023Q4'")
    quarter = None
    if quarter_text.strip():
        try:
            quarter = Quarter.parse(quarter_text)
        except QuarterError as error:
            raise PlanningInputError(f"{where}: {error}") from None
    share, count = _amount(amount.strip(), where)
    return RequirementSpec(_scope(scope_text, where), quarter, share, count)


def _scope(text: str, where: str) -> Scope:
    values: dict[str, Any] = {}
    if text.strip().lower() not in ("", "all", "*"):
        for part in text.split(","):
            key, eq, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not eq or key not in SCOPE_KEYS:
                raise PlanningInputError(f"{where}: '{part.strip()}' is not KEY=VALUE with KEY "
                                         f"one of {', '.join(SCOPE_KEYS)}")
            if key in values:
                raise PlanningInputError(f"{where}: {key} is given twice")
            values[key] = _scope_value(key, value, where)
    return scope_from_json(values, f"{where}: scope")


def _scope_value(key: str, value: str, where: str) -> object:
    if key in ("priority", "major"):
        if value.lower() in _YES:
            return True
        if value.lower() in _NO:
            return False
        raise PlanningInputError(f"{where}: {key} must be yes or no, not '{value}'")
    if key == "min_volume":
        try:
            return int(value.replace("_", "").replace(",", ""))
        except ValueError:
            raise PlanningInputError(f"{where}: min_volume must be a whole number, not "
                                     f"'{value}'") from None
    return value


def _amount(text: str, where: str) -> tuple[float | None, int | None]:
    """(share, count) from ``share=R``, ``R%``, ``count=N``, ``N`` or ``0.R``."""
    key, eq, value = text.partition("=")
    try:
        if eq and key.strip() == "share":
            return float(value), None
        if eq and key.strip() == "count":
            return None, int(value)
        if not eq and text.endswith("%"):
            return float(text[:-1]) / 100, None
        if not eq and "." in text:
            return float(text), None
        if not eq:
            return None, int(text)
    except ValueError:
        pass
    raise PlanningInputError(f"{where}: the amount '{text}' must be share=R, R%, count=N or N")


def _pairs(items: list[str], option: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, eq, value = item.rpartition("=")
        if not eq or not key.strip() or not value.strip():
            raise PlanningInputError(f"{option} '{item}': expected KEY=VALUE")
        out.append((key.strip(), value.strip()))
    return out


def _quarter(text: str, where: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except QuarterError as error:
        raise PlanningInputError(f"{where}: {error}") from None


def _assumption_options(args: argparse.Namespace) -> Assumptions:
    national = tuple((status_key(key), _quarter(q, f"--assume-national '{key}={q}'"))
                     for key, q in _pairs(args.assume_national, "--assume-national"))
    scale = []
    for name, factor in _pairs(args.capacity_scale, "--capacity-scale"):
        try:
            scale.append((name, float(factor)))
        except ValueError:
            raise PlanningInputError(f"--capacity-scale '{name}={factor}': the factor must be a "
                                     "number") from None
    channels = tuple((name, None if q.lower() == "always"
                      else _quarter(q, f"--channel-from '{name}={q}'"))
                     for name, q in _pairs(args.channel_from, "--channel-from"))
    return Assumptions(national, tuple(scale), channels)


def _keep_options(args: argparse.Namespace, keep: Keep | None) -> Keep | None:
    if args.keep is None and args.freeze_until is None and args.move_cost is None:
        return keep
    if args.keep is None and keep is None:
        raise PlanningInputError("--freeze-until and --move-cost need --keep SCENARIO")
    freeze = (_quarter(args.freeze_until, f"--freeze-until '{args.freeze_until}'")
              if args.freeze_until is not None else (keep.freeze_until if keep else None))
    move_cost = keep.move_cost if keep else 0.0
    if args.move_cost is not None:
        move_cost = _move_cost(args.move_cost)
    return Keep(args.keep or (keep.scenario if keep else ""), freeze, move_cost)


def _move_cost(text: str) -> float:
    if text.strip().lower() == "inf":
        return math.inf
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or math.isinf(value):
        raise PlanningInputError(f"--move-cost '{text}': must be a number >= 0 or 'inf'")
    return value
