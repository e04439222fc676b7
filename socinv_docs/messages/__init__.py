"""The message catalogue: every text a user reads, in Swedish (default) and English.

Words live by area, one module each: the pipeline's own codes (findings.py), why a file
cannot be read (files.py), the reports (report.py), the annotated copies (annotate.py), the
memos (memo.py), the register (register.py), the web page (web.py), the command line
(cli.py), the follow-up plan (plan.py), the follow-up run (followup.py) and the schema files'
errors (schema.py). A rule's words — the message and hint of its codes and its explanation for
`socinv rules` — are not here but beside its check, in its module in rules/; a finding carries
them (report.Finding.wording) and `catalogue(own)` puts them in front of these.

Keys are codes (message and hint), "CODE.variant" for a case that needs other words,
"unreadable.*" reasons, "loc.*" locations, "ui.*" report words and each area's own prefix.
Parameters use str.format names with the catalogue's format specs (core.py); a missing
parameter shows as {name} rather than failing. No other module holds user-facing text.
"""

from __future__ import annotations

import errno
from collections import ChainMap
from collections.abc import Mapping

from socinv_docs.fmt import plural_form
from socinv_docs.messages import annotate, cli, files, findings, followup, memo, plan, register, report, schema, web
from socinv_docs.messages.core import RuleWords, Text, Words, explanation, literal, msg

__all__ = ["CATALOGUE", "CLICK", "LANGS", "CatalogueError", "RuleWords", "Text", "Words", "catalogue", "counts", "explanation",
           "has", "hint", "literal", "msg", "os_error", "text"]

LANGS = ("sv", "en")

CATALOGUE: dict[str, dict[str, Text]] = {
    **findings.WORDS, **files.WORDS, **report.WORDS, **annotate.WORDS, **memo.WORDS, **cli.WORDS,
    **register.WORDS, **web.WORDS, **plan.WORDS, **followup.WORDS, **schema.WORDS,
}

# click's own words in Swedish, by click's English message id (clilang.install).
CLICK = cli.CLICK

_CATALOGUE = Words(CATALOGUE)


def catalogue(own: Mapping[str, Mapping[str, Text]] | None = None) -> Words:
    """The words to render with: the catalogue, with a rule's own words (a finding's
    wording) in front of it, so that a nested message or a list's "och" is found either way."""
    return Words(ChainMap(own, CATALOGUE)) if own else _CATALOGUE


def text(key: str, lang: str = "sv", /, **params: object) -> str:
    return _CATALOGUE.text(key, lang, **params)


def hint(key: str, lang: str = "sv", /, **params: object) -> str:
    return _CATALOGUE.hint(key, lang, **params)


def has(key: str, part: str = "message") -> bool:
    """Whether the catalogue has `key` with a non-empty message (or hint)."""
    return _CATALOGUE.has(key, part)


def _entry(key: str, lang: str) -> Text:
    return _CATALOGUE.entry(key, lang)


def counts(errors: int, warnings: int, lang: str = "sv") -> str:
    """'1 fel, 2 varningar' / '1 error, 1 warning': the count with the word in the number form
    the language's CLDR plural rules give it (through Babel)."""
    def word(key: str, n: int) -> str:
        entry = _entry(key, lang)
        return entry.message if plural_form(n, lang) == "one" else entry.hint

    return text("ui.counts", lang, errors=errors, warnings=warnings, error_word=word("ui.word.error", errors),
                warning_word=word("ui.word.warning", warnings))


class CatalogueError(Exception):
    """An error for the user: `key` names its message here, `params` fill it in.
    The CLI shows `text(lang)` and exits 2."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = "sv") -> str:
        return text(self.key, lang, **self.params)


def os_error(error: OSError | str, lang: str = "sv") -> str:
    """What the operating system said, in words: an OSError or its errno name ('ENOSPC').
    An error without words of our own falls back to the system's (English) text."""
    if isinstance(error, OSError):
        name = errno.errorcode.get(error.errno or 0, "")
        fallback = error.strerror or type(error).__name__
    else:
        name = fallback = str(error)
    key = f"oserror.{name}"
    return text(key, lang) if key in CATALOGUE else fallback
