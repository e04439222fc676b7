"""Review memos (beredningsunderlag) and the meeting summary, from editable templates.

The context handed to a template is plain data built from the RunReport and the
beredningsgrupp's register (Excel-in): strings already formatted for the reader, lists of
dicts. Templates are the secretary's: `templates/` holds the defaults in Swedish and English
(memo.docx, memo-en.docx, …), `socinv templates export DIR` copies them out, `--template`
uses an edited one.

Safety: every template runs in Jinja's sandbox with strict undefined variables; applicant
text is only ever a value, never template source, and is escaped for the output format
(XML in Word by docxtpl's autoescape, HTML entities in HTML, Markdown per context: a table
cell or running text). A template that misbehaves (divides by zero, loops for ever, builds a
gigabyte string) is stopped: templates are rendered in a child process with a time limit
and a memory ceiling, and the sandbox refuses ranges, repetitions and sums past a size. Any
template error is one line naming the template and the line (in Word: the paragraph's
text), and nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from socinv_docs import messages, summary
from socinv_docs.codes import Severity
from socinv_docs.fmt import kronor, number
from socinv_docs.limits import limit_memory
from socinv_docs.messages import msg
from socinv_docs.model import SectionState
from socinv_docs.render.text import economics_lines
from socinv_docs.report import DocumentReport, RunReport, Status, SubmissionReport, shown_section_state
from socinv_docs.schema import SchemaSet
from socinv_docs.summary import applicants, main_document, main_first, parties

FORMATS = ("docx", "html", "md")
DEFAULT_TEMPLATES = {
    "sv": {"docx": "memo.docx", "html": "memo.html.j2", "md": "memo.md.j2"},
    "en": {"docx": "memo-en.docx", "html": "memo-en.html.j2", "md": "memo-en.md.j2"},
}
SUFFIXES = {"docx": ".docx", "html": ".html", "md": ".md"}

# What a template may build with one operator: a string or list this long is never a memo's
# text, and refusing it at once gives a clear message before the memory ceiling is reached.
MAX_SEQUENCE = 10_000_000
MAX_POWER_BITS = 100_000


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def render_seconds() -> float:
    """Wall-clock limit for filling in a template: the meeting's memo, or one of --split."""
    return _env_number("SOCINV_MAX_RENDER_SECONDS", 60.0)


def render_megabytes() -> int:
    """Memory a render may use on top of what the program already holds."""
    return int(_env_number("SOCINV_MAX_RENDER_MB", 1024))


class MemoError(messages.CatalogueError):
    """A memo that cannot be made: a template error, a limit, an unreadable register. `key`
    and `params` name a message in the catalogue; the CLI shows it and exits 2."""

    def __init__(self, key: str, lang: str = "sv", **params: object) -> None:
        super().__init__(key, **params)
        self.lang = lang

    def __str__(self) -> str:
        return self.text(self.lang)


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates")


def default_template(fmt: str, lang: str = "sv") -> Path:
    return templates_dir() / DEFAULT_TEMPLATES.get(lang, DEFAULT_TEMPLATES["sv"])[fmt]


# -- context ------------------------------------------------------------------------------

def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def _kind_label(kind: str | None, schemas: SchemaSet, lang: str) -> str:
    """What a document is, by the kind's short name: Idéprövning, Förslag på insats, Ansökan."""
    spec = schemas.kinds.get(kind) if kind else None
    return spec.name_in(lang) if spec else _t("ui.unknown_kind", lang)


def _applicant(doc: DocumentReport | None) -> str:
    """Who applies (the förvaltning, the projektägare, the huvudsökande), else the parties."""
    return summary.facts(doc).applicant or ("; ".join(applicants([doc])) if doc is not None else "")


def _criteria(doc: DocumentReport | None, schemas: SchemaSet, lang: str) -> list[dict]:
    if doc is None or doc.document is None or not doc.document.criteria:
        return []
    spec = schemas.kinds[doc.kind].criteria
    out = []
    for item in spec.items if spec else []:
        answer = doc.document.criteria.get(item.id)
        value = None if answer is None else answer.answer
        raw = answer.raw if answer is not None else ""
        if value is None and raw:  # neither Ja nor Nej ("Delvis"): the applicant's own words
            shown = raw
        else:
            shown = _t("memo.yes" if value else "memo.no" if value is False else "memo.unanswered", lang)
        out.append({
            "id": item.id,
            "text": item.text,
            "answer": shown,
            "raw": raw,  # as written, whatever it was read as
            "met": value,
            "motivation": answer.motivation if answer else "",
        })
    return out


