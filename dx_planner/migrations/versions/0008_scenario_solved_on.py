"""Scenarios remember the inventory they were solved on (fingerprints)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

``scenarios.solved_on`` (JSON, None for scenarios stored before): a fingerprint of each
process's plan-relevant fields and of the bureaus' capacity and the channels when the plan was
solved, so that a report of a stored plan can say that (and how much) the inventory changed
since (dx_planner.planning.solved_on).
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.add_column(sa.Column('solved_on', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.drop_column('solved_on')
