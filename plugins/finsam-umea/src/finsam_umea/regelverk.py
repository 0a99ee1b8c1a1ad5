"""Umeåregionen, *Bilaga 4 – Arbetsprocesserna kring individen*, as rules.

Source: ``003_0969d60999db51d9.txt``. Specification: ``shared/spec/regelverk/umea.md``
(rules UMEA-01…40; the ⚠ readings of its section 3.4 are in each rule's ``tolkning``).
UMEA-01…25: consent, the joint kartläggning and its inriktning, plans and the
ärendebärare, deviations and transitions, the beredning, and the försörjningsstöd
process. UMEA-26…35: the etablering process (three kartläggningsträffar, then a jobbspår
or a preparatory package); UMEA-36…39: KAA and young people without upper secondary
school; UMEA-40: young people with a disability. The arenas of Bilaga 4 (for routing,
``finsam arenor``) are in ``arenor.yaml`` beside this module.

Terms used below (spec 3.2):

- *Gemensam kartläggning*: a kartläggning with at least two distinct parties, except
  exactly AF and FK («omfattas inte av denna överenskommelse»). Slussen counts as
  socialtjänsten everywhere.
- *Beredning*: a ``mote`` with ``motestyp: beredning``.
- *Aktualisering*: a ``remiss`` from socialtjänsten/Slussen to ``af``; *AF's answer*: the
  first ``aterkoppling`` from ``af`` to that remittent on or after it.
- *Prövning*: an insats at ``arenor_for_provning``; *E*: its ``slut``, else three months
  from its start.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from finsam_core.regelbygge import (
    ARENDETS_START,
    FEL,
    INDIVIDEN,
    INFO,
    KARNENHETER,
    VARNING,
    Arendevy,
    Aterkoppling,
    Avslut,
    Dokument,
    Enhet,
    Inriktning,
    Inskrivning,
    Kartlaggning,
    Kodslag,
    Kontakt,
    Kontext,
    Mote,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Remiss,
    Samtycke,
    Traff,
    Val,
    ankare_for,
    antal_dagar,
    eller,
    folkbokford_i,
    forsta,
    frist_efter,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    moten,
    planer,
    varje,
    veckor,
)

if TYPE_CHECKING:
    from finsam_core.regelbygge import RegistreraArenor
from finsam_umea.handelser import HANDELSETYPER, Avhopp, Avvikelse, Inventering
from finsam_umea.inriktningar import arendebarare, passar
from finsam_umea.process import (
    EFTER_PROGRAMMET,
    INFORMATIONSMOTE_TILL_START,
    INVENTERING_TILL_START,
    KT2_SENAST,
    KT2_TIDIGAST,
    KT3_FORE_SLUT,
    PROVNINGSTID,
    SVARSFRIST,
    kt2_fonster,
    kt3_fonster,
    nasta_steg_efter_programmet,
    nasta_steg_senast,
    provningens_slut,
    sista_dag_for_informationsmote,
)

BILAGA_4 = Dokument(
    "003_0969d60999db51d9.txt",
    "Umeåregionen: Bilaga 4 – Arbetsprocesserna kring individen",
)

# -- parameters -----------------------------------------------------------------------------

KOMMUNER: Mapping[str, str] = MappingProxyType(
    {
        "Umeå": "2480",
        "Bjurholm": "2403",
        "Nordmaling": "2401",
        "Robertsfors": "2409",
        "Vindeln": "2404",
        "Vännäs": "2460",
    }
)
"""«de sex kommunerna» (name → kommunkod). The text never names them: these are the six
members of Umeåregionen (⚠ C1), to be confirmed by the owner. Umeå has the
beredningsgrupper, the five others ("kranskommunerna") the samordningsteam."""
UMEA = "Umeå"

# -- units and codes ------------------------------------------------------------------------

SLUSSEN = "slussen"
ARENOR = "arenor_for_provning"
BEREDNINGSGRUPP = "beredningsgrupp_umea"
SAMORDNINGSTEAM = "samordningsteam"

ENHETER = (
    Enhet(SLUSSEN, "Slussen (försörjningsstöd, mottagning)", "kommun"),
    Enhet(ARENOR, "Arenor för prövning (kommunens arbetsmarknadsverksamhet)", "kommun"),
    Enhet(
        BEREDNINGSGRUPP,
        "Beredningsgrupperna för Arbetsmarknadstorgen (Umeå)",
        "samordningsforbund",
    ),
    Enhet(SAMORDNINGSTEAM, "Samordningsteamen i kranskommunerna (FINSAM)", "samordningsforbund"),
    Enhet("samverkansgrupp_etablering", "Samverkansgrupp för etablering", "arbetsformedlingen"),
    Enhet("etableringsprogrammet", "Etableringsprogrammet", "arbetsformedlingen"),
    Enhet("folkhogskola", "Folkhögskola", "ovrig"),
    # Same as finsam-envagin's `skola`: two plugins may add a unit only with the same meaning.
    Enhet("skola", "Skolan", "kommun"),
)
"""The plugin's units (spec 3.2). SYV is core's ``vuxenutbildning``."""

KODER: Mapping[Kodslag, Mapping[str, str]] = {
    Kodslag.MOTESTYP: {
        "uppstartstraff": "Uppstartsträff (prövning)",
        "kartlaggningstraff_1": "Kartläggningsträff 1 (etablering)",
        "kartlaggningstraff_2": "Kartläggningsträff 2 (etablering)",
        "kartlaggningstraff_3": "Kartläggningsträff 3 (etablering)",
    },
    Kodslag.OMFATTNING: {"personuppgiftsbehandling": "Personuppgiftsbehandling"},
    Kodslag.INSATSTYP: {
        "vaga_vaxa": "Våga Växa",
        "hikikomori": "Hikikomori (unga hemmasittande)",
        "samstart": "SAMSTART",
        "sysselsattning": "Sysselsättning (LSS, SoL)",
        "arbetsmarknadsutbildning": "Arbetsmarknadsutbildning",
        "samhallsorientering": "Samhällsorientering",
    },
}
"""Meeting types, the consent scope for personal data, and insats types (spec 3.2)."""

SOCIALTJANSTEN = ("socialtjanst", SLUSSEN)
"""Slussen is socialtjänstens försörjningsstöd intake: it counts as socialtjänsten."""
UNDANTAGET_PAR = frozenset({"af", "fk"})
"""«Försäkringskassan och Arbetsförmedlingen (omfattas inte av denna överenskommelse).»"""
FYRA_HUVUDMAN = ("arbetsformedlingen", "forsakringskassan", "kommun", "region")
HUVUDMAN: Mapping[str, str] = MappingProxyType(
    {e.kod: e.huvudman for e in (*KARNENHETER, *ENHETER)}
)
"""Each known unit's huvudman (core's and this plugin's units)."""
OMFATTNING = ("formagor", "forutsattningar", "hinder", "losningar", "personuppgiftsbehandling")
"""What the consent must cover (UMEA-03)."""
SKAL: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "af": ("arbetsmarknad",),
        "fk": ("medicinsk",),
        "socialtjanst": ("social",),
        SLUSSEN: ("social",),
        "psykiatri": ("funktion",),
        "habilitering": ("funktion",),
        "primarvard": ("funktion", "halsa"),
        "kaa": ("studier",),
    }
)
"""The grounds each party raises limitations on (UMEA-15, «… lyfter fram …»)."""
BEREDNINGSFRIST = MappingProxyType({BEREDNINGSGRUPP: veckor(1), SAMORDNINGSTEAM: veckor(2)})
"""«varje vecka» (Umeå's beredningsgrupper), «varannan vecka» (the samordningsteam)."""
PLANTYPER = ("samverkansplan", "sip", "handlingsplan", "individuell_plan", "studieplan")
"""Plans that count as a samplanering (UMEA-07)."""
VAGAR_VIDARE = ("arbete", "studier", "annan_aktor", "arbetssokande")
"""Closures that are a next step after the prövning (UMEA-25)."""
BESKED_PROVNING = "provning"
"""``aterkoppling.besked`` for AF's «kan gå vidare till … "Arenor för prövning"»."""
BESKED_AKTIV_PLANERING = "aktiv_planering_af"
"""``aterkoppling.besked`` for «en aktiv planering hos Arbetsförmedlingen»."""


def part(enhet: str) -> str:
    """The party a unit stands for in consent and role checks: Slussen is socialtjänsten.

    >>> part("slussen"), part("af")
    ('socialtjanst', 'af')
    """
    return "socialtjanst" if enhet == SLUSSEN else enhet


def bland(enhet: str, enheter: tuple[str, ...]) -> bool:
    """True if *enhet* (or, for socialtjänsten, Slussen) is among *enheter*."""
    return part(enhet) in {part(e) for e in enheter}


def ar_gemensam(kartlaggning: Kartlaggning) -> bool:
    """A gemensam kartläggning: two or more parties, except exactly AF and FK."""
    parter = {part(p) for p in kartlaggning.parter}
    return len(parter) >= 2 and parter != UNDANTAGET_PAR


# -- selectors ------------------------------------------------------------------------------


INSATSER = insatser()
GEMENSAMMA = kartlaggningar(ar_gemensam, beskrivning="gemensam kartläggning")
"""Gemensamma kartläggningar, dated by the day they were completed."""


def _paborjade_gemensamma(vy: Arendevy) -> list[Traff]:
    # A gemensam kartläggning counts from the day it began (⚠ C3): its start, else its datum.
    traffar = [t._replace(datum=t.objekt.start or t.datum) for t in GEMENSAMMA(vy)]
    return sorted(traffar, key=lambda t: t.datum)


BEREDNINGAR = moten("beredning")
START = eller(
    Val("påbörjad gemensam kartläggning", _paborjade_gemensamma),
    BEREDNINGAR,
    beskrivning="gemensam kartläggning eller beredning",
)
"""Where every process starts: a gemensam kartläggning (from its start) or a beredning."""
SAMVERKANSPLANER = planer("samverkansplan")
AVSLUT = handelser(Avslut, beskrivning="avslut")
AVVIKELSER = handelser(Avvikelse, beskrivning="avvikelse")
INVENTERINGAR = handelser(Inventering, beskrivning="inventering")
AKTUALISERINGAR = handelser(
    Remiss,
    lambda r, vy: r.fran in SOCIALTJANSTEN and r.till == "af",
    beskrivning="aktualisering till Arbetsförmedlingen",
)
PROVNINGAR = insatser(lambda i: i.utforare == ARENOR, beskrivning="prövning")
INFORMATIONSMOTEN = moten(
    "informationsmote",
    lambda m, vy: any(p in m.parter for p in SOCIALTJANSTEN) and m.individen_deltog,
    beskrivning="informationsmöte på försörjningsstöd",
)
UPPSTARTSTRAFFAR = moten("uppstartstraff", beskrivning="uppstartsträff")
UPPFOLJNINGSMOTEN = moten("uppfoljningsmote", beskrivning="uppföljningsträff")
FLERPARTSMOTEN = moten("flerpartsmote")
REMISSER_TILL_BEREDNING = handelser(
    Remiss, lambda r, vy: r.till in BEREDNINGSFRIST, beskrivning="remiss till beredning"
)


def _utbyten(vy: Arendevy) -> list[Traff]:
    traffar = []
    for i, h in vy.tidslinje:
        if isinstance(h, Remiss) and h.fran != INDIVIDEN:
            traffar.append(Traff(h.datum, f"handelser[{i}]", "remiss", (h.fran, h.till)))
        elif isinstance(h, Aterkoppling):
            traffar.append(Traff(h.datum, f"handelser[{i}]", "återkoppling", (h.fran, h.till)))
        elif isinstance(h, Mote) and len(set(h.parter)) >= 2:
            traffar.append(Traff(h.datum, f"handelser[{i}]", h.motestyp, h.parter))
    for i, k in enumerate(vy.arende.kartlaggningar):
        if ar_gemensam(k):
            if k.start is not None:
                traffar.append(
                    Traff(k.start, f"kartlaggningar[{i}].start", "kartläggningens start", k.parter)
                )
            traffar.append(
                Traff(k.datum, f"kartlaggningar[{i}]", "gemensam kartläggning", k.parter)
            )
    return sorted(traffar, key=lambda t: t.datum)


UTBYTEN = Val("utbyte av uppgifter mellan parter", _utbyten)
"""Exchange events (spec 3.2), each with the units that exchange (``objekt``)."""


def _svar_fran_af(aktualisering: Traff) -> Val:
    remittent = aktualisering.objekt.fran
    return handelser(
        Aterkoppling,
        lambda h, vy: h.fran == "af" and part(h.till) == part(remittent),
        beskrivning="Arbetsförmedlingens svar",
    )


def _af_svar(ctx: Kontext, aktualisering: Traff) -> Traff | None:
    """AF's answer: the first aterkoppling from af to the remittent on or after the day."""
    return _efter(ctx, _svar_fran_af(aktualisering), aktualisering.datum)


def _till_provning(ctx: Kontext, svar: Traff) -> bool:
    """Whether the prövning path applies: a prövning, or AF's answer says so (core C3)."""
    return bool(PROVNINGAR(ctx.vy)) or svar.objekt.besked == BESKED_PROVNING


def _efter(ctx: Kontext, val: Val, dag: date) -> Traff | None:
    return next((t for t in val(ctx.vy) if t.datum >= dag), None)


def _antal(antal: int, ental: str, flertal: str) -> str:
    return f"{antal} {ental if antal == 1 else flertal}"


def _i_tid(
    ctx: Kontext, *, vad: str, traff: Traff | None, sista: date, grund: str, sokvag: str
) -> None:
    """Report one step of a process against its last day: in time, late, or missing
    (an open deadline until *sista*, a finding after). *sokvag* points at what set the
    deadline, for a missing step."""
    if traff is not None and traff.datum <= sista:
        ctx.fakta(vad, traff.beskrivning)
    elif traff is not None:
        ctx.fynd(
            f"{vad} {traff.datum} kom {antal_dagar((traff.datum - sista).days)} efter sista "
            f"dagen {sista} ({grund})",
            sokvag=traff.sokvag,
            frist=sista,
        )
    else:
        ctx.saknas(
            sista,
            oppen=f"{vad} ska ske senast {sista} ({grund})",
            passerad=f"{vad} saknas; sista dagen var {sista} ({grund})",
            sokvag=sokvag,
        )


# -- UMEA-01, Unga med en funktionsnedsättning; Försörjningsstöd i Umeåregionen -------------

UMEA_01 = Regel(
    id="UMEA-01",
    titel="Folkbokförd i någon av Umeåregionens sex kommuner",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Unga med en funktionsnedsättning; Försörjningsstöd i Umeåregionen; Utvecklingspunkter",
        "Unga med funktionsnedsättning ska erbjudas samordnade insatser i samordningsteamerna "
        "i de sex kommunerna inom ramen för FINSAM. Försörjningsstöd i Umeåregionen; "
        "Utveckla den gemensamma kartläggningen i etableringsprocessen i Umeåregionens "
        "samtliga kommuner.",
    ),
    kontroll=folkbokford_i(KOMMUNER),
    tolkning="The text speaks of «de sex kommunerna» but never names them (⚠ C1): the six "
    "members of Umeåregionen are used, Umeå (2480), Bjurholm (2403), Nordmaling (2401), "
    "Robertsfors (2409), Vindeln (2404) and Vännäs (2460). The list is the parameter "
    "KOMMUNER; the owner must confirm it.",
)


