"""The register the beredningsgrupp works in (SPEC §6): register.xlsx, written from a RunReport.

Sheet "Ansökningar": one row per submission — the tool's columns (submission, kind, name,
applicants, status, reason, what changed since the last run, counts, missing sections,
amounts, files, when checked), the group's columns (Bedömning, Kommentar, Förslag till
beslut, with drop-down lists kept on the sheet "Listor" that the group edits) and any column
they add anywhere. Sheet "Brister": one row per finding, with a Kommentar column of theirs.

Excel-in, nothing lost. When the register exists it is read first and rebuilt around what
the group did:
- A row's identity is data, never rendered text: the submission, and for a finding the
  submission, the file and Finding.key. It is stored in a hidden tool column at the far
  right of each sheet, so a re-run in another language, a renamed or re-sorted column finds
  every row again. Without that column (deleted, or a register from an older version) the
  visible cells are the fallback: submission; code, section and location, then code and
  section.
- The tool's columns are recognised by their header in any language, else by a defined
  name on their header cell (Excel and LibreOffice move it with the column, so a renamed
  header keeps working and keeps its new name), else — for the submission column — by its
  values.
- Rows without a key are the group's own (a total under the table, a note): kept as they
  were — values, formulas, formats — in their place relative to the table. Formulas,
  validations, conditional formats and names that point into the sheet are moved along
  with the rows and columns (sheet_refs), so a =SUBTOTAL under the table still covers it.
- A submission no longer in the folder keeps its row, marked "Finns ej längre"; a finding
  that is gone keeps its row only when the group wrote something in it.
Other sheets the group added are left as they are. The file is replaced atomically.

Applicant text is always stored as text (data type 's'): a name like '=HYPERLINK(…)',
'+46 70…', '-5' or '@SUM(A1)' never becomes a formula or a number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from socinv_docs import messages, summary
from socinv_docs.atomic import TOOL_CREATOR, save_workbook
from socinv_docs.codes import Code, Severity
from socinv_docs.render.sheet_refs import AxisMap, remap_formula, remap_range, remap_sqref
from socinv_docs.report import UNANSWERED, DocumentReport, Finding, RunReport, Status, SubmissionReport, shown_section_state
from socinv_docs.summary import applicants, economics, main_first

SHEET_SUBMISSIONS_KEY = "register.sheet.submissions"  # "Ansökningar" (fixed, SPEC §6)
SHEET_FINDINGS_KEY = "register.sheet.findings"  # "Brister" (fixed, SPEC §6)
SHEET_LISTS_KEY = "register.sheet.lists"  # "Listor": the group's drop-down choices
# Numbers are right-aligned; '_)' leaves a space after them (Excel's and Calc's own way;
# Calc ignores an indent on right-aligned cells), so that a count never runs into the next
# column's text.
KRONOR_FORMAT = '#,##0 "kr"_)'  # shown '1 250 000 kr' by a Swedish Excel
RATIO_FORMAT = "0.00_)"
COUNT_FORMAT = "0_)"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
MAX_CELL_CHARS = 32767
NAME_PREFIX = "socinv_"  # defined names on the tool's header cells: socinv_ans_status, ...
STATE_VERSION = 1

# Colours: complete green, incomplete amber, unreadable and not checked red, no longer in
# the folder grey.
STATUS_FILL = {Status.COMPLETE.value: "C6EFCE", Status.INCOMPLETE.value: "FFEB9C",
               Status.UNREADABLE.value: "FFC7CE", "skipped": "FFC7CE", "removed": "D9D9D9"}
STATUS_FONT = {Status.COMPLETE.value: "006100", Status.INCOMPLETE.value: "9C5700",
               Status.UNREADABLE.value: "9C0006", "skipped": "9C0006", "removed": "595959"}
HEADER_FILL = "1F4E78"
LINE_HEIGHT = 15  # points per line of 11 pt text
MAX_LINES = 10  # a row grows for its longest wrapped cell up to this; the group can widen it
# Printable width of a landscape page at 96 dpi with 1 cm side margins: the paper is A4
# when the printed columns fit it at 80 % or more, else A3 (offices print both).
PAGE_PX = {"A4": (29.7 - 2) / 2.54 * 96, "A3": (42.0 - 2) / 2.54 * 96}
MIN_A4_SCALE = 0.8


@dataclass(frozen=True)
class Column:
    """A column the tool knows. Tool columns are written at every run; a group column
    (group=True) is made by the tool on a new sheet and then belongs to the group."""

    id: str
    width: float
    type: str = "text"  # text | int | kr | ratio | date
    wrap: bool = False
    group: bool = False
    prints: bool = True  # False: for the screen only, placed right of the printed columns
    hidden: bool = False  # the tool's bookkeeping (row key, last run's state)

    @property
    def key(self) -> str:
        return f"register.col.{self.id}"


# Widths: the printed columns (all but files, date and bookkeeping) fit A3 landscape at
# about 72 % (8 pt); long text wraps onto more lines instead. Amounts fit '12 345 678 kr'.
SUBMISSION_COLUMNS = [
    Column("submission", 22, wrap=True),
    Column("kind", 17, wrap=True),
    Column("title", 22, wrap=True),
    Column("sokande", 22, wrap=True),
    Column("status", 15),
    Column("reason", 18, wrap=True),
    Column("changed", 16, wrap=True),
    Column("errors", 6, "int"),
    Column("warnings", 11, "int"),
    Column("missing", 22, wrap=True),
    Column("amount", 15, "kr"),
    Column("cost", 15, "kr"),
    Column("savings", 15, "kr"),
    Column("ratio", 10, "ratio"),
    Column("bedomning", 20, wrap=True, group=True),
    Column("kommentar", 27, wrap=True, group=True),
    Column("beslut", 16, wrap=True, group=True),
    Column("files", 30, wrap=True, prints=False),
    Column("checked", 16, "date", prints=False),
    Column("key", 14, hidden=True),
    Column("state", 14, hidden=True),
]
# Brister's printed columns fit A4 landscape at 80 %.
FINDING_COLUMNS = [
    Column("submission", 20, wrap=True),
    Column("section", 22, wrap=True),
    Column("severity", 13),
    Column("message", 46, wrap=True),
    Column("hint", 34, wrap=True),
    Column("location", 20, wrap=True),
    Column("kommentar", 26, wrap=True, group=True),
    Column("file", 28, wrap=True, prints=False),
    Column("code", 26, prints=False),
    Column("key", 14, hidden=True),
]
# Tool columns new in this version whose plain headers a group may well have used for a
# column of their own in an older register ("Orsak"): there, only a name marks them ours.
ADDED_COLUMNS = frozenset({"reason", "changed"})
# Group columns with a drop-down list from the sheet "Listor": column id -> its choices.
LISTS = {"beslut": "register.list.beslut", "bedomning": "register.list.bedomning"}


@dataclass(frozen=True)
class SheetSpec:
    name_key: str
    columns: list[Column]
    abbr: str  # in the defined names: socinv_<abbr>_<column id>
    table: str  # the table's name on a new sheet
    status_col: str  # the column that says a row is the tool's and gets the colours
    keep_order: bool  # rows stay in the group's order (new ones at the end), else this run's
    keep_removed: str  # always | if_group_values

    @property
    def by_id(self) -> dict[str, Column]:
        return {c.id: c for c in self.columns}


SUBMISSIONS = SheetSpec(SHEET_SUBMISSIONS_KEY, SUBMISSION_COLUMNS, "ans", "Ansokningar", "status",
                        keep_order=True, keep_removed="always")
FINDINGS = SheetSpec(SHEET_FINDINGS_KEY, FINDING_COLUMNS, "bri", "Brister", "severity",
                     keep_order=False, keep_removed="if_group_values")


class RegisterError(messages.CatalogueError):
    """A register that must not be written (locked, unreadable, not a register, write failed).

    key/params name a message in the catalogue; the CLI shows it and exits 2."""


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _sheet_name(key: str) -> str:
    return messages.text(key, "sv")  # fixed names, the same in every language


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
    _check_target(path, force=force)
    if path.exists():
        _load(path, read_only=True).close()  # opens and is a register; its cells are read at the end


def _check_target(path: Path, *, force: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise RegisterError("ui.register.not_xlsx", path=str(path))
    if not force:
        lock = lock_file(path)
        if lock is not None:
            raise RegisterError("ui.register.locked", path=str(path), lock=lock.name)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise RegisterError("ui.register.write_failed", path=str(path), error=_t("ui.register.no_dir", "sv"))


def _load(path: Path, data_only: bool = False, read_only: bool = False):
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
            wb = load_workbook(path, data_only=data_only, read_only=read_only)
    except Exception as exc:  # zip, XML, openpyxl's own errors: all "cannot read"
        raise RegisterError("ui.register.unreadable", path=str(path), error=type(exc).__name__) from exc
    if _sheet_name(SHEET_SUBMISSIONS_KEY) not in wb.sheetnames:
        wb.close()
        raise RegisterError("ui.register.not_register", path=str(path),
                            sheet=_sheet_name(SHEET_SUBMISSIONS_KEY))
    return wb


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
    col_id: str | None  # the tool's column it is (a group column of the tool's too); None: the group's own
    header: str
    renamed: bool = False  # recognised by its name or values, not its header: the group renamed it
    width: float | None = None
    hidden: bool = False
    header_style: Any = None


@dataclass
class _OldRow:
    number: int
    cells: dict[int, _OldCell]  # old column index -> cell
    height: float | None = None


@dataclass
class _OldSheet:
    title: str
    columns: list[_OldColumn] = field(default_factory=list)
    rows: list[_OldRow] = field(default_factory=list)
    validations: list = field(default_factory=list)
    formats: list = field(default_factory=list)  # (sqref, rules) conditional formats
    merged: list[str] = field(default_factory=list)
    table: Any = None  # the old Excel table (name, style, totals row)
    table_last_row: int = 0

    def index_of(self, col_id: str) -> int | None:
        return next((c.index for c in self.columns if c.col_id == col_id), None)


def _header_ids(columns: list[Column], *, legacy: bool) -> dict[str, str]:
    """Every language's header text of the tool's columns -> column id."""
    out: dict[str, str] = {}
    for col in columns:
        if legacy and col.id in ADDED_COLUMNS:
            continue
        for lang in messages.LANGS:
            out.setdefault(_norm(_t(col.key, lang)), col.id)
    return out


def _has_tool_names(wb) -> bool:
    return any(name.startswith(NAME_PREFIX) for name in wb.defined_names)


def _named_columns(wb, title: str, spec: SheetSpec) -> dict[int, str]:
    """Column index -> column id, from the defined names the last run put on the header
    cells. Excel and LibreOffice move a name with its column; a deleted column's name
    becomes #REF! and is ignored."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    prefix = f"{NAME_PREFIX}{spec.abbr}_"
    out: dict[int, str] = {}
    for name, dn in wb.defined_names.items():
        if not name.startswith(prefix) or name[len(prefix):] not in spec.by_id:
            continue
        try:
            destinations = list(dn.destinations)
        except Exception:  # '#REF!' and other text that is no cell
            continue
        for sheet, coord in destinations:
            try:
                letters, row = coordinate_from_string(coord.replace("$", "").split(":")[0])
            except ValueError:
                continue
            if sheet == title and row == 1:
                out.setdefault(column_index_from_string(letters), name[len(prefix):])
    return out


