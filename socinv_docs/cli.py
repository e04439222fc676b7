"""The `socinv` command. Wiring only: every decision is made in the modules it calls.

Each command imports what it uses inside itself, so that `socinv --help` and each command
start without the others' code. Measured with `python -X importtime` after `import
socinv_docs.cli` (2-core VM, busy, 2026-12-05; the best of three): the loader with every
rule 185 ms, the pipeline 220 ms, the text report 100 ms, the annotator 180 ms, validate
250 ms, the register 115 ms, the memos 155 ms, `rules` 180 ms, `profiles` 90 ms, the web
stack 350 ms; even report.py 30 ms and atomic.py 9 ms — against `check`'s target of
0.2 s over the interpreter's start (README, Performance).
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from socinv_docs import __version__, messages
from socinv_docs.clilang import LocalisedGroup
from socinv_docs.names import printable


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta["lang"] = value  # shared by every context: the Ctrl-C message uses it
    return value


# Help texts and metavars come from the catalogue ("cli.*"), in the language of the screen:
# clilang.LocalisedGroup sets them before click parses (and `--lang`'s default with them).
LANG = click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
                    callback=_remember_lang)
FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
# A folder of one's own funders: added to the shipped ones, or in their place when it holds a
# common.yaml (loading.schema_folders); without it, SOCINV_SCHEMAS.
SCHEMAS = click.option("--schemas", "schemas_folder", type=click.Path(path_type=Path, file_okay=False), default=None)


def _schemas(lang: str, folder: Path | None = None):
    # start-up: the loader imports every rule (see the module's docstring)
    from socinv_docs.loading import SchemaError, load_schemas

    try:
        return load_schemas(folder)
    except SchemaError as exc:
        click.echo(messages.text("ui.schema_error", lang, detail=exc.text(lang)), err=True)
        sys.exit(2)


def _validate_choice(schemas, kind: str | None, profile: str | None, lang: str = "sv") -> None:
    if kind and kind not in schemas.kinds:
        raise click.BadParameter(messages.text("cli.unknown_kind", lang, value=kind, known=sorted(schemas.kinds)),
                                 param_hint="--kind")
    if profile and profile not in schemas.profiles:
        raise click.BadParameter(messages.text("cli.unknown_profile", lang, value=profile,
                                               known=sorted(schemas.profiles)), param_hint="--profile")
    if kind and profile and kind not in schemas.profiles[profile].kinds:
        raise click.BadParameter(messages.text("cli.kind_not_in_profile", lang, value=profile, kind=kind,
                                               known=schemas.profiles[profile].kinds), param_hint="--profile")


# -h works as well as --help.
CONTEXT = {"help_option_names": ["-h", "--help"]}
HELP = click.help_option("-h", "--help")


class Terminated(BaseException):
    """SIGTERM (`kill`, a service manager or a scheduler stopping the run), raised where the
    run is so that it unwinds like Ctrl-C. Without it Python ended at once and left the
    register's temporary file and its lock file behind."""


