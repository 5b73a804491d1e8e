"""The keyboard shortcuts of a window, read from its actions, so that Help > Keyboard Shortcuts cannot go stale.

Menu actions are grouped by their menu (a submenu's actions under its top menu, named with the
submenu); actions outside the menus, such as Delete in a table, are grouped by the view they
belong to (the nearest widget with a window title, which the main window gives each view).
`standard_keys` gives a standard shortcut its conventional keys on every platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


@dataclass(frozen=True)
class Shortcut:
    """One action and the keys that trigger it, as the platform writes them."""

    action: str
    keys: str


@dataclass(frozen=True)
class ShortcutGroup:
    title: str
    shortcuts: tuple[Shortcut, ...]


def standard_keys(key: QKeySequence.StandardKey, *conventional: str) -> list[QKeySequence]:
    """The `conventional` keys (e.g. "Ctrl+W"), then the platform's other bindings for `key` that use a modifier
    or a function key (not a keyboard's dedicated New, Open or Close key, which would read as a word)."""
    keys = [QKeySequence(text) for text in conventional]
    for sequence in QKeySequence.keyBindings(key):
        if sequence not in keys and _with_modifier_or_function_key(sequence):
            keys.append(sequence)
    return keys


def _with_modifier_or_function_key(sequence: QKeySequence) -> bool:
    combination: QKeyCombination = sequence[0]  # type: ignore[index]  # the stubs lack QKeySequence.__getitem__
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    return bool(combination.keyboardModifiers() & modifiers) or Qt.Key.Key_F1 <= combination.key() <= Qt.Key.Key_F35


def collect_shortcuts(window: QMainWindow) -> list[ShortcutGroup]:
    """Every action of `window` that has a shortcut: its menus in menu-bar order, then the views' own."""
    groups: list[ShortcutGroup] = []
    listed: set[QAction] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            found = _menu_shortcuts(menu, "", listed)
            if found:
                groups.append(ShortcutGroup(action_text(menu.title()), tuple(found)))
    others: dict[str, list[Shortcut]] = {}
    for action in window.findChildren(QAction):
        if action not in listed and action.shortcuts():
            others.setdefault(_owner_title(action, window), []).append(_shortcut(action, ""))
    groups.extend(ShortcutGroup(title, tuple(found)) for title, found in others.items())
    return groups


def action_text(text: str) -> str:
    """A menu or action text as read, without its mnemonic ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_shortcuts(menu: QMenu, prefix: str, listed: set[QAction]) -> list[Shortcut]:
    found = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.extend(_menu_shortcuts(submenu, f"{prefix}{action_text(submenu.title())} › ", listed))
        elif action.shortcuts():
            listed.add(action)
            found.append(_shortcut(action, prefix))
    return found


def _shortcut(action: QAction, prefix: str) -> Shortcut:
    keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
    return Shortcut(prefix + action_text(action.text()), keys)


def _owner_title(action: QAction, window: QMainWindow) -> str:
    """The view holding `action`: the nearest widget below the main window with a window title."""
    owner: QObject | None = action.parent()
    while owner is not None and owner is not window:
        if isinstance(owner, QWidget) and owner.windowTitle():
            return QCoreApplication.translate("Shortcuts", "{0} view").format(owner.windowTitle())
        owner = owner.parent()
    return QCoreApplication.translate("Shortcuts", "Other")
