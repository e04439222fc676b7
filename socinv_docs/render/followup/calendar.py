"""The report calendar (`socinv followup --calendar rapporter.ics`, issue 21): every expected
report's due date as an all-day event that Outlook and Google Calendar import.

iCalendar (RFC 5545) written here by hand: the format is small and exact, and a library
would be one more dependency for twenty lines. What the RFC asks and a re-import needs:

- a UID per expected report that is the same in every run — the satsning, the report's kind,
  period and year (or the end it follows) @socinv-docs — so a calendar that imports the file
  again updates its events instead of adding copies; DTSTAMP is the run's date (--date), so
  the same run gives the same file;
- an all-day event on the due date (DTSTART;VALUE=DATE, DTEND the day after), with a
  reminder (VALARM) a number of days before (default 14) while the report is still to come;
- text escaped (backslash, comma, semicolon, newline: applicant text has them all), lines
  folded at 75 octets without splitting a character, CRLF line ends.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

from socinv_docs import messages
from socinv_docs.atomic import write_bytes
from socinv_docs.followup_report import ExpectedRow, FollowupRun, State

PRODID = "-//socinv-docs//Uppföljning av sociala investeringar//SV"
DEFAULT_REMINDER_DAYS = 14
UID_DOMAIN = "socinv-docs"


def escape(text: str) -> str:
    """TEXT as RFC 5545 §3.3.11 writes it."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets (§3.1): CRLF and a space before each further part,
    never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # a continuation line starts with the space
        if size + n > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def uid(satsning: str, row: ExpectedRow) -> str:
    """The event's identity, stable across runs: the satsning and the report's key, as
    ASCII (percent-encoded), @socinv-docs."""
    return f"{quote(satsning, safe='')}-{quote(row.report.key, safe='')}@{UID_DOMAIN}"


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _event(satsning: str, title: str, row: ExpectedRow, stamp: str, reminder_days: int, lang: str) -> list[str]:
    report = row.report
    name = row.kind_name.get(lang) or row.kind_name.get("sv", "")
    period = row.label.get(lang) or row.label.get("sv", "")
    status = messages.text(f"followup.ics.state.{row.status.state.value}", lang, days=row.status.days_late)
    summary = messages.text("followup.ics.summary", lang, kind=name, period=period, satsning=title or satsning)
    description = messages.text("followup.ics.description", lang, satsning=satsning, title=title, kind=name,
                                period=period, start=report.covers_from.isoformat(), end=report.covers_to.isoformat(),
                                due=report.due.isoformat(), status=status)
    lines = ["BEGIN:VEVENT", f"UID:{uid(satsning, row)}", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{_day(report.due)}", f"DTEND;VALUE=DATE:{_day(report.due + dt.timedelta(days=1))}",
             f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(description)}",
             f"CATEGORIES:{escape(messages.text('followup.ics.category', lang))}", "TRANSP:TRANSPARENT"]
    if row.open and reminder_days >= 0:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape(summary)}",
                  f"TRIGGER:-P{reminder_days}D", "END:VALARM"]
    return [*lines, "END:VEVENT"]


def calendar_text(run: FollowupRun, *, reminder_days: int = DEFAULT_REMINDER_DAYS, lang: str = "sv") -> str:
    """The calendar of every expected report of the run (a report a newer plan no longer
    expects is left out), in due-date order."""
    stamp = f"{_day(run.date)}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(messages.text('followup.ics.name', lang))}"]
    events = [(row.report.due, s.satsning, row.report.key, s, row) for s in run.satsningar for row in s.expected
              if row.status.state is not State.VOID]
    for _, _, _, s, row in sorted(events, key=lambda e: e[:3]):
        lines += _event(s.satsning, s.plan.title if s.plan else "", row, stamp, reminder_days, lang)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_calendar(path: Path, run: FollowupRun, *, reminder_days: int = DEFAULT_REMINDER_DAYS,
                   lang: str = "sv") -> int:
    """Write the calendar atomically; the number of events."""
    text = calendar_text(run, reminder_days=reminder_days, lang=lang)
    write_bytes(path, text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")
