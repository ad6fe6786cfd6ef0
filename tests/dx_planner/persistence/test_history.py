"""The change history on both backends: triggers on PostgreSQL, the app on SQLite — and
both describe the same changes the same way."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dx_planner.domain.quarters import Quarter
from dx_planner.persistence.database import open_database
from dx_planner.persistence.history import Change, HistoryFilter, read_history
from dx_planner.persistence.rights import current_login
from dx_planner.tracking.baselines import delete_baseline
from dx_planner.workbook.apply import import_workbook
from tests.helpers.postgres import PgDatabase
from tests.helpers.workbooks import process_row, write_workbook

CAPACITY = [["所管局", "FY2021Q4", "FY2022Q1"], ["福祉保健局", 10, 12], ["環境局", 5, None]]
CHANNELS = [["申請基盤", "利用開始", "FY2022Q1"], ["共同電子申請", None, None],
            ["SaaS電子申請", "FY2021Q4", 30]]


def _first_import(engine: Engine, folder: Path) -> None:
    write_workbook(folder / "first.xlsx", [
        process_row("P-1"),
        process_row("P-2", 所管局="環境局", 状況="対応中"),
    ], capacity=CAPACITY, channels=CHANNELS)
    import_workbook(engine, folder / "first.xlsx")


def _second_import(engine: Engine, folder: Path) -> None:
    capacity = [row[:] for row in CAPACITY]
    capacity[1][2] = 14  # 福祉保健局 FY2022Q1: 12 → 14
    write_workbook(folder / "second.xlsx", [
        process_row("P-1", 状況="対応中", 申請基盤="SaaS電子申請", 工数=3),
        process_row("P-3", 手続名="新しい手続"),
    ], capacity=capacity)
    import_workbook(engine, folder / "second.xlsx", replace=True)  # P-2 deleted


def _lines(changes: list[Change]) -> set[tuple[object, ...]]:
    """What changed, without when and by whom (those differ between two databases)."""
    return {(c.table, c.key, c.bureau, c.action, c.field,
             *((c.old, c.new) if c.action == "update" else ()),
             json.dumps(c.row(), sort_keys=True)) for c in changes}


def test_every_change_of_an_import_is_recorded(any_engine: Engine, tmp_path: Path) -> None:
    _first_import(any_engine, tmp_path)
    _second_import(any_engine, tmp_path)
    with any_engine.connect() as connection:
        changes = read_history(connection)
        login = current_login(connection)

    assert {c.login for c in changes} == {login}
    updates = {(c.key, c.field, c.old, c.new) for c in changes if c.action == "update"}
    assert updates == {
        ("P-1", "status", "not_started", "in_progress"),
        ("P-1", "channel", "共同電子申請", "SaaS電子申請"),
        ("P-1", "effort", "2.5", "3"),
        ("福祉保健局/FY2022Q1", "effort", "12", "14"),
    }
    added = {c.key: c.row() for c in changes if c.action == "insert" and c.table == "processes"}
    assert set(added) == {"P-1", "P-2", "P-3"}
    assert added["P-3"]["name"] == "新しい手続"
    assert added["P-2"]["bureau"] == "環境局"
    deleted = [c for c in changes if c.action == "delete"]
    assert [(c.table, c.key, c.row()["status"]) for c in deleted] == [
        ("processes", "P-2", "in_progress")]
    assert {c.key for c in changes if c.table == "channels"} == {"共同電子申請", "SaaS電子申請"}
    assert {c.key for c in changes if c.table == "channel_limits"} == {"SaaS電子申請/FY2022Q1"}


def test_reimporting_the_same_file_records_nothing(any_engine: Engine, tmp_path: Path) -> None:
    _first_import(any_engine, tmp_path)
    with any_engine.connect() as connection:
        before = len(read_history(connection))
    import_workbook(any_engine, tmp_path / "first.xlsx")
    with any_engine.connect() as connection:
        assert len(read_history(connection)) == before


def test_filters(any_engine: Engine, tmp_path: Path) -> None:
    _first_import(any_engine, tmp_path)
    _second_import(any_engine, tmp_path)
    with any_engine.connect() as connection:
        login = current_login(connection)

        def keys(where: HistoryFilter) -> set[tuple[str, str]]:
            return {(c.key, c.action) for c in read_history(connection, where)}

        assert keys(HistoryFilter(process="P-2")) == {("P-2", "insert"), ("P-2", "delete")}
        assert keys(HistoryFilter(bureau="環境局")) == {
            ("P-2", "insert"), ("P-2", "delete"), ("環境局", "insert"),
            ("環境局/FY2021Q4", "insert")}
        assert keys(HistoryFilter(login="nobody")) == set()
        assert len(read_history(connection, HistoryFilter(login=login))) == \
            len(read_history(connection))
        tomorrow = date.today() + timedelta(days=1)
        assert read_history(connection, HistoryFilter(since=tomorrow)) == []
        yesterday = date.today() - timedelta(days=1)
        assert read_history(connection, HistoryFilter(since=yesterday)) == \
            read_history(connection)
        newest = read_history(connection, limit=2)
        assert newest == read_history(connection)[-2:]


def test_a_process_moved_to_another_bureau_is_in_both_bureaus_history(
        any_engine: Engine, tmp_path: Path) -> None:
    _first_import(any_engine, tmp_path)
    write_workbook(tmp_path / "moved.xlsx", [process_row("P-1", 所管局="環境局")])
    import_workbook(any_engine, tmp_path / "moved.xlsx")
    with any_engine.connect() as connection:
        for bureau in ("福祉保健局", "環境局"):
            moves = [c for c in read_history(connection, HistoryFilter(bureau=bureau))
                     if c.field == "bureau"]
            assert [(c.key, c.old, c.new) for c in moves] == [("P-1", "福祉保健局", "環境局")]


def test_baseline_publication_and_withdrawal_are_recorded(any_engine: Engine,
                                                          tmp_path: Path) -> None:
    from dx_planner.cli.main import main

    _first_import(any_engine, tmp_path)
    url = any_engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "solve", "--scenario", "base", "--start", "FY2021Q4",
                 "--time-limit", "5"]) == 0
    assert main(["--db", url, "baseline", "publish", "--quarter", "FY2021Q3"]) == 0
    with any_engine.begin() as connection:
        assert delete_baseline(connection, Quarter.parse("FY2021Q3"))
        changes = [c for c in read_history(connection) if c.table == "baselines"]
    assert [(c.key, c.action, c.row()["scenario_name"]) for c in changes] == [
        ("FY2021Q3", "insert", "base"), ("FY2021Q3", "delete", "base")]


def test_both_backends_describe_the_same_changes_alike(pg_database: PgDatabase,
                                                       tmp_path: Path) -> None:
    described = []
    for url in (str(tmp_path / "a.sqlite3"), pg_database.owner_url):
        engine = open_database(url, create=True)
        folder = tmp_path / engine.dialect.name
        folder.mkdir()
        _first_import(engine, folder)
        _second_import(engine, folder)
        with engine.connect() as connection:
            described.append(_lines(read_history(connection)))
        engine.dispose()
    sqlite, postgresql = described
    assert sqlite == postgresql
    assert len(sqlite) > 10


@pytest.mark.parametrize(("bad", "reason"), [
    ("--since", "argument --since: expected one argument"),
    ("2024-13-01", "argument --since: not a date (YYYY-MM-DD): '2024-13-01'"),
])
def test_a_bad_date_is_a_usage_error(bad: str, reason: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from dx_planner.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(["history", "--since", bad])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == f"dx-planner history: {reason}\n"
