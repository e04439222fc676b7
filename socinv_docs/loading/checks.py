"""What the format alone cannot check, because it needs more than one object: the party
categories against common.yaml, the headings of a kind against the guidance of its other
sections, and a profile against its kinds, its follow-up schedule and its forms. Each
mistake is a Problem with its file and line; none passes silently."""

from __future__ import annotations

import datetime as dt
import re

from socinv_docs.extract.text import fold
from socinv_docs.loading.errors import Problem, SchemaError, problem, suggestion
from socinv_docs.loading.yaml_file import YamlFile
from socinv_docs.schema import CommonSpec, KindSpec, ProfileSpec


def check_set(common: CommonSpec, common_file: YamlFile, kinds: dict[str, tuple[KindSpec, YamlFile]],
              profiles: dict[str, tuple[ProfileSpec, YamlFile]]) -> CommonSpec:
    """Every check across files; SchemaError with every problem found."""
    problems = _common(common, common_file)
    for kind, source in kinds.values():
        problems += _categories(kind, source, common) + _headings(kind, source)
    for profile, source in profiles.values():
        problems += _profile(profile, source, {k: v for k, (v, _) in kinds.items()})
    if problems:
        raise SchemaError(*problems)
    return common


def _common(common: CommonSpec, source: YamlFile) -> list[Problem]:
    """The categories a party's name can tell each have a priority of their own, so that a
    name with words of two ("Kommunservice AB") is never told by the order of the file."""
    problems = []
    worded = [(cid, c) for cid, c in common.party_categories.items() if c.words]
    for i, (cid, category) in enumerate(worded):
        other = next((oid for oid, o in worded[:i] if o.priority == category.priority), None)
        if other is not None:
            problems.append(problem(source, "schema.category_priority", ("party_categories", cid, "priority"),
                                    category=cid, other=other, priority=category.priority))
    if common.default_party_category not in common.party_categories:
        problems.append(problem(source, "schema.unknown_category", ("default_party_category",),
                                category=common.default_party_category, known=list(common.party_categories)))
    return problems


def _categories(kind: KindSpec, source: YamlFile, common: CommonSpec) -> list[Problem]:
    """A party category named in a form is one of common.yaml's (or `auto`)."""
    known = [*common.party_categories, "auto"]
    named = [(("roles", "parties", i, "category"), p.category) for i, p in enumerate(kind.roles.parties)]
    if kind.roles.savings is not None:
        named.append((("roles", "savings", "category"), kind.roles.savings.category))
    return [problem(source, "schema.unknown_category", path, category=category, known=known,
                    **suggestion(category, known, listed=True))
            for path, category in named if category not in known]


def _headings(kind: KindSpec, source: YamlFile) -> list[Problem]:
    """A section's heading (or alias) that is, or holds, another section's guidance line would
    be found where that guidance stands, and swallow it: the kind is refused, both named."""
    problems = []
    for i, section in enumerate(kind.sections):
        names = [("heading", section.heading), *((("aliases", j), a) for j, a in enumerate(section.aliases))]
        for key, name in names:
            heading = fold(name)
            for other in kind.sections:
                if other is section:
                    continue
                line = next((g for g in other.guidance if fold(g) and (fold(g) == heading or fold(g) in heading)),
                            None)
                if line is not None and heading:
                    path = ("sections", i, *(key if isinstance(key, tuple) else (key,)))
                    problems.append(problem(source, "schema.heading_guidance", path, section=section.id,
                                            heading=name, other=other.id, guidance=line))
    return problems


def _profile(profile: ProfileSpec, source: YamlFile, kinds: dict[str, KindSpec]) -> list[Problem]:
    problems = [problem(source, "schema.unknown_kind", ("kinds", i), kind=k, known=sorted(kinds),
                        **suggestion(k, sorted(kinds), listed=True))
                for i, k in enumerate(profile.kinds) if k not in kinds]
    if problems:
        return problems
    if profile.economics is not None:
        problems += [problem(source, "schema.not_profile_kind", ("economics", "kinds", i), kind=k, known=profile.kinds)
                     for i, k in enumerate(profile.economics.kinds) if k not in profile.kinds]
        if profile.economics.hour_rate is None:
            problems += [problem(source, "schema.hours_without_rate", ("economics",), at_key=True, kind=k)
                         for k in profile.economics.kinds
                         if k in kinds and kinds[k].roles.cofinancing and kinds[k].roles.cofinancing.hours]
    if profile.followup is not None:
        problems += _followup(profile, source)
    return problems + _forms(profile, source, kinds)


def _followup(profile: ProfileSpec, source: YamlFile) -> list[Problem]:
    """The plan's kinds are the profile's; each scheduled report is one of its kinds, and
    either recurring (a period, the day it covers to, its due day) or due a time after the
    end: never both, never neither, so no report's due date is left to a guess."""
    problems = [problem(source, "schema.not_profile_kind", ("followup", "plan", i), kind=k, known=profile.kinds)
                for i, k in enumerate(profile.followup.plan) if k not in profile.kinds]
    for i, report in enumerate(profile.followup.reports):
        at = ("followup", "reports", i)
        if report.kind not in profile.kinds:
            problems.append(problem(source, "schema.not_profile_kind", (*at, "kind"), kind=report.kind,
                                    known=profile.kinds))
        recurring = (report.period, report.covers_to, report.due)
        if report.after_end is not None and any(recurring):
            problems.append(problem(source, "schema.report_both", at))
        if report.after_end is None and not all(recurring):
            problems.append(problem(source, "schema.report_neither", at))
        for key, value, pattern in (("covers_to", report.covers_to, r"\d{2}-\d{2}"),
                                    ("due", report.due, r"\+?\d{2}-\d{2}")):
            if value is not None and not _is_day(value, pattern):
                problems.append(problem(source, "schema.not_day" if key == "covers_to" else "schema.not_due_day",
                                        (*at, key), value=value))
    return problems


def _forms(profile: ProfileSpec, source: YamlFile, kinds: dict[str, KindSpec]) -> list[Problem]:
    """Each of the profile's blank report forms is for one of its kinds, and a file inside
    the profile's schemas folder of that kind's format: `templates export` copies what is named here."""
    root = source.path.parent.parent
    problems = []
    for kind_id, relative in profile.forms.items():
        at = ("forms", kind_id)
        if kind_id not in profile.kinds:
            problems.append(problem(source, "schema.not_profile_kind", at, at_key=True, kind=kind_id,
                                    known=profile.kinds))
            continue
        form = root / relative
        try:
            inside = form.resolve().is_relative_to(root.resolve())
        except OSError:
            inside = False
        if not inside:
            problems.append(problem(source, "schema.form_outside", at, path=relative, folder=str(root)))
        elif not form.is_file():
            problems.append(problem(source, "schema.form_missing", at, path=relative, folder=str(root)))
        elif form.suffix.lower() != f".{kinds[kind_id].format}":
            problems.append(problem(source, "schema.form_format", at, path=relative, format=kinds[kind_id].format))
    return problems


def _is_day(value: str, pattern: str) -> bool:
    """MM-DD (after an optional +) that is a real day in a leap year (02-29 allowed)."""
    if not re.fullmatch(pattern, value):
        return False
    month, day = (int(part) for part in value.lstrip("+").split("-"))
    try:
        dt.date(2000, month, day)
    except ValueError:
        return False
    return True
