"""The FastAPI application: the JSON API under ``/api``, the web UI at ``/``, static files, one error shape.

``create_app`` takes an open store and the write token; ``storyline serve`` opens the store, picks the
token (``STORYLINE_TOKEN`` or a generated one it prints) and runs the app with uvicorn. Routes are thin:
they parse parameters, ask the snapshot or the state, and format.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from storyline.config import DEFAULT_SETTINGS, ServerSettings, Settings
from storyline.errors import StorylineConfigurationError
from storyline.server import api, corrections, finding, pages
from storyline.server.guards import AllowedHosts, BodyDeadline, TokenGate, slow_client_protocol
from storyline.server.middleware import BodySizeLimit, HeadAsGet, SecurityHeaders
from storyline.server.problems import install_handlers
from storyline.server.state import ServerState
from storyline.store import Store

# Room for one article at the ingest size limit plus the JSON or multipart framing around it.
REQUEST_OVERHEAD_BYTES = 64 * 1024

TOKEN_ENVIRONMENT_VARIABLE = "STORYLINE_TOKEN"
# A generated token has 43 characters (32 random bytes); one a person chooses must at least not be guessable
# in a few thousand tries.
MIN_TOKEN_CHARS = 16


def generate_token() -> str:
    return secrets.token_urlsafe(32)


def check_token(token: str) -> None:
    """Refuse a token no client could send (blank) or anyone could guess (short), before serving."""
    if not token.strip():
        raise StorylineConfigurationError(TOKEN_ENVIRONMENT_VARIABLE, "is blank; no write could ever pass")
    if len(token) < MIN_TOKEN_CHARS or token != token.strip():
        raise StorylineConfigurationError(
            TOKEN_ENVIRONMENT_VARIABLE,
            f"shorter than {MIN_TOKEN_CHARS} characters or padded with spaces; choose a longer one "
            "(or unset it to have one generated)",
        )


def create_app(store: Store, token: str, settings: Settings = DEFAULT_SETTINGS) -> FastAPI:
    """The app over ``store``; write endpoints (and reads, with ``settings.server.token_for_reads``) need
    ``Authorization: Bearer <token>``; only loopback names and ``settings.server.allowed_hosts`` are
    answered."""
    check_token(token)
    state = ServerState(store, token, settings)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()  # the writer process ends with the server

    app = FastAPI(
        lifespan=lifespan,
        title="Storyline",
        summary="Sourced briefs of developing news stories: who claims what, who copies whom, when.",
        version="0.1.0",
        docs_url=None,  # FastAPI's docs page loads its scripts from a CDN; /docs is rendered here instead
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.storyline = state
    install_handlers(app, pages.render_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(finding.router)
    app.include_router(corrections.router)
    static = resources.files("storyline.server").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Outermost last: every answer gets the security headers; a wrong Host, a missing token and a late
    # body are refused before the body is read at all; HEAD and the size cap sit next to the routes.
    app.add_middleware(BodySizeLimit, max_bytes=settings.ingest.max_file_bytes + REQUEST_OVERHEAD_BYTES)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyDeadline, timeout_s=settings.server.body_timeout_s)
    app.add_middleware(TokenGate, token=token, reads_too=settings.server.token_for_reads)
    app.add_middleware(AllowedHosts, hosts=settings.server.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def uvicorn_options(settings: ServerSettings) -> dict[str, Any]:
    """How uvicorn must run the app: the header deadline, a cap on connections (more are answered 503)
    and a short keep-alive, so idle or slow clients cannot hold the server's sockets."""
    return {
        "http": slow_client_protocol(settings.header_timeout_s),
        "limit_concurrency": settings.max_connections,
        "timeout_keep_alive": 5,
    }
