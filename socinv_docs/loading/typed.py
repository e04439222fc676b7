"""A schema file read as the format's data classes: the YAML with its places (yaml_file.py),
checked by pydantic against a Spec, its mistakes as Problems with their lines (errors.py)."""

from __future__ import annotations

from pathlib import Path

from socinv_docs.loading.errors import Problem, SchemaError, from_pydantic, from_syntax
from socinv_docs.loading.yaml_file import YamlFile, YamlSyntaxError


def validate(spec: type, data: object):
    """`data` (from YAML) as a `spec`, or pydantic's ValidationError."""
    # pydantic only here, when a schema file is read: a cached `check` never imports it
    # (~0.1 s of start-up, tests/test_schema_cache.py::test_a_cached_check_does_not_import_pydantic).
    from pydantic import TypeAdapter

    return TypeAdapter(spec).validate_python(data)


def read_file(path: Path, spec: type) -> tuple[object, YamlFile]:
    """A schema file as `spec`, and the file with its places (for later checks' lines)."""
    # pydantic only when a file is read (see validate).
    from pydantic import ValidationError

    try:
        source = YamlFile.read(path)
    except YamlSyntaxError as exc:
        raise SchemaError(from_syntax(path, exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(Problem(path, key="schema.unreadable", params={"error": type(exc).__name__})) from None
    try:
        return validate(spec, source.data), source
    except ValidationError as exc:
        raise SchemaError(*from_pydantic(source, exc, spec)) from None
