"""The web service's limits, with defaults a municipality can run as they are; environment
variables override them (README, "The web page")."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from socinv_docs.limits import Limits, _env_float, _env_int

MB = 1024 * 1024


def megabytes(n: int) -> float:
    """A byte limit as megabytes, for people (20971520 -> 20)."""
    return round(n / MB, 1)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _env_proxies(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """Addresses or networks, comma-separated ("127.0.0.1, 10.0.0.0/8"); set and empty: none.
    One that is not an address is left out (trusting it could only be a mistake)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return tuple(p for p in (part.strip() for part in value.split(",")) if _network(p) is not None)


def _network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class WebSettings:
    # A draft is a few hundred KB; a form with pictures a few MB. The reader's own limit
    # (SOCINV_MAX_FILE_BYTES, 50 MB) is for a group's folder; a public page takes less.
    max_file_bytes: int = 20 * MB
    max_request_bytes: int = 50 * MB
    max_files: int = 10
    workers: int = field(default_factory=default_workers)
    # Requests served at once (an upload arriving or being checked, a page); beyond it the
    # service answers 503 "busy" at once instead of letting uploads pile up on disk. Checks
    # beyond the pool's size wait in its queue. /healthz is never refused; a connection
    # still sending its headers, or idle between requests, is not counted: those have
    # time limits of their own (below).
    max_connections: int = 100
    # Connections open at once from one client address (a browser opens up to six); beyond
    # it a new connection is closed at once, and a request forwarded for that client by a
    # trusted proxy is answered 429. Addresses of trusted proxies are not limited themselves.
    max_client_connections: int = 10
    # Who may say who the client is (X-Forwarded-For): the reverse proxy in front.
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")
    # A request's line and headers must have arrived this long after the connection opened
    # (or after its first byte, on a kept-alive connection); otherwise it is closed.
    header_seconds: float = 10.0
    # An upload must arrive within upload_seconds in all, and keep up with upload_min_rate
    # (bytes per second), falling at most upload_grace_seconds behind it; otherwise 408.
    upload_seconds: float = 300.0
    upload_min_rate: int = 10_000
    upload_grace_seconds: float = 10.0
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
            max_client_connections=_env_int("SOCINV_WEB_MAX_CLIENT_CONNECTIONS", d.max_client_connections),
            trusted_proxies=_env_proxies("SOCINV_WEB_TRUSTED_PROXIES", d.trusted_proxies),
            header_seconds=_env_float("SOCINV_WEB_HEADER_SECONDS", d.header_seconds),
            upload_seconds=_env_float("SOCINV_WEB_UPLOAD_SECONDS", d.upload_seconds),
            upload_min_rate=_env_int("SOCINV_WEB_UPLOAD_MIN_RATE", d.upload_min_rate),
            upload_grace_seconds=_env_float("SOCINV_WEB_UPLOAD_GRACE_SECONDS", d.upload_grace_seconds),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def file_limits(self) -> Limits:
        """The reader's limits, with the page's file size where it is the smaller."""
        from dataclasses import replace

        return replace(self.limits, max_file_bytes=min(self.limits.max_file_bytes, self.max_file_bytes))

    def is_trusted_proxy(self, address: str | None) -> bool:
        """Whether `address` is one of the trusted proxies (their X-Forwarded-For is believed,
        and their own connections are not limited per client)."""
        if not address:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in map(_network, self.trusted_proxies) if net is not None)
