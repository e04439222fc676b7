"""The follow-up workbook's sheet Rapporter: one row per *expected* report (SPEC §9, issue 21),
from the funder's schedule, not only the ones received.

Each row: the satsning, the report (kind and period), what it covers, its due date (fixed
once computed: stored with the plan, never moved by a later run), the file that came in and
when, and its status on the run's day — Väntas, Inkommen, Komplett, Ofullständig, Försenad n
dagar, Överhoppad (the processledare's: Överhoppad with a Skäl), Utgår (a newer plan version
no longer expects it). Late rows are coloured as a whole.
"""

from __future__ import annotations

import json
from typing import Any

from socinv_docs.followup_report import Decision, ExpectedRow, SatsningFollowup, State
from socinv_docs.plan import ExpectedReport
from socinv_docs.render.workbook.spec import REMOVED, Column, RowRule, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, GOOD, NEUTRAL

SHEET_KEY = "followup.sheet.rapporter"
HEADERS = "followup.rap.col"

COLUMNS = (
    Column("satsning", 18, wrap=True),
    Column("report", 22, wrap=True),
    Column("covers", 13, wrap=True),
    Column("due", 11, "day"),
    Column("status", 15, wrap=True),
    Column("days_late", 9, "int"),
    # Wide enough for a report's file name on one line: Calc does not wrap a cell that is a
    # link ("Redovisning delår 2 2027.docx" was cut in the PDF).
    Column("received", 30, wrap=True),
    Column("received_on", 11, "day"),
    Column("errors", 6, "int"),
    Column("warnings", 11, "int"),
    Column("overhoppad", 11, theirs=True),
    Column("skal", 28, wrap=True, theirs=True),
    # The processledare's own decision on a received report, overruling the memo's proposal
    # (proposal.propose): optional, for the screen.
    Column("forslag", 22, wrap=True, theirs=True, prints=False),
    Column("plan_version", 8, "int", prints=False),
    Column("key", 14, hidden=True),
)

SKIP_COLUMNS = ("overhoppad", "skal")  # the processledare's: read back by the next run
DECISION_COLUMN = "forslag"  # the processledare's Förslag till beslut: read back by the next run and memo

COLOURS = {State.EXPECTED.value: NEUTRAL, State.RECEIVED.value: NEUTRAL, State.COMPLETE.value: GOOD,
           State.INCOMPLETE.value: NEUTRAL, State.LATE.value: BAD, State.SKIPPED.value: GONE,
           State.VOID.value: GONE, REMOVED: GONE}

WORDS = {
    SHEET_KEY: both("Rapporter", "Rapporter"),
    f"{HEADERS}.satsning": both("Satsning (mapp)", "Satsning (folder)"),
    f"{HEADERS}.report": both("Rapport", "Report"),
    f"{HEADERS}.covers": both("Avser", "Covers"),
    f"{HEADERS}.due": both("Senast", "Due"),
    f"{HEADERS}.status": both("Status", "Status"),
    f"{HEADERS}.days_late": both("Dagar försenad", "Days late"),
    f"{HEADERS}.received": both("Inkommen fil", "File received"),
    f"{HEADERS}.received_on": both("Inkom", "Received"),
    f"{HEADERS}.errors": both("Fel", "Errors"),
    f"{HEADERS}.warnings": both("Varningar", "Warnings"),
    f"{HEADERS}.overhoppad": both("Överhoppad", "Överhoppad"),
    f"{HEADERS}.skal": both("Skäl", "Skäl"),
    f"{HEADERS}.forslag": both("Förslag till beslut", "Förslag till beslut"),
    f"{HEADERS}.plan_version": both("Planversion", "Plan version"),
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
    "followup.rap.state.expected": both("Väntas", "Expected"),
    "followup.rap.state.received": both("Inkommen", "Received"),
    "followup.rap.state.complete": both("Komplett", "Complete"),
    "followup.rap.state.incomplete": both("Ofullständig", "Incomplete"),
    "followup.rap.state.late": both("Försenad", "Late"),
    "followup.rap.state.late_days": both("Försenad {days} dagar", "Late {days} days"),
    "followup.rap.state.late_day": both("Försenad 1 dag", "Late 1 day"),
    "followup.rap.state.skipped": both("Överhoppad", "Skipped"),
    "followup.rap.state.void": both("Utgår (nytt beslut)", "Void (new decision)"),
    "followup.rap.state.removed": both("Finns ej längre", "No longer in folder"),
    "followup.rap.report": both("{kind}\n{period}", "{kind}\n{period}"),
    "followup.rap.covers": both("{start} – {end}", "{start} – {end}"),
    # What the processledare types in Överhoppad to skip a report (the drop-down's choice);
    # any other text there but "Nej" skips it too.
    "followup.rap.skip_yes": both("Ja", "Ja"),
    "followup.rap.skip_no": both("Nej\nNo", "Nej\nNo"),
    # What the processledare types under Förslag till beslut (the drop-down's choices) to
    # overrule the memo's proposal, Swedish in both languages as Överhoppad's Ja; the memo's
    # own words for each are in messages/memo.py.
    "followup.rap.decision.payment": both("Utbetalning", "Utbetalning"),
    "followup.rap.decision.supplement": both("Komplettering", "Komplettering"),
    "followup.rap.decision.stop_review": both("Avbrytandeprövning", "Avbrytandeprövning"),
    "followup.rap.decision.approved": both("Godkänns", "Godkänns"),
}


