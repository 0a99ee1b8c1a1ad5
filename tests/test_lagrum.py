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


# -- paragraph letters, stycke and punkt (issue 15) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "kapitel", "paragraf", "bokstav"),
    [
        ("4 kap. 1 a § SoL", 4, 1, "a"),
        ("12 kap. 4 a § SoL", 12, 4, "a"),
        ("SoL 4:1 a", 4, 1, "a"),
        ("SoL 4:1a", 4, 1, "a"),
        ("9 a § LSS", None, 9, "a"),
        ("4 kap. 1 § SoL", 4, 1, ""),
    ],
)
def test_paragrafens_bokstav_hor_till_paragrafen(
    text: str, kapitel: int | None, paragraf: int, bokstav: str
) -> None:
    lagrum = Lagrum.tolka(text)
    assert (lagrum.kapitel, lagrum.paragraf, lagrum.bokstav) == (kapitel, paragraf, bokstav)


def test_1_a_paragraf_ar_inte_1_paragraf() -> None:
    # "4 kap. 1 a § SoL" used to parse as 4 kap. 1 § and satisfy EDA-01.
    a = Lagrum.tolka("4 kap. 1 a § SoL")
    assert not a.motsvarar(Lagrum.tolka("SoL 4:1"))
    assert not a.motsvarar(Lagrum.tolka("SoL 12:1"))
    assert a.motsvarighet() is None
    assert a.sfs is None  # no known numbering: resolved by the decision's date
    assert a.vid(date(2025, 6, 30)).sfs == SOL_GAMMAL
    assert str(Lagrum.tolka("12 kap. 4 a § SoL (2025:400)")) == "SoL (2025:400) 12 kap. 4 a §"


@pytest.mark.parametrize(
    ("text", "stycke", "punkt"),
    [
        ("4 kap. 1 § första stycket SoL", 1, None),
        ("4 kap. 1 § andra stycket SoL", 2, None),
        ("4 kap. 1 § första st. SoL", 1, None),
        ("4 kap. 1 § 1 st. SoL", 1, None),
        ("4 kap. 1 § 2 st SoL", 2, None),
        ("4 kap. 1 § st. 1 SoL", 1, None),
        ("SoL 4 kap. 4 § p. 2", None, 2),
        ("SoL 4 kap. 4 § punkt 2", None, 2),
        ("SoL 4:4 2 p.", None, 2),
        ("4 kap. 1 § första stycket 2 SoL", 1, 2),
        ("4 kap. 1 § andra stycket 3 p. SoL", 2, 3),
        ("SoL 4:1 första stycket", 1, None),
        ("12 kap. 1 § första stycket socialtjänstlagen (2025:400)", 1, None),
    ],
)
def test_stycke_och_punkt_las_och_behalls(text: str, stycke: int | None, punkt: int | None) -> None:
    lagrum = Lagrum.tolka(text)
    assert lagrum.lag == "SoL"
    assert (lagrum.stycke, lagrum.punkt) == (stycke, punkt)
    assert Lagrum.tolka(str(lagrum)) == lagrum


def test_stycke_andrar_inte_vilken_paragraf_det_ar() -> None:
    forsta_stycket = Lagrum.tolka("4 kap. 1 § första stycket SoL")
    assert forsta_stycket.paragrafen == Lagrum.tolka("SoL 4:1")
    assert forsta_stycket.motsvarar(Lagrum.tolka("SoL 4:1"))
    assert forsta_stycket.motsvarar(Lagrum.tolka("12 kap. 1 § SoL (2025:400)"))
    assert Lagrum.tolka("SoL 12:1").motsvarar(forsta_stycket)
    assert forsta_stycket != Lagrum.tolka("SoL 4:1")  # the citation itself is kept


def test_sfs_angivet_eller_last_av_numreringen() -> None:
    assert Lagrum.tolka("SoL (2025:400) 12 kap. 1 §").sfs_angivet is True
    assert Lagrum.tolka("SoL 12:1").sfs_angivet is False
    assert Lagrum.tolka("SoL 12:1") == Lagrum.tolka("SoL (2025:400) 12 kap. 1 §")
    assert Lagrum.tolka("SoL 5:1").vid(date(2025, 7, 1)).sfs_angivet is False


def test_nya_lagen_i_kraft_fran_och_med_2025_07_01() -> None:
    ny = Lagrum.tolka("SoL 12:1")
    assert ny.i_kraft_vid(date(2025, 6, 30)) is False
    assert ny.i_kraft_vid(date(2025, 7, 1)) is True
    assert Lagrum.tolka("SoL 4:1").i_kraft_vid(date(2025, 6, 30)) is True


@pytest.mark.parametrize("text", ["4 kap. 1 § 0 st. SoL", "SoL 4:4 p. 0"])
def test_stycke_och_punkt_fran_1(text: str) -> None:
    with pytest.raises(Lagrumfel, match="räknas från 1"):
        Lagrum.tolka(text)
