"""The parts a report is declared from: the case in a period (`Fall`), a participation
(`Deltagande`), dimensions (`Dimension`) and measures (`Antal`, `Andel`, `Ledtid`, `Summa`).

A report reads each case once. For every case (and, for a report that counts several things
per case, every such thing) it asks each dimension for a value, which picks the row, and each
measure for its contribution (`Matt.bidrag`): a small value (a bool, a number, a pair) that
the engine adds up per row without keeping the case. Memory grows with the rows, not with
the cases.

Conditions on a case are plain functions of a `Fall` (`Villkor`); selectors (`handelser`,
`insatser`, …) from the rule-building blocks find its events, computed once per case.

>>> from finsam_core.regler.byggstenar import handelser
>>> from finsam_core.model.handelser import Inskrivning
>>> AME = Deltagande(handelser(Inskrivning, lambda h, vy: h.enhet == "ame").forsta())
>>> INSKRIVNA = Antal("inskrivna", "Inskrivna", AME.aktiv)
>>> INSKRIVNA.bidrag  # doctest: +ELLIPSIS
<bound method Antal.bidrag of ...>
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, ClassVar, Protocol

from attrs import field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.handelser import Avslut
from finsam_core.model.koder import Kodverk
from finsam_core.rapport.period import Period
from finsam_core.regler.byggstenar import Traff, Val, handelser
from finsam_core.regler.motor import Resultat
from finsam_core.regler.regel import Arendevy

NAMN = re.compile(r"[a-z][a-z0-9_]*")
"""Dimension and measure names are ASCII snake_case, as keys of the JSON output."""


class Rapportfel(ValueError):
    """A report is not well formed (a programming error in a plugin); Swedish message."""


class Fall:
    """One case as a report sees it in one period: the case, the period, the code lists.

    ``amne`` is the thing being counted when a report counts several things per case (the
    `fynd` report: one rule id per `Fall`); None otherwise. `resultat` validates the case
    (once) for reports about findings.
    """

    __slots__ = ("_resultat", "_validera", "_vy", "amne", "arende", "kodverk", "period")

    def __init__(
        self,
        arende: Arende,
        period: Period,
        kodverk: Kodverk,
        *,
        amne: object = None,
        validera: Callable[[Arende], Resultat] | None = None,
    ) -> None:
        self.arende = arende
        self.period = period
        self.kodverk = kodverk
        self.amne = amne
        self._validera = validera
        self._vy: Arendevy | None = None
        self._resultat: Resultat | None = None

    @property
    def vy(self) -> Arendevy:
        """The case prepared for selectors (events in date order, found once)."""
        if self._vy is None:
            self._vy = Arendevy(self.arende)
        return self._vy

    def forsta(self, val: Val) -> Traff | None:
        """The earliest hit of *val* in the case, or None."""
        traffar = val(self.vy)
        return traffar[0] if traffar else None

    def alla(self, val: Val) -> list[Traff]:
        """Every hit of *val* in the case, in date order."""
        return val(self.vy)

    def resultat(self) -> Resultat:
        """The case's findings, validated on the period's last day (the `fynd` report)."""
        if self._resultat is None:
            if self._validera is None:
                raise Rapportfel("rapporten behöver fynd men ingen validering är given")
            self._resultat = self._validera(self.arende)
        return self._resultat

    def med_amne(self, amne: object) -> Fall:
        """The same case and period, counting *amne*."""
        kopia = Fall(self.arende, self.period, self.kodverk, amne=amne, validera=self._validera)
        kopia._vy, kopia._resultat = self._vy, self._resultat
        return kopia


Villkor = Callable[[Fall], bool]
"""A condition on a case in a period (counts it in a measure, or lets it into the report)."""

AVSLUT = handelser(Avslut, beskrivning="avslut").forsta()
"""The case's closure (the earliest avslut)."""


