"""Build the blank follow-up report forms: a redovisning, a slutrapport and an uppföljande
utvärdering for each funder (SPEC §9, the follow-up design §2).

    python3 tools/make_report_templates.py [SCHEMAS_DIR]      (default: schemas/)

writes forms/<profile>/<kind>.docx under the schemas folder, where the profiles name them
(`forms:` in schemas/profiles/*.yaml) and `socinv templates export` copies them from:

    forms/orebro-2020/redovisning.docx              Redovisning – social investering (delår 2 / helår)
    forms/orebro-2020/slutrapport.docx              Slutrapport – social investering
    forms/orebro-2020/uppfoljande_utvardering.docx  Uppföljande utvärdering – social investering
    forms/gavleborg-2019/redovisning.docx           Lägesrapport – sociala investeringsmedel
    forms/gavleborg-2019/slutrapport.docx           Slutrapport – sociala investeringsmedel
    forms/gavleborg-2019/uppfoljande_utvardering.docx

Neither funder publishes its report form: Örebro's riktlinjer say "Redovisning sker i avsedd
mall" and no such mall is published; Region Gävleborg publishes its application forms only.
So these forms are this project's design, in the shape the riktlinjer require, and each says
so in its introduction. Each has the fields table, the sections, the tables (Aktiviteter,
Mått, Ekonomi, in the slutrapport the Efterkalkyl) and the five förutsättningar as a criteria
table. Every text in them is also in the kinds (schemas/kinds/redovisning.yaml, ...), as
headings, aliases, labels, guidance or template text: a blank form is read as having no
answers (tests/test_reports.py checks it).

Every run gives the same bytes (fixed dates, docbuilder.normalise_zip).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docbuilder import normalise_zip  # noqa: E402
from make_gavleborg_templates import _cell_text, _shade  # noqa: E402
from make_memo_template import page_number_footer, repeat_header, set_language, set_widths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
FIXED = dt.datetime(2026, 1, 15, 8, 0)
PLACEHOLDER = "Skriv här"
TEXT_WIDTH_CM = 16.6  # A4 minus 2 × 2.2 cm margins


@dataclass(frozen=True)
class Look:
    """A funder's colours and running header."""

    accent: str  # headings, title
    label_fill: str  # label cells and table headers
    header: str  # the running header's left part, in capitals
    header_right: str
    author: str


OREBRO = Look(accent="8C1D2C", label_fill="F2E6E8", header="ÖREBRO KOMMUN", header_right="Sociala investeringar",
              author="Örebro kommun, sociala investeringar")
GAVLEBORG = Look(accent="00546E", label_fill="DCE9EE", header="REGION GÄVLEBORG",
                 header_right="Sociala investeringsmedel", author="Region Gävleborg, Regional utveckling")


@dataclass(frozen=True)
class Grid:
    """A table in a section: its header, empty rows to fill, and fixed rows (Totalt)."""

    headers: list[str]
    widths: list[float]
    rows: int
    fixed: list[str] = field(default_factory=list)  # labels of rows after the empty ones


@dataclass(frozen=True)
class Section:
    heading: str
    guidance: str
    grid: Grid | None = None
    placeholder: bool = True  # a "Skriv här" line for the running text (after the table)


@dataclass(frozen=True)
class Criteria:
    heading: str
    guidance: str
    questions: list[str]


@dataclass(frozen=True)
class Form:
    profile: str
    kind: str
    look: Look
    title: str
    subtitle: str
    intro: list[str]
    facts_heading: str
    fields: list[str]
    facts_note: str | None
    parts: list[Section | Criteria]
    closing: str

    @property
    def name(self) -> str:
        return f"forms/{self.profile}/{self.kind}.docx"


# -- shared parts -------------------------------------------------------------------------------

ACTIVITIES = Grid(["Aktivitet", "Genomförd (Ja/Delvis/Nej)", "Kommentar"], [7.0, 3.2, 6.4], rows=5)
ECONOMY_OREBRO = Grid(["Kalenderår", "Kostnadsslag", "Budget (kr)", "Utfall (kr)", "varav fonden (kr)", "Prognos (kr)"],
                      [2.6, 3.4, 2.6, 2.6, 2.8, 2.6], rows=6, fixed=["Totalt"])
