"""A processledare's portfolio through the follow-up run (issue 21, "What must be shown"):
tools/make_portfolio.py's 30 satsningar over four years, both funders, run on the day the
reports are in and on a later one, the processledare's edits typed between the runs, one run
in English and a LibreOffice save in between.

What the run should say is computed here from the generator's own parameters (each
satsning's beslut, scenario, and the reports it made with the amounts typed in them) and the
funders' schedules as their profiles state them — never by running the code under test
again. What is asserted is data: the JSON's statuses and due dates, the workbook's typed
cells, the calendar as a calendar library reads it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import shutil

import make_portfolio
import openpyxl
import pytest
from conftest import run_cli
from make_portfolio import GAVLEBORG, OREBRO
from test_followup_run import sheet_rows

from socinv_docs.render.followup.sheets import findings, rapporter, satsningar

# A whole portfolio of 30 satsningar made and followed up over four years: an end-to-end run.
pytestmark = pytest.mark.integration

D = dt.date
N = 30
MADE_ON = make_portfolio.MADE_ON  # the run on the day: 2028-10-01
LATER = D(2029, 2, 15)  # Helår 2028 (due 2029-01-31) is 15 days late for every satsning still running

# The funders' schedules as schemas/profiles/*.yaml state them (our assumptions, marked there):
# a recurring report covers the year to its last month and is due (years after, month, day);
# the reports after the end are due so many months after it.
SCHEDULE = {
    OREBRO: {"recurring": (("delar2", 8, (0, 9, 20)), ("helar", 12, (1, 1, 31))),
             "after_end": (("slutrapport", 3), ("uppfoljande_utvardering", 24))},
    GAVLEBORG: {"recurring": (("helar", 12, (1, 1, 31)),),
                "after_end": (("slutrapport", 2), ("uppfoljande_utvardering", 12))},
}


# -- what the run should say, from the generator's parameters -----------------------------------------


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks is its last."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return D(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def granted(s, *, edited: bool) -> int | None:
    """The grant in force: beslut.yaml's, or the one the processledare typed in the workbook."""
    return s.typed_granted if edited and s.typed_granted is not None else s.granted


def owed(s, *, edited: bool) -> dict[str, dt.date]:
    """The reports a satsning owes (key → due date): every recurring period that overlaps its
    period, and the reports after its end. Nothing before the grant is known."""
    if granted(s, edited=edited) is None:
        return {}
    out = {}
    for year in range(s.start.year, s.end.year + 1):
        for period, last_month, (later, month, day) in SCHEDULE[s.profile]["recurring"]:
            covers_to = D(year, last_month, calendar.monthrange(year, last_month)[1])
            if covers_to >= s.start and D(year, 1, 1) <= s.end:
                out[f"redovisning/{period}/{year}"] = D(year + later, month, day)
    for kind, months in SCHEDULE[s.profile]["after_end"]:
        out[f"{kind}/{s.end.isoformat()}"] = months_after(s.end, months)
    return out


def over_grant(s, report) -> bool:
    """COST_TOTAL_EXCEEDED: the fund's costs the report shows exceed the grant."""
    return sum(c.fund or 0 for c in report.costs) > s.granted


def report_state(s, key: str, due: dt.date, today: dt.date, *, edited: bool) -> tuple[str, int, int | None]:
    """(status, days late, days left) of an expected report on `today`."""
    came = next((r for r in s.reports if r.key == key), None)
    if came is not None:
        return ("incomplete" if came.gaps or over_grant(s, came) else "complete"), 0, None
    if edited and key in dict(s.skipped):
        return "skipped", 0, None
    if today > due:
        return "late", (today - due).days, None
    return "expected", 0, (due - today).days


