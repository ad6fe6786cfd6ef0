"""The HTML report: well-formed, self-contained, with the burn-up as inline SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from dx_planner.progress_report.figures import ReportFigures
from dx_planner.progress_report.service import render_report

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
VOID = {"meta", "br", "img", "hr", "link", "input"}


class _Checker(HTMLParser):
    """Every element closed in order, as a browser would build the tree."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html(figures: ReportFigures) -> str:
    return render_report(figures, ".html").decode("utf-8")


def test_html_is_well_formed_xml_and_balanced_html(figures: ReportFigures) -> None:
    text = _html(figures)
    root = ET.fromstring(text)
    assert root.tag == f"{XHTML}html"
    assert root.get("lang") == "ja"
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []


def test_html_has_the_sections_tables_and_chart(figures: ReportFigures) -> None:
    root = ET.fromstring(_html(figures))
    body = root.find(f"{XHTML}body")
    assert body is not None
    h2 = [h.text for h in body.iter(f"{XHTML}h2")]
    assert h2[0] == "主要12手続のデジタル化について(Phase1)"
    assert len(h2) == 5
    assert len(list(body.iter(f"{XHTML}h3"))) == 8
    tables = list(body.iter(f"{XHTML}table"))
    captions = [t.findtext(f"{XHTML}caption") for t in tables]
    assert "局別の進捗(2021年12月末時点)" in captions
    svg = next(body.iter(f"{SVG}svg"))
    paths = list(svg.iter(f"{SVG}path"))
    assert len(paths) == 3  # actual, baseline, forecast
    labels = {t.text for t in svg.iter(f"{SVG}text")}
    assert {"FY2021Q3", "2021年10~12月", "実績(累計)", "目標 14"} <= labels


def test_html_text_states_the_figures(figures: ReportFigures) -> None:
    checker = _Checker()
    checker.feed(_html(figures))
    text = "".join(checker.text)
    assert "これまでで計4手続のデジタル化が実現しました。" in text
    assert "計2補助金をデジタル化いたしました。" in text
    assert "<" not in text.replace("<style>", "")  # nothing left unescaped
