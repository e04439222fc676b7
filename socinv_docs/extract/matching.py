"""Find which blocks are the template's headings, field labels and boundaries.

A heading may be a heading style, a short bold paragraph, the first cell of a table row
or an Excel prompt cell (SPEC §2). Every such block is a candidate; each is scored against
every target (sections with aliases, field labels, boundary headings) and the best pairs
are taken greedily, so a draft heading goes to the section it matches best and no section
is matched twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from socinv_docs.extract.text import similarity, split_number, word_count
from socinv_docs.readers.blocks import Block, BlockKind
from socinv_docs.schema import KindSpec

STRONG_BONUS = 0.03  # a heading style is better evidence than bold text
NUMBER_BONUS = 0.04  # "6.1 …" matching the template's 6.1
WEAK_MIN = 0.95  # a plain paragraph counts as a heading only when nearly exact


class TargetKind(StrEnum):
    SECTION = "section"
    FIELD = "field"
    BOUNDARY = "boundary"


@dataclass(frozen=True, slots=True)
class Target:
    kind: TargetKind
    id: str
    texts: tuple[str, ...]
    number: str | None


@dataclass(slots=True)
class Candidate:
    block: int
    text: str
    strength: str  # "strong", "medium", "weak"
    inline_value: str | None = None  # "Label: value" paragraphs carry their value


@dataclass(slots=True)
class Match:
    target: Target
    candidate: Candidate
    score: float


@lru_cache(maxsize=262144)
def _score(candidate: str, texts: tuple[str, ...], floor: float = 0.0) -> float:
    # The floor lets similarity() skip the character ratio for pairs that cannot be kept (see there).
    return max(similarity(candidate, t, floor) for t in texts)


def targets_for(kind: KindSpec) -> list[Target]:
    targets = [Target(TargetKind.SECTION, s.id, (s.heading, *s.aliases), split_number(s.heading)[0])
               for s in kind.sections]
    targets += [Target(TargetKind.FIELD, f.id, (f.label, *f.aliases), None)
                for f in kind.fields if f.source == "label"]
    boundaries = list(kind.boundaries)
    if kind.criteria:
        boundaries.append(kind.criteria.heading)
    if kind.signatures:
        boundaries.append(kind.signatures.heading)
    targets += [Target(TargetKind.BOUNDARY, b, (b,), split_number(b)[0]) for b in dict.fromkeys(boundaries)]
    return targets


def candidates(blocks: list[Block]) -> list[Candidate]:
    found: list[Candidate] = []
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.PARAGRAPH:
            words = word_count(b.text)
            if not words:
                continue
            if b.heading_level is not None and words <= 25:
                found.append(Candidate(i, b.text, "strong"))
            elif b.bold and words <= 15:
                found.append(Candidate(i, b.text, "medium"))
            elif words <= 10:
                found.append(Candidate(i, b.text, "weak"))
            head, sep, value = b.text.partition(":")
            if sep and value.strip() and word_count(head) <= 8:
                found.append(Candidate(i, head, "medium", inline_value=value.strip()))
        else:
            first = next((c for c in b.cells if c.text and c.merged_into is None), None)
            if first is not None and word_count(first.text) <= 45:
                found.append(Candidate(i, first.text, "medium"))
    return found


def match(kind: KindSpec, blocks: list[Block], threshold: float) -> list[Match]:
    """Assign candidates to targets: best score first, each target and block once."""
    targets = targets_for(kind)
    scored: list[tuple[float, int, Match]] = []
    for cand in candidates(blocks):
        for t in targets:
            if cand.inline_value is not None and t.kind is not TargetKind.FIELD:
                continue
            floor = WEAK_MIN if cand.strength == "weak" else threshold
            s = _score(cand.text, t.texts, floor)
            if s < floor:
                continue
            bonus = STRONG_BONUS if cand.strength == "strong" else 0.0
            number = split_number(cand.text)[0]
            if number and t.number and number == t.number:
                bonus += NUMBER_BONUS
            scored.append((s + bonus, cand.block, Match(t, cand, s)))
    scored.sort(key=lambda x: (-x[0], x[1]))
    taken_targets: set[tuple[TargetKind, str]] = set()
    taken_blocks: set[int] = set()
    result: list[Match] = []
    for _, block, m in scored:
        key = (m.target.kind, m.target.id)
        if block in taken_blocks or (key in taken_targets and m.target.kind is not TargetKind.BOUNDARY):
            continue
        taken_blocks.add(block)
        taken_targets.add(key)
        result.append(m)
    result.sort(key=lambda m: m.candidate.block)
    return result
