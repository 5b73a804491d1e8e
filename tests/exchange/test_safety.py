"""Input safety beyond the corpus: good workbooks pass, each limit holds at its edge, XML is defused.

The bad-workbook corpus itself (one file per refusal, also through the command line) is in
`test_bad_workbooks.py`; these tests pin the limits, the warnings and the scanning details.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from align_desktop.exchange import safety
from align_desktop.exchange.errors import ExchangeError
from align_desktop.exchange.safety import check_file, inspect_workbook
from align_desktop.store.errors import WorkspaceError
from tests.exchange.test_bad_workbooks import BILLION_LAUGHS, rezip, write_good_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_good_workbook(tmp_path / "good.xlsx")


def _refusal(path: Path) -> str:
    with pytest.raises(ExchangeError) as refused:
        check_file(path)
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_exchange_error_is_a_workspace_error_so_the_cli_prints_one_line() -> None:
    assert issubclass(ExchangeError, WorkspaceError)


def test_a_good_workbook_passes(good: Path) -> None:
    check_file(good)
    assert inspect_workbook(good).warnings == ()


def test_a_write_only_workbook_passes(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title in ("Assumptions", "Cost lines", "Risks"):
        sheet = book.create_sheet(title)
        sheet.append(["Key", "Value"])
        for n in range(500):
            sheet.append([f"K-{n}", n * 1.5])
    path = tmp_path / "dump.xlsx"
    book.save(path)
    check_file(path)


def test_the_workbook_export_of_the_sample_passes(tmp_path: Path, sample_path: Path) -> None:
    export = pytest.importorskip("align_desktop.exchange.workbook_export", reason="the workbook export has not landed")
    out = tmp_path / "retail.xlsx"
    export.export_workbook(sample_path, out)
    check_file(out)


def test_openpyxl_parses_through_defusedxml(tmp_path: Path, good: Path) -> None:
    """Defence in depth: even without our scan, openpyxl would refuse entity expansion."""
    import openpyxl
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True
    bomb = rezip(good, tmp_path / "laughs.xlsx", add={"xl/worksheets/sheet1.xml": BILLION_LAUGHS})
    with bomb.open("rb") as stream, pytest.raises(Exception) as refused:  # noqa: PT011 - openpyxl wraps it
        openpyxl.load_workbook(stream)
    causes = []
    error: BaseException | None = refused.value
    while error is not None:
        causes.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert "EntitiesForbidden" in causes or "DTDForbidden" in causes, causes


def test_a_doctype_without_entities_is_refused_in_any_xml_part(tmp_path: Path, good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        core = archive.read("docProps/core.xml")
    core = b'<!DOCTYPE cp:coreProperties SYSTEM "http://example.com/x.dtd">' + core
    path = rezip(good, tmp_path / "dtd.xlsx", add={"docProps/core.xml": core})
    message = _refusal(path)
    assert "docProps/core.xml" in message
    assert "XML bomb" in message


@pytest.mark.parametrize("chunk", [1, 2, 5, 8, 13, 40])
def test_a_doctype_split_between_chunks_is_found(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    path = rezip(good, tmp_path / "laughs.xlsx", add={"xl/worksheets/sheet1.xml": BILLION_LAUGHS})
    monkeypatch.setattr(safety, "_CHUNK", chunk)
    assert "XML bomb" in _refusal(path)


def test_a_utf16_sheet_with_entities_is_refused(tmp_path: Path, good: Path) -> None:
    wide = BILLION_LAUGHS.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    path = rezip(good, tmp_path / "wide.xlsx", add={"xl/worksheets/sheet1.xml": wide})
    assert "XML bomb" in _refusal(path)


def test_doctype_bytes_in_a_picture_are_not_xml(tmp_path: Path, good: Path) -> None:
    path = rezip(good, tmp_path / "picture.xlsx", add={"xl/media/image1.png": b"\x89PNG<!DOCTYPE<!ENTITY"})
    check_file(path)


def test_external_links_are_ignored_with_a_warning(
    tmp_path: Path, good: Path, caplog: pytest.LogCaptureFixture
) -> None:
    link = b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    path = rezip(good, tmp_path / "linked.xlsx", add={"xl/externalLinks/externalLink1.xml": link})
    (warning,) = inspect_workbook(path).warnings
    assert "linked.xlsx links to other workbooks" in warning
    assert "never followed" in warning
    with caplog.at_level(logging.WARNING, logger="align_desktop.exchange.safety"):
        check_file(path)
    assert [record.getMessage() for record in caplog.records] == [warning]


def _declare_size(path: Path, part: str, size: int) -> None:
    """Make the ZIP directory (and the part's local header) lie about a part's unpacked size."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(part).header_offset
        directory = archive.start_dir
    entry = data.index(part.encode(), directory) - 46
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = size.to_bytes(4, "little")
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_a_part_bigger_than_declared_is_a_zip_bomb(tmp_path: Path, good: Path) -> None:
    """zipfile would stop at the declared size; python-calamine would unpack everything."""
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 5000))
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'.encode()
    path = rezip(good, tmp_path / "lying.xlsx", add={"xl/worksheets/sheet1.xml": sheet})
    _declare_size(path, "xl/worksheets/sheet1.xml", 1000)
    assert "unpacks to more than the size its ZIP directory declares (a possible ZIP bomb)" in _refusal(path)


