"""Counting deadlines the Swedish way: calendar days, weeks, months, years, working days.

- Calendar arithmetic clamps to the end of the month: 2024-02-29 + 1 year = 2025-02-28,
  2025-01-31 + 1 month = 2025-02-28.
- Working days (arbetsdagar) are Monday to Friday except Swedish public holidays and
  midsommarafton, julafton and nyårsafton, from the ``holidays`` package (categories
  ``public`` and ``de_facto``; ``include_sundays=False`` so that every Sunday is not listed
  as a holiday — weekends are excluded by the weekday test instead).
- Lag (1930:173) om beräkning av lagstadgad tid, 2 §: a deadline whose last day falls on
  a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the
  next working day (`nasta_arbetsdag`). Rules opt in to this.

>>> plus_ar(date(2024, 2, 29), 1)
datetime.date(2025, 2, 28)
>>> plus_manader(date(2025, 1, 31), 1)
datetime.date(2025, 2, 28)
>>> plus_arbetsdagar(date(2025, 4, 17), 1)  # Good Friday and Easter Monday are not
datetime.date(2025, 4, 22)

Weeks are ISO weeks, Monday to Sunday: "veckan efter" a day is the week after the day's week.
"""

from __future__ import annotations

import calendar
import enum
import functools
import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from holidays.countries.sweden import Sweden


@functools.cache
def _sverige() -> type[Sweden]:
    """``holidays.countries.sweden.Sweden``, without importing every other country.

    ``holidays.countries/__init__.py`` imports all of the package's countries (over 100 ms
    at start-up); Sweden's module needs only holidays' base classes. So unless the package
    is already imported, the module is run from its own file under a private name. The
    dates are the package's either way (tests/test_uppstart.py compares them).
    """
    if "holidays.countries" not in sys.modules:
        import holidays

        fil = Path(holidays.__file__).parent / "countries" / "sweden.py"
        spec = importlib.util.spec_from_file_location(_SVERIGE, fil)
        if spec is not None and spec.loader is not None and fil.is_file():
            modul = sys.modules.get(_SVERIGE)
            if modul is None:
                modul = importlib.util.module_from_spec(spec)
                sys.modules[_SVERIGE] = modul
                spec.loader.exec_module(modul)
            sverige: type[Sweden] = modul.Sweden
            return sverige
    from holidays.countries.sweden import Sweden

    return Sweden


_SVERIGE = "finsam_core.regler._holidays_sweden"
"""The private module name of holidays' Sweden when loaded from its file (`_sverige`)."""


@functools.cache
def _helgdagar(ar: int) -> frozenset[date]:
    # Loaded on first use: most rule sets never count working days. The class rather than
    # holidays.country_holidays("SE"): that passes include_sundays on only from holidays
    # 0.109, the class takes it in every version we allow (>= 0.88, the first with Sweden's
    # de_facto category). tests/test_helgdagar.py pins the dates.
    svenska = _sverige()(years=ar, include_sundays=False, categories=("public", "de_facto"))
    return frozenset(svenska)


def ar_arbetsdag(dag: date) -> bool:
    """True for Monday–Friday that is not a public holiday or midsommar-, jul-, nyårsafton."""
    return dag.weekday() < 5 and dag not in _helgdagar(dag.year)


def nasta_arbetsdag(dag: date) -> date:
    """*dag* itself if it is a working day, else the next one (Lag 1930:173, 2 §)."""
    while not ar_arbetsdag(dag):
        dag += timedelta(days=1)
    return dag


def plus_dagar(dag: date, antal: int) -> date:
    return dag + timedelta(days=antal)


def plus_manader(dag: date, antal: int) -> date:
    """*antal* calendar months later, clamped to the last day of the month."""
    index = dag.year * 12 + dag.month - 1 + antal
    ar, manad = divmod(index, 12)
    manad += 1
    return date(ar, manad, min(dag.day, calendar.monthrange(ar, manad)[1]))


def plus_ar(dag: date, antal: int) -> date:
    """*antal* years later; 29 February becomes 28 February in a common year."""
    return plus_manader(dag, 12 * antal)


def plus_arbetsdagar(dag: date, antal: int) -> date:
    """The *antal*-th working day after *dag* (*dag* itself is not counted).

    >>> plus_arbetsdagar(date(2025, 4, 17), 2)  # skärtorsdag: Tuesday, then Wednesday
    datetime.date(2025, 4, 23)
    """
    while antal > 0:
        dag += timedelta(days=1)
        if ar_arbetsdag(dag):
            antal -= 1
    return dag


def arbetsdagar_mellan(fran: date, till: date) -> int:
    """The working days after *fran* up to and including *till* (0 if *till* is not later).

    >>> arbetsdagar_mellan(date(2025, 1, 10), date(2025, 1, 13))  # Friday to Monday
    1
    """
    return sum(
        ar_arbetsdag(fran + timedelta(days=n)) for n in range(1, max(0, (till - fran).days) + 1)
    )


def mandag_nasta_vecka(dag: date) -> date:
    """The Monday of the ISO week after *dag*'s week.

    >>> mandag_nasta_vecka(date(2025, 3, 5)), mandag_nasta_vecka(date(2025, 3, 9))
    (datetime.date(2025, 3, 10), datetime.date(2025, 3, 10))
    >>> mandag_nasta_vecka(date(2025, 3, 10))
    datetime.date(2025, 3, 17)
    """
    return dag + timedelta(days=7 - dag.weekday())


