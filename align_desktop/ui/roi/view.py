"""The ROI view: pick an initiative, edit its business case, read its figures, charts and rank.

Top: the initiative picker and the headline figures (base scenario, plus pessimistic and
optimistic NPV). Left: the case editor, cost lines and the portfolio table. Right: charts; in the
presenter layout, where the view is too narrow for them beside the case (on a small screen), they
go under the cost lines, each the case's full width, in the case's scrolled pane.
Typing recomputes the picked case from the stored row overlaid with what is typed (`Draft`);
a value is stored when its field's editing finishes, as one `OpenWorkspace.perform` call (one
undo step) made against the version of the case, cost line or initiative the view showed, and the
view then reloads from the `changed` signal like every view (so the next edit is made against the
version it saved). The portfolio is computed by a `PortfolioCalculator`, so a reload after one edit
re-evaluates one case. With no initiative in the workspace, an empty-state hint takes the view's place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from align_desktop.domain.portfolio import Assumptions, PortfolioCalculator, evaluate_case
from align_desktop.domain.roi import COST_CATEGORIES, Figures
from align_desktop.domain.validation import ValidationError
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.case_rows import BusinessCaseRow
from align_desktop.store.changes import Revert
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi.case_editor import CaseEditor, muted
from align_desktop.ui.roi.changes import change_for
from align_desktop.ui.roi.charts_panel import ChartInput, ChartsPanel
from align_desktop.ui.roi.cost_lines import CostLinesPanel
from align_desktop.ui.roi.delegates import CaseDelegate
from align_desktop.ui.roi.draft import Draft, Field, find_line, parse, stored
from align_desktop.ui.roi.headline import Headline
from align_desktop.ui.roi.picker import InitiativePicker, entry_for
from align_desktop.ui.roi.portfolio_panel import PortfolioPanel
from align_desktop.ui.view import WorkspaceView

FILL = Field("fill")
"""The amount field of the fill-recurring row."""
CHARTS_WIDTH = 440
"""The narrowest the charts read at beside the business case at its natural width; narrower, they go under it."""
CHARTS_HEIGHT = 640
"""The charts' height under the business case: two charts, each about as tall as the pane shows at once."""
BODY_SLACK = 40
"""Pixels of the view's width taken by margins, the scroll bar and the splitter's handle."""
BODY_SIZES = (880, 700)
"""The shares of the body's width of the business case and of the charts beside it."""


def message_of(error: ValidationError) -> str:
    return f"{error.field}: {error.message}"


