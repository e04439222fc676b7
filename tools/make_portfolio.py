"""A test portfolio for `socinv followup` (issue 21): N satsningar over four years, for the
tests, the bench and a look at the follow-up workbook as a processledare sees it.

    python3 tools/make_portfolio.py OUT [--n 30] [--seed 21] [--made-on 2028-10-01]
                                        [--workbook uppfoljning.xlsx [--date D] [--lang sv]]

OUT gets one sub-folder per satsning, as `socinv followup OUT` reads it: the approved files
(copies of the sample applications — Örebro's ansökan and utvärderingsschema from
samples/ansokan-komplett, Region Gävleborg's investeringsansökan with Bilaga 2–5 from
samples/gavleborg-komplett —, each ansökan under the satsning's own name), a beslut.yaml (a
grant less than sought for every fourth, the starts on the first of a month spread over the
four years 2024–2027, so that År k splits over two calendar years), and under rapporter/ the
reports that came in by `made_on`: each pre-filled from the satsning's plan
(render/prefill.py, carrying it) and typed over with utfall by tools/docbuilder.ReportDraft.

What became of each satsning is a scenario, given by its place in the timeline so that every
case is there from N = 12 on (with N = 30 and the defaults, every scenario but `complete` and
`ended` is one satsning):

    complete      every report due by made_on came in on time, complete
    ended         ended; its slutrapport came in (state Avslutad)
    implemented   ended, slutrapport and an early uppföljande utvärdering in; the processledare
                  typed Implementerad
    followed_up   ended long ago: its uppföljande utvärdering came in
    over          granted less than sought, spends 30 % over the budget: over the grant
    gaps          its latest report came in with typical gaps (Ofullständig)
    late          its latest report due has not come in (Försenad n dagar)
    skipped       one report missing, marked Överhoppad with a Skäl by the processledare
    stopped       reported its first year, then stopped: the processledare typed Avbruten
    no_beslut     decided, starting after made_on, its beviljat belopp not in beslut.yaml:
                  the processledare types it into the workbook after the first run

Everything is a function of (N, seed, made_on): `make` returns the parameters (`Portfolio`:
each satsning's beslut, scenario, and every report's kind, period, date and the amounts typed
in its Ekonomi), from which the tests compute what the follow-up run should say without
running the code under test; `type_edits` types the processledare's part (Överhoppad and
Skäl, Status, Kommentar) into a follow-up workbook the way they do it, by the headers.
The same arguments give the same files, byte for byte.

The bench (bench/bench_followup.py) makes 300 satsningar of Örebro's (`funders`), whose
three-year periods owe 9–10 reports each.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import io
import random
import shutil
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docbuilder import ReportDraft  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OREBRO, GAVLEBORG = "orebro-2020", "gavleborg-2019"

# Per funder: the sample folder of approved files, the ansökan's title in it (replaced by each
# satsning's own), its amount sought, the fund's part of each cost, and the reports' names.
SOURCES = {OREBRO: "ansokan-komplett", GAVLEBORG: "gavleborg-komplett"}
SAMPLE_TITLE = {OREBRO: "Läxhjälp i Vivalla", GAVLEBORG: "Samlat tidigt stöd för unga i Sandviken"}
SOUGHT = {OREBRO: 4_200_000, GAVLEBORG: 1_230_000}
# Örebro's fund carries the satsning's whole cost; Region Gävleborg's half, less a little
# (the plan's 410 000 kr a year of 833 333 kr): never more than the plan's part of a year.
FUND_SHARE = {OREBRO: 1.0, GAVLEBORG: 0.49}
DNR = {OREBRO: "KS {year}/{n}", GAVLEBORG: "RS {year}/{n}"}
FIRST_START = dt.date(2024, 1, 1)
YEARS = 4  # the starts are spread over 2024–2027
MADE_ON = dt.date(2028, 10, 1)
SEED = 21

PLACES = {OREBRO: ["Vivalla", "Brickebacken", "Baronbackarna", "Varberga", "Oxhagen", "Mikaelsgården", "Lundby",
                   "Tybble", "Markbacken", "Hovsta"],
          GAVLEBORG: ["Sandviken", "Gävle", "Hudiksvall", "Bollnäs", "Söderhamn", "Ljusdal", "Ovanåker", "Hofors",
                      "Ockelbo", "Nordanstig"]}
WHAT = ["Läxhjälp", "Föräldrastöd", "Tidiga insatser i förskolan", "Fältarbete", "Familjecentral",
        "Unga vuxna i arbete", "Skolnärvaro", "Mentorskap för nyanlända elever", "Hemmaplanslösningar för unga",
        "Stöd till barn i familjer med missbruk", "Språkstöd i förskolan", "Lovaktiviteter och fritidsbank",
        "Tidig upptäckt av våld i nära relationer", "Boendestöd för unga vuxna", "Arbetsträning",
        "Samverkan skola och socialtjänst", "Psykisk hälsa i gymnasiet", "Trygg hemgång för äldre",
        "Idrott som väg till skolan", "Sommarjobb med handledning", "Kulturskola för alla", "Nattvandring",
        "Samtalsgrupper för unga", "Öppen förskola på arabiska och somaliska",
        "Stöd i föräldraskapet för tonåringar"]

SCENARIOS = ("complete", "ended", "implemented", "followed_up", "over", "gaps", "late", "skipped", "stopped",
             "no_beslut")
SKIP_REASON = "Ersatt av helårsredovisningen (styrgruppen {date})"
STOPPED = "Avbruten"
IMPLEMENTED = "Implementerad"


# -- the parameters --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cost:
    """One row of a report's Ekonomi as typed: the calendar year, the kostnadsslag (as the
    pre-filled form names it), utfall, varav fonden and prognos in kronor (None: left empty)."""

    year: int
    component: str
    actual: int | None
    fund: int | None
    forecast: int | None


@dataclass(frozen=True)
class Report:
    """A report that came in: which expected report it is, when it is dated (it came in that
    day), with gaps or not, and its Ekonomi as typed."""

    key: str  # the expected report's (ExpectedReport.key): "redovisning/helar/2027", "slutrapport/2029-08-31"
    kind: str
    period: str  # "delar2", "helar"; "" after the end
    year: int
    due: dt.date
    datum: dt.date
    file: str  # relative to OUT
    gaps: bool = False
    costs: tuple[Cost, ...] = ()


@dataclass(frozen=True)
class Satsning:
    name: str  # the folder's name: the satsning's key
    title: str
    profile: str
    scenario: str
    sought: int
    granted: int | None
    beslutsdatum: dt.date
    start: dt.date
    end: dt.date
    dnr: str
    pace: float  # utfall / budget
    reports: tuple[Report, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (expected report key, Skäl) typed on Rapporter
    manual_status: str = ""  # Avbruten / Implementerad typed on Satsningar
    kommentar: str = ""
    typed_granted: int | None = None  # Beviljat belopp typed on Satsningar after the first run


@dataclass
class Portfolio:
    root: Path
    made_on: dt.date
    seed: int
    satsningar: list[Satsning] = field(default_factory=list)

    def __getitem__(self, name: str) -> Satsning:
        return next(s for s in self.satsningar if s.name == name)

    def of(self, scenario: str) -> list[Satsning]:
        return [s for s in self.satsningar if s.scenario == scenario]

    @property
    def files(self) -> int:
        return sum(1 for p in self.root.rglob("*") if p.suffix in (".docx", ".xlsx"))


# -- the timeline ----------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the 31st of a shorter month: its last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def _plan_satsningar(n: int, seed: int, made_on: dt.date, funders: tuple[str, ...]) -> list[dict]:
    """Each satsning's beslut and scenario, in start order."""
    rng = random.Random(seed)
    months = YEARS * 12
    what = rng.sample(WHAT, len(WHAT))
    places = {profile: rng.sample(names, len(names)) for profile, names in PLACES.items()}
    out = []
    for i in range(n):
        profile = funders[0] if len(funders) == 1 else (GAVLEBORG if i % 3 == 1 else OREBRO)
        month = min(months - 1, max(0, i * months // n + rng.choice((0, 0, 1))))
        start = add_months(FIRST_START, month)
        title = f"{what[i % len(what)]} i {places[profile][(i + i // len(what)) % len(places[profile])]}"
        out.append({"profile": profile, "start": start, "end": add_months(start, 36) - dt.timedelta(days=1),
                    "less": i % 4 == 3, "pace": round(rng.uniform(0.88, 0.98), 3),
                    "beslut_days": rng.randint(20, 75), "title": title})
    _assign(out, made_on)
    return out


def _assign(planned: list[dict], made_on: dt.date) -> None:
    """The scenarios, by the timeline: the cases that need an end long past go to the first
    satsningar, those that need reports still coming to the later ones; the rest are complete
    (or ended, when their end has passed)."""
    for p in planned:
        p["scenario"] = "ended" if p["end"] < made_on else "complete"

    def first(test, scenario):
        found = next((p for p in planned if p["scenario"] in ("complete", "ended") and test(p)), None)
        if found is not None:
            found["scenario"] = scenario
        return found

    def uppf_due(p):
        return add_months(p["end"] + dt.timedelta(days=1), 24 if p["profile"] == OREBRO else 12) - dt.timedelta(days=1)

    first(lambda p: p["profile"] == OREBRO and add_months(p["end"] + dt.timedelta(days=1), 20) <= made_on,
          "implemented")
    first(lambda p: p["profile"] == GAVLEBORG and uppf_due(p) <= made_on, "followed_up")
    ongoing = [p for p in planned if p["start"] <= add_months(made_on, -24) and p["end"] >= made_on]
    # Over budget: two years of reports at least, so that 30 % over passes a grant of 80 %.
    over = next((p for p in reversed(ongoing) if p["profile"] == OREBRO and p["scenario"] == "complete"), None)
    if over is not None:
        over.update(scenario="over", less=True, pace=1.3)
    last_year = [p for p in planned if add_months(made_on, -30) <= p["start"] <= add_months(made_on, -6)]
    for scenario in ("stopped", "late", "gaps", "skipped"):
        found = next((p for p in last_year if p["scenario"] == "complete"), None)
        if found is not None:
            found["scenario"] = scenario
    newest = planned[-1] if planned else None
    if newest is not None and newest["scenario"] == "complete" and len(planned) >= 12:
        start = add_months(dt.date(made_on.year, made_on.month, 1), 2)
        newest.update(scenario="no_beslut", start=start, end=add_months(start, 36) - dt.timedelta(days=1))


# -- the approved files and the plan --------------------------------------------------------------


def _retitled(data: bytes, old: str, new: str) -> bytes:
    """The ansökan with its title replaced in the main part: a satsning of its own."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    esc = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = body.replace(old.encode(), esc.encode(), 1)
            dst.writestr(info, body)
    return out.getvalue()


def _beslut_yaml(s: Satsning) -> str:
    lines = ["# Kommunstyrelsens beslut (tools/make_portfolio.py)" if s.profile == OREBRO
             else "# Regionstyrelsens beslut (tools/make_portfolio.py)"]
    if s.granted is not None:
        lines.append(f"beviljat_belopp: {_typed(s.granted, 0)}")
    lines += [f"beslutsdatum: {s.beslutsdatum.isoformat()}", f"diarienummer: {s.dnr}",
              f"start: {s.start.isoformat()}", f"slut: {s.end.isoformat()}"]
    return "\n".join(lines) + "\n"


class _Checked:
    """The approved files' reports, each file checked once per distinct content."""

    def __init__(self, schemas) -> None:
        self.schemas = schemas
        self.by_sha: dict[str, object] = {}

    def plan(self, folder: Path, frozen_on: dt.date):
        from socinv_docs.approved import ApprovedFile, beslut_in, plan_of
        from socinv_docs.pipeline import check_document

        files = []
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".xlsx")):
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            if sha not in self.by_sha:
                self.by_sha[sha] = check_document(path, self.schemas)
            files.append(ApprovedFile(path.name, sha, self.by_sha[sha]))
        return plan_of(folder.name, files, self.schemas, beslut=beslut_in(folder), frozen_on=frozen_on)