ECONOMY_GAVLEBORG = Grid(["Kalenderår", "Kostnadsslag", "Budget (kr)", "Utfall (kr)",
                          "varav sociala investeringsmedel (kr)", "Prognos (kr)"],
                         [2.6, 3.0, 2.4, 2.4, 3.6, 2.6], rows=6, fixed=["Totalt"])
MEASURES_OREBRO = Grid(["Mål", "Mått", "Basmätning", "Utfall", "Kommentar"], [3.6, 3.6, 3.0, 3.0, 3.4], rows=5)
MEASURES_GAVLEBORG = Grid(["Mål", "Indikator", "Utgångsläge", "Målvärde", "Tidpunkt för mätning", "Utfall", "Kommentar"],
                          [2.3, 2.4, 2.7, 2.2, 2.3, 2.2, 2.5], rows=5)
EFTERKALKYL_OREBRO = Grid(["Nämnd", "Besparing per år (kr)", "Antal år efter avslut"], [7.6, 4.5, 4.5], rows=4)
EFTERKALKYL_GAVLEBORG = Grid(["Organisation", "Besparing per år (kr)", "Antal år efter avslut"], [7.6, 4.5, 4.5],
                             rows=4)

# The five förutsättningar (seed 000, "Kriterier för att avbryta"), as questions.
CRITERIA_HEADING = "Förutsättningar för att nå önskat resultat"
QUESTIONS_OREBRO = [
    "Finns fortfarande ett reellt behov för satsningens målgrupp?",
    "Används fortfarande nya arbetssätt och metoder i satsningen?",
    "Ger satsningen ett bättre utfall för målgruppen än ordinarie insats?",
    "Bedöms satsningen bidra till kostnadsreduceringar?",
    "Ger satsningen mätbara effekter för kommunen?",
]
QUESTIONS_GAVLEBORG = [*QUESTIONS_OREBRO[:4], "Ger satsningen mätbara effekter för de medverkande organisationerna?"]
CRITERIA_GUIDANCE_OREBRO = (
    "Bedöm om förutsättningarna som gällde när ansökan godkändes fortfarande gäller. Besvara varje fråga med Ja "
    "eller Nej och motivera. En satsning som inte längre uppfyller förutsättningarna kan prövas för avbrytande.")
CRITERIA_GUIDANCE_GAVLEBORG = (
    "Bedöm om förutsättningarna för att nå önskat resultat fortfarande gäller. Besvara varje fråga med Ja eller Nej "
    "och motivera kort.")

DESIGN_OREBRO = {
    "redovisning": "Om mallen: Örebro kommuns riktlinjer för sociala investeringar säger att redovisning sker i "
                   "avsedd mall, men den mallen är inte publicerad. Den här mallens utformning är socinv-docs egen, "
                   "byggd på vad riktlinjerna kräver av redovisningen.",
    "slutrapport": "Om mallen: Örebro kommun har inte publicerat någon mall för slutrapporten. Den här mallens "
                   "utformning är socinv-docs egen, byggd på vad riktlinjerna kräver av slutrapport och "
                   "effektutvärdering.",
    "uppfoljande_utvardering": "Om mallen: Örebro kommun har inte publicerat någon mall för den uppföljande "
                               "utvärderingen. Den här mallens utformning är socinv-docs egen, byggd på vad "
                               "riktlinjerna kräver.",
}
DESIGN_GAVLEBORG = {
    "redovisning": "Om mallen: Region Gävleborgs egen mall för lägesrapporter är inte publicerad. Den här mallens "
                   "utformning är socinv-docs egen, i samma form som ansökan och Bilaga 4 Uppföljnings- och "
                   "utvärderingsschema.",
    "slutrapport": "Om mallen: Region Gävleborgs egen mall för slutrapporter är inte publicerad. Den här mallens "
                   "utformning är socinv-docs egen, i samma form som ansökan och Bilaga 4 Uppföljnings- och "
                   "utvärderingsschema.",
    "uppfoljande_utvardering": "Om mallen: Region Gävleborgs egen mall för uppföljande utvärderingar är inte "
                               "publicerad. Den här mallens utformning är socinv-docs egen, i samma form som "
                               "ansökan och Bilaga 4 Uppföljnings- och utvärderingsschema.",
}

