"""The follow-up samples (samples-uppfoljning/): a year of a processledare, for `socinv followup`.

    python3 tools/make_samples.py          (writes samples/ and samples-uppfoljning/)

Two approved satsningar, each a sub-folder with its approved files, the decision (beslut.yaml)
and the reports that came in (under rapporter/), made from the sample applications:

    laxhjalp-vivalla/   Örebro: the ansökan and utvärderingsschema of samples/ansokan-komplett,
                        granted 3,9 mkr of the 4,2 mkr sought, from 2026-09-01 to 2029-08-31
                        (KS moved the start: År 1 is September–August, so its budget falls on
                        2026 and 2027 pro rata). Reports: Helår 2026 (complete), Delår 2 2027
                        (typical gaps: Arbetssätt, Uppnådda effekter and the implementation
                        left as "Skriv här", measures without utfall, the fund's column empty,
                        a förutsättning unanswered). Helår 2027, due 2028-01-31, has not come in.
    unga-sandviken/     Region Gävleborg: the investeringsansökan with Bilaga 2–5 of
                        samples/gavleborg-komplett, for 2027–2029, granted in full. Report:
                        the lägesrapport for 2027 (complete).

The reports are written the way a projektledare writes them: in the form pre-filled from the
satsning's plan (render/prefill.py: it carries the plan), typed over with utfall, amounts as
people write them ("1,1 mkr", "350 tkr", "95 000 kr"). `socinv followup samples-uppfoljning
--workbook uppfoljning.xlsx --date 2028-02-15` is the README's example. Every run gives the
same files, byte for byte: the plan of each satsning is made with its beslutsdatum as the
day it was frozen, and every Word file is saved with fixed dates.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docbuilder import ReportDraft  # noqa: E402

LAXHJALP = "laxhjalp-vivalla"
SANDVIKEN = "unga-sandviken"

LAXHJALP_BESLUT = """\
# Kommunstyrelsens beslut om satsningen (socinv followup läser det; det som processledaren
# skriver på bladet Satsningar i uppföljningsboken går före).
beviljat_belopp: 3,9 mkr
beslutsdatum: 2026-06-10
diarienummer: KS 2026/412
start: 2026-09-01
slut: 2029-08-31
"""
SANDVIKEN_BESLUT = """\
# Regionstyrelsens beslut om den sociala investeringen.
beviljat_belopp: 1 230 000 kr
beslutsdatum: 2026-10-15
diarienummer: RS 2026/1877
start: 2027-01-01
slut: 2029-12-31
"""

# What the projektledare of Läxhjälp i Vivalla writes.
LAXHJALP_TEXTS = {
    "1.": ("Läxhjälpen startade den 14 september 2026 i Vivalla bibliotek, tre eftermiddagar i veckan, med två "
           "lärare och elva volontärer. Mentorsamtalen kom i gång i oktober."),
    "2.": ("Skolans mentorer, fältsekreteraren och föreningen planerar stödet för varje elev tillsammans varannan "
           "vecka. Föräldrarna bjöds in till en första träff i november."),
    "3.": ("Det är för tidigt att se effekter på betygen. Frånvaron bland de 34 deltagarna var 12,1 procent under "
           "hösten, mot 14 procent vid basmätningen."),
    "5.": "Lokalkostnaden blev lägre än budgeterat: biblioteket tar ingen hyra för höstterminen.",
    "6.": ("Grundskolenämnden har fått en första beskrivning av arbetssättet; dialog om finansiering efter 2029 "
           "påbörjas hösten 2028."),
    "8.": "Inget att tillägga.",
}
LAXHJALP_DELAR2 = {
    "1.": ("Läxhjälpen har pågått hela vårterminen med i snitt 41 elever per vecka. Sommarskolan hölls v. 32 med 26 "
           "deltagare. Föräldraträffar hölls i februari och maj."),
    "2.": "Arbetssättet är oförändrat; från mars deltar även skolkuratorn i planeringen.",
    "5.": "Inga avvikelser.",
    "8.": "Ny projektledare från 1 augusti: Sara Holm är föräldraledig.",
}
SANDVIKEN_TEXTS = {
    "1.": ("Mottagningen på hälsocentralen öppnade i mars 2027 och har haft öppet två dagar i veckan. 128 unga har "
           "fått minst ett samtal. Fyra samtalsgrupper har genomförts under hösten."),
    "2.": ("Socialsekreterare, kurator och sjuksköterska tar emot tillsammans; samordnad individuell plan görs inom "
           "fyra veckor när fler än en huvudman behövs."),
    "3.": ("79 procent fick ett första samtal inom 14 dagar under hösten. Självskattad hälsa mäts efter sex månader "
           "i grupperna; de första mätningarna görs i mars 2028."),
    "5.": "Rekryteringen av kurator tog två månader längre än planerat; mottagningen öppnade i mars i stället för "
          "januari.",
    "6.": "Styrgruppen har börjat ta fram underlag för beslut om fortsatt drift från 2030.",
    "8.": "Inget att tillägga.",
}


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _plan(folder: Path, schemas, frozen_on: dt.date):
    """The satsning's plan as `socinv followup` freezes it from the folder (its approved files
    and beslut.yaml), frozen on `frozen_on`."""
    from socinv_docs.approved import ApprovedFile, beslut_in, plan_of, sha256_of
    from socinv_docs.pipeline import check_document, is_report

    files = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".docx", ".xlsx")):
        report = check_document(path, schemas)
        if not is_report(report, schemas):
            files.append(ApprovedFile(path.relative_to(folder).as_posix(), sha256_of(path), report))
    return plan_of(folder.name, files, schemas, beslut=beslut_in(folder), frozen_on=frozen_on)


def _report(plan, schemas, kind: str, period: str, year: int, target: Path, fill) -> Path:
    """The expected report (kind, period, year) of `plan` pre-filled, filled in by `fill(draft)`, saved."""
    from socinv_docs.loading import form_path
    from socinv_docs.render.prefill import prefill
    from socinv_docs.schedule import expected_reports

    profile = schemas.profiles[plan.profile]
    expected = next(r for r in expected_reports(plan, profile.followup)
                    if (r.kind, r.period, r.year) == (kind, period, year))
    with tempfile.TemporaryDirectory() as tmp:
        blank = prefill(plan, expected, form_path(profile, kind), Path(tmp) / "forifylld.docx", schemas=schemas)
        draft = ReportDraft(blank)
        fill(draft)
        return draft.save(target)


def _as_typed(amount: int) -> str:
    """An amount as a projektledare types it: '1,1 mkr', '350 tkr' or '95 000 kr'."""
    if amount >= 1_000_000 and amount % 100_000 == 0:
        return f"{amount / 1_000_000:.1f}".replace(".", ",") + " mkr"
    if amount >= 100_000 and amount % 1000 == 0:
        return f"{amount // 1000} tkr"
    return f"{amount:,}".replace(",", " ") + " kr"


def laxhjalp(out: Path, approved: Path, schemas) -> None:
    folder = out / LAXHJALP
    for name in ("ansokan.docx", "utvarderingsschema.xlsx"):
        _copy(approved / "ansokan-komplett" / name, folder / name)
    (folder / "beslut.yaml").write_text(LAXHJALP_BESLUT, encoding="utf-8")
    plan = _plan(folder, schemas, dt.date(2026, 6, 10))

    # Helår 2026 (September–December): spent a little under the budget of those months.
    spent_2026 = {"Personal": (380_000, 380_000), "Lokaler": (0, 0), "Övrigt": (52_000, 52_000)}

    def helar_2026(d: ReportDraft) -> None:
        d.sections(LAXHJALP_TEXTS)
        d.outcomes(lambda goal, measure: "Se avsnitt 3; första mätning efter vårterminen 2027")
        d.activities(lambda a: "Ja" if "Sommarskola" not in a else "Nej|Hålls första gången sommaren 2027")
        d.costs(lambda year, component: (
            (_as_typed(spent_2026[component][0]) if spent_2026[component][0] else "0",
             _as_typed(spent_2026[component][1]) if spent_2026[component][1] else "0", "0")
            if year == "2026" else None))
        d.prerequisites()
        d.fill_field("Datum", "2027-01-25")

    _report(plan, schemas, "redovisning", "helar", 2026, folder / "rapporter" / "Redovisning helår 2026.docx",
            helar_2026)

    # Delår 2 2027: typical gaps — Arbetssätt, Uppnådda effekter and the implementation left as
    # "Skriv här", half the measures without utfall, the fund's column left empty, a
    # förutsättning unanswered.
    def delar2_2027(d: ReportDraft) -> None:
        d.sections(LAXHJALP_DELAR2, leave=("2.", "3.", "6."))
        measured = {"Antal elever och tillfällen per termin": "41 elever, 3 tillfällen/vecka",
                    "Antal deltagare": "26", "Antal genomförda samtal": "212",
                    "Frånvaro i procent av schemalagd tid": "11,8 %"}
        d.outcomes(lambda goal, measure: measured.get(measure))
        d.activities(lambda a: "Ja")
        d.costs(lambda year, component: (
            ({"Personal": "610 000 kr", "Lokaler": "0", "Övrigt": "48 000"}[component], "", "")
            if year == "2027" else None))
        d.prerequisites(answers={"Ger satsningen mätbara effekter": ("", "")})
        d.fill_field("Datum", "2027-09-18")

    _report(plan, schemas, "redovisning", "delar2", 2027, folder / "rapporter" / "Redovisning delår 2 2027.docx",
            delar2_2027)


def sandviken(out: Path, schemas) -> None:
    import gavleborg_samples as m
    import make_gavleborg_templates as gavleborg

    folder = out / SANDVIKEN
    texts = {**m.GV_TEXT, "9. Implementering i ordinarie verksamhet": m.GV_TEXT[
        "9. Implementering i ordinarie verksamhet"].replace("från 2023", "från 2030")}
    tillstyrkan = [[org, role, name, date.replace("2019-11", "2026-05")] for org, role, name, date in m.GV_TILLSTYRKAN]
    m.gv_ansokan(m.GV_MEDSOKANDE, "1 230 000 kr", tillstyrkan=tillstyrkan, period="2027-01-01 – 2029-12-31",
                 texts=texts).save(folder / gavleborg.ANSOKAN)
    m.gv_budget(m.GV_BUDGET, m.GV_MEDFINANSIERING).save(folder / gavleborg.BUDGET)
    m.gv_grid(gavleborg.UPPFOLJNING, m.GV_MAL, "Mål").save(folder / gavleborg.UPPFOLJNING)
    aktiviteter = [[*row[:4], row[4].replace("2020", "2027").replace("2021", "2028"),
                    row[5].replace("2020", "2027").replace("2022", "2029")] for row in m.GV_AKTIVITETER]
    m.gv_grid(gavleborg.AKTIVITETSPLAN, aktiviteter, "Aktivitet").save(folder / gavleborg.AKTIVITETSPLAN)
    (folder / "beslut.yaml").write_text(SANDVIKEN_BESLUT, encoding="utf-8")
    plan = _plan(folder, schemas, dt.date(2026, 10, 15))

    results = {"Andel som får första samtal inom 14 dagar": "79 % (hösten 2027)",
               "Självskattad hälsa (KIDSCREEN-10)": "Mäts första gången mars 2028",
               "Antal placeringar 13–17 år och kostnad per insats": "22 placeringar (2027)"}
    spent = {"Personal": ("560 000 kr", "300 000 kr"), "Lokaler": ("40 000 kr", "20 000 kr"),
             "Köpta tjänster": ("45 000 kr", "25 000 kr"), "Material och resor": ("31 500 kr", "15 000 kr"),
             "Utvärdering": ("50 tkr", "25 tkr"), "Övrigt": ("12 000 kr", "6 000 kr")}

    def helar_2027(d: ReportDraft) -> None:
        d.sections(SANDVIKEN_TEXTS)
        d.outcomes(lambda goal, measure: results.get(measure))
        d.activities(lambda a: "Delvis|Startade i mars" if a == "Gemensam mottagning" else "Ja")
        d.costs(lambda year, component: next(((*amounts, "0") for name, amounts in spent.items()
                                              if component.startswith(name)), None) if year == "2027" else None)
        d.prerequisites()
        d.fill_field("Datum", "2028-01-29")

    _report(plan, schemas, "redovisning", "helar", 2027, folder / "rapporter" / "Lägesrapport 2027.docx", helar_2027)


def make(out: Path, approved: Path) -> None:
    """The follow-up samples into `out`, from the application samples in `approved`."""
    from socinv_docs.loading import load_schemas

    schemas = load_schemas()
    laxhjalp(out, approved, schemas)
    sandviken(out, schemas)
