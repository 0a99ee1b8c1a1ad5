"""Small-cell protection: hidden counts cannot be recomputed from what is published.

Expected cells are worked out by hand in each test; the property test checks the engine
against the exhaustive reader in `finsam_core.testning` on random tables.
"""

from __future__ import annotations

import os
from collections.abc import Hashable

import pytest
from hypothesis import given, settings, strategies as st

from finsam_core.rapport.skydd import Linje, avslojade_celler, skydda
from finsam_core.testning import avslojade_i_tabell


def _publicerat(tabell: dict[Hashable, int], dolda: dict[Hashable, str], t: int) -> dict:
    return {
        c: v if c not in dolda else (f"1–{t}" if dolda[c] == "primar" else "dold")
        for c, v in tabell.items()
    }


def test_ett_litet_tal_doljs_med_det_minsta_andra() -> None:
    # 3 is 1..4: primary. The line a + b + c = summa would give it back (25 - 10 - 12), so
    # the smallest other non-zero cell, b = 10, is hidden too.
    tabell = {"a": 3, "b": 10, "c": 12, "summa": 25}
    dolda = skydda(tabell, [Linje(("a", "b", "c"), "summa")], troskel=4)
    assert dolda == {"a": "primar", "b": "sekundar"}


def test_fyra_doljs_fem_visas() -> None:
    tabell = {"a": 4, "b": 5, "c": 0, "d": 4, "summa": 13}
    dolda = skydda(tabell, [Linje(("a", "b", "c", "d"), "summa")], troskel=4)
    # a and d (4 each) are primary and protect each other (a + d = 8: (4, 4) only? no:
    # a, d in 1..4 with a + d = 13 - 5 = 8 leaves only 4 + 4, so the audit hides b too).
    assert dolda == {"a": "primar", "d": "primar", "b": "sekundar"}
    assert (
        avslojade_i_tabell(_publicerat(tabell, dolda, 4), [(["a", "b", "c", "d"], "summa")], 4)
        == []
    )


def test_summan_av_tva_dolda_som_bara_en_uppdelning_ger_doljer_en_tredje() -> None:
    # a = 1 is primary; b = 5 is the smallest partner. A reader knows a in 1..4 and b above
    # 4, and a + b = 26 - 20 = 6: only a = 1, b = 5 fits. So c is hidden as well.
    tabell = {"a": 1, "b": 5, "c": 20, "summa": 26}
    dolda = skydda(tabell, [Linje(("a", "b", "c"), "summa")], troskel=4)
    assert dolda == {"a": "primar", "b": "sekundar", "c": "sekundar"}
    linjer = [(["a", "b", "c"], "summa")]
    assert avslojade_i_tabell(_publicerat(tabell, dolda, 4), linjer, 4) == []
    # The reader check sees the leak a lone partner would leave:
    utan_c = {"a": "primar", "b": "sekundar"}
    assert avslojade_i_tabell(_publicerat(tabell, utan_c, 4), linjer, 4) == ["a", "b"]


def test_nollor_visas_och_doljs_inte_som_partner() -> None:
    tabell = {"a": 2, "b": 0, "summa": 2}
    dolda = skydda(tabell, [Linje(("a", "b"), "summa")], troskel=4)
    assert dolda == {"a": "primar", "summa": "primar"}


def test_en_tabell_av_nagra_fa_personer_halls_inne_helt() -> None:
    # Two rows (0, 1) of two parts (0, 1) with row sums h and a total row T; threshold 3.
    # Every non-zero count is 1..3, so all are hidden but (0, 0) = 0. A reader who knows a
    # hidden count is at least 1: (1, h) = (1, 0) + (1, 1) >= 2, so (T, h) = (0, h) + (1, h)
    # >= 3, and (T, h) <= 3: it is 3, (0, h) = 1, (1, h) = 2, (1, 0) = (1, 1) = 1. Nothing
    # non-zero is left to hide, so the whole table is withheld, the zero too.
    tabell = {
        (0, 0): 0, (0, 1): 1, (0, "h"): 1, (1, 0): 1, (1, 1): 1, (1, "h"): 2,
        ("T", 0): 1, ("T", 1): 2, ("T", "h"): 3,
    }  # fmt: skip
    linjer = [Linje(((r, 0), (r, 1)), (r, "h")) for r in (0, 1, "T")] + [
        Linje(((0, k), (1, k)), ("T", k)) for k in (0, 1, "h")
    ]
    assert skydda(tabell, linjer, troskel=3) == dict.fromkeys(tabell, "sekundar")