# -- UMEA-02, Samordnade individprocesser; Gemensam kartläggning --------------------------


def _samtycke_tacker(samtycken: Iterable[Samtycke], a: str, b: str, dag: date) -> bool:
    """Whether a consent covers *a* and *b* on *dag* (Slussen standing for socialtjänsten)."""
    xs = SOCIALTJANSTEN if part(a) == "socialtjanst" else (a,)
    ys = SOCIALTJANSTEN if part(b) == "socialtjanst" else (b,)
    return any(s.tacker(x, y, dag) for s in samtycken for x in xs for y in ys)


def _medgivande_for_varje_utbyte(ctx: Kontext) -> None:
    for utbyte in varje(ctx, UTBYTEN, saknas="inget utbyte mellan parter"):
        enheter = sorted({part(e) for e in utbyte.objekt})
        par = [
            (a, b)
            for a, b in itertools.combinations(enheter, 2)
            if frozenset((a, b)) != UNDANTAGET_PAR
        ]
        otackta = [
            f"{ctx.namn(a)}–{ctx.namn(b)}"
            for a, b in par
            if not _samtycke_tacker(ctx.arende.samtycken, a, b, utbyte.datum)
        ]
        if otackta:
            ctx.fynd(
                f"inget samtycke den {utbyte.datum} omfattar utbytet vid {ctx.beskriv(utbyte)} "
                f"mellan {', '.join(otackta)}",
                sokvag=utbyte.sokvag,
            )
        elif par and ctx.forklarar:
            ctx.fakta(utbyte.beskrivning, "omfattas av samtycke")


UMEA_02 = Regel(
    id="UMEA-02",
    titel="Medgivande för varje utbyte mellan parterna",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Samordnade individprocesser; Gemensam kartläggning och matchning av individernas "
        "behov och förutsättningar",
        "All samverkan bygger på att individen har lämnat sitt medgivande till att "
        "samverkansparterna får utbyta uppgifter som handlar om förmågor, förutsättningar, "
        "hindrande omständigheter och lösningar utifrån målet att personen ska etablera sig "
        "på arbetsmarknaden. Försäkringskassan och Arbetsförmedlingen (omfattas inte av "
        "denna överenskommelse).",
    ),
    kontroll=_medgivande_for_varje_utbyte,
    beskrivning=(
        "Varje utbyte av uppgifter mellan parter, det vill säga en remiss från en enhet, en "
        "återkoppling, ett möte med minst två enheter och en gemensam kartläggning (både när den "
        "påbörjas och när den är klar), täcks samma dag av ett samtycke som omfattar båda "
        "parterna i varje par; paret Arbetsförmedlingen–Försäkringskassan omfattas inte av "
        "överenskommelsen och bedöms inte, och Slussen räknas som socialtjänsten."
    ),
    tolkning="Every pair of units in an exchange (a remiss from a unit, an aterkoppling, a "
    "meeting of two or more units, a gemensam kartläggning on its start and on its datum) "
    "must be covered on that day by a samtycke naming both (the format's coverage rule; "
    "any form, as the text says 'medgivande', ⚠ C2). AF–FK is outside the agreement and "
    "exempt. Forum and team units (samordningsteam, beredningsgrupp_umea, "
    "arenor_for_provning) are parties of their own; Slussen counts as socialtjänsten. One "
    "finding per event, listing the pairs not covered.",
)


# -- UMEA-03, Samordnade individprocesser; Utvecklingspunkter -------------------------------


def _medgivandets_omfattning(ctx: Kontext) -> None:
    if not ctx.arende.samtycken:
        ctx.ej_tillamplig("inga samtycken")
        return
    for i, samtycke in enumerate(ctx.arende.samtycken):
        if not ctx.galler(samtycke.datum):
            continue
        if not samtycke.omfattning:
            ctx.ej_bedomd("samtyckets omfattning anges inte", sokvag=f"samtycken[{i}]")
            continue
        saknas = [kod for kod in OMFATTNING if kod not in samtycke.omfattning]
        if saknas:
            ctx.fynd(
                f"samtycket {samtycke.datum} omfattar inte "
                f"{ctx.namnlista(saknas, Kodslag.OMFATTNING)}",
                sokvag=f"samtycken[{i}].omfattning",
            )


UMEA_03 = Regel(
    id="UMEA-03",
    titel="Medgivandet omfattar förmågor, förutsättningar, hinder, lösningar och "
    "personuppgiftsbehandling",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Samordnade individprocesser; Utvecklingspunkter",
        "All samverkan bygger på att individen har lämnat sitt medgivande till att "
        "samverkansparterna får utbyta uppgifter som handlar om förmågor, förutsättningar, "
        "hindrande omständigheter och lösningar utifrån målet att personen ska etablera sig "
        "på arbetsmarknaden. Detta gäller även samtycke för personuppgiftsbehandling. "
        "Översyn av medgivande för sekretess och samtycke till personuppgiftsbehandling i "
        "2-partssamverkan.",
    ),
    kontroll=_medgivandets_omfattning,
    beskrivning=(
        "Varje samtycke som anger sin omfattning omfattar förmågor, förutsättningar, hinder, "
        "lösningar och personuppgiftsbehandling; saknas någon av dem ges en varning, och ett "
        "samtycke utan angiven omfattning bedöms inte."
    ),
    tolkning="Each samtycke that states its omfattning must include formagor, "
    "forutsattningar, hinder, losningar and the plugin code personuppgiftsbehandling. A "
    "samtycke without omfattning cannot be judged.",
)


# -- UMEA-04, Gemensam kartläggning och matchning av individernas behov ---------------------


def _kartlaggning_forst(ctx: Kontext) -> None:
    insats = ankare_for(ctx, INSATSER, saknas="ingen insats")
    if insats is None:
        return
    tidiga = [t for t in START(ctx.vy) if t.datum <= insats.datum]
    if tidiga:
        ctx.fakta("processen startade med", tidiga[0].beskrivning)
    else:
        ctx.fynd(
            f"ingen gemensam kartläggning eller beredning har påbörjats senast den första "
            f"insatsen ({ctx.namn(insats.objekt.typ, Kodslag.INSATSTYP)} {insats.datum})",
            sokvag=insats.sokvag,
        )


UMEA_04 = Regel(
    id="UMEA-04",
    titel="Processen startar med en gemensam kartläggning eller beredning",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Gemensam kartläggning och matchning av individernas behov och förutsättningar",
        "Processen startar alltid med en gemensam kartläggning, antingen i "
        "2–3-partssamverkan eller gemensam bedömning via beredningsfunktion i "
        "4-partssamverkan. Kartläggningen av individens behov och förutsättningar sker "
        "inledningsvis av processen. Individen kan efter kartläggning erbjudas en flertal "
        "insatser utifrån behov.",
    ),
    kontroll=_kartlaggning_forst,
    beskrivning=(
        "Senast samma dag som den första insatsen börjar har en gemensam kartläggning påbörjats "
        "(räknat från dess start, annars från dagen den blev klar) eller en beredning hållits; en "
        "gemensam kartläggning har minst två parter, men enbart Arbetsförmedlingen och "
        "Försäkringskassan räknas inte. Ett ärende utan insats bedöms inte."
    ),
    tolkning="On or before the first insats start, a gemensam kartläggning must have begun "
    "(its start, else its datum) or a beredning taken place. In the FS process the "
    "kartläggning is initiated by the inventering and completed during the prövning, so "
    "the start counts, not the completion (⚠ C3).",
)


# -- UMEA-05, Gemensam kartläggning och matchning: inriktningen ------------------------------


def _inriktning_bedomd(ctx: Kontext) -> None:
    for kartlaggning in varje(ctx, GEMENSAMMA, saknas="ingen gemensam kartläggning"):
        if kartlaggning.objekt.inriktning is None:
            ctx.fynd(
                f"den gemensamma kartläggningen {kartlaggning.datum} anger ingen inriktning (1–5)",
                sokvag=kartlaggning.falt("inriktning"),
            )
        else:
            ctx.fakta(kartlaggning.beskrivning, f"inriktning {kartlaggning.objekt.inriktning}")


UMEA_05 = Regel(
    id="UMEA-05",
    titel="Den gemensamma kartläggningen bedömer en inriktning",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Gemensam kartläggning och matchning av individernas behov och förutsättningar",
        "Kartläggningen ska bedöma vilken inriktning individen har bäst förutsättningar att "
        "tillgodogöra sig.",
    ),
    kontroll=_inriktning_bedomd,
    beskrivning=(
        "Varje gemensam kartläggning (minst två parter, men inte enbart Arbetsförmedlingen och "
        "Försäkringskassan) anger vilken av inriktningarna 1–5 personen bedöms ha bäst "
        "förutsättningar för; en enskild enhets egen kartläggning bedöms inte."
    ),
    tolkning="Every gemensam kartläggning states an inriktning 1–5. A unit's own "
    "kartläggning (one party, or only AF and FK) is not judged (⚠ C4).",
)


# -- UMEA-06, Gemensam kartläggning och matchning: the five inriktningar --------------------


def _insatser_efter_inriktning(ctx: Kontext) -> None:
    for insats in varje(ctx, INSATSER, saknas="ingen insats"):
        fore_ = [k for k in GEMENSAMMA(ctx.vy) if k.datum <= insats.datum]
        if not fore_ or fore_[-1].objekt.inriktning is None:
            continue
        n = fore_[-1].objekt.inriktning
        x = insats.objekt
        if x.inriktning is not None:
            ok = x.inriktning == n or (x.typ == "studier" and x.inriktning == 2 and n in (1, 3))
            vad = f"har inriktning {x.inriktning}"
        else:
            ok = passar(n, x.typ)
            vad = f"av typen {ctx.namn(x.typ, Kodslag.INSATSTYP)} hör inte till"
        if ok:
            ctx.fakta(insats.beskrivning, f"passar inriktning {n}")
        else:
            ctx.fynd(
                f"insatsen {ctx.namn(x.typ, Kodslag.INSATSTYP)} {insats.datum} {vad} inriktning "
                f"{n} ({n.benamning}) från {ctx.beskriv(fore_[-1])}",
                sokvag=insats.sokvag,
            )


UMEA_06 = Regel(
    id="UMEA-06",
    titel="Insatserna följer den bedömda inriktningen",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Gemensam kartläggning och matchning av individernas behov och förutsättningar "
        "(inriktningarna 1–5)",
        "Vid kartläggningen bedöms någon av följande inriktningar av stöd. Studier kan ingå "
        "parallellt i spår 1 och 3 men kan också vara ett eget spår.",
    ),
    kontroll=_insatser_efter_inriktning,
    beskrivning=(
        "Varje insats passar den inriktning som bedömdes i den senaste gemensamma kartläggningen "
        "som var klar senast dagen insatsen började: en insats med egen inriktning ska ha samma "
        "(studier med inriktning 2 får gå parallellt med inriktning 1 eller 3), annars ska "
        "insatstypen höra till inriktningen enligt tabellen, där ekonomisk rådgivning, "
        "studiebesök och annan passar alla. Utan en sådan kartläggning med bedömd inriktning "
        "bedöms insatsen inte."
    ),
    tolkning="N is the inriktning of the latest gemensam kartläggning completed on or "
    "before the insats start (none, or none stated: not judged). An insats with its own "
    "inriktning must have N, except studier with inriktning 2 beside 1 or 3. An insats "
    "without one must have a type that table F-U-1 (INRIKTNINGAR) lists for N; "
    "ekonomisk_radgivning, studiebesok and annan fit every inriktning. The table is our "
    "reading of the text's examples ('kan vara', 'ex.'), hence a warning (⚠ C5).",
)


# -- UMEA-07, Gemensam kartläggning; Kartläggningen Arbetsmarknadstorgen/samordningsteam ----


def _samplanering(ctx: Kontext) -> None:
    k = ankare_for(ctx, START, saknas="ingen gemensam kartläggning eller beredning")
    if k is None:
        return
    t = next((i for i in INSATSER(ctx.vy) if i.datum >= k.datum), None) or forsta(ctx, AVSLUT)
    if t is None:
        ctx.ej_tillamplig("öppet ärende utan insats efter kartläggningen")
        return
    beredning = forsta(ctx, BEREDNINGAR)
    typer = ("samverkansplan",) if beredning is not None else PLANTYPER
    plan = next(
        (p for p in PLANER(ctx.vy) if k.datum <= p.datum <= t.datum and p.objekt.typ in typer),
        None,
    )
    if plan is not None:
        ctx.fakta("plan", f"{plan.objekt.typ} {plan.datum} ({plan.objekt.status or 'upprattad'})")
        return
    vad = "samverkansplan (ärendet har en beredning)" if beredning else "samplanering (plan)"
    ctx.saknas(
        t.datum,
        oppen=f"{vad} ska finnas senast {ctx.beskriv(t)}",
        passerad=f"ingen {vad} mellan {ctx.beskriv(k)} och {ctx.beskriv(t)}",
        sokvag=t.sokvag,
    )


UMEA_07 = Regel(
    id="UMEA-07",
    titel="Samplanering efter kartläggningen; samverkansplan efter beredning",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Gemensam kartläggning och matchning av individernas behov och förutsättningar; "
        "Kartläggningen Arbetsmarknadstorgen/samordningsteam",
        "Vid kartläggningen bedöms individens behov och en samplanering upprättas där roller "
        "och ansvar blir tydligt. Individen ska därefter av ärendebärare erbjudas en "
        "samverkansplan, förankrad hos alla relevanta samverkanspartners.",
    ),
    kontroll=_samplanering,
    beskrivning=(
        "Mellan den första gemensamma kartläggningens start (eller den första beredningen, om den "
        "kom tidigare) och den första insatsen som börjar därefter (annars avslutet) finns en "
        "plan: en samverkansplan om ärendet har haft en beredning, annars en samverkansplan, SIP, "
        "handlingsplan, individuell plan eller studieplan. En plan som erbjöds men som personen "
        "avböjde räknas; ett öppet ärende utan insats bedöms inte."
    ),
    tolkning="K is the earlier of the first gemensam kartläggning's start (else datum) and "
    "the first beredning; T the first insats start on or after K, else the avslut (an open "
    "case without insats is not judged). A plan must be dated in [K, T]: a samverkansplan "
    "if the case had a beredning (Arbetsmarknadstorget/samordningsteam), else any of "
    "samverkansplan, sip, handlingsplan, individuell_plan, studieplan (⚠ C6). «erbjudas»: "
    "a plan with status erbjuden or avbojd (core C4) counts, so a declined offer is no "
    "breach.",
)


# -- UMEA-08, Roller och Ansvar; Kartläggningen Arbetsmarknadstorgen/samordningsteam --------


def _ratt_arendebarare(ctx: Kontext) -> None:
    for plan in varje(ctx, SAMVERKANSPLANER, saknas="ingen samverkansplan"):
        mojliga = arendebarare(ctx.arende.individ, plan.datum)
        if not mojliga:
            ctx.fakta(plan.beskrivning, "inget stöd som Bilaga 4 knyter till en ärendebärare")
            continue
        huvudansvar = plan.objekt.huvudansvar
        if huvudansvar is None:
            ctx.ej_bedomd(
                f"ärendebärare saknas i {ctx.beskriv(plan)} (huvudansvar)", sokvag=plan.sokvag
            )
        elif huvudansvar not in mojliga:
            ctx.fynd(
                f"{ctx.beskriv(plan)} har huvudansvar {ctx.namn(huvudansvar)}, men "
                f"ärendebärare enligt försörjningen den dagen är "
                f"{' eller '.join(ctx.namn(m) for m in sorted(mojliga))}",
                sokvag=plan.falt("huvudansvar"),
            )
        else:
            ctx.fakta(plan.beskrivning, f"ärendebärare {huvudansvar}")


