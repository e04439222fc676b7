"""The register's sheet Ansökningar: one row per submission (SPEC §6).

The tool's columns (submission, kind, name, applicants, status, reason, what changed since
the last run, counts, missing sections, amounts, the fund's and the own share, the track,
files, when checked), the group's columns
(Bedömning, Kommentar, Förslag till beslut, with drop-down lists from the sheet Listor) and
any column the group adds anywhere. A submission no longer in the folder keeps its row,
marked "Finns ej längre". A new column: declare it in COLUMNS (a column of the group's:
theirs=True), its header in WORDS, and give its value in submission_row (a tool column).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from socinv_docs import messages, summary
from socinv_docs.codes import Code, Severity
from socinv_docs.render.workbook.cells import MAX_CELL_CHARS, number
from socinv_docs.render.workbook.merge import Row
from socinv_docs.render.workbook.read import OldSheet
from socinv_docs.render.workbook.spec import REMOVED, Column, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, GOOD, NEUTRAL
from socinv_docs.report import UNANSWERED, DocumentReport, SkippedEntry, Status, SubmissionReport, shown_section_state
from socinv_docs.summary import applicants, main_first

SHEET_KEY = "register.sheet.submissions"  # "Ansökningar" (fixed, SPEC §6)
HEADERS = "register.ans.col"  # its column headers: "register.ans.col.<column id>"
STATE_VERSION = 1  # of the hidden column 'state': the last run's status and files

# Colours: complete green, incomplete amber, unreadable and not checked red, no longer in
# the folder grey.
STATUS_COLOURS = {Status.COMPLETE.value: GOOD, Status.INCOMPLETE.value: NEUTRAL, Status.UNREADABLE.value: BAD,
                  "skipped": BAD, REMOVED: GONE}

# Widths: the printed columns (all but the shares, the track, files, date and bookkeeping) fit A3 landscape at
# about 72 % (8 pt); long text wraps onto more lines instead. Amounts fit '12 345 678 kr'.
COLUMNS = (
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
    Column("bedomning", 20, wrap=True, theirs=True),
    Column("kommentar", 27, wrap=True, theirs=True),
    Column("beslut", 16, wrap=True, theirs=True),
    # Where the fund counts them (co-financing) and has tracks: empty for the others. For the
    # screen (and its filters): the printed columns already fill A3 at ~72 %, and the memo
    # prints the shares and the track for each submission.
    Column("fund_share", 10, "pct", prints=False),
    Column("own_share", 10, "pct", prints=False),
    Column("track", 14, wrap=True, prints=False),
    Column("files", 30, wrap=True, prints=False),
    Column("checked", 16, "date", prints=False),
    Column("key", 14, hidden=True),
    Column("state", 14, hidden=True),
)

# The sheet's words. Its name and the group's columns are fixed Swedish in both languages
# (SPEC §6), so a register stays the same file whichever --lang the last run used.
WORDS = {
    SHEET_KEY: both("Ansökningar", "Ansökningar"),
    f"{HEADERS}.submission": both("Inskick", "Submission"),
    f"{HEADERS}.kind": both("Mall", "Template"),
    f"{HEADERS}.title": both("Satsningens namn", "Name of the initiative"),
    f"{HEADERS}.sokande": both("Sökande/nämnder", "Applicants/committees"),
    f"{HEADERS}.status": both("Status", "Status"),
    f"{HEADERS}.reason": both("Orsak", "Reason"),
    f"{HEADERS}.changed": both("Ny / ändrad sedan förra körningen", "New / changed since the last run"),
    f"{HEADERS}.errors": both("Fel", "Errors"),
    f"{HEADERS}.warnings": both("Varningar", "Warnings"),
    f"{HEADERS}.missing": both("Avsnitt som saknas/ej ifyllda", "Sections missing/not filled in"),
    f"{HEADERS}.amount": both("Sökt belopp", "Amount applied for"),
    f"{HEADERS}.cost": both("Kostnad", "Cost"),
    f"{HEADERS}.savings": both("Besparing inom horisonten", "Savings within horizon"),
    f"{HEADERS}.ratio": both("Besparing/kostnad", "Savings/cost"),
    f"{HEADERS}.fund_share": both("Fondens andel", "Fund's share"),
    f"{HEADERS}.own_share": both("Egen andel", "Own share"),
    f"{HEADERS}.track": both("Spår", "Track"),
    f"{HEADERS}.bedomning": both("Bedömning", "Bedömning"),
    f"{HEADERS}.kommentar": both("Kommentar", "Kommentar"),
    f"{HEADERS}.beslut": both("Förslag till beslut", "Förslag till beslut"),
    f"{HEADERS}.files": both("Fil(er)", "File(s)"),
    f"{HEADERS}.checked": both("Kontrollerad", "Checked"),
    # The tool's bookkeeping, in hidden columns: the row's identity and what the next run
    # compares with. Their headers say so to anyone who unhides them.
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
    f"{HEADERS}.state": both("socinv-docs: förra körningen (ändra inte)", "socinv-docs: last run (do not edit)"),
    "register.reason.kind_unknown": both("liknar ingen av de kända mallarna", "matches none of the known templates"),
    "register.reason.in_file": both("{file}: {reason}", "{file}: {reason}"),
    "register.change.new": both("Ny", "New"),
    "register.change.file_new": both("ny fil: {file}", "new file: {file}"),
    "register.change.file_changed": both("ändrad fil: {file}", "changed file: {file}"),
    "register.change.file_removed": both("fil borttagen: {file}", "file removed: {file}"),
    "register.change.status": both("status: {old} → {new}", "status: {old} → {new}"),
}


_WORDS = messages.catalogue(WORDS)


def _t(key: str, lang: str, **params) -> str:
    return _WORDS.text(key, lang, **params)


def status_words(lang: str) -> dict[str, str]:
    """Colour -> the status column's word for it."""
    return {state: _t(f"register.status.{state}", lang) for state in STATUS_COLOURS}


