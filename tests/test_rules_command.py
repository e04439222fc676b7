"""`socinv rules` explains every code as `ruff rule` does: severity, what it checks, why (the
sources' words) and an example, in Swedish or English (issue 11, "Everyone")."""

from __future__ import annotations

from socinv_docs.codes import DEFAULT_SEVERITY, Code
from socinv_docs.render.rules import words_of


def test_every_code_is_explained_in_both_languages():
    for code in Code:
        words = words_of(code)
        for part in ("what", "why", "example"):
            assert words.has(f"rules.{code.value}.{part}"), (code, part)
            sv, en = (words.text(f"rules.{code.value}.{part}", lang) for lang in ("sv", "en"))
            assert sv and en, (code, part)
        assert words.text(f"rules.{code.value}.what", "sv") != words.text(f"rules.{code.value}.what", "en")


def test_rules_lists_every_code_with_its_severity(cli):
    result = cli("rules")
    assert result.exit_code == 0
    heads = [line.split(" — ")[0] for line in result.output.splitlines() if " — " in line and line[:1].isupper()]
    assert heads == [c.value for c in Code]
    data = cli("rules", "--format", "json").json
    assert [(r["code"], r["severity"]) for r in data["rules"]] == [(c.value, DEFAULT_SEVERITY[c].value) for c in Code]
    assert all(r["what"] and r["why"] and r["example"] for r in data["rules"])


def test_rules_code_explains_one(cli):
    sv = cli("rules", "criterion_unclear")
    en = cli("rules", "CRITERION_UNCLEAR", "--lang", "en")
    assert sv.exit_code == en.exit_code == 0
    assert sv.output.startswith("CRITERION_UNCLEAR — ") and en.output.startswith("CRITERION_UNCLEAR — ")
    words = words_of(Code.CRITERION_UNCLEAR)
    assert words.text("rules.CRITERION_UNCLEAR.why", "sv")[:30] in sv.output
    assert words.text("rules.CRITERION_UNCLEAR.why", "en")[:30] in en.output
    assert cli("rules", "SECTION_MISSING", "--format", "json").json["code"] == "SECTION_MISSING"


def test_rules_unknown_code_suggests_and_exits_2(cli):
    result = cli("rules", "CRITERON_UNCLEAR")
    assert result.exit_code == 2 and "CRITERION_UNCLEAR" in result.output


def test_the_follow_up_runs_codes_say_where_they_apply(cli):
    from socinv_docs import messages

    for code in ("REPORT_OVERDUE", "REPORT_PERIOD_INVALID", "PLAN_CHANGED"):
        result = cli("rules", code)
        assert result.exit_code == 0
        assert messages.text("rules.followup_run")[:40] in " ".join(result.output.split())
    assert messages.text("rules.every_funder")[:40] in " ".join(cli("rules", "FUNDERS_MIXED").output.split())