UMEA_08 = Regel(
    id="UMEA-08",
    titel="Samverkansplanen leds av ärendebäraren",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Roller och Ansvar; Kartläggningen Arbetsmarknadstorgen/samordningsteam",
        "Den myndighet som har det juridiska ansvaret över olika ekonomiska stöd har också "
        "ärendebärandansvaret, vilket innebär ett övergripande ansvar över individens "
        "uppstart, planering, process och progress. Individen ska därefter av ärendebärare "
        "erbjudas en samverkansplan, förankrad hos alla relevanta samverkanspartners.",
    ),
    kontroll=_ratt_arendebarare,
    beskrivning=(
        "Huvudansvaret i varje samverkansplan ligger hos ärendebäraren, den myndighet som "
        "ansvarar för personens ersättning den dag planen gäller: socialtjänsten (eller Slussen) "
        "vid försörjningsstöd, Försäkringskassan vid sjukpenning, aktivitets- eller "
        "sjukersättning och Arbetsförmedlingen vid aktivitetsstöd, etableringsersättning eller "
        "a-kassa. Med flera ersättningar duger vilken som av deras myndigheter; utan någon av dem "
        "är planen i ordning, och utan angivet huvudansvar bedöms den inte."
    ),
    tolkning="For each samverkansplan, huvudansvar must be an ärendebärare on the plan "
    "date (finsam_umea.arendebarare): försörjningsstöd → socialtjanst or slussen; "
    "sjukpenning, aktivitets- and sjukersättning → fk; aktivitetsstöd, "
    "etableringsersättning and a-kassa → af (AF decides the first two and is the party to "
    "the agreement for the third). With several supports any of their authorities is "
    "accepted; with none of these, not judged (⚠ C7).",
)


# -- UMEA-09, Kartläggningen Arbetsmarknadstorgen/samordningsteam -----------------------------


def _plan_forankrad(ctx: Kontext) -> None:
    gallande = [p for p in SAMVERKANSPLANER(ctx.vy) if p.objekt.status != "avbojd"]
    if not gallande:
        ctx.ej_tillamplig("ingen samverkansplan")
        return
    rapporterat: set[tuple[str, str]] = set()
    for insats in varje(ctx, INSATSER, saknas="ingen insats"):
        fore_ = [p for p in gallande if p.datum <= insats.datum]
        if not fore_:
            continue
        plan = fore_[-1]
        parter = plan.objekt.parter
        if not parter:
            if (plan.sokvag, "") not in rapporterat:
                rapporterat.add((plan.sokvag, ""))
                ctx.ej_bedomd(f"{ctx.beskriv(plan)} anger inga parter", sokvag=plan.sokvag)
            continue
        roller = {insats.objekt.utforare: f"utförare av {ctx.beskriv(insats)}"}
        if plan.objekt.huvudansvar is not None:
            roller.setdefault(plan.objekt.huvudansvar, "ärendebärare")
        for enhet, roll in roller.items():
            if not bland(enhet, parter) and (plan.sokvag, enhet) not in rapporterat:
                rapporterat.add((plan.sokvag, enhet))
                ctx.fynd(
                    f"{ctx.beskriv(plan)} är inte förankrad hos {ctx.namn(enhet)} ({roll})",
                    sokvag=plan.falt("parter"),
                )


UMEA_09 = Regel(
    id="UMEA-09",
    titel="Samverkansplanen är förankrad hos utförare och ärendebärare",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningen Arbetsmarknadstorgen/samordningsteam",
        "Individen ska därefter av ärendebärare erbjudas en samverkansplan, förankrad hos "
        "alla relevanta samverkanspartners.",
    ),
    kontroll=_plan_forankrad,
    beskrivning=(
        "För varje insats som börjar efter en samverkansplan har den senaste planen fram till "
        "insatsens start (avböjda planer räknas inte) både insatsens utförare och planens "
        "ärendebärare (huvudansvar) bland sina parter; Slussen räknas som socialtjänsten, en plan "
        "utan angivna parter bedöms inte, och varje saknad part rapporteras en gång per plan."
    ),
    tolkning="For each insats starting on or after a samverkansplan, the latest such plan "
    "on or before its start (declined plans aside) must list in parter the insats's "
    "utförare and the plan's huvudansvar. A plan without parter cannot be judged. Each "
    "missing unit is reported once per plan.",
)


# -- UMEA-10, Roller och Ansvar ---------------------------------------------------------------


def _flerpartsmote_efter_avvikelse(ctx: Kontext) -> None:
    avslut = forsta(ctx, AVSLUT)
    for avvikelse in varje(ctx, AVVIKELSER, saknas="ingen avvikelse"):
        mote = next(
            (
                m
                for m in FLERPARTSMOTEN(ctx.vy)
                if m.datum >= avvikelse.datum
                and len({part(p) for p in m.objekt.parter}) >= 2
                and (avslut is None or m.datum <= avslut.datum)
            ),
            None,
        )
        if mote is not None:
            ctx.fakta(avvikelse.beskrivning, f"följd av {mote.beskrivning}")
        elif avslut is not None:
            ctx.fynd(
                f"{ctx.beskriv(avvikelse)} följdes inte av något flerpartsmöte före "
                f"{ctx.beskriv(avslut)}",
                sokvag=avvikelse.sokvag,
            )
        else:
            ctx.fynd(
                f"{ctx.beskriv(avvikelse)} ska följas av ett flerpartsmöte",
                sokvag=avvikelse.sokvag,
                allvarlighet=INFO,
            )


UMEA_10 = Regel(
    id="UMEA-10",
    titel="Avvikelse från planeringen leder till ett flerpartsmöte",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Roller och Ansvar", "Avvikelser från planeringen ska alltid utmynna i ett flerpartsmöte."
    ),
    kontroll=_flerpartsmote_efter_avvikelse,
    beskrivning=(
        "Varje avvikelse från planeringen följs av ett flerpartsmöte med minst två parter, samma "
        "dag eller senare och senast vid avslutet; texten anger ingen tidsgräns, så ett avslutat "
        "ärende utan ett sådant möte är fel, medan ett öppet ärende bara får en påminnelse."
    ),
    tolkning="finsam/1 cannot express a deviation, so the plugin adds the event avvikelse. "
    "Each needs a mote of type flerpartsmote with at least two units, on or after it (and "
    "on or before the avslut). The text sets no deadline: a closed case without one is a "
    "finding, an open case gets a reminder (info, no due date) (⚠ C8).",
)


# -- UMEA-11, Roller och Ansvar ---------------------------------------------------------------


def _overgangar_sakrade(ctx: Kontext) -> None:
    alla = INSATSER(ctx.vy)
    if not any(t.objekt.slut is not None for t in alla):
        ctx.ej_tillamplig("ingen avslutad insats, alltså ingen övergång")
        return
    for a in alla:
        if a.objekt.slut is None or not ctx.galler(a.objekt.slut):
            continue
        senare = [b for b in alla if b is not a and b.datum >= a.objekt.slut]
        if not senare:
            continue
        for b in (b for b in senare if b.datum == senare[0].datum):
            fran, till = a.objekt.utforare, b.objekt.utforare
            if part(fran) == part(till):
                continue
            kontakt = next(
                (
                    h
                    for _, h in ctx.vy.tidslinje
                    if a.datum <= h.datum <= b.datum
                    and (
                        (isinstance(h, Aterkoppling) and {part(h.fran), part(h.till)}
                         == {part(fran), part(till)})
                        or (isinstance(h, Mote) and bland(fran, h.parter) and bland(till, h.parter))
                    )
                ),
                None,
            )  # fmt: skip
            if kontakt is not None:
                ctx.fakta(f"övergång {fran} → {till}", f"{kontakt.typ} {kontakt.datum}")
            else:
                ctx.fynd(
                    f"övergången från {ctx.namn(a.objekt.typ, Kodslag.INSATSTYP)} hos "
                    f"{ctx.namn(fran)} till {ctx.namn(b.objekt.typ, Kodslag.INSATSTYP)} hos "
                    f"{ctx.namn(till)} {b.datum} är inte säkrad: ingen återkoppling eller "
                    f"gemensamt möte mellan {ctx.namn(fran)} och {ctx.namn(till)} från {a.datum} "
                    f"till {b.datum}",
                    sokvag=b.sokvag,
                )


UMEA_11 = Regel(
    id="UMEA-11",
    titel="Övergångar mellan steg säkras genom kommunikation mellan parterna",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Roller och Ansvar",
        "Övergångar och förflyttningar mellan olika steg och spår ska säkras genom "
        "dokumentation och kommunikation parterna emellan.",
    ),
    kontroll=_overgangar_sakrade,
    beskrivning=(
        "När en insats har slutat och nästa insats (den som börjar först från slutdagen) har en "
        "annan utförare, finns en återkoppling mellan de två utförarna eller ett möte med båda, "
        "från den första insatsens start till och med den nästas start; Slussen och "
        "socialtjänsten räknas som samma part, och insatser som pågår parallellt är inga "
        "övergångar."
    ),
    tolkning="A transition: insats A has a slut and B is the first insats starting on or "
    "after it, with another utförare. It needs an aterkoppling between the two utförare "
    "(either way) or a mote with both, dated from A's start to B's start. Insatser running "
    "in parallel are not transitions (⚠ C9).",
)


# -- UMEA-12, Gemensam kartläggning och matchning: beredning i 4-part -----------------------


def _beredning_i_fyrapart(ctx: Kontext) -> None:
    for beredning in varje(ctx, BEREDNINGAR, saknas="ingen beredning"):
        har = {HUVUDMAN.get(p) for p in beredning.objekt.parter}
        saknas = [h for h in FYRA_HUVUDMAN if h not in har]
        if saknas:
            ctx.fynd(
                f"{ctx.beskriv(beredning)} saknar "
                f"{ctx.namnlista([h for h in saknas if h], Kodslag.HUVUDMAN)} bland parterna "
                "(beredning i 4-part)",
                sokvag=beredning.falt("parter"),
            )


UMEA_12 = Regel(
    id="UMEA-12",
    titel="Beredningen sker i 4-part",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Gemensam kartläggning och matchning av individernas behov och förutsättningar",
        "Beredningsgrupperna i Umeå – beredning i 4-part. Samordningsteamerna i "
        "kranskommunerna- beredning 4-part/kartläggning 2–3-part.",
    ),
    kontroll=_beredning_i_fyrapart,
    beskrivning=(
        "Varje beredning har parter från alla fyra huvudmännen, Arbetsförmedlingen, "
        "Försäkringskassan, kommunen (till exempel socialtjänsten) och regionen (till exempel "
        "psykiatrin); samordningsförbundets egna enheter, som beredningsgruppen och "
        "samordningsteamet, räknas inte för någon av dem."
    ),
    tolkning="The parter of every beredning cover the four huvudmän (arbetsformedlingen, "
    "forsakringskassan, kommun, region) through their units; units of a "
    "samordningsförbund (the forum itself) do not count for any of them.",
)


# -- UMEA-13, Kartläggningen Arbetsmarknadstorgen/samordningsteam -----------------------------


@cache
def _remisser_och_beredningar(forum: str) -> tuple[Val, Val]:
    # One pair per forum: what a selector finds is cached per case by the selector's
    # identity, so a new pair for every case would never be found again.
    return (
        handelser(Remiss, lambda r, vy: r.till == forum),
        moten("beredning", lambda m, vy: forum in m.parter),
    )


def _ratt_forum_for_kommunen(ctx: Kontext) -> None:
    kommun = ctx.arende.individ.kommun.namn
    fel_forum = SAMORDNINGSTEAM if kommun == UMEA else BEREDNINGSGRUPP
    remisser, beredningar = _remisser_och_beredningar(fel_forum)
    traffar = [*remisser(ctx.vy), *beredningar(ctx.vy)]
    ctx.fakta("kommun", kommun)
    for traff in sorted(traffar, key=lambda t: t.datum):
        if ctx.galler(traff.datum):
            forum = (
                "samordningsteamen i kranskommunerna"
                if kommun == UMEA
                else ("beredningsgrupperna i Umeå")
            )
            ctx.fynd(
                f"{ctx.beskriv(traff)} {'till' if traff.namn == 'remiss' else 'med'} "
                f"{ctx.namn(fel_forum)}, men personen är folkbokförd i {kommun}: "
                f"{forum} bereder inte personer därifrån",
                sokvag=traff.sokvag,
            )


UMEA_13 = Regel(
    id="UMEA-13",
    titel="Beredningsgrupp i Umeå, samordningsteam i kranskommunerna",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningen Arbetsmarknadstorgen/samordningsteam",
        "Beredningsgrupperna i Umeå bereder in personer varje vecka. Samordningsteamerna i "
        "kranskommunerna bereder in personer varannan vecka och tar ställning vid sittande "
        "möte vilka insatser som kan erbjudas.",
    ),
    kontroll=_ratt_forum_for_kommunen,
    beskrivning=(
        "Den som är folkbokförd i Umeå bereds i beredningsgruppen och den som är folkbokförd i en "
        "annan kommun i samordningsteamet: en remiss till eller en beredning med "
        "samordningsteamet för en person i Umeå, eller med beredningsgruppen i Umeå för en "
        "person i en annan kommun, ger en varning."
    ),
    tolkning="A remiss to, or a beredning with, beredningsgrupp_umea for a person not "
    "folkbokförd in Umeå, or samordningsteam for a person in Umeå, is reported.",
)


# -- UMEA-14, Kartläggningen Arbetsmarknadstorgen/samordningsteam -----------------------------


def _beredd_i_tid(ctx: Kontext) -> None:
    for remiss in varje(ctx, REMISSER_TILL_BEREDNING, saknas="ingen remiss till beredning"):
        forum = remiss.objekt.till
        frist = BEREDNINGSFRIST[forum]
        beredning = next(
            (
                b
                for b in BEREDNINGAR(ctx.vy)
                if b.datum >= remiss.datum and forum in b.objekt.parter
            ),
            None,
        )
        _i_tid(
            ctx,
            vad=f"beredning med {ctx.namn(forum)}",
            traff=beredning,
            sista=frist.sista_dag(remiss.datum),
            grund=f"{frist} efter {ctx.beskriv(remiss)}",
            sokvag=remiss.sokvag,
        )


UMEA_14 = Regel(
    id="UMEA-14",
    titel="Beredning inom en vecka (Umeå) eller två veckor (kranskommunerna)",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningen Arbetsmarknadstorgen/samordningsteam",
        "Beredningsgrupperna i Umeå bereder in personer varje vecka. Samordningsteamerna i "
        "kranskommunerna bereder in personer varannan vecka och tar ställning vid sittande "
        "möte vilka insatser som kan erbjudas.",
    ),
    kontroll=_beredd_i_tid,
    beskrivning=(
        "Efter en remiss till beredningsgruppen i Umeå hålls en beredning med beredningsgruppen "
        "senast 7 dagar efter remissen (dag 7 i tid, dag 8 för sent), och efter en remiss till "
        "samordningsteamet i en kranskommun en beredning med samordningsteamet senast 14 dagar "
        "efter (dag 14 i tid, dag 15 för sent); en beredning i ett annat forum räknas inte, och "
        "fristen är öppen till sista dagen."
    ),
    tolkning="A group that meets every week (every other week) takes up a referral within "
    "7 (14) days: for a remiss on day D to beredningsgrupp_umea (samordningsteam), a "
    "beredning with that unit among its parter dated D … D+7 (D+14). Open until then.",
)