def _read_sheet(ws, spec: SheetSpec, names: dict[int, str], *, legacy: bool,
                known_keys: set[str] = frozenset()) -> _OldSheet:
    from openpyxl.utils import range_boundaries

    old = _OldSheet(ws.title)
    ids = _header_ids(spec.columns, legacy=legacy)
    max_col = ws.max_column
    claimed: set[str] = set()
    for c in range(1, max_col + 1):
        cell = ws.cell(row=1, column=c)
        header = "" if cell.value is None else str(cell.value)
        col_id = ids.get(_norm(header))
        if col_id in claimed:  # the same tool header twice: the second one is the group's
            col_id = None
        if col_id:
            claimed.add(col_id)
        dim = ws.column_dimensions.get(cell.column_letter)
        width = dim.width if dim is not None and dim.customWidth else None
        hidden = bool(dim.hidden) if dim is not None else False
        old.columns.append(_OldColumn(c, col_id, header, False, width, hidden, copy(cell._style)))
    for oc in old.columns:  # a renamed tool header: its name still says which column it is
        named = names.get(oc.index)
        if oc.col_id is None and named and named not in claimed:
            oc.col_id, oc.renamed = named, True
            claimed.add(named)

    last_used = 0
    used_cols: set[int] = set()
    for row in ws.iter_rows(min_row=2, max_col=max_col):
        cells: dict[int, _OldCell] = {}
        number = row[0].row if row else 0
        for cell in row:
            if cell.value is None and cell.hyperlink is None and cell.comment is None:
                continue
            cells[cell.column] = _OldCell(cell.value, cell.data_type, copy(cell._style),
                                          copy(cell.hyperlink) if cell.hyperlink else None,
                                          copy(cell.comment) if cell.comment else None)
        if cells:
            last_used = number
            used_cols.update(cells)
        dim = ws.row_dimensions.get(number)
        height = dim.height if dim is not None and dim.customHeight else None
        old.rows.append(_OldRow(number, cells, height))
    old.rows = [r for r in old.rows if r.number <= last_used]  # formatted but empty rows below: not rows

    if "submission" not in claimed and known_keys:  # renamed in a register without names
        best, best_hits = None, 0
        for oc in old.columns:
            if oc.col_id is not None:
                continue
            values = [str(r.cells[oc.index].value) for r in old.rows if oc.index in r.cells]
            hits = sum(1 for v in values if v in known_keys)
            if hits > best_hits and hits * 2 >= len(values):
                best, best_hits = oc, hits
        if best is not None:
            best.col_id, best.renamed = "submission", True
    # Columns with neither a header nor values are not columns of anyone.
    old.columns = [c for c in old.columns if c.col_id or c.header.strip() or c.index in used_cols]
    old.validations = list(ws.data_validations.dataValidation)
    old.formats = [(str(cf.sqref), list(cf.rules)) for cf in ws.conditional_formatting]
    old.merged = [str(r) for r in ws.merged_cells.ranges]
    for table in ws.tables.values():
        min_col, min_row, _, max_row = range_boundaries(table.ref)
        if min_row == 1 and min_col == 1:
            old.table, old.table_last_row = table, max_row
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


