"""Helpers for rule tests written in Python: a case from a few events, a rule from a block."""

from __future__ import annotations

from datetime import date
from typing import Any

from finsam_core import (
    Allvarlighet,
    Arende,
    Forklaring,
    Kalla,
    Kontroll,
    Lasare,
    Regel,
    Regelpost,
    Regelverk,
    validera,
)
from finsam_core.regler.fynd import Fynd

KALLA = Kalla("test.txt", "1", "Det ska vara så.")
LASARE = Lasare()


def arende(handelser: list[dict[str, Any]] | None = None, **ovrigt: Any) -> Arende:
    data: dict[str, Any] = {
        "format": "finsam/1",
        "id": "T-1",
        "individ": {"kommun": "Nora", "fodelsedatum": "2000-06-15"},
        "handelser": handelser or [],
    }
    individ = ovrigt.pop("individ", {})
    data["individ"].update(individ)
    data.update(ovrigt)
    inlasning = LASARE.tolka(data)
    assert inlasning.arende is not None, inlasning.fel
    return inlasning.arende


def regel(kontroll: Kontroll, *, id: str = "TEST-01", **ovrigt: Any) -> Regel:
    ovrigt.setdefault("allvarlighet", Allvarlighet.FEL)
    return Regel(id=id, titel="Testregel", kalla=KALLA, kontroll=kontroll, **ovrigt)


def regelverk(*regler: Regel, **ovrigt: Any) -> Regelverk:
    return Regelverk(id="test", namn="Test", agare="Test", version="1", regler=regler, **ovrigt)


def fynd(kontroll: Kontroll, fall: Arende, datum: date, **ovrigt: Any) -> list[Fynd]:
    return list(validera(fall, regelverk(regel(kontroll, **ovrigt)), datum).fynd)


def kort(fynd_: list[Fynd]) -> list[tuple[str, str | None, date | None]]:
    """(severity, path, due date) of each finding, the parts tests compare."""
    return [(f.allvarlighet.value, f.sokvag, f.frist) for f in fynd_]


def egna(forklaring: Forklaring) -> tuple[Regelpost, ...]:
    """The trace's entries for the test's own rules (core's ``finsam`` rules always run)."""
    return tuple(p for p in forklaring.poster if p.regelverk != "finsam")
