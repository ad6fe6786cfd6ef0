"""Workbooks in a real spreadsheet program: LibreOffice converts them to PDF (poppler reads
the PDF back: page count, where each word is, what a page looks like) or opens and saves
them as a planner would.

LibreOffice (Debian's libreoffice-calc-nogui) and poppler-utils are installed by .ci/run.
Without them the tests skip, except where they must run (CI=true or
DX_PLANNER_REQUIRE_LIBREOFFICE=1): there they fail.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>")


def _require(program: str, package: str) -> str:
    found = shutil.which(program)
    if found:
        return found
    message = f"{program} is not installed (Debian package {package})"
    if os.environ.get("CI") == "true" or os.environ.get("DX_PLANNER_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail(f"{message}, and these tests must run here", pytrace=False)
    pytest.skip(message)


def convert(workbook: Path, folder: Path, target: str) -> Path:
    """Convert with LibreOffice headless (``target``: "pdf", or "xlsx" to open and save the
    workbook as a spreadsheet program does), in a profile of its own (no clash with a
    running LibreOffice or another test). The result is ``folder / <stem>.<extension>``."""
    soffice = _require("soffice", "libreoffice-calc-nogui")
    profile = folder / "libreoffice-profile"
    output = folder / "converted"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", target, "--outdir", str(output), str(workbook)],
                   check=True, capture_output=True, timeout=600)
    extension = target.split(":")[0]
    result = output / f"{workbook.stem}.{extension}"
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


def to_pdf(workbook: Path, folder: Path) -> Path:
    _require("pdftotext", "poppler-utils")
    return convert(workbook, folder, "pdf")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def overlap(self, other: Word) -> float:
        """The shared area as a share of the smaller word's area."""
        width = min(self.x1, other.x1) - max(self.x0, other.x0)
        height = min(self.y1, other.y1) - max(self.y0, other.y0)
        if width <= 0 or height <= 0:
            return 0.0
        smaller = min((self.x1 - self.x0) * self.height, (other.x1 - other.x0) * other.height)
        return width * height / smaller if smaller > 0 else 0.0


def pages(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes (points, origin top left)."""
    text = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [[Word(html.unescape(m[5]), *map(float, m.groups()[:4])) for m in _WORD.finditer(page)]
            for page in text.split("<page ")[1:]]


def overlapping_words(words: list[Word], threshold: float = 0.25) -> list[tuple[Word, Word]]:
    """Pairs of words printed over each other (more than ``threshold`` of the smaller)."""
    ordered = sorted(words, key=lambda w: w.y0)
    found = []
    for index, word in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.y0 >= word.y1:
                break
            if word.overlap(other) > threshold:
                found.append((word, other))
    return found


def pixels_near(pdf: Path, page: int, colour: tuple[int, int, int], folder: Path,
                tolerance: int = 40) -> int:
    """How many pixels of ``page`` (rendered at 100 dpi) are close to ``colour``."""
    stem = folder / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "100", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, capture_output=True)
    data = stem.with_suffix(".ppm").read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert header is not None
    pixels = memoryview(data)[header.end():]
    red, green, blue = colour
    count = 0
    for offset in range(0, len(pixels) - 2, 3):
        if abs(pixels[offset] - red) <= tolerance and abs(pixels[offset + 1] - green) \
                <= tolerance and abs(pixels[offset + 2] - blue) <= tolerance:
            count += 1
    return count
