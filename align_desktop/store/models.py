"""SQLAlchemy models of a workspace. Only the store imports this module; the UI receives rows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class VersionedItem:
    """The version an item is at, with who changed it last and when (UTC), kept by the triggers of migration 0007.

    An edit made against an older version is refused (`store.versions`)."""

    COLUMNS = ("version", "changed_by", "changed_at")

    version: Mapped[int] = mapped_column(server_default=text("1"))
    changed_by: Mapped[str] = mapped_column(String(120), server_default="")
    changed_at: Mapped[datetime | None] = mapped_column()


def version_columns() -> list[Column[object]]:
    """`VersionedItem`'s columns, for the tables declared as `Table`s."""
    return [
        Column("version", Integer, nullable=False, server_default=text("1")),
        Column("changed_by", String(120), nullable=False, server_default=""),
        Column("changed_at", DateTime, nullable=True),
    ]


class WorkspaceSettings(Base):
    """The single row of workspace-wide settings."""

    __tablename__ = "workspace"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("readiness_gate BETWEEN 0 AND 4", name="gate_range"),
        CheckConstraint("horizon BETWEEN 1 AND 10", name="horizon_range"),
        CheckConstraint("discount_rate > -1", name="discount_rate_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    # Float as in migration 0001: a bare Mapped[float] would be Double, a schema difference
    discount_rate: Mapped[float] = mapped_column(Float)
    horizon: Mapped[int]
    readiness_gate: Mapped[int]
    created_at: Mapped[datetime]
    pessimistic_benefit: Mapped[float] = mapped_column(Float, server_default=text("0.7"))
    pessimistic_cost: Mapped[float] = mapped_column(Float, server_default=text("1.2"))
    optimistic_benefit: Mapped[float] = mapped_column(Float, server_default=text("1.2"))
    optimistic_cost: Mapped[float] = mapped_column(Float, server_default=text("0.9"))
    risk_appetite: Mapped[int] = mapped_column(server_default=text("9"))


class KeyCounter(Base):
    """The last number handed out per key prefix, so that keys are never reused."""

    __tablename__ = "key_counter"

    prefix: Mapped[str] = mapped_column(String(1), primary_key=True)
    last: Mapped[int]


class Lane(Base):
    """A roadmap horizon column of the board."""

    __tablename__ = "lane"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int]


