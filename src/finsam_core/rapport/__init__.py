"""Reports across cases: declared from parts, computed in one pass, protected, shown."""

from finsam_core.rapport.delar import (
    Andel,
    Antal,
    Deltagande,
    Dimension,
    Fall,
    Ledtid,
    Matt,
    Rapportfel,
    Summa,
    Villkor,
    alla,
    ledtid,
    och,
)
from finsam_core.rapport.period import Period, Periodfel
from finsam_core.rapport.rapport import Rapport, Rapportresultat, Sammanstallning

__all__ = [
    "Andel",
    "Antal",
    "Deltagande",
    "Dimension",
    "Fall",
    "Ledtid",
    "Matt",
    "Period",
    "Periodfel",
    "Rapport",
    "Rapportfel",
    "Rapportresultat",
    "Sammanstallning",
    "Summa",
    "Villkor",
    "alla",
    "ledtid",
    "och",
]
