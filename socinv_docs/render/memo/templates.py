"""The memo templates: the defaults shipped in `templates/` (Swedish and English, one per
format), and `socinv templates export DIR`, which copies them out for a secretary to edit."""

from __future__ import annotations

import contextlib
from pathlib import Path

from socinv_docs.atomic import copy_file

FORMATS = ("docx", "html", "md")
DEFAULT_TEMPLATES = {
    "sv": {"docx": "memo.docx", "html": "memo.html.j2", "md": "memo.md.j2"},
    "en": {"docx": "memo-en.docx", "html": "memo-en.html.j2", "md": "memo-en.md.j2"},
}
SUFFIXES = {"docx": ".docx", "html": ".html", "md": ".md"}


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent.parent.parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates")


def default_template(fmt: str, lang: str = "sv") -> Path:
    return templates_dir() / DEFAULT_TEMPLATES.get(lang, DEFAULT_TEMPLATES["sv"])[fmt]


def export_templates(directory: Path) -> list[Path]:
    """Copy the default templates out for a secretary to edit (never overwriting).

    All or nothing: when one cannot be written (a full disk, Ctrl-C), the templates this
    export wrote and the folders it made are removed again, and the OSError names the
    template being written, never the source inside the installed package. Files that were
    there before are left as they were."""
    made = [d for d in (directory, *directory.parents) if not d.exists()]  # innermost first
    written: list[Path] = []
    target = directory
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for names in DEFAULT_TEMPLATES.values():
            for name in names.values():
                target = directory / name
                if target.exists():
                    continue
                copy_file(templates_dir() / name, target)  # a full disk leaves no half template
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