# -- UMEA-15, Kartläggning i samordningsteam --------------------------------------------------


def _begransningar_ur_egen_synvinkel(ctx: Kontext) -> None:
    kartlaggningar_ = [(i, k) for i, k in enumerate(ctx.arende.kartlaggningar) if k.begransningar]
    if not kartlaggningar_:
        ctx.ej_tillamplig("inga begränsningar i någon kartläggning")
        return
    for i, k in kartlaggningar_:
        if not ctx.galler(k.datum):
            continue
        for j, b in enumerate(k.begransningar):
            skal = SKAL.get(b.part)
            if skal is not None and b.skal not in skal:
                ctx.fynd(
                    f"{ctx.namn(b.part)} lyfter fram begränsningar av skälet "
                    f"{ctx.namn(b.skal, Kodslag.SKAL)}; enligt Bilaga 4 lyfter "
                    f"{ctx.namn(b.part)} fram "
                    f"{' eller '.join(ctx.namn(x, Kodslag.SKAL) for x in skal)}",
                    sokvag=f"kartlaggningar[{i}].begransningar[{j}].skal",
                )


UMEA_15 = Regel(
    id="UMEA-15",
    titel="Varje part lyfter fram begränsningar utifrån sitt perspektiv",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggning i samordningsteam",
        "Arbetsförmedlingen lyfter fram om det finns begränsad arbetsförmåga och "
        "förutsättningar utifrån bristen på arbetserfarenhet, funktionsvariationer, "
        "arbetsgivarkrav etc. Försäkringskassan lyfter fram om det finns begränsad "
        "arbetsförmåga och förutsättningar utifrån fysiska, psykiska eller medicinska skäl. "
        "Socialtjänsten lyfter fram om det finns begränsad arbetsförmåga och förutsättningar "
        "utifrån sociala skäl ex. boendesituation, skulder, missbruk/riskbruk, "
        "familjesituation, kriminalitet, våld etc. Psykiatrin, Ungdom- och "
        "vuxenhabiliteringens råd och stöd och primärvården lyfter fram om det finns "
        "begränsad arbetsförmåga och förutsättningar utifrån funktionsbegränsande skäl ex. "
        "diagnoser, medicinering, behandlingar, läkarutlåtanden, resurser etc. Primärvården "
        "lyfter fram om det finns begränsad arbetsförmåga och förutsättningar utifrån "
        "individens hälsotillstånd och behandling. Kommunala aktivitetsansvaret lyfter fram "
        "om det finns begränsade förutsättningar för arbete som är studierelaterade ex. "
        "avbruten grundskola eller gymnasium.",
    ),
    kontroll=_begransningar_ur_egen_synvinkel,
    beskrivning=(
        "Varje begränsning som en part tar upp i en kartläggning utgår från partens eget "
        "perspektiv: Arbetsförmedlingen arbetsmarknaden, Försäkringskassan medicinska skäl, "
        "socialtjänsten (och Slussen) sociala skäl, psykiatrin och habiliteringen "
        "funktionsbegränsande skäl, primärvården funktionsbegränsande skäl eller hälsotillstånd "
        "och KAA studier; andra parters begränsningar bedöms inte."
    ),
    tolkning="Each begränsning uses its party's skäl: af → arbetsmarknad; fk → medicinsk; "
    "socialtjanst/slussen → social; psykiatri, habilitering → funktion; primarvard → "
    "funktion or halsa (it is named twice); kaa → studier. Other parties are not judged.",
)


# -- UMEA-16, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _malgrupp_for_aktualisering(ctx: Kontext) -> None:
    individ = ctx.arende.individ
    for akt in varje(ctx, AKTUALISERINGAR, saknas="ingen aktualisering till Arbetsförmedlingen"):
        saknas = []
        if not any(f.typ == "forsorjningsstod" for f in individ.forsorjning_vid(akt.datum)):
            saknas.append("uppbär inte försörjningsstöd")
        pa_af = "af" in individ.kontakter or any(
            h.enhet == "af" and h.datum <= akt.datum for _, h in ctx.vy.av_typ(Inskrivning)
        )
        if not pa_af:
            saknas.append("är inte aktuell på Arbetsförmedlingen (kontakt eller inskrivning)")
        if saknas:
            ctx.fynd(
                f"vid {ctx.beskriv(akt)}: personen {' och '.join(saknas)}",
                sokvag=akt.sokvag,
            )


UMEA_16 = Regel(
    id="UMEA-16",
    titel="Aktualiseringen gäller en person med försörjningsstöd som är aktuell på AF",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Syftet med den gemensamma kartläggningen mellan försörjningsstöd, "
        "Arbetsförmedlingen och arbetsmarknad/integration är att stödja personer som uppbär "
        "försörjningsstöd, är aktuell på Arbetsförmedlingen och där arbetsförmågan är osäker.",
    ),
    kontroll=_malgrupp_for_aktualisering,
    beskrivning=(
        "Den dag socialtjänsten eller Slussen aktualiserar personen hos Arbetsförmedlingen (en "
        "remiss dit) har personen försörjningsstöd och är aktuell på Arbetsförmedlingen, det vill "
        "säga har Arbetsförmedlingen bland sina kontakter eller är inskriven där senast den "
        "dagen; om arbetsförmågan är osäker går inte att se i ärendet och bedöms inte."
    ),
    tolkning="On each aktualisering day (a remiss from socialtjanst or slussen to af), "
    "forsorjningsstod is paid and the person is 'aktuell på Arbetsförmedlingen': af among "
    "the contacts, or an inskrivning at af on or before that day. Uncertain work capacity "
    "cannot be checked from the case.",
)


# -- UMEA-17, Försörjningsstöd i Umeåregionen -------------------------------------------------

UMEA_17 = Regel(
    id="UMEA-17",
    titel="Arbetsförmedlingen svarar inom två arbetsdagar",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Kartläggningen initieras av försörjningsstöd/slussen med en inventering av ärenden "
        "och därefter en aktualisering till Arbetsförmedlingens funktionsbrevlåda. Där "
        "granskar en arbetsförmedlare inkomna ärenden och återkopplar inom två dagar om det "
        "är en person som har en aktiv planering hos Arbetsförmedlingen eller kan gå vidare "
        'till en tre månaders placering på kommunens arbetsmarknadsverksamhet "Arenor för '
        'prövning". Processen mot arbetsinriktade insatser ska vara skyndsam.',
    ),
    kontroll=frist_efter(
        AKTUALISERINGAR, _svar_fran_af, SVARSFRIST, vad="Arbetsförmedlingens svar"
    ),
    tolkning="An aterkoppling from af to the remittent (socialtjanst or slussen) by the "
    "second working day after the aktualisering, that day not counted; weekends, Swedish "
    "public holidays and midsommar-, jul- and nyårsafton skipped (a referral on skärtorsdag "
    "is due the Wednesday after Easter). 'Två dagar' is read as working days: the "
    "funktionsbrevlåda is worked on working days, and in calendar days that referral "
    "would be due on Easter Saturday (⚠ C10; the other reading is the one-line change "
    "SVARSFRIST = dagar(2)). Lag 1930:173 is not applied.",
)


# -- UMEA-18, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _informationsmote_veckan_efter(ctx: Kontext) -> None:
    akt = ankare_for(ctx, AKTUALISERINGAR, saknas="ingen aktualisering till Arbetsförmedlingen")
    if akt is None:
        return
    svar = _af_svar(ctx, akt)
    if svar is None:
        ctx.ej_tillamplig("Arbetsförmedlingen har inte svarat (UMEA-17 bedömer svaret)")
        return
    if not _till_provning(ctx, svar):
        ctx.ej_tillamplig("ingen prövning och inget besked om prövning från Arbetsförmedlingen")
        return
    _i_tid(
        ctx,
        vad="informationsmöte på försörjningsstöd",
        traff=_efter(ctx, INFORMATIONSMOTEN, svar.datum),
        sista=sista_dag_for_informationsmote(svar.datum),
        grund=f"veckan efter {ctx.beskriv(svar)}",
        sokvag=svar.sokvag,
    )


UMEA_18 = Regel(
    id="UMEA-18",
    titel="Informationsmöte veckan efter Arbetsförmedlingens svar",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Personen kallas till ett möte på försörjningsstöd veckan efter svaret från "
        "Arbetsförmedlingen för information och arbetsprövningen startar en vecka senare.",
    ),
    kontroll=_informationsmote_veckan_efter,
    beskrivning=(
        "När Arbetsförmedlingen har svarat på aktualiseringen och det gäller prövning (det finns "
        "en prövning på Arenor för prövning, eller svaret är besked om prövning) hålls ett "
        "informationsmöte på försörjningsstöd med personen närvarande från svarsdagen till och "
        "med söndagen veckan efter (svar en onsdag: söndagen elva dagar senare i tid, måndagen "
        "därpå för sent). Utan svar, eller vid aktiv planering hos Arbetsförmedlingen, bedöms "
        "regeln inte."
    ),
    tolkning="Judged when the case has a prövning or AF's answer has besked provning (core "
    "C3). An informationsmote with socialtjanst or slussen, the person present, dated from "
    "AF's answer to the Sunday of the ISO week after the answer's week; earlier is fine. "
    "A design time, not a deadline, hence a warning (⚠ C11). Without an answer, UMEA-17 "
    "reports.",
)


# -- UMEA-19, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _provning_veckan_efter_motet(ctx: Kontext) -> None:
    akt = ankare_for(ctx, AKTUALISERINGAR, saknas="ingen aktualisering till Arbetsförmedlingen")
    if akt is None:
        return
    svar = _af_svar(ctx, akt)
    mote = _efter(ctx, INFORMATIONSMOTEN, svar.datum) if svar is not None else None
    if svar is None or mote is None:
        ctx.ej_tillamplig("inget informationsmöte efter Arbetsförmedlingens svar (UMEA-18)")
        return
    if not _till_provning(ctx, svar):
        ctx.ej_tillamplig("ingen prövning och inget besked om prövning från Arbetsförmedlingen")
        return
    sista = INFORMATIONSMOTE_TILL_START.sista_dag(mote.datum)
    provning = forsta(ctx, PROVNINGAR)
    grund = f"{INFORMATIONSMOTE_TILL_START} efter {ctx.beskriv(mote)}"
    if provning is not None and provning.datum < mote.datum:
        ctx.fynd(
            f"prövningen startade {provning.datum}, före {ctx.beskriv(mote)}",
            sokvag=provning.falt("start"),
            frist=sista,
        )
        return
    start = provning._replace(sokvag=provning.falt("start")) if provning else None
    _i_tid(ctx, vad="prövningens start", traff=start, sista=sista, grund=grund, sokvag=mote.sokvag)


UMEA_19 = Regel(
    id="UMEA-19",
    titel="Prövningen startar en vecka efter informationsmötet",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Personen kallas till ett möte på försörjningsstöd veckan efter svaret från "
        "Arbetsförmedlingen för information och arbetsprövningen startar en vecka senare.",
    ),
    kontroll=_provning_veckan_efter_motet,
    beskrivning=(
        "Den första prövningen på Arenor för prövning startar från informationsmötet till och med "
        "7 dagar efter det (dag 7 i tid, dag 8 för sent, och en start före mötet ger också en "
        "varning); utan informationsmöte efter Arbetsförmedlingens svar bedöms regeln inte, och "
        "med besked om prövning men ännu ingen prövning är fristen öppen."
    ),
    tolkning="The first prövning starts from the informationsmöte to 7 days after it "
    "('en vecka senare' as at most a week). Without an informationsmöte not judged "
    "(UMEA-18 reports it). With AF's besked provning and no prövning yet: open until "
    "then (⚠ C11).",
)


# -- UMEA-20, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _tva_veckor_fran_inventering(ctx: Kontext) -> None:
    akt = ankare_for(ctx, AKTUALISERINGAR, saknas="ingen aktualisering till Arbetsförmedlingen")
    if akt is None:
        return
    i = forsta(ctx, INVENTERINGAR) or akt
    sista = INVENTERING_TILL_START.sista_dag(i.datum)
    provning = forsta(ctx, PROVNINGAR)
    if provning is None:
        svar = _af_svar(ctx, akt)
        if svar is None or svar.objekt.besked != BESKED_PROVNING:
            ctx.ej_tillamplig("ingen prövning och inget besked om prövning från Arbetsförmedlingen")
            return
    _i_tid(
        ctx,
        vad="prövningens start",
        traff=provning._replace(sokvag=provning.falt("start")) if provning else None,
        sista=sista,
        grund=f"{INVENTERING_TILL_START} från {ctx.beskriv(i)}",
        sokvag=i.sokvag,
    )


UMEA_20 = Regel(
    id="UMEA-20",
    titel="Två veckor från inventering till start av prövning",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Från inventering till start av prövning tar det två veckor.",
    ),
    kontroll=_tva_veckor_fran_inventering,
    beskrivning=(
        "När socialtjänsten eller Slussen har aktualiserat personen hos Arbetsförmedlingen "
        "startar den första prövningen senast 14 dagar efter den första inventeringen (utan "
        "inventering: efter aktualiseringen), dag 14 i tid och dag 15 för sent; utan prövning "
        "bedöms regeln inte, utom när Arbetsförmedlingen har gett besked om prövning, då fristen "
        "är öppen till dag 14."
    ),
    tolkning="I is the first inventering (plugin event), else the aktualisering; the first "
    "prövning starts at most 14 days after I. The steps before it can add up to more, so "
    "this design time is a warning (⚠ C11). No prövning: not judged, unless AF's besked is "
    "provning (then open until I+14).",
)


# -- UMEA-21, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _provning_hogst_tre_manader(ctx: Kontext) -> None:
    for provning in varje(ctx, PROVNINGAR, saknas="ingen prövning"):
        grans = PROVNINGSTID.sista_dag(provning.datum)
        slut = provning.objekt.slut
        grund = f"{PROVNINGSTID} från {ctx.beskriv(provning)}"
        if slut is not None and slut > grans:
            ctx.fynd(
                f"prövningen slutar {slut}, {antal_dagar((slut - grans).days)} efter sista "
                f"dagen {grans} ({grund})",
                sokvag=provning.falt("slut"),
                frist=grans,
            )
        elif slut is None and ctx.datum > grans:
            ctx.fynd(
                f"prövningen pågår fortfarande {antal_dagar((ctx.datum - grans).days)} efter "
                f"sista dagen {grans} ({grund})",
                sokvag=provning.sokvag,
                frist=grans,
            )
        elif slut is None:
            ctx.oppen_frist(
                f"prövningen ska avslutas senast {grans} ({grund})", grans, sokvag=provning.sokvag
            )
        else:
            ctx.fakta(provning.beskrivning, f"slut {slut}, gräns {grans}")


