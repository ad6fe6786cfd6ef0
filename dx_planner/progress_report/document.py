"""A format-neutral report: headings, paragraphs, tables and the burn-up chart.

``narrative.py`` writes it from the figures; ``render_*.py`` turn it into a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dx_planner.tracking.burnup import Burnup

Cell = str | int | float | None
ColumnKind = Literal["text", "int", "percent"]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int  # 1 = the title, 2 = a section, 3 = progress / next steps


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    columns: tuple[str, ...]
    kinds: tuple[ColumnKind, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    burnup: Burnup


Block = Heading | Paragraph | Table | Chart


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    blocks: tuple[Block, ...]


def format_cell(value: Cell, kind: ColumnKind) -> str:
    """A cell as text (Markdown and HTML): thousands separators, percent, ``-`` for none."""
    if value is None:
        return "-"
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == "int" and isinstance(value, int | float):
        return f"{value:,.0f}"
    return str(value)
