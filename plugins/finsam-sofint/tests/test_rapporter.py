"""sofint-nyckeltal: section 7.1 of the Plan för insats, on hand-built cases counted by hand.

«Nyckeltal för insatsen följs upp, till exempel deltagarvolym och procent av avslut till
arbete eller utbildning.» (004_8ef7852e647e2221.txt, 7.1 Intern uppföljning och utvärdering)
"""

from __future__ import annotations

from typing import Any

import pytest
from finsam_sofint.rapporter import SOFINT_NYCKELTAL

from finsam_core import Pluginvard
from finsam_core.rapport import Period, Sammanstallning
from finsam_core.testning import avslojade_celler


def fall(
    id: str,
    kommun: str,
    inskriven: str,
    avslut: tuple[str, str] | None = None,
    forlangning: str | None = None,
) -> dict[str, Any]:
    handelser: list[dict[str, Any]] = [
        {"typ": "remiss", "datum": "2025-04-01", "fran": "af", "till": "samverkansteamet"},
        {"typ": "inskrivning", "datum": inskriven, "enhet": "samverkansteamet"},
    ]
    if avslut:
        handelser.append({"typ": "avslut", "datum": avslut[0], "utfall": avslut[1]})
    if forlangning:
        handelser.append(
            {"typ": "forlangning", "datum": forlangning, "beslutad_av": "styrgrupp",
             "slut": "2026-11-01"}
        )  # fmt: skip
    return {
        "format": "finsam/1",
        "id": id,
        "regelverk": ["sofint"],
        "individ": {"kommun": kommun},
        "handelser": handelser,
    }


FALL = [
    # Lindesberg: L1–L6 enrolled in May, open.
    *(fall(f"L{i}", "Lindesberg", "2025-05-01") for i in range(1, 7)),
    fall("L7", "Lindesberg", "2025-05-01", ("2025-08-01", "arbete")),
    fall("L8", "Lindesberg", "2025-05-01", ("2025-09-30", "studier")),  # last day of Q3
    fall("L9", "Lindesberg", "2025-05-01", ("2025-10-01", "arbete")),  # first day of Q4
    # Nora: N1–N12 enrolled on 1 July; N1–N5 to work, N6–N10 back to the remittent.
    *(fall(f"N{i}", "Nora", "2025-07-01", ("2025-09-15", "arbete")) for i in range(1, 6)),
    *(
        fall(f"N{i}", "Nora", "2025-07-01", ("2025-09-15", "ater_till_remittent"))
        for i in range(6, 11)
    ),
    fall("N11", "Nora", "2025-07-01", forlangning="2025-08-01"),
    fall("N12", "Nora", "2025-07-01"),
]


def _resultat(troskel: int | None) -> Any:
    vard = Pluginvard()
    s = Sammanstallning(SOFINT_NYCKELTAL, Period.tolka("2025-Q3"), vard.kodverk)
    for data in FALL:
        arende = vard.lasare().tolka(data).arende
        assert arende is not None
        s.lagg_till(arende)
    return s.resultat(troskel=troskel)


def _rader(resultat: Any) -> dict[str, dict[str, Any]]:
    data = resultat.till_dict()
    return {r["kommun"]: r for r in [*data["rader"], data["totalt"]]}


def test_kvartal_utan_skydd() -> None:
    r = _rader(_resultat(None))
    # Lindesberg: L1–L9 enrolled in Q3; closed L7 (August) and L8 (30 September), both to
    # work or studies; L9 closes on 1 October, in Q4.
    assert r["Lindesberg"] == {
        "kommun": "Lindesberg", "deltagare": 9, "nya": 0, "avslutade": 2,
        "andel_arbete_studier": 1, "forlangda": 0,
    }  # fmt: skip
    # Nora: 12 new; 10 closed, 5 of them to work: 5 / 10.
    assert r["Nora"]["andel_arbete_studier"] == 0.5
    assert (r["Nora"]["deltagare"], r["Nora"]["nya"], r["Nora"]["avslutade"]) == (12, 12, 10)
    assert r["Nora"]["forlangda"] == 1  # N11
    # In all: 7 of 12 closures to work or studies.
    assert r["totalt"]["andel_arbete_studier"] == pytest.approx(round(7 / 12, 4))
    assert (r["totalt"]["deltagare"], r["totalt"]["avslutade"]) == (21, 12)


def test_kvartal_med_skydd() -> None:
    resultat = _resultat(4)
    r = _rader(resultat)
    # Lindesberg's 2 closures are hidden; the total 12 would give them back from Nora's 10,
    # so Nora's 10 is hidden too ("dold"), and so are both kommuner's shares.
    assert (r["Lindesberg"]["avslutade"], r["Nora"]["avslutade"]) == ("1–4", "dold")
    assert r["Lindesberg"]["andel_arbete_studier"] is None
    assert r["Nora"]["andel_arbete_studier"] is None
    # 12 closures, 7 to work or studies and 5 not: neither is 1..4, so the share shows.
    assert r["totalt"]["andel_arbete_studier"] == pytest.approx(round(7 / 12, 4))
    assert (r["Nora"]["forlangda"], r["totalt"]["forlangda"]) == ("1–4", "1–4")
    assert r["Lindesberg"]["deltagare"] == 9
    assert avslojade_celler(resultat) == []


def test_rapporten_registreras_av_pluginet() -> None:
    rapport = Pluginvard().rapport("sofint-nyckeltal")
    assert rapport is not None
    assert rapport.plugin is not None
    assert rapport.plugin.startswith("sofint, finsam-sofint ")
