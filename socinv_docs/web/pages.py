"""The pages: reports turned into what the templates show, in the page's language. A
renderer like render/text.py: words come from the message catalogue, findings from their
data (message_in, hint_in, location_in), never from re-parsed text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.model import SectionState
from socinv_docs.render.text import EconomicsLine, economics_outline, file_notes
from socinv_docs.report import (
    UNANSWERED,
    DocumentReport,
    Finding,
    Status,
    SubmissionReport,
    shown_section_state,
)
from socinv_docs.schema import SchemaSet

LANGS = ("sv", "en")
MB = 1024 * 1024
ICON = {Status.COMPLETE: "✓", Status.INCOMPLETE: "✗", Status.UNREADABLE: "✗"}
SECTION_MARK = {"ok": "✓", "bad": "✗", "optional": "–"}
MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docm": "application/vnd.ms-word.document.macroEnabled.12",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
}


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    # Autoescape: file names and the applicant's words are shown, never interpreted.
    return Environment(loader=PackageLoader("socinv_docs.web", "templates"), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(template: str, lang: str, **context) -> str:
    other = "en" if lang == "sv" else "sv"
    page = context.pop("page", "/")

    def t(key: str, **params) -> str:
        return messages.text(key, lang, **params)

    return environment().get_template(template).render(
        t=t, lang=lang, other_lang=other, switch_url=f"{page}?lang={other}", **context)


# -- the start page -----------------------------------------------------------------------


def funders(schemas: SchemaSet, lang: str) -> list[dict]:
    """Which funders the service checks and their document kinds, from the schemas."""
    out = []
    for profile in sorted(schemas.profiles.values(), key=lambda p: p.funder):
        kinds = [{"title": schemas.kinds[k].title, "format": messages.text(f"web.format.{schemas.kinds[k].format}", lang)}
                 for k in profile.kinds if k in schemas.kinds]
        out.append({"name": profile.funder, "kinds": kinds})
    return out


# -- the report page ----------------------------------------------------------------------


@dataclass
class FindingView:
    severity: str
    severity_label: str
    code: str
    message: str
    where: str
    hint: str


@dataclass
class SectionView:
    name: str
    state: str
    tone: str  # "ok", "bad", or "optional" (an optional section left unanswered: no problem)
    mark: str  # ✓, ✗ or –, beside the state's words (never the colour alone)


@dataclass
class FileView:
    name: str
    kind: str
    funder: str
    status: str
    status_label: str
    icon: str
    counts: str
    findings: list[FindingView] = field(default_factory=list)
    sections: list[SectionView] = field(default_factory=list)
    economics: list[EconomicsLine] = field(default_factory=list)  # each line, with the lines under it
    download: dict | None = None
    notes: list[str] = field(default_factory=list)  # about the file itself (render.text.file_notes)


@dataclass
class ReportView:
    status: str
    status_label: str
    icon: str
    counts: str
    summary: str
    findings: list[FindingView]
    files: list[FileView]


def finding_view(f: Finding, lang: str) -> FindingView:
    """The one place the page reads a finding's words."""
    return FindingView(severity=f.severity.value, severity_label=messages.text(f"web.severity.{f.severity.value}", lang),
                       code=f.code.value, message=f.message_in(lang), where=f.location_in(lang), hint=f.hint_in(lang))


def _ordered(findings: list[Finding]) -> list[Finding]:
    # Errors first (what must be fixed), each group in document order as the rules give it.
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


def file_view(report: DocumentReport, schemas: SchemaSet, lang: str, download: dict | None) -> FileView:
    kind = schemas.kinds.get(report.kind) if report.kind else None
    unreadable = any(f.code is Code.FILE_UNREADABLE for f in report.findings)
    profile = schemas.profiles.get(report.profile) if report.profile else None
    sections = []
    doc = report.document
    if doc is not None and kind is not None:
        for spec in kind.sections:
            state = doc.sections[spec.id].state if spec.id in doc.sections else SectionState.MISSING
            shown = shown_section_state(spec, state)
            tone = "ok" if shown == SectionState.OK.value else "optional" if shown == UNANSWERED else "bad"
            sections.append(SectionView(name=spec.short or spec.heading, state=messages.text(f"ui.state.{shown}", lang),
                                        tone=tone, mark=SECTION_MARK[tone]))
    status = report.shown_status
    return FileView(
        # An unreadable file has no kind to name; "unknown template" is for KIND_UNKNOWN.
        name=report.file, kind=kind.title if kind else ("" if unreadable else messages.text("ui.unknown_kind", lang)),
        funder=profile.funder if profile else "", status=status.value,
        status_label=messages.text(f"web.status.{status.value}", lang), icon=ICON[status],
        counts=counts(report.errors, report.warnings, lang),
        findings=[finding_view(f, lang) for f in _ordered(report.findings)], sections=sections,
        economics=economics_outline(report.economics, lang) if report.economics else [], download=download,
        notes=file_notes(report, lang))


def counts(errors: int, warnings: int, lang: str) -> str:
    return messages.counts(errors, warnings, lang) if errors or warnings else messages.text("web.counts.none", lang)


def report_view(sub: SubmissionReport, schemas: SchemaSet, lang: str, downloads: list[dict | None]) -> ReportView:
    # Never "Komplett" while a mandatory attachment is missing, and say which to send with it.
    status, missing = sub.shown_status, sub.missing_attachments
    errors, warnings = sub.errors, sub.warnings
    if missing and sub.status is Status.COMPLETE:
        summary = messages.text("web.summary.missing_attachments", lang, attachments=[a["name"] for a in missing])
    elif status is Status.COMPLETE:
        summary = messages.text("web.summary.complete_warnings" if warnings else "web.summary.complete", lang)
    elif status is Status.INCOMPLETE:
        summary = messages.text("web.summary.incomplete", lang, errors=errors)
    else:
        summary = messages.text("web.summary.unreadable", lang)
    return ReportView(status=status.value, status_label=messages.text(f"web.status.{status.value}", lang),
                      icon=ICON[status], counts=counts(errors, warnings, lang), summary=summary,
                      findings=[finding_view(f, lang) for f in _ordered(sub.findings)],
                      files=[file_view(d, schemas, lang, dl) for d, dl in zip(sub.documents, downloads)])


def download_link(name: str, suffix: str, data_b64: str, lang: str, *, annotated_copy: bool = False) -> dict:
    """The annotated copy as a data: link: it travels inside the page, the server keeps
    nothing after the response (README, "Privacy"). The copy of a file that is itself our
    annotated copy keeps that file's name ("-granskad" once, not "-granskad-granskad")."""
    stem = name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name
    if annotated_copy:
        for added in (messages.text("web.download.filename", other, stem="", suffix="") for other in LANGS):
            if added and stem.endswith(added):
                stem = stem[: -len(added)]
                break
    filename = messages.text("web.download.filename", lang, stem=stem, suffix=suffix)
    mime = MIME.get(suffix, "application/octet-stream")
    return {"name": filename, "url": f"data:{mime};base64,{data_b64}"}
