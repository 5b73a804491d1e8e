"""Fuzzing the workspace opener: damaged copies of real workspaces open, or are refused cleanly.

Hypothesis damages the bytes of valid workspace files — the retail sample at this build's schema
and the schema-1/2/3 fixtures that opening upgrades — by flipping and overwriting bytes (in the
100-byte SQLite header, in page 1 where the schema is kept, anywhere), zeroing whole pages,
cutting the file short and appending junk. Each damaged file goes through `check_workspace`,
`Workspace.open(read_only=True)` and `Workspace.open`, and each of those must either
- succeed: an opened workspace reads its board through `InitiativeService` (or refuses that read
  with a `WorkspaceError`) and closes, leaving no lock behind; or
- refuse with a `WorkspaceError` whose message names the file, leaving its bytes as they were and
  no `-wal`, `-shm`, `-journal` or `.lock` file beside it.
Any other exception fails the test, and so does an example that runs longer than `EXAMPLE_SECONDS`.

The test suite runs `EXAMPLES` examples, derandomized so that every run tries the same files. To
search further, set `ALIGN_FUZZ_EXAMPLES` (say, 2000): each such run draws new random examples.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Protocol, TypeVar

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from align_desktop.store import schema
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.lock import lock_path
from align_desktop.store.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OLDER_SCHEMAS = {
    path.name.removesuffix("-retail.align"): path for path in sorted(FIXTURES.glob("schema-*-retail.align"))
}
"""The retail sample at every older schema (`schema-1`: …), which opening upgrades."""
PAGE_SIZE = 4096
"""The page size of every source file (checked below): zeroing a page zeroes this many bytes."""
HEADER_SIZE = 100
EXAMPLES = int(os.environ.get("ALIGN_FUZZ_EXAMPLES", "400"))
EXAMPLE_SECONDS = 10.0
"""Longer than SQLite's busy timeout (5 s): an example that takes this long is a hang."""
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="ALIGN_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """An example ran past its time limit: the code under test hangs, or nearly."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` inside the block if it is still running after `seconds` (a hang guard)."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Mutation(Protocol):
    def apply(self, data: bytearray) -> None: ...


@dataclass(frozen=True)
class Flip:
    """XOR one byte with `mask`."""

    offset: int
    mask: int

    def apply(self, data: bytearray) -> None:
        if data:
            data[self.offset % len(data)] ^= self.mask


@dataclass(frozen=True)
class Overwrite:
    """Put `junk` over the bytes from `offset` on (running past the end lengthens the file)."""

    offset: int
    junk: bytes

    def apply(self, data: bytearray) -> None:
        if data:
            start = self.offset % len(data)
            data[start : start + len(self.junk)] = self.junk


@dataclass(frozen=True)
class ZeroPage:
    """Overwrite one whole page with zeros."""

    page: int

    def apply(self, data: bytearray) -> None:
        pages = len(data) // PAGE_SIZE
        if pages:
            start = (self.page % pages) * PAGE_SIZE
            data[start : start + PAGE_SIZE] = bytes(PAGE_SIZE)


@dataclass(frozen=True)
class Truncate:
    """Cut the file to `length` bytes (at a page boundary when `on_page`)."""

    length: int
    on_page: bool

    def apply(self, data: bytearray) -> None:
        keep = self.length % (len(data) + 1)
        if self.on_page:
            keep -= keep % PAGE_SIZE
        del data[keep:]


@dataclass(frozen=True)
class Append:
    """Add `junk`, `times` over, at the end of the file."""

    junk: bytes
    times: int

    def apply(self, data: bytearray) -> None:
        data += self.junk * self.times


offsets = st.one_of(
    st.integers(0, HEADER_SIZE - 1),
    st.integers(0, PAGE_SIZE - 1),
    st.integers(0, 1 << 20),
)
mutations: st.SearchStrategy[Mutation] = st.one_of(
    st.builds(Flip, offsets, st.integers(1, 255)),
    st.builds(Overwrite, offsets, st.binary(min_size=1, max_size=16)),
    st.builds(ZeroPage, st.integers(0, 1 << 10)),
    st.builds(Truncate, st.integers(0, 1 << 20), st.booleans()),
    st.builds(Append, st.binary(min_size=1, max_size=64), st.integers(1, 2 * PAGE_SIZE)),
)


@pytest.fixture(scope="module")
def sources(_built_samples: dict[str, Path]) -> dict[str, Path]:
    """Each valid workspace the damaged files start from, by name (never changed: examples damage copies)."""
    return {**OLDER_SCHEMAS, "retail": _built_samples["retail"]}


