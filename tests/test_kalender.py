"""Deadline counting: calendar arithmetic and Swedish working days 2025–2027.

Holiday dates checked by hand against the Swedish almanac: Easter Sunday 2025-04-20,
2026-04-05, 2027-03-28; midsommarafton is the Friday 19–25 June (2025-06-20, 2026-06-19,
2027-06-25); Kristi himmelfärd 2025-05-29, 2026-05-14, 2027-05-06.
"""

from __future__ import annotations

from datetime import date

import pytest

from finsam_core.regler.kalender import (
    Tidsenhet,
    Tidsfrist,
    ar,
    ar_arbetsdag,
    arbetsdagar,
    dagar,
    manader,
    mandag_nasta_vecka,
    nasta_arbetsdag,
    plus_ar,
    plus_arbetsdagar,
    plus_manader,
    sondag_nasta_vecka,
    veckor,
)


@pytest.mark.parametrize(
    ("start", "frist", "sista"),
    [
        # case-format.md: "Inom två veckor" from day D is met on D + 14.
        (date(2025, 3, 3), veckor(2), date(2025, 3, 17)),
        (date(2025, 3, 3), dagar(14), date(2025, 3, 17)),
        # case-format.md: "ett år" from 2025-03-01 ends on 2026-03-01.
        (date(2025, 3, 1), ar(1), date(2026, 3, 1)),
        (date(2024, 2, 29), ar(1), date(2025, 2, 28)),  # clamped
        (date(2024, 2, 29), ar(4), date(2028, 2, 29)),
        (date(2025, 1, 31), manader(1), date(2025, 2, 28)),
        (date(2024, 1, 31), manader(1), date(2024, 2, 29)),
        (date(2025, 8, 31), manader(6), date(2026, 2, 28)),
        (date(2025, 11, 30), manader(3), date(2026, 2, 28)),
        (date(2025, 12, 15), manader(1), date(2026, 1, 15)),
    ],
)
def test_kalenderfrister(start: date, frist: Tidsfrist, sista: date) -> None:
    assert frist.sista_dag(start) == sista


@pytest.mark.parametrize(
    ("dag", "arbetsdag"),
    [
        (date(2025, 4, 17), True),  # skärtorsdag is a working day
        (date(2025, 4, 18), False),  # långfredag
        (date(2025, 4, 21), False),  # annandag påsk
        (date(2025, 4, 22), True),
        (date(2025, 5, 1), False),
        (date(2025, 5, 29), False),  # Kristi himmelfärd
        (date(2025, 6, 6), False),  # nationaldagen, a Friday
        (date(2025, 6, 19), True),
        (date(2025, 6, 20), False),  # midsommarafton
        (date(2025, 12, 23), True),
        (date(2025, 12, 24), False),  # julafton
        (date(2025, 12, 31), False),  # nyårsafton
        (date(2026, 1, 2), True),
        (date(2026, 1, 6), False),  # trettondedag jul
        (date(2026, 4, 3), False),
        (date(2026, 4, 6), False),
        (date(2026, 5, 14), False),
        (date(2026, 6, 19), False),
        (date(2026, 6, 22), True),
        (date(2027, 3, 26), False),
        (date(2027, 3, 29), False),
        (date(2027, 5, 6), False),
        (date(2027, 6, 25), False),
        (date(2027, 6, 24), True),
        (date(2027, 12, 24), False),
        (date(2025, 3, 1), False),  # a Saturday
        (date(2025, 3, 2), False),  # a Sunday
        (date(2025, 3, 3), True),
    ],
)
def test_arbetsdagar(dag: date, arbetsdag: bool) -> None:
    assert ar_arbetsdag(dag) is arbetsdag


