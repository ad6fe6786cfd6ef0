"""The what-if tables' models: capacity factors, channel starts, national dates per
process, to assumptions and back."""

from __future__ import annotations

from typing import Any

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Bureau, Channel, Inventory, Process
from dx_planner.domain.quarters import Quarter
from ui.models.whatif_models import (
    ALWAYS,
    STATED,
    BureauScaleModel,
    ChannelStartModel,
    ProcessDateModel,
)


def _inventory() -> Inventory:
    return Inventory(
        [Process(id="P1", name="国の手続", bureau="総務局", authority=Authority.NATIONAL,
                 national_status=NationalStatus.UNDER_REVIEW),
         Process(id="P2", name="都の手続", bureau="財務局")],
        [Bureau("総務局", {Quarter(2022, 1): 3.0, Quarter(2022, 2): 4.0}), Bureau("財務局", {})],
        [Channel("SaaS電子申請", Quarter(2022, 3))])


def test_bureau_scale(qtmodeltester: Any) -> None:
    model = BureauScaleModel(_inventory())
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 1)) == "7"
    assert model.setData(model.index(0, model.SCALE), 150)
    assert model.assumptions() == (("総務局", 1.5),)
    assert model.setData(model.index(0, model.SCALE), 100)  # back to as is: no assumption
    assert model.assumptions() == ()


def test_channel_start(qtmodeltester: Any) -> None:
    model = ChannelStartModel(_inventory())
    qtmodeltester.check(model, force_py=True)
    row = model.channels.index("SaaS電子申請")
    assert model.data(model.index(row, model.ASSUMED)) == "手続一覧のとおり"
    assert model.setData(model.index(row, model.ASSUMED), Quarter(2022, 1))
    assert model.assumptions() == (("SaaS電子申請", Quarter(2022, 1)),)
    assert model.setData(model.index(row, model.ASSUMED), ALWAYS)
    assert model.assumptions() == (("SaaS電子申請", None),)
    assert model.setData(model.index(row, model.ASSUMED), STATED)
    assert model.assumptions() == ()


def test_process_dates_name_their_problems(qtmodeltester: Any) -> None:
    model = ProcessDateModel(_inventory())
    for pid in ("P1", "P2", "P9"):
        row = model.add_row()
        assert model.setData(model.index(row, model.ID), pid)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, model.NAME)) == "国の手続"
    assert model.problems() == ["国の対応時期の仮定 2 行目：P2 は国の権限の手続ではありません",
                                "国の対応時期の仮定 3 行目：手続ID「P9」は手続一覧にありません"]
    model.remove_rows([1, 2])
    assert model.assumptions() == (("P1", Quarter(2023, 1)),)


def test_quarter_choices_are_the_plannable_quarters() -> None:
    from dx_planner.domain.quarters import plannable_quarters
    from ui.models.whatif_models import quarter_choices

    assert [q for _, q in quarter_choices()] == plannable_quarters()
