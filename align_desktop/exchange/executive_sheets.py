"""The executive workbook's tables about the roadmap and the platform: Roadmap, Capabilities, Capability matrix.

Each table has its header in row 1, frozen, with keys as text cells and amounts in the
workspace currency (`write_table`). Colour carries meaning: readiness below the gate and
capability gaps in red, needs that are met in green. Risks and Business cases: `executive_values`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from align_desktop.exchange.finance_book import (
    fill,
    font,
    money_format,
    note,
    put_key,
    put_text,
    set_widths,
    write_header,
)

if TYPE_CHECKING:
    from align_desktop.exchange.executive_export import ExecutiveData
    from align_desktop.exchange.finance_book import Steps

GAP_FILL = "FFC7CE"
MET_FILL = "E2EFDA"
GAP_FONT = "9C0006"


@dataclass(frozen=True)
class Col:
    header: str
    width: float
    kind: str = "text"
    """key, text, money, cents, whole, percent (0–100), share (0–1), years, date."""


def write_table(ws: Any, columns: Sequence[Col], rows: Iterable[Sequence[Any]], currency: str, steps: Steps) -> int:
    """Header, rows and widths of a table; returns the last row written."""
    from openpyxl.styles import Alignment

    write_header(ws, [c.header for c in columns])
    right = Alignment(horizontal="right")
    formats = {
        "money": money_format(currency),
        "cents": money_format(currency, 2),
        "whole": "0",
        "percent": '0" %"',
        "share": "0.00%",
        "years": "0.00",
        "date": "yyyy-mm-dd",
    }
    row = 1
    for row, values in enumerate(rows, start=2):
        for column, (spec, value) in enumerate(zip(columns, values, strict=True), start=1):
            if spec.kind == "key":
                put_key(ws, row, column, value)
            elif isinstance(value, str):
                cell = put_text(ws, row, column, value)
                if spec.kind != "text":  # "n/a" in a column of figures lines up with them
                    cell.alignment = right
            elif value is not None:
                cell = ws.cell(row=row, column=column, value=value)
                cell.number_format = formats.get(spec.kind, "General")
        steps.advance()
    set_widths(ws, [c.width for c in columns])
    if row > 1:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{row}"
    return row


def roadmap(ws: Any, data: ExecutiveData, steps: Steps) -> None:
    """Initiatives in board order: lane, outcome, status, readiness against the gate, value, gaps, risks."""
    from align_desktop.domain.matrix import initiative_gaps
    from align_desktop.domain.readiness import readiness_level
    from align_desktop.domain.risk import above_appetite

    gate = data.settings.readiness_gate
    figures = {item["key"]: item for item in data.base["initiatives"]}
    current = {c.key: c.current_maturity for c in data.matrix.capabilities}
    gaps = initiative_gaps(data.matrix.needs, current)
    appetite = data.settings.risk_appetite
    above: dict[str, int] = {}
    for risk in data.register.risks:
        if risk.status != "closed" and above_appetite(risk.residual_score, appetite):
            for key in risk.initiative_keys:
                above[key] = above.get(key, 0) + 1
    columns = (
        Col("Key", 8, "key"),
        Col("Initiative", 40),
        Col("Lane", 10),
        Col("Outcome", 30),
        Col("ML decision point", 16),
        Col("Status", 11),
        Col("Owner", 18),
        Col("Data availability", 12, "whole"),
        Col("Model risk", 11, "whole"),
        Col("Monitoring", 12, "whole"),
        Col("Compliance", 12, "whole"),
        Col("Readiness", 11),
        Col("NPV", 15, "money"),
        Col("Risk-adjusted NPV", 15, "money"),
        Col("Capability gaps", 11, "whole"),
        Col("Risks above appetite", 11, "whole"),
    )
    lanes = data.lane_names
    rows = []
    for item in data.initiatives:
        case = figures.get(item.key)
        rows.append(
            (
                item.key,
                item.title,
                lanes.get(item.lane_id, ""),
                item.outcome_name or "",
                item.decision_point,
                item.status,
                item.owner,
                *item.readiness.values(),
                readiness_level(item.readiness, gate).value,
                None if case is None else case["npv"],
                None if case is None else case["risk_adjusted_npv"],
                len(gaps.get(item.key, ())),
                above.get(item.key, 0),
            )
        )
    write_table(ws, columns, rows, data.settings.currency, steps)
    ws.freeze_panes = "C2"
    red = fill(GAP_FILL)
    for row, item in enumerate(data.initiatives, start=2):
        for column, score in enumerate(item.readiness.values(), start=8):
            if score < gate:
                ws.cell(row=row, column=column).fill = red
        if readiness_level(item.readiness, gate).value == "blocked":
            ws.cell(row=row, column=12).fill = red
    ws.cell(row=1, column=12).comment = note(
        f"blocked: a readiness score below the gate ({gate}); at gate: every score at least {gate}; "
        "ready: every score above it. Scores below the gate are red."
    )


def capabilities(ws: Any, data: ExecutiveData, steps: Steps) -> None:
    """The catalogue with reuse count, value unlocked and what each capability's gaps block."""
    metrics = _metrics(data)
    columns = (
        Col("Key", 8, "key"),
        Col("Name", 30),
        Col("Category", 16),
        Col("Status", 11),
        Col("Owner", 20),
        Col("Current maturity", 11, "whole"),
        Col("Target maturity", 11, "whole"),
        Col("Annual run cost", 14, "money"),
        Col("Reuse count", 10, "whole"),
        Col("Value unlocked", 16, "money"),
        Col("Levels missing", 11, "whole"),
        Col("Value blocked", 16, "money"),
        Col("Initiatives blocked", 30),
    )
    rows = [
        (
            c.key,
            c.name,
            c.category,
            c.status,
            c.owner,
            c.current_maturity,
            c.target_maturity,
            c.annual_run_cost,
            metrics[c.key].reuse,
            metrics[c.key].value_unlocked,
            metrics[c.key].levels_missing,
            metrics[c.key].value_blocked,
            ", ".join(metrics[c.key].blocked),
        )
        for c in data.matrix.capabilities
    ]
    write_table(ws, columns, rows, data.settings.currency, steps)
    ws.freeze_panes = "C2"
    ws.cell(row=1, column=10).comment = note(
        "Σ of the positive risk-adjusted NPVs (base scenario) of the initiatives that need this capability."
    )


