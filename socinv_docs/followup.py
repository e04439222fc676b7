"""The follow-up use cases (SPEC §9, issues 20–21): `socinv followup DIR --workbook W`.

DIR holds one sub-folder per satsning: its approved files (the application stage's documents:
the ansökan and its bilagor, wherever they lie in the folder) and the reports received for
it (report kinds, anywhere inside it). A run, step by step (as `validate`'s FolderValidation,
whose scan and worker processes it uses):

    job = Followup(directory, schemas, workbook=..., date=...)
    job.prepare()               # Refused: the workbook cannot be written, or DIR has no satsning
    run = job.run()             # every file checked in the workers; plans, links, statuses
    job.write_workbook(run)     # Refused: locked, or it could not be written

1. **The plan.** The first run that sees a satsning freezes its plan (approved.plan_of, from
   the approved files and the beslut: what the processledare typed on Satsningar wins over
   the folder's beslut.yaml) and stores it in the workbook. Later runs use the stored plan;
   approved files that differ from it are PLAN_CHANGED (the stored plan stays). A changed
   beslut makes a new version of the plan beside the old one: the frozen content under the
   new beslut (approved.decided), never today's files — when both changed, the new version
   still has the frozen goals and budget, and PLAN_CHANGED goes on saying what the files
   would change.
2. **The schedule.** The plan's expected reports (schedule.py); their due dates are stored
   with the plan and never moved: a newer version adds the reports it expects, and those it
   no longer expects become Utgår.
3. **The reports.** Each is linked to its satsning — the plan it carries, else its
   diarienummer, else its title; its own folder's satsning first — or is REPORT_UNLINKED;
   checked against the plan in force (the rules run again with it: the workers read the
   file once); matched to the expected report of its period (REPORT_PERIOD_INVALID when none
   is, or when that one came in already). An expected report still out after its due date
   is REPORT_OVERDUE, unless the processledare marked it Överhoppad.
4. **The proposals.** Each report received gets its proposed decision and the amount for its
   period (proposal.py), in the order the reports were due; the processledare's Förslag
   till beslut on Rapporter overrules it. The memos show them (`socinv memo DIR --workbook W`
   runs the same steps with `read_only`: the workbook is read, never written).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from socinv_docs import messages, roles
from socinv_docs.approved import (
    BESLUT_KEYS,
    ApprovedFile,
    NoPlan,
    beslut_in,
    beslut_of,
    decided,
    merged_beslut,
    plan_of,
    sha256_of,
)
from socinv_docs.atomic import Busy, exclusive, is_tool_output
from socinv_docs.codes import Code
from socinv_docs.extract.text import fold
from socinv_docs.followup_report import ExpectedRow, FollowupRun, SatsningFollowup, State
from socinv_docs.messages import literal, msg
from socinv_docs.names import printable
from socinv_docs.pipeline import evaluate, is_report, report_unlinked
from socinv_docs.plan import Beslut, ExpectedReport, Plan
from socinv_docs.proposal import cost_lines, reviews
from socinv_docs.render.followup.sheets.rapporter import is_skipped, row_key
from socinv_docs.report import DocumentReport, Finding, SkippedEntry
from socinv_docs.rules.base import make_finding
from socinv_docs.schedule import expected_reports, scheduled_for, status_on
from socinv_docs.schema import SchemaSet
from socinv_docs.service import REGISTER_WAIT_SECONDS, Refused, book_refusal

# -- the satsningar of a folder -------------------------------------------------------------------


@dataclass
class _Folder:
    """A satsning's sub-folder as the workers checked it."""

    name: str
    path: Path
    docs: list[DocumentReport] = field(default_factory=list)


@dataclass
class _Satsning:
    """A satsning on its way through the run."""

    folder: _Folder
    result: SatsningFollowup
    approved: list[DocumentReport]
    reports: list[DocumentReport]


