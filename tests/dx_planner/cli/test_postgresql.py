"""Every command works on a PostgreSQL database as on SQLite, and each login gets what its
role allows (planning-model.md §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from dx_planner.cli.main import main
from dx_planner.domain.inventory import Process
from dx_planner.persistence import repository
from dx_planner.persistence.schema import bureaus, history, processes, scenarios
from tests.helpers.postgres import PASSWORD, PgDatabase
from tests.helpers.team import Team, make_team, run_ok


def test_every_command_on_postgresql(pg_database: PgDatabase, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", pg_database.owner_url]
    inventory = tmp_path / "inventory.xlsx"
    assert main([*db, "demo", "--processes", "400"]) == 0
    assert main([*db, "export-inventory", str(inventory)]) == 0
    assert main([*db, "import", str(inventory)]) == 0
    assert "0 added, 0 updated, 0 deleted, 400 unchanged" in capsys.readouterr().out
    assert main([*db, "solve", "--scenario", "base", "--time-limit", "10",
                 "--json", str(tmp_path / "plan.json")]) == 0
    assert main([*db, "export-plan", str(tmp_path / "plan.xlsx"), "--scenario", "base"]) == 0
    assert main([*db, "baseline", "publish", "--quarter", "FY2021Q3", "--scenario", "base"]) == 0
    assert main([*db, "baseline", "list"]) == 0
    assert main([*db, "report", "--quarter", "FY2021Q3", str(tmp_path / "report.md")]) == 0
    assert main([*db, "baseline", "delete", "--quarter", "FY2021Q3"]) == 0
    assert main([*db, "history", "--csv", str(tmp_path / "history.csv")]) == 0
    for name in ("plan.json", "plan.xlsx", "report.md", "history.csv"):
        assert (tmp_path / name).stat().st_size > 0
    # The round trip through the workbook and PostgreSQL changed nothing.
    exported_again = tmp_path / "again.xlsx"
    assert main([*db, "export-inventory", str(exported_again)]) == 0
    assert main([*db, "import", str(exported_again)]) == 0
    assert "400 unchanged" in capsys.readouterr().out


@pytest.fixture
def team(pg_database: PgDatabase) -> Team:
    return make_team(pg_database)


def test_anyone_who_reads_may_solve_and_the_scenario_records_its_author(
        team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", team.url(team.viewer), "solve", "--scenario", "viewers",
                 "--time-limit", "5"]) == 0
    assert main(["--db", team.url(team.editor), "solve", "--scenario", "editors",
                 "--time-limit", "5"]) == 0
    with team.engine(team.admin).connect() as connection:
        authors = dict(connection.execute(select(scenarios.c.name, scenarios.c.author)).all())
    assert authors == {"viewers": team.viewer, "editors": team.editor}
    capsys.readouterr()

    # Someone else's scenario is not replaced (but an admin may).
    assert main(["--db", team.url(team.editor), "solve", "--scenario", "viewers",
                 "--time-limit", "5"]) == 1
    err = capsys.readouterr().err
    assert f"scenario 'viewers' was stored by {team.viewer}" in err
    assert main(["--db", team.url(team.admin), "solve", "--scenario", "viewers",
                 "--time-limit", "5"]) == 0


def test_a_viewer_cannot_import_or_publish(team: Team, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    inventory = tmp_path / "inventory.xlsx"
    assert main(["--db", team.url(team.viewer), "export-inventory", str(inventory)]) == 0
    assert main(["--db", team.url(team.viewer), "solve", "--scenario", "v",
                 "--time-limit", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", team.url(team.viewer), "baseline", "publish", "--quarter",
                 "FY2021Q3"]) == 1
    assert f"only an admin may publish baselines ({team.viewer} is a viewer)" in \
        capsys.readouterr().err
    assert main(["--db", team.url(team.editor), "baseline", "publish", "--quarter",
                 "FY2021Q3"]) == 1
    assert "only an admin may publish" in capsys.readouterr().err
    assert main(["--db", team.url(team.admin), "baseline", "publish", "--quarter",
                 "FY2021Q3"]) == 0


def test_history_command(team: Team, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    engine = team.engine(team.editor)
    with engine.begin() as connection:
        pid = connection.exec_driver_sql(
            "UPDATE processes SET status = 'in_progress' WHERE id = (SELECT min(p.id) "
            "FROM processes p JOIN bureaus b ON b.id = p.bureau_id WHERE b.name = %(b)s "
            "AND p.status = 'not_started') RETURNING id", {"b": team.bureau}).scalar_one()
    capsys.readouterr()
    assert main(["--db", team.url(team.viewer), "history", "--process", pid]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].endswith(f"{team.editor}  processes {pid}  "
                              "status: 未着手 → 対応中")
    # First the owner's demo load added it, with the whole row.
    assert lines[0].split("  ")[1:3] == [team.database.server.owner, f"processes {pid}"]
    assert lines[0].split("  ")[3].startswith("added: name=")

    assert main(["--db", team.url(team.viewer), "history", "--user", team.editor,
                 "--bureau", team.bureau, "--since", "2000-01-01",
                 "--csv", str(tmp_path / "h.csv")]) == 0
    assert "1 change(s) written" in capsys.readouterr().out
    csv_lines = (tmp_path / "h.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv_lines[0] == "time,login,table,key,bureau,action,field,old,new"
    assert csv_lines[1].split(",")[1:] == [team.editor, "processes", pid, team.bureau,
                                           "update", "status", "未着手", "対応中"]


def _add_processes(path: Path, bureau: str, count: int, prefix: str) -> Path:
    """Append ``count`` new processes of ``bureau`` to an exported inventory workbook."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["手続一覧"]
    headers = [cell.value for cell in sheet[1]]
    for number in range(count):
        row = {"手続ID": f"{prefix}-{number:05d}", "手続名": f"追加手続{number}",
               "所管局": bureau, "手続類型": "届出", "権限": "都", "年間申請件数": 10,
               "工数": 1.0, "状況": "未着手"}
        sheet.append([row.get(str(header)) for header in headers])
    workbook.save(path)
    return path


