"""What the catalogue is made of, and how a message becomes words: an entry (`Text`, a
message and a hint, per language), a message as data (`msg`, `literal`), an explanation for
`socinv rules` (`explanation`), and `Words`, which renders a key with its parameters in one
language. Every area of the catalogue and every rule's own words are built from these."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import NamedTuple

from socinv_docs import fmt


class Text(NamedTuple):
    message: str
    hint: str = ""


# key -> language -> Text: an area of the catalogue, or a rule's own words.
Entries = Mapping[str, Mapping[str, Text]]


def msg(key: str, **params: object) -> dict:
    """A message as data, to be a parameter of another message (rendered with it, in its
    language): ``msg("type.amount")``, ``msg("costs.row", row="År 1", parts=100, summa=90)``."""
    return {"key": key, "params": params} if params else {"key": key}


def literal(**words: str) -> dict:
    """Words that come from a schema (a party category, a kind's name) in each language,
    as a parameter: ``literal(sv="nämnder", en="committees")``."""
    return {"text": {lang: w for lang, w in words.items() if w}}


def explanation(code: str, what: tuple[str, str], why: tuple[str, str], example: tuple[str, str],
                severity: tuple[str, str] | None = None) -> dict[str, dict[str, Text]]:
    """A code's explanation for `socinv rules` as entries "rules.<CODE>.what", ".why",
    ".example" (and ".severity" where the severity is not simply the code's default), each
    given as (Swedish, English)."""
    parts = {"what": what, "why": why, "example": example, **({"severity": severity} if severity else {})}
    return {f"rules.{code}.{part}": {"sv": Text(sv), "en": Text(en)} for part, (sv, en) in parts.items()}


class RuleWords(dict):
    """A rule's words (its module's WORDS): entries like an area's, which the rule's findings
    carry (report.Finding.wording). Pickled by reference, as a function is — its module and
    the name WORDS — so a report a worker sends back names its rules' words instead of
    holding a copy of them (a copy was two thirds of a pickled report)."""

    def __init__(self, module: str, entries: Entries) -> None:
        super().__init__(entries)
        self.__module__ = module

    def __reduce__(self) -> str:
        return "WORDS"


class Words:
    """Entries to word messages from (the catalogue, or a rule's own words in front of it:
    messages.catalogue), rendered in one language at a time."""

    def __init__(self, entries: Entries) -> None:
        self.entries = entries

    def entry(self, key: str, lang: str) -> Text:
        entry = self.entries.get(key)
        if entry is None:
            return Text(key)
        return entry.get(lang) or entry["sv"]

    def has(self, key: str, part: str = "message") -> bool:
        """Whether there is an entry `key` with a non-empty message (or hint)."""
        entry = self.entries.get(key)
        return entry is not None and bool(getattr(entry["sv"], part))

    def text(self, key: str, lang: str = "sv", /, **params: object) -> str:
        return self.format(self.entry(key, lang).message, params, lang)

    def hint(self, key: str, lang: str = "sv", /, **params: object) -> str:
        return self.format(self.entry(key, lang).hint, params, lang)

    def format(self, template: str, params: dict, lang: str = "sv") -> str:
        try:
            return _Formatter(self, lang, params).vformat(template, (), params)
        except (ValueError, IndexError, KeyError, AttributeError, TypeError):
            return template


class _Formatter(Formatter):
    """str.format with the catalogue's own format specs, so that a finding's parameters stay
    data (numbers, ids, lists) and become words only here, in the reader's language:

    - ``{cost:kr}`` an amount in kronor ('1 250 000 kr'); ``{years:num}`` a number ('2,5');
      ``{share:pct}`` a share as a percentage (0.5 -> '50 %');
    - ``{missing:list}`` a list joined with commas;
    - a value that is itself a message, ``{"key": "type.amount", "params": {...}}`` (see
      ``msg``), is rendered in the same language: ``{type}``, or ``{type:hint}`` for its hint;
    - ``{reason_key:key}`` a catalogue key, rendered with this message's own parameters;
    - ``{items:and}``, ``{items:or}`` a list joined with "och"/"and", "eller"/"or";
    - a value ``{"text": {"sv": ..., "en": ...}}`` (see ``literal``): a schema's own words.

    A nested message is looked up in the same words as the message around it (a rule's own,
    then the catalogue's). A missing parameter shows as ``{name}`` rather than failing: a
    message is never lost because one parameter is."""

    def __init__(self, words: Words, lang: str, params: dict) -> None:
        super().__init__()
        self.words = words
        self.lang = lang
        self.params = params

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return _Missing(key)
        return super().get_value(key, args, kwargs)

    def format_field(self, value, format_spec: str) -> str:
        words = self.words
        if isinstance(value, _Missing):
            return "{" + value.name + "}"
        if isinstance(value, dict) and "key" in value:  # a nested message
            nested = value.get("params") or {}
            render = words.hint if format_spec == "hint" else words.text
            return render(str(value["key"]), self.lang, **nested)
        if isinstance(value, dict) and "text" in value:  # words from a schema, in each language
            literal_words = value["text"]
            return str(literal_words.get(self.lang) or literal_words.get("sv") or "")
        if format_spec in ("list", "and", "or") and isinstance(value, (list, tuple)):
            items = [self.format_field(v, "") for v in value]
            if format_spec == "list" or len(items) < 2:
                return ", ".join(items)
            word = words.text(f"ui.{format_spec}", self.lang)
            return f"{', '.join(items[:-1])} {word} {items[-1]}"
        if format_spec == "key":  # a catalogue key, rendered with this message's own params
            return words.text(str(value), self.lang, **self.params)
        if format_spec == "kr":
            return fmt.kronor(value, self.lang)
        if format_spec == "num":
            return fmt.number(value, lang=self.lang)
        if format_spec == "pct":  # a share: 0.5 -> "50 %"
            return fmt.percent(value, lang=self.lang)
        if format_spec in ("list", "and", "or"):
            return str(value)
        if value is None:
            return "–"
        return str(value) if not format_spec else super().format_field(value, format_spec)


class _Missing:
    def __init__(self, name: str) -> None:
        self.name = name
