"""Initial schema: workspace settings, lanes, outcomes, initiatives and readiness gate overrides.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x414C474E


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # the file header's mark; a server database has its name
        op.execute(f"PRAGMA application_id={APPLICATION_ID}")
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("discount_rate", sa.Float, nullable=False),
        sa.Column("horizon", sa.Integer, nullable=False),
        sa.Column("readiness_gate", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.CheckConstraint("readiness_gate BETWEEN 0 AND 4", name="gate_range"),
        sa.CheckConstraint("horizon BETWEEN 1 AND 10", name="horizon_range"),
        sa.CheckConstraint("discount_rate > -1", name="discount_rate_range"),
    )
    op.create_table(
        "key_counter",
        sa.Column("prefix", sa.String(1), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "lane",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("metric", sa.String(200), nullable=False),
        sa.Column("baseline", sa.Float, nullable=True),
        sa.Column("target", sa.Float, nullable=True),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column(
            "outcome_id",
            sa.Integer,
            sa.ForeignKey("outcome.id", ondelete="RESTRICT"),
            nullable=True,
            index=True,
        ),
        sa.Column("decision_point", sa.String(60), nullable=False),
        sa.Column(
            "lane_id",
            sa.Integer,
            sa.ForeignKey("lane.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("team", sa.String(120), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("readiness_data", sa.Integer, nullable=False),
        sa.Column("readiness_model_risk", sa.Integer, nullable=False),
        sa.Column("readiness_monitoring", sa.Integer, nullable=False),
        sa.Column("readiness_compliance", sa.Integer, nullable=False),
        sa.Column("success_criteria", sa.Text, nullable=False),
        sa.Column("acceptable_failure_modes", sa.Text, nullable=False),
        sa.Column("assumptions", sa.Text, nullable=False),
        sa.Column("confidence", sa.Integer, nullable=False),
        sa.CheckConstraint("readiness_data BETWEEN 0 AND 4", name="readiness_data_range"),
        sa.CheckConstraint("readiness_model_risk BETWEEN 0 AND 4", name="readiness_model_risk_range"),
        sa.CheckConstraint("readiness_monitoring BETWEEN 0 AND 4", name="readiness_monitoring_range"),
        sa.CheckConstraint("readiness_compliance BETWEEN 0 AND 4", name="readiness_compliance_range"),
        sa.CheckConstraint("confidence BETWEEN 0 AND 100", name="confidence_range"),
        sa.CheckConstraint("position >= 0", name="position_range"),
    )
    op.create_table(
        "gate_override",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "initiative_id",
            sa.Integer,
            sa.ForeignKey("initiative.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(120), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
