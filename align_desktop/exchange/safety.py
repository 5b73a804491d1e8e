"""Input safety: decide whether a file may be read as a workbook, before any parser touches it.

`check_file(path)` only reads the file: it raises `ExchangeError` with one sentence that names the
file and says what to do, or returns and the file may be parsed. Nothing is ever executed: macros
never run (macro-enabled and binary workbooks are refused outright), formulas are read as their
saved values, and links to other workbooks are never followed (they are ignored, with a warning).

Limits (each refusal names the limit it met):
- the file: at most `MAX_FILE_BYTES` (50 MB) on disk;
- the ZIP directory, read without extracting anything: at most `MAX_PARTS` (10,000) parts,
  at most `MAX_UNPACKED_BYTES` (250 MB) unpacked in total, and no part over 1 MB that unpacks to
  more than `MAX_RATIO` (100) times its packed size — together these refuse ZIP bombs;
- each sheet: at most `MAX_ROWS` (200,000) rows and `MAX_CELLS` (5,000,000) cells, by its
  `<dimension ref>`, by counting its `<row>` elements (a dimension can lie) and by where its
  cells are (python-calamine fills the grid up to the last cell, so one cell at XFD150000 would
  cost 2.5 billion);
- every XML part, unpacked here a chunk at a time (never whole): no `<!DOCTYPE` or `<!ENTITY`
  (entity expansion, "billion laughs"; openpyxl also parses through defusedxml, which must be
  installed), and exactly the size the ZIP directory declares — python-calamine unpacks a part's
  whole stream, so a part that holds more than it declares is a ZIP bomb too;
- only parts stored or deflated, as Excel and LibreOffice write them; no encrypted parts.

A workbook's links to other workbooks (`xl/externalLinks/`) are not refused: `inspect_workbook`
returns a warning for the preview (`check_file` logs it), and only the cached values are read.
"""

from __future__ import annotations

import logging
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from align_desktop.exchange.errors import ExchangeError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PARTS = 10_000
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
"""Parts that unpack to less than this are too small to matter, whatever their ratio."""
MAX_ROWS = 200_000
MAX_CELLS = 5_000_000

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_MACRO_SUFFIXES = {".xlsm", ".xltm", ".xlam"}
_BINARY_SUFFIXES = {".xlsb"}
_CHUNK = 1024 * 1024
_OVERLAP = 32
"""Bytes carried from one chunk to the next, so that a marker split between them is still found."""
_HEAD_BYTES = 65536
"""How far into a part to look for its root element and a worksheet's dimension."""
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
"""A ZIP part's local header, up to its name and extra field, whose lengths end it."""
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_FORBIDDEN_WIDE = tuple(
    marker.decode("ascii").encode(codec) for marker in _FORBIDDEN for codec in ("utf-16-le", "utf-16-be")
)
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?ref\s*=\s*[\"']([A-Za-z$0-9:]+)[\"']")
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_MAX_TAG_BYTES = 65536
"""A cell or row tag longer than this is never written by a spreadsheet program; it is refused."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Inspection:
    """What `inspect_workbook` learnt about a file it accepted."""

    warnings: tuple[str, ...] = ()
    """Sentences for the preview: what will be ignored (such as links to other workbooks)."""


def check_file(path: Path) -> None:
    """Raise `ExchangeError` unless `path` is safe to parse as an .xlsx workbook; read only."""
    for warning in inspect_workbook(path).warnings:
        log.warning("%s", warning)


def inspect_workbook(path: Path) -> Inspection:
    """`check_file`, returning the warnings to show instead of logging them."""
    path = Path(path)
    name = _display_name(path)
    _check_present(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise ExchangeError(f"{name} cannot be read ({exc.strerror or exc}); check that you may open it.") from exc
    if head.startswith(OLE2_SIGNATURE[:4]):
        raise ExchangeError(_ole2_message(path, name))
    suffix = path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise ExchangeError(_macro_message(name))
    if suffix in _BINARY_SUFFIXES:
        raise ExchangeError(_binary_message(name))
    if not head.startswith(ZIP_SIGNATURES):
        raise ExchangeError(_not_zip_message(path, name))
    with path.open("rb") as raw:
        try:
            archive = zipfile.ZipFile(raw)
        # NotImplementedError: a damaged directory asks for a version of ZIP that zipfile does not know
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise ExchangeError(
                f"{name} is damaged or incomplete (its ZIP directory cannot be read); save or download it again."
            ) from exc
        with archive:
            return _inspect_archive(archive, raw, name)


def _display_name(path: Path) -> str:
    """The file's name, printable on one line."""
    shown = path.name or str(path)
    return "".join(c if c.isprintable() else "?" for c in shown)