def status_words(lang: str) -> dict[str, str]:
    return {state: SHEET.text(f"followup.rap.state.{state}", lang) for state in COLOURS}


def is_skipped(typed: object) -> bool:
    """Whether the processledare's Överhoppad says the report is skipped: anything typed
    there but nothing, "Nej" or "No"."""
    if typed is None or typed is False:
        return False
    text = " ".join(str(typed).split()).casefold()
    return bool(text) and text not in {w.casefold() for w in SHEET.text("followup.rap.skip_no").split("\n")}


def decision_typed(typed: object) -> Decision | None:
    """The decision the processledare's Förslag till beslut names, by its word in the drop-down
    ("Utbetalning") or a phrase that begins with it ("Komplettering begärs", "utbetalning
    432 000 kr"); None for anything else (their own words, kept as typed)."""
    text = " ".join(str(typed or "").split()).casefold()
    if not text:
        return None
    for decision in Decision:
        words = {SHEET.text(f"followup.rap.decision.{decision.value}", lang).casefold() for lang in ("sv", "en")}
        if any(text == word or text.startswith(word + " ") for word in words):
            return decision
    return None


def row_key(satsning: str, report: ExpectedReport) -> str:
    """A row's identity: data only (the satsning and the report's key), the same in every language."""
    return json.dumps([satsning, report.key], ensure_ascii=False)


def _status(row: ExpectedRow, lang: str) -> str:
    state = row.status.state
    if state is State.LATE:
        days = row.status.days_late
        return SHEET.text("followup.rap.state.late_day" if days == 1 else "followup.rap.state.late_days", lang,
                          days=days)
    return SHEET.text(f"followup.rap.state.{state.value}", lang)


def report_rows(s: SatsningFollowup, lang: str) -> list[tuple[dict[str, Any], ExpectedRow]]:
    """(the tool's cells, the expected report) of every expected report of a satsning, by due date."""
    out = []
    for row in sorted(s.expected, key=lambda r: (r.report.due, r.report.key)):
        r, doc = row.report, row.received
        out.append(({
            "satsning": s.satsning,
            "report": _report(row, lang),
            "covers": SHEET.text("followup.rap.covers", lang, start=r.covers_from.isoformat(),
                                 end=r.covers_to.isoformat()),
            "due": r.due,
            "status": _status(row, lang),
            "days_late": row.status.days_late or None,
            "received": file_name(doc.file) if doc else "",
            "received_on": row.received_on,
            "errors": doc.errors if doc else None,
            "warnings": doc.warnings if doc else None,
            "plan_version": row.version,
            "key": row_key(s.satsning, row.report),
        }, row))
    return out


def _report(row: ExpectedRow, lang: str) -> str:
    """"Redovisning\nHelår 2027"; a report due after the end is its kind alone ("Slutrapport")."""
    kind = row.kind_name.get(lang) or row.kind_name.get("sv", "")
    if not row.report.period:
        return kind
    return SHEET.text("followup.rap.report", lang, kind=kind, period=row.label.get(lang) or row.label.get("sv", ""))


def file_name(file: str) -> str:
    """A received report as its cell shows it: the file's own name; the cell links to it, and
    the folders it lies in are in the JSON. (A whole path does not fit the column, and
    LibreOffice does not wrap a cell with a link.)"""
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def colour_of(row: ExpectedRow) -> str:
    return row.status.state.value


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="rap", table="Rapporter",
    name_col="satsning", identities=(("satsning", "report"),), status_col="status", status_words=status_words,
    colours=COLOURS, keep_order=False, keep_removed="always", words=WORDS, paper="A4",
    row_rules=(RowRule("AND(ISNUMBER({days_late}),{days_late}>0)", BAD),))


