"""The processes of Bilaga 4 as dated steps (spec umea.md F-U-4): försörjningsstöd, etablering.

«Kartläggningen initieras av försörjningsstöd/slussen med en inventering av ärenden och
därefter en aktualisering till Arbetsförmedlingens funktionsbrevlåda.» AF answers within
two (working) days; the person is called to an information meeting the week after the
answer; the prövning starts a week later, two weeks from the inventering, and lasts three
months; the next step follows without a break.

The etablering process: the samverkansgrupp för etablering holds kartläggningsträff 1 (two
occasions) at the programme start P0, kartläggningsträff 2 «efter cirka ett år»,
kartläggningsträff 3 «inför etableringsprogrammets avslut» P1, and a jobbspår or a
preparatory package follows the programme (`etableringsprocessen`).

The periods are named here once: rules UMEA-16…25 and UMEA-26…35 count with them, and
`forsorjningsstodsprocessen` and `etableringsprocessen` lay them out as planned dates (the
docs draw their timelines).

>>> for steg in forsorjningsstodsprocessen(date(2025, 4, 17), inventering=date(2025, 4, 16)):
...     print(steg.senast, steg.regel, steg.namn)
2025-04-16 – Inventering av ärenden (försörjningsstöd/Slussen)
2025-04-17 UMEA-16 Aktualisering till Arbetsförmedlingens funktionsbrevlåda
2025-04-23 UMEA-17 Arbetsförmedlingens svar
2025-04-30 UMEA-20 Två veckor från inventering till prövning
2025-05-04 UMEA-18 Informationsmöte på försörjningsstöd
2025-05-11 UMEA-19 Prövningen startar på Arenor för prövning
2025-08-11 UMEA-22, UMEA-23, UMEA-24 Träffar, kartläggning och bedömning
2025-08-11 UMEA-21 Prövningen slutar
2025-08-12 UMEA-25 Nästa steg utan avbrott
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from finsam_core.regelbygge import (
    Tidsfrist,
    arbetsdagar,
    manader,
    nasta_arbetsdag,
    plus_manader,
    sondag_nasta_vecka,
    veckor,
)

SVARSFRIST: Tidsfrist = arbetsdagar(2)
"""«återkopplar inom två dagar»: read as working days (⚠ C10). ``dagar(2)`` is the other
reading, a one-line change."""
INFORMATIONSMOTE_TILL_START: Tidsfrist = veckor(1)
"""«arbetsprövningen startar en vecka senare»: at most 7 days after the information meeting."""
INVENTERING_TILL_START: Tidsfrist = veckor(2)
"""«Från inventering till start av prövning tar det två veckor.»"""
PROVNINGSTID: Tidsfrist = manader(3)
"""«en tre månaders placering»: read as a maximum (⚠ C12)."""


def sista_dag_for_informationsmote(svar: date) -> date:
    """«veckan efter svaret från Arbetsförmedlingen»: the Sunday of the next ISO week (⚠ C11).

    >>> sista_dag_for_informationsmote(date(2025, 4, 23))  # a Wednesday
    datetime.date(2025, 5, 4)
    """
    return sondag_nasta_vecka(svar)


def provningens_slut(start: date, slut: date | None) -> date:
    """E: the prövning's last day, its ``slut`` or else three months from its start.

    >>> provningens_slut(date(2025, 4, 30), None), provningens_slut(date(2025, 4, 30),
    ...     date(2025, 6, 30))
    (datetime.date(2025, 7, 30), datetime.date(2025, 6, 30))
    """
    return slut if slut is not None else PROVNINGSTID.sista_dag(start)


def nasta_steg_senast(slut: date) -> date:
    """«kan gå vidare utan avbrott»: the next working day after the prövning's last day.

    >>> nasta_steg_senast(date(2025, 7, 25))  # a Friday: the weekend is no break
    datetime.date(2025, 7, 28)
    """
    return nasta_arbetsdag(slut + timedelta(days=1))


class Processteg(NamedTuple):
    """One step of the process: what happens, the last day it is in time, the rules."""

    namn: str
    senast: date
    regel: str
    grund: str
    """How the day is counted, in Swedish."""


def forsorjningsstodsprocessen(
    aktualisering: date, *, inventering: date | None = None
) -> tuple[Processteg, ...]:
    """The planned dates of one FS process, each step on the last day that is in time.

    The prövning starts at most a week after the information meeting; the text's two weeks
    from the inventering is shown as its own step, as the steps can add up to more than
    that (which is why those rules are warnings, ⚠ C11). Steps are in date order.
    """
    svar = SVARSFRIST.sista_dag(aktualisering)
    mote = sista_dag_for_informationsmote(svar)
    start = INFORMATIONSMOTE_TILL_START.sista_dag(mote)
    slut = provningens_slut(start, None)
    steg = [
        Processteg(
            "Aktualisering till Arbetsförmedlingens funktionsbrevlåda",
            aktualisering,
            "UMEA-16",
            "försörjningsstöd, aktuell på Arbetsförmedlingen",
        ),
        Processteg(
            "Arbetsförmedlingens svar", svar, "UMEA-17", f"{SVARSFRIST} efter aktualiseringen"
        ),
        Processteg(
            "Informationsmöte på försörjningsstöd",
            mote,
            "UMEA-18",
            "veckan efter svaret (till och med söndagen)",
        ),
        Processteg(
            "Två veckor från inventering till prövning",
            INVENTERING_TILL_START.sista_dag(inventering or aktualisering),
            "UMEA-20",
            f"{INVENTERING_TILL_START} efter inventeringen (utan inventering: aktualiseringen)",
        ),
        Processteg(
            "Prövningen startar på Arenor för prövning",
            start,
            "UMEA-19",
            f"{INFORMATIONSMOTE_TILL_START} efter informationsmötet",
        ),
        Processteg(
            "Träffar, kartläggning och bedömning",
            slut,
            "UMEA-22, UMEA-23, UMEA-24",
            "en uppstartsträff, två uppföljningsträffar; bedömd inriktning",
        ),
        Processteg("Prövningen slutar", slut, "UMEA-21", f"{PROVNINGSTID} efter starten"),
        Processteg(
            "Nästa steg utan avbrott",
            nasta_steg_senast(slut),
            "UMEA-25",
            "nästa arbetsdag efter prövningen",
        ),
    ]
    if inventering is not None:
        steg.insert(
            0,
            Processteg("Inventering av ärenden (försörjningsstöd/Slussen)", inventering, "–", ""),
        )
    return tuple(sorted(steg, key=lambda s: s.senast))


# -- the etablering process ---------------------------------------------------------------

KT2_TIDIGAST = 10
"""«Kartläggningsträff 2 – uppföljning efter cirka ett år»: 12 ± 2 months from P0 (⚠ C13);
the window opens ten months after the programme start …"""
KT2_SENAST = 14
"""… and closes fourteen months after it (that day included)."""
KT3_FORE_SLUT = 3
"""«inför etableringsprogrammets avslut»: within the last three months before P1 (⚠ C13)."""
EFTER_PROGRAMMET: Tidsfrist = manader(1)
"""The text gives the jobbspår or preparatory package no time limit; one month after the
programme's end is the chosen parameter (⚠ C14)."""