def sondag_nasta_vecka(dag: date) -> date:
    """The Sunday of the ISO week after *dag*'s week: the last day of "veckan efter".

    >>> sondag_nasta_vecka(date(2025, 3, 3)), sondag_nasta_vecka(date(2025, 3, 9))
    (datetime.date(2025, 3, 16), datetime.date(2025, 3, 16))
    """
    return mandag_nasta_vecka(dag) + timedelta(days=6)


def antal_dagar(antal: int) -> str:
    """``1 dag``, ``2 dagar``: a number of days as a message says it.

    >>> antal_dagar(1), antal_dagar(15)
    ('1 dag', '15 dagar')
    """
    return f"{antal} dag" if antal == 1 else f"{antal} dagar"


class Tidsenhet(enum.Enum):
    """The unit of a period: calendar days, weeks, months, years, or working days."""

    DAGAR = "dagar"
    VECKOR = "veckor"
    MANADER = "månader"
    AR = "år"
    ARBETSDAGAR = "arbetsdagar"


@frozen
class Tidsfrist:
    """A period such as "inom två veckor" or "högst ett år", counted from a start day.

    The deadline is the last day on which the thing is on time: "inom två veckor" from
    day D is met on D + 14 and missed on D + 15.

    >>> Tidsfrist(2, Tidsenhet.VECKOR).sista_dag(date(2025, 3, 3))
    datetime.date(2025, 3, 17)
    >>> str(Tidsfrist(2, Tidsenhet.ARBETSDAGAR))
    '2 arbetsdagar'
    """

    antal: int
    enhet: Tidsenhet = Tidsenhet.DAGAR
    flytta_till_arbetsdag: bool = False
    """Apply Lag (1930:173): a last day on a non-working day moves to the next working day."""

    @property
    def problem(self) -> str | None:
        """What is wrong with how the period was written (Swedish), or None. Checked when a
        rule that uses it is built, so a plugin's mistake names its rule at load time."""
        if isinstance(self.antal, bool) or not isinstance(self.antal, int):
            return (
                f"{self.enhet.value}({self.antal!r}): antalet ska vara ett heltal, "
                f"fick {type(self.antal).__name__}"
            )
        if self.antal < 0:
            return f"{self.enhet.value}({self.antal}): antalet kan inte vara negativt"
        return None

    def sista_dag(self, start: date) -> date:
        if self.problem is not None:
            raise TypeError(self.problem)
        if self.enhet is Tidsenhet.DAGAR:
            sista = plus_dagar(start, self.antal)
        elif self.enhet is Tidsenhet.VECKOR:
            sista = plus_dagar(start, 7 * self.antal)
        elif self.enhet is Tidsenhet.MANADER:
            sista = plus_manader(start, self.antal)
        elif self.enhet is Tidsenhet.AR:
            sista = plus_ar(start, self.antal)
        else:
            sista = plus_arbetsdagar(start, self.antal)
        return nasta_arbetsdag(sista) if self.flytta_till_arbetsdag else sista

    def forsening(self, sista: date, dag: date) -> str:
        """How late *dag* is after the last day *sista*, in this period's kind of day:
        working days for a period of working days (a message never mixes the two), else
        calendar days. A day after *sista* that is not itself a working day, with no
        working day in between, is late by no working day: "på en ledig dag" (efter fristen).

        >>> frist = Tidsfrist(2, Tidsenhet.ARBETSDAGAR)
        >>> frist.forsening(date(2025, 1, 10), date(2025, 1, 14))  # Friday to Tuesday
        '2 arbetsdagar'
        >>> frist.forsening(date(2025, 1, 10), date(2025, 1, 11))
        'på en ledig dag'
        >>> veckor(2).forsening(date(2025, 1, 10), date(2025, 1, 14))
        '4 dagar'
        """
        if self.enhet is not Tidsenhet.ARBETSDAGAR:
            return antal_dagar((dag - sista).days)
        antal = arbetsdagar_mellan(sista, dag)
        if antal == 0:
            return "på en ledig dag"
        return f"{antal} arbetsdag" if antal == 1 else f"{antal} arbetsdagar"

    def __str__(self) -> str:
        if self.antal == 1:
            ental = {
                Tidsenhet.DAGAR: "dag",
                Tidsenhet.VECKOR: "vecka",
                Tidsenhet.MANADER: "månad",
                Tidsenhet.AR: "år",
                Tidsenhet.ARBETSDAGAR: "arbetsdag",
            }
            return f"1 {ental[self.enhet]}"
        return f"{self.antal} {self.enhet.value}"


def dagar(antal: int) -> Tidsfrist:
    return Tidsfrist(antal, Tidsenhet.DAGAR)


def veckor(antal: int) -> Tidsfrist:
    return Tidsfrist(antal, Tidsenhet.VECKOR)


def manader(antal: int) -> Tidsfrist:
    return Tidsfrist(antal, Tidsenhet.MANADER)


def ar(antal: int) -> Tidsfrist:
    return Tidsfrist(antal, Tidsenhet.AR)


def arbetsdagar(antal: int) -> Tidsfrist:
    return Tidsfrist(antal, Tidsenhet.ARBETSDAGAR)
