"""Run numpy's linear algebra single-threaded while the optimizer works.

The dual's Newton systems are small (a few hundred rows). OpenBLAS threads on them cost far
more than they gain, and on a busy 2-core machine a threaded 255x255 solve was measured at
~140 ms against 0.6 ms single-threaded. We switch OpenBLAS (as bundled with numpy) to one
thread for the duration of a solve and restore the previous setting afterwards. If the
library cannot be found (another BLAS, another build) this is a no-op.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

_LOCK = threading.Lock()
_DEPTH = 0
_SAVED = 0


def _find() -> tuple[Any, Any] | None:
    libdir = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    paths = sorted(glob.glob(os.path.join(libdir, "*openblas*.so*")))
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for get_name, set_name in (
            ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
            ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
            ("openblas_get_num_threads", "openblas_set_num_threads"),
        ):
            getter = getattr(lib, get_name, None)
            setter = getattr(lib, set_name, None)
            if getter is not None and setter is not None:
                getter.restype = ctypes.c_int
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                return getter, setter
    return None


_FUNCS = _find()


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Within the block, OpenBLAS uses one thread (re-entrant, thread-safe counting)."""
    global _DEPTH, _SAVED
    if _FUNCS is None:
        yield
        return
    getter, setter = _FUNCS
    with _LOCK:
        if _DEPTH == 0:
            _SAVED = int(getter())
            setter(1)
        _DEPTH += 1
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH -= 1
            if _DEPTH == 0 and _SAVED > 0:
                setter(_SAVED)