def _finding_texts(f, lang: str) -> tuple[str, str, str]:
    """A finding's message, hint and location in the reader's language (the one place this
    module turns a finding into words)."""
    return f.message_in(lang), f.hint_in(lang), f.location_in(lang)


def _findings(sub: SubmissionReport, lang: str) -> list[dict]:
    rows = []
    document_word = _t("loc.document", lang)
    several = len(sub.documents) > 1  # only then does 'where' need the file's name
    for f, file in [(f, "") for f in sub.findings] + [(f, d.file) for d in sub.documents for f in d.findings]:
        message, hint, location = _finding_texts(f, lang)
        location = "" if location == document_word else location
        where = ": ".join(p for p in (Path(file).name if file and several else "", location) if p)
        rows.append({
            "code": f.code.value,
            "severity": _t(f"register.severity.{f.severity.value}", lang),
            "is_error": f.severity is Severity.ERROR,
            "message": message,
            "hint": hint,
            "location": location,
            "file": Path(file).name if file else "",
            "where": where,
        })
    return rows


def _economics(econ: dict | None, lang: str) -> dict | None:
    """The economics block with every figure formatted, and one row per nämnd."""
    if not econ:
        return None
    has_savings = econ.get("savings_total") is not None
    payback = "–"  # no savings table (Gävleborg): nothing to say it was, or was not, paid back
    if has_savings and econ.get("payback_years_after_end"):
        payback = _t("memo.payback", lang, years=econ["payback_years_after_end"], year=econ.get("payback_year") or "–")
    elif has_savings and econ.get("cost"):
        payback = _t("memo.no_payback", lang, horizon=econ["horizon_years"])
    # The funder's shares, where the template has a budget with co-financing.
    shares = []
    if econ.get("fund_share") is not None:
        shares.append(_t("econ.fund_share", lang, requested=econ.get("requested"), share=econ["fund_share"]))
    if econ.get("own_contribution") is not None:
        shares.append(_t("econ.own_share", lang, own=econ["own_contribution"], share=econ.get("own_share")))
    return {
        "has_savings": has_savings,
        "shares": shares,
        "cost": kronor(econ.get("cost")),
        "requested": kronor(econ.get("requested")),
        "savings": kronor(econ.get("savings_total")),
        "horizon": econ.get("horizon_years"),
        "ratio": number(econ.get("ratio"), lang=lang) if econ.get("ratio") is not None else "–",
        "payback": payback,
        "present_value": kronor(econ["savings_present_value"]) if econ.get("savings_present_value") else "",
        "rows": [{"namnd": r["namnd"], "per_year": kronor(r["per_year"]), "years": number(r["counted_years"], lang=lang),
                  "total": kronor(r["total"])} for r in econ.get("savings_per_namnd", [])],
    }


def _sections(doc: DocumentReport | None, schemas: SchemaSet, lang: str) -> list[dict]:
    if doc is None or doc.document is None:
        return []
    kind = schemas.kinds[doc.kind]
    return [{"id": s.id, "heading": s.heading, "ok": doc.document.sections[s.id].state is SectionState.OK,
             "state": _t(f"ui.state.{shown_section_state(s, doc.document.sections[s.id].state)}", lang)}
            for s in kind.sections if s.id in doc.document.sections]


def _status_text(sub: SubmissionReport, lang: str) -> str:
    """'Komplett', or 'Ofullständig: Utvärderingsschema saknas' (report.missing_attachments)."""
    missing = sub.missing_attachments
    if missing:
        return _t("memo.status.missing_attachments", lang, attachments=[a["name"] for a in missing])
    return _t(f"register.status.{sub.shown_status.value}", lang)