class Followup:
    """`socinv followup DIR --workbook W [--date D]`, step by step (see the module's docstring)."""

    def __init__(self, directory: Path, schemas: SchemaSet, *, workbook: Path, date: dt.date | None = None,
                 lang: str = "sv", jobs: int | None = None, force: bool = False, follow_links: bool = False,
                 skip: tuple[Path, ...] = (), read_only: bool = False) -> None:
        self.directory, self.schemas, self.workbook = Path(directory), schemas, Path(workbook)
        # For a memo: the workbook is only read (it may be open in Excel), never written.
        self.read_only = read_only
        self.date = date or dt.date.today()
        self.lang, self.jobs, self.force, self.follow_links, self.skip = lang, jobs, force, follow_links, skip
        self.kept = None  # what the workbook holds (render.followup.book.Kept), once prepared
        self.folders: list[_Folder] = []
        self.files: list[tuple[Path, str, int]] = []  # (file, name shown, its folder's index)
        self.skipped: list[SkippedEntry] = []

    def prepare(self) -> int:
        """Refuse a workbook that cannot be written (or read back: its store) before the
        long run; scan DIR. Returns the number of files to check."""
        # start-up: openpyxl and the worker pool only for `followup` (cli.py's docstring)
        from socinv_docs.render.followup.book import FollowupBookError, check_writable, read_kept
        from socinv_docs.validate import scan

        if not self.read_only:
            self._refuse_workbook_onto_input()
        try:
            if not self.read_only:
                check_writable(self.workbook, force=self.force)
            self.kept = read_kept(self.workbook)
        except FollowupBookError as exc:
            raise book_refusal(exc) from None
        found = scan(self.directory, skip=[self.workbook, *self.skip], follow_links=self.follow_links)
        self.skipped = list(found.skipped)
        for sub in found.submissions:
            if sub.path.is_dir():
                self.folders.append(_Folder(sub.name, sub.path, []))
                self.files += [(f, shown, len(self.folders) - 1) for f, shown in sub.files]
            else:  # a file directly in DIR belongs to no satsning
                self.skipped.append(SkippedEntry(path=sub.name, reason="followup.skipped.loose"))
        if not self.folders:
            raise Refused("followup.no_satsning", dir=printable(self.directory))
        return len(self.files)

    def _refuse_workbook_onto_input(self) -> None:
        path = self.workbook
        if not (path.exists() or path.is_symlink()):
            return
        inside = _resolved(path).is_relative_to(_resolved(self.directory))
        if inside and not is_tool_output(path):
            raise Refused("followup.workbook_is_input", path=printable(path))

    def run(self, on_file: Callable[[DocumentReport | None], None] | None = None) -> FollowupRun:
        """Check every file in the workers, then make, link and judge (module docstring)."""
        from socinv_docs.validate import check_files, default_jobs  # start-up: see prepare

        started = time.perf_counter()
        if self.kept is None:
            self.prepare()
        files = self.files
        jobs = max(1, min(self.jobs or default_jobs(), len(files) or 1))
        for index, report in check_files([(f, shown) for f, shown, _ in files], self.schemas, jobs=jobs):
            if report is not None:
                report.path = str(files[index][0])
                self.folders[files[index][2]].docs.append(report)
            if on_file:
                on_file(report)
        order = {str(f): k for k, (f, _, _) in enumerate(files)}
        for folder in self.folders:  # the order of the folder, not of the workers
            folder.docs.sort(key=lambda d: order.get(d.path or "", 0))
        run = judge(self.folders, self.schemas, self.kept, self.date)
        run.skipped = self.skipped
        run.jobs = jobs
        run.seconds = time.perf_counter() - started
        return run

    def write_workbook(self, run: FollowupRun):
        """The workbook's read–merge–write under a lock of our own, as the register's."""
        if self.read_only:
            raise ValueError("a follow-up prepared read_only never writes its workbook")
        from socinv_docs.render.followup.book import FollowupBookError, write_followup  # start-up: see prepare

        try:
            with exclusive(self.workbook, wait=REGISTER_WAIT_SECONDS):
                return write_followup(self.workbook, run, root=self.directory, schemas=self.schemas, lang=self.lang,
                                      force=self.force)
        except Busy as exc:
            raise Refused("followup.book.busy", path=printable(self.workbook), lock=printable(exc.lock.name)) from None
        except FollowupBookError as exc:
            raise book_refusal(exc) from None
        except OSError as exc:
            raise Refused("followup.book.write_failed", exc, path=printable(self.workbook)) from None


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


