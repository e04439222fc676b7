"""The reports a satsning owes (schedule.py): from its plan's period and the funder's
schedule, with due dates, and where each stands on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from socinv_docs.followup_report import State
from socinv_docs.plan import Beslut, Plan
from socinv_docs.schedule import add_months, expected_reports, scheduled_for, status_on, time_share
from socinv_docs.schema import AfterEnd, FollowupSpec, ScheduledReport

D = dt.date

# Örebro's shape (the profile's followup block): delår 2 and helår, the slutrapport three
# months after the end, the uppföljande utvärdering two years after.
ORebro = FollowupSpec(reports=[
    ScheduledReport(kind="redovisning", period="delar2", covers_to="08-31", due="09-15"),
    ScheduledReport(kind="redovisning", period="helar", covers_to="12-31", due="+01-31"),
    ScheduledReport(kind="slutrapport", after_end=AfterEnd(months=3)),
    ScheduledReport(kind="uppfoljande_utvardering", after_end=AfterEnd(years=2)),
])


def plan(start: dt.date | None, end: dt.date | None) -> Plan:
    return Plan(satsning="s", version=1, frozen_on=D(2026, 1, 1), profile="orebro-2020", title="S",
                beslut=Beslut(start=start, slut=end), period_start=start, period_end=end)


def keys(reports) -> list[tuple]:
    return [(r.kind, r.period, r.year, r.covers_from, r.covers_to, r.due) for r in reports]


def test_every_period_that_overlaps_the_satsning_then_the_reports_after_the_end():
    reports = expected_reports(plan(D(2026, 9, 15), D(2028, 3, 31)), ORebro)
    assert keys(reports) == [
        # delår 2 2026 (January–August) is over before the start: not expected
        ("redovisning", "helar", 2026, D(2026, 9, 15), D(2026, 12, 31), D(2027, 1, 31)),
        ("redovisning", "delar2", 2027, D(2027, 1, 1), D(2027, 8, 31), D(2027, 9, 15)),
        ("redovisning", "helar", 2027, D(2027, 1, 1), D(2027, 12, 31), D(2028, 1, 31)),
        # the satsning ends in March 2028: the slutrapport is due before delår 2 2028, which
        # still covers its January–March
        ("slutrapport", "", 2028, D(2026, 9, 15), D(2028, 3, 31), D(2028, 6, 30)),
        ("redovisning", "delar2", 2028, D(2028, 1, 1), D(2028, 3, 31), D(2028, 9, 15)),
        ("redovisning", "helar", 2028, D(2028, 1, 1), D(2028, 3, 31), D(2029, 1, 31)),
        ("uppfoljande_utvardering", "", 2028, D(2026, 9, 15), D(2028, 3, 31), D(2030, 3, 31)),
    ]
    assert len({r.key for r in reports}) == len(reports)


def test_a_satsning_of_whole_years_owes_two_redovisningar_a_year():
    reports = expected_reports(plan(D(2026, 1, 1), D(2028, 12, 31)), ORebro)
    assert [(r.kind, r.period, r.year) for r in reports if r.kind == "redovisning"] == [
        (k, p, y) for y in (2026, 2027, 2028) for k, p in (("redovisning", "delar2"), ("redovisning", "helar"))]
    slut = next(r for r in reports if r.kind == "slutrapport")
    assert slut.due == D(2029, 3, 31)


def test_nothing_is_expected_without_a_period_or_a_schedule():
    assert expected_reports(plan(None, None), ORebro) == []
    assert expected_reports(plan(D(2026, 1, 1), D(2027, 1, 1)), None) == []
    assert expected_reports(plan(D(2027, 1, 1), D(2026, 1, 1)), ORebro) == []  # ends before it starts


def test_due_days_at_month_ends_and_leap_days():
    assert add_months(D(2028, 8, 31), 3) == D(2028, 11, 30)
    assert add_months(D(2027, 11, 30), 3) == D(2028, 2, 29)
    assert add_months(D(2028, 2, 29), 12) == D(2029, 2, 28)
    leap = FollowupSpec(reports=[ScheduledReport(kind="redovisning", period="feb", covers_to="02-29", due="03-01")])
    reports = expected_reports(plan(D(2027, 1, 1), D(2028, 12, 31)), leap)
    assert [(r.year, r.covers_to) for r in reports] == [(2027, D(2027, 2, 28)), (2028, D(2028, 2, 29))]


def test_the_schedule_entry_of_an_expected_report():
    reports = expected_reports(plan(D(2026, 1, 1), D(2026, 12, 31)), ORebro)
    assert [scheduled_for(r, ORebro) for r in reports] == [ORebro.reports[0], ORebro.reports[1], ORebro.reports[2],
                                                           ORebro.reports[3]]


@pytest.mark.parametrize("received,skipped,void,today,state,late,left", [
    (None, False, False, D(2027, 9, 1), State.EXPECTED, 0, 14),
    (None, False, False, D(2027, 9, 15), State.EXPECTED, 0, 0),  # due today: not late yet
    (None, False, False, D(2027, 9, 25), State.LATE, 10, None),
    ("complete", False, False, D(2027, 12, 1), State.COMPLETE, 0, None),  # came in late: never "late"
    ("incomplete", False, False, D(2027, 9, 1), State.INCOMPLETE, 0, None),
    ("unreadable", False, False, D(2027, 9, 1), State.RECEIVED, 0, None),
    (None, True, False, D(2027, 12, 1), State.SKIPPED, 0, None),
    (None, False, True, D(2027, 12, 1), State.VOID, 0, None),
])
def test_status_on_a_day(received, skipped, void, today, state, late, left):
    report = expected_reports(plan(D(2027, 1, 1), D(2027, 12, 31)), ORebro)[0]
    assert report.due == D(2027, 9, 15)
    status = status_on(report, today, received=received, skipped=skipped, void=void)
    assert (status.state, status.days_late, status.days_left) == (state, late, left)


def test_share_of_the_time_gone():
    p = plan(D(2026, 1, 1), D(2026, 12, 31))
    assert time_share(p, D(2025, 6, 1)) == 0.0
    assert time_share(p, D(2026, 1, 1)) == pytest.approx(1 / 365)
    assert time_share(p, D(2026, 7, 2)) == pytest.approx(183 / 365)
    assert time_share(p, D(2030, 1, 1)) == 1.0
    assert time_share(plan(None, None), D(2026, 1, 1)) is None
