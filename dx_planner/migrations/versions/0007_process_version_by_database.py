"""The database bumps a process's version whenever its row changes, whoever writes it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Until now the app incremented ``processes.version`` in its own UPDATEs, so a change made
outside the app (psql) left the version as it was and a stale workbook could overwrite it
silently. From here the database owns the version: on PostgreSQL a BEFORE UPDATE row trigger
sets it to the old version + 1 when any other column but ``position`` changed, and keeps the
old version otherwise (whatever the writer put there); on SQLite an AFTER UPDATE trigger does
the same. The app no longer writes the version of an updated row; it reads it back.

On SQLite, rebuilding ``processes`` (``batch_alter_table``) drops the trigger: a later
revision that does so must create it again (``SQLITE_TRIGGER``).
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# Every column of processes that is part of a process's content (not its version, nor its
# position in the list).
CONTENT = ("id", "name", "bureau_id", "type", "authority", "national_status", "national_ready",
           "annual_volume", "effort", "status", "digitized_quarter", "channel_id", "priority",
           "major", "locked_quarter", "notes")

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION dx_process_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF (to_jsonb(NEW) - 'version' - 'position') IS DISTINCT FROM
       (to_jsonb(OLD) - 'version' - 'position') THEN
        NEW.version := OLD.version + 1;
    ELSE
        NEW.version := OLD.version;
    END IF;
    RETURN NEW;
END $$;
"""

PG_TRIGGER = ("CREATE TRIGGER dx_process_version BEFORE UPDATE ON processes "
              "FOR EACH ROW EXECUTE FUNCTION dx_process_version()")

# SQLite cannot assign NEW in a trigger: the changed row is updated once more (recursive
# triggers are off, so this UPDATE does not fire it again).
SQLITE_TRIGGER = (
    "CREATE TRIGGER dx_process_version AFTER UPDATE ON processes FOR EACH ROW WHEN "
    + " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in CONTENT)
    + " BEGIN UPDATE processes SET version = OLD.version + 1 WHERE id = NEW.id; END")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        schema = bind.execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
        op.execute(PG_FUNCTION.format(schema=schema))
        op.execute("DROP TRIGGER IF EXISTS dx_process_version ON processes")
        op.execute(PG_TRIGGER)
    else:
        op.execute("DROP TRIGGER IF EXISTS dx_process_version")
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS dx_process_version ON processes")
        op.execute("DROP FUNCTION IF EXISTS dx_process_version()")
    else:
        op.execute("DROP TRIGGER IF EXISTS dx_process_version")
