"""The HTTP API and web UI: ``create_app(store, token)`` (FastAPI), run by ``storyline serve``."""

from storyline.server.app import create_app, generate_token, uvicorn_options

__all__ = ["create_app", "generate_token", "uvicorn_options"]
