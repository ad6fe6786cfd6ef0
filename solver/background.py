"""Work in a thread of its own, for solver calls that release the GIL but do not watch a
cancel (HiGHS and GLOP through OR-Tools ignore MathOpt's interrupter; each keeps its own
time limit): the caller polls, so a cancel never waits for them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

#: How often a wait checks for a cancel.
POLL_SECONDS = 0.05

T = TypeVar("T")


class Background(Generic[T]):
    """``work()`` run in a daemon thread from construction on."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: T | None = None
        self._failed: list[BaseException] = []
        self._done = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as exc:  # raised again in the caller's thread by result()
            self._failed.append(exc)
        finally:
            self._done.set()

    def wait(self, should_stop: Callable[[], bool]) -> bool:
        """True once the work has ended; False if ``should_stop()`` came first (the thread
        then ends on its own)."""
        while not self._done.wait(POLL_SECONDS):
            if should_stop():
                return False
        return True

    def done(self) -> bool:
        """The work has ended (without waiting)."""
        return self._done.is_set()

    def result(self) -> T | None:
        """What the work returned, after :meth:`wait` said it ended; its exception, raised
        again here, if it failed."""
        if self._failed:
            raise self._failed[0]
        return self._value