def satsning_state(s, today: dt.date, *, edited: bool) -> str:
    """Satsningar's Läge: the processledare's word, else no grant, a report late, an error
    (an incomplete report), ended, ongoing."""
    manual = {make_portfolio.STOPPED: "stopped", make_portfolio.IMPLEMENTED: "implemented"}
    if edited and s.manual_status:
        return manual[s.manual_status]
    if granted(s, edited=edited) is None:
        return "no_beslut"
    states = [report_state(s, key, due, today, edited=edited)[0] for key, due in owed(s, edited=edited).items()]
    if "late" in states:
        return "late"
    if "incomplete" in states:
        return "deviation"
    return "ended" if today > s.end else "ongoing"


def spent(s) -> tuple[int | None, int | None]:
    """(utfall to date, of which the fund): each calendar year as the latest report that shows
    it (by due date) typed it."""
    latest: dict[int, list] = {}
    for report in sorted(s.reports, key=lambda r: r.due):
        for year in {c.year for c in report.costs}:
            rows = [c for c in report.costs if c.year == year]
            if any(v is not None for c in rows for v in (c.actual, c.fund, c.forecast)):
                latest[year] = rows
    actual = [c.actual for rows in latest.values() for c in rows if c.actual is not None]
    fund = [c.fund for rows in latest.values() for c in rows if c.fund is not None]
    return (sum(actual) if actual else None, sum(fund) if fund else None)


def time_gone(s, today: dt.date) -> float:
    total = (s.end - s.start).days + 1
    gone = (min(max(today, s.start - dt.timedelta(days=1)), s.end) - s.start).days + 1
    return gone / total


# -- the runs ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory, schemas):
    return make_portfolio.make(tmp_path_factory.mktemp("portfolio") / "satsningar", N, schemas=schemas)


def follow(folder, workbook, day: dt.date, *more):
    result = run_cli("followup", folder, "--workbook", workbook, "--date", day.isoformat(), "--format", "json", *more)
    assert result.exit_code in (0, 1), result.output
    return {s["satsning"]: s for s in json.loads(result.stdout)["satsningar"]}


@pytest.fixture(scope="module")
def year(portfolio, tmp_path_factory):
    """The run on the day the reports are in; the processledare's edits typed; the same day
    in English (with the calendar); the workbook saved by LibreOffice; a run later on."""
    root = tmp_path_factory.mktemp("runs")
    workbook = root / "uppfoljning.xlsx"
    first = follow(portfolio.root, workbook, MADE_ON)
    make_portfolio.type_edits(workbook, portfolio)
    english = follow(portfolio.root, workbook, MADE_ON, "--lang", "en", "--calendar", root / "en.ics")
    shutil.copyfile(workbook, root / "english.xlsx")
    saved_by_libreoffice = _libreoffice_save(workbook, root)
    later = follow(portfolio.root, workbook, LATER, "--calendar", root / "later.ics")
    return {"first": first, "english": english, "later": later, "workbook": workbook, "root": root,
            "libreoffice": saved_by_libreoffice}


