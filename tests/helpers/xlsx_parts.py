"""Crafting hostile ``.xlsx`` files: a real workbook with some of its XML parts replaced.

The replacement parts are written as a stream, so a test can craft a file whose XML unpacks to
hundreds of megabytes (a zip bomb) without holding it in memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from openpyxl import Workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def base_workbook(path: Path, titles: Iterable[str] = ("手続一覧",)) -> Path:
    """An openpyxl workbook whose sheets are ``xl/worksheets/sheet1.xml``, ``sheet2.xml`` …"""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title in titles:
        workbook.create_sheet(title).append(["placeholder"])
    workbook.save(path)
    return path


def replace_parts(path: Path, parts: dict[str, bytes | Iterable[bytes]]) -> Path:
    """Rewrite ``path`` in place with ``parts`` (name -> content or chunks) replaced or added."""
    source = path.with_suffix(".source.zip")
    path.rename(source)
    with zipfile.ZipFile(source) as old, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new:
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info, old.read(info))
        for name, content in parts.items():
            with new.open(name, "w", force_zip64=True) as handle:
                chunks = [content] if isinstance(content, bytes) else content
                for chunk in chunks:
                    handle.write(chunk)
    source.unlink()
    return path


def sheet_xml(rows: Iterable[bytes], *, dimension: str | None = None) -> Iterator[bytes]:
    """A worksheet part around ``rows`` (each a ``<row>…</row>`` element)."""
    yield f'<worksheet xmlns="{MAIN}">'.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    yield from rows
    yield b"</sheetData></worksheet>"


def text_cell(reference: str, text: str) -> bytes:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{reference}" t="inlineStr"><is><t>{escaped}</t></is></c>'.encode()


def row(number: int, *cells: bytes) -> bytes:
    return f'<row r="{number}">'.encode() + b"".join(cells) + b"</row>"


def header_row(headers: Iterable[str]) -> bytes:
    return row(1, *(text_cell(f"{chr(65 + i)}1", header) for i, header in enumerate(headers)))
