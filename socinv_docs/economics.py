"""The economics of a document: cost, what is sought from the fund and what the applicants
put in, savings within the horizon, ratio, payback, present value. Pure functions over a
document's roles (socinv_docs/roles.py) and the funder's way of counting
(schema.EconomicsSpec).

Örebro's rule (seed 000, "Finansiering, effekthemtagning och implementering"): the
expected cost-saving effects must be at least as large as the cost, and they are counted
for at most ten years from the end of the satsning. The rule is undiscounted; a profile may
set a discount rate (or a stepped schedule), and then present values are shown and used.

Conventions (documented in README):
- cost = the budget's total row; without it the sum of the year rows; without a budget,
  the amount sought;
- sought = the amount role; without it the budget's fund column (total row or year sum);
- own contribution = the co-financing rows' money + hours × the profile's hour rate;
- savings of a party = saving per year × min(years after the end, horizon);
- payback = the first year after the end in which cumulative savings reach the cost;
- present value discounts year t after the end by the product of (1 + r_k) for k ≤ t,
  i.e. values at the end of the satsning, when the cost has been spent.
"""

from __future__ import annotations

from socinv_docs import roles
from socinv_docs.model import Document
from socinv_docs.roles import CofinancingRow, CostRow, SavingsRow
from socinv_docs.schema import EconomicsSpec, KindSpec


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
    if not rows:
        return None
    money = sum(r.cash or 0 for r in rows)
    hours = sum(r.hours or 0 for r in rows)
    return int(round(money + hours * (hour_rate or 0)))


def summary(doc: Document, kind: KindSpec, spec: EconomicsSpec) -> dict | None:
    """The economics block of the JSON and text reports (None when there is nothing to count)."""
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
    block: dict = {
        "cost": cost,
        "requested": requested,
        "savings_per_namnd": [
            {"namnd": r.party, "per_year": r.per_year, "years": r.years,
             "counted_years": counted_years(r, horizon),
             "total": int(round((r.per_year or 0) * counted_years(r, horizon)))}
            for r in savings
        ],
        "savings_total": total,
        "horizon_years": horizon,
        "ratio": round(total / cost, 4) if cost and total is not None else None,
        "payback_years_after_end": payback_year(savings, cost, horizon) if cost and savings else None,
        "discount_rate": spec.discount_rate,
    }
    when = roles.period(doc, kind)
    if block["payback_years_after_end"] and when:
        block["payback_year"] = int(when["end"][:4]) + block["payback_years_after_end"]
    else:
        block["payback_year"] = None
    if spec.discounted and kind.roles.savings:
        pv = present_value(savings, spec)
        block["savings_present_value"] = pv
        block["ratio_present_value"] = round(pv / cost, 4) if cost else None
    if fund_total is not None or cofinancing:
        own = own_contribution(cofinancing, spec.hour_rate)
        block["fund_share"] = round(requested / cost, 4) if cost and requested is not None else None
        block["own_contribution"] = own
        block["own_share"] = round(own / cost, 4) if cost and own is not None else None
        block["hour_rate"] = spec.hour_rate
    return block
