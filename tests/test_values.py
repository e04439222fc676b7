"""Values the way applicants write them (amounts, percents, periods, durations, nämnder)."""

from __future__ import annotations

import datetime as dt

import pytest

from socinv_docs.extract.document import parse_value
from socinv_docs.extract.values import (
    foreign_unit,
    parse_amount,
    parse_budget_year,
    parse_calendar_year,
    parse_cell,
    parse_date,
    parse_duration,
    parse_measure_value,
    parse_percent,
    parse_period,
    parse_report_period,
    parse_time_point,
    period_years,
)


@pytest.mark.parametrize("text,expected", [
    ("3 600 000", 3_600_000), ("3 600 000 kr", 3_600_000), ("3,6 mkr", 3_600_000), ("3 600 tkr", 3_600_000),
    ("3.600.000", 3_600_000), ("3600000:-", 3_600_000), ("3,6 miljoner", 3_600_000),
    ("3,6 miljoner kronor", 3_600_000), ("ca 3 600 000", 3_600_000), ("SEK 3 600 000", 3_600_000),
    ("3\u2009600\u2009000", 3_600_000), ("3\u00a0600\u00a0000 kr", 3_600_000), ("cirka 3,6 MSEK", 3_600_000),
    ("massor", None), ("", None),
])
def test_amounts(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("type_,text,value,readable", [
    # A table cell left blank or dashed is no amount, and nothing wrong; "0" is 0 kr.
    ("amount", "", None, True), ("amount", "–", None, True), ("amount", "0", 0, True),
    ("amount", "1,2 mkr", 1_200_000, True), ("amount", "350 tkr", 350_000, True), ("amount", "massor", None, False),
    ("duration", "10", 10.0, True), ("duration", "8 år", 8.0, True), ("duration", "tio år", 10.0, True),
    ("duration", "länge", None, False),
    ("hours", "200", 200.0, True), ("hours", "200 timmar", 200.0, True), ("hours", "200 h", 200.0, True),
    ("hours", "två timmar", None, False),
    ("text", " Socialnämnden ", " Socialnämnden ", True),
])
def test_table_cells_by_their_column_type(type_, text, value, readable):
    assert parse_cell(type_, text) == (value, readable)


@pytest.mark.parametrize("label,years", [
    ("År 1", (1, None)), ("år 12", (12, None)), ("2027", (None, 2027)), ("År 2 (2028)", (2, 2028)),
    ("Year 3", (3, None)), ("Totalt", (None, None)), ("Årlig kostnad", (None, None)),
])
def test_budget_row_labels_name_a_project_or_calendar_year(label, years):
    assert parse_budget_year(label) == years


@pytest.mark.parametrize("text,year", [
    ("2027", 2027), ("2027 (år 2)", 2027), ("År 2027", 2027),
    # No calendar year, or more than one: a report's Kalenderår that cannot be read.
    ("År 1", None), ("2026–2027", None), ("Totalt", None), ("", None),
])
def test_a_report_rows_calendar_year(text, year):
    assert parse_calendar_year(text) == year


@pytest.mark.parametrize("text,expected", [
    ("1,2 mkr", 1_200_000), ("350 tkr", 350_000), ("1 250 000 kr", 1_250_000), ("1 250 000:-", 1_250_000),
])
def test_amounts_in_the_plan_and_the_reports(text, expected):
    assert parse_amount(text) == expected
    assert foreign_unit(text) is None


@pytest.mark.parametrize("text,unit", [
    ("350 EUR", "EUR"), ("12 000 dollar", "dollar"), ("40 timmar", "timmar"), ("€350", "€"), ("$ 12 000", "$"),
    ("USD 350", "USD"), ("ca 350 euro", "euro"), ("100 %", "%"),
])
def test_an_amount_in_another_currency_or_unit_is_never_kronor(text, unit):
    assert parse_amount(text) is None
    assert foreign_unit(text) == unit


@pytest.mark.parametrize("text", ["ungefär tre miljoner", "3 600 000 kr per år", "massor", "", "350"])
def test_no_unit_is_named_where_there_is_none(text):
    assert foreign_unit(text) is None


@pytest.mark.parametrize("text,expected", [
    ("Delår 2 2027", {"period": "delar2", "year": 2027}), ("delår 2, 2027", {"period": "delar2", "year": 2027}),
    ("Delårsrapport 2/2027", {"period": "delar2", "year": 2027}), ("2027 delår 2", {"period": "delar2", "year": 2027}),
    ("delår två 2027", {"period": "delar2", "year": 2027}), ("Delår 2 (jan–aug) 2027", {"period": "delar2", "year": 2027}),
    ("Delår 1 2027", {"period": "delar1", "year": 2027}),
    ("Helår 2027", {"period": "helar", "year": 2027}), ("helåret 2027", {"period": "helar", "year": 2027}),
    ("Årsbokslut 2027", {"period": "helar", "year": 2027}), ("Helårsredovisning 2027", {"period": "helar", "year": 2027}),
    # No year, two years, no period word, or both periods: not one report period.
    ("Delår 2", None), ("2027", None), ("Delår 2 2026–2027", None), ("Helår 2027 och delår 2 2027", None),
    ("delår 4 2027", None), ("nästa år", None),
])
def test_report_periods(text, expected):
    assert parse_report_period(text) == expected
    assert parse_value("report_period", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2027-09-15", "2027-09-15"), ("15 september 2027", "2027-09-15"), ("2027/09/15", "2027-09-15"),
    ("september 2027", None), ("2027", None), ("2027-02-30", None), ("i september", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected
    assert parse_value("date", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("50 %", 50), ("50", 50), ("0,5", 50), ("25 procent", 25), ("50%", 50), ("halvtid", 50), ("Heltid", 100),
    ("hälften", None),
])
def test_percents(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text,start,end", [
    ("2026-01-01 – 2028-12-31", "2026-01-01", "2028-12-31"),
    ("2026-01-01–2028-12-31", "2026-01-01", "2028-12-31"),
    ("jan 2026 – dec 2028", "2026-01-01", "2028-12-31"),
    ("januari 2026 till december 2027", "2026-01-01", "2027-12-31"),
    ("1 januari 2026 – 31 december 2028", "2026-01-01", "2028-12-31"),
    ("2026-01 – 2028-12", "2026-01-01", "2028-12-31"),
    ("2026–2028", "2026-01-01", "2028-12-31"),
])
def test_periods(text, start, end):
    assert parse_period(text) == {"start": start, "end": end}


def test_unreadable_and_backwards_periods():
    assert parse_period("snart") is None
    assert parse_period("2028-01-01 – 2026-12-31") is None


def test_period_length_is_exact_at_whole_years():
    assert period_years({"start": "2026-01-01", "end": "2027-12-31"}) == 2.0
    assert period_years({"start": "2026-03-15", "end": "2028-03-14"}) == 2.0


@pytest.mark.parametrize("text,years", [
    ("3 år", 3), ("två år", 2), ("fem år", 5), ("24 månader", 2), ("2019–2021", 3), ("1,5 år", 1.5),
    ("ett och ett halvt år", 1.5), ("18 mån", 1.5), ("2 år och 6 månader", 2.5), ("ett år och tre månader", 1.25),
    ("Satsningen pågår i 2 år, därefter 6 månader uppföljning", 2), ("vet inte än", None),
])
def test_durations(text, years):
    assert parse_duration(text) == years


@pytest.mark.parametrize("text,names", [
    ("Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola", ["Socialnämnden", "Grundskolenämnden"]),
    ("Socialnämnden, Grundskolenämnden", ["Socialnämnden", "Grundskolenämnden"]),
    ("Socialnämnden och Grundskolenämnden", ["Socialnämnden", "Grundskolenämnden"]),
    ("Vård- och omsorgsnämnden; Kultur- och fritidsnämnden", ["Vård- och omsorgsnämnden", "Kultur- och fritidsnämnden"]),
    ("Socialnämnden – barn, unga och familj", ["Socialnämnden"]),
    ("Socialnämnden (Social välfärd), Kommunstyrelsen", ["Socialnämnden", "Kommunstyrelsen"]),
])
def test_namnder_however_typed(text, names):
    assert [p["namnd"] for p in parse_value("parties", text)] == names


# -- a follow-up report's measures (SPEC §9: TARGET_NOT_MET, MEASURE_NOT_REPORTED) -------------

@pytest.mark.parametrize("text,expected", [
    ("2028-06", dt.date(2028, 6, 30)), ("2028-06-15", dt.date(2028, 6, 15)), ("juni 2028", dt.date(2028, 6, 30)),
    ("2028", dt.date(2028, 12, 31)), ("vt 2028", dt.date(2028, 6, 30)), ("HT 2027", dt.date(2027, 12, 31)),
    ("Vårterminen 2028", dt.date(2028, 6, 30)), ("efter avslut", None), ("Vårterminen", None), ("", None),
])
def test_a_measures_tidpunkt_is_the_last_day_it_names(text, expected):
    assert parse_time_point(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("72 %", (72.0, True)), ("80%", (80.0, True)), ("12,5 procent", (12.5, True)), ("45", (45.0, False)),
    ("62 % (vt 2025)", (62.0, True)), ("1 200 besök", (1200.0, False)), ("ca 40 %", (40.0, True)),
    ("Ej mätt", None), ("2027: 45", None), ("40–50", None), ("2027-06-01", None), ("", None),
])
def test_a_measures_value_reads_as_a_number_only_when_it_begins_with_one(text, expected):
    assert parse_measure_value(text) == expected
