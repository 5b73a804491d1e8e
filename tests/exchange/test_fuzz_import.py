"""Fuzzing the workbook importer: damaged and hostile edits of a real export import, or are refused cleanly.

Two workbooks of the retail sample are the starting points: the app's own export (inline strings)
and the same with its text moved to a shared-strings part, as Excel saves text. Hypothesis damages
them in two ways:
- bytes of the .xlsx (a ZIP) flipped, overwritten, cut off or added to, in the local headers, in
  the central directory at the end, or anywhere;
- the XML of its sheets and shared strings, rezipped so that the ZIP is sound: values replaced
  (text for numbers, huge and negative numbers, NaN, blanks, keys, formulas, odd Unicode), cell
  types and cell addresses changed, rows dropped or copied (duplicate keys), sheets renamed (two
  of one name, say), junk spliced in.
Each damaged workbook goes through `plan_import` and, when the plan has no errors, `apply_plan`.
Every outcome must be one of:
- a refusal: a `WorkspaceError` (`ExchangeError`, for the workbook) in one line naming the
  workbook, or a plan whose every error is one line (and which `apply_plan` refuses); the
  workspace is then unchanged, byte for byte, with nothing left beside it;
- an import: the workspace then passes `check_workspace` and reads its board; or `apply_plan`
  refuses with a `WorkspaceError`, leaving every row as it was.
Any other exception fails the test, and so does an example that runs longer than `EXAMPLE_SECONDS`.

The test suite runs `EXAMPLES` workbooks with hostile cells and, as they cost a third as much,
three times as many with damaged bytes, derandomized so that every run tries the same workbooks.
To search further, set `ALIGN_FUZZ_EXAMPLES` (say, 2000): each such run draws new random examples.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from align_desktop.exchange import format as fmt
from align_desktop.exchange.errors import ExchangeError
from align_desktop.exchange.importer import apply_plan, plan_import
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.workspace import Workspace
from tests.store.test_fuzz_open import FUZZ as OPENER_FUZZ
from tests.store.test_fuzz_open import Append, Flip, Mutation, Overwrite, Truncate, assert_untouched, time_limit
from tests.store.test_imports import dump

EXAMPLES = int(os.environ.get("ALIGN_FUZZ_EXAMPLES", "100"))
EXAMPLE_SECONDS = 10.0
"""Far above the 0.3 s an import of the retail sample takes: an example this slow is a hang."""

FUZZ = settings(OPENER_FUZZ, max_examples=EXAMPLES)

SOURCES = ("export", "shared")
TEXT_PARTS = re.compile(r"xl/(worksheets/sheet\d+|sharedStrings)\.xml")
VALUE = re.compile(rb"(<(v|t)(?:\s[^>]*)?>)(.*?)(</\2>)", re.S)
"""A cell's value (`<v>`) or a string's text (`<t>`): opening tag, content, closing tag."""
CELL = re.compile(rb"<c(\s[^>]*?)?(/?)>")
"""A cell's opening tag, with its attributes."""
ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
REF = re.compile(rb'\br="[^"]*"')
INLINE = re.compile(rb'(<c\b[^>]*?)\st="inlineStr"([^>]*)><is><t(?:\s[^>]*)?>(.*?)</t></is></c>', re.S)
"""A cell of inline text: its tag before and after the type, and the text."""
SHEET_NAME = re.compile(rb'(<sheet\b[^>]*?\bname=")([^"]*)(")')
TYPE = re.compile(rb'\st="[^"]*"')

