"""The memos of a run: every one rendered within the limits, then each written atomically;
the meeting's memo and, with --split, one per submission named after it."""

from __future__ import annotations

from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import is_tool_output, write_bytes
from socinv_docs.names import safe_file_name
from socinv_docs.render.memo.child import run_limited
from socinv_docs.render.memo.context import memo_context, single_context
from socinv_docs.render.memo.errors import MemoError
from socinv_docs.render.memo.fill import render_bytes
from socinv_docs.render.memo.sandbox import environment
from socinv_docs.render.memo.templates import SUFFIXES, default_template
from socinv_docs.report import RunReport
from socinv_docs.schema import SchemaSet

# -- file names for --split ---------------------------------------------------------------


def split_names(submissions: list[dict], fmt: str, lang: str) -> list[str]:
    """One file name per submission, named after it ('Beredningsunderlag ansokan-komplett.docx'),
    unique even when two submissions' names differ only in their ending."""
    names: list[str] = []
    taken: set[str] = set()
    for sub in submissions:
        stem = Path(sub["name"]).stem if not sub["folder"] else sub["name"]
        base = safe_file_name(messages.text("memo.split_name", lang, name=stem))
        name, n = base + SUFFIXES[fmt], 2
        while name.casefold() in taken:
            name, n = f"{base} ({n}){SUFFIXES[fmt]}", n + 1
        taken.add(name.casefold())
        names.append(name)
    return names


def render_all(jobs: list[tuple[dict, Path]], fmt: str, template: Path | None = None,
               lang: str = "sv", directories: tuple[Path, ...] = ()) -> list[Path]:
    """Render every (context, target), then write them: all within the limits, each written
    atomically, none written when one cannot be rendered. `directories` are made only then."""
    template = template or default_template(fmt, lang)
    env = environment(fmt, template.parent if fmt != "docx" else None)
    tasks = [lambda ctx=ctx: render_bytes(ctx, fmt, template, lang, env) for ctx, _ in jobs]
    contents = run_limited(tasks, template, lang)
    for directory in directories:
        directory.mkdir(parents=True, exist_ok=True)
    for (_, target), data in zip(jobs, contents):
        try:
            write_bytes(target, data)
        except OSError as exc:  # name the memo, not the temporary file beside it
            raise OSError(exc.errno, exc.strerror, str(target)) from None
    return [target for _, target in jobs]


def write_memos(run: RunReport, schemas: SchemaSet, fmt: str, output: Path, *, split: Path | None = None,
                template: Path | None = None, assessments: dict | None = None, meeting: str | None = None,
                lang: str = "sv") -> list[Path]:
    """The meeting's memo at `output` and, with `split`, one memo per submission in that
    folder for the diarium (named after the submission). Returns the files written."""
    context = memo_context(run, schemas, assessments=assessments, meeting=meeting, lang=lang)
    jobs = [(context, output)]
    if split is not None:
        names = split_names(context["submissions"], fmt, lang)
        for sub, name in zip(context["submissions"], names):
            target = split / name
            # Our own memo from an earlier run is replaced; anybody else's file never is.
            if target.exists() and not is_tool_output(target):
                raise MemoError("memo.split_exists", lang, path=str(target))
            jobs.append((single_context(context, sub, lang), target))
    return render_all(jobs, fmt, template, lang, directories=(split,) if split is not None else ())


def render(context: dict, fmt: str, target: Path, template: Path | None = None, lang: str = "sv") -> Path:
    return render_all([(context, target)], fmt, template, lang)[0]
