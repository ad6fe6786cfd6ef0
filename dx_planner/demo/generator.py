"""Generate the demo inventory, as of the end of FY2021Q3 (December 2021).

What is calibrated to the source report (domain.md) is fixed in counts; everything else is
drawn from seeded distributions, so the same ``seed`` always gives the same inventory.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from dx_planner.demo import catalogue as cat
from dx_planner.demo.calibration import calibrate_capacity
from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.inventory import Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter, quarter_range

REPORT_QUARTER = Quarter(2021, 3)  # 2021年10~12月
NEXT_QUARTER = REPORT_QUARTER + 1  # 2022年1~3月: the first quarter planned
DEADLINE = Quarter(2023, 4)
MIN_PROCESSES = 250

# Phase-1 major procedures (主要169手続) and the jGrants subsidy programme, as reported.
MAJOR_TOKYO, MAJOR_NATIONAL, MAJOR_OTHER = 119, 31, 19
MAJOR_TOKYO_DIGITIZED, MAJOR_TOKYO_DIGITIZED_IN_Q3, MAJOR_TOKYO_NEXT = 71, 3, 31
MAJOR_NATIONAL_DATED, MAJOR_NATIONAL_REVIEW = 7, 13
MAJOR_VOLUME_TOTAL = 11_000_000
SUBSIDIES, SUBSIDIES_LIVE, SUBSIDIES_LIVE_IN_Q3, SUBSIDIES_NEXT = 32, 18, 6, 13

# Shares among the other processes (invented, plausible).
TYPE_SHARES = {
    ProcedureType.NOTIFICATION: 0.36, ProcedureType.PERMIT: 0.22,
    ProcedureType.CERTIFICATE: 0.10, ProcedureType.INSPECTION: 0.06,
    ProcedureType.SUBSIDY: 0.04, ProcedureType.FACILITY: 0.10, ProcedureType.OTHER: 0.12,
}
AUTHORITY_SHARES = {Authority.TOKYO: 0.72, Authority.NATIONAL: 0.16, Authority.OTHER: 0.12}
NATIONAL_SHARES = {NationalStatus.DATE_GIVEN: 0.35, NationalStatus.UNDER_REVIEW: 0.30,
                   NationalStatus.NOT_CONSIDERED: 0.35}
OUT_OF_SCOPE_SHARE = 0.02
# Drawn among processes not needing the national government (84%), so that about 5% of
# all in-scope processes were online before FY2021Q3 ("only about 5% at the start").
DIGITIZED_BEFORE_Q3_SHARE = 0.06
DIGITIZED_IN_Q3_SHARE = 0.01
IN_PROGRESS_SHARE = 0.04
SAAS_SHARE, BUREAU_SYSTEM_SHARE = 0.12, 0.18
PRIORITY_VOLUME = 10_000  # a later phase singles out procedures with 10,000+ a year


def demo_channels() -> list[Channel]:
    saas_limits = dict(zip(quarter_range(NEXT_QUARTER, DEADLINE),
                           (30, 150, 300, 400, 500, 600, 600, 600, 600), strict=True))
    jgrants_limits = {q: 15 for q in quarter_range(NEXT_QUARTER, DEADLINE)}
    return [
        Channel(cat.SHARED_CHANNEL),
        # Live from March 2022; "up to 30 procedures being prepared" for the first quarter.
        Channel(cat.SAAS_CHANNEL, NEXT_QUARTER, saas_limits),
        Channel(cat.JGRANTS_CHANNEL, None, jgrants_limits),
        Channel(cat.BUREAU_SYSTEM_CHANNEL),
    ]


class _Draw:
    """Seeded draws shared by the builders below."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def choice(self, shares: dict, size: int) -> list:  # type: ignore[type-arg]
        keys = list(shares)
        probabilities = np.array([shares[k] for k in keys], dtype=float)
        picks = self.rng.choice(len(keys), size=size, p=probabilities / probabilities.sum())
        return [keys[i] for i in picks]

    def quarters(self, first: Quarter, last: Quarter, size: int) -> list[Quarter]:
        span = quarter_range(first, last)
        return [span[i] for i in self.rng.integers(0, len(span), size=size)]

    def efforts(self, volumes: np.ndarray, scale: float = 1.0) -> np.ndarray:
        # Busier procedures are more complex to digitize: effort grows with log volume.
        base = self.rng.lognormal(math.log(1.1 * scale), 0.75, size=len(volumes))
        effort = base * (1.0 + 0.18 * np.log10(volumes + 1.0))
        return np.clip(np.round(effort * 4.0) / 4.0, 0.25, 24.0)

    def name(self, type_: ProcedureType) -> str:
        suffix = self.rng.choice(cat.SUFFIXES[type_])
        if type_ is ProcedureType.FACILITY:
            return f"{self.rng.choice(cat.FACILITIES)}の{suffix}"
        subject = self.rng.choice(cat.SUBJECTS)
        joiner = "" if suffix.startswith("に") else "の" if type_ is ProcedureType.OTHER else ""
        return f"{subject}{joiner}{suffix}"


