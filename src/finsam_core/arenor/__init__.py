"""Arenas and routing: where can this person get help?

Plugins register the forums, teams and programmes their documents describe (`Arenadata`,
read with `las_arenadata` from a data file that follows `ARENASCHEMA`); `Arenaregister`
answers a `Fraga` with `Forslag` in order, and the gaps (`Lucka`) when nothing fits.
"""

from finsam_core.arenor.arena import (
    INDIVIDEN,
    INTERN,
    OKAND,
    Arena,
    Arenadata,
    Arenafel,
    Frekvens,
    Lucka,
    Niva,
)
from finsam_core.arenor.data import ARENASCHEMA, las_arenadata, tolka_arenadata
from finsam_core.arenor.matchning import (
    ARBETSSOKANDE,
    SVARSSCHEMA,
    Arenaregister,
    Arenasvar,
    Forslag,
    Fraga,
    Traffsakerhet,
    fraga_for_arende,
    situationer_for,
)
from finsam_core.arenor.matris import Matris, matris

__all__ = [
    "ARBETSSOKANDE",
    "ARENASCHEMA",
    "INDIVIDEN",
    "INTERN",
    "OKAND",
    "SVARSSCHEMA",
    "Arena",
    "Arenadata",
    "Arenafel",
    "Arenaregister",
    "Arenasvar",
    "Forslag",
    "Fraga",
    "Frekvens",
    "Lucka",
    "Matris",
    "Niva",
    "Traffsakerhet",
    "fraga_for_arende",
    "las_arenadata",
    "matris",
    "situationer_for",
    "tolka_arenadata",
]
