"""The JSON endpoints: the library's answers over HTTP, in the library's own JSON.

Every body comes from the returned object's ``till_dict()`` (schemas in
`finsam_core.utdata`, `finsam_core.arenor.SVARSSCHEMA` and the reports' own), so the
findings, the masking of personnummer and the Swedish messages are the library's. A case
that cannot be read, or a bad parameter, is a 422 whose body is a ``kontrollresultat``
with its ``indatafel`` (path-keyed, Swedish); a body over the limit is a 413. The checks
are CPU-bound and run on the event loop: threads would add overhead without parallelism
(the GIL), and one case takes about a millisecond.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from finsam_core._version import __version__
from finsam_core.format.fel import Indatafel, Inlasning
from finsam_core.format.lasare import Rad
from finsam_core.kontrollant import Kontrollresultat
from finsam_core.webb.indata import (
    FRAGAN,
    Avvisad,
    Parameterfel,
    datum_ur,
    flagga_ur,
    fragevarde,
    heltal_ur,
    kropp_ur,
    las_kropp,
    las_rader,
    parameterfel,
    snabblast,
    tolka_datum,
)
from finsam_core.webb.tjanst import Tjanst

SATS = "<sats>"
"""The ``fil`` of cases posted as JSON Lines (each with its line number as ``rad``)."""
JSONL = "application/x-ndjson"
INGEN_LAGRING = {"Cache-Control": "no-store"}
"""Answers about a person are not to be kept by a browser or a proxy."""


class Radstrom(StreamingResponse):
    """A streamed answer that does not listen for the client going away while it streams.

    The handler is still reading the request (JSON Lines in, JSON Lines out), and
    Starlette's listener would take the request body's messages from it (with servers
    that speak ASGI below 2.4, uvicorn among them). A client that goes away ends the
    request body instead, and that ends the stream.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.stream_response(send)


def tjanst_for(request: Request) -> Tjanst:
    tjanst: Tjanst = request.app.state.tjanst
    return tjanst


def svar(data: Any, status: int = 200) -> Response:
    return JSONResponse(data, status_code=status, headers=INGEN_LAGRING)


def felsvar(status: int, meddelande: str) -> Response:
    """``{"fel": "..."}``: a request turned away before any case was read."""
    return JSONResponse({"fel": meddelande}, status_code=status, headers=INGEN_LAGRING)


def avvisad(fel: Avvisad) -> Response:
    return felsvar(fel.status, fel.meddelande)


def ej_kontrollerat(resultat: Kontrollresultat) -> Response:
    return svar(resultat.till_dict(), 422)


def felaktig_parameter(fel: Parameterfel) -> Response:
    return svar(_parameterfel_som_dict(fel), 422)


def _parameterfel_som_dict(fel: Parameterfel) -> dict[str, Any]:
    return Kontrollresultat(FRAGAN, None, None, indatafel=(fel.fel,)).till_dict()


def _rad(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)


def _inlasning(tjanst: Tjanst, nummer: int, text: bytes | Avvisad) -> Inlasning | None:
    """One JSON Lines line read as a case (None for a blank line)."""
    if isinstance(text, Avvisad):
        fel = Indatafel(SATS, text.meddelande, rad=nummer, kod="for_stor")
        return Inlasning(fil=SATS, rad=nummer, fel=(fel,))
    return tjanst.lasare.tolka_rad(Rad(SATS, nummer, text))


# -- checking -------------------------------------------------------------------------------


async def validera(request: Request) -> Response:
    """POST one case (JSON or YAML) → its ``kontrollresultat``; 422 if it cannot be read.

    `finsam_core.webb.app.Tjanstapp` answers this route itself, without Starlette's
    layers, routing and request and response objects (it is the one a case system calls
    per case); both answer through `validering`.
    """
    status, data = await validering(tjanst_for(request), request.scope, request.receive)
    return svar(data, status)


async def validering(tjanst: Tjanst, scope: Scope, receive: Receive) -> tuple[int, Any]:
    """The status and JSON body of `validera`'s answer, from the ASGI scope and channel."""
    datum = tolka_datum(fragevarde(scope, "datum"))
    if isinstance(datum, Parameterfel):
        return 422, _parameterfel_som_dict(datum)
    kropp = await kropp_ur(scope, receive, tjanst.installningar.max_storlek)
    if isinstance(kropp, Avvisad):
        return kropp.status, {"fel": kropp.meddelande}
    resultat = kontrollera_kropp(tjanst, kropp, datum)
    return (200 if resultat.ok else 422), resultat.till_dict()


