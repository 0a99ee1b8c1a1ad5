"""The five inriktningar made concrete, and who carries a case (spec umea.md F-U-1, F-U-3).

Bilaga 4: «Vid kartläggningen bedöms någon av följande inriktningar av stöd.» Core has
`Inriktning` 1–5 with the document's names; this module says which insats types belong
to each (UMEA-06 reads the table, the docs show it), and which authority is the
ärendebärare for a person on a date (UMEA-08, and reports asking "who leads?").

>>> from finsam_core.regelbygge import Inriktning
>>> passar(Inriktning.ARBETSINRIKTADE, "jobbspar"), passar(Inriktning.TIDIGA, "jobbspar")
(True, False)
>>> passar(Inriktning.TIDIGA, "ekonomisk_radgivning")  # neutral in every inriktning
True
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from finsam_core.regelbygge import Individ, Inriktning


class Spar(NamedTuple):
    """One inriktning as Bilaga 4 describes it, with the insats types that fit it."""

    insatstyper: tuple[str, ...]
    """Insats types (core and plugin codes) that belong to this inriktning."""
    parallellt: tuple[str, ...]
    """Types that may run alongside it («Studier kan ingå parallellt i spår 1 och 3»)."""
    exempel: str
    """The text's own examples, in Swedish."""
    i_processen: str
    """Where it happens in the processes of Bilaga 4."""
    nasta_steg: str
    """Where the person goes next."""


INRIKTNINGAR: Mapping[Inriktning, Spar] = MappingProxyType(
    {
        Inriktning.ARBETSINRIKTADE: Spar(
            insatstyper=("jobbspar", "sius", "praktik", "supported_employment"),
            parallellt=("studier",),
            exempel="matchning mot arbetsgivare: jobbspår, SIUS, kommunala aktörer, "
            "Arbetsförmedlingens leverantörer",
            i_processen="efter prövningen i försörjningsstödsprocessen (UMEA-24/25); "
            "etablering KT3 ”redo” → jobbspår",
            nasta_steg="arbete",
        ),
        Inriktning.STUDIEINRIKTADE: Spar(
            insatstyper=(
                "studier",
                "kompetenshojande",
                "arbetsmarknadsutbildning",
                "samhallsorientering",
            ),
            parallellt=(),
            exempel="arbetsmarknadsutbildning, gymnasiestudier, kommunal vuxenutbildning, "
            "folkhögskola (från 18 år)",
            i_processen="etablering KT1 studieplan; KAA → folkhögskola",
            nasta_steg="studier, sedan 1",
        ),
        Inriktning.ARBETSLIVSINRIKTADE_REHABILITERANDE: Spar(
            insatstyper=(
                "arbetsprovning",
                "arbetstraning",
                "medicinsk_rehabilitering",
                "social_insats",
                "supported_employment",
                "sius",
                "samstart",
            ),
            parallellt=("studier",),
            exempel="utreda aktivitets- eller funktionsförmåga, pröva arbetsförmåga; "
            "samordnade medicinska, sociala och arbetslivsinriktade insatser",
            i_processen="”Arenor för prövning” i försörjningsstödsprocessen; "
            "samordningsteam och beredningsgrupp (4-part); KT2 med ohälsa",
            nasta_steg="1 (jobbspår) eller 2",
        ),
        Inriktning.TIDIGA: Spar(
            insatstyper=("gruppverksamhet", "social_insats", "vaga_vaxa", "hikikomori"),
            parallellt=(),
            exempel="gruppverksamhet (Umeå): basala förberedande och sociala aktiviteter",
            i_processen="KAA (tidiga förberedande insatser efter ett avhopp); unga hemmasittande",
            nasta_steg="3",
        ),
        Inriktning.EJ_ARBETSLINJEN: Spar(
            insatstyper=("sysselsattning", "medicinsk_rehabilitering", "social_insats"),
            parallellt=(),
            exempel="arbetsförmåga saknas: sysselsättning (LSS, SoL), medicinsk "
            "rehabilitering/behandling, sociala insatser",
            i_processen="utanför arbetsmarknadsflödena",
            nasta_steg="–",
        ),
    }
)
"""Table F-U-1: each inriktning's insats types (our reading of the examples, ⚠ C5)."""

NEUTRALA_INSATSER = ("ekonomisk_radgivning", "studiebesok", "annan")
"""Insats types that fit every inriktning."""


def passar(inriktning: Inriktning, insatstyp: str) -> bool:
    """True if an insats of *insatstyp* fits *inriktning* (table F-U-1)."""
    spar = INRIKTNINGAR[inriktning]
    return insatstyp in (*spar.insatstyper, *spar.parallellt, *NEUTRALA_INSATSER)


ARENDEBARARE: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "forsorjningsstod": ("socialtjanst", "slussen"),
        "sjukpenning": ("fk",),
        "aktivitetsersattning": ("fk",),
        "sjukersattning": ("fk",),
        "aktivitetsstod": ("af",),
        "etableringsersattning": ("af",),
        "a_kassa": ("af",),
    }
)
"""Which units carry the case for each kind of support (spec 3.2, ⚠ C7).

«Den myndighet som har det juridiska ansvaret över olika ekonomiska stöd har också
ärendebärandansvaret». Etableringsersättning and aktivitetsstöd are decided by AF; a-kassa
is paid by the a-kassa, but AF is the party to the agreement. Other support: none.
"""


def arendebarare(individ: Individ, datum: date) -> frozenset[str]:
    """The units that may carry the person's case on *datum*, from the support paid then.

    With several supports, any of their authorities is accepted; with none that Bilaga 4
    names, the set is empty (nobody is ärendebärare by the text).

    >>> from finsam_core.regelbygge import Forsorjning
    >>> from finsam_core import hitta_kommun
    >>> person = Individ(hitta_kommun("Vännäs"), forsorjning=(
    ...     Forsorjning("forsorjningsstod", date(2025, 1, 1), date(2025, 5, 31)),
    ...     Forsorjning("sjukpenning", date(2025, 5, 1)),
    ... ))
    >>> sorted(arendebarare(person, date(2025, 4, 30)))
    ['slussen', 'socialtjanst']
    >>> sorted(arendebarare(person, date(2025, 5, 15)))
    ['fk', 'slussen', 'socialtjanst']
    >>> sorted(arendebarare(person, date(2025, 6, 1)))
    ['fk']
    """
    return frozenset(
        enhet for stod in individ.forsorjning_vid(datum) for enhet in ARENDEBARARE.get(stod.typ, ())
    )