@frozen
class Deltagande:
    """A participation: from the first hit of *start* to the first hit of *slut* (the case's
    avslut by default), both days included; open while *slut* finds nothing.

    Its conditions are the usual ways a case counts in a period: `aktiv` (enrolled on at
    least one day of it), `ny` (started in it), `avslutad` (ended in it).
    """

    start: Val
    slut: Val = AVSLUT

    def startdag(self, fall: Fall) -> date | None:
        traff = fall.forsta(self.start)
        return traff.datum if traff else None

    def slutdag(self, fall: Fall) -> date | None:
        """The last day, or None while open (an end before the start is ignored)."""
        start = self.startdag(fall)
        traff = fall.forsta(self.slut)
        if traff is None or start is None or traff.datum < start:
            return None
        return traff.datum

    def aktiv(self, fall: Fall) -> bool:
        """Enrolled on at least one day of the period."""
        start = self.startdag(fall)
        return start is not None and fall.period.overlappar(start, self.slutdag(fall))

    def ny(self, fall: Fall) -> bool:
        """Started in the period."""
        return self.startdag(fall) in fall.period

    def avslutad(self, fall: Fall) -> bool:
        """Ended in the period."""
        return self.slutdag(fall) in fall.period

    def avslutad_med(self, *utfall: str) -> Villkor:
        """Ended in the period with one of these outcomes (the end must be an `Avslut`)."""
        valda = frozenset(utfall)

        def villkor(fall: Fall) -> bool:
            if not self.avslutad(fall):
                return False
            traff = fall.forsta(self.slut)
            return traff is not None and getattr(traff.objekt, "utfall", None) in valda

        return villkor

    def vid_slut_eller(self, fall: Fall) -> date:
        """The period's last day, or the participation's end if earlier (age is taken here)."""
        slut = self.slutdag(fall)
        return slut if slut is not None and slut < fall.period.till else fall.period.till


def ledtid(fran: Val, till: Val) -> Callable[[Fall], int | None]:
    """Days from the first hit of *fran* to the first hit of *till* on or after it; None if
    either is missing."""

    def dagar(fall: Fall) -> int | None:
        start = fall.forsta(fran)
        if start is None:
            return None
        for traff in fall.alla(till):
            if traff.datum >= start.datum:
                return (traff.datum - start.datum).days
        return None

    return dagar


# -- dimensions -----------------------------------------------------------------------------


@frozen
class Dimension:
    """What splits a report into rows: ``varde(fall)`` gives the case's value (a code).

    *varden* are the values always shown, in this order (rows of zeros included); others
    seen in the data follow in alphabetical order. *etiketter* are Swedish labels for codes.
    """

    namn: str
    rubrik: str
    varde: Callable[[Fall], str] = field(eq=False, repr=False)
    varden: tuple[str, ...] = ()
    etiketter: Mapping[str, str] = field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not NAMN.fullmatch(self.namn):
            raise Rapportfel(f"ogiltigt dimensionsnamn {self.namn!r}: förväntade t.ex. 'kommun'")

    def etikett(self, kod: str) -> str:
        return self.etiketter.get(kod, kod)


# -- measures -------------------------------------------------------------------------------


class Matt(Protocol):
    """A measure: how each case contributes (`bidrag`) and how contributions add up.

    ``slag`` says how it is protected and shown: ``antal`` (a count of persons), ``summa``
    (a count of something else), ``andel`` (a share, 0–1), ``ledtid`` (days).
    """

    @property
    def slag(self) -> str: ...

    @property
    def namn(self) -> str: ...

    @property
    def rubrik(self) -> str: ...

    def bidrag(self, fall: Fall) -> Any: ...

    def tom(self) -> Any: ...

    def samla(self, samlat: Any, bidrag: Any) -> Any: ...

    def varde(self, samlat: Any) -> float | int | None: ...

    def personer(self, samlat: Any) -> int: ...


def _kontrollera_namn(namn: str) -> None:
    if not NAMN.fullmatch(namn):
        raise Rapportfel(f"ogiltigt måttnamn {namn!r}: förväntade t.ex. 'avslutade'")


@frozen
class Antal:
    """The number of persons (cases) meeting *villkor* in the row.

    *del_av* names another `Antal` that this one is a part of: the measures with the same
    *del_av* add up to it in every row (``avslutade_arbete`` + … = ``avslutade``). Small-cell
    protection relies on that to hide a second cell where a total would reveal a first.
    """

    slag: ClassVar[str] = "antal"
    namn: str
    rubrik: str
    villkor: Villkor = field(eq=False, repr=False)
    del_av: str | None = None

    def __attrs_post_init__(self) -> None:
        _kontrollera_namn(self.namn)

    def bidrag(self, fall: Fall) -> bool:
        return self.villkor(fall)

    def tom(self) -> int:
        return 0

    def samla(self, samlat: int, bidrag: bool) -> int:
        return samlat + 1 if bidrag else samlat

    def varde(self, samlat: int) -> int:
        return samlat

    def personer(self, samlat: int) -> int:
        return samlat


