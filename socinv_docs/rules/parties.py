"""PARTIES_INSUFFICIENT, PARTY_FOR_PROFIT.

What: at least two nämnder from different verksamhetsområden take part, or at least one
civil-society actor together with at least one nämnd; no partner is a for-profit company
(AB, HB, KB, aktiebolag), except municipal companies the profile lists as majority-owned.
Why: seed 000, "Vem kan ansöka?".
Example: nämnder "Socialnämnden – Social välfärd" only, no civil actor →
PARTIES_INSUFFICIENT; civil actor "Läxhjälpen Sverige AB" → PARTY_FOR_PROFIT.
"""

import re

from socinv_docs.codes import Code
from socinv_docs.extract.text import fold
from socinv_docs.rules.base import rule


def is_for_profit(name: str, markers: list[str], allowed: list[str]) -> bool:
    folded = fold(name)
    if any(fold(a) and re.search(rf"\b{re.escape(fold(a))}\b", folded) for a in allowed):
        return False
    for marker in markers:
        if marker.isupper():  # "AB", "HB", "KB": case matters, "ab" is not a company form
            if re.search(rf"(?<![\wÅÄÖåäö]){re.escape(marker)}(?![\wÅÄÖåäö])", name):
                return True
        elif re.search(rf"\b{re.escape(fold(marker))}\b", folded):
            return True
    return False


def _lines(doc, field_id: str) -> list:
    field = doc.fields.get(field_id)
    return list(field.value) if field is not None and isinstance(field.value, list) else []


@rule(Code.PARTIES_INSUFFICIENT, Code.PARTY_FOR_PROFIT)
def check(doc, ctx):
    spec = ctx.profile.parties
    if spec is None or doc.kind not in spec.kinds:
        return
    namnder = _lines(doc, "namnder")
    civil = _lines(doc, "civila_aktorer")
    public = _lines(doc, "offentlig_aktor")
    partners = [("civila_aktorer", c) for c in civil] + [("offentlig_aktor", p) for p in public]
    partners += [("namnder", n["namnd"]) for n in namnder]
    for_profit = set()
    for field_id, name in partners:
        if is_for_profit(name, spec.for_profit_markers, spec.allowed_companies):
            for_profit.add(name)
            yield ctx.finding(Code.PARTY_FOR_PROFIT, field=field_id, where=doc.fields[field_id].location, party=name)
    valid_civil = [c for c in civil if c not in for_profit]
    if not namnder and not civil:
        return  # nothing filled in: FIELD_MISSING says so
    public_namnder = [n for n in namnder if n["namnd"] not in for_profit]
    # Two nämnder *and* two verksamhetsområden: one nämnd listed with two of its areas is
    # still one nämnd. Without a stated area, a nämnd counts as its own area.
    names = {fold(n["namnd"]) for n in public_namnder}
    areas = {fold(n["verksamhetsomrade"] or n["namnd"]) for n in public_namnder}
    needed = spec.min_namnder_different_areas
    enough = (len(names) >= needed and len(areas) >= needed) or (
        len(valid_civil) >= spec.min_civil_with_namnd and len(names) >= 1)
    if not enough:
        yield ctx.finding(Code.PARTIES_INSUFFICIENT, field="namnder", where=doc.fields["namnder"].location,
                          namnder=len(names), areas=len(areas), civil=len(valid_civil))
