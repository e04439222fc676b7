"""The portfolio memo (SPEC §9, issue 21): the whole fund on one day, for the meeting — every
satsning with a traffic light, the reports due in the next 90 days, the overdue ones, the
satsningar in their last year without an implementation plan, the uppföljande utvärderingar
due, the fund's totals (beviljat, utbetalt, kvar) and a chart of plan against utfall.

Plain values for the templates, as the beredningsunderlag's context; the traffic light is
decided in one function (`light_of`, its rule in its docstring) and said as a symbol of its
own shape and a word, never by colour alone.
"""

from __future__ import annotations

import datetime as dt

from socinv_docs import messages
from socinv_docs.fmt import kronor, percent
from socinv_docs.followup_report import Decision, ExpectedRow, FollowupRun, SatsningFollowup, State
from socinv_docs.messages import literal, msg
from socinv_docs.plan import Plan
from socinv_docs.render.followup.sheets import satsningar
from socinv_docs.render.memo.chart import BarChart, Series
from socinv_docs.rules.against_plan import months_in, written
from socinv_docs.schedule import add_months, time_share
from socinv_docs.schema import SchemaSet

DUE_DAYS = 90  # "reports due in the next 90 days" (issue 21)
LAST_YEAR_MONTHS = 12
# A shape per light, so that it is told apart printed in black and white too; the word beside it.
SYMBOLS = {"green": "●", "yellow": "▲", "red": "■", "grey": "○"}
_ORDER = ("red", "yellow", "green", "grey")


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def is_evaluation(row: ExpectedRow, schemas: SchemaSet) -> bool:
    """An uppföljande utvärdering: a report due after the end (no recurring period) of a kind
    without an Ekonomi table — the money is accounted for in the slutrapport. Told by the
    kind's roles, not its id (the funders' data names it)."""
    kind = schemas.kinds.get(row.report.kind)
    return not row.report.period and kind is not None and kind.roles.report_costs is None


def report_name(row: ExpectedRow) -> dict:
    """An expected report's name in each language ("Redovisning Helår 2027", "Slutrapport")."""
    def name(lang: str) -> str:
        kind = row.kind_name.get(lang) or row.kind_name.get("sv", "")
        return f"{kind} {row.label.get(lang) or row.label.get('sv', '')}".strip() if row.report.period else kind
    return literal(**{lang: name(lang) for lang in messages.LANGS})


def _grant_used(s: SatsningFollowup) -> tuple[int | None, float | None]:
    """(what is left of the grant, the share of it used): the fund's utfall to date."""
    granted = s.beslut.beviljat_belopp
    spent, fund = s.spent()
    used = fund if fund is not None else spent
    if granted is None:
        return None, None
    return granted - (used or 0), (used or 0) / granted if granted else None


def paid(s: SatsningFollowup) -> int:
    """What the fund has paid out on the satsning's reports: the amounts of those whose decision
    in force is underlag för utbetalning (proposal.py), the processledare's own word counted."""
    return sum(r.proposal.amount or 0 for r in s.reviews if r.proposal.decision is Decision.PAYMENT)


def last_year_problem(s: SatsningFollowup, today: dt.date, schemas: SchemaSet) -> dict | None:
    """Why a satsning in its last year (the 12 months up to its end) has no implementation plan
    to show, as a message: its latest report from that year says nothing under its
    implementering section (IMPLEMENTATION_PLAN_MISSING, or the section left empty), or no
    report from that year has come in. None: not in its last year, or the plan is there."""
    plan = s.plan
    if plan is None or plan.period_end is None or s.beslut.missing:
        return None
    begins = add_months(plan.period_end, -LAST_YEAR_MONTHS)
    if not begins < today <= plan.period_end:
        return None
    rows = sorted((r for r in s.expected if r.received is not None and r.received.document is not None
                   and r.report.covers_to > begins), key=lambda r: r.report.due)
    if not rows:
        return msg("memo.fu.implementation.no_report")
    latest = rows[-1]
    doc = latest.received
    kind = schemas.kinds.get(doc.kind)
    section = kind.roles.implementation if kind is not None else None
    flagged = any(f.code.value == "IMPLEMENTATION_PLAN_MISSING" for f in doc.findings)
    if flagged or (section is not None and not written(doc.document, section)):
        return msg("memo.fu.implementation.missing", report=report_name(latest))
    return None


