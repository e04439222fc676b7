"""The memo's data: plain values for the templates, made from the RunReport and the
beredningsgrupp's register (Excel-in): strings already formatted for the reader, lists of
dicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from socinv_docs import messages, summary
from socinv_docs.codes import Severity
from socinv_docs.fmt import kronor, number
from socinv_docs.model import SectionState
from socinv_docs.render.memo.errors import MemoError
from socinv_docs.render.register import RegisterError, read_group_values
from socinv_docs.render.text import economics_outline, share_lines
from socinv_docs.report import DocumentReport, RunReport, Status, SubmissionReport, shown_section_state
from socinv_docs.schema import SchemaSet
from socinv_docs.summary import applicants, main_document, main_first, parties


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def kind_label(kind: str | None, schemas: SchemaSet, lang: str) -> str:
    """What a document is, by the kind's short name: Idéprövning, Förslag på insats, Ansökan."""
    spec = schemas.kinds.get(kind) if kind else None
    return spec.name_in(lang) if spec else _t("ui.unknown_kind", lang)


def _applicant(doc: DocumentReport | None) -> str:
    """Who applies (the förvaltning, the projektägare, the huvudsökande), else the parties."""
    return summary.facts(doc).applicant or ("; ".join(applicants([doc])) if doc is not None else "")


def criteria_rows(doc: DocumentReport | None, schemas: SchemaSet, lang: str) -> list[dict]:
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


def finding_rows(sub: SubmissionReport, lang: str) -> list[dict]:
    rows = []
    several = len(sub.documents) > 1  # only then does 'where' need the file's name
    for f, file in [(f, "") for f in sub.findings] + [(f, d.file) for d in sub.documents for f in d.findings]:
        message, hint, location = _finding_texts(f, lang)
        location = "" if f.where.whole_document else location  # "the document" says nothing in a memo
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


def _economics(docs: list[DocumentReport], lang: str) -> tuple[dict | None, list[str]]:
    """The economics with every figure formatted and one row per party, and the lines the
    text report shows: the one place the memo reads the economics (of the first document
    that has them, main document first, as the register does: Gävleborg's cost and savings
    are in its Bilaga 2–3, not the ansökan)."""
    econ = summary.economics_of(docs)
    if econ is None:
        return None, []
    payback = "–"  # no savings table (Gävleborg): nothing to say it was, or was not, paid back
    if econ.has_savings and econ.payback_years_after_end:
        payback = _t("memo.payback", lang, years=econ.payback_years_after_end, year=econ.payback_year or "–")
    elif econ.has_savings and econ.cost:
        payback = _t("memo.no_payback", lang, horizon=econ.horizon_years)
    block = {
        "has_savings": econ.has_savings,
        "shares": share_lines(econ, lang),  # the funder's shares, where the template has co-financing
        "cost": kronor(econ.cost),
        "requested": kronor(econ.requested),
        "savings": kronor(econ.savings_total),
        "horizon": econ.horizon_years,
        "ratio": number(econ.ratio, lang=lang) if econ.ratio is not None else "–",
        "payback": payback,
        "present_value": kronor(econ.present_value.savings) if econ.present_value and econ.present_value.savings
        else "",
        # What the rows' parties are, in the funder's words ("Nämnd"): the rows' header.
        "party_label": econ.party_label.get(lang) if econ.party_label is not None else "",
        "rows": [{"namnd": r.party, "per_year": kronor(r.per_year), "years": number(r.counted_years, lang=lang),
                  "total": kronor(r.total)} for r in econ.savings_per_party],
    }
    return block, [text for line in economics_outline(econ, lang) for text in (line.text, *line.items)]


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
    economics, economics_text = _economics(docs, lang)
    errors = sum(1 for f in sub.all_findings if f.severity is Severity.ERROR)
    warnings = len(sub.all_findings) - errors
    assessment = dict(assessment or {})
    files = [Path(d.file).name for d in sub.documents]
    return {
        "name": sub.submission,
        "title": facts.title or Path(sub.submission).stem,
        "kind": first.kind if first else None,
        "kind_label": kind_label(first.kind if first else None, schemas, lang),
        "kinds": ", ".join(kind_label(d.kind, schemas, lang) for d in main_first(sub)) or _t("ui.unknown_kind", lang),
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
        # The fund's track, as the funder calls it, where the fund has tracks (profile `tracks`).
        "track": summary.track(docs, schemas),
        "economics": economics,
        "economics_lines": economics_text,
        "criteria": criteria_rows(main, schemas, lang),
        "sections": _sections(main, schemas, lang),
        "findings": finding_rows(sub, lang),
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


def read_assessments(register: Path, lang: str = "sv") -> dict[str, dict]:
    """The group's columns from the register (Excel-in). A register that cannot be read is
    the memo's own error: memo only reads the register, so nothing about overwriting it."""
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