# -- Örebro kommun ------------------------------------------------------------------------------

OREBRO_FACTS = "Uppgifter om satsningen"
OREBRO_NAME = "Satsningens namn"
OREBRO_DNR = "Diarienummer"
OREBRO_OWNER = "Projektägare (förvaltningschef)"
OREBRO_LEAD = "Projektledare (namn, e-post, telefon)"
OREBRO_PARTIES = "Medverkande nämnder och aktörer (en per rad)"
DATE = "Datum (ÅÅÅÅ-MM-DD)"
REPORT_PERIOD = "Rapportperiod (Delår 2 ÅÅÅÅ eller Helår ÅÅÅÅ)"

OREBRO_ACTIVITIES = Section(
    "Genomförda aktiviteter",
    "Redogör för de aktiviteter som genomförts under perioden jämfört med aktiviteterna i utvärderingsschemat. "
    "En rad per planerad aktivitet; skriv Ja, Delvis eller Nej under Genomförd.", ACTIVITIES)
OREBRO_METHOD = Section(
    "Arbetssätt",
    "Beskriv de arbetssätt och metoder som använts och hur de skiljer sig från ordinarie verksamhet.")
OREBRO_ECONOMY_GUIDANCE = (
    "En rad per kalenderår och kostnadsslag, med samma kostnadsslag som i ansökans budget (Personal, Lokaler, "
    "Övrigt). Budget: enligt beslutet. Utfall: kostnaderna hittills under året. varav fonden: den del av utfallet "
    "som belastar fonden. Prognos: det som återstår av årets kostnader, för kommande år hela årets kostnad. "
    "Belopp i kronor; lägg till rader vid behov.")
OREBRO_DEVIATIONS = Section(
    "Avvikelser",
    "Beskriv avvikelser från plan, tidplan och budget, orsaken och hur de hanteras. Lämna tomt om det inte finns "
    "några avvikelser.")
OREBRO_OTHER = Section("Övrigt", "Annat som processledaren bör känna till.")
OREBRO_CLOSING = "Rapporten skickas som Word-fil till processledaren för sociala investeringar i Örebro kommun."


def _numbered(parts: list[Section | Criteria]) -> list[Section | Criteria]:
    """The parts numbered 1, 2, … in order (a heading already numbered keeps its number)."""
    out = []
    for i, part in enumerate(parts, start=1):
        heading = part.heading if part.heading[:1].isdigit() else f"{i}. {part.heading}"
        out.append(Section(heading, part.guidance, part.grid, part.placeholder) if isinstance(part, Section)
                   else Criteria(heading, part.guidance, part.questions))
    return out


