"""What `socinv followup` prints: a line per satsning — its state, its name, its findings
counted, and its next report or why it has no plan — then the run's summary."""

from __future__ import annotations

from socinv_docs import messages
from socinv_docs.followup_report import FollowupRun, SatsningFollowup, State
from socinv_docs.render.followup.sheets import satsningar


def satsning_line(s: SatsningFollowup, today, lang: str = "sv") -> str:
    state = satsningar.SHEET.text(f"followup.sat.state.{satsningar.state_of(s, today)}", lang)
    line = f"{state:<17} {s.satsning}  ({messages.counts(s.errors, s.warnings, lang)})"
    if s.problem is not None:  # no plan could be made, or (a frozen plan in force) the beslut cannot be read
        problem = " ".join(messages.text(s.problem["key"], lang, **(s.problem.get("params") or {})).split())
        return f"{line}: {messages.text('followup.line.no_plan', lang, problem=problem) if s.plan is None else problem}"
    parts = []
    late = sum(1 for row in s.expected if row.status.state is State.LATE)
    if late:
        parts.append(messages.text("followup.line.late", lang, count=late))
    nxt = s.next_due()
    if nxt is not None:
        name = f"{nxt.kind_name.get(lang) or nxt.kind_name.get('sv', '')} {nxt.label.get(lang) or ''}".strip() \
            if nxt.report.period else nxt.kind_name.get(lang) or nxt.kind_name.get("sv", "")
        parts.append(messages.text("followup.line.next", lang, report=name, due=nxt.report.due.isoformat()))
    return f"{line}: {'; '.join(parts)}" if parts else line


def summary_line(run: FollowupRun, lang: str = "sv") -> str:
    stats = run.stats()
    return messages.text("followup.summary", lang, satsningar=stats["satsningar"], reports=stats["reports"],
                         without_plan=stats["without_plan"], expected=stats["expected"],
                         late=stats["expected_late"], complete=stats["expected_complete"],
                         incomplete=stats["expected_incomplete"], date=stats["date"], seconds=round(run.seconds, 1))


def followup_lines(run: FollowupRun, lang: str = "sv") -> list[str]:
    return [*(satsning_line(s, run.date, lang) for s in run.satsningar), "", summary_line(run, lang)]
