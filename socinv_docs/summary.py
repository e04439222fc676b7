"""What a submission is about, read off its reports' facts (the roles of its documents,
resolved once by the pipeline): the main document, its name, who applies, the parties and
the economics. Shared by the register and the memos, so that both say the same thing about
the same submission, for any funder's templates.
"""

from __future__ import annotations

from socinv_docs.figures import Economics
from socinv_docs.report import DocumentReport, Facts, SubmissionReport

NO_FACTS = Facts()


def facts(doc: DocumentReport | None) -> Facts:
    return doc.facts if doc is not None and doc.facts is not None else NO_FACTS


def main_first(sub: SubmissionReport) -> list[DocumentReport]:
    """The submission's documents, the ones it is about first (an ansökan before its bilagor,
    a readable document before an unreadable one)."""
    return sorted(sub.documents, key=lambda d: (d.facts is None, facts(d).attachment))


def main_document(sub: SubmissionReport) -> DocumentReport | None:
    return next((d for d in main_first(sub) if d.document is not None), None)


def title(docs: list[DocumentReport]) -> str:
    return next((facts(d).title for d in docs if facts(d).title), "")


def amount(docs: list[DocumentReport]) -> int | None:
    """What is sought from the fund: the amount a document states, else its budget's."""
    for d in docs:
        if facts(d).amount is not None:
            return facts(d).amount
    return next((d.economics.requested for d in docs if d.economics and d.economics.requested), None)


def applicants(docs: list[DocumentReport]) -> list[str]:
    """Who applies (förvaltning, projektägare, huvudsökande) and the parties, without repeats."""
    names: list[str] = []
    for doc in docs:
        for text in [facts(doc).applicant, *(p.label for p in facts(doc).parties)]:
            if text and text not in names:
                names.append(text)
    return names


def parties(doc: DocumentReport | None) -> list[str]:
    """Every party the document lists (nämnder, civil-society actors, other organisations)."""
    return [p.label for p in facts(doc).parties]


def track(docs: list[DocumentReport], schemas) -> str:
    """The fund's track the submission is on, as the funder calls it ("Spår A – utveckling"):
    of the first document that names one (profile `tracks`); "" where its fund has no
    tracks, or no document names one (TRACK_UNKNOWN)."""
    for doc in docs:
        told = facts(doc).track
        profile = schemas.profiles.get(doc.profile) if schemas is not None and doc.profile else None
        if told and profile is not None and told in profile.tracks:
            return profile.tracks[told].shown(told)
    return ""


def economics_of(docs: list[DocumentReport]) -> Economics | None:
    """The economics of the first document that has them (main document first): Region
    Gävleborg's cost and shares are in its Bilaga 2–3, not in the ansökan."""
    return next((d.economics for d in docs if d.economics), None)
