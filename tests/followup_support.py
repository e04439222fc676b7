"""Plans and reports for the tests of the follow-up rules (SPEC §9).

A plan is built directly (socinv_docs.plan), as the follow-up run would make it from the
approved files and the beslut: Örebro's "Läxhjälp i Vivalla" (an ansökan with its
utvärderingsschema: no målvärde; a budget without the fund's part; a förkalkyl per nämnd) and
Region Gävleborg's (Bilaga 2 with the part sought per year, Bilaga 4 with målvärde and
tidpunkt; no förkalkyl). A report is one of the funders' real forms (schemas/forms) filled in
the way a projektledare fills it (tools/docbuilder.py): fields typed over "Skriv här", the
tables filled row by row with amounts as people write them ("1,2 mkr", "350 tkr",
"1 150 000 kr"), the optional sections left as they are unless a test writes them.

Each `*_REPORT` below is a report that agrees with its plan: no §9 finding is due.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path

import make_report_templates as forms
from conftest import ROOT
from docbuilder import WordDraft

from socinv_docs.plan import Beslut, BudgetLine, Forkalkyl, Goal, Measure, Party, Plan, PlannedSavings

FORMS = {(f.profile, f.kind): f for f in (make() for make in forms.FORMS)}
OREBRO, GAVLEBORG = "orebro-2020", "gavleborg-2019"

# The codes of the document rules that compare a report with its plan.
FOLLOWUP_CODES = {
    "COST_TOTAL_EXCEEDED", "COST_FORECAST_EXCEEDED", "COST_YEAR_OVER_PLAN", "COST_COMPONENT_DEVIATION",
    "FUND_COSTS_NOT_SHOWN", "DEVIATION_UNEXPLAINED", "MEASURE_NOT_REPORTED", "BASELINE_MISSING",
    "ACTIVITY_NOT_REPORTED", "TARGET_NOT_MET", "PARTIES_CHANGED", "PERIOD_CHANGED", "IMPLEMENTATION_PLAN_MISSING",
    "GOAL_WITHOUT_RESULT", "COMPARISON_MISSING", "EFTERKALKYL_BELOW_COST", "EFTERKALKYL_DEVIATION",
}

# -- the plans ------------------------------------------------------------------------------------

GOAL_SCHOOL = "Fler elever med godkända betyg"
GOAL_PARENTS = "Föräldrar engagerade i skolarbetet"


def orebro_plan(**changes) -> Plan:
    """Örebro: granted 3 400 000 kr of the 3 500 000 kr sought, 2026–2028."""
    plan = Plan(
        satsning="laxhjalp-vivalla", version=1, frozen_on=dt.date(2026, 2, 1), profile=OREBRO,
        title="Läxhjälp i Vivalla",
        beslut=Beslut(beviljat_belopp=3_400_000, beslutsdatum=dt.date(2025, 12, 9), diarienummer="KS 2025/1234",
                      start=dt.date(2026, 1, 1), slut=dt.date(2028, 12, 31), source="workbook"),
        dnr="KS 2025/1234", projektagare="Anna Ek",
        parties=(Party("Grundskolenämnden – Förskola och skola", "namnd"),
                 Party("Socialnämnden – Social välfärd", "namnd"), Party("Föreningen Läxhjälpen", "civil")),
        project_lead_percent=50.0, period_start=dt.date(2026, 1, 1), period_end=dt.date(2028, 12, 31),
        period_source="beslut", sought=3_500_000,
        goals=(Goal("g1", GOAL_SCHOOL, ("Rekrytera läxhjälpare", "Läxhjälp två kvällar i veckan"),
                    (Measure("m1", "Andel godkända i matematik åk 9", "utfallsmatt", "72 %"),
                     Measure("m2", "Antal elever som deltar", "aktivitetsmatt", "0"))),
               Goal("g2", GOAL_PARENTS, ("Föräldraträffar",),
                    (Measure("m3", "Andel föräldrar som deltar", "utfallsmatt", "20 %"),))),
        budget=(BudgetLine(2026, "personal", "Personal", 1_200_000), BudgetLine(2026, "lokaler", "Lokaler", 350_000),
                BudgetLine(2027, "personal", "Personal", 1_250_000), BudgetLine(2027, "ovrigt", "Övrigt", 100_000),
                BudgetLine(2028, "personal", "Personal", 600_000)),
        forkalkyl=Forkalkyl(cost=3_500_000, savings_total=5_200_000, ratio=1.4857, horizon_years=10,
                            savings=(PlannedSavings("Socialnämnden", "namnd", 400_000, 10.0),
                                     PlannedSavings("Grundskolenämnden", "namnd", 150_000, 8.0))),
    )
    return dataclasses.replace(plan, **changes)


def gavleborg_plan(**changes) -> Plan:
    """Region Gävleborg: 1 200 000 kr of the fund (half the cost), 2026–2028, indikatorer with
    målvärde and tidpunkt."""
    plan = Plan(
        satsning="laxhjalp-sandviken", version=1, frozen_on=dt.date(2026, 2, 1), profile=GAVLEBORG,
        title="Läxhjälp i Vivalla",
        beslut=Beslut(beviljat_belopp=1_200_000, diarienummer="RS 2025/77", start=dt.date(2026, 1, 1),
                      slut=dt.date(2028, 12, 31), source="workbook"),
        dnr="RS 2025/77",
        parties=(Party("Region Gävleborg – Hälsocentral Sandviken", "region"),
                 Party("Sandvikens kommun – Socialtjänsten", "kommun")),
        period_start=dt.date(2026, 1, 1), period_end=dt.date(2028, 12, 31), period_source="beslut",
        sought=1_200_000,
        goals=(Goal("g1", GOAL_SCHOOL, ("Rekrytera läxhjälpare", "Läxhjälp två kvällar i veckan"),
                    (Measure("m1", "Andel godkända i matematik åk 9", "indikator", "72 %", "80 %", "2028-06"),
                     Measure("m2", "Antal elever som deltar", "indikator", "0", "60", "2027-12"))),),
        budget=(BudgetLine(2026, "personal", "Personal (lön inkl. PO)", 600_000, 300_000),
                BudgetLine(2026, "lokaler", "Lokaler", 200_000, 100_000),
                BudgetLine(2027, "personal", "Personal (lön inkl. PO)", 800_000, 400_000),
                BudgetLine(2028, "personal", "Personal (lön inkl. PO)", 800_000, 400_000)),
        forkalkyl=Forkalkyl(cost=2_400_000, savings_total=None, ratio=None, horizon_years=10),
    )
    return dataclasses.replace(plan, **changes)


def granted(plan: Plan, amount: int | None) -> Plan:
    return dataclasses.replace(plan, beslut=dataclasses.replace(plan.beslut, beviljat_belopp=amount))


# -- the reports ----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Report:
    """What a projektledare writes into a form: fields by label prefix, the tables' rows, and
    the headings whose "Skriv här" is left (by the end of the heading)."""

    profile: str
    kind: str
    fields: dict[str, str]
    economy: list[list[str]] = dataclasses.field(default_factory=list)
    measures: list[list[str]] = dataclasses.field(default_factory=list)
    activities: list[list[str]] = dataclasses.field(default_factory=list)
    efterkalkyl: list[list[str]] = dataclasses.field(default_factory=list)
    blank: tuple[str, ...] = ("Avvikelser", "Övrigt")

    def but(self, **changes) -> Report:
        return dataclasses.replace(self, **changes)

    def with_fields(self, **typed: str) -> Report:
        return dataclasses.replace(self, fields={**self.fields, **typed})


TEXT = "Läxhjälpen har genomförts på två skolor tillsammans med föreningen, med lärare och läxhjälpare i samma rum."
ACTIVITIES = [["Rekrytera läxhjälpare", "Ja", "Tolv läxhjälpare"],
              ["Läxhjälp två kvällar i veckan", "Delvis", "En kväll under våren"],
              ["Föräldraträffar", "Nej", "Flyttas till hösten"]]
OREBRO_FIELDS = {"Satsningens namn": "Läxhjälp i Vivalla", "Diarienummer": "KS 2025/1234",
                 "Projektägare": "Anna Ek, förvaltningschef Förskola och skola",
                 "Projektledare": "Per Holm, per.holm@example.se", "Kontaktperson": "Per Holm, per.holm@example.se",
                 "Rapportperiod": "Delår 2 2027", "Period som redovisas": "2027-01-01 – 2027-08-31",
                 "Satsningens period": "2026-01-01 – 2028-12-31", "Period som följs upp": "2029-01-01 – 2030-12-31",
                 "Medverkande": "Grundskolenämnden – Förskola och skola\nSocialnämnden – Social välfärd\n"
                                "Föreningen Läxhjälpen",
                 "Faktisk total kostnad": "3 380 000 kr", "Datum": "2027-09-10"}

# Delår 2 2027: 2026 done, 2027 so far with its prognos, 2028 forecast. Fund to date 2 350 000 kr,
# with the prognos 3 340 000 kr: within the 3 400 000 kr granted.
OREBRO_REDOVISNING = Report(
    OREBRO, "redovisning", OREBRO_FIELDS,
    economy=[["2026", "Personal", "1,2 mkr", "1 150 000 kr", "1 150 000", ""],
             ["", "Lokaler", "350 tkr", "340 000", "340 000", ""],
             ["2027", "Personal", "1 250 000 kr", "800 000", "800 000", "450 000"],
             ["", "Övrigt", "100 000", "60 000", "60 000", "40 000"],
             ["2028", "Personal", "600 000", "", "", "500 000"],
             ["Totalt", "", "3 500 000", "2 350 000", "2 350 000", "990 000"]],
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "78 %", "Vårterminen"],
              ["", "Antal elever som deltar", "0", "45", ""],
              [GOAL_PARENTS, "Andel föräldrar som deltar", "20 %", "35 %", ""]],
    activities=ACTIVITIES)

OREBRO_SLUTRAPPORT = Report(
    OREBRO, "slutrapport", OREBRO_FIELDS,
    economy=[["2026", "Personal", "1 200 000", "1 150 000", "1 150 000", ""],
             ["", "Lokaler", "350 000", "340 000", "340 000", ""],
             ["2027", "Personal", "1 250 000", "1 240 000", "1 240 000", ""],
             ["", "Övrigt", "100 000", "95 000", "95 000", ""],
             ["2028", "Personal", "600 000", "555 000", "555 000", ""],
             ["Totalt", "", "3 500 000", "3 380 000", "3 380 000", ""]],
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "81 %", "Vårterminen 2028"],
              ["", "Antal elever som deltar", "0", "52", ""],
              [GOAL_PARENTS, "Andel föräldrar som deltar", "20 %", "41 %", ""]],
    activities=ACTIVITIES,
    efterkalkyl=[["Socialnämnden", "380 000", "10"], ["Grundskolenämnden", "150 tkr", "8"]])

OREBRO_UPPFOLJANDE = Report(
    OREBRO, "uppfoljande_utvardering", OREBRO_FIELDS,
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "83 %", ""],
              ["", "Antal elever som deltar", "0", "Verksamheten avslutad", ""],
              [GOAL_PARENTS, "Andel föräldrar som deltar", "20 %", "38 %", ""]])

GAVLEBORG_FIELDS = {"Den sociala investeringens namn": "Läxhjälp i Vivalla", "Diarienummer": "RS 2025/77",
                    "Projektägare": "Sandvikens kommun", "Projektledare": "Per Holm, per.holm@example.se",
                    "Kontaktperson": "Per Holm", "Rapportperiod": "Helår 2027",
                    "Period som rapporten avser": "2027-01-01 – 2027-12-31",
                    "Projektperiod": "2026-01-01 – 2028-12-31", "Period som följs upp": "2029-01-01 – 2030-12-31",
                    "Medverkande": "Region Gävleborg – Hälsocentral Sandviken\nSandvikens kommun – Socialtjänsten",
                    "Faktisk total kostnad": "2 300 000 kr", "Datum": "2028-01-20"}

# Helår 2027: half of each cost from the fund; fund to date 780 000 kr, with its half of the
# prognos (400 000 kr) 1 180 000 kr: within the 1 200 000 kr granted, and no year over 500 000 kr.
GAVLEBORG_REDOVISNING = Report(
    GAVLEBORG, "redovisning", GAVLEBORG_FIELDS,
    economy=[["2026", "Personal", "600 000", "580 000", "290 000", ""],
             ["", "Lokaler", "200 000", "190 000", "95 000", ""],
             ["2027", "Personal", "800 000", "790 000", "395 000", ""],
             ["2028", "Personal", "800 000", "", "", "800 000"],
             ["Totalt", "", "2 400 000", "1 560 000", "780 000", "800 000"]],
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "80 %", "2028-06", "76 %", ""],
              ["", "Antal elever som deltar", "0", "60", "2027-12", "62", ""]],
    activities=ACTIVITIES[:2])

GAVLEBORG_SLUTRAPPORT = Report(
    GAVLEBORG, "slutrapport", GAVLEBORG_FIELDS,
    economy=[["2026", "Personal", "600 000", "580 000", "290 000", ""],
             ["", "Lokaler", "200 000", "190 000", "95 000", ""],
             ["2027", "Personal", "800 000", "790 000", "395 000", ""],
             ["2028", "Personal", "800 000", "740 000", "370 000", ""],
             ["Totalt", "", "2 400 000", "2 300 000", "1 150 000", ""]],
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "80 %", "2028-06", "82 %", ""],
              ["", "Antal elever som deltar", "0", "60", "2027-12", "62", ""]],
    activities=ACTIVITIES[:2],
    efterkalkyl=[["Sandvikens kommun", "300 000", "5"], ["Region Gävleborg", "100 000", "5"]])


def form_path(profile: str, kind: str) -> Path:
    return ROOT / "schemas" / FORMS[(profile, kind)].name


def write(report: Report, path: Path, change=None) -> Path:
    """The report written into its funder's blank form and saved at `path`."""
    form = FORMS[(report.profile, report.kind)]
    draft = WordDraft(form_path(report.profile, report.kind))
    for label in form.fields:
        draft.fill_field(label, next(v for prefix, v in report.fields.items() if label.startswith(prefix)))
    for part in form.parts:
        if isinstance(part, forms.Criteria):
            for question in part.questions:
                draft.set_criterion(question, "Ja", "Det framgår av uppföljningen.", header="Förutsättning")
            continue
        if part.placeholder and not part.heading.endswith(report.blank):
            draft.answer(part.heading, TEXT)
        if part.grid is None:
            continue
        first = part.grid.headers[0]
        rows = {"Aktivitet": report.activities, "Mål": report.measures, "Kalenderår": report.economy}.get(
            first, report.efterkalkyl)
        if rows:
            draft.fill_table(first, rows)
    if change is not None:
        change(draft)
    return draft.save(path)


def insert_above_total(values: list[str]):
    """A change: one more Ekonomi row than the form has room for, inserted above Totalt."""

    def change(draft: WordDraft) -> None:
        table = draft.table("Kalenderår")
        total = next(r for r in table.rows if r.cells[0].text == "Totalt")
        new = copy.deepcopy(table.rows[1]._tr)
        total._tr.addprevious(new)
        row = next(r for r in table.rows if r._tr is new)
        for cell, value in zip(row.cells, values, strict=True):
            draft._set_cell(cell, value)

    return change
