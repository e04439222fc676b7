"""What the Word and Excel annotators share: who writes the comments, what they say, and
which findings go to the summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.model import Document, SectionState
from socinv_docs.readers import annotated_copy
from socinv_docs.report import (
    DocumentReport,
    Finding,
    count,
    in_document_order,
    missing_attachments,
    shown_status_of,
)

AUTHOR = annotated_copy.AUTHOR  # of every comment and note we write ("socinv-docs")
INITIALS = "SI"


@dataclass(slots=True)
class AnnotateResult:
    target: Path
    comments: int  # comments (Word) or notes (Excel) we wrote, the summary included
    placed: int  # findings shown at a place in the file
    unplaced: int  # findings only in the summary
    removed: int  # our comments from an earlier run that were taken away


# -- texts ---------------------------------------------------------------------------------

def _finding_lines(f: Finding, lang: str, note: str | None = None) -> list[str]:
    label = messages.text(f"ui.severity.{f.severity.value}", lang)
    lines = [f"{label}: {f.message_in(lang)}"]
    if note:
        lines.append(note)
    if f.hint_in(lang):
        lines.append(f"{messages.text('ui.fix', lang)}: {f.hint_in(lang)}")
    lines.append(f"[{f.code.value}]")
    return lines


def _status_line(findings: list[Finding], lang: str) -> str:
    """'Status: KOMPLETT – 0 fel, 1 varning'; never complete while a mandatory attachment is
    missing, and then which one is to be sent with it."""
    status = shown_status_of(findings)
    errors, warnings = count(findings, Severity.ERROR), count(findings, Severity.WARNING)
    line = messages.text("annotate.summary_status", lang, status=messages.text(f"ui.status.{status.value}", lang),
                         counts=messages.counts(errors, warnings, lang))
    missing = missing_attachments(findings)
    if missing:
        line += ". " + messages.text("ui.missing_attachments", lang, attachments=[a["name"] for a in missing])
    return line


def _summary_lines(report: DocumentReport, findings: list[Finding], unplaced: list[Finding], lang: str,
                   placed: int) -> list[str]:
    lines = [messages.text("annotate.summary_title", lang, file=Path(report.file).name),
             _status_line(findings, lang)]
    if not findings:
        lines.append(messages.text("ui.no_findings", lang))
    if placed:
        lines.append(messages.text("annotate.summary_placed", lang, count=placed))
    if unplaced:
        lines.append(messages.text("annotate.summary_unplaced", lang))
        for f in unplaced:
            label = messages.text(f"ui.severity.{f.severity.value}", lang)
            hint = f" {messages.text('ui.fix', lang)}: {f.hint_in(lang)}" if f.hint_in(lang) else ""
            lines.append(f"• {label}: {f.message_in(lang)}{hint} [{f.code.value}]")
    lines.append(messages.text("annotate.summary_rerun", lang))
    return lines


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return in_document_order(findings)


def _is_missing(f: Finding, doc: Document | None) -> bool:
    # A missing section whose finding sits *at* a place (the heading the applicant wrote and
    # we did not recognise) is noted there, like any other finding.
    return f.code is Code.SECTION_MISSING and doc is not None and f.section in doc.sections \
        and doc.sections[f.section].state is SectionState.MISSING and f.where.position != "at"


def place_all(findings: Iterable[Finding], extra: Iterable[Finding], place) -> tuple[list, list[Finding]]:
    """([(finding, place(finding))], unplaced) in reading order: a finding `place` cannot
    put anywhere (None), and every submission-level `extra`, goes to the summary."""
    placed: list = []
    unplaced: list[Finding] = []
    for f in _ordered(findings):
        spot = place(f)
        if spot is None:
            unplaced.append(f)
        else:
            placed.append((f, spot))
    return placed, [*unplaced, *_ordered(extra)]
