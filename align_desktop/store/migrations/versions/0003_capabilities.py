"""Capability catalogue and capability needs (initiative × capability → required maturity).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # SQLite's NOCASE, which capability and participant names use, as a case-blind ICU collation
        op.execute(
            'CREATE COLLATION IF NOT EXISTS "NOCASE" '
            "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
        )
    op.create_table(
        "capability",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column("name", sa.String(120, collation="NOCASE"), nullable=False, unique=True),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("sla_target", sa.String(200), nullable=False),
        sa.Column("performance_metric", sa.String(200), nullable=False),
        sa.Column("annual_run_cost", sa.Float, nullable=False),
        sa.Column("cost_owner", sa.String(120), nullable=False),
        sa.Column("current_maturity", sa.Integer, nullable=False),
        sa.Column("target_maturity", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.CheckConstraint("annual_run_cost >= 0", name="run_cost_not_negative"),
        sa.CheckConstraint("current_maturity BETWEEN 1 AND 5", name="current_maturity_range"),
        sa.CheckConstraint("target_maturity BETWEEN 1 AND 5", name="target_maturity_range"),
    )
    op.create_table(
        "capability_need",
        sa.Column("initiative_id", sa.Integer, sa.ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "capability_id",
            sa.Integer,
            sa.ForeignKey("capability.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
        sa.Column("required_level", sa.Integer, nullable=False),
        sa.CheckConstraint("required_level BETWEEN 1 AND 5", name="required_level_range"),
    )


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
