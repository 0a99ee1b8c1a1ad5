"""Exempelförbundets riktlinje (riktlinje.pdf, 2025) as one checkable rule."""

from __future__ import annotations

from finsam_core import (
    Allvarlighet,
    Enhet,
    Kalla,
    Kontakt,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Remiss,
    hookimpl,
)
from finsam_core.regler.byggstenar import frist_efter, handelser
from finsam_core.regler.kalender import veckor

TEAM = "exempelteamet"

# The referral to the team, and the team's first contact with the person.
REMISS = handelser(Remiss, lambda h, vy: h.till == TEAM, beskrivning="remiss till teamet")
KONTAKT = handelser(Kontakt, lambda h, vy: h.part == TEAM, beskrivning="kontakt")

REGELVERK = Regelverk(
    id="exempel",
    namn="Exempelteamet",
    agare="Exempelförbundet",
    version="2025-01-01",
    enheter=(Enhet(TEAM, "Exempelteamet", "samordningsforbund"),),
    regler=(
        Regel(
            id="EXEMPEL-01",
            titel="Första kontakt inom två veckor efter remissen",
            allvarlighet=Allvarlighet.FEL,
            kalla=Kalla(
                "riktlinje.pdf",
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
        ),
    ),
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)
