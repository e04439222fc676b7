"""What a submission is about, read off its reports: the main document, its name, who
applies, the parties and the economics. Shared by the register and the memos, so that both
say the same thing about the same submission.
"""

from __future__ import annotations

from typing import Any

from socinv_docs.report import DocumentReport, SubmissionReport

MAIN_KINDS = ("ansokan", "ideprovning", "forslag")  # the document a submission is about


def field_value(doc: DocumentReport | None, name: str) -> Any:
    """A field's parsed value, or None when missing or unreadable."""
    if doc is None or doc.document is None:
        return None
    f = doc.document.fields.get(name)
    if f is None or f.invalid:
        return None
    return f.value


def main_first(sub: SubmissionReport) -> list[DocumentReport]:
    """The submission's documents, the one it is about first (ansökan before its bilaga)."""
    return sorted(sub.documents, key=lambda d: MAIN_KINDS.index(d.kind) if d.kind in MAIN_KINDS else len(MAIN_KINDS))


def main_document(sub: SubmissionReport) -> DocumentReport | None:
    return next((d for d in main_first(sub) if d.document is not None), None)


def namnd_label(item: dict | str) -> str:
    """'Socialnämnden (Social välfärd)' from a parsed nämnd line."""
    if not isinstance(item, dict):
        return str(item).strip()
    name = str(item.get("namnd") or "").strip()
    area = str(item.get("verksamhetsomrade") or "").strip()
    return f"{name} ({area})" if name and area else name or area


def applicants(docs: list[DocumentReport]) -> list[str]:
    """Förvaltning (Mölndal) and the nämnder taking part (Örebro), without repeats."""
    names: list[str] = []
    for doc in docs:
        forvaltning = field_value(doc, "forvaltning")
        namnder = field_value(doc, "namnder") or []
        for text in ([str(forvaltning)] if forvaltning else []) + [namnd_label(n) for n in namnder]:
            if text and text not in names:
                names.append(text)
    return names


def parties(doc: DocumentReport | None) -> list[str]:
    """Every partner: nämnder, civil-society actors and other public actors."""
    out = [namnd_label(n) for n in field_value(doc, "namnder") or []]
    out += [str(x) for x in field_value(doc, "civila_aktorer") or []]
    out += [str(x) for x in field_value(doc, "offentlig_aktor") or []]
    return out


def economics(docs: list[DocumentReport]) -> dict:
    return next((d.economics for d in docs if d.economics), {})