def _short_name(sub: SubmissionReport, file: str) -> str:
    """A file as the group knows it: its name inside the submission's folder."""
    prefix = sub.submission + "/"
    return file[len(prefix):] if file.startswith(prefix) else file


def _reason(sub: SubmissionReport, lang: str) -> str:
    """Why a submission's files could not be read, one short line each (FILE_UNREADABLE's
    reason, KIND_UNKNOWN), rendered from the finding's data in the run's language; and which
    mandatory attachments it still needs (report.missing_attachments)."""
    missing = sub.missing_attachments
    reasons = [_t("ui.missing_attachments", lang, attachments=[a["name"] for a in missing])] if missing else []
    for doc in sub.documents:
        for f in doc.findings:
            if f.code is Code.FILE_UNREADABLE and f.params.get("reason_key"):
                why = _t(str(f.params["reason_key"]), lang, **f.params)
            elif f.code is Code.KIND_UNKNOWN:
                why = _t("register.reason.kind_unknown", lang)
            else:
                continue
            if len(sub.documents) > 1:
                why = _t("register.reason.in_file", lang, file=_short_name(sub, doc.file), reason=why)
            reasons.append(why)
    return "\n".join(reasons)


def submission_row(sub: SubmissionReport, schemas, lang: str, now: dt.datetime) -> dict[str, Any]:
    docs = main_first(sub)
    findings = sub.all_findings
    names = [_short_name(sub, d.file) for d in sub.documents]
    kinds: list[str] = []
    for d in docs:
        label = _kind_label(d.kind, schemas, lang)
        if label and label not in kinds:
            kinds.append(label)
    missing: list[str] = []
    for d in docs:
        if d.document is not None:
            kind = schemas.kinds.get(d.kind) if schemas is not None else None
            specs = {spec.id: spec for spec in kind.sections} if kind else {}
            for sid, s in d.document.sections.items():
                label = kind.label(section=sid) if kind else sid
                # An optional section left unanswered is not missing (no finding says so either).
                shown = shown_section_state(specs[sid], s.state) if sid in specs else s.state.value
                if shown not in ("ok", UNANSWERED) and label not in missing:
                    missing.append(label)
    econ = economics(docs)
    return {
        "submission": sub.submission,
        "files": ", ".join(names),
        "kind": ", ".join(kinds),
        "title": summary.title(docs),
        "sokande": "; ".join(applicants(docs)),
        "status": _t(f"register.status.{sub.shown_status.value}", lang),
        "reason": _reason(sub, lang),
        "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity is Severity.WARNING),
        "missing": ", ".join(missing),
        "amount": _number(summary.amount(docs)),
        "cost": _number(econ.get("cost")),
        "savings": _number(econ.get("savings_total")),
        "ratio": _number(econ.get("ratio")),
        "checked": now,
        "key": sub.submission,
    }


def _finding_texts(f: Finding, lang: str) -> tuple[str, str, str]:
    """A finding's message, hint and location as people read them, in the run's language."""
    return f.message_in(lang), f.hint_in(lang), f.location_in(lang)


def finding_rows(sub: SubmissionReport, lang: str, schemas=None
                 ) -> list[tuple[dict[str, Any], DocumentReport | None]]:
    """(row, the document it links to) for every finding of a submission, submission-level first."""
    rows = []
    for f in sub.findings:
        rows.append((_finding_row(sub.submission, "", f, lang, None), None))
    for doc in sub.documents:
        kind = schemas.kinds.get(doc.kind) if schemas is not None and doc.kind else None
        for f in doc.findings:
            rows.append((_finding_row(sub.submission, doc.file, f, lang, kind), doc))
    return rows


def finding_key(submission: str, file: str, f: Finding) -> str:
    """A finding row's identity: data only, the same in every language."""
    return json.dumps([submission, file, f.key], ensure_ascii=False)


def _finding_row(submission: str, file: str, f: Finding, lang: str, kind) -> dict[str, Any]:
    subject = kind.label(f.section, f.field, f.criterion) if kind else f.section or f.field or f.criterion or ""
    message, hint, location = _finding_texts(f, lang)
    return {"submission": submission, "file": file, "section": subject,
            "code": f.code.value, "severity": _t(f"register.severity.{f.severity.value}", lang),
            "message": message, "hint": hint, "location": location, "key": finding_key(submission, file, f)}


# -- what changed since the last run ------------------------------------------------------------


def _fingerprint(path: Path) -> list | None:
    """[size, mtime_ns, sha256] of a file (RegisterRows makes them while the workers run)."""
    try:
        st = path.stat()
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return [st.st_size, st.st_mtime_ns, digest.hexdigest()]
    except (OSError, UnicodeError):  # gone since it was checked, a name the file system cannot give back
        return None


def _parse_state(value: object) -> dict | None:
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        state = json.loads(value)
    except ValueError:
        return None
    return state if isinstance(state, dict) and state.get("v") == STATE_VERSION else None


def _state_text(status: str, files: dict[str, list | None]) -> str:
    text = json.dumps({"v": STATE_VERSION, "status": status, "files": files}, ensure_ascii=False,
                      separators=(",", ":"))
    if len(text) > MAX_CELL_CHARS:  # thousands of files: keep the status, give up on files
        text = json.dumps({"v": STATE_VERSION, "status": status, "files": {}}, separators=(",", ":"))
    return text


def _changes(before: dict, status: str, files: dict[str, list | None], short, lang: str) -> str:
    """'Ändrad fil: ansokan.docx; status: Ofullständig → Komplett', or '' when nothing changed."""
    out = []
    old_files = before.get("files") if isinstance(before.get("files"), dict) else {}
    for name, now in files.items():
        if name not in old_files:
            out.append(_t("register.change.file_new", lang, file=short(name)))
        elif now and old_files[name] and len(old_files[name]) == 3 and now[2] != old_files[name][2]:
            out.append(_t("register.change.file_changed", lang, file=short(name)))
    out += [_t("register.change.file_removed", lang, file=short(name)) for name in old_files if name not in files]
    old_status = before.get("status")
    if old_status in STATUS_FILL and old_status != status:
        out.append(_t("register.change.status", lang, old=_t(f"register.status.{old_status}", lang),
                      new=_t(f"register.status.{status}", lang)))
    text = "; ".join(out)
    return text[:1].upper() + text[1:]


# -- the plan of a rebuilt sheet ----------------------------------------------------------------


@dataclass
class _Row:
    values: dict[str, Any] | None  # the tool's cells by column id; None: the group's own row, or empty
    old: _OldRow | None = None  # the row it continues
    links: dict[str, str | None] = field(default_factory=dict)  # None: no link can lead there
    sub: SubmissionReport | None = None  # Ansökningar: the submission (for its files)
    status: str | None = None  # complete | incomplete | unreadable | removed
    in_table: bool = True  # inside the Excel table (the tool's rows always are)
    fingerprints: dict[str, list | None] | None = None  # Ansökningar: its files', made with the row


