"""`socinv profiles`: which funders the tool knows, and every rule and option in force for one.

Read straight from the loaded schemas, so what it prints is what `check` and `validate` do.
"""

from __future__ import annotations

from socinv_docs import messages
from socinv_docs.loading import schemas_dir
from socinv_docs.rules.registry import RULES
from socinv_docs.schema import ProfileSpec, SchemaSet, as_dict


def _t(key: str, lang: str, **params) -> str:
    return messages.text(key, lang, **params)


def _kinds(profile: ProfileSpec, schemas: SchemaSet, lang: str) -> str:
    return ", ".join(f"{schemas.kinds[k].name_in(lang)} ({k})" for k in profile.kinds)


def _value(value) -> str:
    """An option as it is written in the profile's YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def origin(profile: ProfileSpec, schemas: SchemaSet, lang: str) -> str:
    """Where a profile came from: the file, shipped with the tool or in a folder of one's own
    (--schemas, SOCINV_SCHEMAS)."""
    path = schemas.profile_files.get(profile.id)
    if path is None:
        return ""
    shipped = schemas.folder_of(profile.id) == schemas_dir()
    return _t("profiles.origin_shipped" if shipped else "profiles.origin_own", lang, path=str(path))


def profiles_list(schemas: SchemaSet, lang: str) -> str:
    out = []
    for profile in schemas.profiles.values():
        out.append(f"{profile.id}  {profile.funder}")
        if profile.source:
            out.append(f"    {_t('profiles.source', lang)}: {profile.source}")
        if origin(profile, schemas, lang):
            out.append(f"    {origin(profile, schemas, lang)}")
        out.append(f"    {_t('profiles.kinds', lang)}: {_kinds(profile, schemas, lang)}")
        out.append(f"    {_t('profiles.rules', lang)}: {', '.join(profile.rules)}")
    out.append("")
    out.append(_t("profiles.more", lang))
    return "\n".join(out)


def profile_detail(profile: ProfileSpec, schemas: SchemaSet, lang: str) -> str:
    out = [f"{profile.id}  {profile.funder}"]
    if profile.source:
        out.append(f"{_t('profiles.source', lang)}: {profile.source}")
    if origin(profile, schemas, lang):
        out.append(origin(profile, schemas, lang))
    out.append(f"{_t('profiles.kinds', lang)}: {_kinds(profile, schemas, lang)}")
    if profile.detect.phrases:
        out.append(f"{_t('profiles.detect', lang)}: {', '.join(profile.detect.phrases)}")
    if profile.forms:
        out.append(f"{_t('profiles.forms', lang)}:")
        for kind, relative in profile.forms.items():
            out.append(f"    {kind}: {relative}")
    if profile.economics is not None:
        out.append("")
        out.append(f"{_t('profiles.economics', lang)}:")
        for key, value in as_dict(profile.economics).items():
            if value not in (None, [], ""):
                out.append(f"    {key}: {_value(value)}")
    if profile.tracks:
        out.append("")
        out.append(f"{_t('profiles.tracks', lang)}:")
        for track_id, track in profile.tracks.items():
            words = ", ".join(dict.fromkeys([track_id, *([track.name] if track.name else []), *track.words]))
            out.append(f"  {track_id}  {track.shown(track_id)}  ({_t('profiles.track_words', lang)}: {words})")
            for name, options in track.rules.items():
                base = as_dict(profile.rules[name]) if name in profile.rules else {}
                changed = {k: v for k, v in as_dict(options).items() if base.get(k) != v and k != "source"}
                out.append(f"    {name}: {_value(changed)}")
    out.append("")
    out.append(f"{_t('profiles.rules', lang)}:")
    for name, options in profile.rules.items():
        rule = RULES[name]
        codes = ", ".join(c.value for c in rule.codes)
        out.append(f"  {name}  ({codes})")
        if rule.scope == "document":
            kinds = options.kinds if options.kinds is not None else [
                k for k in profile.kinds if not rule.missing(schemas.kinds[k])]
            out.append(f"    kinds: {', '.join(kinds)}")
        for key, value in as_dict(options).items():
            if key in ("kinds", "source"):
                continue
            out.append(f"    {key}: {_value(value)}")
        if options.source:
            out.append(f"    {_t('profiles.rule_source', lang)}: ”{' '.join(options.source.split())}”")
    return "\n".join(out)
