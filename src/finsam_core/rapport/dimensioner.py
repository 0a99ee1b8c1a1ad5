"""Dimensions many reports share: kön, age band, kommun, försörjning group, remitting actor.

>>> KON.varden, ALDERSGRUPPER
(('kvinna', 'man'), ('16-19', '20-24', '25-29', '30-64', '65+'))
>>> [aldersgrupp_for(a) for a in (15, 16, 19, 20, 29, 30, 64, 65, None)]
['0-15', '16-19', '16-19', '20-24', '25-29', '30-64', '30-64', '65+', 'okand']
"""

from __future__ import annotations

from finsam_core.model.koder import INDIVIDEN
from finsam_core.rapport.delar import Deltagande, Dimension, Fall
from finsam_core.regler.byggstenar import Val

OKAND = "okand"
"""The value of a dimension the case has no data for."""

ALDERSGRUPPER = ("16-19", "20-24", "25-29", "30-64", "65+")
_GRANSER = ((16, "0-15"), (20, "16-19"), (25, "20-24"), (30, "25-29"), (65, "30-64"))


def aldersgrupp_for(alder: int | None) -> str:
    """The band of an age (Uppföljning Finsam's bands; under 16 is ``0-15``)."""
    if alder is None:
        return OKAND
    for grans, grupp in _GRANSER:
        if alder < grans:
            return grupp
    return "65+"


def _kon(fall: Fall) -> str:
    return fall.arende.individ.kon or OKAND


KON = Dimension(
    "kon",
    "Kön",
    _kon,
    varden=("kvinna", "man"),
    etiketter={"kvinna": "Kvinna", "man": "Man", OKAND: "Okänt"},
)
"""The person's kön (``okand`` when not given)."""


def aldersgrupp(deltagande: Deltagande) -> Dimension:
    """The age band on the period's last day, or on the participation's end if earlier."""

    def varde(fall: Fall) -> str:
        return aldersgrupp_for(fall.arende.individ.alder(deltagande.vid_slut_eller(fall)))

    return Dimension(
        "aldersgrupp",
        "Åldersgrupp",
        varde,
        varden=ALDERSGRUPPER,
        etiketter={OKAND: "Okänd", "0-15": "Under 16"},
    )


def _kommun(fall: Fall) -> str:
    return fall.arende.individ.kommun.namn


KOMMUN = Dimension("kommun", "Kommun", _kommun)
"""The person's folkbokföringskommun, by name as in the municipality list."""

FORSORJNINGSGRUPPER = {
    "ohalsa": ("sjukpenning", "aktivitetsersattning", "sjukersattning"),
    "arbetsmarknadsstod": ("a_kassa", "aktivitetsstod", "etableringsersattning"),
    "ekonomiskt_bistand": ("forsorjningsstod",),
}
"""SCB's försörjningsmått groups, in the order a person with several is placed by."""


def forsorjningsgrupp(deltagande: Deltagande) -> Dimension:
    """The SCB försörjningsmått group of the support paid on the participation's first day:
    the first of ``ohalsa``, ``arbetsmarknadsstod``, ``ekonomiskt_bistand`` that applies,
    else ``ovrigt`` (other or no support given for that day), ``okand`` without a start."""

    def varde(fall: Fall) -> str:
        start = deltagande.startdag(fall)
        if start is None:
            return OKAND
        typer = {f.typ for f in fall.arende.individ.forsorjning_vid(start)}
        for grupp, koder in FORSORJNINGSGRUPPER.items():
            if typer.intersection(koder):
                return grupp
        return "ovrigt"

    return Dimension(
        "forsorjning",
        "Försörjning vid start",
        varde,
        varden=(*FORSORJNINGSGRUPPER, "ovrigt"),
        etiketter={
            "ohalsa": "Ohälsa",
            "arbetsmarknadsstod": "Arbetsmarknadsstöd",
            "ekonomiskt_bistand": "Ekonomiskt bistånd",
            "ovrigt": "Övrigt",
            OKAND: "Okänd",
        },
    )


def remittent(remiss: Val) -> Dimension:
    """The huvudman of the unit that sent the first hit of *remiss* (a `Remiss`), or
    ``individen`` for a self-referral; ``okand`` without a referral."""

    def varde(fall: Fall) -> str:
        traff = fall.forsta(remiss)
        fran = getattr(traff.objekt, "fran", None) if traff else None
        if fran is None:
            return OKAND
        if fran == INDIVIDEN:
            return INDIVIDEN
        enhet = fall.kodverk.enheter.get(fran)
        return enhet.huvudman if enhet is not None else OKAND

    return Dimension(
        "remittent",
        "Remittent",
        varde,
        etiketter={
            "arbetsformedlingen": "Arbetsförmedlingen",
            "forsakringskassan": "Försäkringskassan",
            "kommun": "Kommun",
            "region": "Region",
            "samordningsforbund": "Samordningsförbund",
            INDIVIDEN: "Individen själv",
            OKAND: "Okänd",
        },
    )
