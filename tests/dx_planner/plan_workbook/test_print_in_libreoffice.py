"""The plan workbook as LibreOffice prints it (converted to PDF and read back): the page
header never covers the sheet title, repeated two-line headers never cover the first row,
the process list is readable, statuses are in Japanese and the milestones are on the chart."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.plan_workbook.summary_sheet import MILESTONE_COLOUR
from tests.helpers.pdf_pages import Word, overlapping_words, pages, pixels_near, to_pdf

SHEETS = 3 + 28  # 概要, 四半期計画, 手続一覧 and one sheet per bureau


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[list[Word]]]]:
    folder = tmp_path_factory.mktemp("print")
    db = str(folder / "plan.db")
    assert main(["--db", db, "demo", "--processes", "600", "--seed", "4"]) == 0
    assert main(["--db", db, "solve", "--scenario", "base", "--milestone", "FY2022Q4:150",
                 "--time-limit", "5"]) == 0
    workbook = folder / "plan.xlsx"
    assert main(["--db", db, "export-plan", str(workbook)]) == 0
    pdf = to_pdf(workbook, folder)
    yield pdf, pages(pdf)


def _page_text(words: list[Word]) -> str:
    return " ".join(word.text for word in words)


def test_every_sheet_prints_on_a_sensible_number_of_pages(
        printed: tuple[Path, list[list[Word]]]) -> None:
    _, all_pages = printed
    assert SHEETS <= len(all_pages) <= 100  # 85 for these 600 processes


def test_no_text_is_printed_over_other_text(printed: tuple[Path, list[list[Word]]]) -> None:
    """Before: the page header sat on the sheet title of every page, and the second line of
    a repeated header covered the first data row of every continuation page."""
    _, all_pages = printed
    clashes = {number: overlapping_words(words)
               for number, words in enumerate(all_pages, start=1)}
    assert {number: [(a.text, b.text) for a, b in pairs[:3]]
            for number, pairs in clashes.items() if pairs} == {}


def test_the_process_list_prints_readably(printed: tuple[Path, list[list[Word]]]) -> None:
    """Before: 19 columns squeezed onto one page width printed at about 5 points."""
    _, all_pages = printed
    process_pages = [words for words in all_pages if _page_text(words).startswith("手続一覧 —")]
    assert process_pages
    for words in process_pages:
        assert statistics.median(word.height for word in words) >= 7.0
        assert "P-" in _page_text(words)  # the ID column is repeated on every page
    # Long text wraps inside its cell, whole (it was clipped, or printed over other cells).
    notes = " ".join(_page_text(words) for words in process_pages)
    assert "進捗報告で公表" in notes.replace(" ", "")


def test_statuses_are_printed_in_japanese(printed: tuple[Path, list[list[Word]]]) -> None:
    _, all_pages = printed
    text = " ".join(_page_text(words) for words in all_pages)
    assert "feasible" not in text and "optimal" not in text
    assert "実行可能" in text or "最適" in text or "目標未達" in text


def test_the_milestones_are_drawn_on_the_chart(printed: tuple[Path, list[list[Word]]],
                                              tmp_path: Path) -> None:
    pdf, _ = printed
    colour = tuple(int(MILESTONE_COLOUR[i:i + 2], 16) for i in (0, 2, 4))
    assert pixels_near(pdf, 1, colour, tmp_path) >= 30  # two diamonds and the legend's
