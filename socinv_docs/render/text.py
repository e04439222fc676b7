"""The text report a person reads at a glance: status, sections, then each problem with
where it is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from socinv_docs import messages, summary
from socinv_docs.codes import Severity
from socinv_docs.figures import Economics
from socinv_docs.messages import msg
from socinv_docs.model import SectionState
from socinv_docs.report import (
    UNANSWERED,
    DocumentReport,
    Finding,
    SubmissionReport,
    count,
    in_document_order,
    missing_attachments,
    shown_section_state,
    shown_status_of,
)
from socinv_docs.schema import SchemaSet

_MARK = {
    SectionState.OK.value: "✓",
    SectionState.MISSING.value: "✗",
    SectionState.EMPTY.value: "✗",
    SectionState.PLACEHOLDER.value: "✗",
    SectionState.TOO_SHORT.value: "!",
    UNANSWERED: "–",  # an optional section left unanswered: no problem
}


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def file_notes(report: DocumentReport, lang: str = "sv") -> list[str]:
    """What the reader should know about the file itself, beside the findings: how it was
    read (converted), that it is our own annotated copy, the plan it carries and was compared
    with (or why the one it carries is not used). Words for the report's data
    (DocumentReport.converted, .annotated_copy, .plan, .plan_note), made here where reports
    are rendered."""
    notes = [_t(f"ui.converted.{report.converted}", lang)] if report.converted else []
    if report.annotated_copy:
        notes.append(_t("ui.annotated_copy", lang))
    plan = report.plan
    if plan is not None and plan is report.carried_plan:
        notes.append(_t("ui.plan.carried", lang, title=plan.title, version=plan.version,
                        frozen_on=plan.frozen_on.isoformat()))
        if plan.conversion:
            notes.append(conversion_text(plan, lang))
    if report.plan_note is not None:
        notes.append(_t("ui.plan.carried_ignored", lang, reason_key=report.plan_note["key"],
                        **report.plan_note.get("params", {})))
    return notes


def conversion_text(plan, lang: str = "sv") -> str:
    """How the plan's project years became calendar years (Plan.conversion), in one line:
    shown, never hidden (SPEC §9)."""
    years = "; ".join(_t("ui.plan.conversion_year", lang, k=c.project_year, start=c.start.isoformat(),
                         end=c.end.isoformat(), parts=[msg("ui.plan.conversion_part", year=year,
                                                           months=round(share * 12)) for year, share in c.shares])
                      for c in plan.conversion)
    return _t("ui.plan.conversion", lang, years=years)


def _finding_lines(f: Finding, lang: str) -> list[str]:
    label = _t(f"ui.severity.{f.severity.value}", lang)
    lines = [f"  {label:<8} {f.message_in(lang)}"]
    location = f.location_in(lang)
    if location:
        lines.append(f"           {location}  [{f.code.value}]")
    else:
        lines.append(f"           [{f.code.value}]")
    hint = f.hint_in(lang)
    if hint:
        lines.append(f"           → {hint}")
    return lines


def document_text(report: DocumentReport, schemas: SchemaSet, lang: str = "sv",
                  extra: list[Finding] | None = None) -> str:
    findings = [*(extra or []), *report.findings]
    errors, warnings = count(findings, Severity.ERROR), count(findings, Severity.WARNING)
    status = shown_status_of(findings)
    kind = schemas.kinds.get(report.kind) if report.kind else None
    title = kind.title if kind else _t("ui.unknown_kind", lang)
    profile = f" ({report.profile})" if report.profile else ""
    out = [f"{report.file} — {title}{profile}: {_t(f'ui.status.{status.value}', lang)} "
           f"({messages.counts(errors, warnings, lang)})"]
    out.extend(_missing_attachments_line(missing_attachments(findings), lang))
    out.extend(file_notes(report, lang))
    out.extend(track_line(report, schemas, lang))
    doc = report.document
    if doc and doc.sections and kind:
        out.append("")
        out.append(_t("ui.sections", lang))
        width = max(len(s) for s in doc.sections)
        for spec in kind.sections:
            shown = shown_section_state(spec, doc.sections[spec.id].state)
            name = spec.short or spec.heading
            name = name if len(name) <= 60 else name[:59] + "…"
            out.append(f"  {_MARK[shown]} {spec.id:<{width}}  {name:<60}  {_t(f'ui.state.{shown}', lang)}")
    if report.economics:
        out.append("")
        out.append(_t("ui.economics", lang))
        for line in economics_outline(report.economics, lang):
            out.append(f"  {line.text}")
            out.extend(f"    {item}" for item in line.items)
    out.append("")
    if findings:
        out.append(_t("ui.findings", lang))
        for f in in_document_order(findings):
            out.extend(_finding_lines(f, lang))
    else:
        out.append(_t("ui.no_findings", lang))
    return "\n".join(out)


def track_line(report: DocumentReport, schemas: SchemaSet, lang: str) -> list[str]:
    """'Spår: Spår A – utveckling' (the form's own label for its track field), or nothing."""
    name = summary.track([report], schemas)
    if not name:
        return []
    kind = schemas.kinds[report.kind]
    label = next(f.label for f in kind.fields if f.id == kind.roles.track).rstrip(":")
    return [_t("ui.track", lang, label=label, name=name)]


@dataclass(frozen=True)
class EconomicsLine:
    """A line of the economics for people, with the lines that belong under it (each
    party's savings under the total): the text report indents them, the web page nests
    them, the memo lists them."""

    text: str
    items: tuple[str, ...] = ()


def share_lines(econ: Economics, lang: str) -> list[str]:
    """What the fund and the applicants pay, where the template has a budget with a fund
    column or co-financing (Region Gävleborg's Bilaga 2–3)."""
    shares, lines = econ.shares, []
    if shares is not None and shares.fund_share is not None:
        lines.append(_t("econ.fund_share", lang, requested=econ.requested, share=shares.fund_share))
    if shares is not None and shares.own_contribution is not None:
        key = "econ.own_share" if shares.own_words == "hours" else f"econ.own_share.{shares.own_words}"
        lines.append(_t(key, lang, own=shares.own_contribution, share=shares.own_share))
    return lines


def economics_outline(econ: Economics, lang: str) -> list[EconomicsLine]:
    """The economics as lines for people: the cost, what is sought and what the applicants
    put in where the template has a budget and co-financing, the savings (per party) and
    payback where it has a savings table."""
    lines = [EconomicsLine(_t("econ.cost", lang, cost=econ.cost, requested=econ.requested))]
    lines += [EconomicsLine(text) for text in share_lines(econ, lang)]
    if not econ.has_savings:
        return lines
    lines.append(EconomicsLine(
        _t("econ.savings", lang, horizon=econ.horizon_years, total=econ.savings_total),
        tuple(_t("econ.savings_row", lang, namnd=row.party, per_year=row.per_year, years=row.counted_years,
                 total=row.total) for row in econ.savings_per_party)))
    if econ.ratio is not None:
        lines.append(EconomicsLine(_t("econ.ratio", lang, ratio=econ.ratio)))
    if econ.payback_years_after_end:
        lines.append(EconomicsLine(_t("econ.payback" if econ.payback_year else "econ.payback_no_year", lang,
                                      years=econ.payback_years_after_end, year=econ.payback_year)))
    elif econ.cost:
        lines.append(EconomicsLine(_t("econ.no_payback", lang, horizon=econ.horizon_years)))
    if econ.present_value is not None:
        lines.append(EconomicsLine(_t("econ.present_value", lang, rate=econ.discount_rate * 100,
                                      pv=econ.present_value.savings, ratio=econ.present_value.ratio)))
    return lines


def _missing_attachments_line(missing: list[dict], lang: str) -> list[str]:
    """'Inte komplett förrän den skickas tillsammans med Utvärderingsschema.', or nothing."""
    return [_t("ui.missing_attachments", lang, attachments=[a["name"] for a in missing])] if missing else []


def submission_text(sub: SubmissionReport, schemas: SchemaSet, lang: str = "sv") -> str:
    head = (f"{_t('ui.submission', lang)} {sub.submission}: {_t(f'ui.status.{sub.shown_status.value}', lang)}")
    parts = [head, "=" * min(len(head), 78), *_missing_attachments_line(sub.missing_attachments, lang)]
    for f in sub.findings:
        parts.extend(_finding_lines(f, lang))
    for doc in sub.documents:
        parts.append("")
        parts.append(document_text(doc, schemas, lang))
    return "\n".join(parts)
