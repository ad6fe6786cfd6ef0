"""Writing output files so that a failure never leaves half a file, or anything else, behind.

- An output only ever replaces a regular file: a device (``/dev/null``), a pipe or a folder
  is refused, and a symbolic link is followed to the file it names.
- The file is written under a temporary name beside it and renamed into place, so a reader
  never sees half a file. The temporary name is recognisably ours
  (``.NAME.dx-planner-HOST-PID.N.tmp``): a run killed with SIGKILL leaves it behind, and the next
  write into that folder removes the ones whose process is gone.
- ``check_writable`` probes the folder for real (permissions, read-only or full file
  systems, name length) before long work such as a solve.
"""

from __future__ import annotations

import itertools
import os
import re
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

_TAG = "dx-planner"
_HOST = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:32]
_LEFTOVER = re.compile(
    rf"^\..*\.{_TAG}-(?P<host>[A-Za-z0-9-]*)-(?P<pid>\d+)\.\d+(\.[a-z]+)?\.tmp$")
# Room for the longest suffix we add: the tag, host, pid, serial and a scratch role.
_SUFFIX_BYTES = len(f".{_TAG}-{_HOST}-4194304.999999.scratch.tmp".encode()) + 1
_SERIAL = itertools.count()


class OutputFileError(OSError):
    """The output file cannot be written; the message is for the user."""


def _cannot(path: Path, reason: str) -> OutputFileError:
    return OutputFileError(f"cannot write {path}: {reason}")


def _target(path: Path) -> Path:
    """The file to replace: a symbolic link is followed (the link itself is kept)."""
    return path.resolve() if path.is_symlink() else path


def _name_limit(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def check_writable(path: Path) -> None:
    """Fail early (before long work) when ``path`` cannot be written at all."""
    if not path.parent.is_dir():
        raise OutputFileError(f"folder {path.parent} does not exist")
    length = len(os.fsencode(path.name))
    limit = _name_limit(path.parent)
    if length > limit:
        raise _cannot(path, f"the file name is {length} bytes long; this file system allows "
                            f"at most {limit}")
    target = _target(path)
    if target.exists() and not target.is_file():
        kind = "a folder" if target.is_dir() else _kind(target)
        raise OutputFileError(f"{path} is {kind}, not a regular file: outputs only replace "
                              "regular files")
    probe = _temporary_name(target)
    try:  # create and remove our own temporary name: the real test of the folder
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as error:
        raise _cannot(path, error.strerror or str(error)) from None


def _kind(path: Path) -> str:
    mode = path.stat().st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _temporary_name(target: Path) -> Path:
    """``.NAME.dx-planner-HOST-PID.N.tmp`` beside the target, shortened to fit the file
    system's name limit (the suffix says whose it is)."""
    room = _name_limit(target.parent) - _SUFFIX_BYTES
    name = os.fsencode(target.name)[:max(room, 1)].decode("utf-8", "ignore")
    return target.parent / f".{name}.{_TAG}-{_HOST}-{os.getpid()}.{next(_SERIAL)}.tmp"


def scratch_beside(temporary: Path, role: str) -> Path:
    """A second temporary file for the same output (e.g. a workbook before a last step),
    named so that ``remove_leftovers`` knows it too. ``role`` is a short lowercase word."""
    return temporary.with_name(f"{temporary.name.removesuffix('.tmp')}.{role}.tmp")


def remove_leftovers(folder: Path) -> None:
    """Remove temporary files of our runs on this machine that were killed mid-write."""
    with suppress(OSError):
        for entry in os.scandir(folder):
            match = _LEFTOVER.match(entry.name)
            if match and match["host"] == _HOST and not _alive(int(match["pid"])):
                with suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


@contextmanager
def replaced_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; once the block succeeds it replaces ``path``.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    check_writable(path)
    target = _target(path)
    remove_leftovers(target.parent)
    temporary = _temporary_name(target)
    try:
        yield temporary
        # Give it the mode of the file it replaces (or the usual one for a new file).
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        if target.exists() and not target.is_file():  # it changed while we wrote
            raise OutputFileError(f"{path} is no longer a regular file")
        os.replace(temporary, target)
    except OutputFileError:
        raise
    except OSError as error:
        raise _cannot(path, error.strerror or str(error)) from None
    finally:
        with suppress(OSError):
            temporary.unlink()
