import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from dx_planner.cli import main as cli_main
from dx_planner.cli.main import main
from tests.helpers.team import make_team


def test_demo_then_export_then_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "demo", "--processes", "300", "--seed", "2"]) == 0
    assert "300 processes" in capsys.readouterr().out
    out = tmp_path / "x.xlsx"
    assert main(["--db", db, "export-inventory", str(out)]) == 0
    assert main(["--db", db, "import", str(out)]) == 0
    assert "0 added, 0 updated, 0 deleted, 300 unchanged" in capsys.readouterr().out


def test_demo_refuses_a_database_that_is_not_empty(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "demo", "--processes", "300"]) == 0
    assert main(["--db", db, "demo", "--processes", "300"]) == 1
    err = capsys.readouterr().err
    assert "already holds 300 processes" in err and "Traceback" not in err


def test_db_option_falls_back_to_the_environment(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DX_PLANNER_DB", str(tmp_path / "env.db"))
    assert main(["demo", "--processes", "250"]) == 0
    assert (tmp_path / "env.db").exists()


def test_bad_usage_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as raised:
        main(["demo", "--processes", "many"])
    assert raised.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        "dx-planner demo: argument --processes: invalid int value: 'many'"]


def test_an_unknown_command_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as raised:
        main(["plan-everything"])
    assert raised.value.code == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "invalid choice: 'plan-everything'" in err[0]


def test_unusable_database_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("garbage" * 200)
    assert main(["--db", str(bad), "export-inventory", str(tmp_path / "x.xlsx")]) == 1
    assert "cannot open database" in capsys.readouterr().err


def test_unusable_output_paths_are_user_errors(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "demo", "--processes", "300"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export-inventory", str(tmp_path / "missing" / "x.xlsx")]) == 1
    assert main(["--db", db, "export-inventory", str(tmp_path)]) == 1
    assert main(["--db", db, "solve", "--json", str(tmp_path / "missing" / "p.json"),
                 "--scenario", "never"]) == 1
    err = capsys.readouterr().err
    assert err.count("does not exist") == 2 and "is a folder" in err
    assert "Traceback" not in err
    from dx_planner.persistence.database import open_database
    from dx_planner.persistence.scenarios import list_scenarios

    with open_database(db).connect() as connection:
        assert list_scenarios(connection) == []  # nothing stored for a failed solve


def test_database_errors_are_one_line(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("garbage" * 200)
    assert main(["--db", str(bad), "demo"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"dx-planner: cannot open database {bad}: file is not a database"


def test_gui_without_a_display_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--db", str(tmp_path / "g.db"), "gui"]) == 1
    assert "no display" in capsys.readouterr().err


# -- what an import changed, sheet by sheet ---------------------------------------------------
@dataclass(frozen=True)
class Logins:
    """Database URLs: one who may change a bureau's capacity, one who may change channels."""

    editor: str
    admin: str
    bureau: str  # the editor's bureau


@pytest.fixture(params=["sqlite", "postgresql"])
def logins(request: pytest.FixtureRequest, tmp_path: Path) -> Logins:
    if request.param == "sqlite":
        db = str(tmp_path / "cli.db")
        assert main(["--db", db, "demo", "--processes", "250"]) == 0
        return Logins(db, db, "福祉保健局")
    team = make_team(request.getfixturevalue("pg_database"), 250)
    return Logins(team.url(team.editor), team.url(team.admin), team.bureau)


def _set_cell(path: Path, sheet_name: str, first_cell: str, column: int, value: Any) -> None:
    """Change one cell of the row whose first cell is ``first_cell``, as a planner in Excel."""
    workbook = load_workbook(path)
    row = next(row for row in workbook[sheet_name].iter_rows(min_row=2)
               if row[0].value == first_cell)
    row[column - 1].value = value
    workbook.save(path)


def test_the_import_summary_names_capacity_and_channel_changes(
        logins: Logins, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.xlsx"
    assert main(["--db", logins.admin, "export-inventory", str(path)]) == 0
    assert main(["--db", logins.editor, "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"imported {path}: 0 added, 0 updated, 0 deleted, 250 unchanged; "
        "局別処理能力: unchanged; 申請基盤: unchanged")

    _set_cell(path, "局別処理能力", logins.bureau, 2, 500)
    assert main(["--db", logins.editor, "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"imported {path}: 0 added, 0 updated, 0 deleted, 250 unchanged; "
        "局別処理能力: 1 cell changed; 申請基盤: unchanged")

    _set_cell(path, "申請基盤", "共同電子申請", 3, 31)
    _set_cell(path, "局別処理能力", logins.bureau, 3, 501)
    _set_cell(path, "局別処理能力", logins.bureau, 4, 502)
    assert main(["--db", logins.admin, "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"imported {path}: 0 added, 0 updated, 0 deleted, 250 unchanged; "
        "局別処理能力: 2 cells changed; 申請基盤: 1 changed")


def _interrupted_run(tmp_path: Path) -> None:
    """main() with the command interrupted: exit status 130, and SIGINT ignored from then on
    (given back to the test run afterwards)."""
    previous = signal.getsignal(signal.SIGINT)
    try:
        assert main(["--db", str(tmp_path / "x.db")]) == 130
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_after_a_ctrl_c_a_second_one_is_ignored_on_the_way_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # users press Ctrl+C twice: the second landed while main returned and ended in a traceback
    def interrupted(_args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_main, "cmd_gui", interrupted)  # the command run without one
    _interrupted_run(tmp_path)
    assert capsys.readouterr().err == "dx-planner: interrupted\n"


def test_a_second_ctrl_c_does_not_cut_the_clean_up_short(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    cleaned: list[str] = []

    def interrupted(args: Any) -> int:
        def clean_up() -> None:
            os.kill(os.getpid(), signal.SIGINT)  # the second Ctrl+C, while cleaning up
            cleaned.append("done")

        args.cleanup.callback(clean_up)
        os.kill(os.getpid(), signal.SIGINT)  # the first: a real signal, as from a terminal
        time.sleep(5)  # the handler raises at the next bytecode; never reached
        return 0

    monkeypatch.setattr(cli_main, "cmd_gui", interrupted)
    _interrupted_run(tmp_path)
    assert cleaned == ["done"]
    assert capsys.readouterr().err == "dx-planner: interrupted\n"


def test_without_a_ctrl_c_the_interrupt_handler_is_given_back(tmp_path: Path) -> None:
    previous = signal.getsignal(signal.SIGINT)
    assert main(["--db", str(tmp_path / "x.db"), "demo", "--processes", "250"]) == 0
    assert signal.getsignal(signal.SIGINT) is previous
