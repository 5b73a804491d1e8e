"""The minutes PDF: its text holds every section with the session's own names, decisions, owners,
dates and NPV figures (pypdf), its pages render and are not blank (pdftoppm), long lists of
changes are capped, and cancelling or a wrong target leaves no file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from align_desktop.domain.compare import NPV_TITLES
from align_desktop.reports.minutes_changes import LISTED_CHANGES, value_text
from align_desktop.reports.minutes_pdf import export_minutes_pdf
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.log import LogService
from align_desktop.store.minutes import read_minutes
from align_desktop.store.sessions import SessionService
from align_desktop.store.workspace import Workspace
from tests import mock_session as mock
from tests.reports.test_pdf_report import amount, page_texts

SECTIONS = (
    "Minutes: Q1 roadmap review",
    "Agenda",
    "Votes and results",
    "Decisions",
    "Actions",
    "Parking lot",
    "What changed",
    "Portfolio NPV per scenario",
    "Board moves",
    "Scores",
    "Risk bands",
    "Every change, item by item",
)


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory, _built_samples: dict[str, Path]) -> tuple[Path, Path]:
    """The realistic sample after the mock session, and the session's minutes, exported once for the module."""
    folder = tmp_path_factory.mktemp("minutes")
    path = mock.sample_after_session(folder, _built_samples["retail"])
    out = folder / "minutes.pdf"
    export_minutes_pdf(path, "W-001", out)
    return path, out


@pytest.fixture(scope="module")
def text(held: tuple[Path, Path]) -> str:
    return " ".join(page_texts(held[1]))


def test_every_section_and_the_page_furniture(held: tuple[Path, Path]) -> None:
    texts = page_texts(held[1])
    everything = " ".join(texts)
    for title in SECTIONS:
        assert title in everything, title
    for number, page in enumerate(texts, start=1):
        assert page.startswith("Minutes: Q1 roadmap review W-001 · 26 November 2026 · 4 attendees")
        assert f"Page {number} of {len(texts)}" in page
        assert "Northwind Outfitters — ML roadmap 2027 · 26 November 2026" in page


def test_the_session_its_attendees_and_agenda(text: str) -> None:
    assert "Session W-001 · ended" in text
    assert "Attendees Priya Shah, Tom Becker, Lena Vogt, Marco Rossi (4)" in text
    assert "1 Review the roadmap 20 min 22:30 2:30 over" in text
    assert "2 Dot vote: what matters most 15 min 12:05 2:55 under" in text
    assert "3 Decisions and actions 25 min 25:00 on time" in text
    assert "Total (3 items) 60 min 59:35" in text


def test_the_vote_its_ranking_and_each_participants_dots(text: str) -> None:
    assert (
        "What matters most next quarter? · on initiatives · 3 dots each · 12 of 12 dots placed · "
        "written into Confidence %" in text
    )
    assert (
        "1 I-012 Product attribute tagging from images 5 Priya Shah 2, Tom Becker 1, Lena Vogt 1, Marco Rossi 1" in text
    )
    assert "2 I-007 Personal size advice on product pages 3 Priya Shah 1, Lena Vogt 2" in text
    assert "2 I-013 Delivery date promise at checkout 3 Tom Becker 2, Marco Rossi 1" in text
    assert "4 I-016 Next-best offer in CRM journeys 1 Marco Rossi 1" in text
    assert "24 more initiatives got no dot." in text


def test_decisions_actions_and_the_parking_lot(text: str) -> None:
    for key, (decision, _) in zip(("D-001", "D-002", "D-003"), mock.DECISIONS, strict=True):
        assert f"{key} {decision}" in text
    assert "D-003 Park the rule-based widget in Later in favour of complete-the-look. I-003 Complete-the-look" in text
    assert (
        "A-001 Confirm labelled image data for attribute tagging Priya Shah 2026-12-11 open C-003 Feature store" in text
    )
    assert "A-002 Draft the monitoring plan for the demand forecast Tom Becker 2027-01-15 open I-004" in text
    assert f"P-001 {mock.PARKED[0]} I-012 Product attribute tagging from images;" in text


def test_what_changed_tells_the_moves_scores_and_npv(held: tuple[Path, Path], text: str) -> None:
    found = read_minutes(held[0], "W-001").what_changed
    assert found is not None
    *scenarios, risk_adjusted = found.comparison.npv
    for npv in scenarios:
        assert f"{NPV_TITLES[npv.scenario]} {amount(npv.before)} {amount(npv.after)} no change" in text
    gain = amount(risk_adjusted.after - risk_adjusted.before)
    assert f"Base, risk-adjusted {amount(risk_adjusted.before)} {amount(risk_adjusted.after)} +{gain}" in text
    assert "7 items changed, 0 added and 0 removed; 2 board moves and 5 changed scores." in text
    assert "I-009 Rule-based 'bought together' widget Now Later" in text
    assert "I-014 Predict likely returns at order time Next Now" in text
    assert "I-004 Weekly SKU demand forecast per warehouse Readiness: monitoring 2 3" in text
    assert "I-012 Product attribute tagging from images Confidence % 60 100" in text
    assert "No risk moved into another band." in text
    assert "Initiative I-016 Next-best offer in CRM journeys: changed Confidence % 45 % 20 %" in text


