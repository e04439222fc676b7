"""Review memos (beredningsunderlag) and the meeting summary, from editable templates.

The context handed to a template is plain data built from the RunReport and the
beredningsgrupp's register (Excel-in): strings already formatted the Swedish way, lists
of dicts. Templates are the secretary's: `templates/` holds the defaults, `socinv
templates export DIR` copies them out, `--template` uses an edited one.

Safety: every template runs in Jinja's sandbox with strict undefined variables; applicant
text is only ever a value, never template source, and is escaped for the output format
(XML in Word by docxtpl's autoescape, HTML entities in HTML, Markdown/HTML specials in
Markdown). A template error is reported with the template's name, line and variable.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from socinv_docs import messages, summary
from socinv_docs.codes import Severity
from socinv_docs.fmt import kronor, number
from socinv_docs.model import SectionState
from socinv_docs.render.text import economics_lines
from socinv_docs.report import DocumentReport, RunReport, Status, SubmissionReport
from socinv_docs.schema import SchemaSet
from socinv_docs.summary import applicants, main_document, parties

FORMATS = ("docx", "html", "md")
DEFAULT_TEMPLATES = {"docx": "memo.docx", "html": "memo.html.j2", "md": "memo.md.j2"}


class MemoError(Exception):
    """A template that cannot be rendered; the message names template, line and variable."""


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates")


# -- context ------------------------------------------------------------------------------

def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


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


def _findings(sub: SubmissionReport, lang: str) -> list[dict]:
    rows = []
    document_word = _t("loc.document", lang)
    for f, file in [(f, "") for f in sub.findings] + [(f, d.file) for d in sub.documents for f in d.findings]:
        location = f.location_in(lang)
        location = "" if location == document_word else location
        where = ": ".join(p for p in (Path(file).name if file else "", location) if p)
        rows.append({
            "code": f.code.value,
            "severity": _t(f"register.severity.{f.severity.value}", lang),
            "is_error": f.severity is Severity.ERROR,
            "message": f.message_in(lang),
            "hint": f.hint_in(lang),
            "location": location,
            "file": Path(file).name if file else "",
            "where": where,
        })
    return rows


def _economics(econ: dict | None, lang: str) -> dict | None:
    """The economics block with every figure formatted, and one row per nämnd."""
    if not econ:
        return None
    payback = ""
    if econ.get("payback_years_after_end"):
        payback = _t("memo.payback", lang, years=econ["payback_years_after_end"], year=econ.get("payback_year") or "–")
    elif econ.get("cost"):
        payback = _t("memo.no_payback", lang, horizon=econ["horizon_years"])
    return {
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
             "state": _t(f"ui.state.{doc.document.sections[s.id].state.value}", lang)}
            for s in kind.sections if s.id in doc.document.sections]


def submission_context(sub: SubmissionReport, schemas: SchemaSet, assessment: dict[str, str] | None,
                       lang: str) -> dict:
    main = main_document(sub)
    facts = summary.facts(main)
    period = facts.period
    amount = summary.amount([main]) if main is not None else None
    econ = main.economics if main is not None else None
    errors = sum(1 for f in sub.all_findings if f.severity is Severity.ERROR)
    warnings = len(sub.all_findings) - errors
    assessment = dict(assessment or {})
    kind_titles = [schemas.kinds[d.kind].title for d in sub.documents if d.kind in schemas.kinds]
    return {
        "name": sub.submission,
        "title": facts.title or Path(sub.submission).stem,
        "kind": main.kind if main else None,
        "kinds": ", ".join(kind_titles) or _t("ui.unknown_kind", lang),
        "files": [Path(d.file).name for d in sub.documents],
        "status": sub.status.value,
        "status_text": _t(f"register.status.{sub.status.value}", lang),
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


def memo_context(run: RunReport, schemas: SchemaSet, *, assessments: dict[str, dict[str, str]] | None = None,
                 meeting: str | None = None, lang: str = "sv", today: dt.date | None = None) -> dict:
    assessments = assessments or {}
    subs = [submission_context(s, schemas, assessments.get(s.submission), lang) for s in run.submissions]
    amounts = [s["amount_value"] for s in subs if s["amount_value"] is not None]
    counts = {status.value: sum(1 for s in subs if s["status"] == status.value) for status in Status}
    return {
        "meeting": meeting or "",
        "generated": (today or dt.date.today()).isoformat(),
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


# -- rendering ----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def _md_escape(value: object) -> str:
    text = str(value)
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(lambda m: "&lt;" if m.group(1) == "<" else "&gt;" if m.group(1) == ">"
                           else "\\" + m.group(1), text)


def _environment(fmt: str, loader_dir: Path | None = None) -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader

    env = SandboxedEnvironment(
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


def _where(exc: BaseException, template: Path) -> str:
    """'memo.html.j2, rad 12' from the traceback frames Jinja rewrites to template lines."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (str(template), template.name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{template.name}:{line}" if line else template.name


def _template_error(exc: BaseException, template: Path, lang: str) -> MemoError:
    if not isinstance(exc, UndefinedError):
        return MemoError(_t("memo.template_syntax", lang, where=_where(exc, template), detail=str(exc)))
    m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
    variable = (m.group(1) or m.group(2)) if m else str(exc)
    return MemoError(_t("memo.template_error", lang, where=_where(exc, template), variable=variable))


def render_text(context: dict, template: Path, fmt: str, lang: str = "sv") -> str:
    env = _environment(fmt, template.parent)
    try:
        return env.get_template(template.name).render(**context)
    except (TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise _template_error(exc, template, lang) from None


def render_docx(context: dict, template: Path, target: Path, lang: str = "sv") -> None:
    from docxtpl import DocxTemplate

    from socinv_docs.atomic import TOOL_CREATOR, write_with

    env = _environment("docx")
    try:
        tpl = DocxTemplate(str(template))
        tpl.render(context, jinja_env=env, autoescape=True)
    except (TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _template_error(exc, template, lang) from None
    props = tpl.docx.core_properties
    props.author = TOOL_CREATOR  # so that `validate` never takes a memo for a submission
    props.title = context["meeting"] or props.title
    write_with(target, lambda tmp: tpl.save(str(tmp)))


def render(context: dict, fmt: str, target: Path, template: Path | None = None, lang: str = "sv") -> Path:
    from socinv_docs.atomic import write_text

    template = template or templates_dir() / DEFAULT_TEMPLATES[fmt]
    if fmt == "docx":
        render_docx(context, template, target, lang)
    else:
        write_text(target, _marked(render_text(context, template, fmt, lang)))
    return target


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


def export_templates(directory: Path) -> list[Path]:
    """Copy the default templates out for a secretary to edit (never overwriting)."""
    from socinv_docs.atomic import copy_file

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DEFAULT_TEMPLATES.values():
        target = directory / name
        if target.exists():
            continue
        copy_file(templates_dir() / name, target)  # a full disk leaves no half template
        written.append(target)
    return written
