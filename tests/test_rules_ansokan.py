"""The Örebro ansökan rules on the document model: every rule fires where it should and
nowhere else, with the borderline numbers (exactly 2 and 4 years, exactly 25 %, savings
exactly equal to the cost). File-level tests live in test_ansokan_files.py.
"""

from __future__ import annotations

import pytest

from socinv_docs.codes import Code, Severity
from socinv_docs.extract.document import typed_field
from socinv_docs.extract.tables import typed_row
from socinv_docs.location import Location
from socinv_docs.model import Document, Section, SectionState, Signature, Table
from socinv_docs.pipeline import evaluate

BASE_FIELDS = {
    "namn": "Läxhjälp i Vivalla",
    "projektagare": "Anna Ek",
    "kontaktperson": "Bo Lind",
    "namnder": "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola",
    "civila_aktorer": "",
    "offentlig_aktor": "",
    "period": "2026-01-01 – 2028-12-31",
    "projektledare_procent": "50 %",
    "sokt_belopp": "3 600 000 kr",
}

COSTS = [
    ("År 1", "800 000", "100 000", "100 000", "1 000 000"),
    ("År 2", "800 000", "100 000", "100 000", "1 000 000"),
    ("År 3", "800 000", "100 000", "100 000", "1 000 000"),
    ("År 4", "500 000", "50 000", "50 000", "600 000"),
    ("Totalt", "2 900 000", "350 000", "350 000", "3 600 000"),
]
SAVINGS = [("Socialnämnden", "300 000", "10"), ("Grundskolenämnden", "200 000", "8")]


def ansokan(schemas, fields=None, costs=COSTS, savings=SAVINGS, signed=True) -> Document:
    kind = schemas.kinds["ansokan"]
    doc = Document(file="ansokan.docx", kind="ansokan", profile="orebro-2020", format="docx")
    for spec in kind.sections:
        doc.sections[spec.id] = Section(id=spec.id, state=SectionState.OK, heading=spec.heading, text="svar",
                                        words=1)
    values = {**BASE_FIELDS, **(fields or {})}
    for spec in kind.fields:
        doc.fields[spec.id] = typed_field(spec, values.get(spec.id, ""), Location(label=spec.label))
    # Typed as extraction types them: each cell once, by its column's type in the schema.
    tables = {t.id: t for t in kind.tables}
    doc.tables["kostnader"] = Table(id="kostnader", rows=[
        typed_row(tables["kostnader"], r[0], dict(zip(("year", "personal", "lokaler", "ovrigt", "summa"), r)),
                  Location(table=2, row=i + 2)) for i, r in enumerate(costs)])
    doc.tables["ekonomiska_effekter"] = Table(id="ekonomiska_effekter", rows=[
        typed_row(tables["ekonomiska_effekter"], r[0], dict(zip(("part", "besparing_per_ar", "antal_ar"), r)),
                  Location(table=3, row=i + 2)) for i, r in enumerate(savings)])
    doc.signatures = [Signature(values=["Socialförvaltningen", "Anna Ek", "2025-10-01"])] if signed else []
    return doc


def codes(findings) -> list[Code]:
    return sorted(f.code for f in findings)


def test_a_consistent_ansokan_has_no_findings(schemas):
    findings, econ = evaluate(ansokan(schemas), schemas)
    assert findings == []
    assert econ.cost == 3_600_000


def test_economics_match_a_hand_calculation(schemas):
    # Socialnämnden claims 12 years: only 10 count. 300 000 × 10 + 200 000 × 8 = 4 600 000.
    # Yearly after the end: years 1–8 500 000, years 9–10 300 000. Cumulative reaches
    # 3 600 000 in year 8 (7 × 500 000 = 3 500 000 is short). Period ends 2028 → 2036.
    doc = ansokan(schemas, savings=[("Socialnämnden", "300 000", "12"), ("Grundskolenämnden", "200 000", "8")])
    findings, econ = evaluate(doc, schemas)
    assert econ.savings_total == 4_600_000
    assert econ.savings_per_party[0].counted_years == 10
    assert econ.ratio == pytest.approx(4_600_000 / 3_600_000, abs=1e-4)
    assert econ.payback_years_after_end == 8
    assert econ.payback_year == 2036
    assert codes(findings) == [Code.SAVINGS_HORIZON_EXCEEDED]


