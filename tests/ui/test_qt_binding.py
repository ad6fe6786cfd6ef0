"""The Qt binding the app runs on keeps Python's reference counts right.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` from Python; after
enough signals the interpreter aborts at exit (``bool_dealloc``). pyproject.toml excludes that
version; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_the_reference_counts() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(1_000):
        emitter.changed.emit(1)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 1_000
    # A few references may come and go meanwhile; a thousand lost ones is the fault.
    assert all(abs(a - b) < 100 for a, b in zip(after, before, strict=True)), (before, after)
