"""Arenas and routing: where can this person get help?

Plugins register the forums, teams and programmes their documents describe (`Arenadata`,
read with `las_arenadata` from a data file that follows `ARENASCHEMA`); `Arenaregister`
answers a `Fraga` with `Forslag` in order, and the gaps (`Lucka`) when nothing fits.

Names are imported on first use (PEP 562): a plugin that imports `finsam_core.arenor.arena`
for its data classes does not pay for routing and the data loader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names as _MODUL, for type checkers
    from finsam_core.arenor.arena import (
        INDIVIDEN as INDIVIDEN,
        INTERN as INTERN,
        OKAND as OKAND,
        Arena as Arena,
        Arenadata as Arenadata,
        Arenafel as Arenafel,
        Frekvens as Frekvens,
        Lucka as Lucka,
        Niva as Niva,
    )
    from finsam_core.arenor.data import (
        ARENASCHEMA as ARENASCHEMA,
        las_arenadata as las_arenadata,
        tolka_arenadata as tolka_arenadata,
    )
    from finsam_core.arenor.matchning import (
        ARBETSSOKANDE as ARBETSSOKANDE,
        SVARSSCHEMA as SVARSSCHEMA,
        Arenaregister as Arenaregister,
        Arenasvar as Arenasvar,
        Forslag as Forslag,
        Fraga as Fraga,
        Traffsakerhet as Traffsakerhet,
        fraga_for_arende as fraga_for_arende,
        situationer_for as situationer_for,
    )
    from finsam_core.arenor.matris import Matris as Matris, matris as matris

_ARENA = "finsam_core.arenor.arena"
_DATA = "finsam_core.arenor.data"
_MATCHNING = "finsam_core.arenor.matchning"
_MATRIS = "finsam_core.arenor.matris"
_MODUL: dict[str, str] = {
    "ARBETSSOKANDE": _MATCHNING,
    "ARENASCHEMA": _DATA,
    "INDIVIDEN": _ARENA,
    "INTERN": _ARENA,
    "OKAND": _ARENA,
    "SVARSSCHEMA": _MATCHNING,
    "Arena": _ARENA,
    "Arenadata": _ARENA,
    "Arenafel": _ARENA,
    "Arenaregister": _MATCHNING,
    "Arenasvar": _MATCHNING,
    "Forslag": _MATCHNING,
    "Fraga": _MATCHNING,
    "Frekvens": _ARENA,
    "Lucka": _ARENA,
    "Matris": _MATRIS,
    "Niva": _ARENA,
    "Traffsakerhet": _MATCHNING,
    "fraga_for_arende": _MATCHNING,
    "las_arenadata": _DATA,
    "matris": _MATRIS,
    "situationer_for": _MATCHNING,
    "tolka_arenadata": _DATA,
}
"""Every public name and the module it lives in."""

__all__ = list(_MODUL)


def __getattr__(namn: str) -> Any:
    modul = _MODUL.get(namn)
    if modul is None:
        raise AttributeError(f"module 'finsam_core.arenor' has no attribute {namn!r}")
    importerad = importlib.import_module(modul)
    # Bind every name of that module at once: importing ``finsam_core.arenor.matris`` sets
    # this package's ``matris`` to the submodule, and the public ``matris`` is the function.
    for annat, hemma in _MODUL.items():
        if hemma == modul:
            globals()[annat] = getattr(importerad, annat)
    return globals()[namn]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
