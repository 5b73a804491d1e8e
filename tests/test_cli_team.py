"""The command line on team workspaces: every command that takes a PATH takes a `postgresql://` address."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from align_desktop.cli import main
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.server import PasswordNeeded, ServerAddress, connect
from tests.postgres import GUARDED, GUARDED_PASSWORD, Cluster


@pytest.fixture
def team_url(postgres: Cluster) -> str:
    """A team workspace holding the realistic sample, made by `align-desktop new`."""
    url = postgres.database()
    assert main(["new", url, "--sample", "retail"]) == 0
    return url


def test_new_on_a_server_then_roi_equals_the_same_sample_in_a_file(
    team_url: str, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["roi", team_url, "--json"]) == 0
    on_server = json.loads(capsys.readouterr().out)
    assert main(["roi", str(sample_path), "--json"]) == 0
    in_file = json.loads(capsys.readouterr().out)
    assert on_server == in_file


def test_check_and_exports_read_a_team_workspace(
    team_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", team_url]) == 0
    assert f"{team_url}: no problems found" in capsys.readouterr().out
    for kind, name in (("finance", "f.xlsx"), ("executive", "e.xlsx"), ("workbook", "w.xlsx"), ("report", "r.pdf")):
        assert main(["export", kind, team_url, str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0


def test_import_previews_on_a_team_workspace_but_does_not_apply(
    team_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "w.xlsx"
    assert main(["export", "workbook", team_url, str(workbook)]) == 0
    assert main(["import", team_url, str(workbook), "--dry-run"]) == 0
    assert "nothing was changed" in capsys.readouterr().out


def test_new_refuses_a_database_that_holds_a_workspace(team_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", team_url]) == 1
    assert "is not empty" in capsys.readouterr().err


def test_rescue_is_for_files(team_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", team_url, "--rescue", str(tmp_path / "new.align")]) == 2
    assert "--rescue reads a damaged workspace file" in capsys.readouterr().err
    assert not (tmp_path / "new.align").exists()


def test_a_password_in_the_address_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["roi", "postgresql://maria:secret@plan.example.org/portfolio"])
    assert exited.value.code == 2
    assert "Leave the password out" in capsys.readouterr().err


def test_a_password_asked_for_without_a_terminal_points_to_pgpassfile(
    postgres: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    guarded = f"postgresql://{GUARDED}@127.0.0.1:{postgres.port}/postgres"
    assert main(["roi", guarded]) == 1
    err = capsys.readouterr().err
    assert f"127.0.0.1 needs a password for {GUARDED} (database postgres)" in err
    assert "PGPASSFILE" in err


def test_a_typed_password_is_used_and_a_wrong_one_refused(postgres: Cluster) -> None:
    address = ServerAddress.parse(f"postgresql://{GUARDED}@127.0.0.1:{postgres.port}/postgres")
    with pytest.raises(PasswordNeeded) as needed:
        connect(address)
    assert not needed.value.refused
    with pytest.raises(PasswordNeeded) as refused:
        connect(address.with_password("abracadabra"))
    assert refused.value.refused
    connect(address.with_password(GUARDED_PASSWORD)).close()
    assert GUARDED_PASSWORD not in str(address.with_password(GUARDED_PASSWORD))
    assert GUARDED_PASSWORD not in repr(address.with_password(GUARDED_PASSWORD))


def test_pgpassfile_gives_the_password(postgres: Cluster, tmp_path: Path, monkeypatch: Any) -> None:
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres.port}:*:{GUARDED}:{GUARDED_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    connect(ServerAddress.parse(f"postgresql://{GUARDED}@127.0.0.1:{postgres.port}/postgres")).close()


def test_an_unreachable_server_is_one_sentence(postgres: Cluster, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roi", f"postgresql://align@127.0.0.1:{postgres.port}/missing"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"align-desktop: Cannot connect to postgresql://align@127.0.0.1:{postgres.port}/missing: ")
    assert len(err.strip().splitlines()) == 1


def test_a_server_address_is_not_mistaken_for_a_file() -> None:
    with pytest.raises(WorkspaceError, match="does not name a server and a database"):
        ServerAddress.parse("postgresql://")


def test_publish_then_download_round_trips_through_the_command_line(
    postgres: Cluster, sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.database()
    assert main(["publish", str(sample_path), url]) == 0
    assert f"Published {sample_path} as the team workspace {url}" in capsys.readouterr().out
    copy = tmp_path / "copy.align"
    assert main(["download", url, str(copy)]) == 0
    assert f"Downloaded the team workspace {url} into {copy}" in capsys.readouterr().out
    assert main(["roi", str(copy), "--json"]) == 0
    downloaded = json.loads(capsys.readouterr().out)
    assert main(["roi", str(sample_path), "--json"]) == 0
    assert downloaded == json.loads(capsys.readouterr().out)
    assert main(["publish", str(sample_path), url]) == 1
    assert "is not empty" in capsys.readouterr().err


def test_import_into_a_team_workspace_applies_after_a_backup_in_the_users_data_folder(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from align_desktop.store.imports import read_contents
    from align_desktop.store.team_imports import team_backup_folder, user_data_folder

    for variable in ("HOME", "XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.setenv(variable, str(tmp_path / "home"))
    workbook = tmp_path / "w.xlsx"
    assert main(["export", "workbook", team_url, str(workbook)]) == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Initiatives"]
    title = [cell.value for cell in sheet[1]].index("Title")
    sheet.cell(row=2, column=title + 1).value = "Renamed in the workbook"
    book.save(workbook)
    capsys.readouterr()

    assert main(["import", team_url, str(workbook)]) == 0

    out = capsys.readouterr().out
    (backup,) = team_backup_folder(user_data_folder(), ServerAddress.parse(team_url)).glob("* before import.align")
    assert str(tmp_path / "home") in str(backup)
    assert f"Imported: 0 added, 1 changed. The workspace before the import is kept in {backup}." in out
    assert "Renamed in the workbook" in {i.title for i in read_contents(ServerAddress.parse(team_url)).initiatives}
    assert "Renamed in the workbook" not in {i.title for i in read_contents(backup).initiatives}


def _offline_copy(team_url: str, tmp_path: Path) -> Path:
    """A copy of the team workspace downloaded for an offline workshop, where I-002 was renamed, and the same
    initiative renamed on the team workspace meanwhile."""
    from align_desktop.store.initiatives import InitiativeService
    from align_desktop.store.locations import open_location

    copy = tmp_path / "offline.align"
    assert main(["download", team_url, str(copy)]) == 0
    for location, title in ((copy, "Renamed offline"), (ServerAddress.parse(team_url), "Renamed by the team")):
        workspace = open_location(location)
        try:
            InitiativeService(workspace).update("I-002", {"title": title})
            if location == copy:
                InitiativeService(workspace).update("I-003", {"confidence": 90})
        finally:
            workspace.close()
    return copy


def _title(team_url: str, key: str) -> str:
    with connect(ServerAddress.parse(team_url)) as connection:
        row = connection.execute("SELECT title FROM initiative WHERE key = %s", (key,)).fetchone()
    assert row is not None
    return str(row[0])


def test_push_previews_and_refuses_until_conflicts_are_settled(
    team_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _offline_copy(team_url, tmp_path)
    capsys.readouterr()
    assert main(["push", str(copy), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "change initiative I-002 — Renamed offline: CONFLICT, changed on the team workspace too" in out
    assert "yours Renamed offline, team's Renamed by the team" in out
    assert "confidence: 85 → yours 90, team's 85" in out
    assert "Dry run: 2 change(s), 1 conflict(s); nothing was pushed." in out

    assert main(["push", str(copy)]) == 1
    assert "nothing pushed: 1 conflict(s)" in capsys.readouterr().err
    assert _title(team_url, "I-002") == "Renamed by the team"

    assert main(["push", str(copy), "--conflicts", "mine"]) == 0
    assert "Pushed 2 change(s)" in capsys.readouterr().out
    assert _title(team_url, "I-002") == "Renamed offline"

    assert main(["push", str(copy), "--conflicts", "mine"]) == 1
    assert "a copy is pushed once" in capsys.readouterr().err


def test_push_keeps_the_teams_values_when_told(
    team_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _offline_copy(team_url, tmp_path)
    assert main(["push", str(copy), "--conflicts", "theirs"]) == 0
    assert "kept in 1 conflict(s)" in capsys.readouterr().out
    assert _title(team_url, "I-002") == "Renamed by the team"


def test_push_refuses_a_file_that_is_not_a_downloaded_copy(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["push", str(sample_path)]) == 1
    assert "was not downloaded from a team workspace" in capsys.readouterr().err