# -- judging the satsningar ---------------------------------------------------------------------


def judge(folders: list[_Folder], schemas: SchemaSet, kept, today: dt.date) -> FollowupRun:
    """The follow-up of every satsning folder, its files checked: plans, links, statuses."""
    satsningar = [_planned(folder, schemas, kept, today) for folder in folders]
    plans = [s for s in satsningar if s.result.plan is not None]
    for s in satsningar:
        for doc in s.reports:
            home = _link(doc, s, plans, schemas)
            if home is None:
                doc.findings = [report_unlinked(doc), *doc.findings]
                s.result.reports.append(doc)
            else:
                home.result.reports.append(_checked_with(doc, home.result.plan, schemas))
    for s in satsningar:
        _schedule(s.result, schemas, kept, today)
    return FollowupRun(date=today, satsningar=[s.result for s in satsningar])


def _typed_beslut(typed: dict) -> Beslut:
    """The beslut the processledare typed on Satsningar (cells as Excel gives them: numbers,
    dates, text), read as a beslut.yaml is; a cell that cannot be read is left out and said."""
    values = {}
    for key in BESLUT_KEYS:
        value = typed.get(key)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if value not in (None, ""):
            values[key] = value if not isinstance(value, str) else value.strip()
    return beslut_of(values, source="workbook") if values else Beslut()


def _planned(folder: _Folder, schemas: SchemaSet, kept, today: dt.date) -> _Satsning:
    """A satsning's plan in force (frozen, or made now), its beslut and its files sorted."""
    reports = [d for d in folder.docs if is_report(d, schemas)]
    approved = [d for d in folder.docs if not is_report(d, schemas)]
    typed = kept.typed.get(folder.name, {}) if kept is not None else {}
    result = SatsningFollowup(folder.name, None, Beslut(), approved=approved,
                              manual_status=str(typed.get("manual_status") or ""))
    versions = list(kept.plans.get(folder.name, [])) if kept is not None else []
    result.versions = versions
    try:
        beslut = merged_beslut(_typed_beslut(typed), beslut_in(folder.path))
    except NoPlan as exc:  # a beslut that cannot be read: said, and the frozen plan (if any) stays
        result.problem = msg(exc.key, **exc.params)
        beslut = versions[-1].beslut if versions else Beslut()
    result.beslut = beslut
    files = [ApprovedFile(_relative(d, folder), _sha(d), d) for d in approved]
    latest = versions[-1] if versions else None
    beslut = _in_force(beslut, latest)
    result.beslut = beslut
    if latest is None:
        try:
            versions.append(plan_of(folder.name, files, schemas, beslut=beslut, frozen_on=today))
        except NoPlan as exc:
            result.problem = msg(exc.key, **exc.params)
    elif result.problem is None and _decided(beslut) != _decided(latest.beslut):
        newer = _next_version(latest, beslut, schemas, today)
        if newer is not None and latest.beslut.missing:
            versions[-1] = newer  # the grant typed after the plan was frozen: the same version, decided
        elif newer is not None:
            versions.append(newer)
    if versions:
        result.plan = versions[-1]
        result.findings += _files_changed(result.plan, files, folder.name, schemas)
    return _Satsning(folder, result, approved, reports)


