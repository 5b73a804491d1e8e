"""The three-way comparison behind a push: the copy's base, the copy now and the team workspace now.

Rows are matched by primary key: a row the copy had at download has the same id on both sides. For each
pushed table (parents first) it yields the `Step`s a push applies, each with the `ItemChange` the
preview shows:

- a row only the copy has is **added**. Its key is kept when the team workspace has not handed it out
  since the download, else it gets the team workspace's next key (and every mention of the old key, in
  log links and vote dots, follows). A lane, capability or participant whose name the team workspace
  already has is taken to be that one: differing fields are conflicts. A row whose parent the team
  deleted, or does not get, is not pushed; rows added under an added item are not listed on their own.
- a row the copy removed is **removed**, unless the team changed it since, or added or changed rows that
  would go with it (a conflict: the rows the copy removed with it follow its fate), or tied to it rows
  that keep it (a lane's or outcome's initiatives: not pushed);
- a field only the copy changed is **changed**; a field both changed, to different values, is a
  conflict; a row the team deleted keeps its deletion (the copy's changes to it are listed, not pushed).

Column values are compared as the file's driver returns them. A reference to a row the copy added is a
`NewRow`, never equal to a team workspace id; the push gives it the id the team workspace hands out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import cache, cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime

from align_desktop.domain.keys import format_key, key_sort_value, parse_key
from align_desktop.domain.push import Action, FieldChange, ItemChange
from align_desktop.store.models import VersionedItem
from align_desktop.store.push_content import pushed_tables
from align_desktop.store.snapshot_content import Content, RowKey, TableContent

if TYPE_CHECKING:
    from sqlalchemy import Table

Values = dict[str, object]

BOOKKEEPING = frozenset(VersionedItem.COLUMNS)
"""Kept by the team workspace's triggers, never compared or pushed."""
NAMED_ONCE: dict[str, tuple[str, ...]] = {
    "lane": ("name",),
    "capability": ("name",),
    "session_participant": ("session_id", "name"),
}
"""Tables whose rows are unique by name (ignoring case): one added on both sides is the same row."""
KEY_MENTIONS: dict[str, str] = {"log_link": "item_key", "vote_dot": "item_key"}
"""Columns naming an item by key rather than by id."""
ORDERED: dict[str, str | None] = {
    "lane": None,
    "initiative": "lane_id",
    "cost_line": "initiative_id",
    "session_participant": "session_id",
    "agenda_item": "session_id",
}
"""Tables kept in order, and what each order is within. A row's place is pushed only when the copy moved it (it
never conflicts: the team's renumbering is no move); the push then numbers each list it changed 0… again."""
SPREAD = 10_000
"""Before a push writes places, the team's rows of each list it changes move from place n to (n + 1) × SPREAD, so
that the rows the copy moved or added fit between them (`_place`), up to SPREAD - 1 after any one row."""
KINDS: dict[str, str] = {
    "outcome": "outcome",
    "initiative": "initiative",
    "cost_line": "cost line",
    "capability": "capability",
    "risk": "risk",
    "workshop_session": "workshop session",
}
LOG_KINDS = {"decision": "decision", "action": "action", "parking": "parking-lot item"}
ROW_KINDS: dict[str, str] = {
    **KINDS,
    "session_participant": "participant",
    "risk_initiative": "risk link",
    "risk_capability": "risk link",
}
"""What a row is called when rows are counted ("2 capability needs"); other tables by their name."""
HOLDING = {"lane": "in it", "outcome": "tied to it"}
"""How rows that keep a row from being deleted (a foreign key that neither cascades nor sets null) stand to it."""
NAMES = ("title", "name", "description", "text")
"""The columns that name an item, the first one a table has."""


@dataclass(frozen=True)
class NewRow:
    """A reference to a row the copy added, by its id in the copy."""

    table: str
    id: int


