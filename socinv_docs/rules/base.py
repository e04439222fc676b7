"""What every rule shares: its options, the roles it needs, the context it runs in, and how
it makes a finding.

A rule is one module with one `check`, registered with `@rule(codes..., options=Options,
needs=...)`. The profile enables it by name (`rules: {duration: {kinds: [ansokan],
min_years: 2, max_years: 4}}`); its `Options` model checks those options when the profile
is loaded, and `needs` says which of a kind's roles (or parts: criteria, grid, signatures)
it reads, so a profile that enables a rule for a kind without them is refused then, not
skipped in silence later. The pipeline runs only what the profile enables: no rule decides
for itself whether it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from socinv_docs.codes import DEFAULT_SEVERITY, Code, Severity
from socinv_docs.location import Location
from socinv_docs.model import Document
from socinv_docs.report import DocumentReport, Finding
from socinv_docs.schema import CommonSpec, KindSpec, ProfileSpec, SchemaSet, Spec, validate


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
                 **params: object) -> Finding:
    """A finding as data. `params` are the values its message is made from: numbers as
    numbers, ids, the applicant's words, nested messages (messages.msg); never text in a
    language."""
    return Finding(code=code, severity=severity or DEFAULT_SEVERITY[code], section=section, field=field,
                   criterion=criterion, where=where or Location(), params=params)


@dataclass
class RuleContext:
    kind: KindSpec
    profile: ProfileSpec
    schemas: SchemaSet
    options: RuleOptions = NoOptions()
    economics: dict | None = None  # the economics block, when the profile counts it

    def finding(self, code: Code, **kwargs) -> Finding:
        return make_finding(code, **_cited(self.profile, self.options), **kwargs)


@dataclass
class SubmissionContext:
    schemas: SchemaSet
    alone: bool = False  # `check` on one file: a missing attachment may still come separately
    options: RuleOptions = NoOptions()
    profile: ProfileSpec | None = None
    name: str = ""  # the submission (sub-folder, or the file checked alone), for its findings

    def finding(self, code: Code, **kwargs) -> Finding:
        return make_finding(code, **_cited(self.profile, self.options), **kwargs)


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
    name: str
    codes: tuple[Code, ...]
    check: Callable
    options: type[RuleOptions] = NoOptions
    # Each entry: alternatives, at least one of which the kind must have ("period|duration").
    needs: tuple[str, ...] = ()
    scope: str = "document"  # or "submission"
    doc: str = ""

    def missing(self, kind: KindSpec) -> list[str]:
        """What this rule needs that the kind lacks (empty: it can run on the kind)."""
        return [need for need in self.needs if not any(has(kind, alt) for alt in need.split("|"))]


REGISTRY: dict[str, Rule] = {}


def rule(*codes: Code, options: type[RuleOptions] = NoOptions, needs: tuple[str, ...] = (),
         scope: str = "document") -> Callable:
    """Register a rule function under the codes it may emit, with its options and needs."""

    def register(fn: Callable) -> Callable:
        module = __import__(fn.__module__, fromlist=["__doc__"])
        name = fn.__module__.rsplit(".", 1)[-1]
        REGISTRY[name] = Rule(name=name, codes=codes, check=fn, options=options, needs=needs, scope=scope,
                              doc=module.__doc__ or "")
        return fn

    return register


class RuleConfigError(Exception):
    """A profile's rule that cannot run as written. The message starts with the key path
    under `rules.` (e.g. "duration.max_years: ...")."""


def configure(profile: ProfileSpec, kinds: dict[str, KindSpec], common: CommonSpec) -> dict[str, RuleOptions]:
    """Each enabled rule's options, checked: known rule, valid options, kinds of this
    profile, and the roles those kinds must map. Raises RuleConfigError."""
    configured: dict[str, RuleOptions] = {}
    for name, raw in (profile.rules or {}).items():
        if isinstance(raw, RuleOptions):  # already configured (a copy of a loaded profile)
            configured[name] = raw
            continue
        rule_ = REGISTRY.get(name)
        if rule_ is None:
            raise RuleConfigError(f"{name}: unknown rule (known: {', '.join(sorted(REGISTRY))})")
        from pydantic import ValidationError

        try:
            options = validate(rule_.options, raw or {})
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
                                 for err in exc.errors())
            raise RuleConfigError(f"{name}.{problems}") from None
        extra_check = getattr(options, "check_against", None)
        if extra_check is not None:
            try:
                extra_check(profile, kinds, common)
            except ValueError as exc:
                raise RuleConfigError(f"{name}.{exc}") from None
        if rule_.scope == "document":
            _check_kinds(name, rule_, options, profile, kinds)
        configured[name] = options
    return configured


def _check_kinds(name: str, rule_: Rule, options: RuleOptions, profile: ProfileSpec,
                 kinds: dict[str, KindSpec]) -> None:
    if options.kinds is not None:
        for i, kind_id in enumerate(options.kinds):
            if kind_id not in profile.kinds:
                raise RuleConfigError(f"{name}.kinds.{i}: '{kind_id}' is not one of the profile's kinds")
            missing = rule_.missing(kinds[kind_id])
            if missing:
                raise RuleConfigError(f"{name}.kinds.{i}: kind '{kind_id}' does not map "
                                      f"{' / '.join(missing)} (roles in schemas/kinds/{kind_id}.yaml)")
    elif not any(not rule_.missing(kinds[k]) for k in profile.kinds):
        raise RuleConfigError(f"{name}: no kind of this profile has {' / '.join(rule_.needs)}")


def runs_on(rule_: Rule, profile: ProfileSpec, kind: KindSpec) -> RuleOptions | None:
    """The options a document rule runs with on this kind, or None when it does not run."""
    options = profile.enabled_for(rule_.name, kind.id)
    if options is None or rule_.missing(kind):
        return None
    return options


def invalid_table_cell(ctx: RuleContext, table_id: str, row_label: str, column: str, raw: str,
                       type_key: str, where: Location) -> Finding:
    """FIELD_INVALID for a table cell that cannot be read as its type (cost and effects tables)."""
    from socinv_docs import messages

    return ctx.finding(Code.FIELD_INVALID, field=table_id, section=table_id, where=where,
                       label=f"{row_label} / {column}", raw=raw[:80], type=messages.msg(type_key))


def severity_for(required: object) -> Severity | None:
    """The severity a schema's `required` level gives (None: optional, no finding)."""
    return {"error": Severity.ERROR, "warning": Severity.WARNING}.get(str(required))
