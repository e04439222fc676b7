"""`socinv rules`: every code with its severity, what it checks, why and an example, like
`ruff rule`. The codes and default severities come from codes.py; the words from the rule
that owns each code (rules/<rule>.py WORDS: "rules.<CODE>.what/why/example",
"rules.<CODE>.severity" where the severity depends on the case), or the catalogue for the
pipeline's own codes. Rule modules' docstrings are for developers."""

from __future__ import annotations

import difflib
import textwrap

from socinv_docs import messages
from socinv_docs.codes import DEFAULT_SEVERITY, Code
from socinv_docs.rules.registry import owner

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


def explain(code: Code, lang: str = "sv") -> dict:
    """One rule as data: code, severity (and a note when it depends on the case), what, why, example."""
    words = words_of(code)

    def part(name: str) -> str:
        key = f"rules.{code.value}.{name}"
        return words.text(key, lang) if words.has(key) else ""

    return {"code": code.value, "severity": DEFAULT_SEVERITY[code].value,
            "severity_text": part("severity") or messages.text(f"register.severity.{DEFAULT_SEVERITY[code].value}",
                                                               lang).lower(),
            "what": part("what"), "why": part("why"), "example": part("example")}


def rule_text(code: Code, lang: str = "sv") -> str:
    rule = explain(code, lang)
    lines = textwrap.wrap(f"{rule['code']} — {rule['severity_text']}", WIDTH, subsequent_indent="    ")
    for name in ("what", "why", "example"):
        label = messages.text(f"rules.{name}", lang)
        lines.extend(textwrap.wrap(f"{label}: {rule[name]}", WIDTH, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(lines)


def rules_text(lang: str = "sv") -> str:
    return "\n\n".join([messages.text("rules.title", lang, count=len(Code)),
                        *(rule_text(code, lang) for code in Code)])


def rules_json(lang: str = "sv") -> dict:
    return {"rules": [explain(code, lang) for code in Code]}