@dataclass
class _Plan:
    rows: list[_Row]
    old_last: int | None = None  # the old sheet's last tool row
    body: int = 0  # rows before the group's rows under the table

    @property
    def last(self) -> tuple[int, int] | None:
        """(old, new) last row of the table's body: a range down to it grows with it."""
        return (self.old_last, 1 + self.body) if self.old_last else None


def _status_words(spec: SheetSpec) -> set[str]:
    """The status column's texts in every language: a row holding one is the tool's."""
    keys = (["register.severity.error", "register.severity.warning"] if spec.status_col == "severity"
            else [f"register.status.{s}" for s in STATUS_FILL])
    return {_norm(_t(k, lang)) for k in [*keys, "register.status.removed"] for lang in messages.LANGS}


def _match_keys(spec: SheetSpec, values: dict[str, Any]) -> list[tuple | None]:
    """A row's identities, strongest first: the stored key, then visible cells."""
    key = values.get("key")
    key = None if key in (None, "") else str(key)
    if spec is SUBMISSIONS:
        return [("key", key), ("visible", _norm(values.get("submission")))]
    visible = (_norm(values.get("submission")), _norm(values.get("file")), _norm(values.get("code")),
               _norm(values.get("section")))
    return [("key", key), ("visible", *visible, _norm(values.get("location"))), ("loose", *visible)]


def _plan_rows(old: _OldSheet | None, spec: SheetSpec, fresh: list[_Row], removed_text: str) -> _Plan:
    """This run's rows merged with the old sheet's: the group's cells follow their row's
    identity; the group's own rows stay where they were relative to the table."""
    if old is None:
        return _Plan(list(fresh), None, len(fresh))
    at = {c.col_id: c.index for c in old.columns if c.col_id}
    tool_written = {c.id for c in spec.columns if not c.group}
    tool_written_at = {c.index for c in old.columns if c.col_id in tool_written}
    words = _status_words(spec)

    def values_of(row: _OldRow) -> dict[str, Any]:
        return {cid: row.cells[i].value for cid, i in at.items() if i in row.cells}

    kinds: list[str] = []  # per old row: tool | own | empty
    seen_keys: set = set()
    for row in old.rows:
        v = values_of(row)
        if "key" in at:
            key = v.get("key")
            tool = key not in (None, "") and key not in seen_keys  # a copied row is the group's
            seen_keys.add(key)
        elif spec.status_col in at:
            tool = _norm(v.get(spec.status_col)) in words and v.get("submission") not in (None, "")
        else:
            tool = v.get("submission") not in (None, "")
        kinds.append("tool" if tool else ("own" if row.cells else "empty"))

    # Match old tool rows to this run's rows, strongest identity first. A row with a stored
    # key is matched by it alone: a fixed finding must not lend its note to another one.
    match: dict[int, int] = {}  # old row position -> fresh position
    taken: set[int] = set()
    fresh_keys = [_match_keys(spec, r.values or {}) for r in fresh]
    for tier in range(len(fresh_keys[0]) if fresh_keys else 0):
        pool: dict[tuple, list[int]] = {}
        for k, keys in enumerate(fresh_keys):
            if k not in taken:
                pool.setdefault(keys[tier], []).append(k)
        for pos, row in enumerate(old.rows):
            if kinds[pos] != "tool" or pos in match:
                continue
            v = values_of(row)
            if tier > 0 and v.get("key") not in (None, ""):
                continue
            candidates = pool.get(_match_keys(spec, v)[tier])
            if candidates:
                match[pos] = candidates.pop(0)
                taken.add(match[pos])

    last_tool = max((p for p, k in enumerate(kinds) if k == "tool"), default=-1)
    tail = [_Row(None, row, in_table=old.table is not None and row.number <= old.table_last_row)
            for row in old.rows[last_tool + 1:]]

    def kept(pos: int, row: _OldRow) -> _Row | None:
        """An old tool row whose submission or finding is gone this run."""
        group_cells = [c for i, c in row.cells.items() if i not in tool_written_at]
        if spec.keep_removed != "always" and not any(c.value not in (None, "") for c in group_cells):
            return None
        values = {cid: value for cid, value in values_of(row).items() if cid in tool_written}
        values[spec.status_col] = removed_text
        return _Row(values, row, status="removed")

    body: list[_Row] = []
    if spec.keep_order:
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool":
                item = (fresh[match[pos]] if pos in match else kept(pos, row))
                if item is not None:
                    if pos in match:
                        item.old = row
                    body.append(item)
            elif kinds[pos] == "own":
                body.append(_Row(None, row))
        body += [r for k, r in enumerate(fresh) if k not in taken]
    else:
        # This run's order; a row of the group's own follows the tool row it followed.
        follows: dict[int, list[_Row]] = {}
        leading: list[_Row] = []
        anchor = None
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool":
                anchor = pos
            elif kinds[pos] == "own":
                (follows.setdefault(anchor, []) if anchor is not None else leading).append(_Row(None, row))
        by_fresh = {f: p for p, f in match.items()}
        body = list(leading)
        for k, item in enumerate(fresh):
            pos = by_fresh.get(k)
            if pos is not None:
                item.old = old.rows[pos]
            body.append(item)
            body += follows.pop(pos, []) if pos is not None else []
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool" and pos not in match:
                item = kept(pos, row)
                if item is not None:
                    body.append(item)
                    body += follows.pop(pos, [])
        for rows in follows.values():  # their row is gone: they stay, at the end of the table
            body += rows
    old_last = old.rows[last_tool].number if last_tool >= 0 else None
    return _Plan(body + tail, old_last, len(body))


def _note_changes(rows: list[_Row], old: _OldSheet | None, lang: str) -> None:
    """Fill the columns 'changed' and 'state' of Ansökningar's rows."""
    state_at = old.index_of("state") if old is not None else None
    for row in rows:
        if row.values is None:
            continue
        cell = row.old.cells.get(state_at) if row.old is not None and state_at else None
        before = _parse_state(cell.value if cell is not None else None)
        old_files = before.get("files") if before and isinstance(before.get("files"), dict) else {}
        if row.status == "removed":  # only the status can have changed: it is gone now
            row.values["state"] = _state_text("removed", old_files)
            row.values["changed"] = _changes({"status": before.get("status")}, "removed", {}, str, lang) \
                if before else ""
            continue
        sub = row.sub
        files = row.fingerprints or {}  # an entry not checked has no files
        row.values["state"] = _state_text(row.status, files)
        if row.old is None:
            row.values["changed"] = _t("register.change.new", lang) if old is not None else ""
        elif before is not None:
            short = (lambda f, s=sub: _short_name(s, f)) if sub is not None else str
            row.values["changed"] = _changes(before, row.status, files, short, lang)
        else:
            row.values["changed"] = ""  # a register from before this column: nothing to compare with