@dataclass
class Step:
    """One row's share of a push."""

    table: Table
    action: Action
    target: RowKey
    """The row's primary key: in the copy for an add, on the team workspace otherwise."""
    values: Values
    """ADD: the row (references as `NewRow` or team ids); CHANGE: the fields pushed whatever the user chooses."""
    disputed: Values = field(default_factory=dict)
    """CHANGE: conflicting fields, pushed only when the user chooses the copy's values for the item."""
    change: ItemChange | None = None
    """What the preview shows; None for a row added under an added item (listed with it) or removed with its
    parent."""
    lists: tuple[object, ...] = ()
    """The ordered lists (`ORDERED`) the row joins, leaves or moves within, each named by the value of the column
    the list is within (None for the one list of lanes): renumbered after the push."""
    goes_with: Step | None = None
    """REMOVE: the removal of the row this one is deleted with (a cascade), whose fate it follows."""


@dataclass
class Merge:
    """The steps of a push, in the order they are applied, and the keys handed out."""

    steps: list[Step]
    keys: dict[str, str]
    """Copy's key → team workspace's key, for the items added under a new key."""

    @property
    def changes(self) -> tuple[ItemChange, ...]:
        return tuple(step.change for step in self.steps if step.change is not None)


def merge(base: Content, mine: Content, theirs: Content, counters: dict[str, int]) -> Merge:
    """Compare the three contents; `counters` are the team workspace's key counters (last number by prefix)."""
    return _Merger(base, mine, theirs, counters).run()


class _Rows(Mapping[RowKey, Values]):
    """A table's rows by primary key, each made a dict of column to value when first looked at (most rows of a
    workspace are never looked at: unchanged, they are passed over by comparing whole rows)."""

    def __init__(self, entry: TableContent) -> None:
        self.columns = entry.columns
        self.raw = entry.rows
        self._made: dict[RowKey, Values] = {}

    def __getitem__(self, pk: RowKey) -> Values:
        made = self._made.get(pk)
        if made is None:
            made = self._made[pk] = dict(zip(self.columns, self.raw[pk], strict=True))
        return made

    def __contains__(self, pk: object) -> bool:
        return pk in self.raw

    def __iter__(self) -> Iterator[RowKey]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def column(self, name: str) -> Iterator[object]:
        """The value of column `name` in every row."""
        index = self.columns.index(name)
        return (row[index] for row in self.raw.values())


