"""The memo per received report (SPEC §9, issue 20): the template's data for one report of a
satsning — the satsning, the report, its Ekonomi against the plan per calendar year and
kostnadsslag (and how the plan's project years became calendar years), its förutsättningar,
its findings, and the proposed decision with the amount for the period. Plain values: strings
already formatted for the reader, lists of dicts, as the beredningsunderlag's context.

The decision is not made here: it is the run's (proposal.propose, on `ReportReview`); this
module only says it in words.
"""

from __future__ import annotations

from pathlib import Path

from socinv_docs import messages, roles
from socinv_docs.fmt import kronor, percent
from socinv_docs.followup_report import CostLine, Decision, ExpectedRow, ReportReview, SatsningFollowup
from socinv_docs.plan import Plan
from socinv_docs.render.followup.sheets import ekonomi, rapporter, satsningar
from socinv_docs.render.memo.context import criteria_rows, finding_rows, kind_label
from socinv_docs.report import DocumentReport, SubmissionReport
from socinv_docs.roles import value_of
from socinv_docs.rules.against_plan import match_rows, months_done, months_in, planned_measures
from socinv_docs.schema import SchemaSet


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def _kr(amount: int | None) -> str:
    return kronor(amount) if amount is not None else ""


def satsning_facts(s: SatsningFollowup, lang: str) -> dict:
    """What the memo says about the satsning a report belongs to."""
    plan = s.plan
    beslut = s.beslut
    return {
        "name": s.satsning,
        "title": plan.title if plan else s.satsning,
        "dnr": (beslut.diarienummer or (plan.dnr if plan else "")),
        "owner": plan.projektagare if plan else "",
        "period": satsningar.period_text(s, lang),
        "granted": _kr(beslut.beviljat_belopp),
        "decided_on": beslut.beslutsdatum.isoformat() if beslut.beslutsdatum else "",
        "plan_version": plan.version if plan else None,
        "frozen_on": plan.frozen_on.isoformat() if plan else "",
    }


def shown_lines(lines: tuple[CostLine, ...] | list[CostLine], row: ExpectedRow | None) -> list[CostLine]:
    """The lines a report's memo shows: the calendar years its period covers, and any other
    year it gives money for (a forecast of a later year); a report no expected report matched:
    every line. A Helår 2026 memo is not about the plan of 2029."""
    if row is None:
        return list(lines)
    first, last = row.report.covers_from.year, row.report.covers_to.year
    return [line for line in lines if first <= line.year <= last
            or any(v is not None for v in (line.actual, line.fund, line.forecast))]


def compared_plan(line: CostLine, plan: Plan | None, row: ExpectedRow | None) -> tuple[int | None, int, int]:
    """What a line's utfall is held against, and of how many months of its year: the plan's
    whole year (months 0, 0), or for the year a report ends in the middle of (delår 2) and
    gives no prognos for, the plan's part for the whole months passed of the year's months
    within the satsning, as COST_COMPONENT_DEVIATION weighs it (rules/cost_components.py)."""
    if line.plan is None or plan is None or row is None or line.forecast is not None:
        return line.plan, 0, 0
    end = row.report.covers_to
    if line.year != end.year or (plan.period_end is not None and end >= plan.period_end):
        return line.plan, 0, 0
    done = months_done(end)
    months = months_in(line.year, plan.period_start, plan.period_end)
    passed = months_in(line.year, plan.period_start, min(done, plan.period_end or done))
    if not months or passed >= months:
        return line.plan, 0, 0
    return round(line.plan * passed / months), passed, months


