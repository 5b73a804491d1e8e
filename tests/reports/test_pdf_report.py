"""The executive PDF report: its text holds every section and the workspace's own figures (pypdf),
its pages render and are not blank (pdftoppm, where installed), cancelling leaves no file, and
`stress` builds into a few pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image

from align_desktop.cli import main
from align_desktop.reports.pdf_report import export_report
from align_desktop.store.errors import WorkspaceError

TODAY = date(2026, 11, 1)
"""After three of the sample's review dates (R-002, R-005, R-013), so overdue reviews are alerted."""
SECTIONS = (
    "Executive report",
    "Contents",
    "Headline figures",
    "Roadmap by lane",
    "Top capabilities by value unlocked",
    "Risks: residual heat map and top risks",
    "Business cases",
    "Alerts",
)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of white space made single spaces (table cells wrap)."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def amount(value: float) -> str:
    """As the report's tables print an amount."""
    text = f"{abs(value):,.0f}"
    return ("\u2212" if value < 0 and text != "0" else "") + text


def read(path: Path, what: Callable[[Any], Any]) -> Any:
    from align_desktop.store.connection import transaction
    from align_desktop.store.reading import read_only

    with read_only(path) as (connection, _), transaction(connection) as db:
        return what(db)


@pytest.fixture(scope="module")
def retail(tmp_path_factory: pytest.TempPathFactory, _built_samples: dict[str, Path]) -> tuple[Path, Path]:
    """The realistic sample (a copy of `sample_path`'s source) and its report, exported once for the module."""
    folder = tmp_path_factory.mktemp("report")
    workspace = folder / "retail.align"
    shutil.copyfile(_built_samples["retail"], workspace)
    out = folder / "retail.pdf"
    export_report(workspace, out, today=TODAY)
    return workspace, out


@pytest.fixture(scope="module")
def texts(retail: tuple[Path, Path]) -> list[str]:
    return page_texts(retail[1])


def test_every_section_and_the_page_furniture(texts: list[str]) -> None:
    everything = " ".join(texts)
    for title in SECTIONS:
        assert title in everything, title
    assert len(texts) == 7
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of 7" in text
        assert "Northwind Outfitters — ML roadmap 2027 · 1 November 2026" in text


def test_the_cover_gives_the_portfolio_in_one_line(retail: tuple[Path, Path], texts: list[str]) -> None:
    from align_desktop.exchange.roi_document import build_report
    from align_desktop.reports.formatting import money
    from align_desktop.store.reading import read_case_summaries

    base = build_report(read_case_summaries(retail[0]), "base")["portfolio"]
    cover = texts[0]
    assert "Northwind Outfitters — ML roadmap 2027" in cover
    assert "1 November 2026" in cover
    assert f"portfolio NPV {money(base['npv'], 'EUR')} in the base scenario" in cover
    assert f"({money(base['risk_adjusted_npv'], 'EUR')} risk-adjusted)" in cover
    assert "28 initiatives in 3 lanes" in cover


def test_headline_figures_are_those_of_align_desktop_roi(retail: tuple[Path, Path], texts: list[str]) -> None:
    from align_desktop.exchange.roi_document import build_report
    from align_desktop.store.reading import read_case_summaries

    summaries = read_case_summaries(retail[0])
    headline = texts[1]
    for scenario in ("pessimistic", "base", "optimistic"):
        portfolio = build_report(summaries, scenario)["portfolio"]
        row = f"{scenario.capitalize()} {amount(portfolio['npv'])} {amount(portfolio['risk_adjusted_npv'])}"
        assert row in headline, row
    # the business-case table ends with the same portfolio total
    base = build_report(summaries, "base")["portfolio"]
    assert f"Portfolio (28 business cases) {amount(base['npv'])} {amount(base['risk_adjusted_npv'])}" in texts[5]


def test_the_roadmap_lists_every_initiative_of_the_sample_by_lane(texts: list[str]) -> None:
    roadmap = texts[2]
    assert "Now · 9 initiatives" in roadmap
    assert "Next · 10 initiatives" in roadmap
    assert "Later · 9 initiatives" in roadmap
    for number in range(1, 29):
        assert f"I-{number:03d}" in roadmap
    assert "I-001 Learning-to-rank for on-site search scaling Convert more visits into orders ready" in roadmap
    assert "below gate: Monitoring" in roadmap