def light_of(s: SatsningFollowup, today: dt.date, schemas: SchemaSet) -> tuple[str, list[dict]]:
    """A satsning's traffic light on `today`, and why (messages as data, the worst first):

    - **grey** (Avslutad): the processledare set Avbruten or Implementerad on Satsningar;
    - **red** (Åtgärd krävs): no plan could be made; a report is late; a report received is
      proposed for komplettering or for avbrytandeprövning (its decision in force, so that the
      processledare's own word in the workbook clears it); more of the grant used than granted;
    - **yellow** (Bevaka): no beslut yet; in its last year without an implementation plan
      (`last_year_problem`); more of the grant used than of its time gone (as Satsningar's
      row colour); the latest report received has warnings;
    - **green** (Enligt plan): none of these.
    """
    manual = satsningar.manual_state(s.manual_status)
    if manual is not None:
        state = literal(**{lang: satsningar.SHEET.text(f"followup.sat.state.{manual}", lang)
                           for lang in messages.LANGS})
        return "grey", [msg("memo.fu.reason.manual", state=state)]
    red: list[dict] = []
    yellow: list[dict] = []
    if s.plan is None:
        red.append(msg("memo.fu.reason.no_plan"))
    names = {row.report.key: report_name(row) for row in s.expected}
    for row in sorted(s.expected, key=lambda r: r.report.due):
        if row.status.state is State.LATE:
            red.append(msg("memo.fu.reason.late", report=names[row.report.key], days=row.status.days_late))
    for review in s.reviews:
        report = names.get(review.expected or "", literal(sv=review.file.rsplit("/", 1)[-1]))
        if review.proposal.decision is Decision.SUPPLEMENT:
            red.append(msg("memo.fu.reason.supplement", report=report))
        elif review.proposal.decision is Decision.STOP_REVIEW:
            red.append(msg("memo.fu.reason.stop_review", report=report))
    left, used = _grant_used(s)
    if left is not None and left < 0:
        red.append(msg("memo.fu.reason.overspent", amount=-left))
    if s.plan is not None and s.beslut.missing:
        yellow.append(msg("memo.fu.reason.no_beslut"))
    if last_year_problem(s, today, schemas) is not None:
        yellow.append(msg("memo.fu.reason.no_implementation"))
    gone = time_share(s.plan, today) if s.plan is not None else None
    if used is not None and gone is not None and used > gone:
        yellow.append(msg("memo.fu.reason.ahead", used=used, time=gone))
    received = sorted((r for r in s.expected if r.received is not None), key=lambda r: r.report.due)
    if received and received[-1].received.warnings:
        yellow.append(msg("memo.fu.reason.warnings", report=names[received[-1].report.key],
                          count=received[-1].received.warnings))
    light = "red" if red else "yellow" if yellow else "green"
    return light, red + yellow


def _name_in(row: ExpectedRow, lang: str) -> str:
    words = report_name(row)["text"]
    return words.get(lang) or words.get("sv", "")


def _words(message: dict, lang: str) -> str:
    return messages.text(message["key"], lang, **(message.get("params") or {}))


def _row_facts(s: SatsningFollowup, row: ExpectedRow, today: dt.date, lang: str) -> dict:
    state = row.status.state
    days = (row.report.due - today).days
    return {"satsning": s.satsning, "title": s.plan.title if s.plan else s.satsning,
            "report": _name_in(row, lang),
            "due": row.report.due.isoformat(), "days": abs(days),
            "when": _t("memo.fu.days_late", lang, days=-days) if state is State.LATE or days < 0
            else _t("memo.fu.days_left", lang, days=days)}


def plan_to(plan: Plan, day: dt.date) -> int:
    """The plan's cost up to `day`: every calendar year before it in full, its own year for the
    whole months of the satsning passed (as COST_COMPONENT_DEVIATION weighs a year in progress)."""
    total = 0
    for line in plan.budget:
        if line.calendar_year < day.year:
            total += line.amount
        elif line.calendar_year == day.year:
            months = months_in(day.year, plan.period_start, plan.period_end)
            passed = months_in(day.year, plan.period_start, min(day, plan.period_end or day))
            total += round(line.amount * passed / months) if months else 0
    return total


def chart_rows(s: SatsningFollowup) -> dict | None:
    """Plan against utfall of a satsning up to the end of the latest period a report with costs
    covers: None before one has come in."""
    if s.plan is None:
        return None
    shown = {line.source for line in s.costs if line.source}
    ends = [row.report.covers_to for row in s.expected if row.received is not None and row.received.file in shown]
    if not ends:
        return None
    as_of = max(ends)
    actual = sum(line.actual or 0 for line in s.costs if line.year <= as_of.year)
    return {"satsning": s.satsning, "title": s.plan.title, "as_of": as_of.isoformat(),
            "plan_value": plan_to(s.plan, as_of), "actual_value": actual}


