"""The plan of a satsning (SPEC §9) as data: to JSON and back exactly, refused in a newer
format, and handed to the rules of a follow-up report."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import OFFICIAL

from socinv_docs.pipeline import check_document
from socinv_docs.plan import (
    FORMAT,
    Beslut,
    BudgetLine,
    Forkalkyl,
    Goal,
    Measure,
    Party,
    Plan,
    PlannedSavings,
    SourceFile,
    YearConversion,
)
from socinv_docs.rules import base


def a_plan() -> Plan:
    return Plan(
        satsning="laxhjalp-vivalla", version=2, frozen_on=dt.date(2026, 3, 1), profile="orebro-2020",
        title="Läxhjälp i Vivalla",
        beslut=Beslut(beviljat_belopp=2_400_000, beslutsdatum=dt.date(2026, 2, 10), diarienummer="KS 2026/123",
                      start=dt.date(2026, 9, 1), slut=dt.date(2028, 8, 31), source="workbook"),
        dnr="KS 2026/123", projektagare="Förvaltningschef Anna Berg",
        parties=(Party("Socialnämnden – IFO", "namnd"), Party("Vivalla IF", "civil")),
        project_lead_percent=50.0, period_start=dt.date(2026, 9, 1), period_end=dt.date(2028, 8, 31),
        period_source="beslut", sought=2_600_000,
        goals=(Goal("g1", "Fler elever med godkända betyg", ("Läxhjälp två kvällar i veckan",),
                    (Measure("m1", "Andel elever med godkänt i alla ämnen", "utfallsmatt", "62 % (vt 2025)"),
                     Measure("m2", "Antal tillfällen", "aktivitetsmatt", "", malvarde="60", tidpunkt="2027-06"))),),
        budget=(BudgetLine(2026, "personal", "Personal", 200_000, 200_000),
                BudgetLine(2027, "personal", "Personal", 600_000, None)),
        conversion=(YearConversion(1, dt.date(2026, 9, 1), dt.date(2027, 8, 31), ((2026, 4 / 12), (2027, 8 / 12))),),
        forkalkyl=Forkalkyl(cost=2_600_000, savings_total=3_000_000, ratio=1.1538, horizon_years=10,
                            savings=(PlannedSavings("Socialnämnden", "namnd", 300_000, 10.0),)),
        sources=(SourceFile("ansokan.docx", "ansokan", "ab" * 32),),
    )


def test_a_plan_goes_to_json_and_back_exactly():
    plan = a_plan()
    data = json.loads(json.dumps(plan.to_json(), ensure_ascii=False))
    assert data["format"] == FORMAT and data["beslut"]["start"] == "2026-09-01"
    assert Plan.from_json(data) == plan


def test_a_plan_of_another_format_is_refused():
    data = a_plan().to_json()
    data["format"] = FORMAT + 1
    with pytest.raises(ValueError):
        Plan.from_json(data)


def test_what_the_rules_ask_of_a_plan():
    plan = a_plan()
    assert plan.granted == 2_400_000 and plan.years() == [2026, 2027]
    assert plan.budget_of(2027) == 600_000 and plan.fund_of(2026) == 200_000 and plan.fund_of(2027) is None
    assert [m.id for _, m in plan.measures()] == ["m1", "m2"]
    assert Beslut().missing and not plan.beslut.missing


def test_the_rules_of_a_document_get_the_plan_they_are_given(schemas, monkeypatch):
    """check_document(plan=…) hands the plan to every rule's context (RuleContext.plan)."""
    seen = []
    real = base.RuleContext.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        seen.append(self.plan)

    monkeypatch.setattr(base.RuleContext, "__init__", spy)
    plan = a_plan()
    check_document(OFFICIAL / "ansokan.docx", schemas, plan=plan)
    assert seen and all(p is plan for p in seen)
    seen.clear()
    check_document(OFFICIAL / "ansokan.docx", schemas)
    assert seen and all(p is None for p in seen)


def test_an_expected_report_goes_to_json_and_back_and_is_keyed_by_period_or_end():
    from socinv_docs.plan import ExpectedReport

    delar = ExpectedReport("redovisning", "delar2", 2027, dt.date(2027, 1, 1), dt.date(2027, 8, 31),
                           dt.date(2027, 9, 15))
    slut = ExpectedReport("slutrapport", "", 2028, dt.date(2026, 9, 1), dt.date(2028, 8, 31), dt.date(2028, 11, 30))
    for report in (delar, slut):
        assert ExpectedReport.from_json(json.loads(json.dumps(report.to_json()))) == report
    assert delar.key == "redovisning/delar2/2027"
    # A later end (a new beslut) is another slutrapport, never the old one with a moved date.
    assert slut.key == "slutrapport/2028-08-31"