def _in_force(beslut: Beslut, latest: Plan | None) -> Beslut:
    """The beslut as typed now, a field left empty (in the workbook and in beslut.yaml) keeping
    the value of the plan in force: a decision does not un-happen when a cell is cleared or
    beslut.yaml is moved away, so only a value typed anew makes a new version of the plan."""
    if latest is None:
        return beslut
    values = {key: getattr(beslut, key) if getattr(beslut, key) not in (None, "") else getattr(latest.beslut, key)
              for key in BESLUT_KEYS}
    return replace(beslut, **values, source=beslut.source or latest.beslut.source)


def _next_version(latest: Plan, beslut: Beslut, schemas: SchemaSet, today: dt.date) -> Plan | None:
    """The plan's next version for a changed beslut: the frozen content of the version in
    force under the new beslut (approved.decided), never the approved files as they are
    today. A version in force without a grant (frozen before the processledare typed the
    beslut, which is the usual way: the first run makes the row to type it on) is completed
    rather than followed: the same number and day, since nothing was owed under it. None when
    it cannot be made (no period known, the funder's profile is gone): the version in force
    stays."""
    profile = schemas.profiles.get(latest.profile)
    if profile is None or profile.followup is None:
        return None
    undecided = latest.beslut.missing
    try:
        return decided(latest, beslut, profile, frozen_on=latest.frozen_on if undecided else today,
                       version=latest.version if undecided else latest.version + 1)
    except NoPlan:
        return None


def _relative(doc: DocumentReport, folder: _Folder) -> str:
    if doc.path:
        try:
            return Path(doc.path).relative_to(folder.path).as_posix()
        except ValueError:
            pass
    prefix = folder.name + "/"
    return doc.file[len(prefix):] if doc.file.startswith(prefix) else doc.file


def _sha(doc: DocumentReport) -> str:
    try:
        return sha256_of(Path(doc.path)) if doc.path else ""
    except OSError:
        return ""


def _decided(beslut: Beslut) -> tuple:
    return tuple(getattr(beslut, name) for name in BESLUT_KEYS)


def _files_changed(plan: Plan, files: list[ApprovedFile], satsning: str, schemas: SchemaSet) -> list[Finding]:
    """PLAN_CHANGED when the approved files of the kinds the plan was made from are not the
    ones it was frozen from: changed, added or removed; and, where a plan can be made from
    them as they are now, what that would change (the budget's total, goals added or
    removed). The plan in force stays whatever they say."""
    kinds = {s.kind for s in plan.sources}
    now = {f.path: f.sha256 for f in files if f.report.kind in kinds}
    before = {s.path: s.sha256 for s in plan.sources}
    changes = [msg("followup.file.changed", file=p) for p in before if p in now and now[p] != before[p]]
    changes += [msg("followup.file.added", file=p) for p in now if p not in before]
    changes += [msg("followup.file.removed", file=p) for p in before if p not in now]
    if not changes:
        return []
    detail: dict = {}
    try:
        today = plan_of(satsning, files, schemas, beslut=plan.beslut, frozen_on=plan.frozen_on, version=plan.version)
    except NoPlan:
        today = None
    if today is not None:
        total_before, total_now = _total(plan), _total(today)
        goals_before, goals_now = [g.text for g in plan.goals], [g.text for g in today.goals]
        detail = {"total_before": total_before, "total_now": total_now,
                  "goals_added": [g for g in goals_now if g not in goals_before],
                  "goals_removed": [g for g in goals_before if g not in goals_now]}
        if total_before != total_now:
            changes.append(msg("followup.change.total", before=total_before or 0, now=total_now or 0))
        changes += [msg("followup.change.goal_added", goal=g) for g in detail["goals_added"]]
        changes += [msg("followup.change.goal_removed", goal=g) for g in detail["goals_removed"]]
    return [make_finding(Code.PLAN_CHANGED, satsning=satsning, files=changes, version=plan.version,
                         frozen_on=plan.frozen_on.isoformat(), **detail)]


def _total(plan: Plan) -> int | None:
    return sum(line.amount for line in plan.budget) if plan.budget else None


# -- linking a report to its satsning ----------------------------------------------------------


