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


class _Group(click.Group):
    def main(self, *args, **kwargs):
        # Usage errors exit 2 (click's default) and never show a traceback.
        return super().main(*args, **kwargs)


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


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="socinv")
def main() -> None:
    """socinv — kontroll av ansökningar om sociala investeringar.

    Kontrollera ett utkast:    socinv check utkast.docx

    Check a draft:             socinv check draft.docx --lang en
    """


def _write(text: str) -> None:
    # Applicant text can hold any character; never fail on a terminal's encoding.
    stream = click.get_text_stream("stdout")
    try:
        click.echo(text, file=stream)
    except UnicodeEncodeError:
        click.echo(text.encode("ascii", "replace").decode("ascii"), file=stream)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT
@LANG
@click.option("--kind", default=None, help="Mall: ideprovning, ansokan, utvarderingsschema, forslag.")
@click.option("--profile", default=None, help="Kommunens profil: orebro-2020, molndal-2018.")
def check(files: tuple[Path, ...], fmt: str, lang: str, kind: str | None, profile: str | None) -> None:
    """Kontrollera att en ansökan är komplett (FILES: .docx/.xlsx).

    Flera filer kontrolleras som ett inskick (ansökan med bilagor).
    """
    from socinv_docs.pipeline import check_document, check_submission
    from socinv_docs.render.text import document_text, submission_text

    schemas = _schemas(lang)
    _validate_choice(schemas, kind, profile)
    reports = [check_document(f, schemas, lang=lang, kind=kind, profile=profile) for f in files]
    if len(reports) == 1:
        sub = check_submission(str(files[0]), reports, schemas, lang=lang, alone=True)
        doc = reports[0]
        doc.findings = [*sub.findings, *doc.findings]  # an attachment warning belongs to the file
        if fmt == "json":
            _write(json.dumps(doc.to_json(), ensure_ascii=False, indent=2))
        else:
            _write(document_text(doc, schemas, lang))
        sys.exit(doc.status.exit_code)
    name = str(Path(files[0]).parent) if len({Path(f).parent for f in files}) == 1 else "inskick"
    sub = check_submission(name, reports, schemas, lang=lang, alone=False)
    if fmt == "json":
        _write(json.dumps(sub.to_json(), ensure_ascii=False, indent=2))
    else:
        _write(submission_text(sub, schemas, lang))
    sys.exit(sub.status.exit_code)


if __name__ == "__main__":
    main()
