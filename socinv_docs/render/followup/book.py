"""The follow-up workbook (uppfoljning.xlsx, SPEC §9, issue 21): its sheets in their order,
what the processledare left in it read before a run, and the run written into it.

Kept like the register: when it exists it is read first and each sheet of the tool's is
rebuilt around what people did (workbook.rebuild); their own sheets stay as they are; the
file is replaced atomically. Its store (the frozen plans, the due dates) is read before the
run and written with it: a store that cannot be read refuses the run, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socinv_docs import messages
from socinv_docs.followup_report import FollowupRun
from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.render.followup import store
from socinv_docs.render.followup.sheets import ekonomi, findings, lists, rapporter, satsningar
from socinv_docs.render.workbook.book import BookKind, check_target, open_book, open_on, prepare, save_book
from socinv_docs.render.workbook.cells import link_target
from socinv_docs.render.workbook.merge import Row
from socinv_docs.render.workbook.read import keyed_values, read_named
from socinv_docs.render.workbook.rebuild import rebuild_sheet
from socinv_docs.render.workbook.spec import REMOVED
from socinv_docs.render.workbook.table import PageTexts, header_text


class FollowupBookError(messages.CatalogueError):
    """A follow-up workbook that must not be written (locked, unreadable, not one, its store
    broken, write failed): key/params name the message; the CLI shows it and exits 2."""


BOOK = BookKind(FollowupBookError, "followup.book", satsningar.SHEET.title)


@dataclass
class Kept:
    """What the workbook holds before a run: what the processledare typed, and the store."""

    typed: dict[str, dict[str, Any]] = field(default_factory=dict)  # satsning -> beslut columns, manual status
    # Rapporter's row key -> Överhoppad, Skäl, Förslag till beslut
    skips: dict[str, dict[str, Any]] = field(default_factory=dict)
    plans: dict[str, list[Plan]] = field(default_factory=dict)
    expected: dict[str, list[tuple[ExpectedReport, int]]] = field(default_factory=dict)
    received: dict[str, dict[str, str]] = field(default_factory=dict)  # satsning -> report key -> file


@dataclass
class FollowupResult:
    path: Path
    satsningar: int  # rows on Satsningar, kept ones included
    removed: int  # satsningar no longer in the folder
    reports: int  # rows on Rapporter
    findings: int


def check_writable(path: Path, *, force: bool = False) -> None:
    """Fail early (before a long run) when the workbook could not be written in the end."""
    path = Path(path)
    check_target(path, BOOK, force=force)
    if path.exists():
        read_kept(path)  # opens, is a follow-up workbook, and its store reads


def read_kept(path: Path) -> Kept:
    """What the workbook at `path` holds (nothing when there is none). Raises FollowupBookError."""
    path = Path(path)
    if not path.exists():
        return Kept()
    wb = open_book(path, BOOK)
    try:
        return _kept(wb, path)
    finally:
        wb.close()


def _kept(wb, path: Path) -> Kept:
    try:
        stored = store.read(wb)
    except store.StoreUnreadable as exc:
        raise FollowupBookError("followup.book.store_unreadable", path=str(path), satsning=exc.satsning,
                                error=exc.detail) from None
    sheet = read_named(wb, satsningar.SHEET, legacy=False)
    typed = keyed_values(sheet, (*satsningar.BESLUT_COLUMNS, satsningar.MANUAL_COLUMN))
    if typed and not stored.present:
        # Satsningar of an earlier run without the plans they were frozen with: going on would
        # freeze them anew from today's files, in silence.
        raise FollowupBookError("followup.book.store_missing", path=str(path), sheet=store.TITLE)
    skips = {}
    if rapporter.SHEET.title in wb.sheetnames:
        skips = keyed_values(read_named(wb, rapporter.SHEET, legacy=False),
                             (*rapporter.SKIP_COLUMNS, rapporter.DECISION_COLUMN))
    return Kept(typed=typed, skips=skips, plans=stored.plans, expected=stored.expected, received=stored.received)


def _page(lang: str, day: dt.date) -> PageTexts:
    return PageTexts(header_left=f"{header_text(messages.text('followup.book.title', lang))} – &A",
                     header_right=messages.text("followup.book.print.date", lang, date=day.isoformat()),
                     footer_center=messages.text("register.print.page", lang),
                     footer_right=messages.text("register.print.printed", lang))


def _link(row: Row, col: str, doc, base: Path, root: Path) -> None:
    if doc is None:
        return
    real = Path(os.path.abspath(doc.path)) if doc.path else root / doc.file
    row.links[col] = link_target(real, base)


def build_workbook(run: FollowupRun, *, root: Path, path: Path, schemas=None, lang: str = "sv", existing=None):
    """The follow-up workbook as an openpyxl Workbook (merged into `existing` when given)."""
    before = store.read(existing) if existing is not None else store.Stored()
    wb = prepare(existing, messages.text("followup.book.title", lang))
    base = Path(os.path.abspath(path)).parent
    root = Path(os.path.abspath(root))
    page = _page(lang, run.date)
    today = run.date

    sat_rows, rep_rows, eko_rows, bri_rows = [], [], [], []
    for s in run.satsningar:
        sat_rows.append(Row(satsningar.satsning_row(s, lang, today), status=satsningar.state_of(s, today)))
        for values, expected in rapporter.report_rows(s, lang):
            row = Row(values, status=expected.status.state.value)
            _link(row, "received", expected.received, base, root)
            rep_rows.append(row)
        eko_rows += [Row(values, status=state) for values, state in ekonomi.cost_rows(s, lang)]
        for values, doc in findings.finding_rows(s, lang, schemas):
            row = Row(values)
            _link(row, "report", doc, base, root)
            bri_rows.append(row)

    choices = lists.lists_sheet(wb, lang)

    def drop_downs(spec):
        return lambda ws, slots, rows: lists.list_validations(spec, ws, slots, rows, choices, lang)

    built = rebuild_sheet(wb, satsningar.SHEET, sat_rows, lang=lang, legacy=False, position=0, page=page,
                          tool_lists=lists.title(), tool_validations=drop_downs(satsningar.SHEET))
    rebuild_sheet(wb, rapporter.SHEET, rep_rows, lang=lang, legacy=False, position=1, page=page,
                  tool_lists=lists.title(), tool_validations=drop_downs(rapporter.SHEET))
    rebuild_sheet(wb, ekonomi.SHEET, eko_rows, lang=lang, legacy=False, position=2, page=page)
    rebuild_sheet(wb, findings.SHEET, bri_rows, lang=lang, legacy=False, position=3, page=page)
    if choices.title in wb.sheetnames and wb.sheetnames.index(choices.title) < 4:
        wb.move_sheet(choices.title, offset=4 - wb.sheetnames.index(choices.title))

    # A satsning whose folder is not there this time keeps what was frozen for it: moved back,
    # it is compared with the same plan and due dates, never frozen anew.
    plans = {**before.plans, **{s.satsning: s.versions for s in run.satsningar if s.versions}}
    expected = {satsning: [(report, version, before.received.get(satsning, {}).get(report.key))
                           for report, version in rows] for satsning, rows in before.expected.items()}
    expected.update({s.satsning: [(row.report, row.version, row.received.file if row.received else None)
                                  for row in s.expected] for s in run.satsningar if s.expected})
    store.write(wb, plans, expected)
    open_on(wb, satsningar.SHEET.title)
    n_rows = sum(1 for r in built.rows if r.values is not None)
    removed = sum(1 for r in built.rows if r.status == REMOVED)
    return wb, FollowupResult(Path(path), n_rows, removed, len(rep_rows), len(bri_rows))


def write_followup(path: Path, run: FollowupRun, *, root: Path, schemas=None, lang: str = "sv",
                   force: bool = False) -> FollowupResult:
    """Write (or update) the follow-up workbook at `path`. Raises FollowupBookError; the old
    file then stays."""
    path = Path(path)
    check_target(path, BOOK, force=force)  # again: Excel may have opened it during the run
    existing = open_book(path, BOOK) if path.exists() else None
    if existing is not None:
        _kept(existing, path)  # its store still reads: never overwrite what cannot be read back
    wb, result = build_workbook(run, root=root, path=path, schemas=schemas, lang=lang, existing=existing)
    save_book(wb, path, BOOK)
    return result
