"""Problems found in an input file, each located as ``sheet / row / column: message``."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LISTED = 200


@dataclass(frozen=True, slots=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = str(self.row) if self.row is not None else "-"
        return f"{self.sheet} / {row} / {self.column or '-'}: {self.message}"


@dataclass(slots=True)
class ProblemList:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(Problem(sheet, row, column, message))

    def warn(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append(Problem(sheet, row, column, message))


class ImportFailed(Exception):
    """The file was rejected; nothing was written. ``errors`` lists every problem."""

    def __init__(self, errors: list[Problem]) -> None:
        self.errors = errors
        super().__init__(format_problems(errors))


def format_problems(problems: list[Problem], limit: int = MAX_LISTED) -> str:
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more problems ({len(problems)} in all)")
    return "\n".join(lines)
