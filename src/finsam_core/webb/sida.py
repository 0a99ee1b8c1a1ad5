"""The caseworker's page: paste or upload a case, see its timeline, findings, agenda, help.

Server-rendered with Jinja2 (autoescaped), one stylesheet served by the service, no
script, no font or file from elsewhere: it works offline. Findings, agenda and routing
come from the objects' ``till_dict()`` (masked as everywhere); the timeline is built from
the case's dated entries, showing codes and dates, never a personnummer, and free text
only through `maskera_text`. The posted case is not echoed back into the form (it holds
the personnummer). Answers carry ``Cache-Control: no-store``.
"""

from __future__ import annotations

import enum
import hmac
import typing
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import attrs
import jinja2
from attrs import frozen
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from finsam_core.arenor import fraga_for_arende
from finsam_core.format.fel import Indatafel
from finsam_core.kontrollant import Kontrollresultat
from finsam_core.model.arende import Arende
from finsam_core.model.handelser import Handelse, Mote
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import KODSLAG_FOR_TYP, Avsandare, Enhetskod, Kodslag, Kodverk
from finsam_core.model.personnummer import maskera_text
from finsam_core.regler.motor import agenda
from finsam_core.webb.indata import FRAGAN
from finsam_core.webb.tjanst import Tjanst

ALLVARLIGHETER = (("fel", "Fel"), ("varning", "Varningar"), ("info", "Info"))
SPOOL = 1024 * 1024
"""Largest form the page takes: an upload this small stays in memory, never on disk."""