@dataclass
class SubmissionRow(Row):
    """A row of Ansökningar: its submission (for its files' names) and its files' fingerprints,
    made with the row (RegisterRows)."""

    sub: SubmissionReport | None = None
    fingerprints: dict[str, list | None] | None = None


# -- what goes in the row -----------------------------------------------------------------------


def short_name(sub: SubmissionReport, file: str) -> str:
    """A file as the group knows it: its name inside the submission's folder."""
    prefix = sub.submission + "/"
    return file[len(prefix):] if file.startswith(prefix) else file


def _kind_label(kind: str | None, schemas, lang: str) -> str:
    if not kind:
        return ""
    spec = schemas.kinds.get(kind) if schemas is not None else None
    return spec.name_in(lang) if spec else kind


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
                why = _t("register.reason.in_file", lang, file=short_name(sub, doc.file), reason=why)
            reasons.append(why)
    return "\n".join(reasons)


def _missing_sections(docs: list[DocumentReport], schemas) -> list[str]:
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
    return missing


def _economic_figures(docs: list[DocumentReport]) -> dict[str, int | float | None]:
    """Cost, savings within the horizon and their ratio, the fund's share of the cost and the
    applicants' own: the one place the register reads the economics (of the first document
    that has them, main document first)."""
    econ = summary.economics_of(docs)
    shares = econ.shares if econ is not None else None
    if econ is None:
        return {"cost": None, "savings": None, "ratio": None, "fund_share": None, "own_share": None}
    return {"cost": number(econ.cost), "savings": number(econ.savings_total), "ratio": number(econ.ratio),
            "fund_share": number(shares.fund_share) if shares is not None else None,
            "own_share": number(shares.own_share) if shares is not None else None}


def submission_row(sub: SubmissionReport, schemas, lang: str, now: dt.datetime) -> dict[str, Any]:
    """The tool's cells of a submission's row, by column id."""
    docs = main_first(sub)
    findings = sub.all_findings
    kinds: list[str] = []
    for d in docs:
        label = _kind_label(d.kind, schemas, lang)
        if label and label not in kinds:
            kinds.append(label)
    return {
        "submission": sub.submission,
        "files": ", ".join(short_name(sub, d.file) for d in sub.documents),
        "kind": ", ".join(kinds),
        "title": summary.title(docs),
        "sokande": "; ".join(applicants(docs)),
        "status": _t(f"register.status.{sub.shown_status.value}", lang),
        "reason": _reason(sub, lang),
        "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity is Severity.WARNING),
        "missing": ", ".join(_missing_sections(docs, schemas)),
        "amount": number(summary.amount(docs)),
        **_economic_figures(docs),
        "track": summary.track(docs, schemas),
        "checked": now,
        "key": sub.submission,
    }


def skipped_row(entry: SkippedEntry, lang: str, now: dt.datetime) -> SubmissionRow:
    """An entry of the folder that was not checked (a link not followed, a FIFO, a folder
    that cannot be read)."""
    return SubmissionRow({"submission": entry.path, "status": _t("register.status.skipped", lang),
                          "reason": entry.message_in(lang), "checked": now, "key": entry.path}, status="skipped")


# -- what changed since the last run ------------------------------------------------------------


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
    if old_status in STATUS_COLOURS and old_status != status:
        out.append(_t("register.change.status", lang, old=_t(f"register.status.{old_status}", lang),
                      new=_t(f"register.status.{status}", lang)))
    text = "; ".join(out)
    return text[:1].upper() + text[1:]


def note_changes(rows: list[Row], old: OldSheet | None, lang: str) -> None:
    """Fill the columns 'changed' and 'state' of the rows, from the old sheet's 'state'."""
    state_at = old.index_of("state") if old is not None else None
    for row in rows:
        if row.values is None:
            continue
        cell = row.old.cells.get(state_at) if row.old is not None and state_at else None
        before = _parse_state(cell.value if cell is not None else None)
        old_files = before.get("files") if before and isinstance(before.get("files"), dict) else {}
        if row.status == REMOVED:  # only the status can have changed: it is gone now
            row.values["state"] = _state_text(REMOVED, old_files)
            row.values["changed"] = _changes({"status": before.get("status")}, REMOVED, {}, str, lang) \
                if before else ""
            continue
        sub = row.sub
        files = row.fingerprints or {}  # an entry not checked has no files
        row.values["state"] = _state_text(row.status, files)
        if row.old is None:
            row.values["changed"] = _t("register.change.new", lang) if old is not None else ""
        elif before is not None:
            short = (lambda f, s=sub: short_name(s, f)) if sub is not None else str
            row.values["changed"] = _changes(before, row.status, files, short, lang)
        else:
            row.values["changed"] = ""  # a register from before this column: nothing to compare with


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="ans",
    table="Ansokningar", name_col="submission", identities=(("submission",),), status_col="status",
    status_words=status_words, colours=STATUS_COLOURS, keep_order=True, keep_removed="always",
    # New in a later version, with plain headers a group may well have used for a column of
    # their own in an older register ("Orsak"): there, only a name marks them ours.
    added_later=frozenset({"reason", "changed", "fund_share", "own_share", "track"}), from_old=note_changes, words=WORDS)
