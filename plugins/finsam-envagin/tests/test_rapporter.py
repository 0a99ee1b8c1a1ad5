"""envagin-ledtider on hand-built cases, counted by hand.

«En väg in rapporterar ledtid, aktör och insats i lämpliga system.» «Samverkansmål för en
väg in är en snabbare och enklare handläggning av ärenden där individen blir kontaktad inom
två veckor.» (001_b8f73c40854f3728.txt, s. 3(5), 4(5))

The report module is loaded from its file with a stand-in rule set ``envagin`` that
registers the unit ``en_vag_in`` (huvudman kommun), so the test needs nothing else of the
plugin.
"""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from finsam_core import Pluginvard
from finsam_core.rapport import Period, Sammanstallning
from finsam_core.regelbygge import Enhet, Regelverk, hookimpl
from finsam_core.testning import avslojade_celler

RAPPORTER = Path(__file__).resolve().parents[1] / "src" / "finsam_envagin" / "rapporter.py"


def _modul() -> ModuleType:
    spec = importlib.util.spec_from_file_location("finsam_envagin_rapporter_test", RAPPORTER)
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


class _Stallforetradare:
    """The unit and an empty rule set ``envagin``, as the plugin's regelverk.py gives them."""

    @hookimpl
    def finsam_regelverk(self, register: Any) -> None:
        register(
            Regelverk(
                id="envagin",
                namn="En väg in (för test)",
                agare="test",
                version="0",
                regler=(),
                enheter=(Enhet("en_vag_in", "En väg in", "kommun"),),
            )
        )


@pytest.fixture(scope="module")
def vard() -> Pluginvard:
    vard = Pluginvard(
        entry_points=[], plugins=[("envagin", _Stallforetradare()), ("rapporter", _modul())]
    )
    assert vard.fel == ()
    return vard


def _d(dag: date, plus: int) -> str:
    return (dag + timedelta(days=plus)).isoformat()


def fall(
    id: str,
    fran: str,
    remiss: date,
    kontakt: int | None = None,
    *,
    som_mote: bool = False,
    insats: int | None = None,
) -> dict[str, Any]:
    handelser: list[dict[str, Any]] = [
        {"typ": "remiss", "datum": remiss.isoformat(), "fran": fran, "till": "en_vag_in"},
        # Contact by another unit the day after: not En väg in's contact.
        {"typ": "kontakt", "datum": _d(remiss, 1), "part": "af"},
    ]
    if kontakt is not None and som_mote:
        handelser.append(
            {"typ": "mote", "datum": _d(remiss, kontakt), "motestyp": "samverkansmote",
             "parter": ["en_vag_in", "fk"], "individen_deltog": True}
        )  # fmt: skip
    elif kontakt is not None:
        handelser.append({"typ": "kontakt", "datum": _d(remiss, kontakt), "part": "en_vag_in"})
    return {
        "format": "finsam/1",
        "id": id,
        "regelverk": ["envagin"],
        "individ": {"kommun": "Ludvika"},
        "handelser": handelser,
        "insatser": []
        if insats is None
        else [{"typ": "praktik", "utforare": "af", "start": _d(remiss, insats)}],
    }


OKT = date(2025, 10, 1)
FALL = [
    # From AF: contact after 3, 5, 10, 14, 15, 20 days; an insats after 30 days.
    *(
        fall(f"R{i}", "af", OKT + timedelta(days=i), dagar, insats=30)
        for i, dagar in enumerate((3, 5, 10, 14, 15, 20), start=1)
    ),
    # R7: referred on 31 October, contacted on 14 November (day 14): counts in October.
    fall("R7", "af", date(2025, 10, 31), 14),
    # Self-referrals, met at a meeting with the person after 7 days.
    *(fall(f"I{i}", "individen", OKT, 7, som_mote=True) for i in range(1, 6)),
    # From FK, not contacted yet.
    fall("F1", "fk", date(2025, 10, 10)),
    # Referred on 30 September: not in October.
    fall("P1", "af", date(2025, 9, 30), 2),
]


def _resultat(vard: Pluginvard, troskel: int | None) -> Any:
    rapport = vard.rapport("envagin-ledtider")
    assert rapport is not None
    s = Sammanstallning(rapport, Period.tolka("2025-10"), vard.kodverk)
    for data in FALL:
        inlasning = vard.lasare().tolka(data)
        assert inlasning.arende is not None, inlasning.fel
        s.lagg_till(inlasning.arende)
    return s.resultat(troskel=troskel)


def _rader(resultat: Any) -> dict[str, dict[str, Any]]:
    data = resultat.till_dict()
    return {r["remittent"]: r for r in [*data["rader"], data["totalt"]]}


def test_ledtider_utan_skydd(vard: Pluginvard) -> None:
    r = _rader(_resultat(vard, None))
    af = r["arbetsformedlingen"]
    # Days 3, 5, 10, 14, 14, 15, 20: median the 4th = 14; p75 the ceil(5.25) = 6th = 15;
    # within 14 days (day 14 in time, 15 late): 5 of 7.
    assert (af["antal"], af["ledtid_kontakt_median"], af["ledtid_kontakt_p75"]) == (7, 14, 15)
    assert af["andel_kontakt_inom_14_dagar"] == round(5 / 7, 4)
    assert af["ledtid_insats_median"] == 30  # R1–R6; R7 has no insats yet
    ind = r["individen"]
    assert (ind["antal"], ind["ledtid_kontakt_median"], ind["andel_kontakt_inom_14_dagar"]) == (
        5,
        7,
        1,
    )
    assert ind["ledtid_insats_median"] is None  # nobody has an insats
    fk = r["forsakringskassan"]
    assert (fk["antal"], fk["ledtid_kontakt_median"], fk["andel_kontakt_inom_14_dagar"]) == (
        1,
        None,
        0,
    )
    alla = r["totalt"]
    # 12 contacted: 3, 5, 7 ×5, 10, 14, 14, 15, 20: median (7 + 7) / 2; p75 the 9th = 14.
    assert (alla["antal"], alla["ledtid_kontakt_median"], alla["ledtid_kontakt_p75"]) == (13, 7, 14)
    assert alla["andel_kontakt_inom_14_dagar"] == round(10 / 13, 4)


def test_ledtider_med_skydd(vard: Pluginvard) -> None:
    resultat = _resultat(vard, 4)
    r = _rader(resultat)
    # FK's 1 is hidden. With the total 13 and AF's 7 shown, FK + individen = 6 with
    # individen above 4 gives 1 + 5 only, so AF's 7 is hidden as well.
    assert r["forsakringskassan"]["antal"] == "1–4"
    assert (r["individen"]["antal"], r["arbetsformedlingen"]["antal"]) == ("dold", "dold")
    assert r["totalt"]["antal"] == 13
    # Shares over a hidden count are hidden; the total's 3 not contacted in time are 1..4.
    assert r["arbetsformedlingen"]["andel_kontakt_inom_14_dagar"] is None
    assert r["totalt"]["andel_kontakt_inom_14_dagar"] is None
    # Lead times over 7 and 5 persons show; over none there is no value.
    assert r["arbetsformedlingen"]["ledtid_kontakt_median"] == 14
    assert r["individen"]["ledtid_kontakt_median"] == 7
    # The distribution: 0–7 days 7 persons, 8–14 3 (10, 14, 14), 15–30 2 (15, 20).
    fordelning = resultat.till_dict()["fordelningar"][0]
    assert fordelning["antal"] == 12
    assert [s["antal"] for s in fordelning["staplar"]] == [7, "1–4", "1–4", 0, 0, 0]
    assert avslojade_celler(resultat) == []
