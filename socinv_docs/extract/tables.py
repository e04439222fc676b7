"""Table-shaped parts of a form: the criteria table, header-found tables (costs, effects),
the utvärderingsschema grid and the signatures. All are found by their header text,
never by position.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import zip_longest

from socinv_docs.extract.answers import AnswerCleaner
from socinv_docs.extract.matching import Match, TargetKind
from socinv_docs.extract.text import fold, question_similarity, similarity
from socinv_docs.extract.values import parse_cell
from socinv_docs.location import Location, column_letter
from socinv_docs.model import CriterionAnswer, GridRow, Signature, Table, TableRow, TableValue
from socinv_docs.readers.blocks import Block, BlockKind
from socinv_docs.schema import CriteriaSpec, GridSpec, SignatureSpec, TableSpec

_YES_MARKS = {"x", "☒", "☑", "✓", "✔", "✅"}


def read_yes_no(text: str) -> bool | None:
    """Ja/Nej read leniently: 'ja', 'JA', 'Ja, se ovan', 'X' → True; 'Nej', 'nej.' → False.
    Anything else ('Delvis', 'Vet ej', '?') is neither: None, and the caller keeps the words."""
    t = text.strip()
    if not t:
        return None
    if t.lower() in _YES_MARKS:
        return True
    words = fold(t).split()
    if not words:
        return None
    if words[0] in ("ja", "yes", "j"):
        return True
    if words[0] in ("nej", "no", "n"):
        return False
    return None


def _answer_text(cleaner: AnswerCleaner, text: str) -> str:
    """A Ja/Nej cell's text as written, template text and placeholders set aside. A lone '?'
    is filler in an answer to a question, but in a Ja/Nej cell it is the applicant's
    answer ('I do not know'), so it is kept to be quoted back."""
    cleaned = cleaner.clean(text).text
    if not cleaned and text.strip() and set(text.strip()) <= {"?"}:
        return text.strip()
    return cleaned


def _table_rows(blocks: list[Block], start: int) -> list[Block]:
    """The row blocks of the same table (Word) or the contiguous rows (Excel) from start."""
    first = blocks[start]
    rows = [first]
    for b in blocks[start + 1:]:
        if b.kind is not BlockKind.ROW:
            break
        if first.table is not None and b.table != first.table:
            break
        if first.sheet is not None and (b.sheet != first.sheet or b.row != rows[-1].row + 1):
            break
        rows.append(b)
    return rows


def _header_columns(block: Block, columns: dict[str, str], threshold: float,
                    aliases: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Which cell column holds which header (or one of its aliases), for a row that looks
    like a header row."""
    found: dict[str, int] = {}
    aliases = aliases or {}
    for cell in block.cells:
        if not cell.text or cell.merged_into is not None:
            continue
        floor = max(threshold, 0.85)  # lets similarity() skip hopeless pairs; same result at or above it
        best = max(((max(similarity(cell.text, text, floor) for text in (label, *aliases.get(cid, ()))), cid)
                    for cid, label in columns.items() if cid not in found), default=(0.0, None))
        if best[1] is not None and best[0] >= floor:
            found[best[1]] = cell.column
    return found