def test_troskel_under_tre_vagras() -> None:
    with pytest.raises(ValueError, match="under 3"):
        skydda({"a": 1}, [], troskel=2)


def test_intervallgranskningen_ser_ett_avslojat_par() -> None:
    tabell = {"a": 1, "b": 5, "c": 20, "summa": 26}
    assert avslojade_celler(
        tabell, [Linje(("a", "b", "c"), "summa")], {"a": "primar", "b": "sekundar"}, troskel=4
    ) == ["a", "b"]


@st.composite
def _tabeller(draw: st.DrawFn) -> tuple[dict[Hashable, int], list[Linje], int]:
    """A rows × parts table with row sums (helhet), column totals and the grand total."""
    rader = draw(st.integers(2, 3))
    delar = draw(st.integers(2, 3))
    troskel = draw(st.integers(3, 4))
    tabell: dict[Hashable, int] = {}
    for r in range(rader):
        for d in range(delar):
            tabell[(r, d)] = draw(st.integers(0, 7))
        tabell[(r, "h")] = sum(tabell[(r, d)] for d in range(delar))
    for k in [*range(delar), "h"]:
        tabell[("T", k)] = sum(tabell[(r, k)] for r in range(rader))
    linjer = [
        Linje(tuple((r, d) for d in range(delar)), (r, "h")) for r in [*range(rader), "T"]
    ] + [Linje(tuple((r, k) for r in range(rader)), ("T", k)) for k in [*range(delar), "h"]]
    return tabell, linjer, troskel


@settings(max_examples=int(os.environ.get("FINSAM_SKYDD_EXEMPEL", "60")), deadline=None)
@given(_tabeller())
def test_inget_dolt_varde_kan_raknas_fram(fall: tuple[dict, list[Linje], int]) -> None:
    tabell, linjer, troskel = fall
    dolda = skydda(tabell, linjer, troskel=troskel)
    if len(dolda) < len(tabell):  # else withheld whole: nothing is said about any cell
        assert all(1 <= tabell[c] <= troskel for c, s in dolda.items() if s == "primar")
        assert all(tabell[c] > troskel for c, s in dolda.items() if s == "sekundar")
    publicerat = _publicerat(tabell, dolda, troskel)
    assert (
        avslojade_i_tabell(publicerat, [(list(ln.delar), ln.summa) for ln in linjer], troskel) == []
    )


def test_tva_linjer_tillsammans_rojer_en_cell() -> None:
    """Found by the property test in CI: interval propagation alone let this through.

    Rows 0 and 1 have one non-zero count each (a = (0,2), b = (1,2)); row 2 has c = (2,0) and
    d = (2,1). With threshold 3 all of a, b, c, d, their row sums and column totals are
    1–3, and the grand total 6 is shown. Then (T,2) = a + b <= 3 and (2,h) = c + d <= 3 with
    a + b + c + d = 6 forces both to 3: a reader could recompute them. The engine must hide
    more (or withhold the table) until no hidden value has only one solution.
    """
    tabell: dict[Hashable, int] = {
        (0, 0): 0, (0, 1): 0, (0, 2): 1, (0, "h"): 1,
        (1, 0): 0, (1, 1): 0, (1, 2): 2, (1, "h"): 2,
        (2, 0): 1, (2, 1): 2, (2, 2): 0, (2, "h"): 3,
        ("T", 0): 1, ("T", 1): 2, ("T", 2): 3, ("T", "h"): 6,
    }  # fmt: skip
    linjer = [Linje(tuple((r, d) for d in range(3)), (r, "h")) for r in [0, 1, 2, "T"]] + [
        Linje(tuple((r, k) for r in range(3)), ("T", k)) for k in [0, 1, 2, "h"]
    ]
    fore = {c: "primar" for c, v in tabell.items() if 1 <= v <= 3}
    rojda = avslojade_i_tabell(
        _publicerat(tabell, fore, 3), [(list(ln.delar), ln.summa) for ln in linjer], 3
    )
    assert sorted(rojda) == ["('T', 2)", "(2, 'h')"]  # the leak the fix closes
    dolda = skydda(tabell, linjer, troskel=3)
    publicerat = _publicerat(tabell, dolda, 3)
    assert avslojade_i_tabell(publicerat, [(list(ln.delar), ln.summa) for ln in linjer], 3) == []
