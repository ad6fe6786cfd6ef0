"""Initial schema: the inventory (bureaus, channels, capacities, processes)

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bureaus',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bureaus')),
    sa.UniqueConstraint('name', name=op.f('uq_bureaus_name'))
    )
    op.create_table('channels',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('available_from', sa.String(length=8), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channels')),
    sa.UniqueConstraint('name', name=op.f('uq_channels_name'))
    )
    op.create_table('bureau_capacity',
    sa.Column('bureau_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=8), nullable=False),
    sa.Column('effort', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureaus.id'], name=op.f('fk_bureau_capacity_bureau_id_bureaus'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bureau_id', 'quarter', name=op.f('pk_bureau_capacity'))
    )
    op.create_table('channel_limits',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=8), nullable=False),
    sa.Column('max_processes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_channel_limits_channel_id_channels'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', 'quarter', name=op.f('pk_channel_limits'))
    )
    op.create_table('processes',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('bureau_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('authority', sa.String(length=20), nullable=False),
    sa.Column('national_status', sa.String(length=20), nullable=True),
    sa.Column('national_ready', sa.String(length=8), nullable=True),
    sa.Column('annual_volume', sa.BigInteger(), nullable=False),
    sa.Column('effort', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('digitized_quarter', sa.String(length=8), nullable=True),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('major', sa.Boolean(), nullable=False),
    sa.Column('locked_quarter', sa.String(length=8), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureaus.id'], name=op.f('fk_processes_bureau_id_bureaus')),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_processes_channel_id_channels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processes'))
    )
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processes_bureau_id'), ['bureau_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processes_channel_id'), ['channel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processes_position'), ['position'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processes_position'))
        batch_op.drop_index(batch_op.f('ix_processes_channel_id'))
        batch_op.drop_index(batch_op.f('ix_processes_bureau_id'))

    op.drop_table('processes')
    op.drop_table('channel_limits')
    op.drop_table('bureau_capacity')
    op.drop_table('channels')
    op.drop_table('bureaus')