@frozen
class Summa:
    """A count of things that are not persons (findings, insatser): ``antal(fall)`` per case.

    Protected by the number of persons behind it: hidden when 1 to the threshold.
    """

    slag: ClassVar[str] = "summa"
    namn: str
    rubrik: str
    antal: Callable[[Fall], int] = field(eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _kontrollera_namn(self.namn)

    def bidrag(self, fall: Fall) -> int:
        return self.antal(fall)

    def tom(self) -> tuple[int, int]:
        return (0, 0)

    def samla(self, samlat: tuple[int, int], bidrag: int) -> tuple[int, int]:
        return (samlat[0] + bidrag, samlat[1] + 1) if bidrag else samlat

    def varde(self, samlat: tuple[int, int]) -> int:
        return samlat[0]

    def personer(self, samlat: tuple[int, int]) -> int:
        return samlat[1]


@frozen
class Andel:
    """The share (0–1) of the persons meeting *namnare* who also meet *taljare*.

    *namnare_matt* names the `Antal` that counts the denominator, if the report shows it:
    when that cell is hidden, so is the share.
    """

    slag: ClassVar[str] = "andel"
    namn: str
    rubrik: str
    taljare: Villkor = field(eq=False, repr=False)
    namnare: Villkor = field(eq=False, repr=False)
    namnare_matt: str | None = None

    def __attrs_post_init__(self) -> None:
        _kontrollera_namn(self.namn)

    def bidrag(self, fall: Fall) -> int:
        """0: not in the denominator; 1: in it; 2: in the numerator too."""
        if not self.namnare(fall):
            return 0
        return 2 if self.taljare(fall) else 1

    def tom(self) -> tuple[int, int]:
        return (0, 0)

    def samla(self, samlat: tuple[int, int], bidrag: int) -> tuple[int, int]:
        if not bidrag:
            return samlat
        return (samlat[0] + (bidrag == 2), samlat[1] + 1)

    def varde(self, samlat: tuple[int, int]) -> float | None:
        return samlat[0] / samlat[1] if samlat[1] else None

    def personer(self, samlat: tuple[int, int]) -> int:
        return samlat[1]


STATISTIK = ("median", "p75", "max")


def percentil(fordelning: Mapping[int, int], andel: float) -> float | None:
    """The median (*andel* 0.5: the middle value, or the mean of the two middle ones) or the
    nearest-rank percentile (the smallest value with at least *andel* of the persons at or
    below it) of a distribution of days.

    >>> percentil({3: 1, 10: 1, 20: 1, 40: 1}, 0.5), percentil({3: 1, 10: 1, 20: 1, 40: 1}, 0.75)
    (15.0, 20.0)
    """
    n = sum(fordelning.values())
    if n == 0:
        return None
    varden = sorted(fordelning)

    def ranga(rang: int) -> int:  # the value at 1-based rank *rang*
        sett = 0
        for dag in varden:
            sett += fordelning[dag]
            if sett >= rang:
                return dag
        return varden[-1]

    if andel == 0.5:
        return (ranga((n + 1) // 2) + ranga(n // 2 + 1)) / 2
    return float(ranga(max(1, math.ceil(andel * n))))


@frozen
class Ledtid:
    """A lead time in days over the persons meeting *villkor*: ``statistik`` is ``median``,
    ``p75`` (nearest rank) or ``max``. Cases whose *dagar* is None (the end has not happened)
    are left out. The distribution is kept per row as days → persons, never per case."""

    slag: ClassVar[str] = "ledtid"
    namn: str
    rubrik: str
    dagar: Callable[[Fall], int | None] = field(eq=False, repr=False)
    statistik: str = "median"
    villkor: Villkor | None = field(default=None, eq=False, repr=False)
    fordelning: str | None = None
    """A title: the report also shows the distribution of these days (as weeks and months),
    over all its persons, under this title (set it on one measure per lead time)."""

    def __attrs_post_init__(self) -> None:
        _kontrollera_namn(self.namn)
        if self.statistik not in STATISTIK:
            raise Rapportfel(
                f"okänd statistik {self.statistik!r} för {self.namn}: {', '.join(STATISTIK)}"
            )

    def bidrag(self, fall: Fall) -> int | None:
        if self.villkor is not None and not self.villkor(fall):
            return None
        return self.dagar(fall)

    def tom(self) -> Counter[int]:
        return Counter()

    def samla(self, samlat: Counter[int], bidrag: int | None) -> Counter[int]:
        if bidrag is not None:
            samlat[bidrag] += 1
        return samlat

    def varde(self, samlat: Counter[int]) -> float | None:
        if self.statistik == "max":
            return float(max(samlat)) if samlat else None
        return percentil(samlat, 0.5 if self.statistik == "median" else 0.75)

    def personer(self, samlat: Counter[int]) -> int:
        return sum(samlat.values())


def alla(fall: Fall) -> bool:
    """Every case: the condition of a measure that counts the row's persons."""
    return True


def och(*villkor: Villkor) -> Villkor:
    """All the conditions hold."""
    return lambda fall: all(v(fall) for v in villkor)


def amnen_for(fall: Fall, amnen: Callable[[Fall], Iterable[object]] | None) -> list[Fall]:
    """The `Fall` objects a case gives: itself, or one per thing the report counts."""
    if amnen is None:
        return [fall]
    return [fall.med_amne(a) for a in amnen(fall)]