# -- the reports ------------------------------------------------------------------------------------


def _typed(amount: int, style: int) -> str:
    """An amount as people type it: '1 154 800 kr', '1,2 mkr', '350 tkr', '95 000'."""
    if style == 1 and amount >= 1_000_000 and amount % 100_000 == 0:
        return f"{amount / 1_000_000:.1f}".replace(".", ",") + " mkr"
    if style == 2 and amount % 1000 == 0 and amount >= 10_000:
        return f"{amount // 1000} tkr"
    text = f"{amount:,}".replace(",", " ")
    return text if style == 3 else text + " kr"


def _months_in(year: int, start: dt.date, end: dt.date, upto: dt.date | None = None) -> int:
    """Months of `year` within [start, min(end, upto)] (periods start on the 1st, end on a last day)."""
    last = min(end, upto) if upto else end
    first_m = max(start.year * 12 + start.month - 1, year * 12)
    last_m = min(last.year * 12 + last.month - 1, year * 12 + 11)
    return max(0, last_m - first_m + 1)


def _round(x: float) -> int:
    return int(round(x / 100.0)) * 100


def _costs(plan, s: Satsning, kind: str, period: str, year: int) -> tuple[Cost, ...]:
    """A diligent projektledare's Ekonomi: every year before the report's is final; its own
    year as far as it goes (a delår 2: January–August, and the rest as prognos); later years
    as prognos. A report after the end: every year final."""
    share = FUND_SHARE[s.profile]
    # A satsning granted less than it sought spends less than its budget, in proportion;
    # the one over budget spends its pace of the budget whatever it was granted.
    pace = s.pace if s.scenario == "over" or not s.granted else s.pace * s.granted / s.sought
    out = []
    for line in plan.budget:
        whole = _round(line.amount * pace)
        if kind != "redovisning" or line.calendar_year < year or (line.calendar_year == year and period == "helar"):
            actual, forecast = whole, None
        elif line.calendar_year == year:  # delår 2: so far, and the rest forecast
            months = _months_in(year, s.start, s.end)
            done = _months_in(year, s.start, s.end, upto=dt.date(year, 8, 31))
            actual = _round(whole * done / months) if months else 0
            forecast = whole - actual
        else:
            actual, forecast = None, whole
        fund = _round(actual * share) if actual is not None else None
        out.append(Cost(line.calendar_year, line.label, actual, fund, forecast))
    return tuple(out)


