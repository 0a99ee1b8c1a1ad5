"""Testing rules (declarative YAML rule tests, run by ``finsam test`` and by pytest) and
proving a report's small-cell protection."""

from finsam_core.testning.citat import delad_mapp, saknade_beskrivningar, saknade_citat
from finsam_core.testning.regeltest import (
    Regeltest,
    Testutfall,
    ar_regeltestfil,
    kor_regeltest,
    las_regeltester,
)
from finsam_core.testning.skyddskontroll import avslojade_celler, avslojade_i_tabell

__all__ = [
    "Regeltest",
    "Testutfall",
    "ar_regeltestfil",
    "avslojade_celler",
    "avslojade_i_tabell",
    "delad_mapp",
    "kor_regeltest",
    "las_regeltester",
    "saknade_beskrivningar",
    "saknade_citat",
]