UMEA_21 = Regel(
    id="UMEA-21",
    titel="Prövningen varar högst tre månader",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Där granskar en arbetsförmedlare inkomna ärenden och återkopplar inom två dagar om "
        "det är en person som har en aktiv planering hos Arbetsförmedlingen eller kan gå "
        'vidare till en tre månaders placering på kommunens arbetsmarknadsverksamhet "Arenor '
        'för prövning". Under de tre månaderna av arbetsprövning ska en kartläggning och '
        "bedömning genomföras så att nästa steg är klart vid avslut och kan gå vidare utan "
        "avbrott.",
    ),
    kontroll=_provning_hogst_tre_manader,
    beskrivning=(
        "Varje prövning slutar senast samma datum tre kalendermånader efter starten (start "
        "2025-04-30, sista dag 2025-07-30, dagen efter är för sent); för en prövning som "
        "fortfarande pågår är fristen öppen till den dagen."
    ),
    tolkning="'En tre månaders placering' is read as a maximum (⚠ C12): each prövning "
    "ends on or before the same day three calendar months after its start (2025-04-30 → "
    "2025-07-30). Still open on the validation date: an open deadline until then, a "
    "finding after.",
)


# -- UMEA-22, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _traffar_under_provningen(ctx: Kontext) -> None:
    for provning in varje(ctx, PROVNINGAR, saknas="ingen prövning"):
        e = provningens_slut(provning.datum, provning.objekt.slut)

        def med_parterna(val: Val, start: date = provning.datum, e: date = e) -> list[Traff]:
            return [
                m
                for m in val(ctx.vy)
                if start <= m.datum <= e
                and any(p in m.objekt.parter for p in SOCIALTJANSTEN)
                and ARENOR in m.objekt.parter
            ]

        uppstart, uppfoljning = med_parterna(UPPSTARTSTRAFFAR), med_parterna(UPPFOLJNINGSMOTEN)
        ctx.fakta(
            "träffar under prövningen", f"{len(uppstart)} uppstart, {len(uppfoljning)} uppföljning"
        )
        if len(uppstart) >= 1 and len(uppfoljning) >= 2:
            continue
        text = (
            f"{_antal(len(uppstart), 'uppstartsträff', 'uppstartsträffar')} och "
            f"{_antal(len(uppfoljning), 'uppföljningsträff', 'uppföljningsträffar')} mellan "
            f"försörjningsstöd och Arenor för prövning under prövningen {provning.datum}–{e}; "
            "det ska vara en uppstartsträff och två uppföljningsträffar"
        )
        if ctx.datum > e:
            ctx.fynd(text, sokvag=provning.sokvag, frist=e)
        else:
            ctx.oppen_frist(f"hittills {text}, senast {e}", e, sokvag=provning.sokvag)


UMEA_22 = Regel(
    id="UMEA-22",
    titel="En uppstartsträff och två uppföljningsträffar under prövningen",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Under prövningstiden är det en uppstartsträff och två uppföljningsträffar mellan "
        "försörjningsstöd och arbetsledare på provningsplats och förmedlaren deltar vid "
        "uppföljning och första uppstart.",
    ),
    kontroll=_traffar_under_provningen,
    beskrivning=(
        "Under varje prövning, från starten till slutet (annars tre månader efter starten), hålls "
        "minst en uppstartsträff och två uppföljningsträffar där både försörjningsstöd "
        "(socialtjänsten eller Slussen) och Arenor för prövning deltar; saknas någon när "
        "prövningen är slut ges en varning, och innan dess är fristen öppen till prövningens "
        "sista dag."
    ),
    tolkning="From the prövning's start to E (its slut, else three months on): at least "
    "one mote of type uppstartstraff (plugin code) and two of type uppfoljningsmote, each "
    "with socialtjanst or slussen and arenor_for_provning. Short once E has passed: "
    "warning; before: open until E. Describes practice ('är det'), hence a warning.",
)


# -- UMEA-23, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _formedlaren_deltar(ctx: Kontext) -> None:
    for provning in varje(ctx, PROVNINGAR, saknas="ingen prövning"):
        e = provningens_slut(provning.datum, provning.objekt.slut)
        under = [
            m
            for m in (*UPPSTARTSTRAFFAR(ctx.vy)[:1], *UPPFOLJNINGSMOTEN(ctx.vy))
            if provning.datum <= m.datum <= e
        ]
        for mote in under:
            if "af" not in mote.objekt.parter:
                ctx.fynd(
                    f"Arbetsförmedlingen deltog inte i {ctx.beskriv(mote)} under prövningen",
                    sokvag=mote.falt("parter"),
                )


UMEA_23 = Regel(
    id="UMEA-23",
    titel="Arbetsförmedlaren deltar vid första uppstart och vid uppföljning",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Under prövningstiden är det en uppstartsträff och två uppföljningsträffar mellan "
        "försörjningsstöd och arbetsledare på provningsplats och förmedlaren deltar vid "
        "uppföljning och första uppstart.",
    ),
    kontroll=_formedlaren_deltar,
    beskrivning=(
        "Arbetsförmedlingen deltar i ärendets första uppstartsträff och i varje uppföljningsträff "
        "som hålls under en prövning, från starten till slutet (annars tre månader efter "
        "starten); träffar som inte hölls bedöms av UMEA-22."
    ),
    tolkning="The case's first uppstartstraff and every uppfoljningsmote from the prövning's "
    "start to E must have af among the parter.",
)


# -- UMEA-24, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _bedomning_under_provningen(ctx: Kontext) -> None:
    for provning in varje(ctx, PROVNINGAR, saknas="ingen prövning"):
        e = provningens_slut(provning.datum, provning.objekt.slut)
        bedomning = next(
            (
                k
                for k in KARTLAGGNINGAR(ctx.vy)
                if provning.datum <= k.datum <= e and k.objekt.inriktning is not None
            ),
            None,
        )
        if bedomning is not None:
            ctx.fakta(
                "bedömning", f"{bedomning.beskrivning}, inriktning {bedomning.objekt.inriktning}"
            )
            continue
        ctx.saknas(
            e,
            oppen=f"kartläggning och bedömning (inriktning) ska vara klar senast {e}, när "
            f"prövningen slutar",
            passerad=f"ingen kartläggning med bedömd inriktning under prövningen "
            f"{provning.datum}–{e}",
            sokvag=provning.sokvag,
        )


UMEA_24 = Regel(
    id="UMEA-24",
    titel="Kartläggning och bedömning under prövningen",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Under de tre månaderna av arbetsprövning ska en kartläggning och bedömning "
        "genomföras så att nästa steg är klart vid avslut och kan gå vidare utan avbrott.",
    ),
    kontroll=_bedomning_under_provningen,
    beskrivning=(
        "Under varje prövning, från starten till slutet (annars tre månader efter starten), blir "
        "en kartläggning med bedömd inriktning (1–5) klar; fristen är öppen till prövningens "
        "sista dag och därefter är det fel."
    ),
    tolkning="A kartläggning with an inriktning (the 'bedömning') completed from the "
    "prövning's start to E. Open until E, a finding after.",
)


# -- UMEA-25, Försörjningsstöd i Umeåregionen -------------------------------------------------


def _nasta_steg_utan_avbrott(ctx: Kontext) -> None:
    avslutade = [p for p in PROVNINGAR(ctx.vy) if p.objekt.slut is not None]
    if not avslutade:
        ctx.ej_tillamplig("ingen avslutad prövning")
        return
    avslut = forsta(ctx, AVSLUT)
    for provning in avslutade:
        if not ctx.galler(provning.datum):
            continue
        n = nasta_steg_senast(provning.objekt.slut)
        grund = f"nästa arbetsdag efter prövningens slut {provning.objekt.slut}"
        andra = [
            t for t in INSATSER(ctx.vy) if t.sokvag != provning.sokvag and t.datum > provning.datum
        ]
        nasta = next((t for t in andra if t.datum <= n), None)
        if nasta is not None:
            ctx.fakta("nästa steg", nasta.beskrivning)
            continue
        if avslut is not None and avslut.objekt.utfall == "flyttat":
            ctx.fakta("nästa steg", "personen har flyttat: bedöms inte")
            continue
        if avslut is not None and avslut.datum <= n and avslut.objekt.utfall in VAGAR_VIDARE:
            ctx.fakta("nästa steg", f"{avslut.beskrivning} ({avslut.objekt.utfall})")
            continue
        if andra:
            ctx.fynd(
                f"nästa steg ({ctx.namn(andra[0].objekt.typ, Kodslag.INSATSTYP)} "
                f"{andra[0].datum}) kom "
                f"{antal_dagar((andra[0].datum - n).days)} efter sista dagen {n} ({grund})",
                sokvag=andra[0].sokvag,
                frist=n,
            )
        elif avslut is not None:
            ctx.fynd(
                f"ingen insats efter prövningen, och {ctx.beskriv(avslut)} med utfall "
                f"{ctx.namn(avslut.objekt.utfall, Kodslag.UTFALL)} är inget nästa steg senast {n} "
                f"({grund})",
                sokvag=avslut.sokvag,
                frist=n,
            )
        else:
            ctx.saknas(
                n,
                oppen=f"nästa steg efter prövningen ska börja senast {n} ({grund})",
                passerad=f"inget nästa steg efter prövningen; sista dagen var {n} ({grund})",
                sokvag=provning.falt("slut"),
            )


UMEA_25 = Regel(
    id="UMEA-25",
    titel="Nästa steg utan avbrott efter prövningen",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Försörjningsstöd i Umeåregionen",
        "Under de tre månaderna av arbetsprövning ska en kartläggning och bedömning "
        "genomföras så att nästa steg är klart vid avslut och kan gå vidare utan avbrott.",
    ),
    kontroll=_nasta_steg_utan_avbrott,
    beskrivning=(
        "När en prövning har slutat börjar nästa steg senast nästa arbetsdag efter slutdagen "
        "(slut en fredag: måndagen i tid, tisdagen för sent): en annan insats, eller att ärendet "
        "avslutas med utfall arbete, studier, annan aktör eller arbetssökande. Den som har "
        "flyttat bedöms inte, och fristen är öppen till den dagen."
    ),
    tolkning="For a prövning with a slut, N is the next working day after it (a weekend "
    "between is no break, ⚠ C12). By N, another insats starts (after the prövning's start), "
    "or the case closes with utfall arbete, studier, annan_aktor or arbetssokande. A "
    "person who moved (flyttat) is not judged. Open until N.",
)


# -- the etablering process (UMEA-26…35) ----------------------------------------------------
#
# An *etablerare* is a participant of the etableringsprogram: omständighet
# etableringsprogrammet, etableringsersättning paid, or an inskrivning at
# etableringsprogrammet. *P0*, the programme start, is the earliest of the first
# kartläggningsträff 1, the etableringsersättning's start and that inskrivning; *P1*, its
# end, is the etableringsersättning's slut (spec 3.2; the text gives no programme length).

ETABLERINGSPROGRAMMET = "etableringsprogrammet"
ETABLERINGSPARTER = ("af", "integration", "vuxenutbildning")
"""«Arbetsförmedlingen kallar berörda parter (Centrum för vuxenutbildning och Integration
bosättning/arbetsmarknad) och individen»: who is at kartläggningsträff 1."""
UPPFOLJNINGSPARTER = ("af", "integration")
"""Who must be at kartläggningsträff 2 and 3 (SYV only «vid behov», spec 3.5)."""
FORBEREDANDE_INSATSER = (
    "arbetstraning",
    "arbetsprovning",
    "praktik",
    "gruppverksamhet",
    "kompetenshojande",
    "social_insats",
    "medicinsk_rehabilitering",
    "sius",
    "supported_employment",
    "vaga_vaxa",
    "hikikomori",
)
"""What counts as «ett individuellt förberedande paket» for a person not "redo" (UMEA-35)."""
MATCHADE = ("arbete", "studier")
"""Closures by which the person was matched within the programme time (UMEA-35)."""

KT1 = moten("kartlaggningstraff_1", beskrivning="kartläggningsträff 1")
KT2 = moten("kartlaggningstraff_2", beskrivning="kartläggningsträff 2")
KT3 = moten("kartlaggningstraff_3", beskrivning="kartläggningsträff 3")
STUDIEPLANER = planer("studieplan")
PLANER = planer()
KARTLAGGNINGAR = kartlaggningar()
INSKRIVNINGAR_I_PROGRAMMET = handelser(
    Inskrivning,
    lambda h, vy: h.enhet == ETABLERINGSPROGRAMMET,
    beskrivning="inskrivning i etableringsprogrammet",
)


class Programtid(NamedTuple):
    """The etableringsprogram of one person: where it starts (P0) and ends (P1), if known."""

    start: Traff | None
    """P0 and what set it (a träff, the ersättning, the inskrivning)."""
    slut: Traff | None
    """P1: the etableringsersättning, dated by its ``slut``."""


def _etableringsersattningar(vy: Arendevy) -> list[Traff]:
    return sorted(
        (
            Traff(f.start, f"individ.forsorjning[{i}]", "etableringsersättning", f)
            for i, f in enumerate(vy.arende.individ.forsorjning)
            if f.typ == "etableringsersattning"
        ),
        key=lambda t: t.datum,
    )


def _programtid(ctx: Kontext) -> Programtid | None:
    """The programme of an etablerare (with P0's validity checked), else None (not one)."""
    individ = ctx.arende.individ
    ersattningar = _etableringsersattningar(ctx.vy)
    inskrivningar = INSKRIVNINGAR_I_PROGRAMMET(ctx.vy)
    etablerare = (
        ETABLERINGSPROGRAMMET in individ.omstandigheter
        or any(p.kod == ETABLERINGSPROGRAMMET for p in individ.omstandighetsperioder)
        or ersattningar
        or inskrivningar
    )
    if not etablerare:
        ctx.ej_tillamplig("personen deltar inte i etableringsprogrammet")
        return None
    kandidater = [*KT1(ctx.vy)[:1], *ersattningar[:1], *inskrivningar[:1]]
    start = min(kandidater, key=lambda t: t.datum) if kandidater else None
    if start is not None and not ctx.galler(start.datum):
        return None
    sista = ersattningar[-1] if ersattningar else None
    slut = None
    if sista is not None and sista.objekt.slut is not None:
        slut = Traff(sista.objekt.slut, sista.falt("slut"), "programmets slut", sista.objekt)
    if start is not None:
        ctx.fakta("programstart (P0)", start.beskrivning)
    if slut is not None:
        ctx.fakta("programmets slut (P1)", slut.datum)
    return Programtid(start, slut)


def _brister(ctx: Kontext, traff: Traff, parter: tuple[str, ...]) -> list[str]:
    """What a kartläggningsträff lacks: parties of *parter* not there, the person absent."""
    brister = [f"{ctx.namn(p)} deltog inte" for p in parter if not bland(p, traff.objekt.parter)]
    if not traff.objekt.individen_deltog:
        brister.append("individen deltog inte")
    return brister


def _brister_i(ctx: Kontext, traffar: list[Traff], parter: tuple[str, ...]) -> str:
    """``" (kartläggningsträff 1 2024-03-04: integration deltog inte)"``, or nothing."""
    delar = [f"{ctx.beskriv(t)}: {', '.join(_brister(ctx, t, parter))}" for t in traffar]
    return f" ({'; '.join(delar)})" if delar else ""


