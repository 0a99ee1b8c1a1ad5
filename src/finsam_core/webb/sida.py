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


def _visa(varde: object) -> str:
    if isinstance(varde, enum.Enum):
        return str(varde.value)
    if isinstance(varde, tuple | list | frozenset):
        return ", ".join(_visa(v) for v in varde)
    if isinstance(varde, bool):
        return "ja" if varde else "nej"
    return maskera_text(str(varde))


def _detaljer(objekt: Any, utom: tuple[str, ...]) -> tuple[str, ...]:
    """``"namn: värde"`` for each field that is set, but the date shown as the entry's."""
    rader = []
    for falt in attrs.fields(type(objekt)):
        varde = getattr(objekt, falt.name)
        if falt.name in utom or varde is None or varde == ():
            continue
        rader.append(f"{falt.name.replace('_', ' ')}: {_visa(varde)}")
    return tuple(rader)


def _poster(arende: Arende) -> Iterator[Tidpunkt]:
    for i, handelse in arende.tidslinje():
        yield Tidpunkt(
            handelse.datum,
            "handelse",
            handelse.typ,
            _detaljer(handelse, ("datum", "start") if handelse.typ == "ledighet" else ("datum",)),
            f"handelser[{i}]",
        )
    for i, samtycke in enumerate(arende.samtycken):
        yield Tidpunkt(
            samtycke.datum, "samtycke", "samtycke", _detaljer(samtycke, ("datum",)),
            f"samtycken[{i}]",
        )  # fmt: skip
    for i, kartlaggning in enumerate(arende.kartlaggningar):
        yield Tidpunkt(
            kartlaggning.datum, "kartlaggning", "kartläggning",
            _detaljer(kartlaggning, ("datum",)), f"kartlaggningar[{i}]",
        )  # fmt: skip
    for i, insats in enumerate(arende.insatser):
        yield Tidpunkt(
            insats.start, "insats", f"insats {insats.typ}", _detaljer(insats, ("start", "typ")),
            f"insatser[{i}]",
        )  # fmt: skip
    for i, plan in enumerate(arende.planer):
        yield Tidpunkt(
            plan.datum, "plan", f"plan {plan.typ}", _detaljer(plan, ("datum", "typ")),
            f"planer[{i}]",
        )  # fmt: skip


def _hor_till(sokvag: str | None, post: str) -> bool:
    return sokvag is not None and (sokvag == post or sokvag.startswith((f"{post}.", f"{post}[")))


def tidslinje(arende: Arende, fynd: list[dict[str, Any]], datum: date) -> list[Tidpunkt]:
    """The case's dated entries, each with the findings whose path points into it, plus
    one entry per finding with a deadline (on its deadline) and one for the check date."""
    poster = []
    placerade: set[int] = set()
    for post in _poster(arende):
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
    poster = tidslinje(arende, fynd, datum)
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
