"""Assessments (`Kartlaggning`) and the five directions of support (`Inriktning`)."""

from __future__ import annotations

import enum
from datetime import date

from attrs import frozen

from finsam_core.model.fel import Modellfel
from finsam_core.model.koder import Enhetskod, Kartlaggningstyp, Skal


class Inriktning(enum.IntEnum):
    """The direction of support judged in a joint kartläggning.

    Source: Umeåregionen, *Bilaga 4 – Arbetsprocesserna kring individen*
    (``003_0969d60999db51d9.txt``), "Vid kartläggningen bedöms någon av följande
    inriktningar av stöd."

    >>> Inriktning(3).benamning
    'Arbetslivsinriktade/rehabiliterande insatser'
    """

    ARBETSINRIKTADE = 1
    STUDIEINRIKTADE = 2
    ARBETSLIVSINRIKTADE_REHABILITERANDE = 3
    TIDIGA = 4
    EJ_ARBETSLINJEN = 5

    @property
    def benamning(self) -> str:
        """The Swedish name used in Bilaga 4."""
        return _BENAMNINGAR[self]


_BENAMNINGAR = {
    Inriktning.ARBETSINRIKTADE: "Arbetsinriktade insatser",
    Inriktning.STUDIEINRIKTADE: "Studieinriktade insatser",
    Inriktning.ARBETSLIVSINRIKTADE_REHABILITERANDE: "Arbetslivsinriktade/rehabiliterande insatser",
    Inriktning.TIDIGA: "Tidiga insatser",
    Inriktning.EJ_ARBETSLINJEN: "Ej arbetslinjen",
}


@frozen
class Begransning:
    """A limitation one unit raises in an assessment, by kind (``skal``)."""

    part: Enhetskod
    skal: Skal


@frozen
class Kartlaggning:
    """An assessment completed on ``datum``."""

    datum: date
    parter: tuple[Enhetskod, ...]
    start: date | None = None
    typ: Kartlaggningstyp | None = None
    samtal: int | None = None
    """Number of talks the assessment took."""
    inriktning: Inriktning | None = None
    begransningar: tuple[Begransning, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.start > self.datum:
            raise Modellfel(
                f"start ({self.start}) ligger efter datum då kartläggningen blev klar "
                f"({self.datum})",
                "start",
            )
        if self.samtal is not None and self.samtal < 0:
            raise Modellfel(
                f"förväntade ett antal samtal som är 0 eller större, fick {self.samtal}", "samtal"
            )