def _terminate(signum, frame) -> None:
    raise Terminated


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM raises Terminated while the command runs (only the main thread can set a
    handler: elsewhere, as in a test runner's thread, it is left as it is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Main(LocalisedGroup):
    """Ctrl-C ends every command with exit 130 and SIGTERM with 143 (128 + the signal: the
    shell's convention for a program a signal stopped; click's own "Aborted!" exits 1,
    which reads as "incomplete"). Both unwind the same way: what was being written is
    removed on the way out (atomic.atomic_path), the workers are stopped
    (validate.check_files) and the register lock is let go (atomic.exclusive)."""

    def invoke(self, ctx: click.Context):
        try:
            with _sigterm_unwinds():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(messages.text("ui.interrupted", ctx.meta.get("lang", "sv")), err=True)
            sys.exit(130)
        except Terminated:
            click.echo(messages.text("ui.terminated", ctx.meta.get("lang", "sv")), err=True)
            sys.exit(128 + signal.SIGTERM)


@click.group(cls=_Main, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="socinv")
@HELP
# Also before the command (`socinv --lang en check …`): the language is read before parsing
# (clilang.detect_language) and is every command's --lang default.
@click.option("--lang", type=click.Choice(["sv", "en"]), expose_value=False)
def main() -> None:
    """socinv — checks applications for social investment funds (help text: "cli.main.doc")."""


def _libraries_print_to_stderr():
    """While a command reads and writes files, what a library prints goes to standard
    error: standard output carries only the command's own output, the JSON of `--format
    json` above all. (xlrd printed its diagnostics there; readers/xls_reader.py gives them a
    sink of their own, and this keeps any other library from doing the same. LibreOffice
    runs with its output discarded; validate's workers keep off stdout themselves.)"""
    return contextlib.redirect_stdout(sys.stderr)


def _write(text: str) -> None:
    # Applicant text can hold any character; never fail on a terminal's encoding.
    try:
        click.echo(text)
    except UnicodeEncodeError:
        click.echo(text.encode("ascii", "replace").decode("ascii"))


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT
@LANG
@click.option("--kind", default=None)
@click.option("--profile", default=None)
@click.option("--annotate", "annotate", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--annotate-dir", "annotate_dir", type=click.Path(path_type=Path, file_okay=False), default=None)
@SCHEMAS
def check(files: tuple[Path, ...], fmt: str, lang: str, kind: str | None, profile: str | None,
          annotate: Path | None = None, annotate_dir: Path | None = None, schemas_folder: Path | None = None) -> None:
    """Kontrollera att en ansökan är komplett (FILES: .docx/.xlsx).

    Flera filer kontrolleras som ett inskick (ansökan med bilagor). Med --annotate
    (--annotate-dir för flera filer) sparas en kopia med en kommentar vid varje brist.
    """
    # start-up: only the commands that check files load the use cases with the pipeline, and
    # the text report (see the module's docstring)
    from socinv_docs import service
    from socinv_docs.render.text import document_text, submission_text

    schemas = _schemas(lang, schemas_folder)
    _validate_choice(schemas, kind, profile, lang)
    with _refusals_exit(lang):
        targets = service.annotate_targets(files, annotate, annotate_dir)
    with _libraries_print_to_stderr():
        checked = service.Checked.of(service.check_files(files, schemas, kind=kind, profile=profile))
    if fmt == "json":
        _write(json.dumps(checked.to_json(lang), ensure_ascii=False, indent=2))
    elif checked.alone is not None:
        _write(document_text(checked.alone, schemas, lang))
    else:
        _write(submission_text(checked.submission, schemas, lang))
    with _libraries_print_to_stderr():
        copies = service.annotate_copies(checked, files, targets, lang)
    for copy in copies:
        _err(copy.text(lang))
    if any(copy.failed for copy in copies):
        sys.exit(2)  # a copy that cannot be written ends the run with exit 2
    sys.exit(checked.status.exit_code)


def _run_with_progress(job, lang: str):
    """Prepare a folder's job (a refusal: its words, exit 2) and run it, with a progress bar
    per file on a terminal (validate, followup)."""

    with _refusals_exit(lang):
        files = job.prepare()
    if files and sys.stderr.isatty():
        with click.progressbar(length=files, label=messages.text("ui.validate.progress", lang), file=sys.stderr,
                               show_pos=True) as bar, _libraries_print_to_stderr():
            return job.run(on_file=lambda _report: bar.update(1))
    with _libraries_print_to_stderr():
        return job.run()


@contextmanager
def _refusals_exit(lang: str) -> Iterator[None]:
    """What the service refuses (a register that is not ours, a folder of another kind, an
    output onto an input): its words on stderr and exit 2, nothing written."""
    from socinv_docs import service  # see check

    try:
        yield
    except service.Refused as exc:
        _err(exc.text(lang))
        sys.exit(2)


def _err(text: str) -> None:
    click.echo(text, err=True)


FOLLOW_LINKS = click.option("--follow-links", is_flag=True)


def _day(ctx: click.Context, param: click.Parameter, value: str | None):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(messages.text("followup.bad_date", ctx.meta.get("lang", "sv"), value=value)) from None



@main.command(context_settings=CONTEXT)
@HELP
@click.argument("directory", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--register", "register", type=click.Path(path_type=Path, dir_okay=False), default=None)
@FORMAT
@click.option("--jobs", type=click.IntRange(min=1), default=None)
@LANG
@click.option("--kind", default=None)
@click.option("--profile", default=None)
@click.option("--force", is_flag=True)
@FOLLOW_LINKS
@SCHEMAS
def validate(directory: Path, register: Path | None, fmt: str, jobs: int | None, lang: str, kind: str | None,
             profile: str | None, force: bool, follow_links: bool = False, schemas_folder: Path | None = None) -> None:
    """Kontrollera alla inskick i en mapp och skriv registret (DIRECTORY).

    Varje undermapp är ett inskick (ansökan med bilagor); varje fil direkt i mappen är ett
    eget inskick. Exempel: socinv validate inkomna/ --register register.xlsx
    """
    from socinv_docs import service  # see check
    from socinv_docs.validate import skipped_line, sort_key, submission_line, summary_line  # start-up: see check

    schemas = _schemas(lang, schemas_folder)
    _validate_choice(schemas, kind, profile, lang)
    job = service.FolderValidation(directory, schemas, register=register, kind=kind, profile=profile, jobs=jobs,
                                   force=force, follow_links=follow_links, lang=lang)
    run = _run_with_progress(job, lang)
    # stdout: the JSON, or one line per submission and per entry not checked, in name order
    # like a listing of the folder, then the summary.
    if fmt == "json":
        _write(json.dumps(run.to_json(lang), ensure_ascii=False, indent=2))
        _err(summary_line(run, lang))
    else:
        lines = [(sort_key(s.submission), submission_line(s, lang)) for s in run.submissions]
        lines += [(sort_key(e.path), skipped_line(e, lang)) for e in run.skipped]
        _write("\n".join([*(line for _, line in sorted(lines)), "", summary_line(run, lang)]))
    if not run.submissions:  # nothing to put in a register: say so, never write an empty one
        _err(messages.text("ui.validate.none", lang, dir=printable(directory)))
        sys.exit(2)
    if register is not None:
        with _refusals_exit(lang):
            with _libraries_print_to_stderr():
                result = job.write_register(run)
        _err(messages.text("ui.register.written", lang, path=printable(register), rows=result.rows,
                           removed=result.removed))
    sys.exit(run.status.exit_code)


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--register", "register", type=click.Path(exists=True, path_type=Path, dir_okay=False), default=None)
@click.option("--meeting", default=None)
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "md"]), default=None)
@click.option("--template", "template", type=click.Path(exists=True, path_type=Path, dir_okay=False), default=None)
@click.option("--split", "split", type=click.Path(path_type=Path, file_okay=False), default=None)
@click.option("--jobs", type=click.IntRange(min=1), default=None)
@click.option("--workbook", "workbook", type=click.Path(exists=True, path_type=Path, dir_okay=False), default=None)
@click.option("--date", "date", default=None, callback=_day)
@click.option("--since", "since", default=None, callback=_day)
@LANG
@FOLLOW_LINKS
@SCHEMAS
def memo(inputs: tuple[Path, ...], output: Path, register: Path | None, meeting: str | None, fmt: str | None,
         template: Path | None, jobs: int | None, lang: str, follow_links: bool = False,
         split: Path | None = None, workbook: Path | None = None, date=None, since=None,
         schemas_folder: Path | None = None) -> None:
    """Skriv beredningsunderlag och mötessammanställning (INPUTS: mapp eller filer).

    En mapp ger ett underlag per inskick; filer tillsammans är ett inskick.
    Exempel: socinv memo inkomna/ --register register.xlsx -o underlag.docx
    """
    from socinv_docs import service  # see check
    from socinv_docs.render.memo import MemoError, read_assessments, write_memos  # start-up: Jinja, docxtpl
    from socinv_docs.validate import skipped_line  # start-up: see check

    fmt = fmt or _memo_format(template, output)
    if template is not None and _memo_format(template, None) != fmt:
        raise click.BadParameter(f"{template.name} ≠ {fmt}", param_hint="--template")
    if _memo_format(None, output, default=None) != fmt:
        # A Word file named memo.pdf (or HTML in a .docx) is worse than no file at all.
        _err(messages.text("memo.wrong_suffix", lang, path=printable(output), format=fmt, suffix=MEMO_SUFFIX[fmt]))
        sys.exit(2)
    with _refusals_exit(lang):
        service.refuse_memo_onto_input(output, inputs, [p for p in (register, template, workbook) if p is not None])
        service.refuse_memo_options(inputs, register=register, workbook=workbook, date=date, since=since)
    if workbook is not None:
        _followup_memo(inputs[0], workbook, output, fmt, template=template, split=split, meeting=meeting, date=date,
                       since=since, jobs=jobs, lang=lang, follow_links=follow_links, schemas_folder=schemas_folder)
        return
    schemas = _schemas(lang, schemas_folder)
    assessments = {}
    if register is not None:
        try:
            assessments = read_assessments(register, lang)
        except MemoError as exc:
            _err(exc.text(lang))
            sys.exit(2)
    run = service.memo_run(inputs, schemas, jobs=jobs, follow_links=follow_links,
                           skip=[output, *([register] if register else [])])
    for entry in run.skipped:  # the memo is not about them, but the secretary must know
        _err(skipped_line(entry, lang))
    with _refusals_exit(lang):
        service.refuse_reports_in_memo(run, schemas)
    try:
        write_memos(run, schemas, fmt, output, split=split, template=template, assessments=assessments,
                    meeting=meeting, lang=lang)
    except MemoError as exc:
        _err(exc.text(lang))
        sys.exit(2)
    except OSError as exc:
        _err(messages.text("ui.write_failed", lang, path=printable(exc.filename or output),
                           error=messages.os_error(exc, lang)))
        sys.exit(2)
    _err(messages.text("memo.written", lang, path=printable(output), count=len(run.submissions)))
    if split is not None:
        _err(messages.text("memo.split_written", lang, path=printable(split), count=len(run.submissions)))


