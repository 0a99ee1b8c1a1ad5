"""Testing rules: declarative YAML rule tests, run by ``finsam test`` and by pytest."""

from finsam_core.testning.citat import delad_mapp, saknade_citat
from finsam_core.testning.regeltest import (
    Regeltest,
    Testutfall,
    ar_regeltestfil,
    kor_regeltest,
    las_regeltester,
)

__all__ = [
    "Regeltest",
    "Testutfall",
    "ar_regeltestfil",
    "delad_mapp",
    "kor_regeltest",
    "las_regeltester",
    "saknade_citat",
]
