"""The report as one self-contained HTML file (XHTML-compatible, chart as inline SVG)."""

from __future__ import annotations

from html import escape

from dx_planner.progress_report.document import (
    Chart,
    Document,
    Heading,
    Paragraph,
    Table,
    format_cell,
)
from dx_planner.progress_report.svg_chart import burnup_svg

STYLE = """
body { font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.7; color: #222; }
h1 { font-size: 1.5em; border-bottom: 3px solid #1f4e9c; padding-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 2em; border-left: 6px solid #1f4e9c; padding-left: .5em; }
h3 { font-size: 1.05em; color: #1f4e9c; }
p { text-indent: 1em; }
p.basis { text-indent: 0; font-size: .9em; color: #555; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #bbb; padding: .2em .6em; }
th { background: #eef2f9; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
"""


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    body = []
    for row in table.rows:
        cells = "".join(
            f'<td class="num">{escape(format_cell(value, kind))}</td>' if kind != "text"
            else f"<td>{escape(format_cell(value, kind))}</td>"
            for value, kind in zip(row, table.kinds, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return (f"<table><caption>{escape(table.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def render_html(document: Document) -> str:
    parts = []
    first_paragraph = True
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            css = ' class="basis"' if first_paragraph else ""
            first_paragraph = False
            parts.append(f"<p{css}>{escape(block.text.strip())}</p>")
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Chart):
            parts.append(f"<figure>{burnup_svg(block.burnup, block.title)}"
                         f"<figcaption>{escape(block.title)}</figcaption></figure>")
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="ja">\n'
        '<head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>{escape(document.title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
