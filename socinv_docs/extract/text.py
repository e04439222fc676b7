"""Text normalisation and fuzzy matching of headings, labels and template text.

Real drafts renumber, re-case, re-punctuate and slightly reword headings. Matching works
on a folded form (case, diacritics, punctuation, "&" → "och", numbering removed) and
scores a candidate against a target by the better of:
- character similarity (rapidfuzz's ratio: 2 × longest common subsequence / total length,
  difflib's measure computed exactly and in C), for rewording and typos;
- key-word containment, so "BEHOV" matches "1. Behov som utgör utgångspunkt för idén" and
  "2 Evidens/forskning" matches "2. Evidens och forskning".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.fuzz import ratio as _ratio

_NUMBERING = re.compile(
    r"^\s*(?:(?:avsnitt|punkt|del|fråga|section)\s+)?(\d+(?:[.,]\d+)*)[.):]?(?=\s|$|[A-Za-zÅÄÖåäö])\s*"
    r"|^\s*[a-zA-Z][.)]\s+|^\s*[-–•*]\s+",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")

STOPWORDS = frozenset(
    "och i for av som att det en ett pa med till den de om ska eller har var vid fran under "
    "the and of for to in on with a an".split()
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, '&' → 'och', collapse spaces."""
    text = text.replace("&", " och ").replace("/", " ").casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


def split_number(text: str) -> tuple[str | None, str]:
    """('6.1', 'Jämförelsealternativ …') from '6.1 Jämförelsealternativ …'."""
    m = _NUMBERING.match(text)
    if not m:
        return None, text
    number = m.group(1)
    return (number.replace(",", ".") if number else None), text[m.end():]


@lru_cache(maxsize=65536)
def heading_key(text: str) -> str:
    """The folded heading without its numbering."""
    return fold(split_number(text.strip())[1])


@lru_cache(maxsize=65536)
def keywords(text: str) -> tuple[str, ...]:
    return tuple(w for w in heading_key(text).split() if w not in STOPWORDS and not w.isdigit())


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    # "satsningens" ~ "satsningen", "basmätningar" ~ "basmätning": inflections share a stem.
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 4


@lru_cache(maxsize=65536)
def _word_index(by: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(words of `by`, those words and every prefix of them that _same_word would accept as
    a shorter inflection). Built once per key-word tuple."""
    prefixes = set(by)
    for b in by:
        prefixes.update(b[:n] for n in range(max(4, len(b) - 4), len(b)))
    return frozenset(by), frozenset(prefixes)


@lru_cache(maxsize=262144)
def _covered(words: tuple[str, ...], by: tuple[str, ...]) -> int:
    """How many of `words` have a _same_word in `by`.

    Set look-ups instead of comparing every pair: this ran for every candidate × every
    target and was the matcher's hottest loop. `w` matches when it is a word of `by` or a
    prefix of one (the prefix set), or when one of its own prefixes is a word of `by`.
    Cached: key words repeat across the lines of a document far more than whole lines do.
    """
    exact, prefixes = _word_index(by)
    return sum(1 for w in words
               if w in prefixes or any(w[:n] in exact for n in range(max(4, len(w) - 4), len(w))))


def similarity(candidate: str, target: str, floor: float = 0.0) -> float:
    """How well a heading found in a draft matches a template heading, 0–1.

    `floor`: the caller ignores any score below it. The (slow) character comparison is
    then skipped when its cheap upper bounds show it cannot reach the floor. A score at
    or above the floor is exactly the same as without one; below it, it may be lower.
    """
    c, t = heading_key(candidate), heading_key(target)
    if not c or not t:
        return 0.0
    if c == t:
        return 1.0
    score = 0.0
    ck, tk = keywords(candidate), keywords(target)
    if ck and tk:
        if _covered(ck, tk) == len(ck):
            # Every word of the candidate is in the target: a shortened heading.
            score = 0.8 + 0.2 * (_covered(tk, ck) / len(tk))
        elif _covered(tk, ck) == len(tk) and len(ck) <= 2 * len(tk) + 1:
            # Every word of the target is in a slightly longer candidate.
            score = 0.8 + 0.2 * (len(tk) / len(ck))
    return _with_ratio(score, c, t, floor)


def _with_ratio(score: float, c: str, t: str, floor: float) -> float:
    """max(score, the character ratio of c and t), the ratio computed only when it could both
    raise the score and reach the caller's floor: it is at most 2·min(len)/(sum of lens),
    and rapidfuzz stops as soon as it cannot reach the cut-off."""
    bar = max(score, floor)
    if 2 * min(len(c), len(t)) / (len(c) + len(t)) < bar:
        return score
    return max(score, _ratio(c, t, score_cutoff=bar * 100) / 100)


@lru_cache(maxsize=65536)
def question_similarity(candidate: str, question: str, floor: float = 0.0) -> float:
    """For long questions (criteria): character similarity, or how many of the question's
    key words the candidate has. Unlike `similarity`, a short label that happens to share
    a few words with a question scores low. `floor` as in `similarity`.

    Cached: every row of every criteria table is compared with every criterion, and the
    rows are the template's own text in most files of a run."""
    q = keywords(question)
    coverage = _covered(q, keywords(candidate)) / len(q) if q else 0.0
    c, t = heading_key(candidate), heading_key(question)
    return _with_ratio(coverage, c, t, floor) if c and t else coverage


def word_count(text: str) -> int:
    return len(fold(text).split())
