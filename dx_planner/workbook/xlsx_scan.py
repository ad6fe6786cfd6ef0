"""A quick look at an ``.xlsx`` file before openpyxl is allowed to parse it.

openpyxl trusts the file: a 2–9 MB zip that unpacks to gigabytes (one huge cell, or
whitespace) takes gigabytes of memory, and a sheet whose formatting reaches row 1,048,576 is
read row by row. This module checks the unpacked sizes from the zip directory first, then
reads each sheet once as bytes (bounded by those sizes) and finds with regular expressions,
in C, what the reader needs: where each sheet's values end, cells too long for a workbook,
and formulas without a saved value. Per-element Python work would cost seconds for a real
inventory; a regular expression finds the few places that need a closer look.

The byte patterns rely on what every spreadsheet program writes: cells carry their reference
(``r="B7"``) and sheets hold no comments or CDATA sections. A file that breaks either is
refused rather than read on guesses.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from dx_planner.workbook.limits import (
    MAX_CELL_CHARS,
    MAX_PART_BYTES,
    MAX_UNCOMPRESSED_BYTES,
)

_CHUNK = 2**20  # expat reads the small parts a megabyte at a time
_P = rb"(?:[A-Za-z_][\w.\-]*:)?"  # an optional namespace prefix, as in <x:c>
# A value that is not blank: the text of a <v> or <t> element starts with a non-space.
_VALUE = re.compile(rb"<" + _P + rb"(?:v|t)(?=[\s>])[^>]*>\s*[^<\s]")
_FORMULA = re.compile(rb"<" + _P + rb"f(?=[\s/>])")
_CELL_WITHOUT_REFERENCE = re.compile(rb"<" + _P + rb"c(?=[\s/>])(?![^>]*\sr=)")
_REFERENCE_AT = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"')
_CELL_END = re.compile(rb"</" + _P + rb"c>")
_SAVED_VALUE = re.compile(rb"<" + _P + rb"v(?=[\s>])[^>]*>[^<]")
_FORMULA_TEXT = re.compile(rb"<" + _P + rb"f(?:\s[^>]*)?>([^<]{0,60})")
_STRING_TYPE = re.compile(rb'\st="str"')
_LONG_TEXT = re.compile(rb">[^<]{%d,}<" % (MAX_CELL_CHARS + 1))
_TEXT_ELEMENT = re.compile(rb"<" + _P + rb"(?:v|t)(?=[\s>])[^>]*>")
_ENTITY = re.compile(rb"&#?\w{1,10};")
_SHARED_STRING = re.compile(rb"<" + _P + rb"si[\s>]")
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


class ScanError(Exception):
    """The file is refused; ``sheet``/``row``/``column`` locate the cause when known."""

    def __init__(self, message: str, sheet: str | None = None, row: int | None = None,
                 column: str | None = None) -> None:
        super().__init__(message)
        self.message, self.sheet, self.row, self.column = message, sheet, row, column

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula cell without a saved result: data_only reading would see a blank."""

    row: int
    column: int
    text: str


@dataclass(slots=True)
class SheetScan:
    """What one worksheet holds, as far as the reader needs to know."""

    title: str
    part: str
    last_row: int = 0  # the last row with a non-blank value (0: none)
    last_column: int = 0  # the last column with a non-blank value
    formulas_without_value: list[Formula] = field(default_factory=list)


@dataclass(slots=True)
class WorkbookScan:
    sheets: list[SheetScan]


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for character in letters:
        number = number * 26 + ord(character) - 64
    return number


def scan_workbook(archive: zipfile.ZipFile) -> WorkbookScan:
    """Check sizes from the zip directory, then look at each part once."""
    _check_sizes(archive)
    names = set(archive.namelist())
    workbook_part = _office_document(archive, names)
    relationships = _relationships(archive, workbook_part, names)
    shared_strings = next((target for kind, target in relationships.values()
                           if kind == "sharedStrings" and target in names), None)
    _scan_shared_strings(archive, shared_strings)
    sheets = []
    for title, relation in _sheet_entries(archive, workbook_part):
        kind, target = relationships.get(relation, ("", ""))
        if kind != "worksheet" or target not in names:
            continue  # chart sheets, dialog sheets: openpyxl skips them too
        sheets.append(_scan_sheet(archive, title, target))
    scanned = {shared_strings, *(sheet.part for sheet in sheets)}
    for name in sorted(names - scanned):
        if name.endswith((".xml", ".rels")):  # styles, themes …: small (_check_sizes)
            data = archive.read(name)
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise ScanError(f"part {name} contains a document type declaration (not "
                                "allowed in a workbook)")
    return WorkbookScan(sheets)


