"""The register the beredningsgrupp works in (SPEC §6): register.xlsx, written from a RunReport.

Sheet "Ansökningar": one row per submission — the tool's columns (file, kind, name,
applicants, status, counts, missing sections, amounts) and the group's own columns
(Bedömning, Kommentar, Förslag till beslut, and any column they add anywhere). Sheet
"Brister": one row per finding.

Excel-in, nothing lost: when the register exists, it is read first. Every column whose
header is not one of the tool's (in any language) belongs to the group; its values,
cell formats, width and drop-down lists are carried over, matched by the submission key.
Rows keep the order the group left them in (new submissions go at the end); a submission
no longer in the folder keeps its row, marked "Finns ej längre". Other sheets the group
added are left as they are. The file is replaced atomically (socinv_docs.atomic).

Applicant text is always stored as text (data type 's'): a name like '=HYPERLINK(…)',
'+46 70…', '-5' or '@SUM(A1)' never becomes a formula or a number.
"""

from __future__ import annotations

import datetime as dt
import os
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from socinv_docs import messages, summary
from socinv_docs.atomic import TOOL_CREATOR, save_workbook
from socinv_docs.codes import Severity
from socinv_docs.report import RunReport, Status, SubmissionReport
from socinv_docs.summary import applicants, economics, main_first

SHEET_SUBMISSIONS_KEY = "register.sheet.submissions"  # "Ansökningar" (fixed, SPEC §6)
SHEET_FINDINGS_KEY = "register.sheet.findings"  # "Brister" (fixed, SPEC §6)
KRONOR_FORMAT = '#,##0 "kr"'  # shown '1 250 000 kr' by a Swedish Excel
RATIO_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
MAX_CELL_CHARS = 32767

# Colours: complete green, incomplete amber, unreadable red, no longer in the folder grey.
STATUS_FILL = {Status.COMPLETE.value: "C6EFCE", Status.INCOMPLETE.value: "FFEB9C",
               Status.UNREADABLE.value: "FFC7CE", "removed": "D9D9D9"}
STATUS_FONT = {Status.COMPLETE.value: "006100", Status.INCOMPLETE.value: "9C5700",
               Status.UNREADABLE.value: "9C0006", "removed": "595959"}
HEADER_FILL = "1F4E78"
LINE_HEIGHT = 15  # points per line of 11 pt text
MAX_LINES = 6


@dataclass(frozen=True)
class Column:
    id: str
    width: float
    type: str = "text"  # text | int | kr | ratio | date
    wrap: bool = False

    @property
    def key(self) -> str:
        return f"register.col.{self.id}"


SUBMISSION_COLUMNS = [
    Column("submission", 28, wrap=True),
    Column("files", 30, wrap=True),
    Column("kind", 18, wrap=True),
    Column("title", 32, wrap=True),
    Column("sokande", 40, wrap=True),
    Column("status", 16),
    Column("errors", 8, "int"),
    Column("warnings", 11, "int"),
    Column("missing", 32, wrap=True),
    Column("amount", 15, "kr"),
    Column("cost", 15, "kr"),
    Column("savings", 17, "kr"),
    Column("ratio", 12, "ratio"),
    Column("checked", 18, "date"),
]
# The group's columns on a new register. Their headers are fixed Swedish (SPEC §6).
GROUP_COLUMNS = [("register.col.bedomning", 28), ("register.col.kommentar", 45),
                 ("register.col.beslut", 28)]
FINDING_COLUMNS = [
    Column("submission", 28, wrap=True),
    Column("file", 30, wrap=True),
    Column("section", 20, wrap=True),
    Column("code", 24),
    Column("severity", 11),
    Column("message", 60, wrap=True),
    Column("hint", 50, wrap=True),
    Column("location", 30, wrap=True),
]
SUBMISSION_KEY = ("submission",)
FINDING_KEY = ("submission", "file", "code", "section", "location")


class RegisterError(messages.CatalogueError):
    """A register that must not be written (locked, unreadable, not a register, write failed).

    key/params name a message in the catalogue; the CLI shows it and exits 2."""


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _header_ids(columns: list[Column]) -> dict[str, str]:
    """Every language's header text of the tool's columns -> column id."""
    out: dict[str, str] = {}
    for col in columns:
        for lang in messages.LANGS:
            out[_norm(_t(col.key, lang))] = col.id
    return out


