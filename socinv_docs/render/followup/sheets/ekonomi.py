"""The follow-up workbook's sheet Ekonomi: plan against utfall per satsning, calendar year and
cost component (SPEC §9, issue 21).

Plan is the approved budget after the project years were turned into calendar years; the
column "Från projektår" shows that conversion for the row's year (År 1 × 4/12 …), so that
nobody has to trust a hidden computation. Utfall, varav fonden and Prognos are the latest
report's for that year; the deviation is what the year is expected to cost in all (utfall
and prognos) against the plan. Rows over plan are coloured.
"""

from __future__ import annotations

import json
from typing import Any

from socinv_docs.followup_report import CostLine, SatsningFollowup
from socinv_docs.plan import Plan
from socinv_docs.render.workbook.spec import REMOVED, Column, RowRule, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, GOOD, NEUTRAL

SHEET_KEY = "followup.sheet.ekonomi"
HEADERS = "followup.eko.col"

COLUMNS = (
    Column("satsning", 18, wrap=True),
    Column("calendar_year", 11, "int"),
    Column("component", 16, wrap=True),
    Column("plan", 14, "kr"),
    Column("actual", 14, "kr"),
    Column("fund", 14, "kr"),
    Column("forecast", 14, "kr"),
    Column("deviation", 14, "kr"),
    Column("deviation_share", 10, "pct"),
    Column("state", 13, wrap=True),
    Column("conversion", 34, wrap=True),
    Column("kommentar", 24, wrap=True, theirs=True),
    Column("source", 24, wrap=True, prints=False),
    Column("key", 14, hidden=True),
)

COLOURS = {"over": BAD, "within": GOOD, "no_report": NEUTRAL, REMOVED: GONE}

WORDS = {
    SHEET_KEY: both("Ekonomi", "Ekonomi"),
    f"{HEADERS}.satsning": both("Satsning (mapp)", "Satsning (folder)"),
    f"{HEADERS}.calendar_year": both("Kalenderår", "Calendar year"),
    f"{HEADERS}.component": both("Kostnadsslag", "Cost component"),
    f"{HEADERS}.plan": both("Budget enligt plan", "Budget (plan)"),
    f"{HEADERS}.actual": both("Utfall", "Actual"),
    f"{HEADERS}.fund": both("varav fonden", "of which the fund"),
    f"{HEADERS}.forecast": both("Prognos (återstår)", "Forecast (remaining)"),
    f"{HEADERS}.deviation": both("Avvikelse (kr)", "Deviation (kr)"),
    f"{HEADERS}.deviation_share": both("Avvikelse (%)", "Deviation (%)"),
    f"{HEADERS}.state": both("Läge", "State"),
    f"{HEADERS}.conversion": both("Från projektår", "From project years"),
    f"{HEADERS}.kommentar": both("Kommentar", "Kommentar"),
    f"{HEADERS}.source": both("Enligt rapport", "Per report"),
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
    "followup.eko.state.over": both("Över plan", "Over plan"),
    "followup.eko.state.within": both("Inom plan", "Within plan"),
    "followup.eko.state.no_report": both("Ingen rapport än", "No report yet"),
    "followup.eko.state.removed": both("Finns ej längre", "No longer in folder"),
    "followup.eko.conversion": both("År {k} ({start} – {end}) × {months}/12", "Year {k} ({start} – {end}) × {months}/12"),
    "followup.eko.not_in_plan": both("{label} (ej i planen)", "{label} (not in the plan)"),
}


def status_words(lang: str) -> dict[str, str]:
    return {state: SHEET.text(f"followup.eko.state.{state}", lang) for state in COLOURS}


def conversion_of(plan: Plan | None, year: int, lang: str) -> str:
    """How the plan's project years make up calendar year `year`: one line per project year."""
    if plan is None:
        return ""
    lines = []
    for conv in plan.conversion:
        for cal, share in conv.shares:
            if cal == year:
                lines.append(SHEET.text("followup.eko.conversion", lang, k=conv.project_year,
                                        start=conv.start.isoformat(), end=conv.end.isoformat(),
                                        months=round(share * 12)))
    return "\n".join(lines)


def _state(line: CostLine) -> str:
    if line.projected is None:
        return "no_report"
    deviation = line.deviation
    return "over" if deviation is not None and deviation > 0 else "within"


def cost_rows(s: SatsningFollowup, lang: str) -> list[tuple[dict[str, Any], str]]:
    """(the tool's cells, its state) of each calendar year × component of a satsning."""
    out = []
    for line in s.costs:
        label = line.label if line.component else SHEET.text("followup.eko.not_in_plan", lang, label=line.label)
        out.append(({
            "satsning": s.satsning, "calendar_year": line.year, "component": label, "plan": line.plan,
            "actual": line.actual, "fund": line.fund, "forecast": line.forecast, "deviation": line.deviation,
            "deviation_share": line.deviation_share, "state": SHEET.text(f"followup.eko.state.{_state(line)}", lang),
            "conversion": conversion_of(s.plan, line.year, lang), "source": line.source,
            "key": json.dumps([s.satsning, line.year, line.component or line.label], ensure_ascii=False),
        }, _state(line)))
    return out


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="eko", table="Ekonomi",
    name_col="satsning", identities=(("satsning", "calendar_year", "component"),), status_col="state",
    status_words=status_words, colours=COLOURS, keep_order=False, keep_removed="if_their_values", words=WORDS, paper="A4",
    row_rules=(RowRule("AND(ISNUMBER({deviation}),{deviation}>0)", NEUTRAL,
                       ("deviation", "deviation_share", "actual", "forecast")),))
