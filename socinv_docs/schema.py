"""The schema format: what a template contains (kinds) and a municipality's numbers (profiles).

Schemas are data in `schemas/` (YAML). These classes define that format and nothing else:
reading the files, checking them and configuring the rules a profile enables is the
loader's (loading/), which gives a SchemaError naming the file, line and key. Adding
another municipality's template means adding files there (or in a folder of one's own,
`--schemas`), not code.

The classes are plain frozen dataclasses, checked by pydantic only when a YAML file is
loaded. A `socinv check` then reads the checked set from a cache (schema_cache.py) and never
imports pydantic: building its models took ~0.1 s of every run (issue 11).
"""

from __future__ import annotations

import copy
import dataclasses
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from annotated_types import Interval


class Required(StrEnum):
    ERROR = "error"  # must be there
    WARNING = "warning"  # should be there
    NO = "no"  # optional


class Spec:
    """A piece of the schema format: subclasses are frozen, keyword-only dataclasses whose
    fields are declared as plainly as a model's (a list or dict default is copied per
    instance). pydantic checks them against the YAML (loading.validate): unknown keys are refused."""

    __pydantic_config__ = {"extra": "forbid"}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            default = cls.__dict__.get(name)
            if isinstance(default, list | dict | set):
                setattr(cls, name, dataclasses.field(default_factory=lambda d=default: copy.deepcopy(d)))
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)


def as_dict(spec: Spec) -> dict[str, Any]:
    return dataclasses.asdict(spec)


class SchemaProblem(ValueError):
    """A value of a schema file that cannot work, as data: the catalogue key of what is wrong
    (messages/schema.py, "schema.*"), its parameters, and the key path from the object that
    found it ("roles", "amount"). The loader adds the file, the path above and the line
    (loading/errors.py); the words are made only when the error is shown, in its language."""

    def __init__(self, key: str, *path: str | int, hint: str | None = None, **params: object) -> None:
        super().__init__(f"{'.'.join(str(p) for p in path)}: {key} {params}")
        self.key, self.path, self.hint, self.params = key, tuple(path), hint, params



# report_period: what a redovisning covers ("Delår 2 2027", "Helår 2027"); date: one day.
FieldType = Literal["text", "lines", "parties", "period", "percent", "amount", "duration", "report_period", "date"]
# What a table's cells hold: kronor, years, hours of work, or text.
ColumnType = Literal["text", "amount", "duration", "hours"]


class FieldSpec(Spec):
    """A metadata field: a label with an answer beside (or below) it."""

    id: str
    label: str
    aliases: list[str] = []
    type: FieldType = "text"
    required: Required = Required.ERROR
    # "section": the field's text is the answer of the section with the same id
    # (Mölndal asks for the duration as a question, not a labelled cell).
    source: Literal["label", "section"] = "label"
    # How serious an unreadable value is: a free-text answer we could not read is only a
    # warning, a typed field (date, amount) an error.
    invalid_severity: Literal["error", "warning"] = "error"


class SectionSpec(Spec):
    id: str
    heading: str
    # A short name for registers and lists, where a long prompt (Mölndal's questions) does
    # not fit; the heading when not given.
    short: str | None = None
    aliases: list[str] = []
    required: Required = Required.ERROR
    # Instructions printed under the heading in the template; never part of an answer.
    guidance: list[str] = []


class CriterionSpec(Spec):
    id: str
    text: str
    aliases: list[str] = []


class CriteriaSpec(Spec):
    heading: str
    answer_header: str = "Ja/Nej"
    motivation_header: str = "Motivering"
    items: list[CriterionSpec]
    # What a Nej means: the idea or application is judged on it (assessment), or a granted
    # satsning that no longer meets it may be stopped (continuation: the reports' förutsättningar).
    purpose: Literal["assessment", "continuation"] = "assessment"


class DetectSpec(Spec):
    """How kind detection recognises this template from its content."""

    phrases: list[str] = []  # title or characteristic text; each found adds 3 points
    sheet_names: list[str] = []  # Excel sheet names; each found adds 3 points
    min_score: int = 4  # section headings found add 1 point each


