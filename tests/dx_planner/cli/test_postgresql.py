"""Every command works on a PostgreSQL database as on SQLite, and each login gets what its
role allows (planning-model.md §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from dx_planner.cli.main import main
from dx_planner.persistence.schema import scenarios
from tests.helpers.postgres import PgDatabase
from tests.helpers.team import Team, make_team


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
                              "status: not_started → in_progress")
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
                                           "update", "status", "not_started", "in_progress"]
