"""The försörjningsstöd process of Bilaga 4 as dated steps (spec umea.md F-U-4).

«Kartläggningen initieras av försörjningsstöd/slussen med en inventering av ärenden och
därefter en aktualisering till Arbetsförmedlingens funktionsbrevlåda.» AF answers within
two (working) days; the person is called to an information meeting the week after the
answer; the prövning starts a week later, two weeks from the inventering, and lasts three
months; the next step follows without a break.

The periods are named here once: rules UMEA-16…25 count with them, and
`forsorjningsstodsprocessen` lays them out as planned dates (the docs draw its timeline).

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
