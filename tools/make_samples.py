"""Generate the sample drafts in samples/ from the official templates.

    python3 tools/make_samples.py [OUTDIR]      (default: samples/, and samples-uppfoljning/)

Each sample is an official template filled in the way a real applicant would: invented but
credible Swedish content ("Läxhjälp i Vivalla"), real-looking sums that add up (or, in the
"luckor" samples, deliberately do not). Every run gives the same files, byte for byte.

    ideprovning-komplett.docx   every section, all five criteria Ja            → complete
    ideprovning-luckor.docx     "Skriv här:" left, a section deleted, a criterion
                                unanswered, one Nej, no kontaktperson           → incomplete
    forslag-komplett.xlsx       "2 år"; answers in B, right of "Skriv här:" and
                                below the prompt                                → complete
    forslag-luckor.xlsx         gaps, and "fem år" (outside 1–3 år)             → incomplete
    ansokan-komplett/           ansökan + utvärderingsschema, numbers consistent
    ansokan-luckor/             evidens placeholder, 6-year period, 20 %, costs
                                not adding up, an AB as partner, no signatures,
                                no utvärderingsschema
    gavleborg-komplett/         Region Gävleborg: ansökan, Bilaga 2–3, 4 and 5, three
                                organisations, each tillstyrker; fund 49 %, own 51 %
    gavleborg-luckor/           one organisation only, no tillstyrkan, "Skriv här" left
                                in 5. Insats och metod, År 1 seeks 600 000 kr, the fund
                                56 % of the cost, no Bilaga 4

The Gävleborg samples fill the blank templates in tests/data/gavleborg
(tools/make_gavleborg_templates.py).

Beside OUTDIR (samples-uppfoljning/ for samples/) the follow-up samples: two approved
satsningar with their beslut and reports (tools/make_followup_samples.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_followup_samples  # noqa: E402
import make_gavleborg_templates as gavleborg  # noqa: E402
from docbuilder import ExcelDraft, WordDraft  # noqa: E402
from gavleborg_samples import (  # noqa: E402, F401 (GV_*: the tests read them here too)
    GV_AKTIVITETER,
    GV_BUDGET,
    GV_CRITERIA,
    GV_HUVUDSOKANDE,
    GV_KONTAKT,
    GV_MAL,
    GV_MEDFINANSIERING,
    GV_MEDSOKANDE,
    GV_NAMN,
    GV_TEXT,
    GV_TILLSTYRKAN,
    gv_ansokan,
    gv_budget,
    gv_grid,
)

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"

NAMN = "Läxhjälp i Vivalla"
NAMNDER = "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola"
FORENING = "Föreningen Vivalla Läxhjälp (ideell förening)"
KONTAKT = "Sara Holm, utvecklingsledare, Förvaltningen förskola och skola, 019-21 10 00"

BEHOV = (
    "I Vivalla lämnade 38 procent av eleverna i årskurs 9 grundskolan utan behörighet till "
    "gymnasiets nationella program läsåret 2023/24, jämfört med 14 procent i kommunen som helhet.\n"
    "Socialtjänstens statistik visar att orosanmälningar som rör skolfrånvaro bland barn 12–15 år i "
    "området har ökat från 41 till 67 på tre år. Många föräldrar har begränsade möjligheter att hjälpa "
    "till med skolarbetet, och det saknas en lugn plats att göra läxor på efter skoltid."
)
INNEHALL = (
    "Läxhjälp tre eftermiddagar i veckan i Vivalla bibliotek, med två anställda lärare och "
    "volontärer från Föreningen Vivalla Läxhjälp. Eleverna får dessutom mentorsamtal varannan vecka.\n"
    "Nytt arbetssätt är att skolans mentorer, socialtjänstens fältsekreterare och föreningen planerar "
    "stödet tillsammans för varje elev, och att föräldrarna bjuds in till terminsvisa träffar."
)
MALGRUPP = (
    "Elever i årskurs 7–9 på Vivallaskolan som riskerar att inte nå behörighet till gymnasiet, "
    "cirka 60 elever per läsår. Urvalet görs av elevhälsan utifrån betyg och frånvaro."
)
EFFEKTER = (
    "För eleverna: högre måluppfyllelse, fler behöriga till gymnasiet och minskad skolfrånvaro.\n"
    "För kommunen: färre placeringar och insatser från socialtjänsten, färre elever i "
    "gymnasiets introduktionsprogram och på sikt minskat behov av försörjningsstöd."
)

CRITERIA = [
    ("Finns ett reellt behov", "Ja", "Behörighetsstatistik och orosanmälningar visar behovet, se avsnitt 1."),
    ("Innebär idén nya arbetssätt", "Ja", "Gemensam planering skola–socialtjänst–förening per elev är nytt."),
    ("Är fler nämnder", "Ja", "Socialnämnden, Grundskolenämnden och en ideell förening."),
    ("Förväntas idén generera", "Ja", "Färre placeringar och kortare tid i introduktionsprogram."),
    ("Bidrar idén till övergripande", "Ja", "Likvärdig skola och trygga uppväxtvillkor är prioriterade."),
]


# -- idéprövning -------------------------------------------------------------------------

def ideprovning_komplett(out: Path) -> None:
    d = WordDraft(OFFICIAL / "ideprovning.docx")
    d.fill_field("Satsningens namn", NAMN)
    d.fill_field("Kontaktperson", KONTAKT)
    d.fill_field("Medverkande nämnder", NAMNDER)
    d.fill_field("Medverkande aktörer från civila samhället", FORENING)
    d.fill_field("Annan offentlig aktör", "")
    d.answer("1. Behov som utgör utgångspunkt för idén", BEHOV)
    d.answer("2. Satsningens innehåll", INNEHALL, keep_guidance=False)
    d.answer("3. Målgrupp", MALGRUPP)
    d.answer("4. Förväntade effekter", EFFEKTER)
    for question, answer, motivation in CRITERIA:
        d.set_criterion(question, answer, motivation)
    d.save(out / "ideprovning-komplett.docx")


def ideprovning_luckor(out: Path) -> None:
    d = WordDraft(OFFICIAL / "ideprovning.docx")
    d.fill_field("Satsningens namn", NAMN)
    d.fill_field("Medverkande nämnder", "Socialnämnden – Social välfärd")
    d.fill_field("Medverkande aktörer från civila samhället", FORENING)
    d.answer("1. Behov som utgör utgångspunkt för idén", BEHOV)
    # 2. Satsningens innehåll: "Skriv här:" left as it is.
    d.answer("3. Målgrupp", MALGRUPP)
    d.remove_section("4. Förväntade effekter")
    for question, answer, motivation in CRITERIA[:3]:
        d.set_criterion(question, answer, motivation)
    d.set_criterion("Förväntas idén generera", "Nej", "Effekterna för kommunen är svåra att bedöma ännu.")
    # "Bidrar idén till övergripande prioriteringar …" left unanswered.
    d.save(out / "ideprovning-luckor.docx")


# -- förslag (Mölndal) ---------------------------------------------------------------------

FORSLAG = {
    "Beskriv behovet": (
        "Var fjärde elev i årskurs 9 i Bifrost och Åby saknar behörighet till gymnasiet. Frånvaron "
        "är hög och många familjer har kontakt med flera förvaltningar samtidigt utan samordning."),
    "Beskriv hur satsningen": (
        "Läxhjälp och mentorskap tre eftermiddagar i veckan på fritidsgården, med personal från "
        "skolan och socialtjänstens fältgrupp samt volontärer från en lokal idrottsförening."),
    "Vilka olika aktiviteter": (
        "Läxhjälp 3 dagar/vecka (ca 30 elever), mentorsamtal varannan vecka, föräldraträffar "
        "två gånger per termin, sommarläger en vecka per år."),
    "Under hur lång tid": "2 år",
    "Varför ses just dessa": (
        "Kombinationen av skolstöd och vuxenkontakt angriper både kunskapsluckor och frånvaro, "
        "som är de två starkaste riskfaktorerna i vår kartläggning."),
    "Finns vetenskapligt stöd": (
        "Ja. IFAU och Skolverket har visat effekter av strukturerad läxhjälp och mentorskap för "
        "elever med svaga resultat (t.ex. IFAU rapport 2019:7)."),
    "Identifiera satsningens huvudsakliga": (
        "Elever i årskurs 7–9 i Bifrost och Åby med hög frånvaro eller F i kärnämnen."),
    "Identifiera även eventuella andra": "Elevernas föräldrar, genom föräldraträffarna.",
    "Resonera även kring": (
        "Elever med motsvarande resultat och frånvaro i Lindome, där satsningen inte genomförs, "
        "kan utgöra jämförelsegrupp."),
    "Redogör för samtliga nämnder": (
        "Förskole- och grundskolenämnden, Social- och arbetsmarknadsnämnden, Kultur- och fritidsnämnden."),
    "Beskriv bedömd kostnad": (
        "Personal 1,1 mkr/år, lokaler 0,1 mkr/år, material och läger 0,2 mkr/år. Totalt ca 2,8 mkr."),
    "Vilka effekter kommer": (
        "Fler elever når gymnasiebehörighet och färre fastnar i utanförskap; för samhället ökad "
        "trygghet och färre unga som varken arbetar eller studerar."),
    "Vilka ekonomiska effekter": (
        "Minskade kostnader för placeringar och introduktionsprogram, bedömt 1–2 mkr per år "
        "efter satsningens slut."),
}


def forslag_komplett(out: Path) -> None:
    d = ExcelDraft(OFFICIAL / "forslag.xlsx")
    d.fill_field("Namn på satsningen:", "Läxhjälp och mentorskap i Bifrost och Åby")
    d.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
    d.fill_field("Kontaktperson:", "Johan Ekström, verksamhetsutvecklare, 031-315 10 00")
    # Applicants answer in different places: over "Skriv här:", further right, below.
    where = {"Vilka olika aktiviteter": "right", "Finns vetenskapligt stöd": "right",
             "Redogör för samtliga nämnder": "below", "Vilka effekter kommer": "below"}
    for prompt, text in FORSLAG.items():
        d.answer(prompt, text, where=where.get(prompt, "B"))
    d.save(out / "forslag-komplett.xlsx")


def forslag_luckor(out: Path) -> None:
    d = ExcelDraft(OFFICIAL / "forslag.xlsx")
    d.fill_field("Namn på satsningen:", "Läxhjälp och mentorskap i Bifrost och Åby")
    d.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
    # Kontaktperson left empty.
    skip = {"Finns vetenskapligt stöd", "Resonera även kring", "Vilka ekonomiska effekter"}
    changed = {"Under hur lång tid": "fem år", "Beskriv behovet": "TODO"}  # TODO: only a placeholder
    for prompt, text in FORSLAG.items():
        if prompt not in skip:
            d.answer(prompt, changed.get(prompt, text))
    d.save(out / "forslag-luckor.xlsx")


# -- ansökan (Örebro) -----------------------------------------------------------------------

ANSOKAN_TEXT = {
    "1. Problemformulering": BEHOV,
    "2. Evidens och forskning": (
        "Strukturerad läxhjälp med anställda lärare ger enligt Skolverkets kunskapsöversikt "
        "(2021) och IFAU:s utvärderingar positiva effekter på betyg för elever med svaga resultat.\n"
        "Mentorskap minskar skolfrånvaro (Campbell Collaboration, systematisk översikt 2018). "
        "Socialtjänstens och skolans samverkan bygger på erfarenheter från SSPF i Örebro."),
    "3. Målgrupp och avgränsning": MALGRUPP,
    "4. Metod och bemanning": (
        "Två lärare på 75 procent, en fältsekreterare på 25 procent och en projektledare på 50 "
        "procent. Föreningen Vivalla Läxhjälp bidrar med 10–15 volontärer per termin.\n"
        "Varje elev får en stödplan som skola, socialtjänst och förening följer upp varannan vecka."),
    "5. Tid för genomförande": (
        "2026-01-01 – 2028-12-31. Vårterminen 2026 startar verksamheten med 30 elever, från "
        "hösten 2026 med 60 elever. Hösten 2028 ägnas åt överlämning till ordinarie verksamhet."),
    "6. Målsättning": (
        "Andelen behöriga till gymnasiet bland deltagarna ska öka från 62 till 80 procent. "
        "Skolfrånvaron ska minska med en tredjedel. Se bifogat utvärderingsschema."),
    "6.1 Jämförelsealternativ": (
        "Elever i årskurs 7–9 i Brickebacken med liknande resultat och frånvaro utgör jämförelsegrupp."),
    "6.2 Basmätning": (
        "Basmätning i januari 2026: betyg och frånvaro ur Vklass, antal orosanmälningar ur "
        "Lifecare, enkät till elever och föräldrar."),
    "7. Kostnader": "Kostnaderna belastar fonden i sin helhet. Lokaler hyrs av Örebro stadsbibliotek.",
    "8. Förväntade ekonomiska effekter": (
        "Beräknat på färre placeringar (Socialnämnden) och färre elever i introduktionsprogram "
        "(Grundskolenämnden). Besparingen räknas från 2029."),
    "9. Plan för implementering": (
        "Läxhjälpen förs in i Vivallaskolans ordinarie verksamhet från 2029 och finansieras inom "
        "Grundskolenämndens ram. Metoden kan skalas upp till Brickebacken och Oxhagen."),
}

COSTS = [  # År | Personal | Lokaler | Övrigt | Summa
    ["År 1", "1 200 000", "120 000", "180 000", "1 500 000"],
    ["År 2", "1 250 000", "120 000", "130 000", "1 500 000"],
    ["År 3", "1 000 000", "120 000", "80 000", "1 200 000"],
    ["År 4", "0", "0", "0", "0"],
    ["Totalt", "3 450 000", "360 000", "390 000", "4 200 000"],
]
SAVINGS = [  # Nämnd | Besparing per år (kr) | Antal år efter avslut: 4 000 000 + 2 100 000
    ["Socialnämnden", "500 000", "8"],
    ["Grundskolenämnden", "350 000", "6"],
]


def _ansokan_fields(d: WordDraft, civila: str, period: str, procent: str, belopp: str) -> None:
    d.fill_field("Satsningens namn", NAMN)
    d.fill_field("Projektägare", "Eva Berglund, förvaltningschef Förvaltningen förskola och skola")
    d.fill_field("Kontaktperson", KONTAKT)
    d.fill_field("Medverkande nämnder", NAMNDER)
    d.fill_field("Medverkande aktörer från civila samhället", civila)
    d.fill_field("Annan offentlig aktör", "")
    d.fill_field("Period för genomförande", period)
    d.fill_field("Projektledare, andel av heltid", procent)
    d.fill_field("Sökt belopp", belopp)


def ansokan_komplett(out: Path) -> None:
    folder = out / "ansokan-komplett"
    d = WordDraft(OFFICIAL / "ansokan.docx")
    _ansokan_fields(d, FORENING, "2026-01-01 – 2028-12-31", "50 %", "4 200 000 kr")
    for heading, text in ANSOKAN_TEXT.items():
        d.answer(heading, text)
    d.fill_table("År", COSTS)
    d.fill_table("Nämnd", SAVINGS)
    d.sign([["Förvaltningen förskola och skola", "Eva Berglund", "2025-09-15"],
            ["Förvaltningen social välfärd", "Mats Lundgren", "2025-09-16"]])
    d.save(folder / "ansokan.docx")

    x = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    x.grid_rows([
        ["Höjd måluppfyllelse bland deltagande elever", "Läxhjälp tre eftermiddagar i veckan",
         "Antal elever och tillfällen per termin", "Elevernas upplevda studiero (enkät)",
         "Färre elever i introduktionsprogram", "Andel behöriga till gymnasiet", "62 % behöriga (vt 2025)"],
        [None, "Sommarskola en vecka per år", "Antal deltagare", "", "", "Betyg i matematik och svenska",
         "Betygsutdrag juni 2025"],
        ["Minskad skolfrånvaro", "Mentorsamtal varannan vecka", "Antal genomförda samtal",
         "Elevens egen bedömning av skolsituationen", "Färre orosanmälningar och placeringar",
         "Frånvaro i procent av schemalagd tid", "Frånvaro 14 % (ht 2025, Vklass)"],
        ["Ökat föräldraengagemang", "Föräldraträffar två gånger per termin", "Antal deltagande föräldrar",
         "Föräldrarnas upplevelse av kontakten med skolan", "", "Andel föräldrar på utvecklingssamtal",
         "48 % deltog i utvecklingssamtal (2025)"],
    ], merge_key=True)
    x.save(folder / "utvarderingsschema.xlsx")


def ansokan_luckor(out: Path) -> None:
    d = WordDraft(OFFICIAL / "ansokan.docx")
    _ansokan_fields(d, "Läxhjälp Sverige AB", "2026-01-01 – 2031-12-31", "20 %", "4 500 000 kr")
    for heading, text in ANSOKAN_TEXT.items():
        if heading != "2. Evidens och forskning":  # left as "Skriv här:"
            d.answer(heading, text)
    d.fill_table("År", [  # the years add up to 3 400 000, but Totalt (and sökt belopp) say 4 500 000
        ["År 1", "700 000", "60 000", "90 000", "850 000"],
        ["År 2", "700 000", "60 000", "90 000", "850 000"],
        ["År 3", "700 000", "60 000", "90 000", "850 000"],
        ["År 4", "700 000", "60 000", "90 000", "850 000"],
        ["Totalt", "3 900 000", "240 000", "360 000", "4 500 000"],
    ])
    d.fill_table("Nämnd", SAVINGS)
    d.save(out / "ansokan-luckor" / "ansokan.docx")


# -- Region Gävleborg (its texts and rows: tools/gavleborg_samples.py) ----------------------------

def gavleborg_komplett(out: Path) -> None:
    folder = out / "gavleborg-komplett"
    gv_ansokan(GV_MEDSOKANDE, "1 230 000 kr", tillstyrkan=GV_TILLSTYRKAN).save(folder / gavleborg.ANSOKAN)
    gv_budget(GV_BUDGET, GV_MEDFINANSIERING).save(folder / gavleborg.BUDGET)
    gv_grid(gavleborg.UPPFOLJNING, GV_MAL, "Mål").save(folder / gavleborg.UPPFOLJNING)
    gv_grid(gavleborg.AKTIVITETSPLAN, GV_AKTIVITETER, "Aktivitet").save(folder / gavleborg.AKTIVITETSPLAN)


GV_BUDGET_LUCKOR = [  # År 1 seeks 600 000 kr; cost 2 580 000, sought 1 450 000 (56,2 %)
    ["År 1", 700_000, 40_000, 60_000, 30_000, 50_000, 20_000, None, 600_000],
    ["År 2", 640_000, 40_000, 60_000, 25_000, 50_000, 15_000, None, 450_000],
    ["År 3", 660_000, 40_000, 40_000, 20_000, 80_000, 10_000, None, 400_000],
]


def gavleborg_luckor(out: Path) -> None:
    folder = out / "gavleborg-luckor"
    # The kommun alone; nobody has tillstyrkt; "5. Insats och metod" still says "Skriv här".
    gv_ansokan([], "1 450 000 kr", skip="5. Insats och metod").save(folder / gavleborg.ANSOKAN)
    gv_budget(GV_BUDGET_LUCKOR, GV_MEDFINANSIERING[:1]).save(folder / gavleborg.BUDGET)
    # No Bilaga 4.


SAMPLES = [ideprovning_komplett, ideprovning_luckor, forslag_komplett, forslag_luckor,
           ansokan_komplett, ansokan_luckor, gavleborg_komplett, gavleborg_luckor]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "samples"
    out.mkdir(parents=True, exist_ok=True)
    for make in SAMPLES:
        make(out)
    # The follow-up samples beside the application samples, not in them (README: each
    # sub-folder of samples/ is a submission for `validate`; of samples-uppfoljning/, a
    # satsning for `followup`).
    followup = out.with_name(out.name + "-uppfoljning")
    make_followup_samples.make(followup, out)
    for folder in (out, followup):
        for path in sorted(folder.rglob("*.*x")):
            print(path.relative_to(folder.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