def test_discount_rate_gives_present_values(schemas):
    # 1 000 000 a year for 2 years at 10 %: 1 000 000/1.1 + 1 000 000/1.21 = 1 735 537.
    from socinv_docs.economics import present_value
    from socinv_docs.loading import validate
    from socinv_docs.roles import SavingsRow
    from socinv_docs.schema import EconomicsSpec

    rows = [SavingsRow(party="A", per_year=1_000_000, years=2, location=Location())]
    assert present_value(rows, EconomicsSpec(kinds=["x"], discount_rate=0.10)) == 1_735_537
    assert present_value(rows, EconomicsSpec(kinds=["x"])) == 2_000_000
    # A stepped schedule: 10 % in year 1, then 0 %: 1 000 000/1.1 + 1 000 000/1.1 = 1 818 182.
    stepped = validate(EconomicsSpec, {"kinds": ["x"], "rate_schedule": [{"until_year": 1, "rate": 0.10}, {"rate": 0.0}]})
    assert present_value(rows, stepped) == 1_818_182


@pytest.mark.parametrize("period,expected", [
    ("2026-01-01 – 2027-12-31", []),  # exactly 2 years
    ("2026-01-01 – 2029-12-31", []),  # exactly 4 years
    ("2026-01-01 – 2027-06-30", [Code.DURATION_OUT_OF_RANGE]),  # 1.5 years
    ("2026–2030", [Code.DURATION_OUT_OF_RANGE]),  # 5 years
    ("jan 2026 – dec 2028", []),
])
def test_duration_borders(schemas, period, expected):
    findings, _ = evaluate(ansokan(schemas, {"period": period}), schemas)
    assert codes(findings) == expected


def test_unreadable_period_is_field_invalid(schemas):
    findings, _ = evaluate(ansokan(schemas, {"period": "någon gång nästa år"}), schemas)
    assert codes(findings) == [Code.FIELD_INVALID]


@pytest.mark.parametrize("percent,expected", [
    ("25 %", []), ("25", []), ("0,25", []), ("24,5 %", [Code.PROJECT_LEAD_TOO_LOW]),
    ("20", [Code.PROJECT_LEAD_TOO_LOW]), ("en kvarts tjänst", [Code.FIELD_INVALID]),
])
def test_project_lead_borders(schemas, percent, expected):
    findings, _ = evaluate(ansokan(schemas, {"projektledare_procent": percent}), schemas)
    assert codes(findings) == expected


@pytest.mark.parametrize("namnder,civil,public,expected", [
    ("Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola", "", "", []),
    ("Socialnämnden – Social välfärd", "Föreningen Läxhjälpen", "", []),
    ("Socialnämnden – Social välfärd", "", "", [Code.PARTIES_INSUFFICIENT]),
    ("Socialnämnden – Social välfärd\nVård- och omsorgsnämnden – Social välfärd", "", "",
     [Code.PARTIES_INSUFFICIENT]),  # two nämnder, same verksamhetsområde
    ("Socialnämnden – Social välfärd", "Läxhjälp Sverige AB", "",
     [Code.PARTIES_INSUFFICIENT, Code.PARTY_FOR_PROFIT]),  # a company is no civil actor
    ("Socialnämnden – Social välfärd", "Föreningen Läxhjälpen", "Örebrobostäder AB", []),  # municipal company
    ("Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola", "Konsult Aktiebolag", "",
     [Code.PARTY_FOR_PROFIT]),
    ("Socialnämnden – Social välfärd", "Abf Örebro", "", []),  # "Abf" is not "AB"
    ("Socialnämnden, Grundskolenämnden", "", "", []),  # one line, two nämnder
    ("Socialnämnden och Kultur- och fritidsnämnden", "", "", []),
    ("Socialnämnden – individ- och familjeomsorg\nSocialnämnden – funktionsstöd", "", "",
     [Code.PARTIES_INSUFFICIENT]),  # one nämnd with two of its areas
])
def test_parties(schemas, namnder, civil, public, expected):
    doc = ansokan(schemas, {"namnder": namnder, "civila_aktorer": civil, "offentlig_aktor": public})
    findings, _ = evaluate(doc, schemas)
    assert codes(findings) == sorted(expected)


