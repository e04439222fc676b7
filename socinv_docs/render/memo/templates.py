"""The memo templates: the defaults shipped in `templates/` (Swedish and English, one per
format; the beredningsunderlag's and the follow-up memo's), and `socinv templates export
DIR`, which copies them out for a secretary to edit, with the funders' blank report forms
(the profiles' `forms:`) beside them."""

from __future__ import annotations

import contextlib
from pathlib import Path

from socinv_docs.atomic import copy_file
from socinv_docs.loading import form_path

FORMATS = ("docx", "html", "md")
DEFAULT_TEMPLATES = {
    "sv": {"docx": "memo.docx", "html": "memo.html.j2", "md": "memo.md.j2"},
    "en": {"docx": "memo-en.docx", "html": "memo-en.html.j2", "md": "memo-en.md.j2"},
}
# The follow-up memo (`memo DIR --workbook W`): the portfolio and a memo per report.
FOLLOWUP_TEMPLATES = {
    "sv": {"docx": "uppfoljning.docx", "html": "uppfoljning.html.j2", "md": "uppfoljning.md.j2"},
    "en": {"docx": "uppfoljning-en.docx", "html": "uppfoljning-en.html.j2", "md": "uppfoljning-en.md.j2"},
}
SUFFIXES = {"docx": ".docx", "html": ".html", "md": ".md"}


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent.parent.parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates")


def default_template(fmt: str, lang: str = "sv", *, followup: bool = False) -> Path:
    """The shipped template of a format and language: the beredningsunderlag's, or with
    `followup` the follow-up memo's."""
    table = FOLLOWUP_TEMPLATES if followup else DEFAULT_TEMPLATES
    return templates_dir() / table.get(lang, table["sv"])[fmt]


REPORT_FORMS_FOLDER = "rapporter"


def report_forms(schemas) -> dict[str, Path]:
    """The funders' blank report forms (profiles' `forms:`), as where they are exported to
    (rapporter/<profile>/<file name>) -> where they are in the schemas folder each profile came from."""
    return {f"{REPORT_FORMS_FOLDER}/{profile.id}/{Path(relative).name}": form_path(profile, kind, schemas)
            for profile in schemas.profiles.values() for kind, relative in profile.forms.items()}


def export_templates(directory: Path, forms: dict[str, Path] | None = None) -> list[Path]:
    """Copy the default templates out for a secretary to edit (never overwriting), and the
    funders' blank report forms (`forms`, from report_forms) into sub-folders.

    All or nothing: when one cannot be written (a full disk, Ctrl-C), the templates this
    export wrote and the folders it made are removed again, and the OSError names the
    template being written, never the source inside the installed package. Files that were
    there before are left as they were."""
    made = [d for d in (directory, *directory.parents) if not d.exists()]  # innermost first
    written: list[Path] = []
    copies = [(name, templates_dir() / name) for table in (DEFAULT_TEMPLATES, FOLLOWUP_TEMPLATES)
              for names in table.values() for name in names.values()]
    copies += sorted((forms or {}).items())
    target = directory
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, source in copies:
            target = directory / name
            if target.exists():
                continue
            new_folders = [d for d in target.parents if d != directory and directory in d.parents and not d.exists()]
            for folder in reversed(new_folders):  # outermost first
                folder.mkdir()
                made.insert(0, folder)  # removed before the folders that hold it
            copy_file(source, target)  # a full disk leaves no half template
            written.append(target)
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in made:
            try:
                folder.rmdir()  # only if still empty: never what someone else put there meanwhile
            except OSError:
                break
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(target)) from None
        raise
    return written