def _same(a: str, b: str) -> bool:
    return bool(a.strip()) and fold(" ".join(a.split())) == fold(" ".join(b.split()))


def _link(doc: DocumentReport, home: _Satsning, planned: list[_Satsning], schemas: SchemaSet) -> _Satsning | None:
    """The satsning a report belongs to: the one whose plan it carries, else the one whose
    diarienummer it gives, else whose title; its own folder's satsning first. None: no plan
    matches (REPORT_UNLINKED), never a guess."""
    candidates = [home, *(s for s in planned if s is not home)]
    candidates = [s for s in candidates if s.result.plan is not None]
    carried = doc.carried_plan
    if carried is not None:
        found = next((s for s in candidates if s.result.plan.satsning == carried.satsning), None)
        if found is not None:
            return found
    if doc.document is None or doc.kind not in schemas.kinds:
        return home if home.result.plan is not None and doc.document is None else None
    kind = schemas.kinds[doc.kind]
    dnr = str(roles.value_of(doc.document, kind.roles.dnr) or "")
    title = roles.title(doc.document, kind)
    for test in (lambda p: _same(dnr, p.dnr) or _same(dnr, p.beslut.diarienummer), lambda p: _same(title, p.title)):
        found = next((s for s in candidates if test(s.result.plan)), None)
        if found is not None:
            return found
    return None


def _checked_with(doc: DocumentReport, plan: Plan, schemas: SchemaSet) -> DocumentReport:
    """The report judged by its rules again, with the plan in force (the workers read it
    without: they did not know its satsning); a carried plan that says something else than
    the plan in force is PLAN_CHANGED. Only what a plan says counts, not when it was frozen
    or its number: a report pre-filled from the same approved files and beslut carries the
    same plan, whichever workbook froze it first."""
    if doc.document is None:
        return doc
    findings, econ = evaluate(doc.document, schemas, plan=plan)
    carried = doc.carried_plan
    if carried is not None and replace(carried, frozen_on=plan.frozen_on, version=plan.version) != plan:
        findings = [make_finding(Code.PLAN_CHANGED, variant="carried", satsning=plan.satsning,
                                 carried=carried.version, carried_on=carried.frozen_on.isoformat(),
                                 version=plan.version), *findings]
    return replace(doc, findings=findings, economics=econ, plan=plan)


# -- the schedule, the statuses and the money -----------------------------------------------------


def _names(schemas: SchemaSet, profile_id: str, report: ExpectedReport) -> tuple[dict, dict]:
    """(its period's name, its kind's name) in each language: "Helår 2027", "Redovisning"."""
    kind = schemas.kinds.get(report.kind)
    kind_name = {lang: kind.name_in(lang) if kind else report.kind for lang in messages.LANGS}
    if not report.period:
        return dict(kind_name), kind_name
    profile = schemas.profiles.get(profile_id)
    scheduled = scheduled_for(report, profile.followup if profile else None)
    label = scheduled.label if scheduled is not None else None
    return ({lang: f"{(label.get(lang) if label else None) or messages.text(f'followup.period.{report.period}', lang)}"
                   f" {report.year}" for lang in messages.LANGS}, kind_name)


def _received_on(doc: DocumentReport, today: dt.date, schemas: SchemaSet) -> dt.date | None:
    """When a report came in: the date the projektledare wrote in it (its Datum field, the
    kind's `report_date` role), else its file's date — a copy of a mailed report is dated
    when it was copied — never after the run's day."""
    dated = None
    if doc.document is not None and doc.kind in schemas.kinds:
        written = roles.value_of(doc.document, schemas.kinds[doc.kind].roles.report_date)
        try:
            dated = dt.date.fromisoformat(written) if isinstance(written, str) else None
        except ValueError:
            dated = None
    try:
        day = dated or (dt.date.fromtimestamp(os.stat(doc.path).st_mtime) if doc.path else None)
    except OSError:
        return None
    return min(day, today) if day else None


