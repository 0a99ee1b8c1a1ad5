"""Pinned Swedish holidays 2024–2027: a ``holidays`` data update that moves one fails here.

``holidays`` is allowed over a range of versions (pyproject.toml), so its data can change
under us. Deadlines counted in working days must not move with it. The dates below are
written out by hand from Lag (1989:253) om allmänna helgdagar and the almanac:

- fixed: nyårsdagen 1/1, trettondedag jul 6/1, första maj 1/5, nationaldagen 6/6,
  julafton 24/12, juldagen 25/12, annandag jul 26/12, nyårsafton 31/12;
- from Easter Sunday (påskdagen 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28):
  långfredagen −2, annandag påsk +1, Kristi himmelsfärds dag +39, pingstdagen +49;
- midsommarafton is the Friday 19–25 June, midsommardagen the Saturday after it;
- alla helgons dag is the Saturday 31 October – 6 November.

Midsommarafton, julafton and nyårsafton are not public holidays but count as such for
deadlines (Lag 1930:173, 2 §); ``holidays`` has them in its ``de_facto`` category.
`test_tabellen_foljer_kalenderreglerna` recomputes the table from the rules above, so a
typo in it fails too.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from finsam_core.regler.kalender import _helgdagar, ar_arbetsdag

HELGDAGAR: dict[int, dict[str, date]] = {
    2024: {
        "nyårsdagen": date(2024, 1, 1),
        "trettondedag jul": date(2024, 1, 6),
        "långfredagen": date(2024, 3, 29),
        "påskdagen": date(2024, 3, 31),
        "annandag påsk": date(2024, 4, 1),
        "första maj": date(2024, 5, 1),
        "Kristi himmelsfärds dag": date(2024, 5, 9),
        "pingstdagen": date(2024, 5, 19),
        "nationaldagen": date(2024, 6, 6),
        "midsommarafton": date(2024, 6, 21),
        "midsommardagen": date(2024, 6, 22),
        "alla helgons dag": date(2024, 11, 2),
        "julafton": date(2024, 12, 24),
        "juldagen": date(2024, 12, 25),
        "annandag jul": date(2024, 12, 26),
        "nyårsafton": date(2024, 12, 31),
    },
    2025: {
        "nyårsdagen": date(2025, 1, 1),
        "trettondedag jul": date(2025, 1, 6),
        "långfredagen": date(2025, 4, 18),
        "påskdagen": date(2025, 4, 20),
        "annandag påsk": date(2025, 4, 21),
        "första maj": date(2025, 5, 1),
        "Kristi himmelsfärds dag": date(2025, 5, 29),
        "pingstdagen": date(2025, 6, 8),
        "nationaldagen": date(2025, 6, 6),
        "midsommarafton": date(2025, 6, 20),
        "midsommardagen": date(2025, 6, 21),
        "alla helgons dag": date(2025, 11, 1),
        "julafton": date(2025, 12, 24),
        "juldagen": date(2025, 12, 25),
        "annandag jul": date(2025, 12, 26),
        "nyårsafton": date(2025, 12, 31),
    },
    2026: {
        "nyårsdagen": date(2026, 1, 1),
        "trettondedag jul": date(2026, 1, 6),
        "långfredagen": date(2026, 4, 3),
        "påskdagen": date(2026, 4, 5),
        "annandag påsk": date(2026, 4, 6),
        "första maj": date(2026, 5, 1),
        "Kristi himmelsfärds dag": date(2026, 5, 14),
        "pingstdagen": date(2026, 5, 24),
        "nationaldagen": date(2026, 6, 6),
        "midsommarafton": date(2026, 6, 19),
        "midsommardagen": date(2026, 6, 20),
        "alla helgons dag": date(2026, 10, 31),
        "julafton": date(2026, 12, 24),
        "juldagen": date(2026, 12, 25),
        "annandag jul": date(2026, 12, 26),
        "nyårsafton": date(2026, 12, 31),
    },
    2027: {
        "nyårsdagen": date(2027, 1, 1),
        "trettondedag jul": date(2027, 1, 6),
        "långfredagen": date(2027, 3, 26),
        "påskdagen": date(2027, 3, 28),
        "annandag påsk": date(2027, 3, 29),
        "första maj": date(2027, 5, 1),
        "Kristi himmelsfärds dag": date(2027, 5, 6),
        "pingstdagen": date(2027, 5, 16),
        "nationaldagen": date(2027, 6, 6),
        "midsommarafton": date(2027, 6, 25),
        "midsommardagen": date(2027, 6, 26),
        "alla helgons dag": date(2027, 11, 6),
        "julafton": date(2027, 12, 24),
        "juldagen": date(2027, 12, 25),
        "annandag jul": date(2027, 12, 26),
        "nyårsafton": date(2027, 12, 31),
    },
}


@pytest.mark.parametrize("ar", sorted(HELGDAGAR))
def test_helgdagarna_ar_exakt_de_fastlagda(ar: int) -> None:
    # Equality both ways: a holiday the data drops, moves or adds fails the test.
    assert _helgdagar(ar) == frozenset(HELGDAGAR[ar].values())


@pytest.mark.parametrize(
    ("namn", "dag"),
    [(namn, dag) for ar in sorted(HELGDAGAR) for namn, dag in HELGDAGAR[ar].items()],
    ids=[
        f"{dag.isoformat()} {namn}"
        for ar in sorted(HELGDAGAR)
        for namn, dag in HELGDAGAR[ar].items()
    ],
)
def test_ingen_helgdag_ar_en_arbetsdag(namn: str, dag: date) -> None:
    assert not ar_arbetsdag(dag), namn
    # The weekday before or after each holiday period is a working day again, unless it
    # is itself in the table or a weekend: the data adds nothing around it.
    for granne in (dag - timedelta(days=1), dag + timedelta(days=1)):
        fast = granne in HELGDAGAR.get(granne.year, {}).values()
        assert ar_arbetsdag(granne) is (granne.weekday() < 5 and not fast)


def _paskdagen(ar: int) -> date:
    """Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher), written out here so
    the table is checked against something other than the ``holidays`` package."""
    a, b, c = ar % 19, ar // 100, ar % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    manad, dag = divmod(h + l_ - 7 * m + 114, 31)
    return date(ar, manad, dag + 1)


def _veckodag_i(ar: int, manad: int, forsta_dag: int, veckodag: int) -> date:
    """The day of *veckodag* (0 = Monday) in the seven days from *forsta_dag* of *manad*."""
    start = date(ar, manad, forsta_dag)
    return start + timedelta(days=(veckodag - start.weekday()) % 7)


@pytest.mark.parametrize("ar", sorted(HELGDAGAR))
def test_tabellen_foljer_kalenderreglerna(ar: int) -> None:
    pask = _paskdagen(ar)
    midsommarafton = _veckodag_i(ar, 6, 19, 4)
    assert HELGDAGAR[ar] == {
        "nyårsdagen": date(ar, 1, 1),
        "trettondedag jul": date(ar, 1, 6),
        "långfredagen": pask - timedelta(days=2),
        "påskdagen": pask,
        "annandag påsk": pask + timedelta(days=1),
        "första maj": date(ar, 5, 1),
        "Kristi himmelsfärds dag": pask + timedelta(days=39),
        "pingstdagen": pask + timedelta(days=49),
        "nationaldagen": date(ar, 6, 6),
        "midsommarafton": midsommarafton,
        "midsommardagen": midsommarafton + timedelta(days=1),
        "alla helgons dag": _veckodag_i(ar, 10, 31, 5),
        "julafton": date(ar, 12, 24),
        "juldagen": date(ar, 12, 25),
        "annandag jul": date(ar, 12, 26),
        "nyårsafton": date(ar, 12, 31),
    }


def test_paskalgoritmen_mot_almanackan() -> None:
    # Known Easter Sundays outside the table, so the computus itself is checked.
    assert _paskdagen(2019) == date(2019, 4, 21)
    assert _paskdagen(2038) == date(2038, 4, 25)  # the latest possible date
    assert _paskdagen(2285) == date(2285, 3, 22)  # the earliest possible date