class _Merger:
    def __init__(self, base: Content, mine: Content, theirs: Content, counters: dict[str, int]) -> None:
        self.tables = pushed_tables()
        self.base = {table.name: _Rows(base[table.name]) for table in self.tables}
        self.mine = {table.name: _Rows(mine[table.name]) for table in self.tables}
        self.theirs = {table.name: _Rows(theirs[table.name]) for table in self.tables}
        self.counters = dict(counters)
        self.keys: dict[str, str] = {}
        self.in_copy: dict[str, int] = {}
        """The highest number of each prefix among the copy's keys."""
        self.added: dict[str, set[object]] = {table.name: set() for table in self.tables}
        self.matched: dict[str, dict[object, object]] = {table.name: {} for table in self.tables}
        self.left_out: dict[str, set[object]] = {table.name: set() for table in self.tables}
        self.removals: dict[str, dict[object, Step]] = {table.name: {} for table in self.tables}
        """The removal steps of rows with an id of their own, by table and id."""
        self.moved = {name: self._moved(name, within) for name, within in ORDERED.items()}
        self.lists: dict[str, dict[object, list[RowKey]]] = {}
        """The copy's ordered lists, by table and list (`_copy_list`)."""

    def run(self) -> Merge:
        self._hand_out_keys()
        steps: list[Step] = []
        for table in self.tables:
            steps += self._table_steps(table)
        return Merge(steps, self.keys)

    # keys

    def _hand_out_keys(self) -> None:
        """Decide the team workspace's key of every keyed row the copy added, before any row is compared: its own,
        unless the team workspace has handed that key out since the download."""
        renamed: list[tuple[str, str]] = []
        for table in self.tables:
            if "key" not in table.columns:
                continue
            taken = set(self.theirs[table.name].column("key"))
            base, mine = self.base[table.name], self.mine[table.name]
            added = [str(mine[pk]["key"]) for pk in mine if pk not in base]
            for key in sorted(added, key=key_sort_value):
                parsed = parse_key(key)
                if parsed is not None and (key in taken or parsed[1] <= self.counters.get(parsed[0], 0)):
                    renamed.append((key, parsed[0]))
        for key, prefix in renamed:
            self.keys[key] = format_key(prefix, self._next_number(prefix))

    def _next_number(self, prefix: str) -> int:
        """Beyond the team's counter and every key of `prefix` the copy holds, so no kept key is handed out again."""
        if prefix not in self.in_copy:
            self.in_copy[prefix] = max(
                (
                    parsed[1]
                    for table in self.tables
                    if "key" in table.columns
                    for key in self.mine[table.name].column("key")
                    if (parsed := parse_key(str(key))) is not None and parsed[0] == prefix
                ),
                default=0,
            )
            self.counters[prefix] = max(self.counters.get(prefix, 0), self.in_copy[prefix])
        self.counters[prefix] += 1
        return self.counters[prefix]

    # rows

    def _table_steps(self, table: Table) -> Iterator[Step]:
        name = table.name
        base, mine, theirs = self.base[name], self.mine[name], self.theirs[name]
        for pk in sorted(mine):
            if pk not in base:
                step = self._added(table, pk, self._mapped(table, mine[pk]))
                if step is not None:
                    yield self._with_lists(self._named(step, mine[pk]))
        for pk in sorted(base):
            if mine.raw.get(pk) == base.raw[pk]:
                continue  # unchanged in the copy: nothing to push
            if pk not in mine:
                step = self._removed(table, pk, base[pk], theirs.get(pk))
            else:
                step = self._changed(table, pk, base[pk], self._mapped(table, mine[pk]), theirs.get(pk))
            if step is not None:
                yield self._with_lists(self._named(step, mine[pk] if pk in mine else base[pk]))

    def _named(self, step: Step, row: Values) -> Step:
        """`step`, its change naming the item by its title or name (`row`: the copy's, else the base's), and
        warning of a workshop session pushed while it still runs in the copy."""
        if step.change is not None and (step.table.name in KINDS or step.table.name == "log_entry"):
            name = next((str(row[column]) for column in NAMES if row.get(column)), "")
            step.change = replace(step.change, name=" ".join(name.split()))
        running = step.table.name == "workshop_session" and row.get("started_at") and not row.get("ended_at")
        if step.change is not None and step.action is not Action.REMOVE and running:
            warning = "still running in the copy: it arrives running; end it in the copy first, then push"
            step.change = replace(step.change, note="; ".join(filter(None, (step.change.note, warning))))
        return step

    def _with_lists(self, step: Step) -> Step:
        """`step`, with the ordered lists it changes, and the place it writes as the place it takes among the
        team's rows (`SPREAD`)."""
        name = step.table.name
        if name not in ORDERED:
            return step
        within = ORDERED[name]
        written = {**step.values, **step.disputed}
        if step.action is Action.CHANGE and "position" not in written and within not in written:
            return step
        if "position" in written or (within is not None and within in written):
            mine = self.mine[name][step.target]
            group = None if within is None else written.get(within, self._mapped_reference(name, within, mine[within]))
            place = self._place(name, step.target, group)
            step.values.pop("position", None)
            # the place goes with the list: a list that is a conflict brings its place only if the copy's list wins
            (step.disputed if within is not None and within in step.disputed else step.values)["position"] = place
        if within is None:
            step.lists = (None,)
            return step
        theirs = self.theirs[name].get(step.target) if step.action is not Action.ADD else None
        step.lists = tuple(
            ([theirs[within]] if theirs is not None else []) + ([written[within]] if within in written else [])
        )
        return step

    def _place(self, table: str, pk: RowKey, within: object) -> int:
        """Where the copy's row `pk`, moved or added to its list (`within`, mapped), goes among the team's rows:
        after the nearest row before it in the copy's list that the copy did not move and the team has in that list
        too, behind the rows between them; first when there is none."""
        anchor, behind = None, 1
        for other in self._copy_list(table, within):
            if other == pk:
                break
            if self._holds_place(table, other, within):
                anchor, behind = other, 1
            else:
                behind += 1
        start = 0 if anchor is None else (int(str(self.theirs[table][anchor]["position"])) + 1) * SPREAD
        return start + behind

    def _copy_list(self, table: str, within: object) -> list[RowKey]:
        """The copy's rows of the list `within` (a mapped value), in the copy's order."""
        if table not in self.lists:
            column = ORDERED[table]
            lists: dict[object, list[tuple[object, RowKey]]] = {}
            mine = self.mine[table]
            for pk in mine:
                row = mine.raw[pk]
                group = (
                    None if column is None else self._mapped_reference(table, column, row[mine.columns.index(column)])
                )
                lists.setdefault(group, []).append((row[mine.columns.index("position")], pk))
            self.lists[table] = {group: [pk for _, pk in sorted(members)] for group, members in lists.items()}
        return self.lists[table].get(within, [])

    def _holds_place(self, table: str, pk: RowKey, within: object) -> bool:
        """The row is in the list `within` on both sides, and the copy did not move it: the others go by it."""
        theirs = self.theirs[table].get(pk)
        column = ORDERED[table]
        return (
            pk in self.base[table]
            and pk not in self.moved[table]
            and theirs is not None
            and (column is None or theirs[column] == within)
        )

    def _added(self, table: Table, pk: RowKey, row: Values) -> Step | None:
        name = table.name
        label = self._label(name, self.mine[name][pk], mine=True)
        missing = self._missing_parent(table, row)
        surrogate = _surrogate(table)
        if missing:
            if surrogate:
                self.left_out[name].add(pk[0])
            return Step(table, Action.ADD, pk, row, change=_not_pushed(label, Action.ADD, missing))
        target = self._same_row_on_team(table, pk, row)
        if target is not None:
            if surrogate:
                self.matched[name][pk[0]] = target[0]
            theirs = self.theirs[name][target]
            if "key" in theirs:
                self.keys[str(row["key"])] = str(theirs["key"])  # mentions of the copy's key name the team's item
            return self._added_on_both_sides(table, target, row, self._label(name, theirs, mine=False))
        if surrogate:
            self.added[name].add(pk[0])
        note = ""
        if "key" in table.columns and str(row["key"]) in self.keys:
            old = str(row["key"])
            note = f"added as {self.keys[old]}: {old} was taken on the team workspace meanwhile"
            label = label.replace(old, self.keys[old])
        fields = tuple(
            FieldChange(_field_name(column), None, None, self._shown(table, column, row[column]), False)
            for column in _compared(table)
            if row[column] not in (None, "") and column != "kind"
        )
        listed = self._parent_added(table, row) is None or "key" in table.columns
        return Step(
            table, Action.ADD, pk, row, change=ItemChange(label, Action.ADD, fields, note=note) if listed else None
        )

    def _added_on_both_sides(self, table: Table, target: RowKey, row: Values, label: str) -> Step | None:
        """A row the copy added that the team workspace added too (same name, or same parent for a one-of)."""
        theirs = self.theirs[table.name][target]
        disputed = {
            column: row[column] for column in _compared(table, positions=False) if row[column] != theirs[column]
        }
        if not disputed:
            return None
        fields = tuple(
            FieldChange(
                _field_name(column),
                None,
                self._shown(table, column, theirs[column]),
                self._shown(table, column, value),
                True,
            )
            for column, value in disputed.items()
        )
        change = ItemChange(label, Action.CHANGE, fields, conflict="added on the team workspace too")
        return Step(table, Action.CHANGE, target, {}, disputed, change)

    def _removed(self, table: Table, pk: RowKey, base: Values, theirs: Values | None) -> Step | None:
        if theirs is None:
            return None
        name = table.name
        step = Step(table, Action.REMOVE, pk, {}, goes_with=self._removal_of_parent(table, base))
        if _surrogate(table):
            self.removals[name][pk[0]] = step
        if step.goes_with is not None:
            return step  # listed with the row it goes with, which the team's work under this one makes a conflict
        label = self._label(name, base, mine=False)
        holding = self._team_holds.get(name, {}).get(pk[0])
        if holding:
            stand = HOLDING.get(name, "that refer to it")
            why = f"the team workspace {_counted(holding)} {stand} since you downloaded the copy"
            step.change = _not_pushed(label, Action.REMOVE, why)
            return step
        changed = [column for column in _compared(table, positions=False) if theirs[column] != base[column]]
        under = self._team_work.get(name, {}).get(pk[0])
        fields = tuple(
            FieldChange(
                _field_name(column),
                self._shown(table, column, base[column]),
                self._shown(table, column, theirs[column]),
                None,
                True,
            )
            for column in changed
        )
        conflict = "changed on the team workspace since you downloaded the copy" if changed else ""
        if under:
            done = f"{_counted(under)} under it"
            conflict = (
                f"{conflict}, which also {done}"
                if conflict
                else f"the team workspace {done} since you downloaded the copy"
            )
            conflict += "; use mine removes them with it"
        step.change = ItemChange(label, Action.REMOVE, fields, conflict=conflict)
        return step

    @cached_property
    def _team_work(self) -> dict[str, dict[object, Counter[tuple[str, str]]]]:
        """The rows the team added or changed since the download under each row, by table and id: those that
        would be deleted with it (a cascade, through any depth), counted as ("added" or "changed", kind)."""
        return self._team_rows(cascades=True)

    @cached_property
    def _team_holds(self) -> dict[str, dict[object, Counter[tuple[str, str]]]]:
        """The rows the team added or changed since the download that refer to each row without a cascade (an
        initiative's lane and outcome), by table and id: while they do, it cannot be deleted."""
        return self._team_rows(cascades=False)

    def _team_rows(self, *, cascades: bool) -> dict[str, dict[object, Counter[tuple[str, str]]]]:
        found: dict[str, dict[object, Counter[tuple[str, str]]]] = {table.name: {} for table in self.tables}
        for table in reversed(self.tables):  # a row's table comes after the tables it refers to
            references = [
                (column.name, foreign.column.table.name)
                for column in table.columns
                for foreign in column.foreign_keys
                if (foreign.ondelete == "CASCADE" if cascades else foreign.ondelete not in ("CASCADE", "SET NULL"))
            ]
            if not references:
                continue
            base, theirs = self.base[table.name], self.theirs[table.name]
            kind = ROW_KINDS.get(table.name, table.name.replace("_", " "))
            compared = _compared(table, positions=False)
            surrogate = cascades and _surrogate(table)
            for pk, raw in theirs.raw.items():
                below = found[table.name].get(pk[0]) if surrogate else None
                if below is None and raw == base.raw.get(pk):
                    continue  # most rows: neither touched by the team nor above rows that are
                work = Counter(below or ())
                if raw != base.raw.get(pk):
                    row, was = theirs[pk], base.get(pk)
                    if was is None:
                        work["added", kind] += 1
                    elif any(row[column] != was[column] for column in compared):
                        work["changed", kind] += 1
                for column, parent in references if work else ():
                    value = theirs[pk][column]
                    if value is not None:
                        found[parent].setdefault(value, Counter()).update(work)
        return found

    def _moved(self, table: str, within: str | None) -> set[RowKey]:
        """The rows of an ordered table the copy moved: to another list, or out of the order its list had.

        Removing or moving one card renumbers the cards after it; they did not move. The rows kept in order
        are the longest run common to the list's order at download and its order in the copy."""
        base, mine = self.base[table].raw, self.mine[table].raw
        columns = self.base[table].columns
        place = columns.index("position")
        group = columns.index(within) if within is not None else place
        kept = [pk for pk in mine if pk in base]
        moved = {pk for pk in kept if within is not None and mine[pk][group] != base[pk][group]}
        lists: dict[object, list[RowKey]] = {}
        for pk in kept:
            if pk not in moved:
                lists.setdefault(None if within is None else mine[pk][group], []).append(pk)
        for members in lists.values():
            before = sorted(members, key=lambda pk: (base[pk][place], pk))
            after = sorted(members, key=lambda pk: (mine[pk][place], pk))
            matcher = SequenceMatcher(None, before, after, autojunk=False)
            in_order = {pk for block in matcher.get_matching_blocks() for pk in before[block.a : block.a + block.size]}
            moved |= set(members) - in_order
        return moved

    def _changed(self, table: Table, pk: RowKey, base: Values, mine: Values, theirs: Values | None) -> Step | None:
        edited = [
            column
            for column in _compared(table, positions=pk in self.moved.get(table.name, ()))
            if mine[column] != base[column]
        ]
        if not edited:
            return None
        name = table.name
        label = self._label(name, base, mine=False)
        if theirs is None:
            lost = tuple(
                FieldChange(_field_name(c), self._shown(table, c, base[c]), None, self._shown(table, c, mine[c]), True)
                for c in edited
            )
            reason = "deleted on the team workspace since you downloaded the copy; it stays deleted"
            return Step(
                table,
                Action.CHANGE,
                pk,
                {},
                change=ItemChange(label, Action.CHANGE, lost, reason, can_use_mine=False),
            )
        missing = self._missing_parent(table, mine)
        if missing:
            return Step(table, Action.CHANGE, pk, {}, change=_not_pushed(label, Action.CHANGE, missing))
        pushed: Values = {}
        disputed: Values = {}
        fields: list[FieldChange] = []
        for column in edited:
            if theirs[column] == mine[column]:
                continue
            conflict = theirs[column] != base[column] and column != "position"
            (disputed if conflict else pushed)[column] = mine[column]
            fields.append(
                FieldChange(
                    _field_name(column),
                    self._shown(table, column, base[column]),
                    self._shown(table, column, theirs[column]),
                    self._shown(table, column, mine[column]),
                    conflict,
                )
            )
        if not fields:
            return None
        reason = "changed on the team workspace too" if disputed else ""
        return Step(table, Action.CHANGE, pk, pushed, disputed, ItemChange(label, Action.CHANGE, tuple(fields), reason))

    # references

    def _mapped(self, table: Table, row: Values) -> Values:
        """`row` of the copy with references to rows it added as `NewRow`s, to rows matched by name as the team's
        ids, and keys handed out anew replaced."""
        mapped = dict(row)
        for column in table.columns:
            if column.foreign_keys:
                mapped[column.name] = self._mapped_reference(table.name, column.name, row[column.name])
        mention = KEY_MENTIONS.get(table.name)
        if mention is not None and row[mention] in self.keys:
            mapped[mention] = self.keys[str(row[mention])]
        return mapped

    def _mapped_reference(self, table: str, column: str, value: object) -> object:
        """The value of the reference `column` of a row of the copy, mapped as `_mapped` maps it."""
        for foreign in self._table(table).columns[column].foreign_keys:
            parent = foreign.column.table.name
            if value in self.matched[parent]:
                return self.matched[parent][value]
            if value in self.added[parent] or value in self.left_out[parent]:
                return NewRow(parent, int(str(value)))
        return value

    def _missing_parent(self, table: Table, row: Values) -> str:
        """Why `row` cannot be pushed because of a row it refers to ("its initiative I-007 was deleted …"), or ""."""
        for column in table.columns:
            value = row[column.name]
            if value is None:
                continue
            for foreign in column.foreign_keys:
                parent = foreign.column.table.name
                if isinstance(value, NewRow):
                    if value.id in self.left_out[parent]:
                        return f"its {self._label(parent, self.mine[parent][(value.id,)], mine=True)} is not pushed"
                elif (value,) not in self.theirs[parent]:
                    known = self.mine[parent].get((value,)) or self.base[parent].get((value,))
                    what = self._label(parent, known, mine=True) if known else parent
                    return f"its {what} was deleted on the team workspace since you downloaded the copy"
        return ""

    def _parent_added(self, table: Table, row: Values) -> NewRow | None:
        for column in table.columns:
            value = row[column.name]
            if isinstance(value, NewRow) and any(foreign.ondelete == "CASCADE" for foreign in column.foreign_keys):
                return value
        return None

    def _removal_of_parent(self, table: Table, row: Values) -> Step | None:
        """The removal of a row this one is deleted with, if the copy removed one."""
        return next(
            (
                self.removals[foreign.column.table.name][row[column.name]]
                for column in table.columns
                for foreign in column.foreign_keys
                if foreign.ondelete == "CASCADE" and row[column.name] in self.removals[foreign.column.table.name]
            ),
            None,
        )

    def _same_row_on_team(self, table: Table, pk: RowKey, row: Values) -> RowKey | None:
        """The team workspace's row an added row is: the same name, or the same primary key (a link, a case)."""
        theirs = self.theirs[table.name]
        if not _surrogate(table):
            target = tuple(row[column.name] for column in table.primary_key.columns)
            return target if target in theirs else None
        names = NAMED_ONCE.get(table.name)
        if names is None:
            return None
        wanted = tuple(_folded(row[column]) for column in names)
        for target, other in theirs.items():
            if tuple(_folded(other[column]) for column in names) == wanted:
                return target
        return None

    # words

    def _label(self, table: str, row: Values, *, mine: bool) -> str:
        """The row as people call it."""
        if table in KINDS:
            return f"{KINDS[table]} {row['key']}"
        if table == "log_entry":
            return f"{LOG_KINDS.get(str(row['kind']), 'log entry')} {row['key']}"
        if table == "workspace":
            return "workspace settings"
        if table == "lane":
            return f"lane '{row['name']}'"
        of = {
            "gate_override": ("gate override of", "initiative_id"),
            "business_case": ("business case of", "initiative_id"),
            "retrospective": ("retrospective of", "initiative_id"),
            "session_participant": (f"participant '{row.get('name')}' of", "session_id"),
            "agenda_item": (f"agenda item '{row.get('title')}' of", "session_id"),
            "vote": (f"vote '{row.get('title')}' of", "session_id"),
        }
        if table in of:
            words, column = of[table]
            return f"{words} {self._reference(table, column, row[column], mine)}"
        links = {
            "capability_need": ("need of", "initiative_id", "for", "capability_id"),
            "risk_initiative": ("risk", "risk_id", "threatens", "initiative_id"),
            "risk_capability": ("risk", "risk_id", "threatens", "capability_id"),
            "vote_dot": ("dot of", "participant_id", "on", "item_key"),
            "log_link": ("link of", "entry_id", "to", "item_key"),
        }
        first, one, then, other = links[table]
        one_named = self._reference(table, one, row[one], mine)
        return f"{first} {one_named} {then} {self._reference(table, other, row[other], mine)}"

    def _reference(self, table: str, column: str, value: object, mine: bool) -> str:
        """A referenced row as people call it: its key, or its name."""
        if column == "item_key":
            return str(self.keys.get(str(value), value))
        parent = next(iter(self._table(table).columns[column].foreign_keys)).column.table.name
        local = value.id if isinstance(value, NewRow) else value
        row = (self.mine if mine else self.theirs)[parent].get((local,)) or self.base[parent].get((local,))
        if row is None:
            row = self.theirs[parent].get((local,))
        if row is None:
            return f"{parent} {local}"
        if "key" in row:
            return str(self.keys.get(str(row["key"]), row["key"]))
        return str(row.get("name") or row.get("title") or local)

    def _shown(self, table: Table, column: str, value: object) -> object:
        """A value as the preview shows it: a reference as the key or name of the row it names, a place in a list
        counted from 1, a yes or no as a bool, a date or time as one."""
        if value is None:
            return None
        kind = table.columns[column].type
        if table.columns[column].foreign_keys:
            return self._reference(table.name, column, value, mine=True)
        if column == "position":
            return int(str(value)) + 1
        if isinstance(kind, Boolean):
            return bool(value)
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(str(value)).replace(second=0, microsecond=0)
        if isinstance(kind, Date):
            return date.fromisoformat(str(value))
        return value

    def _table(self, name: str) -> Table:
        return next(table for table in self.tables if table.name == name)