def _libreoffice_save(workbook, root) -> bool:
    """The workbook opened and saved by LibreOffice (soffice --convert-to xlsx), as a
    processledare without Excel does; False when it is not installed here."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return False
    from test_annotate_excel import _convert

    _convert([workbook], "xlsx", root / "lo", root / "lo-profile")
    shutil.copyfile(root / "lo" / workbook.name, workbook)
    return True


def sheet(workbook, spec, lang: str = "sv") -> dict[str, dict]:
    return {row["key"]: row for row in sheet_rows(openpyxl.load_workbook(workbook)[spec.title], spec, lang)}


# -- the portfolio itself ------------------------------------------------------------------------------


def test_the_portfolio_has_every_case_the_issue_names(portfolio):
    sats = portfolio.satsningar
    assert len(sats) >= 30 and {s.profile for s in sats} == {OREBRO, GAVLEBORG}
    assert len({s.start.year for s in sats if s.scenario != "no_beslut"}) == 4  # starts over four years
    assert [s for s in sats if s.granted is not None and s.granted < s.sought]  # granted less than sought
    assert [s for s in sats if s.start.month != 1]  # År 1 falls on two calendar years
    assert set(make_portfolio.SCENARIOS) <= {s.scenario for s in sats}
    kinds = {r.kind for s in sats for r in s.reports}
    assert kinds == {"redovisning", "slutrapport", "uppfoljande_utvardering"}
    assert all((portfolio.root / r.file).is_file() for s in sats for r in s.reports)
    assert [r for s in sats for r in s.reports if r.gaps]
    assert [r for s in portfolio.of("over") for r in s.reports if over_grant(s, r)]
    assert [s.skipped for s in portfolio.of("skipped")] and portfolio.of("stopped")[0].manual_status
    assert len({s.title for s in sats}) == len(sats)


def test_the_same_arguments_give_the_same_files(tmp_path, schemas):
    made = [make_portfolio.make(tmp_path / str(run), 4, schemas=schemas, made_on=D(2025, 10, 1)) for run in (1, 2)]
    files = [{p.relative_to(m.root): p.read_bytes() for p in sorted(m.root.rglob("*")) if p.is_file()} for m in made]
    assert files[0] == files[1] and len(files[0]) > 8
    assert made[0].satsningar == made[1].satsningar


# -- statuses, due dates and totals on chosen days ---------------------------------------------------


@pytest.mark.parametrize("run, day, edited", [("first", MADE_ON, False), ("english", MADE_ON, True),
                                              ("later", LATER, True)])
def test_every_expected_report_has_its_due_date_and_status(portfolio, year, run, day, edited):
    for s in portfolio.satsningar:
        got = {r["key"]: r for r in year[run][s.name]["expected_reports"]}
        owes = owed(s, edited=edited)
        assert {key: r["due"] for key, r in got.items()} == {k: d.isoformat() for k, d in owes.items()}, s.name
        for key, due in owes.items():
            state, late, left = report_state(s, key, due, day, edited=edited)
            assert (got[key]["status"], got[key]["days_late"], got[key]["days_left"]) == (state, late, left), \
                (s.name, key)
        received = {r["key"]: (r["received"], r["received_on"]) for r in got.values() if r["received"]}
        assert received == {r.key: (r.file, r.datum.isoformat()) for r in s.reports}


@pytest.mark.parametrize("book, day, lang", [("english.xlsx", MADE_ON, "en"), ("uppfoljning.xlsx", LATER, "sv")])
def test_satsningar_has_each_state_and_the_money_to_date(portfolio, year, book, day, lang, schemas):
    rows = sheet(year["root"] / book, satsningar.SHEET, lang)
    words = satsningar.status_words(lang)
    for s in portfolio.satsningar:
        row = rows[s.name]
        assert row["status"] == words[satsning_state(s, day, edited=True)], s.name
        actual, fund = spent(s)
        used = fund if fund is not None else actual
        grant = granted(s, edited=True)
        assert (row["granted"], row["fund_spent"], row["spent"]) == (grant, fund, actual), s.name
        assert row["left"] == grant - (used or 0), s.name
        assert row["budget_share"] == (pytest.approx(used / grant) if used is not None else None), s.name
        assert row["time_share"] == pytest.approx(time_gone(s, day)), s.name
        open_reports = sorted((due, key) for key, due in owed(s, edited=True).items()
                              if report_state(s, key, due, day, edited=True)[0] in ("expected", "late"))
        assert row["next_due"] == (dt.datetime.combine(open_reports[0][0], dt.time()) if open_reports else None)
        assert row["next_days"] == ((open_reports[0][0] - day).days if open_reports else None)
        if open_reports and open_reports[0][1].count("/") == 1:
            # A report due after the end has no period: its kind's name, once.
            assert row["next"] == schemas.kinds[open_reports[0][1].split("/")[0]].name_in(lang), s.name


def test_the_states_on_the_day_and_later(portfolio):
    """The portfolio shows every state the sheet has on the chosen days (computed here, so the
    test above compares each of them)."""
    before_edits = {satsning_state(s, MADE_ON, edited=False) for s in portfolio.satsningar}
    on_the_day = {satsning_state(s, MADE_ON, edited=True) for s in portfolio.satsningar}
    later = {satsning_state(s, LATER, edited=True) for s in portfolio.satsningar}
    assert {"ongoing", "late", "deviation", "ended", "no_beslut"} <= before_edits
    assert {"ongoing", "late", "deviation", "ended", "implemented", "stopped"} <= on_the_day
    assert "no_beslut" not in on_the_day  # its grant typed into the workbook
    assert "late" in later and sum(satsning_state(s, LATER, edited=True) == "late" for s in portfolio.satsningar) > \
        sum(satsning_state(s, MADE_ON, edited=True) == "late" for s in portfolio.satsningar)
    over = portfolio.of("over")[0]
    assert spent(over)[1] > over.granted  # left < 0: the row coloured over budget


def test_a_linked_file_name_fits_its_column_on_one_line(year):
    """LibreOffice does not wrap a cell that is a link: the report's file name on Rapporter
    and Brister must fit its column's width (a width is about one digit; letters are narrower)."""
    book = openpyxl.load_workbook(year["root"] / "english.xlsx")
    linked = 0
    for spec in (rapporter.SHEET, findings.SHEET):
        ws = book[spec.title]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.hyperlink is not None:
                    linked += 1
                    assert len(str(cell.value)) <= ws.column_dimensions[cell.column_letter].width, \
                        (spec.title, cell.coordinate, cell.value)
    assert linked > 100


