"""The ASGI application of ``finsam serve``: routes, access check, log, security headers.

Starlette, because the service needs routing, streaming responses and a test client, and
nothing that would build a second model of the library's JSON: the OpenAPI document is
assembled from the library's own schemas (`finsam_core.webb.openapi`).

>>> from finsam_core.webb.tjanst import Tjanst
>>> app = skapa_app(Tjanst())
>>> sorted({r.path for r in app.routes})[:3]
['/', '/api/v1/agenda', '/api/v1/arenor']
"""

from __future__ import annotations

import hmac
import logging
import time
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from finsam_core.model.personnummer import maskera_text
from finsam_core.webb import api, sida
from finsam_core.webb.openapi import openapi
from finsam_core.webb.tjanst import Tjanst

LOGG = logging.getLogger("finsam.serve")
"""One line per request: method, path (never the query or the body), status, time."""

SAKERHETSHUVUDEN = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        b"frame-ancestors 'none'; base-uri 'none'",
    ),
]


class Vakt:
    """ASGI middleware: the bearer-token check on ``/api/``, the log line, the headers.

    The page's form carries the same key in a field (checked by the page), so a browser
    needs no header; the empty form, the stylesheet, ``/openapi.json`` and ``/halsa`` are
    open.
    """

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0

        async def skicka(meddelande: Message) -> None:
            nonlocal status
            if meddelande["type"] == "http.response.start":
                status = meddelande["status"]
                meddelande["headers"] = [*meddelande.get("headers", []), *SAKERHETSHUVUDEN]
            await send(meddelande)

        try:
            skyddad = self.token is not None and scope["path"].startswith("/api/")
            if skyddad and not behorig(scope, self.token):
                svar = JSONResponse(
                    {"fel": "åtkomstnyckel saknas eller är fel (Authorization: Bearer …)"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await svar(scope, receive, skicka)
                return
            await self.app(scope, receive, skicka)
        finally:
            LOGG.info(
                "%s %s %s %.1f ms",
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - start) * 1000,
            )


def behorig(scope: Scope, token: bytes | None) -> bool:
    """True if no token is set or the request carries ``Authorization: Bearer <token>``."""
    if token is None:
        return True
    for namn, varde in scope["headers"]:
        if namn == b"authorization":
            schema, _, nyckel = varde.partition(b" ")
            return schema.lower() == b"bearer" and hmac.compare_digest(nyckel, token)
    return False


VALIDERA = "/api/v1/validera"
JSONHUVUDEN = [
    (b"content-type", b"application/json"),
    (b"cache-control", b"no-store"),
    *SAKERHETSHUVUDEN,
]
"""The headers of every answer of the direct route but its length (as `Vakt` and
`api.svar` give the others)."""


class Tjanstapp(Starlette):
    """The Starlette application, answering ``POST /api/v1/validera`` itself.

    A case system calls that route once per case, so what it costs besides the check is
    paid per case: Starlette's layers (error and exception middleware, `Vakt`, router,
    request and response objects, ``json.dumps``) were most of it. Here the route runs as
    a plain ASGI callable with the same answer (`api.validering`), the same access check
    (a request without the key goes through `Vakt`, which turns it away), headers, log
    line and 500 for a bug of ours; the route stays in the router, so the OpenAPI
    document and every other path are unchanged. In ``benchmarks/serve.py`` the service's
    CPU per request over the CLI's per case fell from about 155 to 50 µs.
    """

    nyckel: bytes | None = None
    """The bearer token (`Installningar.token`), if one is required."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["path"] == VALIDERA
            and scope["method"] == "POST"
            and behorig(scope, self.nyckel)
        ):
            await self._validera(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def _validera(self, scope: Scope, receive: Receive, send: Send) -> None:
        start = time.perf_counter()
        kropp: bytes | None
        try:
            status, data = await api.validering(self.state.tjanst, scope, receive)
            kropp = orjson.dumps(data)
        except ClientDisconnect:  # gone while sending the case: nobody to answer
            status, kropp = 0, None
        except Exception as fel:
            status, kropp = 500, orjson.dumps(_internt_fel_text(fel))
        if kropp is not None:
            huvuden = [(b"content-length", b"%d" % len(kropp)), *JSONHUVUDEN]
            await send({"type": "http.response.start", "status": status, "headers": huvuden})
            await send({"type": "http.response.body", "body": kropp})
        LOGG.info("POST %s %s %.1f ms", VALIDERA, status, (time.perf_counter() - start) * 1000)


async def _openapi(request: Request) -> Response:
    dokument: dict[str, Any] = request.app.state.openapi
    return JSONResponse(dokument)


async def _http_fel(request: Request, fel: Exception) -> Response:
    assert isinstance(fel, HTTPException)
    text = {404: "hittades inte", 405: "metoden stöds inte här"}.get(fel.status_code)
    return JSONResponse(
        {"fel": text or f"förfrågan avvisades ({fel.status_code})"},
        status_code=fel.status_code,
        headers=fel.headers,
    )


async def _internt_fel(request: Request, fel: Exception) -> Response:
    return JSONResponse(_internt_fel_text(fel), status_code=500)


def _internt_fel_text(fel: Exception) -> dict[str, str]:
    # A bug of ours, never bad input: logged without the request, answered without detail.
    LOGG.error("internt fel: %s: %s", type(fel).__name__, maskera_text(str(fel))[:200])
    return {"fel": "internt fel i finsam-core; se tjänstens logg"}


def skapa_app(tjanst: Tjanst) -> Tjanstapp:
    """The application for one `Tjanst` (plugins already loaded, OpenAPI built now)."""
    rutter = [
        Route("/", sida.sida, methods=["GET"]),
        Route("/", sida.kontrollera, methods=["POST"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        Route("/halsa", api.halsa, methods=["GET"]),
        Route("/api/v1/validera", api.validera, methods=["POST"]),
        Route("/api/v1/validera/sats", api.validera_sats, methods=["POST"]),
        Route("/api/v1/forklara", api.forklara, methods=["POST"]),
        Route("/api/v1/agenda", api.agenda, methods=["POST"]),
        Route("/api/v1/arenor", api.arenor_for_arende, methods=["POST"]),
        Route("/api/v1/arenor", api.arenor_for_person, methods=["GET"]),
        Route("/api/v1/rapporter", api.rapporter, methods=["GET"]),
        Route("/api/v1/rapporter/{rapport}", api.rapport, methods=["POST"]),
        Route("/api/v1/regelverk", api.regelverk_lista, methods=["GET"]),
        Route("/api/v1/regelverk/{regelverk}", api.ett_regelverk, methods=["GET"]),
        Route("/api/v1/regelverk/{regelverk}/{regel}", api.en_regel, methods=["GET"]),
        Route("/api/v1/plugins", api.plugins, methods=["GET"]),
        Route("/api/v1/schema/arende", api.arendeschema, methods=["GET"]),
        Mount("/statisk", StaticFiles(directory=Path(__file__).parent / "statisk")),
    ]
    app = Tjanstapp(
        routes=rutter,
        exception_handlers={HTTPException: _http_fel, Exception: _internt_fel},
    )
    app.state.tjanst = tjanst
    app.state.openapi = openapi(tjanst.vard)
    token = tjanst.installningar.token
    app.nyckel = token.encode() if token is not None else None
    app.add_middleware(Vakt, token=token)
    return app
