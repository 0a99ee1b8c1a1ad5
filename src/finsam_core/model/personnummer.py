"""Swedish personnummer and samordningsnummer, parsed, checked and always masked.

Why not a package from PyPI: ``personnummer`` infers the century of a 10-digit number from
today's clock (so a case file would mean different people on different days) and rejects
day 00, which the Tax Agency uses when the day of birth is unknown; ``python-stdnum`` has
no samordningsnummer. Both concerns are central here, and the algorithm is twenty lines.

Rules implemented:

- 10 or 12 digits, optionally with ``-`` or ``+`` before the last four.
- 12 digits are taken as given. For 10 digits the century is inferred relative to a date
  the caller passes, never the wall clock: with ``-`` (or none) the person is under 100 on
  that date, with ``+`` 100 or older.
- The last digit is a Luhn check digit over the 10-digit form.
- A samordningsnummer has 60 added to the day of birth (day 61–91; 60 when the day is
  unknown).
- Day 00 (unknown day of birth) is accepted; the birth date is then taken as the first of
  the month.
- Birth number 000 is never issued, and a birth year outside 1800–2199 is rejected (a case
  cannot hold such dates).
- Only ASCII digits count (``int`` would read full-width or Arabic-Indic digits).

A `Personnummer` never shows its last four digits: ``str``, ``repr`` and every message use
the masked form (``20000515-****``). `Personnummer.fullstandigt` is the one explicit way to
get the whole number, for writing it back to a case file.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from attrs import frozen

from finsam_core.model.fel import FORSTA_DAG, SISTA_DAG
from finsam_core.model.finsamfel import Finsamfel
from finsam_core.model.utskrift import maskera_text as maskera_text

_FORM = re.compile(r"([0-9]{6}|[0-9]{8})([-+]?)([0-9]{4})")


class Personnummerfel(Finsamfel, ValueError):
    """The text is not a valid personnummer or samordningsnummer.

    The message is Swedish and never contains the number itself.
    """


PersonnummerFel = Personnummerfel
"""Deprecated name of `Personnummerfel`."""


_DUBBLAD = str.maketrans("0123456789", "0246813579")
"""Each digit doubled, with the digits of the product added (6 -> 12 -> 3): one digit."""


def luhn_ok(siffror: str) -> bool:
    """True if the digits pass the Luhn check (the last digit is the check digit).

    >>> luhn_ok("8112189876"), luhn_ok("8112189875")
    (True, False)
    """
    # Every second digit from the right doubled (one digit each, by the table), then the
    # digit sum: the sum of the ASCII codes less 48 a digit. A loop is twice as slow.
    alla = siffror[-1::-2] + siffror[-2::-2].translate(_DUBBLAD)
    return (sum(alla.encode()) - 48 * len(alla)) % 10 == 0


def _fodelsedatum(atta: str) -> date | None:
    """The date in the digits ``YYYYMMDD`` of a personnummer, or None if there is none
    (day + 60 in a samordningsnummer; day 00, an unknown day, is taken as the first)."""
    dag = atta[6:8]
    if "01" <= dag <= "31":
        try:
            return date.fromisoformat(f"{atta[:4]}-{atta[4:6]}-{dag}")
        except ValueError:
            return None
    nummer = int(dag)
    if nummer >= 60:
        nummer -= 60
    try:
        return date(int(atta[:4]), int(atta[4:6]), nummer or 1)
    except ValueError:
        return None


def _fyllt_hundra(fodd: date, pa: date) -> bool:
    return (pa.year, pa.month, pa.day) >= (fodd.year + 100, fodd.month, fodd.day)


@frozen(repr=False)
class Personnummer:
    """A checked personnummer or samordningsnummer, stored as 12 digits.

    >>> p = Personnummer.tolka("19811218-9876")
    >>> p
    Personnummer('19811218-****')
    >>> p.fodelsedatum, p.samordningsnummer
    (datetime.date(1981, 12, 18), False)
    >>> Personnummer.tolka("811218-9876", referensdatum=date(2025, 1, 1)).fodelsedatum
    datetime.date(1981, 12, 18)
    >>> Personnummer.tolka("811218+9876", referensdatum=date(2025, 1, 1)).fodelsedatum
    datetime.date(1881, 12, 18)
    """

    siffror: str
    """The 12 digits (``YYYYMMDDNNNK``); private to serialisation, never print it."""

    @classmethod
    def tolka(cls, text: str, referensdatum: date | None = None) -> Personnummer:
        """Parse *text*; raise `Personnummerfel` with a Swedish reason if it is not valid.

        *referensdatum* is needed only for 10-digit numbers: it is the date on which a ``-``
        means "under 100" and a ``+`` "100 or older".
        """
        m = _FORM.fullmatch(text.strip())
        if m is None:
            raise Personnummerfel(
                "förväntade ett personnummer med 10 eller 12 siffror, "
                "t.ex. ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN"
            )
        datumdel, tecken, slut = m.groups()
        if not luhn_ok(datumdel[-6:] + slut):
            raise Personnummerfel("kontrollsiffran stämmer inte (Luhn)")
        if slut.startswith("000"):
            raise Personnummerfel("födelsenumret 000 delas aldrig ut")
        if len(datumdel) == 8:
            siffror = datumdel + slut
        else:
            siffror = cls._med_sekel(datumdel, tecken, slut, referensdatum)
        fodd = _fodelsedatum(siffror)
        if fodd is None:
            raise Personnummerfel("födelsedatumet i personnumret finns inte")
        if not FORSTA_DAG <= fodd <= SISTA_DAG:
            raise Personnummerfel(
                f"födelseåret {fodd.year} i personnumret ligger utanför "
                f"{FORSTA_DAG.year}–{SISTA_DAG.year}"
            )
        return cls(siffror)

    @staticmethod
    def _med_sekel(datumdel: str, tecken: str, slut: str, referensdatum: date | None) -> str:
        if referensdatum is None:
            raise Personnummerfel(
                "ett personnummer med 10 siffror behöver ett referensdatum för att "
                "avgöra århundradet; ange 12 siffror (ÅÅÅÅMMDD-NNNN)"
            )
        yy = int(datumdel[:2])
        hundra = tecken == "+"
        # Try the most recent century first; the first that fits the separator wins.
        for sekel in (
            referensdatum.year // 100,
            referensdatum.year // 100 - 1,
            referensdatum.year // 100 - 2,
        ):
            ar = sekel * 100 + yy
            fodd = _fodelsedatum(f"{ar:04d}{datumdel[2:]}")
            if fodd is None or fodd > referensdatum:
                continue
            if _fyllt_hundra(fodd, referensdatum) == hundra:
                return f"{ar:04d}{datumdel[2:]}{slut}"
        raise Personnummerfel(
            "födelsedatumet i personnumret finns inte eller passar inte referensdatumet"
        )

    @functools.cached_property
    def fodelsedatum(self) -> date:
        """Date of birth (for a samordningsnummer, with 60 taken off the day).

        Computed once per number: a case reads it to check its dates and rules to tell ages.
        """
        fodd = _fodelsedatum(self.siffror)
        assert fodd is not None  # checked in tolka
        return fodd

    @property
    def samordningsnummer(self) -> bool:
        """True for a samordningsnummer (day of birth + 60)."""
        return int(self.siffror[6:8]) >= 60

    @property
    def kon(self) -> str:
        """``kvinna`` or ``man``, from the second-to-last digit (even for women)."""
        return "kvinna" if int(self.siffror[10]) % 2 == 0 else "man"

    @property
    def maskerat(self) -> str:
        """The number with its last four digits hidden: ``20000515-****``."""
        return f"{self.siffror[:8]}-****"

    @property
    def fullstandigt(self) -> str:
        """The whole number ``YYYYMMDD-NNNN``: only for writing a case file back."""
        return f"{self.siffror[:8]}-{self.siffror[8:]}"

    def __str__(self) -> str:
        return self.maskerat

    def __repr__(self) -> str:
        return f"Personnummer({self.maskerat!r})"
