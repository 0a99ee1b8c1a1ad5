"""Exempelförbundets follow-up: referrals per kommun and days to the team's first contact."""

from __future__ import annotations

from finsam_core.regelbygge import (
    KOMMUN,
    Andel,
    Antal,
    Fall,
    Kontakt,
    Ledtid,
    Rapport,
    RegistreraRapport,
    Remiss,
    alla,
    handelser,
    hookimpl,
    ledtid,
)

TEAM = "exempelteamet"
REMISS = handelser(Remiss, lambda h, vy: h.till == TEAM, beskrivning="remiss").forsta()
KONTAKT = handelser(Kontakt, lambda h, vy: h.part == TEAM, beskrivning="kontakt")
DAGAR_TILL_KONTAKT = ledtid(REMISS, KONTAKT)


def remiss_i_perioden(fall: Fall) -> bool:
    traff = fall.forsta(REMISS)
    return traff is not None and traff.datum in fall.period


def inom_tva_veckor(fall: Fall) -> bool:
    dagar = DAGAR_TILL_KONTAKT(fall)
    return dagar is not None and dagar <= 14


KONTAKTRAPPORT = Rapport(
    id="exempel-kontakt",
    titel="Remisser och dagar till kontakt per kommun",
    dimensioner=(KOMMUN,),
    matt=(
        Antal("remisser", "Remisser", alla),
        Ledtid("dagar_median", "Dagar till kontakt, median", DAGAR_TILL_KONTAKT),
        Andel(
            "andel_inom_14",
            "Kontakt inom två veckor",
            inom_tva_veckor,
            alla,
            namnare_matt="remisser",
        ),
    ),
    regelverk="exempel",
    urval=remiss_i_perioden,
    periodregel="Ärenden vars remiss till teamet kom in i perioden.",
)


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    register(KONTAKTRAPPORT)
