"""What every rule shares: its declaration, its options, the roles it needs, the context it
runs in, and how it makes a finding.

A rule is one module with one `check` and its `RULE = Rule(...)` declaration (name, codes,
options, needs), listed in rules/registry.py. The profile enables it by name (`rules:
{duration: {kinds: [ansokan], min_years: 2, max_years: 4}}`); the loader (loading/)
checks those options against its `Options` model when the profile is read, and `needs`
(which of a kind's roles, or parts: criteria, grid, signatures, it reads) against the
kinds, so a profile that enables a rule for a kind without them is refused then, not
skipped in silence later. The pipeline runs only what the profile enables: no rule decides
for itself whether it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as data_field  # "field" is also a parameter name here

from socinv_docs.codes import DEFAULT_SEVERITY, Code, Severity
from socinv_docs.figures import Economics
from socinv_docs.location import Location
from socinv_docs.messages.core import Entries
from socinv_docs.model import Document
from socinv_docs.plan import Plan
from socinv_docs.report import DocumentReport, Finding
from socinv_docs.schema import KindSpec, ProfileSpec, SchemaSet, Spec


class RuleOptions(Spec):
    """Options every rule takes. `kinds`: the kinds it runs on (default: every kind of the
    profile that has what the rule needs); `source`: the funder's own words it rests on.
    A rule's `Options` subclass adds its own, declared the same way (schema.Spec)."""

    kinds: list[str] | None = None
    source: str = ""


class NoOptions(RuleOptions):
    pass


def make_finding(code: Code, *, severity: Severity | None = None, where: Location | None = None,
                 section: str | None = None, field: str | None = None, criterion: str | None = None,
                 wording: Entries | None = None, **params: object) -> Finding:
    """A finding as data. `params` are the values its message is made from: numbers as
    numbers, ids, the applicant's words, nested messages (messages.msg); never text in a
    language. `wording`: the words of the rule that owns the code (its module's WORDS),
    which the finding carries to whatever renders it; None for the pipeline's own codes,
    whose words are in the catalogue."""
    return Finding(code=code, severity=severity or DEFAULT_SEVERITY[code], section=section, field=field,
                   criterion=criterion, where=where or Location(), params=params, wording=wording)


@dataclass
class RuleContext:
    kind: KindSpec
    profile: ProfileSpec
    schemas: SchemaSet
    options: RuleOptions = NoOptions()
    economics: Economics | None = None  # the document's economics, when the profile counts them
    # The satsning's approved plan, for a follow-up report (SPEC §9): given by the follow-up
    # run, or carried by a pre-filled report; None when no plan is known.
    plan: Plan | None = None
    words: Entries | None = None  # the running rule's words, carried by its findings

    def finding(self, code: Code, *, wording: Entries | None = None, **kwargs) -> Finding:
        return make_finding(code, wording=wording or self.words, **_cited(self.profile, self.options), **kwargs)


@dataclass
class SubmissionContext:
    schemas: SchemaSet
    alone: bool = False  # `check` on one file: a missing attachment may still come separately
    options: RuleOptions = NoOptions()
    profile: ProfileSpec | None = None
    name: str = ""  # the submission (sub-folder, or the file checked alone), for its findings
    words: Entries | None = None  # the running rule's words, carried by its findings

    def finding(self, code: Code, *, wording: Entries | None = None, **kwargs) -> Finding:
        return make_finding(code, wording=wording or self.words, **_cited(self.profile, self.options), **kwargs)


def _cited(profile: ProfileSpec | None, options: RuleOptions) -> dict:
    """The funder's own words a rule rests on travel with its findings, for the hint."""
    if profile is None or not options.source:
        return {}
    return {"source": " ".join(options.source.split()), "funder": profile.funder}


DocumentCheck = Callable[[Document, RuleContext], Iterable[Finding]]
SubmissionCheck = Callable[[list[DocumentReport], SubmissionContext], Iterable[Finding]]

# What a rule may need of a kind: a role (schema.Roles) or a part of the template.
KIND_PARTS = {
    "sections": lambda kind: bool(kind.sections),
    "fields": lambda kind: bool(kind.fields),
    "criteria": lambda kind: kind.criteria is not None,
    "grid": lambda kind: kind.grid is not None,
    "signatures": lambda kind: kind.signatures is not None,
}


def has(kind: KindSpec, need: str) -> bool:
    if need in KIND_PARTS:
        return KIND_PARTS[need](kind)
    value = getattr(kind.roles, need)
    return bool(value)


@dataclass(frozen=True)
class Rule:
    """A rule as the registry declares it: its name (what a profile enables), the codes it
    may report, its check, the model of its options, what it needs of a kind, and whether
    it judges one document or a whole submission."""

    name: str
    codes: tuple[Code, ...]
    check: Callable
    options: type[RuleOptions] = NoOptions
    # Each entry: alternatives, at least one of which the kind must have ("period|duration").
    needs: tuple[str, ...] = ()
    scope: str = "document"  # or "submission"
    # Its words (the module's WORDS): the message and hint of its codes, "CODE.variant"
    # entries, the parts its messages nest, and each code's explanation for `socinv rules`.
    words: Entries = data_field(default_factory=dict)
    # What a profile demands by this rule, for `socinv rules`: (code, the profile's options,
    # the profile, the schemas) -> messages as data (messages.msg, worded with `words`), made
    # from the options' values: the funder's own horizon, ceilings, parties, years.
    demands: Callable[..., list[dict]] | None = None

    def missing(self, kind: KindSpec) -> list[str]:
        """What this rule needs that the kind lacks (empty: it can run on the kind)."""
        return [need for need in self.needs if not any(has(kind, alt) for alt in need.split("|"))]


def runs_on(rule_: Rule, profile: ProfileSpec, kind: KindSpec) -> RuleOptions | None:
    """The options a document rule runs with on this kind, or None when it does not run."""
    options = profile.enabled_for(rule_.name, kind.id)
    if options is None or rule_.missing(kind):
        return None
    return options


def severity_for(required: object) -> Severity | None:
    """The severity a schema's `required` level gives (None: optional, no finding)."""
    return {"error": Severity.ERROR, "warning": Severity.WARNING}.get(str(required))
