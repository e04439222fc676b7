"""The ansökan rules on real .docx/.xlsx files filled in from the official templates, the
ways applicants write values (SPEC §2.2–2.3, issue 'Ansökan and utvärderingsschema')."""

from __future__ import annotations

import pytest
from conftest import OFFICIAL
from docbuilder import ExcelDraft, WordDraft
from make_samples import ANSOKAN_TEXT, COSTS, SAVINGS

from socinv_docs.model import TableValue
from socinv_docs.pipeline import check_document, check_submission

NAMNDER = "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola"


def ansokan(tmp_path, *, period="2026-01-01 – 2028-12-31", procent="50 %", belopp="4 200 000 kr",
            namnder=NAMNDER, civila="", costs=COSTS, savings=SAVINGS, signed=True, name="ansokan.docx"):
    d = WordDraft(OFFICIAL / "ansokan.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    d.fill_field("Projektägare", "Eva Berglund")
    d.fill_field("Kontaktperson", "Sara Holm")
    d.fill_field("Medverkande nämnder", namnder)
    d.fill_field("Medverkande aktörer från civila samhället", civila)
    d.fill_field("Period för genomförande", period)
    d.fill_field("Projektledare, andel av heltid", procent)
    d.fill_field("Sökt belopp", belopp)
    for heading, text in ANSOKAN_TEXT.items():
        d.answer(heading, text)
    d.fill_table("År", costs)
    d.fill_table("Nämnd", savings)
    if signed:
        d.sign([["Förvaltningen förskola och skola", "Eva Berglund", "2025-09-15"]])
    return d.save(tmp_path / name)


def codes(report) -> list[str]:
    return sorted(f.code.value for f in report.findings)


def test_a_complete_ansokan_file(tmp_path, schemas):
    report = check_document(ansokan(tmp_path), schemas)
    assert codes(report) == []
    assert report.document.fields["namnder"].value == [
        {"namnd": "Socialnämnden", "verksamhetsomrade": "Social välfärd"},
        {"namnd": "Grundskolenämnden", "verksamhetsomrade": "Förskola och skola"}]
    # By hand: cost 4 200 000; savings 500 000 × 8 + 350 000 × 6 = 6 100 000; ratio 1.452;
    # yearly 850 000 (years 1–6) → 4 250 000 ≥ 4 200 000 in year 5 (4 × 850 000 = 3 400 000
    # is short, 5 × 850 000 = 4 250 000); period ends 2028 → 2033.
    econ = report.economics
    assert (econ.cost, econ.savings_total, econ.payback_years_after_end, econ.payback_year) == \
        (4_200_000, 6_100_000, 5, 2033)
    assert econ.ratio == pytest.approx(6_100_000 / 4_200_000, abs=1e-4)


@pytest.mark.parametrize("field,value,expected", [
    ("period", "jan 2026 – dec 2028", {"start": "2026-01-01", "end": "2028-12-31"}),
    ("period", "2026–2028", {"start": "2026-01-01", "end": "2028-12-31"}),
    ("procent", "0,5", 50.0),
    ("procent", "50", 50.0),
    ("belopp", "4,2 mkr", 4_200_000),
    ("belopp", "4 200 tkr", 4_200_000),
    ("belopp", "4.200.000", 4_200_000),
])
def test_values_written_the_ways_applicants_write_them(tmp_path, schemas, field, value, expected):
    report = check_document(ansokan(tmp_path, **{field: value}), schemas)
    field_id = {"period": "period", "procent": "projektledare_procent", "belopp": "sokt_belopp"}[field]
    assert report.document.fields[field_id].value == expected
    assert codes(report) == []


@pytest.mark.parametrize("kwargs,expected", [
    ({"period": "2026-01-01 – 2027-12-31"}, []),  # exactly two years
    ({"period": "2026-01-01 – 2030-06-30"}, ["DURATION_OUT_OF_RANGE"]),
    ({"period": "snart"}, ["FIELD_INVALID"]),
    ({"procent": "25 %"}, []),
    ({"procent": "20 %"}, ["PROJECT_LEAD_TOO_LOW"]),
    ({"namnder": "Socialnämnden – Social välfärd"}, ["PARTIES_INSUFFICIENT"]),
    ({"namnder": "Socialnämnden – Social välfärd", "civila": "Föreningen Vivalla Läxhjälp"}, []),
    ({"civila": "Läxhjälp Sverige AB"}, ["PARTY_FOR_PROFIT"]),
    ({"belopp": "4 500 000 kr"}, ["COSTS_INCONSISTENT"]),
    ({"savings": [["Socialnämnden", "420 000", "10"]]}, []),  # exactly equal to the cost
    ({"savings": [["Socialnämnden", "400 000", "10"]]}, ["SAVINGS_BELOW_COST"]),
    ({"savings": [["Socialnämnden", "500 000", "12"]]}, ["SAVINGS_HORIZON_EXCEEDED"]),
    ({"savings": [["Socialnämnden", "en hel del", "10"]]}, ["FIELD_INVALID", "SAVINGS_BELOW_COST"]),
    ({"signed": False}, ["SIGNATURE_MISSING"]),
])
def test_each_rule_fires_where_it_should_and_nowhere_else(tmp_path, schemas, kwargs, expected):
    assert codes(check_document(ansokan(tmp_path, **kwargs), schemas)) == expected


def test_each_table_cell_is_read_once_by_its_column_type(tmp_path, schemas):
    """Extraction reads every cell by its column's type (the kind's tables.types); the rules
    and the economics use that one value, so they cannot read a cell differently (issue 19)."""
    savings = [["Socialnämnden", "en hel del", "10"], ["Grundskolenämnden", "350 tkr", "6"]]
    report = check_document(ansokan(tmp_path, savings=savings), schemas)
    first, second = report.document.tables["ekonomiska_effekter"].rows
    assert first.values["besparing_per_ar"] == TableValue(raw="en hel del", value=None, invalid=True, type="amount")
    assert (first.values["part"].value, first.values["antal_ar"].value) == ("Socialnämnden", 10.0)
    assert (second.values["besparing_per_ar"].value, second.values["antal_ar"].type) == (350_000, "duration")
    assert [f.params["raw"] for f in report.findings if f.code.value == "FIELD_INVALID"] == ["en hel del"]
    # The economics count the same cells: the unreadable one as no saving.
    assert report.economics.savings_total == 350_000 * 6
    assert [(p.party, p.per_year) for p in report.economics.savings_per_party] == \
        [("Socialnämnden", None), ("Grundskolenämnden", 350_000)]


def _schema(tmp_path, rows, merge_key=True):
    x = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    x.grid_rows(rows, merge_key=merge_key)
    return x.save(tmp_path / "utvarderingsschema.xlsx")


def test_submission_with_its_utvarderingsschema(tmp_path, schemas):
    schema = _schema(tmp_path, [
        ["Minskad skolfrånvaro", "Mentorsamtal", "Antal samtal", "", "", "Frånvaro i %", "14 % ht 2025"],
        [None, "Föräldraträffar", "", "", "", "", ""],  # the merged goal covers this row
        ["Fler behöriga", "Läxhjälp", "", "Upplevd studiero", "", "", ""],  # no basmätning
    ])
    reports = [check_document(ansokan(tmp_path), schemas), check_document(schema, schemas)]
    sub = check_submission("inskick", reports, schemas)
    assert sub.findings == []  # the attachment is there
    found = sorted((f.code.value, f.severity.value, f.section) for f in reports[1].findings)
    # No goal has an economic effect: that column is only a warning (schemas/kinds).
    assert found == [("SCHEMA_ROW_INCOMPLETE", "error", "mal"),
                     ("SECTION_EMPTY", "warning", "ekonomiska_effekter")]
    incomplete = next(f for f in reports[1].findings if f.code.value == "SCHEMA_ROW_INCOMPLETE")
    assert incomplete.where.row == 7  # the goal "Fler behöriga"
    assert sub.status.value == "incomplete"
    alone = check_submission("inskick", reports[:1], schemas)
    assert [(f.code.value, f.severity.value) for f in alone.findings] == [("ATTACHMENT_MISSING", "error")]


@pytest.mark.parametrize("years", ["10 år", "8 år", "10 år efter avslut", "6 år."])
def test_years_written_with_their_unit_are_counted(tmp_path, schemas, years):
    """'10 år' in the savings table is the applicant's answer, not the template's column
    header 'År' with a heading number before it: it was set aside as template text, and the
    party's savings were not counted."""
    savings = [["Socialnämnden", "300 000", years]]
    report = check_document(ansokan(tmp_path, savings=savings), schemas)
    (row,) = report.document.tables["ekonomiska_effekter"].rows
    expected = float(years.split()[0])
    assert row.values["antal_ar"].value == expected, row.values["antal_ar"]
    assert report.economics.savings_total == 300_000 * min(expected, 10)
