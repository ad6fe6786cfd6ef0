"""How much of an input file we are willing to read, whatever the file says about itself.

The limits keep any import under about 1 GB of memory and a few tens of seconds (see
tests/benchmarks/bench_hostile_import.py): a real inventory (28,000 processes) is 2 MB packed,
19 MB unpacked and 28,001 rows × 16 columns, far below each of them.
"""

from __future__ import annotations

MAX_FILE_BYTES = 100 * 2**20  # the file as it is on disk
MAX_UNCOMPRESSED_BYTES = 128 * 2**20  # all XML parts of a workbook, unpacked
MAX_PART_BYTES = 16 * 2**20  # any one part other than a sheet or the shared strings
MAX_ROWS = 100_000  # rows with values in one sheet (3.5× the programme's 28,000)
MAX_COLUMNS = 512  # e.g. one column per quarter for 128 years
MAX_CELLS = 2_000_000  # the rectangle a sheet's values span (28,000 × 16 = 448,000)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