def _fill(draft: ReportDraft, plan, s: Satsning, report: Report, style: int) -> None:
    """Type the report over its pre-filled form, as the projektledare does."""
    kind = report.kind
    leave = ("2.",) if report.gaps else ()
    draft.sections(leave=leave)
    draft.outcomes((lambda goal, measure: None) if report.gaps else (lambda goal, measure: "Enligt plan"))
    if kind != "uppfoljande_utvardering":  # the redovisning's and the slutrapport's Aktiviteter
        draft.activities(lambda activity: "Ja")
    if report.costs:
        typed = {(c.year, c.component): c for c in report.costs}

        def cell(value, empty=""):
            return empty if value is None else _typed(value, style)

        def costs(year: str, component: str):
            c = typed.get((int(year), component)) if year.isdigit() else None
            if c is None:
                return None
            return cell(c.actual), cell(c.fund), cell(c.forecast)

        draft.costs(costs)
    if kind == "slutrapport":
        total = sum(c.actual or 0 for c in report.costs)
        draft.fill_field("Faktisk total kostnad", _typed(total, 0))
        savings = [[p.party, _typed(_round(p.per_year * 0.9), 0), f"{p.years:g}"]
                   for p in (plan.forkalkyl.savings if plan.forkalkyl else ())]
        if not savings:  # Region Gävleborg's ansökan has no savings table; the efterkalkyl still has rows
            savings = [[plan.parties[0].name, _typed(300_000, 0), "5"]]
        header = "Nämnd" if s.profile == OREBRO else "Organisation"
        draft.fill_table(header, savings)
    answers = {"Ger satsningen mätbara effekter": ("", "")} if report.gaps else None
    draft.prerequisites(answers=answers)
    draft.fill_field("Datum", report.datum.isoformat())


