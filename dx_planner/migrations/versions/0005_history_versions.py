"""History entries carry the process version they produced (to reconstruct what a workbook
row was exported from, for a field-by-field merge on import)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

On PostgreSQL the trigger functions of 0004 are replaced by the same functions writing
``history.version`` too (the row's version after an insert or update, before a delete; NULL
for tables without versions).
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

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

_COLUMNS = ("changed_at, login, table_name, row_key, bureau, action, field, old_value, new_value, "
            "version")

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
        SELECT now(), session_user, '{table}', {key}, {bureau}, 'insert', NULL, NULL, {text},
               {version}
        FROM new_rows r {joins};
        {insert_keys}
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO history ({columns})
        SELECT now(), session_user, '{table}', {key}, {bureau}, 'delete', NULL, {text}, NULL,
               {version}
        FROM old_rows r {joins};
        {delete_keys}
    ELSE
        -- One line per changed field; a changed key (e.g. a renamed 手続ID) is a delete of
        -- the old row and an insert of the new one.
        WITH od AS (SELECT {pk} AS pk, {key} AS row_key, {bureau} AS bureau, {doc} AS doc,
                           {version} AS version
                    FROM old_rows r {joins}),
             nd AS (SELECT {pk} AS pk, {key} AS row_key, {bureau} AS bureau, {doc} AS doc,
                           {version} AS version
                    FROM new_rows r {joins})
        INSERT INTO history ({columns})
        SELECT now(), session_user, '{table}', nd.row_key, nd.bureau, 'update', f.key,
               od.doc ->> f.key, f.value #>> '{{}}', nd.version
        FROM nd JOIN od ON od.pk = nd.pk CROSS JOIN LATERAL jsonb_each(nd.doc) f
        WHERE f.value IS DISTINCT FROM od.doc -> f.key
        UNION ALL
        SELECT now(), session_user, '{table}', od.row_key, od.bureau, 'delete', NULL,
               od.doc::text, NULL, od.version
        FROM od WHERE NOT EXISTS (SELECT 1 FROM nd WHERE nd.pk = od.pk)
        UNION ALL
        SELECT now(), session_user, '{table}', nd.row_key, nd.bureau, 'insert', NULL, NULL,
               nd.doc::text, nd.version
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




def _replace_functions(schema: str) -> None:
    for table, parts in DESCRIBE.items():
        keys = _KEYS if table == "processes" else dict.fromkeys(_KEYS, "")
        pairs = ", ".join(f"'{name}', {value}" for name, value in parts["fields"])
        op.execute(FUNCTION.format(
            table=table, schema=schema, columns=_COLUMNS, pk=parts["pk"], key=parts["key"],
            bureau=parts["bureau"], joins=parts["joins"],
            text=f"json_build_object({pairs})::text", doc=f"jsonb_build_object({pairs})",
            version="r.version" if table == "processes" else "NULL::integer", **keys))


def upgrade() -> None:
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        schema = bind.execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
        _replace_functions(schema)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        # 0004's functions, which do not write the column.
        import importlib.util
        from pathlib import Path

        path = Path(__file__).with_name("0004_team_database.py")
        spec = importlib.util.spec_from_file_location("revision_0004", path)
        assert spec is not None and spec.loader is not None
        previous = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(previous)
        schema = bind.execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
        for table, parts in previous.DESCRIBE.items():
            keys = previous._KEYS if table == "processes" else dict.fromkeys(previous._KEYS, "")
            pairs = ", ".join(f"'{name}', {value}" for name, value in parts["fields"])
            op.execute(previous.FUNCTION.format(
                table=table, schema=schema, columns=previous._COLUMNS, pk=parts["pk"],
                key=parts["key"], bureau=parts["bureau"], joins=parts["joins"],
                text=f"json_build_object({pairs})::text", doc=f"jsonb_build_object({pairs})",
                **keys))
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_column('version')
