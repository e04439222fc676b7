"""The follow-up run's report, as data (SPEC §9): per satsning its plan in force, the beslut,
the reports the schedule expects with where each stands, the report files received and the
run's own findings; and the JSON of `socinv followup --format json`. Like report.py for the
application stage: every output (text, JSON, the follow-up workbook, the calendar file) is a
rendering of these objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from dataclasses import field as data_field
from enum import StrEnum
from typing import Any

from socinv_docs.codes import Severity
from socinv_docs.plan import Beslut, ExpectedReport, Plan
from socinv_docs.report import DocumentReport, Finding, SkippedEntry, Status, SubmissionReport, count, worst


class State(StrEnum):
    """Where an expected report stands on the run's day (schedule.status_on)."""

    EXPECTED = "expected"  # Väntas
    RECEIVED = "received"  # Inkommen: its completeness could not be judged
    COMPLETE = "complete"  # Komplett
    INCOMPLETE = "incomplete"  # Ofullständig
    LATE = "late"  # Försenad n dagar
    SKIPPED = "skipped"  # Överhoppad (the processledare's reason)
    VOID = "void"  # Utgår: a later plan version no longer expects it


@dataclass(frozen=True)
class ReportStatus:
    state: State
    days_late: int = 0  # LATE: days past the due date
    days_left: int | None = None  # EXPECTED: days until the due date (0: due today)


@dataclass
class ExpectedRow:
    """An expected report of a satsning and what became of it on the run's day."""

    report: ExpectedReport
    version: int  # the plan version whose schedule first expected it (its due date is that one's)
    status: ReportStatus
    received: DocumentReport | None = None  # the report file that came in for it
    received_on: dt.date | None = None
    skipped_reason: str = ""  # Skäl, as the processledare typed it
    label: dict[str, str] = data_field(default_factory=dict)  # its period per language ("Helår 2027")
    kind_name: dict[str, str] = data_field(default_factory=dict)  # its kind's name per language ("Redovisning")

    @property
    def open(self) -> bool:
        """Still to come in: expected or late."""
        return self.status.state in (State.EXPECTED, State.LATE)

    def to_json(self) -> dict:
        r = self.report
        return {"key": r.key, "kind": r.kind, "period": r.period or None, "year": r.year,
                "name": self.kind_name.get("sv", ""), "label": self.label.get("sv", ""), "covers_from": r.covers_from.isoformat(),
                "covers_to": r.covers_to.isoformat(), "due": r.due.isoformat(), "plan_version": self.version,
                "status": self.status.state.value, "days_late": self.status.days_late,
                "days_left": self.status.days_left, "received": self.received.file if self.received else None,
                "received_on": self.received_on.isoformat() if self.received_on else None,
                "skipped_reason": self.skipped_reason or None}


@dataclass(frozen=True)
class CostLine:
    """Plan against utfall for one calendar year and cost component of a satsning (the
    Ekonomi sheet): the plan's budget, and from the latest report that covers the year its
    utfall, the part the fund carries and the forecast of what the year still costs."""

    year: int
    component: str  # the budget's column id ("personal"); "" for a report row no plan line has
    label: str
    plan: int | None
    actual: int | None = None
    fund: int | None = None
    forecast: int | None = None
    source: str = ""  # the report file the utfall is from

    @property
    def projected(self) -> int | None:
        """What the year is expected to cost in all: utfall and the forecast of the rest."""
        if self.actual is None and self.forecast is None:
            return None
        return (self.actual or 0) + (self.forecast or 0)

    @property
    def deviation(self) -> int | None:
        projected = self.projected
        return None if projected is None or self.plan is None else projected - self.plan

    @property
    def deviation_share(self) -> float | None:
        deviation = self.deviation
        return None if deviation is None or not self.plan else deviation / self.plan


class Decision(StrEnum):
    """What a received report is proposed to lead to (SPEC §9: the memo per report)."""

    PAYMENT = "payment"  # godkänns som underlag för utbetalning (with the amount for the period)
    SUPPLEMENT = "supplement"  # komplettering begärs
    STOP_REVIEW = "stop_review"  # underlag för avbrytandeprövning
    APPROVED = "approved"  # godkänns: a report that carries no money (the uppföljande utvärdering)


@dataclass(frozen=True)
class YearPayment:
    """The fund's money of one calendar year a report covers: what the report shows the fund
    has carried (its varav fonden), and what earlier reports were already the basis of."""

    year: int
    fund: int | None  # None: the report shows no varav fonden for the year
    paid_before: int = 0

    @property
    def due(self) -> int:
        """What is left to pay for the year on this report (never below 0)."""
        return max(0, (self.fund or 0) - self.paid_before)


@dataclass(frozen=True)
class Proposal:
    """The proposed decision on a received report (proposal.propose decides it)."""

    decision: Decision  # the one in force: the processledare's where they typed one we know
    proposed: Decision  # the tool's own
    amount: int | None = None  # to pay for the period (PAYMENT); None: nothing to pay on
    years: tuple[YearPayment, ...] = ()  # how the amount was reached
    # Why: the codes of the errors (SUPPLEMENT), the förutsättningar answered Nej (STOP_REVIEW).
    reasons: tuple[str, ...] = ()
    typed: str = ""  # the processledare's Förslag till beslut on Rapporter, as typed

    @property
    def overruled(self) -> bool:
        return self.decision is not self.proposed

    def to_json(self) -> dict:
        return {"decision": self.decision.value, "proposed": self.proposed.value, "amount": self.amount,
                "years": [{"year": y.year, "fund": y.fund, "paid_before": y.paid_before, "due": y.due}
                          for y in self.years],
                "reasons": list(self.reasons), "typed": self.typed or None}