def _file_name(s: Satsning, kind: str, period: str, year: int) -> str:
    if kind == "slutrapport":
        return "Slutrapport.docx"
    if kind == "uppfoljande_utvardering":
        return "Uppföljande utvärdering.docx"
    if s.profile == GAVLEBORG:
        return f"Lägesrapport {year}.docx"
    return f"Redovisning {'delår 2' if period == 'delar2' else 'helår'} {year}.docx"


def _dated(due: dt.date, made_on: dt.date, rng: random.Random) -> dt.date:
    return min(due - dt.timedelta(days=rng.randint(2, 20)), made_on)


def _received(s: Satsning, expected, made_on: dt.date) -> tuple[list, list[tuple[str, str]]]:
    """Which expected reports came in by made_on (ExpectedReport, gaps), and the skipped ones."""
    due = [e for e in expected if e.due <= made_on]
    skipped: list[tuple[str, str]] = []
    if s.scenario == "no_beslut":
        return [], skipped
    if s.scenario == "implemented":  # its uppföljande utvärdering, early
        due += [e for e in expected if e.kind == "uppfoljande_utvardering" and e not in due]
    if s.scenario == "stopped":  # the reports of its first year only
        first_year = add_months(s.start, 12)
        due = [e for e in due if e.covers_to < first_year]
    if s.scenario == "late" and due:
        due = due[:-1]
    if s.scenario == "skipped" and len(due) >= 2:
        gone = next((e for e in reversed(due[:-1]) if e.period == "delar2"), due[-2])
        skipped.append((gone.key, SKIP_REASON.format(date=(gone.due - dt.timedelta(days=30)).isoformat())))
        due = [e for e in due if e is not gone]
    gaps = {due[-1].key} if s.scenario == "gaps" and due else set()
    return [(e, e.key in gaps) for e in due], skipped


