"""Municipalities: the shipped list (SCB kommunkoder) and lookup."""

from __future__ import annotations

import pytest

from finsam_core import OkandKommunfel, alla_kommuner, hitta_kommun


def test_290_kommuner_med_unika_koder_och_namn() -> None:
    kommuner = alla_kommuner()
    assert len(kommuner) == 290
    assert len({k.kod for k in kommuner}) == 290
    assert len({k.namn.casefold() for k in kommuner}) == 290
    assert all(len(k.kod) == 4 and k.kod.isdigit() for k in kommuner)


@pytest.mark.parametrize(
    ("namn", "kod", "lan"),
    [
        # The municipalities the seed documents name, with their SCB codes.
        ("Lindesberg", "1885", "Örebro län"),
        ("Hällefors", "1863", "Örebro län"),
        ("Ljusnarsberg", "1864", "Örebro län"),
        ("Nora", "1884", "Örebro län"),
        ("Eda", "1730", "Värmlands län"),
        ("Ludvika", "2085", "Dalarnas län"),
        ("Smedjebacken", "2061", "Dalarnas län"),
        ("Habo", "0643", "Jönköpings län"),
        ("Mullsjö", "0642", "Jönköpings län"),
        ("Vaggeryd", "0665", "Jönköpings län"),
        ("Jönköping", "0680", "Jönköpings län"),
        ("Umeå", "2480", "Västerbottens län"),
        ("Upplands Väsby", "0114", "Stockholms län"),
        ("Malung-Sälen", "2023", "Dalarnas län"),
    ],
)
def test_kanda_kommuner(namn: str, kod: str, lan: str) -> None:
    assert hitta_kommun(namn).kod == kod
    assert hitta_kommun(kod).namn == namn
    assert hitta_kommun(namn).lan == lan


@pytest.mark.parametrize("text", ["lindesberg", "LINDESBERG", "LiNdEsBeRg", " Lindesberg "])
def test_valfritt_skiftlage(text: str) -> None:
    assert hitta_kommun(text).kod == "1885"


def test_okand_kommun_foreslar_nara_namn() -> None:
    with pytest.raises(OkandKommunfel, match="menade du 'Lindesberg'"):
        hitta_kommun("Lindsberg")
    with pytest.raises(OkandKommunfel, match="okänd kommun 'Gotham'"):
        hitta_kommun("Gotham")
    with pytest.raises(OkandKommunfel):
        hitta_kommun("9999")