def _check_sizes(archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise ScanError("the workbook is encrypted (saved with a password): save it "
                            "without one")
        total += info.file_size
        big_allowed = info.filename.startswith("xl/worksheets/") or \
            info.filename.endswith("sharedStrings.xml")
        if not big_allowed and info.filename.endswith((".xml", ".rels")) \
                and info.file_size > MAX_PART_BYTES:
            raise ScanError(f"part {info.filename} unpacks to {_megabytes(info.file_size)}; "
                            f"at most {_megabytes(MAX_PART_BYTES)} is accepted")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ScanError(f"the workbook unpacks to {_megabytes(total)}; at most "
                        f"{_megabytes(MAX_UNCOMPRESSED_BYTES)} is accepted")


def _megabytes(size: int) -> str:
    return f"{size // 2**20:,} MB" if size >= 2**20 else f"{size:,} bytes"


# -- parsing ------------------------------------------------------------------------
class _Handlers:
    """Element callbacks on local names (namespaces dropped: some tools write ``x:c``)."""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _refuse_doctype(*_: object) -> None:
    raise ScanError("contains a document type declaration (not allowed in a workbook)")


def _parse(archive: zipfile.ZipFile, part: str, handlers: _Handlers) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 65_536
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.StartElementHandler = lambda name, attrs: handlers.start(_local(name), attrs)
    parser.EndElementHandler = lambda name: handlers.end(_local(name))
    parser.CharacterDataHandler = handlers.text
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except ScanError as error:
        if error.sheet is None:
            error.message = f"part {part}: {error.message}"
        raise
    except expat.ExpatError as error:
        raise ScanError(f"part {part} is not well-formed XML: {error}") from None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ScanError(f"cannot unpack part {part}: {error}") from None


class _Collect(_Handlers):
    """Collects the attributes of elements with one local name (small parts only)."""

    def __init__(self, wanted: str) -> None:
        self.wanted = wanted
        self.found: list[dict[str, str]] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == self.wanted:
            self.found.append({_local(key): value for key, value in attributes.items()})


def _office_document(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "_rels/.rels" in names:
        collect = _Collect("Relationship")
        _parse(archive, "_rels/.rels", collect)
        for relation in collect.found:
            if relation.get("Type", "").endswith("/officeDocument"):
                return _resolve("", relation.get("Target", ""))
    return "xl/workbook.xml"


def _resolve(base_folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_folder, target))


def _relationships(archive: zipfile.ZipFile, workbook_part: str,
                   names: set[str]) -> dict[str, tuple[str, str]]:
    """Relationship id -> (kind such as 'worksheet', part name)."""
    folder, _, file_name = workbook_part.rpartition("/")
    rels = f"{folder}/_rels/{file_name}.rels" if folder else f"_rels/{file_name}.rels"
    if rels not in names:
        return {}
    collect = _Collect("Relationship")
    _parse(archive, rels, collect)
    return {
        relation.get("Id", ""): (relation.get("Type", "").rpartition("/")[2],
                                 _resolve(folder, relation.get("Target", "")))
        for relation in collect.found
    }


def _sheet_entries(archive: zipfile.ZipFile, workbook_part: str) -> list[tuple[str, str]]:
    if workbook_part not in archive.namelist():
        raise ScanError(f"cannot read the workbook: part {workbook_part} is missing")
    collect = _Collect("sheet")
    _parse(archive, workbook_part, collect)
    return [(sheet.get("name", ""), sheet.get("id", "")) for sheet in collect.found]




# -- sheets and shared strings: bytes and regular expressions ---------------------------
def _read_part(archive: zipfile.ZipFile, part: str) -> bytes:
    try:
        data = archive.read(part)  # its size is bounded by _check_sizes
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ScanError(f"cannot unpack part {part}: {error}") from None
    if b"<!" in data:
        raise ScanError(f"part {part} contains a document type declaration, comment or CDATA "
                        "section, which spreadsheet programs never write: save the file again "
                        "in Excel or LibreOffice")
    return data


def _text_length(data: bytes, start: int, end: int) -> int:
    """Characters in the XML text data[start:end]: UTF-8 lead bytes, a character reference
    counting as one. Measured a megabyte at a time: the text may be the whole part."""
    length = 0
    while start < end:
        stop = min(start + 2**20, end)
        if stop < end:  # do not cut a reference in two
            ampersand = data.rfind(b"&", stop - 12, stop)
            if ampersand >= 0 and data.find(b";", ampersand, stop) < 0:
                stop = ampersand
        chunk = data[start:stop]
        if b"&" in chunk:
            chunk = _ENTITY.sub(b"&", chunk)
        length += len(chunk.translate(None, _CONTINUATION_BYTES))
        start = stop
    return length


def _long_texts(data: bytes) -> list[tuple[int, int]]:
    """(position, length) of every <v>/<t> text longer than a cell may hold (whitespace
    between elements is not a cell: the unpacked size limit bounds it)."""
    found = []
    for match in _LONG_TEXT.finditer(data):
        tag_start = data.rfind(b"<", 0, match.start())
        if _TEXT_ELEMENT.fullmatch(data, tag_start, match.start() + 1):
            length = _text_length(data, match.start() + 1, match.end() - 1)
            if length > MAX_CELL_CHARS:
                found.append((match.start(), length))
    return found


def _scan_shared_strings(archive: zipfile.ZipFile, part: str | None) -> None:
    if part is None:
        return
    data = _read_part(archive, part)
    for position, length in _long_texts(data)[:1]:
        index = len(_SHARED_STRING.findall(data, 0, position))
        raise ScanError(f"shared string {index:,} holds {length:,} characters; a cell holds "
                        f"at most {MAX_CELL_CHARS:,}")


def _cells_without_reference(data: bytes) -> bool:
    # Spreadsheet programs write r first: counting literal tags (fast) settles most files.
    if b":c" not in data and data.count(b"<c ") == data.count(b'<c r="') \
            and b"<c>" not in data and b"<c/>" not in data:
        return False
    return _CELL_WITHOUT_REFERENCE.search(data) is not None


def _reference_before(data: bytes, position: int) -> tuple[int, int]:
    """(row, column) of the cell that holds ``position``: the nearest r="…" before it."""
    start = data.rfind(b' r="', 0, position)
    while start >= 0:
        match = _REFERENCE_AT.match(data, start)
        if match:
            return int(match.group(2)), _column_number(match.group(1).decode())
        start = data.rfind(b' r="', 0, start)  # a row's r="7": keep looking back
    return 0, 0


def _scan_sheet(archive: zipfile.ZipFile, title: str, part: str) -> SheetScan:
    scan = SheetScan(title, part)
    try:
        data = _read_part(archive, part)
    except ScanError as error:
        raise ScanError(error.message, title) from None
    if _cells_without_reference(data):
        raise ScanError("has cells without a reference (r=\"A1\"), which spreadsheet programs "
                        "always write: save the file again in Excel or LibreOffice", title)
    for position, length in _long_texts(data)[:1]:
        row, column = _reference_before(data, position)
        raise ScanError(f"the cell holds {length:,} characters; a cell holds at most "
                        f"{MAX_CELL_CHARS:,}", title, row, column_letter(column))
    for match in _VALUE.finditer(data):
        row, column = _reference_before(data, match.start())
        if row > scan.last_row:
            scan.last_row = row
        if column > scan.last_column:
            scan.last_column = column
    if (b"<f" in data or b":f" in data) and _FORMULA.search(data):
        scan.formulas_without_value = _formulas_without_value(data)
        for formula in scan.formulas_without_value:
            scan.last_row = max(scan.last_row, formula.row)
            scan.last_column = max(scan.last_column, formula.column)
    return scan


def _formulas_without_value(data: bytes) -> list[Formula]:
    found = []
    position = 0
    while match := _FORMULA.search(data, position):
        reference = data.rfind(b' r="', 0, match.start())
        tag = data[data.rfind(b"<", 0, reference):data.find(b">", reference) + 1]
        end = _CELL_END.search(data, match.end())
        stop = end.start() if end else len(data)
        position = max(stop, match.end())
        if _SAVED_VALUE.search(data, match.end(), stop) or _STRING_TYPE.search(tag):
            continue  # a saved result (a formula giving "" is saved as t="str" <v></v>)
        row, column = _reference_before(data, match.start())
        text = _FORMULA_TEXT.match(data, match.start())
        # As the user typed it: the XML escapes (&amp;, &#30003;) undone.
        formula = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
        found.append(Formula(row, column, formula))
    return found