# -- the processledare's edits ---------------------------------------------------------------------


def test_the_processledare_s_edits_survive_english_libreoffice_and_a_later_run(portfolio, year):
    if not year["libreoffice"]:
        pytest.skip("LibreOffice (soffice) is not installed: the save in between cannot be made here")
    sat = sheet(year["workbook"], satsningar.SHEET)
    for s in portfolio.satsningar:
        assert (sat[s.name]["manual_status"] or "", sat[s.name]["kommentar"] or "") == (s.manual_status, s.kommentar)
    typed = [s for s in portfolio.satsningar if s.typed_granted is not None]
    assert typed and all(sat[s.name]["beviljat_belopp"] == s.typed_granted for s in typed)
    rap = sheet(year["workbook"], rapporter.SHEET)
    skipped = {key: (row["overhoppad"], row["skal"]) for key, row in rap.items() if row["overhoppad"]}
    assert skipped == {json.dumps([s.name, key], ensure_ascii=False): ("Ja", reason) for s in portfolio.satsningar
                       for key, reason in s.skipped}
    for s in portfolio.of("skipped"):
        for key, reason in s.skipped:
            got = next(r for r in year["later"][s.name]["expected_reports"] if r["key"] == key)
            assert (got["status"], got["skipped_reason"]) == ("skipped", reason)


# -- the calendar --------------------------------------------------------------------------------------


def test_the_calendar_has_every_due_date_a_reminder_and_stable_uids(portfolio, year):
    icalendar = pytest.importorskip("icalendar")
    uids = {}
    for run, day in (("en", MADE_ON), ("later", LATER)):
        events = icalendar.Calendar.from_ical((year["root"] / f"{run}.ics").read_bytes()).walk("VEVENT")
        due = sorted(d for s in portfolio.satsningar for d in owed(s, edited=True).values())
        assert sorted(e.decoded("DTSTART") for e in events) == due
        # A reminder for every report still to come in (expected or late), none for the rest.
        open_count = sum(report_state(s, key, d, day, edited=True)[0] in ("expected", "late")
                         for s in portfolio.satsningar for key, d in owed(s, edited=True).items())
        assert sum(bool(e.walk("VALARM")) for e in events) == open_count
        uids[run] = sorted(str(e["UID"]) for e in events)
        assert len(set(uids[run])) == len(events)
    assert uids["en"] == uids["later"]
