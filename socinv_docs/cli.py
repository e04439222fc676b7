"""The `socinv` command. Wiring only: every decision is made in the modules it calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from socinv_docs import __version__, messages

LANG = click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
                    help="Språk för meddelanden / language of messages.")
FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                      help="Utdataformat / output format.")


def _schemas(lang: str):
    from socinv_docs.schema import SchemaError, load_schemas

    try:
        return load_schemas()
    except SchemaError as exc:
        click.echo(messages.text("ui.schema_error", lang, detail=str(exc)), err=True)
        sys.exit(2)


def _validate_choice(schemas, kind: str | None, profile: str | None) -> None:
    if kind and kind not in schemas.kinds:
        raise click.BadParameter(f"{kind!r} ∉ {sorted(schemas.kinds)}", param_hint="--kind")
    if profile and profile not in schemas.profiles:
        raise click.BadParameter(f"{profile!r} ∉ {sorted(schemas.profiles)}", param_hint="--profile")
    if kind and profile and kind not in schemas.profiles[profile].kinds:
        raise click.BadParameter(f"{kind!r} ∉ {schemas.profiles[profile].kinds}", param_hint="--profile")


# Help in Swedish first, like the rest of the tool; -h works too.
CONTEXT = {"help_option_names": ["-h", "--help"]}
HELP = click.help_option("-h", "--help", help="Visa hjälpen och avsluta / show this help.")


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="socinv", help="Visa versionen och avsluta / show the version.")
@HELP
def main() -> None:
    """socinv — kontroll av ansökningar om sociala investeringar.

    Kontrollera ett utkast:    socinv check utkast.docx

    Check a draft:             socinv check draft.docx --lang en
    """


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
@click.option("--kind", default=None, help="Mall: ideprovning, ansokan, utvarderingsschema, forslag.")
@click.option("--profile", default=None, help="Kommunens profil: orebro-2020, molndal-2018.")
@click.option("--annotate", "annotate", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Spara en kopia av filen med en kommentar vid varje brist, t.ex. utkast-granskad.docx.")
@click.option("--annotate-dir", "annotate_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Spara en kommenterad kopia av varje fil (samma filnamn) i denna mapp.")
def check(files: tuple[Path, ...], fmt: str, lang: str, kind: str | None, profile: str | None,
          annotate: Path | None = None, annotate_dir: Path | None = None) -> None:
    """Kontrollera att en ansökan är komplett (FILES: .docx/.xlsx).

    Flera filer kontrolleras som ett inskick (ansökan med bilagor). Med --annotate
    (--annotate-dir för flera filer) sparas en kopia med en kommentar vid varje brist.
    """
    from socinv_docs.pipeline import check_document_in_time, check_submission
    from socinv_docs.render.text import document_text, submission_text

    schemas = _schemas(lang)
    _validate_choice(schemas, kind, profile)
    targets = _annotate_targets(files, annotate, annotate_dir, lang)
    reports = [check_document_in_time(f, schemas, kind=kind, profile=profile) for f in files]
    if len(reports) == 1:
        sub = check_submission(str(files[0]), reports, schemas, alone=True)
        doc = reports[0]
        doc.findings = [*sub.findings, *doc.findings]  # an attachment warning belongs to the file
        if fmt == "json":
            _write(json.dumps(doc.to_json(lang), ensure_ascii=False, indent=2))
        else:
            _write(document_text(doc, schemas, lang))
        _annotate_copies(targets, files, reports, lang)
        sys.exit(doc.status.exit_code)
    name = str(Path(files[0]).parent) if len({Path(f).parent for f in files}) == 1 else "inskick"
    sub = check_submission(name, reports, schemas, alone=False)
    if fmt == "json":
        _write(json.dumps(sub.to_json(lang), ensure_ascii=False, indent=2))
    else:
        _write(submission_text(sub, schemas, lang))
    _annotate_copies(targets, files, reports, lang, extra=sub.findings)
    sys.exit(sub.status.exit_code)


def _annotate_targets(files: tuple[Path, ...], annotate: Path | None, annotate_dir: Path | None,
                      lang: str) -> list[Path]:
    """Where the annotated copies go (one per file), checked before any work; exit 2 on misuse."""

    def refuse(key: str, **params) -> None:
        click.echo(messages.text(key, lang, **params), err=True)
        sys.exit(2)

    if annotate is None and annotate_dir is None:
        return []
    # Imported only when asked for: a plain `socinv check` does not load the annotator (and docx).
    from socinv_docs.render.annotate import same_file

    if annotate is not None and annotate_dir is not None:
        refuse("annotate.both")
    if annotate is not None:
        if len(files) != 1:
            refuse("annotate.one_file")
        targets = [annotate]
    else:
        names = [f.name for f in files]
        clash = next((n for n in names if names.count(n) > 1), None)
        if clash:
            refuse("annotate.name_clash", name=clash)
        targets = [annotate_dir / f.name for f in files]
    for source, target in zip(files, targets):
        if same_file(source, target):
            refuse("annotate.same_file", path=str(source))
        if target.suffix.lower() != source.suffix.lower():
            refuse("annotate.wrong_suffix", path=str(target), suffix=source.suffix)
    return targets


def _annotate_copies(targets: list[Path], files: tuple[Path, ...], reports: list, lang: str, extra=()) -> None:
    """Write the annotated copies; a copy that cannot be written ends the run with exit 2."""
    if not targets:
        return  # a plain `check`: do not even import the annotator (startup time)
    from socinv_docs.render.annotate import AnnotateError, annotate, can_annotate

    failed = False
    for source, target, report in zip(files, targets, reports):
        if not can_annotate(report):
            click.echo(messages.text("annotate.unreadable", lang, file=str(source)), err=True)
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            annotate(report, source, target, lang=lang, extra=extra)
        except AnnotateError as exc:
            click.echo(exc.text(lang), err=True)
            failed = True
        except OSError as exc:
            click.echo(messages.text("annotate.write_failed", lang, path=str(target), error=exc.strerror or exc),
                       err=True)
            failed = True
        else:
            click.echo(messages.text("annotate.written", lang, path=str(target)), err=True)
    if failed:
        sys.exit(2)


def _err(text: str) -> None:
    click.echo(text, err=True)


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("directory", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--register", "register", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Excelregistret som skapas eller uppdateras, t.ex. register.xlsx.")
@FORMAT
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Antal parallella processer (standard: alla kärnor).")
@LANG
@click.option("--kind", default=None, help="Mall för alla filer: ideprovning, ansokan, utvarderingsschema, forslag.")
@click.option("--profile", default=None, help="Kommunens profil: orebro-2020, molndal-2018.")
@click.option("--force", is_flag=True, help="Skriv registret även om det verkar vara öppet i Excel.")
def validate(directory: Path, register: Path | None, fmt: str, jobs: int | None, lang: str, kind: str | None,
             profile: str | None, force: bool) -> None:
    """Kontrollera alla inskick i en mapp och skriv registret (DIRECTORY).

    Varje undermapp är ett inskick (ansökan med bilagor); varje fil direkt i mappen är ett
    eget inskick. Exempel: socinv validate inkomna/ --register register.xlsx
    """
    from socinv_docs.render.register import (
        RegisterError,
        check_writable,
        write_register,
    )
    from socinv_docs.validate import (
        discover,
        submission_line,
        summary_line,
        validate_folder,
    )

    schemas = _schemas(lang)
    _validate_choice(schemas, kind, profile)
    if register is not None:
        try:
            check_writable(register, force=force)  # fail before a long run, not after
        except RegisterError as exc:
            _err(exc.text(lang))
            sys.exit(2)
    subs = discover(directory, skip=[register] if register is not None else [])
    if not subs:
        _err(messages.text("ui.validate.none", lang, dir=str(directory)))
    files = sum(len(s.files) for s in subs)
    stream = sys.stderr
    if files and stream.isatty():
        with click.progressbar(length=files, label=messages.text("ui.validate.progress", lang), file=stream,
                               show_pos=True) as bar:
            run = validate_folder(directory, schemas, kind=kind, profile=profile, jobs=jobs,
                                  submissions=subs, on_file=lambda _report: bar.update(1))
    else:
        run = validate_folder(directory, schemas, kind=kind, profile=profile, jobs=jobs,
                              submissions=subs)
    if fmt == "json":
        _write(json.dumps(run.to_json(lang), ensure_ascii=False, indent=2))
        _err(summary_line(run, lang))
    else:
        _write("\n".join([*(submission_line(s, lang) for s in run.submissions), "", summary_line(run, lang)]))
    if register is not None:
        try:
            result = write_register(register, run, root=directory, schemas=schemas, lang=lang, force=force)
        except RegisterError as exc:
            _err(exc.text(lang))
            sys.exit(2)
        _err(messages.text("ui.register.written", lang, path=str(register), rows=result.rows,
                           removed=result.removed))
    sys.exit(run.status.exit_code)


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Promemorian som skrivs (.docx, .html eller .md).")
@click.option("--register", "register", type=click.Path(exists=True, path_type=Path, dir_okay=False), default=None,
              help="Registret med beredningsgruppens bedömningar (Excel-in).")
@click.option("--meeting", default=None, help='Mötet, t.ex. "Beredningsgrupp 2026-12-03".')
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "md"]), default=None,
              help="Format (standard: efter mallens eller utfilens ändelse, annars docx).")
@click.option("--template", "template", type=click.Path(exists=True, path_type=Path, dir_okay=False), default=None,
              help="En egen mall (se socinv templates export).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Antal processer (standard: alla kärnor).")
@LANG
def memo(inputs: tuple[Path, ...], output: Path, register: Path | None, meeting: str | None, fmt: str | None,
         template: Path | None, jobs: int | None, lang: str) -> None:
    """Skriv beredningsunderlag och mötessammanställning (INPUTS: mapp eller filer).

    En mapp ger ett underlag per inskick; filer tillsammans är ett inskick.
    Exempel: socinv memo inkomna/ --register register.xlsx -o underlag.docx
    """
    from socinv_docs.pipeline import check_document_in_time, check_submission
    from socinv_docs.render.memo import MemoError, memo_context, render
    from socinv_docs.render.register import RegisterError, read_group_values
    from socinv_docs.report import RunReport
    from socinv_docs.validate import validate_folder

    fmt = fmt or _memo_format(template, output)
    if template is not None and _memo_format(template, None) != fmt:
        raise click.BadParameter(f"{template.name} ≠ {fmt}", param_hint="--template")
    if _memo_format(None, output, default=None) != fmt:
        # A Word file named memo.pdf (or HTML in a .docx) is worse than no file at all.
        _err(messages.text("memo.wrong_suffix", lang, path=str(output), format=fmt, suffix=MEMO_SUFFIX[fmt]))
        sys.exit(2)
    if any(p.resolve() == output.resolve() for p in inputs):
        raise click.BadParameter(str(output), param_hint="-o")
    schemas = _schemas(lang)
    assessments = {}
    if register is not None:
        try:
            assessments = read_group_values(register)
        except RegisterError as exc:
            _err(exc.text(lang))
            sys.exit(2)
    run = RunReport()
    files = [p for p in inputs if p.is_file()]
    for directory in (p for p in inputs if p.is_dir()):
        run.submissions += validate_folder(directory, schemas, jobs=jobs,
                                           skip=[output, *([register] if register else [])]).submissions
    if files:
        reports = [check_document_in_time(f, schemas, display=f.name) for f in files]
        name = files[0].name if len(files) == 1 else str(files[0].parent.name or "inskick")
        run.submissions.append(check_submission(name, reports, schemas, alone=len(files) == 1))
    context = memo_context(run, schemas, assessments=assessments, meeting=meeting, lang=lang)
    try:
        render(context, fmt, output, template=template, lang=lang)
    except MemoError as exc:
        _err(str(exc))
        sys.exit(2)
    except OSError as exc:
        _err(messages.text("ui.write_failed", lang, path=str(output), error=exc.strerror or type(exc).__name__))
        sys.exit(2)
    _err(messages.text("memo.written", lang, path=str(output), count=len(run.submissions)))


MEMO_SUFFIX = {"docx": ".docx", "html": ".html", "md": ".md"}


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


@main.command(context_settings=CONTEXT)
@HELP
@click.argument("name", required=False)
@LANG
def profiles(name: str | None, lang: str) -> None:
    """Visa finansiärernas profiler; med NAME varje regel och värde som gäller."""
    from socinv_docs.render.profiles import profile_detail, profiles_list

    schemas = _schemas(lang)
    if name is None:
        _write(profiles_list(schemas, lang))
        return
    if name not in schemas.profiles:
        _err(messages.text("profiles.unknown", lang, name=name, known=", ".join(schemas.profiles)))
        sys.exit(2)
    _write(profile_detail(schemas.profiles[name], schemas, lang))


@main.group(context_settings=CONTEXT)
@HELP
def templates() -> None:
    """Mallarna för promemorior: kopiera ut dem för att redigera."""


@templates.command("export", context_settings=CONTEXT)
@HELP
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@LANG
def templates_export(directory: Path, lang: str) -> None:
    """Kopiera standardmallarna till DIRECTORY (befintliga filer skrivs aldrig över)."""
    from socinv_docs.render.memo import export_templates

    written = export_templates(directory)
    _err(messages.text("memo.exported", lang, count=len(written), path=str(directory)))


if __name__ == "__main__":
    main()