def orebro_redovisning() -> Form:
    return Form(
        "orebro-2020", "redovisning", OREBRO, "Redovisning – social investering",
        "Örebro kommun – redovisning av beviljad satsning vid delår 2 och helår",
        ["Skriftlig redovisning av beviljade satsningar sker två gånger per år, i samband med ordinarie redovisning "
         "av delår 2 och helår. Redovisningen innehåller genomförda aktiviteter, arbetssätt och uppnådda effekter "
         "samt satsningens totala ekonomi. Projektledaren ansvarar för att redovisningen inkommer till "
         "processledaren.", DESIGN_OREBRO["redovisning"]],
        OREBRO_FACTS,
        [OREBRO_NAME, OREBRO_DNR, OREBRO_OWNER, OREBRO_LEAD, REPORT_PERIOD,
         "Period som redovisas (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", OREBRO_PARTIES, DATE],
        "Rapportperiod: skriv Delår 2 och året för redovisningen per den 31 augusti (till exempel Delår 2 2027), "
        "Helår och året för helårsredovisningen (Helår 2027). Period som redovisas: till exempel "
        "2027-01-01 – 2027-08-31 för delår 2.",
        _numbered([
            OREBRO_ACTIVITIES, OREBRO_METHOD,
            Section("Uppnådda effekter",
                    "Redovisa måtten i utvärderingsschemat (aktivitetsmått, kvalitativa effektmått och utfallsmått) "
                    "med basmätning och utfall hittills, en rad per mått, och beskriv vilka effekter som uppnåtts för "
                    "målgruppen.", MEASURES_OREBRO),
            Section("Satsningens totala ekonomi", OREBRO_ECONOMY_GUIDANCE, ECONOMY_OREBRO, placeholder=False),
            OREBRO_DEVIATIONS,
            Section("Förberedelse för implementering",
                    "Beskriv hur implementeringen i ordinarie verksamhet förbereds: dialogen med berörda "
                    "verksamheter och arbetet med en plan för implementering."),
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_OREBRO, QUESTIONS_OREBRO),
            OREBRO_OTHER,
        ]),
        OREBRO_CLOSING)


def orebro_slutrapport() -> Form:
    return Form(
        "orebro-2020", "slutrapport", OREBRO, "Slutrapport – social investering",
        "Örebro kommun – slutrapport med effektutvärdering för en avslutad satsning",
        ["Slutrapporten med effektutvärdering är underlaget för kommunstyrelsens beslut om implementering. Den "
         "redovisar vad satsningen har genomfört och uppnått, värderar satsningens effekter och kostnader mot "
         "jämförelsealternativen (ordinarie insats eller utan insats) och visar en efterkalkyl av de "
         "kostnadsbesparande effekterna, högst tio år från avslut.", DESIGN_OREBRO["slutrapport"]],
        OREBRO_FACTS,
        [OREBRO_NAME, OREBRO_DNR, OREBRO_OWNER, OREBRO_LEAD, "Satsningens period (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)",
         OREBRO_PARTIES, "Faktisk total kostnad för satsningen (kr)", DATE],
        "Faktisk total kostnad: hela satsningens kostnad enligt ekonomin nedan, också det som inte belastat fonden.",
        _numbered([
            OREBRO_ACTIVITIES, OREBRO_METHOD,
            Section("Uppnådda effekter",
                    "Redovisa alla mått i utvärderingsschemat med basmätning och slutligt utfall, en rad per mått, "
                    "och beskriv vilka effekter som uppnåtts för målgruppen.", MEASURES_OREBRO),
            Section("Effektutvärdering",
                    "Redovisa effektutvärderingen: metod, resultat för målgruppen jämfört med basmätningen och vilka "
                    "effekter som kan tillskrivas satsningen."),
            Section("Jämförelse med jämförelsealternativ och kontrollgrupp",
                    "Värdera satsningens effekter och kostnader mot jämförelsealternativen (ordinarie insats eller "
                    "utan insats) och, där den finns, kontrollgruppen."),
            Section("Satsningens totala ekonomi",
                    "En rad per kalenderår och kostnadsslag, med samma kostnadsslag som i ansökans budget (Personal, "
                    "Lokaler, Övrigt). Budget: enligt beslutet. Utfall: årets slutliga kostnader. varav fonden: den "
                    "del av utfallet som belastat fonden. Prognos: lämnas tom när inga kostnader återstår. Belopp i "
                    "kronor; lägg till rader vid behov.", ECONOMY_OREBRO, placeholder=False),
            Section("Efterkalkyl",
                    "Beräkna de kostnadsbesparande effekterna per nämnd på samma sätt som i ansökans förväntade "
                    "ekonomiska effekter, högst tio år från avslut, och beskriv beräkningen och dess antaganden.",
                    EFTERKALKYL_OREBRO),
            OREBRO_DEVIATIONS,
            Section("Implementering och uppskalning",
                    "Föreslå hur satsningen i sin helhet eller i utvalda delar ska implementeras och permanentas i "
                    "ordinarie verksamhet, vilket arbetssätt den ersätter och vilka målgrupper eller verksamheter en "
                    "uppskalning kan omfatta."),
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_OREBRO, QUESTIONS_OREBRO),
            OREBRO_OTHER,
        ]),
        OREBRO_CLOSING)


