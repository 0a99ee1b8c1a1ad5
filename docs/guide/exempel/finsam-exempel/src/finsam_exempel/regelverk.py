"""Exempelförbundets riktlinje (riktlinje.pdf, 2025) as one checkable rule."""

from __future__ import annotations

from finsam_core.regelbygge import (
    FEL,
    Dokument,
    Enhet,
    Kontakt,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Remiss,
    frist_efter,
    handelser,
    hookimpl,
    veckor,
)

RIKTLINJE = Dokument("riktlinje.pdf", "Exempelförbundets riktlinje 2025")
TEAM = "exempelteamet"

# The referral to the team, and the team's first contact with the person.
REMISS = handelser(Remiss, lambda h, vy: h.till == TEAM, beskrivning="remiss till teamet")
KONTAKT = handelser(Kontakt, lambda h, vy: h.part == TEAM, beskrivning="kontakt")


# -- EXEMPEL-01, 3.2 Kontakt --------------------------------------------------------------

EXEMPEL_01 = Regel(
    id="EXEMPEL-01",
    titel="Första kontakt inom två veckor efter remissen",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "3.2 Kontakt",
        "Teamet ska kontakta individen inom två veckor från att remissen kom in.",
    ),
    kontroll=frist_efter(
        REMISS.forsta(),
        KONTAKT,
        veckor(2),
        vad="första kontakt med individen",
        utan_start="ärendet saknar remiss till teamet",
    ),
)


# -- the rule set -------------------------------------------------------------------------

REGELVERK = Regelverk(
    id="exempel",
    namn="Exempelteamet",
    agare="Exempelförbundet",
    version="2025-01-01",
    enheter=(Enhet(TEAM, "Exempelteamet", "samordningsforbund"),),
    regler=(EXEMPEL_01,),
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)
