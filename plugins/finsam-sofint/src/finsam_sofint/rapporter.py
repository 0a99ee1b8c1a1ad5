"""SOFINT's key figures (section 7.1 of the Plan för insats), as a report.

«Nyckeltal för insatsen följs upp, till exempel deltagarvolym och procent av avslut till
arbete eller utbildning.» «Kvartalsrapporter till styrgruppen och till SOFINT.» «Rapport till
SOFINT skrivs två gånger per år …» (``004_8ef7852e647e2221.txt``, 7.1): run it with
``--period 2025-Q3`` for the styrgrupp and ``--period 2025-H1`` for the board.

``forlangda`` watches «undantagsvis»: participants with a förlängning decided by the end of
the period.
"""

from __future__ import annotations

from finsam_core.regelbygge import (
    KOMMUN,
    Andel,
    Antal,
    Deltagande,
    Fall,
    Forlangning,
    Inskrivning,
    Rapport,
    RegistreraRapport,
    alla,
    handelser,
    hookimpl,
)

TEAM = "samverkansteamet"
I_TEAMET = Deltagande(
    handelser(
        Inskrivning, lambda h, vy: h.enhet == TEAM, beskrivning="inskrivning i samverkansteamet"
    ).forsta()
)
"""Enrolled in the team from its first inskrivning there to the case's avslut."""
FORLANGNINGAR = handelser(Forlangning, beskrivning="förlängning")


def _forlangd(fall: Fall) -> bool:
    return any(t.datum <= fall.period.till for t in fall.alla(FORLANGNINGAR))


SOFINT_NYCKELTAL = Rapport(
    id="sofint-nyckeltal",
    titel="SOFINT nyckeltal per kommun",
    dimensioner=(KOMMUN,),
    matt=(
        Antal("deltagare", "Deltagare", alla),
        Antal("nya", "Nya", I_TEAMET.ny),
        Antal("avslutade", "Avslutade", I_TEAMET.avslutad),
        Andel(
            "andel_arbete_studier",
            "Andel avslut till arbete eller studier",
            I_TEAMET.avslutad_med("arbete", "studier"),
            I_TEAMET.avslutad,
            namnare_matt="avslutade",
        ),
        Antal("forlangda", "Med förlängning", _forlangd),
    ),
    regelverk="sofint",
    urval=I_TEAMET.aktiv,
    periodregel="Deltagare: inskrivna i samverkansteamet minst en dag i perioden (från "
    "första inskrivningen i teamet till och med avslutet). Nya: första inskrivningen i "
    "perioden. Avslutade: avslut i perioden. Med förlängning: deltagare med ett beslut om "
    "förlängning senast periodens sista dag.",
    beskrivning="Avsnitt 7.1: deltagarvolym per kommun och andel avslut till arbete eller "
    "studier; kvartalsvis till styrgruppen, halvårsvis till SOFINT:s styrelse.",
)


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    register(SOFINT_NYCKELTAL)
