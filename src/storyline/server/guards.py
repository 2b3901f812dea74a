"""What a request must show before the app reads it: a Host this server answers to, the token (in its
headers, before any body is read), and a body that arrives in time. Plain ASGI wrappers, so a refusal
costs no body read, no parse and no thread; plus the uvicorn protocol that drops clients too slow to
finish their headers, which happens before any ASGI code runs.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from storyline.server.problems import problem

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Methods that only read; every other method on this server writes and needs the token.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "storyline_token"


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port, lower-cased: ``[::1]:8000`` → ``::1``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host.rstrip(".")


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


class AllowedHosts:
    """Refuse (421) a request whose Host is not loopback or one of ``hosts``: the DNS-rebinding guard."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {host_name(host) for host in (*LOOPBACK_HOSTS, *hosts)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and host_name(_header(scope, b"host")) not in self.hosts:
            response = problem(421, "this server does not answer to that host name", instance=scope["path"])
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class TokenGate:
    """Check the token on the headers alone: every write, and with ``reads_too`` every request. A browser
    may pass it once as ``?token=`` on any page; the answer then sets an HttpOnly, SameSite=Strict cookie
    that carries it after — to the pages' correction forms as well, which is how an analyst writes from the
    browser (the strict cookie is not sent with a form another site posts here)."""

    def __init__(self, app: ASGIApp, token: str, reads_too: bool) -> None:
        self.app = app
        self.token = token.encode()
        self.reads_too = reads_too

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"] in READ_METHODS and not self.reads_too):
            given = self._query(scope) if scope["type"] == "http" else ""
            await self.app(scope, receive, self._setting_cookie(send) if self._matches(given) else send)
            return
        if self._matches(self._bearer(scope)) or self._matches(self._cookie(scope)):
            await self.app(scope, receive, send)
        elif self.reads_too and self._matches(self._query(scope)):
            await self.app(scope, receive, self._setting_cookie(send))
        else:
            response = problem(
                401,
                "this endpoint needs 'Authorization: Bearer <token>'",
                instance=scope["path"],
                headers={"WWW-Authenticate": "Bearer"},
            )
            await response(scope, receive, send)

    def _matches(self, given: str) -> bool:
        # Constant time: the answer's timing tells nothing about how much of a guess was right.
        return bool(given) and secrets.compare_digest(given.encode(), self.token)

    @staticmethod
    def _bearer(scope: Scope) -> str:
        scheme, _, credentials = _header(scope, b"authorization").partition(" ")
        return credentials.strip() if scheme.lower() == "bearer" else ""

    @staticmethod
    def _cookie(scope: Scope) -> str:
        morsel = SimpleCookie(_header(scope, b"cookie")).get(TOKEN_COOKIE)
        return morsel.value if morsel else ""

    @staticmethod
    def _query(scope: Scope) -> str:
        return parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]

    def _setting_cookie(self, send: Send) -> Send:
        cookie = f"{TOKEN_COOKIE}={self.token.decode()}; Path=/; HttpOnly; SameSite=Strict"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            await send(message)

        return send_with_cookie


class BodyDeadline:
    """A request body must arrive within ``timeout_s`` of the request: a client trickling it a byte at a
    time is answered 408 and the connection closed, instead of holding a worker and a buffer."""

    def __init__(self, app: ASGIApp, timeout_s: float) -> None:
        self.app = app
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READ_METHODS:
            await self.app(scope, receive, send)
            return
        deadline = asyncio.get_running_loop().time() + self.timeout_s
        state = {"body_done": False, "late": False, "answered": False}

        async def bounded_receive() -> Message:
            if state["body_done"]:
                return await receive()
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                message: Message = await asyncio.wait_for(receive(), timeout=max(remaining, 0.001))
            except TimeoutError:
                state["late"] = state["body_done"] = True
                return {"type": "http.disconnect"}  # the app stops reading; its answer is replaced below
            if message["type"] != "http.request" or not message.get("more_body", False):
                state["body_done"] = True
            return message

        async def send_unless_late(message: Message) -> None:
            if state["late"]:
                await answer_late()
            else:
                await send(message)

        async def answer_late() -> None:
            if not state["answered"]:
                state["answered"] = True
                detail = f"the request body did not arrive within {self.timeout_s:g} s"
                await problem(408, detail, instance=scope["path"], headers={"Connection": "close"})(
                    scope, receive, send
                )

        try:
            await self.app(scope, bounded_receive, send_unless_late)
        except Exception:
            if not state["late"]:
                raise
        if state["late"]:
            await answer_late()


def slow_client_protocol(header_timeout_s: float) -> type[H11Protocol]:
    """uvicorn's HTTP/1.1 protocol, closing a connection that does not finish a request's headers within
    ``header_timeout_s`` of connecting (or of its last answer). uvicorn has no such limit: a client sending
    a header line every few seconds would hold its connection for ever."""

    class HeaderDeadlineProtocol(H11Protocol):
        _header_deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._start_header_deadline()

        def data_received(self, data: bytes) -> None:
            if self._waiting_for_headers():
                self._start_header_deadline()
            super().data_received(data)
            if not self._waiting_for_headers() and self._header_deadline is not None:
                self._header_deadline.cancel()
                self._header_deadline = None

        def connection_lost(self, exc: Exception | None) -> None:
            if self._header_deadline is not None:
                self._header_deadline.cancel()
            super().connection_lost(exc)

        def _waiting_for_headers(self) -> bool:
            return self.cycle is None or self.cycle.response_complete

        def _start_header_deadline(self) -> None:
            if self._header_deadline is None:
                self._header_deadline = self.loop.call_later(header_timeout_s, self._drop_if_waiting)

        def _drop_if_waiting(self) -> None:
            self._header_deadline = None
            if self._waiting_for_headers() and not self.transport.is_closing():
                self.transport.close()

    return HeaderDeadlineProtocol
