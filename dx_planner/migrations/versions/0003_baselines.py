"""Baselines: published plans of record with a snapshot of their assignments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('baselines',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('as_of', sa.String(length=8), nullable=False),
    sa.Column('scenario_name', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=False),
    sa.Column('in_scope', sa.Integer(), nullable=False),
    sa.Column('target_count', sa.Integer(), nullable=False),
    sa.Column('target_share', sa.Float(), nullable=True),
    sa.Column('deadline', sa.String(length=8), nullable=False),
    sa.Column('milestones', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baselines')),
    sa.UniqueConstraint('as_of', name=op.f('uq_baselines_as_of'))
    )
    op.create_table('baseline_items',
    sa.Column('baseline_id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.String(length=200), nullable=False),
    sa.Column('quarter', sa.String(length=8), nullable=False),
    sa.Column('bureau', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['baseline_id'], ['baselines.id'], name=op.f('fk_baseline_items_baseline_id_baselines'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('baseline_id', 'process_id', name=op.f('pk_baseline_items'))
    )


def downgrade() -> None:
    op.drop_table('baseline_items')
    op.drop_table('baselines')
