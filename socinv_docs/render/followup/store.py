"""What the follow-up workbook keeps of its own, never to change once made: every version of
each satsning's frozen plan, and the reports its schedule expected with the due dates
computed then (SPEC §9: due dates are fixed once computed; a changed beslut makes new
reports, it never moves old ones). On a very hidden sheet of the workbook (workbook.store),
as JSON: one row per satsning and plan version, and one per satsning for its reports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.render.workbook.store import read_store, write_store

TITLE = "socinv-docs planer"  # the sheet's name (very hidden; fixed in every language)
HEADER = ("Post", "Satsning", "Version", "JSON")
PLAN, REPORTS = "plan", "rapporter"


class StoreUnreadable(ValueError):
    """A record of the store cannot be read (someone edited it, or a newer version of the
    tool wrote a plan this one does not read): the run must not go on and overwrite it."""

    def __init__(self, satsning: str, detail: str) -> None:
        super().__init__(f"{satsning}: {detail}")
        self.satsning = satsning
        self.detail = detail


@dataclass
class Stored:
    plans: dict[str, list[Plan]] = field(default_factory=dict)  # satsning -> versions, oldest first
    expected: dict[str, list[tuple[ExpectedReport, int]]] = field(default_factory=dict)  # (report, plan version)
    # satsning -> the keys of its expected reports that had come in at the last run (the
    # file's name): what `socinv followup templates` does not pre-fill again
    received: dict[str, dict[str, str]] = field(default_factory=dict)
    present: bool = False  # the workbook has the store sheet


def read(wb) -> Stored:
    stored = Stored(present=TITLE in wb.sheetnames)
    for (kind, satsning, _version), text in read_store(wb, TITLE, len(HEADER) - 1):
        try:
            data = json.loads(text)
            if kind == PLAN:
                stored.plans.setdefault(satsning, []).append(Plan.from_json(data))
            elif kind == REPORTS:
                rows = [(ExpectedReport.from_json(item["report"]), int(item["version"]), item.get("received"))
                        for item in data]
                stored.expected[satsning] = [(report, version) for report, version, _ in rows]
                stored.received[satsning] = {report.key: str(file) for report, _, file in rows if file}
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreUnreadable(satsning, type(exc).__name__ if not str(exc) else str(exc)[:200]) from exc
    for versions in stored.plans.values():
        versions.sort(key=lambda p: p.version)
    return stored


def write(wb, plans: dict[str, list[Plan]], expected: dict[str, list[tuple[ExpectedReport, int, str | None]]]) -> None:
    """`expected`: satsning -> (report, the plan version that first expected it, the file
    that came in for it or None)."""
    records = []
    for satsning in sorted(plans):
        for plan in plans[satsning]:
            records.append(((PLAN, satsning, str(plan.version)),
                            json.dumps(plan.to_json(), ensure_ascii=False, separators=(",", ":"))))
    for satsning in sorted(expected):
        items = [{"report": report.to_json(), "version": version, "received": received}
                 for report, version, received in expected[satsning]]
        records.append(((REPORTS, satsning, "*"), json.dumps(items, ensure_ascii=False, separators=(",", ":"))))
    write_store(wb, TITLE, HEADER, records)