def _check_present(path: Path) -> None:
    shown = "".join(c if c.isprintable() else "?" for c in str(path))
    if not path.exists():
        raise ExchangeError(f"{shown} does not exist; check the path and choose an .xlsx workbook.")
    if path.is_dir():
        raise ExchangeError(f"{shown} is a folder, not a workbook; choose an .xlsx file inside it.")
    size = path.stat().st_size
    if size == 0:
        raise ExchangeError(f"{_display_name(path)} is empty (0 bytes); choose a workbook saved as .xlsx.")
    if size > MAX_FILE_BYTES:
        raise ExchangeError(
            f"{_display_name(path)} is {_megabytes(size)}, more than the {_megabytes(MAX_FILE_BYTES)} limit "
            "for workbooks; remove unused sheets or split it, then import again."
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _ole2_message(path: Path, name: str) -> str:
    if _contains_any(path, _ENCRYPTION_STREAMS):
        return (
            f"{name} is password-protected (encrypted) and cannot be read; open it in Excel, remove the "
            "password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx."
        )
    return (
        f"{name} is an Excel 97–2003 .xls workbook, which cannot be imported; "
        "open it in Excel or LibreOffice and save it as .xlsx."
    )


def _contains_any(path: Path, needles: tuple[bytes, ...]) -> bool:
    overlap = max(len(needle) for needle in needles) - 1
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(needle in window for needle in needles):
                return True
            tail = window[-overlap:]
    return False


def _macro_message(name: str) -> str:
    return (
        f"{name} is a macro-enabled workbook, and macros never run here; "
        "save it in Excel as an Excel Workbook (.xlsx) and import that."
    )


def _binary_message(name: str) -> str:
    return (
        f"{name} is an Excel binary workbook (.xlsb), which cannot be imported and whose macros never run; "
        "save it in Excel as an Excel Workbook (.xlsx) and import that."
    )


def _not_zip_message(path: Path, name: str) -> str:
    with path.open("rb") as stream:
        start = stream.read(4096)
    if _looks_like_text(start):
        return (
            f"{name} is a text file (such as a CSV renamed to .xlsx), not an Excel workbook; "
            "open it in Excel or LibreOffice and save it as .xlsx."
        )
    return f"{name} is not an Excel workbook (its contents are not an .xlsx file); choose a workbook saved as .xlsx."


def _looks_like_text(start: bytes) -> bool:
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in start:
        return False
    text = start.decode("utf-8", errors="ignore")
    if len(text.encode("utf-8")) < len(start) - 4:  # more than a cut multi-byte character at the end
        return False
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return printable >= 0.95 * len(text)


def _inspect_archive(archive: zipfile.ZipFile, raw: BinaryIO, name: str) -> Inspection:
    members = archive.infolist()
    names = {member.filename for member in members}
    _check_directory(members, name)
    if any(member.flag_bits & 0x1 for member in members):
        raise ExchangeError(
            f"{name} is password-protected (its parts are encrypted) and cannot be read; "
            "remove the password and save it as .xlsx."
        )
    lowered = {n.lower() for n in names}
    if any(n.endswith("vbaproject.bin") for n in lowered):
        raise ExchangeError(_macro_message(name))
    if "xl/workbook.bin" in lowered:
        raise ExchangeError(_binary_message(name))
    if "[Content_Types].xml" not in names:
        raise ExchangeError(_not_spreadsheet_message(archive, raw, name, "[Content_Types].xml"))
    if "xl/workbook.xml" not in names:
        raise ExchangeError(_not_spreadsheet_message(archive, raw, name, "xl/workbook.xml"))
    content_types = _read_small(archive, raw, "[Content_Types].xml", name)
    lowered_types = content_types.lower()
    if b"sheet.binary" in lowered_types or b"xlsb" in lowered_types:
        raise ExchangeError(_binary_message(name))
    if b"macroenabled" in lowered_types or b"vbaproject" in lowered_types:
        raise ExchangeError(_macro_message(name))
    sheet_parts = []
    for member in members:
        if _is_xml_part(member.filename):
            scan = _scan_part(raw, member, name)
            if scan.rows is not None:
                sheet_parts.append((member.filename, scan))
    for part, scan in sheet_parts:
        _check_sheet_size(archive, name, part, scan)
    warnings = []
    if any(n.startswith("xl/externallinks/") for n in lowered):
        warnings.append(
            f"{name} links to other workbooks; those links are never followed, "
            "and only the values saved in this workbook are read."
        )
    return Inspection(tuple(warnings))


def _check_directory(members: list[zipfile.ZipInfo], name: str) -> None:
    if len(members) > MAX_PARTS:
        raise ExchangeError(
            f"{name} holds {len(members):,} parts, more than the {MAX_PARTS:,} a workbook may have "
            "(a possible ZIP bomb); it was not opened."
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExchangeError(
            f"{name} would unpack to {_megabytes(unpacked)}, more than the {_megabytes(MAX_UNPACKED_BYTES)} limit "
            "(a possible ZIP bomb); it was not opened."
        )
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            raise ExchangeError(
                f"{name} has a part that unpacks to {ratio:,} times its packed size, more than the {MAX_RATIO} "
                "allowed (a possible ZIP bomb); it was not opened."
            )


def _not_spreadsheet_message(archive: zipfile.ZipFile, raw: BinaryIO, name: str, missing: str) -> str:
    names = set(archive.namelist())
    if "mimetype" in names and b"opendocument.spreadsheet" in _read_small(archive, raw, "mimetype", name):
        return f"{name} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx and import that."
    return (
        f"{name} is a ZIP file but not an Excel workbook ({missing} is missing); "
        "choose a workbook saved as .xlsx by Excel or LibreOffice."
    )


def _read_small(archive: zipfile.ZipFile, raw: BinaryIO, part: str, name: str) -> bytes:
    return b"".join(_chunks(raw, archive.getinfo(part), name))


def _is_xml_part(part: str) -> bool:
    return part.lower().endswith((".xml", ".rels", ".vml"))


def _chunks(raw: BinaryIO, member: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The part's bytes, a chunk at a time, unpacked here rather than by zipfile.

    zipfile stops at the size the ZIP directory declares, but other readers (python-calamine's)
    unpack the whole stream: a part whose stream holds more than its declared size is refused
    as a ZIP bomb, one that holds less, or is cut short, as damaged.
    """
    damaged = ExchangeError(
        f"{name} is damaged or incomplete (its part {member.filename} cannot be unpacked); save or download it again."
    )
    if member.header_offset < 0:  # a damaged ZIP directory can point before the file's start
        raise damaged
    raw.seek(member.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise damaged
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    raw.seek(member.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    left = member.compress_size
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != member.file_size:
            raise damaged
        while left > 0:
            chunk = raw.read(min(left, _CHUNK))
            if not chunk:
                raise damaged
            left -= len(chunk)
            yield chunk
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise ExchangeError(
            f"{name} packs its part {member.filename} in a way Excel and LibreOffice never do; save it again as .xlsx."
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        while not inflater.eof:
            data = inflater.unconsumed_tail
            if not data and left > 0:
                data = raw.read(min(left, _CHUNK))
                left -= len(data)
            chunk = inflater.decompress(data, _CHUNK)
            if not chunk and not data:
                break  # nothing left to read, and nothing more comes out
            produced += len(chunk)
            if produced > member.file_size:
                raise ExchangeError(
                    f"{name} has a part ({member.filename}) that unpacks to more than the size its ZIP directory "
                    "declares (a possible ZIP bomb); it was not opened."
                )
            if chunk:
                yield chunk
    except zlib.error as exc:
        raise damaged from exc
    if not inflater.eof or produced != member.file_size:
        raise damaged


@dataclass(frozen=True)
class _PartScan:
    rows: int | None
    """For a worksheet part, the number of `<row>` elements; None for other parts."""
    dimension: str | None
    corner: tuple[int, int] = (0, 0)
    """For a worksheet part, the highest row and column a cell is in (see `_Extent`)."""


class _Extent:
    """How far a worksheet's cells reach, as python-calamine places them, read a chunk at a time.

    A cell is where its `r` attribute says, or (without one) right of the cell before it, in the
    row its row tag says or below the row before. python-calamine builds a grid from the first
    cell to the last, so this corner, not the used range a sheet declares, bounds its size. A tag
    split between two chunks is read once, whole.

    Spreadsheet programs begin every cell tag with its address (`<c r="B7"`); while they do, only
    the distinct addresses are looked at, which keeps this quick. From the first chunk with a cell
    tag written otherwise, tags are followed one by one, starting from a row and a column that
    are at least where the cells before had got to.
    """

    def __init__(self, prefix: bytes, refusal: str) -> None:
        tag = b"<" + re.escape(prefix)
        self._cell_starts = re.compile(tag + rb"c(?=[\s/>])")
        self._letters = re.compile(tag + rb'c r="([A-Za-z]+)\d+"')
        self._digits = re.compile(tag + rb'c r="[A-Za-z]+(\d+)"')
        self._rows = re.compile(tag + rb'row(?=[\s/>])(?: r="(\d+)")?')
        self._tags = re.compile(tag + rb"""(c|row)(?=[\s/>])(?:[^>]*?\sr\s*=\s*["']([A-Za-z]*)(\d*)["'])?[^>]*>""")
        self._refusal = refusal
        self._unfinished = b""
        self._one_by_one = False
        self._highest_row_tag = 0
        self._unnumbered_rows = 0
        self._row = 0
        self._column = 0
        self.rows = 0
        self.columns = 0

    def feed(self, chunk: bytes) -> None:
        text = self._unfinished + chunk
        start = text.rfind(b"<")
        if start != -1 and text.find(b">", start) == -1:
            text, self._unfinished = text[:start], text[start:]
            if len(self._unfinished) > _MAX_TAG_BYTES:
                raise ExchangeError(self._refusal)
        else:
            self._unfinished = b""
        if not self._one_by_one:
            letters = self._letters.findall(text)  # one group each: plain bytes, nothing for the cyclic collector
            if len(letters) == len(self._cell_starts.findall(text)):  # every cell tag begins with its address
                self._by_address(letters, self._digits.findall(text), self._rows.findall(text))
                return
            self._one_by_one = True
            self._row = max(self._highest_row_tag, self.rows) + self._unnumbered_rows
            self._column = self.columns
        self._place(self._tags.findall(text))

    def _by_address(self, letters: list[bytes], digits: list[bytes], rows: list[bytes]) -> None:
        self.rows = max(self.rows, max(map(int, set(digits)), default=0))
        self.columns = max(self.columns, max((_column_number(c.decode("ascii")) for c in set(letters)), default=0))
        self._unnumbered_rows += rows.count(b"")
        self._highest_row_tag = max(self._highest_row_tag, max(map(int, set(rows) - {b""}), default=0))

    def _place(self, tags: list[tuple[bytes, bytes, bytes]]) -> None:
        for kind, letters, digits in tags:
            if kind == b"row":
                self._row = int(digits) if digits and not letters else self._row + 1
                self._column = 0
                continue
            self._column = _column_number(letters.decode("ascii")) if letters else self._column + 1
            self.columns = max(self.columns, self._column)
            self.rows = max(self.rows, int(digits) if digits else self._row)


def _scan_part(raw: BinaryIO, member: zipfile.ZipInfo, name: str) -> _PartScan:
    """Refuse DTDs and entities in one XML part; for a worksheet, count its rows and read its dimension.

    The part is read a chunk at a time, and each marker is looked for in each chunk and across
    each seam: the last bytes read before the chunk and its first bytes. Rows are counted across a
    seam in `len("<row") - 1` bytes either side, too few to hold a whole `<row`, so each row is
    counted once, with the chunk that holds its last byte. The count includes the sheet's one
    `<rowBreaks>` element if it has page breaks: a limit check can afford that.
    """
    markers: tuple[bytes, ...] = _FORBIDDEN
    row_tag: bytes | None = None
    extent: _Extent | None = None
    rows = 0
    dimension: str | None = None
    head = b""
    looking = True
    previous = b""
    for chunk in _chunks(raw, member, name):
        if looking:
            # The root element and the dimension come first: look for them in the first 64 KB.
            head += chunk
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:2]:
                markers = _FORBIDDEN + _FORBIDDEN_WIDE
            if row_tag is None and b"worksheet" in head and (root := _ROOT.search(head)) is not None:
                row_tag = b"<" + (root.group(1) or b"") + b"row"
                rows = head[: len(head) - len(chunk)].count(row_tag)  # rows in the chunks before this one
                extent = _Extent(
                    root.group(1) or b"",
                    f"{name} has a tag of over {_MAX_TAG_BYTES:,} bytes in {member.filename}, which a workbook "
                    "never needs; it was not opened.",
                )
                extent.feed(head[: len(head) - len(chunk)])
            if row_tag is not None and b"dimension" in head and (found := _DIMENSION.search(head)) is not None:
                dimension = found.group(1).decode("ascii")
            looking = (row_tag is None or dimension is None) and len(head) < _HEAD_BYTES
        seam = previous + chunk[:_OVERLAP]
        if any(marker in chunk or marker in seam for marker in markers):
            raise ExchangeError(
                f"{name} declares a DOCTYPE or entities in {member.filename}, which a workbook never needs "
                "(a possible XML bomb); it was not opened."
            )
        if extent is not None:
            extent.feed(chunk)
        if row_tag is not None:
            width = len(row_tag) - 1
            rows += chunk.count(row_tag) + (previous[-width:] + chunk[:width]).count(row_tag)
            if rows > MAX_ROWS:
                break
        previous = (previous + chunk)[-_OVERLAP:] if len(chunk) < _OVERLAP else chunk[-_OVERLAP:]
    if extent is None:
        return _PartScan(None, dimension)
    return _PartScan(rows, dimension, (extent.rows, extent.columns))


def _check_sheet_size(archive: zipfile.ZipFile, name: str, part: str, scan: _PartScan) -> None:
    """Refuse a sheet over the limits by its rows as counted, by the used range it declares or by
    where its cells reach.

    The used range (`<dimension ref>`) counts too: openpyxl's read-only mode pads every row up to
    it, so a small sheet that declares a million rows would cost as much as a real one. So do the
    cells: python-calamine fills its grid from A1 to the last of them.
    """
    assert scan.rows is not None
    declared_rows, cells = _dimension_size(scan.dimension) if scan.dimension else (0, 0)
    used_range = f" (its used range is {scan.dimension})" if declared_rows > scan.rows else ""
    last_row, last_column = scan.corner
    if last_row * last_column > cells:  # cells beyond the used range declared (or none declared)
        declared_rows, cells = max(declared_rows, last_row), last_row * last_column
        used_range = f" (its cells reach {_column_letters(last_column)}{last_row})"
    if max(scan.rows, declared_rows) > MAX_ROWS:
        raise ExchangeError(
            f"{_sheet_label(archive, part)} of {name} has more than {MAX_ROWS:,} rows{used_range}, the limit for "
            "a sheet; delete the rows below your data or split the sheet, save, and import again."
        )
    if cells > MAX_CELLS:
        raise ExchangeError(
            f"{_sheet_label(archive, part)} of {name} spans {cells:,} cells{used_range}, more than the "
            f"{MAX_CELLS:,} allowed in a sheet; delete the unused rows and columns, save, and import again."
        )


def _dimension_size(ref: str) -> tuple[int, int]:
    """Rows and cells of a range such as `A1:Z300`; a single cell is one row and one cell."""
    corners = [_CELL_REF.fullmatch(corner) for corner in ref.split(":")]
    found = [corner for corner in corners if corner is not None]
    if not found:
        return 0, 0
    rows = [int(corner.group(2)) for corner in found]
    columns = [_column_number(corner.group(1)) for corner in found]
    height = max(rows) - min(rows) + 1
    width = max(columns) - min(columns) + 1
    return height, height * width


def _column_letters(number: int) -> str:
    """`A` for column 1, `AA` for column 27."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _sheet_label(archive: zipfile.ZipFile, part: str) -> str:
    """`sheet 'Cost lines'` for a worksheet part, from the workbook's own list of sheets."""
    title = _sheet_titles(archive).get(part)
    return f"sheet '{title}'" if title else f"the sheet in {part}"


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name → sheet title; empty if the workbook's lists cannot be read (never fatal)."""
    try:
        from defusedxml import ElementTree

        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # the titles only decorate a message; any problem just leaves them out
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[rel.get("Id")] = part
    titles = {}
    for element in workbook.iter():
        if element.tag.endswith("}sheet") or element.tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                titles[targets[rid]] = element.get("name", "")
    return titles
