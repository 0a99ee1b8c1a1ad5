"""The case (`Arende`): one person's collaboration, as one ``finsam/1`` file holds it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from attrs import frozen

from finsam_core.model.fel import Modellfel
from finsam_core.model.handelser import Avslut, Handelse
from finsam_core.model.individ import Individ
from finsam_core.model.insats import Insats
from finsam_core.model.kartlaggning import Kartlaggning
from finsam_core.model.plan import Plan
from finsam_core.model.samtycke import Samtycke
from finsam_core.model.utskrift import citera

FORMAT = "finsam/1"
"""The value of ``format`` this version of the library reads and writes."""

H = TypeVar("H", bound=Handelse)


@frozen
class Arende:
    """A case: the person, consents, events, assessments, interventions and plans.

    Lists keep the order they were given in, so that positions match the file
    (``handelser[3]``); `tidslinje` gives the events in date order.
    """

    id: str
    """The case id in the source system (1–100 characters)."""
    individ: Individ
    format: str = FORMAT
    regelverk: tuple[str, ...] = ()
    """Rule sets to check the case against (the CLI's ``--regelverk`` overrides)."""
    samtycken: tuple[Samtycke, ...] = ()
    handelser: tuple[Handelse, ...] = ()
    kartlaggningar: tuple[Kartlaggning, ...] = ()
    insatser: tuple[Insats, ...] = ()
    planer: tuple[Plan, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.format != FORMAT:
            raise Modellfel(f"okänt format {citera(self.format)}: förväntade {FORMAT!r}", "format")
        if not 1 <= len(self.id) <= 100:
            raise Modellfel(f"förväntade ett ärende-id med 1–100 tecken, fick {len(self.id)}", "id")
        fodd = self.individ.fodd
        if fodd is not None and self.handelser:
            forsta = min(h.datum for h in self.handelser)
            if forsta < fodd:
                falt = "fodelsedatum" if self.individ.fodelsedatum else "personnummer"
                raise Modellfel(
                    f"födelsedatumet ({fodd}) ligger efter ärendets första händelse ({forsta})",
                    f"individ.{falt}",
                )

    def tidslinje(self) -> list[tuple[int, Handelse]]:
        """The events in date order, each with its position in ``handelser``.

        Events on the same day keep the order of the file.
        """
        return sorted(enumerate(self.handelser), key=lambda par: par[1].datum)

    def handelser_av_typ(self, typ: type[H]) -> Iterator[tuple[int, H]]:
        """The events of one type in date order, each with its position in ``handelser``."""
        for index, handelse in self.tidslinje():
            if isinstance(handelse, typ):
                yield index, handelse

    @property
    def avslut(self) -> Avslut | None:
        """The case's closure (the earliest, if several are given), or None if open."""
        return next((h for _, h in self.handelser_av_typ(Avslut)), None)
