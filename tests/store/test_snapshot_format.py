"""The snapshot payload format: any content, stored whole or as changes from any other, reads back
exactly; a payload that is damaged or of the wrong kind is refused as damage."""

from __future__ import annotations

import lzma

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align_desktop.store.errors import WorkspaceDamaged
from align_desktop.store.snapshot_content import Content, TableContent
from align_desktop.store.snapshot_format import decode, encode_changes, encode_whole, payload_problem

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=30),
)
LANE_COLUMNS = ("id", "name", "position")
NEED_COLUMNS = ("initiative_id", "capability_id", "required_level")


@st.composite
def contents(draw: st.DrawFn) -> Content:
    """Lanes keyed by id and capability needs keyed by two ids, with any values in the other columns."""
    lanes = draw(st.dictionaries(st.integers(1, 40), st.tuples(VALUES, VALUES), max_size=12))
    needs = draw(st.dictionaries(st.tuples(st.integers(1, 9), st.integers(1, 9)), VALUES, max_size=20))
    return {
        "lane": TableContent(LANE_COLUMNS, {(key,): (key, *rest) for key, rest in lanes.items()}),
        "capability_need": TableContent(NEED_COLUMNS, {key: (*key, level) for key, level in needs.items()}),
    }


@settings(max_examples=150, deadline=None)
@given(contents(), contents())
def test_content_reads_back_exactly_whole_and_as_changes_from_any_base(base: Content, content: Content) -> None:
    assert decode(encode_whole(content), None, snapshot_id=1) == content
    assert decode(encode_changes(base, content), base, snapshot_id=2) == content


def test_a_table_whose_columns_changed_is_stored_whole_in_a_changes_payload() -> None:
    base = {"lane": TableContent(("id", "name"), {(1,): (1, "Now")})}
    content = {"lane": TableContent(LANE_COLUMNS, {(1,): (1, "Now", 0)})}

    assert decode(encode_changes(base, content), base, snapshot_id=2) == content


def test_unchanged_tables_are_left_out_of_a_changes_payload() -> None:
    content = {"lane": TableContent(LANE_COLUMNS, {(1,): (1, "Now", 0), (2,): (2, "Next", 1)})}
    moved = {"lane": TableContent(LANE_COLUMNS, {(1,): (1, "Now", 1), (2,): (2, "Next", 1)})}

    assert lzma.decompress(encode_changes(content, content)) == b'{"format":1,"kind":"changes","tables":{}}'
    assert b'"changed":[[[1],{"position":1}]]' in lzma.decompress(encode_changes(content, moved))


@pytest.mark.parametrize(
    "payload",
    [
        b"not xz at all",
        lzma.compress(b"[1, 2]"),
        lzma.compress(b'{"format":1,"kind":"changes","tables":{}}'),
        lzma.compress(b'{"format":2,"kind":"whole","tables":{}}'),
        lzma.compress(b'{"format":1,"kind":"whole","tables":{"audit_entry":{"columns":[],"data":[]}}}'),
        lzma.compress(b'{"format":1,"kind":"whole","tables":{"lane":{"columns":["id"],"data":[[1],[2]]}}}'),
    ],
)
def test_a_damaged_payload_is_refused_as_damage_naming_the_snapshot(payload: bytes) -> None:
    with pytest.raises(WorkspaceDamaged, match="Snapshot 4 cannot be read: it is damaged"):
        decode(payload, None, snapshot_id=4)


def test_payload_problem_says_why_without_reading_the_rows() -> None:
    whole = encode_whole({})

    assert payload_problem(whole, whole=True) is None
    assert payload_problem(whole, whole=False) == "not a payload of changes in format 1"
