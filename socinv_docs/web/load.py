"""How busy the service is, and what it does when it is too busy (README, "The web page").

- Load counts the requests being served, in all and per client, for the limits and /healthz.
- Admission answers a request beyond them at once: 503 "busy" at the service's limit, 429
  beyond one client's; /healthz is never refused, so a monitor can tell busy from down.
- OverloadLog writes such events as one line per kind and interval, never one per event:
  under a flood a line per refusal was ~30 000 lines in 15 s.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections import Counter
from collections.abc import Callable

from socinv_docs.web.settings import WebSettings

log = logging.getLogger("socinv.web")

# Seconds between two lines of one kind; also how long /healthz says "busy" after a refusal
# for load, so that a monitor polling less often than the peaks still sees them.
INTERVAL = 10.0
# Paths no limit applies to: a monitor must reach the service whatever its load.
EXEMPT = frozenset({"/healthz"})
# What a refused client is told to wait before trying again (Retry-After, seconds).
RETRY_BUSY = 30
RETRY_CLIENT = 10

# What each kind of event says in the log, with the number of events.
EVENTS = {
    "busy": "busy: %d request(s) refused at the limit of requests at once (SOCINV_WEB_MAX_CONNECTIONS)",
    "client": "%d request(s) or connection(s) refused from clients over their limit "
              "(SOCINV_WEB_MAX_CLIENT_CONNECTIONS)",
    "headers": "%d connection(s) closed that did not send their headers in time (SOCINV_WEB_HEADER_SECONDS)",
}


class OverloadLog:
    """The first event of a kind is logged at once; the ones that follow within INTERVAL are
    counted and logged as one line when it ends (and so on while they go on)."""

    def __init__(self, logger: logging.Logger = log, interval: float = INTERVAL) -> None:
        self.logger = logger
        self.interval = interval
        self._pending: Counter[str] = Counter()
        self._timers: dict[str, asyncio.TimerHandle] = {}

    def note(self, kind: str) -> None:
        self._pending[kind] += 1
        if kind not in self._timers:
            self._write(kind)
            self._timers[kind] = asyncio.get_running_loop().call_later(self.interval, self._tick, kind)

    def _tick(self, kind: str) -> None:
        if self._pending[kind]:
            self._write(kind)
            self._timers[kind] = asyncio.get_running_loop().call_later(self.interval, self._tick, kind)
        else:
            del self._timers[kind]

    def _write(self, kind: str) -> None:
        self.logger.warning(EVENTS[kind], self._pending.pop(kind, 0))


class Load:
    """Requests being served now, in all and per client address."""

    def __init__(self, settings: WebSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self.requests = 0
        self.by_client: Counter[str] = Counter()
        self.refused = 0  # requests refused for load since the start
        self._last_refused = float("-inf")

    def admit(self, client: str | None) -> str | None:
        """Count a request in and None, or the reason it is refused: "client" (its client
        is over its own limit) or "busy" (the service is at its limit)."""
        key = None if client is None or self.settings.is_trusted_proxy(client) else client
        if key is not None and self.by_client[key] >= self.settings.max_client_connections:
            return "client"
        if self.requests >= self.settings.max_connections:
            self.refused += 1
            self._last_refused = self.clock()
            return "busy"
        self.requests += 1
        if key is not None:
            self.by_client[key] += 1
        return None

    def release(self, client: str | None) -> None:
        self.requests -= 1
        key = None if client is None or self.settings.is_trusted_proxy(client) else client
        if key is not None:
            self.by_client[key] -= 1
            if not self.by_client[key]:
                del self.by_client[key]

    @property
    def busy(self) -> bool:
        """At the limit now, or was within the last INTERVAL."""
        return self.requests >= self.settings.max_connections or self.clock() - self._last_refused < INTERVAL


# Set while a request is refused for load: its access log line is left out (OverloadLog
# counts it instead). A context variable, because uvicorn writes the line in the request's
# own task, inside our call to `send`.
_refused_for_load: contextvars.ContextVar[bool] = contextvars.ContextVar("refused_for_load", default=False)


class SkipRefusedForLoad(logging.Filter):
    """On uvicorn's access logger: no line per request refused for load."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _refused_for_load.get()


SKIP_REFUSED_FOR_LOAD = SkipRefusedForLoad()


class Admission:
    """ASGI middleware: each request within the limits of `load`, or refused at once with
    `refuse(scope, status, reason, headers)`, a page or JSON in the request's language."""

    REFUSALS = {"busy": (503, "web.refused.busy", RETRY_BUSY), "client": (429, "web.refused.client_busy", RETRY_CLIENT)}

    def __init__(self, app, load: Load, overload: OverloadLog, refuse) -> None:
        self.app = app
        self.load = load
        self.overload = overload
        self.refuse = refuse

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else None
        refused = self.load.admit(client)
        if refused is None:
            try:
                await self.app(scope, receive, send)
            finally:
                self.load.release(client)
            return
        self.overload.note(refused)
        status, reason, retry = self.REFUSALS[refused]
        _refused_for_load.set(True)
        response = self.refuse(scope, status, reason, {"retry-after": str(retry)})
        await response(scope, receive, send)