def test_a_team_database_is_filled_in_bulk_under_row_level_security(
        pg_database: PgDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bulk inserts (≥ 1,000 rows) after `admin init`: by the owner, an admin and a bureau
    editor (its own bureau), every row checked by row-level security and in the history."""
    owner = pg_database.owner_url
    assert main(["--db", owner, "admin", "init"]) == 0
    assert main(["--db", owner, "demo", "--processes", "1500"]) == 0
    capsys.readouterr()
    editor, admin = pg_database.login("editor"), pg_database.login("admin")
    with pg_database.engine().connect() as connection:
        bureau, other = list(connection.execute(select(bureaus.c.name)
                                                .order_by(bureaus.c.position)).scalars())[:2]
    run_ok("--db", owner, "admin", "add-user", editor, "--bureau", bureau, "--password-stdin",
         stdin_password=PASSWORD)
    run_ok("--db", owner, "admin", "add-user", admin, "--admin", "--password-stdin",
         stdin_password=PASSWORD)

    workbook = tmp_path / "inventory.xlsx"
    assert main(["--db", pg_database.url(editor), "export-inventory", str(workbook)]) == 0
    _add_processes(workbook, bureau, 1200, "E")
    assert main(["--db", pg_database.url(editor), "import", str(workbook)]) == 0
    assert "1200 added" in capsys.readouterr().out
    assert main(["--db", pg_database.url(admin), "export-inventory", str(workbook)]) == 0
    _add_processes(workbook, other, 1100, "A")
    assert main(["--db", pg_database.url(admin), "import", str(workbook)]) == 0
    assert "1100 added" in capsys.readouterr().out

    with pg_database.engine().connect() as connection:
        assert connection.execute(select(func.count()).select_from(processes)).scalar() == 3800
        logins = dict(connection.execute(
            select(history.c.login, func.count()).where(history.c.table_name == "processes",
                                                        history.c.action == "insert")
            .group_by(history.c.login)).all())
    assert logins == {pg_database.server.owner: 1500, editor: 1200, admin: 1100}

    # The bulk path is checked by row-level security itself: an editor cannot add 1,000
    # processes of another bureau even when the app's own check is bypassed.
    strangers = [Process(id=f"X-{n:05d}", name="他局", bureau=other) for n in range(1000)]
    with pytest.raises(DBAPIError, match="row-level security"), \
            pg_database.engine(editor).begin() as connection:
        repository.merge_processes(connection, strangers)
