"""Workshop mode: sessions with participants and a time-boxed agenda, dot votes, the decision log
(decisions, actions, parking lot) with links to items, retrospectives, snapshots, and the audit trail.

The audit trail is kept by triggers, so that every write path (forms, board moves, imports, undo)
records who changed a score, lane, status, business-case input or risk rating, when, and in which
session: the session is the one started and not yet ended; who is `audit_context.who`, which the
store sets in each write transaction. Without that row the triggers record nothing: copying rows
wholesale (undoing an import, a rescue) empties it first and fills it last, so that rows put back
are not recorded as changes. A team workspace on PostgreSQL has the same triggers, each calling a PL/pgSQL
function, and records the same rows.

Revision ID: 0005
Revises: 0004
"""

from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
WHO = "COALESCE((SELECT who FROM audit_context WHERE id = 1), '')"
SERVER_NOW = "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')"
"""On a server, as `NOW` in a file: UTC to the millisecond, one time for all that one statement records."""
SERVER_AS_TEXT = """CREATE FUNCTION audit_text(value anyelement) RETURNS text LANGUAGE plpgsql STABLE
SET extra_float_digits = 0 AS $$ DECLARE
    written text = CAST(value AS text);
BEGIN
    IF pg_typeof(value) <> CAST('double precision' AS regtype) THEN
        RETURN written;
    ELSIF written IN ('0', '-0') THEN
        RETURN '0.0';
    ELSIF written IN ('Infinity', '-Infinity') THEN
        RETURN replace(written, 'inity', '');
    ELSIF written ~ '^-?[0-9]+$' THEN
        RETURN written || '.0';
    ELSIF written ~ '^-?[0-9]+e' THEN
        RETURN replace(written, 'e', '.0e');
    END IF;
    RETURN written;
END $$"""
"""A value as text on a server, as `CAST(value AS TEXT)` writes it in a file: a float to 15 significant digits,
always with a fraction ("2.0", "0.25", "1.0e+15", "Inf"); anything else as PostgreSQL writes it."""
AUDITING = "EXISTS (SELECT 1 FROM audit_context)"
RUNNING_SESSION = (
    "(SELECT id FROM workshop_session WHERE started_at IS NOT NULL AND ended_at IS NULL "
    "ORDER BY started_at DESC, id DESC LIMIT 1)"
)
YEARS = range(11)

INITIATIVE_KEY = "(SELECT key FROM initiative WHERE id = {row}.initiative_id)"
LANE_NAME = "(SELECT name FROM lane WHERE id = {row}.lane_id)"
INITIATIVE_EXISTS = "EXISTS (SELECT 1 FROM initiative WHERE id = {row}.initiative_id)"

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
        sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
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
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
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
    for statement in audit_triggers() if op.get_bind().dialect.name == "sqlite" else server_audit_triggers():
        op.execute(statement)


@dataclass(frozen=True)
class _Trigger:
    """One audit trigger, as either engine writes it: what fires it, and the audit_entry rows it records."""

    name: str
    table: str
    event: str
    """UPDATE OF a column, INSERT or DELETE."""
    changed: str | None
    """The column an UPDATE must change to be recorded."""
    initiative_of: str | None
    """NEW or OLD: record only while that row's initiative exists (not when the initiative goes)."""
    entries: list[tuple[str, str, str, str, str | None, str | None]]
    """Each row recorded: item kind, item key, field, detail, old value and new value (None records NULL)."""


def _triggers() -> list[_Trigger]:
    """Every audit trigger of `AUDITED` and `ADDED_AND_REMOVED`, in the order they are created."""
    triggers = []
    entry: tuple[str, str, str, str, str | None, str | None]
    for table, kind, key, fields in AUDITED:
        detail = "NEW.key" if table == "cost_line" else "NULL"
        for field, value in fields:
            column = value.removeprefix("{row}.") if value.startswith("{row}.") else f"{field}_id"
            entry = (kind, key.format(row="NEW"), field, detail, value.format(row="OLD"), value.format(row="NEW"))
            triggers.append(_Trigger(f"audit_{table}_{field}", table, f"UPDATE OF {column}", column, None, [entry]))
    for table, field, value in ADDED_AND_REMOVED:
        for event, row, old, new in (("INSERT", "NEW", None, f"NEW.{value}"), ("DELETE", "OLD", f"OLD.{value}", None)):
            detail = f"{row}.key" if table == "cost_line" else "NULL"
            entry = ("initiative", INITIATIVE_KEY.format(row=row), field, detail, old, new)
            triggers.append(_Trigger(f"audit_{table}_{event.lower()}", table, event, None, row, [entry]))
    leaves = ("initiative", INITIATIVE_KEY.format(row="OLD"), "cost_line", "NEW.key", "OLD.description", None)
    joins = ("initiative", INITIATIVE_KEY.format(row="NEW"), "cost_line", "NEW.key", None, "NEW.description")
    triggers.append(
        _Trigger(
            "audit_cost_line_moved", "cost_line", "UPDATE OF initiative_id", "initiative_id", None, [leaves, joins]
        )
    )
    return triggers


def _insert(trigger: _Trigger, now: str, as_text: str) -> str:
    """The INSERT recording `trigger`'s rows at `now`, each value put as text by `as_text` ("CAST({} AS TEXT)")."""
    rows = ", ".join(
        f"({now}, {WHO}, {RUNNING_SESSION}, '{kind}', {key}, '{field}', {detail}, "
        + ", ".join("NULL" if value is None else as_text.format(value) for value in (old, new))
        + ")"
        for kind, key, field, detail, old, new in trigger.entries
    )
    return (
        "INSERT INTO audit_entry "
        f"(recorded_at, who, session_id, item_kind, item_key, field, detail, old_value, new_value) VALUES {rows}"
    )


def audit_triggers() -> list[str]:
    """The workspace file's triggers: one per watched column (an UPDATE that changes it records the old
    and new value), one per business-case or cost-line INSERT and DELETE, one for a cost line moved."""
    statements = []
    for trigger in _triggers():
        conditions = [f"OLD.{trigger.changed} IS NOT NEW.{trigger.changed}"] if trigger.changed else []
        conditions.append(AUDITING)
        if trigger.initiative_of:
            conditions.append(INITIATIVE_EXISTS.format(row=trigger.initiative_of))
        statements.append(
            f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table} "
            f"WHEN {' AND '.join(conditions)} BEGIN {_insert(trigger, NOW, 'CAST({} AS TEXT)')}; END"
        )
    return statements


def server_audit_triggers() -> list[str]:
    """A team workspace's triggers, recording the same rows as the file's (`audit_triggers`): `SERVER_AS_TEXT`
    first, then per trigger a PL/pgSQL function (a WHEN clause cannot hold the subqueries) and the trigger."""
    statements = [SERVER_AS_TEXT]
    for trigger in _triggers():
        conditions = [AUDITING]
        if trigger.initiative_of:
            conditions.append(INITIATIVE_EXISTS.format(row=trigger.initiative_of))
        when = f"WHEN (OLD.{trigger.changed} IS DISTINCT FROM NEW.{trigger.changed}) " if trigger.changed else ""
        statements += [
            f"CREATE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF {' AND '.join(conditions)} THEN {_insert(trigger, SERVER_NOW, 'audit_text({})')}; END IF; "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table} FOR EACH ROW "
            f"{when}EXECUTE FUNCTION {trigger.name}()",
        ]
    return statements


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
