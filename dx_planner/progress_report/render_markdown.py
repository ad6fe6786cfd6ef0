"""The report as Markdown (the chart becomes its data table, which follows it anyway)."""

from __future__ import annotations

from dx_planner.progress_report.document import (
    Chart,
    Document,
    Heading,
    Paragraph,
    Table,
    format_cell,
)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _table(table: Table) -> list[str]:
    numeric = [kind != "text" for kind in table.kinds]
    lines = [f"**{table.title}**", "",
             "| " + " | ".join(map(_escape, table.columns)) + " |",
             "| " + " | ".join("---:" if n else "---" for n in numeric) + " |"]
    for row in table.rows:
        cells = (format_cell(value, kind) for value, kind in zip(row, table.kinds, strict=True))
        lines.append("| " + " | ".join(map(_escape, cells)) + " |")
    return [*lines, ""]


def render_markdown(document: Document) -> str:
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [block.text.strip(), ""]
        elif isinstance(block, Table):
            lines += _table(block)
        elif isinstance(block, Chart):
            lines += [f"*{block.title}: HTML・Excel版ではグラフ、下表はその値です。*", ""]
    return "\n".join(lines).rstrip() + "\n"