@dataclass(frozen=True)
class ReportReview:
    """A received report as its memo shows it: the expected report it came in for, its own
    Ekonomi against the plan, and the proposed decision."""

    file: str  # the report's DocumentReport.file
    expected: str | None  # the ExpectedReport's key it was matched to; None: none (invalid, unlinked)
    costs: tuple[CostLine, ...]
    proposal: Proposal

    def to_json(self) -> dict:
        return {"file": self.file, "expected": self.expected, **self.proposal.to_json()}


@dataclass
class SatsningFollowup:
    """One satsning (a sub-folder of the follow-up folder) on the run's day."""

    satsning: str  # the sub-folder's name: the key of its plan and rows
    plan: Plan | None  # the plan in force (the newest version); None: no plan could be made
    beslut: Beslut
    expected: list[ExpectedRow] = data_field(default_factory=list)
    reports: list[DocumentReport] = data_field(default_factory=list)  # the report files linked to it
    approved: list[DocumentReport] = data_field(default_factory=list)  # the approved files, as checked
    findings: list[Finding] = data_field(default_factory=list)  # the run's own: PLAN_CHANGED, REPORT_OVERDUE
    costs: list[CostLine] = data_field(default_factory=list)
    problem: dict | None = None  # why there is no plan: a message as data (messages.msg)
    manual_status: str = ""  # Avbruten / Implementerad, as the processledare typed it
    versions: list[Plan] = data_field(default_factory=list)  # every version, oldest first (the store)
    reviews: list[ReportReview] = data_field(default_factory=list)  # one per report received, by due date

    @property
    def all_findings(self) -> list[Finding]:
        return [*self.findings, *(f for d in self.reports for f in d.findings)]

    @property
    def errors(self) -> int:
        return count(self.all_findings, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.all_findings, Severity.WARNING)

    @property
    def status(self) -> Status:
        """As validate's: unreadable when no plan could be made or a report could not be
        read, incomplete with an error, else complete."""
        if self.problem is not None:
            return Status.UNREADABLE
        run_level = Status.INCOMPLETE if count(self.findings, Severity.ERROR) else Status.COMPLETE
        return worst([run_level, *(d.status for d in self.reports)])

    def spent(self) -> tuple[int | None, int | None]:
        """(utfall to date, of which the fund) over every year a report has shown."""
        actual = [c.actual for c in self.costs if c.actual is not None]
        fund = [c.fund for c in self.costs if c.fund is not None]
        return (sum(actual) if actual else None, sum(fund) if fund else None)

    def next_due(self) -> ExpectedRow | None:
        """The first report still to come in (late ones first, then by due date)."""
        return next((row for row in sorted(self.expected, key=lambda r: r.report.due) if row.open), None)

    def to_json(self, lang: str = "sv") -> dict:
        return {"satsning": self.satsning, "status": self.status.value,
                "plan": self.plan.to_json() if self.plan else None, "beslut": beslut_json(self.beslut),
                "problem": self.problem,
                "expected_reports": [row.to_json() for row in self.expected],
                "reports": [SubmissionReport(submission=d.file, documents=[d]).to_json(lang) for d in self.reports],
                "approved": [d.file for d in self.approved],
                "findings": [f.to_json(lang) for f in self.findings],
                "proposals": [r.to_json() for r in self.reviews]}


def beslut_json(beslut: Beslut) -> dict[str, Any]:
    out = {}
    for f in fields(beslut):
        value = getattr(beslut, f.name)
        out[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    out["missing"] = beslut.missing
    return out


@dataclass
class FollowupRun:
    """A follow-up run over a folder of satsningar on `date`."""

    date: dt.date
    satsningar: list[SatsningFollowup] = data_field(default_factory=list)
    skipped: list[SkippedEntry] = data_field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1

    @property
    def status(self) -> Status:
        skipped = [Status.UNREADABLE] if self.skipped else []
        return worst([*(s.status for s in self.satsningar), *skipped])

    def stats(self) -> dict:
        rows = [row for s in self.satsningar for row in s.expected]
        states = {state.value: sum(1 for r in rows if r.status.state is state) for state in State}
        return {"satsningar": len(self.satsningar), "reports": sum(len(s.reports) for s in self.satsningar),
                "expected": len(rows), **{f"expected_{k}": v for k, v in states.items()},
                "without_plan": sum(1 for s in self.satsningar if s.plan is None),
                "date": self.date.isoformat(), "seconds": round(self.seconds, 3), "jobs": self.jobs,
                "skipped": len(self.skipped)}

    def to_json(self, lang: str = "sv") -> dict:
        return {"satsningar": [s.to_json(lang) for s in self.satsningar],
                "skipped": [e.to_json(lang) for e in self.skipped], "stats": self.stats()}
