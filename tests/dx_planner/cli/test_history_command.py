"""``dx-planner history`` on the SQLite file: the app's own history, printed or as CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.persistence.rights import os_login
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import make_team
from tests.helpers.workbooks import process_row, write_workbook


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "h.sqlite3")
    write_workbook(tmp_path / "a.xlsx", [process_row(f"P-{i}") for i in range(1, 301)])
    assert main(["--db", path, "import", str(tmp_path / "a.xlsx")]) == 0
    write_workbook(tmp_path / "b.xlsx", [process_row(
        "P-7", 状況="対応中", 権限="国", 国の対応状況="検討中", 重点="○", 備考="メモ")])
    assert main(["--db", path, "import", str(tmp_path / "b.xlsx")]) == 0
    return path


def test_lines_old_to_new(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", db, "history", "--process", "P-7"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Values as the workbook shows them, never the stored codes.
    assert sorted(line.split("  ", 1)[1] for line in lines[1:]) == sorted([
        f"{os_login()}  processes P-7  authority: 都 → 国",
        f"{os_login()}  processes P-7  national_status: ∅ → 検討中",
        f"{os_login()}  processes P-7  status: 未着手 → 対応中",
        f"{os_login()}  processes P-7  priority: ∅ → ○",
        f"{os_login()}  processes P-7  notes: ∅ → メモ",
    ])
    assert lines[0].split("  ")[3] == (
        "added: name=飲食店営業許可申請, bureau=福祉保健局, type=許認可, authority=都, "
        "national_status=∅, national_ready=∅, annual_volume=1200, effort=2.5, "
        "status=未着手, digitized_quarter=∅, channel=共同電子申請, priority=∅, "
        "major=∅, locked_quarter=∅, notes=∅")


def test_csv(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.csv"
    assert main(["--db", db, "history", "--bureau", "福祉保健局", "--csv", str(out)]) == 0
    assert "306 change(s) written" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    updates = {row["field"]: (row["old"], row["new"]) for row in rows
               if row["key"] == "P-7" and row["action"] == "update"}
    assert updates == {"authority": ("都", "国"), "national_status": ("", "検討中"),
                       "status": ("未着手", "対応中"), "priority": ("", "○"),
                       "notes": ("", "メモ")}
    added = next(row for row in rows if row["key"] == "P-7" and row["action"] == "insert")
    assert (added["login"], added["bureau"], added["old"]) == (os_login(), "福祉保健局", "")
    assert json.loads(added["new"]) | {"name": ""} == {
        "name": "", "bureau": "福祉保健局", "type": "許認可", "authority": "都",
        "national_status": "", "national_ready": "", "annual_volume": "1200", "effort": "2.5",
        "status": "未着手", "digitized_quarter": "", "channel": "共同電子申請", "priority": "",
        "major": "", "locked_quarter": "", "notes": ""}


def test_a_closed_pipe_ends_quietly(db: str) -> None:
    command = [sys.executable, "-m", "dx_planner.cli.main", "--db", db, "history"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        error = process.stderr.read()
        assert process.wait() == 141
    assert error == b""


# -- filters that match nothing ---------------------------------------------------------------
def test_an_unknown_bureau_or_process_is_named_in_one_line(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", db, "history", "--bureau", "無い局"]) == 1
    assert capsys.readouterr() == ("", "dx-planner: unknown bureau '無い局' (known: 福祉保健局)\n")
    assert main(["--db", db, "history", "--process", "P-999999"]) == 1
    assert capsys.readouterr() == (
        "", "dx-planner: unknown process ID 'P-999999': not in the inventory or its history\n")
    # An ID spelt differently (case, width, dashes) is not another process: say which it is.
    assert main(["--db", db, "history", "--process", "ｐ－７", "--csv", str(Path(db).parent /
                                                                          "h.csv")]) == 1
    assert capsys.readouterr() == (
        "", "dx-planner: unknown process ID 'ｐ－７': not in the inventory or its history "
            "(did you mean 'P-7'?)\n")
    assert not (Path(db).parent / "h.csv").exists()


def test_a_valid_filter_without_changes_says_so(db: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    # An unknown login may simply have changed nothing: not an error.
    assert main(["--db", db, "history", "--user", "nobody"]) == 0
    assert capsys.readouterr() == ("no changes match\n", "")
    assert main(["--db", db, "history", "--process", "P-8", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr() == ("no changes match\n", "")


def test_a_deleted_process_keeps_its_history(db: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    write_workbook(tmp_path / "c.xlsx", [process_row("P-1")])
    assert main(["--db", db, "import", "--replace", str(tmp_path / "c.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "history", "--process", "P-7"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("  ")[3].startswith("added: ")
    assert lines[-1].split("  ")[3].startswith("deleted: ")


def test_unknown_names_on_a_team_database(pg_database: PgDatabase,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    team = make_team(pg_database, 250)
    capsys.readouterr()
    assert main(["--db", team.url(team.editor), "history", "--bureau", "無い局"]) == 1
    assert capsys.readouterr().err.startswith("dx-planner: unknown bureau '無い局' (known: ")
    assert main(["--db", team.url(team.viewer), "history", "--process", "P-999999"]) == 1
    assert capsys.readouterr().err == (
        "dx-planner: unknown process ID 'P-999999': not in the inventory or its history\n")
    assert main(["--db", team.url(team.viewer), "history", "--user", "nobody"]) == 0
    assert capsys.readouterr() == ("no changes match\n", "")
    assert main(["--db", team.url(team.viewer), "history", "--bureau", team.bureau]) == 0
    out, err = capsys.readouterr()
    assert err == "" and f"bureaus {team.bureau}  added: name={team.bureau}\n" in out
