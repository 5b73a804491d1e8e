"""The window on a team workspace: connecting (with the password asked for), what a server cannot do, and
others' changes appearing without a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from tests.postgres import GUARDED, GUARDED_PASSWORD, Cluster, grant_team_roles, login_in


def _action(window: MainWindow, text: str) -> Any:
    return next(action for action in window.menuBar().actions()[0].menu().actions() if action.text() == text)


def test_file_connect_opens_the_team_workspace_and_remembers_its_address(
    window: MainWindow, prompter: Any, team_url: str
) -> None:
    prompter.line_answers.append(team_url)
    _action(window, "Connect to &Team Workspace…").trigger()
    assert window.workspace is not None
    assert window.workspace.workspace.location == ServerAddress.parse(team_url)
    assert "(team workspace on 127.0.0.1)" in window.windowTitle()
    assert window.windowFilePath() == ""
    assert len(window.board.scene.cards) == 28
    assert _action(window, "&Import Workbook…").isEnabled()
    assert not _action(window, "Restore from &Backup…").isEnabled()
    assert _action(window, "&Close").isEnabled()
    assert Preferences(user_settings()).recent_files()[0] == ServerAddress.parse(team_url)
    window.close_workspace()
    label = window.welcome._recent.item(0).text()
    assert label == f"{ServerAddress.parse(team_url).database}\nteam workspace on 127.0.0.1"


def test_the_password_is_asked_for_again_when_refused(
    window: MainWindow, prompter: Any, team_url: str, postgres: Cluster
) -> None:
    guarded = team_url.replace("align@", f"{GUARDED}@")
    prompter.password_answers += ["abracadabra", GUARDED_PASSWORD]
    assert window.open_workspace(ServerAddress.parse(guarded))
    assert len(prompter.password_questions) == 2
    assert "needs a password" in prompter.password_questions[0]
    assert prompter.password_questions[1].startswith("The password was refused.")
    assert prompter.errors == []
    assert GUARDED_PASSWORD not in str(Preferences(user_settings()).recent_files())


def test_giving_up_on_the_password_opens_nothing(window: MainWindow, prompter: Any, team_url: str) -> None:
    prompter.password_answers.append(None)
    assert not window.open_workspace(ServerAddress.parse(team_url.replace("align@", f"{GUARDED}@")))
    assert window.workspace is None


def test_a_malformed_address_is_refused_saying_why(window: MainWindow, prompter: Any) -> None:
    prompter.line_answers.append("postgresql://maria:secret@plan.example.org/portfolio")
    _action(window, "Connect to &Team Workspace…").trigger()
    assert window.workspace is None
    assert prompter.errors[0][0] == "Not a team workspace address"
    assert "Leave the password out" in prompter.errors[0][1]


def test_changes_others_make_appear_without_a_restart(window: MainWindow, qtbot: Any, team_url: str) -> None:
    assert window.open_workspace(ServerAddress.parse(team_url))
    before = len(window.board.scene.cards)
    colleague = ServerWorkspace.open_on_server(ServerAddress.parse(team_url))
    try:
        InitiativeService(colleague).create({"title": "Forecast returns by store"})
        qtbot.waitUntil(lambda: len(window.board.scene.cards) == before + 1, timeout=5000)
    finally:
        colleague.close()
    assert "changes others made" in window.statusBar().currentMessage()


def test_the_windows_own_edits_do_not_count_as_others(window: MainWindow, qtbot: Any, team_url: str) -> None:
    assert window.open_workspace(ServerAddress.parse(team_url))
    opened = window.workspace
    assert opened is not None
    others: list[bool] = []
    opened.others_changed.connect(lambda: others.append(True))
    opened.perform("Add", lambda: opened.initiatives.create({"title": "Ours"})[1])
    qtbot.wait(300)
    assert others == []


def test_publishing_the_open_file_opens_it_as_a_team_workspace_and_leaves_the_file(
    window: MainWindow, prompter: Any, sample_path: Path, postgres: Cluster
) -> None:
    assert window.open_workspace(sample_path)
    assert not _action(window, "&Download a Copy…").isEnabled()
    before = sample_path.read_bytes()
    url = postgres.database()
    prompter.line_answers.append(url)
    _action(window, "&Publish to Team Workspace…").trigger()
    assert window.workspace is not None
    assert window.workspace.workspace.location == ServerAddress.parse(url)
    assert len(window.board.scene.cards) == 28
    assert "now open; the file is unchanged" in window.statusBar().currentMessage()
    window.close_workspace()
    assert sample_path.read_bytes() == before


def test_publishing_into_a_database_that_is_not_empty_is_refused(
    window: MainWindow, prompter: Any, sample_path: Path, team_url: str
) -> None:
    assert window.open_workspace(sample_path)
    prompter.line_answers.append(team_url)
    _action(window, "&Publish to Team Workspace…").trigger()
    assert prompter.errors[0][0] == "Not published"
    assert "is not empty" in prompter.errors[0][1]
    assert window.workspace is not None and window.workspace.workspace.location == sample_path.resolve()


def test_downloading_a_copy_of_the_team_workspace_for_an_offline_workshop(
    window: MainWindow, prompter: Any, team_url: str, tmp_path: Path
) -> None:
    assert window.open_workspace(ServerAddress.parse(team_url))
    assert not _action(window, "&Publish to Team Workspace…").isEnabled()
    copy = tmp_path / "offline.align"
    prompter.path_answers.append(copy)
    _action(window, "&Download a Copy…").trigger()
    assert copy.exists()
    assert "File > Open works on it offline" in window.statusBar().currentMessage()
    assert window.open_workspace(copy)
    assert len(window.board.scene.cards) == 28


def test_a_password_the_server_asks_for_while_publishing_is_asked_and_used(
    window: MainWindow, prompter: Any, sample_path: Path, postgres: Cluster
) -> None:
    url = postgres.database()
    postgres.admin(f"GRANT align TO {GUARDED}")
    assert window.open_workspace(sample_path)
    prompter.line_answers.append(url.replace("align@", f"{GUARDED}@"))
    prompter.password_answers.append(GUARDED_PASSWORD)
    _action(window, "&Publish to Team Workspace…").trigger()
    assert prompter.errors == []
    assert window.workspace is not None
    assert isinstance(window.workspace.workspace.location, ServerAddress)


def test_a_viewer_gets_the_team_workspace_read_only(window: MainWindow, team_url: str, postgres: Cluster) -> None:
    address = ServerAddress.parse(team_url)
    grant_team_roles(address)
    assert window.open_workspace(login_in(postgres, address, "align_viewer"))
    assert window.workspace is not None and window.workspace.workspace.read_only
    assert "(team workspace on 127.0.0.1, read-only)" in window.windowTitle()
    assert "your role on the server may read this team workspace, not change it" in window._saved_label.text()


@pytest.fixture
def edited_workbook(team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The team workspace's workbook with I-001's annual benefit changed, the preview accepted when shown, and
    the app's data folder (where team backups go) in the test's own folder."""
    from tests.ui.exchange.test_import_flow import _accept_preview, _edited_workbook

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _accept_preview(monkeypatch)
    return _edited_workbook(ServerAddress.parse(team_url), tmp_path, 999_999)


