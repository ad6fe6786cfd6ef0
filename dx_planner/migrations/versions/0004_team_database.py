"""Team database: change history, scenario authors, group-role bookkeeping; on PostgreSQL the
history and change-notification triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

The trigger functions are SECURITY DEFINER (they run as the owner who ran this migration),
so they can append to ``history`` although nobody else may write there: editors cannot forge
or delete history. They record ``session_user`` (the login), never a setting a client could
change. Statement-level triggers read the transition tables, so a bulk write of 28,000 rows
costs one INSERT … SELECT, not 28,000 function calls.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# How a row of each table is shown in the history, as SQL over a row ``r`` (and joins):
# its stable key (to pair old and new rows), the key users see (names instead of ids), its
# bureau and the document of the fields that are compared. The app's SQLite recorder
# (dx_planner.persistence.history) describes rows the same way.
DESCRIBE = {
    "processes": dict(
        pk="r.id", key="r.id", bureau="b.name",
        fields=[("name", "r.name"), ("bureau", "b.name"), ("type", "r.type"),
                ("authority", "r.authority"), ("national_status", "r.national_status"),
                ("national_ready", "r.national_ready"), ("annual_volume", "r.annual_volume"),
                ("effort", "r.effort"), ("status", "r.status"),
                ("digitized_quarter", "r.digitized_quarter"), ("channel", "c.name"),
                ("priority", "r.priority"), ("major", "r.major"),
                ("locked_quarter", "r.locked_quarter"), ("notes", "r.notes")],
        joins="LEFT JOIN bureaus b ON b.id = r.bureau_id "
              "LEFT JOIN channels c ON c.id = r.channel_id"),
    "bureau_capacity": dict(
        pk="r.bureau_id || '/' || r.quarter",
        key="coalesce(b.name, '#' || r.bureau_id) || '/' || r.quarter", bureau="b.name",
        fields=[("effort", "r.effort")], joins="LEFT JOIN bureaus b ON b.id = r.bureau_id"),
    "bureaus": dict(
        pk="r.id::text", key="r.name", bureau="r.name", fields=[("name", "r.name")], joins=""),
    "channels": dict(
        pk="r.id::text", key="r.name", bureau="NULL::text",
        fields=[("name", "r.name"), ("available_from", "r.available_from")], joins=""),
    "channel_limits": dict(
        pk="r.channel_id || '/' || r.quarter",
        key="coalesce(c.name, '#' || r.channel_id) || '/' || r.quarter", bureau="NULL::text",
        fields=[("max_processes", "r.max_processes")],
        joins="LEFT JOIN channels c ON c.id = r.channel_id"),
    "baselines": dict(
        pk="r.id::text", key="r.as_of", bureau="NULL::text",
        fields=[("scenario_name", "r.scenario_name"), ("in_scope", "r.in_scope"),
                ("target_count", "r.target_count"), ("deadline", "r.deadline"),
                ("note", "r.note")],
        joins=""),
}
# The tables whose changes are recorded (planning-model.md §5: processes, capacity cells,
# channels, baseline publication; bureaus since a new bureau is a change too).
TRACKED = tuple(DESCRIBE)

_COLUMNS = "changed_at, login, table_name, row_key, bureau, action, field, old_value, new_value"

# One function per table (its SQL is static, so it is planned once): each statement's rows
# arrive as transition tables and are written with one INSERT … SELECT.
FUNCTION = """
CREATE OR REPLACE FUNCTION dx_history_{table}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    keys jsonb;
    payload text;