def orebro_uppfoljande() -> Form:
    return Form(
        "orebro-2020", "uppfoljande_utvardering", OREBRO, "Uppföljande utvärdering – social investering",
        "Örebro kommun – uppföljande utvärdering 1–3 år efter avslutad satsning",
        ["En uppföljande utvärdering genomförs 1–3 år efter avslutad satsning, för att fånga upp kortsiktiga "
         "effekter som uppstått efter satsningens slut och för att dra lärdomar av genomförd implementering i "
         "ordinarie verksamhet.", DESIGN_OREBRO["uppfoljande_utvardering"]],
        OREBRO_FACTS,
        [OREBRO_NAME, OREBRO_DNR, OREBRO_OWNER, "Kontaktperson (namn, e-post, telefon)",
         "Period som följs upp (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", OREBRO_PARTIES, DATE],
        None,
        _numbered([
            Section("Effekter efter avslut",
                    "Redovisa måtten i utvärderingsschemat med basmätning och utfall vid uppföljningen, en rad per "
                    "mått, och beskriv effekterna för målgruppen efter satsningens slut.", MEASURES_OREBRO),
            Section("Implementering i ordinarie verksamhet",
                    "Beskriv hur satsningen har implementerats i ordinarie verksamhet: vad som permanentats, vilket "
                    "arbetssätt som ersatts och om den har skalats upp."),
            Section("Lärdomar",
                    "Vilka lärdomar har satsningen och implementeringen gett, för verksamheten och för kommande "
                    "sociala investeringar?"),
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_OREBRO, QUESTIONS_OREBRO),
            OREBRO_OTHER,
        ]),
        OREBRO_CLOSING)


# -- Region Gävleborg ---------------------------------------------------------------------------

# Not the application's "Region Gävleborgs regionala sociala investeringsmedel": that phrase
# tells the Ansökan (investeringsansokan.yaml detect).
GAVLEBORG_SUBTITLES = {
    "redovisning": "Region Gävleborg – lägesrapport för beviljade sociala investeringsmedel",
    "slutrapport": "Region Gävleborg – slutrapport för beviljade sociala investeringsmedel",
    "uppfoljande_utvardering": "Region Gävleborg – uppföljande utvärdering efter avslutat projekt",
}
GAVLEBORG_FACTS = "Uppgifter om den sociala investeringen"
GAVLEBORG_NAME = "Den sociala investeringens namn"
GAVLEBORG_DNR = "Diarienummer (Region Gävleborgs beslut)"
GAVLEBORG_OWNER = "Projektägare (huvudsökande organisation)"
GAVLEBORG_LEAD = "Projektledare (namn, e-post, telefon)"
GAVLEBORG_PARTIES = "Medverkande organisationer och verksamheter (en per rad)"
GAVLEBORG_ACTIVITIES = Section(
    "Genomförda aktiviteter",
    "Redogör för de aktiviteter som genomförts jämfört med Bilaga 5 Aktivitetsplan. En rad per planerad aktivitet; "
    "skriv Ja, Delvis eller Nej under Genomförd.", ACTIVITIES)
GAVLEBORG_METHOD = Section(
    "Arbetssätt",
    "Beskriv hur de medverkande organisationerna har arbetat tillsammans och vilka arbetssätt och metoder som "
    "använts.")
GAVLEBORG_RESULTS_GUIDANCE = (
    "Redovisa indikatorerna i Bilaga 4 Uppföljnings- och utvärderingsschema, en rad per indikator med utgångsläge, "
    "målvärde, tidpunkt för mätning och utfall, och beskriv de sociala och samhällsekonomiska effekterna.")
