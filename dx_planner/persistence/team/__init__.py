"""The team database on PostgreSQL: group roles, grants and row-level security (``security``),
logins (``users``) and change notifications (``notify``).

Rights live in the database, not in the app: a login using ``psql`` directly gets no more than
through dx-planner. The app only reads them (``persistence.rights``) to refuse early and to
show read-only rows.
"""


class TeamError(Exception):
    """A team-database operation the user asked for cannot be done; the message says why."""
