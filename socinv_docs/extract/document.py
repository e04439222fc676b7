"""Build the Document model from a reader's blocks and a kind's schema."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

from socinv_docs.extract import tables
from socinv_docs.extract.answers import Answer, AnswerCleaner
from socinv_docs.extract.matching import Candidate, Match, TargetKind, candidates, match
from socinv_docs.extract.text import similarity, split_number, word_count
from socinv_docs.extract.values import (
    parse_amount,
    parse_date,
    parse_duration,
    parse_percent,
    parse_period,
    parse_report_period,
    track_named,
)
from socinv_docs.location import Location, column_letter
from socinv_docs.model import Document, FieldValue, LeftoverPlaceholder, Section, SectionState
from socinv_docs.readers.blocks import Block, BlockKind, RawDocument
from socinv_docs.schema import CommonSpec, FieldSpec, KindSpec, ProfileSpec


def extract(raw: RawDocument, kind: KindSpec, profile: ProfileSpec, common: CommonSpec,
            matches: list[Match] | None = None, prefilled: Iterable[str] = ()) -> Document:
    """The Document of `raw` by its kind. `prefilled`: texts the report was pre-filled with
    (its plan's, Plan.prefilled_texts), which answer no section: a section holding only them
    (a pre-filled table) is as unanswered as in the blank form. Tables still read them."""
    cleaner = AnswerCleaner(kind, common)
    section_cleaner = AnswerCleaner(kind, common, also=prefilled) if prefilled else cleaner
    if matches is None:
        matches = match(kind, raw.blocks, common.match_threshold)
    doc = Document(file=raw.path, kind=kind.id, profile=profile.id, format=raw.format, title=raw.title)
    unrecognised = _unrecognised_headings(kind, raw.blocks, matches, cleaner)
    # An unrecognised heading still ends the section before it: its text is not that answer.
    boundaries = sorted({m.candidate.block for m in matches if m.candidate.inline_value is None}
                        | {c.block for c in unrecognised.values()})

    for spec in kind.sections:
        m = next((m for m in matches if m.target.kind is TargetKind.SECTION and m.target.id == spec.id), None)
        if m is None:
            found = unrecognised.get(spec.id)
            doc.sections[spec.id] = Section(
                id=spec.id, state=SectionState.MISSING, unrecognised=found.text if found else "",
                unrecognised_location=_heading_location(raw.blocks[found.block], found.text) if found else None)
            continue
        answer, answer_at, leftover = _section_answer(raw.blocks, m, boundaries, section_cleaner)
        words = word_count(answer.text)
        if answer.text:
            minimum = getattr(profile.options("sections"), "min_words", {}).get(f"{kind.id}.{spec.id}", 0)
            state = SectionState.TOO_SHORT if words < minimum else SectionState.OK
        else:
            state = SectionState.PLACEHOLDER if answer.placeholder else SectionState.EMPTY
        block = raw.blocks[m.candidate.block]
        doc.sections[spec.id] = Section(
            id=spec.id, state=state, heading=m.candidate.text, text=answer.text, words=words,
            location=_heading_location(block, m.candidate.text),
            answer_location=answer_at if raw.format == "xlsx" else None,
            placeholder=answer.placeholder_text if state is SectionState.PLACEHOLDER else "",
            leftover=leftover if answer.text else None,
        )
    _anchor_missing(doc, kind, raw.blocks, boundaries)

    for spec in kind.fields:
        doc.fields[spec.id] = _field(spec, raw.blocks, matches, cleaner, doc)
    if profile.tracks and kind.roles.track in doc.fields:
        told = doc.fields[kind.roles.track]
        doc.track = track_named(str(told.value or ""), profile.tracks) if not told.invalid else None

    if kind.criteria:
        doc.criteria = tables.criteria(kind.criteria, raw.blocks, cleaner, common.match_threshold)
    for table_spec in kind.tables:
        found = tables.find_table(table_spec, raw.blocks, cleaner, common.match_threshold)
        if found is not None:
            doc.tables[table_spec.id] = found
    if kind.grid:
        doc.grid, headers = tables.grid(kind.grid, raw.blocks, cleaner, common.match_threshold)
        _grid_sections(doc, kind, headers)
    if kind.signatures:
        doc.signatures = tables.signatures(kind.signatures, raw.blocks, matches, cleaner)
        _anchor_signatures(doc, kind, raw.blocks, matches)
    return doc


def _heading_location(block: Block, heading: str) -> Location:
    return replace(block.location, heading=heading)


# Lines of dots, dashes or underscores set aside as filler are layout people leave in answers,
# not a placeholder left behind.
_PUNCTUATION_FILLER = re.compile(r"^[\s.…_\-–—?]+$")


def _section_answer(blocks: list[Block], m: Match, boundaries: list[int],
                    cleaner: AnswerCleaner) -> tuple[Answer, Location | None, LeftoverPlaceholder | None]:
    """The section's answer, where it is (or, in Excel, where it belongs): the first cell or
    paragraph that holds answer or placeholder text; and the first cell or paragraph that
    holds nothing but a placeholder ("Skriv här:" left in B16 while the answer is typed in
    C16, SPEC §2.4), with the first place the answer is."""
    start = m.candidate.block
    end = next((b for b in boundaries if b > start), len(blocks))
    answer = Answer()
    where: Location | None = None
    left: tuple[str, Location] | None = None
    answered_at: Location | None = None

    def take(text: str, placeholder: bool, location: Location) -> None:
        nonlocal where, left, answered_at
        part = cleaner.clean(text, placeholder)
        if where is None and (part.text or part.placeholder):
            where = location
        if part.text and answered_at is None:
            answered_at = location
        elif part.placeholder and not part.text and left is None and not _PUNCTUATION_FILLER.match(text):
            left = (part.placeholder_text, location)
        answer.add(part)

    head = blocks[start]
    if head.kind is BlockKind.ROW:
        # The heading is the row's first cell: the rest of the row is answer.
        cells = [c for c in head.cells if c.merged_into is None]
        first = next((c for c in cells if c.text), None)
        for cell in cells:
            if cell is not first:
                take(cell.text, cell.placeholder, _in_block(cell.location, head))
    for block in blocks[start + 1:end]:
        if block.kind is BlockKind.PARAGRAPH:
            take(block.text, block.placeholder, block.location)
        else:
            for cell in block.cells:
                if cell.merged_into is None:
                    take(cell.text, cell.placeholder, _in_block(cell.location, block))
    if where is None and head.sheet and head.cells:
        where = _excel_answer_cell(blocks, start, end, cleaner)
    leftover = LeftoverPlaceholder(text=left[0], location=left[1], answer=answered_at) \
        if left is not None and answered_at is not None else None
    return answer, where, leftover


def _in_block(location: Location, block: Block) -> Location:
    """A cell's location with its row's block index (readers give cells none), so findings
    there sort and annotate like any other."""
    return replace(location, block=block.location.block)


def _excel_answer_cell(blocks: list[Block], start: int, end: int, cleaner: AnswerCleaner) -> Location:
    """Excel, nothing typed (even "Skriv här:" deleted): the cell where the answer belongs.
    The template puts it right of the section's guidance line when it has one (Mölndal:
    heading in A9, "Beskriv behovet …" in A10, the answer in B10), else right of the prompt."""
    head = blocks[start]
    prompt, at = head.cells[0], head
    for block in blocks[start + 1:end]:
        first = block.cells[0] if block.cells else None
        if block.sheet != head.sheet or first is None or first.column != prompt.column:
            break
        if cleaner.is_template(first.text):
            prompt, at = first, block
            break
    row, column = prompt.location.row, (prompt.location.column or 1) + 1
    return Location(sheet=prompt.location.sheet, cell=f"{column_letter(column)}{row}", row=row, column=column,
                    block=at.location.block)


def _heading_like(block: Block, candidate: Candidate) -> bool:
    """A block a person would call a heading: a heading style or a short bold paragraph
    (Word), a bold prompt in the first column (Excel); or any short line numbered like the
    template's sections ("1 Problem och nuläge")."""
    if candidate.inline_value is not None:
        return False
    numbered = split_number(candidate.text)[0] is not None
    if block.kind is BlockKind.PARAGRAPH:
        return candidate.strength in ("strong", "medium") or numbered
    if block.sheet is None or not block.cells:
        return False  # a Word table row: labels and amounts, not headings
    first = block.cells[0]
    return first.column == 0 and (first.bold or numbered)