def test_costs_that_do_not_add_up(schemas):
    bad = [list(r) for r in COSTS]
    bad[0][4] = "1 100 000"  # År 1: components say 1 000 000
    findings, _ = evaluate(ansokan(schemas, costs=[tuple(r) for r in bad]), schemas)
    # the row, and then År 1–4 (3 700 000) against Totalt (3 600 000)
    assert codes(findings) == [Code.COSTS_INCONSISTENT, Code.COSTS_INCONSISTENT]
    assert all(f.severity is Severity.WARNING for f in findings)


def test_total_differs_from_requested_amount(schemas):
    findings, _ = evaluate(ansokan(schemas, {"sokt_belopp": "4 000 000"}), schemas)
    assert codes(findings) == [Code.COSTS_INCONSISTENT]


def test_unreadable_amount_in_cost_table(schemas):
    bad = [list(r) for r in COSTS]
    bad[1][1] = "ungefär en miljon"
    findings, _ = evaluate(ansokan(schemas, costs=[tuple(r) for r in bad]), schemas)
    assert Code.FIELD_INVALID in codes(findings)
    invalid = next(f for f in findings if f.code is Code.FIELD_INVALID)
    assert "variant" not in invalid.params  # words, no unit: the plain message


def test_an_amount_in_another_currency_or_unit_names_it(schemas):
    """'350 EUR' is never read as kronor, and the finding says which unit it is in."""
    bad = [list(r) for r in COSTS]
    bad[1][1] = "12 000 dollar"
    doc = ansokan(schemas, fields={"sokt_belopp": "350 000 EUR"}, costs=[tuple(r) for r in bad],
                  savings=[("Socialnämnden", "40 timmar", "10")])
    findings, _ = evaluate(doc, schemas)
    invalid = sorted((f.field, f.params.get("variant"), f.params.get("unit"), f.params["raw"])
                     for f in findings if f.code is Code.FIELD_INVALID)
    assert invalid == [("ekonomiska_effekter", "unit", "timmar", "40 timmar"),
                       ("kostnader", "unit", "dollar", "12 000 dollar"),
                       ("sokt_belopp", "unit", "EUR", "350 000 EUR")]


@pytest.mark.parametrize("savings,expected", [
    ([("Socialnämnden", "360 000", "10")], []),  # exactly equal to the cost
    ([("Socialnämnden", "359 999", "10")], [Code.SAVINGS_BELOW_COST]),
    ([("Socialnämnden", "300 000", "15")], [Code.SAVINGS_BELOW_COST, Code.SAVINGS_HORIZON_EXCEEDED]),
    ([("Socialnämnden", "400 000", "15")], [Code.SAVINGS_HORIZON_EXCEEDED]),
    ([], [Code.SAVINGS_BELOW_COST]),  # no savings filled in: nothing shows it pays for itself
])
def test_savings_against_cost(schemas, savings, expected):
    findings, _ = evaluate(ansokan(schemas, savings=savings), schemas)
    assert codes(findings) == sorted(expected)


def test_missing_signatures_warn(schemas):
    findings, _ = evaluate(ansokan(schemas, signed=False), schemas)
    assert codes(findings) == [Code.SIGNATURE_MISSING]
    assert findings[0].severity is Severity.WARNING


def test_rules_of_one_profile_do_not_apply_to_another_kind(schemas):
    # The förslag profile has no parties or economics rules: a förslag with one
    # förvaltning is fine (Mölndal: "kan drivas av två eller flera förvaltningar").
    assert schemas.profiles["molndal-2018"].options("parties") is None
    assert schemas.profiles["molndal-2018"].economics is None
