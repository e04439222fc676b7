"""COSTS_INCONSISTENT across a submission's documents (a submission rule).

What: the figures one document states agree with the budget, wherever the budget is: the
amount sought (role `amount`, in the ansökan) equals the budget's fund column in total (role
`budget.fund`, in a bilaga), and the budget's years fit the period (role `period`): no year
with costs outside it, and none of its years without a budget row.
Why: a funder whose budget is a bilaga of its own (Region Gävleborg's Bilaga 2) has the same
figure twice; the `costs` rule compares them within one document only. A period of two years
with a budget for three cannot both be right, whichever document each is in.
Example: ansökan "Sökta medel totalt 1 450 000 kr", Bilaga 2 Sökta medel Totalt 1 400 000 kr →
COSTS_INCONSISTENT (`params.variant` "documents"); period 2020-01-01 – 2021-12-31 with År 1–3
budgeted → COSTS_INCONSISTENT (`params.variant` "period").
Options: `amount`, `period` (true: compare them). Data-driven by roles, as `attachments` is by
kinds: the documents are found by what their kinds map, never by a template's ids. The words
are the `costs` rule's (COSTS_INCONSISTENT is its code).
"""

from __future__ import annotations

import math

from socinv_docs import economics, roles
from socinv_docs.codes import Code
from socinv_docs.extract.values import parse_budget_year, period_years
from socinv_docs.messages import RuleWords, msg
from socinv_docs.rules import costs
from socinv_docs.rules.base import Rule, RuleOptions

TOLERANCE = 1  # kronor, as the costs rule


class Options(RuleOptions):
    amount: bool = True
    period: bool = True


def check(documents, ctx):
    kinds = ctx.schemas.kinds
    mine = [d for d in documents if d.profile == ctx.profile.id and d.document is not None and d.kind in kinds]
    budgets = [d for d in mine if kinds[d.kind].roles.budget is not None]
    for budget_doc in budgets:
        if ctx.options.amount:
            for stated in mine:
                if stated is not budget_doc and kinds[stated.kind].roles.amount:
                    yield from _amount(stated, budget_doc, ctx)
        if ctx.options.period:
            for dated in mine:
                if kinds[dated.kind].roles.period:
                    yield from _period(dated, budget_doc, ctx)


def _name(report) -> str:
    return report.file.rsplit("/", 1)[-1]


def _amount(stated, budget_doc, ctx):
    """The amount one document seeks against the fund column of another's budget (within one
    document the `costs` rule compares them)."""
    kind, budget_kind = ctx.schemas.kinds[stated.kind], ctx.schemas.kinds[budget_doc.kind]
    role = budget_kind.roles.budget
    field = roles.field_of(stated.document, kind.roles.amount)
    sought = roles.amount(stated.document, kind)
    if not role.fund or sought is None or field is None:
        return
    total = economics.column_total(roles.budget_rows(budget_doc.document, budget_kind), role.fund)
    if total is None or abs(total - sought) <= TOLERANCE:
        return
    label = next(f.label for f in kind.fields if f.id == kind.roles.amount).rstrip(":")
    yield ctx.finding(Code.COSTS_INCONSISTENT, wording=costs.WORDS, field=field.id, where=field.location,
                      variant="documents", file=stated.file, other=budget_doc.file,
                      detail=msg("costs.documents", label=label, file=_name(stated), requested=sought,
                                 column=roles.column_label(budget_kind, role.table, role.fund),
                                 other=_name(budget_doc), total=total))


def _period(dated, budget_doc, ctx):
    """The budget's years against the period: calendar years ("2027") within the period's, project
    years ("År 3") as many as the period has (a part year counts as one)."""
    kind, budget_kind = ctx.schemas.kinds[dated.kind], ctx.schemas.kinds[budget_doc.kind]
    period = roles.period(dated.document, kind)
    role = budget_kind.roles.budget
    costed = [r for r in roles.budget_rows(budget_doc.document, budget_kind)
              if not r.is_total and economics.row_sum(r, role.components, role.total)]
    if period is None or not costed:
        return
    years = [parse_budget_year(r.label) for r in costed]
    field = roles.field_of(dated.document, kind.roles.period)
    common = {"wording": costs.WORDS, "field": field.id, "where": field.location, "variant": "period",
              "file": dated.file, "other": budget_doc.file}
    start, end = period["start"], period["end"]
    if all(calendar for _, calendar in years) and not any(project for project, _ in years):
        outside = [calendar for _, calendar in years if not int(start[:4]) <= calendar <= int(end[:4])]
        if outside:
            yield ctx.finding(Code.COSTS_INCONSISTENT, **common, detail=msg(
                "costs.period_calendar", years=outside, start=start, end=end, other=_name(budget_doc)))
    elif all(project for project, _ in years):
        budgeted, length = max(project for project, _ in years), math.ceil(period_years(period) - 1 / 24)
        if budgeted != length:
            yield ctx.finding(Code.COSTS_INCONSISTENT, **common, detail=msg(
                "costs.period_project", budgeted=budgeted, years=length, start=start, end=end,
                other=_name(budget_doc)))


WORDS = RuleWords(__name__, {})  # COSTS_INCONSISTENT and its details are the costs rule's words

RULE = Rule("consistency", (Code.COSTS_INCONSISTENT,), check, options=Options, scope="submission", words=WORDS)
