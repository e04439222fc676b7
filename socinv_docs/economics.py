"""The economics of a document: cost, what is sought from the fund and what the applicants
put in, savings within the horizon, ratio, payback, present value, and the budget by year and
component. Made once per document (`of`) from its typed table cells, read through its roles
(socinv_docs/roles.py), the way the funder counts (schema.EconomicsSpec), as the typed
`Economics` of figures.py that every output renders: the rules, the text and JSON reports,
the web page, the register, the memos (and, later, the follow-up stage's plan, which keeps
the budget and the savings).

Örebro's rule (seed 000, "Finansiering, effekthemtagning och implementering"): the
expected cost-saving effects must be at least as large as the cost, and they are counted
for at most ten years from the end of the satsning. The rule is undiscounted; a profile may
set a discount rate (or a stepped schedule), and then present values are shown and used.

Conventions (documented in README):
- cost = the budget's total row; without it the sum of the year rows; without a budget,
  the amount sought;
- sought = the amount role; without it the budget's fund column (total row or year sum);
- own contribution = the co-financing rows' money + the value of own work in kronor + hours ×
  the profile's hour rate;
- savings of a party = saving per year × min(years after the end, horizon);
- payback = the first year after the end in which cumulative savings reach the cost;
- present value discounts year t after the end by the product of (1 + r_k) for k ≤ t,
  i.e. values at the end of the satsning, when the cost has been spent.
"""

from __future__ import annotations

from socinv_docs import roles
from socinv_docs.extract.values import parse_budget_year
from socinv_docs.figures import Budget, BudgetLine, BudgetYear, Economics, PartySavings, PresentValue, Shares
from socinv_docs.model import Document
from socinv_docs.roles import CofinancingRow, CostRow, SavingsRow
from socinv_docs.schema import CommonSpec, EconomicsSpec, KindSpec, Names

# -- counting -------------------------------------------------------------------------------


def row_sum(row: CostRow, components: list[str], total: str | None) -> int | None:
    """The row's own total, or the sum of its components when the total is empty."""
    if total and row.amounts.get(total) is not None:
        return row.amounts[total]
    parts = [row.amounts.get(c) for c in components]
    return sum(p for p in parts if p is not None) if any(p is not None for p in parts) else None


def column_total(rows: list[CostRow], column: str) -> int | None:
    """A column's total: the total row's cell, else the sum of the year rows."""
    totals = [r.amounts.get(column) for r in rows if r.is_total and r.amounts.get(column) is not None]
    if totals:
        return totals[0]
    years = [r.amounts.get(column) for r in rows if not r.is_total and r.amounts.get(column) is not None]
    return sum(years) if years else None


def total_cost(rows: list[CostRow], components: list[str], total: str | None, requested: int | None) -> int | None:
    totals = [row_sum(r, components, total) for r in rows if r.is_total and row_sum(r, components, total) is not None]
    if totals:
        return totals[0]
    years = [row_sum(r, components, total) for r in rows if not r.is_total]
    years = [y for y in years if y is not None]
    if years:
        return sum(years)
    return requested


def counted_years(row: SavingsRow, horizon: int) -> float:
    return min(row.years or 0.0, float(horizon))


def counted_savings(rows: list[SavingsRow], horizon: int) -> int:
    return int(round(sum((r.per_year or 0) * counted_years(r, horizon) for r in rows)))


def yearly_savings(rows: list[SavingsRow], horizon: int) -> list[float]:
    """Savings in year 1..horizon after the end (a part year counts in proportion)."""
    out = []
    for year in range(1, horizon + 1):
        total = 0.0
        for r in rows:
            share = max(0.0, min(1.0, counted_years(r, horizon) - (year - 1)))
            total += (r.per_year or 0) * share
        out.append(total)
    return out


def payback_year(rows: list[SavingsRow], cost: int, horizon: int) -> int | None:
    cumulative = 0.0
    for year, saving in enumerate(yearly_savings(rows, horizon), start=1):
        cumulative += saving
        if cumulative >= cost - 0.5:
            return year
    return None


def present_value(rows: list[SavingsRow], spec: EconomicsSpec) -> int:
    factor, total = 1.0, 0.0
    for year, saving in enumerate(yearly_savings(rows, spec.horizon_years), start=1):
        factor *= 1 + spec.rate_for(year)
        total += saving / factor
    return int(round(total))


def own_contribution(rows: list[CofinancingRow], hour_rate: float | None) -> int | None:
    """Money, the value of own work in kronor, and hours at the funder's rate."""
    if not rows:
        return None
    money = sum((r.cash or 0) + (r.in_kind or 0) for r in rows)
    hours = sum(r.hours or 0 for r in rows)
    return int(round(money + hours * (hour_rate or 0)))


