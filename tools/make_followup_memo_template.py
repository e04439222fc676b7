"""Build the default Word templates of the follow-up memo (`socinv memo DIR --workbook W`):
templates/uppfoljning.docx (Swedish) and templates/uppfoljning-en.docx (English).

    python3 tools/make_followup_memo_template.py [DIR]      # default: templates/

The same kind of template as the beredningsunderlag's (tools/make_memo_template.py, whose
helpers it uses): A4, real Word headings and table styles, docxtpl tags, "Sida N av M" in
the footer. The portfolio comes first (`{%p if overview %}`: a file of --split leaves it
out), then each report's memo on a page of its own.

The traffic light is a symbol in a run of its colour and a word beside it: three runs, one
per colour, of which the template shows the one whose light it is (`{% if s.light == ... %}`),
so that a secretary can change a colour in Word like any text's. The chart is a paragraph
printing `portfolio.chart.picture` (a Word chart, memo/chart.py), with its table after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_memo_template import (  # noqa: E402
    TABLE_STYLE,
    a4_document,
    conditional_rows,
    criteria_and_findings,
    facts_table,
    loop_table,
    memo_footer,
    page_break,
    set_widths,
    small,
    tag,
)

# The lights' colours: dark enough to read as text on white (WCAG's 3:1 for a symbol).
LIGHT_COLOURS = {"red": "C00000", "yellow": "9C6500", "green": "2E7D32", "grey": "595959"}

LABELS = {
    "sv": {
        "language": "sv-SE",
        "doc_title": "Uppföljning av sociala investeringar",
        "title": "Uppföljning av sociala investeringar",
        "status_on": "Läget {{ date }} (skapad {{ generated }}). {{ portfolio.totals.lights }}.",
        "fund": "Fonden",
        "granted": "Beviljat",
        "paid": "Utbetalt (på rapporter godkända för utbetalning)",
        "paid_short": "Utbetalt",
        "left": "Kvar",
        "count": "Satsningar",
        "satsningar": "Satsningarna",
        "light": "Läge",
        "satsning": "Satsning",
        "next": "Nästa rapport",
        "time": "tid",
        "used": "använt",
        "chart": "Plan och utfall",
        "chart_note": "Planerad kostnad och utfall för varje satsning till och med den senaste rapportens period "
                      "(tabellen nedanför diagrammet har samma siffror).",
        "as_of": "T.o.m.",
        "plan": "Plan",
        "actual": "Utfall",
        "deviation": "Avvikelse",
        "due_soon": "Rapporter som ska in inom {{ portfolio.due_days }} dagar",
        "overdue": "Försenade rapporter",
        "last_year": "Sista året utan plan för implementering",
        "evaluations": "Uppföljande utvärderingar som ska göras",
        "report": "Rapport",
        "due": "Senast",
        "when": "När",
        "end": "Slutar",
        "why": "Varför",
        "none": "Inga.",
        "memo": "Rapport",
        "dnr": "Diarienummer",
        "owner": "Projektägare",
        "period": "Period",
        "plan_version": "Plan",
        "plan_version_value": "version {{ r.satsning.plan_version }}, fryst {{ r.satsning.frozen_on }}",
        "covers": "Avser",
        "received": "Inkom",
        "file": "Fil",
        "status": "Status",
        "decision": "Förslag till beslut",
        "amount": "Belopp att betala ut för perioden:",
        "costs": "Plan mot utfall",
        "year": "År",
        "component": "Kostnadsslag",
        "fund_part": "varav fonden",
        "forecast": "Prognos",
        "share": "%",
        "total": "Totalt",
        "conversion": "Projektår och kalenderår",
        "conversion_note": "Planens budget per projektår fördelas på kalenderår efter månader från beslutad start.",
        "project_year": "Projektår",
        "dates": "Från – till",
        "calendar_years": "Kalenderår",
        "measures": "Mått",
        "goal": "Mål",
        "measure": "Mått",
        "baseline": "Basmätning",
        "target": "Målvärde (tidpunkt)",
        "comment": "Kommentar",
        "result": "Utfall",
        "activities": "Aktiviteter",
        "activity": "Aktivitet",
        "done": "Genomförd",
        "criteria": "Förutsättningar för att nå önskat resultat",
        "criterion": "Förutsättning",
        "answer": "Svar",
        "motivation": "Motivering",
        "findings": "Brister",
        "severity": "Allvar",
        "problem": "Brist",
        "where": "Var",
        "fix": "Åtgärd",
        "no_problems": "Inga brister.",
        "footer": "Uppföljning",
        "page": "Sida {PAGE} av {NUMPAGES}",
    },
    "en": {
        "language": "en-GB",
        "doc_title": "Follow-up of social investments",
        "title": "Follow-up of social investments",
        "status_on": "As of {{ date }} (created {{ generated }}). {{ portfolio.totals.lights }}.",
        "fund": "The fund",
        "granted": "Granted",
        "paid": "Paid (on reports approved for payment)",
        "paid_short": "Paid",
        "left": "Left",
        "count": "Satsningar",
        "satsningar": "The satsningar",
        "light": "State",
        "satsning": "Satsning",
        "next": "Next report",
        "time": "time",
        "used": "used",
        "chart": "Plan and costs",
        "chart_note": "The planned cost and the costs of each satsning up to the end of its latest report's period "
                      "(the table below the chart has the same figures).",
        "as_of": "To",
        "plan": "Plan",
        "actual": "Costs",
        "deviation": "Deviation",
        "due_soon": "Reports due in the next {{ portfolio.due_days }} days",
        "overdue": "Late reports",
        "last_year": "Last year without an implementation plan",
        "evaluations": "Follow-up evaluations due",
        "report": "Report",
        "due": "Due",
        "when": "When",
        "end": "Ends",
        "why": "Why",
        "none": "None.",
        "memo": "Report",
        "dnr": "Reference no.",
        "owner": "Project owner",
        "period": "Period",
        "plan_version": "Plan",
        "plan_version_value": "version {{ r.satsning.plan_version }}, frozen {{ r.satsning.frozen_on }}",
        "covers": "Covers",
        "received": "Received",
        "file": "File",
        "status": "Status",
        "decision": "Proposed decision",
        "amount": "Amount to pay for the period:",
        "costs": "Plan against costs",
        "year": "Year",
        "component": "Cost component",
        "fund_part": "of which the fund",
        "forecast": "Forecast",
        "share": "%",
        "total": "Total",
        "conversion": "Project years and calendar years",
        "conversion_note": "The plan's budget per project year is spread over calendar years by months from the "
                           "decided start.",
        "project_year": "Project year",
        "dates": "From – to",
        "calendar_years": "Calendar years",
        "measures": "Measures",
        "goal": "Goal",
        "measure": "Measure",
        "baseline": "Baseline",
        "target": "Target (when)",
        "comment": "Comment",
        "result": "Result",
        "activities": "Activities",
        "activity": "Activity",
        "done": "Carried out",
        "criteria": "Prerequisites for the intended result",
        "criterion": "Prerequisite",
        "answer": "Answer",
        "motivation": "Reason",
        "findings": "Problems",
        "severity": "Severity",
        "problem": "Problem",
        "where": "Where",
        "fix": "Fix",
        "no_problems": "No problems.",
        "footer": "Follow-up",
        "page": "Page {PAGE} of {NUMPAGES}",
    },
}
TEMPLATE_NAMES = {"sv": "uppfoljning.docx", "en": "uppfoljning-en.docx"}


def light_cell(cell, symbol: str, word: str, reasons: str) -> None:
    """The light: its symbol in a run of its colour (the one of four the template shows), the
    word beside it; why, in a smaller line below."""
    paragraph = cell.paragraphs[0]
    paragraph.text = ""
    for light, colour in LIGHT_COLOURS.items():
        run = paragraph.add_run("{% if " + f"{symbol.split('.')[0]}.light == '{light}'" + " %}{{ " + symbol +
                                " }}{% endif %}")
        run.font.color.rgb = RGBColor.from_string(colour)
        run.bold = True
    paragraph.add_run(" " + word).bold = True
    why = cell.add_paragraph(reasons)
    for run in why.runs:  # not bold, though the table's style makes its first column so
        run.font.size = Pt(8)
        run.italic = True
        run.bold = False


def list_section(doc, t: dict, heading: str, items: str, headers: list[str], cells: list[str],
                 widths: list[float]) -> None:
    """A heading and a table of `items`, or "Inga." when there are none."""
    doc.add_heading(t[heading], level=2)
    tag(doc, "{%p if " + items + " %}")
    table = loop_table(doc, headers, "{%tr for x in " + items + " %}", cells, widths=widths)
    small(table)
    tag(doc, "{%p else %}")
    doc.add_paragraph(t["none"])
    tag(doc, "{%p endif %}")


def portfolio(doc, t: dict) -> None:
    tag(doc, "{%p if overview %}")
    doc.add_paragraph(t["title"], style="Title")
    tag(doc, "{%p if meeting %}")
    doc.add_paragraph("{{ meeting }}", style="Subtitle")
    tag(doc, "{%p endif %}")
    doc.add_paragraph(t["status_on"])

    doc.add_heading(t["fund"], level=1)
    facts_table(doc, [(t["granted"], "{{ portfolio.totals.granted }}"), (t["paid"], "{{ portfolio.totals.paid }}"),
                      (t["left"], "{{ portfolio.totals.left }}"), (t["count"], "{{ portfolio.totals.count }}")],
                widths=(7.0, 9.6))

    doc.add_heading(t["satsningar"], level=1)
    table = loop_table(doc, [t["light"], t["satsning"], t["granted"], t["paid_short"], t["left"], t["next"]],
                       "{%tr for s in portfolio.satsningar %}",
                       ["", "{{ s.title }}", "{{ s.granted }}", "{{ s.paid }}", "{{ s.left }}", "{{ s.next }}"],
                       widths=[3.2, 3.6, 2.5, 2.3, 2.5, 2.5])
    body = table.rows[2]
    light_cell(body.cells[0], "s.light_symbol", "{{ s.light_text }}", "{{ s.reasons|join('; ') }}")
    state = body.cells[1].add_paragraph("{{ s.state }} · " + t["time"] + " {{ s.time_share }}, " + t["used"] +
                                        " {{ s.grant_share }}")
    for run in state.runs:
        run.font.size = Pt(8)
    small(table)

    tag(doc, "{%p if portfolio.chart.rows %}")
    doc.add_heading(t["chart"], level=2)
    doc.add_paragraph(t["chart_note"])
    doc.add_paragraph("{{ portfolio.chart.picture }}")
    chart = loop_table(doc, [t["satsning"], t["as_of"], t["plan"], t["actual"], t["deviation"]],
                       "{%tr for c in portfolio.chart.rows %}",
                       ["{{ c.title }}", "{{ c.as_of }}", "{{ c.plan }}", "{{ c.actual }}", "{{ c.deviation }}"],
                       widths=[5.6, 2.4, 2.9, 2.9, 2.8])
    small(chart)
    tag(doc, "{%p endif %}")

    list_section(doc, t, "due_soon", "portfolio.due_soon", [t["satsning"], t["report"], t["due"], t["when"]],
                 ["{{ x.title }}", "{{ x.report }}", "{{ x.due }}", "{{ x.when }}"], [6.0, 4.8, 2.6, 3.2])
    list_section(doc, t, "overdue", "portfolio.overdue", [t["satsning"], t["report"], t["due"], t["when"]],
                 ["{{ x.title }}", "{{ x.report }}", "{{ x.due }}", "{{ x.when }}"], [6.0, 4.8, 2.6, 3.2])
    list_section(doc, t, "last_year", "portfolio.last_year", [t["satsning"], t["end"], t["why"]],
                 ["{{ x.title }}", "{{ x.end }}", "{{ x.reason }}"], [6.0, 2.6, 8.0])
    list_section(doc, t, "evaluations", "portfolio.evaluations", [t["satsning"], t["report"], t["due"], t["when"]],
                 ["{{ x.title }}", "{{ x.report }}", "{{ x.due }}", "{{ x.when }}"], [6.0, 4.8, 2.6, 3.2])
    tag(doc, "{%p endif %}")


def report_memo(doc, t: dict) -> None:
    tag(doc, "{%p for r in reports %}")
    page_break(doc)
    doc.add_heading(t["memo"] + ": {{ r.title }}", level=1)
    facts = facts_table(doc, [
        (t["satsning"], "{{ r.satsning.title }} ({{ r.satsning.name }})"),
        (t["dnr"], "{{ r.satsning.dnr }}"),
        (t["owner"], "{{ r.satsning.owner }}"),
        (t["period"], "{{ r.satsning.period }}"),
        (t["granted"], "{{ r.satsning.granted }}"),
        (t["plan_version"], t["plan_version_value"]),
        (t["report"], "{{ r.report.name }}"),
    ])
    conditional_rows(facts, "r.report.covers", [(t["covers"], "{{ r.report.covers }}"),
                                                (t["due"], "{{ r.report.due }}")])
    conditional_rows(facts, "r.report.received_on", [(t["received"], "{{ r.report.received_on }}")])
    for label, value in ((t["file"], "{{ r.report.file }}"),
                         (t["status"], "{{ r.report.status_text }} ({{ r.report.counts }})")):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    set_widths(facts, [4.5, 12.1])

    doc.add_heading(t["decision"], level=2)
    decision = doc.add_paragraph()
    decision.add_run("{{ r.proposal.text }}").bold = True
    tag(doc, "{%p if r.proposal.payment %}")
    amount = doc.add_paragraph()
    amount.add_run(t["amount"] + " ")
    amount.add_run("{{ r.proposal.amount }}").bold = True
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for line in r.proposal.why %}")
    doc.add_paragraph("{{ line }}", style="List Bullet")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if r.costs %}")
    doc.add_heading(t["costs"], level=2)
    costs = loop_table(doc, [t["year"], t["component"], t["plan"], t["actual"], t["fund_part"], t["forecast"],
                             t["deviation"], t["share"]],
                       "{%tr for c in r.costs %}",
                       ["{{ c.year }}", "{{ c.component }}", "{{ c.plan }}", "{{ c.actual }}", "{{ c.fund }}",
                        "{{ c.forecast }}", "{{ c.deviation }}", "{{ c.deviation_share }}"],
                       widths=[1.5, 2.6, 2.4, 2.1, 2.0, 1.8, 2.4, 1.8],
                       total=[t["total"], "", "{{ r.costs_total.plan }}", "{{ r.costs_total.actual }}",
                              "{{ r.costs_total.fund }}", "{{ r.costs_total.forecast }}",
                              "{{ r.costs_total.deviation }}", "{{ r.costs_total.deviation_share }}"])
    small(costs, 7.5)
    tag(doc, "{%p for note in r.costs_notes %}")
    doc.add_paragraph("{{ note }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if r.conversion %}")
    doc.add_heading(t["conversion"], level=3)
    doc.add_paragraph(t["conversion_note"])
    conversion = loop_table(doc, [t["project_year"], t["dates"], t["calendar_years"]],
                            "{%tr for k in r.conversion %}",
                            ["{{ k.project_year }}", "{{ k.start }} – {{ k.end }}", "{{ k.years }}"],
                            widths=[2.6, 6.0, 8.0])
    small(conversion)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    # Målvärde and tidpunkt only where the funder's schema has them (Region Gävleborg's).
    tag(doc, "{%p if r.measures %}")
    doc.add_heading(t["measures"], level=2)
    tag(doc, "{%p if r.measures_targets %}")
    measures = loop_table(doc, [t["goal"], t["measure"], t["baseline"], t["target"], t["result"], t["comment"]],
                          "{%tr for m in r.measures %}",
                          ["{{ m.goal }}", "{{ m.measure }}", "{{ m.baseline }}",
                           "{{ m.target }}{% if m.due %} ({{ m.due }}){% endif %}", "{{ m.actual }}",
                           "{{ m.comment }}"], widths=[3.4, 3.4, 2.4, 2.4, 2.4, 2.6])
    small(measures, 8)
    tag(doc, "{%p else %}")
    measures = loop_table(doc, [t["goal"], t["measure"], t["baseline"], t["result"], t["comment"]],
                          "{%tr for m in r.measures %}",
                          ["{{ m.goal }}", "{{ m.measure }}", "{{ m.baseline }}", "{{ m.actual }}", "{{ m.comment }}"],
                          widths=[3.6, 3.8, 3.0, 3.0, 3.2])
    small(measures, 8)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if r.activities %}")
    doc.add_heading(t["activities"], level=2)
    activities = loop_table(doc, [t["activity"], t["done"], t["comment"]], "{%tr for a in r.activities %}",
                            ["{{ a.activity }}", "{{ a.done }}", "{{ a.comment }}"], widths=[7.2, 2.6, 6.8])
    small(activities, 8)
    tag(doc, "{%p endif %}")

    criteria_and_findings(doc, t, "r", t["findings"])
    tag(doc, "{%p endfor %}")


def build(target: Path, lang: str = "sv") -> None:
    t = LABELS[lang]
    doc = a4_document(t)
    section = doc.sections[0]
    assert TABLE_STYLE in [s.name for s in doc.styles]
    portfolio(doc, t)
    report_memo(doc, t)
    memo_footer(section, t["footer"] + "{% if meeting %} – {{ meeting }}{% endif %}", t["page"])
    doc.save(target)


if __name__ == "__main__":
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates"
    for language, name in TEMPLATE_NAMES.items():
        build(out_dir / name, language)
        print(out_dir / name)
