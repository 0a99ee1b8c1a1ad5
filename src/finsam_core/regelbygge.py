"""Everything a rule set needs, in one module: the door for plugin authors.

A plugin's ``regelverk.py`` imports from here and nowhere else in finsam-core::

    from finsam_core.regelbygge import FEL, Dokument, Regel, Regelverk, frist_efter, …

It holds the rule objects (`Regel`, `Regelverk`, `Kalla`, `Dokument`, severities), the
context a check works in (`Kontext`), the model classes a check reads (events, `Individ`,
`Insats`, `Plan`, …; `Enhetskod` for the unit fields of a plugin's own event types;
`KARNENHETER` for core's units and their huvudmän), `Arendevy` (what a selector of
your own searches), selectors and building blocks (`handelser`, `moten`, `frist_efter`,
`fore`, …), loop helpers (`varje`, `forsta`), the calendar (`veckor(2)`,
`arbetsdagar(2)`, `plus_manader`, …), the hook marker (`hookimpl`), for routing the arena
data loader (`las_arenadata`) with the classes it builds (`Arena`, `Arenadata`), and the
parts of a report across cases (`Rapport`, `Dimension`, `Antal`, `Andel`, `Ledtid`,
`Deltagande`, …; registered with ``@hookimpl def finsam_rapporter(register)``).

A rule reads like the sentence it implements. Put each rule's check directly above its
`Regel`, declared with keyword arguments under a comment naming id and section, and end
the file with the tuple of rules:

>>> from finsam_core.regelbygge import *
>>> PLAN = Dokument("riktlinje.pdf", "Exempelförbundets riktlinje")
>>> TEAM = "exempelteamet"
>>> BESLUT = handelser(Beslut, lambda b, vy: b.part == "socialtjanst", beskrivning="beslut")
>>> # -- EXEMPEL-02, 4 Beslut ------------------------------------------------------
>>> def beslut_med_lagrum(ctx: Kontext) -> None:
...     for beslut in varje(ctx, BESLUT, saknas="inget beslut"):
...         if beslut.objekt.avser is None:
...             ctx.fynd(f"{beslut.beskrivning} saknar avser", sokvag=beslut.falt("avser"))
>>> EXEMPEL_02 = Regel(
...     id="EXEMPEL-02",
...     titel="Beslutet anger vad det avser",
...     allvarlighet=VARNING,
...     kalla=PLAN.kalla("4 Beslut", "Beslutet ska ange vad det avser."),
...     kontroll=beslut_med_lagrum,
... )
>>> EXEMPEL_02.kalla.titel
'Exempelförbundets riktlinje'

The arena and report names are imported on first use (PEP 562), so that a plugin whose
module does not use them, and every command that only checks cases, start without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from finsam_core.model.arende import Arende
from finsam_core.model.handelser import (
    Aterkoppling,
    Avslut,
    Beslut,
    Forlangning,
    Handelse,
    Inskrivning,
    Intyg,
    Kontakt,
    Ledighet,
    Manad,
    Mote,
    Remiss,
)
from finsam_core.model.individ import Forsorjning, Individ
from finsam_core.model.insats import Insats
from finsam_core.model.kartlaggning import Begransning, Inriktning, Kartlaggning
from finsam_core.model.koder import INDIVIDEN, KARNENHETER, Enhet, Enhetskod, Kodslag
from finsam_core.model.lagrum import Lagrum
from finsam_core.model.plan import Plan
from finsam_core.model.samtycke import Samtycke
from finsam_core.plugins.hookspecs import (
    RegistreraArenor,
    RegistreraRapport,
    RegistreraRegelverk,
    UtokaRegelverk,
    hookimpl,
)
from finsam_core.regler.byggstenar import (
    ARENDETS_START,
    Traff,
    Val,
    alder_mellan,
    ankare_for,
    avslutas_senast,
    bedoms_vid,
    eller,
    folkbokford_i,
    fore,
    forsta,
    frist_efter,
    handelser,
    insatser,
    kartlaggningar,
    kontakt_med_minst,
    moten,
    planer,
    samtycke_mellan,
    utan_omstandigheter,
    varje,
)
from finsam_core.regler.fynd import Allvarlighet, Dokument, Kalla
from finsam_core.regler.kalender import (
    Tidsenhet,
    Tidsfrist,
    antal_dagar,
    ar,
    ar_arbetsdag,
    arbetsdagar,
    dagar,
    manader,
    mandag_nasta_vecka,
    nasta_arbetsdag,
    plus_ar,
    plus_arbetsdagar,
    plus_dagar,
    plus_manader,
    sondag_nasta_vecka,
    veckor,
)
from finsam_core.regler.regel import Arendevy, Kontext, Kontroll, Regel, Regelverk

if TYPE_CHECKING:  # the same names as _SENARE, for type checkers
    from finsam_core.arenor.arena import (
        Arena as Arena,
        Arenadata as Arenadata,
        Lucka as Lucka,
        Niva as Niva,
    )
    from finsam_core.arenor.data import las_arenadata as las_arenadata
    from finsam_core.rapport.delar import (
        Andel as Andel,
        Antal as Antal,
        Deltagande as Deltagande,
        Dimension as Dimension,
        Fall as Fall,
        Ledtid as Ledtid,
        Matt as Matt,
        Summa as Summa,
        Villkor as Villkor,
        alla as alla,
        ledtid as ledtid,
        och as och,
    )
    from finsam_core.rapport.dimensioner import (
        KOMMUN as KOMMUN,
        KON as KON,
        aldersgrupp as aldersgrupp,
        forsorjningsgrupp as forsorjningsgrupp,
        remittent as remittent,
    )
    from finsam_core.rapport.period import Period as Period
    from finsam_core.rapport.rapport import Rapport as Rapport

_ARENOR = "finsam_core.arenor.arena"
_DELAR = "finsam_core.rapport.delar"
_DIMENSIONER = "finsam_core.rapport.dimensioner"
_SENARE: dict[str, str] = {
    "Arena": _ARENOR,
    "Arenadata": _ARENOR,
    "Lucka": _ARENOR,
    "Niva": _ARENOR,
    "las_arenadata": "finsam_core.arenor.data",
    "Andel": _DELAR,
    "Antal": _DELAR,
    "Deltagande": _DELAR,
    "Dimension": _DELAR,
    "Fall": _DELAR,
    "Ledtid": _DELAR,
    "Matt": _DELAR,
    "Summa": _DELAR,
    "Villkor": _DELAR,
    "alla": _DELAR,
    "ledtid": _DELAR,
    "och": _DELAR,
    "KOMMUN": _DIMENSIONER,
    "KON": _DIMENSIONER,
    "aldersgrupp": _DIMENSIONER,
    "forsorjningsgrupp": _DIMENSIONER,
    "remittent": _DIMENSIONER,
    "Period": "finsam_core.rapport.period",
    "Rapport": "finsam_core.rapport.rapport",
}
"""Names imported on first use (arenas and reports), and the module each lives in."""

FEL = Allvarlighet.FEL
"""Breaks a "ska" in the source."""
VARNING = Allvarlighet.VARNING
"""Breaks a "bör" or "normalt"."""
INFO = Allvarlighet.INFO
"""An upcoming deadline or a note."""

__all__ = [
    "ARENDETS_START",
    "FEL",
    "INDIVIDEN",
    "INFO",
    "KARNENHETER",
    "KOMMUN",
    "KON",
    "VARNING",
    "Allvarlighet",
    "Andel",
    "Antal",
    "Arena",
    "Arenadata",
    "Arende",
    "Arendevy",
    "Aterkoppling",
    "Avslut",
    "Begransning",
    "Beslut",
    "Deltagande",
    "Dimension",
    "Dokument",
    "Enhet",
    "Enhetskod",
    "Fall",
    "Forlangning",
    "Forsorjning",
    "Handelse",
    "Individ",
    "Inriktning",
    "Insats",
    "Inskrivning",
    "Intyg",
    "Kalla",
    "Kartlaggning",
    "Kodslag",
    "Kontakt",
    "Kontext",
    "Kontroll",
    "Lagrum",
    "Ledighet",
    "Ledtid",
    "Lucka",
    "Manad",
    "Matt",
    "Mote",
    "Niva",
    "Period",
    "Plan",
    "Rapport",
    "Regel",
    "Regelverk",
    "RegistreraArenor",
    "RegistreraRapport",
    "RegistreraRegelverk",
    "Remiss",
    "Samtycke",
    "Summa",
    "Tidsenhet",
    "Tidsfrist",
    "Traff",
    "UtokaRegelverk",
    "Val",
    "Villkor",
    "alder_mellan",
    "aldersgrupp",
    "alla",
    "ankare_for",
    "antal_dagar",
    "ar",
    "ar_arbetsdag",
    "arbetsdagar",
    "avslutas_senast",
    "bedoms_vid",
    "dagar",
    "eller",
    "folkbokford_i",
    "fore",
    "forsorjningsgrupp",
    "forsta",
    "frist_efter",
    "handelser",
    "hookimpl",
    "insatser",
    "kartlaggningar",
    "kontakt_med_minst",
    "las_arenadata",
    "ledtid",
    "manader",
    "mandag_nasta_vecka",
    "moten",
    "nasta_arbetsdag",
    "och",
    "planer",
    "plus_ar",
    "plus_arbetsdagar",
    "plus_dagar",
    "plus_manader",
    "remittent",
    "samtycke_mellan",
    "sondag_nasta_vecka",
    "utan_omstandigheter",
    "varje",
    "veckor",
]


def __getattr__(namn: str) -> Any:
    modul = _SENARE.get(namn)
    if modul is None:
        raise AttributeError(f"module 'finsam_core.regelbygge' has no attribute {namn!r}")
    varde = getattr(importlib.import_module(modul), namn)
    globals()[namn] = varde
    return varde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