GAVLEBORG_ECONOMY_GUIDANCE = (
    "En rad per kalenderår och kostnadsslag, med samma kostnadsslag som i Bilaga 2 Budget (Personal, Lokaler, "
    "Köpta tjänster, Material och resor, Utvärdering, Övrigt). Budget: enligt beslutet. Utfall: kostnaderna "
    "hittills under året. varav sociala investeringsmedel: den del av utfallet som Region Gävleborgs medel "
    "betalar; resten är medfinansiering. Prognos: det som återstår av årets kostnader, för kommande år hela årets "
    "kostnad. Belopp i kronor; lägg till rader vid behov.")
GAVLEBORG_DEVIATIONS = Section(
    "Avvikelser",
    "Beskriv avvikelser från projektplan, aktivitetsplan och budget, orsaken och hur de hanteras. Lämna tomt om "
    "det inte finns några avvikelser.")
GAVLEBORG_IMPLEMENTATION = Section(
    "Implementering i ordinarie verksamhet",
    "Beskriv hur arbetssättet förs in i ordinarie verksamhet och vem som ansvarar för det.")
GAVLEBORG_OTHER = Section("Övrigt", "Annat som Region Gävleborg bör känna till.")
GAVLEBORG_CLOSING = "Rapporten skickas som Word-fil till Region Gävleborg, sociala investeringsmedel."


def gavleborg_redovisning() -> Form:
    return Form(
        "gavleborg-2019", "redovisning", GAVLEBORG, "Lägesrapport – sociala investeringsmedel",
        GAVLEBORG_SUBTITLES["redovisning"],
        ["Lägesrapporten beskriver hur den sociala investeringen genomförs: genomförda aktiviteter, arbetssätt, "
         "resultat och effekter hittills och ekonomin med medfinansieringen. Den skickas till Region Gävleborg "
         "enligt beslutet om sociala investeringsmedel.", DESIGN_GAVLEBORG["redovisning"]],
        GAVLEBORG_FACTS,
        [GAVLEBORG_NAME, GAVLEBORG_DNR, GAVLEBORG_OWNER, GAVLEBORG_LEAD, REPORT_PERIOD,
         "Period som rapporten avser (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", GAVLEBORG_PARTIES, DATE],
        "Rapportperiod: den period som beslutet om rapportering anger, till exempel Helår 2027 för helåret eller "
        "Delår 2 2027 för januari–augusti.",
        _numbered([
            GAVLEBORG_ACTIVITIES, GAVLEBORG_METHOD,
            Section("Resultat och effekter", GAVLEBORG_RESULTS_GUIDANCE, MEASURES_GAVLEBORG),
            Section("Ekonomi", GAVLEBORG_ECONOMY_GUIDANCE, ECONOMY_GAVLEBORG, placeholder=False),
            GAVLEBORG_DEVIATIONS, GAVLEBORG_IMPLEMENTATION,
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_GAVLEBORG, QUESTIONS_GAVLEBORG),
            GAVLEBORG_OTHER,
        ]),
        GAVLEBORG_CLOSING)


