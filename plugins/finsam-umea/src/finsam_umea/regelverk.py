"""Umeåregionen, *Bilaga 4 – Arbetsprocesserna kring individen*, as rules.

Source: ``003_0969d60999db51d9.txt``. Specification: ``shared/spec/regelverk/umea.md``
(rules UMEA-01…40; the ⚠ readings of its section 3.4 are in each rule's ``tolkning``).
This module holds UMEA-01…25: consent, the joint kartläggning and its inriktning, plans
and the ärendebärare, deviations and transitions, the beredning, and the
försörjningsstöd process. The etablering, KAA and young-people rules build on the same
units, codes and selectors.

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
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from finsam_core.regelbygge import (
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
    Inskrivning,
    Kartlaggning,
    Kodslag,
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
from finsam_umea.handelser import HANDELSETYPER, Avvikelse, Inventering
from finsam_umea.inriktningar import arendebarare, passar
from finsam_umea.process import (
    INFORMATIONSMOTE_TILL_START,
    INVENTERING_TILL_START,
    PROVNINGSTID,
    SVARSFRIST,
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


def _samtycke_tacker(samtycke: Samtycke, a: str, b: str, dag: date) -> bool:
    return any(
        samtycke.tacker(x, y, dag)
        for x in (SOCIALTJANSTEN if part(a) == "socialtjanst" else (a,))
        for y in (SOCIALTJANSTEN if part(b) == "socialtjanst" else (b,))
    )


def _medgivande_for_varje_utbyte(ctx: Kontext) -> None:
    for utbyte in varje(ctx, UTBYTEN, saknas="inget utbyte mellan parter"):
        enheter = sorted({part(e) for e in utbyte.objekt})
        par = [
            (a, b)
            for a, b in itertools.combinations(enheter, 2)
            if frozenset((a, b)) != UNDANTAGET_PAR
        ]
        otackta = [
            f"{a}–{b}"
            for a, b in par
            if not any(_samtycke_tacker(s, a, b, utbyte.datum) for s in ctx.arende.samtycken)
        ]
        if otackta:
            ctx.fynd(
                f"inget samtycke den {utbyte.datum} omfattar utbytet vid {utbyte.beskrivning} "
                f"mellan {', '.join(otackta)}",
                sokvag=utbyte.sokvag,
            )
        elif par:
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
                f"samtycket {samtycke.datum} omfattar inte {', '.join(saknas)}",
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
            f"insatsen ({insats.objekt.typ} {insats.datum})",
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
            vad = f"av typen {x.typ} hör inte till"
        if ok:
            ctx.fakta(insats.beskrivning, f"passar inriktning {n}")
        else:
            ctx.fynd(
                f"insatsen {x.typ} {insats.datum} {vad} inriktning {n} "
                f"({n.benamning}) från {fore_[-1].beskrivning}",
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
        (p for p in planer()(ctx.vy) if k.datum <= p.datum <= t.datum and p.objekt.typ in typer),
        None,
    )
    if plan is not None:
        ctx.fakta("plan", f"{plan.objekt.typ} {plan.datum} ({plan.objekt.status or 'upprattad'})")
        return
    vad = "samverkansplan (ärendet har en beredning)" if beredning else "samplanering (plan)"
    ctx.saknas(
        t.datum,
        oppen=f"{vad} ska finnas senast {t.beskrivning}",
        passerad=f"ingen {vad} mellan {k.beskrivning} och {t.beskrivning}",
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
                f"ärendebärare saknas i {plan.beskrivning} (huvudansvar)", sokvag=plan.sokvag
            )
        elif huvudansvar not in mojliga:
            ctx.fynd(
                f"{plan.beskrivning} har huvudansvar {huvudansvar}, men ärendebärare enligt "
                f"försörjningen den dagen är {' eller '.join(sorted(mojliga))}",
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
                ctx.ej_bedomd(f"{plan.beskrivning} anger inga parter", sokvag=plan.sokvag)
            continue
        roller = {insats.objekt.utforare: f"utförare av {insats.beskrivning}"}
        if plan.objekt.huvudansvar is not None:
            roller.setdefault(plan.objekt.huvudansvar, "ärendebärare")
        for enhet, roll in roller.items():
            if not bland(enhet, parter) and (plan.sokvag, enhet) not in rapporterat:
                rapporterat.add((plan.sokvag, enhet))
                ctx.fynd(
                    f"{plan.beskrivning} är inte förankrad hos {enhet} ({roll})",
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
                for m in moten("flerpartsmote")(ctx.vy)
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
                f"{avvikelse.beskrivning} följdes inte av något flerpartsmöte före "
                f"{avslut.beskrivning}",
                sokvag=avvikelse.sokvag,
            )
        else:
            ctx.fynd(
                f"{avvikelse.beskrivning} ska följas av ett flerpartsmöte",
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
                    f"övergången från {a.objekt.typ} hos {fran} till {b.objekt.typ} hos "
                    f"{till} {b.datum} är inte säkrad: ingen återkoppling eller gemensamt "
                    f"möte mellan {fran} och {till} från {a.datum} till {b.datum}",
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
                f"{beredning.beskrivning} saknar {', '.join(saknas)} bland parterna "
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
    tolkning="The parter of every beredning cover the four huvudmän (arbetsformedlingen, "
    "forsakringskassan, kommun, region) through their units; units of a "
    "samordningsförbund (the forum itself) do not count for any of them.",
)


# -- UMEA-13, Kartläggningen Arbetsmarknadstorgen/samordningsteam -----------------------------


def _ratt_forum_for_kommunen(ctx: Kontext) -> None:
    kommun = ctx.arende.individ.kommun.namn
    fel_forum = SAMORDNINGSTEAM if kommun == UMEA else BEREDNINGSGRUPP
    traffar = [
        *handelser(Remiss, lambda r, vy: r.till == fel_forum)(ctx.vy),
        *moten("beredning", lambda m, vy: fel_forum in m.parter)(ctx.vy),
    ]
    ctx.fakta("kommun", kommun)
    for traff in sorted(traffar, key=lambda t: t.datum):
        if ctx.galler(traff.datum):
            forum = (
                "samordningsteamen i kranskommunerna"
                if kommun == UMEA
                else ("beredningsgrupperna i Umeå")
            )
            ctx.fynd(
                f"{traff.beskrivning} {'till' if traff.namn == 'remiss' else 'med'} "
                f"{fel_forum}, men personen är folkbokförd i {kommun}: "
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
            vad=f"beredning med {forum}",
            traff=beredning,
            sista=frist.sista_dag(remiss.datum),
            grund=f"{frist} efter {remiss.beskrivning}",
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
                    f"{b.part} lyfter fram begränsningar av skälet {b.skal}; enligt Bilaga 4 "
                    f"lyfter {b.part} fram {' eller '.join(skal)}",
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
                f"vid {akt.beskrivning}: personen {' och '.join(saknas)}",
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
        grund=f"veckan efter {svar.beskrivning}",
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
    grund = f"{INFORMATIONSMOTE_TILL_START} efter {mote.beskrivning}"
    if provning is not None and provning.datum < mote.datum:
        ctx.fynd(
            f"prövningen startade {provning.datum}, före {mote.beskrivning}",
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
        grund=f"{INVENTERING_TILL_START} från {i.beskrivning}",
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
        grund = f"{PROVNINGSTID} från {provning.beskrivning}"
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
                    f"Arbetsförmedlingen deltog inte i {mote.beskrivning} under prövningen",
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
                for k in kartlaggningar()(ctx.vy)
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
                f"nästa steg ({andra[0].objekt.typ} {andra[0].datum}) kom "
                f"{antal_dagar((andra[0].datum - n).days)} efter sista dagen {n} ({grund})",
                sokvag=andra[0].sokvag,
                frist=n,
            )
        elif avslut is not None:
            ctx.fynd(
                f"ingen insats efter prövningen, och {avslut.beskrivning} med utfall "
                f"{avslut.objekt.utfall} är inget nästa steg senast {n} ({grund})",
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
    tolkning="For a prövning with a slut, N is the next working day after it (a weekend "
    "between is no break, ⚠ C12). By N, another insats starts (after the prövning's start), "
    "or the case closes with utfall arbete, studier, annan_aktor or arbetssokande. A "
    "person who moved (flyttat) is not judged. Open until N.",
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
    "kartläggning och inriktning, samverkansplan och ärendebärare, beredning och "
    "försörjningsstödsprocessen. Undated, so no giltig_fran.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)
