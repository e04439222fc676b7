"""Loading the schemas: read the YAML, check it against the format, configure the rules each
profile enables, and hand out the checked set (a SchemaSet). `check`, `validate`, `memo`,
`profiles`, `rules` and the web page get their schemas here and nowhere else.

It stands one floor above both the format (schema.py: data classes only) and the rules
(rules/registry.py): a profile names rules and their options, so checking a profile needs
the rules, and the rules need the format. Neither imports this module.

A file that does not fit gives a SchemaError naming the file and the key. pydantic checks
the files, and is imported only when a file is read: a `socinv check` reads the checked set
from the cache (schema_cache.py) and never imports it (building its models took ~0.1 s of
every run, issue 11).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import os
import re
from functools import lru_cache
from pathlib import Path

from socinv_docs import schema_cache
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.rules.registry import RULES
from socinv_docs.schema import CommonSpec, KindSpec, ProfileSpec, SchemaSet, Spec

PACKAGE = Path(__file__).resolve().parent


class SchemaError(Exception):
    """A schema file that does not fit the format. The message names the file and key."""


class RuleConfigError(Exception):
    """A profile's rule that cannot run as written. The message starts with the key path
    under `rules.` (e.g. "duration.max_years: ...")."""


def validate(spec: type, data: object):
    """`data` (from YAML) as a `spec`, or pydantic's ValidationError."""
    # pydantic only here, when a schema file is read: a cached `check` never imports it
    # (~0.1 s of start-up, tests/test_schema_cache.py::test_a_cached_check_does_not_import_pydantic).
    from pydantic import TypeAdapter

    return TypeAdapter(spec).validate_python(data)


def _problems(exc) -> str:
    """pydantic's errors as 'key.path: what' (one per error, ';'-separated)."""
    return "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors())


def _load_yaml(path: Path, spec: type[Spec]):
    # PyYAML and pydantic only when a file is read, never for a cached `check` (start-up time).
    import yaml
    from pydantic import ValidationError

    # libyaml's loader when PyYAML was built with it: the pure-Python one took ~0.1 s of
    # every `socinv check` (same safe constructors, same results).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: {exc}") from None
    try:
        return validate(spec, data)
    except ValidationError as exc:
        raise SchemaError(f"{path}: {_problems(exc)}") from None


# -- the rules a profile enables ------------------------------------------------------------


def configure(profile: ProfileSpec, kinds: dict[str, KindSpec], common: CommonSpec) -> dict[str, RuleOptions]:
    """Each enabled rule's options, checked: known rule, valid options, kinds of this
    profile, and the roles those kinds must map. Raises RuleConfigError."""
    # pydantic only when a profile is read (see validate).
    from pydantic import ValidationError

    configured: dict[str, RuleOptions] = {}
    for name, raw in (profile.rules or {}).items():
        if isinstance(raw, RuleOptions):  # already configured (a copy of a loaded profile)
            configured[name] = raw
            continue
        rule_ = RULES.get(name)
        if rule_ is None:
            raise RuleConfigError(f"{name}: unknown rule (known: {', '.join(sorted(RULES))})")
        try:
            options = validate(rule_.options, raw or {})
        except ValidationError as exc:
            raise RuleConfigError(f"{name}.{_problems(exc)}") from None
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


def _configure(profile: ProfileSpec, kinds: dict[str, KindSpec], common: CommonSpec, path: Path) -> ProfileSpec:
    """The profile with each rule's options checked by the rule's own model: an unknown rule,
    a bad option, a kind the profile lacks or a role the kind does not map is refused here,
    naming the file and the key, never discovered (or silently skipped) on a submission."""
    try:
        return dataclasses.replace(profile, rules=configure(profile, kinds, common))
    except RuleConfigError as exc:
        raise SchemaError(f"{path}: rules.{exc}") from None


# -- the schema files -------------------------------------------------------------------------


def schemas_dir() -> Path:
    """The schemas shipped with the package, or the repository's when run from a checkout."""
    override = os.environ.get("SOCINV_SCHEMAS")
    if override:
        return Path(override)
    for candidate in (PACKAGE / "_data" / "schemas", PACKAGE.parent / "schemas"):
        if candidate.is_dir():
            return candidate
    raise SchemaError(f"no schemas directory found next to {PACKAGE}")


