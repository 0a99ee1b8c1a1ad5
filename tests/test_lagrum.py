"""Lagrum: the spellings in the spec, and SoL (2001:453) → SoL (2025:400) on 2025-07-01."""

from __future__ import annotations

from datetime import date

import pytest

from finsam_core import SOL_GAMMAL, SOL_NY, Lagrum, Lagrumfel


@pytest.mark.parametrize(
    ("text", "sfs", "kapitel", "paragraf"),
    [
        # The five spellings the spec lists under `lagrum`.
        ("SoL 4:1", SOL_GAMMAL, 4, 1),
        ("4 kap. 1 § SoL", SOL_GAMMAL, 4, 1),
        ("SoL (2001:453) 4 kap. 4 §", SOL_GAMMAL, 4, 4),
        ("SoL 12:4", SOL_NY, 12, 4),
        ("12 kap. 4 § socialtjänstlagen (2025:400)", SOL_NY, 12, 4),
        # Variants caseworkers write.
        ("4 kap 4§ SoL", SOL_GAMMAL, 4, 4),
        ("sol 4:1", SOL_GAMMAL, 4, 1),
        ("Socialtjänstlagen 4 kap. 1 §", SOL_GAMMAL, 4, 1),
        ("SoL (2025:400) 12 kap. 1 §", SOL_NY, 12, 1),
    ],
)
def test_stavningar(text: str, sfs: str, kapitel: int, paragraf: int) -> None:
    lagrum = Lagrum.tolka(text)
    assert (lagrum.lag, lagrum.sfs, lagrum.kapitel, lagrum.paragraf) == (
        "SoL",
        sfs,
        kapitel,
        paragraf,
    )


@pytest.mark.parametrize(
    ("gammal", "ny"),
    [("SoL 4:1", "SoL 12:1"), ("SoL 4:4", "SoL 12:4")],
)
def test_motsvarigheter(gammal: str, ny: str) -> None:
    a, b = Lagrum.tolka(gammal), Lagrum.tolka(ny)
    assert a.motsvarighet() == b
    assert b.motsvarighet() == a
    assert a.motsvarar(b)
    assert b.motsvarar(a)
    assert not a.motsvarar(Lagrum.tolka("SoL 12:4" if gammal == "SoL 4:1" else "SoL 12:1"))


def test_upphavd_fran_och_med_2025_07_01() -> None:
    gammal = Lagrum.tolka("SoL 4:1")
    assert gammal.upphavd_vid(date(2025, 6, 30)) is False
    assert gammal.upphavd_vid(date(2025, 7, 1)) is True
    assert Lagrum.tolka("SoL 12:1").upphavd_vid(date(2026, 1, 1)) is False


def test_sol_utan_sfs_for_annan_paragraf_avgors_av_datum() -> None:
    lagrum = Lagrum.tolka("SoL 5:1")
    assert lagrum.sfs is None
    assert lagrum.vid(date(2025, 6, 30)).sfs == SOL_GAMMAL
    assert lagrum.vid(date(2025, 7, 1)).sfs == SOL_NY


def test_andra_lagar() -> None:
    assert str(Lagrum.tolka("9 § LSS")) == "LSS (1993:387) 9 §"
    assert Lagrum.tolka("lagen om X (2099:1) 3 §").lag == "lagen om x"


def test_kanonisk_text_tolkas_tillbaka_till_samma() -> None:
    for text in ("SoL 4:1", "12 kap. 4 § SoL", "9 § LSS", "SFB 27 kap. 2 §"):
        lagrum = Lagrum.tolka(text)
        assert Lagrum.tolka(str(lagrum)) == lagrum


@pytest.mark.parametrize(
    ("text", "orsak"),
    [
        ("enligt lag", "kan inte läsa"),
        ("4 kap. 1 § Okändlagen", "okänd lag"),
        ("SoL (1980:620) 6 §", "2001:453 eller 2025:400"),
    ],
)
def test_oläsbart(text: str, orsak: str) -> None:
    with pytest.raises(Lagrumfel, match=orsak):
        Lagrum.tolka(text)