def submission_context(sub: SubmissionReport, schemas: SchemaSet, assessment: dict[str, str] | None,
                       lang: str) -> dict:
    main = main_document(sub)
    first = main or next(iter(main_first(sub)), None)
    facts = summary.facts(main)
    period = facts.period
    # The figures from the first document that has them, main document first, as the
    # register does: Gävleborg's cost and savings are in its Bilaga 2–3, not the ansökan.
    docs = main_first(sub)
    amount = summary.amount(docs)
    econ = summary.economics(docs) or None
    errors = sum(1 for f in sub.all_findings if f.severity is Severity.ERROR)
    warnings = len(sub.all_findings) - errors
    assessment = dict(assessment or {})
    files = [Path(d.file).name for d in sub.documents]
    return {
        "name": sub.submission,
        "title": facts.title or Path(sub.submission).stem,
        "kind": first.kind if first else None,
        "kind_label": _kind_label(first.kind if first else None, schemas, lang),
        "kinds": ", ".join(_kind_label(d.kind, schemas, lang) for d in main_first(sub)) or _t("ui.unknown_kind", lang),
        "files": files,
        # A folder (or several files) is one submission: then its files are worth listing.
        "folder": files != [sub.submission],
        # As people are told it: never complete while a mandatory attachment is missing.
        "status": sub.shown_status.value,
        "status_text": _status_text(sub, lang),
        "unreadable": sub.status is Status.UNREADABLE,
        "errors": errors,
        "warnings": warnings,
        "counts": messages.counts(errors, warnings, lang),
        "applicant": _applicant(main),
        "contact": facts.contact,
        "parties": parties(main),
        "period": f"{period['start']} – {period['end']}" if period else "",
        # How long, where the template asks for a duration rather than a period (Mölndal).
        "duration": _t("memo.years", lang, n=number(facts.years, lang=lang)) if facts.years and not period else "",
        "amount": kronor(amount) if amount is not None else "",
        "amount_value": amount,
        "economics": _economics(econ, lang),
        "economics_lines": [line.strip() for line in economics_lines(econ, lang)] if econ else [],
        "criteria": _criteria(main, schemas, lang),
        "sections": _sections(main, schemas, lang),
        "findings": _findings(sub, lang),
        "assessment": {
            "bedomning": assessment.pop("Bedömning", ""),
            "kommentar": assessment.pop("Kommentar", ""),
            "forslag": assessment.pop("Förslag till beslut", ""),
            "other": {k: v for k, v in assessment.items() if v not in (None, "")},
        },
    }


def _run_context(subs: list[dict], meeting: str | None, lang: str, today: dt.date | None,
                 overview: bool) -> dict:
    amounts = [s["amount_value"] for s in subs if s["amount_value"] is not None]
    counts = {status.value: sum(1 for s in subs if s["status"] == status.value) for status in Status}
    return {
        "meeting": meeting or "",
        "generated": (today or dt.date.today()).isoformat(),
        "overview": overview,  # the meeting summary; left out of a memo of its own (--split)
        "submissions": subs,
        "totals": {
            "count": len(subs),
            "complete": counts["complete"],
            "incomplete": counts["incomplete"],
            "unreadable": counts["unreadable"],
            "amount": kronor(sum(amounts)) if amounts else "",
            "summary": _t("memo.totals", lang, count=len(subs), complete=counts["complete"],
                          incomplete=counts["incomplete"], unreadable=counts["unreadable"]),
        },
    }


def memo_context(run: RunReport, schemas: SchemaSet, *, assessments: dict[str, dict[str, str]] | None = None,
                 meeting: str | None = None, lang: str = "sv", today: dt.date | None = None) -> dict:
    """The meeting's memo: the summary and one beredningsunderlag per submission."""
    assessments = assessments or {}
    subs = [submission_context(s, schemas, assessments.get(s.submission), lang) for s in run.submissions]
    return _run_context(subs, meeting, lang, today, overview=True)


def single_context(context: dict, submission: dict, lang: str = "sv") -> dict:
    """A memo of one submission alone (`memo --split`), from the meeting's context."""
    return _run_context([submission], context["meeting"] or None, lang,
                        dt.date.fromisoformat(context["generated"]), overview=False)


# -- file names for --split ---------------------------------------------------------------

_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def safe_file_name(text: str, limit: int = 120) -> str:
    """A file name that every system and share accepts, as close to `text` as it can be:
    no path separators, control or reserved characters, no undecodable bytes (a Latin-1
    name on a share), no trailing dot or space, not a reserved Windows device name."""
    text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    name = _UNSAFE_IN_NAME.sub("_", text).strip(" .")[:limit].strip(" .")
    if not name:
        return "_"
    return "_" + name if name.split(".")[0].upper() in _WINDOWS_RESERVED else name


