"""Eda's monthly report from AME to IFO (section 1.2 of the riktlinje), as a report.

«Månadsvis för föregående månad rapporterar AME till IFO för respektive anvisningstyp; Hur
många nya inskrivna, hur många totalt inskrivna samt hur många avslutade och till vad.»
(``000_fa0245dd99a1cc44.txt``, 1.2 Uppföljning)

Anvisningstyp: ``4:1`` for a decision under SoL 4:1 or its successor 12:1, ``4:4`` for 4:4
or 12:4. A person with decisions of both kinds counts once, under the latest such decision
dated on or before the period's last day (the one in force at the end of the month); if
all are later, under the first. A case at AME with no such decision is the row ``saknas``.
"""

from __future__ import annotations

from finsam_core.regelbygge import (
    Antal,
    Beslut,
    Deltagande,
    Dimension,
    Fall,
    Inskrivning,
    Lagrum,
    Rapport,
    RegistreraRapport,
    alla,
    handelser,
    hookimpl,
)

AME = "ame"
SOL_4_1 = Lagrum.tolka("SoL 4:1")
SOL_4_4 = Lagrum.tolka("SoL 4:4")
UTFALL = (
    "arbete", "studier", "ater_till_remittent", "arbetssokande", "annan_aktor",
    "ej_medverkan", "flyttat",
)  # fmt: skip
"""Core's outcomes with a column of their own; any other (``annat``, a plugin's) is ``annat``."""
UTFALL_RUBRIK = {
    "arbete": "arbete", "studier": "studier", "ater_till_remittent": "åter till remittent",
    "arbetssokande": "arbetssökande", "annan_aktor": "annan aktör",
    "ej_medverkan": "medverkar inte", "flyttat": "flyttat",
}  # fmt: skip

VID_AME = Deltagande(
    handelser(Inskrivning, lambda h, vy: h.enhet == AME, beskrivning="inskrivning vid AME").forsta()
)
"""Enrolled at AME from the first inskrivning there to the case's avslut."""

ANVISNINGSBESLUT = handelser(
    Beslut,
    lambda b, vy: b.lagrum.motsvarar(SOL_4_1) or b.lagrum.motsvarar(SOL_4_4),
    beskrivning="beslut enligt 4:1 eller 4:4",
)


def anvisningstyp(fall: Fall) -> str:
    """``4:1``, ``4:4`` (see the module doc for a person with both) or ``saknas``."""
    beslut = fall.alla(ANVISNINGSBESLUT)
    if not beslut:
        return "saknas"
    fore = [t for t in beslut if t.datum <= fall.period.till]
    galler = fore[-1] if fore else beslut[0]
    return "4:1" if galler.objekt.lagrum.motsvarar(SOL_4_1) else "4:4"


def _avslutad_annat(fall: Fall) -> bool:
    return VID_AME.avslutad(fall) and not VID_AME.avslutad_med(*UTFALL)(fall)


EDA_MANAD = Rapport(
    id="eda-manad",
    titel="Månadsrapport AME till IFO per anvisningstyp",
    dimensioner=(
        Dimension(
            "anvisning",
            "Anvisningstyp",
            anvisningstyp,
            varden=("4:1", "4:4"),
            etiketter={"4:1": "4:1 (12:1)", "4:4": "4:4 (12:4)", "saknas": "Beslut saknas"},
        ),
    ),
    matt=(
        Antal("nya", "Nya inskrivna", VID_AME.ny),
        Antal("inskrivna", "Totalt inskrivna", alla),
        Antal("avslutade", "Avslutade", VID_AME.avslutad),
        *(
            Antal(
                f"avslutade_{u}",
                f"Avslutade: {UTFALL_RUBRIK[u]}",
                VID_AME.avslutad_med(u),
                del_av="avslutade",
            )
            for u in UTFALL
        ),
        Antal("avslutade_annat", "Avslutade: annat", _avslutad_annat, del_av="avslutade"),
    ),
    regelverk="eda",
    urval=VID_AME.aktiv,
    periodregel="Inskrivna: inskrivna vid AME minst en dag i perioden (från första "
    "inskrivningen vid AME till och med avslutet). Nya: första inskrivningen vid AME i "
    "perioden. Avslutade: avslut i perioden, per utfall.",
    beskrivning="Avsnitt 1.2 i riktlinjen: för respektive anvisningstyp hur många nya "
    "inskrivna, hur många totalt inskrivna och hur många avslutade och till vad. Normalt "
    "för föregående månad (--period ÅÅÅÅ-MM).",
)


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    register(EDA_MANAD)