def cost_rows(lines: tuple[CostLine, ...] | list[CostLine], lang: str, plan: Plan | None = None,
              row: ExpectedRow | None = None) -> tuple[list[dict], dict, list[str]]:
    """Plan against utfall per calendar year and kostnadsslag, the totals row, and the notes on
    years compared with a part of their plan: amounts in kronor, the deviation (utfall and
    prognos against the plan, or against its part for the months passed) in kronor and per cent."""
    rows = []
    lines = shown_lines(lines, row)
    notes: dict[int, str] = {}
    deviations: list[int] = []
    compared_total = 0
    for line in lines:
        label = line.label if line.component else ekonomi.SHEET.text("followup.eko.not_in_plan", lang,
                                                                     label=line.label)
        against, passed, months = compared_plan(line, plan, row)
        projected = line.projected
        deviation = None if projected is None or against is None else projected - against
        if deviation is not None:
            deviations.append(deviation)
            compared_total += against or 0
        if months and line.year not in notes:
            notes[line.year] = _t("memo.fu.costs.months_share", lang, year=line.year, passed=passed, months=months,
                                  end=row.report.covers_to.isoformat())
        rows.append({"year": line.year, "component": label, "plan": _kr(line.plan), "actual": _kr(line.actual),
                     "fund": _kr(line.fund), "forecast": _kr(line.forecast), "deviation": _signed(deviation),
                     "deviation_share": _share(deviation / against if deviation is not None and against else None,
                                               lang),
                     "over": (deviation or 0) > 0, "plan_value": line.plan, "actual_value": line.actual,
                     "fund_value": line.fund, "deviation_value": deviation})

    def total(attr: str) -> int | None:
        values = [getattr(line, attr) for line in lines if getattr(line, attr) is not None]
        return sum(values) if values else None

    plan_total = total("plan")
    deviation = sum(deviations) if deviations else None
    totals = {"plan": _kr(plan_total), "actual": _kr(total("actual")), "fund": _kr(total("fund")),
              "forecast": _kr(total("forecast")), "deviation": _signed(deviation),
              "deviation_share": _share(deviation / compared_total if deviation is not None and compared_total
                                        else None, lang),
              "plan_value": plan_total, "actual_value": total("actual"), "fund_value": total("fund")}
    return rows, totals, list(notes.values())


def _signed(amount: int | None) -> str:
    if amount is None:
        return ""
    return ("+" if amount > 0 else "−" if amount < 0 else "") + kronor(abs(amount))


def _share(share: float | None, lang: str) -> str:
    if share is None:
        return ""
    return ("+" if share > 0 else "−" if share < 0 else "") + percent(abs(share), lang)


def conversion_rows(plan: Plan | None, lang: str) -> list[dict]:
    """How each project year of the approved budget became calendar years (År 1 → 2026: 4
    mån, 2027: 8 mån): shown, never hidden (SPEC §9)."""
    if plan is None:
        return []
    return [{"project_year": conv.project_year, "start": conv.start.isoformat(), "end": conv.end.isoformat(),
             "years": ", ".join(_t("memo.fu.conversion.share", lang, year=year, months=round(share * 12))
                                for year, share in conv.shares)}
            for conv in plan.conversion]


def proposal_words(review: ReportReview, doc: DocumentReport, schemas: SchemaSet, lang: str) -> dict:
    """The proposed decision said: what it is, the amount, and why (the sums per year, the
    errors' codes, the förutsättningar answered Nej), and the processledare's overruling."""
    p = review.proposal
    if p.decision is Decision.PAYMENT:
        why = [_t("memo.fu.why.payment", lang),
               *(_t("memo.fu.why.year", lang, year=y.year, fund=y.fund, paid=y.paid_before, due=y.due)
                 if y.fund is not None else _t("memo.fu.why.year_not_shown", lang, year=y.year) for y in p.years)]
    elif p.decision is Decision.STOP_REVIEW:
        texts = {c["id"]: c["text"] for c in criteria_rows(doc, schemas, lang)}
        why = [_t("memo.fu.why.stop_review", lang, criteria=[texts.get(r, r) for r in p.reasons])]
    elif p.decision is Decision.SUPPLEMENT:
        why = [_t("memo.fu.why.supplement", lang, codes=list(p.reasons) or ["–"])]
    else:
        why = [_t("memo.fu.why.approved", lang)]
    if p.overruled:  # the tool's reasons were for its own proposal
        why = [_t("memo.fu.overruled", lang, typed=p.typed,
                  proposed=_t(f"memo.fu.decision.{p.proposed.value}", lang))]
    elif p.typed:
        why.append(_t("memo.fu.typed", lang, typed=p.typed))
    return {
        "decision": p.decision.value,
        "text": _t(f"memo.fu.decision.{p.decision.value}", lang),
        "payment": p.decision is Decision.PAYMENT,
        "amount": _kr(p.amount),
        "amount_value": p.amount,
        "proposed": p.proposed.value,
        "proposed_text": _t(f"memo.fu.decision.{p.proposed.value}", lang),
        "overruled": p.overruled,
        "typed": p.typed,
        "why": why,
    }


