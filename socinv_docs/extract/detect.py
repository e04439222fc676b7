"""Which template a file is, from its content: title, characteristic phrases, sheet names
and how many of the kind's headings it has. The file name is never trusted.
"""

from __future__ import annotations

from socinv_docs.extract.matching import TargetKind, match
from socinv_docs.extract.text import fold
from socinv_docs.readers.blocks import RawDocument
from socinv_docs.schema import SchemaSet

PHRASE_POINTS = 3
SHEET_POINTS = 3
LOOK_AT_BLOCKS = 40  # phrases are looked for near the top


def detect_kind(raw: RawDocument, schemas: SchemaSet, among: list[str] | None = None,
                matched: dict[str, list] | None = None) -> str | None:
    """The kind the file is, among all kinds or only `among` (a profile's kinds): the highest
    score at or above the kind's minimum, the first kind in name order on a tie.

    `matched`, when given, receives the heading matches of each kind that was matched (the
    detected kind always is), so that extraction does not match its headings a second time."""
    head_text, sheets = _head(raw)
    # Phrases and sheet names are cheap; matching the headings compares every block with
    # every heading, which is what detection costs on a long file. So each kind's cheap score
    # plus all of its headings is an upper bound, and a kind whose bound cannot reach its
    # minimum or beat the best kind so far is never matched. The most likely kinds come first,
    # so one funder's kinds do not slow down the detection of another funder's files.
    candidates = []
    for index, kind in enumerate(schemas.kinds.values()):
        if kind.format != raw.format or (among is not None and kind.id not in among):
            continue
        cheap = sum(PHRASE_POINTS for p in kind.detect.phrases if fold(p) and fold(p) in head_text)
        cheap += sum(SHEET_POINTS for s in kind.detect.sheet_names if fold(s) in sheets)
        candidates.append((cheap + len(kind.sections), index, cheap, kind))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    best: tuple[int, int, str] | None = None  # (score, name-order index, kind id)
    for bound, index, cheap, kind in candidates:
        if bound < kind.detect.min_score or (best is not None and (bound, -index) <= (best[0], -best[1])):
            continue
        matches = match(kind, raw.blocks, schemas.common.match_threshold)
        if matched is not None:
            matched[kind.id] = matches
        score = cheap + sum(1 for m in matches if m.target.kind is TargetKind.SECTION)
        if score >= kind.detect.min_score and (best is None or (score, -index) > (best[0], -best[1])):
            best = (score, index, kind.id)
    return best[2] if best else None


def any_trace(raw: RawDocument, schemas: SchemaSet, among: list[str] | None = None) -> bool:
    """Whether the file shows anything of a template of its format: a phrase near the top, a
    sheet name, a section heading. Without any, no kind scores at all (the pipeline then
    reads no further than the start of a file it was given)."""
    head_text, sheets = _head(raw)
    kinds = [k for k in schemas.kinds.values()
             if k.format == raw.format and (among is None or k.id in among)]
    if any(fold(p) and fold(p) in head_text for k in kinds for p in k.detect.phrases):
        return True
    if any(fold(s) in sheets for k in kinds for s in k.detect.sheet_names):
        return True
    return any(m.target.kind is TargetKind.SECTION for k in kinds
               for m in match(k, raw.blocks, schemas.common.match_threshold))


def _head(raw: RawDocument) -> tuple[str, set[str]]:
    """The folded title and first blocks (where phrases are looked for), the folded sheet names."""
    head_text = " \n ".join(fold(b.text) for b in raw.blocks[:LOOK_AT_BLOCKS])
    return f"{fold(raw.title)} \n {head_text}", {fold(s) for s in raw.sheet_names}


def detect_profile(raw: RawDocument, schemas: SchemaSet, kind_id: str):
    """The funder whose copy of the template this is, among those using the kind: the one
    whose detection phrases the file holds most of (the first by name on a tie, and when
    only one funder uses the kind)."""
    candidates = schemas.profiles_for(kind_id)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    text = " \n ".join(fold(b.text) for b in raw.blocks[:LOOK_AT_BLOCKS * 5])
    text = f"{fold(raw.title)} \n {text}"

    def score(profile) -> int:
        return sum(1 for p in profile.detect.phrases if fold(p) and fold(p) in text)

    return max(candidates, key=score)  # max keeps the first of equals: name order
