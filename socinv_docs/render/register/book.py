"""The register workbook: its sheets in their order, written from a RunReport and read back.

Excel-in, nothing lost. When the register exists it is read first and each sheet of the
tool's is rebuilt around what the group did (workbook.rebuild); other sheets the group added
are left as they are. The file is replaced atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socinv_docs import messages
from socinv_docs.render.register.rows import RegisterRows
from socinv_docs.render.register.sheets import findings, lists, submissions
from socinv_docs.render.register.sheets.submissions import skipped_row
from socinv_docs.render.workbook.book import (
    BookKind,
    check_target,
    has_tool_names,
    open_book,
    open_on,
    prepare,
    save_book,
)
from socinv_docs.render.workbook.read import read_named, their_columns
from socinv_docs.render.workbook.rebuild import rebuild_sheet
from socinv_docs.render.workbook.spec import REMOVED
from socinv_docs.render.workbook.table import PageTexts, header_text
from socinv_docs.report import RunReport


class RegisterError(messages.CatalogueError):
    """A register that must not be written (locked, unreadable, not a register, write failed).

    key/params name a message in the catalogue; the CLI shows it and exits 2."""


REGISTER = BookKind(RegisterError, "ui.register", submissions.SHEET.title)


@dataclass
class RegisterResult:
    path: Path
    rows: int  # submissions in the register, kept ones included
    removed: int  # rows kept for submissions no longer in the folder
    findings: int


def check_writable(path: Path, *, force: bool = False) -> None:
    """Fail early (before a long run) when the register could not be written in the end."""
    path = Path(path)
    check_target(path, REGISTER, force=force)
    if path.exists():
        open_book(path, REGISTER, read_only=True).close()  # opens and is a register; its cells are read at the end


def _page(lang: str, now: dt.datetime) -> PageTexts:
    """The printed register: its title and the sheet's name, when it was checked, the page."""
    return PageTexts(header_left=f"{header_text(messages.text('register.title', lang))} – &A",
                     header_right=messages.text("register.print.checked", lang, date=now.strftime("%Y-%m-%d %H:%M")),
                     footer_center=messages.text("register.print.page", lang),
                     footer_right=messages.text("register.print.printed", lang))


def build_workbook(run: RunReport, *, root: Path, register: Path, schemas=None, lang: str = "sv",
                   now: dt.datetime | None = None, existing=None, rows: RegisterRows | None = None):
    """The register as an openpyxl Workbook (merged into `existing` when given). `rows`: the
    rows made during the run (they carry root, schemas, lang and now); made here otherwise."""
    made = rows if rows is not None else RegisterRows(root=root, register=register, schemas=schemas, lang=lang,
                                                      now=now)
    lang, now = made.lang, made.now
    legacy = existing is not None and not has_tool_names(existing)
    wb = prepare(existing, messages.text("register.title", lang))

    fresh, found = [], []
    for sub in run.submissions:
        row, its_findings = made.of(sub)
        fresh.append(row)
        found += its_findings
    fresh += [skipped_row(entry, lang, now) for entry in run.skipped]
    page = _page(lang, now)
    built = rebuild_sheet(wb, submissions.SHEET, fresh, lang=lang, legacy=legacy, position=0, page=page,
                          tool_lists=lists.title(),
                          tool_validations=lambda ws, slots, rows: lists.list_validations(
                              ws, slots, rows, lists.lists_sheet(wb, lang), lang))
    n_rows = sum(1 for r in built.rows if r.values is not None and r.status != "skipped")
    removed = sum(1 for r in built.rows if r.status == REMOVED)

    rebuild_sheet(wb, findings.SHEET, found, lang=lang, legacy=legacy, position=1, page=page,
                  tool_lists=lists.title())

    open_on(wb, submissions.SHEET.title)
    return wb, RegisterResult(Path(register), n_rows, removed, len(found))


def write_register(path: Path, run: RunReport, *, root: Path, schemas=None, lang: str = "sv", force: bool = False,
                   now: dt.datetime | None = None, rows: RegisterRows | None = None) -> RegisterResult:
    """Write (or update) the register at `path`. Raises RegisterError; the old file then stays."""
    path = Path(path)
    check_target(path, REGISTER, force=force)  # again: Excel may have opened it during the run
    existing = open_book(path, REGISTER) if path.exists() else None
    wb, result = build_workbook(run, root=root, register=path, schemas=schemas, lang=lang, now=now,
                                existing=existing, rows=rows)
    save_book(wb, path, REGISTER)
    return result


def read_group_values(path: Path) -> dict[str, dict[str, Any]]:
    """The beredningsgrupp's own columns per submission (Excel-in, for memos).

    {submission: {header: value}} for every column that is not the tool's: Bedömning,
    Kommentar, Förslag till beslut and any column the group added. A formula the group typed
    gives the value Excel last computed (the formula itself only when no value was ever
    computed, e.g. a file never opened in Excel). Rows of the group's own (a total) are not
    submissions. Raises RegisterError.
    """
    sheets = []
    for data_only in (True, False):
        wb = open_book(Path(path), REGISTER, data_only=data_only)
        try:
            sheets.append(read_named(wb, submissions.SHEET, legacy=not has_tool_names(wb)))
        finally:
            wb.close()
    computed, typed = sheets
    key_col = typed.index_of("key") or typed.index_of("submission")
    if key_col is None:
        return {}
    group = their_columns(typed, submissions.SHEET)
    values: dict[str, dict[str, Any]] = {}
    for row_values, row_typed in zip(computed.rows, typed.rows):
        key = row_typed.cells.get(key_col)
        if key is None or key.value in (None, ""):
            continue
        entry = {}
        for c in group:
            cell = row_values.cells.get(c.index) or row_typed.cells.get(c.index)
            value = cell.value if cell is not None and cell.value not in (None, "") else None
            if value is None and c.index in row_typed.cells:
                value = row_typed.cells[c.index].value
            if value not in (None, ""):
                entry[c.header] = value
        values[str(key.value)] = entry
    return values
