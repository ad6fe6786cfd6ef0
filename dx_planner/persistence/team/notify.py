"""Other users' commits, as PostgreSQL announces them (``LISTEN dx_planner_changes``).

The history triggers (migration 0004) send, at commit, the table and — for processes — the
keys of the changed rows, never values: a listener re-reads what it may see. Notifications
are not replayed: a listener that lost its connection reports ``everything`` once it is back,
so the reader re-reads the whole inventory.

Blocking and Qt-free: the desktop app runs ``ChangeListener.wait`` on a background thread.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

import psycopg
from sqlalchemy import Engine, PoolProxiedConnection, create_engine
from sqlalchemy.pool import NullPool

CHANNEL = "dx_planner_changes"


@dataclass(frozen=True, slots=True)
class ChangeNotice:
    table: str  # "processes", "bureau_capacity", … or "*" after a reconnect
    keys: frozenset[str] | None  # changed process IDs; None: re-read the whole table
    sender_pid: int = 0  # the backend that committed the change

    @property
    def everything(self) -> bool:
        return self.table == "*"


RECONNECTED = ChangeNotice("*", None)


def parse(payload: str, sender_pid: int = 0) -> ChangeNotice:
    try:
        data = json.loads(payload)
        keys = data.get("keys")
        return ChangeNotice(str(data["table"]),
                            None if keys is None else frozenset(map(str, keys)), sender_pid)
    except (ValueError, KeyError, TypeError, AttributeError):
        return RECONNECTED  # not ours to understand: re-read rather than miss a change


class ChangeListener:
    """One dedicated connection that listens; ``wait`` returns the notices that arrived."""

    def __init__(self, url: str) -> None:
        # Its own engine without a pool: this connection only listens, for hours.
        self._engine: Engine = create_engine(url, poolclass=NullPool)
        self._raw: PoolProxiedConnection | None = None
        self._connection: psycopg.Connection[tuple[object, ...]] | None = None
        self._lost = False

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        raw = self._engine.raw_connection()
        connection: psycopg.Connection[tuple[object, ...]] = raw.driver_connection  # type: ignore[assignment]
        connection.rollback()
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self._raw = raw
        return connection

    def wait(self, timeout: float) -> list[ChangeNotice]:
        """Block up to ``timeout`` seconds for notices; a reconnect yields ``RECONNECTED``.

        Raises ``psycopg.OperationalError`` while the server cannot be reached (call again
        later: the next successful call reports ``RECONNECTED``).
        """
        notices: list[ChangeNotice] = []
        if self._connection is None or self._connection.closed:
            if self._connection is not None:
                self._lost = True
            self._connection = self._connect()
            if self._lost:
                self._lost = False
                notices.append(RECONNECTED)
        try:
            for notify in self._connection.notifies(timeout=timeout, stop_after=1):
                notices.append(parse(notify.payload, notify.pid))
            # Whatever else arrived in the same moment.
            for notify in self._connection.notifies(timeout=0.01):
                notices.append(parse(notify.payload, notify.pid))
        except psycopg.OperationalError:
            self._lost = True
            self._close_connection()
            raise
        return notices

    def backend_pid(self) -> int:
        return self._connection.info.backend_pid if self._connection is not None else 0

    def _close_connection(self) -> None:
        if self._raw is not None:
            with contextlib.suppress(Exception):  # already broken: nothing to keep
                self._raw.close()
        self._raw = self._connection = None

    def close(self) -> None:
        self._close_connection()
        self._engine.dispose()
