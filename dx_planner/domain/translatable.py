"""A marker for texts that the desktop app shows through Qt's translations.

``dx_planner`` never imports Qt. Texts it owns that the desktop app also shows (field
headers, validation messages) are wrapped in ``QT_TRANSLATE_NOOP(context, text)``: a no-op
here, but the name ``pyside6-lupdate`` looks for, so the strings land in the ``.ts`` files and
the app translates them with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