def _chart(rows: list[dict], lang: str) -> dict:
    for row in rows:
        row["plan"], row["actual"] = kronor(row["plan_value"]), kronor(row["actual_value"])
        deviation = row["actual_value"] - row["plan_value"]
        row["deviation"] = ("+" if deviation > 0 else "−" if deviation < 0 else "") + kronor(abs(deviation))
    title = _t("memo.fu.chart.title", lang)
    alt = _t("memo.fu.chart.alt", lang, rows=[
        _t("memo.fu.chart.alt_row", lang, title=r["title"], as_of=r["as_of"], plan=r["plan_value"],
           actual=r["actual_value"]) for r in rows])
    picture = BarChart(title, alt, tuple(_t("memo.fu.chart.category", lang, title=r["title"], as_of=r["as_of"])
                                         for r in rows),
                       (Series(_t("memo.fu.chart.plan", lang), tuple(r["plan_value"] for r in rows)),
                        Series(_t("memo.fu.chart.actual", lang), tuple(r["actual_value"] for r in rows))), lang)
    return {"title": title, "alt": alt, "rows": rows, "picture": picture,
            "plan_label": _t("memo.fu.chart.plan", lang), "actual_label": _t("memo.fu.chart.actual", lang)}


def satsning_row(s: SatsningFollowup, today: dt.date, schemas: SchemaSet, lang: str) -> dict:
    light, reasons = light_of(s, today, schemas)
    _, used = _grant_used(s)
    granted = s.beslut.beviljat_belopp
    gone = time_share(s.plan, today) if s.plan is not None else None
    nxt = s.next_due()
    return {
        "name": s.satsning, "title": s.plan.title if s.plan else s.satsning,
        "dnr": s.beslut.diarienummer or (s.plan.dnr if s.plan else ""),
        "period": satsningar.period_text(s, lang),
        "light": light, "light_symbol": SYMBOLS[light], "light_text": _t(f"memo.fu.light.{light}", lang),
        "state": satsningar.SHEET.text(f"followup.sat.state.{satsningar.state_of(s, today)}", lang),
        "reasons": [_words(r, lang) for r in reasons],
        "granted": kronor(s.beslut.beviljat_belopp) if s.beslut.beviljat_belopp is not None else "",
        "paid": kronor(paid(s)), "paid_value": paid(s),
        "left": kronor(granted - paid(s)) if granted is not None else "",
        "time_share": percent(gone, lang) if gone is not None else "",
        "grant_share": percent(used, lang) if used is not None else "",
        "next": f"{_name_in(nxt, lang)}, {nxt.report.due.isoformat()}" if nxt else "",
    }


def portfolio_context(run: FollowupRun, schemas: SchemaSet, lang: str) -> dict:
    """The portfolio on the run's day (the template's `portfolio`)."""
    today = run.date
    rows = sorted((satsning_row(s, today, schemas, lang) for s in run.satsningar),
                  key=lambda r: (_ORDER.index(r["light"]), r["title"].casefold()))
    due_soon, overdue, evaluations, last_year = [], [], [], []
    for s in run.satsningar:
        for row in s.expected:
            if row.status.state is State.EXPECTED and 0 <= (row.report.due - today).days <= DUE_DAYS:
                due_soon.append(_row_facts(s, row, today, lang))
            elif row.status.state is State.LATE:
                overdue.append(_row_facts(s, row, today, lang))
            if is_evaluation(row, schemas) and row.open and s.plan is not None and s.plan.period_end is not None \
                    and today > s.plan.period_end:
                evaluations.append(_row_facts(s, row, today, lang))
        problem = last_year_problem(s, today, schemas)
        if problem is not None:
            last_year.append({"satsning": s.satsning, "title": s.plan.title, "end": s.plan.period_end.isoformat(),
                              "reason": _words(problem, lang)})
    granted = [s.beslut.beviljat_belopp for s in run.satsningar if s.beslut.beviljat_belopp is not None]
    paid_out = [paid(s) for s in run.satsningar if s.beslut.beviljat_belopp is not None]
    lights = {light: sum(1 for r in rows if r["light"] == light) for light in _ORDER}
    chart = [r for r in (chart_rows(s) for s in sorted(run.satsningar, key=lambda s: s.satsning)) if r]
    return {
        "satsningar": rows,
        "due_days": DUE_DAYS,
        "due_soon": sorted(due_soon, key=lambda r: r["due"]),
        "overdue": sorted(overdue, key=lambda r: r["due"]),
        "last_year": last_year,
        "evaluations": sorted(evaluations, key=lambda r: r["due"]),
        "totals": {"count": len(rows), "granted": kronor(sum(granted)), "paid": kronor(sum(paid_out)),
                   "left": kronor(sum(granted) - sum(paid_out)), "granted_value": sum(granted),
                   "paid_value": sum(paid_out), "left_value": sum(granted) - sum(paid_out),
                   **{f"{light}": n for light, n in lights.items()},
                   "lights": ", ".join(f"{SYMBOLS[light]} {_t(f'memo.fu.light.{light}', lang)}: {n}"
                                       for light, n in lights.items() if n)},
        "chart": _chart(chart, lang),
    }