ODD_VALUES = [
    "",
    " ",
    "-1",
    "0",
    "-0",
    "1e308",
    "1e309",
    "-1e309",
    "-1e20",
    "NaN",
    "inf",
    "9" * 400,
    "0.5",
    "2.5",
    "100 %",
    "-5 %",
    "1,250.50",
    "EUR 1,250.50",
    "I-001",
    "I-999",
    "i-1",
    "I-0",
    "I-1000000000000",
    "O-001",
    "C-001",
    "R-001",
    "L-001",
    "=1+1",
    "@SUM(A1)",
    "#DIV/0!",
    "TRUE",
    "2024-02-30",
    "9999-12-31",
    "45000",
    "-45000",
    "\u202eevil",
    "\u200b",
    "𝟘",
    "\ufeff",
    "Now",
    "later",
    "live",
    "retired",
    "x" * 5000,
]
"""Cell texts that have broken importers: numbers out of range or as text, keys, formulas, odd Unicode."""


class Edit(Protocol):
    def apply(self, parts: dict[str, bytes]) -> None: ...


def _target(parts: dict[str, bytes], index: int) -> str:
    """One of the workbook's sheets or its shared strings, by a drawn index."""
    names = sorted(name for name in parts if TEXT_PARTS.fullmatch(name))
    return names[index % len(names)]


def _nth(pattern: re.Pattern[bytes], text: bytes, index: int) -> re.Match[bytes] | None:
    found = list(pattern.finditer(text))
    return found[index % len(found)] if found else None


@dataclass(frozen=True)
class SetText:
    """Replace a cell's value or a string's text."""

    part: int
    index: int
    text: str

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        found = _nth(VALUE, parts[name], self.index)
        if found is not None:
            value = escape(self.text).encode("utf-8")
            parts[name] = parts[name][: found.start(3)] + value + parts[name][found.end(3) :]


@dataclass(frozen=True)
class SetType:
    """Give a cell another type (`s` makes its value an index into the shared strings)."""

    part: int
    index: int
    kind: str

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        found = _nth(CELL, parts[name], self.index)
        if found is not None:
            attributes = TYPE.sub(b"", found.group(1) or b"") + f' t="{self.kind}"'.encode()
            tag = b"<c" + attributes + found.group(2) + b">"
            parts[name] = parts[name][: found.start()] + tag + parts[name][found.end() :]


@dataclass(frozen=True)
class SetRef:
    """Move a cell to another address (or an address that is not one)."""

    part: int
    index: int
    ref: str

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        found = _nth(CELL, parts[name], self.index)
        if found is not None:
            attributes = REF.sub(f'r="{self.ref}"'.encode(), found.group(1) or b"", count=1)
            tag = b"<c" + attributes + found.group(2) + b">"
            parts[name] = parts[name][: found.start()] + tag + parts[name][found.end() :]


@dataclass(frozen=True)
class DropRow:
    """Delete a row."""

    part: int
    index: int

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        found = _nth(ROW, parts[name], self.index)
        if found is not None:
            parts[name] = parts[name][: found.start()] + parts[name][found.end() :]


@dataclass(frozen=True)
class CopyRow:
    """Copy a row below the last one (the same key twice, for a sheet of items)."""

    part: int
    index: int

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        rows = list(ROW.finditer(parts[name]))
        if rows:
            copied = rows[self.index % len(rows)].group(0)
            number = len(rows) + 1
            copied = re.sub(rb'(<row\b[^>]*?\br=")\d+"', rb'\g<1>%d"' % number, copied, count=1)
            copied = re.sub(rb'(<c\b[^>]*?\br="[A-Z]+)\d+"', rb'\g<1>%d"' % number, copied)
            end = rows[-1].end()
            parts[name] = parts[name][:end] + copied + parts[name][end:]


@dataclass(frozen=True)
class RenameSheet:
    """Give a sheet another name (perhaps another sheet's, in other case)."""

    index: int
    name: str

    def apply(self, parts: dict[str, bytes]) -> None:
        found = _nth(SHEET_NAME, parts["xl/workbook.xml"], self.index)
        if found is not None:
            name = escape(self.name, {'"': "&quot;"}).encode("utf-8")
            workbook = parts["xl/workbook.xml"]
            parts["xl/workbook.xml"] = workbook[: found.start(2)] + name + workbook[found.end(2) :]