def test_pages_render_and_none_is_blank(held: tuple[Path, Path], tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "pdftoppm comes with poppler-utils: scripts/install-system-deps.sh --tests"

    subprocess.run(["pdftoppm", "-r", "40", "-png", str(held[1]), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(pypdf.PdfReader(held[1]).pages)
    for image_path in images:
        with Image.open(image_path) as image:
            assert image.width > image.height  # A4 landscape, as the report
            grey = image.convert("L")
            inked = sum(grey.histogram()[:200])
            assert inked > 0.01 * grey.width * grey.height, image_path.name


def test_a_pdf_with_a_title(held: tuple[Path, Path]) -> None:
    metadata = pypdf.PdfReader(held[1]).metadata
    assert metadata is not None
    assert metadata.title == "Minutes: Q1 roadmap review, 26 November 2026"


def test_a_planned_session_says_what_is_not_there_yet(sample_path: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        SessionService(workspace).create({"title": "Kick-off", "held_on": "2026-12-01"}, [], [])
    finally:
        workspace.close()
    out = tmp_path / "planned.pdf"
    export_minutes_pdf(sample_path, "Kick-off", out)
    text = " ".join(page_texts(out))
    for sentence in (
        "Session W-001 · planned, not started yet",
        "Attendees none",
        "The session has no agenda.",
        "No votes were taken in this session.",
        "No decisions were recorded.",
        "No actions were recorded.",
        "Nothing was parked.",
        "The session has not started: there is no snapshot of its start to compare with yet.",
    ):
        assert sentence in text, sentence


def test_a_long_list_of_changes_is_capped_and_user_text_is_printed_as_typed(sample_path: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        key, _ = SessionService(workspace).create({"title": "Re-score $ spend", "held_on": "2026-12-01"}, ["Ana"], [])
        SessionService(workspace).start(key)
        initiatives, capabilities = InitiativeService(workspace), CapabilityService(workspace)
        for number, row in enumerate(initiatives.board().initiatives):
            initiatives.update(row.key, {"confidence": number + 1, "readiness_data": 0 if row.readiness_data else 1})
        for row in capabilities.catalogue():
            capabilities.update(row.key, {"owner": "Platform team"})
        LogService(workspace).record("decision", {"text": "Save $2M on $x$ by \\alpha"}, session_key=key)
    finally:
        workspace.close()
    out = tmp_path / "long.pdf"
    export_minutes_pdf(sample_path, key, out)
    text = " ".join(page_texts(out))
    changed = 28 + 14  # every initiative and every capability of the sample
    assert f"{changed} items changed" in text
    assert f"… and {changed - LISTED_CHANGES} more changed items (the minutes workbook lists them all)" in text
    scores = 2 * 28  # confidence and data readiness of every initiative
    assert f"… and {scores - LISTED_CHANGES} more scores (the minutes workbook lists them all)" in text
    assert "Minutes: Re-score $ spend" in text
    assert "Save $2M on $x$ by \\alpha" in text


def test_progress_counts_pages_and_cancel_leaves_an_old_file_untouched(held: tuple[Path, Path], tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []
    export_minutes_pdf(held[0], "W-001", tmp_path / "m.pdf", lambda done, total: heard.append((done, total)) or True)
    pages = len(pypdf.PdfReader(tmp_path / "m.pdf").pages)
    assert heard == [(0, 1), *((done, pages) for done in range(pages + 1))]

    out = tmp_path / "old.pdf"
    out.write_bytes(b"older minutes")
    export_minutes_pdf(held[0], "W-001", out, lambda done, total: done < 2)
    assert out.read_bytes() == b"older minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf", "old.pdf"]


class TestRefusals:
    def test_not_a_pdf(self, held: tuple[Path, Path], tmp_path: Path) -> None:
        with pytest.raises(WorkspaceError, match=r"must end in \.pdf"):
            export_minutes_pdf(held[0], "W-001", tmp_path / "minutes.xlsx")

    def test_an_unknown_session_writes_nothing(self, held: tuple[Path, Path], tmp_path: Path) -> None:
        with pytest.raises(WorkspaceError, match=r"There is no session 'W-404'\. The sessions are: W-001 Q1 roadmap"):
            export_minutes_pdf(held[0], "W-404", tmp_path / "minutes.pdf")
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("amount_1", 120_000.0, "EUR 120,000"),
        ("amount_1", 1_234.5, "EUR 1,234.50"),
        ("annual_benefit", -900.0, "EUR \u2212900"),
        ("adoption_1", 0.25, "25 %"),
        ("benefit_uplift", 0.125, "12.5 %"),
        ("confidence", 80, "80 %"),
        ("baseline", -0.5, "\u22120.5"),
        ("readiness_data", 3, "3"),
        ("lane", "Next", "Next"),
        ("owner", "", "—"),
        ("adoption_1", None, "—"),
    ],
)
def test_compared_values_read_as_the_forms_show_them(field: str, value: object, text: str) -> None:
    assert value_text(field, value, "EUR") == text