@pytest.mark.parametrize(
    ("start", "antal", "sista"),
    [
        (date(2025, 4, 17), 1, date(2025, 4, 22)),  # over Easter
        # umea.md C10: "återkopplar inom två dagar", a referral on skärtorsdag 2025-04-17:
        # långfredag, påskafton, påskdagen, annandag påsk skipped → Tue 22, Wed 23.
        (date(2025, 4, 17), 2, date(2025, 4, 23)),
        (date(2025, 4, 16), 2, date(2025, 4, 22)),  # Wed: skärtorsdag, then Tue 22
        (date(2025, 4, 15), 2, date(2025, 4, 17)),  # before Easter: Wed, Thu
        (date(2025, 6, 19), 1, date(2025, 6, 23)),  # over midsummer
        (date(2026, 6, 18), 2, date(2026, 6, 23)),
        (date(2025, 12, 23), 1, date(2025, 12, 29)),  # over Christmas
        (date(2025, 12, 30), 2, date(2026, 1, 5)),  # nyårsafton, nyårsdagen, weekend
        (date(2025, 3, 7), 1, date(2025, 3, 10)),  # Friday → Monday
        (date(2025, 3, 3), 0, date(2025, 3, 3)),
    ],
)
def test_plus_arbetsdagar(start: date, antal: int, sista: date) -> None:
    assert plus_arbetsdagar(start, antal) == sista
    assert arbetsdagar(antal).sista_dag(start) == sista


@pytest.mark.parametrize(
    ("dag", "flyttad"),
    [
        (date(2025, 12, 31), date(2026, 1, 2)),
        (date(2025, 6, 20), date(2025, 6, 23)),
        (date(2025, 3, 8), date(2025, 3, 10)),
        (date(2025, 3, 10), date(2025, 3, 10)),
        (date(2025, 4, 17), date(2025, 4, 17)),  # skärtorsdag is a working day
        (date(2025, 4, 18), date(2025, 4, 22)),  # långfredag → Tuesday after annandag påsk
        (date(2025, 4, 19), date(2025, 4, 22)),
        (date(2025, 4, 21), date(2025, 4, 22)),
        (date(2025, 12, 24), date(2025, 12, 29)),  # julafton → Monday after annandag jul
    ],
)
def test_lag_1930_173_flyttar_till_nasta_arbetsdag(dag: date, flyttad: date) -> None:
    assert nasta_arbetsdag(dag) == flyttad


def test_frist_med_och_utan_flytt() -> None:
    # 14 days from 2025-12-17 ends on nyårsafton; Lag (1930:173) moves it to 2 January.
    assert Tidsfrist(14, Tidsenhet.DAGAR).sista_dag(date(2025, 12, 17)) == date(2025, 12, 31)
    flytt = Tidsfrist(14, Tidsenhet.DAGAR, flytta_till_arbetsdag=True)
    assert flytt.sista_dag(date(2025, 12, 17)) == date(2026, 1, 2)
    assert flytt.sista_dag(date(2025, 12, 16)) == date(2025, 12, 30)


def test_plus_manader_och_ar_direkt() -> None:
    assert plus_manader(date(2025, 12, 31), 2) == date(2026, 2, 28)
    assert plus_manader(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert plus_ar(date(2025, 7, 1), 1) == date(2026, 7, 1)


def test_frist_som_text() -> None:
    assert str(veckor(2)) == "2 veckor"
    assert str(ar(1)) == "1 år"
    assert str(manader(6)) == "6 månader"
    assert str(arbetsdagar(1)) == "1 arbetsdag"


@pytest.mark.parametrize(
    ("dag", "mandag", "sondag"),
    [
        # ISO weeks run Monday to Sunday. Week 10 of 2025 is 3–9 March.
        (date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 16)),  # Monday
        (date(2025, 3, 5), date(2025, 3, 10), date(2025, 3, 16)),
        (date(2025, 3, 9), date(2025, 3, 10), date(2025, 3, 16)),  # Sunday: same week
        (date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 23)),  # next Monday: next week
        # Across a year: 2025-12-29 (Monday) is in ISO week 1 of 2026.
        (date(2025, 12, 28), date(2025, 12, 29), date(2026, 1, 4)),
        (date(2025, 12, 31), date(2026, 1, 5), date(2026, 1, 11)),
        # February of a leap year.
        (date(2024, 2, 26), date(2024, 3, 4), date(2024, 3, 10)),
    ],
)
def test_veckan_efter(dag: date, mandag: date, sondag: date) -> None:
    # umea.md UMEA-18 / C11: "veckan efter svaret" is the next ISO week, up to its Sunday.
    assert mandag_nasta_vecka(dag) == mandag
    assert sondag_nasta_vecka(dag) == sondag
    assert mandag.weekday() == 0
    assert sondag.weekday() == 6
    assert mandag.isocalendar().week != dag.isocalendar().week
