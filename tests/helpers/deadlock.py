"""A real deadlock on a real PostgreSQL server, with the code under test as its victim.

``DeadlockPartner`` is a second session, run in a thread as the server's superuser. It locks
``hold`` first; once another session of the database waits for that lock, it asks for
``then``, which that session already holds. PostgreSQL sees the cycle and aborts one side:
the partner sets its own ``deadlock_timeout`` far beyond the other's (1 s by default), so the
victim is always the other session. The partner then gets its lock and commits at once.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType

import psycopg
from sqlalchemy.engine import make_url

from tests.helpers.postgres import PgDatabase

WAIT_SECONDS = 30.0


class DeadlockPartner:
    def __init__(self, database: PgDatabase, *, hold: str, then: str) -> None:
        url = make_url(database.server.admin_url.render_as_string(hide_password=False))
        self.connect_args = {"dbname": database.name, "user": url.username,
                             "password": url.password, **url.query}
        self.hold, self.then = hold, then
        self.locked = threading.Event()
        self.crossed = False  # someone waited for ``hold`` and the partner asked for ``then``
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> DeadlockPartner:
        self.thread.start()
        if not self.locked.wait(WAIT_SECONDS):
            raise TimeoutError(f"the partner could not lock {self.hold}")
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.thread.join(WAIT_SECONDS)
        assert not self.thread.is_alive(), "the partner never got its second lock"
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            with psycopg.connect(**self.connect_args) as session, \
                    psycopg.connect(**self.connect_args, autocommit=True) as watcher:
                session.execute("SET deadlock_timeout = '60s'")  # never the victim
                session.execute(f"LOCK TABLE {self.hold} IN ACCESS EXCLUSIVE MODE")
                mine = session.info.backend_pid
                self.locked.set()
                self._wait_for_a_waiter(watcher, mine)
                session.execute(f"LOCK TABLE {self.then} IN ACCESS EXCLUSIVE MODE")
                self.crossed = True
                session.commit()
        except BaseException as error:  # reported in the test's thread by __exit__
            self.error = error

    def _wait_for_a_waiter(self, watcher: psycopg.Connection[tuple[object, ...]],
                           mine: int) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> %s "
                "AND relation = %s::regclass", (mine, self.hold)).fetchone()
            if waiting is not None and waiting[0] > 0:
                return
            time.sleep(0.02)
        raise TimeoutError(f"nobody waited for {self.hold}")
