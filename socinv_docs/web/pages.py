"""The pages: reports turned into what the templates show, in the page's language. A
renderer like render/text.py: words come from the message catalogue, findings from their
data (message_in, hint_in, location_in), never from re-parsed text.

On the English page, Swedish words keep their language for screen readers (WCAG 3.1.2):
the templates' titles and section headings from the Swedish templates carry lang="sv", and
what a finding quotes (a heading, a label, the applicant's words, always in quotes) is
marked so by the `quoted` filter."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape

from socinv_docs import fmt, messages
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
from socinv_docs.web.site import Site

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


# What a message quotes: 'like this' (not an apostrophe: no letter just outside), “this” or "this".
_QUOTED = re.compile(r"(?<![\w'])'([^'\n]+?)'(?![\w])|“([^”\n]+?)”|(?<![\w\"])\"([^\"\n]+?)\"(?![\w])")


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    # Autoescape: file names and the applicant's words are shown, never interpreted.
    env = Environment(loader=PackageLoader("socinv_docs.web", "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["quoted"] = quoted_swedish
    env.filters["breakable"] = breakable
    return env


def render(template: str, lang: str, **context) -> str:
    """`template` in `lang`. Every page has the site's settings (site.py; none: the defaults),
    the form's errors (none) and the result it carries for the language switch (none)."""
    other = "en" if lang == "sv" else "sv"
    page = context.pop("page", "/")
    context = {"site": Site(), "errors": [], "carried": None, **context}

    def t(key: str, **params) -> str:
        return messages.text(key, lang, **params)

    def sv() -> Markup:
        """lang="sv" on an element of Swedish words, on a page that is not in Swedish."""
        return Markup(' lang="sv"') if lang != "sv" else Markup("")

    def date(day) -> str:
        return fmt.long_date(day, lang)

    return environment().get_template(template).render(
        t=t, sv=sv, date=date, lang=lang, other_lang=other, page=page, switch_url=f"{page}?lang={other}", **context)


def breakable(text: str) -> Markup:
    """`text` (escaped) with a line-break opportunity after each _ and - : a file name
    without spaces wraps at its parts on a narrow screen, not mid-word (the CSS's
    overflow-wrap: anywhere is the last resort)."""
    return Markup("").join(escape(part) + (Markup("<wbr>") if part[-1:] in "_-" and part else Markup(""))
                           for part in re.split(r"(?<=[_-])", text))


def quoted_swedish(text: str, lang: str) -> Markup | str:
    """`text` (escaped), with what it quotes marked as Swedish on a page in another language:
    the quoted words of an English message are a Swedish template's heading or label, or the
    applicant's own words."""
    if lang == "sv":
        return text
    out, last = [], 0
    for match in _QUOTED.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        out += [escape(text[last:match.start(group)]), Markup('<span lang="sv">'), escape(match.group(group)),
                Markup("</span>")]
        last = match.end(group)
    out.append(escape(text[last:]))
    return Markup("").join(out)


# -- the start page -----------------------------------------------------------------------


def funders(schemas: SchemaSet, lang: str, accepted: tuple[str, ...] | None = None) -> list[dict]:
    """Which funders the service checks (those `accepted`, or all) and their document kinds,
    from the schemas."""
    out = []
    for profile in sorted(schemas.profiles.values(), key=lambda p: p.funder):
        if accepted is not None and profile.id not in accepted:
            continue
        kinds = [{"title": schemas.kinds[k].title, "format": messages.text(f"web.format.{schemas.kinds[k].format}", lang)}
                 for k in profile.kinds if k in schemas.kinds]
        out.append({"name": profile.funder, "kinds": kinds})
    return out


def funder_names(schemas: SchemaSet, profiles) -> list[str]:
    return sorted(schemas.profiles[p].funder for p in profiles if p in schemas.profiles)


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
    kind: str  # the template's title, in Swedish
    kind_lang: str  # the language `kind` is in: a template's title is Swedish
    kind_name: str  # on a page not in Swedish: the kind's name in its language ("Idea review")
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
        kind_lang="sv" if kind else lang,
        kind_name=kind.name_in(lang) if kind and lang != "sv" and kind.name_in(lang) != kind.title else "",
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
    elif status is Status.COMPLETE and any(f.code is Code.REPORT_UNLINKED for f in sub.all_findings):
        # A report read without its plan: filled in, but not compared with what was approved.
        summary = messages.text("web.summary.complete_without_plan", lang)
    elif status is Status.COMPLETE:
        summary = messages.text("web.summary.complete_warnings" if warnings else "web.summary.complete", lang)
    elif status is Status.INCOMPLETE:
        summary = messages.text("web.summary.incomplete", lang, errors=errors, documents=documents(sub, schemas))
    else:
        summary = messages.text("web.summary.unreadable", lang)
    return ReportView(status=status.value, status_label=messages.text(f"web.status.{status.value}", lang),
                      icon=ICON[status], counts=counts(errors, warnings, lang), summary=summary,
                      findings=[finding_view(f, lang) for f in _ordered(sub.findings)],
                      files=[file_view(d, schemas, lang, dl) for d, dl in zip(sub.documents, downloads)])


def documents(sub: SubmissionReport, schemas: SchemaSet) -> list[dict]:
    """What the applicant is about to send, by the kinds' own names ("idéprövning", not
    "ansökan"; "redovisning" for a report), as words in each language for a sentence; "the
    document" for a file whose kind is not known."""
    names = []
    for doc in sub.documents:
        kind = schemas.kinds.get(doc.kind) if doc.kind else None
        words = messages.literal(sv=_lower_first(kind.name_in("sv")), en=_lower_first(kind.name_in("en"))) if kind \
            else messages.msg("web.summary.the_document")
        if words not in names:
            names.append(words)
    return names


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


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


def carried_view(view: ReportView) -> dict:
    """The view as data to carry in its page (carried.py): everything but the annotated
    copies themselves, whose names stay so that the page can say they did not come along."""
    data = asdict(view)
    for file in data["files"]:
        if file["download"]:
            file["download"] = {"name": file["download"]["name"], "url": None}
    return data


# -- the accessibility statement ------------------------------------------------------------


def shortcomings(site, lang: str, *, forms: bool) -> list[dict]:
    """What is known not to be fully accessible, for the statement: the tool's own (what its
    tests cannot make true), then the organisation's (settings). Each {"text", "lang"}."""
    known = ["web.a11y.known.annotated_copy", *(["web.a11y.known.forms"] if forms else [])]
    out = [{"text": messages.text(key, lang), "lang": lang} for key in known]
    out += [{"text": s.get(lang), "lang": s.lang_of(lang)} for s in site.shortcomings]
    return out