def gavleborg_slutrapport() -> Form:
    return Form(
        "gavleborg-2019", "slutrapport", GAVLEBORG, "Slutrapport – sociala investeringsmedel",
        GAVLEBORG_SUBTITLES["slutrapport"],
        ["Slutrapporten redovisar vad den sociala investeringen har genomfört och uppnått, utvärderingen av de "
         "sociala och samhällsekonomiska effekterna jämfört med jämförelsealternativet och en samhällsekonomisk "
         "efterkalkyl. Den är underlaget för beslut om implementering i ordinarie verksamhet.",
         DESIGN_GAVLEBORG["slutrapport"]],
        GAVLEBORG_FACTS,
        [GAVLEBORG_NAME, GAVLEBORG_DNR, GAVLEBORG_OWNER, GAVLEBORG_LEAD, "Projektperiod (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)",
         GAVLEBORG_PARTIES, "Faktisk total kostnad (kr)", DATE],
        "Faktisk total kostnad: hela projektets kostnad enligt ekonomin nedan, medfinansieringen inräknad.",
        _numbered([
            GAVLEBORG_ACTIVITIES, GAVLEBORG_METHOD,
            Section("Resultat och effekter", GAVLEBORG_RESULTS_GUIDANCE, MEASURES_GAVLEBORG),
            Section("Utvärdering av sociala och samhällsekonomiska effekter",
                    "Redovisa utvärderingen: metod, resultat för målgruppen jämfört med utgångsläget och vilka "
                    "effekter som kan tillskrivas den sociala investeringen."),
            Section("Jämförelse med jämförelsealternativ eller kontrollgrupp",
                    "Jämför effekterna och kostnaderna med jämförelsealternativet (ordinarie insats eller ingen "
                    "insats) och, där den finns, kontrollgruppen."),
            Section("Ekonomi",
                    "En rad per kalenderår och kostnadsslag, med samma kostnadsslag som i Bilaga 2 Budget. Budget: "
                    "enligt beslutet. Utfall: årets slutliga kostnader. varav sociala investeringsmedel: den del som "
                    "Region Gävleborgs medel betalat. Prognos: lämnas tom när inga kostnader återstår. Belopp i "
                    "kronor; lägg till rader vid behov.", ECONOMY_GAVLEBORG, placeholder=False),
            Section("Samhällsekonomisk efterkalkyl",
                    "Beräkna kostnaderna som minskar eller inte uppstår, per organisation och år efter avslut, och "
                    "beskriv beräkningen och dess antaganden.", EFTERKALKYL_GAVLEBORG),
            GAVLEBORG_DEVIATIONS, GAVLEBORG_IMPLEMENTATION,
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_GAVLEBORG, QUESTIONS_GAVLEBORG),
            GAVLEBORG_OTHER,
        ]),
        GAVLEBORG_CLOSING)


def gavleborg_uppfoljande() -> Form:
    return Form(
        "gavleborg-2019", "uppfoljande_utvardering", GAVLEBORG, "Uppföljande utvärdering – sociala investeringsmedel",
        GAVLEBORG_SUBTITLES["uppfoljande_utvardering"],
        ["Den uppföljande utvärderingen görs 1–3 år efter projektets slut: vilka effekter som finns kvar, hur "
         "arbetssättet har förts in i ordinarie verksamhet och vilka lärdomar det har gett.",
         DESIGN_GAVLEBORG["uppfoljande_utvardering"]],
        GAVLEBORG_FACTS,
        [GAVLEBORG_NAME, GAVLEBORG_DNR, GAVLEBORG_OWNER, "Kontaktperson (namn, e-post, telefon)",
         "Period som följs upp (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", GAVLEBORG_PARTIES, DATE],
        None,
        _numbered([
            Section("Effekter efter avslut",
                    "Redovisa indikatorerna i Bilaga 4 med utgångsläge, målvärde, tidpunkt för mätning och utfall vid "
                    "uppföljningen, en rad per indikator, och beskriv effekterna efter projektets slut.",
                    MEASURES_GAVLEBORG),
            Section("Implementering i ordinarie verksamhet",
                    "Beskriv hur arbetssättet har förts in i ordinarie verksamhet, vad det har ersatt och om det har "
                    "spridits till fler verksamheter."),
            Section("Lärdomar",
                    "Vilka lärdomar har projektet och implementeringen gett, för organisationerna och för kommande "
                    "sociala investeringar?"),
            Criteria(CRITERIA_HEADING, CRITERIA_GUIDANCE_GAVLEBORG, QUESTIONS_GAVLEBORG),
            GAVLEBORG_OTHER,
        ]),
        GAVLEBORG_CLOSING)


FORMS = [orebro_redovisning, orebro_slutrapport, orebro_uppfoljande,
         gavleborg_redovisning, gavleborg_slutrapport, gavleborg_uppfoljande]


# -- Word ---------------------------------------------------------------------------------------