@dataclass(frozen=True)
class Splice:
    """Put raw text into the XML, which may break it."""

    part: int
    offset: int
    junk: bytes

    def apply(self, parts: dict[str, bytes]) -> None:
        name = _target(parts, self.part)
        at = self.offset % (len(parts[name]) + 1)
        parts[name] = parts[name][:at] + self.junk + parts[name][at:]


odd_text = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    st.floats().map(repr),
    st.integers().map(str),
)
parts = st.integers(0, 15)
indexes = st.integers(0, 1 << 12)
edits: st.SearchStrategy[Edit] = st.one_of(
    st.builds(SetText, parts, indexes, odd_text),
    st.builds(SetType, parts, indexes, st.sampled_from(["s", "str", "inlineStr", "b", "e", "n", "d", ""])),
    st.builds(
        SetRef,
        parts,
        indexes,
        st.one_of(
            st.sampled_from(["A1", "XFD1", "A199999", "XFD150000", "XFD1048576", "A0", "ZZZZ1", "", "A-1", "1A"]),
            st.builds("{}{}".format, st.sampled_from(["A", "B", "Q", "AA", "XFD"]), st.integers(1, 1_048_576)),
        ),
    ),
    st.builds(DropRow, parts, indexes),
    st.builds(
        RenameSheet,
        indexes,
        st.one_of(st.sampled_from([*fmt.WORKBOOK_SHEETS, "risks", " Outcomes ", "INITIATIVES", ""]), odd_text),
    ),
    st.builds(CopyRow, parts, indexes),
    st.builds(
        Splice, parts, st.integers(0, 1 << 16), st.sampled_from([b"<", b"&", b"</row>", b"<c>", b"\x00", b"\xff"])
    ),
)
zip_offsets = st.one_of(st.integers(0, 99), st.integers(-1500, -1), st.integers(0, 1 << 17))
"""Offsets into the ZIP: its first local header, its central directory (counted from the end), anywhere."""
byte_damage: st.SearchStrategy[Mutation] = st.one_of(
    st.builds(Flip, zip_offsets, st.integers(1, 255)),
    st.builds(Overwrite, zip_offsets, st.binary(min_size=1, max_size=16)),
    st.builds(Truncate, st.integers(0, 1 << 17), st.just(False)),
    st.builds(Append, st.binary(min_size=1, max_size=64), st.integers(1, 64)),
)


@pytest.fixture(scope="module")
def retail(_built_samples: dict[str, Path]) -> Path:
    """The retail sample, which every example imports into a copy of."""
    return _built_samples["retail"]