def test_a_part_smaller_than_declared_is_damaged(tmp_path: Path, good: Path) -> None:
    path = rezip(good, tmp_path / "short.xlsx")
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("xl/workbook.xml").file_size
    _declare_size(path, "xl/workbook.xml", size + 10)
    assert "short.xlsx is damaged or incomplete (its part xl/workbook.xml cannot be unpacked)" in _refusal(path)


def test_a_cut_part_is_damaged(tmp_path: Path, good: Path) -> None:
    """The ZIP directory is intact, but the bytes of a part are garbled."""
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        member = archive.getinfo("xl/worksheets/sheet2.xml")
    start = member.header_offset + 30 + len(member.filename) + len(member.extra)
    data[start : start + member.compress_size] = bytes([0xFF]) * member.compress_size
    path = tmp_path / "garbled.xlsx"
    path.write_bytes(bytes(data))
    assert "is damaged or incomplete (its part xl/worksheets/sheet2.xml" in _refusal(path)


def test_a_compression_excel_never_uses_is_refused(tmp_path: Path, good: Path) -> None:
    path = rezip(good, tmp_path / "bzip.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/custom.xml", "<custom/>", compress_type=zipfile.ZIP_BZIP2)
    assert "packs its part xl/custom.xml in a way Excel and LibreOffice never do" in _refusal(path)


