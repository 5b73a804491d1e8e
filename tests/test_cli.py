"""The `align-desktop` command line: `samples`, `new`, `check`, usage errors, and no Qt for them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from align_desktop.cli import main

EXECUTABLE = Path(sys.executable).with_name("align-desktop")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, timeout=60, check=False)


def test_samples_prints_one_sample_a_line_name_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["samples"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert err == ""
    names = [line.split()[0] for line in lines]
    assert "retail" in names
    assert "stress" in names
    assert len(names) == len(set(names))
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines), lines


def test_new_creates_an_empty_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.align"
    assert main(["new", str(path)]) == 0
    assert f"Created {path}" in capsys.readouterr().out
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT count(*) FROM initiative").fetchone() == (0,)
        assert connection.execute("SELECT name FROM workspace").fetchone() == ("plan",)
    finally:
        connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.align"]


def test_new_from_a_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "retail.align"
    assert main(["new", str(path), "--sample", "retail"]) == 0
    assert "from sample 'retail'" in capsys.readouterr().out
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT count(*) FROM initiative").fetchone()[0] >= 25
    finally:
        connection.close()


def test_new_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.align"
    path.write_bytes(b"precious")
    assert main(["new", str(path), "--sample", "retail"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("align-desktop: ")
    assert "already exists" in err
    assert err.count("\n") == 1
    assert path.read_bytes() == b"precious"


def test_new_with_an_unknown_sample_lists_the_known_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x.align"), "--sample", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no sample called 'nope'" in err
    assert "retail" in err
    assert "stress" in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_new_in_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "no" / "x.align")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_check_exits_0_on_a_sound_workspace(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(sample_path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{sample_path}: no problems found\n"
    assert err == ""


def test_check_exits_1_and_prints_each_finding(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(sample_path)
    connection.execute("UPDATE initiative SET key = 'broken' WHERE key = 'I-001'")
    connection.execute("UPDATE initiative SET position = 40 WHERE key = 'I-002'")
    connection.commit()
    connection.close()
    before = sample_path.read_bytes()
    assert main(["check", str(sample_path)]) == 1
    out, err = capsys.readouterr()
    *findings, hint = err.splitlines()
    assert out == ""
    assert len(findings) == 2
    assert all(line.startswith(f"{sample_path}: ") for line in findings)
    assert hint.endswith(f"align-desktop check {sample_path} --rescue NEW.align")
    assert sample_path.read_bytes() == before

    rescued = sample_path.with_name("rescued.align")
    assert main(["check", str(sample_path), "--rescue", str(rescued)]) == 0
    out, _ = capsys.readouterr()
    assert "initiative: key 'broken' was not of the form I-001; it is now I-" in out
    assert "positions renumbered to close gaps" in out
    assert out.endswith(f"Rescued {sample_path} into {rescued}.\n")
    assert main(["check", str(rescued)]) == 0
    assert sample_path.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["new"],
        ["check"],
        ["new", "a.align", "--sample"],
        ["samples", "extra"],
        ["--bogus"],
        ["check", "a", "b"],
    ],
    ids=["new-no-path", "check-no-path", "sample-no-name", "samples-extra", "unknown-option", "check-extra"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: align-desktop" in capsys.readouterr().err


def test_extra_words_after_a_workspace_path_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan.align", "now"]) == 2
    assert "unexpected arguments: now" in capsys.readouterr().err


def test_the_installed_executable_runs_samples_new_and_check(tmp_path: Path) -> None:
    samples = run("samples")
    assert samples.returncode == 0, samples.stderr
    assert samples.stdout.splitlines()[0].split()[0] == "retail"

    path = tmp_path / "w.align"
    created = run("new", str(path), "--sample", "retail")
    assert (created.returncode, created.stderr) == (0, "")
    checked = run("check", str(path))
    assert (checked.returncode, checked.stderr) == (0, "")

    again = run("new", str(path))
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1
    assert "Traceback" not in again.stderr

    missing = run("check", str(tmp_path / "missing.align"))
    assert missing.returncode == 1
    assert missing.stderr == f"align-desktop: There is no workspace at {tmp_path / 'missing.align'}.\n"

    usage = run("check")
    assert usage.returncode == 2


def test_windowless_commands_import_no_qt(tmp_path: Path) -> None:
    path = tmp_path / "w.align"
    script = (
        "import sys\n"
        "from align_desktop.cli import main\n"
        "assert main(['samples']) == 0\n"
        f"assert main(['new', {str(path)!r}, '--sample', 'retail']) == 0\n"
        f"assert main(['check', {str(path)!r}]) == 0\n"
        "assert main(['check', 'missing.align']) == 1\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
        "print('no qt')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("no qt\n")


def test_python_m_align_desktop_is_the_same_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "align_desktop", "samples"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("samples").stdout
