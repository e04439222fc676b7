"""The web service's limits, with defaults a municipality can run as they are; environment
variables override them (README, "The web page")."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from socinv_docs.limits import Limits, _env_int

MB = 1024 * 1024


def megabytes(n: int) -> float:
    """A byte limit as megabytes, for people (20971520 -> 20)."""
    return round(n / MB, 1)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WebSettings:
    # A draft is a few hundred KB; a form with pictures a few MB. The reader's own limit
    # (SOCINV_MAX_FILE_BYTES, 50 MB) is for a group's folder; a public page takes less.
    max_file_bytes: int = 20 * MB
    max_request_bytes: int = 50 * MB
    max_files: int = 10
    workers: int = field(default_factory=default_workers)
    # Connections uvicorn serves at once; beyond that it answers 503 at once instead of
    # letting uploads pile up on disk. Checks beyond the pool's size wait in its queue.
    max_connections: int = 100
    limits: Limits = field(default_factory=Limits.from_env)
    # Where the service's temporary directory goes (None: the system's, i.e. TMPDIR).
    tmp_root: Path | None = None

    @classmethod
    def from_env(cls, **overrides) -> "WebSettings":
        d = cls()
        values = dict(
            max_file_bytes=_env_int("SOCINV_WEB_MAX_FILE_BYTES", d.max_file_bytes),
            max_request_bytes=_env_int("SOCINV_WEB_MAX_REQUEST_BYTES", d.max_request_bytes),
            max_files=_env_int("SOCINV_WEB_MAX_FILES", d.max_files),
            max_connections=_env_int("SOCINV_WEB_MAX_CONNECTIONS", d.max_connections),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def file_limits(self) -> Limits:
        """The reader's limits, with the page's file size where it is the smaller."""
        from dataclasses import replace

        return replace(self.limits, max_file_bytes=min(self.limits.max_file_bytes, self.max_file_bytes))