def test_stored_parts_are_read(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as new:
        for item in old.infolist():
            new.writestr(item.filename, old.read(item.filename))
    check_file(path)


def test_a_file_over_50_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as stream:
        stream.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    assert "huge.xlsx is 51 MB, more than the 50 MB limit" in _refusal(path)


def test_unpacked_total_limit(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_UNPACKED_BYTES", 1000)
    assert "would unpack to" in _refusal(good)


def test_part_count_limit(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_PARTS", 3)
    assert "parts, more than the 3 a workbook may have" in _refusal(good)


def test_a_small_part_may_pack_tightly(tmp_path: Path, good: Path) -> None:
    path = rezip(good, tmp_path / "zeros.xlsx", add={"xl/media/image1.png": bytes(900 * 1024)})
    check_file(path)


def test_rows_are_counted_exactly_across_chunks(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Initiatives` holds a header and 20 rows; chunks of 5 bytes split nearly every tag."""
    monkeypatch.setattr(safety, "_CHUNK", 5)
    monkeypatch.setattr(safety, "MAX_ROWS", 21)
    check_file(good)
    monkeypatch.setattr(safety, "MAX_ROWS", 20)
    assert "sheet 'Initiatives' of good.xlsx has more than 20 rows" in _refusal(good)


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 7, 64, 1 << 20])
def test_row_count_does_not_depend_on_the_chunk_size(good: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(safety, "_CHUNK", chunk)
    with good.open("rb") as raw, zipfile.ZipFile(raw) as archive:
        scan = safety._scan_part(raw, archive.getinfo("xl/worksheets/sheet2.xml"), "good.xlsx")
        other = safety._scan_part(raw, archive.getinfo("xl/styles.xml"), "good.xlsx")
    assert (scan.rows, scan.dimension) == (21, "A1:E21")
    assert other.rows is None


def test_rows_are_counted_when_the_dimension_lies(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml")
    start = sheet.index(b"<dimension")
    lying = sheet[:start] + b'<dimension ref="A1"/>' + sheet[sheet.index(b"/>", start) + 2 :]
    path = rezip(good, tmp_path / "lying.xlsx", add={"xl/worksheets/sheet2.xml": lying})
    monkeypatch.setattr(safety, "MAX_ROWS", 20)
    assert "sheet 'Initiatives'" in _refusal(path)


def test_prefixed_rows_are_counted(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f'<x:row r="{n}"><x:c r="A{n}"><x:v>{n}</x:v></x:c></x:row>' for n in range(1, 31))
    sheet = (
        '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<x:sheetData>{rows}</x:sheetData></x:worksheet>"
    ).encode()
    path = rezip(good, tmp_path / "prefixed.xlsx", add={"xl/worksheets/sheet1.xml": sheet})
    monkeypatch.setattr(safety, "MAX_ROWS", 25)
    assert "sheet 'Outcomes'" in _refusal(path)


def test_cell_limit_by_dimension(tmp_path: Path, good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    start = sheet.index(b"<dimension")
    wide = sheet[:start] + b'<dimension ref="A1:ZZ100000"/>' + sheet[sheet.index(b"/>", start) + 2 :]
    path = rezip(good, tmp_path / "wide.xlsx", add={"xl/worksheets/sheet1.xml": wide})
    message = _refusal(path)
    assert "sheet 'Outcomes' of wide.xlsx spans 70,200,000 cells (its used range is A1:ZZ100000)" in message
    assert "more than the 5,000,000 allowed" in message


@pytest.mark.parametrize(
    ("ref", "size"),
    [("A1", (1, 1)), ("B2:D10", (9, 27)), ("$A$1:$C$3", (3, 9)), ("A1:XFD1048576", (1048576, 16384 * 1048576))],
)
def test_dimension_sizes(ref: str, size: tuple[int, int]) -> None:
    assert safety._dimension_size(ref) == size


def test_encrypted_zip_parts_are_refused(tmp_path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        local = archive.getinfo("xl/workbook.xml").header_offset
        directory = archive.start_dir
    data[local + 6] |= 0x1  # the "encrypted" flag of the part's local header …
    entry = data.index(b"xl/workbook.xml", directory) - 46  # … and of its central directory entry
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 8] |= 0x1
    path = tmp_path / "locked.xlsx"
    path.write_bytes(bytes(data))
    assert "password-protected" in _refusal(path)


def test_an_opendocument_spreadsheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "budget.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "budget.ods is an OpenDocument spreadsheet (.ods)" in _refusal(path)


@pytest.mark.parametrize("suffix", [".xlsm", ".xltm", ".xlam"])
def test_macro_extensions_are_refused_whatever_the_content(tmp_path: Path, good: Path, suffix: str) -> None:
    path = good.rename(tmp_path / f"book{suffix}")
    assert "macros never run" in _refusal(path)


def test_an_xlsx_workbook_named_xls_is_read_by_its_content(tmp_path: Path, good: Path) -> None:
    check_file(good.rename(tmp_path / "old-name.xls"))


def test_a_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.xlsx"
    path.write_bytes(b"")
    assert "two?lines.xlsx is empty" in _refusal(path)


def test_a_text_file_with_a_byte_order_mark_is_called_text(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes("Key\tTitle\nI-001\tÉtude\n".encode("utf-16"))
    assert "is a text file" in _refusal(path)


def test_a_workbook_encrypted_by_a_real_tool_is_password_protected(tmp_path: Path, good: Path) -> None:
    """The corpus fakes an encrypted workbook; where msoffcrypto-tool is installed, a real one too."""
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool is not installed")
    path = tmp_path / "budget.xlsx"
    with good.open("rb") as plain, path.open("wb") as out:
        ooxml.OOXMLFile(plain).encrypt("secret", out)
    assert "budget.xlsx is password-protected (encrypted)" in _refusal(path)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A good workbook as LibreOffice saves it as .xlsx, as .xls and as .ods (a real client's files)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh --tests")
    folder = tmp_path_factory.mktemp("libreoffice-safety")
    good = write_good_workbook(folder / "good.xlsx")
    profile = folder / "profile"
    saved = {}
    for kind in ("xlsx", "xls", "ods"):
        out = folder / kind
        command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
        command += ["--convert-to", kind, "--outdir", str(out), str(good)]
        env = os.environ | {"HOME": str(profile)}
        subprocess.run(command, capture_output=True, timeout=240, env=env, check=True)
        saved[kind] = out / f"good.{kind}"
        assert saved[kind].exists(), kind
    return saved


def test_a_workbook_saved_by_libreoffice_passes(saved_by_libreoffice: dict[str, Path]) -> None:
    check_file(saved_by_libreoffice["xlsx"])


def test_an_xls_saved_by_libreoffice_is_refused(saved_by_libreoffice: dict[str, Path]) -> None:
    assert "good.xls is an Excel 97–2003 .xls workbook" in _refusal(saved_by_libreoffice["xls"])


def test_an_ods_saved_by_libreoffice_is_refused(saved_by_libreoffice: dict[str, Path]) -> None:
    assert "good.ods is an OpenDocument spreadsheet (.ods)" in _refusal(saved_by_libreoffice["ods"])