def _i_fonstret(
    ctx: Kontext,
    *,
    vad: str,
    traffar: list[Traff],
    parter: tuple[str, ...],
    fonster: tuple[date, date],
    grund: str,
    sokvag: str | None,
) -> None:
    """A kartläggningsträff (*vad*) with *parter* and the person, inside *fonster*: met;
    outside: a warning; none once the window has closed: the rule's severity; before: an
    open deadline on the window's last day."""
    fran, till = fonster
    godkanda = [t for t in traffar if not _brister(ctx, t, parter)]
    inne = next((t for t in godkanda if fran <= t.datum <= till), None)
    if inne is not None:
        ctx.fakta(inne.beskrivning, f"i fönstret {fran}–{till}")
    elif godkanda:
        utanfor = godkanda[0]
        ctx.fynd(
            f"{ctx.beskriv(utanfor)} hölls utanför fönstret {fran}–{till} ({grund})",
            sokvag=utanfor.sokvag,
            frist=till,
            allvarlighet=VARNING,
        )
    else:
        med = f"{ctx.namnlista(parter)} och individen"
        ctx.saknas(
            till,
            oppen=f"{vad} med {med} ska hållas {fran}–{till} ({grund})",
            passerad=f"ingen {vad} med {med} {fran}–{till} ({grund})"
            + _brister_i(ctx, traffar, parter),
            sokvag=sokvag,
        )


def _forsta_efter(traffar: list[Traff], dag: date) -> Traff | None:
    return next((t for t in traffar if t.datum >= dag), None)


def _andra_tillfallet(ctx: Kontext) -> Traff | None:
    """The second kartläggningsträff 1: the first one dated after the first."""
    traffar = KT1(ctx.vy)
    return next((t for t in traffar[1:] if t.datum > traffar[0].datum), None) if traffar else None


# -- UMEA-26, Etableringsprocessen; Kartläggningsträff 1 ------------------------------------


def _senast_for_kt1(ctx: Kontext, tid: Programtid) -> Traff | None:
    """T: the first of the first insats on or after P0, KT2, KT3 and P1."""
    insats = _forsta_efter(INSATSER(ctx.vy), tid.start.datum) if tid.start else None
    kandidater = [t for t in (insats, forsta(ctx, KT2), forsta(ctx, KT3), tid.slut) if t]
    return min(kandidater, key=lambda t: t.datum) if kandidater else None


def _kartlaggningstraff_1(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    traffar = KT1(ctx.vy)
    godkand = next((t for t in traffar if not _brister(ctx, t, ETABLERINGSPARTER)), None)
    t = _senast_for_kt1(ctx, tid)
    if godkand is not None and (t is None or godkand.datum <= t.datum):
        ctx.fakta("kartläggningsträff 1", godkand.beskrivning)
    elif t is None:
        ctx.ej_tillamplig(
            "inget har ännu satt sista dagen (ingen insats, kartläggningsträff 2 eller 3, "
            "inget känt programslut)"
        )
    elif godkand is not None:
        ctx.fynd(
            f"{ctx.beskriv(godkand)} hölls först efter {ctx.beskriv(t)}",
            sokvag=godkand.sokvag,
            frist=t.datum,
        )
    else:
        med = f"{ctx.namnlista(ETABLERINGSPARTER)} och individen"
        ctx.saknas(
            t.datum,
            oppen=f"kartläggningsträff 1 med {med} ska hållas senast {ctx.beskriv(t)}",
            passerad=f"ingen kartläggningsträff 1 med {med} senast {ctx.beskriv(t)}"
            + _brister_i(ctx, traffar, ETABLERINGSPARTER),
            sokvag=traffar[0].sokvag if traffar else t.sokvag,
        )


UMEA_26 = Regel(
    id="UMEA-26",
    titel="Kartläggningsträff 1 med AF, integration och vuxenutbildning vid programstarten",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Etableringsprocessen; Kartläggningsträff 1",
        "Deltagare i etableringsprogrammet ska erbjudas samverkan mellan "
        "Arbetsförmedlingen, integration (både arbete- och bosättningsenheterna) och "
        "vuxenutbildning. Därigenom ska individen få en snabb kartläggning i syfte att ta "
        "del av vuxenstudier och samhällsorientering samt för att kunna matchas ut i jobb "
        "via jobbspår eller annat stöd. Arbetsförmedlingen kallar berörda parter (Centrum "
        "för vuxenutbildning och Integration bosättning/arbetsmarknad) och individen för "
        "ett gemensamt möte.",
    ),
    kontroll=_kartlaggningstraff_1,
    beskrivning=(
        "För en deltagare i etableringsprogrammet (omständighet, etableringsersättning eller "
        "inskrivning i programmet) hålls kartläggningsträff 1 med Arbetsförmedlingen, integration "
        "och vuxenutbildningen och personen närvarande senast när det första av följande "
        "inträffar: den första insatsen efter programstarten, kartläggningsträff 2 eller 3, eller "
        "etableringsersättningens slut (samma dag räcker). Innan dess är fristen öppen, och så "
        "länge inget av dem finns bedöms regeln inte."
    ),
    tolkning="For an etablerare (omständighet etableringsprogrammet, etableringsersättning "
    "or an inskrivning at etableringsprogrammet): a mote of type kartlaggningstraff_1 with "
    "af, integration and vuxenutbildning among the parter and the person present. It must "
    "be held on or before T, the first of: the first insats starting on or after P0, the "
    "first kartläggningsträff 2 or 3, and P1 (the etableringsersättning's slut). Before T "
    "an open deadline; nothing sets T yet: not judged. The träffar need explicit numbers "
    "(plugin meeting types), since extra meetings may occur (⚠ C13).",
)


# -- UMEA-27, Kartläggningsträff 1 – (två tillfällen) ---------------------------------------


def _andra_tillfallet_av_kt1(ctx: Kontext) -> None:
    if _programtid(ctx) is None:
        return
    traffar = KT1(ctx.vy)
    if not traffar:
        ctx.ej_tillamplig("ingen kartläggningsträff 1 (UMEA-26 bedömer den)")
        return
    forsta_ = traffar[0]
    andra = _andra_tillfallet(ctx)
    if andra is not None:
        saknas = [p for p in forsta_.objekt.parter if not bland(p, andra.objekt.parter)]
        if saknas:
            ctx.fynd(
                f"{ctx.namnlista(saknas)} deltog i {ctx.beskriv(forsta_)} men inte vid det andra "
                f"tillfället {andra.datum}",
                sokvag=andra.falt("parter"),
            )
        else:
            ctx.fakta("andra tillfället", andra.beskrivning)
        return
    kt2 = forsta(ctx, KT2)
    tid = _programtid(ctx)
    slutat = tid is not None and tid.slut is not None and ctx.datum > tid.slut.datum
    if kt2 is None and not slutat:
        ctx.ej_tillamplig("bedöms när kartläggningsträff 2 har hållits eller programmet har slutat")
        return
    efter = kt2.beskrivning if kt2 is not None else "programmets slut"
    ctx.fynd(
        f"kartläggningsträff 1 hölls bara en gång ({forsta_.datum}) före {efter}; den "
        "ska hållas vid två tillfällen",
        sokvag=forsta_.sokvag,
    )


UMEA_27 = Regel(
    id="UMEA-27",
    titel="Kartläggningsträff 1 vid två tillfällen med samma parter",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 1 – (två tillfällen)",
        "Kartläggningsträff 1 – (två tillfällen); Vid denna träff sätts även datum för "
        "nästa möte. Vid det andra mötet är fokus hälsa och yrkesorientering. Deltar gör "
        "samma parter som vid första träffen.",
    ),
    kontroll=_andra_tillfallet_av_kt1,
    beskrivning=(
        "Kartläggningsträff 1 hålls vid två tillfällen: ett andra tillfälle, senare än det "
        "första, där alla parter från det första deltar. Regeln bedöms först när "
        "kartläggningsträff 2 har hållits eller programmet (etableringsersättningen) har slutat, "
        "och ett saknat tillfälle eller en saknad part ger en varning."
    ),
    tolkning="A second kartlaggningstraff_1, dated after the first, whose parter include "
    "every party of the first. Judged once a kartläggningsträff 2 exists or P1 has passed "
    "(until then the second occasion may still come). Missing, or parties short: warning, "
    "as the two occasions are a described practice (⚠ C13).",
)


# -- UMEA-28, Kartläggningsträff 1: studieplan ----------------------------------------------


def _studieplan_vid_kt1(ctx: Kontext) -> None:
    if _programtid(ctx) is None:
        return
    traff = _andra_tillfallet(ctx) or forsta(ctx, KT2)
    if traff is None:
        ctx.ej_tillamplig(
            "varken ett andra tillfälle av kartläggningsträff 1 eller kartläggningsträff 2 ännu"
        )
        return
    plan = next((p for p in STUDIEPLANER(ctx.vy) if p.datum <= traff.datum), None)
    if plan is not None:
        ctx.fakta("studieplan", plan.beskrivning)
        return
    ctx.saknas(
        traff.datum,
        oppen=f"studieplan ska upprättas senast {ctx.beskriv(traff)}",
        passerad=f"ingen studieplan upprättad senast {ctx.beskriv(traff)}",
        sokvag=traff.sokvag,
    )


UMEA_28 = Regel(
    id="UMEA-28",
    titel="Studieplan vid kartläggningsträff 1",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 1",
        "Syftet är att skriva in personen i etableringsprogrammet samt upprätta en studieplan",
    ),
    kontroll=_studieplan_vid_kt1,
    beskrivning=(
        "En studieplan är upprättad senast vid det andra tillfället av kartläggningsträff 1 (utan "
        "ett andra tillfälle: senast vid kartläggningsträff 2), samma dag räcker; innan någon av "
        "träffarna har hållits bedöms regeln inte."
    ),
    tolkning="A plan of type studieplan dated on or before the second kartläggningsträff 1; "
    "without a second occasion, on or before the first kartläggningsträff 2. With neither "
    "yet: not judged. Missing: a finding at that träff.",
)


# -- UMEA-29, Etableringsprocessen; Kartläggningsträff 2 ------------------------------------


def _kartlaggningstraff_2(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    if tid.start is None:
        ctx.ej_bedomd(
            "programstart saknas (kartläggningsträff 1, etableringsersättning eller "
            "inskrivning i etableringsprogrammet)",
            sokvag="individ.forsorjning",
        )
        return
    fonster = kt2_fonster(tid.start.datum)
    avslut = forsta(ctx, AVSLUT)
    if avslut is not None and avslut.datum < fonster[1]:
        ctx.ej_tillamplig(f"ärendet avslutades {avslut.datum}, före fönstrets slut {fonster[1]}")
        return
    if tid.slut is not None and tid.slut.datum < fonster[1]:
        ctx.ej_tillamplig(f"programmet slutade {tid.slut.datum}, före fönstrets slut {fonster[1]}")
        return
    _i_fonstret(
        ctx,
        vad="kartläggningsträff 2",
        traffar=KT2(ctx.vy),
        parter=UPPFOLJNINGSPARTER,
        fonster=fonster,
        grund=f"{KT2_TIDIGAST}–{KT2_SENAST} månader efter programstarten {tid.start.datum}",
        sokvag=tid.start.sokvag,
    )


UMEA_29 = Regel(
    id="UMEA-29",
    titel="Kartläggningsträff 2 efter cirka ett år",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Etableringsprocessen; Kartläggningsträff 2",
        "vid tre olika tillfällen under etableringsprogrammet; Kartläggningsträff 2 – "
        "uppföljning efter cirka ett år; Syftet är att bedöma om individen behöver fler "
        "eller andra insatser för att komma närmare arbete eller studier. "
        "Arbetsförmedlingen kallar berörda parter (studie-yrkesvägledare/Centrum för "
        "vuxenutbildning, Integration arbetsmarknad/bosättning, eventuellt Försörjningsstöd) "
        "och individen till mötet.",
    ),
    kontroll=_kartlaggningstraff_2,
    beskrivning=(
        "Kartläggningsträff 2 med Arbetsförmedlingen, integration och personen närvarande hålls "
        "10–14 månader efter programstarten, båda dagarna inräknade (start 2024-03-04: från "
        "2025-01-04 till och med 2025-05-04); programstarten är det första av kartläggningsträff "
        "1, etableringsersättningens start och inskrivningen i programmet. En träff utanför "
        "fönstret ger en varning, ingen träff när fönstret har stängt är fel, och regeln bedöms "
        "inte om ärendet avslutades eller programmet slutade före fönstrets sista dag."
    ),
    tolkning="'Cirka ett år' is read as 12 ± 2 months from P0: the window runs from "
    "plus_manader(P0, 10) to plus_manader(P0, 14), both days included (⚠ C13). A "
    "kartlaggningstraff_2 with af and integration and the person present: inside the "
    "window met; outside it a warning (the text says 'cirka'); none once the window has "
    "closed: fel, with the window's end as frist; before that an open deadline. Not judged "
    "if the case closed, or the programme ended, before the window's end. SYV and "
    "försörjningsstöd are optional at this träff.",
)


# -- UMEA-30, Kartläggningsträff 2: ny planering ----------------------------------------------


def _ny_planering_vid_ohalsa(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    avslut = forsta(ctx, AVSLUT)
    for kt2 in varje(ctx, KT2, saknas="ingen kartläggningsträff 2"):
        behov = [
            k
            for k in GEMENSAMMA(ctx.vy)
            if k.datum == kt2.datum and (k.objekt.begransningar or k.objekt.inriktning in (3, 4, 5))
        ]
        if not behov:
            ctx.fakta(kt2.beskrivning, "ingen ohälsa eller nya behov i en gemensam kartläggning")
            continue
        gransar = [
            t
            for t in (_forsta_efter(KT3(ctx.vy), kt2.datum), tid.slut, avslut)
            if t is not None and t.datum >= kt2.datum
        ]
        sista = min(gransar, key=lambda t: t.datum) if gransar else None
        plan = next(
            (
                p
                for p in PLANER(ctx.vy)
                if kt2.datum <= p.datum and (sista is None or p.datum <= sista.datum)
            ),
            None,
        )
        orsak = f"{ctx.beskriv(behov[0])} visar ohälsa eller nya behov"
        if plan is not None:
            ctx.fakta(orsak, f"ny planering: {plan.objekt.typ} {plan.datum}")
        elif sista is None:
            ctx.fynd(
                f"{orsak}: en ny planering ska upprättas", sokvag=kt2.sokvag, allvarlighet=INFO
            )
        else:
            ctx.saknas(
                sista.datum,
                oppen=f"{orsak}: en ny planering ska upprättas senast {ctx.beskriv(sista)}",
                passerad=f"{orsak}, men ingen ny planering upprättades från {ctx.beskriv(kt2)} "
                f"till {ctx.beskriv(sista)}",
                sokvag=kt2.sokvag,
            )


UMEA_30 = Regel(
    id="UMEA-30",
    titel="Ny planering när kartläggningsträff 2 finner ohälsa eller nya behov",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 2",
        "Om någon form av ohälsa eller nya behov har identifierats ska dessa omhändertas "
        "och en ny planering upprättas för att på bästa sätt stötta individen.",
    ),
    kontroll=_ny_planering_vid_ohalsa,
    beskrivning=(
        "Om en gemensam kartläggning samma dag som kartläggningsträff 2 visar ohälsa eller nya "
        "behov (den tar upp begränsningar eller bedömer inriktning 3, 4 eller 5) upprättas en ny "
        "plan, av vilken typ som helst, från träffen till och med det första av nästa "
        "kartläggningsträff 3, programmets slut och avslutet; finns inget av dem ännu ges bara en "
        "påminnelse."
    ),
    tolkning="'Identifierats' is read from a gemensam kartläggning dated on the "
    "kartläggningsträff 2 date that records begränsningar or judges inriktning 3, 4 or 5. "
    "Then a plan of any type must be dated from the KT2 to the first of the next "
    "kartläggningsträff 3, P1 and the avslut; before that day an open deadline, and with "
    "none of them yet a reminder without a due date.",
)


