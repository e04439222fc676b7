"""The service's own temporary directory: <TMPDIR>/socinv-serve-XXXXXXXX, holding each
request's directory while it is served (and, under `socinv serve`, multiprocessing's
pymp-* directory too, see server.py).

It is removed when the service stops. A service that could not remove it (killed, the
machine lost power) left an applicant's file in it: the next start removes every
socinv-serve-* directory whose service is gone, and only those. "Gone" is decided by a
lock, not a process id (which the system reuses): each service holds flock(2) on the
.lock file in its directory while it runs, and the kernel lets go of it however the
process ends.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger("socinv.web")

PREFIX = "socinv-serve-"
LOCK = ".lock"
# A directory without its lock file is a service in the instant between making its directory
# and locking it, or one killed in that instant: leave it alone unless it is older than this.
UNLOCKED_GRACE_SECONDS = 60


class WorkDir:
    def __init__(self, path: Path, lock_fd: int | None) -> None:
        self.path = path
        self._lock_fd = lock_fd

    @classmethod
    def create(cls, root: Path | None = None) -> "WorkDir":
        """Remove what stopped services left under `root` (default: the system's temporary
        directory), then make and lock this service's directory."""
        root = Path(root or tempfile.gettempdir())
        removed = remove_stale(root)
        if removed:
            log.info("removed %d temporary director%s left by a service that stopped", removed,
                     "y" if removed == 1 else "ies")
        path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
        return cls(path, _lock(path / LOCK))

    def request_dir(self) -> Path:
        """A new directory for one request's files (0700, like every mkdtemp)."""
        return Path(tempfile.mkdtemp(prefix="request-", dir=self.path))

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def remove_stale(root: Path) -> int:
    """Remove the socinv-serve-* directories under `root` whose service is gone; their number."""
    removed = 0
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith(PREFIX) and p.is_dir() and not p.is_symlink()]
    except OSError:
        return 0
    for path in candidates:
        if _abandoned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed += not path.exists()
    return removed


def _abandoned(path: Path) -> bool:
    lock = path / LOCK
    if not lock.exists():
        try:
            return time.time() - path.stat().st_mtime > UNLOCKED_GRACE_SECONDS
        except OSError:
            return False
    try:
        fd = _lock(lock)
    except OSError:
        return False  # held: its service is running
    if fd is None:
        return False  # no flock here: nothing tells a running service from a stopped one
    os.close(fd)
    return True


def _lock(path: Path) -> int | None:
    """An open descriptor holding flock(2) on `path` (None where flock does not exist);
    raises OSError (BlockingIOError) when another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise
    return fd