@pytest.fixture(scope="module")
def workbooks(retail: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The retail sample's workbook as the app exports it, and with its text as shared strings."""
    folder = tmp_path_factory.mktemp("fuzz-workbooks")
    exported = folder / "export.xlsx"
    export_workbook(retail, exported)
    shared = folder / "shared.xlsx"
    shared.write_bytes(zipped(with_shared_strings(unzipped(exported))))
    return {"export": exported, "shared": shared}


def unzipped(book: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(book) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def with_shared_strings(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The workbook's parts with every inline text moved to a shared-strings part (`t="s"` cells)."""
    strings: dict[bytes, int] = {}

    def share(cell: re.Match[bytes]) -> bytes:
        index = strings.setdefault(cell.group(3), len(strings))
        return cell.group(1) + b' t="s"' + cell.group(2) + b"><v>%d</v></c>" % index

    shared = {name: INLINE.sub(share, data) if TEXT_PARTS.fullmatch(name) else data for name, data in parts.items()}
    items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in strings)
    shared["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="%d">' % len(strings)
        + items
        + b"</sst>"
    )
    shared["[Content_Types].xml"] = shared["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    shared["xl/_rels/workbook.xml.rels"] = shared["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdShared" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    return shared


@contextmanager
def import_folder(
    tmp_path_factory: pytest.TempPathFactory, workspace: Path, book: bytes
) -> Iterator[tuple[Path, Path]]:
    """A fresh folder holding a copy of `workspace` and the workbook `book`, removed afterwards."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    try:
        copy = folder / "retail.align"
        shutil.copyfile(workspace, copy)
        path = folder / "damaged.xlsx"
        path.write_bytes(book)
        yield copy, path
    finally:
        shutil.rmtree(folder)


def import_or_refuse(workspace: Path, book: Path) -> str:
    """Import `book` into `workspace` as the command line does; check the outcome; name it."""
    before = workspace.read_bytes()
    try:
        plan = plan_import(workspace, book)
    except WorkspaceError as refusal:
        message = str(refusal)
    else:
        message = ""
    if message:
        assert book.name in message, f"the refusal does not name the workbook: {message}"
        assert "\n" not in message, f"the refusal is not one line: {message}"
        assert_untouched(workspace, before)
        return "refused"
    assert all("\n" not in error for error in plan.errors), plan.errors
    if plan.errors:
        with pytest.raises(ExchangeError, match="Nothing was imported"):
            apply_plan(workspace, plan)
        assert_untouched(workspace, before)
        return "errors"
    rows = dump(workspace)
    try:
        apply_plan(workspace, plan)
    except WorkspaceError:
        assert dump(workspace) == rows
        return "apply refused"
    assert check_workspace(workspace) == []
    opened = Workspace.open(workspace)
    try:
        InitiativeService(opened).board()
    finally:
        opened.close()
    return "nothing to change" if plan.changes.is_empty() else "imported"


def test_both_workbooks_import_as_nothing_to_change(retail: Path, workbooks: dict[str, Path]) -> None:
    """Undamaged, each starting point is a sound workbook of the sample; the shared one has shared strings."""
    for book in workbooks.values():
        plan = plan_import(retail, book)
        assert (plan.errors, plan.summary) == ([], "nothing to change"), book.name
    assert b't="s"' in unzipped(workbooks["shared"])["xl/worksheets/sheet2.xml"]


@settings(FUZZ, max_examples=3 * EXAMPLES)
@given(source=st.sampled_from(SOURCES), damage=st.lists(byte_damage, min_size=1, max_size=3))
# what the fuzzer found, kept: a ZIP directory pointing before the file's start (OSError from seek),
@example(source="export", damage=[Flip(-3, 1)])
# and one asking for ZIP version 8.4 (NotImplementedError from zipfile).
@example(source="export", damage=[Flip(-330, 64)])
def test_a_workbook_with_damaged_bytes_imports_or_is_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory,
    retail: Path,
    workbooks: dict[str, Path],
    source: str,
    damage: list[Mutation],
) -> None:
    data = bytearray(workbooks[source].read_bytes())
    for mutation in damage:
        mutation.apply(data)
    with import_folder(tmp_path_factory, retail, bytes(data)) as (workspace, book), time_limit(EXAMPLE_SECONDS):
        event(import_or_refuse(workspace, book))


@FUZZ
@given(source=st.sampled_from(SOURCES), changes=st.lists(edits, min_size=1, max_size=4))
# what the fuzzer found, kept: one cell at XFD150000 (python-calamine asked for 78 GB and aborted),
@example(source="export", changes=[SetRef(1, 0, "XFD150000")])
# and a date far before 1900 in Risks!O2 (a Rust panic, which is not an Exception).
@example(source="export", changes=[SetText(5, 33, "-1e20")])
def test_a_workbook_with_hostile_cells_imports_or_is_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory, retail: Path, workbooks: dict[str, Path], source: str, changes: list[Edit]
) -> None:
    contents = unzipped(workbooks[source])
    for change in changes:
        change.apply(contents)
    book = zipped(contents)
    with import_folder(tmp_path_factory, retail, book) as (workspace, path), time_limit(EXAMPLE_SECONDS):
        event(import_or_refuse(workspace, path))