MEMO_SUFFIX = {"docx": ".docx", "html": ".html", "md": ".md"}


def _followup_memo(directory: Path, workbook: Path, output: Path, fmt: str, *, template: Path | None,
                   split: Path | None, meeting: str | None, date, since, jobs: int | None, lang: str,
                   follow_links: bool, schemas_folder: Path | None = None) -> None:
    """`memo DIR --workbook W`: the follow-up run as `followup` makes it (the workbook only
    read), then the portfolio and a memo per report."""
    # start-up: the follow-up run, its pipeline and the workbook's reader only here (see check)
    from socinv_docs import followup as F
    from socinv_docs.render.followup.memo import write_followup_memos
    from socinv_docs.render.memo import MemoError
    from socinv_docs.validate import skipped_line

    schemas = _schemas(lang, schemas_folder)
    job = F.Followup(directory, schemas, workbook=workbook, date=date, lang=lang, jobs=jobs,
                     follow_links=follow_links, skip=tuple(p for p in (output, template) if p is not None),
                     read_only=True)
    with _refusals_exit(lang):
        job.prepare()
    with _libraries_print_to_stderr():
        run = job.run()
    for entry in run.skipped:  # the memo is not about them, but the processledare must know
        _err(skipped_line(entry, lang))
    try:
        context = write_followup_memos(run, schemas, fmt, output, split=split, template=template, meeting=meeting,
                                       lang=lang, since=since)
    except MemoError as exc:
        _err(exc.text(lang))
        sys.exit(2)
    except OSError as exc:
        _err(messages.text("ui.write_failed", lang, path=printable(exc.filename or output),
                           error=messages.os_error(exc, lang)))
        sys.exit(2)
    _err(messages.text("memo.fu.written", lang, path=printable(output), satsningar=len(run.satsningar),
                       reports=len(context["reports"])))
    if split is not None:
        _err(messages.text("memo.fu.split_written", lang, path=printable(split), count=len(context["reports"])))


