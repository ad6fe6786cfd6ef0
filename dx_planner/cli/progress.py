"""A small progress bar on stderr, shown only once work has taken more than a second."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

SHOW_AFTER_SECONDS = 1.0


class ProgressBar:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.shown = False
        self._last_draw = 0.0
        self._phase = ""

    def phase(self, text: str) -> None:
        self._phase = text
        self.update(None)

    def update(self, done: int | None, total: int | None = None) -> None:
        if total is not None:
            self.total = total
        now = time.monotonic()
        # A log file gets a line a second; a terminal is redrawn in place.
        interval = 0.1 if self.stream.isatty() else 1.0
        if now - self.started < SHOW_AFTER_SECONDS or now - self._last_draw < interval:
            return
        self._last_draw = now
        self.shown = True
        elapsed = now - self.started
        if done is not None and self.total:
            fraction = min(1.0, done / self.total)
            filled = int(fraction * 30)
            bar = "█" * filled + "·" * (30 - filled)
            text = f"{self.label} [{bar}] {fraction:4.0%} {elapsed:5.1f}s"
        else:
            text = f"{self.label} {self._phase} … {elapsed:5.1f}s"
        if self.stream.isatty():
            self.stream.write("\r\x1b[2K" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.shown and self.stream.isatty():
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
