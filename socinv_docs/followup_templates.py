"""The pre-filled reports of a follow-up (SPEC §9): `socinv followup templates --workbook W -o DIR
[--date D] [--all]`, the use case beside followup.py's run.

What each satsning owes is read from the follow-up workbook as the last run left it: the plan
in force (the newest version in its store), the reports the schedule expects with their
stored due dates, those that had come in, those the processledare marked Överhoppad (sheet
Rapporter), and those the plan in force no longer expects (Utgår). Of the reports still
outstanding it pre-fills, per satsning, the next one (the one the sheet Satsningar names:
a late one first), or with `--all` every one; `--date D` keeps to those due by D.

    job = FollowupTemplates(workbook, output, schemas, date=..., every=...)
    chosen = job.prepare()  # Refused: the workbook cannot be read, a file there is not ours
    job.write()             # Refused: a report could not be written

Each goes to DIR/<satsning>/<kind>-<period>-<year>.docx (a report after the end:
DIR/<satsning>/<kind>-<year>.docx), a name every system accepts (names.safe_file_name). A file
already there is replaced only when it is provably ours and untouched — it carries a plan,
and its bytes are exactly what pre-filling that plan for that report gives (the same inputs
give the same bytes, render/prefill.py) — so a report someone has begun to fill in, or any
other document, is never written over (service.never_over, as the annotated copies are
guarded); the whole run is refused then, before a file is written.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import messages
from socinv_docs.limits import Limits
from socinv_docs.loading import form_path
from socinv_docs.names import printable, safe_file_name
from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.readers.carried_plan import carried_plan
from socinv_docs.readers.safety import ZIP_READ_ERRORS, UnreadableFile
from socinv_docs.render.followup.book import FollowupBookError, Kept, read_kept
from socinv_docs.render.followup.sheets.rapporter import is_skipped, row_key
from socinv_docs.render.prefill import PrefillError, period_label, prefill, prefilled_bytes
from socinv_docs.schedule import expected_reports
from socinv_docs.schema import SchemaSet
from socinv_docs.service import Refused, book_refusal, never_over


@dataclass(frozen=True)
class Prefill:
    """One pre-filled report to write."""

    satsning: str
    plan: Plan
    report: ExpectedReport
    form: Path
    target: Path


class FollowupTemplates:
    """`socinv followup templates`, step by step (see the module's docstring)."""

    def __init__(self, workbook: Path, output: Path, schemas: SchemaSet, *, date: dt.date | None = None,
                 every: bool = False) -> None:
        self.workbook, self.output, self.schemas = Path(workbook), Path(output), schemas
        self.date, self.every = date, every
        self.chosen: list[Prefill] = []
        self.without_form: list[tuple[str, ExpectedReport]] = []  # a report the funder has no form for

    def prepare(self) -> list[Prefill]:
        """Which reports to pre-fill and where; Refused before anything is written."""
        if not self.workbook.is_file():
            raise Refused("followup.templates.no_workbook", path=printable(self.workbook))
        try:
            kept = read_kept(self.workbook)
        except FollowupBookError as exc:
            raise book_refusal(exc) from None
        folders: set[str] = set()
        for satsning in sorted(kept.plans):
            plan = kept.plans[satsning][-1]
            reports = self._owed(satsning, plan, kept)
            if not reports:
                continue
            folder = _unique(safe_file_name(satsning), folders)
            profile = self.schemas.profiles[plan.profile]
            for report in reports:
                if report.kind not in profile.forms:
                    self.without_form.append((satsning, report))
                    continue
                form = form_path(profile, report.kind)
                target = self.output / folder / file_name(report)
                never_over(target, lambda found, r=report, f=form: self._untouched(found, r, f),
                           "followup.templates.exists")
                self.chosen.append(Prefill(satsning, plan, report, form, target))
        return self.chosen

    def _owed(self, satsning: str, plan: Plan, kept: Kept) -> list[ExpectedReport]:
        """The satsning's outstanding reports to pre-fill, by due date."""
        profile = self.schemas.profiles.get(plan.profile)
        if profile is None or profile.followup is None:
            return []
        current = expected_reports(plan, profile.followup)
        keys = {r.key for r in current}
        stored = [report for report, _ in kept.expected.get(satsning, [])] or current
        received = kept.received.get(satsning, {})
        outstanding = [r for r in sorted(stored, key=lambda r: (r.due, r.key))
                       if r.key in keys and r.key not in received
                       and not is_skipped(kept.skips.get(row_key(satsning, r), {}).get("overhoppad"))
                       and (self.date is None or r.due <= self.date)]
        return outstanding if self.every else outstanding[:1]

    def _untouched(self, found: Path, report: ExpectedReport, form: Path) -> bool:
        """Whether `found` is a report this command pre-filled that nobody has changed since:
        it carries a plan, and is byte for byte that plan pre-filled for `report`."""
        if found.is_symlink() or not found.is_file():
            return False
        try:
            with zipfile.ZipFile(found) as archive:
                carried = carried_plan(archive, Limits.from_env())
            plan = Plan.from_json(carried.data) if carried is not None and carried.data is not None else None
            return plan is not None and found.read_bytes() == prefilled_bytes(plan, report, form, schemas=self.schemas)
        except (OSError, ValueError, UnreadableFile, PrefillError, *ZIP_READ_ERRORS):
            return False

    def write(self) -> list[Prefill]:
        """Write every chosen report (each atomically)."""
        for job in self.chosen:
            try:
                job.target.parent.mkdir(parents=True, exist_ok=True)
                prefill(job.plan, job.report, job.form, job.target, schemas=self.schemas)
            except PrefillError as exc:
                raise Refused(exc.key, **exc.params) from None
            except OSError as exc:
                raise Refused("followup.templates.write_failed", exc, path=printable(job.target)) from None
        return self.chosen

    def name_of(self, job: Prefill, lang: str = "sv") -> str:
        """"Redovisning Delår 2 2027", "Slutrapport": the report as the lines name it."""
        kind = self.schemas.kinds[job.report.kind].name_in(lang)
        label = period_label(job.report, self.schemas.profiles.get(job.plan.profile), lang)
        return f"{kind} {label}".strip()


def file_name(report: ExpectedReport) -> str:
    """redovisning-delar2-2027.docx; a report after the end: slutrapport-2028.docx."""
    parts = [report.kind, report.period, str(report.year)] if report.period else [report.kind, str(report.year)]
    return safe_file_name("-".join(parts)) + ".docx"


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or "name (2)" …: two satsningar never share a folder, even where case is ignored."""
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate, n = f"{name} ({n})", n + 1
    taken.add(candidate.casefold())
    return candidate


def lines(job: FollowupTemplates, today: dt.date, lang: str = "sv") -> list[str]:
    """What the command prints: a line per report written, then how many and where."""
    out = []
    for p in job.chosen:
        days = (p.report.due - today).days
        when = messages.text("followup.templates.line.late" if days < 0 else "followup.templates.line.due", lang,
                             due=p.report.due.isoformat(), days=abs(days))
        out.append(messages.text("followup.templates.line", lang, path=printable(p.target), report=job.name_of(p, lang),
                                 satsning=p.satsning, when=when))
    out += [messages.text("followup.templates.no_form", lang, satsning=s, kind=job.schemas.kinds[r.kind].name_in(lang))
            for s, r in job.without_form]
    out.append(messages.text("followup.templates.summary", lang, count=len(job.chosen),
                             path=printable(job.output)))
    return out