def _styles(document, look: Look) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 20), ("Heading 1", 13)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = name == "Heading 1"
        style.font.color.rgb = RGBColor.from_string(look.accent)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)
        fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if fonts is not None:  # python-docx's theme fonts would win over the name in Word
            for attr in list(fonts.attrib):
                if "Theme" in attr:
                    del fonts.attrib[attr]
    border = styles["Title"].element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:
        styles["Title"].element.get_or_add_pPr().remove(border)
    set_language(document, "sv-SE")


def _page(document, form: Form) -> None:
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    header = section.header.paragraphs[0]
    run = header.add_run(form.look.header)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(11), RGBColor.from_string(form.look.accent)
    header.add_run(f"\t\t{form.look.header_right}").font.size = Pt(9)
    page_number_footer(section, form.title)
    for run in section.footer.paragraphs[0].runs:
        run.font.size = Pt(8)


def _guidance(document, text: str, space_before: float = 0) -> None:
    from docx.shared import Pt, RGBColor

    paragraph = document.add_paragraph()
    if space_before:
        paragraph.paragraph_format.space_before = Pt(space_before)
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor.from_string("404040")


def _placeholder(document) -> None:
    from docx.shared import RGBColor

    document.add_paragraph().add_run(PLACEHOLDER).font.color.rgb = RGBColor.from_string("6B6B6B")


def _table(document, rows: int, widths: list[float]):
    table = document.add_table(rows=rows, cols=len(widths))
    table.style = document.styles["Table Grid"]
    set_widths(table, widths)
    return table


def _header_row(table, headers: list[str], look: Look) -> None:
    for cell, text in zip(table.rows[0].cells, headers):
        _shade(cell, look.label_fill)
        _cell_text(cell, text, bold=True, size=8.5)
    repeat_header(table)


def _grid(document, grid: Grid, look: Look) -> None:
    from docx.shared import Pt

    table = _table(document, 1 + grid.rows + len(grid.fixed), grid.widths)
    _header_row(table, grid.headers, look)
    for row in table.rows[1:1 + grid.rows]:
        row.height = Pt(20)
    for row, label in zip(table.rows[1 + grid.rows:], grid.fixed):
        _cell_text(row.cells[0], label, bold=True, size=9)
        for cell in row.cells:
            _shade(cell, look.label_fill)


def make_form(form: Form, path: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    _styles(document, form.look)
    _page(document, form)

    document.add_paragraph(form.title, style="Title")
    document.add_paragraph().add_run(form.subtitle).font.size = Pt(12)
    for text in form.intro:
        _guidance(document, text)

    document.add_heading(form.facts_heading, level=1)
    facts = _table(document, len(form.fields), [7.0, 9.6])
    for row, label in zip(facts.rows, form.fields):
        _shade(row.cells[0], form.look.label_fill)
        _cell_text(row.cells[0], label, bold=True)
        _cell_text(row.cells[1], PLACEHOLDER, grey=True)
    if form.facts_note:
        _guidance(document, form.facts_note, space_before=4)

    for part in form.parts:
        document.add_heading(part.heading, level=1)
        _guidance(document, part.guidance)
        if isinstance(part, Criteria):
            table = _table(document, 1 + len(part.questions), [8.6, 1.8, 6.2])
            _header_row(table, ["Förutsättning", "Ja/Nej", "Motivering"], form.look)
            for row, question in zip(table.rows[1:], part.questions):
                _cell_text(row.cells[0], question)
                _cell_text(row.cells[2], PLACEHOLDER, grey=True)
            continue
        if part.grid is not None:
            _grid(document, part.grid, form.look)
            if part.placeholder:
                document.add_paragraph()  # air between the table and the running text
        if part.placeholder:
            _placeholder(document)
    document.add_paragraph()
    _guidance(document, form.closing)

    props = document.core_properties
    props.author = props.last_modified_by = form.look.author
    props.title = form.title
    props.created = props.modified = FIXED
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    normalise_zip(path)
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else SCHEMAS
    for make in FORMS:
        form = make()
        print(make_form(form, out / form.name).relative_to(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
