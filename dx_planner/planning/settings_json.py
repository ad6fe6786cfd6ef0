"""Reading settings from JSON: the plan file's ``settings`` object (planning-model.md §6).

Every problem is a ``PlanningInputError`` naming the field (``settings.requirements[1].quarter:
not a quarter code: 'FY2023Q5'``). Unknown keys are errors too: a typo must not be ignored.
"""

from __future__ import annotations

import math
from typing import Any

from dx_planner.domain.enums import Authority, ProcedureType
from dx_planner.domain.quarters import Quarter, QuarterError
from dx_planner.domain.targets import target_count as target_count_of
from dx_planner.planning.assumptions import Assumptions, status_key
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.keep import Keep
from dx_planner.planning.requirements import (
    SCOPE_KEYS,
    RequirementSpec,
    ResolvedRequirement,
    Scope,
)
from dx_planner.planning.settings import (
    DEFAULT_DEADLINE,
    DEFAULT_TARGET_SHARE,
    DEFAULT_TIME_LIMIT,
    PlanSettings,
    ResolvedSettings,
)

_SETTINGS_KEYS = ("start", "deadline", "end", "target", "target_count", "in_scope",
                  "milestones", "requirements", "bureau_target", "keep", "assumptions",
                  "time_limit", "cost_time")


def settings_from_json(data: object, where: str = "settings") -> PlanSettings:
    """PlanSettings from a plan file's ``settings`` object. ``target`` (a share) or
    ``target_count``: both only as a plan file writes them, ``target_count`` being what the
    share came to of ``in_scope`` (the processes in scope when it was solved); the share then
    counts (a re-run on a changed inventory takes the same share). Any other pair is refused:
    which one was meant is not for us to guess."""
    obj = _object(data, where, _SETTINGS_KEYS)
    share = _number(obj, "target", where)
    count = _integer(obj, "target_count", where)
    if share is not None and count is not None:
        in_scope = _integer(obj, "in_scope", where)
        if in_scope is None or target_count_of(share, in_scope) != count:
            raise PlanningInputError(
                f"{where}.target ({share:g}) and {where}.target_count ({count:,}): give one of "
                "them, a share or a count")
        count = None
    milestones = []
    for k, item in enumerate(_list(obj, "milestones", where)):
        here = f"{where}.milestones[{k}]"
        if not isinstance(item, list) or len(item) != 2:
            raise PlanningInputError(f"{here}: must be [QUARTER, COUNT]")
        milestones.append((_quarter_value(item[0], here), _int_value(item[1], here)))
    requirements = tuple(requirement_from_json(item, f"{where}.requirements[{k}]")
                         for k, item in enumerate(_list(obj, "requirements", where)))
    return PlanSettings(
        start=_quarter(obj, "start", where),
        deadline=_quarter(obj, "deadline", where) or DEFAULT_DEADLINE,
        end=_quarter(obj, "end", where),
        target_share=share if share is not None else DEFAULT_TARGET_SHARE,
        target_count=count,
        milestones=tuple(milestones),
        time_limit=_number(obj, "time_limit", where) or DEFAULT_TIME_LIMIT,
        requirements=requirements,
        bureau_target=_number(obj, "bureau_target", where),
        keep=keep_from_json(obj["keep"], f"{where}.keep") if obj.get("keep") is not None
        else None,
        assumptions=assumptions_from_json(obj.get("assumptions") or {}, f"{where}.assumptions"),
        cost_time=_number(obj, "cost_time", where) or 0.0,
    )


def requirement_from_json(data: object, where: str) -> RequirementSpec:
    obj = _object(data, where, ("scope", "share", "count", "quarter"))
    return RequirementSpec(scope=scope_from_json(obj.get("scope") or {}, f"{where}.scope"),
                           quarter=_quarter(obj, "quarter", where),
                           share=_number(obj, "share", where),
                           count=_integer(obj, "count", where))


def scope_from_json(data: object, where: str) -> Scope:
    obj = _object(data, where, SCOPE_KEYS)
    values: dict[str, Any] = {}
    for key in ("bureau", "channel"):
        if obj.get(key) is not None:
            values[key] = _text(obj[key], f"{where}.{key}")
    for key, enum in (("type", ProcedureType), ("authority", Authority)):
        if obj.get(key) is not None:
            try:
                values[key] = enum.parse(obj[key])
            except ValueError as error:
                raise PlanningInputError(f"{where}.{key}: {error}") from None
    for key in ("priority", "major"):
        if obj.get(key) is not None:
            if not isinstance(obj[key], bool):
                raise PlanningInputError(f"{where}.{key}: must be true or false")
            values[key] = obj[key]
    if obj.get("min_volume") is not None:
        values["min_volume"] = _int_value(obj["min_volume"], f"{where}.min_volume")
    return Scope(**values)


