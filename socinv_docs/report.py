"""Reports: findings per document, per submission and per run; status and exit codes;
the JSON contract (SPEC §5). Every output (text, JSON, register, memo, annotated copy) is
a rendering of these objects, never of re-parsed text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as data_field  # 'field' is also an attribute name here
from enum import StrEnum
from typing import Any

from socinv_docs import messages
from socinv_docs.codes import UNREADABLE_CODES, Code, Severity
from socinv_docs.figures import Economics
from socinv_docs.location import Location
from socinv_docs.model import Document, SectionState
from socinv_docs.plan import Plan


class Status(StrEnum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    UNREADABLE = "unreadable"

    @property
    def exit_code(self) -> int:
        return {Status.COMPLETE: 0, Status.INCOMPLETE: 1, Status.UNREADABLE: 2}[self]

    @property
    def rank(self) -> int:
        return self.exit_code


def worst(statuses) -> Status:
    return max(statuses, key=lambda s: s.rank, default=Status.COMPLETE)


@dataclass
class Finding:
    """One problem, as data: what (code, severity), about what (section, field, criterion),
    where (a structured Location) and the values its message is made from (params: numbers,
    ids, the applicant's own words, nested messages). Words are made only when an output asks,
    in its reader's language: message_in, hint_in, location_in."""

    code: Code
    severity: Severity
    section: str | None = None
    field: str | None = None
    criterion: str | None = None
    where: Location = data_field(default_factory=Location)
    params: dict[str, Any] = data_field(default_factory=dict)
    # The words of the rule that owns the code (rules/<rule>.py WORDS; None: the pipeline's
    # own codes, in the catalogue). Carried as the funder's `source` is: this module is below
    # the rules and never imports them, so a finding is worded from what it holds. Not data
    # about the document: no part of its identity, comparison or JSON.
    wording: Mapping[str, Mapping[str, Any]] | None = data_field(default=None, compare=False, repr=False)

    def _keys(self) -> list[str]:
        """Catalogue keys, most specific first. A finding whose case needs other words (an
        Excel answer is typed in a cell, a heading was found but not recognised) names its
        `variant`; the catalogue's "CODE.variant" entry words it, and where that entry has
        no message or hint the code's own is used."""
        variant = self.params.get("variant")
        return [f"{self.code.value}.{variant}", self.code.value] if variant else [self.code.value]

    def message_in(self, lang: str = "sv") -> str:
        words = messages.catalogue(self.wording)
        key = next((k for k in self._keys() if words.has(k, "message")), self.code.value)
        return words.text(key, lang, **self.params)

    def hint_in(self, lang: str = "sv") -> str:
        words = messages.catalogue(self.wording)
        # A reason (why a file is unreadable) may carry its own fix: remove the password,
        # save as .docx, ... Otherwise the code's hint.
        reason = self.params.get("reason_key")
        if reason and words.hint(reason, lang, **self.params):
            return words.hint(reason, lang, **self.params)
        key = next((k for k in self._keys() if words.has(k, "hint")), self.code.value)
        hint = words.hint(key, lang, **self.params)
        if self.params.get("source"):  # the funder's own words the rule rests on
            hint = f"{hint} {words.text('ui.source', lang, **self.params)}".strip()
        return hint

    def location_in(self, lang: str = "sv") -> str:
        return self.where.describe(lang)

    @property
    def key(self) -> str:
        """This finding's identity across runs and languages, made of data only: the code,
        what it is about (section, field, criterion) and, where one subject can have several
        findings of one code (a party, a cost row, a goal), a stable place. Never the
        message, the hint or the rendered location, which change with the language; never a
        paragraph number, which changes when the applicant adds a line above. The register
        matches the group's notes to findings by this key."""
        w = self.where
        if w.position != "at":
            place = ""  # where a missing part belongs follows its neighbours: not an identity
        elif w.sheet and w.cell:
            place = f"{w.sheet}!{w.cell}"
        elif w.label or w.heading:
            place = w.label or w.heading or ""
        elif w.table is not None and w.row is not None:
            place = f"table {w.table} row {w.row}"
        else:
            place = ""
        return "|".join([self.code.value, self.section or "", self.field or "", self.criterion or "", place])

    def where_json(self, file: str | None = None) -> dict:
        """The structured location of SPEC §5: file, sheet/cell or paragraph/table/row/cell,
        section/field/criterion."""
        data: dict[str, Any] = {"file": file} if file else {}
        data.update(self.where.to_json())
        for name in ("section", "field", "criterion"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        return data

    def to_json(self, lang: str = "sv", file: str | None = None) -> dict:
        data = {"code": self.code.value, "severity": self.severity.value, "section": self.section,
                "location": self.location_in(lang), "message": self.message_in(lang), "hint": self.hint_in(lang)}
        if self.field:
            data["field"] = self.field
        if self.criterion:
            data["criterion"] = self.criterion
        if self.params.get("reason_key"):  # FILE_UNREADABLE: why, as a stable key
            data["reason"] = self.params["reason_key"]
        data["params"] = self.params
        data["where"] = self.where_json(file)
        return data


_POSITION_ORDER = {"before": -1, "at": 0, "after": 1}


def _document_place(f: Finding) -> tuple:
    """Where a finding is read in its file: its block (the reader's index, in reading order:
    paragraphs and table rows in Word, sheets then rows in Excel), a missing part just
    before or after its anchor, then the column. Findings about the whole file or
    submission (no block) come first."""
    w = f.where
    if w.block is None:
        return (0, 0, 0, 0)
    return (1, w.block, _POSITION_ORDER.get(w.position, 0), w.column or 0)


def in_document_order(findings) -> list[Finding]:
    """The one order every output lists findings in: top to bottom as the applicant works
    through the form (fields, sections, tables, criteria, signatures), whatever rule found
    them. Stable: findings at the same place keep the rules' order."""
    return sorted(findings, key=_document_place)


def count(findings, severity: Severity) -> int:
    return sum(1 for f in findings if f.severity is severity)


def status_of(findings: list[Finding]) -> Status:
    if any(f.code in UNREADABLE_CODES for f in findings):
        return Status.UNREADABLE
    if any(f.severity is Severity.ERROR for f in findings):
        return Status.INCOMPLETE
    return Status.COMPLETE


def missing_attachments(findings) -> list[dict]:
    """The mandatory attachments the submission was sent without, as data: {"kind": the
    attachment's kind id, "name": its name in each language (messages.literal)}.

    `check` on an ansökan alone reports the missing utvärderingsschema as a warning (SPEC §3:
    it may come separately), so the status is `complete`; but an ansökan is incomplete
    without it (SPEC §2.2). Every output for people reads this to say so, and which one."""
    return [{"kind": f.params.get("kind"), "name": f.params.get("attachment")} for f in findings
            if f.code is Code.ATTACHMENT_MISSING and f.params.get("mandatory")]


def shown_status_of(findings) -> Status:
    """The status as people are told it: `status_of`, except that a submission without a
    mandatory attachment is never called complete (SPEC §2.2), also where that is only a
    warning. The JSON `status` and the exit code stay `status_of` (SPEC §5)."""
    status = status_of(findings)
    if status is Status.COMPLETE and missing_attachments(findings):
        return Status.INCOMPLETE
    return status


# The state an optional section not answered is shown in (shown_section_state).
UNANSWERED = "unanswered"


def shown_section_state(spec, state: SectionState) -> str:
    """A section's state as people are shown it (a key of "ui.state.*"): its state, except
    that an optional section (`required: no`) that is missing, empty or still holds the
    placeholder is simply not answered. That is no problem: there is no finding, so the
    section table shows it neutrally and the register does not list it as missing. The
    JSON `sections` keeps the state itself (SPEC §5)."""
    optional = str(spec.required) == "no"
    if optional and state in (SectionState.MISSING, SectionState.EMPTY, SectionState.PLACEHOLDER):
        return UNANSWERED
    return state.value


@dataclass
class PartyFact:
    name: str
    category: str
    area: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.area})" if self.area else self.name