def test_a_workbook_is_imported_into_a_team_workspace_after_a_backup_and_undone(
    window: MainWindow, prompter: Any, team_url: str, edited_workbook: Path
) -> None:
    from align_desktop.ui.exchange.import_flow import app_data_folder

    assert window.open_workspace(ServerAddress.parse(team_url))
    assert window.workspace is not None
    cases = window.workspace.business_cases
    before = cases.case("I-001").annual_benefit
    prompter.path_answers.append(edited_workbook)
    _action(window, "&Import Workbook…").trigger()
    assert prompter.errors == []
    assert cases.case("I-001").annual_benefit == 999_999
    (backup,) = (app_data_folder() / "team backups").glob("*/* before import.align")
    assert str(backup) in window.statusBar().currentMessage()
    window.workspace.undo_stack.undo()
    assert cases.case("I-001").annual_benefit == before
    window.workspace.undo_stack.redo()
    assert cases.case("I-001").annual_benefit == 999_999


def test_a_workbook_dropped_on_a_team_workspace_is_imported_and_its_undo_spares_a_colleagues_change(
    window: MainWindow, prompter: Any, team_url: str, edited_workbook: Path
) -> None:
    from tests.ui.exchange.test_import_flow import _drop

    assert window.open_workspace(ServerAddress.parse(team_url))
    assert window.workspace is not None
    _drop(window, edited_workbook)
    assert window.workspace.business_cases.case("I-001").annual_benefit == 999_999
    colleague = ServerWorkspace.open_on_server(ServerAddress.parse(team_url))
    try:
        InitiativeService(colleague).create({"title": "Forecast returns by store"})
    finally:
        colleague.close()
    window.workspace.undo_stack.undo()
    assert prompter.errors[-1][0] == "Not saved"
    assert "others changed" in prompter.errors[-1][1]
    assert window.workspace.business_cases.case("I-001").annual_benefit == 999_999
    assert "Forecast returns by store" in {i.title for i in window.workspace.initiatives.board().initiatives}