def split_names(submissions: list[dict], fmt: str, lang: str) -> list[str]:
    """One file name per submission, named after it ('Beredningsunderlag ansokan-komplett.docx'),
    unique even when two submissions' names differ only in their ending."""
    names: list[str] = []
    taken: set[str] = set()
    for sub in submissions:
        stem = Path(sub["name"]).stem if not sub["folder"] else sub["name"]
        base = safe_file_name(_t("memo.split_name", lang, name=stem))
        name, n = base + SUFFIXES[fmt], 2
        while name.casefold() in taken:
            name, n = f"{base} ({n}){SUFFIXES[fmt]}", n + 1
        taken.add(name.casefold())
        names.append(name)
    return names


# -- Markdown, escaped for where a value stands --------------------------------------------

# Characters with a meaning anywhere in a line. '&', '<' and '>' become entities; the rest get a
# backslash, which CommonMark and GitHub render as the character itself.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|!~])")
# What makes a line something else when it starts it: a list item ('- ', '+ ', '1. ', '1) '),
# a heading underline or rule ('===', '---'). '#', '>', '|', '*', '`' and '~' are escaped
# wherever they stand (above), so they can start nothing either.
_MD_LINE_START = re.compile(r"^([ \t]*)(?:([-+])(?=[ \t]|$)|(\d{1,9})(?=[.)](?:[ \t]|$))|([-=])(?=[-= \t]*$))")
# Newlines in a value are kept apart from the template's own until the whole memo is
# rendered; only then is it known whether the value stands in a table row or in text.
_NEWLINE = "\ue000"
_TABLE_ROW = re.compile(r"^\s*\|")
_HEADING = re.compile(r"^\s{0,3}#")


def _md_line_start(m: re.Match) -> str:
    indent, bullet, digits, rule = m.groups()
    return indent + (digits + "\\" if digits else "\\" + (bullet or rule))


