"""The follow-up memos (SPEC §9, issues 20–21): `socinv memo DIR --workbook uppfoljning.xlsx`
on the follow-up samples (samples-uppfoljning). What is asserted is data: each report's memo
(its years of plan against utfall, its measures, its proposal), the portfolio's sections on
chosen dates (render/followup/portfolio.py), the formats, the templates exported and edited,
and applicant text that stays text. Never the wording."""

from __future__ import annotations

import re
import zipfile

import docx
import openpyxl
import pytest
from test_followup_proposal import (  # noqa: F401 (sample: a fixture)
    LAX,
    SAMPLE,
    SAND,
    D,
    copy_of,
    edit_criteria,
    report_file,
    run_on,
    sample,
)

from socinv_docs.render.followup.memo import followup_memo_context
from socinv_docs.render.memo.templates import export_templates

# What an applicant or a projektledare may type that looks like template code or markup.
HOSTILE = "{{ 7*7 }} {%p if true %} <b>fet</b> & {% for x in y %}"

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples-uppfoljning/ not generated")


# -- the memo per report ------------------------------------------------------------------------------


def test_a_reports_memo_shows_its_years_plan_against_utfall_and_its_measures(sample, schemas):
    run = run_on(*sample, D(2028, 2, 15), schemas)
    memos = {(m["satsning"]["name"], m["report"]["due"]): m for m in followup_memo_context(run, schemas)["reports"]}
    assert set(memos) == {(LAX, "2027-01-31"), (LAX, "2027-09-20"), (SAND, "2028-01-31")}
    helar = memos[(LAX, "2027-01-31")]
    assert {c["year"] for c in helar["costs"]} == {2026}  # the year it covers, not the plan of 2029
    assert (helar["costs_total"]["plan_value"], helar["costs_total"]["fund_value"]) == (500_000, 432_000)
    assert helar["proposal"]["decision"] == "payment" and helar["proposal"]["amount_value"] == 432_000
    assert helar["measures"] and all(m["reported"] for m in helar["measures"])
    assert not helar["measures_targets"]  # Örebro's schema has no målvärde
    assert memos[(SAND, "2028-01-31")]["measures_targets"]  # Region Gävleborg's has
    # Delår 2 2027 gives no prognos: its year is held against the plan's 8 months of 12.
    delar = memos[(LAX, "2027-09-20")]
    personal = next(c for c in delar["costs"] if c["year"] == 2027 and c["actual_value"])
    assert delar["costs_notes"] and personal["deviation_value"] == personal["actual_value"] - round(
        personal["plan_value"] * 8 / 12)


def test_since_keeps_the_memos_of_the_reports_that_came_in_from_that_day(sample, schemas):
    run = run_on(*sample, D(2028, 2, 15), schemas)
    memos = followup_memo_context(run, schemas, since=D(2027, 9, 1))["reports"]
    assert sorted((m["satsning"]["name"], m["report"]["received_on"]) for m in memos) == [
        (LAX, "2027-09-18"), (SAND, "2028-01-29")]


# -- the portfolio on chosen dates --------------------------------------------------------------------


def test_the_portfolio_on_the_meeting_day(sample, schemas):
    portfolio = followup_memo_context(run_on(*sample, D(2028, 2, 15), schemas), schemas)["portfolio"]
    lights = {s["name"]: s["light"] for s in portfolio["satsningar"]}
    assert lights == {LAX: "red", SAND: "yellow"}  # late and a supplement; warnings on its latest report
    assert all(s["light_symbol"] and s["light_text"] for s in portfolio["satsningar"])  # never colour alone
    assert [(x["satsning"], x["due"], x["days"]) for x in portfolio["overdue"]] == [(LAX, "2028-01-31", 15)]
    assert portfolio["due_soon"] == [] and portfolio["last_year"] == [] and portfolio["evaluations"] == []
    totals = portfolio["totals"]
    assert (totals["granted_value"], totals["paid_value"], totals["left_value"]) == (
        5_130_000, 432_000 + 391_000, 5_130_000 - 823_000)
    chart = {r["satsning"]: (r["as_of"], r["plan_value"], r["actual_value"]) for r in portfolio["chart"]["rows"]}
    assert chart[SAND][0] == "2027-12-31" and chart[LAX][0] == "2027-08-31"
    assert portfolio["chart"]["alt"] and portfolio["chart"]["picture"]


def test_the_portfolio_before_a_due_date_lists_the_report_due(sample, schemas):
    portfolio = followup_memo_context(run_on(*sample, D(2028, 1, 10), schemas), schemas)["portfolio"]
    assert [(x["satsning"], x["due"], x["days"]) for x in portfolio["due_soon"]] == [(LAX, "2028-01-31", 21)]
    assert portfolio["overdue"] == []


def test_the_portfolio_in_the_last_year_and_after_the_end(sample, schemas):
    last = followup_memo_context(run_on(*sample, D(2029, 3, 1), schemas), schemas)["portfolio"]
    assert {x["satsning"] for x in last["last_year"]} == {LAX, SAND}  # no report from their last year
    after = followup_memo_context(run_on(*sample, D(2029, 10, 1), schemas), schemas)["portfolio"]
    assert [(x["satsning"], x["due"]) for x in after["evaluations"]] == [(LAX, "2031-08-31")]