# -- columns ---------------------------------------------------------------------------------


@dataclass
class _Slot:
    """A column of the new sheet: a column the tool knows, or one carried over from the old sheet."""

    col: Column | None
    old: _OldColumn | None = None
    header: str = ""
    width: float | None = None

    @property
    def tool_written(self) -> bool:
        return self.col is not None and not self.col.group

    @property
    def hidden(self) -> bool:
        return (self.col is not None and self.col.hidden) or (self.old is not None and self.old.hidden)

    @property
    def prints(self) -> bool:
        return not self.hidden and (self.col is None or self.col.prints)

    @property
    def wraps(self) -> bool:
        """Its text wraps onto more lines (the group's columns always do)."""
        return (self.col.wrap if self.tool_written else True) and not self.hidden


def _plan_columns(old: _OldSheet | None, spec: SheetSpec, lang: str) -> list[_Slot]:
    if old is None:
        return [_Slot(c, None, _t(c.key, lang), c.width) for c in spec.columns]
    by_id = spec.by_id
    slots = []
    for oc in old.columns:
        if oc.col_id:
            col = by_id[oc.col_id]
            # A header the group renamed stays theirs; the tool's own follows --lang.
            header = oc.header if oc.renamed or col.group else _t(col.key, lang)
            slots.append(_Slot(col, oc, header, oc.width or col.width))
        else:
            slots.append(_Slot(None, oc, oc.header, oc.width))
    # A tool column the old sheet lacks (deleted, or new in this version) comes back after
    # the tool column before it; the hidden bookkeeping at the far right. Group columns are
    # the group's: one they deleted stays deleted.
    tool_columns = [c for c in spec.columns if not c.group]
    for i, col in enumerate(tool_columns):
        if any(s.col is col for s in slots):
            continue
        if col.hidden:
            slots.append(_Slot(col, None, _t(col.key, lang), col.width))
            continue
        at = 0
        for prev in reversed(tool_columns[:i]):
            pos = next((k for k, s in enumerate(slots) if s.col is prev), None)
            if pos is not None:
                at = pos + 1
                break
        slots.insert(at, _Slot(col, None, _t(col.key, lang), col.width))
    # Excel tables need unique, non-empty headers. The headers the sheet had keep theirs; a
    # tool column new to this sheet gets '(2)' if the group already uses its name.
    seen: set[str] = set()
    for n, slot in sorted(enumerate(slots, start=1), key=lambda item: item[1].old is None):
        base = slot.header.strip() or _t("register.col.unnamed", lang, n=n)
        name, k = base, 2
        while _norm(name) in seen:
            name, k = f"{base} ({k})", k + 1
        slot.header = name
        seen.add(_norm(name))
    return slots


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
    # Set directly, as openpyxl's own reader does: its `value` setter would guess a type
    # ('=…' a formula) and scan the text for illegal characters again after _clean, a
    # fifth of the time it took to write a register of 1 000 submissions.
    cell._value = _clean(str(value))
    cell.data_type = "s"


NUMBER_FORMATS = {"kr": KRONOR_FORMAT, "ratio": RATIO_FORMAT, "int": COUNT_FORMAT, "date": DATE_FORMAT}


def _put(cell, col: Column, value: Any) -> None:
    """A tool cell's value (its format comes with the column's style)."""
    if col.type == "text":
        put_text(cell, value)
    elif col.type == "date":
        cell.value = value if isinstance(value, (dt.datetime, dt.date)) else None
    else:
        cell.value = _number(value)


def _link_target(file: Path, base: Path) -> str | None:
    """A link to `file` from a workbook in `base`: relative, every byte of the real name
    percent-encoded (a newline, an escape, a Latin-1 byte that is not UTF-8 all stay the
    file's own). None when no link can lead there: no link rather than a wrong one."""
    try:
        rel = os.path.relpath(file, base)
    except ValueError:  # another drive (Windows): an absolute link
        try:
            return file.resolve().as_uri()
        except (OSError, ValueError):
            return None
    try:
        return quote(os.fsencode(Path(rel).as_posix()), safe="/")
    except UnicodeError:  # a name the file system could not give back as bytes
        return None


# -- the sheets --------------------------------------------------------------------------------


@dataclass
class _Moves:
    """How the rebuilt sheet moved things: for the group's formulas anywhere in the workbook."""

    sheet: str
    rows: AxisMap
    cols: AxisMap
    table: str | None
    headers: dict[str, str]  # old header -> new header, where it changed (--lang)

    def formula(self, text: str, *, in_sheet: bool) -> str:
        return remap_formula(text, sheet=self.sheet, in_sheet=in_sheet, rows=self.rows, cols=self.cols,
                             table=self.table, headers=self.headers)


def _moves(title: str, old: _OldSheet | None, slots: list[_Slot], plan: _Plan, table: str) -> _Moves:
    cols = AxisMap({s.old.index: k for k, s in enumerate(slots, start=1) if s.old is not None})
    moved = {1: 1}
    for n, row in enumerate(plan.rows, start=2):
        if row.old is not None:
            moved[row.old.number] = n
    # The table's body starts at row 2 before and after, whatever order its rows are in now.
    rows = AxisMap(moved, (2, 2) if plan.last else None, plan.last)
    headers = {s.old.header: s.header for s in slots if s.old is not None and s.old.header != s.header}
    return _Moves(title, rows, cols, old.table.displayName if old is not None and old.table is not None else table,
                  headers)


