"""The corpus of bad workbooks: each is refused with one clear sentence, and nothing changes.

Every file is generated here, in a temporary folder. For each, `check_file` raises `ExchangeError`
whose message names the file and contains the phrase that says what is wrong; through the command
line (`align-desktop import WORKSPACE BAD`) it exits 1 with exactly one line on stderr and leaves
the workspace's folder exactly as it was: the same files, byte for byte (no -wal or -journal left).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from align_desktop.exchange.errors import ExchangeError
from align_desktop.exchange.safety import check_file
from align_desktop.store.errors import WorkspaceError

MACRO_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
BINARY_CONTENT_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_good_workbook(path: Path) -> Path:
    """A small, valid workbook with two sheets of the format, written by openpyxl."""
    from openpyxl import Workbook

    book = Workbook()
    outcomes = book.active
    assert outcomes is not None
    outcomes.title = "Outcomes"
    outcomes.append(["Key", "Name", "Metric", "Baseline", "Target", "Unit", "Owner"])
    outcomes.append(["O-001", "Lift conversion", "Conversion rate", 2.1, 2.6, "%", "A. Rossi"])
    initiatives = book.create_sheet("Initiatives")
    initiatives.append(["Key", "Title", "Outcome key", "Lane", "Status"])
    for n in range(1, 21):
        initiatives.append([f"I-{n:03d}", f"Initiative {n}", "O-001", "Now", "Idea"])
    book.save(path)
    return path


def rezip(
    source: Path,
    target: Path,
    *,
    drop: tuple[str, ...] = (),
    add: dict[str, bytes] | None = None,
    content_type: tuple[str, str] | None = None,
) -> Path:
    """Copy a workbook's parts into `target`, leaving out `drop`, replacing or adding `add`.

    `content_type` = (old, new) rewrites the workbook part's content type in [Content_Types].xml.
    """
    add = dict(add or {})
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename in drop or item.filename in add:
                continue
            data = old.read(item.filename)
            if content_type and item.filename == "[Content_Types].xml":
                data = data.replace(content_type[0].encode(), content_type[1].encode())
            new.writestr(item.filename, data)
        for part, data in add.items():
            new.writestr(part, data)
    return target


WORKBOOK_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def ole2_file(path: Path, streams: tuple[str, ...]) -> Path:
    """An OLE2 compound file lookalike: the signature, a header, and directory entries named `streams`."""
    header = OLE2 + bytes(8) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 24)
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64) for name in ("Root Entry", *streams))
    path.write_bytes(header + directory + random.Random(7).randbytes(4096))
    return path


def _random_bytes(folder: Path) -> Path:
    path = folder / "noise.xlsx"
    path.write_bytes(random.Random(1).randbytes(64 * 1024))
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path


def _missing(folder: Path) -> Path:
    return folder / "nowhere.xlsx"


def _folder(folder: Path) -> Path:
    path = folder / "folder.xlsx"
    path.mkdir()
    return path


def _csv_renamed(folder: Path) -> Path:
    path = folder / "costs.xlsx"
    path.write_text("Key,Initiative key,Category,Year 0\nL-1,I-001,Data engineering,120000\n", encoding="utf-8")
    return path


def _xls(folder: Path) -> Path:
    return ole2_file(folder / "legacy.xls", ("Workbook", "\x05SummaryInformation"))


def _encrypted(folder: Path) -> Path:
    # An encrypted .xlsx is an OLE2 compound file whatever its name says.
    return ole2_file(folder / "secret.xlsx", ("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"))


def _xlsm(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(
        good,
        folder / "macros.xlsm",
        add={"xl/vbaProject.bin": OLE2 + b"Attribute VB_Name"},
        content_type=(WORKBOOK_CONTENT_TYPE, MACRO_CONTENT_TYPE),
    )


def _xlsm_renamed(folder: Path) -> Path:
    """A macro-enabled workbook renamed to .xlsx: refused by its content."""
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(good, folder / "renamed.xlsx", add={"xl/vbaProject.bin": OLE2 + b"Attribute VB_Name"})


def _xlsb(folder: Path) -> Path:
    path = folder / "binary.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", f'<Types><Override ContentType="{BINARY_CONTENT_TYPE}"/></Types>')
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return path


def _xlsb_renamed(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(good, folder / "binary.xlsx", content_type=(WORKBOOK_CONTENT_TYPE, BINARY_CONTENT_TYPE))


def _truncated(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx").read_bytes()
    path = folder / "cut.xlsx"
    path.write_bytes(good[: len(good) * 2 // 3])
    return path


def _zip_bomb(folder: Path) -> Path:
    """A valid workbook plus one part of 200 MB of zeros that packs to about 200 KB."""
    good = write_good_workbook(folder / "good.xlsx")
    path = rezip(good, folder / "bomb.xlsx")
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/media/image1.png", "w") as part:
        for _ in range(200):
            part.write(zeros)
    return path


def _too_many_rows(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml")
    start = sheet.index(b"<dimension")
    end = sheet.index(b"/>", start) + 2
    huge = sheet[:start] + b'<dimension ref="A1:E1048576"/>' + sheet[end:]
    return rezip(good, folder / "tall.xlsx", add={"xl/worksheets/sheet2.xml": huge})


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def _xml_bomb(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(good, folder / "laughs.xlsx", add={"xl/worksheets/sheet1.xml": BILLION_LAUGHS})


def _no_content_types(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(good, folder / "no-types.xlsx", drop=("[Content_Types].xml",))


def _no_workbook_part(folder: Path) -> Path:
    good = write_good_workbook(folder / "good.xlsx")
    return rezip(good, folder / "no-workbook.xlsx", drop=("xl/workbook.xml",))


def _plain_zip(folder: Path) -> Path:
    path = folder / "photos.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("holiday.txt", "not a spreadsheet")
    path.write_bytes(buffer.getvalue())
    return path


@dataclass(frozen=True)
class Bad:
    build: Callable[[Path], Path]
    phrase: str
    """Words the refusal must contain (compared ignoring case)."""


CORPUS: dict[str, Bad] = {
    "missing": Bad(_missing, "does not exist"),
    "folder": Bad(_folder, "is a folder"),
    "empty": Bad(_empty, "is empty"),
    "random bytes": Bad(_random_bytes, "is not an Excel workbook"),
    "csv renamed": Bad(_csv_renamed, "text file (such as a CSV renamed to .xlsx)"),
    "xls": Bad(_xls, "Excel 97–2003 .xls workbook"),
    "encrypted": Bad(_encrypted, "password-protected"),
    "xlsm": Bad(_xlsm, "macros never run"),
    "xlsm renamed": Bad(_xlsm_renamed, "macros never run"),
    "xlsb": Bad(_xlsb, "binary workbook (.xlsb)"),
    "xlsb renamed": Bad(_xlsb_renamed, "binary workbook (.xlsb)"),
    "truncated": Bad(_truncated, "damaged or incomplete"),
    "zip bomb": Bad(_zip_bomb, "zip bomb"),
    "too many rows": Bad(_too_many_rows, "more than 200,000 rows"),
    "xml bomb": Bad(_xml_bomb, "xml bomb"),
    "no content types": Bad(_no_content_types, "[Content_Types].xml is missing"),
    "no workbook part": Bad(_no_workbook_part, "xl/workbook.xml is missing"),
    "plain zip": Bad(_plain_zip, "not an Excel workbook"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every bad workbook, built once for this module (the ZIP bomb takes a moment to pack)."""
    built = {}
    for name, bad in CORPUS.items():
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        built[name] = bad.build(folder)
    return built


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry of a folder and its bytes (None for sub-folders)."""
    return {entry.name: None if entry.is_dir() else entry.read_bytes() for entry in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", list(CORPUS))
def test_check_file_refuses_with_one_clear_sentence(name: str, corpus: dict[str, Path]) -> None:
    path = corpus[name]
    before = _snapshot(path.parent)
    with pytest.raises(ExchangeError) as refused:
        check_file(path)
    message = str(refused.value)
    assert CORPUS[name].phrase.lower() in message.lower(), message
    assert path.name in message
    assert "\n" not in message
    assert message.endswith(".")
    assert isinstance(refused.value, WorkspaceError)
    assert _snapshot(path.parent) == before


@pytest.mark.parametrize("name", list(CORPUS))
def test_import_refuses_and_changes_nothing(
    name: str, corpus: dict[str, Path], sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("align_desktop.exchange.importer", reason="the workbook importer has not landed yet")
    from align_desktop.cli import main

    before = _snapshot(sample_path.parent)
    bad_before = _snapshot(corpus[name].parent)

    assert main(["import", str(sample_path), str(corpus[name])]) == 1

    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert CORPUS[name].phrase.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in err
    assert out == ""
    assert _snapshot(sample_path.parent) == before
    assert _snapshot(corpus[name].parent) == bad_before


def test_dry_run_refuses_the_same_way(
    corpus: dict[str, Path], sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("align_desktop.exchange.importer", reason="the workbook importer has not landed yet")
    from align_desktop.cli import main

    before = _snapshot(sample_path.parent)
    assert main(["import", str(sample_path), str(corpus["xml bomb"]), "--dry-run"]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert _snapshot(sample_path.parent) == before
