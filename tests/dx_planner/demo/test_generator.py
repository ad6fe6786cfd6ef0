"""The demo reproduces the source report's figures (domain.md) as of the end of FY2021Q3."""

from __future__ import annotations

from collections import Counter

import pytest

from dx_planner.demo.generator import generate_demo_inventory
from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.inventory import Inventory
from dx_planner.domain.quarters import Quarter

Q3, Q4 = Quarter(2021, 3), Quarter(2021, 4)


@pytest.fixture(scope="module")
def demo() -> Inventory:
    return generate_demo_inventory(28_000, seed=0)


def test_size_and_bureaus(demo: Inventory) -> None:
    assert len(demo.processes) == 28_000
    assert len({p.id for p in demo.processes}) == 28_000
    sizes = Counter(p.bureau for p in demo.processes)
    assert len(sizes) == 28
    assert max(sizes.values()) >= 10 * min(sizes.values())  # an order of magnitude apart


def test_major_procedures(demo: Inventory) -> None:
    major = [p for p in demo.processes if p.major]
    assert len(major) == 169
    by_authority = Counter(p.authority for p in major)
    assert by_authority == {Authority.TOKYO: 119, Authority.NATIONAL: 31, Authority.OTHER: 19}
    tokyo = [p for p in major if p.authority is Authority.TOKYO]
    digitized = [p for p in tokyo if p.status is Status.DIGITIZED]
    assert len(digitized) == 71
    assert sum(1 for p in digitized if p.digitized_quarter == Q3) == 3
    assert sum(1 for p in tokyo if p.locked_quarter == Q4) == 31
    national = Counter(p.national_status for p in major if p.authority is Authority.NATIONAL)
    assert national == {NationalStatus.DATE_GIVEN: 7, NationalStatus.UNDER_REVIEW: 13,
                        NationalStatus.NOT_CONSIDERED: 11}
    assert all(p.national_ready is not None for p in major
               if p.national_status is NationalStatus.DATE_GIVEN)
    assert 10_900_000 < sum(p.annual_volume for p in major) <= 11_000_000  # about 11 million


def test_subsidies_on_jgrants(demo: Inventory) -> None:
    subsidies = [p for p in demo.processes if p.channel == "jGrants"]
    assert len(subsidies) == 32
    assert all(p.type is ProcedureType.SUBSIDY for p in subsidies)
    live = [p for p in subsidies if p.status is Status.DIGITIZED]
    assert len(live) == 18
    assert sum(1 for p in live if p.digitized_quarter == Q3) == 6
    assert sum(1 for p in subsidies if p.locked_quarter == Q4) == 13


def test_about_five_percent_online_before_the_report_quarter(demo: Inventory) -> None:
    in_scope = [p for p in demo.processes if p.in_scope]
    early = [p for p in in_scope if p.status is Status.DIGITIZED
             and p.digitized_quarter is not None and p.digitized_quarter < Q3]
    assert 0.04 <= len(early) / len(in_scope) <= 0.06
    assert demo.latest_digitized_quarter() == Q3


def test_saas_channel_opens_in_fy2021q4(demo: Inventory) -> None:
    saas = demo.channel_by_name()["SaaS電子申請"]
    assert saas.available_from == Q4
    assert not any(p.channel == "SaaS電子申請" and p.status is Status.DIGITIZED
                   for p in demo.processes)


def test_report_examples_are_named(demo: Inventory) -> None:
    names = {p.name: p for p in demo.processes}
    assert names["実習用通学定期乗車券の発売申込の届出"].digitized_quarter == Q3
    assert names["地球温暖化対策計画書の提出"].locked_quarter == Q4
    assert names["保育士登録申請"].national_status is NationalStatus.DATE_GIVEN
    assert names["産業廃棄物処理業の許可申請"].national_status is NationalStatus.UNDER_REVIEW
    assert names["育児・介護からのジョブリターン制度整備奨励金"].digitized_quarter == Q3


def test_volumes_are_heavy_tailed(demo: Inventory) -> None:
    volumes = sorted((p.annual_volume for p in demo.processes), reverse=True)
    top_one_percent = sum(volumes[: len(volumes) // 100])
    assert top_one_percent > 0.5 * sum(volumes)


def test_locked_work_fits_its_bureaus_capacity(demo: Inventory) -> None:
    load: Counter[str] = Counter()
    for p in demo.processes:
        if p.locked_quarter == Q4:
            load[p.bureau] += p.effort  # type: ignore[assignment]
    capacity = {b.name: b.capacity.get(Q4, 0.0) for b in demo.bureaus}
    assert all(load[name] <= capacity[name] for name in load)


def test_same_seed_same_inventory_other_seed_other_inventory() -> None:
    a = generate_demo_inventory(1_000, seed=7)
    assert a == generate_demo_inventory(1_000, seed=7)
    assert a != generate_demo_inventory(1_000, seed=8)


def test_too_small_a_demo_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 250"):
        generate_demo_inventory(100)