# -- making it ----------------------------------------------------------------------------------------


def make(out: Path, n: int = 30, *, seed: int = SEED, made_on: dt.date = MADE_ON,
         funders: tuple[str, ...] = (OREBRO, GAVLEBORG), schemas=None) -> Portfolio:
    """The portfolio into `out` (made anew); returns its parameters."""
    from socinv_docs.loading import form_path, load_schemas
    from socinv_docs.render.prefill import prefilled_document
    from socinv_docs.schedule import expected_reports

    schemas = schemas or load_schemas()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed + 1)
    checked = _Checked(schemas)
    sources = {p: {f.name: f.read_bytes() for f in sorted((SAMPLES / SOURCES[p]).iterdir())} for p in SOURCES}
    portfolio = Portfolio(out, made_on, seed)
    used: set[str] = set()
    for i, p in enumerate(_plan_satsningar(n, seed, made_on, funders)):
        profile = p["profile"]
        title = p["title"]
        while title in used:
            title += " II"
        used.add(title)
        beslutsdatum = p["start"] - dt.timedelta(days=p["beslut_days"])
        sought = SOUGHT[profile]
        granted = None if p["scenario"] == "no_beslut" else (
            int(round(sought * 0.8, -4)) if p["less"] else sought)
        s = Satsning(name=f"{i + 1:03d}-{_slug(title)}", title=title, profile=profile, scenario=p["scenario"],
                     sought=sought, granted=granted, beslutsdatum=beslutsdatum, start=p["start"], end=p["end"],
                     dnr=DNR[profile].format(year=beslutsdatum.year, n=100 + 7 * i), pace=p["pace"])
        folder = out / s.name
        folder.mkdir()
        for name, data in sources[profile].items():
            is_main = name == "ansokan.docx"
            (folder / name).write_bytes(_retitled(data, SAMPLE_TITLE[profile], title) if is_main else data)
        (folder / "beslut.yaml").write_text(_beslut_yaml(s), encoding="utf-8")
        plan = checked.plan(folder, beslutsdatum)
        followup = schemas.profiles[profile].followup
        expected = expected_reports(plan, followup) if s.granted is not None else []
        received, skipped = _received(s, expected, made_on)
        reports = []
        for expected_report, gaps in received:
            e = expected_report
            costs = _costs(plan, s, e.kind, e.period, e.year) if e.kind != "uppfoljande_utvardering" else ()
            if gaps:  # the fund's column left empty
                costs = tuple(Cost(c.year, c.component, c.actual, None, c.forecast) for c in costs)
            report = Report(e.key, e.kind, e.period, e.year, e.due, _dated(e.due, made_on, rng),
                            f"{s.name}/rapporter/{_file_name(s, e.kind, e.period, e.year)}", gaps, costs)
            document = prefilled_document(plan, e, form_path(schemas.profiles[profile], e.kind), schemas=schemas)
            draft = ReportDraft(document)
            _fill(draft, plan, s, report, style=rng.randrange(4))
            draft.save(out / report.file)
            reports.append(report)
        manual = {"stopped": STOPPED, "implemented": IMPLEMENTED}.get(s.scenario, "")
        kommentar = {"stopped": "Avbruten efter första året: målgruppen nås av en annan insats.",
                     "over": "Kostnaderna över plan: möte med projektägaren bokat."}.get(s.scenario, "")
        # The grant not in beslut.yaml is typed into the workbook once the protokoll is out.
        typed_granted = int(round(sought * 0.9, -4)) if s.scenario == "no_beslut" else None
        portfolio.satsningar.append(Satsning(**{**s.__dict__, "reports": tuple(reports), "skipped": tuple(skipped),
                                                "manual_status": manual, "kommentar": kommentar,
                                                "typed_granted": typed_granted}))
    return portfolio


