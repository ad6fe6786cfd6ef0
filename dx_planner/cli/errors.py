"""The command line's one error path: which failures are the user's (or the machine's) and
say so in one line, and which are bugs and deserve a traceback.

A user's mistake, a missing or unwritable file, a full or read-only disk, a database that
is busy or refuses a value: ``dx-planner: <one line>``, exit status 1. Anything else is a
bug in dx-planner: the traceback, then a request to report it (exit status 1 too).
"""

from __future__ import annotations

import os
import sys
import traceback

from dx_planner.output_files import OutputFileError
from dx_planner.persistence.database import DatabaseError, describe_error, resolve_url
from dx_planner.persistence.rights import refusal
from dx_planner.persistence.team import TeamError
from dx_planner.plan_workbook import PlanExportError
from dx_planner.planning.settings import PlanningInputError
from dx_planner.progress_report.errors import ReportError

BUG_REQUEST = "this is a bug in dx-planner: please report it with the text above"


class UserError(Exception):
    """A problem the user can fix; the message is shown as it is."""


_USER_ERRORS = (UserError, DatabaseError, ReportError, PlanExportError, OutputFileError,
                PlanningInputError, TeamError)


def user_message(error: BaseException, database: str | None) -> str | None:
    """The one line for a failure the user can act on, or None for a bug."""
    if isinstance(error, _USER_ERRORS):
        return str(error)
    if isinstance(error, OSError):
        return _os_message(error)
    from sqlalchemy.exc import DBAPIError

    if isinstance(error, DBAPIError):
        # The team database refused a write the login has no right to: the user's limit
        # (the app checks first where it can; this is PostgreSQL's last word).
        reason = refusal(error)
        if reason is not None:
            return reason
        try:
            url = resolve_url(database)
        except DatabaseError:
            url = "sqlite://"
        return describe_error(error, url)
    return None


def _os_message(error: OSError) -> str:
    reason = error.strerror or (os.strerror(error.errno) if error.errno else str(error))
    if error.filename is not None:
        return f"{os.fsdecode(error.filename)}: {reason}"
    return reason


def report(error: BaseException, database: str | None) -> int:
    """Print what the user needs about ``error``; return the exit status."""
    message = user_message(error, database)
    if message is None:
        traceback.print_exception(error, file=sys.stderr)
        print(BUG_REQUEST, file=sys.stderr)
    else:
        print(f"dx-planner: {message}", file=sys.stderr)
    return 1
