"""Events in a case (`handelser`): a tagged union on the field ``typ``.

Each event class has a class attribute ``typ`` with its code; the format layer looks the
class up by that code in the `Kodverk`, so a plugin adds an event type by writing an attrs
class that subclasses `Handelse` and registering it (``Kodverk.utokad(handelsetyper=...)``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import ClassVar

from attrs import frozen

from finsam_core.model.fel import (
    FORSTA_DAG,
    SISTA_DAG,
    UTANFOR_KALENDERN,
    Modellfel,
    kontrollera_period,
)
from finsam_core.model.koder import (
    Avsandare,
    Besked,
    Enhetskod,
    Intygstyp,
    Motestyp,
    Utfall,
)
from finsam_core.model.lagrum import Lagrum


class Handelse:
    """Base of all events. Subclasses are frozen attrs classes with a ``typ`` code.

    Every event has a ``datum``, the day it happened; an event that spans days (leave)
    uses its first day.
    """

    __slots__ = ()
    typ: ClassVar[str]
    datum: date


@frozen
class Remiss(Handelse):
    """Referral (anvisning) from a unit, or from the person (``individen``), to a team or unit."""

    typ: ClassVar[str] = "remiss"
    datum: date
    fran: Avsandare
    till: Enhetskod
    avser: str | None = None
    """What the referral is for ("slussad till … för …"): free text or a code."""


@frozen
class Beslut(Handelse):
    """A formal decision, e.g. försörjningsstöd under SoL."""

    typ: ClassVar[str] = "beslut"
    datum: date
    part: Enhetskod
    lagrum: Lagrum
    avser: str | None = None


@frozen
class Mote(Handelse):
    """A meeting of ``motestyp`` between ``parter``."""

    typ: ClassVar[str] = "mote"
    datum: date
    motestyp: Motestyp
    parter: tuple[Enhetskod, ...]
    individen_deltog: bool = True


@frozen
class Kontakt(Handelse):
    """First contact between a unit and the person."""

    typ: ClassVar[str] = "kontakt"
    datum: date
    part: Enhetskod


@frozen
class Aterkoppling(Handelse):
    """Answer or feedback between units (e.g. svar till remittent)."""

    typ: ClassVar[str] = "aterkoppling"
    datum: date
    fran: Enhetskod
    till: Enhetskod
    besked: Besked | None = None
    """What the answer decides, as an open snake_case code (``provning``,
    ``aktiv_planering_af``); rule sets say which codes they read."""
    avser: str | None = None
    """What the answer is about: free text or a code."""


@frozen
class Inskrivning(Handelse):
    """Enrolment in a team, an insats, or at AF."""

    typ: ClassVar[str] = "inskrivning"
    datum: date
    enhet: Enhetskod


_MANAD = re.compile(r"([0-9]{4})-([0-9]{2})")


@frozen(order=True)
class Manad:
    """A calendar month, written ``YYYY-MM``.

    >>> m = Manad.tolka("2025-02")
    >>> str(m), m.forsta, m.sista
    ('2025-02', datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    """

    ar: int
    manad: int

    @classmethod
    def tolka(cls, text: str) -> Manad:
        m = _MANAD.fullmatch(text)
        if m is None or not 1 <= int(m.group(2)) <= 12:
            raise Modellfel("förväntade en månad ÅÅÅÅ-MM, t.ex. 2025-03")
        if not FORSTA_DAG.year <= int(m.group(1)) <= SISTA_DAG.year:
            raise Modellfel(f"månaden {UTANFOR_KALENDERN}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def for_datum(cls, datum: date) -> Manad:
        return cls(datum.year, datum.month)

    @property
    def forsta(self) -> date:
        return date(self.ar, self.manad, 1)

    @property
    def sista(self) -> date:
        nasta = date(self.ar + self.manad // 12, self.manad % 12 + 1, 1)
        return nasta - timedelta(days=1)

    def __str__(self) -> str:
        # printf-style formatting takes half the time of an f-string's format specs, and
        # rules name a month in every message about it (EDA-09).
        return "%04d-%02d" % (self.ar, self.manad)  # noqa: UP031


@frozen
class Intyg(Handelse):
    """A monthly attestation (insatsintyg, närvarorapport) for ``period``."""

    typ: ClassVar[str] = "intyg"
    datum: date
    intygstyp: Intygstyp
    fran: Enhetskod
    till: Enhetskod
    period: Manad


@frozen
class Forlangning(Handelse):
    """A decision to extend an enrolment; ``slut`` is the new last day."""

    typ: ClassVar[str] = "forlangning"
    datum: date
    beslutad_av: str
    """Free text (``styrgrupp``, ``styrelse``); rules compare it case-insensitively."""
    slut: date


@frozen
class Ledighet(Handelse):
    """Leave from an insats, ``start`` to ``slut``, both days included."""

    typ: ClassVar[str] = "ledighet"
    start: date
    slut: date

    def __attrs_post_init__(self) -> None:
        kontrollera_period(self.start, self.slut)

    @property
    def datum(self) -> date:  # type: ignore[override]
        """The first day of leave (used to order events)."""
        return self.start

    @property
    def dagar(self) -> int:
        """Number of days of leave, both ends included."""
        return (self.slut - self.start).days + 1


@frozen
class Avslut(Handelse):
    """Closure of the case with its outcome."""

    typ: ClassVar[str] = "avslut"
    datum: date
    utfall: Utfall
    overlamning: bool | None = None


KARNHANDELSER: tuple[type[Handelse], ...] = (
    Remiss, Beslut, Mote, Kontakt, Aterkoppling, Inskrivning, Intyg, Forlangning, Ledighet,
    Avslut,
)  # fmt: skip
"""The event types of the spec, in the spec's order."""