BEGIN
    -- A statement-level trigger fires even when the statement touched no row.
    IF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM old_rows LIMIT 1;
    ELSE
        PERFORM 1 FROM new_rows LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO history ({columns})
        SELECT now(), session_user, '{table}', {key}, {bureau}, 'insert', NULL, NULL, {text}
        FROM new_rows r {joins};
        {insert_keys}
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO history ({columns})
        SELECT now(), session_user, '{table}', {key}, {bureau}, 'delete', NULL, {text}, NULL
        FROM old_rows r {joins};
        {delete_keys}
    ELSE
        -- One line per changed field; a changed key (e.g. a renamed 手続ID) is a delete of
        -- the old row and an insert of the new one.
        WITH od AS (SELECT {pk} AS pk, {key} AS row_key, {bureau} AS bureau, {doc} AS doc
                    FROM old_rows r {joins}),
             nd AS (SELECT {pk} AS pk, {key} AS row_key, {bureau} AS bureau, {doc} AS doc
                    FROM new_rows r {joins})
        INSERT INTO history ({columns})
        SELECT now(), session_user, '{table}', nd.row_key, nd.bureau, 'update', f.key,
               od.doc ->> f.key, f.value #>> '{{}}'
        FROM nd JOIN od ON od.pk = nd.pk CROSS JOIN LATERAL jsonb_each(nd.doc) f
        WHERE f.value IS DISTINCT FROM od.doc -> f.key
        UNION ALL
        SELECT now(), session_user, '{table}', od.row_key, od.bureau, 'delete', NULL,
               od.doc::text, NULL
        FROM od WHERE NOT EXISTS (SELECT 1 FROM nd WHERE nd.pk = od.pk)
        UNION ALL
        SELECT now(), session_user, '{table}', nd.row_key, nd.bureau, 'insert', NULL, NULL,
               nd.doc::text
        FROM nd WHERE NOT EXISTS (SELECT 1 FROM od WHERE od.pk = nd.pk);
        {update_keys}
    END IF;
    -- Listeners get the table and, for processes, the keys (never values: they re-read what
    -- they may see). NOTIFY payloads must stay under 8,000 bytes; past that, no keys means
    -- "re-read the table".
    payload := jsonb_build_object('table', '{table}', 'keys', keys)::text;
    IF octet_length(payload) > 7900 THEN
        payload := jsonb_build_object('table', '{table}', 'keys', NULL)::text;
    END IF;
    PERFORM pg_notify('dx_planner_changes', payload);
    RETURN NULL;
END $$;
"""

# Processes name their keys in the notification; other tables are re-read whole (small).
_KEYS = {
    "insert_keys": "SELECT jsonb_agg(r.id) INTO keys FROM new_rows r;",
    "delete_keys": "SELECT jsonb_agg(r.id) INTO keys FROM old_rows r;",
    "update_keys": "SELECT jsonb_agg(DISTINCT k) INTO keys FROM (SELECT r.id AS k FROM old_rows r "
                   "UNION SELECT r.id FROM new_rows r) ids;",
}


def _create_triggers(schema: str) -> None:
    for table, parts in DESCRIBE.items():
        keys = _KEYS if table == "processes" else dict.fromkeys(_KEYS, "")
        pairs = ", ".join(f"'{name}', {value}" for name, value in parts["fields"])
        op.execute(FUNCTION.format(
            table=table, schema=schema, columns=_COLUMNS, pk=parts["pk"], key=parts["key"],
            bureau=parts["bureau"], joins=parts["joins"],
            # json (text) is built several times faster than jsonb: enough for whole rows.
            text=f"json_build_object({pairs})::text", doc=f"jsonb_build_object({pairs})",
            **keys))
        for operation, referencing in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows")):
            op.execute(
                f"CREATE TRIGGER dx_history_{operation.lower()} AFTER {operation} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION dx_history_{table}()")
        op.execute(f"REVOKE ALL ON FUNCTION dx_history_{table}() FROM PUBLIC")
    # Append-only for everybody but the owner; the trigger functions write as the owner.
    op.execute("REVOKE ALL ON history FROM PUBLIC")


def upgrade() -> None:
    op.create_table('history',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('login', sa.String(length=200), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_key', sa.Text(), nullable=False),
    sa.Column('bureau', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history'))
    )
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.create_index('ix_history_table_name_row_key', ['table_name', 'row_key'], unique=False)

    op.create_table('team_roles',
    sa.Column('role_name', sa.String(length=63), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('bureau_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureaus.id'], name=op.f('fk_team_roles_bureau_id_bureaus'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_name', name=op.f('pk_team_roles')),
    sa.UniqueConstraint('bureau_id', name=op.f('uq_team_roles_bureau_id'))
    )
    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author', sa.String(length=200), server_default='', nullable=False))

    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        schema = bind.execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
        _create_triggers(schema)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in TRACKED:
            for operation in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS dx_history_{operation} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS dx_history_{table}()")
    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.drop_column('author')
    op.drop_table('team_roles')
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index('ix_history_table_name_row_key')
    op.drop_table('history')
