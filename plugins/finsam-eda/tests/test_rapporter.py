"""eda-manad: section 1.2 of the riktlinje, on hand-built cases counted by hand.

«Månadsvis för föregående månad rapporterar AME till IFO för respektive anvisningstyp; Hur
många nya inskrivna, hur många totalt inskrivna samt hur många avslutade och till vad.»
(000_fa0245dd99a1cc44.txt, 1.2 Uppföljning)
"""

from __future__ import annotations

from typing import Any

from finsam_eda.rapporter import EDA_MANAD

from finsam_core import KARNKODVERK, Lasare, Pluginvard
from finsam_core.rapport import Period, Sammanstallning
from finsam_core.testning import avslojade_celler


def fall(
    id: str,
    beslut: list[tuple[str, str]],
    inskriven: str,
    avslut: tuple[str, str] | None = None,
    regelverk: str = "eda",
) -> dict[str, Any]:
    handelser: list[dict[str, Any]] = [
        {"typ": "beslut", "datum": d, "part": "socialtjanst", "lagrum": lagrum}
        for d, lagrum in beslut
    ]
    handelser.append({"typ": "inskrivning", "datum": inskriven, "enhet": "ame"})
    if avslut:
        handelser.append({"typ": "avslut", "datum": avslut[0], "utfall": avslut[1]})
    return {
        "format": "finsam/1",
        "id": id,
        "regelverk": [regelverk],
        "individ": {"kommun": "Eda"},
        "handelser": handelser,
    }


FALL = [
    # A1–A5: 4:1 since September, enrolled 15 September, open.
    *(fall(f"A{i}", [("2025-09-01", "SoL 4:1")], "2025-09-15") for i in range(1, 6)),
    # B1: both kinds: 4:1 in August, 4:4 (new act, 12:4) on 15 October.
    fall(
        "B1",
        [("2025-08-01", "SoL 4:1"), ("2025-10-15", "12 kap. 4 § socialtjänstlagen (2025:400)")],
        "2025-08-10",
    ),
    # C1, C2: 4:4, enrolled on 31 October, the month's last day.
    *(fall(f"C{i}", [("2025-10-01", "SoL 4:4")], "2025-10-31") for i in (1, 2)),
    # D1: closed to work on 1 October.
    fall("D1", [("2025-05-01", "SoL 4:4")], "2025-06-01", ("2025-10-01", "arbete")),
    # E1: closed to studies on 1 November, the first day of the next month.
    fall("E1", [("2025-04-01", "SoL 4:4")], "2025-05-01", ("2025-11-01", "studier")),
    # G1: closed on 20 October with utfall annat.
    fall("G1", [("2025-03-01", "SoL 4:4")], "2025-03-10", ("2025-10-20", "annat")),
    # S1: at AME without a 4:1 or 4:4 decision.
    fall("S1", [], "2025-10-05"),
    # H1: a SOFINT case: not Eda's report.
    fall("H1", [("2025-09-01", "SoL 4:1")], "2025-09-15", regelverk="sofint"),
]


def kor(period: str, troskel: int | None) -> dict[tuple[str, ...], dict[str, Any]]:
    resultat = _resultat(period, troskel)
    data = resultat.till_dict()
    return {(r["anvisning"],): r for r in [*data["rader"], data["totalt"]]}


def _resultat(period: str, troskel: int | None) -> Any:
    s = Sammanstallning(EDA_MANAD, Period.tolka(period), KARNKODVERK)
    lasare = Lasare()
    for data in FALL:
        arende = lasare.tolka(data).arende
        assert arende is not None
        s.lagg_till(arende)
    return s.resultat(troskel=troskel)


def test_oktober_utan_skydd() -> None:
    r = kor("2025-10", None)
    # 4:1: A1–A5 (B1 counts under its latest decision by 31 October, the 4:4).
    assert (r[("4:1",)]["inskrivna"], r[("4:1",)]["nya"], r[("4:1",)]["avslutade"]) == (5, 0, 0)
    # 4:4: B1, C1, C2, D1, E1, G1; new: C1 and C2 (31 October); closed: D1 and G1.
    assert (r[("4:4",)]["inskrivna"], r[("4:4",)]["nya"], r[("4:4",)]["avslutade"]) == (6, 2, 2)
    assert r[("4:4",)]["avslutade_arbete"] == 1  # D1
    assert r[("4:4",)]["avslutade_annat"] == 1  # G1
    assert r[("4:4",)]["avslutade_studier"] == 0  # E1 closes in November
    assert (r[("saknas",)]["inskrivna"], r[("saknas",)]["nya"]) == (1, 1)  # S1
    # H1 is a SOFINT case: 12 = 5 + 6 + 1.
    assert (r[("totalt",)]["inskrivna"], r[("totalt",)]["nya"]) == (12, 3)


def test_september_en_person_med_bada_beslut_raknas_en_gang() -> None:
    r = kor("2025-09", None)
    # On 30 September B1's latest decision is the 4:1 of August: A1–A5 and B1.
    assert (r[("4:1",)]["inskrivna"], r[("4:1",)]["nya"]) == (6, 5)
    assert r[("4:4",)]["inskrivna"] == 3  # D1, E1, G1
    assert r[("totalt",)]["inskrivna"] == 9  # B1 once


def test_november_avslut_forsta_dagen() -> None:
    r = kor("2025-11", None)
    assert r[("4:4",)]["avslutade_studier"] == 1  # E1 on 1 November
    assert r[("4:4",)]["inskrivna"] == 4  # B1, C1, C2, E1 (D1, G1 closed in October)


def test_oktober_med_skydd() -> None:
    resultat = _resultat("2025-10", 4)
    r = {
        (x["anvisning"],): x
        for x in [*resultat.till_dict()["rader"], resultat.till_dict()["totalt"]]
    }
    # inskrivna: saknas 1 is hidden (1–4). Hiding only 4:1 (5) with it would leave
    # saknas + 4:1 = 12 - 6 with 4:1 above 4: only 1 + 5 fits, so 4:4 (6) is hidden too.
    assert r[("saknas",)]["inskrivna"] == "1–4"
    assert (r[("4:1",)]["inskrivna"], r[("4:4",)]["inskrivna"]) == ("dold", "dold")
    assert r[("totalt",)]["inskrivna"] == 12
    assert avslojade_celler(resultat) == []


def test_rapporten_registreras_av_pluginet() -> None:
    rapport = Pluginvard().rapport("eda-manad")
    assert rapport is not None
    assert rapport.plugin is not None
    assert rapport.plugin.startswith("eda, finsam-eda ")