UNRECOGNISED_MIN_SIMILARITY = 0.5  # a heading this close to a missing one is offered as it, wherever it is
# A filled-in template has a few headings that match nothing; a file with hundreds is no draft
# of it, and comparing each with every missing section would only cost time.
MAX_UNRECOGNISED = 100


def _unrecognised_headings(kind: KindSpec, blocks: list[Block], matches: list[Match],
                           cleaner: AnswerCleaner) -> dict[str, Candidate]:
    """Section id -> the heading the applicant wrote that matched no section but is the
    likeliest to be that (missing) section, so the report can say what was found.

    A heading-like block that matched nothing is offered to a missing section when it has
    the section's number, resembles it (similarity ≥ 0.5, below the matching threshold), or
    is a heading-styled paragraph between the found sections around it. Each is used once:
    between the neighbours first, then the same number, then the closest."""
    found = {m.target.id: m.candidate.block for m in matches if m.target.kind is TargetKind.SECTION}
    missing = [s for s in kind.sections if s.id not in found]
    if not missing:
        return {}
    taken = {m.candidate.block for m in matches}
    heads = list(islice((c for c in candidates(blocks) if c.block not in taken and _heading_like(blocks[c.block], c)
                         and not cleaner.is_template(c.text) and cleaner.clean(c.text).text), MAX_UNRECOGNISED))
    order = [s.id for s in kind.sections]
    ranked = []
    for spec in missing:
        i = order.index(spec.id)
        low = max((found[n] for n in order[:i] if n in found), default=-1)
        high = min((found[n] for n in order[i + 1:] if n in found), default=len(blocks))
        number = split_number(spec.heading)[0]
        for c in heads:
            between = low < c.block < high
            same_number = number is not None and split_number(c.text)[0] == number
            # Below the floor similarity() may skip the character ratio: such a heading only counts by
            # its number or its place, so an approximate low score is enough.
            score = max(similarity(c.text, t, UNRECOGNISED_MIN_SIMILARITY) for t in (spec.heading, *spec.aliases))
            weak = blocks[c.block].kind is BlockKind.PARAGRAPH and c.strength == "weak"
            if weak and not (between and same_number):
                continue  # a plain numbered line: only where the section belongs
            if same_number or score >= UNRECOGNISED_MIN_SIMILARITY or (between and c.strength == "strong"):
                ranked.append(((between, same_number, score), spec.id, c))
    ranked.sort(key=lambda r: r[0], reverse=True)
    chosen: dict[str, Candidate] = {}
    used: set[int] = set()
    for _, section_id, c in ranked:
        if section_id not in chosen and c.block not in used:
            chosen[section_id] = c
            used.add(c.block)
    return chosen


