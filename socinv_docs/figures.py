"""The figures of a satsning, typed: what every output renders and nothing parses again.

`Economics` is made once per document by economics.py (from the document's typed cells,
read through its roles, counted the funder's way) and travels on the DocumentReport; the
rules, the text and JSON reports, the web page, the register and the memos all read it.
Plain frozen data on the model's floor, so the reports can carry it. The follow-up stage's
plan figures belong here too (its budget is `Budget`, its förkalkyl `PartySavings`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from socinv_docs.schema import Names


@dataclass(frozen=True)
class PartySavings:
    """One party's expected savings (a row of the savings table), counted within the horizon."""

    party: str  # as written ("Socialnämnden")
    category: str  # its party category (common.yaml party_categories): the role's, or told by its name
    per_year: int | None  # kronor a year
    years: float | None  # years after the end, as claimed
    counted_years: float  # of those, the ones within the horizon
    total: int  # per_year × counted_years

    def to_json(self) -> dict:
        # "namnd": the key of SPEC §5, whatever the party is (a nämnd, a verksamhet, ...).
        return {"namnd": self.party, "per_year": self.per_year, "years": self.years,
                "counted_years": self.counted_years, "total": self.total}


@dataclass(frozen=True)
class BudgetLine:
    """One cost component of one budget year (a cell of the budget table)."""

    component: str  # the column id (schemas/kinds: roles.budget.components)
    amount: int | None  # kronor; None: empty


@dataclass(frozen=True)
class BudgetYear:
    """A row of the budget: a year (or the template's total row) by component, with the
    fund's part. What the follow-up stage's plan keeps to compare with utfall."""

    label: str  # as written: "År 1", "2027", "Totalt"
    project_year: int | None  # "År 2" -> 2
    calendar_year: int | None  # "2027", "År 1 (2027)" -> 2027
    lines: tuple[BudgetLine, ...]  # one per component
    total: int | None  # the row's total column, else the sum of its components
    fund: int | None  # the part sought from the fund (None: no fund column, or empty)


@dataclass(frozen=True)
class Budget:
    years: tuple[BudgetYear, ...]  # the year rows, in the template's order
    total_row: BudgetYear | None  # the template's own total row, as written

    def lines(self) -> Iterator[tuple[BudgetYear, BudgetLine]]:
        """Every (year, component) of the year rows."""
        for year in self.years:
            for line in year.lines:
                yield year, line


@dataclass(frozen=True)
class PresentValue:
    """The savings discounted to the end of the satsning (a profile with a discount rate)."""

    savings: int
    ratio: float | None


@dataclass(frozen=True)
class Shares:
    """Who pays: the fund's share of the cost and the applicants' own (money, hours of work at
    the funder's rate, the value of own work in kronor)."""

    fund_share: float | None
    own_contribution: int | None
    own_share: float | None
    hour_rate: float | None
    # What the form's co-financing counts ("cash", "hours", "in_kind"), for the words it is said in.
    parts: tuple[str, ...] = ("cash", "hours")

    @property
    def own_words(self) -> str:
        """Which words say the own contribution: "hours" (money and working time), "in_kind"
        (money and the value of own work), "cash" (money)."""
        return "hours" if "hours" in self.parts else "in_kind" if "in_kind" in self.parts else "cash"


@dataclass(frozen=True)
class Economics:
    cost: int | None
    requested: int | None  # sought from the fund
    savings_per_party: tuple[PartySavings, ...]
    # None: the template has no savings table (a budget bilaga), so no output says "0 kr".
    savings_total: int | None
    horizon_years: int
    ratio: float | None
    payback_years_after_end: int | None
    payback_year: int | None  # the calendar year, from the period's end
    discount_rate: float
    present_value: PresentValue | None = None  # only where the profile discounts
    shares: Shares | None = None  # only where the template has a fund column or co-financing
    budget: Budget | None = None  # only where the template has a budget
    # What the savings rows' parties are called, in the funder's own terms (the savings
    # role's party category): "Nämnd" in Örebro's ansökan.
    party_label: Names | None = None

    @property
    def has_savings(self) -> bool:
        return self.savings_total is not None

    def to_json(self) -> dict:
        """The JSON `economics` block (SPEC §5): keys may be added, none may change meaning."""
        data: dict = {
            "cost": self.cost,
            "requested": self.requested,
            "savings_per_namnd": [row.to_json() for row in self.savings_per_party],
            "savings_total": self.savings_total,
            "horizon_years": self.horizon_years,
            "ratio": self.ratio,
            "payback_years_after_end": self.payback_years_after_end,
            "discount_rate": self.discount_rate,
            "payback_year": self.payback_year,
        }
        if self.present_value is not None:
            data["savings_present_value"] = self.present_value.savings
            data["ratio_present_value"] = self.present_value.ratio
        if self.shares is not None:
            data.update(fund_share=self.shares.fund_share, own_contribution=self.shares.own_contribution,
                        own_share=self.shares.own_share, hour_rate=self.shares.hour_rate)
        return data