# -- lock files and reading an existing register -------------------------------------------


def lock_file(path: Path) -> Path | None:
    """The lock file Excel (or LibreOffice) keeps beside an open workbook, if there is one."""
    path = Path(path)
    names = [f"~${path.name}", f".~lock.{path.name}#"]
    if len(path.name) > 2:
        names.append(f"~${path.name[2:]}")  # Office shortens long names this way
    for name in names:
        candidate = path.parent / name
        if candidate.exists():
            return candidate
    return None


def check_writable(path: Path, *, force: bool = False) -> None:
    """Fail early (before a long run) when the register could not be written in the end."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise RegisterError("ui.register.not_xlsx", path=str(path))
    if not force:
        lock = lock_file(path)
        if lock is not None:
            raise RegisterError("ui.register.locked", path=str(path), lock=lock.name)
    if path.exists():
        _load(path).close()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise RegisterError("ui.register.write_failed", path=str(path), error=_t("ui.register.no_dir", "sv"))


def _load(path: Path, data_only: bool = False):
    import warnings

    from openpyxl import load_workbook

    from socinv_docs.limits import Limits
    from socinv_docs.readers.safety import UnreadableFile, check_file
    from socinv_docs.readers.xlsx_reader import check_workbook

    try:
        # The register is a file like any other: the same safety checks before openpyxl.
        limits = Limits.from_env()
        with check_file(path, limits) as archive:
            check_workbook(archive, limits)
    except UnreadableFile as exc:
        raise RegisterError("ui.register.unreadable", path=str(path),
                            error=messages.text(exc.reason, "sv", **exc.params)) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            wb = load_workbook(path, data_only=data_only)
    except Exception as exc:  # zip, XML, openpyxl's own errors: all "cannot read"
        raise RegisterError("ui.register.unreadable", path=str(path), error=type(exc).__name__) from exc
    if _sheet_name(SHEET_SUBMISSIONS_KEY) not in wb.sheetnames:
        wb.close()
        raise RegisterError("ui.register.not_register", path=str(path),
                            sheet=_sheet_name(SHEET_SUBMISSIONS_KEY))
    return wb


def _sheet_name(key: str) -> str:
    return messages.text(key, "sv")  # fixed names, the same in every language


@dataclass
class _OldCell:
    value: Any
    data_type: str
    style: Any  # the cell's style array: valid because the new sheet lives in the same workbook
    hyperlink: Any = None
    comment: Any = None


@dataclass
class _OldColumn:
    index: int  # 1-based, in the old sheet
    tool_id: str | None  # None: the group's column
    header: str
    width: float | None = None
    hidden: bool = False
    header_style: Any = None


@dataclass
class _OldSheet:
    columns: list[_OldColumn] = field(default_factory=list)
    rows: list[dict[int, _OldCell]] = field(default_factory=list)  # old column index -> cell
    validations: list = field(default_factory=list)


def _read_sheet(ws, columns: list[Column]) -> _OldSheet:
    ids = _header_ids(columns)
    old = _OldSheet()
    seen: set[str] = set()
    max_col = ws.max_column
    for c in range(1, max_col + 1):
        cell = ws.cell(row=1, column=c)
        header = "" if cell.value is None else str(cell.value)
        tool_id = ids.get(_norm(header))
        if tool_id in seen:  # the same tool header twice: the second one is the group's
            tool_id = None
        if tool_id:
            seen.add(tool_id)
        letter = cell.column_letter
        dim = ws.column_dimensions.get(letter)
        width = dim.width if dim is not None and dim.customWidth else None
        hidden = bool(dim.hidden) if dim is not None else False
        old.columns.append(_OldColumn(c, tool_id, header, width, hidden, copy(cell._style)))
    # Drop trailing columns that are entirely empty (no header, no values).
    used = {c: False for c in range(1, max_col + 1)}
    for row in ws.iter_rows(min_row=2, max_col=max_col):
        cells: dict[int, _OldCell] = {}
        for cell in row:
            if cell.value is None and cell.hyperlink is None and cell.comment is None:
                continue
            used[cell.column] = True
            cells[cell.column] = _OldCell(cell.value, cell.data_type, copy(cell._style), copy(cell.hyperlink)
                                          if cell.hyperlink else None, copy(cell.comment) if cell.comment else None)
        if cells:
            old.rows.append(cells)
    old.columns = [c for c in old.columns if c.tool_id or c.header.strip() or used.get(c.index)]
    old.validations = list(ws.data_validations.dataValidation)
    return old


# -- what goes in the rows ------------------------------------------------------------------


def _kind_label(kind: str | None, schemas, lang: str) -> str:
    if not kind:
        return ""
    spec = schemas.kinds.get(kind) if schemas is not None else None
    return spec.name_in(lang) if spec else kind


def _number(value) -> int | float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    return None


def submission_row(sub: SubmissionReport, schemas, lang: str, now: dt.datetime) -> dict[str, Any]:
    docs = main_first(sub)
    findings = sub.all_findings
    names = [d.file.split("/", 1)[1] if "/" in d.file and d.file.startswith(sub.submission + "/") else d.file
             for d in sub.documents]
    kinds: list[str] = []
    for d in docs:
        label = _kind_label(d.kind, schemas, lang)
        if label and label not in kinds:
            kinds.append(label)
    missing: list[str] = []
    for d in docs:
        if d.document is not None:
            kind = schemas.kinds.get(d.kind) if schemas is not None else None
            for sid, s in d.document.sections.items():
                label = kind.label(section=sid) if kind else sid
                if s.state.value != "ok" and label not in missing:
                    missing.append(label)
    econ = economics(docs)
    sokt = _number(summary.amount(docs))
    return {
        "submission": sub.submission,
        "files": ", ".join(names),
        "kind": ", ".join(kinds),
        "title": summary.title(docs),
        "sokande": "; ".join(applicants(docs)),
        "status": _t(f"register.status.{sub.status.value}", lang),
        "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity is Severity.WARNING),
        "missing": ", ".join(missing),
        "amount": sokt,
        "cost": _number(econ.get("cost")),
        "savings": _number(econ.get("savings_total")),
        "ratio": _number(econ.get("ratio")),
        "checked": now,
    }


def finding_rows(sub: SubmissionReport, lang: str, schemas=None) -> list[tuple[dict[str, Any], str | None]]:
    """(row, file it links to) for every finding of a submission, submission-level first."""
    rows = []
    for f in sub.findings:
        rows.append((_finding_row(sub.submission, "", f, lang, None), None))
    for doc in sub.documents:
        kind = schemas.kinds.get(doc.kind) if schemas is not None and doc.kind else None
        for f in doc.findings:
            rows.append((_finding_row(sub.submission, doc.file, f, lang, kind), doc.file))
    return rows


def _finding_row(submission: str, file: str, f, lang: str, kind) -> dict[str, Any]:
    subject = kind.label(f.section, f.field, f.criterion) if kind else f.section or f.field or f.criterion or ""
    return {"submission": submission, "file": file, "section": subject,
            "code": f.code.value, "severity": _t(f"register.severity.{f.severity.value}", lang),
            "message": f.message_in(lang), "hint": f.hint_in(lang), "location": f.location_in(lang)}


# -- writing cells -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def put_text(cell, value: object) -> None:
    """Store text as text, whatever it starts with ('=', '+', '-', '@')."""
    if value is None or value == "":
        cell.value = None
        return
    cell.value = _clean(str(value))
    cell.data_type = "s"


def _put(cell, col: Column, value: Any) -> None:
    if col.type == "text":
        put_text(cell, value)
        return
    if col.type == "date":
        cell.value = value if isinstance(value, (dt.datetime, dt.date)) else None
        cell.number_format = DATE_FORMAT
        return
    number = _number(value)
    cell.value = number
    if col.type == "kr":
        cell.number_format = KRONOR_FORMAT
    elif col.type == "ratio":
        cell.number_format = RATIO_FORMAT


def _link_target(file: Path, base: Path) -> str:
    try:
        rel = os.path.relpath(file, base)
    except ValueError:  # another drive (Windows): an absolute link
        return file.resolve().as_uri()
    return quote(Path(rel).as_posix(), safe="/")


# -- the sheets --------------------------------------------------------------------------------


@dataclass
class _Slot:
    """A column of the new sheet: a tool column, or one carried over from the old sheet."""

    tool: Column | None
    old: _OldColumn | None = None
    header: str = ""
    width: float | None = None


def _plan(old: _OldSheet | None, columns: list[Column], group: list[tuple[str, float]], lang: str
          ) -> list[_Slot]:
    if old is None:
        slots = [_Slot(c, None, _t(c.key, lang), c.width) for c in columns]
        slots += [_Slot(None, None, _t(key, lang), width) for key, width in group]
        return slots
    by_id = {c.id: c for c in columns}
    slots = []
    for oc in old.columns:
        if oc.tool_id:
            col = by_id[oc.tool_id]
            slots.append(_Slot(col, oc, _t(col.key, lang), oc.width or col.width))
        else:
            slots.append(_Slot(None, oc, oc.header, oc.width))
    # A tool column the old sheet lacks (deleted, or new in this version): put it back after
    # the tool column that precedes it.
    for i, col in enumerate(columns):
        if any(s.tool is col for s in slots):
            continue
        at = 0
        for prev in reversed(columns[:i]):
            pos = next((k for k, s in enumerate(slots) if s.tool is prev), None)
            if pos is not None:
                at = pos + 1
                break
        slots.insert(at, _Slot(col, None, _t(col.key, lang), col.width))
    # Excel tables need unique, non-empty headers.
    seen: set[str] = set()
    for n, slot in enumerate(slots, start=1):
        base = slot.header.strip() or _t("register.col.unnamed", lang, n=n)
        name, k = base, 2
        while _norm(name) in seen:
            name, k = f"{base} ({k})", k + 1
        slot.header = name
        seen.add(_norm(name))
    return slots


def _write_sheet(ws, slots: list[_Slot], rows: list[dict[int | str, Any]], *, lang: str, table_name: str,
                 status_col: str | None) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_align = Alignment(wrap_text=True, vertical="center")
    top = Alignment(vertical="top")
    top_wrap = Alignment(vertical="top", wrap_text=True)
    edge = Border(bottom=Side(style="thin", color="FFFFFF"))
    for c, slot in enumerate(slots, start=1):
        cell = ws.cell(row=1, column=c)
        put_text(cell, slot.header)
        if slot.tool is None and slot.old is not None and slot.old.header_style is not None:
            cell._style = copy(slot.old.header_style)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = header_align
        cell.border = edge
        letter = get_column_letter(c)
        if slot.width:
            ws.column_dimensions[letter].width = slot.width
        if slot.old is not None and slot.old.hidden:
            ws.column_dimensions[letter].hidden = True
    for r, row in enumerate(rows, start=2):
        for c, slot in enumerate(slots, start=1):
            cell = ws.cell(row=r, column=c)
            if slot.tool is not None and slot.tool.id in row:
                _put(cell, slot.tool, row[slot.tool.id])
                cell.alignment = top_wrap if slot.tool.wrap else top
                link = row.get(("link", slot.tool.id))
                if link:
                    cell.hyperlink = link
                    cell.font = Font(color="0563C1", underline="single")
            elif slot.old is not None and slot.old.index in row:
                old: _OldCell = row[slot.old.index]
                cell._style = copy(old.style)
                if old.data_type == "f":
                    cell.value = old.value  # a formula the group typed stays a formula
                elif isinstance(old.value, str):
                    put_text(cell, old.value)
                else:
                    cell.value = old.value
                if old.hyperlink is not None:
                    cell.hyperlink = old.hyperlink
                if old.comment is not None:
                    cell.comment = old.comment
                if cell.alignment.vertical is None:  # typed without a format: align with the row
                    cell.alignment = top_wrap
            elif slot.tool is None:
                cell.alignment = top_wrap
    # Row heights: viewers do not all fit wrapped text on opening, so give each row the
    # lines its longest wrapped cell needs (at most MAX_LINES; the group can widen it).
    header_lines = max(_lines(s.header, (s.width or 10) * 0.85) for s in slots)
    ws.row_dimensions[1].height = LINE_HEIGHT * max(2, min(header_lines, 3)) + 4
    for r in range(2, len(rows) + 2):
        lines = 1
        for c, slot in enumerate(slots, start=1):
            cell = ws.cell(row=r, column=c)
            wraps = slot.tool.wrap if slot.tool is not None else True
            if wraps and isinstance(cell.value, str) and cell.data_type == "s":
                lines = max(lines, _lines(cell.value, slot.width or 10))
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * min(lines, MAX_LINES) + 3
    last_row = max(2, len(rows) + 1)
    last_col = get_column_letter(len(slots))
    table = Table(displayName=table_name, ref=f"A1:{last_col}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "B2"
    ws.sheet_view.zoomScale = 100
    ws.page_setup.orientation = "landscape"
    # A register is wide: on A4 the text would print at 4 pt; A3 halves the shrinking.
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if len(slots) > 12 else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    if status_col is not None:
        _status_colours(ws, slots, status_col, last_row)


def _lines(text: str, width: float) -> int:
    per_line = max(1, int(width * 1.15) - 1)  # a column's width is about one digit
    return sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))


def _status_words(status_col: str, lang: str) -> dict[str, str]:
    """Colour name -> the cell text that gets it."""
    if status_col == "severity":
        return {Status.UNREADABLE.value: _t("register.severity.error", lang),
                Status.INCOMPLETE.value: _t("register.severity.warning", lang),
                "removed": _t("register.status.removed", lang)}
    return {state: _t(f"register.status.{state}", lang) for state in STATUS_FILL}


def _status_colours(ws, slots: list[_Slot], status_col: str, last_row: int) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    c = next((k for k, s in enumerate(slots, start=1) if s.tool is not None and s.tool.id == status_col), None)
    if c is None:
        return
    letter = get_column_letter(c)
    area = f"{letter}2:{letter}{last_row}"
    done: set[str] = set()
    for lang in messages.LANGS:
        for state, word in _status_words(status_col, lang).items():
            if word in done:
                continue
            done.add(word)
            colour = STATUS_FILL[state]
            word = word.replace('"', '""')
            ws.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=colour,
                                                                          bgColor=colour),
                font=Font(color=STATUS_FONT[state], bold=state != "removed")))


def _carry_validations(ws, old: _OldSheet | None, slots: list[_Slot]) -> None:
    """Drop-down lists and other validations the group put on their own columns."""
    if old is None or not old.validations:
        return
    from openpyxl.utils import get_column_letter, range_boundaries
    from openpyxl.worksheet.datavalidation import DataValidation

    new_index = {s.old.index: k for k, s in enumerate(slots, start=1) if s.old is not None and s.tool is None}
    for dv in old.validations:
        ranges = []
        for rng in dv.sqref.ranges:
            min_col, min_row, max_col, max_row = range_boundaries(rng.coord)
            cols = [new_index.get(c) for c in range(min_col, max_col + 1)]
            if None in cols or cols != list(range(cols[0], cols[0] + len(cols))):
                continue  # not (only) the group's columns, or no longer side by side
            ranges.append(f"{get_column_letter(cols[0])}{min_row}:{get_column_letter(cols[-1])}{max_row}")
        if ranges:
            new = copy(dv)
            new.sqref = " ".join(ranges)
            ws.add_data_validation(new if isinstance(new, DataValidation) else dv)


def _merge_rows(old: _OldSheet | None, slots: list[_Slot], fresh: list[dict], key: tuple[str, ...],
                *, keep_removed: str, keep_order: bool, status_col: str, removed_text: str) -> list[dict]:
    """Combine this run's rows with the old sheet's: the group's cells follow their row's
    key; rows keep the group's order (keep_order) or this run's; rows of keys no longer
    found stay (always, or only when the group wrote something in them), marked removed."""

    def key_of(values: dict[str, Any]) -> tuple:
        return tuple(_norm(values.get(k)) for k in key)

    def counted(keys: list[tuple]) -> list[tuple]:
        seen: dict[tuple, int] = {}
        out = []
        for k in keys:
            seen[k] = seen.get(k, 0) + 1
            out.append((*k, seen[k]))
        return out

    if old is None:
        return list(fresh)
    fresh_keys = counted([key_of(r) for r in fresh])
    tool_at = {s.old.index: s.tool.id for s in slots if s.old is not None and s.tool is not None}
    group_at = [s.old.index for s in slots if s.old is not None and s.tool is None]
    status_old = next((s.old.index for s in slots if s.old is not None and s.tool is not None
                       and s.tool.id == status_col), None)
    fresh_by_key = dict(zip(fresh_keys, fresh))
    group_by_key: dict[tuple, dict] = {}
    ordered: list[tuple[str, Any]] = []  # ("fresh", key) | ("kept", row) | ("own", row), old order
    for cells in old.rows:
        values = {tid: cells[i].value for i, tid in tool_at.items() if i in cells}
        if not any(values.get(k) not in (None, "") for k in key):  # a row the group made themselves
            ordered.append(("own", dict(cells)))
            continue
        k = counted([key_of(values)])[0]
        while k in group_by_key:  # a second row with the same key
            k = (*k[:-1], k[-1] + 1)
        group_cells = {i: cells[i] for i in group_at if i in cells}
        group_by_key[k] = group_cells
        if k in fresh_by_key:
            ordered.append(("fresh", k))
        elif keep_removed == "always" or any(c.value not in (None, "") for c in group_cells.values()):
            kept: dict = {**group_cells, **{i: cells[i] for i in tool_at if i in cells}}
            kept.pop(status_old, None)
            kept[status_col] = removed_text  # the tool's last values stay as they were
            ordered.append(("kept", kept))
    merged: list[dict] = []
    if keep_order:
        placed: set[tuple] = set()
        for what, item in ordered:
            if what == "fresh":
                placed.add(item)
                merged.append({**group_by_key[item], **fresh_by_key[item]})
            else:
                merged.append(item)
        merged.extend(r for k, r in zip(fresh_keys, fresh) if k not in placed)
    else:
        merged = [{**group_by_key.get(k, {}), **r} for k, r in zip(fresh_keys, fresh)]
        merged.extend(item for what, item in ordered if what != "fresh")
    return merged


def _tool_cells_as_values(rows: list[dict], slots: list[_Slot]) -> list[dict]:
    """Old tool cells of kept rows are rewritten by the tool column's own rules."""
    tool_at = {s.old.index: s.tool.id for s in slots if s.old is not None and s.tool is not None}
    out = []
    for row in rows:
        new = {}
        for k, v in row.items():
            if isinstance(k, int) and k in tool_at and tool_at[k] not in row:
                new[tool_at[k]] = v.value
            else:
                new[k] = v
        out.append(new)
    return out