def test_the_top_risks_and_those_above_appetite(retail: tuple[Path, Path], texts: list[str]) -> None:
    from align_desktop.store import risk_queries

    risks = [r for r in read(retail[0], risk_queries.risks) if r.status != "closed"]
    top = sorted(risks, key=lambda r: -r.residual_score)[:4]
    page = texts[4]
    assert "20 open risks, 4 above the appetite of 9" in page
    for risk in top:
        assert risk.key in page
        assert f"{risk.residual_score} high ▲" in page
    assert "R-015" not in page  # closed


def test_top_capabilities_by_value_unlocked(texts: list[str]) -> None:
    page = texts[3]
    assert "C-006 Online model serving 4 → 5 13 4,852,585" in page
    assert "59 needs are above current maturity" in page


def test_every_alert_message_with_what_to_do(retail: tuple[Path, Path], texts: list[str]) -> None:
    from align_desktop.store.dashboard_queries import dashboard

    alerts = read(retail[0], lambda db: dashboard(db, TODAY)).alerts
    page = " ".join(texts[6:])
    assert f"{len(alerts)} alerts on 2026-11-01" in page
    for alert in alerts:
        assert alert.message in page, alert.message
        assert alert.action in page
    overdue = [alert.key for alert in alerts if alert.kind.value == "review overdue"]
    assert overdue == ["R-002", "R-005", "R-013"]


