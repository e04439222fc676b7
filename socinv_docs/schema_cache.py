"""The checked schemas, kept between runs, so that a `socinv check` neither re-reads and
re-checks every YAML file nor imports pydantic to do so (together ~0.15 s of a run that
should take ~0.2 s, issue 11).

The key is everything the checked set is made from: the package version, the code that
makes it (the caller names those files: loading.checking_code, the format, the loader and
each registered rule's module with its options) and every schema file's name and bytes (the
YAML, and the report forms under forms/ that profiles name) in every folder read (the
shipped schemas and a folder of one's own added to them, in their order). An edited schema
file, a new funder or another version gives another key, so what is used is always what the
files say now.

The cache is a pickle, and reading a pickle can run code: it is only used from a folder
that belongs to this user and that nobody else may write to, and only a file of this user
that nobody else may write to is read. Anything odd (no home, a read-only disk, a corrupt
or foreign file) means reading the YAML as if there were no cache; a run never fails
because of the cache. SOCINV_CACHE_DIR moves it; SOCINV_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from socinv_docs import __version__

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent
PREFIX = "schemas-"


def cache_dir() -> Path | None:
    if os.environ.get("SOCINV_NO_CACHE") or not hasattr(os, "geteuid"):
        return None
    override = os.environ.get("SOCINV_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home() != Path("/") else None)
    return Path(base) / "socinv-docs" if base else None


def folders_of(roots: Path | Sequence[Path]) -> tuple[Path, ...]:
    return (roots,) if isinstance(roots, Path) else tuple(roots)


def key(roots: Path | Sequence[Path], code: Sequence[Path] = ()) -> str:
    """What the checked set is made from, as one hash: the version, the `code` that makes it
    (files of the package) and every schema file under each of `roots`, in their order."""
    digest = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    for path in code:
        _add(digest, str(path.relative_to(PACKAGE)), path)
    for index, root in enumerate(folders_of(roots)):
        # The profiles' blank report forms too: a profile is checked against them when it is read.
        files = sorted(p for p in [*root.rglob("*.yaml"), *root.glob("forms/**/*")] if p.is_file())
        digest.update(f"\0folder {index}\0".encode())
        for path in files:
            _add(digest, str(path.relative_to(root)), path)
    return digest.hexdigest()[:32]


def _add(digest, name: str, path: Path) -> None:
    digest.update(f"\0{name}\0{path.stat().st_size}\0".encode())
    digest.update(path.read_bytes())


def _ours(path: Path) -> bool:
    """Owned by this user and writable by nobody else (a pickle from anyone else is not read)."""
    info = path.lstat()
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(roots: Path | Sequence[Path], read: Callable[..., T], code: Sequence[Path] = ()) -> T:
    """`read(roots)`, or what it gave last time for the same files (the schema files under
    each of `roots` and the `code` that reads them)."""
    folder = cache_dir()
    try:
        where = "\0".join(str(r.resolve()) for r in folders_of(roots))
        prefix = f"{PREFIX}{hashlib.sha256(where.encode()).hexdigest()[:12]}-"
        name = f"{prefix}{key(roots, code)}.pickle"
    except (OSError, ValueError):
        folder = None  # a schema file that cannot be read: read() says which
    if folder is None:
        return read(roots)
    path = folder / name
    try:
        if path.is_file() and _ours(folder) and _ours(path):
            with path.open("rb") as stream:
                return pickle.load(stream)  # noqa: S301 (our own file, in our own folder: see above)
    except Exception:  # noqa: BLE001 (a cache that cannot be used is no cache; the YAML is read)
        pass
    value = read(roots)
    try:
        _store(folder, prefix, name, value)
    except Exception:  # noqa: BLE001 (a read-only home or a full disk must not fail a run)
        pass
    return value


def _store(folder: Path, prefix: str, name: str, value: object) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _ours(folder):
        return
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / name)  # atomic: a reader sees the old file or the whole new one
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for old in folder.glob(f"{prefix}*.pickle"):  # one set per list of folders: the cache does not grow
        if old.name != name:
            old.unlink(missing_ok=True)
