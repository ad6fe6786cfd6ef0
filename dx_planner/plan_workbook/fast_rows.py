"""Large sheets written fast: data rows rendered straight to SpreadsheetML.

openpyxl spends about 8 µs on every cell it writes; 28,000 processes on two sheets are a
million cells. Here openpyxl still writes everything around the rows (column widths, frozen
panes, filters, print setup, the header rows) and the styles, and the data rows are rendered
as plain XML text into a spool file. After ``workbook.save`` :func:`splice_rows` puts them into
the saved sheets.

Cells are numbers, booleans or inline strings (what openpyxl itself writes), so no value can
ever become a formula.
"""

from __future__ import annotations

import math
import numbers
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dx_planner.plan_workbook.styles import styled

# Characters XML 1.0 does not allow (openpyxl refuses them too); they are dropped.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
MAX_TEXT = 32_767  # Excel's limit for one cell
_SHEET_DATA_END = b"</sheetData>"
_SHEET_DATA_EMPTY = b"<sheetData/>"
_SHEET_DATA_EMPTY_SPACED = b"<sheetData />"


def _text_cell(ref: str, style: str, text: str) -> str:
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>'
            f"{text.translate(_ESCAPES)}</t></is></c>")


class FastSheet:
    """Data rows of one write-only sheet, appended after the rows openpyxl wrote.

    Append the header rows through openpyxl first (``sheet.append``), then call
    :meth:`append` here for every data row; rows are numbered on from ``first_row``.
    """

    def __init__(self, sheet: WriteOnlyWorksheet, first_row: int) -> None:
        self.sheet = sheet
        self.next_row = first_row
        self._letters: list[str] = []
        # Closed by close(); the export closes every FastSheet, saved or not.
        self._spool: IO[str] = tempfile.TemporaryFile(  # noqa: SIM115
            "w+", encoding="utf-8")

    def style(self, *, number_format: str | None = None, font: Font | None = None,
              fill: PatternFill | None = None, alignment: Alignment | None = None) -> int:
        """The workbook's style id for this combination (0 = no style)."""
        cell = styled(self.sheet, None, number_format=number_format, font=font, fill=fill,
                      alignment=alignment)
        return int(cell.style_id) if cell.has_style else 0

    def _letter(self, index: int) -> str:
        while len(self._letters) <= index:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters[index]

    def append(self, values: Sequence[Any], styles: Sequence[int] = (),
               height: float | None = None) -> None:
        """One row: ``None`` leaves a cell empty; ``styles[i]`` is the style id of column i;
        ``height`` in points for a row whose text wraps (None: the default height)."""
        row = self.next_row
        parts = [f'<row r="{row}" ht="{height:g}" customHeight="1">' if height is not None
                 else f'<row r="{row}">']
        for index, value in enumerate(values):
            if value is None:
                continue
            style_id = styles[index] if index < len(styles) else 0
            style = f' s="{style_id}"' if style_id else ""
            ref = f"{self._letter(index)}{row}"
            if isinstance(value, str):
                if value:
                    parts.append(_text_cell(ref, style, value))
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                parts.append(f'<c r="{ref}"{style} t="n"><v>{value}</v></c>')
            elif isinstance(value, float):
                if math.isfinite(value):
                    parts.append(f'<c r="{ref}"{style} t="n"><v>{value!r}</v></c>')
            elif isinstance(value, numbers.Integral):  # numpy and the like
                parts.append(f'<c r="{ref}"{style} t="n"><v>{int(value)}</v></c>')
            elif isinstance(value, numbers.Real):
                if math.isfinite(value):
                    parts.append(f'<c r="{ref}"{style} t="n"><v>{float(value)!r}</v></c>')
            else:
                parts.append(_text_cell(ref, style, str(value)))
        parts.append("</row>")
        self._spool.write("".join(parts))
        self.next_row += 1

    def copy_rows_to(self, target: IO[bytes]) -> None:
        self._spool.flush()
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 20):
            target.write(chunk.encode("utf-8"))

    def close(self) -> None:
        self._spool.close()


class FastSheets:
    """The fast sheets of one workbook; closing them (``with``) removes their spool files,
    whether the workbook was saved or abandoned half-way."""

    def __init__(self) -> None:
        self._sheets: list[FastSheet] = []

    def add(self, sheet: WriteOnlyWorksheet, first_row: int) -> FastSheet:
        fast = FastSheet(sheet, first_row)
        self._sheets.append(fast)
        return fast

    def __iter__(self) -> Iterator[FastSheet]:
        return iter(self._sheets)

    def __len__(self) -> int:
        return len(self._sheets)

    def close(self) -> None:
        for fast in self._sheets:
            fast.close()

    def __enter__(self) -> FastSheets:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _part_name(sheet: WriteOnlyWorksheet) -> str:
    """The zip member openpyxl saved the sheet as (known only after ``save``)."""
    return str(sheet.path).lstrip("/")


def _splice(xml: bytes, fast: FastSheet, target: IO[bytes]) -> None:
    for marker in (_SHEET_DATA_END, _SHEET_DATA_EMPTY, _SHEET_DATA_EMPTY_SPACED):
        position = xml.find(marker)
        if position >= 0:
            break
    else:
        raise ValueError(f"sheet {fast.sheet.title}: no sheetData element")
    opening = b"<sheetData>" if marker != _SHEET_DATA_END else b""
    target.write(xml[:position] + opening)
    fast.copy_rows_to(target)
    target.write(_SHEET_DATA_END + xml[position + len(marker):])


def splice_rows(saved: Path, destination: Path, sheets: Iterable[FastSheet]) -> None:
    """Copy the workbook openpyxl saved to ``destination``, with the spooled rows put into
    their sheets."""
    by_part = {_part_name(fast.sheet): fast for fast in sheets}
    with zipfile.ZipFile(saved) as source, \
            zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED, compresslevel=4) as out:
        missing = set(by_part) - set(source.namelist())
        if missing:
            raise ValueError(f"saved workbook lacks {sorted(missing)}")
        for info in source.infolist():
            fast = by_part.get(info.filename)
            with out.open(info.filename, "w", force_zip64=fast is not None) as target:
                if fast is None:
                    with source.open(info) as member:
                        shutil.copyfileobj(member, target)
                else:
                    _splice(source.read(info), fast, target)
