"""Small inventories and hand-made plans for the progress-report and tracking tests."""

from __future__ import annotations

from sqlalchemy import Engine

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter, quarter_range
from dx_planner.domain.targets import target_count
from dx_planner.persistence import repository
from dx_planner.planning.result import PlanResult
from dx_planner.planning.settings import ResolvedSettings

Q = Quarter(2021, 3)  # the report quarter: 2021年10~12月
NEXT = Q + 1
DEADLINE = Quarter(2022, 4)


def _major(pid: str, name: str, authority: Authority = Authority.TOKYO, **fields: object
           ) -> Process:
    process = Process(id=pid, name=name, bureau="環境局", type=ProcedureType.PERMIT,
                      authority=authority, major=True,
                      priority=True, annual_volume=10_000)
    for key, value in fields.items():
        setattr(process, key, value)
    return process


def small_inventory() -> Inventory:
    """A few processes of every kind the report distinguishes."""
    digitized = Status.DIGITIZED
    processes = [
        # Major, own authority (都): 2 before Q, 2 in Q, 1 locked to Q+1, 2 not started.
        _major("M-01", "古い届出A", status=digitized, digitized_quarter=Q - 2),
        _major("M-02", "古い届出B", status=digitized, digitized_quarter=Q - 1),
        _major("M-03", "実習用通学定期乗車券の発売申込の届出", status=digitized,
               digitized_quarter=Q, annual_volume=50_000),
        _major("M-04", "小さな届出", status=digitized, digitized_quarter=Q, annual_volume=5),
        _major("M-05", "地球温暖化対策計画書の提出", status=Status.IN_PROGRESS,
               locked_quarter=NEXT),
        _major("M-06", "未着手の許可申請A"),
        _major("M-07", "未着手の許可申請B", annual_volume=20_000),
        # Major, national (国): 2 with a date, 1 under review, 1 not considered.
        _major("N-01", "一般旅券の発給申請", Authority.NATIONAL,
               national_status=NationalStatus.DATE_GIVEN, national_ready=NEXT + 1),
        _major("N-02", "保育士登録申請", Authority.NATIONAL,
               national_status=NationalStatus.DATE_GIVEN, national_ready=NEXT),
        _major("N-03", "産業廃棄物処理業の許可申請", Authority.NATIONAL,
               national_status=NationalStatus.UNDER_REVIEW),
        _major("N-04", "未検討の申請", Authority.NATIONAL,
               national_status=NationalStatus.NOT_CONSIDERED),
        # Major, other (その他).
        _major("O-01", "共同所管の届出", Authority.OTHER),
        # Subsidies on jGrants: 1 live before Q, 1 launched in Q, 1 locked to Q+1, 1 open.
        Process(id="S-01", name="古い補助金", bureau="産業労働局", type=ProcedureType.SUBSIDY,
                channel="jGrants",
                status=digitized, digitized_quarter=Q - 1),
        Process(id="S-02", name="育児・介護からのジョブリターン制度整備奨励金", bureau="産業労働局",
                type=ProcedureType.SUBSIDY, channel="jGrants", status=digitized,
                digitized_quarter=Q),
        Process(id="S-03", name="創業助成金", bureau="産業労働局", type=ProcedureType.SUBSIDY,
                channel="jGrants",
                status=Status.IN_PROGRESS, locked_quarter=NEXT),
        Process(id="S-04", name="未定の補助金", bureau="産業労働局", type=ProcedureType.SUBSIDY,
                channel="jGrants"),
        # A subsidy on another channel is not in the jGrants programme.
        Process(id="S-05", name="紙の補助金", bureau="産業労働局", type=ProcedureType.SUBSIDY),
        # Ordinary processes.
        Process(id="P-01", name="飲食店営業の届出", bureau="福祉保健局", status=digitized,
                digitized_quarter=Q),
        Process(id="P-02", name="薬局開設の届出", bureau="福祉保健局", channel="SaaS電子申請"),
        Process(id="P-03", name="旅館業の届出", bureau="福祉保健局", channel="SaaS電子申請"),
        Process(id="P-04", name="対象外の手続", bureau="福祉保健局", status=Status.OUT_OF_SCOPE),
    ]
    channels = [Channel("共同電子申請"), Channel("SaaS電子申請", NEXT, {NEXT: 30}),
                Channel("jGrants", None, {NEXT: 15})]
    bureaus = [Bureau(name, {q: 10.0 for q in quarter_range(NEXT, DEADLINE)})
               for name in ("環境局", "産業労働局", "福祉保健局")]
    return Inventory(processes, bureaus, channels)


def store(engine: Engine, inventory: Inventory) -> None:
    with engine.begin() as connection:
        repository.upsert_channels(connection, inventory.channels)
        repository.replace_bureau_capacity(connection, inventory.bureaus)
        repository.merge_processes(connection, inventory.processes)


def _plannable(process: Process, start: Quarter) -> bool:
    return (process.in_scope and not process.digitized_before(start)
            and not process.awaits_national_date)


def hand_plan(inventory: Inventory, start: Quarter = NEXT, end: Quarter = DEADLINE, *,
              first_free: Quarter | None = None, target_share: float = 0.7,
              milestones: tuple[tuple[Quarter, int], ...] = ()) -> PlanResult:
    """A plan by a simple rule (no solver): locks keep their quarter; every other plannable
    process goes round-robin over ``first_free`` (default ``start``) … ``end``, never before
    its national date or its channel's start."""
    quarters = quarter_range(first_free or start, end)
    channels = inventory.channel_by_name()
    in_scope = sum(1 for p in inventory.processes if p.in_scope)
    assignments: dict[str, Quarter] = {}
    reasons: dict[str, str] = {}
    turn = 0
    for process in inventory.processes:
        if not _plannable(process, start):
            continue
        quarter = process.locked_quarter
        if quarter is None:
            quarter = quarters[turn % len(quarters)]
            turn += 1
            earliest = [q for q in (process.national_ready,
                                    channels[process.channel].available_from) if q]
            quarter = max([quarter, *earliest])
        if quarter <= end:
            assignments[process.id] = quarter
            reasons[process.id] = "locked" if process.locked_quarter else "planned"
    already = sum(1 for p in inventory.processes if p.in_scope and p.digitized_before(start))
    cumulative = [(q, already + sum(1 for a in assignments.values() if a <= q))
                  for q in quarter_range(start, end)]
    settings = ResolvedSettings(start, end, end, target_count(target_share, in_scope),
                                target_share, milestones, in_scope, 10.0)
    return PlanResult(settings, "feasible", 0.0, 0.0, 0.0, cumulative[-1][1], already,
                      cumulative, assignments, reasons)
