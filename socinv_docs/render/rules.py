"""`socinv rules`: every code with its severity, what it checks, why and an example, like
`ruff rule`, and then what each loaded funder demands by it, made from that funder's profile:
its own horizon, ceilings, parties and years, in its own words (the rule's `source`). The
codes and default severities come from codes.py; the words from the rule that owns each
code (rules/<rule>.py WORDS: "rules.<CODE>.what/why/example", "rules.<CODE>.severity" where
the severity depends on the case, and the parts its `demands` name), or the catalogue for the
pipeline's own codes. Rule modules' docstrings are for developers."""

from __future__ import annotations

import difflib
import textwrap

from socinv_docs import messages
from socinv_docs.codes import DEFAULT_SEVERITY, FOLLOWUP_RUN_CODES, Code
from socinv_docs.rules.base import Rule
from socinv_docs.rules.registry import RULES, owner
from socinv_docs.schema import ProfileSpec, SchemaSet, as_dict

WIDTH = 88


def find_code(name: str) -> Code | None:
    """The code a user typed, in any case ('criterion_unclear')."""
    wanted = name.strip().upper()
    return next((c for c in Code if c.value == wanted), None)


def suggestions(name: str) -> list[str]:
    return difflib.get_close_matches(name.strip().upper(), [c.value for c in Code], n=3, cutoff=0.5)


def words_of(code: Code) -> messages.Words:
    """The words that explain `code`: its rule's (rules/<rule>.py), in front of the catalogue."""
    rule = owner(code)
    return messages.catalogue(rule.words if rule is not None else None)


def explain(code: Code, lang: str = "sv", schemas: SchemaSet | None = None, profile: str | None = None) -> dict:
    """One rule as data: code, severity (and a note when it depends on the case), what, why,
    example, and per loaded profile (or only `profile`) what it demands, in words."""
    words = words_of(code)
    known = [kind.name_in(lang) for kind in schemas.kinds.values()] if schemas else []

    def part(name: str) -> str:
        key = f"rules.{code.value}.{name}"
        return words.text(key, lang, known=known) if words.has(key) else ""

    data = {"code": code.value, "severity": DEFAULT_SEVERITY[code].value,
            "severity_text": part("severity") or messages.text(f"register.severity.{DEFAULT_SEVERITY[code].value}",
                                                               lang).lower(),
            "what": part("what"), "why": part("why"), "example": part("example")}
    if schemas is not None and code is Code.TRACK_UNKNOWN:  # the funders with tracks, and what each track sets
        data["profiles"] = [_tracks(p, schemas, lang) for p in schemas.profiles.values()
                            if p.tracks and (profile is None or p.id == profile)]
    elif schemas is not None:
        rule = owner(code)
        data["profiles"] = [] if rule is None else [
            _by_profile(code, rule, p, schemas, words, lang) for p in schemas.profiles.values()
            if (profile is None or p.id == profile) and p.options(rule.name) is not None]
    return data


def _by_profile(code: Code, rule: Rule, profile: ProfileSpec, schemas: SchemaSet, words: messages.Words,
                lang: str) -> dict:
    """What one funder demands by the rule: the kinds it checks, its values in words, its
    options as written, and its own words (the rule's `source`)."""
    options = profile.options(rule.name)
    demands = rule.demands(code, options, profile, schemas) if rule.demands else []
    return {"profile": profile.id, "funder": profile.funder,
            "kinds": [schemas.kinds[k].name_in(lang) for k in _kinds(rule, options, profile, schemas)],
            "demands": [words.format("{m}", {"m": d}, lang) for d in demands],
            "options": {k: v for k, v in as_dict(options).items() if k not in ("kinds", "source")},
            "source": " ".join(options.source.split())}


def _tracks(profile: ProfileSpec, schemas: SchemaSet, lang: str) -> dict:
    """A funder's tracks for TRACK_UNKNOWN: each track and what it demands by the rules it sets
    (their `demands`, made from the track's own options)."""
    demands = []
    for track_id, track in profile.tracks.items():
        said = []
        for name, options in track.rules.items():
            rule = RULES[name]
            for code in rule.codes:
                if rule.demands and owner(code) is rule:
                    said += [messages.catalogue(rule.words).format("{m}", {"m": d}, lang)
                             for d in rule.demands(code, options, profile, schemas)]
        demands.append(f"{track.shown(track_id)}: {', '.join(dict.fromkeys(said))}" if said else track.shown(track_id))
    return {"profile": profile.id, "funder": profile.funder,
            "kinds": [schemas.kinds[k].name_in(lang) for k in profile.kinds if schemas.kinds[k].roles.track],
            "demands": demands, "options": {}, "source": ""}


def _kinds(rule: Rule, options, profile: ProfileSpec, schemas: SchemaSet) -> list[str]:
    """The kinds a profile's rule runs on (a submission rule: the documents it looks at)."""
    if rule.scope != "document":
        return list(dict.fromkeys(need.document for need in getattr(options, "require", [])))
    if options.kinds is not None:
        return list(options.kinds)
    return [k for k in profile.kinds if not rule.missing(schemas.kinds[k])]


def rule_text(code: Code, lang: str = "sv", schemas: SchemaSet | None = None, profile: str | None = None) -> str:
    rule = explain(code, lang, schemas, profile)
    lines = textwrap.wrap(f"{rule['code']} — {rule['severity_text']}", WIDTH, subsequent_indent="    ")
    for name in ("what", "why", "example"):
        label = messages.text(f"rules.{name}", lang)
        lines.extend(textwrap.wrap(f"{label}: {rule[name]}", WIDTH, initial_indent="  ", subsequent_indent="    "))
    if "profiles" not in rule:
        return "\n".join(lines)
    if owner(code) is None and code is not Code.TRACK_UNKNOWN:  # the pipeline's and the follow-up run's own codes: every funder alike
        key = "rules.followup_run" if code in FOLLOWUP_RUN_CODES else "rules.every_funder"
        lines.extend(textwrap.wrap(messages.text(key, lang), WIDTH, initial_indent="  ", subsequent_indent="    "))
        return "\n".join(lines)
    if not rule["profiles"]:
        key = "rules.not_in_profile" if profile else "rules.no_profile"
        lines.extend(textwrap.wrap(messages.text(key, lang, profile=profile), WIDTH, initial_indent="  ",
                                   subsequent_indent="    "))
        return "\n".join(lines)
    lines.append(f"  {messages.text('rules.by_funder', lang)}:")
    for by in rule["profiles"]:
        head = messages.text("rules.funder_line", lang, funder=by["funder"], profile=by["profile"], kinds=by["kinds"])
        demands = f": {'; '.join(by['demands'])}." if by["demands"] else "."
        lines.extend(textwrap.wrap(head + demands, WIDTH, initial_indent="    ", subsequent_indent="        "))
        if by["source"]:
            source = messages.text("ui.source", lang, funder=by["funder"], source=by["source"])
            lines.extend(textwrap.wrap(source, WIDTH, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines)


def rules_text(lang: str = "sv", schemas: SchemaSet | None = None, profile: str | None = None) -> str:
    return "\n\n".join([messages.text("rules.title", lang, count=len(Code)),
                        *(rule_text(code, lang, schemas, profile) for code in Code)])


def rules_json(lang: str = "sv", schemas: SchemaSet | None = None, profile: str | None = None) -> dict:
    return {"rules": [explain(code, lang, schemas, profile) for code in Code]}