def _md_escape(value: object) -> Markup:
    text = str(value).replace(_NEWLINE, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        line = line.lstrip()  # four spaces would start a code block; indentation means nothing here
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        line = _MD_INLINE.sub(r"\\\1", line)
        lines.append(_MD_LINE_START.sub(_md_line_start, line, count=1))
    return Markup(_NEWLINE.join(lines))


def _md_newlines(text: str) -> str:
    """The values' own line breaks, per context: '<br>' inside a table row (a real newline
    would end the row), a hard line break (backslash) in running text, indented so that a
    list item goes on."""
    if _NEWLINE not in text:
        return text
    out = []
    for line in text.split("\n"):
        if _NEWLINE in line:
            if _TABLE_ROW.match(line):
                line = line.replace(_NEWLINE, "<br>")
            elif _HEADING.match(line):  # a heading is one line
                line = line.replace(_NEWLINE, " ")
            else:
                item = re.match(r"^(\s*(?:[-+*]|\d{1,9}[.)])\s+|\s*)", line)
                indent = " " * len(item.group(1))
                line = line.replace(_NEWLINE, "\\\n" + indent)
        out.append(line)
    return "\n".join(out)


# -- the sandbox ----------------------------------------------------------------------------

class _TooBig(SecurityError):
    """A template tried to build a string, list or number past MAX_SEQUENCE / MAX_POWER_BITS."""


class _MemoSandbox(SandboxedEnvironment):
    """Jinja's sandbox (no attribute escapes; range() capped at MAX_RANGE) that also refuses
    to multiply, add or raise to a power past a size a memo could ever need."""

    intercepted_binops = frozenset({"*", "+", "**"})

    def from_string(self, source, globals=None, template_class=None):
        # docxtpl compiles each part of the .docx from a string on every render; one memo per
        # submission (--split) would compile the same template hundreds of times.
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        cache = self.__dict__.setdefault("_compiled", {})
        if source not in cache:
            cache[source] = super().from_string(source)
        return cache[source]

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise _TooBig(operator)
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_SEQUENCE:
                    raise _TooBig(operator)
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > MAX_SEQUENCE:
                raise _TooBig(operator)
        return super().call_binop(context, operator, left, right)


def _environment(fmt: str, loader_dir: Path | None = None) -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader

    env = _MemoSandbox(
        autoescape=fmt in ("html", "docx"),
        undefined=StrictUndefined,
        loader=FileSystemLoader(str(loader_dir)) if loader_dir else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if fmt == "md":
        # Every value printed in a Markdown template is escaped; `|safe` opts out.
        env.finalize = lambda v: v if isinstance(v, Markup) else _md_escape(v) if v is not None else ""
    env.filters["kronor"] = kronor
    env.filters["nummer"] = number
    env.filters["md"] = _md_escape
    env.filters["e"] = escape
    return env


# -- where a template went wrong ------------------------------------------------------------

def _template_line(exc: BaseException, filenames: tuple[str, ...]) -> int | None:
    """The template line Jinja reports, or the innermost traceback frame it rewrote to one."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in filenames:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _text_where(exc: BaseException, template: Path) -> dict:
    line = _template_line(exc, (str(template), template.name))
    if line:
        return msg("memo.where.line", template=template.name, line=line)
    return msg("memo.where.template", template=template.name)


def _docx_where(exc: BaseException, template: Path, tpl) -> dict:
    """In Word the line Jinja counts is a line of XML; the secretary sees paragraphs. docxtpl
    puts each paragraph on a line of its own before Jinja reads it, so the line gives the
    paragraph, and its text (tags and all) is what the secretary can search for in Word."""
    line = _template_line(exc, ("<template>",))
    try:
        part = tpl.current_rendering_part
        body = part is tpl.docx._part
        xml = tpl.get_xml() if body else tpl.get_part_xml(part)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml)).splitlines()
        text = _paragraph_text(source[line - 1]) if line else ""
    except Exception:  # docxtpl's internals moved: name the template without the paragraph
        return msg("memo.where.template", template=template.name)
    if not text:
        return msg("memo.where.template", template=template.name)
    text = text if len(text) <= 80 else text[:79] + "…"
    name = str(getattr(part, "partname", ""))
    key = ("memo.where.paragraph" if body else "memo.where.footer" if "footer" in name
           else "memo.where.header" if "header" in name else "memo.where.paragraph")
    return msg(key, template=template.name, text=text)


def _paragraph_text(line: str) -> str:
    """The text of the paragraph a line of docxtpl's source holds. The tags of {%p %}
    paragraphs that docxtpl removed trail after it on the same line: the paragraph is named
    when it holds a tag itself, else the first such tag."""
    from html import unescape

    end = line.find("</w:p>")
    own, trailing = (line, "") if end < 0 else (line[:end], line[end:])
    own = " ".join(unescape(re.sub(r"<[^>]+>", "", own)).split())
    if "{{" in own or "{%" in own or "{#" in own:
        return own
    tag = re.search(r"\{%.*?%\}", unescape(re.sub(r"<[^>]+>", "", trailing)))
    return tag.group(0) if tag else own


_SYNTAX = (
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: .*"
                r"The innermost block that needs to be closed is '(?P<block>\w+)'", re.S), "memo.syntax.unclosed_block"),
    (re.compile(r"unexpected end of template", re.I), "memo.syntax.unclosed_tag"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for .*"
                r"The innermost block that needs to be closed is '(?P<block>\w+)'", re.S), "memo.syntax.wrong_end"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'"), "memo.syntax.unknown_tag"),
    (re.compile(r"No (?:filter|test) named '(?P<name>[^']+)'"), "memo.syntax.unknown_filter"),
    (re.compile(r"expected token '[^']+', got '(?P<token>[^']+)'"), "memo.syntax.unexpected"),
    (re.compile(r"unexpected char '(?P<token>.)'"), "memo.syntax.unexpected"),
    (re.compile(r"unexpected '(?P<token>[^']+)'"), "memo.syntax.unexpected"),
)


# How Jinja names the tokens it did not expect, and what the secretary typed.
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "begin of print statement": "{{",
           "begin of statement block": "{%", "end of template": "…"}


def _syntax_problem(exc: TemplateSyntaxError) -> dict:
    """Jinja's English syntax message, said in the catalogue's words where we know it."""
    detail = str(exc.message or exc)
    for pattern, key in _SYNTAX:
        m = pattern.search(detail)
        if m:
            params = m.groupdict()
            if "token" in params:
                params["token"] = _TOKENS.get(params["token"], params["token"])
            return msg(key, **params)
    return msg("memo.syntax.other", detail=detail)


def _template_error(exc: BaseException, where: dict, lang: str) -> MemoError:
    if isinstance(exc, TemplateSyntaxError):
        return MemoError("memo.template_syntax", lang, where=where, problem=_syntax_problem(exc))
    if isinstance(exc, UndefinedError):
        m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        variable = (m.group(1) or m.group(2)) if m else str(exc)
        return MemoError("memo.template_error", lang, where=where, variable=variable)
    if isinstance(exc, ZeroDivisionError):
        return MemoError("memo.template_zero_division", lang, where=where)
    if isinstance(exc, _TooBig):
        return MemoError("memo.template_too_big", lang, where=where, limit=MAX_SEQUENCE)
    if isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        return MemoError("memo.template_range", lang, where=where, limit=MAX_RANGE)
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)'", str(exc))
        return MemoError("memo.template_unsafe", lang, where=where, detail=m.group(1) if m else str(exc))
    if isinstance(exc, RecursionError):
        return MemoError("memo.template_recursion", lang, where=where)
    return MemoError("memo.template_failed", lang, where=where, detail=f"{type(exc).__name__}: {exc}"[:200])


# Errors a template can cause while it is filled in; anything else is our own bug.
_TEMPLATE_ERRORS = (TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
                    RecursionError, UnicodeError)


# -- rendering ----------------------------------------------------------------------------

def render_text(context: dict, template: Path, fmt: str, lang: str = "sv",
                env: SandboxedEnvironment | None = None) -> str:
    env = env or _environment(fmt, template.parent)
    try:
        text = env.get_template(template.name).render(**context)
    except _TEMPLATE_ERRORS as exc:
        raise _template_error(exc, _text_where(exc, template), lang) from None
    return _marked(_md_newlines(text) if fmt == "md" else text)


@cache
def _memo_docx_template():
    """docxtpl's DocxTemplate, remembering the XML it cleaned up for Jinja: every memo of a
    run (--split) starts from the same template, so the same cleaning is done once."""
    from docxtpl import DocxTemplate

    class MemoDocxTemplate(DocxTemplate):
        _patched: dict[str, str] = {}

        def patch_xml(self, src_xml):
            if src_xml not in self._patched:
                if len(self._patched) > 16:
                    self._patched.clear()
                self._patched[src_xml] = super().patch_xml(src_xml)
            return self._patched[src_xml]

    return MemoDocxTemplate


def render_docx(context: dict, template: Path, lang: str = "sv", env: SandboxedEnvironment | None = None) -> bytes:
    import io

    from socinv_docs.atomic import TOOL_CREATOR

    env = env or _environment("docx")
    tpl = _memo_docx_template()(str(template))
    try:
        _move_breaks_out_of_tags(tpl.get_docx())
        tpl.render(context, jinja_env=env, autoescape=True)
    except _TEMPLATE_ERRORS as exc:
        raise _template_error(exc, _docx_where(exc, template, tpl), lang) from None
    _drop_leading_page_break(tpl.docx)
    _keep_table_rows_together(tpl.docx)
    props = tpl.docx.core_properties
    props.author = TOOL_CREATOR  # so that `validate` never takes a memo for a submission
    props.title = context["meeting"] or props.title
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _move_breaks_out_of_tags(document) -> None:
    """Keep the page breaks of a template that LibreOffice saved. LibreOffice writes a
    heading's 'page break before' as a break at the end of the paragraph before it; when
    that paragraph is a docxtpl tag ({%p for … %}), docxtpl removes it, break and all. The
    break is moved into a paragraph of its own right after the tag, where it means the same
    and survives (the default templates have it there already)."""
    body = document.element.body
    with_breaks = {}
    for br in body.iter(_w("br")):
        if br.get(_w("type")) == "page":
            p = next((a for a in br.iterancestors(_w("p"))), None)
            if p is not None:
                with_breaks.setdefault(p, []).append(br)
    for p, breaks in with_breaks.items():
        if not re.search(r"\{%-?\s*p\s", "".join(t.text or "" for t in p.iter(_w("t")))):
            continue
        holder = p.makeelement(_w("p"), {})
        for br in breaks:
            run = br.getparent()
            run.remove(br)
            new_run = holder.makeelement(_w("r"), {})
            new_run.append(br)
            holder.append(new_run)
        p.addnext(holder)


def _drop_leading_page_break(document) -> None:
    """A memo never opens on a blank page: the break before the first beredningsunderlag is
    dropped when nothing comes before it (a memo of one submission, `--split`)."""
    body = document.element.body
    for p in body:
        if p.tag != _w("p"):
            return
        if "".join(p.itertext()).strip():
            return
        breaks = [br for br in p.iter(_w("br")) if br.get(_w("type")) == "page"]
        for br in breaks:
            br.getparent().remove(br)
        if p.find(_w("pPr")) is not None and p.find(_w("pPr")).find(_w("pageBreakBefore")) is not None:
            p.find(_w("pPr")).remove(p.find(_w("pPr")).find(_w("pageBreakBefore")))
        if breaks:
            body.remove(p)
            return


# Elements that come before keepNext in a paragraph's properties (the schema's order).
_BEFORE_KEEP_NEXT = {_w("pStyle")}


def _keep_table_rows_together(document) -> None:
    """No table leaves a lone row on a page, and no row is cut in two: every row may not
    split (cantSplit) and every row but the last keeps with the next (keepNext on its
    paragraphs), so a table that fits on a page moves to the next page whole. A longer
    table still breaks where it must, between rows, with its header row repeated."""
    for table in document.element.body.iter(_w("tbl")):
        rows = table.findall(_w("tr"))
        for i, row in enumerate(rows):
            tr_pr = row.find(_w("trPr"))
            if tr_pr is None:
                tr_pr = row.makeelement(_w("trPr"), {})
                after = row.find(_w("tblPrEx"))
                row.insert(0 if after is None else row.index(after) + 1, tr_pr)
            if tr_pr.find(_w("cantSplit")) is None:
                tr_pr.append(tr_pr.makeelement(_w("cantSplit"), {}))
            if i == len(rows) - 1:
                continue
            for tc in row.findall(_w("tc")):
                for p in tc.findall(_w("p")):
                    p_pr = p.find(_w("pPr"))
                    if p_pr is None:
                        p_pr = p.makeelement(_w("pPr"), {})
                        p.insert(0, p_pr)
                    if p_pr.find(_w("keepNext")) is None:
                        at = sum(1 for child in p_pr if child.tag in _BEFORE_KEEP_NEXT)
                        p_pr.insert(at, p_pr.makeelement(_w("keepNext"), {}))


def render_bytes(context: dict, fmt: str, template: Path, lang: str = "sv",
                 env: SandboxedEnvironment | None = None) -> bytes:
    """One memo, rendered in this process (no limits: see render_all). Memos of one run share
    `env`, so that the template is compiled once."""
    if fmt == "docx":
        return render_docx(context, template, lang, env)
    # A file name from an old share may hold undecodable bytes: shown as '?', never a crash.
    return render_text(context, template, fmt, lang, env).encode("utf-8", "replace")


def _marked(text: str) -> str:
    """Make sure `validate` recognises the memo as the tool's own output, even when the
    secretary's template dropped the marker (it must be in the first 4 KB)."""
    from socinv_docs.atomic import TEXT_MARKER

    if TEXT_MARKER in text[:4000]:
        return text
    if text.lstrip().lower().startswith("<!doctype"):
        end = text.index(">") + 1
        return f"{text[:end]}\n{TEXT_MARKER}{text[end:]}"
    return f"{TEXT_MARKER}\n{text}"


# -- limits: a child process with a clock and a memory ceiling -----------------------------

def _child(conn, tasks: list[Callable[[], bytes]], megabytes: int, template: str) -> None:
    """Do the tasks one by one and send each result as it is done (the parent times each)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's unwinding (cli.Terminated): just end
    limit_memory(megabytes, beyond_current=True)  # what it holds now plus `megabytes`
    for task in tasks:
        try:
            result = ("ok", task())
        except MemoError as exc:
            result = ("error", exc.key, exc.params)
        except MemoryError:
            result = ("error", "memo.template_memory", {"template": template, "limit_mb": megabytes})
        except BaseException as exc:  # our own bug: one line, never a traceback from a child
            result = ("error", "memo.template_crashed", {"template": template, "detail": type(exc).__name__})
        try:
            conn.send(result)
        except MemoryError:
            result = ("error", "memo.template_memory", {"template": template, "limit_mb": megabytes})
            conn.send(result)
        if result[0] != "ok":
            break
    conn.close()


def _limited(tasks: list[Callable[[], bytes]], template: Path, lang: str) -> list[bytes]:
    """Run the tasks (one memo each) in a forked child: each within render_seconds(), all
    within render_megabytes() of memory more than this process holds. Where there is no
    fork (Windows), in this process with the sandbox's caps only."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return [task() for task in tasks]
    seconds, megabytes = render_seconds(), render_megabytes()
    for stream in (sys.stdout, sys.stderr):  # else the child would print what is buffered again
        stream.flush()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, tasks, megabytes, template.name), daemon=True)
    child.start()
    send.close()
    results = []
    try:
        for _ in tasks:
            if not receive.poll(seconds):
                raise MemoError("memo.template_timeout", lang, template=template.name, seconds=seconds)
            try:
                result = receive.recv()
            except (EOFError, OSError):  # the child died without a word: killed, or out of memory in C
                child.join(5)
                raise MemoError("memo.template_crashed", lang, template=template.name,
                                detail=f"exit {child.exitcode}") from None
            if result[0] != "ok":
                _, key, params = result
                raise MemoError(key, lang, **params)
            results.append(result[1])
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    return results


