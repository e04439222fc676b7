"""Schema errors as data: the file, the line and column, the key path, what is wrong (a
catalogue key, messages/schema.py) with its values, and a hint for the common mistakes. The
words are made when the error is shown, in Swedish or English; nothing here is English
inside a Swedish line (pydantic's and PyYAML's own messages are read for their type only).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from socinv_docs import messages
from socinv_docs.loading.yaml_file import YAML_BOOLEANS, YamlFile, YamlSyntaxError
from socinv_docs.schema import SchemaProblem


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a schema file."""

    file: Path | str
    path: tuple = ()  # the key path in the file: ("rules", "cofinancing", "max_fund_share")
    key: str = "schema.invalid"  # what is wrong (messages/schema.py)
    params: dict = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    hint: str | None = None  # a catalogue key: how to put it right
    hint_params: dict = field(default_factory=dict)

    @property
    def where(self) -> str:
        """The key path as an official reads it in the file: rules.cofinancing.max_fund_share."""
        return ".".join(str(step) for step in self.path)

    def text(self, lang: str = "sv") -> str:
        place = messages.text("schema.at_line" if self.line else "schema.at_file", lang, file=str(self.file),
                              line=self.line, column=self.column)
        where = f" ({self.where})" if self.path else ""
        out = f"{place}{where}: {messages.text(self.key, lang, **self.params)}."
        if self.hint:
            out += " " + messages.text("schema.hint", lang, hint=messages.msg(self.hint, **self.hint_params))
        return out


class SchemaError(Exception):
    """Schema files that do not fit the format: one Problem or more, each with its file, line
    and key. `text(lang)` for people; str() is the Swedish text."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(problems[0].key if problems else "")
        self.problems = list(problems)

    def text(self, lang: str = "sv") -> str:
        return "\n".join(p.text(lang) for p in self.problems)

    def __str__(self) -> str:
        return self.text("sv")


def problem(source: YamlFile | Path, key: str, at: tuple = (), *, at_key: bool = False, hint: str | None = None,
            hint_params: dict | None = None, **params) -> Problem:
    """A Problem at a key path `at` of a file, with the line and column the path stands on."""
    if isinstance(source, YamlFile):
        line, column = source.place(at, key=at_key)
        file = source.path
    else:
        line = column = None
        file = source
    return Problem(file, tuple(at), key, params, line, column, hint, hint_params or {})


def suggestion(name: str, known: list[str], *, listed: bool = False) -> dict:
    """The hint for a name that is not among `known`: the close one, if any, and what may
    stand there (`listed`: the message names those already)."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return {"hint": "schema.hint.close" if listed else "schema.hint.did_you_mean",
                "hint_params": {"close": close[0], "known": known}}
    return {} if listed else {"hint": "schema.hint.known", "hint_params": {"known": known}}


def from_schema_problem(source: YamlFile, exc: SchemaProblem, prefix: tuple = ()) -> Problem:
    """A SchemaProblem (raised by the format's own checks or a rule's check_against) at its
    place: the object's path in the file, then the problem's own path below it."""
    return problem(source, exc.key, (*prefix, *exc.path), hint=exc.hint, **exc.params)


def from_syntax(path: Path, exc: YamlSyntaxError) -> Problem:
    """A file that is not YAML, in the catalogue's words for the usual slips."""
    said = exc.problem.lower()
    if "'\\t'" in said or "tab" in said:
        key = "schema.yaml.tab"
    elif "mapping values are not allowed" in said:
        key = "schema.yaml.colon"
    elif "could not find expected ':'" in said:
        key = "schema.yaml.no_colon"
    elif "expected ',' or" in said or "end of stream" in said or "found unexpected end" in said:
        key = "schema.yaml.unclosed"
    elif "indentation" in said or "expected <block end>" in said:
        key = "schema.yaml.indent"
    else:
        key = "schema.yaml.syntax"
    return Problem(path, (), key, {}, exc.line, exc.column)


# -- pydantic's errors, by their type --------------------------------------------------------

_BY_TYPE = {
    "missing": "schema.missing",
    "unexpected_keyword_argument": "schema.unknown_key", "extra_forbidden": "schema.unknown_key",
    "int_parsing": "schema.not_integer", "int_type": "schema.not_integer", "int_from_float": "schema.not_integer",
    "float_parsing": "schema.not_number", "float_type": "schema.not_number",
    "string_type": "schema.not_text",
    "list_type": "schema.not_list", "tuple_type": "schema.not_list", "set_type": "schema.not_list",
    "dict_type": "schema.not_mapping", "dataclass_type": "schema.not_mapping", "model_type": "schema.not_mapping",
    "dataclass_args_type": "schema.not_mapping", "model_attributes_type": "schema.not_mapping",
    "bool_parsing": "schema.not_boolean", "bool_type": "schema.not_boolean",
    "literal_error": "schema.not_one_of", "enum": "schema.not_one_of",
    "less_than_equal": "schema.too_large", "less_than": "schema.too_large",
    "greater_than_equal": "schema.too_small", "greater_than": "schema.too_small",
}


