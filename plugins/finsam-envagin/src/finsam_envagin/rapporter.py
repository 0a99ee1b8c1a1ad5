"""En väg in's lead times, as a report across cases.

«En väg in rapporterar ledtid, aktör och insats i lämpliga system.» and «Samverkansmål för
en väg in är en snabbare och enklare handläggning av ärenden där individen blir kontaktad
inom två veckor.» (``001_b8f73c40854f3728.txt``, s. 3(5) and 4(5))

A case counts in the period its start S falls in: the first ``remiss`` to ``en_vag_in``
(from a unit or ``individen``). Lead times run from S to the first contact with the person
on or after S (a ``kontakt`` by ``en_vag_in``, or a ``mote`` with ``en_vag_in`` where the
person took part) and to the first insats starting on or after S. Cases without that event
yet are left out of the lead time, and count as not contacted in the share.
"""

from __future__ import annotations

from finsam_core.regelbygge import (
    Andel,
    Antal,
    Fall,
    Kontakt,
    Ledtid,
    Mote,
    Rapport,
    RegistreraRapport,
    Remiss,
    alla,
    eller,
    handelser,
    hookimpl,
    insatser,
    ledtid,
    remittent,
)

TEAM = "en_vag_in"
KONTAKT_INOM_DAGAR = 14
"""«kontaktad inom två veckor»: day 14 is in time."""

REMISS = handelser(
    Remiss, lambda r, vy: r.till == TEAM, beskrivning="remiss till En väg in"
).forsta()
KONTAKT = eller(
    handelser(Kontakt, lambda k, vy: k.part == TEAM),
    handelser(Mote, lambda m, vy: TEAM in m.parter and m.individen_deltog),
    beskrivning="kontakt med individen",
)
INSATS = insatser(beskrivning="insats")

LEDTID_KONTAKT = ledtid(REMISS, KONTAKT)
LEDTID_INSATS = ledtid(REMISS, INSATS)


def _remiss_i_perioden(fall: Fall) -> bool:
    traff = fall.forsta(REMISS)
    return traff is not None and traff.datum in fall.period


def _kontakt_inom_tva_veckor(fall: Fall) -> bool:
    dagar = LEDTID_KONTAKT(fall)
    return dagar is not None and dagar <= KONTAKT_INOM_DAGAR


ENVAGIN_LEDTIDER = Rapport(
    id="envagin-ledtider",
    titel="En väg in: ledtider per remittent",
    dimensioner=(remittent(REMISS),),
    matt=(
        Antal("antal", "Remisser", alla),
        Ledtid(
            "ledtid_kontakt_median",
            "Dagar till kontakt, median",
            LEDTID_KONTAKT,
            fordelning="Dagar från remiss till första kontakt",
        ),
        Ledtid("ledtid_kontakt_p75", "Dagar till kontakt, 75:e percentil", LEDTID_KONTAKT, "p75"),
        Andel(
            "andel_kontakt_inom_14_dagar",
            "Andel kontaktade inom två veckor",
            _kontakt_inom_tva_veckor,
            alla,
            namnare_matt="antal",
        ),
        Ledtid(
            "ledtid_insats_median",
            "Dagar till första insats, median",
            LEDTID_INSATS,
            fordelning="Dagar från remiss till första insats",
        ),
    ),
    regelverk="envagin",
    urval=_remiss_i_perioden,
    periodregel="Ärenden vars första remiss till En väg in (eller självremiss) kom in i "
    "perioden. Ledtiderna räknas till första kontakt respektive första insats på eller efter "
    "remissen; ärenden där det inte har skett ännu ingår inte i ledtiden men räknas som "
    "inte kontaktade i andelen.",
    beskrivning="Ledtid, aktör och insats: dagar från remiss till första kontakt och till "
    "första insats per remitterande huvudman, och andelen kontaktade inom två veckor.",
)


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    register(ENVAGIN_LEDTIDER)
