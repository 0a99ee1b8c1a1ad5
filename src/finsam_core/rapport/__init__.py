"""Reports across cases: declared from parts, computed in one pass, protected, shown.

Names are imported on first use (PEP 562), so that importing one part (a plugin's
declarations) does not import the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names as _MODUL, for type checkers
    from finsam_core.rapport.delar import (
        Andel as Andel,
        Antal as Antal,
        Deltagande as Deltagande,
        Dimension as Dimension,
        Fall as Fall,
        Ledtid as Ledtid,
        Matt as Matt,
        Rapportfel as Rapportfel,
        Summa as Summa,
        Villkor as Villkor,
        alla as alla,
        ledtid as ledtid,
        och as och,
    )
    from finsam_core.rapport.period import Period as Period, Periodfel as Periodfel
    from finsam_core.rapport.rapport import (
        Rapport as Rapport,
        Rapportresultat as Rapportresultat,
        Sammanstallning as Sammanstallning,
    )

_DELAR = "finsam_core.rapport.delar"
_PERIOD = "finsam_core.rapport.period"
_RAPPORT = "finsam_core.rapport.rapport"
_MODUL: dict[str, str] = {
    "Andel": _DELAR,
    "Antal": _DELAR,
    "Deltagande": _DELAR,
    "Dimension": _DELAR,
    "Fall": _DELAR,
    "Ledtid": _DELAR,
    "Matt": _DELAR,
    "Period": _PERIOD,
    "Periodfel": _PERIOD,
    "Rapport": _RAPPORT,
    "Rapportfel": _DELAR,
    "Rapportresultat": _RAPPORT,
    "Sammanstallning": _RAPPORT,
    "Summa": _DELAR,
    "Villkor": _DELAR,
    "alla": _DELAR,
    "ledtid": _DELAR,
    "och": _DELAR,
}
"""Every public name and the module it lives in."""

__all__ = list(_MODUL)


def __getattr__(namn: str) -> Any:
    modul = _MODUL.get(namn)
    if modul is None:
        raise AttributeError(f"module 'finsam_core.rapport' has no attribute {namn!r}")
    varde = getattr(importlib.import_module(modul), namn)
    globals()[namn] = varde
    return varde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