def _write_sheet(ws, spec: SheetSpec, slots: list[_Slot], rows: list[_Row], old: _OldSheet | None,
                 moves: _Moves, *, lang: str, now: dt.datetime) -> int:
    """Write header and rows; return the table's last row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_align = Alignment(wrap_text=True, vertical="center")
    top = Alignment(vertical="top")
    top_wrap = Alignment(vertical="top", wrap_text=True)
    number_align = Alignment(horizontal="right", vertical="top")
    quiet = Font(color="808080", size=8)
    link_font = Font(color="0563C1", underline="single")
    edge = Border(bottom=Side(style="thin", color="FFFFFF"))
    for c, slot in enumerate(slots, start=1):
        cell = ws.cell(row=1, column=c)
        put_text(cell, slot.header)
        if slot.col is None and slot.old is not None and slot.old.header_style is not None:
            cell._style = copy(slot.old.header_style)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = header_align
        cell.border = edge
        letter = get_column_letter(c)
        if slot.width:
            ws.column_dimensions[letter].width = slot.width
        if slot.hidden:
            ws.column_dimensions[letter].hidden = True

    # Setting a style through openpyxl costs a lookup per attribute and cell: each kind of
    # cell is styled once and the others share that style. Shared, not copied (a copy per
    # cell was a tenth of the build): openpyxl changes a cell's style array in place when
    # one attribute is set, so nothing may set a font, fill or alignment on a body cell
    # after this loop (the sheet is written once, then saved).
    styles: dict[tuple, Any] = {}

    def style(cell, key: tuple, make) -> None:
        if key in styles:
            cell._style = styles[key]
        else:
            make(cell)
            styles[key] = copy(cell._style)

    def tool_style(col: Column, link: bool):
        def make(cell) -> None:
            if col.type in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[col.type]
            cell.alignment = number_align if col.type in ("int", "kr", "ratio") else (top_wrap if col.wrap else top)
            if col.hidden:
                cell.font = quiet
            if link:
                cell.font = link_font
        return make

    def align_with_row(cell) -> None:
        cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top", wrap_text=True,
                                   indent=cell.alignment.indent)

    widths = [(slot.width or 10) if slot.wraps else None for slot in slots]
    for r, row in enumerate(rows, start=2):
        if row.values is None and row.old is not None and row.old.height:
            ws.row_dimensions[r].height = row.old.height
        lines = 1
        for c, slot in enumerate(slots, start=1):
            cell = ws.cell(row=r, column=c)
            if row.values is not None and slot.tool_written:
                _put(cell, slot.col, row.values.get(slot.col.id))
                link = row.links.get(slot.col.id)
                style(cell, ("tool", slot.col.id, bool(link)), tool_style(slot.col, bool(link)))
                if link:
                    cell.hyperlink = link
            elif row.old is not None and slot.old is not None and slot.old.index in row.old.cells:
                _carry(cell, row.old.cells[slot.old.index], moves)
                if row.values is not None and cell.alignment.vertical in (None, "bottom"):
                    # typed without a format (or saved by Calc with its default): align with the row
                    style(cell, ("aligned", tuple(cell._style)), align_with_row)
            elif row.values is not None:
                style(cell, ("group",), lambda cell: setattr(cell, "alignment", top_wrap))
            width = widths[c - 1]
            if width and row.values is not None and cell.data_type == "s" and isinstance(cell.value, str):
                lines = max(lines, _lines(cell.value, width))
        # Viewers do not all fit wrapped text on opening, so give each of the tool's rows the
        # lines its longest wrapped cell needs (at most MAX_LINES; the group can widen it).
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * min(lines, MAX_LINES) + 3
    header_lines = max((_lines(s.header, (s.width or 10) * 0.85) for s in slots if not s.hidden), default=1)
    ws.row_dimensions[1].height = LINE_HEIGHT * max(2, min(header_lines, 3)) + 4
    table_rows = [n for n, row in enumerate(rows, start=2) if row.values is not None or row.in_table]
    return max(table_rows, default=2)


def _carry(cell, old: _OldCell, moves: _Moves) -> None:
    """One of the group's cells, as they left it; a formula's references moved along."""
    cell._style = copy(old.style)
    if old.data_type == "f":
        cell.value = moves.formula(old.value, in_sheet=True) if isinstance(old.value, str) else old.value
    elif isinstance(old.value, str):
        put_text(cell, old.value)
    else:
        cell.value = old.value
    if old.hyperlink is not None:
        cell.hyperlink = old.hyperlink
    if old.comment is not None:
        cell.comment = old.comment


def _lines(text: str, width: float) -> int:
    """The lines a wrapped cell takes: words wrap whole, as Excel and Calc wrap them."""
    per_line = max(1, int(width * 1.1))  # a column's width is about one digit; letters are narrower
    total = 0
    for paragraph in str(text).split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            if used:
                lines += 1
            used = len(word)
            while used > per_line:  # a word longer than the line is broken
                lines += 1
                used -= per_line
        total += lines
    return total


def _add_table(ws, slots: list[_Slot], old: _OldSheet | None, name: str, last_row: int) -> None:
    """The Excel table over the header and the tool's rows (and the group's rows that were
    inside the old table, a totals row among them); the group's name and style for it stay."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    old_table = old.table if old is not None else None
    totals = int(getattr(old_table, "totalsRowCount", 0) or 0) if old_table is not None else 0
    last_col = get_column_letter(len(slots))
    table = Table(displayName=old_table.displayName if old_table is not None else name,
                  ref=f"A1:{last_col}{max(last_row, 2 + totals)}")
    style = getattr(old_table, "tableStyleInfo", None) if old_table is not None else None
    table.tableStyleInfo = copy(style) if style is not None else TableStyleInfo(name="TableStyleMedium2",
                                                                                 showRowStripes=True)
    old_columns = {}
    if old_table is not None:
        from openpyxl.utils import range_boundaries

        min_col = range_boundaries(old_table.ref)[0]
        old_columns = {min_col + k: tc for k, tc in enumerate(old_table.tableColumns)}
    for k, slot in enumerate(slots, start=1):
        column = TableColumn(id=k, name=slot.header)
        before = old_columns.get(slot.old.index) if slot.old is not None else None
        if totals and before is not None:
            column.totalsRowFunction = before.totalsRowFunction
            column.totalsRowLabel = before.totalsRowLabel
        table.tableColumns.append(column)
    if totals:
        table.totalsRowCount = totals
    table.autoFilter = AutoFilter(ref=f"A1:{last_col}{max(last_row, 2 + totals) - totals}")
    ws.add_table(table)


def _carry_validations(ws, old: _OldSheet | None, moves: _Moves, lists_sheet: str) -> None:
    """Drop-down lists and other validations the group made, moved along with their cells.
    The tool's own (from the sheet Listor) are made afresh for this run's rows."""
    if old is None:
        return
    for dv in old.validations:
        if lists_sheet in str(dv.formula1 or ""):
            continue
        sqref = remap_sqref(str(dv.sqref), moves.rows, moves.cols)
        if not sqref:
            continue
        new = copy(dv)
        new.sqref = sqref
        if dv.formula1:
            new.formula1 = moves.formula(str(dv.formula1), in_sheet=True)
        if dv.formula2:
            new.formula2 = moves.formula(str(dv.formula2), in_sheet=True)
        ws.add_data_validation(new)


def _carry_formats(ws, old: _OldSheet | None, moves: _Moves, spec: SheetSpec) -> None:
    """Conditional formats the group made, moved along; the tool's status colours are made afresh."""
    if old is None:
        return
    words = {f'"{w}"' for w in _status_words(spec)}
    for sqref, rules in old.formats:
        new_ref = remap_sqref(sqref, moves.rows, moves.cols)
        if not new_ref:
            continue
        for rule in rules:
            if rule.type == "cellIs" and rule.operator == "equal" and [_norm(f) for f in rule.formula or []] \
                    and all(_norm(f) in words for f in rule.formula):
                continue  # the tool's own colour for a status word
            new = copy(rule)
            new.formula = [moves.formula(str(f), in_sheet=True) for f in rule.formula or []]
            ws.conditional_formatting.add(new_ref, new)


def _carry_merged(ws, old: _OldSheet | None, rows: list[_Row], moves: _Moves) -> None:
    """Cells the group merged in rows of their own (a total's label over two columns)."""
    if old is None:
        return
    from openpyxl.utils import range_boundaries

    own = {row.old.number for row in rows if row.values is None and row.old is not None}
    for ref in old.merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if all(r in own for r in range(min_row, max_row + 1)):
            moved = remap_range(ref, moves.rows, moves.cols)
            if moved:
                ws.merge_cells(moved)


