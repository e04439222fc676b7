"""The economics of an ansökan: cost, savings within the horizon, ratio, payback, present value.

Örebro's rule (seed 000, "Finansiering, effekthemtagning och implementering"): the
expected cost-saving effects must be at least as large as the cost, and they are counted
for at most ten years from the end of the satsning. The rule is undiscounted; a profile may
set a discount rate, and then present values are shown and used by the rule.

Conventions (documented in README):
- cost = the cost table's Totalt/Summa; without it the sum of the year rows; without a table,
  the sökt belopp;
- savings of a nämnd = besparing per år × min(antal år efter avslut, horizon);
- payback = the first year after the end in which cumulative savings reach the cost;
- present value discounts year t after the end by (1 + r)^t, i.e. values at the end of the
  satsning, when the cost has been spent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from socinv_docs.extract.text import fold
from socinv_docs.extract.values import parse_amount, parse_duration
from socinv_docs.location import Location
from socinv_docs.model import Document, Table

COST_COMPONENTS = ("personal", "lokaler", "ovrigt")


@dataclass
class CostRow:
    label: str
    amounts: dict[str, int | None]  # column id -> kronor (None: empty)
    location: Location
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (column, raw) not readable

    @property
    def is_total(self) -> bool:
        return fold(self.label).startswith(("totalt", "summa", "total"))


@dataclass
class SavingsRow:
    namnd: str
    per_year: int | None
    years: float | None
    location: Location
    invalid: list[tuple[str, str]] = field(default_factory=list)


def _amount(raw: str) -> tuple[int | None, bool]:
    """(value, readable) of a table cell; an empty cell or a dash is 0-less and readable."""
    text = raw.strip()
    if not text or text in ("-", "–", "—", "0"):
        return (0 if text == "0" else None), True
    value = parse_amount(text)
    return value, value is not None


def _years(raw: str) -> tuple[float | None, bool]:
    text = raw.strip()
    if not text:
        return None, True
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(?:år)?", text, flags=re.IGNORECASE)
    if m:
        return float(m.group(1).replace(",", ".")), True
    value = parse_duration(text)
    return value, value is not None


def cost_rows(table: Table | None) -> list[CostRow]:
    rows = []
    for r in (table.rows if table else []):
        row = CostRow(label=r.label, amounts={}, location=r.location)
        for col in (*COST_COMPONENTS, "summa"):
            value, ok = _amount(r.values.get(col, ""))
            row.amounts[col] = value
            if not ok:
                row.invalid.append((col, r.values.get(col, "")))
        rows.append(row)
    return rows


def savings_rows(table: Table | None) -> list[SavingsRow]:
    rows = []
    for r in (table.rows if table else []):
        per_year, ok_amount = _amount(r.values.get("besparing_per_ar", ""))
        years, ok_years = _years(r.values.get("antal_ar", ""))
        row = SavingsRow(namnd=r.values.get("namnd", "") or r.label, per_year=per_year, years=years,
                         location=r.location)
        if not ok_amount:
            row.invalid.append(("besparing_per_ar", r.values.get("besparing_per_ar", "")))
        if not ok_years:
            row.invalid.append(("antal_ar", r.values.get("antal_ar", "")))
        if row.per_year is not None or row.years is not None or row.invalid:
            rows.append(row)
    return rows


def row_sum(row: CostRow) -> int | None:
    """The row's own Summa, or the sum of its components when Summa is empty."""
    if row.amounts.get("summa") is not None:
        return row.amounts["summa"]
    parts = [row.amounts.get(c) for c in COST_COMPONENTS]
    return sum(p for p in parts if p is not None) if any(p is not None for p in parts) else None


def total_cost(rows: list[CostRow], requested: int | None) -> int | None:
    totals = [row_sum(r) for r in rows if r.is_total and row_sum(r) is not None]
    if totals:
        return totals[0]
    years = [row_sum(r) for r in rows if not r.is_total and row_sum(r) is not None]
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


def present_value(rows: list[SavingsRow], horizon: int, rate: float) -> int:
    return int(round(sum(s / (1 + rate) ** t for t, s in enumerate(yearly_savings(rows, horizon), start=1))))


def summary(doc: Document, *, horizon: int, rate: float, costs_table: str, effects_table: str,
            amount_field: str, period_field: str) -> dict | None:
    """The economics block of the JSON and text reports (None when there is nothing to count)."""
    costs = cost_rows(doc.tables.get(costs_table))
    savings = savings_rows(doc.tables.get(effects_table))
    requested_field = doc.fields.get(amount_field)
    requested = requested_field.value if requested_field and isinstance(requested_field.value, int) else None
    cost = total_cost(costs, requested)
    if cost is None and not savings:
        return None
    total = counted_savings(savings, horizon)
    block: dict = {
        "cost": cost,
        "requested": requested,
        "savings_per_namnd": [
            {"namnd": r.namnd, "per_year": r.per_year, "years": r.years,
             "counted_years": counted_years(r, horizon),
             "total": int(round((r.per_year or 0) * counted_years(r, horizon)))}
            for r in savings
        ],
        "savings_total": total,
        "horizon_years": horizon,
        "ratio": round(total / cost, 4) if cost else None,
        "payback_years_after_end": payback_year(savings, cost, horizon) if cost else None,
        "discount_rate": rate,
    }
    period = doc.fields.get(period_field)
    if block["payback_years_after_end"] and period and isinstance(period.value, dict):
        block["payback_year"] = int(period.value["end"][:4]) + block["payback_years_after_end"]
    else:
        block["payback_year"] = None
    if rate:
        pv = present_value(savings, horizon, rate)
        block["savings_present_value"] = pv
        block["ratio_present_value"] = round(pv / cost, 4) if cost else None
    return block
