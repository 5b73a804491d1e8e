"""Risk register: risks in business terms, their links to initiatives and capabilities, appetite.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SCALES = ("likelihood", "impact", "residual_likelihood", "residual_impact")


def upgrade() -> None:
    op.add_column("workspace", sa.Column("risk_appetite", sa.Integer, nullable=False, server_default=sa.text("9")))
    op.create_table(
        "risk",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("impact_area", sa.String(40), nullable=False),
        *[sa.Column(scale, sa.Integer, nullable=False) for scale in SCALES],
        sa.Column("treatment", sa.String(20), nullable=False),
        sa.Column("mitigation_plan", sa.Text, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("review_date", sa.Date, nullable=True),
        sa.Column("acceptance_rationale", sa.Text, nullable=False),
        sa.Column("acceptance_expiry", sa.Date, nullable=True),
        *[sa.CheckConstraint(f"{scale} BETWEEN 1 AND 5", name=f"{scale}_range") for scale in SCALES],
    )
    op.create_table(
        "risk_initiative",
        sa.Column("risk_id", sa.Integer, sa.ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "initiative_id",
            sa.Integer,
            sa.ForeignKey("initiative.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )
    op.create_table(
        "risk_capability",
        sa.Column("risk_id", sa.Integer, sa.ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "capability_id",
            sa.Integer,
            sa.ForeignKey("capability.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
