"""The follow-up memo (`socinv memo DIR --workbook uppfoljning.xlsx`): the portfolio for the
meeting, then a memo per received report, each on a new page; with --split also one file
per report for the diarium. Rendered from the follow-up templates (templates/uppfoljning*)
as the beredningsunderlag is from its own: within the same limits (render/memo/child.py),
in the same sandbox, written atomically when all are done.

Variables (README, "Memo templates"): `meeting`, `generated`, `date` (the day the memo
describes: --date), `overview` (false in a file of --split), `portfolio` (portfolio.py) and
`reports` (report_memo.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import is_tool_output
from socinv_docs.followup_report import FollowupRun
from socinv_docs.names import safe_file_name
from socinv_docs.render.followup.portfolio import portfolio_context
from socinv_docs.render.followup.report_memo import report_context
from socinv_docs.render.memo.errors import MemoError
from socinv_docs.render.memo.templates import SUFFIXES, default_template
from socinv_docs.render.memo.write import render_all
from socinv_docs.schema import SchemaSet


def followup_memo_context(run: FollowupRun, schemas: SchemaSet, *, meeting: str | None = None, lang: str = "sv",
                          since: dt.date | None = None, today: dt.date | None = None) -> dict:
    """The portfolio on the run's day and a memo per report received (with `since`: those that
    came in on or after that day, and those no expected report matched, which are to be put
    right whenever they came), satsning by satsning, in the order they were due."""
    reports = []
    for s in sorted(run.satsningar, key=lambda s: ((s.plan.title if s.plan else s.satsning).casefold(), s.satsning)):
        for review in s.reviews:
            memo = report_context(s, review, schemas, lang)
            received = memo["report"]["received_on"]
            if since is None or not received or dt.date.fromisoformat(received) >= since:
                reports.append(memo)
    return {
        "meeting": meeting or "",
        "generated": (today or dt.date.today()).isoformat(),
        "date": run.date.isoformat(),
        "overview": True,
        "portfolio": portfolio_context(run, schemas, lang),
        "reports": reports,
    }


def single_report(context: dict, report: dict) -> dict:
    """A memo of one report alone (--split), from the meeting's context."""
    return {**context, "overview": False, "reports": [report]}


def split_names(reports: list[dict], fmt: str, lang: str) -> list[str]:
    """A file name per report ('Rapport laxhjalp-vivalla Redovisning Helår 2026.docx'), unique."""
    names: list[str] = []
    taken: set[str] = set()
    for report in reports:
        base = safe_file_name(messages.text("memo.fu.split_name", lang, satsning=report["satsning"]["name"],
                                            report=report["report"]["name"]))
        name, n = base + SUFFIXES[fmt], 2
        while name.casefold() in taken:
            name, n = f"{base} ({n}){SUFFIXES[fmt]}", n + 1
        taken.add(name.casefold())
        names.append(name)
    return names


def write_followup_memos(run: FollowupRun, schemas: SchemaSet, fmt: str, output: Path, *, split: Path | None = None,
                         template: Path | None = None, meeting: str | None = None, lang: str = "sv",
                         since: dt.date | None = None) -> dict:
    """The follow-up memo at `output` and, with `split`, one memo per report in that folder.
    Returns the context (what was written: its satsningar and reports)."""
    context = followup_memo_context(run, schemas, meeting=meeting, lang=lang, since=since)
    jobs = [(context, output)]
    if split is not None:
        for report, name in zip(context["reports"], split_names(context["reports"], fmt, lang)):
            target = split / name
            # Our own memo from an earlier run is replaced; anybody else's file never is.
            if target.exists() and not is_tool_output(target):
                raise MemoError("memo.split_exists", lang, path=str(target))
            jobs.append((single_report(context, report), target))
    render_all(jobs, fmt, template or default_template(fmt, lang, followup=True), lang,
               directories=(split,) if split is not None else ())
    return context