def _anchor_missing(doc: Document, kind: KindSpec, blocks: list[Block], boundaries: list[int]) -> None:
    """Where a missing section belongs: before the next section of the template that was
    found, else after the answer of the previous one (for annotated copies and reports)."""
    order = [s.id for s in kind.sections]
    for i, sid in enumerate(order):
        if doc.sections[sid].state is not SectionState.MISSING:
            continue
        following = next((doc.sections[n] for n in order[i + 1:]
                          if doc.sections[n].state is not SectionState.MISSING), None)
        if following is not None:
            doc.anchors[sid] = replace(following.location, position="before")
            continue
        previous = next((doc.sections[n] for n in reversed(order[:i])
                         if doc.sections[n].state is not SectionState.MISSING), None)
        if previous is not None and previous.location.block is not None:
            start = previous.location.block
            last = next((b for b in boundaries if b > start), len(blocks)) - 1
            doc.anchors[sid] = Location(heading=previous.heading, block=last, position="after",
                                        paragraph=blocks[last].location.paragraph,
                                        table=blocks[last].location.table, row=blocks[last].location.row)
        elif blocks:
            doc.anchors[sid] = replace(blocks[0].location, position="before")


def _anchor_signatures(doc: Document, kind: KindSpec, blocks: list[Block], matches: list[Match]) -> None:
    """SIGNATURE_MISSING points at the Underskrifter heading, or the end of the document."""
    heading = next((m for m in matches if m.target.kind is TargetKind.BOUNDARY
                    and m.target.id == kind.signatures.heading), None)
    if heading is not None:
        doc.anchors[kind.signatures.id] = _heading_location(blocks[heading.candidate.block], heading.candidate.text)
    elif blocks:
        doc.anchors[kind.signatures.id] = replace(blocks[-1].location, position="after")


