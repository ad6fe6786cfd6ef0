"""Rows changed in the database since the workbook was exported (planning-model.md §5).

Each exported row carries its version (版). When a row's 版 is older than the database's,
someone changed it meanwhile. What the row looked like at export is rebuilt from the history
(every change since that version, undone), and the import merges field by field:

- a field the file did not change keeps the database's value (the other user's change
  stays);
- a field only the file changed takes the file's value;
- a field both changed, differently, is a conflict: the row is refused and named (the whole
  import then writes nothing), unless ``import --overwrite``, where the file's value of that
  field wins (and a warning names it). ``--overwrite`` decides the conflicts only: every
  other field still merges as above, so other users' changes the file did not touch stay.

Where the history cannot tell (entries older than revision 0005, or a row deleted and added
again), a stale row that the file changes at all is a conflict (with ``--overwrite``: the
file's row, named in a warning).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from dx_planner.domain.fields import FIELD_BY_NAME
from dx_planner.domain.inventory import Process
from dx_planner.persistence import repository
from dx_planner.persistence.history import (
    DELETE,
    UPDATE,
    Change,
    process_document,
    read_changes_of,
)
from dx_planner.workbook.importer import ParsedWorkbook
from dx_planner.workbook.problems import Problem
from dx_planner.workbook.template import PROCESS_SHEET, VERSION_HEADER


@dataclass(slots=True)
class Reconciled:
    merge: repository.ProcessMerge
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def reconcile(connection: Connection, parsed: ParsedWorkbook,
              merge: repository.ProcessMerge, *, overwrite: bool = False) -> Reconciled:
    """The merge with stale rows merged field by field, and the rows that conflict (with
    ``overwrite``: conflicts decided for the file, each named in a warning)."""
    versions = parsed.versions or {}
    stale = [(old, new) for old, new in merge.updated
             if old.id in versions and versions[old.id] != old.version]
    # A row with a 版 whose ID is not stored: deleted since the export if the history says
    # so; otherwise the file comes from another database (a copy) and the row is new.
    exported_new = [p.id for p in merge.added if p.id in versions]
    history = read_changes_of(connection, "processes",
                              [old.id for old, _ in stale] + exported_new)
    by_process: dict[str, list[Change]] = {}
    for change in history:
        by_process.setdefault(change.key, []).append(change)
    result = Reconciled(merge)
    if not stale and not any(c.action == DELETE for c in history):
        return result

    def where(pid: str) -> tuple[str, int | None, str]:
        return PROCESS_SHEET, parsed.row_of(PROCESS_SHEET, pid), VERSION_HEADER

    updated: list[tuple[Process, Process]] = []
    unchanged = merge.unchanged
    stale_ids = {old.id for old, _ in stale}
    for old, new in merge.updated:
        if old.id not in stale_ids:
            updated.append((old, new))
            continue
        changes = by_process.get(old.id, [])
        exported = versions[old.id]
        since = f"版 {exported}, now {old.version}{_last(changes)}"
        base = _exported_document(old, exported, changes)
        if base is None:
            if overwrite:
                updated.append((old, new))
                result.warnings.append(str(Problem(
                    *where(old.id), f"changed in the database since this file was exported "
                    f"({since}); the history cannot tell which fields: --overwrite writes the "
                    "file's row")))
                continue
            result.problems.append(Problem(
                *where(old.id), f"changed in the database since this file was exported "
                f"({since}) and changed in the file: export again and redo the change, or "
                "import with --overwrite"))
            continue
        merged, conflicts = _three_way(base, old, new)
        listed = "; ".join(
            f"{FIELD_BY_NAME[name].header} (file {theirs!r}, database {ours!r})"
            for name, theirs, ours in conflicts)
        if conflicts and overwrite:
            merged = dataclasses.replace(
                merged, **{name: getattr(new, name) for name, _, _ in conflicts})
            result.warnings.append(str(Problem(
                *where(old.id), f"changed in the database since this file was exported "
                f"({since}) and differently in the file: --overwrite writes the file's "
                f"value of {listed}")))
        elif conflicts:
            result.problems.append(Problem(
                *where(old.id), f"changed in the database since this file was exported "
                f"({since}) and differently in the file: {listed}. Export again and redo "
                "the change, or import with --overwrite"))
            continue
        if merged.same_content(old):
            unchanged += 1
            result.warnings.append(str(Problem(
                *where(old.id), f"changed in the database since this file was exported "
                f"({since}); the file does not change it: the database's values are kept")))
        else:
            updated.append((old, merged))
    for pid in exported_new:
        deletion = next((c for c in reversed(by_process.get(pid, [])) if c.action == DELETE),
                        None)
        if deletion is None:
            continue
        deleted = (f"deleted from the database since this file was exported (by "
                   f"{deletion.login} on {deletion.changed_at.astimezone():%Y-%m-%d %H:%M})")
        if overwrite:
            result.warnings.append(str(Problem(*where(pid), f"{deleted}: --overwrite adds it "
                                                            "again")))
        else:
            result.problems.append(Problem(
                *where(pid), f"{deleted}: import with --overwrite to add it again"))
    result.merge = dataclasses.replace(merge, updated=updated, unchanged=unchanged)
    result.problems.sort(key=lambda problem: problem.row or 0)
    return result


def _exported_document(stored: Process, exported: int,
                       changes: Sequence[Change]) -> dict[str, str | None] | None:
    """The row as it was at version ``exported``: the stored row with every later change
    undone; None when the history does not account for every version since."""
    later = [c for c in changes if c.version is not None and c.version > exported]
    if any(c.action != UPDATE for c in later) or \
            {c.version for c in later} != set(range(exported + 1, stored.version + 1)):
        return None
    document = process_document(stored)
    for change in reversed(later):
        if change.field in document:
            document[change.field] = change.old
    return document


def _three_way(base: dict[str, str | None], stored: Process,
               incoming: Process) -> tuple[Process, list[tuple[str, str | None, str | None]]]:
    """Take the file's value where only the file changed a field; conflicts where both did."""
    ours, theirs = process_document(stored), process_document(incoming)
    taken: dict[str, Any] = {}
    conflicts: list[tuple[str, str | None, str | None]] = []
    for name, value in theirs.items():
        if value == base[name] or value == ours[name]:
            continue  # the file did not change it, or changed it the same way
        if ours[name] == base[name]:
            taken[name] = getattr(incoming, name)
        else:
            conflicts.append((name, value, ours[name]))
    return dataclasses.replace(stored, **taken), conflicts


def _last(changes: Sequence[Change]) -> str:
    if not changes:
        return ""
    last = changes[-1]
    return f"; last by {last.login} on {last.changed_at.astimezone():%Y-%m-%d %H:%M}"