def _bureau_of_each(draw: _Draw, count: int) -> list[str]:
    names = [name for name, _ in cat.BUREAUS]
    weights = np.array([weight for _, weight in cat.BUREAUS])
    picks = draw.rng.choice(len(names), size=count, p=weights / weights.sum())
    return [names[i] for i in picks]


def _major_processes(draw: _Draw) -> list[Process]:
    count = MAJOR_TOKYO + MAJOR_NATIONAL + MAJOR_OTHER
    volumes = draw.rng.lognormal(math.log(20_000), 1.3, size=count)
    volumes = np.floor(volumes * MAJOR_VOLUME_TOTAL / volumes.sum()).astype(np.int64)
    efforts = draw.efforts(volumes.astype(float), scale=2.0)
    bureaus = _bureau_of_each(draw, count)
    types = draw.choice({ProcedureType.PERMIT: 0.55, ProcedureType.NOTIFICATION: 0.45}, count)
    result: list[Process] = []

    def add(authority: Authority, status: Status, **fields: object) -> Process:
        i = len(result)
        process = Process(
            id="", name=draw.name(types[i]), bureau=bureaus[i], type=types[i],
            authority=authority, annual_volume=int(volumes[i]), effort=float(efforts[i]),
            status=status, channel=cat.SHARED_CHANNEL, priority=True, major=True,
        )
        for key, value in fields.items():
            setattr(process, key, value)
        result.append(process)
        return process

    # 119 under the metropolitan government's own authority.
    for i in range(MAJOR_TOKYO_DIGITIZED):
        in_q3 = i < MAJOR_TOKYO_DIGITIZED_IN_Q3
        quarter = REPORT_QUARTER if in_q3 else draw.quarters(Quarter(2019, 1),
                                                             REPORT_QUARTER - 1, 1)[0]
        add(Authority.TOKYO, Status.DIGITIZED, digitized_quarter=quarter)
    _rename(result[0], *cat.REPORT_DIGITIZED_IN_Q3, ProcedureType.NOTIFICATION,
            group=result[:MAJOR_TOKYO_DIGITIZED_IN_Q3])
    for _ in range(MAJOR_TOKYO_NEXT):
        add(Authority.TOKYO, Status.IN_PROGRESS, locked_quarter=NEXT_QUARTER,
            notes="2022年1~3月にデジタル化予定（進捗報告で公表）")
    _rename(result[MAJOR_TOKYO_DIGITIZED], *cat.REPORT_PLANNED_NEXT, ProcedureType.NOTIFICATION,
            group=result[MAJOR_TOKYO_DIGITIZED:])
    for _ in range(MAJOR_TOKYO - MAJOR_TOKYO_DIGITIZED - MAJOR_TOKYO_NEXT):
        add(Authority.TOKYO, Status.NOT_STARTED)
    # 31 that need the national government.
    first_national = len(result)
    for i in range(MAJOR_NATIONAL):
        if i < MAJOR_NATIONAL_DATED:
            ready = draw.quarters(Quarter(2022, 1), Quarter(2023, 1), 1)[0]
            add(Authority.NATIONAL, Status.NOT_STARTED,
                national_status=NationalStatus.DATE_GIVEN, national_ready=ready)
        elif i < MAJOR_NATIONAL_DATED + MAJOR_NATIONAL_REVIEW:
            add(Authority.NATIONAL, Status.NOT_STARTED,
                national_status=NationalStatus.UNDER_REVIEW)
        else:
            add(Authority.NATIONAL, Status.NOT_STARTED,
                national_status=NationalStatus.NOT_CONSIDERED)
    dated = result[first_national:first_national + MAJOR_NATIONAL_DATED]
    for offset, (name, bureau) in enumerate(cat.REPORT_NATIONAL_DATED):
        _rename(dated[offset], name, bureau, ProcedureType.PERMIT, group=dated[offset:])
    _rename(result[first_national + MAJOR_NATIONAL_DATED], *cat.REPORT_NATIONAL_UNDER_REVIEW,
            ProcedureType.PERMIT, group=result[first_national + MAJOR_NATIONAL_DATED:])
    # 19 the source does not break down: authority その他, planned like 都.
    for _ in range(MAJOR_OTHER):
        add(Authority.OTHER, Status.NOT_STARTED)
    return result


def _rename(process: Process, name: str, bureau: str, type_: ProcedureType,
            group: Sequence[Process] = ()) -> None:
    """Give ``process`` a name from the report. As the report's example it swaps volumes with
    the busiest of its ``group`` (reports name their busiest procedures first; totals stay)."""
    process.name, process.bureau, process.type = name, bureau, type_
    if group:
        busiest = max(group, key=lambda p: p.annual_volume)
        process.annual_volume, busiest.annual_volume = (busiest.annual_volume,
                                                        process.annual_volume)