def capability_matrix(ws: Any, data: ExecutiveData, steps: Steps) -> None:
    """Initiatives × capabilities: the required level in each cell, red where it is above current maturity."""
    from openpyxl.styles import Alignment

    matrix = data.matrix
    write_header(ws, ["Initiative key", "Initiative", "Lane", *(f"{c.key} {c.name}" for c in matrix.capabilities)])
    for column in range(4, 4 + len(matrix.capabilities)):
        ws.cell(row=1, column=column).alignment = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    ws.cell(row=2, column=2, value="Current maturity").font = font(italic=True)
    grey = fill("EDEDED")
    for column in range(1, 4 + len(matrix.capabilities)):
        ws.cell(row=2, column=column).fill = grey
    place = {c.key: column for column, c in enumerate(matrix.capabilities, start=4)}
    current = {c.key: c.current_maturity for c in matrix.capabilities}
    for c in matrix.capabilities:
        ws.cell(row=2, column=place[c.key], value=c.current_maturity).alignment = Alignment(horizontal="center")
    line = {}
    for row, item in enumerate(matrix.initiatives, start=3):
        put_key(ws, row, 1, item.key)
        put_text(ws, row, 2, item.title)
        put_text(ws, row, 3, item.lane)
        line[item.key] = row
        steps.advance()
    red, green, centred = fill(GAP_FILL), fill(MET_FILL), Alignment(horizontal="center")
    gap_font = font(bold=True, color=GAP_FONT)
    for need in matrix.needs:
        cell = ws.cell(row=line[need.initiative_key], column=place[need.capability_key], value=need.level)
        cell.alignment = centred
        if need.level > current[need.capability_key]:
            cell.fill, cell.font = red, gap_font
        else:
            cell.fill = green
    ws.freeze_panes = "D3"
    set_widths(ws, [12, 40, 10, *[4.5] * len(matrix.capabilities)])
    longest = max((len(c.key) + len(c.name) + 1 for c in matrix.capabilities), default=10)
    ws.row_dimensions[1].height = min(300, 12 + 5.6 * longest)
    ws.cell(row=1, column=1).comment = note(
        "Each cell is the maturity level (1–5) an initiative needs. Red: above the capability's current "
        "maturity (row 2), a gap. Green: met."
    )


def _metrics(data: ExecutiveData) -> dict[str, Any]:
    from align_desktop.domain.matrix import capability_metrics

    matrix = data.matrix
    return capability_metrics(
        matrix.needs,
        {c.key: c.current_maturity for c in matrix.capabilities},
        {i.key: i.value for i in matrix.initiatives},
    )