def kontrollera_kropp(tjanst: Tjanst, kropp: bytes, datum: date) -> Kontrollresultat:
    """One posted case checked on *datum*: `Kontrollant.kontrollera` on the body, read
    by orjson where that is certain to give the same case (`snabblast`)."""
    inlasning = snabblast(tjanst.lasare, kropp, fil=FRAGAN)
    if inlasning is None:
        return tjanst.kontrollant.kontrollera(kropp, datum=datum, fil=FRAGAN)
    return tjanst.kontrollant.kontrollera_inlasning(inlasning, datum=datum)


async def validera_sats(request: Request) -> Response:
    """POST cases as JSON Lines → one ``kontrollresultat`` per case, streamed as they are
    checked (memory holds one line); a line that cannot be read has its input errors."""
    tjanst = tjanst_for(request)
    datum = datum_ur(request)
    if isinstance(datum, Parameterfel):
        return felaktig_parameter(datum)

    async def rader() -> AsyncIterator[bytes]:
        utdata: list[bytes] = []
        async for nummer, text in las_rader(
            request,
            grans_rad=tjanst.installningar.max_storlek,
            grans_totalt=tjanst.installningar.max_sats,
        ):
            inlasning = _inlasning(tjanst, nummer, text)
            if inlasning is None:
                continue
            resultat = tjanst.kontrollant.kontrollera_inlasning(inlasning, datum=datum)
            utdata.append(_rad(resultat.till_dict()))
            if len(utdata) >= 64:  # fewer, larger writes; still a stream
                yield b"".join(utdata)
                utdata.clear()
        if utdata:
            yield b"".join(utdata)

    return Radstrom(rader(), media_type=JSONL, headers=INGEN_LAGRING)


async def forklara(request: Request) -> Response:
    """POST one case → every rule with its outcome, facts and source (``forklaring``)."""
    from finsam_core.regler.motor import forklara as forklara_arende

    tjanst = tjanst_for(request)
    datum = datum_ur(request)
    if isinstance(datum, Parameterfel):
        return felaktig_parameter(datum)
    kropp = await las_kropp(request, tjanst.installningar.max_storlek)
    if isinstance(kropp, Avvisad):
        return avvisad(kropp)
    inlasning = tjanst.kontrollant.las(kropp, fil=FRAGAN)
    resultat = tjanst.kontrollant.kontrollera_inlasning(inlasning, datum=datum)
    if inlasning.arende is None:  # again from the text: it can name the real problem
        resultat = tjanst.kontrollant.kontrollera(kropp, datum=datum, fil=FRAGAN)
    if resultat.resultat is None or inlasning.arende is None:
        return ej_kontrollerat(resultat)
    regelverk = tjanst.vard.regelverk_for(resultat.resultat.regelverk)
    forklaring = forklara_arende(inlasning.arende, regelverk, datum, kodverk=tjanst.vard.kodverk)
    return svar(forklaring.till_dict())


async def agenda(request: Request) -> Response:
    """POST cases as JSON Lines → their open deadlines by due date (``agendapost``), and
    the cases that could not be checked (``kontrollresultat`` with input errors)."""
    from finsam_core.regler.motor import agenda as agenda_for

    tjanst = tjanst_for(request)
    datum = datum_ur(request)
    if isinstance(datum, Parameterfel):
        return felaktig_parameter(datum)
    inom = heltal_ur(request, "inom", minst=0)
    if isinstance(inom, Parameterfel):
        return felaktig_parameter(inom)
    resultat = []
    ej_kontrollerade = []
    async for nummer, text in las_rader(
        request,
        grans_rad=tjanst.installningar.max_storlek,
        grans_totalt=tjanst.installningar.max_sats,
    ):
        inlasning = _inlasning(tjanst, nummer, text)
        if inlasning is None:
            continue
        kontroll = tjanst.kontrollant.kontrollera_inlasning(inlasning, datum=datum)
        if kontroll.resultat is None:
            ej_kontrollerade.append(kontroll.till_dict())
        else:
            resultat.append(kontroll.resultat)
    poster = agenda_for(resultat, inom_dagar=inom, missade=True)  # as the CLI: missed first
    return svar(
        {
            "datum": datum.isoformat(),
            "agenda": [p.till_dict() for p in poster],
            "ej_kontrollerade": ej_kontrollerade,
        }
    )


# -- routing --------------------------------------------------------------------------------

_NIVAER = ("individ", "struktur", "kunskap")