@dataclass
class RegisterResult:
    path: Path
    rows: int  # submissions in the register, kept ones included
    removed: int  # rows kept for submissions no longer in the folder
    findings: int


def build_workbook(run: RunReport, *, root: Path, register: Path, schemas=None, lang: str = "sv",
                   now: dt.datetime | None = None, existing=None):
    """The register as an openpyxl Workbook (merged into `existing` when given)."""
    from openpyxl import Workbook

    now = (now or dt.datetime.now()).replace(microsecond=0)
    base = Path(os.path.abspath(register)).parent
    root = Path(os.path.abspath(root))
    removed_text = _t("register.status.removed", lang)
    wb = existing
    if wb is None:
        wb = Workbook()
        wb.remove(wb.active)
    wb.properties.creator = TOOL_CREATOR
    wb.properties.lastModifiedBy = TOOL_CREATOR
    wb.properties.title = _t("register.title", lang)
    wb.properties.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    # Ansökningar
    sub_rows = []
    for sub in run.submissions:
        row = submission_row(sub, schemas, lang, now)
        docs = main_first(sub)
        if docs:
            row[("link", "files")] = _link_target(root / docs[0].file, base)
        sub_rows.append(row)
    name = _sheet_name(SHEET_SUBMISSIONS_KEY)
    old, index = _take_sheet(wb, name, SUBMISSION_COLUMNS)
    slots = _plan(old, SUBMISSION_COLUMNS, GROUP_COLUMNS, lang)
    rows = _merge_rows(old, slots, sub_rows, SUBMISSION_KEY, keep_removed="always", keep_order=True,
                       status_col="status",
                       removed_text=removed_text)
    rows = _tool_cells_as_values(rows, slots)
    removed = sum(1 for r in rows if r.get("status") == removed_text)
    ws = wb.create_sheet(name, index)
    _write_sheet(ws, slots, rows, lang=lang, table_name="Ansokningar", status_col="status")
    _carry_validations(ws, old, slots)
    n_rows = len(rows)

    # Brister
    find_rows = []
    for sub in run.submissions:
        for row, file in finding_rows(sub, lang, schemas):
            if file:
                row[("link", "file")] = _link_target(root / file, base)
            find_rows.append(row)
    name = _sheet_name(SHEET_FINDINGS_KEY)
    old, index = _take_sheet(wb, name, FINDING_COLUMNS)
    slots = _plan(old, FINDING_COLUMNS, [], lang)
    rows = _merge_rows(old, slots, find_rows, FINDING_KEY, keep_removed="if_group_values",
                       keep_order=False, status_col="severity",
                       removed_text=removed_text)
    rows = _tool_cells_as_values(rows, slots)
    ws = wb.create_sheet(name, index if index is not None else 1)
    _write_sheet(ws, slots, rows, lang=lang, table_name="Brister", status_col="severity")
    _carry_validations(ws, old, slots)
    wb.active = wb.sheetnames.index(_sheet_name(SHEET_SUBMISSIONS_KEY))
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == _sheet_name(SHEET_SUBMISSIONS_KEY)
    return wb, RegisterResult(Path(register), n_rows, removed, len(find_rows))


