"""The follow-up workbook's sheet Satsningar: one row per satsning (SPEC §9, issue 21).

The tool's columns say where the satsning stands on the run's day: its plan (name, dnr,
projektägare, period, the grant in force), the utfall the reports have shown, what is left,
how much of the time and of the grant has gone, the savings/cost ratio of the plan and of
the efterkalkyl, its status and its next report. The processledare's own columns are the
beslut (Beviljat belopp, Beslutsdatum, Diarienummer, Start, Slut: typed after the decision,
read by the next run, and winning over the folder's beslut.yaml), a status only they can
set (Avbruten, Implementerad) and a Kommentar. A satsning whose folder is gone keeps its
row, marked "Finns ej längre".
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

from socinv_docs.approved import BESLUT_KEYS
from socinv_docs.followup_report import SatsningFollowup, State
from socinv_docs.plan import Beslut
from socinv_docs.render.workbook.cells import number
from socinv_docs.render.workbook.spec import REMOVED, Column, RowRule, SheetSpec, both
from socinv_docs.render.workbook.styles import BAD, GONE, GOOD, NEUTRAL
from socinv_docs.schedule import time_share

SHEET_KEY = "followup.sheet.satsningar"
HEADERS = "followup.sat.col"

# How a beslut field's type is a cell: (width, column type).
_BESLUT_CELL = {int | None: (14, "kr"), dt.date | None: (12, "day"), str: (14, "text")}

# Printed columns first (A4 landscape, fitted to the width), then the processledare's beslut
# columns and the rest, for the screen.
COLUMNS = (
    Column("satsning", 18, wrap=True),
    Column("title", 24, wrap=True),
    Column("dnr", 13, wrap=True),
    Column("period", 13, wrap=True),
    Column("granted", 14, "kr"),
    Column("fund_spent", 14, "kr"),
    Column("left", 15, "kr"),
    Column("time_share", 9, "pct"),
    Column("budget_share", 9, "pct"),
    Column("status", 15, wrap=True),
    Column("next", 20, wrap=True),
    Column("next_due", 11, "day"),
    Column("next_days", 8, "int"),
    Column("errors", 6, "int"),
    Column("warnings", 11, "int"),
    Column("kommentar", 26, wrap=True, theirs=True),
    # The beslut, one column per field of a Beslut (approved.BESLUT_KEYS, the keys of a
    # beslut.yaml too), typed by the field: an amount in kronor, a date, text.
    *(Column(key, *_BESLUT_CELL[typing.get_type_hints(Beslut)[key]], theirs=True, prints=False)
      for key in BESLUT_KEYS),
    Column("manual_status", 14, theirs=True, prints=False),
    Column("owner", 22, wrap=True, prints=False),
    Column("spent", 14, "kr", prints=False),
    Column("ratio_plan", 11, "ratio", prints=False),
    Column("ratio_after", 11, "ratio", prints=False),
    Column("plan_version", 8, "int", prints=False),
    Column("checked", 11, "day", prints=False),
    Column("key", 14, hidden=True),
)

# The columns the next run reads back: the beslut, and the status only people set.
BESLUT_COLUMNS = BESLUT_KEYS
MANUAL_COLUMN = "manual_status"

# Status -> colour. Avbruten and Implementerad are the processledare's (typed, or from Listor).
COLOURS = {"ongoing": GOOD, "late": BAD, "deviation": NEUTRAL, "ended": GONE, "implemented": GOOD,
           "stopped": GONE, "no_beslut": NEUTRAL, "no_plan": BAD, REMOVED: GONE}
MANUAL = ("implemented", "stopped")

# Fixed Swedish in both languages where the processledare types (SPEC §6's rule for the
# register: the workbook stays the same file whichever --lang the last run used).
WORDS = {
    SHEET_KEY: both("Satsningar", "Satsningar"),
    f"{HEADERS}.satsning": both("Satsning (mapp)", "Satsning (folder)"),
    f"{HEADERS}.title": both("Satsningens namn", "Name of the satsning"),
    f"{HEADERS}.dnr": both("Dnr", "Reference no."),
    f"{HEADERS}.period": both("Period", "Period"),
    f"{HEADERS}.granted": both("Beviljat", "Granted"),
    f"{HEADERS}.fund_spent": both("Utfall fonden hittills", "Fund's costs to date"),
    f"{HEADERS}.left": both("Kvar av beviljat", "Left of the grant"),
    f"{HEADERS}.time_share": both("Tid som gått", "Time gone"),
    f"{HEADERS}.budget_share": both("Beviljat som använts", "Grant used"),
    f"{HEADERS}.status": both("Läge", "State"),
    f"{HEADERS}.next": both("Nästa rapport", "Next report"),
    f"{HEADERS}.next_due": both("Senast", "Due"),
    f"{HEADERS}.next_days": both("Dagar kvar", "Days left"),
    f"{HEADERS}.errors": both("Fel", "Errors"),
    f"{HEADERS}.warnings": both("Varningar", "Warnings"),
    f"{HEADERS}.kommentar": both("Kommentar", "Kommentar"),
    f"{HEADERS}.beviljat_belopp": both("Beviljat belopp", "Beviljat belopp"),
    f"{HEADERS}.beslutsdatum": both("Beslutsdatum", "Beslutsdatum"),
    f"{HEADERS}.diarienummer": both("Diarienummer", "Diarienummer"),
    f"{HEADERS}.start": both("Start", "Start"),
    f"{HEADERS}.slut": both("Slut", "Slut"),
    f"{HEADERS}.manual_status": both("Status", "Status"),
    f"{HEADERS}.owner": both("Projektägare", "Project owner"),
    f"{HEADERS}.spent": both("Utfall hittills (totalt)", "Costs to date (total)"),
    f"{HEADERS}.ratio_plan": both("Besparing/kostnad enligt plan", "Savings/cost, plan"),
    f"{HEADERS}.ratio_after": both("Besparing/kostnad enligt efterkalkyl", "Savings/cost, final calculation"),
    f"{HEADERS}.plan_version": both("Planversion", "Plan version"),
    f"{HEADERS}.checked": both("Kontrollerad", "Checked"),
    f"{HEADERS}.key": both("socinv-docs: radens nyckel (ändra inte)", "socinv-docs: row key (do not edit)"),
    "followup.sat.state.ongoing": both("Pågår", "Ongoing"),
    "followup.sat.state.late": both("Försenad rapport", "Report late"),
    "followup.sat.state.deviation": both("Avvikelse", "Deviation"),
    "followup.sat.state.ended": both("Avslutad", "Ended"),
    "followup.sat.state.implemented": both("Implementerad", "Implementerad"),
    "followup.sat.state.stopped": both("Avbruten", "Avbruten"),
    "followup.sat.state.no_beslut": both("Beslut saknas", "No decision yet"),
    "followup.sat.state.no_plan": both("Plan saknas", "No plan"),
    "followup.sat.state.removed": both("Finns ej längre", "No longer in folder"),
    "followup.sat.period_from_application": both("{start} – {end}\n(enligt ansökan)", "{start} – {end}\n(per application)"),
    "followup.sat.period": both("{start} – {end}", "{start} – {end}"),
    "followup.sat.next": both("{kind}, {period}", "{kind}, {period}"),
}


def status_words(lang: str) -> dict[str, str]:
    return {state: SHEET.text(f"followup.sat.state.{state}", lang) for state in COLOURS}


def manual_state(typed: object) -> str | None:
    """The status the processledare typed (Avbruten, Implementerad) in any language, or None."""
    text = " ".join(str(typed or "").split()).casefold()
    for state in MANUAL:
        if text and text in {SHEET.text(f"followup.sat.state.{state}", lang).casefold() for lang in ("sv", "en")}:
            return state
    return None


def state_of(s: SatsningFollowup, today: dt.date) -> str:
    """Where the satsning stands: what the processledare set, else no plan, no beslut, a
    report late, a deviation (an open error), ended, ongoing."""
    manual = manual_state(s.manual_status)
    if manual:
        return manual
    if s.plan is None:
        return "no_plan"
    if s.beslut.missing:
        return "no_beslut"
    if any(row.status.state is State.LATE for row in s.expected):
        return "late"
    if s.errors:
        return "deviation"
    if s.plan.period_end is not None and today > s.plan.period_end:
        return "ended"
    return "ongoing"


def _next(row, lang: str) -> str:
    """"Redovisning, Helår 2028"; a report due after the end is its kind alone ("Slutrapport":
    its label is its kind's name, said once)."""
    kind = row.kind_name.get(lang) or row.kind_name.get("sv", "")
    if not row.report.period:
        return kind
    return SHEET.text("followup.sat.next", lang, kind=kind, period=row.label.get(lang) or row.label.get("sv", ""))


def period_text(s: SatsningFollowup, lang: str) -> str:
    plan = s.plan
    if plan is None or plan.period_start is None or plan.period_end is None:
        return ""
    key = "followup.sat.period" if "beslut" in plan.period_source.split(", ") and \
        "application" not in plan.period_source else "followup.sat.period_from_application"
    return SHEET.text(key, lang, start=plan.period_start.isoformat(), end=plan.period_end.isoformat())


def _after_ratio(s: SatsningFollowup) -> float | None:
    """The efterkalkyl's savings/cost ratio: the economics of a report that came in with a
    savings table (the slutrapport's Efterkalkyl; no other report kind has one)."""
    for doc in s.reports:
        if doc.economics is not None and doc.economics.ratio is not None and doc.economics.has_savings:
            return doc.economics.ratio
    return None


def satsning_row(s: SatsningFollowup, lang: str, today: dt.date) -> dict[str, Any]:
    """The tool's cells of a satsning's row, by column id."""
    plan = s.plan
    spent, fund_spent = s.spent()
    granted = s.beslut.beviljat_belopp
    used = fund_spent if fund_spent is not None else spent
    left = granted - (used or 0) if granted is not None else None
    nxt = s.next_due()
    return {
        "satsning": s.satsning,
        "title": plan.title if plan else "",
        "dnr": (plan.dnr if plan else "") or s.beslut.diarienummer,
        "owner": plan.projektagare if plan else "",
        "period": period_text(s, lang),
        "granted": granted,
        "spent": spent,
        "fund_spent": fund_spent,
        "left": left,
        "time_share": time_share(plan, today) if plan else None,
        "budget_share": used / granted if granted and used is not None else None,
        "ratio_plan": number(plan.forkalkyl.ratio) if plan and plan.forkalkyl else None,
        "ratio_after": number(_after_ratio(s)),
        "status": SHEET.text(f"followup.sat.state.{state_of(s, today)}", lang),
        "next": _next(nxt, lang) if nxt else "",
        "next_due": nxt.report.due if nxt else None,
        "next_days": (nxt.report.due - today).days if nxt else None,
        "errors": s.errors,
        "warnings": s.warnings,
        "plan_version": plan.version if plan else None,
        "checked": today,
        "key": s.satsning,
    }


SHEET = SheetSpec(
    SHEET_KEY, COLUMNS, headers=HEADERS, unnamed_key="register.col.unnamed", abbr="sat", table="Satsningar",
    name_col="satsning", identities=(("satsning",),), status_col="status", status_words=status_words,
    colours=COLOURS, keep_order=True, keep_removed="always", words=WORDS, paper="A4",
    # Spending ahead of time (more of the grant used than of the time gone), and a grant overspent.
    row_rules=(RowRule("AND(ISNUMBER({budget_share}),ISNUMBER({time_share}),{budget_share}>{time_share})",
                       NEUTRAL, ("budget_share",)),
               RowRule("AND(ISNUMBER({left}),{left}<0)", BAD, ("left", "fund_spent")),
               RowRule("AND(ISNUMBER({next_days}),{next_days}<0)", BAD, ("next", "next_due", "next_days"))))