@cache
def _miljo() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("finsam_core.webb", "mallar"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@frozen
class Tidpunkt:
    """One dated entry of the timeline: an event or other dated part, or a deadline."""

    datum: date
    slag: str
    """``handelse``, ``samtycke``, ``kartlaggning``, ``insats``, ``plan``, ``frist`` or ``idag``."""
    rubrik: str
    detaljer: tuple[str, ...] = ()
    sokvag: str | None = None
    fynd: tuple[dict[str, Any], ...] = ()


HANDELSENAMN = {
    "remiss": "Remiss",
    "beslut": "Beslut",
    "mote": "Möte",
    "kontakt": "Kontakt",
    "aterkoppling": "Återkoppling",
    "inskrivning": "Inskrivning",
    "intyg": "Intyg",
    "forlangning": "Förlängning",
    "ledighet": "Ledighet",
    "avslut": "Avslut",
}
"""Display names of core's event types. The code lists (`Kodverk`) name units, meeting
types and the other codes, but an event type is only a code in the spec; a plugin's own
event type is shown as its code, capitalised."""

_ENHET = "enhet"
_VISAS_ANNARS = {"ledighet": ("datum", "start"), "mote": ("datum", "motestyp")}
"""Fields shown elsewhere: the date is the entry's, a meeting's type its heading."""


def _handelsenamn(handelse: Handelse, kodverk: Kodverk) -> str:
    if isinstance(handelse, Mote):  # the meeting type says more than "Möte"
        return kodverk.namn(handelse.motestyp, Kodslag.MOTESTYP)
    return HANDELSENAMN.get(handelse.typ) or handelse.typ.replace("_", " ").capitalize()


@cache
def _kodfalt(klass: type) -> dict[str, Kodslag | str]:
    """The fields of *klass* that hold codes: their code list, or ``"enhet"`` for units."""
    falt: dict[str, Kodslag | str] = {}
    for namn, typ in typing.get_type_hints(klass).items():
        for del_ in (typ, *typing.get_args(typ)):  # X, X | None, tuple[X, ...]
            if del_ in (Enhetskod, Avsandare):
                falt[namn] = _ENHET
            elif del_ in KODSLAG_FOR_TYP:
                falt[namn] = KODSLAG_FOR_TYP[del_]
    return falt


def _visa(varde: object, kodverk: Kodverk, slag: Kodslag | str | None) -> str:
    if isinstance(varde, enum.Enum):
        return str(varde.value)
    if isinstance(varde, tuple | list | frozenset):
        return ", ".join(_visa(v, kodverk, slag) for v in varde)
    if isinstance(varde, bool):
        return "ja" if varde else "nej"
    klass: type = type(varde)
    if attrs.has(klass):  # e.g. a limitation: "Arbetsförmedlingen/Arbetsmarknad"
        koder = _kodfalt(klass)
        return "/".join(
            _visa(getattr(varde, f.name), kodverk, koder.get(f.name))
            for f in attrs.fields(klass)
            if getattr(varde, f.name) is not None
        )
    if isinstance(varde, str) and slag is not None:
        return kodverk.namn(varde, slag if isinstance(slag, Kodslag) else None)
    return maskera_text(str(varde))


def _detaljer(objekt: Any, utom: tuple[str, ...], kodverk: Kodverk) -> tuple[str, ...]:
    """``"namn: värde"`` for each field that is set, but the date shown as the entry's;
    codes by their display names."""
    klass: type = type(objekt)
    koder = _kodfalt(klass)
    rader = []
    for falt in attrs.fields(type(objekt)):
        varde = getattr(objekt, falt.name)
        if falt.name in utom or varde is None or varde == ():
            continue
        rader.append(
            f"{falt.name.replace('_', ' ')}: {_visa(varde, kodverk, koder.get(falt.name))}"
        )
    return tuple(rader)


def _poster(arende: Arende, kodverk: Kodverk) -> Iterator[Tidpunkt]:
    for i, handelse in arende.tidslinje():
        yield Tidpunkt(
            handelse.datum,
            "handelse",
            _handelsenamn(handelse, kodverk),
            _detaljer(handelse, _VISAS_ANNARS.get(handelse.typ, ("datum",)), kodverk),
            f"handelser[{i}]",
        )
    for i, samtycke in enumerate(arende.samtycken):
        yield Tidpunkt(
            samtycke.datum, "samtycke", "Samtycke", _detaljer(samtycke, ("datum",), kodverk),
            f"samtycken[{i}]",
        )  # fmt: skip
    for i, kartlaggning in enumerate(arende.kartlaggningar):
        yield Tidpunkt(
            kartlaggning.datum, "kartlaggning", "Kartläggning",
            _detaljer(kartlaggning, ("datum",), kodverk), f"kartlaggningar[{i}]",
        )  # fmt: skip
    for i, insats in enumerate(arende.insatser):
        yield Tidpunkt(
            insats.start, "insats",
            f"Insats: {kodverk.namn(insats.typ, Kodslag.INSATSTYP, i_mening=True)}",
            _detaljer(insats, ("start", "typ"), kodverk), f"insatser[{i}]",
        )  # fmt: skip
    for i, plan in enumerate(arende.planer):
        yield Tidpunkt(
            plan.datum, "plan", f"Plan: {kodverk.namn(plan.typ, Kodslag.PLANTYP, i_mening=True)}",
            _detaljer(plan, ("datum", "typ"), kodverk), f"planer[{i}]",
        )  # fmt: skip


def _hor_till(sokvag: str | None, post: str) -> bool:
    return sokvag is not None and (sokvag == post or sokvag.startswith((f"{post}.", f"{post}[")))


def tidslinje(
    arende: Arende, fynd: list[dict[str, Any]], datum: date, kodverk: Kodverk = KARNKODVERK
) -> list[Tidpunkt]:
    """The case's dated entries (named from *kodverk*), each with the findings whose path
    points into it, plus one entry per finding with a deadline (on its deadline) and one
    for the check date."""
    poster = []
    placerade: set[int] = set()
    for post in _poster(arende, kodverk):
        egna = [i for i, f in enumerate(fynd) if _hor_till(f["sokvag"], post.sokvag or "")]
        placerade.update(egna)
        poster.append(attrs.evolve(post, fynd=tuple(fynd[i] for i in egna)))
    for f in fynd:
        if f["frist"] is not None:
            poster.append(
                Tidpunkt(date.fromisoformat(f["frist"]), "frist", f"frist: {f['titel']}", (),
                         f["sokvag"], (f,))
            )  # fmt: skip
    poster.append(Tidpunkt(datum, "idag", "kontrolldatum"))
    ordning = {"idag": 1, "frist": 2}
    return sorted(poster, key=lambda p: (p.datum, ordning.get(p.slag, 0)))


def _utan_plats(fynd: list[dict[str, Any]], poster: list[Tidpunkt]) -> list[dict[str, Any]]:
    """Findings the timeline does not show (no path into a dated entry, no deadline)."""
    visade = {id(f) for p in poster for f in p.fynd}
    return [f for f in fynd if id(f) not in visade]


def _sidsvar(innehall: dict[str, Any], status: int = 200) -> Response:
    html = _miljo().get_template("sida.html").render(**innehall)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _grund(tjanst: Tjanst, datum: date) -> dict[str, Any]:
    return {
        "datum": datum.isoformat(),
        "kraver_nyckel": tjanst.installningar.token is not None,
        "avvisad": None,
        "indatafel": [],
        "konfigurationsfel": [],
        "arende": None,
    }


async def sida(request: Request) -> Response:
    """GET: the empty form."""
    tjanst: Tjanst = request.app.state.tjanst
    return _sidsvar(_grund(tjanst, date.today()))


async def kontrollera(request: Request) -> Response:
    """POST (form): check the pasted or uploaded case and show it."""
    tjanst: Tjanst = request.app.state.tjanst
    innehall = _grund(tjanst, date.today())
    grans = min(tjanst.installningar.max_storlek, SPOOL)
    langd = request.headers.get("content-length")
    if langd is None or not langd.isdigit():
        innehall["avvisad"] = "formuläret saknar längd (Content-Length)"
        return _sidsvar(innehall, 411)
    if int(langd) > grans:
        innehall["avvisad"] = f"ärendet är för stort: högst {grans} byte på sidan"
        return _sidsvar(innehall, 413)
    async with request.form(max_files=1, max_fields=4, max_part_size=grans) as formular:
        text = formular.get("arende")
        fil = formular.get("fil")
        nyckel = formular.get("nyckel")
        datumtext = formular.get("datum")
        kropp = await fil.read() if fil is not None and not isinstance(fil, str) else b""
    token = tjanst.installningar.token
    if token is not None and not (
        isinstance(nyckel, str) and hmac.compare_digest(nyckel.encode(), token.encode())
    ):
        innehall["avvisad"] = "fel eller saknad åtkomstnyckel"
        return _sidsvar(innehall, 401)
    if kropp:
        text = kropp.decode("utf-8-sig", errors="replace")
    # The case is not echoed back into the form: an answer never holds a personnummer.
    text = text if isinstance(text, str) else ""
    try:
        datum = date.fromisoformat(datumtext) if isinstance(datumtext, str) and datumtext else None
    except ValueError:
        datum = None
    if datum is None and datumtext:
        innehall["indatafel"] = [
            Indatafel(FRAGAN, "förväntade ett datum ÅÅÅÅ-MM-DD", sokvag="datum").till_dict()
        ]
        return _sidsvar(innehall, 422)
    datum = datum or date.today()
    innehall["datum"] = datum.isoformat()
    if not text.strip():
        innehall["avvisad"] = "klistra in ett ärende eller välj en fil"
        return _sidsvar(innehall, 422)
    inlasning = tjanst.kontrollant.las(text, fil="ärendet")
    resultat = tjanst.kontrollant.kontrollera(text, datum=datum, fil="ärendet")
    if resultat.resultat is None or inlasning.arende is None:
        return _sidsvar({**innehall, **_ej_kontrollerat(resultat)}, 422)
    innehall["arende"] = _arendevy(tjanst, inlasning.arende, resultat, datum)
    return _sidsvar(innehall)


def _ej_kontrollerat(resultat: Kontrollresultat) -> dict[str, Any]:
    data = resultat.till_dict()
    return {"indatafel": data["indatafel"], "konfigurationsfel": data["konfigurationsfel"]}


def _arendevy(
    tjanst: Tjanst, arende: Arende, resultat: Kontrollresultat, datum: date
) -> dict[str, Any]:
    assert resultat.resultat is not None
    data = resultat.resultat.till_dict()
    fynd: list[dict[str, Any]] = data["fynd"]
    poster = tidslinje(arende, fynd, datum, tjanst.vard.kodverk)
    arenasvar = tjanst.arenor.foresla(fraga_for_arende(arende, datum)).till_dict()
    individ = arende.individ
    return {
        "id": maskera_text(arende.id),
        "regelverk": data["regelverk"],
        "kommun": individ.kommun.namn,
        "alder": individ.alder(datum),
        "antal": {a: sum(1 for f in fynd if f["allvarlighet"] == a) for a, _ in ALLVARLIGHETER},
        "grupper": [
            (a, rubrik, [f for f in fynd if f["allvarlighet"] == a]) for a, rubrik in ALLVARLIGHETER
        ],
        "tidslinje": poster,
        "utan_plats": _utan_plats(fynd, poster),
        "agenda": [p.till_dict() for p in agenda([resultat.resultat], missade=True)],
        "arenor": arenasvar,
    }