@contextmanager
def damaged_copy(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> Iterator[Path]:
    """`data` written as a workspace file alone in a fresh folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    try:
        path = folder / "damaged.align"
        path.write_bytes(data)
        yield path
    finally:
        shutil.rmtree(folder)


def attempt(path: Path, action: Callable[[], T]) -> T | None:
    """What `action` returns, or None when it refused with a `WorkspaceError` that names the file.

    Any other exception propagates: it is the bug the fuzzer looks for.
    """
    try:
        return action()
    except WorkspaceError as refusal:
        message = str(refusal)
    assert path.name in message, f"the refusal does not name the file: {message}"
    assert "\n" not in message, f"the refusal is not one line: {message}"
    return None


def assert_untouched(path: Path, data: bytes) -> None:
    """The file holds `data` still, with no journal or lock beside it."""
    assert path.read_bytes() == data, f"{path.name} was changed"
    left = [Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES] + [lock_path(path)]
    assert [side.name for side in left if side.exists()] == []


def read_and_close(workspace: Workspace) -> None:
    """Read the board (a refusal is fine), then close; the lock must be gone afterwards."""
    try:
        attempt(workspace.path, lambda: InitiativeService(workspace).board())
    finally:
        workspace.close()
    assert not lock_path(workspace.path).exists()


def test_every_source_is_a_sound_workspace_of_4_kib_pages(sources: dict[str, Path]) -> None:
    """Without damage, each source checks clean except for its age, and opens for editing."""
    for name, source in sources.items():
        data = source.read_bytes()
        assert int.from_bytes(data[16:18], "big") == PAGE_SIZE, name
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{name}.align"
            path.write_bytes(data)
            findings = check_workspace(path)
            assert all("older than" in finding for finding in findings), findings
            workspace = Workspace.open(path)
            assert InitiativeService(workspace).board().initiatives
            workspace.close()


def test_the_tables_opening_expects_are_those_of_a_new_workspace(tmp_path: Path) -> None:
    """`schema.TABLES`, which opening checks damaged schemas against, is what the migrations build."""
    Workspace.create(tmp_path / "new.align").close()
    with closing(sqlite3.connect(tmp_path / "new.align")) as db:
        names = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = {name: frozenset(row[1] for row in db.execute(f"PRAGMA table_info({name})")) for (name,) in names}
    assert tables == schema.TABLES, "a migration changed the tables: update schema.TABLES to match"


@FUZZ
@given(source=st.sampled_from(["retail", *OLDER_SCHEMAS]), damage=st.lists(mutations, min_size=1, max_size=4))
# what the fuzzer found, kept: a page of the board's tables zeroed (read failed after opening),
@example(source="retail", damage=[ZeroPage(3)])
# a header asking for a file format SQLite will only read (every write failed),
@example(source="retail", damage=[Overwrite(18, b"\x03")])
# a column renamed in the schema (the upgrade ran, reads failed: no such column),
@example(source="schema-1", damage=[Overwrite(772, b"A")])
# bytes that are not UTF-8 in the schema (SQLite's message about it could not be decoded),
@example(source="schema-1", damage=[Flip(767, 183)])
# a CHECK constraint naming a column that is not there (quick check passes, the backup failed),
@example(source="schema-1", damage=[Flip(2342, 223)])
# and bytes that are not UTF-8 in a text value (every read of the board failed).
@example(source="schema-3", damage=[Overwrite(129639, b"\xff")])
def test_a_damaged_workspace_opens_or_is_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory, sources: dict[str, Path], source: str, damage: list[Mutation]
) -> None:
    data = bytearray(sources[source].read_bytes())
    for mutation in damage:
        mutation.apply(data)
    damaged = bytes(data)
    with damaged_copy(tmp_path_factory, damaged) as path, time_limit(EXAMPLE_SECONDS):
        findings = attempt(path, lambda: check_workspace(path))
        assert all(finding.startswith(f"{path}: ") and "\n" not in finding for finding in findings or [])
        assert_untouched(path, damaged)

        reader = attempt(path, lambda: Workspace.open(path, read_only=True))
        if reader is not None:
            read_and_close(reader)
        assert_untouched(path, damaged)

        editor = attempt(path, lambda: Workspace.open(path))
        if editor is None:
            assert_untouched(path, damaged)
        else:
            read_and_close(editor)
    event(f"check: {'refused' if findings is None else 'findings' if findings else 'sound'}")
    event(f"read-only: {'refused' if reader is None else 'opened'}")
    event(f"open: {'refused' if editor is None else 'opened'}")
