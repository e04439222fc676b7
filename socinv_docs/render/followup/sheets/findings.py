"""The follow-up workbook's sheet Brister: one row per finding, as in the register (SPEC §6),
for every report of every satsning and the run's own findings about a satsning (a plan
changed, a report late), with a Kommentar column of the processledare's. A finding that is
gone keeps its row only when someone wrote something in it."""

from __future__ import annotations

import json
from typing import Any

from socinv_docs import messages
from socinv_docs.followup_report import SatsningFollowup
from socinv_docs.render.followup.sheets.rapporter import file_name
from socinv_docs.render.workbook.spec import REMOVED, Column, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, NEUTRAL
from socinv_docs.report import DocumentReport, Finding

SHEET_KEY = "followup.sheet.brister"
HEADERS = "followup.bri.col"

COLUMNS = (
    Column("satsning", 18, wrap=True),
    # The report's file name on one line (Calc does not wrap a link); the section's short name
    # ("Ekonomi", "Mått") needs less.
    Column("report", 30, wrap=True),
    Column("section", 14, wrap=True),
    Column("severity", 12),
    Column("message", 46, wrap=True),
    Column("hint", 32, wrap=True),
    Column("location", 18, wrap=True),
    Column("kommentar", 24, wrap=True, theirs=True),
    Column("code", 24, prints=False),
    Column("key", 14, hidden=True),
)

WORDS = {
    SHEET_KEY: both("Brister", "Brister"),
    f"{HEADERS}.satsning": both("Satsning (mapp)", "Satsning (folder)"),
    f"{HEADERS}.report": both("Rapport (fil)", "Report (file)"),
    f"{HEADERS}.section": both("Avsnitt/uppgift", "Section/field"),
    f"{HEADERS}.severity": both("Allvarlighet", "Severity"),
    f"{HEADERS}.message": both("Brist", "Problem"),
    f"{HEADERS}.hint": both("Åtgärd", "Fix"),
    f"{HEADERS}.location": both("Plats", "Location"),
    f"{HEADERS}.kommentar": both("Kommentar", "Kommentar"),
    f"{HEADERS}.code": both("Kod", "Code"),
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
}


def status_words(lang: str) -> dict[str, str]:
    return {"error": messages.text("register.severity.error", lang),
            "warning": messages.text("register.severity.warning", lang),
            REMOVED: messages.text("register.status.removed", lang)}


def finding_key(satsning: str, file: str, f: Finding) -> str:
    """A finding row's identity: data only. The run's own findings about one expected report
    (REPORT_OVERDUE) are told apart by that report's key."""
    return json.dumps([satsning, file, f.key, str(f.params.get("report", ""))], ensure_ascii=False)


def _row(satsning: str, file: str, f: Finding, lang: str, kind) -> dict[str, Any]:
    subject = kind.label(f.section, f.field, f.criterion) if kind else f.section or f.field or f.criterion or ""
    return {"satsning": satsning, "report": file_name(file),
            "section": subject, "severity": messages.text(f"register.severity.{f.severity.value}", lang),
            "message": f.message_in(lang), "hint": f.hint_in(lang), "location": f.location_in(lang) if file else "",
            "code": f.code.value, "key": finding_key(satsning, file, f)}


def finding_rows(s: SatsningFollowup, lang: str, schemas=None) -> list[tuple[dict[str, Any], DocumentReport | None]]:
    """(row, the report it links to) of every finding of a satsning: the run's own first."""
    rows: list[tuple[dict[str, Any], DocumentReport | None]] = [(_row(s.satsning, "", f, lang, None), None)
                                                                for f in s.findings]
    for doc in s.reports:
        kind = schemas.kinds.get(doc.kind) if schemas is not None and doc.kind else None
        rows += [(_row(s.satsning, doc.file, f, lang, kind), doc) for f in doc.findings]
    return rows


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="bri", table="Brister",
    name_col="satsning",
    identities=(("satsning", "report", "code", "section", "location"), ("satsning", "report", "code", "section")),
    status_col="severity", status_words=status_words, colours={"error": BAD, "warning": NEUTRAL, REMOVED: GONE},
    keep_order=False, keep_removed="if_their_values", words=WORDS, paper="A4")
