"""Reason codes (why a process is not planned) as Japanese text.

The codes come from ``solver.explain``. When that module offers Japanese texts they are
used; otherwise a few known codes have texts here and any other code is shown as it is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from functools import cache

#: Names under which ``solver.explain`` may offer its texts: a mapping code → text …
_MAPPING_NAMES = ("REASON_TEXTS_JA", "REASON_TEXT_JA", "REASON_LABELS_JA", "REASON_JA",
                  "REASON_TEXTS", "REASON_LABELS")
#: … or a function code → text.
_FUNCTION_NAMES = ("reason_text_ja", "reason_label_ja", "reason_text", "reason_label")

# Not solver codes: situations of the export itself.
NOT_IN_SCENARIO = "シナリオ作成後に追加された手続（再計画が必要）"
ALREADY_DIGITIZED = "計画開始前にデジタル化済"
OUT_OF_SCOPE = "対象外"
UNPLANNED = "計画期間内に入らない"


def _explain_texts() -> Callable[[str], str | None]:
    try:
        module = importlib.import_module("solver.explain")
    except ImportError:
        return lambda code: None
    for name in _MAPPING_NAMES:
        mapping = getattr(module, name, None)
        if isinstance(mapping, Mapping):
            return lambda code: _as_text(mapping.get(code))
    for name in _FUNCTION_NAMES:
        function = getattr(module, name, None)
        if callable(function):
            return lambda code: _as_text(_call(function, code))
    return lambda code: None


def _call(function: Callable[[str], object], code: str) -> object:
    try:
        return function(code)
    except (KeyError, ValueError, LookupError):
        return None


def _as_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


@cache
def _lookup() -> Callable[[str], str | None]:
    return _explain_texts()


def reason_text(code: str | None) -> str:
    """The Japanese text for ``code``; the code itself when no text is known."""
    if not code:
        return UNPLANNED
    return _lookup()(code) or code
