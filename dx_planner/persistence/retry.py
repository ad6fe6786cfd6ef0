"""Transactions PostgreSQL may abort through no fault of their own, run again from the start.

PostgreSQL breaks a deadlock by aborting one of the transactions in it, and a serializable
transaction may be refused because another one committed first; for both its manual's advice
is to retry the whole transaction. ``admin init`` needs this: it alters the shared tables
while the team may be editing them, so its locks and an editor's can cross.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from dx_planner.persistence.database import driver_reason, is_retryable

_log = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 3


def run_transaction(engine: Engine, work: Callable[[Connection], T], *,
                    attempts: int = ATTEMPTS) -> T:
    """``work`` in one transaction (``engine.begin()``), run again from the start, up to
    ``attempts`` times in all, when the database aborted it as a deadlock's victim or a
    serialization failure. ``work`` must do nothing outside the transaction, so that a run
    that was rolled back leaves no trace. Other errors, and the last attempt's, propagate."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as connection:
                return work(connection)
        except DBAPIError as error:
            if attempt == attempts or not is_retryable(error):
                raise
            _log.warning("the database aborted the transaction (%s); running it again "
                         "(attempt %d of %d)", driver_reason(error), attempt + 1, attempts)
    raise AssertionError("unreachable: the last attempt returns or raises")