def _field(spec: FieldSpec, blocks: list[Block], matches: list[Match], cleaner: AnswerCleaner,
           doc: Document) -> FieldValue:
    if spec.source == "section":
        section = doc.sections.get(spec.id)
        raw = section.text if section else ""
        return typed_field(spec, raw, (section.answer_location or section.location) if section else Location())
    m = next((m for m in matches if m.target.kind is TargetKind.FIELD and m.target.id == spec.id), None)
    if m is None:
        return FieldValue(id=spec.id, type=spec.type)
    block = blocks[m.candidate.block]
    location = Location(label=m.candidate.text, paragraph=block.location.paragraph, table=block.location.table,
                        row=block.location.row, sheet=block.location.sheet, block=block.location.block)
    if m.candidate.inline_value is not None:
        return typed_field(spec, cleaner.clean(m.candidate.inline_value).text, location)
    answer = Answer()
    label_cell = None
    for cell in block.cells:
        if cell.merged_into is not None:
            continue
        if label_cell is None and cell.text:
            label_cell = cell
            continue
        part = cleaner.clean(cell.text, cell.placeholder)
        if part.text and location.cell is None and block.sheet:
            location = Location(label=m.candidate.text, sheet=block.sheet, cell=cell.location.cell,
                                row=block.row, block=block.location.block)
        answer.add(part)
    if not answer.text and block.sheet and label_cell is not None:
        answer = _answer_below(blocks, m.candidate.block, label_cell.column, matches, cleaner)
    if block.sheet and location.cell is None and label_cell is not None:
        # Point at the cell to the right of the label: where the answer belongs.
        location = Location(label=m.candidate.text, sheet=block.sheet,
                            cell=f"{column_letter(label_cell.column + 2)}{block.row}", row=block.row,
                            block=block.location.block)
    return typed_field(spec, answer.text, location)


def _answer_below(blocks: list[Block], index: int, column: int, matches: list[Match],
                  cleaner: AnswerCleaner) -> Answer:
    """Excel: an answer typed in the row beneath its label (when that row is no label itself)."""
    if index + 1 >= len(blocks):
        return Answer()
    below = blocks[index + 1]
    if below.sheet != blocks[index].sheet or below.row != (blocks[index].row or 0) + 1:
        return Answer()
    if any(m.candidate.block == index + 1 for m in matches):
        return Answer()
    answer = Answer()
    for cell in below.cells:
        if cell.column >= column and cell.merged_into is None:
            answer.add(cleaner.clean(cell.text, cell.placeholder))
    return answer