@dataclass
class Facts:
    """What a document says about the satsning, read through its kind's roles once, as plain
    data for the register, the memos and the web page (socinv_docs/roles.py)."""

    title: str = ""
    applicant: str = ""
    contact: str = ""
    parties: list[PartyFact] = data_field(default_factory=list)
    amount: int | None = None  # sought from the fund
    period: dict | None = None  # {"start", "end"}
    years: float | None = None  # how long it runs
    attachment: bool = False  # a bilaga: the submission is about another document
    track: str | None = None  # the fund's track the form names (its id), where the fund has tracks


@dataclass
class DocumentReport:
    file: str
    kind: str | None = None
    profile: str | None = None
    findings: list[Finding] = data_field(default_factory=list)
    document: Document | None = None  # None when unreadable
    facts: Facts | None = None  # None when unreadable
    economics: Economics | None = None  # when the funder counts this kind's economics
    seconds: float = 0.0
    # "libreoffice": a legacy .doc, read after LibreOffice converted a copy to .docx.
    converted: str | None = None
    # Where the file was read (validate): its real name, which `file`, the name as shown
    # (names.printable), may not be. For links to the file; never shown, not in the JSON.
    path: str | None = None
    # The file is an annotated copy this tool wrote, sent back instead of the original.
    annotated_copy: bool = False
    # The satsning's plan the rules compared the document with (SPEC §9): the follow-up run's,
    # else the one a pre-filled report carries; None when none is known.
    plan: Plan | None = None
    carried_plan: Plan | None = None  # the plan the file carries, whether or not it was the one used
    plan_note: dict | None = None  # why a plan the file carries is not used (a message as data)

    def __post_init__(self) -> None:
        self.findings = in_document_order(self.findings)

    @property
    def status(self) -> Status:
        return status_of(self.findings)

    @property
    def shown_status(self) -> Status:
        return shown_status_of(self.findings)

    @property
    def missing_attachments(self) -> list[dict]:
        return missing_attachments(self.findings)

    @property
    def errors(self) -> int:
        return count(self.findings, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.findings, Severity.WARNING)

    def to_json(self, lang: str = "sv") -> dict:
        doc = self.document
        data = {
            "file": self.file,
            "kind": self.kind,
            "profile": self.profile,
            "status": self.status.value,
            "sections": {k: s.state.value for k, s in doc.sections.items()} if doc else {},
            "fields": {k: f.to_json() for k, f in doc.fields.items()} if doc else {},
            "findings": [f.to_json(lang, self.file) for f in self.findings],
        }
        if doc:
            data["fields_raw"] = {k: f.raw for k, f in doc.fields.items()}  # as typed, placeholders set aside
        if doc and doc.criteria:
            # ja / nej / null (neither: nothing written, or words such as "Delvis")
            data["criteria"] = {k: (None if c.answer is None else ("ja" if c.answer else "nej"))
                                for k, c in doc.criteria.items()}
            data["criteria_raw"] = {k: c.raw for k, c in doc.criteria.items()}  # the answer as written
        if self.economics is not None:
            data["economics"] = self.economics.to_json()
        if doc and doc.track is not None:  # the fund's track the form names (profile `tracks`)
            data["track"] = doc.track
        if self.converted:
            data["converted"] = self.converted
        # The file checked alone: the mandatory attachments still to be sent (kind ids).
        data["missing_attachments"] = [a["kind"] for a in self.missing_attachments]
        if self.annotated_copy:
            data["annotated_copy"] = True
        if self.plan is not None:  # which plan it was compared with; the plan itself is the follow-up run's
            data["plan"] = {"satsning": self.plan.satsning, "version": self.plan.version, "title": self.plan.title,
                            "carried": self.plan is self.carried_plan}
        if self.plan_note is not None:
            data["plan_note"] = self.plan_note["key"]
        return data


