"""Region Gävleborg's sample application: the texts, rows and form fillers of the Sandviken
satsning, shared by tools/make_samples.py (the application samples, complete and with gaps)
and tools/make_followup_samples.py (the same satsning granted and followed up).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_gavleborg_templates as gavleborg  # noqa: E402
from docbuilder import ExcelDraft, WordDraft  # noqa: E402

GAVLEBORG = gavleborg.OUT

GV_NAMN = "Samlat tidigt stöd för unga i Sandviken"
GV_HUVUDSOKANDE = "Sandvikens kommun – Individ- och familjeomsorgen"
GV_MEDSOKANDE = ["Region Gävleborg – Hälsocentralen Sandviken", "Föreningen Unga Röster Gävleborg (ideell förening)"]
GV_KONTAKT = "Maria Englund, utvecklingsledare, maria.englund@sandviken.exempel.se, 026-24 00 00"

GV_TEXT = {
    "1. Sammanfattning": (
        "Kommunens individ- och familjeomsorg, hälsocentralen och en ideell förening öppnar en gemensam "
        "mottagning för unga 13–17 år med oro, nedstämdhet eller skolfrånvaro, så att de får stöd inom två "
        "veckor i stället för att vänta på specialistpsykiatrin. Satsningen pågår i tre år och utvärderas "
        "med en jämförelsegrupp."),
    "2. Gemensamt behov": (
        "I Sandviken uppger 41 procent av flickorna och 19 procent av pojkarna i årskurs 9 att de ofta känner "
        "sig nedstämda (Liv och hälsa ung 2017). Remisserna till barn- och ungdomspsykiatrin har ökat med en "
        "tredjedel på fem år, och väntetiden till första besök är i snitt 11 veckor.\n"
        "Socialtjänstens orosanmälningar om unga med psykisk ohälsa har ökat från 86 till 131 mellan 2016 och "
        "2018. Kommunen och regionen möter samma ungdomar, men var för sig och sent."),
    "3. Målgrupp": (
        "Unga 13–17 år i Sandvikens kommun med lätt till måttlig psykisk ohälsa eller begynnande skolfrånvaro, "
        "och deras vårdnadshavare. Vi räknar med att nå 150 ungdomar per år."),
    "4. Syfte och mål": (
        "Syftet är att unga får tidigt och samordnat stöd. Kortsiktigt mål: 80 procent får ett första samtal "
        "inom 14 dagar. Långsiktiga mål: minskad psykisk ohälsa i målgruppen och färre placeringar. Målen "
        "följs upp enligt Bilaga 4."),
    "5. Insats och metod": (
        "En gemensam mottagning på hälsocentralen två dagar i veckan med socialsekreterare, kurator och "
        "sjuksköterska. Insatsen är tidig: den riktar sig till unga innan problemen kräver specialistvård.\n"
        "Vi testar en befintlig metod, samordnad individuell plan (SIP) i ett tidigt skede, och samtalsgrupper "
        "enligt KBT-baserade Komet-liknande upplägg som har stöd i beprövad erfarenhet."),
    "6. Samverkan och organisation": (
        "Individ- och familjeomsorgen är huvudsökande och har projektledningen. Hälsocentralen står för kurator "
        "och sjuksköterska och lokalerna; Föreningen Unga Röster leder samtalsgrupperna. En styrgrupp med "
        "chefer från alla tre organisationer träffas varje kvartal."),
    "7. Förväntade effekter": (
        "Socialt: färre unga med långvarig psykisk ohälsa och skolfrånvaro. Samhällsekonomiskt: färre "
        "placeringar och öppenvårdsinsatser för kommunen, färre remisser till specialistpsykiatrin för "
        "regionen. En undvikt placering beräknas till 1,2 miljoner kronor per år."),
    "8. Uppföljning och utvärdering": (
        "Mått, utgångslägen och datakällor finns i Bilaga 4. FoU Gävleborg gör en extern utvärdering med "
        "en samhällsekonomisk analys efter år 2 och år 3."),
    "9. Implementering i ordinarie verksamhet": (
        "Vid positivt resultat förs mottagningen in i ordinarie verksamhet från 2023, finansierad av "
        "kommunen och hälsocentralen gemensamt. Beslut tas av socialnämnden och hälso- och sjukvårdsnämnden."),
    "10. Ekonomi och medfinansiering": (
        "Den totala kostnaden är 2 500 000 kr under tre år. Vi söker 1 230 000 kr (49 procent); resten "
        "medfinansieras av de sökande med pengar och arbetstid, se Bilaga 2 och 3."),
    "11. Risker": (
        "Svårt att rekrytera kurator: hälsocentralen avsätter befintlig personal. Låg anslutning: skolornas "
        "elevhälsa informerar och kan hänvisa direkt."),
}
GV_CRITERIA = [
    ("Är satsningen ny", "Ja", "Ingen gemensam mottagning för målgruppen finns i dag."),
    ("Är satsningen en förebyggande", "Ja", "Tidig insats innan specialistvård behövs."),
    ("Bidrar satsningen till folkhälsoprogrammets", "Ja", "Barn och ungas uppväxtvillkor."),
    ("Bedöms satsningen leda", "Ja", "Färre placeringar och remisser, se avsnitt 7."),
    ("Avser de sökande", "Ja", "Se avsnitt 9."),
]
GV_TILLSTYRKAN = [
    ["Sandvikens kommun – Individ- och familjeomsorgen", "Socialchef", "Anders Holm", "2019-11-20"],
    ["Region Gävleborg – Hälsocentralen Sandviken", "Verksamhetschef", "Karin Sjöberg", "2019-11-21"],
    ["Föreningen Unga Röster Gävleborg", "Ordförande", "Lina Berg", "2019-11-22"],
]
# År | Personal | Lokaler | Köpta tjänster | Material och resor | Utvärdering | Övrigt | Total kostnad |
# Sökta medel. Total kostnad is the template's formula: Excel fills it in when the applicant saves.
GV_BUDGET = [  # cost 2 500 000, sought 1 230 000 (49,2 %)
    ["År 1", 620_000, 40_000, 60_000, 30_000, 50_000, 20_000, None, 410_000],
    ["År 2", 640_000, 40_000, 60_000, 25_000, 50_000, 15_000, None, 410_000],
    ["År 3", 660_000, 40_000, 40_000, 20_000, 80_000, 10_000, None, 410_000],
]
GV_MEDFINANSIERING = [  # Organisation | Typ av insats | Kontant | Timmar: 400 000 kr + 2 175 h × 400 kr
    ["Sandvikens kommun – IFO", "Socialsekreterare 50 %, projektledning", 300_000, 1_200],
    ["Region Gävleborg – Hälsocentralen Sandviken", "Kurator och sjuksköterska, lokaler", 100_000, 800],
    ["Föreningen Unga Röster Gävleborg", "Gruppledare (ideell tid)", 0, 175],
]
GV_MAL = [  # Mål | Aktiviteter | Indikator | Utgångsläge | Målvärde | Datakälla och metod | Tidpunkt | Ansvarig
    ["Fler unga med oro eller nedstämdhet får stöd inom två veckor",
     "Gemensam mottagning på hälsocentralen två dagar i veckan", "Andel som får första samtal inom 14 dagar",
     "35 % (2019, journalgenomgång)", "80 % år 3", "Mottagningens statistik ur journalsystemet", "Varje halvår",
     "Hälsocentralen Sandviken"],
    ["Minskad psykisk ohälsa i målgruppen", "Samtalsgrupper i skolan", "Självskattad hälsa (KIDSCREEN-10)",
     "Medelvärde 42 (hösten 2019)", "Medelvärde 48", "Enkät vid start och efter sex månader",
     "Start och efter 6 månader", "Föreningen Unga Röster"],
    ["Färre placeringar och öppenvårdsinsatser (samhällsekonomisk effekt)",
     "Samordnad individuell plan (SIP) inom fyra veckor", "Antal placeringar 13–17 år och kostnad per insats",
     "24 placeringar (2019)", "18 placeringar år 3", "Verksamhetssystemet, ekonomiska uppföljningen", "Årligen",
     "IFO Sandviken"],
]
GV_AKTIVITETER = [  # Aktivitet | Beskrivning | Koppling till mål | Ansvarig | Start | Klart
    ["Rekrytering och lokaler", "Kurator och socialsekreterare på plats, rum på hälsocentralen", "Mål 1",
     "Projektledaren", "2020-01", "2020-03"],
    ["Gemensam mottagning", "Drop-in och bokade samtal två dagar i veckan", "Mål 1",
     "Hälsocentralen Sandviken", "2020-03", "2022-12"],
    ["Samtalsgrupper", "Åtta träffar per grupp, fyra grupper per termin", "Mål 2",
     "Föreningen Unga Röster", "2020-09", "2022-12"],
    ["Extern utvärdering", "Samhällsekonomisk analys efter år 2 och år 3", "Mål 3",
     "FoU Gävleborg", "2021-09", "2022-12"],
]


def gv_ansokan(medsokande: list[str], sokt: str, skip: str | None = None,
               tillstyrkan: list[list[str]] | None = None, period: str = "2020-01-01 – 2022-12-31",
               texts: dict[str, str] = GV_TEXT) -> WordDraft:
    d = WordDraft(GAVLEBORG / gavleborg.ANSOKAN)
    d.fill_field("Den sociala investeringens namn", GV_NAMN)
    d.fill_field("Huvudsökande", GV_HUVUDSOKANDE)
    d.fill_field("Medsökande", "\n".join(medsokande))
    d.fill_field("Kontaktperson", GV_KONTAKT)
    d.fill_field("Projektperiod", period)
    d.fill_field("Sökta medel totalt", sokt)
    for heading, text in texts.items():
        if heading != skip:
            d.answer(heading, text)
    for question, answer, motivation in GV_CRITERIA:
        d.set_criterion(question, answer, motivation)
    if tillstyrkan:
        d.fill_table("Organisation", tillstyrkan)
    return d


def gv_budget(budget: list[list[object]], medfinansiering: list[list[object]]) -> ExcelDraft:
    x = ExcelDraft(GAVLEBORG / gavleborg.BUDGET, sheet=gavleborg.BUDGET_SHEET)
    x.fill_field(gavleborg.NAME_LABEL, GV_NAMN)
    x.fill_field(gavleborg.APPLICANT_LABEL, GV_HUVUDSOKANDE)
    x.grid_rows(budget, merge_key=False, header="År")
    x.use_sheet(gavleborg.COFIN_SHEET)
    x.grid_rows(medfinansiering, merge_key=False, header="Organisation")
    return x


def gv_grid(template: str, rows: list[list[object]], header: str) -> ExcelDraft:
    x = ExcelDraft(GAVLEBORG / template)
    x.fill_field(gavleborg.NAME_LABEL, GV_NAMN)
    x.grid_rows(rows, merge_key=False, header=header)
    return x