# -- the command, its formats and its templates --------------------------------------------------------


@pytest.mark.parametrize("fmt,lang", [("docx", "sv"), ("html", "en"), ("md", "sv")])
def test_memo_on_the_follow_up_folder_writes_every_format_and_never_the_workbook(sample, cli, tmp_path, fmt, lang):
    folder, workbook = sample
    before = workbook.read_bytes()
    out = tmp_path / f"uppfoljning.{fmt}"
    result = cli("memo", folder, "--workbook", workbook, "--date", "2028-02-15", "-o", out, "--lang", lang,
                 "--split", tmp_path / "diarium")
    assert result.exit_code == 0, result.output
    assert workbook.read_bytes() == before
    assert len(list((tmp_path / "diarium").iterdir())) == 3  # one per report received
    if fmt == "docx":
        with zipfile.ZipFile(out) as z:
            charts = [n for n in z.namelist() if n.startswith("word/charts/chart")]
            body = z.read("word/document.xml").decode("utf-8")
        assert len(charts) == 1 and re.search(r'<wp:docPr [^>]*descr="[^"]+"', body)  # a chart with its text
    elif fmt == "html":
        text = out.read_text(encoding="utf-8")
        assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in text and "<desc" in text


def test_a_report_given_as_a_submission_is_refused_not_made_a_beredningsunderlag(sample, cli, tmp_path):
    """A redovisning's memo needs the follow-up run (the plan, what was paid before): given
    alone to `memo`, it is refused, nothing written, with the command to use instead."""
    folder, _ = sample
    [report] = sorted(folder.glob("laxhjalp-vivalla/rapporter/*.docx"))[:1]
    result = cli("memo", report, "-o", tmp_path / "memo.md")
    assert result.exit_code == 2 and not (tmp_path / "memo.md").exists()
    assert "--workbook" in result.stderr  # the way on: a command, not wording


@pytest.mark.parametrize("args", [
    ("--register", "REG"),  # the review group's register and the follow-up workbook together
    ("--no-workbook", "--date", "2028-02-15"),  # --date is the follow-up memo's
    ("--no-workbook",),  # a follow-up folder taken as submissions
])
def test_memo_options_that_do_not_go_together_are_refused(sample, cli, tmp_path, args):
    folder, workbook = sample
    register = tmp_path / "register.xlsx"
    openpyxl.Workbook().save(register)
    more = [register if a == "REG" else a for a in args if a != "--no-workbook"]
    with_workbook = [] if "--no-workbook" in args else ["--workbook", workbook]
    result = cli("memo", folder, *with_workbook, *more, "-o", tmp_path / "memo.docx")
    assert result.exit_code == 2 and not (tmp_path / "memo.docx").exists()


def test_templates_export_writes_the_follow_up_templates_and_an_edited_one_is_honoured(sample, cli, tmp_path):
    folder, workbook = sample
    exported = {p.name for p in export_templates(tmp_path / "mallar")}
    assert {"uppfoljning.docx", "uppfoljning-en.docx", "uppfoljning.html.j2", "uppfoljning-en.html.j2",
            "uppfoljning.md.j2", "uppfoljning-en.md.j2"} <= exported
    html = tmp_path / "mallar" / "uppfoljning.html.j2"
    html.write_text(html.read_text(encoding="utf-8").replace("<h2>Fonden</h2>", "<h2>Fondens pengar</h2>"),
                    encoding="utf-8")
    word = tmp_path / "mallar" / "uppfoljning.docx"
    d = docx.Document(str(word))
    heading = next(p for p in d.paragraphs if p.text == "Fonden")
    heading.runs[0].text = "Fondens pengar"
    for run in heading.runs[1:]:
        run.text = ""
    d.save(str(word))
    for template, out in ((html, tmp_path / "memo.html"), (word, tmp_path / "memo.docx")):
        result = cli("memo", folder, "--workbook", workbook, "--date", "2028-02-15", "--template", template,
                     "-o", out)
        assert result.exit_code == 0, result.output
    assert "<h2>Fondens pengar</h2>" in (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert "Fondens pengar" in [p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs]


def test_report_text_never_becomes_template_code(sample, cli, tmp_path):
    folder, workbook = copy_of(sample, tmp_path)
    edit_criteria(report_file(folder, LAX, "Redovisning helår 2026"), motivation=HOSTILE)
    texts = {}
    for fmt in ("docx", "html", "md"):
        out = tmp_path / f"memo.{fmt}"
        result = cli("memo", folder, "--workbook", workbook, "--date", "2028-02-15", "-o", out)
        assert result.exit_code == 0, result.output
        texts[fmt] = out.read_text(encoding="utf-8") if fmt != "docx" else "\n".join(
            c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells)
    assert HOSTILE in texts["docx"] and "49" not in texts["docx"].split(HOSTILE)[0][-5:]
    assert "{{ 7*7 }}" in texts["html"] and "<b>fet</b>" not in texts["html"] and "&lt;b&gt;fet" in texts["html"]
    assert "\\{\\{ 7\\*7 \\}\\}" in texts["md"] and "<b>fet</b>" not in texts["md"]  # escaped for Markdown
    assert all(" 49 " not in t for t in texts.values())
