"""The register's sheet Brister: one row per finding, with a Kommentar column of the group's
(SPEC §6). A finding that is gone keeps its row only when the group wrote something in it."""

from __future__ import annotations

import json
from typing import Any

from socinv_docs import messages
from socinv_docs.render.workbook.spec import REMOVED, Column, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, NEUTRAL
from socinv_docs.report import DocumentReport, Finding, SubmissionReport

SHEET_KEY = "register.sheet.findings"  # "Brister" (fixed, SPEC §6)
HEADERS = "register.bri.col"  # its column headers: "register.bri.col.<column id>"

# Brister's printed columns fit A4 landscape at 80 %.
COLUMNS = (
    Column("submission", 20, wrap=True),
    Column("section", 22, wrap=True),
    Column("severity", 13),
    Column("message", 46, wrap=True),
    Column("hint", 34, wrap=True),
    Column("location", 20, wrap=True),
    Column("kommentar", 26, wrap=True, theirs=True),
    Column("file", 28, wrap=True, prints=False),
    Column("code", 26, prints=False),
    Column("key", 14, hidden=True),
)

WORDS = {
    SHEET_KEY: both("Brister", "Brister"),  # fixed in both languages, as the group's Kommentar (SPEC §6)
    f"{HEADERS}.submission": both("Inskick", "Submission"),
    f"{HEADERS}.section": both("Avsnitt/uppgift", "Section/field"),
    f"{HEADERS}.severity": both("Allvarlighet", "Severity"),
    f"{HEADERS}.message": both("Brist", "Problem"),
    f"{HEADERS}.hint": both("Åtgärd", "Fix"),
    f"{HEADERS}.location": both("Plats", "Location"),
    f"{HEADERS}.kommentar": both("Kommentar", "Kommentar"),
    f"{HEADERS}.file": both("Fil", "File"),
    f"{HEADERS}.code": both("Kod", "Code"),
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
}


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def status_words(lang: str) -> dict[str, str]:
    """Colour -> the severity column's word for it: an error red, a warning amber."""
    return {"error": _t("register.severity.error", lang), "warning": _t("register.severity.warning", lang),
            REMOVED: _t("register.status.removed", lang)}


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


def _finding_texts(f: Finding, lang: str) -> tuple[str, str, str]:
    """A finding's message, hint and location as people read them, in the run's language."""
    return f.message_in(lang), f.hint_in(lang), f.location_in(lang)


def _finding_row(submission: str, file: str, f: Finding, lang: str, kind) -> dict[str, Any]:
    subject = kind.label(f.section, f.field, f.criterion) if kind else f.section or f.field or f.criterion or ""
    message, hint, location = _finding_texts(f, lang)
    return {"submission": submission, "file": file, "section": subject,
            "code": f.code.value, "severity": _t(f"register.severity.{f.severity.value}", lang),
            "message": message, "hint": hint, "location": location, "key": finding_key(submission, file, f)}


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="bri",
    table="Brister", name_col="submission",
    # Without the key: the finding's code, section and place, then code and section alone.
    identities=(("submission", "file", "code", "section", "location"), ("submission", "file", "code", "section")),
    status_col="severity", status_words=status_words,
    colours={"error": BAD, "warning": NEUTRAL, REMOVED: GONE},
    keep_order=False, keep_removed="if_their_values", words=WORDS)
