"""The FastAPI application: JSON API and the one-page app on the same port."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from spacy.language import Language

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.store import open_store
from eventwire.web import code_routes, read_routes
from eventwire.web.ratelimit import RateLimit, TokenBuckets
from eventwire.web.settings import DEFAULT_MAX_BODY, Settings

__all__ = ["WebError", "create_app"]

# The page loads nothing from elsewhere and runs no inline script, so even a missed escape
# cannot run injected code.
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class WebError(EventwireError):
    """The server cannot start on the given database."""


def _static_dir() -> Path:
    return Path(str(resources.files("eventwire.web").joinpath("static")))


def _check_database(settings: Settings) -> None:
    if settings.db_path.is_file():
        return
    if not settings.writable:
        raise WebError(f"{settings.db_path}: no such database (run `eventwire ingest` first)")
    # A writable server may start empty: posted articles fill it.
    with open_store(settings.db_path):
        pass


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origins: Sequence[str] = (),
    nlp: Language | None = None,
    code_rate: RateLimit | None = None,
) -> FastAPI:
    """The app over ``db_path``. Read-only unless ``token`` is given; then write endpoints
    accept ``Authorization: Bearer <token>``. ``nlp`` defaults to the shared pipeline, loaded
    on the first `POST /code`. ``code_rate`` limits how often one client address may have text
    coded (default: bursts of 30, then one a second; ``RateLimit(0)`` turns it off).
    CORS is closed unless ``cors_origins`` names the sites allowed to call the API."""
    settings = Settings(db_path=Path(db_path), token=token or None, max_body=max_body,
                        cors_origins=tuple(cors_origins), code_rate=code_rate or RateLimit())
    _check_database(settings)
    app = FastAPI(
        title="eventwire", version=__version__,
        description="PLOVER events coded from news articles, with the evidence behind each "
                    "field. Offsets index the article text, end-exclusive.",
        # Swagger UI and ReDoc load their assets from a CDN; the schema itself is served.
        docs_url=None, redoc_url=None,
    )
    app.state.settings = settings
    app.state.coder = code_routes.make_coder(nlp)
    app.state.code_buckets = TokenBuckets(settings.code_rate)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization",
                                                                         "Content-Type"])

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.include_router(read_routes.router)
    app.include_router(code_routes.router)
    static = _static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    return app
