"""Language: Japanese by default, English through a Qt translation file.

UI strings are written in Japanese in the source (``tr("…")``) because Japanese is what
planners read; ``dx_planner_en.qm`` carries the English. Texts that ``dx_planner`` owns in
English (validation messages, the command line's language) come in Japanese from
``dx_planner_ja.qm``. Both are compiled into the app's resources (``resources/``). Domain
labels (enum members, quarters) are translated here, since they come from ``dx_planner`` and
not from tr().
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from dx_planner.domain.enums import LabelledEnum
from dx_planner.domain.quarters import Quarter

LANGUAGES: dict[str, str] = {"ja": "日本語", "en": "English"}
DEFAULT_LANGUAGE = "ja"
SETTINGS_KEY = "ui/language"
TRANSLATIONS = ":/translations"  # compiled into the resources (resources/resources.qrc)

_MONTHS_EN = {1: "Apr–Jun", 2: "Jul–Sep", 3: "Oct–Dec", 4: "Jan–Mar"}
_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "translators": []}


def language() -> str:
    return str(_state["language"])


def saved_language() -> str:
    value = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


def install_language(code: str) -> None:
    """Switch the process-wide language; widgets built afterwards use it.

    Two translations: the app's own (from the resources), and Qt's for the texts Qt itself
    shows (standard buttons such as キャンセル, the file dialog), which ship with PySide6.
    """
    app = QCoreApplication.instance()
    old = _state["translators"]
    assert isinstance(old, list)
    if app is not None:
        for translator in old:
            app.removeTranslator(translator)
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = [f"{TRANSLATIONS}/dx_planner_{code}.qm", f"{qt_folder}/qtbase_{code}.qm"]
    if app is not None:
        for source in sources:
            translator = QTranslator(app)
            if translator.load(source):
                app.installTranslator(translator)
                installed.append(translator)
    _state["translators"] = installed
    _state["language"] = code if code in LANGUAGES else DEFAULT_LANGUAGE


def tr(context: str, text: str) -> str:
    """Translate a string outside a QObject. lupdate does not see these calls (it reads
    ``tr(a, b)`` as text and disambiguation): mark new strings with
    ``QCoreApplication.translate("Context", "…")`` instead."""
    return QCoreApplication.translate(context, text)


def enum_label(member: Enum | None) -> str:
    """The label users see for an enumeration member: Japanese, or the English name."""
    if member is None:
        return ""
    if language() == "ja" and isinstance(member, LabelledEnum):
        return member.ja
    return str(member.value).replace("_", " ")


def quarter_header(quarter: Quarter | None) -> str:
    """``quarter_label`` on two lines (code, then months), for column headers."""
    return quarter_label(quarter).replace(" · ", "\n")


def quarter_label(quarter: Quarter | None) -> str:
    """``FY2021Q4 · 2022年1~3月`` (both forms, as the reports write them)."""
    if quarter is None:
        return ""
    if language() == "ja":
        return quarter.label
    first, last = _MONTHS_EN[quarter.number].split("–")
    year = quarter.fiscal_year + (1 if quarter.number == 4 else 0)
    return f"{quarter.code} · {first}–{last} {year}"