def measure_rows(plan: Plan | None, doc: DocumentReport, schemas: SchemaSet) -> list[dict]:
    """Each measure of the plan with what the report says of it (matched as MEASURE_NOT_REPORTED
    matches them): the goal, the measure, the plan's basmätning (målvärde, tidpunkt where the
    funder's schema has them), the report's utfall and comment; "" where the report has no row."""
    kind = schemas.kinds.get(doc.kind) if doc.kind else None
    if plan is None or kind is None or doc.document is None or kind.roles.measures is None:
        return []
    rows, before = [], None
    for goal, measure, row in planned_measures(plan, doc.document, kind):
        rows.append({"goal": goal.text if goal is not before else "", "goal_text": goal.text, "measure": measure.name,
                     "baseline": measure.basmatning, "target": measure.malvarde or "", "due": measure.tidpunkt or "",
                     "actual": row.actual if row else "", "comment": row.comment if row else "",
                     "reported": row is not None})
        before = goal  # a goal is written once, on its first measure's row
    return rows


def activity_rows(plan: Plan | None, doc: DocumentReport, schemas: SchemaSet) -> list[dict]:
    """Each activity of the plan with whether the report says it was carried out, as written."""
    kind = schemas.kinds.get(doc.kind) if doc.kind else None
    if plan is None or kind is None or doc.document is None or kind.roles.activities is None:
        return []
    planned = plan.planned_activities()
    rows = roles.activity_rows(doc.document, kind)
    found = match_rows(planned, [r.activity for r in rows])
    return [{"activity": name, "done": rows[found[i]].done_raw if i in found else "",
             "comment": rows[found[i]].comment if i in found else "", "reported": i in found}
            for i, name in enumerate(planned)]


def _report_name(row: ExpectedRow | None, doc: DocumentReport, schemas: SchemaSet, lang: str) -> str:
    """"Redovisning Helår 2026", "Slutrapport"; a report no expected report matched: its kind's
    name and the period it gives itself."""
    if row is not None:
        kind = row.kind_name.get(lang) or row.kind_name.get("sv", "")
        return f"{kind} {row.label.get(lang) or row.label.get('sv', '')}".strip() if row.report.period else kind
    name = kind_label(doc.kind, schemas, lang)
    kind = schemas.kinds.get(doc.kind) if doc.kind else None
    period = value_of(doc.document, kind.roles.report_period) if kind is not None and doc.document else None
    raw = period.get("raw") if isinstance(period, dict) else ""
    return f"{name} {raw}".strip() if raw else name


def report_context(s: SatsningFollowup, review: ReportReview, schemas: SchemaSet, lang: str) -> dict:
    """One report's memo."""
    doc = next(d for d in s.reports if d.file == review.file)
    row = next((r for r in s.expected if r.report.key == review.expected and r.received is doc), None)
    name = _report_name(row, doc, schemas, lang)
    costs, totals, cost_notes = cost_rows(review.costs, lang, s.plan, row)
    measures = measure_rows(s.plan, doc, schemas)
    status = (rapporter.status_words(lang)[row.status.state.value] if row is not None
              else messages.text(f"register.status.{doc.status.value}", lang))
    return {
        "title": f"{name} – {s.plan.title if s.plan else s.satsning}",
        "satsning": satsning_facts(s, lang),
        "report": {
            "name": name,
            "kind": doc.kind,
            "kind_label": kind_label(doc.kind, schemas, lang),
            "file": Path(doc.file).name,
            "path": doc.file,
            "covers": f"{row.report.covers_from.isoformat()} – {row.report.covers_to.isoformat()}" if row else "",
            "due": row.report.due.isoformat() if row else "",
            "received_on": row.received_on.isoformat() if row and row.received_on else "",
            "status": row.status.state.value if row else doc.status.value,
            "status_text": status,
            "errors": doc.errors,
            "warnings": doc.warnings,
            "counts": messages.counts(doc.errors, doc.warnings, lang),
        },
        "proposal": proposal_words(review, doc, schemas, lang),
        "costs": costs,
        "costs_total": totals,
        "costs_notes": cost_notes,
        "measures": measures,
        "measures_targets": any(m["target"] or m["due"] for m in measures),
        "activities": activity_rows(s.plan, doc, schemas),
        "conversion": conversion_rows(s.plan, lang),
        "criteria": criteria_rows(doc, schemas, lang),
        "findings": finding_rows(SubmissionReport(submission=doc.file, documents=[doc]), lang),
    }
