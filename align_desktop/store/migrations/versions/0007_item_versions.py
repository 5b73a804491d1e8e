"""Optimistic concurrency: every item carries a version, and who changed it last and when.

Many people edit a team workspace at once. An edit made in a form opened at one version of an item
is refused when the item has moved on since (`store.versions`); for that, each item table gains
`version` (1 for every existing row), `changed_by` ('') and `changed_at` (UTC, NULL until stamped).

Triggers keep them, so that every write path (forms, board moves, votes written into scores,
imports, undo) counts: an UPDATE that changes a column people edit (`VERSIONED`; never `position`,
so that reordering siblings on the board is no change to them) and does not set `version` itself
bumps the version by one and stamps `changed_by` (`audit_context.who`, '' when no one is named) and
`changed_at`. An UPDATE that does set `version` (rows put back with the version they carry) is left
as it is. An INSERT starts at version 1 and, while `audit_context` names the author (in every write
of the store), is stamped the same way unless it brings its own `changed_at`: rows copied wholesale
(undoing an import, a rescue, undoing a delete) keep what they carry. A workspace file's triggers
update the row once more after the write (SQLite's recursive triggers are off, so that update
fires nothing); a team workspace's BEFORE triggers set the values in the row being written.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
"""UTC now, written as SQLAlchemy writes a date and time in a file (to the microsecond)."""
SERVER_NOW = "statement_timestamp() AT TIME ZONE 'UTC'"
WHO = "COALESCE((SELECT who FROM audit_context WHERE id = 1), '')"
NAMED = "EXISTS (SELECT 1 FROM audit_context)"
YEARS = range(11)

VERSIONED: dict[str, tuple[str, tuple[str, ...]]] = {
    # table: (primary key, the columns people edit)
    "outcome": ("id", ("name", "metric", "baseline", "target", "unit", "owner", "description")),
    "initiative": (
        "id",
        (
            "title",
            "description",
            "outcome_id",
            "decision_point",
            "lane_id",
            "status",
            "team",
            "owner",
            "readiness_data",
            "readiness_model_risk",
            "readiness_monitoring",
            "readiness_compliance",
            "success_criteria",
            "acceptable_failure_modes",
            "assumptions",
            "confidence",
        ),
    ),
    "business_case": (
        "initiative_id",
        (
            "annual_benefit",
            "benefit_baseline",
            "benefit_uplift",
            "benefit_value_per_unit",
            "benefit_unit",
            *(f"adoption_{year}" for year in YEARS),
        ),
    ),
    "cost_line": ("id", ("initiative_id", "category", "description", *(f"amount_{year}" for year in YEARS))),
    "capability": (
        "id",
        (
            "name",
            "category",
            "description",
            "owner",
            "sla_target",
            "performance_metric",
            "annual_run_cost",
            "cost_owner",
            "current_maturity",
            "target_maturity",
            "status",
        ),
    ),
    "risk": (
        "id",
        (
            "title",
            "description",
            "category",
            "impact_area",
            "likelihood",
            "impact",
            "residual_likelihood",
            "residual_impact",
            "treatment",
            "mitigation_plan",
            "trigger",
            "owner",
            "status",
            "review_date",
            "acceptance_rationale",
            "acceptance_expiry",
        ),
    ),
    "workshop_session": ("id", ("title", "held_on", "notes")),
    "log_entry": ("id", ("text", "owner", "due_on", "done")),
}
"""The item tables, and the columns whose change is a new version of the item. A session's start and end are
not edits of it; its participants and agenda, and a log entry's links, live in tables of their own: the store
bumps the version when an edit changes those (`store.versions.touch`)."""

CASE_BLIND = {("capability", "name")}
"""Columns compared ignoring case (NOCASE): renaming 'feature store' to 'Feature Store' is a change all the same,
so the triggers compare them byte by byte (`BINARY` in a file, `SERVER_BINARY` on a server)."""
BINARY = " COLLATE BINARY"
SERVER_BINARY = ' COLLATE "C"'


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer, nullable=False, server_default=sa.text("1")))
        op.add_column(table, sa.Column("changed_by", sa.String(120), nullable=False, server_default=""))
        op.add_column(table, sa.Column("changed_at", sa.DateTime, nullable=True))
    for statement in version_triggers() if op.get_bind().dialect.name == "sqlite" else server_version_triggers():
        op.execute(statement)


def _listed(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{column}"' for column in columns)  # quoted: a risk has a column called trigger


def _changed(table: str, columns: tuple[str, ...], differ: str, exactly: str) -> str:
    """The condition that an UPDATE changed one of `columns`: `differ` ("IS NOT") between OLD and NEW, each
    case-blind column compared `exactly` (a COLLATE clause)."""
    return " OR ".join(
        f'OLD."{column}" {differ} NEW."{column}"{exactly if (table, column) in CASE_BLIND else ""}'
        for column in columns
    )


def version_triggers() -> list[str]:
    """A workspace file's triggers: per item table one that bumps the version, one that stamps an insert."""
    statements = []
    for table, (key, columns) in VERSIONED.items():
        stamp = f"changed_by = {WHO}, changed_at = {NOW} WHERE {key} = NEW.{key}"
        statements += [
            f"CREATE TRIGGER version_{table} AFTER UPDATE OF {_listed(columns)} ON {table} "
            f"WHEN NEW.version = OLD.version AND ({_changed(table, columns, 'IS NOT', BINARY)}) "
            f"BEGIN UPDATE {table} SET version = OLD.version + 1, {stamp}; END",
            f"CREATE TRIGGER version_{table}_insert AFTER INSERT ON {table} "
            f"WHEN NEW.changed_at IS NULL AND {NAMED} BEGIN UPDATE {table} SET {stamp}; END",
        ]
    return statements


def server_version_triggers() -> list[str]:
    """A team workspace's triggers, keeping the same values as the file's (`version_triggers`): two PL/pgSQL
    functions that every item table's triggers share."""
    statements = [
        "CREATE FUNCTION version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"NEW.version = OLD.version + 1; NEW.changed_by = {WHO}; NEW.changed_at = {SERVER_NOW}; "
        "RETURN NEW; END $$",
        "CREATE FUNCTION version_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF {NAMED} THEN NEW.changed_by = {WHO}; NEW.changed_at = {SERVER_NOW}; END IF; "
        "RETURN NEW; END $$",
    ]
    for table, (_, columns) in VERSIONED.items():
        statements += [
            f"CREATE TRIGGER version_{table} BEFORE UPDATE OF {_listed(columns)} ON {table} FOR EACH ROW "
            f"WHEN (NEW.version = OLD.version AND ({_changed(table, columns, 'IS DISTINCT FROM', SERVER_BINARY)})) "
            "EXECUTE FUNCTION version_bump()",
            f"CREATE TRIGGER version_{table}_insert BEFORE INSERT ON {table} FOR EACH ROW "
            "WHEN (NEW.changed_at IS NULL) EXECUTE FUNCTION version_stamp()",
        ]
    return statements


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
