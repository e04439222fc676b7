"""What a received report leads to (SPEC §9, issue 20: the memo per report), and the money it
rests on: the report's Ekonomi against the plan, per calendar year and kostnadsslag.

Decided once per report by the follow-up run (followup.py, after the schedule is matched),
in the order the reports were due, so that each report pays only what the earlier ones did
not: `reviews` gives every report of a satsning its `ReportReview` (followup_report.py),
which the memo, the JSON and any later output show as they are — none decides again.
"""

from __future__ import annotations

from dataclasses import replace

from socinv_docs.codes import Severity
from socinv_docs.extract.text import fold
from socinv_docs.followup_report import (
    CostLine,
    Decision,
    ExpectedRow,
    Proposal,
    ReportReview,
    SatsningFollowup,
    YearPayment,
)
from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.render.followup.sheets.rapporter import decision_typed, row_key
from socinv_docs.report import DocumentReport, Status
from socinv_docs.roles import report_cost_rows
from socinv_docs.rules.against_plan import report_costs
from socinv_docs.schema import SchemaSet


def propose(doc: DocumentReport, schemas: SchemaSet, report: ExpectedReport | None, paid: dict[int, int],
            typed: str = "") -> Proposal:
    """The proposed decision on a received report. The rule, in this order:

    1. **Underlag för avbrytandeprövning** when the report answers Nej to one of the
       förutsättningar för att nå önskat resultat (its criteria table: reellt behov, nya
       arbetssätt, bättre utfall för målgruppen, kostnadsreduceringar, mätbara effekter).
       Seed 000, "Kriterier för att avbryta": "Bedömer utvärderingsteamet att satsningen inte
       löper enligt plan och inte uppfyller dessa förutsättningar … tar projektägaren ställning
       till om satsningen ska avbrytas." It comes first: whether to pay on a satsning that may
       be stopped is for that decision to weigh, not for a completeness check.
    2. **Komplettering begärs** when the report has an error (it is incomplete: a required
       section empty, the fund's costs not shown, the grant exceeded, a period not expected,
       no satsning found), or could not be read. `reasons` holds the errors' codes.
    3. **Godkänns** (nothing to pay) for a report whose kind has no Ekonomi table: the
       uppföljande utvärdering comes after the end, when nothing is paid any more.
    4. **Godkänns som underlag för utbetalning** otherwise, with the amount for the period.
       Money is paid "i efterskott utifrån förbrukning" at delår and årsbokslut (seed 000):
       the amount is, over the calendar years the report covers (a redovisning its year, the
       slutrapport every year of the satsning), the fund's utfall the report shows for each
       year (its varav fonden: the year's kostnadsslag rows, else its sum row) less what
       earlier reports of the same year were already proposed for payment on (`paid`: a
       Helår pays the year less its Delår 2), never below 0 for a year.

    `typed` is what the processledare wrote under Förslag till beslut on the sheet Rapporter:
    a decision it names (Utbetalning, Komplettering, Avbrytandeprövning, Godkänns, in either
    language) is the one in force, the tool's own kept beside it (`proposed`); other words
    are kept as typed and leave the tool's proposal in force.
    """
    kind = schemas.kinds.get(doc.kind) if doc.kind else None
    years = _years(doc, kind, report, paid)
    nej = tuple(c.id for c in doc.document.criteria.values() if c.answer is False) if doc.document else ()
    errors = tuple(dict.fromkeys(f.code.value for f in doc.findings if f.severity is Severity.ERROR))
    if nej:
        proposed, reasons = Decision.STOP_REVIEW, nej
    elif errors or doc.status is Status.UNREADABLE or doc.document is None:
        proposed, reasons = Decision.SUPPLEMENT, errors
    elif kind is None or kind.roles.report_costs is None:
        proposed, reasons = Decision.APPROVED, ()
    else:
        proposed, reasons = Decision.PAYMENT, ()
    decision = decision_typed(typed) or proposed
    amount = sum(y.due for y in years) if decision is Decision.PAYMENT and years else None
    return Proposal(decision=decision, proposed=proposed, amount=amount, years=years, reasons=reasons,
                    typed=" ".join(typed.split()))