# -- UMEA-31, Kartläggningsträff 3 – inför etableringsprogrammets avslut --------------------


def _kartlaggningstraff_3(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    if tid.slut is None:
        ctx.ej_bedomd(
            "programmets slut saknas (etableringsersättningens slut)",
            sokvag="individ.forsorjning",
        )
        return
    fonster = kt3_fonster(tid.slut.datum)
    avslut = forsta(ctx, AVSLUT)
    if avslut is not None and avslut.datum < fonster[0]:
        ctx.ej_tillamplig(f"ärendet avslutades {avslut.datum}, före fönstret {fonster[0]}")
        return
    _i_fonstret(
        ctx,
        vad="kartläggningsträff 3",
        traffar=KT3(ctx.vy),
        parter=UPPFOLJNINGSPARTER,
        fonster=fonster,
        grund=f"de sista {KT3_FORE_SLUT} månaderna före programmets slut {tid.slut.datum}",
        sokvag=tid.slut.sokvag,
    )


UMEA_31 = Regel(
    id="UMEA-31",
    titel="Kartläggningsträff 3 inför programmets avslut",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 3 – inför etableringsprogrammets avslut",
        "Kartläggningsträff 3 – inför etableringsprogrammets avslut; Arbetsförmedlingen "
        "kallar berörda parter (studie-yrkesvägledare /Centrum för vuxenutbildning, "
        "Integration arbetsmarknad/bosättning och Försörjningsstöd) och individen.",
    ),
    kontroll=_kartlaggningstraff_3,
    beskrivning=(
        "Kartläggningsträff 3 med Arbetsförmedlingen, integration och personen närvarande hålls "
        "under de tre sista månaderna före programmets slut (etableringsersättningens slut), båda "
        "dagarna inräknade (slut 2026-03-03: från 2025-12-03). En träff utanför fönstret ger en "
        "varning och ingen träff när programmet har slutat är fel; utan känt programslut bedöms "
        "regeln inte, och inte heller om ärendet avslutades före fönstret."
    ),
    tolkning="'Inför avslut' is read as within the last three months: the window runs from "
    "plus_manader(P1, -3) to P1, both included; P1 is the etableringsersättning's slut, as "
    "the text gives no programme length (the law's 24 months is not used) (⚠ C13). A "
    "kartlaggningstraff_3 with af and integration and the person present: inside met, "
    "outside a warning; none once P1 has passed: fel; before an open deadline on P1. No "
    "P1: not judged for lack of data. A case closed before the window: not judged.",
)


# -- UMEA-32, Kartläggningsträff 3: ny planering inför jobb- och utvecklingsgarantin --------


def _planering_vid_kt3(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    kt3 = ankare_for(ctx, KT3, saknas="ingen kartläggningsträff 3 (UMEA-31 bedömer den)")
    if kt3 is None:
        return
    if tid.slut is None:
        ctx.ej_bedomd(
            "programmets slut saknas (etableringsersättningens slut)",
            sokvag="individ.forsorjning",
        )
        return
    sista = max(tid.slut.datum, kt3.datum)
    plan = next((p for p in PLANER(ctx.vy) if kt3.datum <= p.datum <= sista), None)
    if plan is not None:
        ctx.fakta("ny planering", plan.beskrivning)
        return
    ctx.saknas(
        sista,
        oppen=f"ny planering inför jobb- och utvecklingsgarantin ska upprättas senast {sista} "
        "(programmets slut)",
        passerad=f"ingen ny planering från {ctx.beskriv(kt3)} till programmets slut {sista}",
        sokvag=kt3.sokvag,
    )


UMEA_32 = Regel(
    id="UMEA-32",
    titel="Ny planering inför jobb- och utvecklingsgarantin",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 3",
        "Syftet är att skapa en ny planering inför jobb- och utvecklingsgarantin. Parterna "
        "och individen enas om en fortsatt gemensam planering och vägleder individen mot "
        "rätt insats.",
    ),
    kontroll=_planering_vid_kt3,
    beskrivning=(
        "Från den första kartläggningsträff 3 till och med programmets slut "
        "(etableringsersättningens slut) upprättas en ny plan, av vilken typ som helst, inför "
        "jobb- och utvecklingsgarantin; hölls träffen efter programslutet räcker en plan samma "
        "dag. Utan kartläggningsträff 3 eller känt programslut bedöms regeln inte."
    ),
    tolkning="A plan of any type dated from the first kartläggningsträff 3 to P1 (to the "
    "träff itself if it was held after P1). Open until P1, then a finding at the KT3. "
    "Without a KT3 not judged (UMEA-31 reports it); without P1 not judged for lack of data.",
)


# -- UMEA-33, Kartläggningsträff 3: försörjningsstöd kopplas på -----------------------------


def _forsorjningsstod_vid_kt3(ctx: Kontext) -> None:
    for kt3 in varje(ctx, KT3, saknas="ingen kartläggningsträff 3"):
        if any(p in kt3.objekt.parter for p in SOCIALTJANSTEN):
            ctx.fakta(kt3.beskrivning, "försörjningsstöd deltog")
        else:
            ctx.fynd(
                f"försörjningsstöd ({ctx.namn('socialtjanst')} eller {ctx.namn('slussen')}) "
                f"deltog inte i {ctx.beskriv(kt3)}",
                sokvag=kt3.falt("parter"),
            )


UMEA_33 = Regel(
    id="UMEA-33",
    titel="Försörjningsstöd deltar i kartläggningsträff 3",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 3",
        "Arbetsförmedlingen kallar berörda parter (studie-yrkesvägledare /Centrum för "
        "vuxenutbildning, Integration arbetsmarknad/bosättning och Försörjningsstöd) och "
        "individen. Försörjningsstöd kopplas vanligtvis på vid denna träff.",
    ),
    kontroll=_forsorjningsstod_vid_kt3,
    beskrivning=(
        "Försörjningsstöd (socialtjänsten eller Slussen) är med bland parterna vid varje "
        "kartläggningsträff 3; texten säger att det sker vanligtvis, så en brist ger en varning."
    ),
    tolkning="Every kartlaggningstraff_3 has socialtjanst or slussen among its parter. "
    "'Vanligtvis' makes it a warning.",
)


# -- UMEA-34, Kartläggningsträff 3: bedömningen -----------------------------------------------


def _bedomning_vid_kt3(ctx: Kontext) -> None:
    for kt3 in varje(ctx, KT3, saknas="ingen kartläggningsträff 3"):
        bedomning = _bedomning_samma_dag(ctx, kt3)
        if bedomning is not None:
            ctx.fakta(kt3.beskrivning, f"inriktning {bedomning.objekt.inriktning}")
        else:
            ctx.fynd(
                f"ingen kartläggning med bedömd inriktning den {kt3.datum} "
                f"({ctx.beskriv(kt3)}): om individen är redo för arbete, studier eller behöver "
                "rustande insatser",
                sokvag=kt3.sokvag,
            )


def _bedomning_samma_dag(ctx: Kontext, traff: Traff) -> Traff | None:
    return next(
        (
            k
            for k in KARTLAGGNINGAR(ctx.vy)
            if k.datum == traff.datum and k.objekt.inriktning is not None
        ),
        None,
    )


UMEA_34 = Regel(
    id="UMEA-34",
    titel="Bedömning av inriktning vid kartläggningsträff 3",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Kartläggningsträff 3",
        "En bedömning görs om individen redo för att matchas ut till arbete, studier eller "
        "om det finns behov av fler rustande eller arbetslivsrehabiliterande insatser.",
    ),
    kontroll=_bedomning_vid_kt3,
    beskrivning=(
        "Samma dag som varje kartläggningsträff 3 finns en kartläggning med bedömd inriktning "
        "(1–5), det vill säga en bedömning av om personen är redo för arbete eller studier eller "
        "behöver fler rustande insatser; vilka parter som gjorde den spelar ingen roll."
    ),
    tolkning="The 'bedömning' is a kartläggning with an inriktning dated on the "
    "kartläggningsträff 3 date (any parties). A described practice ('görs'): a warning.",
)


# -- UMEA-35, Deltagare i etableringsprogrammet som inte bedöms matchas inom programtiden ---


def _inriktning_efter_programmet(ctx: Kontext, kt3: Traff, programslut: date) -> Traff | None:
    """N: the inriktning judged at the KT3, else the latest judged on or before P1."""
    vid_kt3 = _bedomning_samma_dag(ctx, kt3)
    if vid_kt3 is not None:
        return vid_kt3
    fore_ = [k for k in KARTLAGGNINGAR(ctx.vy) if k.datum <= programslut and k.objekt.inriktning]
    return fore_[-1] if fore_ else None


def _jobbspar_eller_paket(ctx: Kontext) -> None:
    tid = _programtid(ctx)
    if tid is None:
        return
    if tid.slut is None:
        ctx.ej_tillamplig("programmets slut är inte känt (etableringsersättningens slut)")
        return
    p1 = tid.slut.datum
    avslut = forsta(ctx, AVSLUT)
    if avslut is not None and avslut.datum <= p1 and avslut.objekt.utfall in MATCHADE:
        utfall = avslut.objekt.utfall
        ctx.ej_tillamplig(f"matchad inom programtiden: {ctx.beskriv(avslut)} ({utfall})")
        return
    sista = nasta_steg_efter_programmet(p1)
    grund = f"{EFTER_PROGRAMMET} efter programmets slut {p1}"
    kt3 = forsta(ctx, KT3)
    if kt3 is None:
        # The planned date of the process (F-U-4), so the agenda shows it from the start.
        if ctx.datum <= sista:
            ctx.oppen_frist(
                f"jobbspår, eller ett individuellt förberedande paket för den som inte är redo, "
                f"senast {sista} ({grund}); kartläggningsträff 3 bedömer vilket",
                sista,
                sokvag=tid.slut.sokvag,
            )
        else:
            ctx.ej_tillamplig("ingen kartläggningsträff 3 (UMEA-31 bedömer den)")
        return
    if not ctx.galler(kt3.datum):
        return
    bedomning = _inriktning_efter_programmet(ctx, kt3, p1)
    if bedomning is None:
        ctx.ej_bedomd(
            "ingen bedömd inriktning vid kartläggningsträff 3 eller före programmets slut",
            sokvag=kt3.sokvag,
        )
        return
    n = bedomning.objekt.inriktning
    ctx.fakta("bedömd inriktning", f"{n} ({bedomning.beskrivning})")
    if n == Inriktning.EJ_ARBETSLINJEN:
        ctx.ej_tillamplig("inriktning 5, ej arbetslinjen")
        return
    insatser_ = [i for i in INSATSER(ctx.vy) if kt3.datum <= i.datum <= sista]
    planer_ = [p for p in PLANER(ctx.vy) if kt3.datum <= p.datum <= sista]
    if n == Inriktning.ARBETSINRIKTADE:
        krav = {"ett jobbspår": any(i.objekt.typ == "jobbspar" for i in insatser_)}
    elif n == Inriktning.STUDIEINRIKTADE:
        krav = {"studier": any(i.objekt.typ == "studier" for i in insatser_)}
    else:
        krav = {
            "en förberedande insats": any(i.objekt.typ in FORBEREDANDE_INSATSER for i in insatser_),
            "en plan för paketet": bool(planer_),
        }
    saknas = [vad for vad, finns in krav.items() if not finns]
    if not saknas:
        if ctx.forklarar:
            ctx.fakta("efter programmet", ", ".join(krav))
        return
    vad = " och ".join(saknas)
    ctx.saknas(
        sista,
        oppen=f"inriktning {n} ({n.benamning}): {vad} ska påbörjas senast {sista} ({grund})",
        passerad=f"inriktning {n} ({n.benamning}) vid {ctx.beskriv(bedomning)}, men {vad} "
        f"saknas från {ctx.beskriv(kt3)} till {sista} ({grund})",
        sokvag=kt3.sokvag,
    )


UMEA_35 = Regel(
    id="UMEA-35",
    titel="Jobbspår, eller ett förberedande paket, efter programmet",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Deltagare i etableringsprogrammet som inte bedöms matchas inom programtiden",
        "För deltagare i etableringsprogrammet som inte bedöms matchas mot jobb under "
        "programtiden ska jobbspåren vara det naturliga valet. Om deltagaren inte anses vara "
        '"redo" för ett jobbspår, skall ett individuellt förberedande paket sättas ihop för '
        "att rusta individen.",
    ),
    kontroll=_jobbspar_eller_paket,
    beskrivning=(
        "Från kartläggningsträff 3 till och med en månad efter programmets slut "
        "(etableringsersättningens slut) påbörjas det som den bedömda inriktningen kräver: vid "
        "inriktning 1 ett jobbspår, vid 2 studier, vid 3 eller 4 en förberedande insats och en "
        "plan för paketet. Inriktning 5 bedöms inte, inte heller den vars ärende avslutades med "
        "arbete eller studier senast vid programslutet; före kartläggningsträff 3 visas sista "
        "dagen som en öppen frist."
    ),
    tolkning="For an etablerare with P1 and a kartläggningsträff 3, unless the case closed "
    "with utfall arbete or studier by P1. 'Redo' is taken from the inriktning judged at the "
    "KT3 (else the latest judged by P1): 1 needs an insats jobbspar, 2 an insats studier, "
    "3 or 4 a preparatory insats (arbetstraning, arbetsprovning, praktik, gruppverksamhet, "
    "kompetenshojande, social_insats, medicinsk_rehabilitering, sius, supported_employment, "
    "vaga_vaxa, hikikomori) and a plan; 5 is not judged. Each starts from the KT3 to one "
    "month after P1: the text gives no time limit, so one month is a parameter "
    "(EFTER_PROGRAMMET) (⚠ C14). Before the KT3 the planned last day is shown as an open "
    "deadline, so the agenda lists it from the programme's start (F-U-4).",
)


# -- UMEA-36…39, Unga som saknar en fullföljd gymnasieutbildning ----------------------------

KAA = "kaa"
KAA_ALDER = 20
"""KAA covers young people under 20 (skollagen 29 kap. 9 §; not from Bilaga 4, ⚠ C15)."""
FOLKHOGSKOLA_FRAN = 18
"""«Folkhögskola (18 år)»."""
AVHOPP = handelser(Avhopp, beskrivning="avhopp")
VAGLEDNING_AV_KAA = eller(
    handelser(Kontakt, lambda k, vy: k.part == KAA, beskrivning="kontakt med KAA"),
    handelser(
        Mote, lambda m, vy: KAA in m.parter and m.individen_deltog, beskrivning="möte med KAA"
    ),
    beskrivning="kontakt eller möte mellan KAA och den unge",
)
INFORMATION_TILL_KAA = eller(
    VAGLEDNING_AV_KAA,
    handelser(Aterkoppling, lambda a, vy: a.till == KAA, beskrivning="återkoppling till KAA"),
    handelser(Remiss, lambda r, vy: r.till == KAA, beskrivning="remiss till KAA"),
    beskrivning="kontakt, möte, återkoppling eller remiss till KAA",
)


def _unga_avhopp(ctx: Kontext) -> list[tuple[Traff, int]]:
    """The avhopp of a person under 20 on its date, with the age; others are noted."""
    unga = []
    for avhopp in varje(ctx, AVHOPP, saknas="inget avhopp"):
        alder = ctx.arende.individ.alder(avhopp.datum)
        if alder is None:
            ctx.ej_bedomd(
                f"födelsedatum saknas, så åldern vid {ctx.beskriv(avhopp)} är okänd "
                "(ange personnummer eller fodelsedatum)",
                sokvag="individ",
            )
        elif alder >= KAA_ALDER:
            ctx.fakta(avhopp.beskrivning, f"{alder} år: inte under KAA")
        else:
            unga.append((avhopp, alder))
    return unga