def _memo_format(template: Path | None, output: Path | None, default: str | None = "docx") -> str | None:
    for path in (template, output):
        if path is None:
            continue
        name = path.name.lower()
        for fmt, endings in (("docx", (".docx",)), ("html", (".html", ".htm", ".html.j2", ".htm.j2")),
                             ("md", (".md", ".md.j2", ".markdown"))):
            if name.endswith(endings):
                return fmt
    return default


class _FollowupGroup(click.Group):
    """`socinv followup DIR …` runs the follow-up; `socinv followup templates …` is a
    sub-command of its own. Whatever is not a sub-command's name goes to the hidden `run`
    (options first as well); so a folder literally named like a sub-command is given as
    ./templates (the help says so)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        help_only = args and args[0] in ctx.help_option_names
        if args and args[0] not in self.commands and not help_only:
            args = ["run", *args]
        return super().parse_args(ctx, args)


@main.group(cls=_FollowupGroup, context_settings=CONTEXT)
@HELP
def followup() -> None:
    """Follow up granted satsningar (help text: "cli.followup.doc")."""


@followup.command("run", hidden=True, context_settings=CONTEXT)
@HELP
@click.argument("directory", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--workbook", "workbook", required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--date", "date", default=None, callback=_day)
@FORMAT
@click.option("--calendar", "calendar", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--reminder-days", "reminder_days", type=click.IntRange(min=0, max=365), default=14, show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=None)
@LANG
@click.option("--force", is_flag=True)
@FOLLOW_LINKS
@SCHEMAS
def followup_run(directory: Path, workbook: Path, date, fmt: str, calendar: Path | None, reminder_days: int,
                 jobs: int | None, lang: str, force: bool, follow_links: bool = False,
                 schemas_folder: Path | None = None) -> None:
    """Follow up the satsningar in DIRECTORY (help text: "cli.followup.run.doc")."""
    # start-up: only `followup` loads the follow-up run with the pipeline and the workbook
    from socinv_docs import followup as F
    from socinv_docs.render.followup.calendar import write_calendar
    from socinv_docs.render.followup.text import followup_lines
    from socinv_docs.validate import skipped_line

    schemas = _schemas(lang, schemas_folder)
    job = F.Followup(directory, schemas, workbook=workbook, date=date, lang=lang, jobs=jobs, force=force,
                     follow_links=follow_links, skip=tuple(p for p in (calendar,) if p is not None))
    run = _run_with_progress(job, lang)
    if fmt == "json":
        _write(json.dumps(run.to_json(lang), ensure_ascii=False, indent=2))
    else:
        _write("\n".join([*followup_lines(run, lang), *(skipped_line(e, lang) for e in run.skipped)]))
    with _refusals_exit(lang):
        with _libraries_print_to_stderr():
            result = job.write_workbook(run)
    _err(messages.text("followup.written", lang, path=printable(workbook), satsningar=result.satsningar,
                       reports=result.reports))
    if calendar is not None:
        try:
            count = write_calendar(calendar, run, reminder_days=reminder_days, lang=lang)
        except OSError as exc:
            _err(messages.text("ui.write_failed", lang, path=printable(calendar), error=messages.os_error(exc, lang)))
            sys.exit(2)
        _err(messages.text("followup.calendar_written", lang, path=printable(calendar), count=count))
    sys.exit(run.status.exit_code)


@followup.command("templates", context_settings=CONTEXT)
@HELP
@click.option("--workbook", "workbook", required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--date", "date", default=None, callback=_day)
@click.option("--all", "every", is_flag=True)
@LANG
@SCHEMAS
def followup_templates(workbook: Path, output_dir: Path, date, every: bool, lang: str,
                       schemas_folder: Path | None = None) -> None:
    """Write pre-filled reports (help text: "cli.followup.templates.doc")."""
    import datetime as dt

    # start-up: only `followup templates` loads python-docx and the workbook's reader
    from socinv_docs import followup_templates as T

    job = T.FollowupTemplates(workbook, output_dir, _schemas(lang, schemas_folder), date=date, every=every)
    with _refusals_exit(lang):
        job.prepare()
        with _libraries_print_to_stderr():
            job.write()
    _write("\n".join(T.lines(job, dt.date.today(), lang)))


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("name", required=False)
@LANG
@SCHEMAS
def profiles(name: str | None, lang: str, schemas_folder: Path | None = None) -> None:
    """Visa finansiärernas profiler; med NAME varje regel och värde som gäller."""
    # start-up: only `profiles` (see the module's docstring)
    from socinv_docs.render.profiles import profile_detail, profiles_list

    schemas = _schemas(lang, schemas_folder)
    if name is None:
        _write(profiles_list(schemas, lang))
        return
    if name not in schemas.profiles:
        _err(messages.text("profiles.unknown", lang, name=name, known=", ".join(schemas.profiles)))
        sys.exit(2)
    _write(profile_detail(schemas.profiles[name], schemas, lang))


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("code", required=False)
@FORMAT
@LANG
@click.option("--profile", default=None)
@SCHEMAS
def rules(code: str | None, fmt: str, lang: str, profile: str | None = None, schemas_folder: Path | None = None) -> None:
    """Every rule code with its severity, what it checks, why and an example, and what each
    funder's profile demands by it; or one CODE; with --profile, that funder's only."""
    # start-up: only `rules` (see the module's docstring)
    from socinv_docs.render.rules import explain, find_code, rule_text, rules_json, rules_text, suggestions

    found = find_code(code) if code is not None else None
    if code is not None and found is None:
        close = suggestions(code)
        hint = messages.text("rules.did_you_mean", lang, codes=close) if close else ""
        _err(messages.text("rules.unknown", lang, code=code, suggestion=hint))
        sys.exit(2)
    # The explanations are made from the loaded profiles' values: the funders' own terms.
    schemas = _schemas(lang, schemas_folder)
    _validate_choice(schemas, None, profile, lang)
    if found is None:
        _write(json.dumps(rules_json(lang, schemas, profile), ensure_ascii=False, indent=2) if fmt == "json"
               else rules_text(lang, schemas, profile))
        return
    _write(json.dumps(explain(found, lang, schemas, profile), ensure_ascii=False, indent=2) if fmt == "json"
           else rule_text(found, lang, schemas, profile))


@main.command(context_settings=CONTEXT)
@HELP
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=None)
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path), default=None)
@LANG
@SCHEMAS
def serve(host: str, port: int, workers: int | None, settings_file: Path | None, lang: str,
          schemas_folder: Path | None = None) -> None:
    """Start the web page where applicants check their drafts (help text: "cli.serve.doc")."""
    from socinv_docs.web.server import run  # start-up: only `serve` loads the web stack (350 ms)
    from socinv_docs.web.site import Site, SiteError, read_site  # the same

    # The municipality's settings are read before anything listens: a mistake in them stops
    # the start with the key and its line, never a page with half of them.
    site = Site()
    schemas = _schemas(lang, schemas_folder)  # a broken schema stops the start, in the reader's words
    if settings_file is not None:
        try:
            site = read_site(settings_file, schemas)
        except SiteError as exc:
            _err(exc.text(lang))
            sys.exit(2)
    # uvicorn stops gracefully on SIGTERM and then ends by that signal, which a service
    # manager (systemd) counts as a clean stop; exit 143 (cli.Terminated) would read as a failure.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    run(host=host, port=port, workers=workers, site=site, schemas_folder=schemas_folder)


@main.group(context_settings=CONTEXT)
@HELP
def templates() -> None:
    """Mallarna för promemorior: kopiera ut dem för att redigera."""


@templates.command("export", context_settings=CONTEXT)
@HELP
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@LANG
@SCHEMAS
def templates_export(directory: Path, lang: str, schemas_folder: Path | None = None) -> None:
    """Kopiera standardmallarna till DIRECTORY (befintliga filer skrivs aldrig över)."""
    # start-up: the memos (Jinja, docxtpl) only for `memo` and `templates`
    from socinv_docs.render.memo import REPORT_FORMS_FOLDER, export_templates, report_forms

    schemas = _schemas(lang, schemas_folder)
    forms = report_forms(schemas)
    try:
        written = export_templates(directory, forms)
    except OSError as exc:  # a read-only or full folder: each template is whole or not there
        _err(messages.text("ui.write_failed", lang, path=printable(exc.filename or directory),
                           error=messages.os_error(exc, lang)))
        sys.exit(2)
    _err(messages.text("memo.exported", lang, count=len(written), path=printable(directory)))
    if forms:
        funders = sorted({name.split("/")[1] for name in forms})
        _err(messages.text("memo.exported_reports", lang, path=printable(directory / REPORT_FORMS_FOLDER),
                           profiles=funders))


if __name__ == "__main__":
    main()
