"""Rules: findings, the deadline calendar, rules and rule sets, evaluation."""

from finsam_core.regler import byggstenar, kalender
from finsam_core.regler.fynd import Allvarlighet, Bedomning, Fynd, Kalla
from finsam_core.regler.kalender import Tidsenhet, Tidsfrist
from finsam_core.regler.karnregler import KARNREGELVERK
from finsam_core.regler.motor import (
    Agendapost,
    Forklaring,
    Regelpost,
    Resultat,
    Utslag,
    agenda,
    forklara,
    validera,
    validera_alla,
)
from finsam_core.regler.regel import (
    Arendevy,
    Kontext,
    Kontroll,
    Regel,
    Regelfel,
    Regelverk,
    kontrollera_versioner,
)
from finsam_core.regler.tackning import Tackningsfel, tackning

__all__ = [
    "KARNREGELVERK",
    "Agendapost",
    "Allvarlighet",
    "Arendevy",
    "Bedomning",
    "Forklaring",
    "Fynd",
    "Kalla",
    "Kontext",
    "Kontroll",
    "Regel",
    "Regelfel",
    "Regelpost",
    "Regelverk",
    "Resultat",
    "Tackningsfel",
    "Tidsenhet",
    "Tidsfrist",
    "Utslag",
    "agenda",
    "byggstenar",
    "forklara",
    "kalender",
    "kontrollera_versioner",
    "tackning",
    "validera",
    "validera_alla",
]