def kt2_fonster(programstart: date) -> tuple[date, date]:
    """The window for kartläggningsträff 2: 10 to 14 months after P0, both days included.

    >>> kt2_fonster(date(2024, 3, 4))
    (datetime.date(2025, 1, 4), datetime.date(2025, 5, 4))
    """
    return plus_manader(programstart, KT2_TIDIGAST), plus_manader(programstart, KT2_SENAST)


def kt3_fonster(programslut: date) -> tuple[date, date]:
    """The window for kartläggningsträff 3: the last three months up to P1, both included.

    >>> kt3_fonster(date(2026, 3, 3))
    (datetime.date(2025, 12, 3), datetime.date(2026, 3, 3))
    """
    return plus_manader(programslut, -KT3_FORE_SLUT), programslut


def nasta_steg_efter_programmet(programslut: date) -> date:
    """The last day for a jobbspår or a preparatory package: one month after P1.

    >>> nasta_steg_efter_programmet(date(2026, 1, 31))
    datetime.date(2026, 2, 28)
    """
    return EFTER_PROGRAMMET.sista_dag(programslut)


def etableringsprocessen(programstart: date, programslut: date) -> tuple[Processteg, ...]:
    """The planned dates of one etablering, from P0 and P1, in date order.

    >>> for steg in etableringsprocessen(date(2024, 3, 4), date(2026, 3, 3)):
    ...     print(steg.senast, steg.regel, steg.namn)
    2024-03-04 UMEA-26, UMEA-28 Programmet startar: kartläggningsträff 1 (första tillfället)
    2025-01-04 UMEA-29 Fönstret för kartläggningsträff 2 öppnar
    2025-05-04 UMEA-29, UMEA-30 Kartläggningsträff 2 senast
    2025-12-03 UMEA-31 Fönstret för kartläggningsträff 3 öppnar
    2026-03-03 UMEA-31, UMEA-32 Kartläggningsträff 3 och ny planering senast; programmet slutar
    2026-04-03 UMEA-35 Jobbspår eller individuellt förberedande paket senast
    """
    kt2_fran, kt2_till = kt2_fonster(programstart)
    kt3_fran, _ = kt3_fonster(programslut)
    steg = [
        Processteg(
            "Programmet startar: kartläggningsträff 1 (första tillfället)",
            programstart,
            "UMEA-26, UMEA-28",
            "AF, integration och vuxenutbildning med individen; två tillfällen (UMEA-27), "
            "studieplan senast vid det andra",
        ),
        Processteg(
            "Fönstret för kartläggningsträff 2 öppnar",
            kt2_fran,
            "UMEA-29",
            f"{KT2_TIDIGAST} månader efter programstarten (cirka ett år)",
        ),
        Processteg(
            "Kartläggningsträff 2 senast",
            kt2_till,
            "UMEA-29, UMEA-30",
            f"{KT2_SENAST} månader efter programstarten; ny planering vid ohälsa eller nya behov",
        ),
        Processteg(
            "Fönstret för kartläggningsträff 3 öppnar",
            kt3_fran,
            "UMEA-31",
            f"{KT3_FORE_SLUT} månader före programmets slut",
        ),
        Processteg(
            "Kartläggningsträff 3 och ny planering senast; programmet slutar",
            programslut,
            "UMEA-31, UMEA-32",
            "etableringsersättningens slut; försörjningsstöd med (UMEA-33), bedömning (UMEA-34)",
        ),
        Processteg(
            "Jobbspår eller individuellt förberedande paket senast",
            nasta_steg_efter_programmet(programslut),
            "UMEA-35",
            f"{EFTER_PROGRAMMET} efter programmets slut",
        ),
    ]
    return tuple(sorted(steg, key=lambda s: s.senast))
