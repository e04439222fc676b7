"""The report calendar (render/followup/calendar.py): RFC 5545 that a calendar library
reads back, stable UIDs, all-day events with a reminder, escaped and folded text."""

from __future__ import annotations

import datetime as dt

import icalendar
from test_followup_book import a_run

from socinv_docs.followup_report import State
from socinv_docs.plan import Plan
from socinv_docs.render.followup.calendar import calendar_text, fold, write_calendar

D = dt.date


def events(text: str) -> list:
    return [c for c in icalendar.Calendar.from_ical(text).walk("VEVENT")]


def test_every_expected_report_is_an_all_day_event_with_a_reminder(tmp_path):
    run = a_run()
    path = tmp_path / "rapporter.ics"
    assert write_calendar(path, run, reminder_days=10) == 3
    found = events(path.read_bytes().decode("utf-8"))
    assert [e.decoded("DTSTART") for e in found] == [D(2027, 1, 31), D(2027, 9, 15), D(2028, 1, 31)]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in found)
    assert all(e.decoded("DTSTAMP") == dt.datetime(2027, 10, 1, tzinfo=dt.timezone.utc) for e in found)
    alarms = [[a.decoded("TRIGGER") for a in e.walk("VALARM")] for e in found]
    # the report already in needs no reminder; the late and the coming one do
    assert alarms == [[], [dt.timedelta(days=-10)], [dt.timedelta(days=-10)]]


def test_uids_are_stable_and_unique_so_a_reimport_updates(tmp_path):
    first = [str(e["UID"]) for e in events(calendar_text(a_run()))]
    later = a_run()
    later.date = D(2028, 3, 1)
    later.satsningar[0].expected[2].status = later.satsningar[0].expected[2].status.__class__(State.COMPLETE)
    assert [str(e["UID"]) for e in events(calendar_text(later))] == first
    assert len(set(first)) == len(first) and all(u.endswith("@socinv-docs") for u in first)
    assert "laxhjalp" in first[0] and "helar" in first[0] and "2026" in first[0]


def test_applicant_text_is_escaped_and_long_lines_folded():
    run = a_run()
    title = "Läxhjälp, språk; och\nmatematik \\ i Vivalla – " + "å" * 80
    run.satsningar[0].plan = Plan(**{**run.satsningar[0].plan.__dict__, "title": title})
    text = calendar_text(run)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    summary = str(events(text)[0]["SUMMARY"])
    assert summary.endswith(title)  # unescaped and unfolded, as written


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "ö" * 100
    parts = fold(line).split("\r\n ")
    assert "".join(parts) == line and all(len(p.encode("utf-8")) <= 75 for p in parts)
