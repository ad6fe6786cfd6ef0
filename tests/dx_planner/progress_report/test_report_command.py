"""``dx-planner report`` and ``dx-planner baseline`` through their argparse parsers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from dx_planner.cli.main import build_parser
from dx_planner.progress_report.errors import ReportError


def _run(db: Path, *argv: str) -> int:
    args = build_parser().parse_args(["--db", str(db), *argv])
    return int(args.handler(args))


@pytest.mark.parametrize("suffix", [".md", ".html", ".xlsx"])
def test_report_writes_each_format(report_engine: Engine, db_path: Path, tmp_path: Path,
                                   suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"進捗{suffix}"
    assert _run(db_path, "report", "--quarter", "FY2021Q3", target.as_posix()) == 0
    assert target.stat().st_size > 1000
    out = capsys.readouterr().out
    assert "FY2021Q3 · 2021年10~12月" in out
    assert "scenario 今期計画" in out and "baseline: FY2021Q2" in out


def test_report_with_a_named_scenario_and_baseline(report_engine: Engine, db_path: Path,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    _run(db_path, "report", "--quarter", "2021年度第3四半期", "--scenario", "前期計画",
         "--baseline", "FY2021Q2", str(target))
    text = target.read_text(encoding="utf-8")
    assert "シナリオ「前期計画」" in text


@pytest.mark.parametrize(("argv", "message"), [
    (("--scenario", "ない計画", "r.md"), "no scenario named 'ない計画'"),
    (("r.pdf",), "unknown report type '.pdf'"),
    (("--baseline", "FY2019Q1", "r.md"), "no baseline published"),
    (("missing/r.md",), "does not exist"),
])
def test_user_errors_are_report_errors(report_engine: Engine, db_path: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       argv: tuple[str, ...], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReportError, match=message):
        _run(db_path, "report", "--quarter", "FY2021Q3", *argv)
    assert not (tmp_path / "r.md").exists()


def test_a_bad_quarter_is_bad_usage(db_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        _run(db_path, "report", "--quarter", "2021Q3", "r.md")
    assert raised.value.code == 1


def test_baseline_publish_list_and_delete(report_engine: Engine, db_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(db_path, "baseline", "publish", "--quarter", "FY2021Q3") == 0
    assert "published from scenario 今期計画" in capsys.readouterr().out
    _run(db_path, "baseline", "list")
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["FY2021Q3 · 2021年10~12月",
                                                        "FY2021Q2 · 2021年7~9月"]
    assert _run(db_path, "baseline", "delete", "--quarter", "FY2021Q3") == 0
    with pytest.raises(ReportError, match="no baseline"):
        _run(db_path, "baseline", "delete", "--quarter", "FY2021Q3")
    with pytest.raises(ReportError, match="no scenario named"):
        _run(db_path, "baseline", "publish", "--quarter", "FY2021Q3", "--scenario", "x")
