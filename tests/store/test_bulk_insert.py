"""`insert_rows` stores exactly what SQLAlchemy's `insert()` stores; `collector_paused` restores the collector."""

from __future__ import annotations

import gc
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.orm import Session

from align_desktop.domain.risk import NEW_RISK
from align_desktop.store.bulk_insert import insert_rows
from align_desktop.store.collector import collector_paused
from align_desktop.store.connection import connect
from align_desktop.store.models import KeyCounter, Outcome, Risk
from align_desktop.store.workspace import Workspace

OUTCOMES: list[
    dict[str, Any]
] = [  # defaults left out (metric, unit, owner, description); whole numbers into float columns
    {"key": "O-001", "name": "Grow basket size", "baseline": 3, "target": 4.5},
    {"key": "O-002", "name": "Cut churn", "baseline": None, "target": -2},
]
RISKS: list[dict[str, Any]] = [  # dates, which SQLite stores as text
    {**NEW_RISK, "key": "R-001", "title": "Drift", "review_date": date(2027, 3, 31)},
    {**NEW_RISK, "key": "R-002", "title": "Bias", "acceptance_expiry": date(2026, 1, 2)},
]


def _stored(path: Path, table: Table) -> list[tuple[Any, ...]]:
    """Every row, without the time its insert was stamped at (the triggers' clock, a moment apart)."""
    columns = ", ".join(column.name for column in table.columns if column.name != "changed_at")
    connection = connect(path, read_only=True)
    try:
        return connection.execute(f"SELECT {columns} FROM {table.name} ORDER BY id").fetchall()
    finally:
        connection.close()


def _by_sqlalchemy(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(table), rows)


@pytest.mark.parametrize(("model", "rows"), [(Outcome, OUTCOMES), (Risk, RISKS)], ids=["outcome", "risk"])
def test_rows_are_stored_as_sqlalchemy_stores_them(tmp_path: Path, model: Any, rows: list[dict[str, Any]]) -> None:
    stored = []
    for name, write in (("plain", insert_rows), ("sqlalchemy", _by_sqlalchemy)):
        workspace = Workspace.create(tmp_path / f"{name}.align")
        with workspace.write() as session:
            write(session, model.__table__, [dict(row) for row in rows])
        workspace.close()
        stored.append(_stored(tmp_path / f"{name}.align", model.__table__))
    assert stored[0] == stored[1]
    assert len(stored[0]) == len(rows)


def test_pending_changes_are_flushed_first(workspace: Workspace) -> None:
    with workspace.write() as session:
        session.add(KeyCounter(prefix="Q", last=7))
        insert_rows(session, cast(Table, Outcome.__table__), [dict(OUTCOMES[0])])
        counters = session.connection().exec_driver_sql("SELECT last FROM key_counter WHERE prefix = 'Q'").all()
    assert counters == [(7,)]


def test_no_rows_write_nothing(workspace: Workspace) -> None:
    with workspace.write() as session:
        insert_rows(session, cast(Table, Outcome.__table__), [])
        assert session.scalars(select(Outcome.key)).all() == []


def test_a_default_computed_per_row_is_refused() -> None:
    table = Table("thing", MetaData(), Column("id", Integer, primary_key=True), Column("n", String, default=str))
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with Session(engine) as session, pytest.raises(TypeError, match=r"thing\.n has a default computed per row"):
        insert_rows(session, table, [{"id": 1}])


def test_the_collector_is_paused_and_then_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_item_rows_are_stamped_with_the_author_and_the_time_as_the_trigger_would(workspace: Workspace) -> None:
    with workspace.write() as session:
        insert_rows(session, cast(Table, Outcome.__table__), [dict(row) for row in OUTCOMES])
    with workspace.read() as db:
        stamped = db.execute("SELECT changed_by, changed_at IS NOT NULL, version FROM outcome ORDER BY id").fetchall()
    assert [tuple(row) for row in stamped] == [(workspace.author, 1, 1)] * 2


def test_rows_copied_with_their_stamps_keep_them(workspace: Workspace) -> None:
    copied = [{**OUTCOMES[0], "changed_by": "maria", "changed_at": datetime(2026, 1, 2, 3, 4, 5), "version": 4}]
    with workspace.write() as session:
        insert_rows(session, cast(Table, Outcome.__table__), copied)
    with workspace.read() as db:
        assert db.execute("SELECT changed_by, changed_at, version FROM outcome").fetchone() == (
            "maria",
            "2026-01-02 03:04:05.000000",
            4,
        )
