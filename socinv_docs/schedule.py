"""The reports a satsning owes, and where each stands on a day (SPEC §9).

The schedule is the funder's data (the profile's `followup.reports`, FOLLOWUP-NOTES: the
seed leaves the dates to the municipality); this module only applies it to a plan:

- a recurring report (a redovisning at delår 2, at helår) covers the calendar year up to its
  day (`covers_to`: delår 2 = 1 January – 31 August, helår = the year) and is expected for
  every year whose period overlaps the satsning's; it is due on `due` that year ("09-15") or
  the year after ("+01-31"); what it covers is clipped to the satsning's own period;
- a report due after the end (the slutrapport, the uppföljande utvärdering) covers the whole
  satsning and is due `after_end` (months, years) after its last day.

Statuses on a day (`--date`): Väntas, Inkommen (received, its completeness not judged: it
could not be read, or no plan was known), Komplett, Ofullständig, Försenad n dagar,
Överhoppad (the processledare typed it, with a reason), and Utgår: a report expected under an
earlier plan version that the current one no longer expects (a changed beslut makes new
reports; it never moves or deletes the old ones, whose due dates were fixed).
"""

from __future__ import annotations

import calendar
import datetime as dt

from socinv_docs.followup_report import ReportStatus, State
from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.schema import AfterEnd, FollowupSpec, ScheduledReport


def _day(year: int, month_day: str) -> dt.date:
    """MM-DD of `year`; 02-29 in a year without it is the 28th (the profile allows 02-29)."""
    month, day = (int(part) for part in month_day.lstrip("+").split("-"))
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st of a shorter month is its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def after(day: dt.date, wait: AfterEnd) -> dt.date:
    return add_months(day, wait.years * 12 + wait.months)


def due_date(scheduled: ScheduledReport, year: int) -> dt.date:
    """When a recurring report of `year` is due: its day that year, or the year after (+MM-DD)."""
    due = scheduled.due or ""
    return _day(year + 1 if due.startswith("+") else year, due)


def expected_reports(plan: Plan, followup: FollowupSpec | None) -> list[ExpectedReport]:
    """The reports the funder's schedule expects of the plan's satsning, by due date (then
    the schedule's order). None without a period (neither the beslut nor the ansökan gives
    one) or without a schedule: nothing can be due."""
    start, end = plan.period_start, plan.period_end
    if followup is None or start is None or end is None or end < start:
        return []
    out: list[tuple[dt.date, int, ExpectedReport]] = []
    for order, scheduled in enumerate(followup.reports):
        if scheduled.after_end is not None:
            out.append((after(end, scheduled.after_end), order,
                        ExpectedReport(scheduled.kind, "", end.year, start, end, after(end, scheduled.after_end))))
            continue
        for year in range(start.year, end.year + 1):
            period_from, period_to = dt.date(year, 1, 1), _day(year, scheduled.covers_to or "12-31")
            if period_to < start or period_from > end:
                continue  # the satsning has not begun by the period's end, or ended before it
            report = ExpectedReport(scheduled.kind, scheduled.period or "", year, max(period_from, start),
                                    min(period_to, end), due_date(scheduled, year))
            out.append((report.due, order, report))
    out.sort(key=lambda item: (item[0], item[1]))
    return [report for _, _, report in out]


def scheduled_for(report: ExpectedReport, followup: FollowupSpec | None) -> ScheduledReport | None:
    """The schedule's entry an expected report was made from (for its label)."""
    for scheduled in followup.reports if followup is not None else ():
        if scheduled.kind == report.kind and (scheduled.period or "") == report.period:
            return scheduled
    return None


def status_on(report: ExpectedReport, today: dt.date, *, received: str | None = None, skipped: bool = False,
              void: bool = False) -> ReportStatus:
    """Where an expected report stands on `today`. `received`: the received report's status
    (report.Status value: complete, incomplete, unreadable), None when none came in;
    `skipped`: the processledare marked it Överhoppad; `void`: the current plan no longer
    expects it. A report that came in is never late, however late it came."""
    if received is not None:
        state = {"complete": State.COMPLETE, "incomplete": State.INCOMPLETE}.get(received, State.RECEIVED)
        return ReportStatus(state)
    if skipped:
        return ReportStatus(State.SKIPPED)
    if void:
        return ReportStatus(State.VOID)
    if today > report.due:
        return ReportStatus(State.LATE, days_late=(today - report.due).days)
    return ReportStatus(State.EXPECTED, days_left=(report.due - today).days)


def time_share(plan: Plan, today: dt.date) -> float | None:
    """How much of the satsning's period has gone by on `today`, 0 to 1 (None: no period)."""
    start, end = plan.period_start, plan.period_end
    if start is None or end is None or end < start:
        return None
    total = (end - start).days + 1
    gone = (min(max(today, start - dt.timedelta(days=1)), end) - start).days + 1
    return max(0.0, min(1.0, gone / total))