def criteria(spec: CriteriaSpec, blocks: list[Block], cleaner: AnswerCleaner,
             threshold: float) -> dict[str, CriterionAnswer]:
    answers = {c.id: CriterionAnswer(id=c.id) for c in spec.items}
    answer_col: dict[int | str | None, int] = {}
    yes_col: dict[int | str | None, int] = {}
    no_col: dict[int | str | None, int] = {}
    motivation_col: dict[int | str | None, int] = {}
    for block in blocks:
        if block.kind is not BlockKind.ROW:
            continue
        key = block.table if block.table is not None else block.sheet
        first = next((c for c in block.cells if c.text), None)
        if first is None:
            continue
        scored = max(((max(question_similarity(first.text, text, threshold) for text in (item.text, *item.aliases)),
                       item) for item in spec.items if not answers[item.id].found),
                     key=lambda x: x[0], default=(0.0, None))
        if scored[1] is None or scored[0] < threshold:
            # Not a criterion: perhaps the header row, which says where the answers go.
            for cell in block.cells:
                f = fold(cell.text)
                if f == fold(spec.answer_header) or f in ("ja nej", "svar"):
                    answer_col[key] = cell.column
                elif f == "ja":
                    yes_col[key] = cell.column
                elif f == "nej":
                    no_col[key] = cell.column
                elif f == fold(spec.motivation_header) or f in ("kommentar", "motivering kommentar"):
                    motivation_col[key] = cell.column
            continue
        item = scored[1]
        by_col = {c.column: c for c in block.cells if c.merged_into is None}
        others = [c for c in block.cells if c is not first and c.merged_into is None]
        row_at = replace(_row_place(block), label=first.text)
        answer: bool | None = None
        raw = ""
        answer_cell = None
        if key in yes_col and key in no_col:
            yes = _answer_text(cleaner, by_col[yes_col[key]].text) if yes_col[key] in by_col else ""
            no = _answer_text(cleaner, by_col[no_col[key]].text) if no_col[key] in by_col else ""
            answer_cell = by_col.get(yes_col[key])
            if yes and not no:
                answer, raw = True, yes
            elif no and not yes:
                answer, raw, answer_cell = False, no, by_col.get(no_col[key])
            elif yes and no:  # both ticked: neither Ja nor Nej, quoted as written
                raw = f"{yes} / {no}"
        else:
            answer_cell = by_col.get(answer_col.get(key, -1)) or (others[0] if others else None)
            if answer_cell is not None and not answer_cell.placeholder:
                raw = _answer_text(cleaner, answer_cell.text)
                answer = read_yes_no(raw)
        motivation_cell = by_col.get(motivation_col.get(key, -1)) or (others[1] if len(others) > 1 else None)
        motivation = cleaner.clean(motivation_cell.text).text if motivation_cell is not None else ""
        answers[item.id] = CriterionAnswer(
            id=item.id, answer=answer, raw=raw, motivation=motivation, found=True, location=row_at,
            answer_location=_cell_at(row_at, answer_cell, answer_col.get(key), 2),
            motivation_location=_cell_at(row_at, motivation_cell, motivation_col.get(key), 3))
    return answers


def _row_place(block: Block) -> Location:
    """Where a table row is: the reader's place of it, without its first cell's address (an
    Excel row's location names its first cell; a finding about the row is not about that)."""
    return replace(block.location, cell=None, column=None, sheet=block.sheet, label=None, heading=None)


def _cell_at(row_at: Location, cell, column: int | None, default_column: int) -> Location:
    """The place of one cell of a row (1-based column), also when the cell is empty and so
    missing from the reader's cells: the column its header names, else the template's."""
    if cell is not None:
        return replace(row_at, column=cell.location.column, cell=cell.location.cell,
                       column_name=cell.location.column_name)
    number = column + 1 if column is not None else default_column
    return replace(row_at, column=number,
                   cell=f"{column_letter(number)}{row_at.row}" if row_at.sheet and row_at.row else None)


def find_table(spec: TableSpec, blocks: list[Block], cleaner: AnswerCleaner, threshold: float) -> Table | None:
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.ROW:
            continue
        cols = _header_columns(block, spec.columns, threshold, spec.aliases)
        if not all(c in cols for c in spec.required_columns) or len(cols) < 2:
            continue
        table = Table(id=spec.id, location=_row_place(block), columns=dict(cols))
        for row in _table_rows(blocks, i)[1:]:
            by_col = {c.column: c for c in row.cells}
            values = {cid: cleaner.clean(by_col[col].text).text if col in by_col else ""
                      for cid, col in cols.items()}
            label = values.get(spec.row_label_column, "") if spec.row_label_column else ""
            if spec.row_label_column and spec.row_label_column in cols:
                raw_label = by_col.get(cols[spec.row_label_column])
                label = raw_label.text.strip() if raw_label is not None else ""
            if not any(v for k, v in values.items() if k != spec.row_label_column):
                if not label or cleaner.is_template(label):
                    continue
            row_at = _row_place(row)
            table.rows.append(typed_row(spec, label, values, row_at,
                                        {cid: _cell_at(row_at, by_col.get(col), col, col + 1)
                                         for cid, col in cols.items()},
                                        written={cid: by_col[col].text.strip() if col in by_col else ""
                                                 for cid, col in cols.items()}))
        return table
    return None


def typed_cell(type_: str, raw: str) -> TableValue:
    """A cell read as its column's type, the text as typed beside the value."""
    value, readable = parse_cell(type_, raw)
    return TableValue(raw=raw, value=value, invalid=not readable, type=type_)


def typed_row(spec: TableSpec, label: str, raw: dict[str, str], location: Location,
              cells: dict[str, Location] | None = None, written: dict[str, str] | None = None) -> TableRow:
    """A table row whose cells (column id -> text as typed) are read once, each by its
    column's type: what rules, economics and outputs all read. `written`: the cells as
    written, template words too (default: as typed)."""
    return TableRow(label=label, values={cid: typed_cell(spec.type_of(cid), text) for cid, text in raw.items()},
                    location=location, cells=cells or {}, written=dict(raw) if written is None else written)


