"""The schema format: what a template contains (kinds) and a municipality's numbers (profiles).

Schemas are data in `schemas/` (YAML). These pydantic models define that format; a file
that does not fit gives a SchemaError naming the file and the key. Adding another
municipality's template means adding files there, not code.
"""

from __future__ import annotations

import os
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class Required(StrEnum):
    ERROR = "error"  # must be there
    WARNING = "warning"  # should be there
    NO = "no"  # optional


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


FieldType = Literal["text", "lines", "parties", "period", "percent", "amount", "duration"]


class FieldSpec(_Strict):
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


class SectionSpec(_Strict):
    id: str
    heading: str
    # A short name for registers and lists, where a long prompt (Mölndal's questions) does
    # not fit; the heading when not given.
    short: str | None = None
    aliases: list[str] = []
    required: Required = Required.ERROR
    # Instructions printed under the heading in the template; never part of an answer.
    guidance: list[str] = []


class CriterionSpec(_Strict):
    id: str
    text: str
    aliases: list[str] = []


class CriteriaSpec(_Strict):
    heading: str
    answer_header: str = "Ja/Nej"
    motivation_header: str = "Motivering"
    items: list[CriterionSpec]


class DetectSpec(_Strict):
    """How kind detection recognises this template from its content."""

    phrases: list[str] = []  # title or characteristic text; each found adds 3 points
    sheet_names: list[str] = []  # Excel sheet names; each found adds 3 points
    min_score: int = 4  # section headings found add 1 point each


class TableSpec(_Strict):
    """A table found by its header row text, wherever it sits."""

    id: str
    section: str | None = None  # the section it belongs to
    columns: dict[str, str]  # column id -> header text
    required_columns: list[str] = []  # columns that make the header recognisable
    row_label_column: str | None = None


class GridSpec(_Strict):
    """A sheet that is one table of rows (the utvärderingsschema)."""

    columns: dict[str, str]  # column id -> header text
    key_column: str  # one row (or merged block of rows) per value here
    needs: list[list[str]] = []  # each inner list: at least one of these columns filled


class SignatureSpec(_Strict):
    heading: str
    columns: list[str]


class KindSpec(_Strict):
    id: str
    title: str
    format: Literal["docx", "xlsx"]
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

    @model_validator(mode="after")
    def _unique_ids(self) -> "KindSpec":
        for what, ids in (("sections", [s.id for s in self.sections]),
                          ("fields", [f.id for f in self.fields])):
            dupes = {i for i in ids if ids.count(i) > 1}
            if dupes:
                raise ValueError(f"{what}: duplicate id {sorted(dupes)}")
        section_ids = {s.id for s in self.sections}
        for f in self.fields:
            if f.source == "section" and f.id not in section_ids:
                raise ValueError(f"fields.{f.id}: source 'section' but no section with that id")
        return self

    def section(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def label(self, section: str | None = None, field: str | None = None, criterion: str | None = None) -> str:
        """What a person calls a section, field or criterion of this kind (for registers)."""
        spec = self.section(section) if section else None
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


class DurationRule(_Strict):
    field: str
    min_years: float
    max_years: float


class PartiesRule(_Strict):
    kinds: list[str]
    min_namnder_different_areas: int = 2
    min_civil_with_namnd: int = 1
    # Words that mark a for-profit company (matched as whole words, case-insensitive).
    for_profit_markers: list[str] = ["AB", "HB", "KB", "Aktiebolag", "Handelsbolag", "Kommanditbolag"]
    # Municipal companies majority-owned by the municipality: allowed partners.
    allowed_companies: list[str] = []


class ProjectLeadRule(_Strict):
    kinds: list[str]
    field: str = "projektledare_procent"
    min_percent: float = 25


class EconomicsRule(_Strict):
    kinds: list[str]
    horizon_years: int = 10
    discount_rate: float = 0.0
    costs_table: str = "kostnader"
    effects_table: str = "ekonomiska_effekter"
    amount_field: str = "sokt_belopp"
    period_field: str = "period"


class AttachmentRule(_Strict):
    kind: str  # the document that needs it
    attachment: str  # the kind it needs


class ProfileSpec(_Strict):
    id: str
    municipality: str
    kinds: list[str]
    # Minimum words per section, keyed "kind.section" (SECTION_TOO_SHORT). None by default.
    min_words: dict[str, int] = {}
    duration: dict[str, DurationRule] = {}  # per kind
    parties: PartiesRule | None = None
    project_lead: ProjectLeadRule | None = None
    economics: EconomicsRule | None = None
    attachments: list[AttachmentRule] = []
    signature_kinds: list[str] = []


class CommonSpec(_Strict):
    # Phrases that mean "not filled in yet", whatever the template.
    placeholders: list[str]
    # How close a heading must be to count as a match (0–1).
    match_threshold: float = Field(0.78, ge=0.5, le=1.0)


class SchemaError(Exception):
    """A schema file that does not fit the format. The message names the file and key."""


class SchemaSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    kinds: dict[str, KindSpec]
    profiles: dict[str, ProfileSpec]
    common: CommonSpec

    def profile_for(self, kind: str) -> ProfileSpec | None:
        return next((p for p in self.profiles.values() if kind in p.kinds), None)


def _load_yaml(path: Path, model: type[BaseModel]):
    import yaml

    # libyaml's loader when PyYAML was built with it: the pure-Python one took ~0.1 s of
    # every `socinv check` (same safe constructors, same results).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors()
        )
        raise SchemaError(f"{path}: {problems}") from None


def schemas_dir() -> Path:
    """The schemas shipped with the package, or the repository's when run from a checkout."""
    override = os.environ.get("SOCINV_SCHEMAS")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "schemas", here.parent / "schemas"):
        if candidate.is_dir():
            return candidate
    raise SchemaError(f"no schemas directory found next to {here}")


@lru_cache(maxsize=8)
def load_schemas(root: Path | None = None) -> SchemaSet:
    root = Path(root) if root else schemas_dir()
    common = _load_yaml(root / "common.yaml", CommonSpec)
    kinds: dict[str, KindSpec] = {}
    for path in sorted((root / "kinds").glob("*.yaml")):
        kind = _load_yaml(path, KindSpec)
        kinds[kind.id] = kind
    profiles: dict[str, ProfileSpec] = {}
    for path in sorted((root / "profiles").glob("*.yaml")):
        profile = _load_yaml(path, ProfileSpec)
        unknown = [k for k in profile.kinds if k not in kinds]
        if unknown:
            raise SchemaError(f"{path}: kinds: unknown kind {unknown}")
        for kind_id, rule in profile.duration.items():
            if kind_id not in kinds or not any(f.id == rule.field for f in kinds[kind_id].fields):
                raise SchemaError(f"{path}: duration.{kind_id}.field: no field '{rule.field}' in kind '{kind_id}'")
        profiles[profile.id] = profile
    if not kinds:
        raise SchemaError(f"{root / 'kinds'}: no kind files")
    return SchemaSet(kinds=kinds, profiles=profiles, common=common)