def _status_colours(ws, slots: list[_Slot], spec: SheetSpec, last_row: int) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    c = next((k for k, s in enumerate(slots, start=1) if s.col is not None and s.col.id == spec.status_col), None)
    if c is None:
        return
    letter = get_column_letter(c)
    area = f"{letter}2:{letter}{last_row}"
    done: set[str] = set()
    for lang in messages.LANGS:
        for state, word in _colour_words(spec, lang).items():
            if word in done:
                continue
            done.add(word)
            colour = STATUS_FILL[state]
            word = word.replace('"', '""')
            ws.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=colour,
                                                                          bgColor=colour),
                font=Font(color=STATUS_FONT[state], bold=state != "removed")))


def _colour_words(spec: SheetSpec, lang: str) -> dict[str, str]:
    """Colour name -> the cell text that gets it."""
    if spec.status_col == "severity":
        return {Status.UNREADABLE.value: _t("register.severity.error", lang),
                Status.INCOMPLETE.value: _t("register.severity.warning", lang),
                "removed": _t("register.status.removed", lang)}
    return {state: _t(f"register.status.{state}", lang) for state in STATUS_FILL}


def _row_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _lists_sheet(wb, lang: str):
    """The sheet 'Listor' with the drop-down choices: made once, then the group's."""
    from openpyxl.styles import Font, PatternFill

    name = _sheet_name(SHEET_LISTS_KEY)
    if name in wb.sheetnames:
        return wb[name]
    ws = wb.create_sheet(name)
    for c, col_id in enumerate(LISTS, start=1):
        col = SUBMISSIONS.by_id[col_id]
        head = ws.cell(row=1, column=c, value=_t(col.key, lang))
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor=HEADER_FILL)
        for r, choice in enumerate(_t(LISTS[col_id], lang).split("\n"), start=2):
            put_text(ws.cell(row=r, column=c), choice)
        ws.column_dimensions[head.column_letter].width = 32
    for r, line in enumerate(_t("register.lists.note", lang).split("\n"), start=1):
        note = ws.cell(row=r, column=len(LISTS) + 2)
        put_text(note, line)
        note.font = Font(italic=True, color="595959")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _list_validations(ws, slots: list[_Slot], rows: list[_Row], lists, lang: str) -> None:
    """Drop-downs on Bedömning and Förslag till beslut, on every row of the tool's. The
    choices come from the sheet Listor (as many as the group keeps there); other values are
    allowed after a warning, for the cases no list foresees."""
    from openpyxl.utils import get_column_letter, quote_sheetname, range_boundaries
    from openpyxl.worksheet.datavalidation import DataValidation

    tool_rows = _row_ranges([n for n, row in enumerate(rows, start=2) if row.values is not None])
    if not tool_rows:
        return
    # A column where the group made a validation of their own keeps only theirs.
    theirs = set()
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            min_col, _, max_col, _ = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
            theirs.update(range(min_col or 1, (max_col or 16384) + 1))
    list_cols = {_norm(c.value): c.column_letter for c in lists[1] if c.value not in (None, "")}
    sheet = quote_sheetname(lists.title)
    title, text = _t("register.list.not_listed", lang), messages.hint("register.list.not_listed", lang)
    for k, slot in enumerate(slots, start=1):
        if slot.col is None or slot.col.id not in LISTS or k in theirs:
            continue
        letter = list_cols.get(_norm(_t(slot.col.key, lang))) or list_cols.get(_norm(slot.header))
        if letter is None:
            continue  # the group removed that list
        source = (f"OFFSET({sheet}!${letter}$2,0,0,MAX(1,COUNTA({sheet}!${letter}$2:${letter}$500)),1)")
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                            errorStyle="warning", errorTitle=title, error=text)
        col = get_column_letter(k)
        dv.sqref = " ".join(f"{col}{a}:{col}{b}" for a, b in tool_rows)
        ws.add_data_validation(dv)


def _print_setup(ws, slots: list[_Slot], last_row: int, lang: str, now: dt.datetime) -> None:
    """Landscape, fitted to the page width, header row on every page, a header with the
    title and the run's date and a footer 'Sida N av M'. Screen-only columns (files, date
    checked) and the hidden bookkeeping sit right of the print area."""
    from openpyxl.utils import get_column_letter

    printed = [k for k, s in enumerate(slots, start=1) if s.prints]
    last_col = max(printed, default=len(slots))
    ws.print_area = f"A1:{get_column_letter(last_col)}{max(last_row, 2)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if estimated_scale(slots, "A4") >= MIN_A4_SCALE else ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    title = _t("register.title", lang).replace("&", "&&")
    for part, text in ((ws.oddHeader.left, f"{title} – &A"),
                       (ws.oddHeader.right, _t("register.print.checked", lang, date=now.strftime("%Y-%m-%d %H:%M"))),
                       (ws.oddFooter.center, _t("register.print.page", lang)),
                       (ws.oddFooter.right, _t("register.print.printed", lang))):
        part.text = text
        part.size = 10
    ws.HeaderFooter.scaleWithDoc = False  # readable however much the columns are shrunk


def estimated_scale(slots: list[_Slot], paper: str) -> float:
    """How much fitting the printed columns to the page width shrinks them (1.0: not at all)."""
    printed = [k for k, s in enumerate(slots) if s.prints]
    if not printed:
        return 1.0
    px = sum((s.width or 8.43) * 7 + 5 for s in slots[: printed[-1] + 1] if not s.hidden)
    return min(1.0, PAGE_PX[paper] / px)


def _name_columns(wb, ws, spec: SheetSpec, slots: list[_Slot]) -> None:
    """A defined name on each header cell of the tool's: it moves with the column in Excel
    and LibreOffice, so the next run knows the column whatever the group calls it."""
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName

    prefix = f"{NAME_PREFIX}{spec.abbr}_"
    for name in [n for n in wb.defined_names if n.startswith(prefix)]:
        del wb.defined_names[name]
    for k, slot in enumerate(slots, start=1):
        if slot.col is not None:
            name = prefix + slot.col.id
            header_cell = f"{quote_sheetname(ws.title)}!${get_column_letter(k)}$1"
            wb.defined_names[name] = DefinedName(name, attr_text=header_cell)


def _remap_elsewhere(wb, moves: _Moves) -> None:
    """Formulas on the group's other sheets and names of theirs that point into the rebuilt sheet."""
    for ws in wb.worksheets:
        if ws.title == moves.sheet:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str) and moves.sheet in cell.value:
                    cell.value = moves.formula(cell.value, in_sheet=False)
    for name, dn in list(wb.defined_names.items()):
        if not name.startswith(NAME_PREFIX) and dn.attr_text and moves.sheet in dn.attr_text:
            dn.attr_text = moves.formula(dn.attr_text, in_sheet=False)