def _fragevillkor(request: Request, tjanst: Tjanst) -> dict[str, Any] | Parameterfel:
    """The routing options every arena question takes: levels, projects, situations."""
    from finsam_core.arenor import ARBETSSOKANDE, Niva
    from finsam_core.model.koder import Kodslag

    nivaer = request.query_params.getlist("niva")
    for niva in nivaer:
        if niva not in _NIVAER:
            return parameterfel(
                "niva", f"okänd nivå {niva[:40]!r}; finns: {', '.join(_NIVAER)}", "okand_kod"
            )
    projekt = flagga_ur(request, "projekt")
    if isinstance(projekt, Parameterfel):
        return projekt
    kanda = {ARBETSSOKANDE}
    kanda.update(tjanst.vard.kodverk.lista(Kodslag.OMSTANDIGHET))
    kanda.update(tjanst.vard.kodverk.lista(Kodslag.FORSORJNINGSTYP))
    for arena in tjanst.arenor.arenor:
        kanda.update(arena.kraver | arena.kraver_ocksa | arena.utesluter)
    situationer = request.query_params.getlist("situation")
    for kod in situationer:
        if kod not in kanda:  # a misspelt situation would match nothing without a word
            return parameterfel("situation", f"okänd situation {kod[:40]!r}", "okand_kod")
    return {
        "nivaer": frozenset(Niva(n) for n in nivaer) or frozenset({Niva.INDIVID}),
        "inkl_projekt": projekt,
        "situationer": frozenset(situationer),
    }


async def arenor_for_arende(request: Request) -> Response:
    """POST one case → where the person could get help (the ``arenor-svar`` document)."""
    from finsam_core.arenor import fraga_for_arende

    tjanst = tjanst_for(request)
    datum = datum_ur(request)
    if isinstance(datum, Parameterfel):
        return felaktig_parameter(datum)
    villkor = _fragevillkor(request, tjanst)
    if isinstance(villkor, Parameterfel):
        return felaktig_parameter(villkor)
    kropp = await las_kropp(request, tjanst.installningar.max_storlek)
    if isinstance(kropp, Avvisad):
        return avvisad(kropp)
    inlasning = tjanst.kontrollant.las(kropp, fil=FRAGAN)
    if inlasning.arende is None:
        return ej_kontrollerat(
            Kontrollresultat(inlasning.fil, inlasning.rad, None, indatafel=inlasning.fel)
        )
    fraga = fraga_for_arende(
        inlasning.arende,
        datum,
        nivaer=villkor["nivaer"],
        inkl_projekt=villkor["inkl_projekt"],
        extra_situationer=villkor["situationer"],
    )
    return svar(tjanst.arenor.foresla(fraga).till_dict())


async def arenor_for_person(request: Request) -> Response:
    """GET with ``kommun``, ``alder``, ``situation``, ``kon`` → the ``arenor-svar`` document."""
    from finsam_core.arenor import Fraga
    from finsam_core.model.kommuner import OkandKommunError, hitta_kommun

    tjanst = tjanst_for(request)
    datum = datum_ur(request)
    if isinstance(datum, Parameterfel):
        return felaktig_parameter(datum)
    villkor = _fragevillkor(request, tjanst)
    if isinstance(villkor, Parameterfel):
        return felaktig_parameter(villkor)
    namn = request.query_params.get("kommun")
    if namn is None:
        return felaktig_parameter(parameterfel("kommun", "ange personens kommun", "saknas"))
    try:
        kommun = hitta_kommun(namn)
    except OkandKommunError as fel:
        return felaktig_parameter(parameterfel("kommun", str(fel), "okand_kommun"))
    alder = heltal_ur(request, "alder", minst=0)
    if isinstance(alder, Parameterfel):
        return felaktig_parameter(alder)
    kon = request.query_params.get("kon")
    if kon not in (None, "kvinna", "man"):
        return felaktig_parameter(
            parameterfel("kon", f"förväntade kvinna eller man, fick {kon[:40]!r}", "okand_kod")
        )
    fraga = Fraga(kommun, alder=alder, kon=kon, datum=datum, **villkor)
    return svar(tjanst.arenor.foresla(fraga).till_dict())


# -- reports --------------------------------------------------------------------------------


async def rapporter(request: Request) -> Response:
    """GET → the installed reports: id, title and plugin."""
    tjanst = tjanst_for(request)
    return svar(
        [{"id": r.id, "titel": r.titel, "plugin": r.plugin} for r in tjanst.vard.rapporter()]
    )