def _period_of(doc: DocumentReport, schemas: SchemaSet) -> tuple[str, int | None]:
    """(period id, year) a redovisning says it covers; ("", None) for a report due after the end."""
    if doc.document is None:
        return "", None
    kind = schemas.kinds[doc.kind]
    value = roles.value_of(doc.document, kind.roles.report_period)
    if isinstance(value, dict) and value.get("period"):
        return str(value["period"]), value.get("year")
    return "", None


def _schedule(s: SatsningFollowup, schemas: SchemaSet, kept, today: dt.date) -> None:
    """Expected reports (stored ones kept with their due dates, new ones added), each report
    matched to one, statuses on `today`, REPORT_PERIOD_INVALID and REPORT_OVERDUE, money."""
    plan = s.plan
    if plan is None:
        return
    profile = schemas.profiles.get(plan.profile)
    stored = list(kept.expected.get(s.satsning, [])) if kept is not None else []
    known = {report.key for report, _ in stored}
    # Nothing is owed before a grant is known: a satsning without beviljat belopp is "Beslut
    # saknas", with no report due (and none late) until the processledare types it.
    now = expected_reports(plan, profile.followup if profile else None) if not plan.beslut.missing else []
    current = {r.key for r in now}
    rows = []
    for report, version in [*stored, *((r, plan.version) for r in now if r.key not in known)]:
        label, kind_name = _names(schemas, plan.profile, report)
        rows.append(ExpectedRow(report, version, status_on(report, today), label=label, kind_name=kind_name))
    void = {row.report.key for row in rows if row.report.key not in current}

    reports = sorted(s.reports, key=lambda d: (_received_on(d, today, schemas) or today, d.file))
    for doc in reports:
        if doc.document is None or not is_report(doc, schemas) or any(f.code is Code.REPORT_UNLINKED
                                                                      for f in doc.findings):
            continue
        period, year = _period_of(doc, schemas)
        matches = [row for row in rows if row.report.kind == doc.kind and row.report.key not in void
                   and (row.report.period, row.report.year) == ((period, year) if period else ("", row.report.year))]
        if not matches:
            shown = literal(**{lang: f"{messages.text(f'followup.period.{period}', lang)} {year}" if period
                               else schemas.kinds[doc.kind].name_in(lang) for lang in messages.LANGS})
            undecided = {"variant": "no_beslut"} if plan.beslut.missing else {}
            doc.findings = [make_finding(Code.REPORT_PERIOD_INVALID, satsning=s.satsning, period=shown,
                                         expected=[row.label.get("sv", "") for row in rows
                                                   if row.report.key not in void], **undecided), *doc.findings]
            continue
        row = matches[0]
        if row.received is not None:
            doc.findings = [make_finding(Code.REPORT_PERIOD_INVALID, variant="already", satsning=s.satsning,
                                         period=literal(**row.label), other=row.received.file), *doc.findings]
            continue
        row.received, row.received_on = doc, _received_on(doc, today, schemas)

    skips = kept.skips if kept is not None else {}
    for row in rows:
        typed = skips.get(row_key(s.satsning, row.report), {})
        skipped = is_skipped(typed.get("overhoppad"))
        row.skipped_reason = str(typed.get("skal") or "") if skipped else ""
        row.status = status_on(row.report, today, received=row.received.status.value if row.received else None,
                               skipped=skipped, void=row.report.key in void)
        if row.status.state is State.LATE:
            s.findings.append(make_finding(Code.REPORT_OVERDUE, satsning=s.satsning, period=literal(**row.label),
                                           due=row.report.due.isoformat(), days=row.status.days_late,
                                           report=row.report.key,
                                           **({"variant": "one_day"} if row.status.days_late == 1 else {})))
    s.expected = rows
    s.costs = cost_lines(plan, [row.received for row in sorted(rows, key=lambda r: r.report.due) if row.received],
                         schemas)
    s.reviews = reviews(s, schemas, skips)
