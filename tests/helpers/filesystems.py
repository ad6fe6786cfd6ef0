"""Real file systems that fail: a small tmpfs that fills up or turns read-only.

Mounting needs root (CI and the sandbox run as root); elsewhere these tests are skipped and
say why. Read-only folders for a non-root user are made with chmod instead.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` mounted at ``folder`` for the duration of the block."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs ({mounted.stderr.strip() or 'mount failed'}): "
                    "these tests need root and permission to mount")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def read_only(folder: Path) -> None:
    """Make ``folder`` (a tmpfs from ``tmpfs``) read-only, as a locked-down share would be."""
    result = _run("mount", "-o", "remount,ro", str(folder))
    assert result.returncode == 0, result.stderr


def fill(folder: Path, leave: int = 0) -> None:
    """Write a filler file until the file system holding ``folder`` is full (but ``leave``
    bytes)."""
    with (folder / "filler").open("wb", buffering=0) as handle:
        block = b"\0" * 4096
        try:
            while True:
                handle.write(block)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    if leave:
        size = (folder / "filler").stat().st_size
        os.truncate(folder / "filler", max(0, size - leave))
