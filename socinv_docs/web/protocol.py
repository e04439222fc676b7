"""uvicorn's HTTP/1.1 protocol (h11) with the time and connection limits it lacks.

uvicorn waits for a request's headers as long as a client cares to drip them, and counts
such connections against its concurrency limit: about a hundred clients sending a header
line every two seconds made every other request, /healthz included, answer 503. Here:

- the request line and headers must arrive within `header_seconds` of the connection
  (or of the first byte of the next request on a kept-alive one), or the connection is
  closed; an upload's body has its own limits in uploads.py;
- one client address holds at most `max_client_connections` connections; beyond it a new
  one is closed at once. The reverse proxy's own address is not limited (its clients are
  counted per X-Forwarded-For in load.py);
- an answer given without reading the whole body (a refusal) is followed by reading and
  discarding the rest for at most `header_seconds`, then the connection is closed: the
  client has time to read the answer (closing at once could reset it away), but cannot
  keep the connection by dripping the body nobody reads.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from socinv_docs.web.load import OverloadLog
from socinv_docs.web.settings import WebSettings


def protocol_class(settings: WebSettings) -> type[H11Protocol]:
    """A protocol class for one server: its settings, and its count of connections per client."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,),
                {"settings": settings, "open_by_client": Counter(), "overload": OverloadLog()})


class GuardedH11Protocol(H11Protocol):
    settings: WebSettings
    open_by_client: Counter[str]
    overload: OverloadLog

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counted: str | None = None  # the client address this connection counts for
        self._header_timer: asyncio.TimerHandle | None = None
        self._linger_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        host = self.client[0] if self.client else None
        if host is not None and not self.settings.is_trusted_proxy(host):
            if self.open_by_client[host] >= self.settings.max_client_connections:
                self.overload.note("client")
                transport.close()
                return
            self.open_by_client[host] += 1
            self._counted = host
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        for timer in (self._header_timer, self._linger_timer):
            if timer is not None:
                timer.cancel()
        self._header_timer = self._linger_timer = None
        if self._counted is not None:
            self.open_by_client[self._counted] -= 1
            if not self.open_by_client[self._counted]:
                del self.open_by_client[self._counted]
            self._counted = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)  # (which stops uvicorn's keep-alive timer)
        if self.conn.their_state is h11.IDLE:  # waiting for a request's headers, or their rest
            self._await_headers()
        elif self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        if self._linger_timer is not None and self.conn.their_state is not h11.SEND_BODY:
            self._linger_timer.cancel()  # the body nobody read has ended: the connection goes on
            self._linger_timer = None

    def _await_headers(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.settings.header_seconds, self._headers_too_late)

    def _headers_too_late(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self.conn.trailing_data[0]:  # part of a request; an idle connection is no event
                self.overload.note("headers")
            self.transport.close()

    def on_response_complete(self) -> None:
        unread = self.conn.their_state is h11.SEND_BODY
        super().on_response_complete()
        if unread and not self.transport.is_closing() and self._linger_timer is None:
            self._linger_timer = self.loop.call_later(self.settings.header_seconds, self.transport.close)
