"""The quick-entry dialog for the decision log: a decision (Ctrl+D), an action (Ctrl+K) or a parking-lot item (Ctrl+P).

Type the text and press Enter. An action also has an owner (the session's participants are
offered) and a due date. Links are item keys (`I-003 C-002`), prefilled with the item selected
in the view the facilitator was on; the titles of the items they name are shown beneath. The
same dialog edits an entry, with a Done mark for actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QCompleter, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from align_desktop.domain.keys import format_key, parse_key
from align_desktop.domain.workshop import LINKS, LOG_FIELDS, split_links
from align_desktop.store.workshop_rows import LogEntryRow
from align_desktop.ui.submit_dialog import SubmitDialog

Submit = Callable[[dict[str, Any], list[str]], None]
"""Store the entry's fields and links; raises on refusal."""


ENTRY_SCALE = 1.4
"""The dialog's type, against the desktop's."""


class LogEntryDialog(SubmitDialog):
    """Record or edit one decision, action or parking-lot item."""

    def __init__(
        self,
        kind: str,
        submit: Submit,
        linkable: dict[str, str],
        *,
        entry: LogEntryRow | None = None,
        links: list[str] | None = None,
        participants: list[str] | None = None,
        session_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._submit = submit
        self._linkable = linkable
        titles = {
            "decision": self.tr("Record a decision"),
            "action": self.tr("Record an action"),
            "parking": self.tr("Park an item"),
        }
        self.setWindowTitle(titles[kind] if entry is None else self.tr("Edit {0}").format(entry.key))
        larger = self.font()  # the room reads along as it is typed, on the projector
        larger.setPointSizeF(larger.pointSizeF() * ENTRY_SCALE)
        self.setFont(larger)
        self.setMinimumWidth(800)
        self.text = QLineEdit(entry.text if entry else "")
        self.text.setAccessibleName(LOG_FIELDS["text"])
        self.text.setPlaceholderText(
            {
                "decision": self.tr("What was decided, e.g. Build the feature store before churn scoring"),
                "action": self.tr("What will be done, e.g. Size the GPU budget for Q1"),
                "parking": self.tr("What to come back to, e.g. Pricing model for B2B"),
            }[kind]
        )
        self.owner = QLineEdit(entry.owner if entry else "")
        self.owner.setAccessibleName(LOG_FIELDS["owner"])
        self.owner.setPlaceholderText(self.tr("Who will do it"))
        self.owner.setCompleter(QCompleter(participants or []))
        self.due_on = QLineEdit(entry.due_on.isoformat() if entry and entry.due_on else "")
        self.due_on.setAccessibleName(LOG_FIELDS["due_on"])
        self.due_on.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.done_box = QCheckBox(self.tr("Done"))
        self.done_box.setChecked(bool(entry and entry.done))
        self.links = QLineEdit(" ".join(entry.link_keys if entry else links or []))
        self.links.setAccessibleName(LINKS)
        self.links.setPlaceholderText(self.tr("Keys of initiatives, capabilities or risks, e.g. I-003 C-002"))
        self.links.setToolTip(self.tr("The items this is about; it shows on their forms"))
        self.links_preview = QLabel()
        self.links_preview.setWordWrap(True)
        self.links.textChanged.connect(self._preview_links)
        self._preview_links()

        form = QFormLayout()
        if session_title:
            form.addRow(self.tr("Session"), QLabel(session_title))
        form.addRow(LOG_FIELDS["text"], self.text)
        if kind == "action":
            form.addRow(LOG_FIELDS["owner"], self.owner)
            form.addRow(LOG_FIELDS["due_on"], self.due_on)
            if entry is not None:
                form.addRow("", self.done_box)
        form.addRow(LINKS, self.links)
        form.addRow("", self.links_preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    def _preview_links(self) -> None:
        lines = []
        for text in split_links(self.links.text()):
            parsed = parse_key(text)
            key = format_key(*parsed) if parsed else text
            title = self._linkable.get(key)
            lines.append(f"{key} — {title}" if title else self.tr("{0} — no such item").format(key))
        self.links_preview.setText("\n".join(lines))

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"text": self.text.text()}
        if self.kind == "action":
            fields |= {"owner": self.owner.text(), "due_on": self.due_on.text(), "done": self.done_box.isChecked()}
        return fields

    def link_keys(self) -> list[str]:
        return split_links(self.links.text())

    def submit_changes(self) -> None:
        self._submit(self.fields(), self.link_keys())

    def show_error(self, field: str | None, message: str) -> None:
        super().show_error(field, message)
        widgets = {LOG_FIELDS["text"]: self.text, LOG_FIELDS["owner"]: self.owner, LOG_FIELDS["due_on"]: self.due_on}
        widgets[LINKS] = self.links
        if field in widgets:
            widgets[field].setFocus()
