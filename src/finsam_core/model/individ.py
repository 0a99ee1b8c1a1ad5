"""The person a case is about (`Individ`), the public support they live on (`Forsorjning`) and
circumstances that hold for a period (`Omstandighetsperiod`)."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from finsam_core.model.fel import Modellfel, kontrollera_period
from finsam_core.model.koder import Enhetskod, Forsorjningstyp, Kon, Omstandighet
from finsam_core.model.kommuner import Kommun
from finsam_core.model.personnummer import Personnummer

SKYDDAD = "skyddade_personuppgifter"


@frozen
class Forsorjning:
    """A period of public support (försörjningsmått), e.g. aktivitetsersättning."""

    typ: Forsorjningstyp
    start: date
    slut: date | None = None

    def __attrs_post_init__(self) -> None:
        kontrollera_period(self.start, self.slut)

    def galler(self, datum: date) -> bool:
        """True if the support is paid on *datum* (both ends included)."""
        return self.start <= datum and (self.slut is None or datum <= self.slut)


@frozen
class Omstandighetsperiod:
    """A circumstance (an ``omstandigheter`` code) that holds from ``fran`` to ``till``.

    For what is known to start or end on a date: ill health identified at a meeting, a
    drop-out, a long absence. ``till`` is left out while it still holds; both days count.

    >>> p = Omstandighetsperiod("psykisk_ohalsa", date(2025, 3, 1), date(2025, 6, 30))
    >>> p.galler(date(2025, 2, 28)), p.galler(date(2025, 3, 1)), p.galler(date(2025, 7, 1))
    (False, True, False)
    """

    kod: Omstandighet
    fran: date
    till: date | None = None

    def __attrs_post_init__(self) -> None:
        kontrollera_period(self.fran, self.till, "till", startfalt="fran")

    def galler(self, dag: date) -> bool:
        """True if the circumstance holds on *dag* (both ends included)."""
        return self.fran <= dag and (self.till is None or dag <= self.till)


def _alder(fodd: date, datum: date) -> int:
    return datum.year - fodd.year - ((datum.month, datum.day) < (fodd.month, fodd.day))


@frozen
class Individ:
    """The person: identity, home municipality, support, contacts and circumstances.

    Either ``personnummer`` or ``fodelsedatum`` gives the date of birth; when both are given
    they must agree.
    """

    kommun: Kommun
    """Folkbokföringskommun."""
    personnummer: Personnummer | None = None
    fodelsedatum: date | None = None
    kon: Kon | None = None
    forsorjning: tuple[Forsorjning, ...] = ()
    kontakter: tuple[Enhetskod, ...] = ()
    """Units the person has contact with when referred."""
    omstandigheter: tuple[Omstandighet, ...] = ()
    """Circumstances when referred, without dates: they count on every day of the case."""
    kommundel: str | None = None
    """The district of the municipality the person lives in (free text, e.g. "Råslätt")."""
    omstandighetsperioder: tuple[Omstandighetsperiod, ...] = ()
    """Circumstances with the dates they hold (see `omstandigheter_vid`)."""

    def __attrs_post_init__(self) -> None:
        if (
            self.personnummer is not None
            and self.fodelsedatum is not None
            and self.personnummer.fodelsedatum != self.fodelsedatum
        ):
            raise Modellfel(
                f"fodelsedatum ({self.fodelsedatum}) stämmer inte med personnumrets "
                f"födelsedatum ({self.personnummer.fodelsedatum})",
                "fodelsedatum",
            )

    @property
    def fodd(self) -> date | None:
        """Date of birth from ``fodelsedatum`` or the personnummer, or None if unknown."""
        if self.fodelsedatum is not None:
            return self.fodelsedatum
        return self.personnummer.fodelsedatum if self.personnummer is not None else None

    def alder(self, datum: date) -> int | None:
        """Age in whole years on *datum*, or None if the date of birth is unknown.

        >>> from finsam_core.model.kommuner import hitta_kommun
        >>> i = Individ(hitta_kommun("Nora"), fodelsedatum=date(1996, 3, 1))
        >>> i.alder(date(2026, 2, 28)), i.alder(date(2026, 3, 1))
        (29, 30)
        """
        fodd = self.fodd
        return None if fodd is None else _alder(fodd, datum)

    @property
    def skyddad(self) -> bool:
        """True for a protected identity: never show who this is.

        A dated ``skyddade_personuppgifter`` counts whatever its dates: a message about any
        day of the case must not show who this is.
        """
        return SKYDDAD in self.omstandigheter or any(
            p.kod == SKYDDAD for p in self.omstandighetsperioder
        )

    @property
    def visningsid(self) -> str:
        """How to name the person in messages: masked number, or nothing if protected."""
        if self.skyddad:
            return "skyddad identitet"
        if self.personnummer is not None:
            return self.personnummer.maskerat
        return "okänd identitet"

    def forsorjning_vid(self, datum: date) -> tuple[Forsorjning, ...]:
        """The support periods that apply on *datum*."""
        return tuple(f for f in self.forsorjning if f.galler(datum))

    def omstandigheter_vid(self, dag: date) -> set[str]:
        """The circumstance codes that hold on *dag*.

        Plain ``omstandigheter`` always count; an ``omstandighetsperioder`` entry counts on
        the days from its ``fran`` to its ``till``, both included.

        >>> from finsam_core.model.kommuner import hitta_kommun
        >>> i = Individ(
        ...     hitta_kommun("Umeå"),
        ...     omstandigheter=("behov_av_tolk",),
        ...     omstandighetsperioder=(
        ...         Omstandighetsperiod("psykisk_ohalsa", date(2025, 3, 10)),
        ...     ),
        ... )
        >>> sorted(i.omstandigheter_vid(date(2025, 3, 9)))
        ['behov_av_tolk']
        >>> sorted(i.omstandigheter_vid(date(2025, 3, 10)))
        ['behov_av_tolk', 'psykisk_ohalsa']
        """
        koder: set[str] = set(self.omstandigheter)
        koder.update(p.kod for p in self.omstandighetsperioder if p.galler(dag))
        return koder