def contribution_parts(kind: KindSpec) -> tuple[str, ...]:
    """What the form's co-financing counts: money ("cash"), hours of work ("hours") and/or the
    value of own work in kronor ("in_kind"), for the words the outputs say it with."""
    role = kind.roles.cofinancing
    return tuple(part for part in ("cash", "hours", "in_kind") if role is not None and getattr(role, part))


# -- one document's economics ---------------------------------------------------------------


def of(doc: Document, kind: KindSpec, spec: EconomicsSpec, common: CommonSpec) -> Economics | None:
    """The economics of a document, counted the funder's way (None when there is nothing to
    count: no cost, no savings, no co-financing)."""
    budget = kind.roles.budget
    costs = roles.budget_rows(doc, kind)
    savings = roles.savings_rows(doc, kind)
    cofinancing = roles.cofinancing_rows(doc, kind)
    requested = roles.amount(doc, kind)
    fund_total = column_total(costs, budget.fund) if budget is not None and budget.fund else None
    if requested is None:
        requested = fund_total
    cost = total_cost(costs, budget.components, budget.total, requested) if budget is not None else requested
    if cost is None and not savings and not cofinancing:
        return None
    horizon = spec.horizon_years
    # A template without a savings table (a budget bilaga) has no savings to count: null,
    # not 0 kr, so that no output claims the satsning saves nothing.
    total = counted_savings(savings, horizon) if kind.roles.savings else None
    payback = payback_year(savings, cost, horizon) if cost and savings else None
    when = roles.period(doc, kind)
    present = None
    if spec.discounted and kind.roles.savings:
        pv = present_value(savings, spec)
        present = PresentValue(savings=pv, ratio=round(pv / cost, 4) if cost else None)
    shares = None
    if fund_total is not None or cofinancing:
        own = own_contribution(cofinancing, spec.hour_rate)
        shares = Shares(fund_share=round(requested / cost, 4) if cost and requested is not None else None,
                        own_contribution=own, own_share=round(own / cost, 4) if cost and own is not None else None,
                        hour_rate=spec.hour_rate, parts=contribution_parts(kind))
    return Economics(
        cost=cost,
        requested=requested,
        savings_per_party=tuple(_party_savings(r, kind, common, horizon) for r in savings),
        savings_total=total,
        horizon_years=horizon,
        ratio=round(total / cost, 4) if cost and total is not None else None,
        payback_years_after_end=payback,
        payback_year=int(when["end"][:4]) + payback if payback and when else None,
        discount_rate=spec.discount_rate,
        present_value=present,
        shares=shares,
        budget=_budget(costs, kind) if budget is not None else None,
        party_label=party_label(kind, common, savings) if kind.roles.savings else None,
    )


def _party_savings(row: SavingsRow, kind: KindSpec, common: CommonSpec, horizon: int) -> PartySavings:
    years = counted_years(row, horizon)
    return PartySavings(party=row.party, category=_category(row.party, kind, common), per_year=row.per_year,
                        years=row.years, counted_years=years, total=int(round((row.per_year or 0) * years)))


def _category(party: str, kind: KindSpec, common: CommonSpec) -> str:
    role = kind.roles.savings
    return roles.category_of(party, common) if role is None or role.category == "auto" else role.category


def party_label(kind: KindSpec, common: CommonSpec, rows: list[SavingsRow]) -> Names:
    """What the savings rows' parties are, in the funder's own terms: the savings role's
    party category ("Nämnd"); with `category: auto`, the category the rows' names share,
    else the default category's."""
    found = {_category(r.party, kind, common) for r in rows}
    role_category = kind.roles.savings.category if kind.roles.savings else "auto"
    if role_category != "auto":
        category = role_category
    else:
        category = found.pop() if len(found) == 1 else common.default_party_category
    spec = common.party_categories.get(category)
    if spec is None:  # a category the common words do not name: its id, as the parties rule does
        return Names(sv=category, en=category)
    return Names(sv=_capitalised(spec.name("sv", 1)), en=_capitalised(spec.name("en", 1)))


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _budget(rows: list[CostRow], kind: KindSpec) -> Budget:
    role = kind.roles.budget

    def year(row: CostRow) -> BudgetYear:
        project, calendar = parse_budget_year(row.label)
        return BudgetYear(label=row.label, project_year=project, calendar_year=calendar,
                          lines=tuple(BudgetLine(component=c, amount=row.amounts.get(c)) for c in role.components),
                          total=row_sum(row, role.components, role.total),
                          fund=row.amounts.get(role.fund) if role.fund else None)

    total = next((r for r in rows if r.is_total), None)
    return Budget(years=tuple(year(r) for r in rows if not r.is_total),
                  total_row=year(total) if total is not None else None)
