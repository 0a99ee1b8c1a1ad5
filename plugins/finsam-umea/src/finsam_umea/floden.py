"""The tracks of Bilaga 4: which joint kartläggning and process applies (spec umea.md F-U-2).

«Den gemensamma kartläggningen finns för:» five forms, and the text adds the KAA route
for young people without upper secondary school and the offer to young people with a
disability. Each track names its kartläggning form in the text's words, its parties, who
enters it, its cadence, the rules that judge it and the arenas (``arenor.yaml``) that
`finsam arenor` suggests for it. The docs render the table from `FLODEN`.

>>> [f.id for f in FLODEN][:4]
['forsorjningsstod', 'etablering', 'fk-af', 'samordningsteam']
"""

from __future__ import annotations

from typing import NamedTuple

from finsam_core.regelbygge import Kalla
from finsam_umea.regelverk import BILAGA_4


class Flode(NamedTuple):
    """One track: the kartläggning form the text names, and how a case moves through it."""

    id: str
    namn: str
    kalla: Kalla
    """The text's own line for the track (quoted word for word)."""
    parter: str
    """The parties, as unit codes."""
    villkor: str
    """Who enters the track, in case data."""
    kadens: str
    """Cadence and key dates."""
    regler: str
    arenor: tuple[str, ...]
    """Arena ids in ``arenor.yaml``."""


_KARTLAGGNING = "Gemensam kartläggning och matchning av individernas behov och förutsättningar"

FLODEN: tuple[Flode, ...] = (
    Flode(
        "forsorjningsstod",
        "Försörjningsstöd",
        BILAGA_4.kalla(
            _KARTLAGGNING, "Försörjningsstöd, Arbetsförmedlingen och arbetsmarknad/integration."
        ),
        "socialtjanst/slussen, af, ame/integration, arenor_for_provning",
        "försörjningsstöd och aktuell på Arbetsförmedlingen (arbetsförmågan osäker)",
        "AF:s svar inom 2 arbetsdagar; informationsmöte veckan efter; prövningen högst 7 "
        "dagar senare (14 dagar från inventeringen); prövning i 3 månader",
        "UMEA-16…25",
        ("umea-arenor-for-provning",),
    ),
    Flode(
        "etablering",
        "Etablering",
        BILAGA_4.kalla(
            _KARTLAGGNING,
            "Arbetsförmedlingen, integration och studie-och yrkesvägledning angående "
            "etableringsuppdraget.",
        ),
        "af, integration, vuxenutbildning (och socialtjanst vid kartläggningsträff 3)",
        "deltagare i etableringsprogrammet (omständighet, etableringsersättning eller inskrivning)",
        "kartläggningsträff 1 två gånger vid start; 2 efter 10–14 månader; 3 de sista 3 "
        "månaderna; jobbspår eller förberedande paket senast 1 månad efter programmets slut",
        "UMEA-26…35",
        ("umea-etablering",),
    ),
    Flode(
        "fk-af",
        "Försäkringskassan och Arbetsförmedlingen",
        BILAGA_4.kalla(
            _KARTLAGGNING,
            "Försäkringskassan och Arbetsförmedlingen (omfattas inte av denna överenskommelse).",
        ),
        "fk, af",
        "–",
        "bedöms inte",
        "undantag i UMEA-02, UMEA-05",
        (),
    ),
    Flode(
        "samordningsteam",
        "Samordningsteamen (kranskommunerna)",
        BILAGA_4.kalla(
            _KARTLAGGNING,
            "Samordningsteamerna i kranskommunerna- beredning 4-part/kartläggning 2–3-part.",
        ),
        "samordningsteam och de fyra huvudmännen",
        "folkbokförd i Bjurholm, Nordmaling, Robertsfors, Vindeln eller Vännäs; behov hos "
        "minst två parter",
        "bereder varannan vecka: beredning inom 14 dagar från remissen",
        "UMEA-07…09, UMEA-12…15",
        ("umea-samordningsteam",),
    ),
    Flode(
        "beredningsgrupp",
        "Beredningsgrupperna i Umeå (Arbetsmarknadstorget)",
        BILAGA_4.kalla(_KARTLAGGNING, "Beredningsgrupperna i Umeå – beredning i 4-part."),
        "beredningsgrupp_umea, de fyra huvudmännen och kaa",
        "folkbokförd i Umeå",
        "bereder varje vecka: beredning inom 7 dagar från remissen",
        "UMEA-07…09, UMEA-12…15, UMEA-39",
        ("umea-beredningsgrupp",),
    ),
    Flode(
        "kaa",
        "KAA",
        BILAGA_4.kalla(
            "Unga som saknar en fullföljd gymnasieutbildning",
            "Unga som ligger under KAA: Det kommunala aktivitetsansvaret i respektive kommun "
            "ska få information innan avhopp om de konsekvenser som följer av att inte "
            "fullfölja gymnasiet.",
        ),
        "kaa, skola, af",
        "under 20 år utan fullföljd gymnasieutbildning",
        "information före och vägledning efter ett avhopp; folkhögskola från 18 år",
        "UMEA-36…39",
        (
            "umea-kaa-umea",
            "umea-kaa-bjurholm",
            "umea-kaa-nordmaling",
            "umea-kaa-robertsfors",
            "umea-kaa-vindeln",
            "umea-kaa-vannas",
        ),
    ),
    Flode(
        "unga-funktionsnedsattning",
        "Unga med funktionsnedsättning",
        BILAGA_4.kalla(
            "Unga med en funktionsnedsättning",
            "Unga med funktionsnedsättning ska erbjudas samordnade insatser i "
            "samordningsteamerna i de sex kommunerna inom ramen för FINSAM.",
        ),
        "samordningsteam eller beredningsgrupp_umea; af (SAMSTART)",
        "funktionsnedsättning, 16–29 år",
        "erbjudande under ärendet",
        "UMEA-40",
        ("umea-unga-funktionsnedsattning", "umea-samstart"),
    ),
)
"""Table F-U-2, in the order of the text."""