def _years(doc: DocumentReport, kind, report: ExpectedReport | None, paid: dict[int, int]) -> tuple[YearPayment, ...]:
    """The fund's utfall per calendar year the report covers, and what was paid on it before."""
    if report is None or kind is None or kind.roles.report_costs is None or doc.document is None:
        return ()
    shown = report_costs(doc.document, kind).years
    return tuple(YearPayment(year, shown[year].amount("fund") if year in shown else None, paid.get(year, 0))
                 for year in range(report.covers_from.year, report.covers_to.year + 1))


def reviews(s: SatsningFollowup, schemas: SchemaSet, typed: dict[str, dict]) -> list[ReportReview]:
    """Every report linked to the satsning, reviewed: those that came in for an expected
    report in the order they were due (each paying what the earlier ones did not), then the
    rest (a period not expected, a second copy, no satsning found), which pay nothing.
    `typed`: Rapporter's row key -> what the processledare typed on the row."""
    plan = s.plan
    paid: dict[int, int] = {}
    out: list[ReportReview] = []
    matched: set[str] = set()
    rows: list[ExpectedRow] = sorted((r for r in s.expected if r.received is not None), key=lambda r: r.report.due)
    for row in rows:
        doc = row.received
        said = str(typed.get(row_key(s.satsning, row.report), {}).get("forslag") or "")
        proposal = propose(doc, schemas, row.report, paid, said)
        if proposal.decision is Decision.PAYMENT:
            for y in proposal.years:
                paid[y.year] = max(paid.get(y.year, 0), y.fund or 0)
        out.append(ReportReview(doc.file, row.report.key, tuple(cost_lines(plan, [doc], schemas)), proposal))
        matched.add(doc.file)
    for doc in s.reports:
        if doc.file not in matched:
            costs = tuple(cost_lines(plan, [doc], schemas)) if plan is not None else ()
            out.append(ReportReview(doc.file, None, costs, propose(doc, schemas, None, paid)))
    return out


# -- plan against utfall --------------------------------------------------------------------------


def cost_lines(plan: Plan, received: list[DocumentReport], schemas: SchemaSet) -> list[CostLine]:
    """Plan against utfall per calendar year and component: the plan's budget lines, with
    each year's utfall from the latest report that shows it (`received` in due order; one
    report: that report's own). A report shows a year when it gives an utfall, a part of the
    fund or a forecast for it: a pre-filled report lists every year of the plan with its
    budget, and the years it leaves blank replace nothing."""
    reported: dict[int, tuple[str, list]] = {}
    for doc in received:  # by due date: a later report's year replaces an earlier one's
        kind = schemas.kinds.get(doc.kind)
        rows = [r for r in report_cost_rows(doc.document, kind) if r.year is not None and not r.is_total
                and not r.is_year_total] if kind is not None and doc.document is not None else []
        for year in {r.year for r in rows}:
            of_year = [r for r in rows if r.year == year]
            if any(value is not None for r in of_year for value in (r.actual, r.fund, r.forecast)):
                reported[year] = (doc.file, of_year)
    labels = {fold(line.label): line.component for line in plan.budget}
    lines: dict[tuple[int, str], CostLine] = {
        (b.calendar_year, b.component): CostLine(b.calendar_year, b.component, b.label, b.amount) for b in plan.budget}
    for year, (file, rows) in reported.items():
        for r in rows:
            component = labels.get(fold(r.component), "")
            key = (year, component or r.component)
            before = lines.get(key, CostLine(year, component, r.component, None))
            lines[key] = replace(before, actual=_add(before.actual, r.actual), fund=_add(before.fund, r.fund),
                                 forecast=_add(before.forecast, r.forecast), source=file)
    return [lines[k] for k in sorted(lines, key=lambda k: (k[0], k[1] not in {b.component for b in plan.budget}))]


def _add(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else a + b