def _surrogate(table: Table) -> bool:
    """The table's rows are named by an `id` of their own (not by the rows they link)."""
    return [column.name for column in table.primary_key.columns] == ["id"]


@cache
def _compared(table: Table, *, positions: bool = True) -> list[str]:
    """The columns people edit: not the primary key, the key, or the version bookkeeping."""
    left_out = BOOKKEEPING | {"key"} | {column.name for column in table.primary_key.columns}
    if not positions:
        left_out |= {"position"}
    return [column.name for column in table.columns if column.name not in left_out]


def _field_name(column: str) -> str:
    return "place" if column == "position" else column.removesuffix("_id").replace("_", " ")


def _folded(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _counted(rows: Counter[tuple[str, str]]) -> str:
    """Rows counted by what the team did to them: "added 2 capability needs and 1 cost line, and changed 1 risk
    link"."""
    said = []
    for verb in ("added", "changed"):
        kinds = [f"{number} {_plural(kind, number)}" for (done, kind), number in sorted(rows.items()) if done == verb]
        if kinds:
            said.append(f"{verb} {_listed(kinds)}")
    return ", and ".join(said)


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _plural(kind: str, number: int) -> str:
    if number == 1:
        return kind
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def _not_pushed(label: str, action: Action, why: str) -> ItemChange:
    return ItemChange(label, action, (), conflict=f"not pushed: {why}", can_use_mine=False)