class TableSpec(Spec):
    """A table found by its header row text, wherever it sits."""

    id: str
    section: str | None = None  # the section it belongs to
    columns: dict[str, str]  # column id -> header text
    # column id -> other headers people (or another funder's form) give that column
    aliases: dict[str, list[str]] = {}
    required_columns: list[str] = []  # columns that make the header recognisable
    row_label_column: str | None = None
    # column id -> what its cells hold; a column not named here is text. Extraction reads
    # each cell once by it (model.TableValue).
    types: dict[str, ColumnType] = {}

    def __post_init__(self) -> None:
        unknown = [c for c in self.types if c not in self.columns]
        if unknown:
            raise SchemaProblem("schema.no_column", "types", unknown[0], table=self.id, columns=unknown,
                                known=list(self.columns))

    def type_of(self, column: str) -> str:
        return self.types.get(column, "text")


class GridSpec(Spec):
    """A sheet that is one table of rows (the utvärderingsschema)."""

    columns: dict[str, str]  # column id -> header text
    key_column: str  # one row (or merged block of rows) per value here
    needs: list[list[str]] = []  # each inner list: at least one of these columns filled


class SignatureSpec(Spec):
    id: str  # what findings about the signatures name as their section
    heading: str
    columns: list[str]


class BudgetRole(Spec):
    """The budget: a table with a row per year (and a total row), a column per cost
    component, the row's total, and optionally the part sought from the fund."""

    table: str
    components: list[str]  # columns that add up to a year's cost
    total: str | None = None  # the column holding each row's total
    fund: str | None = None  # the column holding the part sought from the fund, per year
    # Labels that mark the total row (matched at the start, case and accents ignored).
    total_row: list[str] = ["Totalt", "Summa", "Total"]


class SavingsRole(Spec):
    """Expected savings: a row per party with an amount per year and a number of years."""

    table: str
    party: str  # the column naming who saves (a nämnd, a verksamhet)
    per_year: str
    years: str
    # What the parties who save are (common.yaml party_categories), for the words the
    # outputs label them with ("Nämnd"); `auto`: told by each party's name.
    category: str = "auto"


class CofinancingRole(Spec):
    """What the applicants put in themselves: a row per organisation, in money, in hours of
    work (valued at the profile's economics.hour_rate) and/or in the value of their own work
    in kronor (`in_kind`: a region that values the work itself)."""

    table: str
    party: str
    cash: str | None = None
    hours: str | None = None
    in_kind: str | None = None  # the value of the applicants' own work, in kronor
    # Labels of a sum row the template may have: it is counted from the rows above, not again.
    total_row: list[str] = ["Totalt", "Summa", "Total"]


class ReportCostsRole(Spec):
    """A report's economy (SPEC §9): a row per calendar year and cost component, with the
    budget, the utfall, the part of the utfall the fund carries, the forecast of what is
    still to come, and a total row."""

    table: str
    year: str  # the calendar year; a row without one continues the year above
    component: str  # the kostnadsslag (Personal, Lokaler, ...)
    budget: str
    actual: str  # utfall
    fund: str | None = None  # varav fonden: the part of the utfall the fund carries
    forecast: str | None = None  # prognos: what the year (or the satsning) is still expected to cost
    total_row: list[str] = ["Totalt", "Summa", "Total"]


class MeasuresRole(Spec):
    """A report's measures: a row per measure of a goal, with its basmätning and utfall, and
    where the funder's schema has them, its målvärde and the time it is to be reached."""

    table: str
    goal: str | None = None  # a row without a goal continues the goal above
    measure: str
    baseline: str | None = None  # basmätning
    target: str | None = None  # målvärde
    due: str | None = None  # tidpunkt
    actual: str  # utfall
    comment: str | None = None


class ActivitiesRole(Spec):
    """A report's activities: a row per planned activity, whether it was carried out."""

    table: str
    activity: str
    done: str  # Ja / Delvis / Nej
    comment: str | None = None


# What a measure of a goal is (SPEC §9): an activity measure, a qualitative effect measure, an
# outcome measure, or an indicator (a funder's schema with one kind of measure).
MeasureType = Literal["activity", "qualitative", "outcome", "indicator"]


