"""Core's own reports, registered the same way a plugin registers its reports.

- ``deltagare``: active, new and closed participants by kön and age band (the shape of
  Försäkringskassan's *Uppföljning Finsam*);
- ``deltagare-forsorjning``: the same counts by SCB försörjningsmått group at start;
- ``fynd``: findings per rule and severity over the cases active in the period.
"""

from __future__ import annotations

from collections import Counter
from typing import cast

from finsam_core.model.handelser import Handelse, Inskrivning
from finsam_core.rapport.delar import Antal, Deltagande, Dimension, Fall, Summa, alla
from finsam_core.rapport.dimensioner import KON, aldersgrupp, forsorjningsgrupp
from finsam_core.rapport.rapport import Rapport
from finsam_core.regler.byggstenar import handelser

DELTAGANDE = Deltagande(handelser(Inskrivning, beskrivning="inskrivning").forsta())
"""A participant from the case's first inskrivning (at any unit) to its avslut."""

PERIODREGEL = (
    "Aktiv: inskriven minst en dag i perioden (från första inskrivningen, vid vilken enhet "
    "som helst, till och med avslutet). Ny: första inskrivningen i perioden. Avslutad: "
    "avslut i perioden."
)

_MATT = (
    Antal("aktiva", "Aktiva", alla),
    Antal("nya", "Nya", DELTAGANDE.ny),
    Antal("avslutade", "Avslutade", DELTAGANDE.avslutad),
)

DELTAGARE = Rapport(
    id="deltagare",
    titel="Deltagare per kön och åldersgrupp",
    dimensioner=(KON, aldersgrupp(DELTAGANDE)),
    matt=_MATT,
    urval=DELTAGANDE.aktiv,
    periodregel=PERIODREGEL
    + " Åldern räknas på periodens sista dag, eller på avslutsdagen om den är tidigare.",
    beskrivning="Aktiva, nya och avslutade deltagare i perioden per kön och åldersgrupp, "
    "som i Försäkringskassans Uppföljning Finsam.",
)

DELTAGARE_FORSORJNING = Rapport(
    id="deltagare-forsorjning",
    titel="Deltagare per försörjning vid start",
    dimensioner=(forsorjningsgrupp(DELTAGANDE),),
    matt=_MATT,
    urval=DELTAGANDE.aktiv,
    periodregel=PERIODREGEL + " Försörjningen är den som gäller på dagen för första inskrivningen.",
    beskrivning="Aktiva, nya och avslutade deltagare per SCB:s försörjningsmått vid start: "
    "ohälsa, arbetsmarknadsstöd, ekonomiskt bistånd, övrigt.",
)

ARENDET = Deltagande(handelser(Handelse, beskrivning="händelse").forsta())
"""A case from its first event to its avslut."""


def _regel_och_allvarlighet(fall: Fall) -> list[tuple[str, str]]:
    return sorted({(f.regel, f.allvarlighet.value) for f in fall.resultat().fynd})


def _antal_fynd(fall: Fall) -> int:
    amne = cast(tuple[str, str], fall.amne)
    return Counter((f.regel, f.allvarlighet.value) for f in fall.resultat().fynd)[amne]


FYND = Rapport(
    id="fynd",
    titel="Fynd per regel och allvarlighet",
    dimensioner=(
        Dimension("regel", "Regel", lambda fall: cast(tuple[str, str], fall.amne)[0]),
        Dimension("allvarlighet", "Allvarlighet", lambda fall: cast(tuple[str, str], fall.amne)[1]),
    ),
    matt=(
        Antal("arenden", "Ärenden", alla),
        Summa("fynd", "Fynd", _antal_fynd),
    ),
    urval=ARENDET.aktiv,
    amnen=_regel_och_allvarlighet,
    behover_fynd=True,
    periodregel="Ärenden som pågår minst en dag i perioden (från första händelsen till och "
    "med avslutet), kontrollerade per periodens sista dag mot sina regelverk (eller "
    "--regelverk).",
    beskrivning="Kvalitetsbilden: vilka regler som bryts oftast, i hur många ärenden och med "
    "hur många fynd. Ett ärende räknas på varje regel det har fynd för.",
)

KARNRAPPORTER = (DELTAGARE, DELTAGARE_FORSORJNING, FYND)