def _period(request: Request) -> Any:
    from finsam_core.rapport.period import Period, Periodfel

    text = request.query_params.get("period")
    if text is None:
        return parameterfel("period", "ange period (t.ex. 2025-10, 2025-Q3 eller 2025)", "saknas")
    try:
        return Period.tolka(text)
    except Periodfel as fel:
        return parameterfel("period", str(fel), "ogiltigt_datum")


async def rapport(request: Request) -> Response:
    """POST cases as JSON Lines → the report for a period, always with small-cell
    protection (``troskel`` at least 3, default 4; the CLI's ``--utan-skydd`` is not
    offered over the network)."""
    from finsam_core.rapport.rapport import Sammanstallning
    from finsam_core.regler.motor import validera as validera_arende

    tjanst = tjanst_for(request)
    vald = tjanst.vard.rapport(request.path_params["rapport"])
    if vald is None:
        kanda = ", ".join(r.id for r in tjanst.vard.rapporter())
        return felsvar(404, f"okänd rapport; installerade: {kanda}")
    period = _period(request)
    if isinstance(period, Parameterfel):
        return felaktig_parameter(period)
    troskel = heltal_ur(request, "troskel", minst=3)
    if isinstance(troskel, Parameterfel):
        return felaktig_parameter(troskel)
    fasta = tjanst.kontrollant.regelverk
    vard = tjanst.vard

    def validera(arende: Any) -> Any:
        return validera_arende(arende, vard.regelverk_for(fasta or arende.regelverk), period.till)

    sammanstallning = Sammanstallning(
        vald,
        period,
        vard.kodverk,
        regelverk=fasta or (),
        validera=validera if vald.behover_fynd else None,
    )
    async for nummer, text in las_rader(
        request,
        grans_rad=tjanst.installningar.max_storlek,
        grans_totalt=tjanst.installningar.max_sats,
    ):
        inlasning = _inlasning(tjanst, nummer, text)
        if inlasning is None:
            continue
        arende = inlasning.arende
        if arende is None or (vald.behover_fynd and not _kan_kontrolleras(tjanst, arende)):
            sammanstallning.utelamna()
            continue
        sammanstallning.lagg_till(arende)
    resultat = sammanstallning.resultat(troskel=troskel or 4)
    return svar(resultat.till_dict())


def _kan_kontrolleras(tjanst: Tjanst, arende: Any) -> bool:
    ids = tjanst.kontrollant.regelverk or arende.regelverk
    return bool(ids) and all(tjanst.vard.saknat_regelverk(i) is None for i in ids)


# -- what is installed ----------------------------------------------------------------------


async def regelverk_lista(request: Request) -> Response:
    """GET → every loaded rule set with its rules (``regelverk``)."""
    return svar([rv.till_dict() for rv in tjanst_for(request).vard.alla_regelverk()])


async def ett_regelverk(request: Request) -> Response:
    """GET → one rule set (``regelverk``), or 404."""
    vard = tjanst_for(request).vard
    regelverk_id = request.path_params["regelverk"]
    valt = vard.regelverk(regelverk_id)
    if valt is None:
        return felsvar(404, vard.saknat_regelverk(regelverk_id) or "okänt regelverk")
    return svar(valt.till_dict())


async def en_regel(request: Request) -> Response:
    """GET → one rule with its source and quote (``regel``), or 404."""
    vard = tjanst_for(request).vard
    valt = vard.regelverk(request.path_params["regelverk"])
    regel_id = request.path_params["regel"]
    regel = next((r for r in valt.regler if r.id == regel_id), None) if valt else None
    if valt is None or regel is None:
        return felsvar(404, "okänd regel; GET /api/v1/regelverk/{id} listar reglerna")
    return svar(regel.till_dict())


async def plugins(request: Request) -> Response:
    """GET → loaded plugins (``plugin``) and those that failed (``pluginproblem``)."""
    vard = tjanst_for(request).vard
    vard.arenor()  # arenas are loaded at start; a broken arena file is among the failures
    vard.rapporter()  # as are reports (a broken report hook)
    return svar(
        {
            "plugins": [p.till_dict() for p in vard.plugins()],
            "fel": [f.till_dict() for f in vard.fel],
        }
    )


async def arendeschema(request: Request) -> Response:
    """GET → the JSON Schema of ``finsam/1`` with the installed plugins' codes."""
    from finsam_core.format.schema import json_schema

    return svar(json_schema(tjanst_for(request).vard.kodverk))


async def halsa(request: Request) -> Response:
    """GET → ``{"status": "ok", "version": ...}``: the service is up (no check is run)."""
    return svar({"status": "ok", "version": __version__, "datum": date.today().isoformat()})