class GoalsRole(Spec):
    """A schema of goals (a grid with a row per goal): the goal, its activities, its measures
    (one column per kind of measure, each cell one measure per line), its basmätning and,
    where the funder's schema has them, the målvärde and the time it is to be reached. What
    the follow-up plan takes from the approved utvärderingsschema (approved.py)."""

    goal: str  # the grid's column holding the goal
    activities: str | None = None
    measures: dict[str, MeasureType] = {}  # grid column -> the kind of measure it holds
    baseline: str | None = None  # basmätning / utgångsläge
    target: str | None = None  # målvärde
    target_time: str | None = None  # tidpunkt


class ActivityPlanRole(Spec):
    """An activity plan (a grid with a row per activity): the activity, the goal it serves
    (as written: "Mål 1", or the goal's words) and when it starts and ends."""

    activity: str
    goal: str | None = None
    start: str | None = None
    end: str | None = None


class PartyField(Spec):
    """A field listing parties (one per line) and which category they belong to; `auto`:
    each party's category is told by its words (common.yaml party_categories)."""

    field: str
    category: str


class Roles(Spec):
    """What a template's fields and tables *are*, so that rules, economics, the register
    and the memos never need a template's own ids. Every entry names the kind's ids."""

    title: str | None = None  # the satsning's name
    applicant: str | None = None  # who applies (projektägare, förvaltning, huvudsökande)
    contact: str | None = None
    parties: list[PartyField] = []
    period: str | None = None  # a field of type period (start – end)
    duration: str | None = None  # a field of type duration (years), where no period is asked for
    amount: str | None = None  # the amount sought from the fund
    project_lead: str | None = None  # a percent field: the project lead's share of full time
    budget: BudgetRole | None = None
    savings: SavingsRole | None = None
    cofinancing: CofinancingRole | None = None
    # The follow-up reports' (SPEC §9), for the rules that compare a report with its plan.
    dnr: str | None = None  # the satsning's diarienummer (or the decision's paragraph)
    report_period: str | None = None  # a field of type report_period: Delår 2 2027, Helår 2027
    report_date: str | None = None  # a field of type date: when the report was written
    actual_cost: str | None = None  # an amount field: what the satsning cost in the end
    report_costs: ReportCostsRole | None = None
    measures: MeasuresRole | None = None
    activities: ActivitiesRole | None = None
    deviations: str | None = None  # a section: avvikelser from plan and budget
    implementation: str | None = None  # a section: implementering in ordinary work
    comparison: str | None = None  # a section: jämförelsealternativ / kontrollgrupp
    # The grid's goals and activities, for the follow-up plan (SPEC §9).
    goals: GoalsRole | None = None
    activity_plan: ActivityPlanRole | None = None
    # A field whose value names the funder's track (profile `tracks`: "Spår" A or B).
    track: str | None = None


# Field types a role accepts (None: any).
ROLE_FIELD_TYPES: dict[str, tuple[str, ...] | None] = {
    "title": None, "applicant": None, "contact": None, "period": ("period",),
    "duration": ("duration", "period"), "amount": ("amount",), "project_lead": ("percent",),
    "dnr": None, "report_period": ("report_period",), "report_date": ("date",), "actual_cost": ("amount",),
    "track": ("text",),
}
# The table roles, and the column type each column of one must have (TableSpec.types); the
# others are text.
ROLE_COLUMN_TYPES: dict[str, dict[str, str]] = {
    "budget": {"components": "amount", "total": "amount", "fund": "amount"},
    "savings": {"per_year": "amount", "years": "duration"},
    "cofinancing": {"cash": "amount", "hours": "hours", "in_kind": "amount"},
    "report_costs": {"budget": "amount", "actual": "amount", "fund": "amount", "forecast": "amount"},
    "measures": {},
    "activities": {},
}
# Roles that name a section of the kind.
ROLE_SECTIONS = ("deviations", "implementation", "comparison")


class Names(Spec):
    """A name people use, in each language (a kind's short name in registers and memos)."""

    sv: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.sv