def from_pydantic(source: YamlFile, exc, spec: type, prefix: tuple = ()) -> list[Problem]:
    """pydantic's ValidationError over `spec` (the data at `prefix` in the file) as Problems."""
    out = []
    for err in exc.errors():
        loc = tuple(step for step in err["loc"] if isinstance(step, int) or _is_key(step))
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, SchemaProblem):
            out.append(from_schema_problem(source, cause, (*prefix, *loc)))
            continue
        out.append(_typed(source, err, spec, prefix, loc))
    return out


def _is_key(step: object) -> bool:
    """A step of a location that is a key of the file, not a type tag pydantic adds ("function-after[…]")."""
    return isinstance(step, str) and re.fullmatch(r"[\w.-]+", step) is not None


def _typed(source: YamlFile, err: dict, spec: type, prefix: tuple, loc: tuple) -> Problem:
    kind = err["type"]
    key = _BY_TYPE.get(kind, "schema.invalid")
    path = (*prefix, *loc)
    value = err.get("input")
    params: dict = {"value": _shown(value)}
    hint, hint_params = None, {}
    if key == "schema.missing":
        params = {"name": str(loc[-1]) if loc else ""}
    elif key == "schema.unknown_key":
        name = str(loc[-1]) if loc else ""
        known = known_keys(spec, loc[:-1])
        return problem(source, key, path, at_key=True, **(suggestion(name, known) if known else {}), name=name)
    elif key == "schema.not_one_of":
        expected = (err.get("ctx") or {}).get("expected", "")
        params["choices"] = re.findall(r"'([^']*)'", str(expected)) or [str(expected)]
    elif key in ("schema.too_large", "schema.too_small"):
        ctx = err.get("ctx") or {}
        params["limit"] = _shown(next((ctx[k] for k in ("le", "lt", "ge", "gt") if k in ctx), None))
        if key == "schema.too_large" and _share_mistake(ctx, value):
            share = f"{value / 100:.4f}".rstrip("0")
            share += "0" * max(0, 2 - len(share.split(".")[1]))
            hint, hint_params = "schema.hint.share", {"share": share, "percent": _shown(value)}
    written = source.written(path)
    if isinstance(value, bool) and written is not None and written.lower() in YAML_BOOLEANS \
            and key != "schema.not_boolean":
        # `required: no`: YAML 1.1 reads an unquoted no (yes, on, off) as false (true).
        return problem(source, "schema.yaml_boolean", path, hint="schema.hint.quote", hint_params={"text": written},
                       text=written, boolean=_shown(value), expected=key, **params)
    return problem(source, key, path, hint=hint, hint_params=hint_params, **params)


def _share_mistake(ctx: dict, value: object) -> bool:
    """A share (0–1) written as a percentage: 70 for 0.70."""
    limit = ctx.get("le", ctx.get("lt"))
    return limit == 1 and isinstance(value, int | float) and not isinstance(value, bool) and 1 < value <= 100


def _shown(value: object) -> str:
    """A value of the file, short, as people wrote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value) if not isinstance(value, dict | list) else type(value).__name__
    return text if len(text) <= 60 else text[:59] + "…"


def known_keys(spec: type, path: tuple) -> list[str]:
    """The keys the format allows at a path below `spec` (a Spec dataclass): for "did you mean"."""
    current: object = spec
    for step in path:
        current = _inner(current, step)
        if current is None:
            return []
    current = _inner(current, None)
    if isinstance(current, type) and dataclasses.is_dataclass(current):
        return [f.name for f in dataclasses.fields(current)]
    return []


def _inner(tp: object, step: object) -> object:
    """The type one step down: a dataclass's field by name, a list's item by index, a dict's
    value by key; through Optional and Annotated. None when it cannot be told."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _inner(typing.get_args(tp)[0], step)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _inner(options[0], step) if len(options) == 1 else None
    if step is None:
        return tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(step, str):
        hints = typing.get_type_hints(tp)
        return hints.get(step)
    if origin is list and isinstance(step, int):
        return typing.get_args(tp)[0]
    if origin is dict and isinstance(step, str):
        return typing.get_args(tp)[1]
    return None