# -- the processledare's part in the workbook -----------------------------------------------------


def type_edits(workbook: Path, portfolio: Portfolio) -> None:
    """What the processledare types into the follow-up workbook after a run: Överhoppad and
    Skäl on Rapporter, Status (Avbruten, Implementerad), Kommentar and the Beviljat belopp
    the beslut.yaml lacked (a number, as Excel keeps it) on Satsningar. Cells
    are found by the tool's own headers in the workbook's language and the row's hidden key."""
    import json

    import openpyxl

    from socinv_docs.render.followup.sheets import rapporter, satsningar

    wb = openpyxl.load_workbook(workbook)
    for spec, edits in ((satsningar.SHEET, {s.name: {"manual_status": s.manual_status, "kommentar": s.kommentar,
                                                     "beviljat_belopp": s.typed_granted}
                                            for s in portfolio.satsningar}),
                        (rapporter.SHEET, {json.dumps([s.name, key], ensure_ascii=False):
                                           {"overhoppad": "Ja", "skal": reason}
                                           for s in portfolio.satsningar for key, reason in s.skipped})):
        ws = wb[spec.title]
        head = [c.value for c in ws[1]]
        at = {col.id: head.index(spec.header(col.id, lang)) for col in spec.columns for lang in ("sv", "en")
              if spec.header(col.id, lang) in head}
        for row in ws.iter_rows(min_row=2):
            for column, value in edits.get(row[at["key"]].value, {}).items():
                if value:
                    row[at[column]].value = value
    wb.save(workbook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=30, help="satsningar (default 30)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--made-on", type=dt.date.fromisoformat, default=MADE_ON,
                        help="the reports that came in by this day are there (default %(default)s)")
    parser.add_argument("--workbook", type=Path, help="then run `socinv followup` into this workbook on --made-on, "
                                                      "type the processledare's edits, and run again on --date")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="the second run's day (default: --made-on)")
    parser.add_argument("--lang", default="sv")
    args = parser.parse_args(argv)
    portfolio = make(args.out, args.n, seed=args.seed, made_on=args.made_on)
    reports = sum(len(s.reports) for s in portfolio.satsningar)
    print(f"{len(portfolio.satsningar)} satsningar, {reports} reports, {portfolio.files} files in {args.out}")
    if args.workbook:
        from click.testing import CliRunner

        from socinv_docs.cli import main as socinv

        def run(day: dt.date) -> None:
            result = CliRunner().invoke(socinv, ["followup", str(args.out), "--workbook", str(args.workbook),
                                                 "--date", day.isoformat(), "--lang", args.lang])
            print(result.output.strip().splitlines()[-1] if result.output.strip() else result.exit_code)

        run(args.made_on)
        type_edits(args.workbook, portfolio)
        run(args.date or args.made_on)
    return 0


if __name__ == "__main__":
    sys.exit(main())