class KindSpec(Spec):
    id: str
    title: str
    # The short name in registers and memos ("Idéprövning", "Idea review"); the title when not given.
    name: Names | None = None
    format: Literal["docx", "xlsx"]
    # A bilaga (an attachment to another document): a submission is about its main document.
    attachment: bool = False
    # A report on a granted satsning (SPEC §9): compared with the satsning's plan, and
    # REPORT_UNLINKED where none is known.
    report: bool = False
    detect: DetectSpec = DetectSpec()
    fields: list[FieldSpec] = []
    sections: list[SectionSpec] = []
    # Headings in the template that are not sections (they end the section before them).
    boundaries: list[str] = []
    # Other fixed text from the template (notes, table labels); never counted as an answer.
    template_text: list[str] = []
    placeholders: list[str] = []
    criteria: CriteriaSpec | None = None
    tables: list[TableSpec] = []
    grid: GridSpec | None = None
    signatures: SignatureSpec | None = None
    roles: Roles = Roles()

    def __post_init__(self) -> None:
        for what, ids in (("sections", [s.id for s in self.sections]),
                          ("fields", [f.id for f in self.fields])):
            for i, id_ in enumerate(ids):
                if id_ in ids[:i]:
                    raise SchemaProblem("schema.duplicate_in_kind", what, i, "id", id=id_, first=ids.index(id_))
        section_ids = {s.id for s in self.sections}
        for i, f in enumerate(self.fields):
            if f.source == "section" and f.id not in section_ids:
                raise SchemaProblem("schema.source_section", "fields", i, "source", id=f.id)
        for i, table in enumerate(self.tables):
            stray = [c for c in table.aliases if c not in table.columns]
            if stray:
                raise SchemaProblem("schema.no_column", "tables", i, "aliases", stray[0], table=table.id,
                                    columns=stray, known=list(table.columns))
        self._check_roles()

    def _check_roles(self) -> None:
        """Every role names something this kind has, of a type the role can use."""
        fields = {f.id: f for f in self.fields}
        for role, types in ROLE_FIELD_TYPES.items():
            field_id = getattr(self.roles, role)
            if field_id is None:
                continue
            if field_id not in fields:
                raise SchemaProblem("schema.no_field", "roles", role, id=field_id, known=list(fields))
            if types is not None and fields[field_id].type not in types:
                raise SchemaProblem("schema.field_type", "roles", role, id=field_id, type=fields[field_id].type,
                                    wanted=list(types))
        for i, party in enumerate(self.roles.parties):
            if party.field not in fields:
                raise SchemaProblem("schema.no_field", "roles", "parties", i, "field", id=party.field,
                                    known=list(fields))
        sections = {s.id for s in self.sections}
        for role in ROLE_SECTIONS:
            section_id = getattr(self.roles, role)
            if section_id is not None and section_id not in sections:
                raise SchemaProblem("schema.no_section", "roles", role, id=section_id, known=sorted(sections))
        tables = {t.id: t for t in self.tables}
        for role in ROLE_COLUMN_TYPES:
            spec = getattr(self.roles, role)
            if spec is None:
                continue
            if spec.table not in tables:
                raise SchemaProblem("schema.no_table", "roles", role, "table", id=spec.table, known=list(tables))
            columns = tables[spec.table].columns
            for key, value in as_dict(spec).items():
                if key in ("table", "total_row", "category"):
                    continue
                unknown = [c for c in (value if isinstance(value, list) else [value]) if c and c not in columns]
                if unknown:
                    raise SchemaProblem("schema.no_column", "roles", role, key, table=spec.table, columns=unknown,
                                        known=list(columns))
            for key, wanted in ROLE_COLUMN_TYPES[role].items():
                value = getattr(spec, key)
                for column in (value if isinstance(value, list) else [value] if value else []):
                    found = tables[spec.table].type_of(column)
                    if found != wanted:
                        raise SchemaProblem("schema.column_type", "roles", role, key, column=column, table=spec.table,
                                            type=found, wanted=wanted)
        self._check_grid_roles()

    def _check_grid_roles(self) -> None:
        """The goals and activity plan roles name columns of this kind's grid."""
        for role in ("goals", "activity_plan"):
            spec = getattr(self.roles, role)
            if spec is None:
                continue
            if self.grid is None:
                raise SchemaProblem("schema.no_grid", "roles", role)
            for key, value in as_dict(spec).items():
                unknown = [c for c in (value if isinstance(value, dict) else [value]) if c and c not in self.grid.columns]
                if unknown:
                    raise SchemaProblem("schema.no_grid_column", "roles", role, key, columns=unknown,
                                        known=list(self.grid.columns))

    def name_in(self, lang: str) -> str:
        return self.name.get(lang) if self.name else self.title

    def section(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def label(self, section: str | None = None, field: str | None = None, criterion: str | None = None) -> str:
        """What a person calls a section, field or criterion of this kind (for registers); a
        table (the budget's findings name their table) by the section it stands in, else
        its columns' headers, never its id."""
        spec = self.section(section) if section else None
        table = next((t for t in self.tables if t.id == section), None) if section and spec is None else None
        if table is not None:
            spec = self.section(table.section) if table.section else None
            if spec is None:
                return ", ".join(table.columns.values())
        if spec is not None:
            return spec.short or spec.heading
        named = next((f for f in self.fields if f.id == field), None) if field else None
        if named is not None:
            return named.label.rstrip(":")
        if criterion and self.criteria:
            item = next((c for c in self.criteria.items if c.id == criterion), None)
            if item is not None:
                return item.text
        return section or field or criterion or ""


class RateStep(Spec):
    """A discount rate that holds up to and including a year after the end (None: after that)."""

    until_year: int | None = None
    rate: Annotated[float, Interval(ge=0, le=1)]


class EconomicsSpec(Spec):
    """How a funder counts: the horizon for savings, discounting, the value of in-kind hours."""

    kinds: list[str]
    horizon_years: Annotated[int, Interval(ge=1, le=100)] = 10
    discount_rate: Annotated[float, Interval(ge=0, le=1)] = 0.0
    # A stepped schedule instead of one rate: [{until_year: 5, rate: 0.035}, {rate: 0.025}].
    rate_schedule: list[RateStep] = []
    # Kronor per hour of work the applicants put in themselves (co-financing in kind).
    hour_rate: Annotated[float, Interval(ge=0)] | None = None

    def rate_for(self, year: int) -> float:
        for step in self.rate_schedule:
            if step.until_year is None or year <= step.until_year:
                return step.rate
        return self.discount_rate

    @property
    def discounted(self) -> bool:
        return bool(self.discount_rate or any(step.rate for step in self.rate_schedule))


class AfterEnd(Spec):
    """A time after the satsning's end: months and/or years."""

    years: Annotated[int, Interval(ge=0, le=20)] = 0
    months: Annotated[int, Interval(ge=0, le=240)] = 0


class ScheduledReport(Spec):
    """One report in a funder's schedule (SPEC §9). Either a recurring report that covers a
    period ending on `covers_to` (MM-DD) every year of the satsning, due on `due` (MM-DD the
    same year, or +MM-DD the year after), or a report due a time `after_end` of the
    satsning (the slutrapport, the uppföljande utvärdering)."""

    kind: str
    period: str | None = None  # the recurring report's period id ("delar2", "helar"), as its report_period field reads
    label: Names | None = None  # what people call the period ("Delår 2"); default from the catalogue
    covers_to: str | None = None  # "MM-DD" (loading checks the form)
    due: str | None = None  # "MM-DD", or "+MM-DD" for the year after
    after_end: AfterEnd | None = None


class FollowupSpec(Spec):
    """How a funder follows up a granted satsning: how the budget's project years (År 1…)
    become calendar years, and which reports are due when. The seed leaves both to the
    funder (FOLLOWUP-NOTES): this is its data, never a guess in code."""

    # pro_rata_months: År k is the 12 months from start + (k−1) years, its amount split over
    # the calendar years it touches by months; start_year: År 1 is the start's calendar year.
    calendar: Literal["pro_rata_months", "start_year"] = "pro_rata_months"
    # The kinds whose approved files make a satsning's plan, the main document (the ansökan)
    # first; the others (its bilagor) add goals, activities and the budget where present.
    plan: list[str] = []
    reports: list[ScheduledReport] = []


class ProfileDetect(Spec):
    """When several funders use the same template: words that tell this funder's copy."""

    phrases: list[str] = []


class Track(Spec):
    """One track (variant) of a fund: what the form's track field says for it, and the rule
    options that differ on it. Told only by the field the kinds map as their `track` role,
    never by words elsewhere in the document, and never by a tie-break: a value that names
    no track is TRACK_UNKNOWN."""

    name: str | None = None  # what people call it ("Spår A – utveckling"); the id when not given
    # What the form's field may say for it besides its id ("Spår A", "Utveckling"); matched
    # with case, accents and punctuation folded, as the whole value.
    words: list[str] = []
    # rule name -> options that replace the profile's on this track (merged key by key).
    rules: dict[str, Any] = {}

    def shown(self, track_id: str) -> str:
        return self.name or track_id


class ProfileSpec(Spec):
    """A funder: its source, the kinds it uses, how it counts and the rules it enables.

    `rules` maps a rule's name (socinv_docs/rules/<name>.py) to its options; each rule's
    options model checks them when the profile is loaded (loading.configure)."""

    id: str
    funder: str
    source: str = ""  # the decision or guidelines the numbers come from
    kinds: list[str]
    detect: ProfileDetect = ProfileDetect()
    economics: EconomicsSpec | None = None
    followup: FollowupSpec | None = None  # the follow-up stage: calendar and report schedule
    rules: dict[str, Any] = {}
    # The funder's blank report forms: kind id -> a file under schemas/ (forms/<profile>/<kind>.docx),
    # written out by `socinv templates export`; the loader checks each is there, of its kind's format.
    forms: dict[str, str] = {}
    # The fund's tracks, by id ("A", "B"): chosen by the field the kinds map as `track`; each
    # may set rule options of its own (the loader merges them onto `rules` and checks them).
    tracks: dict[str, Track] = {}

    def on_track(self, track_id: str) -> ProfileSpec:
        """The profile as it applies on one of its tracks: its rules with the track's options."""
        return dataclasses.replace(self, rules={**self.rules, **self.tracks[track_id].rules})

    def track_rules(self) -> list[str]:
        """The rules whose options a track sets (what cannot be checked without the track)."""
        return list(dict.fromkeys(name for track in self.tracks.values() for name in track.rules))

    def options(self, rule: str):
        """The options of an enabled rule (None: the profile does not enable it)."""
        return self.rules.get(rule)

    def enabled_for(self, rule: str, kind: str):
        """The rule's options when it runs for this kind, else None."""
        options = self.rules.get(rule)
        if options is None:
            return None
        kinds = getattr(options, "kinds", None)
        return options if kinds is None or kind in kinds else None


class PartyCategory(Spec):
    """A kind of party (nämnd, civil-society actor, region unit, company, ...): its names
    for people and the words that tell it in a party's name (for `category: auto`)."""

    sv: list[str]  # [singular, plural]
    en: list[str]
    words: list[str] = []
    for_profit: bool = False
    # Which category a name with words of several tells: the highest priority wins ("Kommunservice
    # AB" is a company, not a kommun). Categories with words each have their own (loading checks).
    priority: int = 0

    def name(self, lang: str, count: int = 2) -> str:
        names = getattr(self, lang, None) or self.sv
        return names[0] if count == 1 or len(names) == 1 else names[1]


class CommonSpec(Spec):
    # Phrases that mean "not filled in yet", whatever the template.
    placeholders: list[str]
    # The kinds of party a funder may count (PartyField.category, the parties rule).
    party_categories: dict[str, PartyCategory] = {}
    # The category of a party of `category: auto` that no category's words tell.
    default_party_category: str = "organisation"
    # How close a heading must be to count as a match (0–1).
    match_threshold: Annotated[float, Interval(ge=0.5, le=1.0)] = 0.78


@dataclasses.dataclass(frozen=True)
class SchemaSet:
    kinds: dict[str, KindSpec]
    profiles: dict[str, ProfileSpec]
    common: CommonSpec
    # Where each kind and profile was read from (its YAML file), and which folders were read:
    # `socinv profiles` says it; a profile's forms are beside it (forms/ of the same folder).
    kind_files: dict[str, Path] = dataclasses.field(default_factory=dict)
    profile_files: dict[str, Path] = dataclasses.field(default_factory=dict)
    folders: tuple[Path, ...] = ()

    def folder_of(self, profile_id: str) -> Path | None:
        """The schemas folder a profile came from (its forms are named relative to it)."""
        path = self.profile_files.get(profile_id)
        return path.parent.parent if path is not None else None

    def profiles_for(self, kind: str) -> list[ProfileSpec]:
        """Every funder using this kind, in name order."""
        return [p for p in self.profiles.values() if kind in p.kinds]

    def profile_for(self, kind: str) -> ProfileSpec | None:
        return next(iter(self.profiles_for(kind)), None)