def checking_code() -> list[Path]:
    """The code a checked set is made by, for the cache's key (schema_cache.key): the format
    (schema.py), this loader, what every rule's options share (rules/base.py), which rules
    exist (rules/registry.py) and each registered rule's module, which holds its Options,
    its needs and its check_against. The rules are named by the registry, not found by a
    glob: a module that is not registered cannot be enabled, so it is not part of the key.
    Whole files, because the cached set holds instances of the rules' Options classes: a
    changed field or default must never be read back from an older pickle."""
    rules = [Path(inspect.getfile(rule.check)).resolve() for rule in RULES.values()]
    return [PACKAGE / "schema.py", Path(__file__).resolve(), PACKAGE / "rules" / "base.py",
            PACKAGE / "rules" / "registry.py", *dict.fromkeys(rules)]


@lru_cache(maxsize=8)
def load_schemas(root: Path | None = None) -> SchemaSet:
    """Every kind and profile under `root` (default: the shipped schemas), checked; from the
    cache when the files are the ones checked last time (schema_cache.py)."""
    return schema_cache.cached(Path(root) if root else schemas_dir(), read_schemas, code=checking_code())


def read_schemas(root: Path) -> SchemaSet:
    """Read and check every schema file under `root`; SchemaError names the file and key."""
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
        if profile.economics is not None:
            stray = [k for k in profile.economics.kinds if k not in profile.kinds]
            if stray:
                raise SchemaError(f"{path}: economics.kinds: {stray} not among the profile's kinds")
        if profile.followup is not None:
            _check_followup(path, profile)
        _check_forms(path, profile, kinds, root)
        profiles[profile.id] = _configure(profile, kinds, common, path)
    if not kinds:
        raise SchemaError(f"{root / 'kinds'}: no kind files")
    return SchemaSet(kinds=kinds, profiles=profiles, common=common)


def _check_followup(path: Path, profile: ProfileSpec) -> None:
    """The plan's kinds are the profile's; each scheduled report is one of its kinds, and
    either recurring (a period, the day it covers to, its due day) or due a time after the
    end: never both, never neither, so no report's due date is left to a guess."""
    for i, kind in enumerate(profile.followup.plan):
        if kind not in profile.kinds:
            raise SchemaError(f"{path}: followup.plan.{i}: '{kind}' is not one of the profile's kinds")
    for i, report in enumerate(profile.followup.reports):
        where = f"{path}: followup.reports.{i}"
        if report.kind not in profile.kinds:
            raise SchemaError(f"{where}.kind: '{report.kind}' is not one of the profile's kinds")
        recurring = (report.period, report.covers_to, report.due)
        if report.after_end is not None and any(recurring):
            raise SchemaError(f"{where}: either period/covers_to/due or after_end, not both")
        if report.after_end is None and not all(recurring):
            raise SchemaError(f"{where}: a recurring report needs period, covers_to and due (or after_end)")
        for key, value, pattern in (("covers_to", report.covers_to, r"\d{2}-\d{2}"),
                                    ("due", report.due, r"\+?\d{2}-\d{2}")):
            if value is not None and not _is_day(value, pattern):
                raise SchemaError(f"{where}.{key}: '{value}' is not a day of the year as MM-DD"
                                  f"{' (or +MM-DD: the year after)' if key == 'due' else ''}")


def _check_forms(path: Path, profile: ProfileSpec, kinds: dict[str, KindSpec], root: Path) -> None:
    """Each of the profile's blank report forms is for one of its kinds, and a file inside
    the schemas folder of that kind's format: `templates export` copies what is named here."""
    stray = [k for k in profile.forms if k not in profile.kinds]
    if stray:
        raise SchemaError(f"{path}: forms: {stray} not among the profile's kinds")
    for kind_id, relative in profile.forms.items():
        where = f"{path}: forms.{kind_id}"
        form = root / relative
        try:
            inside = form.resolve().is_relative_to(root.resolve())
        except OSError:
            inside = False
        if not inside:
            raise SchemaError(f"{where}: '{relative}' is not inside {root}")
        if not form.is_file():
            raise SchemaError(f"{where}: no file '{relative}' in {root}")
        if form.suffix.lower() != f".{kinds[kind_id].format}":
            raise SchemaError(f"{where}: '{relative}' is not a .{kinds[kind_id].format} file")


def form_path(profile: ProfileSpec, kind_id: str, root: Path | None = None) -> Path:
    """Where a profile's blank form for a kind is (checked when the profile was read)."""
    return (root or schemas_dir()) / profile.forms[kind_id]


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