def render_all(jobs: list[tuple[dict, Path]], fmt: str, template: Path | None = None,
               lang: str = "sv", directories: tuple[Path, ...] = ()) -> list[Path]:
    """Render every (context, target), then write them: all within the limits, each written
    atomically, none written when one cannot be rendered. `directories` are made only then."""
    from socinv_docs.atomic import write_bytes

    template = template or default_template(fmt, lang)
    env = _environment(fmt, template.parent if fmt != "docx" else None)
    tasks = [lambda ctx=ctx: render_bytes(ctx, fmt, template, lang, env) for ctx, _ in jobs]
    contents = _limited(tasks, template, lang)
    for directory in directories:
        directory.mkdir(parents=True, exist_ok=True)
    for (_, target), data in zip(jobs, contents):
        try:
            write_bytes(target, data)
        except OSError as exc:  # name the memo, not the temporary file beside it
            raise OSError(exc.errno, exc.strerror, str(target)) from None
    return [target for _, target in jobs]


def read_assessments(register: Path, lang: str = "sv") -> dict[str, dict]:
    """The group's columns from the register (Excel-in). A register that cannot be read is
    the memo's own error: memo only reads the register, so nothing about overwriting it."""
    from socinv_docs.render.register import RegisterError, read_group_values

    try:
        return read_group_values(register)
    except RegisterError as exc:
        if exc.key == "ui.register.not_register":
            raise MemoError("memo.register_not_register", lang, path=str(register),
                            sheet=exc.params.get("sheet", "")) from None
        raise MemoError("memo.register_unreadable", lang, path=str(register),
                        error=exc.params.get("error", exc.key)) from None
    except OSError as exc:
        raise MemoError("memo.register_unreadable", lang, path=str(register),
                        error=exc.strerror or type(exc).__name__) from None


