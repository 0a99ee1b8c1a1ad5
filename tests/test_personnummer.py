"""Personnummer and samordningsnummer: format, Luhn, century, masking.

Expected values are worked by hand: 811218-9876 is the example number on Swedish
Wikipedia's page on personnummer (Luhn sum 44 → check digit 6); 701063-2391 the
samordningsnummer example (day 63 = 3 + 60; Luhn sum 29 → 1).
"""

from __future__ import annotations

from datetime import date

import pytest

from finsam_core import Personnummer, Personnummerfel, maskera_text


@pytest.mark.parametrize(
    ("text", "fodd"),
    [
        ("19811218-9876", date(1981, 12, 18)),
        ("198112189876", date(1981, 12, 18)),
        ("19811218+9876", date(1981, 12, 18)),  # 12 digits are taken as given
        ("  19811218-9876 ", date(1981, 12, 18)),
        ("19811200-9876", date(1981, 12, 1)),  # day 00: unknown day; Luhn sum 34 → 6
    ],
)
def test_giltiga_12_siffror(text: str, fodd: date) -> None:
    assert Personnummer.tolka(text).fodelsedatum == fodd


def test_samordningsnummer() -> None:
    p = Personnummer.tolka("19701063-2391")
    assert p.samordningsnummer is True
    assert p.fodelsedatum == date(1970, 10, 3)
    assert Personnummer.tolka("19811218-9876").samordningsnummer is False


@pytest.mark.parametrize(
    ("text", "referens", "fodd"),
    [
        ("811218-9876", date(2025, 1, 1), date(1981, 12, 18)),
        ("8112189876", date(2025, 1, 1), date(1981, 12, 18)),
        ("811218+9876", date(2025, 1, 1), date(1881, 12, 18)),
        ("121212-1212", date(2025, 1, 1), date(2012, 12, 12)),
        ("121212+1212", date(2025, 1, 1), date(1912, 12, 12)),
        # Exactly 100 on the reference date: '+' applies from that day on.
        ("121212+1212", date(2012, 12, 12), date(1912, 12, 12)),
        ("121212-1212", date(2012, 12, 11), date(1912, 12, 12)),  # 99, not 100
        ("121212+1212", date(2012, 12, 11), date(1812, 12, 12)),
        ("701063-2391", date(2025, 1, 1), date(1970, 10, 3)),
    ],
)
def test_sekel_for_10_siffror_mot_referensdatum(text: str, referens: date, fodd: date) -> None:
    assert Personnummer.tolka(text, referensdatum=referens).fodelsedatum == fodd


def test_10_siffror_utan_referensdatum_ar_fel_inte_dagens_datum() -> None:
    with pytest.raises(Personnummerfel, match="12 siffror"):
        Personnummer.tolka("811218-9876")


@pytest.mark.parametrize(
    ("text", "orsak"),
    [
        ("19811218-9875", "Luhn"),
        ("811218-9875", "Luhn"),
        ("19810230-9872", "finns inte"),  # Luhn-valid (sum 38 → 2) but 30 February
        ("1981121-9876", "10 eller 12 siffror"),
        ("19811218/9876", "10 eller 12 siffror"),
        ("abc", "10 eller 12 siffror"),
        ("", "10 eller 12 siffror"),
    ],
)
def test_ogiltiga(text: str, orsak: str) -> None:
    with pytest.raises(Personnummerfel, match=orsak) as fel:
        Personnummer.tolka(text, referensdatum=date(2025, 1, 1))
    assert "9876" not in str(fel.value)
    assert "9875" not in str(fel.value)


def test_kon_fran_nast_sista_siffran() -> None:
    assert Personnummer.tolka("19811218-9876").kon == "man"  # 7 is odd
    assert Personnummer.tolka("19870311-1248").kon == "kvinna"  # 4 is even


def test_maskering_i_str_repr_och_format() -> None:
    p = Personnummer.tolka("19811218-9876")
    assert str(p) == "19811218-****"
    assert repr(p) == "Personnummer('19811218-****')"
    assert f"{p}" == "19811218-****"
    assert "9876" not in repr([p, {"p": p}])
    assert p.fullstandigt == "19811218-9876"


@pytest.mark.parametrize(
    ("text", "vantat"),
    [
        ("pnr 198112189876.", "pnr 19811218****."),
        ("811218-9876 och 19811218+9876", "811218-**** och 19811218+****"),
        ("kod 1885 och år 2025", "kod 1885 och år 2025"),
        # Issue 18: no word boundaries. 14 digits may hold a number inside (an id glued to
        # it, an escape's hex digit before it): only the first 8 digits stay.
        ("id 12345678901234", "id 12345678******"),
        ("\\xa019900515-2384", "\\xa01990051*-****"),
        ("2025-03-14 och 2025-03-14", "2025-03-14 och 2025-03-14"),
    ],
)
def test_maskera_text(text: str, vantat: str) -> None:
    assert maskera_text(text) == vantat