@dataclass
class SubmissionReport:
    submission: str
    documents: list[DocumentReport] = data_field(default_factory=list)
    findings: list[Finding] = data_field(default_factory=list)  # submission-level (ATTACHMENT_MISSING)

    @property
    def status(self) -> Status:
        return worst([status_of(self.findings), *(d.status for d in self.documents)])

    @property
    def all_findings(self) -> list[Finding]:
        return [*self.findings, *(f for d in self.documents for f in d.findings)]

    @property
    def shown_status(self) -> Status:
        return worst([shown_status_of(self.all_findings), self.status])

    @property
    def missing_attachments(self) -> list[dict]:
        return missing_attachments(self.all_findings)

    @property
    def errors(self) -> int:
        return count(self.all_findings, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.all_findings, Severity.WARNING)

    def to_json(self, lang: str = "sv") -> dict:
        return {
            "submission": self.submission,
            "status": self.status.value,
            "documents": [d.to_json(lang) for d in self.documents],
            "findings": [f.to_json(lang) for f in self.findings],
            "missing_attachments": [a["kind"] for a in self.missing_attachments],
        }


@dataclass
class SkippedEntry:
    """An entry of the folder that was not checked, and why: a link that is not followed
    (it leads out of the folder, loops or leads nowhere), something that is not a regular
    file (a FIFO, a device, a socket), or a folder or file that cannot be read. Data, so
    that every output (console, JSON, register, memo) can show it in its own words."""

    path: str  # as shown: relative to the folder, '/'-separated, printable (names.printable)
    reason: str  # a message key: "skipped.link_outside", "skipped.link_loop", "skipped.link_broken",
    # "skipped.not_regular", "skipped.unreadable"
    error: str = ""  # the system's reason where there is one (unreadable), for the message

    def message_in(self, lang: str = "sv") -> str:
        error = messages.os_error(self.error, lang) if self.error else ""
        return messages.text(self.reason, lang, error=error)

    def to_json(self, lang: str = "sv") -> dict:
        data = {"path": self.path, "reason": self.reason, "message": self.message_in(lang)}
        if self.error:
            data["error"] = self.error
        return data


@dataclass
class RunReport:
    submissions: list[SubmissionReport] = data_field(default_factory=list)
    skipped: list[SkippedEntry] = data_field(default_factory=list)  # entries of the folder not checked
    seconds: float = 0.0
    jobs: int = 1

    @property
    def status(self) -> Status:
        # An entry that could not be checked is something the group has not seen: the run
        # cannot be called complete (exit 2, like an unreadable file).
        skipped = [Status.UNREADABLE] if self.skipped else []
        return worst([*(s.status for s in self.submissions), *skipped])

    def stats(self) -> dict:
        counts = {s.value: 0 for s in Status}
        for sub in self.submissions:
            counts[sub.status.value] += 1
        files = sum(len(s.documents) for s in self.submissions)
        return {
            "submissions": len(self.submissions),
            "documents": files,
            **counts,
            "seconds": round(self.seconds, 3),
            "files_per_second": round(files / self.seconds, 1) if self.seconds > 0 else None,
            "jobs": self.jobs,
            "skipped": len(self.skipped),
        }

    def to_json(self, lang: str = "sv") -> dict:
        return {"submissions": [s.to_json(lang) for s in self.submissions],
                "skipped": [e.to_json(lang) for e in self.skipped], "stats": self.stats()}
