"""A workbook people keep: found open (lock files), read safely, stamped, saved atomically.

The register and the follow-up workbook are files people work in between runs. Before a
run the file must be writable in the end (not open in Excel or LibreOffice, a folder that
exists); when it exists it is read with the same safety checks as any file a user hands
us; it is replaced atomically. What a kind of workbook calls its errors is its own
(BookKind): the messages, the error class, the sheet every workbook of the kind has.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook

from socinv_docs import messages
from socinv_docs.atomic import TOOL_CREATOR, save_workbook
from socinv_docs.limits import Limits
from socinv_docs.readers.safety import UnreadableFile, check_file
from socinv_docs.readers.xlsx_reader import check_workbook
from socinv_docs.render.workbook.spec import NAME_PREFIX


@dataclass(frozen=True)
class BookKind:
    """What the generic layer says in a kind of workbook's own words."""

    error: type[messages.CatalogueError]  # raised for every problem below
    keys: str  # message key prefix: <keys>.not_xlsx, .locked, .no_dir, .unreadable, .not_register, .write_failed
    sheet: str  # the name of the sheet every workbook of this kind has (what tells it is one)


def lock_file(path: Path) -> Path | None:
    """The lock file Excel (or LibreOffice) keeps beside an open workbook, if there is one."""
    path = Path(path)
    names = [f"~${path.name}", f".~lock.{path.name}#"]
    if len(path.name) > 2:
        names.append(f"~${path.name[2:]}")  # Office shortens long names this way
    for name in names:
        candidate = path.parent / name
        if candidate.exists():
            return candidate
    return None


def check_target(path: Path, kind: BookKind, *, force: bool) -> None:
    """A workbook that can be written at `path`: .xlsx, not open elsewhere (unless
    `force`), in a folder that exists."""
    if path.suffix.lower() != ".xlsx":
        raise kind.error(f"{kind.keys}.not_xlsx", path=str(path))
    if not force:
        lock = lock_file(path)
        if lock is not None:
            raise kind.error(f"{kind.keys}.locked", path=str(path), lock=lock.name)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise kind.error(f"{kind.keys}.write_failed", path=str(path),
                         error=messages.text(f"{kind.keys}.no_dir", "sv"))


def open_book(path: Path, kind: BookKind, *, data_only: bool = False, read_only: bool = False):
    """The workbook at `path` as openpyxl reads it, after the readers' safety checks; one
    of `kind` (it has kind.sheet)."""
    try:
        # A workbook people keep is a file like any other: the same safety checks before openpyxl.
        limits = Limits.from_env()
        with check_file(path, limits) as archive:
            check_workbook(archive, limits)
    except UnreadableFile as exc:
        raise kind.error(f"{kind.keys}.unreadable", path=str(path),
                         error=messages.text(exc.reason, "sv", **exc.params)) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            wb = load_workbook(path, data_only=data_only, read_only=read_only)
    except Exception as exc:  # zip, XML, openpyxl's own errors: all "cannot read"
        raise kind.error(f"{kind.keys}.unreadable", path=str(path), error=type(exc).__name__) from exc
    sheet = kind.sheet
    if sheet not in wb.sheetnames:
        wb.close()
        raise kind.error(f"{kind.keys}.not_register", path=str(path), sheet=sheet)
    return wb


def save_book(wb, path: Path, kind: BookKind) -> None:
    """Replace the file atomically; on failure the old file stays."""
    try:
        save_workbook(wb, path)
    except OSError as exc:
        raise kind.error(f"{kind.keys}.write_failed", path=str(path),
                         error=exc.strerror or type(exc).__name__) from exc


def has_tool_names(wb) -> bool:
    """Whether the tool named its columns in this workbook (every version since names came)."""
    return any(name.startswith(NAME_PREFIX) for name in wb.defined_names)


def prepare(existing, title: str):
    """The workbook to build into (`existing`, or a new empty one), stamped as the tool's:
    its author makes `validate` skip it in a folder it reads."""
    wb = existing
    if wb is None:
        wb = Workbook()
        wb.remove(wb.active)
    wb.properties.creator = TOOL_CREATOR
    wb.properties.lastModifiedBy = TOOL_CREATOR
    wb.properties.title = title
    wb.properties.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return wb


def open_on(wb, sheet: str) -> None:
    """The workbook opens on `sheet`, the only tab selected."""
    wb.active = wb.sheetnames.index(sheet)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == sheet
