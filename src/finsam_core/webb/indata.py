"""What a request brings: its body (within a size limit), its JSON Lines, its parameters.

Everything a client can get wrong becomes a value here (`Avvisad`: a status and a Swedish
message, or an input error keyed by the parameter's name), never an exception that would
turn into a 500. Nothing read here is logged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from urllib.parse import parse_qsl

import orjson
from attrs import frozen
from starlette.requests import ClientDisconnect, Request
from starlette.types import Receive, Scope

from finsam_core.format.fel import Indatafel, Inlasning
from finsam_core.format.lasare import Lasare

FRAGAN = "<förfrågan>"
"""The ``fil`` of an input error in a request's parameters."""


@frozen
class Avvisad:
    """A request turned away before any case was read: HTTP status and Swedish reason."""

    status: int
    meddelande: str


@frozen
class Parameterfel:
    """A query parameter that could not be used: an input error keyed by its name."""

    fel: Indatafel


def for_stor(grans: int) -> Avvisad:
    return Avvisad(413, f"förfrågan är för stor: högst {grans} byte (tjänstens gräns)")


async def las_kropp(request: Request, grans: int) -> bytes | Avvisad:
    """The whole body, or `Avvisad` (413) as soon as it grows past *grans* bytes."""
    return await kropp_ur(request.scope, request.receive, grans)


async def kropp_ur(scope: Scope, receive: Receive, grans: int) -> bytes | Avvisad:
    """`las_kropp` from the ASGI scope and channel (for a route without a `Request`).

    A client that goes away raises `ClientDisconnect`, as Starlette's ``Request.stream``.
    """
    for namn, varde in scope["headers"]:
        if namn == b"content-length":
            if varde.isdigit() and int(varde) > grans:
                return for_stor(grans)
            break
    delar = []
    storlek = 0
    while True:
        meddelande = await receive()
        if meddelande["type"] != "http.request":
            raise ClientDisconnect
        bit = meddelande.get("body", b"")
        storlek += len(bit)
        if storlek > grans:
            return for_stor(grans)
        delar.append(bit)
        if not meddelande.get("more_body", False):
            return b"".join(delar)


async def las_rader(
    request: Request, *, grans_rad: int, grans_totalt: int
) -> AsyncIterator[tuple[int, bytes | Avvisad]]:
    """JSON Lines as they arrive: ``(line number, line)``, holding one line at a time.

    A line longer than *grans_rad* comes as ``(number, Avvisad)`` and the rest go on; a body
    longer than *grans_totalt* ends with ``(next number, Avvisad)``.
    """
    buffert = b""
    nummer = 0
    storlek = 0
    rest_av_for_lang = False
    async for bit in _strom(request):
        storlek += len(bit)
        if storlek > grans_totalt:
            yield nummer + 1, for_stor(grans_totalt)
            return
        *hela, buffert = (buffert + bit).split(b"\n")
        for rad in hela:
            if rest_av_for_lang:  # the end of a line already reported as too long
                rest_av_for_lang = False
                continue
            nummer += 1
            yield nummer, rad if len(rad) <= grans_rad else _for_lang(grans_rad)
        if len(buffert) > grans_rad:
            if not rest_av_for_lang:
                nummer += 1
                rest_av_for_lang = True
                yield nummer, _for_lang(grans_rad)
            buffert = b""
    if buffert and not rest_av_for_lang:
        yield nummer + 1, buffert


async def _strom(request: Request) -> AsyncIterator[bytes]:
    """The body's chunks; a client that went away just ends them."""
    try:
        async for bit in request.stream():
            yield bit
    except ClientDisconnect:
        return


def _for_lang(grans: int) -> Avvisad:
    return Avvisad(413, f"raden är för lång: högst {grans} byte (tjänstens gräns)")


def snabblast(lasare: Lasare, kropp: bytes, *, fil: str) -> Inlasning | None:
    """The case in a JSON body read by orjson, or None where that might differ from
    `Kontrollant.las` (which then reads it: the same answer, about 25 µs later).

    ``las`` reads JSON with ``json`` and refuses a key given twice in one object; orjson
    is about twice as fast and keeps the last. Only a case that orjson reads and that
    structures is taken here, and only if no key was lost: the text's colons are one per
    key plus those inside strings, and orjson writes the value back with one per kept key
    plus the same ones inside strings (unless the text wrote a colon as ``\\u003a``), so
    equal counts mean no key was dropped. orjson refuses what ``json`` also refuses or
    reads differently (NaN, lone surrogates), and reads an integer past 64 bits as a
    float, which no field takes: those cases go to ``las`` too. No error message is
    made here, so every 422 comes from ``las``, with its line numbers.
    """
    if b"\\u003a" in kropp or b"\\u003A" in kropp:
        return None
    try:
        data = orjson.loads(kropp)
        if not isinstance(data, dict) or kropp.count(b":") != orjson.dumps(data).count(b":"):
            return None
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # the latter: nested too deep
        return None
    inlasning = lasare.tolka(data, fil=fil)
    return inlasning if inlasning.ok else None


def parameterfel(namn: str, meddelande: str, kod: str) -> Parameterfel:
    return Parameterfel(Indatafel(FRAGAN, meddelande, sokvag=namn, kod=kod))


def datum_ur(request: Request) -> date | Parameterfel:
    """The ``datum`` parameter (ÅÅÅÅ-MM-DD), or today."""
    return tolka_datum(request.query_params.get("datum"))


def tolka_datum(text: str | None) -> date | Parameterfel:
    """A ``datum`` parameter's text (ÅÅÅÅ-MM-DD) as a date; None: today."""
    if text is None:
        return date.today()
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        return parameterfel(
            "datum", f"förväntade ett datum ÅÅÅÅ-MM-DD, fick {text[:40]!r}", "ogiltigt_datum"
        )


def fragevarde(scope: Scope, namn: str) -> str | None:
    """The last value of query parameter *namn*, as ``request.query_params.get`` gives
    it, without a `Request` (whose parameters cost several times as much to build)."""
    varde = None
    for nyckel, text in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True):
        if nyckel == namn:
            varde = text
    return varde


def heltal_ur(request: Request, namn: str, *, minst: int) -> int | Parameterfel | None:
    """An optional whole-number parameter of at least *minst*."""
    text = request.query_params.get(namn)
    if text is None:
        return None
    if not text.isdigit() or int(text) < minst:
        return parameterfel(
            namn, f"förväntade ett heltal, minst {minst}, fick {text[:40]!r}", "fel_typ"
        )
    return int(text)


def flagga_ur(request: Request, namn: str) -> bool | Parameterfel:
    """A yes/no parameter: ``true``/``false`` (also ``1``/``0``, ``ja``/``nej``)."""
    text = request.query_params.get(namn)
    if text is None:
        return False
    if text.lower() in ("true", "1", "ja"):
        return True
    if text.lower() in ("false", "0", "nej"):
        return False
    return parameterfel(namn, f"förväntade true eller false, fick {text[:40]!r}", "fel_typ")
