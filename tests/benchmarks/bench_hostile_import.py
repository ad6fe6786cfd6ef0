"""Peak memory and time of importing the worst workbooks we can craft under 10 MB.

Each file is imported by a fresh ``dx-planner import`` process under ``/usr/bin/time -v``
(Debian's ``time`` package); the script prints the file size, exit status, peak resident
memory and wall time. The limits in ``dx_planner.workbook.limits`` promise at most 1 GB.

    .venv/bin/python tests/benchmarks/bench_hostile_import.py [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dx_planner.workbook import limits
from tests.helpers.xlsx_parts import (
    base_workbook,
    header_row,
    replace_parts,
    sheet_xml,
)

SHEET1 = "xl/worksheets/sheet1.xml"
HEADERS = ["手続ID", "手続名", "所管局", "備考"]


def _grid(rows: int, columns: int, cell: Callable[[str, int], bytes]) -> Iterator[bytes]:
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, columns + 1)]
    for number in range(2, rows + 2):
        yield (f'<row r="{number}">'.encode()
               + b"".join(cell(letter, number) for letter in letters) + b"</row>")


def most_cells_of_numbers(path: Path) -> None:
    """The largest rectangle allowed, every cell a distinct float object."""
    columns = 20
    rows = limits.MAX_CELLS // columns - 1
    replace_parts(base_workbook(path), {SHEET1: sheet_xml([header_row(HEADERS), *_grid(
        rows, columns, lambda letter, n: f'<c r="{letter}{n}"><v>1.5</v></c>'.encode())])})


def most_text_in_wide_strings(path: Path) -> None:
    """As much text as the unpacked limit allows, each string stored 4 bytes a character
    in Python (one character outside the BMP makes the whole string so)."""
    text = "😀" + "a" * 2_000
    cell_bytes = len(f'<c r="AA1" t="inlineStr"><is><t>{text}</t></is></c>'.encode())
    columns = 10
    rows = int(limits.MAX_UNCOMPRESSED_BYTES * 0.97) // (cell_bytes * columns)
    replace_parts(base_workbook(path), {SHEET1: sheet_xml([header_row(HEADERS), *_grid(
        rows, columns, lambda letter, n:
            f'<c r="{letter}{n}" t="inlineStr"><is><t>{text}</t></is></c>'.encode())])})


def most_valid_processes(path: Path) -> None:
    """The most rows allowed, each a valid process with long text: all of it is written."""
    note = "😀" + "備考" * 150  # sized so that the rows fill the unpacked limit
    def cells(number: int) -> bytes:
        values = [f"X-{number}", f"手続{number}", "環境局", note]
        return b"".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                        .encode() for i, v in enumerate(values))
    rows = (f'<row r="{n}">'.encode() + cells(n) + b"</row>"
            for n in range(2, limits.MAX_ROWS + 1))
    replace_parts(base_workbook(path), {SHEET1: sheet_xml([header_row(HEADERS), *rows])})


def huge_cell(path: Path) -> None:
    """One cell just under the unpacked limit (refused: longer than a cell may be)."""
    size = limits.MAX_UNCOMPRESSED_BYTES - 2**20
    replace_parts(base_workbook(path), {SHEET1: sheet_xml([
        header_row(HEADERS), b'<row r="2"><c r="D2" t="inlineStr"><is><t>',
        *(b"x" * 2**20 for _ in range(size // 2**20)), b"</t></is></c></row>"])})


def whitespace(path: Path) -> None:
    """Whitespace between elements, just under the unpacked limit."""
    size = limits.MAX_UNCOMPRESSED_BYTES - 2**20
    replace_parts(base_workbook(path), {SHEET1: sheet_xml([
        header_row(HEADERS), *(b" " * 2**20 for _ in range(size // 2**20))])})


def blank_rows(path: Path) -> None:
    """1,048,576 rows of formatted blank cells."""
    rows = (f'<row r="{n}"><c r="A{n}" s="0"/><c r="B{n}" t="inlineStr"><is><t> </t></is>'
            f"</c></row>".encode() for n in range(2, 1_048_577))
    replace_parts(base_workbook(path), {SHEET1: sheet_xml(
        [header_row(HEADERS), *rows], dimension="A1:XFD1048576")})


def csv_of_wide_strings(path: Path) -> None:
    """A CSV (it cannot be compressed: 10 MB) of the most cells, each a wide string."""
    text = "😀" + "a" * 45
    columns = 16
    rows = min(limits.MAX_ROWS - 1, 10 * 2**20 // ((len(text) + 4) * columns))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(",".join(HEADERS) + "\n")
        line = ",".join([text] * columns) + "\n"
        for _ in range(rows):
            handle.write(line)


CASES = [csv_of_wide_strings, most_cells_of_numbers, most_text_in_wide_strings,
         most_valid_processes, huge_cell, whitespace, blank_rows]


def measure(command: list[str]) -> tuple[int, int, float, str]:
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1])
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr)[1]
    minutes, _, seconds = wall.rpartition(":")
    message = next((line for line in result.stderr.splitlines() if line.startswith(
        ("dx-planner:", "手続一覧", "imported"))), result.stdout.strip()[:120])
    return result.returncode, peak, float(minutes or 0) * 60 + float(seconds), message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the crafted files here")
    parser.add_argument("--only", help="run only the case of this name")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    program = str(Path(sys.executable).with_name("dx-planner"))
    for case in CASES:
        if args.only and case.__name__ != args.only:
            continue
        path = folder / f"{case.__name__}.{'csv' if 'csv' in case.__name__ else 'xlsx'}"
        case(path)
        database = folder / f"{case.__name__}.sqlite3"
        database.unlink(missing_ok=True)
        subprocess.run([program, "--db", str(database), "demo", "--processes", "300"],
                       check=True, capture_output=True)
        status, peak, seconds, message = measure(
            [program, "--db", str(database), "import", str(path)])
        print(f"{case.__name__:28} {path.stat().st_size / 2**20:5.1f} MB  exit {status}  "
              f"peak {peak / 1024:7.0f} MB  {seconds:6.1f} s  {message[:90]}")


if __name__ == "__main__":
    main()