def _take_sheet(wb, name: str, columns: list[Column]):
    """Read and remove the old sheet `name`; return its data and where it stood."""
    if name not in wb.sheetnames:
        return None, None
    ws = wb[name]
    index = wb.sheetnames.index(name)
    old = _read_sheet(ws, columns)
    wb.remove(ws)
    return old, index


def write_register(path: Path, run: RunReport, *, root: Path, schemas=None, lang: str = "sv", force: bool = False,
                   now: dt.datetime | None = None) -> RegisterResult:
    """Write (or update) the register at `path`. Raises RegisterError; the old file then stays."""
    path = Path(path)
    check_writable(path, force=force)
    existing = _load(path) if path.exists() else None
    wb, result = build_workbook(run, root=root, register=path, schemas=schemas, lang=lang, now=now,
                                existing=existing)
    try:
        save_workbook(wb, path)
    except OSError as exc:
        raise RegisterError("ui.register.write_failed", path=str(path),
                            error=exc.strerror or type(exc).__name__) from exc
    return result


def read_group_values(path: Path) -> dict[str, dict[str, Any]]:
    """The beredningsgrupp's own columns per submission (Excel-in, for memos).

    {submission: {header: value}} for every column that is not the tool's: Bedömning,
    Kommentar, Förslag till beslut and any column the group added. A formula the group typed
    gives the value Excel last computed (the formula itself only when no value was ever
    computed, e.g. a file never opened in Excel). Raises RegisterError.
    """
    sheets = []
    for data_only in (True, False):
        wb = _load(Path(path), data_only=data_only)
        try:
            sheets.append(_read_sheet(wb[_sheet_name(SHEET_SUBMISSIONS_KEY)], SUBMISSION_COLUMNS))
        finally:
            wb.close()
    computed, typed = sheets
    key_col = next((c.index for c in typed.columns if c.tool_id == "submission"), None)
    if key_col is None:
        return {}
    group = [c for c in typed.columns if c.tool_id is None and c.header.strip()]
    values: dict[str, dict[str, Any]] = {}
    for row_values, row_typed in zip(computed.rows, typed.rows):
        key = row_typed.get(key_col)
        if key is None or key.value in (None, ""):
            continue
        entry = {}
        for c in group:
            cell = row_values.get(c.index) or row_typed.get(c.index)
            value = cell.value if cell is not None and cell.value not in (None, "") else None
            if value is None and c.index in row_typed:
                value = row_typed[c.index].value
            if value not in (None, ""):
                entry[c.header] = value
        values[str(key.value)] = entry
    return values
