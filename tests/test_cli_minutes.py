"""`align-desktop export minutes PATH SESSION OUT.pdf|OUT.xlsx`: the session by key or title, the format by
suffix, exit codes as for the other exports, and no Qt imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from align_desktop.cli import main
from align_desktop.store.workspace import Workspace
from tests import mock_session as mock
from tests.reports.test_pdf_report import page_texts


@pytest.fixture
def held(sample_path: Path) -> Path:
    """The realistic sample after the mock session W-001."""
    workspace = Workspace.open(sample_path)
    try:
        mock.run_mock_session(workspace)
    finally:
        workspace.close()
    return sample_path


def test_the_minutes_as_a_pdf_by_key(held: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "minutes W-001.pdf"
    assert main(["export", "minutes", str(held), "W-001", str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote {out}\n"
    assert "Minutes: Q1 roadmap review" in " ".join(page_texts(out))


def test_the_minutes_as_a_workbook_by_title(held: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "minutes.XLSX"
    assert main(["export", "minutes", str(held), mock.TITLE, str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote {out}\n"
    assert openpyxl.load_workbook(out)["Session"]["B2"].value == "W-001"


def test_an_unknown_session_is_refused_naming_those_there_are(
    held: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "minutes", str(held), "W-002", str(tmp_path / "m.pdf")]) == 1
    assert capsys.readouterr().err == (
        f"align-desktop: {held}: There is no session 'W-002'. "
        "The sessions are: W-001 Q1 roadmap review (2026-11-26, ended).\n"
    )
    assert list(tmp_path.glob("m.*")) == []


def test_another_suffix_is_refused(held: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "minutes", str(held), "W-001", str(tmp_path / "m.docx")]) == 1
    assert "must end in .pdf or .xlsx" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "minutes", "w.align", "m.pdf"],
        ["export", "report", "w.align", "W-001", "m.pdf"],
    ],
)
def test_a_session_for_minutes_and_only_for_minutes(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 2
    assert capsys.readouterr().err.startswith("align-desktop: usage: align-desktop export ")


def test_exporting_minutes_imports_no_qt(held: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from align_desktop.cli import main\n"
        f"assert main(['export', 'minutes', {str(held)!r}, 'W-001', 'm.pdf']) == 0\n"
        f"assert main(['export', 'minutes', {str(held)!r}, 'W-001', 'm.xlsx']) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
        "print('no qt')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("no qt\n")