def _subsidies(draw: _Draw) -> list[Process]:
    volumes = draw.rng.lognormal(math.log(300), 1.0, size=SUBSIDIES).astype(np.int64)
    efforts = draw.efforts(volumes.astype(float))
    bureaus = draw.choice({"産業労働局": 0.6, "環境局": 0.2, "福祉保健局": 0.1,
                           "生活文化局": 0.1}, SUBSIDIES)
    result = []
    for i in range(SUBSIDIES):
        process = Process(
            id="", name=draw.name(ProcedureType.SUBSIDY), bureau=bureaus[i],
            type=ProcedureType.SUBSIDY, authority=Authority.TOKYO,
            annual_volume=int(volumes[i]), effort=float(efforts[i]),
            channel=cat.JGRANTS_CHANNEL,
        )
        if i < SUBSIDIES_LIVE:
            process.status = Status.DIGITIZED
            process.digitized_quarter = (REPORT_QUARTER if i < SUBSIDIES_LIVE_IN_Q3 else
                                         draw.quarters(Quarter(2021, 1), Quarter(2021, 2), 1)[0])
        elif i < SUBSIDIES_LIVE + SUBSIDIES_NEXT:
            process.status = Status.IN_PROGRESS
            process.locked_quarter = NEXT_QUARTER
            process.notes = "jGrants: 2022年1~3月稼働予定"
        result.append(process)
    _rename(result[0], *cat.REPORT_SUBSIDY_LAUNCHED_Q3, ProcedureType.SUBSIDY,
            group=result[:SUBSIDIES_LIVE_IN_Q3])
    return result


def _other_processes(draw: _Draw, count: int) -> list[Process]:
    types = draw.choice(TYPE_SHARES, count)
    authorities = draw.choice(AUTHORITY_SHARES, count)
    national = draw.choice(NATIONAL_SHARES, count)
    ready = draw.quarters(Quarter(2022, 1), Quarter(2023, 2), count)
    bureaus = _bureau_of_each(draw, count)
    type_scale = {ProcedureType.CERTIFICATE: 5.0, ProcedureType.NOTIFICATION: 2.0,
                  ProcedureType.FACILITY: 3.0}
    volumes = draw.rng.lognormal(math.log(40), 2.0, size=count)
    volumes *= np.array([type_scale.get(t, 1.0) for t in types])
    volumes[draw.rng.random(count) < 0.08] = 0.0
    volumes = np.floor(volumes).astype(np.int64)
    efforts = draw.efforts(volumes.astype(float))
    state = draw.rng.random(count)
    channel_draw = draw.rng.random(count)
    old_quarters = draw.quarters(Quarter(2018, 1), REPORT_QUARTER - 1, count)

    result = []
    for i in range(count):
        authority = authorities[i]
        process = Process(
            id="", name=draw.name(types[i]), bureau=bureaus[i], type=types[i],
            authority=authority, annual_volume=int(volumes[i]), effort=float(efforts[i]),
            priority=bool(volumes[i] >= PRIORITY_VOLUME),
        )
        if authority is Authority.NATIONAL:
            process.national_status = national[i]
            if national[i] is NationalStatus.DATE_GIVEN:
                process.national_ready = ready[i]
        cut_out = OUT_OF_SCOPE_SHARE
        cut_old = cut_out + DIGITIZED_BEFORE_Q3_SHARE
        cut_q3 = cut_old + DIGITIZED_IN_Q3_SHARE
        if state[i] < cut_out:
            process.status = Status.OUT_OF_SCOPE
        elif state[i] < cut_q3 and authority is not Authority.NATIONAL:
            process.status = Status.DIGITIZED
            process.digitized_quarter = old_quarters[i] if state[i] < cut_old else REPORT_QUARTER
        elif state[i] < cut_q3 + IN_PROGRESS_SHARE and \
                process.national_status in (None, NationalStatus.DATE_GIVEN):
            process.status = Status.IN_PROGRESS
        # SaaS is not live before March 2022, so nothing already online runs on it.
        if channel_draw[i] < BUREAU_SYSTEM_SHARE:
            process.channel = cat.BUREAU_SYSTEM_CHANNEL
        elif channel_draw[i] < BUREAU_SYSTEM_SHARE + SAAS_SHARE and \
                process.status is not Status.DIGITIZED:
            process.channel = cat.SAAS_CHANNEL
        result.append(process)
    return result


def generate_demo_inventory(processes: int = 28_000, seed: int = 0) -> Inventory:
    """The demo inventory with ``processes`` processes, deterministic for ``seed``."""
    if processes < MIN_PROCESSES:
        raise ValueError(f"the demo needs at least {MIN_PROCESSES} processes, not {processes}")
    draw = _Draw(seed)
    fixed = _major_processes(draw) + _subsidies(draw)
    others = _other_processes(draw, processes - len(fixed))
    # Interleave the calibrated processes into the list so IDs do not give them away.
    everything = others + fixed
    order = draw.rng.permutation(len(everything))
    ordered = [everything[i] for i in order]
    width = max(6, len(str(len(ordered))))
    for number, process in enumerate(ordered, start=1):
        process.id = f"P-{number:0{width}d}"
    channels = demo_channels()
    bureaus = calibrate_capacity(ordered, channels, [name for name, _ in cat.BUREAUS],
                                 NEXT_QUARTER, DEADLINE)
    return Inventory(ordered, bureaus, channels)