def write_memos(run: RunReport, schemas: SchemaSet, fmt: str, output: Path, *, split: Path | None = None,
                template: Path | None = None, assessments: dict | None = None, meeting: str | None = None,
                lang: str = "sv") -> list[Path]:
    """The meeting's memo at `output` and, with `split`, one memo per submission in that
    folder for the diarium (named after the submission). Returns the files written."""
    from socinv_docs.atomic import is_tool_output

    context = memo_context(run, schemas, assessments=assessments, meeting=meeting, lang=lang)
    jobs = [(context, output)]
    if split is not None:
        names = split_names(context["submissions"], fmt, lang)
        for sub, name in zip(context["submissions"], names):
            target = split / name
            # Our own memo from an earlier run is replaced; anybody else's file never is.
            if target.exists() and not is_tool_output(target):
                raise MemoError("memo.split_exists", lang, path=str(target))
            jobs.append((single_context(context, sub, lang), target))
    return render_all(jobs, fmt, template, lang, directories=(split,) if split is not None else ())


def render(context: dict, fmt: str, target: Path, template: Path | None = None, lang: str = "sv") -> Path:
    return render_all([(context, target)], fmt, template, lang)[0]


def export_templates(directory: Path) -> list[Path]:
    """Copy the default templates out for a secretary to edit (never overwriting).

    All or nothing: when one cannot be written (a full disk, Ctrl-C), the templates this
    export wrote and the folders it made are removed again, and the OSError names the
    template being written, never the source inside the installed package. Files that were
    there before are left as they were."""
    from socinv_docs.atomic import copy_file

    made = [d for d in (directory, *directory.parents) if not d.exists()]  # innermost first
    written: list[Path] = []
    target = directory
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for names in DEFAULT_TEMPLATES.values():
            for name in names.values():
                target = directory / name
                if target.exists():
                    continue
                copy_file(templates_dir() / name, target)  # a full disk leaves no half template
                written.append(target)
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in made:
            try:
                folder.rmdir()  # only if still empty: never what someone else put there meanwhile
            except OSError:
                break
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(target)) from None
        raise
    return written
