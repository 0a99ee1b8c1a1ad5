"""finsam-core rule set ``umea``: Umeåregionen, Bilaga 4 – Arbetsprocesserna kring individen."""

from finsam_umea.floden import FLODEN, Flode
from finsam_umea.handelser import HANDELSETYPER, Avhopp, Avvikelse, Inventering
from finsam_umea.inriktningar import (
    ARENDEBARARE,
    INRIKTNINGAR,
    NEUTRALA_INSATSER,
    Spar,
    arendebarare,
    passar,
)
from finsam_umea.process import Processteg, etableringsprocessen, forsorjningsstodsprocessen
from finsam_umea.regelverk import ENHETER, KODER, KOMMUNER, REGELVERK

__all__ = [
    "ARENDEBARARE",
    "ENHETER",
    "FLODEN",
    "HANDELSETYPER",
    "INRIKTNINGAR",
    "KODER",
    "KOMMUNER",
    "NEUTRALA_INSATSER",
    "REGELVERK",
    "Avhopp",
    "Avvikelse",
    "Flode",
    "Inventering",
    "Processteg",
    "Spar",
    "arendebarare",
    "etableringsprocessen",
    "forsorjningsstodsprocessen",
    "passar",
]