def test_pages_render_and_none_is_blank(retail: tuple[Path, Path], tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "pdftoppm comes with poppler-utils: scripts/install-system-deps.sh --tests"

    subprocess.run(["pdftoppm", "-r", "40", "-png", str(retail[1]), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 7
    for image_path in images:
        with Image.open(image_path) as image:
            assert image.width > image.height  # landscape
            grey = image.convert("L")
            inked = sum(grey.histogram()[:200])  # pixels clearly darker than paper
            assert inked > 0.01 * grey.width * grey.height, image_path.name


def test_a_pdf_with_a_title(retail: tuple[Path, Path]) -> None:
    metadata = pypdf.PdfReader(retail[1]).metadata
    assert metadata is not None
    assert metadata.title == "Northwind Outfitters — ML roadmap 2027: executive report, 1 November 2026"


class TestProgressAndCancel:
    def test_progress_counts_every_page(self, sample_path: Path, tmp_path: Path) -> None:
        heard: list[tuple[int, int]] = []
        export_report(sample_path, tmp_path / "r.pdf", lambda done, total: heard.append((done, total)) or True, TODAY)
        assert heard[0] == (0, 1)  # before reading
        assert heard[-1] == (7, 7)
        assert [done for done, _ in heard[1:]] == list(range(8))

    @pytest.mark.parametrize("stop_at", [0, 3, 7, 8])
    def test_cancel_leaves_no_file_and_an_old_one_untouched(
        self, sample_path: Path, tmp_path: Path, stop_at: int
    ) -> None:
        out = tmp_path / "report.pdf"
        out.write_bytes(b"an older report")
        calls = 0

        def progress(done: int, total: int) -> bool:
            nonlocal calls
            calls += 1
            return calls <= stop_at

        export_report(sample_path, out, progress, TODAY)
        assert out.read_bytes() == b"an older report"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf", "retail.align"]

    def test_cancel_before_anything_writes_nothing(self, sample_path: Path, tmp_path: Path) -> None:
        export_report(sample_path, tmp_path / "new.pdf", lambda done, total: False, TODAY)
        assert not (tmp_path / "new.pdf").exists()


class TestRefusals:
    def test_not_a_pdf(self, sample_path: Path, tmp_path: Path) -> None:
        with pytest.raises(WorkspaceError, match=r"must end in \.pdf"):
            export_report(sample_path, tmp_path / "report.xlsx")

    def test_a_folder_that_does_not_exist(self, sample_path: Path, tmp_path: Path) -> None:
        with pytest.raises(WorkspaceError, match="does not exist"):
            export_report(sample_path, tmp_path / "missing" / "report.pdf")

    def test_a_workspace_before_the_risk_register(self, tmp_path: Path) -> None:
        old = tmp_path / "old.align"
        shutil.copyfile(FIXTURES / "schema-3-retail.align", old)
        with pytest.raises(WorkspaceError, match="before the risk register"):
            export_report(old, tmp_path / "report.pdf")
        assert not (tmp_path / "report.pdf").exists()


def test_an_empty_workspace_reports_that_there_is_nothing_yet(workspace: Any, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    export_report(workspace.path, out, today=TODAY)
    everything = " ".join(page_texts(out))
    for title in SECTIONS:
        assert title in everything
    assert "No outcome carries value yet" in everything
    assert "No alerts: the plan passes every check." in everything


def test_user_text_is_printed_as_typed(sample_path: Path, tmp_path: Path) -> None:
    """Dollar signs would start matplotlib's mathtext; names and titles are never read as markup."""
    from align_desktop.store.initiatives import InitiativeService
    from align_desktop.store.settings import SettingsService
    from align_desktop.store.workspace import Workspace

    opened = Workspace.open(sample_path)
    try:
        SettingsService(opened).update({"name": "Save $2M on $ spend"})
        InitiativeService(opened).update("I-001", {"title": "Rank $x$ by $y$ \\alpha"})
    finally:
        opened.close()
    out = tmp_path / "dollars.pdf"
    export_report(sample_path, out, today=TODAY)
    texts = page_texts(out)
    assert "Save $2M on $ spend" in texts[0]
    assert "Rank $x$ by $y$ \\alpha" in texts[2]


def test_chinese_and_japanese_titles_are_drawn_in_a_font_that_has_them(sample_path: Path, tmp_path: Path) -> None:
    from align_desktop.store.initiatives import InitiativeService
    from align_desktop.store.workspace import Workspace

    opened = Workspace.open(sample_path)
    try:
        InitiativeService(opened).update("I-001", {"title": "需求预测 東京店舗"})
    finally:
        opened.close()
    out = tmp_path / "cjk.pdf"
    export_report(sample_path, out, today=TODAY)
    assert "需求预测 東京店舗" in page_texts(out)[2]
    embedded = {
        str(font["/BaseFont"]) for page in pypdf.PdfReader(out).pages for font in page["/Resources"]["/Font"].values()
    }
    assert any("DroidSansFallback" in name for name in embedded), embedded


def test_stress_builds_into_a_few_pages_with_the_caps_said(stress_path: Path, tmp_path: Path) -> None:
    """One run over `stress` (2,000 initiatives, 1,000 risks, 2,360 alerts): lists are capped, not paged out."""
    out = tmp_path / "stress.pdf"
    export_report(stress_path, out, today=TODAY)
    texts = page_texts(out)
    assert len(texts) <= 10
    everything = " ".join(texts)
    assert re.search(r"… and 6\d\d more in Now \(board order\)", everything)
    assert "… and 1,980 more business cases (lower NPV)" in everything
    assert "… and 285 more capabilities" in everything
    assert "more negative NPV alerts" in everything
    assert "Portfolio (2,000 business cases)" in everything


def test_the_command_line_writes_the_report(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "board pack.pdf"
    assert main(["export", "report", str(sample_path), str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote {out}\n"
    assert "Roadmap by lane" in " ".join(page_texts(out))
    assert main(["export", "report", str(sample_path), str(tmp_path / "board pack.xlsx")]) == 1
    assert ".pdf" in capsys.readouterr().err


def test_a_report_to_a_full_disk_says_so_and_leaves_nothing(small_disk: Any, sample_path: Path) -> None:
    small_disk.fill()
    with pytest.raises(WorkspaceError, match=r"report.pdf cannot be written: the disk is full"):
        export_report(sample_path, small_disk.path / "report.pdf")
    assert sorted(p.name for p in small_disk.path.iterdir()) == ["filler.bin"]
