"""Loading the schemas: read the YAML, check it against the format, configure the rules each
profile enables, and hand out the checked set (a SchemaSet). `check`, `validate`, `memo`,
`profiles`, `rules` and the web page get their schemas here and nowhere else.

It stands one floor above both the format (schema.py: data classes only) and the rules
(rules/registry.py): a profile names rules and their options, so checking a profile needs
the rules, and the rules need the format. Neither imports this package.

Where the schemas come from (`schema_folders`): the shipped ones, and a folder of one's own
(`--schemas DIR` or SOCINV_SCHEMAS). A folder without a `common.yaml` **adds** its kinds,
profiles and forms to the shipped ones; a folder with one is a whole set and **replaces**
them. A file that does not fit gives a SchemaError with its file, line, column and key
(loading/errors.py). pydantic checks the files, and is imported only when a file is read: a
`socinv check` reads the checked set from the cache (schema_cache.py) and never imports it
(building its models took ~0.1 s of every run, issue 11).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from socinv_docs import schema_cache
from socinv_docs.loading.checks import check_set
from socinv_docs.loading.configure import checking_rules, configure_profile
from socinv_docs.loading.errors import Problem, SchemaError, problem
from socinv_docs.loading.typed import read_file, validate
from socinv_docs.loading.yaml_file import YamlFile
from socinv_docs.schema import CommonSpec, KindSpec, ProfileSpec, SchemaSet

__all__ = ["Problem", "SchemaError", "checking_code", "form_path", "load_schemas", "read_schemas",
           "schema_folders", "schemas_dir", "validate"]

PACKAGE = Path(__file__).resolve().parent.parent
ENVIRONMENT = "SOCINV_SCHEMAS"


# -- where the schemas are ----------------------------------------------------------------------


def schemas_dir() -> Path:
    """The schemas shipped with the package, or the repository's when run from a checkout."""
    for candidate in (PACKAGE / "_data" / "schemas", PACKAGE.parent / "schemas"):
        if candidate.is_dir():
            return candidate
    raise SchemaError(Problem(PACKAGE, key="schema.no_shipped"))


def schema_folders(folder: Path | None = None) -> tuple[Path, ...]:
    """The folders a schema set is read from, the base (whose common.yaml is read) first:
    `folder` (`--schemas`), else SOCINV_SCHEMAS, added to the shipped schemas; or, when it
    holds a common.yaml of its own, that folder alone (a whole set, as the shipped one)."""
    chosen = folder or (Path(os.environ[ENVIRONMENT]) if os.environ.get(ENVIRONMENT) else None)
    if chosen is None:
        return (schemas_dir(),)
    if not chosen.is_dir():
        raise SchemaError(Problem(chosen, key="schema.folder_missing"))
    if (chosen / "common.yaml").is_file():
        return (chosen,)
    if not any((chosen / part).is_dir() for part in ("kinds", "profiles")):
        raise SchemaError(Problem(chosen, key="schema.folder_empty"))
    return (schemas_dir(), chosen)


def checking_code() -> list[Path]:
    """The code a checked set is made by, for the cache's key (schema_cache.key): the format
    (schema.py), this loader, what every rule's options share (rules/base.py), which rules
    exist (rules/registry.py) and each registered rule's module, which holds its Options,
    its needs and its check_against. The rules are named by the registry, not found by a
    glob: a module that is not registered cannot be enabled, so it is not part of the key.
    Whole files, because the cached set holds instances of the rules' Options classes: a
    changed field or default must never be read back from an older pickle."""
    here = Path(__file__).resolve().parent
    return [PACKAGE / "schema.py", *sorted(here.glob("*.py")), *checking_rules()]


@lru_cache(maxsize=8)
def load_schemas(root: Path | None = None) -> SchemaSet:
    """Every kind and profile of the schema folders (schema_folders: the shipped schemas,
    with `root` or SOCINV_SCHEMAS added, or in their place), checked; from the cache when
    the files are the ones checked last time (schema_cache.py)."""
    folders = schema_folders(Path(root) if root else None)
    return schema_cache.cached(folders, read_schemas, code=checking_code())


def read_schemas(folders: Path | Sequence[Path]) -> SchemaSet:
    """Read and check every schema file of the folders (the first one's common.yaml; the kinds
    and profiles of them all); SchemaError names each file, line and key that does not fit."""
    folders = (Path(folders),) if isinstance(folders, str | Path) else tuple(Path(f) for f in folders)
    common, common_file = read_file(folders[0] / "common.yaml", CommonSpec)
    kinds: dict[str, tuple[KindSpec, YamlFile]] = {}
    profiles: dict[str, tuple[ProfileSpec, YamlFile]] = {}
    problems: list[Problem] = []
    for folder in folders:
        for what, spec, found in (("kinds", KindSpec, kinds), ("profiles", ProfileSpec, profiles)):
            for path in sorted((folder / what).glob("*.yaml")):
                try:
                    value, source = read_file(path, spec)
                except SchemaError as exc:
                    problems.extend(exc.problems)
                    continue
                if value.id in found:  # never one silently in place of the other
                    first = found[value.id][1]
                    line, _ = first.place(("id",))
                    problems.append(problem(source, "schema.duplicate_id", ("id",), id=value.id,
                                            other=str(first.path), other_line=line))
                    continue
                found[value.id] = (value, source)
    if problems:
        raise SchemaError(*problems)
    if not kinds:
        raise SchemaError(Problem(folders[0] / "kinds", key="schema.no_kinds"))
    checked = check_set(common, common_file, kinds, profiles)
    configured = {pid: configure_profile(profile, source, {k: v for k, (v, _) in kinds.items()}, common)
                  for pid, (profile, source) in profiles.items()}
    return SchemaSet(kinds={k: v for k, (v, _) in kinds.items()}, profiles=configured, common=checked,
                     kind_files={k: s.path for k, (_, s) in kinds.items()},
                     profile_files={p: s.path for p, (_, s) in profiles.items()}, folders=folders)


def form_path(profile: ProfileSpec, kind_id: str, schemas: SchemaSet | None = None) -> Path:
    """Where a profile's blank form for a kind is (checked when the profile was read): in the
    schemas folder the profile came from."""
    folder = (schemas.folder_of(profile.id) if schemas is not None else None) or schemas_dir()
    return folder / profile.forms[kind_id]