class RoiView(WorkspaceView):
    """Business cases: cost lines, benefit, adoption, confidence; NPV, IRR, payback, ROI."""

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self.service: BusinessCaseService | None = None
        self.calculator = PortfolioCalculator()
        self.assumptions: Assumptions | None = None
        self.currency = ""
        self.draft = Draft()
        self.errors: dict[Field, str] = {}
        self.cases: dict[str, BusinessCaseRow] = {}
        self.row: BusinessCaseRow | None = None
        self.initiative_version: int | None = None
        """The version of the picked initiative when its case was shown: what a confidence edit is checked against."""
        self.figures: dict[str, Figures] = {}
        """The picked case under each scenario as typed (base with IRR); exact, for checks."""
        self.picked_key: str | None = None

        self.delegates = (CaseDelegate(self), CaseDelegate(self))  # one per table: views own their editors
        for delegate in self.delegates:
            delegate.edited.connect(self._edited)
            delegate.closed.connect(self._cell_closed)
        self.picker = InitiativePicker()
        self.picker.picked.connect(self.pick)
        self.case_note = muted()
        self.headline = Headline()
        self.editor = CaseEditor(self.delegates[0])
        self.editor.edited.connect(self._edited)
        self.editor.finished.connect(self._store)
        self.editor.year_model.commit = self._store
        self.costs = CostLinesPanel(self.delegates[1])
        self.costs.model.commit = self._store
        self.costs.add_requested.connect(self.add_cost_line)
        self.costs.remove_requested.connect(self.remove_cost_line)
        self.costs.fill_requested.connect(self.fill_recurring)
        self.charts = ChartsPanel()
        self.portfolio = PortfolioPanel()
        self.portfolio.picked.connect(self.pick)
        self.empty_state = EmptyState()
        self.empty_state.show_message(
            self.tr("No initiatives to make a business case for"),
            self.tr(
                "This view holds each initiative's business case: cost lines per year by TCO category, the annual "
                "benefit at full adoption, adoption year by year (the staged rollout) and a confidence. From them it "
                "computes NPV, IRR, payback and ROI % under the pessimistic, base and optimistic scenarios, and ranks "
                "the portfolio."
            ),
            self.tr("Add initiatives on the board first; then pick one here and type its benefit and costs."),
            self.tr("Open the board"),
        )
        self.empty_state.action_clicked.connect(lambda: self.view_requested.emit("board"))
        self._build_layout()

    def _build_layout(self) -> None:
        pick_row = QHBoxLayout()
        title = QLabel(self.tr("&Initiative"))
        title.setBuddy(self.picker)
        pick_row.addWidget(title)
        pick_row.addWidget(self.picker, 3)
        pick_row.addWidget(self.case_note, 2)
        case = QWidget()
        case_layout = QVBoxLayout(case)
        case_layout.setContentsMargins(0, 0, 8, 0)
        case_layout.addWidget(self.editor)
        case_layout.addSpacing(4)
        case_layout.addWidget(self.costs, 1)
        scroll = QScrollArea()
        scroll.setWidget(case)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(scroll)
        left.addWidget(self.portfolio)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([600, 260])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(left)
        body.addWidget(self.charts)
        body.setStretchFactor(0, 11)
        body.setStretchFactor(1, 9)
        body.setSizes(list(BODY_SIZES))
        self._body, self._case_layout = body, case_layout
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(pick_row)
        content_layout.addWidget(self.headline)
        content_layout.addWidget(body, 1)
        self.pages = EmptyStateStack(content, self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        beside = event.size().width() >= self.editor.sizeHint().width() + CHARTS_WIDTH + BODY_SLACK
        if beside != self.charts_beside():
            self._place_charts(beside=beside)

    def charts_beside(self) -> bool:
        """Whether the charts stand beside the business case (else under it)."""
        return self.charts.parent() is self._body

    def _place_charts(self, *, beside: bool) -> None:
        if beside:
            self.charts.setMinimumHeight(0)
            self._body.addWidget(self.charts)
            width = sum(self._body.sizes())
            self._body.setSizes([width * share // sum(BODY_SIZES) for share in BODY_SIZES])
        else:
            self.charts.setMinimumHeight(CHARTS_HEIGHT)
            self._case_layout.addWidget(self.charts)

    def set_workspace(self, workspace: OpenWorkspace | None) -> None:
        self.service = workspace.business_cases if workspace is not None else None
        self.calculator = PortfolioCalculator()
        self.picked_key, self.row = None, None
        self.draft.clear()
        self.errors.clear()
        super().set_workspace(workspace)

    def focus_find(self) -> None:
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = self.picker.lineEdit()
        if line is not None:
            line.selectAll()

    # reading

    def refresh(self) -> None:
        assert self.service is not None
        rows = self.service.portfolio()
        settings = rows.settings
        self.assumptions = Assumptions(settings.horizon, settings.discount_rate, settings.scenarios)
        self.currency = settings.currency
        self.cases = {row.initiative_key: row for row in rows.cases}
        horizon = settings.horizon
        figures = self.calculator.evaluate(
            self.assumptions, {key: row.case(horizon) for key, row in self.cases.items() if row.exists}
        )
        npvs = {key: by_scenario["base"].npv for key, by_scenario in figures.items()}
        if self.picked_key not in self.cases:  # the first time, or the initiative is gone
            self.picked_key = max(npvs, key=npvs.__getitem__, default=next(iter(self.cases), None))
            self.draft.clear()
            self.errors.clear()
        titles = {key: row.title for key, row in self.cases.items()}
        self.portfolio.show_figures(figures, titles, self.currency, self.picked_key)
        picks = [entry_for(row, npvs.get(row.initiative_key), self.currency) for row in self.cases.values()]
        self.picker.set_entries(picks, self.picked_key)
        self._show_picked(charts_now=self.row is None or self.row.initiative_key != self.picked_key)

    def apply_target(self, target: Target) -> None:
        """Show what a dashboard element stands for: one initiative's business case; the portfolio
        (NPV tiles, cash-flow chart) shows the view as it is, its portfolio table in focus."""
        if self._stale and self.workspace is not None:
            self.reload()
        if target.kind == targets.INITIATIVE:
            self.pick(str(target.value))
        elif target.kind == targets.PORTFOLIO:
            self.portfolio.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_key(self) -> str | None:
        """The initiative whose business case is shown: what Ctrl+D, Ctrl+K and Ctrl+P link an entry to."""
        return self.picked_key

    def pick(self, key: str) -> None:
        """Show initiative `key`'s business case."""
        if key == self.picked_key or key not in self.cases:
            return
        self.picked_key = key
        self.draft.clear()
        self.errors.clear()
        self.costs.fill_done()
        self.picker.pick(key)
        self.portfolio.select(key)
        self._show_picked(charts_now=True)

    def _show_picked(self, *, charts_now: bool) -> None:
        self.row = self.cases.get(self.picked_key) if self.picked_key is not None else None
        self.pages.show_hint(self.row is None)
        if self.row is None or self.assumptions is None:
            self.headline.clear()
            self.case_note.clear()
            self.charts.show_case(None, self.tr("No initiative to show"), now=True)
            return
        assert self.workspace is not None
        self.initiative_version = self.workspace.initiatives.get(self.row.initiative_key).version
        horizon = self.assumptions.horizon
        self.editor.show_assumptions(horizon, self.assumptions.rate, self.currency)
        self.costs.show_lines(self.row.cost_lines, horizon, self.errors)
        self._recompute(charts_now=charts_now)

    def _recompute(self, *, charts_now: bool = False) -> None:
        """Figures, headline, year table and charts of the picked case as typed."""
        row, assumptions = self.row, self.assumptions
        if row is None or assumptions is None:
            return
        case = self.draft.case(row, assumptions.horizon)
        self.figures = evaluate_case(case, assumptions, with_irr=True)
        confidence = self.draft.confidence(row)
        has_case = row.exists or bool(self.draft.values)
        if has_case:
            self.headline.show_figures(self.figures, confidence, self.currency)
            self.case_note.setText(
                self.tr("{0} · status {1} · confidence {2} %").format(row.initiative_key, row.status, confidence)
            )
        else:
            self.headline.clear()
            self.case_note.setText(
                self.tr("{0} has no business case yet: type its benefit, adoption and cost lines below.").format(
                    row.initiative_key
                )
            )
        benefit = self.draft.benefit(row)
        if not has_case:
            benefit["annual_benefit"] = None  # nothing entered yet: a blank field, not 0
        self.editor.show_case(
            benefit,
            confidence,
            self.draft.adoption(row, assumptions.horizon),
            self.figures["base"].flows,
            self.currency,
            self.errors,
            set(self.draft.values),
        )
        chart = ChartInput(case, assumptions.horizon, assumptions.rate, assumptions.scenarios, self.currency)
        message = self.tr("No business case yet for {0}").format(row.initiative_key)
        self.charts.show_case(chart if has_case else None, message, now=charts_now)

    # typing and storing

    def _edited(self, field: Field, text: str) -> None:
        """A keystroke in a field: preview the case with it, or say why it cannot be used."""
        if self.row is None or self.assumptions is None:
            return
        try:
            self.draft.put(field, parse(self.row, field, text, self.assumptions.horizon))
            self.errors.pop(field, None)
        except ValidationError as error:
            self.draft.drop(field)
            self.errors[field] = message_of(error)
        for delegate in self.delegates:
            delegate.mark(field, self.errors.get(field))
        self.costs.show_errors(self.errors)
        self._recompute()

    def _cell_closed(self, field: Field, reverted: bool) -> None:
        if reverted:
            self.errors.pop(field, None)
        if field in self.draft.values or reverted:
            self.draft.drop(field)
            self.costs.show_errors(self.errors)
            self._recompute()

    def _store(self, field: Field, text: str) -> bool:
        """A field's editing finished: store its value (one undo step) unless refused or unchanged."""
        row, assumptions = self.row, self.assumptions
        if row is None or assumptions is None or self.workspace is None:
            return False
        self.draft.drop(field)
        if not row.exists and not text.strip():
            self.errors.pop(field, None)  # left a field of a case not begun yet without typing
            self._show_errors()
            return True
        try:
            value = parse(row, field, text, assumptions.horizon)
        except ValidationError as error:
            self.errors[field] = message_of(error)
            self._show_errors()
            return False
        self.errors.pop(field, None)
        if fmt.same(value, stored(row, field)):
            self._show_errors()
            return True
        assert self.service is not None
        change = change_for(self.service, self.workspace.initiatives, row, self.initiative_version, field, value)
        return self._edit(*change, field=field)

    def _show_errors(self) -> None:
        self.costs.show_errors(self.errors)
        self._recompute()

    def _perform(self, text: str, action: Callable[[], Revert], field: Field | None = None) -> bool:
        """Run one undoable change; a refusal of `field` is shown beside it. True when it was stored."""
        return self._edit(text, lambda _version: action(), None, field)

    def _edit(
        self, text: str, edit: Callable[[int | None], Revert], version: int | None, field: Field | None = None
    ) -> bool:
        """Run one undoable edit of an item the view showed at `version` (someone else may have changed it since:
        the user reapplies or discards the edit); a refusal of `field` is shown beside it. True when it was
        stored."""

        def at_field(error: ValidationError) -> None:
            assert field is not None
            self.errors[field] = message_of(error)
            self._show_errors()

        return self.perform_item_edit(self._prompter, text, edit, version, None if field is None else at_field)

    # cost lines

    def add_cost_line(self) -> None:
        """Add a cost line (the first category the case does not use yet) and start typing its description."""
        row = self.row
        if row is None or self.service is None:
            return
        used = {line.category for line in row.cost_lines}
        category = next((c for c in COST_CATEGORIES if c not in used), "other")
        service, created = self.service, []

        def add() -> Revert:
            key, revert = service.add_cost_line(row.initiative_key, {"category": category, "description": ""})
            created.append(key)
            return revert

        if self._perform(self.tr("Add cost line to {0}").format(row.initiative_key), add):
            self.costs.edit_description(created[0])

    def remove_cost_line(self, line_key: str) -> None:
        if self.service is not None:
            service = self.service
            self._perform(self.tr("Remove cost line {0}").format(line_key), lambda: service.delete_cost_line(line_key))

    def fill_recurring(self, line_key: str, from_year: int, text: str) -> None:
        """Put the amount typed in every year from `from_year` to the horizon on one line."""
        if self.service is None or self.row is None:
            return
        service = self.service
        line = find_line(self.row, line_key)
        self.errors.pop(FILL, None)
        action = self.tr("Fill cost line {0} from year {1}").format(line_key, from_year)
        if self._edit(
            action,
            lambda version: service.fill_recurring(line_key, from_year, text, expected_version=version),
            None if line is None else line.version,
            field=FILL,
        ):
            self.costs.fill_done()
