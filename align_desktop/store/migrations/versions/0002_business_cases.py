"""Business cases: benefit and staged adoption per initiative, cost lines by year, scenarios.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

YEARS = range(11)  # year 0 … the longest horizon (10)
SCENARIO_DEFAULTS = {
    "pessimistic_benefit": 0.7,
    "pessimistic_cost": 1.2,
    "optimistic_benefit": 1.2,
    "optimistic_cost": 0.9,
}


def upgrade() -> None:
    for column, default in SCENARIO_DEFAULTS.items():
        op.add_column("workspace", sa.Column(column, sa.Float, nullable=False, server_default=sa.text(str(default))))
    op.create_table(
        "business_case",
        sa.Column("initiative_id", sa.Integer, sa.ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("annual_benefit", sa.Float, nullable=False),
        sa.Column("benefit_baseline", sa.Float, nullable=True),
        sa.Column("benefit_uplift", sa.Float, nullable=True),
        sa.Column("benefit_value_per_unit", sa.Float, nullable=True),
        sa.Column("benefit_unit", sa.String(40), nullable=False),
        *[sa.Column(f"adoption_{year}", sa.Float, nullable=True) for year in YEARS],
        sa.CheckConstraint("annual_benefit >= 0", name="benefit_not_negative"),
        *[sa.CheckConstraint(f"adoption_{year} BETWEEN 0 AND 1", name=f"adoption_{year}_range") for year in YEARS],
    )
    op.create_table(
        "cost_line",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column(
            "initiative_id",
            sa.Integer,
            sa.ForeignKey("initiative.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        *[sa.Column(f"amount_{year}", sa.Float, nullable=True) for year in YEARS],
        *[sa.CheckConstraint(f"amount_{year} >= 0", name=f"amount_{year}_not_negative") for year in YEARS],
    )


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
