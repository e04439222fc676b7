"""Setting template text aside: what is left of a draft's text once guidance, prompts,
labels and placeholder phrases are removed is the applicant's answer (SPEC §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from socinv_docs.extract.text import fold, heading_key
from socinv_docs.schema import CommonSpec, KindSpec

# "xx", "xxx" are filler; a single "X" is not: it is how people tick a Ja/Nej cell.
_FILLER = re.compile(r"^(x{2,}|\.+|_+|-+|\?+|…+)$", re.IGNORECASE)


class Answer:
    """An answer's lines, whether some placeholder was seen (and set aside), and the first
    placeholder seen, as written ("TODO", "Skriv här:"), to be quoted back ("" when it had
    no text: a content control showing its placeholder).

    The lines are kept in a list and joined when the text is asked for: appending line
    after line to a string copied the whole answer each time (quadratic), and an answer of
    a few hundred thousand lines never finished."""

    __slots__ = ("_lines", "placeholder", "placeholder_text")

    def __init__(self, text: str = "", placeholder: bool = False, placeholder_text: str = "") -> None:
        self._lines = [text] if text else []
        self.placeholder = placeholder
        self.placeholder_text = placeholder_text

    @property
    def text(self) -> str:
        if len(self._lines) > 1:
            self._lines = ["\n".join(self._lines)]
        return self._lines[0] if self._lines else ""

    def add(self, other: "Answer") -> None:
        self._lines.extend(other._lines)
        self.placeholder |= other.placeholder
        self.placeholder_text = self.placeholder_text or other.placeholder_text


# The shortest heading key that a numbered line is matched on (see _numbered_template).
MIN_HEADING_KEY = 4


class AnswerCleaner:
    """`also`: more text that is no answer wherever it stands (a pre-filled report's plan
    texts, for its sections' answers)."""

    def __init__(self, kind: KindSpec, common: CommonSpec, also: Iterable[str] = ()) -> None:
        texts: list[str] = list(kind.template_text) + list(kind.boundaries) + list(also)
        for s in kind.sections:
            texts += [s.heading, *s.guidance]
        for f in kind.fields:
            texts += [f.label, *f.aliases]
        if kind.criteria:
            texts += [kind.criteria.heading, kind.criteria.answer_header, kind.criteria.motivation_header]
            texts += [text for c in kind.criteria.items for text in (c.text, *c.aliases)]
        for t in kind.tables:
            texts += list(t.columns.values()) + [a for names in t.aliases.values() for a in names]
        if kind.grid:
            texts += list(kind.grid.columns.values())
        if kind.signatures:
            texts += [kind.signatures.heading, *kind.signatures.columns]
        self.template = {fold(t) for t in texts if fold(t)} | {heading_key(t) for t in texts if heading_key(t)}
        self.guidance_prefixes = sorted({fold(t) for s in kind.sections for t in s.guidance if len(fold(t)) > 20},
                                        key=len, reverse=True)
        self.placeholders = sorted({fold(p) for p in [*common.placeholders, *kind.placeholders] if fold(p)},
                                   key=len, reverse=True)

    def _numbered_template(self, text: str) -> bool:
        """A template text with a number before it ("2 Evidens och forskning", a renumbered
        heading copied into an answer). Not a value with its unit: in "10 år" the "10" is
        no heading number and "år" only the 'År' column header, so a key this short is
        never taken for template text (a savings row's years were lost that way)."""
        key = heading_key(text)
        return len(key) >= MIN_HEADING_KEY and key in self.template

    def is_template(self, text: str) -> bool:
        f = fold(text)
        return bool(f) and (f in self.template or self._numbered_template(text))

    def clean(self, text: str, placeholder: bool = False) -> Answer:
        answer = Answer(placeholder=placeholder)
        for line in text.splitlines():
            answer.add(self._clean_line(line))
        return answer

    def _clean_line(self, line: str) -> Answer:
        f = fold(line)
        if not f:
            return Answer()
        if f in self.template or self._numbered_template(line):
            return Answer()
        # Checked before placeholder prefixes are cut: "Lorem ipsum dolor sit amet, consectetur
        # adipiscing elit." would otherwise lose its placeholder start and leave filler as answer.
        if "lorem ipsum" in f:
            return Answer(placeholder=True, placeholder_text=_quoted(line))
        for g in self.guidance_prefixes:
            if f.startswith(g + " "):
                line = _cut_prefix(line, g)
                f = fold(line)
                break
        written = line  # the line as the applicant left it, to quote a placeholder back
        seen = False
        changed = True
        while f and changed:
            changed = False
            for ph in self.placeholders:
                if f == ph:
                    return Answer(placeholder=True, placeholder_text=_quoted(written))
                if f.startswith(ph + " "):
                    line = _cut_prefix(line, ph)
                    f = fold(line)
                    seen = changed = True
                    break
        if _FILLER.match(line.strip().replace(" ", "")):
            return Answer(placeholder=True, placeholder_text=_quoted(written))
        prefix = written[:len(written) - len(line)].strip(" :;.,–-\t") if seen else ""
        return Answer(text=line.strip(), placeholder=seen, placeholder_text=_quoted(prefix))


def _quoted(line: str) -> str:
    """A placeholder as written, short enough to quote back in a message."""
    line = " ".join(line.split())
    return line if len(line) <= 60 else line[:59] + "…"


def _cut_prefix(line: str, folded_prefix: str) -> str:
    """Remove the shortest start of `line` that folds to `folded_prefix`."""
    for i in range(len(folded_prefix), len(line) + 1):
        if fold(line[:i]) == folded_prefix and (i == len(line) or not line[i].isalnum()):
            rest = line[i:]
            return rest.lstrip(" :;.,–-\t")
    return line
