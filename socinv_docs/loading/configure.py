"""The rules a profile enables, configured: each rule's options checked by its own model, its
kinds and the roles they map, and each track's options merged onto the profile's. Anything
that cannot run as written is refused here, with the file, line and key, never discovered
(or silently skipped) on a submission."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path

from socinv_docs.extract.text import fold
from socinv_docs.loading.errors import (
    Problem,
    SchemaError,
    from_pydantic,
    from_schema_problem,
    problem,
    suggestion,
)
from socinv_docs.loading.typed import validate
from socinv_docs.loading.yaml_file import YamlFile
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.rules.registry import RULES
from socinv_docs.schema import CommonSpec, KindSpec, ProfileSpec, SchemaProblem

PACKAGE = Path(__file__).resolve().parent.parent


def checking_rules() -> list[Path]:
    """What every rule's options share (rules/base.py), which rules exist (rules/registry.py)
    and each registered rule's module (loading.checking_code)."""
    rules = [Path(inspect.getfile(rule.check)).resolve() for rule in RULES.values()]
    return [PACKAGE / "rules" / "base.py", PACKAGE / "rules" / "registry.py", *dict.fromkeys(rules)]


def configure_profile(profile: ProfileSpec, source: YamlFile, kinds: dict[str, KindSpec],
                      common: CommonSpec) -> ProfileSpec:
    """The profile with each rule's options checked by the rule's own model, and each track's
    rules as they apply on it (the profile's options with the track's merged in)."""
    rules = {name: _configure(name, raw, profile, kinds, common, source, ("rules", name))
             for name, raw in (profile.rules or {}).items()}
    tracks = {}
    for track_id, track in profile.tracks.items():
        merged = {}
        for name, raw in track.rules.items():
            base = profile.rules.get(name)
            combined = raw if isinstance(raw, RuleOptions) else {
                **(base if isinstance(base, dict) else {}), **(raw or {})}
            merged[name] = _configure(name, combined, profile, kinds, common, source,
                                      ("tracks", track_id, "rules", name))
        tracks[track_id] = dataclasses.replace(track, rules=merged)
    configured = dataclasses.replace(profile, rules=rules, tracks=tracks)
    _check_tracks(configured, source, kinds)
    return configured


def _configure(name: str, raw: object, profile: ProfileSpec, kinds: dict[str, KindSpec], common: CommonSpec,
               source: YamlFile, at: tuple) -> RuleOptions:
    """One rule's options: known rule, valid options, kinds of this profile, and the roles
    those kinds must map."""
    # pydantic only when a profile is read (loading.typed.validate).
    from pydantic import ValidationError

    if isinstance(raw, RuleOptions):  # already configured (a copy of a loaded profile)
        return raw
    rule_ = RULES.get(name)
    if rule_ is None:
        raise SchemaError(problem(source, "schema.unknown_rule", at, at_key=True, **suggestion(name, sorted(RULES)),
                                  name=name))
    try:
        options = validate(rule_.options, raw or {})
    except ValidationError as exc:
        raise SchemaError(*from_pydantic(source, exc, rule_.options, at)) from None
    extra_check = getattr(options, "check_against", None)
    try:
        if extra_check is not None:
            extra_check(profile, kinds, common)
        if rule_.scope == "document":
            _check_kinds(rule_, options, profile, kinds)
    except SchemaProblem as exc:
        raise SchemaError(from_schema_problem(source, exc, at)) from None
    return options


def _check_kinds(rule_: Rule, options: RuleOptions, profile: ProfileSpec, kinds: dict[str, KindSpec]) -> None:
    if options.kinds is not None:
        for i, kind_id in enumerate(options.kinds):
            if kind_id not in profile.kinds:
                raise SchemaProblem("schema.not_profile_kind", "kinds", i, kind=kind_id, known=profile.kinds)
            missing = rule_.missing(kinds[kind_id])
            if missing:
                raise SchemaProblem("schema.kind_lacks", "kinds", i, kind=kind_id, needs=missing)
    elif not any(not rule_.missing(kinds[k]) for k in profile.kinds):
        raise SchemaProblem("schema.no_kind_has", needs=list(rule_.needs))


def runs_on_kinds(rule_: Rule, options: RuleOptions, profile: ProfileSpec, kinds: dict[str, KindSpec]) -> list[str]:
    """The kinds a profile's document rule runs on."""
    if options.kinds is not None:
        return list(options.kinds)
    return [k for k in profile.kinds if not rule_.missing(kinds[k])]


def _check_tracks(profile: ProfileSpec, source: YamlFile, kinds: dict[str, KindSpec]) -> None:
    """Tracks are told apart by their words alone, read from a field each kind whose rules
    they change maps as its `track` role: a track is never guessed, nor a rule left to the
    profile's options on a form that cannot say its track."""
    if not profile.tracks:
        return
    problems: list[Problem] = []
    said: dict[str, str] = {}
    for track_id, track in profile.tracks.items():
        for i, word in enumerate([track_id, *([track.name] if track.name else []), *track.words]):
            folded = fold(word)
            other = said.setdefault(folded, track_id)
            if other != track_id:
                at = ("tracks", track_id, "words", i - 1 - bool(track.name)) if i > bool(track.name) else \
                    ("tracks", track_id)
                problems.append(problem(source, "schema.track_words_clash", at, word=word, track=track_id,
                                        other=other))
    if not any(kinds[k].roles.track for k in profile.kinds):
        problems.append(problem(source, "schema.tracks_no_field", ("tracks",), at_key=True, kinds=profile.kinds))
    for track_id, track in profile.tracks.items():
        for name, options in track.rules.items():
            rule_ = RULES[name]
            if rule_.scope != "document":
                problems.append(problem(source, "schema.track_submission_rule", ("tracks", track_id, "rules", name),
                                        at_key=True, rule=name))
                continue
            lacking = [k for k in runs_on_kinds(rule_, options, profile, kinds) if not kinds[k].roles.track]
            if lacking:
                problems.append(problem(source, "schema.track_no_field", ("tracks", track_id, "rules", name),
                                        at_key=True, rule=name, kinds=lacking))
    if problems:
        raise SchemaError(*problems)