def grid(spec: GridSpec, blocks: list[Block], cleaner: AnswerCleaner,
         threshold: float) -> tuple[list[GridRow], dict[str, Location]]:
    """Goals of an utvärderingsschema; a goal merged over rows (or left blank below) is one goal."""
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.ROW:
            continue
        cols = _header_columns(block, spec.columns, threshold)
        if len(cols) < 3:
            continue
        headers = {}
        for cid, col in cols.items():
            cell = next(c for c in block.cells if c.column == col)
            headers[cid] = Location(heading=cell.text, sheet=cell.location.sheet, cell=cell.location.cell,
                                    table=block.table, row=block.row, column=cell.location.column,
                                    block=block.location.block)
        goals: list[GridRow] = []
        # The current goal's texts per column, joined once it is complete: adding row after
        # row to one string (and searching it for each new row) was quadratic in the rows.
        lines: dict[str, list[str]] = {}
        seen: dict[str, set[str]] = {}
        key_origin: str | None = None
        for row in blocks[i + 1:]:
            if row.kind is not BlockKind.ROW or row.sheet != block.sheet or row.table != block.table:
                break
            by_col = {c.column: c for c in row.cells}
            values = {}
            for cid, col in cols.items():
                cell = by_col.get(col)
                values[cid] = cleaner.clean(cell.text, cell.placeholder).text if cell is not None else ""
            if not any(values.values()):
                continue
            key_cell = by_col.get(cols.get(spec.key_column, -1))
            key_text = values.get(spec.key_column, "")
            origin = None
            if key_cell is not None:
                origin = key_cell.merged_into or key_cell.location.cell or f"r{row.row}"
            continues_goal = goals and (not key_text or (key_cell is not None and key_cell.merged_into
                                                          and key_cell.merged_into == key_origin))
            if continues_goal:
                goal = goals[-1]
                for cid, v in values.items():
                    if v and cid != spec.key_column and v not in seen.setdefault(cid, set()):
                        seen[cid].add(v)  # a merged cell repeats its text on every row: once
                        lines.setdefault(cid, []).append(v)
                goal.last_row = row.row or goal.last_row
                continue
            _join_lines(goals, lines)
            lines = {cid: [v] for cid, v in values.items() if v}
            seen = {cid: {v} for cid, v in values.items() if v}
            key_origin = origin
            row_at = _row_place(row)
            goals.append(GridRow(values=values, first_row=row.row or 0, last_row=row.row or 0,
                                 location=Location(sheet=row.sheet, cell=key_cell.location.cell if key_cell else
                                                   row.location.cell, table=row.table, row=row.row,
                                                   label=key_text or None, block=row.location.block),
                                 cells={cid: _cell_at(row_at, by_col.get(col), col, col + 1)
                                        for cid, col in cols.items()}))
        _join_lines(goals, lines)
        return goals, headers
    return [], {}


def _join_lines(goals: list[GridRow], lines: dict[str, list[str]]) -> None:
    """Give the last goal its columns' texts, one line per row that added something."""
    if goals:
        for cid, texts in lines.items():
            goals[-1].values[cid] = "\n".join(texts)


def signatures(spec: SignatureSpec, blocks: list[Block], matches: list[Match],
               cleaner: AnswerCleaner) -> list[Signature] | None:
    """The rows of the signature block that someone has begun to fill in, each with the
    columns (by their headers) it still lacks: a name without a date is no signature yet."""
    heading = next((m for m in matches if m.target.kind is TargetKind.BOUNDARY
                    and fold(m.target.id) == fold(spec.heading)), None)
    if heading is None:
        return None
    found: list[Signature] = []
    by_header = {fold(c): c for c in spec.columns}
    columns = list(spec.columns)  # each column's header, in the order the table has them
    for block in blocks[heading.candidate.block + 1:]:
        if block.kind is BlockKind.PARAGRAPH and block.heading_level is not None:
            break
        if block.kind is not BlockKind.ROW:
            continue
        texts = [c.text for c in block.cells if c.merged_into is None]
        folded = [fold(t) for t in texts]
        if {f for f in folded if f} <= set(by_header):
            columns = [by_header.get(f, "") for f in folded]  # the header row: where each column is
            continue
        values = [cleaner.clean(t).text for t in texts]
        if not any(values):
            continue
        missing = [header for header, value in zip_longest(columns, values) if header and not value]
        found.append(Signature(values=values, location=block.location, missing=missing))
    return found