# -- UMEA-36, Unga som saknar en fullföljd gymnasieutbildning: information före avhopp ------


def _information_fore_avhopp(ctx: Kontext) -> None:
    for avhopp, alder in _unga_avhopp(ctx):
        information = [t for t in INFORMATION_TILL_KAA(ctx.vy) if t.datum <= avhopp.datum]
        if information:
            ctx.fakta(avhopp.beskrivning, f"{information[-1].beskrivning} ({alder} år)")
        else:
            ctx.fynd(
                f"KAA fick ingen information före {ctx.beskriv(avhopp)} (personen var {alder} "
                "år): ingen kontakt eller inget möte med KAA och den unge, ingen remiss eller "
                "återkoppling till KAA senast den dagen",
                sokvag=avhopp.sokvag,
            )


UMEA_36 = Regel(
    id="UMEA-36",
    titel="KAA får information före ett avhopp",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Unga som saknar en fullföljd gymnasieutbildning",
        "Unga som ligger under KAA: Det kommunala aktivitetsansvaret i respektive kommun ska "
        "få information innan avhopp om de konsekvenser som följer av att inte fullfölja "
        "gymnasiet.",
    ),
    kontroll=_information_fore_avhopp,
    beskrivning=(
        "Senast den dag en ung person under 20 år hoppar av gymnasiet har KAA haft kontakt eller "
        "ett möte med den unge, eller fått en remiss eller återkoppling; den som fyllt 20 år den "
        "dagen bedöms inte, och utan födelsedatum bedöms regeln inte."
    ),
    tolkning="Literally KAA receives the information; the surrounding text (guidance to the "
    "young person) suggests KAA gives it. Both are accepted (⚠ C15): on or before each "
    "avhopp (plugin event) a kontakt with part kaa, a mote with kaa and the person present, "
    "or an aterkoppling or remiss to kaa. Only for a person under 20 on the avhopp date: "
    "KAA's age limit comes from skollagen 29 kap. 9 §, not from this text.",
)


# -- UMEA-37, Unga som saknar en fullföljd gymnasieutbildning: vägledning efter avhopp ------


def _vagledning_efter_avhopp(ctx: Kontext) -> None:
    avslut = forsta(ctx, AVSLUT)
    for avhopp, alder in _unga_avhopp(ctx):
        vagledning = next(
            (
                t
                for t in VAGLEDNING_AV_KAA(ctx.vy)
                if t.datum >= avhopp.datum and (avslut is None or t.datum <= avslut.datum)
            ),
            None,
        )
        if vagledning is not None:
            ctx.fakta(avhopp.beskrivning, f"vägledning: {vagledning.beskrivning}")
        elif avslut is not None:
            ctx.fynd(
                f"ingen vägledning från KAA (kontakt eller möte med den unge) efter "
                f"{ctx.beskriv(avhopp)} före {ctx.beskriv(avslut)}; personen var {alder} år",
                sokvag=avhopp.sokvag,
            )
        else:
            ctx.fynd(
                f"efter {ctx.beskriv(avhopp)} ska KAA ge den unge individuell guidning och "
                "vägledning (kontakt eller möte): folkhögskola från 18 år, inskrivning på "
                "Arbetsförmedlingen, tidiga förberedande insatser eller praktik",
                sokvag=avhopp.sokvag,
                allvarlighet=INFO,
            )


UMEA_37 = Regel(
    id="UMEA-37",
    titel="Guidning och vägledning från KAA efter ett avhopp",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Unga som saknar en fullföljd gymnasieutbildning",
        "När en ungdom valt att göra ett avbrott ska den unge få individuell guidning och "
        "vägledning till vägar vidare ex. alternativa vägar tillbaka till skolan via ex. "
        "Folkhögskola (18 år), skriva in sig på Arbetsförmedlingen, erbjudas tidiga "
        "förberedande insatser eller praktik etc.",
    ),
    kontroll=_vagledning_efter_avhopp,
    beskrivning=(
        "Efter varje avhopp av en ung person under 20 år har KAA kontakt eller ett möte med den "
        "unge för guidning och vägledning, samma dag eller senare och senast vid avslutet; texten "
        "anger ingen tidsgräns, så ett avslutat ärende utan vägledning är fel och ett öppet "
        "ärende får en påminnelse."
    ),
    tolkning="For each avhopp of a person under 20: a kontakt with part kaa, or a mote with "
    "kaa and the person present, dated on or after the avhopp (and on or before the avslut). "
    "The text sets no deadline: a closed case without it is a finding, an open case gets a "
    "reminder (info, no due date).",
)


# -- UMEA-38, Unga som saknar en fullföljd gymnasieutbildning: folkhögskola från 18 år ------


FOLKHOGSKOLESTUDIER = insatser(
    lambda i: i.typ == "studier" and i.utforare == "folkhogskola",
    beskrivning="studier på folkhögskola",
)


def _folkhogskola_fran_18(ctx: Kontext) -> None:
    for studier in varje(ctx, FOLKHOGSKOLESTUDIER, saknas="inga studier på folkhögskola"):
        alder = ctx.arende.individ.alder(studier.datum)
        if alder is None:
            ctx.ej_bedomd(
                "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
            )
        elif alder < FOLKHOGSKOLA_FRAN:
            ctx.fynd(
                f"studier på folkhögskola från {studier.datum}, när personen var {alder} år; "
                f"folkhögskolan är en väg vidare från {FOLKHOGSKOLA_FRAN} år",
                sokvag=studier.sokvag,
            )
        else:
            ctx.fakta(studier.beskrivning, f"{alder} år")


UMEA_38 = Regel(
    id="UMEA-38",
    titel="Folkhögskola från 18 år",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Unga som saknar en fullföljd gymnasieutbildning",
        "När en ungdom valt att göra ett avbrott ska den unge få individuell guidning och "
        "vägledning till vägar vidare ex. alternativa vägar tillbaka till skolan via ex. "
        "Folkhögskola (18 år), skriva in sig på Arbetsförmedlingen, erbjudas tidiga "
        "förberedande insatser eller praktik etc.",
    ),
    kontroll=_folkhogskola_fran_18,
    beskrivning=(
        "Studier på folkhögskola börjar tidigast den dag personen fyller 18 år: 17 år vid starten "
        "ger en varning, 18 år är i ordning, och utan födelsedatum bedöms regeln inte."
    ),
    tolkning="An insats studier with utforare folkhogskola starts on or after the person's "
    "18th birthday. The age is stated in passing ('(18 år)') within an example: a warning.",
)


# -- UMEA-39, Unga som saknar en fullföljd gymnasieutbildning: KAA i beredningsgruppen ------

EJ_FULLFOLJD = "ej_fullfoljd_gymnasieutbildning"
BEREDNINGAR_I_UMEA = moten(
    "beredning",
    lambda m, vy: BEREDNINGSGRUPP in m.parter,
    beskrivning="beredning i beredningsgruppen",
)


def _kaa_i_beredningen(ctx: Kontext) -> None:
    individ = ctx.arende.individ
    for beredning in varje(ctx, BEREDNINGAR_I_UMEA, saknas="ingen beredning i beredningsgruppen"):
        if EJ_FULLFOLJD not in individ.omstandigheter_vid(beredning.datum):
            ctx.fakta(beredning.beskrivning, "personen har inte ej fullföljd gymnasieutbildning")
        elif KAA not in beredning.objekt.parter:
            ctx.fynd(
                f"KAA satt inte med i {ctx.beskriv(beredning)}, fast personen saknar en "
                "fullföljd gymnasieutbildning",
                sokvag=beredning.falt("parter"),
            )
        else:
            ctx.fakta(beredning.beskrivning, "KAA satt med")


UMEA_39 = Regel(
    id="UMEA-39",
    titel="KAA sitter med i beredningsgruppen för den som saknar gymnasieutbildning",
    allvarlighet=VARNING,
    kalla=BILAGA_4.kalla(
        "Unga som saknar en fullföljd gymnasieutbildning",
        "Representant från KAA sitter med i beredningsgrupperna för Arbetsmarknadstorgen och "
        "kan där exempelvis informera om hur många gymnasiepoäng som personen behöver för "
        "att få gymnasiebetyg.",
    ),
    kontroll=_kaa_i_beredningen,
    beskrivning=(
        "I varje beredning i beredningsgruppen i Umeå för en person som den dagen saknar "
        "fullföljd gymnasieutbildning sitter KAA med bland parterna; för andra personer är "
        "beredningen i ordning."
    ),
    tolkning="A beredning with beredningsgrupp_umea among its parter, for a person with "
    "ej_fullfoljd_gymnasieutbildning on that day (omstandigheter or a dated period), has kaa "
    "among its parter. A described practice ('sitter med'): a warning.",
)


# -- UMEA-40, Unga med en funktionsnedsättning ------------------------------------------------

FUNKTIONSNEDSATTNING = "funktionsnedsattning"
UNGA = (16, 29)
"""«Unga» is not defined: 16 is Finsam's lower age, 29 the last year of
aktivitetsersättning, which the same paragraph names (⚠ C16)."""
FORUM_FOR_UNGA = (SAMORDNINGSTEAM, BEREDNINGSGRUPP)
SAMORDNADE_INSATSER = eller(
    handelser(Remiss, lambda r, vy: r.till in FORUM_FOR_UNGA, beskrivning="remiss"),
    moten(
        "beredning",
        lambda m, vy: any(f in m.parter for f in FORUM_FOR_UNGA),
        beskrivning="beredning",
    ),
    handelser(Inskrivning, lambda h, vy: h.enhet in FORUM_FOR_UNGA, beskrivning="inskrivning"),
    beskrivning="remiss, beredning eller inskrivning i samordningsteam eller beredningsgrupp",
)


def _samordnade_insatser_for_unga(ctx: Kontext) -> None:
    start = ankare_for(ctx, ARENDETS_START, saknas="inga händelser")
    if start is None:
        return
    individ = ctx.arende.individ
    if FUNKTIONSNEDSATTNING not in individ.omstandigheter_vid(start.datum):
        ctx.ej_tillamplig(f"ingen funktionsnedsättning vid {ctx.beskriv(start)}")
        return
    alder = individ.alder(start.datum)
    if alder is None:
        ctx.ej_bedomd(
            "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
        )
        return
    lagst, hogst = UNGA
    if not lagst <= alder <= hogst:
        ctx.ej_tillamplig(f"{alder} år vid {ctx.beskriv(start)}, inte {lagst}–{hogst} år")
        return
    erbjudande = forsta(ctx, SAMORDNADE_INSATSER)
    if erbjudande is not None:
        ctx.fakta("samordnade insatser", erbjudande.beskrivning)
        return
    forum = (
        "beredningsgruppen (Arbetsmarknadstorget)"
        if individ.kommun.namn == UMEA
        else "samordningsteamet i kranskommunen"
    )
    samstart = (
        ""
        if any(f.typ == "aktivitetsersattning" for f in individ.forsorjning)
        else "; utan aktivitetsersättning kan SAMSTART via Arbetsförmedlingen vara aktuellt"
    )
    avslut = forsta(ctx, AVSLUT)
    if avslut is not None:
        ctx.fynd(
            f"personen ({alder} år, funktionsnedsättning) erbjöds inga samordnade insatser i "
            f"{forum} före {ctx.beskriv(avslut)}: ingen remiss, beredning eller inskrivning",
            sokvag=avslut.sokvag,
        )
    else:
        ctx.fynd(
            f"personen ({alder} år, funktionsnedsättning) ska erbjudas samordnade insatser "
            f"i {forum}{samstart}",
            sokvag="individ",
            allvarlighet=INFO,
        )


UMEA_40 = Regel(
    id="UMEA-40",
    titel="Unga med funktionsnedsättning erbjuds samordnade insatser",
    allvarlighet=FEL,
    kalla=BILAGA_4.kalla(
        "Unga med en funktionsnedsättning",
        "Unga med funktionsnedsättning ska erbjudas samordnade insatser i samordningsteamerna "
        "i de sex kommunerna inom ramen för FINSAM. För unga som inte har "
        "aktivitetsersättning kan SAMSTART (metodutvecklingsprojekt via Arbetsförmedlingen "
        "för funktionshindrade unga) vara aktuellt.",
    ),
    kontroll=_samordnade_insatser_for_unga,
    beskrivning=(
        "En person som har en funktionsnedsättning och är 16–29 år (fyllda år) den dag ärendet "
        "börjar erbjuds samordnade insatser: ärendet har en remiss till, en beredning med eller "
        "en inskrivning i samordningsteamet eller beredningsgruppen. Den som är 15 eller 30 år "
        "bedöms inte, ett avslutat ärende utan erbjudande är fel och ett öppet ärende får en "
        "påminnelse."
    ),
    tolkning="'Unga' is not defined: 16–29 years on the case's first event is used, 16 "
    "being Finsam's lower age and 29 the upper limit of aktivitetsersättning, which the "
    "same paragraph names (⚠ C16). For a person with funktionsnedsattning on that day the "
    "case contains a remiss to, a beredning with, or an inskrivning at samordningsteam or "
    "beredningsgrupp_umea (Umeå's forum for the same offer). A closed case without: a "
    "finding at the avslut; open: a reminder (info, no due date). SAMSTART is a "
    "possibility ('kan'), not judged.",
)


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    UMEA_01,
    UMEA_02,
    UMEA_03,
    UMEA_04,
    UMEA_05,
    UMEA_06,
    UMEA_07,
    UMEA_08,
    UMEA_09,
    UMEA_10,
    UMEA_11,
    UMEA_12,
    UMEA_13,
    UMEA_14,
    UMEA_15,
    UMEA_16,
    UMEA_17,
    UMEA_18,
    UMEA_19,
    UMEA_20,
    UMEA_21,
    UMEA_22,
    UMEA_23,
    UMEA_24,
    UMEA_25,
    UMEA_26,
    UMEA_27,
    UMEA_28,
    UMEA_29,
    UMEA_30,
    UMEA_31,
    UMEA_32,
    UMEA_33,
    UMEA_34,
    UMEA_35,
    UMEA_36,
    UMEA_37,
    UMEA_38,
    UMEA_39,
    UMEA_40,
)

REGELVERK = Regelverk(
    id="umea",
    namn="Umeåregionen – arbetsprocesserna kring individen (Bilaga 4)",
    agare="Parterna i överenskommelsen (Umeåregionens kommuner och Arbetsförmedlingen)",
    version="Bilaga 4 (odaterad)",
    regler=REGLER,
    enheter=ENHETER,
    koder=KODER,
    handelsetyper=HANDELSETYPER,
    samtycke_bedoms=(("*", "*"),),  # UMEA-02 judges consent at every exchange itself
    beskrivning="Bilaga 4 – Arbetsprocesserna kring individen: samtycke, gemensam "
    "kartläggning och inriktning, samverkansplan och ärendebärare, beredning, "
    "försörjningsstödsprocessen, etableringsprocessen, KAA och unga med "
    "funktionsnedsättning. Undated, so no giltig_fran.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    """Bilaga 4's forums and teams for routing: ``arenor.yaml`` beside this module."""
    from finsam_core.regelbygge import las_arenadata

    register(las_arenadata(files("finsam_umea") / "arenor.yaml"))
