"""The command line speaks one language per screen (click's own words too), chosen by
--lang or the locale (issue 11, "Everyone")."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from socinv_docs import messages
from socinv_docs.cli import main
from socinv_docs.clilang import detect_language

# click's own words on each screen, as the catalogue's table and click's ids give them
SV_WORDS = ["Användning:", "Fel:"]
EN_WORDS = ["Usage:", "Error:"]


def run(*args, env: dict | None = None):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def commands(group=main, path=()):
    yield path, group
    for name, sub in getattr(group, "commands", {}).items():
        yield from commands(sub, (*path, name))


# -- the language ------------------------------------------------------------------------------

@pytest.mark.parametrize("args,environ,expected", [
    ([], {}, "sv"),
    (["check", "--lang", "en"], {}, "en"),
    (["check", "--lang=en"], {"LANG": "sv_SE.UTF-8"}, "en"),
    (["check"], {"LANG": "en_GB.UTF-8"}, "en"),
    (["check"], {"LANG": "sv_SE.UTF-8"}, "sv"),
    (["check"], {"LANG": "C.UTF-8"}, "sv"),  # neither of ours: Swedish, the tool's language
    (["check"], {"LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),  # LC_ALL wins (POSIX)
    (["check", "--lang", "de"], {"LANG": "en_US.UTF-8"}, "en"),  # an invalid --lang: click says so, in en
    (["check", "--", "--lang", "en"], {}, "sv"),  # after "--" it is a file name
])
def test_language_from_lang_option_then_locale(args, environ, expected):
    assert detect_language(args, environ) == expected


def test_a_usage_error_is_swedish_by_default(cli):
    result = cli("check")
    assert result.exit_code == 2
    assert all(w in result.output for w in SV_WORDS) and "FILER" in result.output
    assert not any(w in result.output for w in EN_WORDS) and "Missing" not in result.output


def test_a_usage_error_follows_lang_and_the_locale(cli):
    english = cli("check", "--lang", "en")
    assert english.exit_code == 2 and "Error: Missing argument 'FILES...'" in english.output
    assert "Användning" not in english.output
    by_locale = run("check", env={"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None})
    assert by_locale.exit_code == 2 and "Usage:" in by_locale.output
    swedish_locale = run("check", env={"LANG": "sv_SE.UTF-8", "LC_ALL": None, "LC_MESSAGES": None})
    assert "Användning:" in swedish_locale.output


@pytest.mark.parametrize("args,swedish,english", [
    (["check", "x.docx", "--lang", "de"], "är inte något av", "is not one of"),
    (["validate", "finns-inte"], "finns inte", "does not exist"),
    (["check", "x.docx", "--bogus"], "finns inte", "No such option"),
    (["check", "x.docx", "--kind", "okand"], "ingen känd mall", "no known template"),
])
def test_click_errors_in_each_language(tmp_path, args, swedish, english):
    sv = run(*args, env={"LANG": "sv_SE.UTF-8", "LC_ALL": None, "LC_MESSAGES": None})
    en = run(*args, env={"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None})
    assert sv.exit_code == 2 and swedish in sv.output and "Fel:" in sv.output and "Error" not in sv.output
    assert en.exit_code == 2 and english in en.output and "Error:" in en.output and "Fel:" not in en.output


def test_every_option_and_command_has_help_in_both_languages():
    for path, command in commands():
        key = ".".join(path) or "main"
        for lang in messages.LANGS:
            assert messages.has(f"cli.{key}.doc"), key
            assert messages.text(f"cli.{key}.doc", lang)
        for param in command.params:
            if param.param_type_name != "option":
                continue
            found = [k for k in (f"cli.{key}.{param.name}", f"cli.opt.{param.name}") if messages.has(k)]
            assert found, (key, param.name)
            assert messages.text(found[0], "sv") != messages.text(found[0], "en"), (key, param.name)


@pytest.mark.parametrize("lang,other", [("sv", "en"), ("en", "sv")])
def test_help_is_one_language_per_screen(lang, other):
    from socinv_docs.clilang import loaded_choices

    for path, command in commands():
        key = ".".join(path) or "main"
        out = run("--lang", lang, *path, "-h").output
        assert ("Användning:" in out) == (lang == "sv") and ("Usage:" in out) == (lang == "en"), key
        for param in command.params:
            if param.param_type_name != "option":
                continue
            k = next(k for k in (f"cli.{key}.{param.name}", f"cli.opt.{param.name}") if messages.has(k))
            assert messages.text(k, lang, **loaded_choices([], lang))[:15] in out, (key, param.name)
            assert messages.text(k, other, **loaded_choices([], other))[:15] not in out, (key, param.name)
        assert messages.text(f"cli.{key}.doc", other)[:20] not in out, key


def test_lang_before_the_command_and_as_the_reports_default(cli, official):
    before = cli("--lang", "en", "check", official / "ideprovning.docx")
    assert "INCOMPLETE" in before.output and "OFULLSTÄNDIG" not in before.output
    by_locale = run("check", official / "ideprovning.docx", env={"LANG": "en_US.UTF-8", "LC_ALL": None})
    assert "INCOMPLETE" in by_locale.output


def test_every_command_that_reads_the_schemas_takes_a_folder_of_ones_own():
    """A funder added with --schemas (docs/funders.md) is the same funder in every command; a
    command without the option would quietly use the shipped ones only."""
    groups = {path for path, command in commands() if getattr(command, "commands", None)}
    for path, command in commands():
        if path in groups:
            continue
        assert "schemas_folder" in {p.name for p in command.params}, path