def keep_from_json(data: object, where: str) -> Keep:
    obj = _object(data, where, ("scenario", "freeze_until", "move_cost"))
    if obj.get("scenario") is None:
        raise PlanningInputError(f"{where}.scenario: the reference scenario is required")
    cost = obj.get("move_cost", 0)
    if cost == "inf":
        move_cost = math.inf
    elif isinstance(cost, int | float) and not isinstance(cost, bool) and cost >= 0:
        move_cost = float(cost)
    else:
        raise PlanningInputError(f"{where}.move_cost: must be a number >= 0 or \"inf\"")
    return Keep(scenario=_text(obj["scenario"], f"{where}.scenario"),
                freeze_until=_quarter(obj, "freeze_until", where), move_cost=move_cost)


def assumptions_from_json(data: object, where: str) -> Assumptions:
    obj = _object(data, where, ("national_ready", "capacity_scale", "channel_from"))
    national = _object(obj.get("national_ready") or {}, f"{where}.national_ready", None)
    scale = _object(obj.get("capacity_scale") or {}, f"{where}.capacity_scale", None)
    channels = _object(obj.get("channel_from") or {}, f"{where}.channel_from", None)
    return Assumptions(
        national_ready=tuple((status_key(key), _quarter_value(q, f"{where}.national_ready.{key}"))
                             for key, q in national.items()),
        capacity_scale=tuple((key, _number_value(v, f"{where}.capacity_scale.{key}"))
                             for key, v in scale.items()),
        channel_from=tuple((key, None if q is None
                            else _quarter_value(q, f"{where}.channel_from.{key}"))
                           for key, q in channels.items()),
    )


# ----------------------------------------------------------------- stored scenarios
def stored_settings(settings: ResolvedSettings) -> dict[str, Any]:
    """What a scenario stores: the plan file's settings plus what they resolved to."""
    return settings.to_json() | {
        "target_share": settings.target_share, "in_scope": settings.in_scope,
        "scoped": [r.to_json() for r in settings.scoped],
    }


def settings_from_stored(data: dict[str, Any]) -> ResolvedSettings:
    """ResolvedSettings of a stored scenario (also of scenarios stored before §6 existed)."""
    # the resolved target count is read below; the stored pair was never the user's choice
    plain = settings_from_json({k: v for k, v in data.items()
                                if k in _SETTINGS_KEYS and k != "target_count"})
    assumptions = plain.assumptions
    if data.get("assume_national_ready"):  # the one what-if of older versions
        assumed = Quarter.parse(data["assume_national_ready"])
        assumptions = Assumptions(national_ready=(("未検討", assumed), ("検討中", assumed)))
    return ResolvedSettings(
        start=Quarter.parse(data["start"]), deadline=Quarter.parse(data["deadline"]),
        end=Quarter.parse(data["end"]), target_count=data["target_count"],
        target_share=data.get("target_share"),
        milestones=tuple((Quarter.parse(q), n) for q, n in data["milestones"]),
        in_scope=data["in_scope"], time_limit=data["time_limit"],
        requirements=plain.requirements, bureau_target=plain.bureau_target, keep=plain.keep,
        assumptions=assumptions, cost_time=plain.cost_time,
        scoped=tuple(resolved_requirement(r) for r in data.get("scoped", [])),
    )


def resolved_requirement(data: dict[str, Any]) -> ResolvedRequirement:
    """A ResolvedRequirement from its ``to_json``."""
    return ResolvedRequirement(kind=data["kind"], scope=scope_from_json(data["scope"], "scope"),
                               quarter=Quarter.parse(data["quarter"]),
                               needed=int(data["needed"]), in_scope=int(data["in_scope"]),
                               share=data.get("share"))


# ----------------------------------------------------------------- typed fields
def _object(data: object, where: str, keys: tuple[str, ...] | None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise PlanningInputError(f"{where}: must be an object")
    if keys is not None:
        unknown = [k for k in data if k not in keys]
        if unknown:
            raise PlanningInputError(f"{where}: unknown key '{unknown[0]}' (known: "
                                     f"{', '.join(keys)})")
    return data


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise PlanningInputError(f"{where}.{key}: must be a list")
    return value


def _quarter(obj: dict[str, Any], key: str, where: str) -> Quarter | None:
    value = obj.get(key)
    return None if value is None else _quarter_value(value, f"{where}.{key}")


def _quarter_value(value: object, where: str) -> Quarter:
    try:
        return Quarter.parse(value)
    except QuarterError as error:
        raise PlanningInputError(f"{where}: {error}") from None


def _number(obj: dict[str, Any], key: str, where: str) -> float | None:
    value = obj.get(key)
    return None if value is None else _number_value(value, f"{where}.{key}")


def _number_value(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PlanningInputError(f"{where}: must be a number")
    return float(value)


def _integer(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = obj.get(key)
    return None if value is None else _int_value(value, f"{where}.{key}")


def _int_value(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanningInputError(f"{where}: must be a whole number")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PlanningInputError(f"{where}: must be a non-empty text")
    return value.strip()