def typed_field(spec: FieldSpec, raw: str, location: Location) -> FieldValue:
    raw = raw.strip()
    if not raw:
        return FieldValue(id=spec.id, location=location, type=spec.type)
    value = parse_value(spec.type, raw)
    return FieldValue(id=spec.id, raw=raw, value=value, invalid=value is None, location=location, type=spec.type)


def parse_value(type_: str, raw: str):
    if type_ == "text":
        return " ".join(raw.split())
    if type_ == "lines":
        return [line.strip(" -•*\t") for line in raw.replace(";", "\n").splitlines() if line.strip(" -•*\t")]
    if type_ == "parties":
        return [_party(line) for line in _namnd_lines(raw)]
    if type_ == "period":
        return parse_period(raw)
    if type_ == "percent":
        return parse_percent(raw)
    if type_ == "amount":
        return parse_amount(raw)
    if type_ == "duration":
        return parse_duration(raw)
    if type_ == "report_period":
        return parse_report_period(raw)
    if type_ == "date":
        return parse_date(raw)
    raise ValueError(f"unknown field type {type_}")


# A word that names a political body: "Socialnämnden", "Kommunstyrelsen", "Vård- och omsorgsnämnd".
_BODY = re.compile(r"(nämnd|nämnden|styrelse|styrelsen|fullmäktige)\b", re.IGNORECASE)


def _namnd_lines(raw: str) -> list[str]:
    """One entry per nämnd, however they were typed: one per line, or on one line separated
    by ',', ';' or ' och ' ("Socialnämnden, Grundskolenämnden och Kultur- och
    fritidsnämnden"). A piece naming no body belongs to the one before it: the comma in
    "Socialnämnden – barn, unga och familj" is part of a verksamhetsområde."""
    entries: list[str] = []
    for line in raw.replace(";", "\n").splitlines():
        line = line.strip(" -•*\t")
        if not line:
            continue
        # " och " splits only before a capital: "Vård- och omsorgsnämnden" stays whole.
        pieces = re.split(r"(,\s*|\s+och\s+(?=[A-ZÅÄÖ]))", line)
        current = pieces[0]
        for sep, piece in zip(pieces[1::2], pieces[2::2]):
            if _BODY.search(piece) and _BODY.search(current):
                entries.append(current.strip())
                current = piece
            else:
                current += sep + piece
        entries.append(current.strip())
    return [e for e in entries if e]


def _party(line: str) -> dict:
    """'Socialnämnden – Social välfärd' → {'namnd': 'Socialnämnden', 'verksamhetsomrade': 'Social välfärd'}."""
    m = re.match(r"^(.*?)\s*(?:\s[–—-]\s|:|\()\s*(.+?)\)?$", line)
    if m and m.group(1).strip() and m.group(2).strip():
        return {"namnd": m.group(1).strip(), "verksamhetsomrade": m.group(2).strip()}
    return {"namnd": line, "verksamhetsomrade": None}


def _grid_sections(doc: Document, kind: KindSpec, headers: dict[str, Location]) -> None:
    """In a grid kind each column is a section: ok when some goal row fills it."""
    for spec in kind.sections:
        filled = [r.values[spec.id] for r in doc.grid if r.values.get(spec.id)]
        header = headers.get(spec.id)
        if header is None:
            state = SectionState.MISSING
        else:
            state = SectionState.OK if filled else SectionState.EMPTY
        text = "\n".join(filled)
        below = None
        if header is not None and header.cell and header.row:
            letters = header.cell.rstrip("0123456789")
            below = Location(sheet=header.sheet, cell=f"{letters}{header.row + 1}", row=header.row + 1,
                             column=header.column, block=header.block)
        doc.sections[spec.id] = Section(id=spec.id, state=state, heading=header.heading if header else None,
                                        text=text, words=word_count(text), location=header or Location(),
                                        answer_location=below)