def _rebuild(wb, spec: SheetSpec, fresh: list[_Row], *, lang: str, now: dt.datetime, legacy: bool) -> list[_Row]:
    """Read the sheet (if there is one), merge, and write it anew in the same place."""
    name = _sheet_name(spec.name_key)
    old, index = None, None
    if name in wb.sheetnames:
        ws_old = wb[name]
        index = wb.sheetnames.index(name)
        known = {str(r.values.get("submission")) for r in fresh if r.values}
        old = _read_sheet(ws_old, spec, _named_columns(wb, name, spec), legacy=legacy, known_keys=known)
        wb.remove(ws_old)
    removed_text = _t("register.status.removed", lang)
    plan = _plan_rows(old, spec, fresh, removed_text)
    rows = plan.rows
    if spec is SUBMISSIONS:
        _note_changes(rows, old, lang)
    slots = _plan_columns(old, spec, lang)
    ws = wb.create_sheet(name, index if index is not None else (1 if spec is FINDINGS else 0))
    moves = _moves(name, old, slots, plan, spec.table)
    last_row = _write_sheet(ws, spec, slots, rows, old, moves, lang=lang, now=now)
    _add_table(ws, slots, old, spec.table, last_row)
    lists_name = _sheet_name(SHEET_LISTS_KEY)
    _carry_validations(ws, old, moves, lists_name)
    if spec is SUBMISSIONS:
        _list_validations(ws, slots, rows, _lists_sheet(wb, lang), lang)
    _carry_formats(ws, old, moves, spec)
    _status_colours(ws, slots, spec, last_row)
    _carry_merged(ws, old, rows, moves)
    ws.freeze_panes = "B2"
    ws.sheet_view.zoomScale = 100
    _print_setup(ws, slots, 1 + len(rows), lang, now)
    _name_columns(wb, ws, spec, slots)
    _remap_elsewhere(wb, moves)
    return rows


@dataclass
class RegisterResult:
    path: Path
    rows: int  # submissions in the register, kept ones included
    removed: int  # rows kept for submissions no longer in the folder
    findings: int


class RegisterRows:
    """The register's rows of each submission, made as the submission is judged.

    `socinv validate` adds each submission while its workers check the rest (validate_folder's
    on_submission): the main process waits for them anyway, and at the end only the sheets
    are left to write. Messages in `lang`; `now` is the run's "Kontrollerad"."""

    def __init__(self, *, root: Path, register: Path, schemas=None, lang: str = "sv",
                 now: dt.datetime | None = None) -> None:
        self.root = Path(os.path.abspath(root))
        self.base = Path(os.path.abspath(register)).parent  # links are relative to the register
        self.schemas = schemas
        self.lang = lang
        self.now = (now or dt.datetime.now()).replace(microsecond=0)
        self._made: dict[int, tuple[_Row, list[_Row]]] = {}

    def add(self, sub: SubmissionReport) -> None:
        self._made[id(sub)] = self._make(sub)

    def of(self, sub: SubmissionReport) -> tuple[_Row, list[_Row]]:
        """The submission's row on Ansökningar and its rows on Brister. Taken once: building
        a sheet changes its rows (the old row each continues), so a second build makes new."""
        made = self._made.pop(id(sub), None)
        return made if made is not None and made[0].sub is sub else self._make(sub)

    def _make(self, sub: SubmissionReport) -> tuple[_Row, list[_Row]]:
        row = _Row(submission_row(sub, self.schemas, self.lang, self.now), sub=sub, status=sub.shown_status.value)
        docs = main_first(sub)
        if docs:
            row.links["files"] = _link_target(self._real(docs[0]), self.base)
        row.fingerprints = {d.file: _fingerprint(self._real(d)) for d in sub.documents}
        findings = []
        for values, doc in finding_rows(sub, self.lang, self.schemas):
            finding = _Row(values)
            if doc is not None:
                finding.links["file"] = _link_target(self._real(doc), self.base)
            findings.append(finding)
        return row, findings

    def _real(self, doc: DocumentReport) -> Path:
        """The document's file by its real name (where validate read it); `doc.file`, the
        name shown, may be an escaped one that no file has."""
        return Path(os.path.abspath(doc.path)) if doc.path else self.root / doc.file


def build_workbook(run: RunReport, *, root: Path, register: Path, schemas=None, lang: str = "sv",
                   now: dt.datetime | None = None, existing=None, rows: RegisterRows | None = None):
    """The register as an openpyxl Workbook (merged into `existing` when given). `rows`: the
    rows made during the run (they carry root, schemas, lang and now); made here otherwise."""
    from openpyxl import Workbook

    made = rows if rows is not None else RegisterRows(root=root, register=register, schemas=schemas, lang=lang,
                                                      now=now)
    lang, now = made.lang, made.now
    wb = existing
    if wb is None:
        wb = Workbook()
        wb.remove(wb.active)
    legacy = existing is not None and not _has_tool_names(existing)
    wb.properties.creator = TOOL_CREATOR
    wb.properties.lastModifiedBy = TOOL_CREATOR
    wb.properties.title = _t("register.title", lang)
    wb.properties.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    fresh, findings = [], []
    for sub in run.submissions:
        row, its_findings = made.of(sub)
        fresh.append(row)
        findings += its_findings
    for entry in run.skipped:  # a link not followed, a FIFO, a folder that cannot be read
        fresh.append(_Row({"submission": entry.path, "status": _t("register.status.skipped", lang),
                           "reason": entry.message_in(lang), "checked": now, "key": entry.path}, status="skipped"))
    written = _rebuild(wb, SUBMISSIONS, fresh, lang=lang, now=now, legacy=legacy)
    n_rows = sum(1 for r in written if r.values is not None and r.status != "skipped")
    removed = sum(1 for r in written if r.status == "removed")

    _rebuild(wb, FINDINGS, findings, lang=lang, now=now, legacy=legacy)

    wb.active = wb.sheetnames.index(_sheet_name(SHEET_SUBMISSIONS_KEY))
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == _sheet_name(SHEET_SUBMISSIONS_KEY)
    return wb, RegisterResult(Path(register), n_rows, removed, len(findings))


def write_register(path: Path, run: RunReport, *, root: Path, schemas=None, lang: str = "sv", force: bool = False,
                   now: dt.datetime | None = None, rows: RegisterRows | None = None) -> RegisterResult:
    """Write (or update) the register at `path`. Raises RegisterError; the old file then stays."""
    path = Path(path)
    _check_target(path, force=force)  # again: Excel may have opened it during the run
    existing = _load(path) if path.exists() else None
    wb, result = build_workbook(run, root=root, register=path, schemas=schemas, lang=lang, now=now,
                                existing=existing, rows=rows)
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
    computed, e.g. a file never opened in Excel). Rows of the group's own (a total) are not
    submissions. Raises RegisterError.
    """
    sheets = []
    name = _sheet_name(SHEET_SUBMISSIONS_KEY)
    for data_only in (True, False):
        wb = _load(Path(path), data_only=data_only)
        try:
            sheets.append(_read_sheet(wb[name], SUBMISSIONS, _named_columns(wb, name, SUBMISSIONS),
                                      legacy=not _has_tool_names(wb)))
        finally:
            wb.close()
    computed, typed = sheets
    key_col = typed.index_of("key") or typed.index_of("submission")
    if key_col is None:
        return {}
    by_id = SUBMISSIONS.by_id
    group = [c for c in typed.columns
             if (c.col_id is None or by_id[c.col_id].group) and c.header.strip()]
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