class Outcome(VersionedItem, Base):
    """A business objective with a metric moving from baseline to target."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    metric: Mapped[str] = mapped_column(String(200), default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Initiative(VersionedItem, Base):
    """A roadmap item: a product feature where ML adds value, placed in a lane."""

    __tablename__ = "initiative"
    __table_args__ = (
        CheckConstraint("readiness_data BETWEEN 0 AND 4", name="readiness_data_range"),
        CheckConstraint("readiness_model_risk BETWEEN 0 AND 4", name="readiness_model_risk_range"),
        CheckConstraint("readiness_monitoring BETWEEN 0 AND 4", name="readiness_monitoring_range"),
        CheckConstraint("readiness_compliance BETWEEN 0 AND 4", name="readiness_compliance_range"),
        CheckConstraint("confidence BETWEEN 0 AND 100", name="confidence_range"),
        CheckConstraint("position >= 0", name="position_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("outcome.id", ondelete="RESTRICT"), index=True)
    decision_point: Mapped[str] = mapped_column(String(60))
    lane_id: Mapped[int] = mapped_column(ForeignKey("lane.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))
    team: Mapped[str] = mapped_column(String(120), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    readiness_data: Mapped[int] = mapped_column(default=0)
    readiness_model_risk: Mapped[int] = mapped_column(default=0)
    readiness_monitoring: Mapped[int] = mapped_column(default=0)
    readiness_compliance: Mapped[int] = mapped_column(default=0)
    success_criteria: Mapped[str] = mapped_column(Text, default="")
    acceptable_failure_modes: Mapped[str] = mapped_column(Text, default="")
    assumptions: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[int] = mapped_column(default=50)


class GateOverride(Base):
    """A written reason for letting an initiative past the readiness gate, with who and when."""

    __tablename__ = "gate_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime]


YEARS = range(11)
"""Year 0 … the longest horizon (10): business-case values are kept in one column per year."""


def adoption_column(year: int) -> str:
    return f"adoption_{year}"


def amount_column(year: int) -> str:
    return f"amount_{year}"


class BusinessCase(Base):
    """An initiative's benefit at full adoption, its working, and adoption (0…1) by year."""

    __table__ = Table(
        "business_case",
        Base.metadata,
        Column("initiative_id", Integer, ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
        Column("annual_benefit", Float, nullable=False),
        Column("benefit_baseline", Float, nullable=True),
        Column("benefit_uplift", Float, nullable=True),
        Column("benefit_value_per_unit", Float, nullable=True),
        Column("benefit_unit", String(40), nullable=False),
        *[Column(adoption_column(year), Float, nullable=True) for year in YEARS],
        *version_columns(),
        CheckConstraint("annual_benefit >= 0", name="benefit_not_negative"),
        *[CheckConstraint(f"adoption_{year} BETWEEN 0 AND 1", name=f"adoption_{year}_range") for year in YEARS],
    )


class CostLine(Base):
    """One line of an initiative's total cost of ownership, with an amount per year."""

    __table__ = Table(
        "cost_line",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("key", String(12), nullable=False, unique=True),
        Column("initiative_id", Integer, ForeignKey("initiative.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        Column("category", String(40), nullable=False),
        Column("description", String(200), nullable=False),
        *[Column(amount_column(year), Float, nullable=True) for year in YEARS],
        *version_columns(),
        *[CheckConstraint(f"amount_{year} >= 0", name=f"amount_{year}_not_negative") for year in YEARS],
    )


class Capability(VersionedItem, Base):
    """A reusable platform building block with its owner, SLA, run cost and maturity (1–5)."""

    __tablename__ = "capability"
    __table_args__ = (
        CheckConstraint("annual_run_cost >= 0", name="run_cost_not_negative"),
        CheckConstraint("current_maturity BETWEEN 1 AND 5", name="current_maturity_range"),
        CheckConstraint("target_maturity BETWEEN 1 AND 5", name="target_maturity_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120, collation="NOCASE"), unique=True)
    """Unique ignoring case."""
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    sla_target: Mapped[str] = mapped_column(String(200))
    performance_metric: Mapped[str] = mapped_column(String(200))
    annual_run_cost: Mapped[float] = mapped_column(Float)
    cost_owner: Mapped[str] = mapped_column(String(120))
    current_maturity: Mapped[int]
    target_maturity: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))


class CapabilityNeed(Base):
    """The maturity level (1–5) an initiative needs of a capability."""

    __tablename__ = "capability_need"
    __table_args__ = (CheckConstraint("required_level BETWEEN 1 AND 5", name="required_level_range"),)

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True)
    capability_id: Mapped[int] = mapped_column(
        ForeignKey("capability.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    required_level: Mapped[int]


class Risk(VersionedItem, Base):
    """A risk in business terms, rated 1–5 for likelihood and impact before and after treatment."""

    __tablename__ = "risk"
    __table_args__ = tuple(
        CheckConstraint(f"{scale} BETWEEN 1 AND 5", name=f"{scale}_range")
        for scale in ("likelihood", "impact", "residual_likelihood", "residual_impact")
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40))
    impact_area: Mapped[str] = mapped_column(String(40))
    likelihood: Mapped[int]
    impact: Mapped[int]
    residual_likelihood: Mapped[int]
    residual_impact: Mapped[int]
    treatment: Mapped[str] = mapped_column(String(20))
    mitigation_plan: Mapped[str] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20))
    review_date: Mapped[date | None]
    acceptance_rationale: Mapped[str] = mapped_column(Text)
    acceptance_expiry: Mapped[date | None]


class RiskInitiative(Base):
    """A risk threatens an initiative."""

    __tablename__ = "risk_initiative"

    risk_id: Mapped[int] = mapped_column(ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RiskCapability(Base):
    """A risk threatens a capability."""

    __tablename__ = "risk_capability"

    risk_id: Mapped[int] = mapped_column(ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True)
    capability_id: Mapped[int] = mapped_column(
        ForeignKey("capability.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class WorkshopSession(VersionedItem, Base):
    """A planning workshop: title, date, participants and agenda; running from `started_at` until `ended_at`."""

    __tablename__ = "workshop_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    notes: Mapped[str] = mapped_column(Text, server_default="")


class SessionParticipant(Base):
    """Someone in the room (a name only), in the order the facilitator listed them."""

    __tablename__ = "session_participant"
    __table_args__ = (UniqueConstraint("session_id", "name", name="participant_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(120, collation="NOCASE"))


class AgendaItem(Base):
    """One time-boxed activity of a session; `spent_seconds` is the time it actually took (so far, while it is
    `current`: the item the room is on while the session runs, at most one per session)."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("time_box_minutes BETWEEN 1 AND 600", name="time_box_range"),
        CheckConstraint("spent_seconds >= 0", name="spent_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    time_box_minutes: Mapped[int]
    spent_seconds: Mapped[int] = mapped_column(server_default=text("0"))
    current: Mapped[bool] = mapped_column(server_default=text("0"))


class Vote(Base):
    """A dot vote on initiatives, capabilities or risks: N dots per participant, hidden until revealed."""

    __tablename__ = "vote"
    __table_args__ = (
        CheckConstraint("subject IN ('initiative', 'capability', 'risk')", name="vote_subject"),
        CheckConstraint("dots_per_participant BETWEEN 1 AND 20", name="dots_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(20))
    dots_per_participant: Mapped[int]
    revealed: Mapped[bool] = mapped_column(server_default=text("0"))
    written_to: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]


class VoteDot(Base):
    """One dot a participant gave an item (by key) in a vote."""

    __tablename__ = "vote_dot"

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("session_participant.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(12))


class LogEntry(VersionedItem, Base):
    """A decision, an action (owner, due date) or a parking-lot item recorded during a session."""

    __tablename__ = "log_entry"
    __table_args__ = (CheckConstraint("kind IN ('decision', 'action', 'parking')", name="log_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(12), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    done: Mapped[bool] = mapped_column(server_default=text("0"))  # before `text` below hides sqlalchemy's text()
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120), server_default="")
    due_on: Mapped[date | None]
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(120))


class LogLink(Base):
    """A log entry is about an initiative, capability or risk (by key)."""

    __tablename__ = "log_link"

    entry_id: Mapped[int] = mapped_column(ForeignKey("log_entry.id", ondelete="CASCADE"), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(12), primary_key=True, index=True)


class Retrospective(Base):
    """What worked and what failed, written for an initiative after it shipped."""

    __tablename__ = "retrospective"

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True)
    what_worked: Mapped[str] = mapped_column(Text)
    what_failed: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime]
    written_by: Mapped[str] = mapped_column(String(120))


class Snapshot(Base):
    """The whole workspace at one moment; `payload` holds it whole or as changes from `base_id`."""

    __tablename__ = "snapshot"
    __table_args__ = (CheckConstraint("reason IN ('start', 'end', 'manual')", name="snapshot_reason"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("workshop_session.id", ondelete="SET NULL"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(10))
    taken_at: Mapped[datetime]
    taken_by: Mapped[str] = mapped_column(String(120))
    base_id: Mapped[int | None] = mapped_column(ForeignKey("snapshot.id", ondelete="RESTRICT"))
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class AuditContext(Base):
    """Who the audit triggers record for the writes of the current transaction (one row, set by the store)."""

    __tablename__ = "audit_context"
    __table_args__ = (CheckConstraint("id = 1", name="one_context"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    who: Mapped[str] = mapped_column(String(120))


class TeamOrigin(Base):
    """Where a copy downloaded from a team workspace came from, and what it held then (migration 0008)."""

    __tablename__ = "team_origin"
    __table_args__ = (CheckConstraint("id = 1", name="one_origin"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(500))
    """The team workspace's address, without a password."""
    copy_id: Mapped[str] = mapped_column(String(32))
    """Names the copy (a random id given at download), so that the team workspace knows it once pushed."""
    downloaded_at: Mapped[datetime]
    downloaded_by: Mapped[str] = mapped_column(String(120))
    base: Mapped[bytes] = mapped_column(LargeBinary)
    """The copy's content at download (`store.push_content`)."""
    pushed_at: Mapped[datetime | None]
    """When the copy's changes were pushed back; a copy is pushed once."""


class PushedCopy(Base):
    """A copy whose changes were pushed to this team workspace; a copy is pushed once (migration 0008)."""

    __tablename__ = "pushed_copy"

    copy_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    pushed_at: Mapped[datetime]
    pushed_by: Mapped[str] = mapped_column(String(120))


class AuditEntry(Base):
    """One change to a watched field, written by the triggers of migration 0005 (never by Python code)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("audit_entry_item", "item_key", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recorded_at: Mapped[str] = mapped_column(String(23))
    who: Mapped[str] = mapped_column(String(120))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("workshop_session.id", ondelete="SET NULL"), index=True)
    item_kind: Mapped[str] = mapped_column(String(20))
    item_key: Mapped[str] = mapped_column(String(12))
    field: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(String(12))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
