"""Errors as RFC 9457 problem details (``application/problem+json``) for the API, and as a plain HTML page
for a person in a browser. One shape for every error, so a client needs one parser."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import (
    StorylineConfigurationError,
    StorylineError,
    StorylineInputError,
    StorylineStoreError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
# No documentation pages exist for our problem types; RFC 9457 says "about:blank" then, titled by status.
BLANK_TYPE = "about:blank"

# The status each kind of Storyline error answers with: bad input is the client's to fix (422); a store
# that cannot be read or written (read-only, disk full) is this service failing for now (503); a setting
# the server was started with that cannot work is the operator's to fix (500).
STATUS_OF_ERROR: dict[type[StorylineError], int] = {
    StorylineInputError: 422,
    StorylineStoreError: 503,
    StorylineConfigurationError: 500,
}

# How the UI renders an error page; set by the app (the pages module owns the templates).
HtmlErrorRenderer = Any


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem(
    status: int,
    detail: str,
    *,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": BLANK_TYPE,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update(extensions)
    return ProblemResponse(body, status_code=status, headers=headers)


def wants_html(request: Request) -> bool:
    """Pages (not the API) answer a browser with HTML."""
    return not request.url.path.startswith(("/api/", "/openapi.json"))


def install_handlers(app: FastAPI, render_html_error: HtmlErrorRenderer) -> None:
    """Route every HTTP error, validation error and Storyline error through ``problem`` (or the HTML page
    for validation and HTTP errors)."""

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if wants_html(request):
            response: Response = render_html_error(request, error.status_code, str(error.detail))
            return response
        return problem(
            error.status_code,
            str(error.detail),
            instance=request.url.path,
            headers=getattr(error, "headers", None),
        )

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        errors = [
            {"location": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
            for item in error.errors()
        ]
        detail = "; ".join(f"{item['location']}: {item['message']}" for item in errors[:5])
        if wants_html(request):
            response: Response = render_html_error(request, 422, detail)
            return response
        return problem(422, detail, instance=request.url.path, errors=errors)

    async def storyline_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StorylineError)
        return problem(status_of(error), str(error), instance=request.url.path)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StorylineError, storyline_error)


def status_of(error: StorylineError) -> int:
    """The HTTP status of a Storyline error: its kind's, the nearest in its class's ancestry."""
    return next((STATUS_OF_ERROR[kind] for kind in type(error).__mro__ if kind in STATUS_OF_ERROR), 500)
