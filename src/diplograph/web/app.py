"""The web server: the page, its assets and the JSON API, read-only over one store.

:func:`create_app` returns a Starlette application; ``diplograph serve`` runs
it with uvicorn on 127.0.0.1. Only GET requests exist; every error is a JSON
object ``{"error": "..."}`` with a 4xx status.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import DiplographError
from ..rdf.store import Store
from . import api
from .assets import static_dir, vendor_files

__all__ = ["ENDPOINTS", "create_app"]

ENDPOINTS = {
    "/api": "this list",
    "/api/facets": "what the filters offer: actors, event types, sources (with grades), extent",
    "/api/status": (
        "what the server has read since it started: the facts the filters test, the rows "
        "(before, a filter waits and rows come from the query templates)"
    ),
    "/api/actors": "every actor: id, name, kind, the state it belongs to",
    "/api/events?from=&to=&actor=&type=&source=&q=&citations=": (
        "the events and statements in a window (repeat actor, type, source; citations=0 "
        "leaves out each row's citations), or counts per month or year when more than "
        "max_items match"
    ),
    "/api/event/{id}": "one event: participants and roles, statements about it, evidence",
    "/api/event/{id}/reports": (
        "the sources' reports of one event (date at its precision, type or code, file and row, "
        "grade) and where they disagree with it (each source's version and grade)"
    ),
    "/api/statement/{id}": "one statement: speaker, words, the events it is about, evidence",
}
"""The JSON endpoints and what each answers (also served at ``/api``)."""

Handler = Callable[[Request], Awaitable[Response]]


def _json(value: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(value, status_code=status)


def _error(status: int, message: str) -> JSONResponse:
    return _json({"error": message, "status": status}, status)


def _guard(fn: Callable[[Request], Any]) -> Handler:
    """``fn`` in a worker thread (a filter that waits for the index blocks no other request)."""

    async def handler(request: Request) -> Response:
        try:
            return _json(await run_in_threadpool(fn, request))
        except api.ApiError as e:
            return _error(e.status, str(e))
        except DiplographError as e:
            return _error(400, str(e))

    return handler


def _vendor(vendor: dict[str, Path], name: str) -> Response:
    if name not in vendor:
        return _error(404, f"no such library file {name!r}")
    return FileResponse(vendor[name])


def _many(request: Request, name: str) -> list[str]:
    values = []
    for v in request.query_params.getlist(name):
        values += [p for p in v.split(",") if p]
    return values


_KNOWN = {"from", "to", "actor", "type", "source", "q", "citations"}


def _flag(value: str | None, name: str) -> bool:
    if value in (None, "1", "true"):
        return True
    if value in ("0", "false"):
        return False
    raise api.ApiError(f"{name} must be 1 or 0 (got {value!r})")


def create_app(store: Store, *, texts: api.Texts = api.NO_TEXTS, title: str = "") -> Starlette:
    """The application serving the view of ``store`` (source texts from ``texts``)."""
    vendor = vendor_files()  # fail at start, not on the first page view
    facets = api.facets(store)  # read once: the view is read-only, and the first view needs it

    def events(request: Request) -> Any:
        unknown = sorted(set(request.query_params) - _KNOWN)
        if unknown:
            raise api.ApiError(
                f"unknown parameter {unknown[0]!r}; known: {', '.join(sorted(_KNOWN))}"
            )
        p = request.query_params
        return api.window(
            store,
            start=p.get("from"),
            end=p.get("to"),
            actors=_many(request, "actor"),
            types=_many(request, "type"),
            sources=_many(request, "source"),
            q=p.get("q"),
            citations=_flag(p.get("citations"), "citations"),
        )

    routes = [
        Route("/", lambda r: FileResponse(static_dir() / "index.html")),
        Route(
            "/data.js",
            lambda r: Response(
                f"window.DIPLOGRAPH = {json.dumps({'mode': 'server', 'title': title})};\n",
                media_type="text/javascript",
            ),
        ),
        Route("/api", _guard(lambda r: {"endpoints": ENDPOINTS})),
        Route("/api/facets", _guard(lambda r: facets)),
        Route("/api/status", _guard(lambda r: api.status(store))),
        Route("/api/actors", _guard(lambda r: api.actors(store))),
        Route("/api/events", _guard(events)),
        Route(
            "/api/event/{id}", _guard(lambda r: api.event_detail(store, r.path_params["id"], texts))
        ),
        Route(
            "/api/event/{id}/reports",
            _guard(lambda r: api.event_reports(store, r.path_params["id"])),
        ),
        Route(
            "/api/statement/{id}",
            _guard(lambda r: api.statement_detail(store, r.path_params["id"], texts)),
        ),
        Mount("/static", StaticFiles(directory=static_dir())),
        Route("/vendor/{name}", lambda r: _vendor(vendor, r.path_params["name"])),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        return _error(status, f"{request.method} {request.url.path}: {getattr(exc, 'detail', exc)}")

    return Starlette(
        routes=routes, exception_handlers={HTTPException: not_found, Exception: not_found}
    )
