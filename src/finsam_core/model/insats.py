"""Interventions (`Insats`)."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from finsam_core.model.fel import kontrollera_period
from finsam_core.model.kartlaggning import Inriktning
from finsam_core.model.koder import Enhetskod, Insatstyp


@frozen
class Insats:
    """An intervention of ``typ`` carried out by ``utforare`` from ``start``."""

    typ: Insatstyp
    utforare: Enhetskod
    start: date
    slut: date | None = None
    inriktning: Inriktning | None = None

    def __attrs_post_init__(self) -> None:
        kontrollera_period(self.start, self.slut)
