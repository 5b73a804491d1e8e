"""Workshop mode: sessions with participants and a time-boxed agenda, dot votes, the decision log
(decisions, actions, parking lot) with links to items, retrospectives, snapshots, and the audit trail.

The audit trail is kept by triggers, so that every write path (forms, board moves, imports, undo)
records who changed a score, lane, status, business-case input or risk rating, when, and in which
session: the session is the one started and not yet ended; who is `audit_context.who`, which the
store sets in each write transaction. Without that row the triggers record nothing: copying rows
wholesale (undoing an import, a rescue) empties it first and fills it last, so that rows put back
are not recorded as changes.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
WHO = "COALESCE((SELECT who FROM audit_context WHERE id = 1), '')"
AUDITING = "EXISTS (SELECT 1 FROM audit_context)"
RUNNING_SESSION = (
    "(SELECT id FROM workshop_session WHERE started_at IS NOT NULL AND ended_at IS NULL "
    "ORDER BY started_at DESC, id DESC LIMIT 1)"
)
YEARS = range(11)

INITIATIVE_KEY = "(SELECT key FROM initiative WHERE id = {row}.initiative_id)"
LANE_NAME = "(SELECT name FROM lane WHERE id = {row}.lane_id)"

AUDITED: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # table, item kind, item key expression, [(field as recorded, value expression)]
    (
        "initiative",
        "initiative",
        "{row}.key",
        [
            ("lane", LANE_NAME),
            ("status", "{row}.status"),
            ("readiness_data", "{row}.readiness_data"),
            ("readiness_model_risk", "{row}.readiness_model_risk"),
            ("readiness_monitoring", "{row}.readiness_monitoring"),
            ("readiness_compliance", "{row}.readiness_compliance"),
            ("confidence", "{row}.confidence"),
        ],
    ),
    (
        "business_case",
        "initiative",
        INITIATIVE_KEY,
        [
            (name, "{row}." + name)
            for name in (
                "annual_benefit",
                "benefit_baseline",
                "benefit_uplift",
                "benefit_value_per_unit",
                "benefit_unit",
                *(f"adoption_{year}" for year in YEARS),
            )
        ],
    ),
    (
        "cost_line",
        "initiative",
        INITIATIVE_KEY,
        [(name, "{row}." + name) for name in ("category", "description", *(f"amount_{year}" for year in YEARS))],
    ),
    (
        "capability",
        "capability",
        "{row}.key",
        [(name, "{row}." + name) for name in ("current_maturity", "target_maturity", "status")],
    ),
    (
        "risk",
        "risk",
        "{row}.key",
        [
            (name, "{row}." + name)
            for name in ("likelihood", "impact", "residual_likelihood", "residual_impact", "treatment", "status")
        ],
    ),
]
"""What the audit trail watches: UPDATEs that change these columns. Cost-line entries name the line in `detail`."""

ADDED_AND_REMOVED: list[tuple[str, str, str]] = [
    # table, field as recorded, the value that stands for the row
    ("business_case", "business_case", "annual_benefit"),
    ("cost_line", "cost_line", "description"),
]
"""Business-case rows and cost lines added or removed are input changes too (not when their initiative goes);
a cost line moved to another initiative is removed from one and added to the other."""


def upgrade() -> None:
    op.create_table(
        "workshop_session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=True),
        sa.Column("ended_at", sa.DateTime, nullable=True),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "session_participant",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("workshop_session.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120, collation="NOCASE"), nullable=False),
        sa.UniqueConstraint("session_id", "name", name="participant_once"),
    )
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("workshop_session.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("time_box_minutes", sa.Integer, nullable=False),
        sa.Column("spent_seconds", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.CheckConstraint("time_box_minutes BETWEEN 1 AND 600", name="time_box_range"),
        sa.CheckConstraint("spent_seconds >= 0", name="spent_not_negative"),
    )
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("workshop_session.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(20), nullable=False),
        sa.Column("dots_per_participant", sa.Integer, nullable=False),
        sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("written_to", sa.String(40), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("subject IN ('initiative', 'capability', 'risk')", name="vote_subject"),
        sa.CheckConstraint("dots_per_participant BETWEEN 1 AND 20", name="dots_range"),
    )
    op.create_table(
        "vote_dot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("vote_id", sa.Integer, sa.ForeignKey("vote.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column(
            "participant_id",
            sa.Integer,
            sa.ForeignKey("session_participant.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("item_key", sa.String(12), nullable=False),
    )
    op.create_table(
        "log_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(12), nullable=False, unique=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("workshop_session.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.String(120), nullable=False, server_default=""),
        sa.Column("due_on", sa.Date, nullable=True),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.CheckConstraint("kind IN ('decision', 'action', 'parking')", name="log_kind"),
    )
    op.create_table(
        "log_link",
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("log_entry.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_key", sa.String(12), primary_key=True, index=True),
    )
    op.create_table(
        "retrospective",
        sa.Column("initiative_id", sa.Integer, sa.ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("what_worked", sa.Text, nullable=False),
        sa.Column("what_failed", sa.Text, nullable=False),
        sa.Column("written_at", sa.DateTime, nullable=False),
        sa.Column("written_by", sa.String(120), nullable=False),
    )
    op.create_table(
        "snapshot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("workshop_session.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("reason", sa.String(10), nullable=False),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("taken_by", sa.String(120), nullable=False),
        sa.Column("base_id", sa.Integer, sa.ForeignKey("snapshot.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.CheckConstraint("reason IN ('start', 'end', 'manual')", name="snapshot_reason"),
    )
    op.create_table(
        "audit_context",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("who", sa.String(120), nullable=False),
        sa.CheckConstraint("id = 1", name="one_context"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("recorded_at", sa.String(23), nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("workshop_session.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("item_kind", sa.String(20), nullable=False),
        sa.Column("item_key", sa.String(12), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(12), nullable=True),
        sa.Column("old_value", sa.Text, nullable=True),
        sa.Column("new_value", sa.Text, nullable=True),
    )
    op.create_index("audit_entry_item", "audit_entry", ["item_key", "id"])
    for statement in audit_triggers():
        op.execute(statement)


def audit_triggers() -> list[str]:
    """One trigger per watched column: an UPDATE that changes it records the old and new value."""
    statements = []
    for table, kind, key, fields in AUDITED:
        detail = "NEW.key" if table == "cost_line" else "NULL"
        for field, value in fields:
            column = value.removeprefix("{row}.") if value.startswith("{row}.") else f"{field}_id"
            old, new = value.format(row="OLD"), value.format(row="NEW")
            statements.append(
                f"CREATE TRIGGER audit_{table}_{field} AFTER UPDATE OF {column} ON {table} "
                f"WHEN OLD.{column} IS NOT NEW.{column} AND {AUDITING} BEGIN "
                "INSERT INTO audit_entry "
                "(recorded_at, who, session_id, item_kind, item_key, field, detail, old_value, new_value) "
                f"VALUES ({NOW}, {WHO}, {RUNNING_SESSION}, '{kind}', {key.format(row='NEW')}, '{field}', "
                f"{detail}, CAST({old} AS TEXT), CAST({new} AS TEXT)); END"
            )
    for table, field, value in ADDED_AND_REMOVED:
        for event, row, old, new in (("INSERT", "NEW", "NULL", "NEW"), ("DELETE", "OLD", "OLD", "NULL")):
            detail = f"{row}.key" if table == "cost_line" else "NULL"
            old_value = "NULL" if old == "NULL" else f"CAST(OLD.{value} AS TEXT)"
            new_value = "NULL" if new == "NULL" else f"CAST(NEW.{value} AS TEXT)"
            statements.append(
                f"CREATE TRIGGER audit_{table}_{event.lower()} AFTER {event} ON {table} "
                f"WHEN {AUDITING} AND EXISTS (SELECT 1 FROM initiative WHERE id = {row}.initiative_id) BEGIN "
                "INSERT INTO audit_entry "
                "(recorded_at, who, session_id, item_kind, item_key, field, detail, old_value, new_value) "
                f"VALUES ({NOW}, {WHO}, {RUNNING_SESSION}, 'initiative', {INITIATIVE_KEY.format(row=row)}, "
                f"'{field}', {detail}, {old_value}, {new_value}); END"
            )
    statements.append(
        "CREATE TRIGGER audit_cost_line_moved AFTER UPDATE OF initiative_id ON cost_line "
        f"WHEN OLD.initiative_id IS NOT NEW.initiative_id AND {AUDITING} BEGIN "
        "INSERT INTO audit_entry "
        "(recorded_at, who, session_id, item_kind, item_key, field, detail, old_value, new_value) VALUES "
        f"({NOW}, {WHO}, {RUNNING_SESSION}, 'initiative', {INITIATIVE_KEY.format(row='OLD')}, 'cost_line', "
        "NEW.key, CAST(OLD.description AS TEXT), NULL), "
        f"({NOW}, {WHO}, {RUNNING_SESSION}, 'initiative', {INITIATIVE_KEY.format(row='NEW')}, 'cost_line', "
        "NEW.key, NULL, CAST(NEW.description AS TEXT)); END"
    )
    return statements


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
