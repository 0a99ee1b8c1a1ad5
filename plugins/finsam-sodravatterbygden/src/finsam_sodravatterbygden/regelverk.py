"""Samordningsförbundet Södra Vätterbygden, *Kartläggning av samverkan* (2018–2019), as rules.

Source: ``002_ab96050952a4f110.txt`` (the text starts at line 204; pages 15–29 are missing).
The survey describes; it does not decide. Only its numeric limits (3 months, under 25,
16–24, under 20) are ``fel``; described practices are ``varning`` (reading B4).

Units are the municipal sections, groups and teams the survey names, each bound to the
municipality whose residents it serves (`Enhet.kommun`). Core ``ame`` stands for AME
Vaggeryd and AMA Jönköping, ``integration`` for the integration units, ``lss`` for
funktionshinderomsorg/daglig verksamhet and ``kaa`` for KAA.

"The handover from Team Mottagning" is the first ``remiss`` from
``jonkoping_team_mottagning`` to another Jönköping FS section; failing that, the first
``inskrivning`` at another FS section on or after Team Mottagning's start.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from finsam_core.regelbygge import (
    FEL,
    INFO,
    VARNING,
    Avslut,
    Dokument,
    Enhet,
    Individ,
    Inskrivning,
    Kodslag,
    Kontakt,
    Kontext,
    Mote,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Remiss,
    Traff,
    Val,
    ankare_for,
    antal_dagar,
    eller,
    folkbokford_i,
    forsta,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    planer,
    plus_manader,
    varje,
)

if TYPE_CHECKING:
    from finsam_core.regelbygge import RegistreraArenor

KARTLAGGNING = Dokument(
    "002_ab96050952a4f110.txt",
    "Samordningsförbundet Södra Vätterbygden: Kartläggning av samverkan (hösten 2018–våren 2019)",
    agare="Samordningsförbundet Södra Vätterbygden",
    datum="2019",
    paket=__package__ or "",
)

KOMMUNER = ("Habo", "Mullsjö", "Vaggeryd", "Jönköping")
VAGGERYD = "Vaggeryd"

TEAM_MOTTAGNING = "jonkoping_team_mottagning"
UNGA_VUXNA = "jonkoping_unga_vuxna"
RASLATT = "jonkoping_lokalkontor_raslatt"
OXNEHAGA = "jonkoping_lokalkontor_oxnehaga"
IFS = "jonkoping_ifs"
TRAPPSTEGET = "vaggeryd_trappsteget"
REFERENSGRUPPEN = "vaggeryd_trappsteget_referensgrupp"
BEREDNINGSGRUPPEN = "vaggeryd_beredningsgrupp"
ETABLERINGSGRUPPEN = "vaggeryd_etableringsgruppen"
MOTESPLATS = "vaggeryd_motesplats"
UNGDOMSCOACH = "habo_ungdomscoach"

ENHETER = (
    Enhet(TEAM_MOTTAGNING, "Team Mottagning, försörjningsstöd", "kommun", kommun="Jönköping"),
    Enhet(UNGA_VUXNA, "Unga Vuxna, försörjningsstöd", "kommun", kommun="Jönköping"),
    Enhet(RASLATT, "Lokalkontor Råslätt, försörjningsstöd", "kommun", kommun="Jönköping"),
    Enhet(OXNEHAGA, "Lokalkontor Öxnehaga, försörjningsstöd", "kommun", kommun="Jönköping"),
    Enhet(IFS, "Integrations- och flyktingsektionen", "kommun", kommun="Jönköping"),
    Enhet(
        "jonkoping_arendeforum",
        "Ärendeforum (AF, AMA, IFO, vuxenutbildning)",
        "kommun",
        kommun="Jönköping",
    ),
    Enhet(TRAPPSTEGET, "Trappsteget (AME Vaggeryd)", "kommun", kommun=VAGGERYD),
    Enhet(REFERENSGRUPPEN, "Referensgruppen för Trappsteget", "kommun", kommun=VAGGERYD),
    Enhet(BEREDNINGSGRUPPEN, "Beredningsgrupp försörjningsstöd–AME–AF", "kommun", kommun=VAGGERYD),
    Enhet(ETABLERINGSGRUPPEN, "Etableringsgruppen (AME, SFI, AF)", "kommun", kommun=VAGGERYD),
    Enhet(MOTESPLATS, "Mötesplats", "kommun", kommun=VAGGERYD),
    Enhet(UNGDOMSCOACH, "Ungdomscoach / KAA Habo", "kommun", kommun="Habo"),
    Enhet("enter", "ENTER (Samordningsförbundet Södra Vätterbygden)", "samordningsforbund"),
    Enhet("efterstod", "Efterstöd (Samordningsförbundet Södra Vätterbygden)", "samordningsforbund"),
    Enhet(
        "ratt_stod_ratt_forsorjning",
        "Rätt stöd, rätt försörjning (länsgemensamt nätverk)",
        "samordningsforbund",
    ),
)
"""The units of the survey (spec 2.2); ``kommun`` is the municipality a unit serves."""

OMSTANDIGHETER = {
    "nyanland": "Nyanländ",
    "nedsatt_arbetsformaga_sjukdom": "Nedsatt arbetsförmåga på grund av sjukdom",
    "skolfranvaro": "Skolfrånvaro",
    "daglig_verksamhet_beslut": "Beslut om daglig verksamhet",
    "hemmasittare": "Hemmasittare",
}

FS_SEKTIONER = (TEAM_MOTTAGNING, UNGA_VUXNA, RASLATT, OXNEHAGA, IFS)
"""Jönköping's försörjningsstöd sections (the four of the text, Team Mottagning and Unga
Vuxna counted as two units)."""
LOKALKONTOR = (RASLATT, OXNEHAGA)
KAA_ENHETER = ("kaa", UNGDOMSCOACH)
SOCIALTJANSTSIDAN = ("socialtjanst", "lss", *FS_SEKTIONER, MOTESPLATS)
HALSO_OCH_SJUKVARDSSIDAN = ("psykiatri", "primarvard", "habilitering")
ETABLERINGSGRUPPENS_PARTER = frozenset({"ame", "vuxenutbildning", "af"})
BEREDNINGSGRUPPENS_PARTER = frozenset({"af", "socialtjanst", "ame"})
REHABILITERANDE_INSATSER = (
    "medicinsk_rehabilitering",
    "arbetsprovning",
    "arbetstraning",
    "sius",
    "supported_employment",
)
REHABILITERANDE_MOTTAGARE = (*HALSO_OCH_SJUKVARDSSIDAN, "ratt_stod_ratt_forsorjning", "enter")

UNGA_UNDER = 25
"""Jönköping: «Personer under 25 år hanteras av enheten Unga Vuxna»."""
TRAPPSTEGET_FRAN, TRAPPSTEGET_TILL, TRAPPSTEGET_RUBRIK_TILL = 16, 24, 25
KAA_UNDER = 20
TEAM_MOTTAGNING_MANADER = 3
ETABLERINGSGRUPPEN_HOGST_DAGAR = 42
"""«Etableringsgruppen träffas vart 6 vecka»: six weeks, day 42 in time (reading B5)."""
LANGVARIGT_MANADER = 10
"""Socialstyrelsen's statistical definition of långvarigt ekonomiskt bistånd (reading B9)."""
BEREDNING_FRAN = date(2018, 11, 1)
"""«Från och med november 2018 är handläggarna för försörjningsstöd också en del av enheten.»"""

_NAMN = {e.kod: e.namn for e in ENHETER}


def _namn(kod: str) -> str:
    return _NAMN.get(kod, kod)


def _har_forsorjningsstod(individ: Individ, dag: date) -> list[date]:
    """The start dates of the försörjningsstöd periods that cover *dag*, earliest first."""
    return sorted(
        f.start for f in individ.forsorjning if f.typ == "forsorjningsstod" and f.galler(dag)
    )


# -- selectors ----------------------------------------------------------------------------

TM_INSKRIVNING = handelser(
    Inskrivning,
    lambda h, vy: h.enhet == TEAM_MOTTAGNING,
    beskrivning="inskrivning i Team Mottagning",
)
TM_REMISS = handelser(
    Remiss, lambda h, vy: h.till == TEAM_MOTTAGNING, beskrivning="remiss till Team Mottagning"
)
TEAM_MOTTAGNING_START = Val(
    "start i Team Mottagning", lambda vy: TM_INSKRIVNING(vy)[:1] or TM_REMISS(vy)[:1]
)
"""T0: the first inskrivning at Team Mottagning, else the first remiss to it."""
OVERLAMNINGSREMISS = handelser(
    Remiss,
    lambda h, vy: (
        h.fran == TEAM_MOTTAGNING and h.till in FS_SEKTIONER and h.till != TEAM_MOTTAGNING
    ),
    beskrivning="remiss från Team Mottagning",
)
INSKRIVNING_ANNAN_SEKTION = handelser(
    Inskrivning,
    lambda h, vy: h.enhet in FS_SEKTIONER and h.enhet != TEAM_MOTTAGNING,
    beskrivning="inskrivning på annan sektion",
)
FS_SEKTION = eller(
    handelser(Inskrivning, lambda h, vy: h.enhet in FS_SEKTIONER),
    handelser(Remiss, lambda h, vy: h.till in FS_SEKTIONER),
    beskrivning="inskrivning på eller remiss till försörjningsstödet i Jönköping",
)
AVSLUT = handelser(Avslut, beskrivning="avslut")
INSKRIVNINGAR_OCH_REMISSER = eller(handelser(Inskrivning), handelser(Remiss))
ALLA_INSATSER = insatser()

TRAPPSTEGETS_INSKRIVNING = handelser(
    Inskrivning, lambda h, vy: h.enhet == TRAPPSTEGET, beskrivning="inskrivning i Trappsteget"
)
TRAPPSTEGETS_INSATS = insatser(
    lambda i: i.utforare == TRAPPSTEGET, beskrivning="insats i Trappsteget"
)
TRAPPSTEGETS_REMISS = handelser(
    Remiss,
    lambda h, vy: h.till in (TRAPPSTEGET, REFERENSGRUPPEN),
    beskrivning="remiss till Trappsteget",
)
TRAPPSTEGETS_START = Val(
    "start i Trappsteget",
    lambda vy: TRAPPSTEGETS_INSKRIVNING(vy)[:1] or TRAPPSTEGETS_INSATS(vy)[:1],
)
"""The first inskrivning at Trappsteget, else the start of the first insats it delivers."""
TRAPPSTEGETS_ALDERSANKARE = Val(
    "start i eller remiss till Trappsteget",
    lambda vy: TRAPPSTEGETS_START(vy) or TRAPPSTEGETS_REMISS(vy)[:1],
)
REFERENSGRUPPEN_KOPPLAD = eller(
    handelser(Remiss, lambda h, vy: h.till == REFERENSGRUPPEN),
    handelser(Mote, lambda h, vy: REFERENSGRUPPEN in h.parter),
    beskrivning="remiss till eller möte med Trappstegets referensgrupp",
)

AME_INSKRIVNINGAR = handelser(
    Inskrivning, lambda h, vy: h.enhet == "ame", beskrivning="inskrivning på AME"
)
BEREDNINGAR = handelser(
    Mote,
    lambda h, vy: (
        h.motestyp == "beredning"
        and (BEREDNINGSGRUPPEN in h.parter or set(h.parter) >= BEREDNINGSGRUPPENS_PARTER)
    ),
    beskrivning="beredning i beredningsgruppen",
)
AME_INSATSER = insatser(lambda i: i.utforare == "ame", beskrivning="insats av AME")
REHABILITERANDE = insatser(lambda i: i.typ in REHABILITERANDE_INSATSER)
REMISSER_TILL_REHABILITERING = handelser(Remiss, lambda h, vy: h.till in REHABILITERANDE_MOTTAGARE)
KARTLAGGNINGAR_INRIKTNING_3 = kartlaggningar(lambda k: k.inriktning == 3)
SIP = planer("sip")
ETABLERINGSGRUPPENS_MOTEN = handelser(
    Mote,
    lambda h, vy: ETABLERINGSGRUPPEN in h.parter or set(h.parter) >= ETABLERINGSGRUPPENS_PARTER,
    beskrivning="möte i etableringsgruppen",
)

KAA_HANDELSER = eller(
    handelser(Inskrivning, lambda h, vy: h.enhet in KAA_ENHETER),
    handelser(Kontakt, lambda h, vy: h.part in KAA_ENHETER),
    handelser(Remiss, lambda h, vy: h.till in KAA_ENHETER),
    handelser(Mote, lambda h, vy: any(p in KAA_ENHETER for p in h.parter)),
    beskrivning="händelse inom KAA",
)
"""A KAA event: an inskrivning at, kontakt by, remiss to, or mote with a KAA unit."""


def _mottagare(traff: Traff) -> tuple[str, str]:
    """The unit a remiss goes to or an inskrivning is at, with the path of that field."""
    if isinstance(traff.objekt, Remiss):
        return traff.objekt.till, traff.falt("till")
    return traff.objekt.enhet, traff.falt("enhet")


def _overlamning(ctx: Kontext, start: date | None) -> Traff | None:
    """The handover from Team Mottagning (see the module doc), on or after *start*."""
    for val in (OVERLAMNINGSREMISS, INSKRIVNING_ANNAN_SEKTION):
        for traff in val(ctx.vy):
            if start is None or traff.datum >= start:
                return traff
    return None


def _etablerare_i_vaggeryd(ctx: Kontext) -> Traff | None:
    """The first insats of AME, for an etablerare in Vaggeryd (SVB-09 and SVB-10)."""
    individ = ctx.arende.individ
    if individ.kommun.namn != VAGGERYD:
        ctx.ej_tillamplig(f"folkbokförd i {individ.kommun.namn}, inte i {VAGGERYD}")
        return None
    insats = ankare_for(ctx, AME_INSATSER, saknas="ingen insats av AME")
    if insats is None:
        return None
    if not _ar_etablerare(individ, insats.datum):
        ctx.ej_tillamplig(f"inte etablerare när {ctx.beskriv(insats)} började")
        return None
    return insats


def _ar_etablerare(individ: Individ, dag: date) -> bool:
    return "etableringsprogrammet" in individ.omstandigheter_vid(dag) or any(
        f.typ == "etableringsersattning" and f.galler(dag) for f in individ.forsorjning
    )


def _etableringsersattning_start(individ: Individ, dag: date) -> date | None:
    starter = [
        f.start for f in individ.forsorjning if f.typ == "etableringsersattning" and f.galler(dag)
    ]
    return min(starter, default=None)


# -- SVB-01, Bakgrund (s. 2) ----------------------------------------------------------------

SVB_01 = Regel(
    id="SVB-01",
    titel="Folkbokförd i någon av förbundets kommuner",
    allvarlighet=FEL,
    kalla=KARTLAGGNING.kalla(
        "Bakgrund (s. 2)",
        "I min roll som processutvecklare i Samordningsförbundet Södra Vätterbygden ligger "
        "att förstärka samverkan mellan förbundets sju parter (Försäkringskassan, "
        "Arbetsförmedling, Region Jönköpings län och kommunerna Habo, Mullsjö, Vaggeryd och "
        "Jönköping) samt att kartlägga nuvarande samverkansprocesser.",
    ),
    kontroll=folkbokford_i(KOMMUNER),
    tolkning="The förbund's four municipalities are its catchment area: Habo (0643), "
    "Mullsjö (0642), Vaggeryd (0665) and Jönköping (0680).",
)


# -- SVB-02, Vaggeryds kommun – AME (s. 9); Habo – Integration och flyktingenheten/dua -----


def _enhet_i_egen_kommun(ctx: Kontext) -> None:
    bundna = {e.kod: e for e in ctx.regelverk.enheter if e.kommun is not None}
    kommun = ctx.arende.individ.kommun.namn
    enheter = [(t, *_mottagare(t)) for t in INSKRIVNINGAR_OCH_REMISSER(ctx.vy)]
    enheter += [(t, t.objekt.utforare, t.falt("utforare")) for t in ALLA_INSATSER(ctx.vy)]
    bedomda = sorted(
        ((t, bundna[kod], sokvag) for t, kod, sokvag in enheter if kod in bundna),
        key=lambda rad: rad[0].datum,
    )
    if not bedomda:
        ctx.ej_tillamplig("ingen enhet som hör till en viss kommun")
        return
    for traff, enhet, sokvag in bedomda:
        if ctx.galler(traff.datum) and enhet.kommun != kommun:
            ctx.fynd(
                f"{enhet.namn} hör till {enhet.kommun} ({ctx.beskriv(traff)}), men personen är "
                f"folkbokförd i {kommun}",
                sokvag=sokvag,
            )


SVB_02 = Regel(
    id="SVB-02",
    titel="Kommunens egna enheter för den egna kommunens invånare",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Vaggeryds kommun – AME (s. 9); Habo – Integration och flyktingenheten/dua, Vad "
        "behöver utvecklas? (s. 6)",
        "AME är kommunens enhet för att driva och samordna arbetsmarknads- och "
        "integrationsfrågor. Som mindre kommun skulle det också vara positivt att kunna få "
        "möjlighet att ta del av de rehabiliteringsinsatser som finns i övriga länet.",
    ),
    kontroll=_enhet_i_egen_kommun,
    beskrivning=(
        "Varje enhet som hör till en viss kommun (till exempel Team Mottagning i Jönköping, "
        "Trappsteget i Vaggeryd eller ungdomscoachen i Habo) och som personen skrivs in på, "
        "remitteras till eller får en insats av, hör till personens folkbokföringskommun; "
        "gemensamma enheter och samordningsförbundets enheter bedöms inte."
    ),
    tolkning="Every inskrivning.enhet, remiss.till and insatser[].utforare that is a unit "
    "bound to a municipality (Enhet.kommun) must be bound to the person's folkbokförings"
    "kommun. Core units and the förbund's units serve everyone and are not judged. ⚠ B4: "
    "the survey describes, it does not decide, and Habo wishes to use the county's "
    "insatser, so this is a varning.",
)


# -- SVB-03, Jönköpings kommun – Försörjningsstöd (s. 13) ------------------------------------


def _overlamnad_inom_tre_manader(ctx: Kontext) -> None:
    start = ankare_for(ctx, TEAM_MOTTAGNING_START, saknas="inte aktuell i Team Mottagning")
    if start is None:
        return
    sista = plus_manader(start.datum, TEAM_MOTTAGNING_MANADER)
    grund = f"högst 3 månader från {ctx.beskriv(start)}"
    ctx.fakta("sista dag i Team Mottagning", f"{sista} ({grund})")
    slut: list[tuple[date, str, str]] = []
    overlamning = _overlamning(ctx, start.datum)
    if overlamning is not None:
        till, falt = _mottagare(overlamning)
        slut.append(
            (
                overlamning.datum,
                falt,
                f"överlämningen ({ctx.beskriv(overlamning)} till {_namn(till)})",
            )
        )
    avslut = next((t for t in AVSLUT(ctx.vy) if t.datum >= start.datum), None)
    if avslut is not None:
        slut.append((avslut.datum, avslut.sokvag, f"avslutet {avslut.datum}"))
    for index, f in enumerate(ctx.arende.individ.forsorjning):
        if f.typ == "forsorjningsstod" and f.galler(start.datum) and f.slut is not None:
            slut.append(
                (f.slut, f"individ.forsorjning[{index}].slut", f"försörjningsstödets slut {f.slut}")
            )
    slut.sort()
    if slut and slut[0][0] <= sista:
        ctx.fakta("lämnat Team Mottagning", slut[0][2])
        return
    if slut and slut[0][0] <= ctx.datum:
        datum, sokvag, vad = slut[0]
        ctx.fynd(
            f"{vad} kom {antal_dagar((datum - sista).days)} efter sista dagen {sista} ({grund})",
            sokvag=sokvag,
            frist=sista,
        )
        return
    ctx.saknas(
        sista,
        oppen=f"ärendet ska lämnas över från Team Mottagning senast {sista} ({grund})",
        passerad=f"ärendet har inte lämnats över från Team Mottagning; sista dagen var {sista} "
        f"({grund})",
        sokvag=start.sokvag,
    )


SVB_03 = Regel(
    id="SVB-03",
    titel="Team Mottagning lämnar över inom 3 månader",
    allvarlighet=FEL,
    kalla=KARTLAGGNING.kalla(
        "Jönköpings kommun – Försörjningsstöd (s. 13)",
        "Ärenden hanteras av enheten under max 3 månader för att sedan lämnas över till "
        "lokalkontoren på Råslätt eller Öxnehaga beroende var i kommunen individen bor och om "
        "behovet av försörjningsstöd är fortsatt.",
    ),
    kontroll=_overlamnad_inom_tre_manader,
    beskrivning=(
        "Ärendet lämnas över från Team Mottagning senast 3 kalendermånader efter första "
        "inskrivningen där (annars första remissen dit), till exempel från 2025-01-15 senast "
        "2025-04-15, genom en remiss till eller inskrivning på en annan sektion för "
        "försörjningsstöd, genom avslut eller genom att försörjningsstödet upphör."
    ),
    tolkning="T0 is the first inskrivning at jonkoping_team_mottagning (else the first remiss "
    "to it); the last day is plus_manader(T0, 3). Met by a handover (a remiss from Team "
    "Mottagning to another FS section, else an inskrivning at another FS section on or after "
    "T0), an avslut, or the end of the försörjningsstöd period covering T0, on or before "
    "that day. ⚠ B3: 'max 3 månader' is counted in calendar months (T0 2025-01-15 gives "
    "2025-04-15); the handover is the remiss (the decision), not the later inskrivning; when "
    "försörjningsstöd ends in time no handover is needed ('om behovet … är fortsatt'). "
    "Råslätt or Öxnehaga 'beroende var i kommunen individen bor' cannot be checked: the text "
    "gives no district map.",
)


# -- SVB-04, Jönköpings kommun – Försörjningsstöd (s. 13) ------------------------------------


def _nya_arenden_till_team_mottagning(ctx: Kontext) -> None:
    forst = ankare_for(
        ctx,
        FS_SEKTION,
        saknas="ingen inskrivning på eller remiss till försörjningsstödet i Jönköping",
    )
    if forst is None:
        return
    dag = forst.datum
    tidigare = [
        s for s in _har_forsorjningsstod(ctx.arende.individ, dag) if s < plus_manader(dag, -3)
    ]
    if tidigare:
        ctx.ej_tillamplig(f"försörjningsstöd sedan {tidigare[0]}: inte ett nytt ärende")
        return
    mottagare, sokvag = _mottagare(forst)
    if ctx.forklarar:
        ctx.fakta("första sektion", f"{_namn(mottagare)} ({forst.beskrivning})")
    if mottagare == TEAM_MOTTAGNING:
        return
    if mottagare == UNGA_VUXNA:
        alder = ctx.arende.individ.alder(dag)
        if alder is None:
            ctx.ej_bedomd(
                "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
            )
            return
        if alder < UNGA_UNDER:
            return
        ctx.fynd(
            f"det nya ärendet började hos Unga Vuxna {dag}, men personen var {alder} år; "
            "Team Mottagning tar emot samtliga nya ärenden (Unga Vuxna personer under 25 år)",
            sokvag=sokvag,
        )
        return
    ctx.fynd(
        f"det nya ärendet började hos {_namn(mottagare)} {dag}; Team Mottagning tar emot "
        "samtliga nya ärenden gällande försörjningsstöd",
        sokvag=sokvag,
    )


SVB_04 = Regel(
    id="SVB-04",
    titel="Nya ärenden om försörjningsstöd börjar i Team Mottagning",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Jönköpings kommun – Försörjningsstöd (s. 13)",
        "Team Mottagning tar emot samtliga nya ärenden gällande försörjningsstöd. "
        "Sektionerna består av Team Mottagning och Unga Vuxna, lokalkontor Råslätt, "
        "lokalkontor Öxnehaga samt invandrar- och flyktingsektionen.",
    ),
    kontroll=_nya_arenden_till_team_mottagning,
    beskrivning=(
        "Ett nytt ärende om försörjningsstöd i Jönköping, det vill säga första inskrivningen på "
        "eller remissen till en sektion för försörjningsstöd, börjar i Team Mottagning, eller i "
        "Unga Vuxna för den som är under 25 år den dagen; har försörjningsstödet pågått i mer än 3 "
        "månader är ärendet inte nytt och bedöms inte."
    ),
    tolkning="The earliest inskrivning at, or remiss to, a Jönköping FS section must be at "
    "Team Mottagning, or at Unga Vuxna for a person under 25 that day. A case whose "
    "försörjningsstöd period covering that date began more than 3 months earlier "
    "(before plus_manader(date, −3)) is an old case, not a new one, and is not judged. "
    "⚠ B2: Team Mottagning and Unga Vuxna form one section ('Team Mottagning och Unga "
    "Vuxna'), so a new case for an under-25 may start at either.",
)


# -- SVB-05, Jönköpings kommun – Försörjningsstöd (s. 13) ------------------------------------


def _unga_vuxna_under_25(ctx: Kontext) -> None:
    start = forsta(ctx, TEAM_MOTTAGNING_START)
    overlamning = _overlamning(ctx, start.datum if start else None)
    if overlamning is None:
        ctx.ej_tillamplig("ingen överlämning till en annan sektion för försörjningsstöd")
        return
    if not ctx.galler(overlamning.datum):
        return
    mottagare, sokvag = _mottagare(overlamning)
    if mottagare == IFS:
        ctx.ej_tillamplig("överlämnat till IFS, som texten inte nämner som mottagare")
        return
    alder = ctx.arende.individ.alder(overlamning.datum)
    if alder is None:
        ctx.ej_bedomd(
            "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
        )
        return
    ctx.fakta("ålder", f"{alder} år vid {overlamning.beskrivning}")
    if alder < UNGA_UNDER and mottagare in LOKALKONTOR:
        ctx.fynd(
            f"personen var {alder} år vid {ctx.beskriv(overlamning)} till {_namn(mottagare)}; "
            "personer under 25 år hanteras av Unga Vuxna",
            sokvag=sokvag,
        )
    elif alder >= UNGA_UNDER and mottagare == UNGA_VUXNA:
        ctx.fynd(
            f"personen var {alder} år vid {ctx.beskriv(overlamning)} till Unga Vuxna, som "
            "hanterar personer under 25 år",
            sokvag=sokvag,
        )


SVB_05 = Regel(
    id="SVB-05",
    titel="Unga Vuxna för personer under 25 år, lokalkontor för äldre",
    allvarlighet=FEL,
    kalla=KARTLAGGNING.kalla(
        "Jönköpings kommun – Försörjningsstöd (s. 13)",
        "Personer under 25 år hanteras av enheten Unga Vuxna.",
    ),
    kontroll=_unga_vuxna_under_25,
    beskrivning=(
        "Vid överlämningen från Team Mottagning (remissen, annars inskrivningen på en annan "
        "sektion) ska den som är under 25 år till Unga Vuxna och den som är 25 år eller äldre till "
        "lokalkontoret Råslätt eller Öxnehaga: 24 år till ett lokalkontor eller 25 år till Unga "
        "Vuxna är fel, och överlämning till Integrations- och flyktingsektionen bedöms inte."
    ),
    tolkning="Age on the date of the handover from Team Mottagning (with no Team Mottagning, "
    "the first inskrivning at another FS section). 24 or younger and sent to a lokalkontor: "
    "fel; 25 or older and sent to Unga Vuxna: fel. ⚠ B2: a continued case goes to Unga "
    "Vuxna if under 25, else to a lokalkontor; age is taken on the handover date, when the "
    "assignment is made; IFS is not named as a destination and is not judged.",
)


# -- SVB-06, Vaggeryds kommun – AME (s. 9); Trappsteget (Unga mellan 16-25år) (s. 10) --------


def _trappstegets_alder(ctx: Kontext) -> None:
    ankare = ankare_for(ctx, TRAPPSTEGETS_ALDERSANKARE, saknas="inte aktuell i Trappsteget")
    if ankare is None:
        return
    alder = ctx.arende.individ.alder(ankare.datum)
    if alder is None:
        ctx.ej_bedomd(
            "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
        )
        return
    ctx.fakta("ålder", f"{alder} år vid {ankare.beskrivning}")
    if TRAPPSTEGET_FRAN <= alder <= TRAPPSTEGET_TILL:
        return
    if alder == TRAPPSTEGET_RUBRIK_TILL:
        ctx.fynd(
            f"personen är {alder} år vid {ctx.beskriv(ankare)}; Trappsteget är för personer "
            "mellan 16 och 24 år (rubriken säger 16–25 år)",
            sokvag="individ",
            allvarlighet=VARNING,
        )
        return
    ctx.fynd(
        f"personen är {alder} år vid {ctx.beskriv(ankare)}; Trappsteget är för personer mellan "
        "16 och 24 år (rubriken säger 16–25 år)",
        sokvag="individ",
    )


SVB_06 = Regel(
    id="SVB-06",
    titel="Trappsteget för unga mellan 16 och 24 år",
    allvarlighet=FEL,
    kalla=KARTLAGGNING.kalla(
        "Vaggeryds kommun – AME (s. 9); Trappsteget (Unga mellan 16-25år) (s. 10)",
        "Trappsteget (ett första steg mot självförsörjning och arbete för personer mellan 16 "
        "och 24 år); Trappsteget (Unga mellan 16-25år)",
    ),
    kontroll=_trappstegets_alder,
    beskrivning=(
        "Personen är mellan 16 och 24 år (fyllda år) vid första inskrivningen i Trappsteget (annars"
        " vid första insatsen där eller första remissen till Trappsteget eller dess referensgrupp):"
        " precis 25 år ger en varning eftersom rubriken säger 16–25 år, under 16 eller 26 år och "
        "äldre är fel."
    ),
    tolkning="Age on the first inskrivning at vaggeryd_trappsteget, else the start of the "
    "first insats it delivers, else the first remiss to Trappsteget or its referensgrupp. "
    "Graded: under 16, or 26 and over, is fel; exactly 25 is varning; 16–24 is met. ⚠ B1: "
    "the AME description says «mellan 16 och 24 år», the section heading «16-25år». Outside "
    "16–25 breaks both statements (fel); 25 breaks only the definition (varning). The "
    "region's convention for 'unga' is under 25 (DUA, Unga Vuxna, AF's 16–24), and read as "
    "a half-open range '16-25' can mean 'up to 25'.",
)


# -- SVB-07, Trappsteget (Unga mellan 16-25år) (s. 10) ---------------------------------------


def _referensgruppen_fore_trappsteget(ctx: Kontext) -> None:
    start = ankare_for(ctx, TRAPPSTEGETS_START, saknas="inte inskriven i Trappsteget")
    if start is None:
        return
    tidiga = [t for t in REFERENSGRUPPEN_KOPPLAD(ctx.vy) if t.datum <= start.datum]
    if tidiga:
        ctx.fakta("referensgruppen", tidiga[0].beskrivning)
        return
    ctx.fynd(
        f"varken remiss till eller möte med Trappstegets referensgrupp senast vid "
        f"{ctx.beskriv(start)}; referensgruppen fungerar som remissinstans",
        sokvag=start.sokvag,
    )


SVB_07 = Regel(
    id="SVB-07",
    titel="Trappstegets referensgrupp före inskrivningen",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Trappsteget (Unga mellan 16-25år) (s. 10)",
        "Gruppen fungerar som remissinstans, delger varandra övergripande information från den "
        "egna organisationen, samordnar gemensam planering kring individen samt har gemensam "
        "kunskapsutveckling. Referensgruppen för Trappsteget består av handläggare från FK:s "
        "aktivitetsersättning, AF unga, försörjningsstöd och barn-och ungdomshandläggare inom "
        "socialförvaltningen, arbetsterapeut inom socialpsykiatrins boendestöd, kurator på "
        "gymnasieskolan samt representanter från AME.",
    ),
    kontroll=_referensgruppen_fore_trappsteget,
    beskrivning=(
        "Senast samma dag som personen skrivs in i Trappsteget (annars när första insatsen där "
        "börjar) finns en remiss till eller ett möte med Trappstegets referensgrupp, som fungerar "
        "som remissinstans."
    ),
    tolkning="On or before the first inskrivning at vaggeryd_trappsteget (else the start of "
    "the first insats it delivers) there is a remiss to vaggeryd_trappsteget_referensgrupp "
    "or a mote with it among the parter. ⚠ B4: 'fungerar som remissinstans' is a described "
    "practice, so a varning, reported at the inskrivning.",
)


# -- SVB-08, Vaggeryds kommun – Försörjningsstöd (s. 10); AME (s. 9) -------------------------


def _beredning_fore_inskrivning_pa_ame(ctx: Kontext) -> None:
    individ = ctx.arende.individ
    if individ.kommun.namn != VAGGERYD:
        ctx.ej_tillamplig(f"folkbokförd i {individ.kommun.namn}, inte i {VAGGERYD}")
        return
    inskrivningar = varje(ctx, AME_INSKRIVNINGAR, saknas="ingen inskrivning på AME")
    med_fs = [(t, _har_forsorjningsstod(individ, t.datum)) for t in inskrivningar]
    med_fs = [(t, starter) for t, starter in med_fs if starter]
    if inskrivningar and not med_fs:
        ctx.ej_tillamplig("inget försörjningsstöd vid inskrivningen på AME")
    for inskrivning, starter in med_fs:
        fs_start = starter[0]
        beredning = next(
            (b for b in BEREDNINGAR(ctx.vy) if fs_start <= b.datum <= inskrivning.datum), None
        )
        if beredning is not None:
            ctx.fakta(f"beredning före {inskrivning.beskrivning}", beredning.beskrivning)
            continue
        ctx.fynd(
            f"ingen beredning i beredningsgruppen (AME, Arbetsförmedlingen, försörjningsstöd) "
            f"mellan försörjningsstödets start {fs_start} och {ctx.beskriv(inskrivning)}",
            sokvag=inskrivning.sokvag,
        )


SVB_08 = Regel(
    id="SVB-08",
    titel="Beredningsgruppen före inskrivning på AME med försörjningsstöd",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Vaggeryds kommun – Försörjningsstöd (s. 10); AME (s. 9)",
        "Till försörjningsstödet finns en beredningsgrupp knuten som består av representanter "
        "från AME, Arbetsförmedlingen och Försörjningsstöd. Gruppen träffas 1ggr/månad och "
        "fungera som ett slags samråd mellan Arbetsförmedlingen och försörjningsstödet om "
        "vilka ärenden som ska skrivas in på AME och vem som ska stå för inskrivningen. Från "
        "och med november 2018 är handläggarna för försörjningsstöd också en del av enheten.",
    ),
    kontroll=_beredning_fore_inskrivning_pa_ame,
    beskrivning=(
        "För den som är folkbokförd i Vaggeryd och har försörjningsstöd när hen skrivs in på AME "
        "(från 2018-11-01) finns en beredning i beredningsgruppen (AME, Arbetsförmedlingen och "
        "försörjningsstödet) någon dag från försörjningsstödets start till och med "
        "inskrivningsdagen."
    ),
    giltig_fran=BEREDNING_FRAN,
    tolkning="For a person folkbokförd in Vaggeryd with försörjningsstöd on the date of an "
    "inskrivning at ame: a mote of motestyp beredning whose parter include "
    "vaggeryd_beredningsgrupp (or all of af, socialtjanst, ame), dated on or before the "
    "inskrivning and on or after the start of the covering försörjningsstöd period. "
    "Trappsteget enrolments (vaggeryd_trappsteget) fall under SVB-07 instead. ⚠ B4: a "
    "described practice, so a varning; valid from 2018-11-01 because försörjningsstöd "
    "became part of AME «Från och med november 2018».",
)


# -- SVB-09, Vaggeryds kommun – Etableringsgruppen (s. 10) -----------------------------------


def _etableringsgruppen_fore_insats(ctx: Kontext) -> None:
    insats = _etablerare_i_vaggeryd(ctx)
    if insats is None:
        return
    ersattning = _etableringsersattning_start(ctx.arende.individ, insats.datum)
    fran = ersattning or date.min
    mote = next(
        (m for m in ETABLERINGSGRUPPENS_MOTEN(ctx.vy) if fran <= m.datum <= insats.datum), None
    )
    if mote is not None:
        ctx.fakta("etableringsgruppen", mote.beskrivning)
        return
    sedan = f" sedan etableringsersättningen började {ersattning}" if ersattning else ""
    ctx.fynd(
        f"inget möte i etableringsgruppen (AME, SFI, AF){sedan} före {ctx.beskriv(insats)}; "
        "gruppen kommer överens om vilka etablerare som är aktuella för insatser på AME",
        sokvag=insats.sokvag,
    )


SVB_09 = Regel(
    id="SVB-09",
    titel="Etableringsgruppen före AME:s första insats för en etablerare",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Vaggeryds kommun – Etableringsgruppen (s. 10)",
        "Gruppen består av representanter från AME, SFI och AF. Syftet är att gå igenom och "
        "kommer överens om vilka etableraren är aktuella för insatser på AME.",
    ),
    kontroll=_etableringsgruppen_fore_insats,
    beskrivning=(
        "För en etablerare (i etableringsprogrammet eller med etableringsersättning) som är "
        "folkbokförd i Vaggeryd finns ett möte i etableringsgruppen (AME, SFI och "
        "Arbetsförmedlingen) senast samma dag som AME:s första insats börjar, och inte före "
        "etableringsersättningens start."
    ),
    tolkning="For an etablerare (omständighet etableringsprogrammet, or "
    "etableringsersattning paid on the day) folkbokförd in Vaggeryd: before the first "
    "insats with utforare ame, a mote with vaggeryd_etableringsgruppen among the parter "
    "(or all of ame, vuxenutbildning, af), dated on or before the insats start and on or "
    "after the start of the etableringsersättning paid that day, if any.",
)


# -- SVB-10, Vaggeryds kommun – Etableringsgruppen (s. 10) -----------------------------------


def _uppfoljning_var_sjatte_vecka(ctx: Kontext) -> None:
    insats = _etablerare_i_vaggeryd(ctx)
    if insats is None:
        return
    avslut = next((t for t in AVSLUT(ctx.vy) if t.datum >= insats.datum), None)
    slutdag = insats.objekt.slut or (avslut.datum if avslut else None)
    oppen = slutdag is None or slutdag > ctx.datum
    slut = ctx.datum if oppen or slutdag is None else slutdag
    moten = sorted(
        {m.datum for m in ETABLERINGSGRUPPENS_MOTEN(ctx.vy) if insats.datum < m.datum <= slut}
    )
    punkter = [insats.datum, *moten]
    ctx.fakta("uppföljningar i etableringsgruppen", len(moten))
    for fore_, efter in zip(punkter, [*moten, slut], strict=True):
        glapp = (efter - fore_).days
        if glapp <= ETABLERINGSGRUPPEN_HOGST_DAGAR:
            continue
        frist = fore_ + timedelta(days=ETABLERINGSGRUPPEN_HOGST_DAGAR)
        if oppen and efter == slut and fore_ == punkter[-1]:
            meddelande = (
                f"ingen uppföljning i etableringsgruppen sedan {fore_}: {antal_dagar(glapp)} "
                f"fram till {slut}; gruppen träffas var 6:e vecka"
            )
        else:
            meddelande = (
                f"{antal_dagar(glapp)} utan uppföljning i etableringsgruppen mellan {fore_} och "
                f"{efter}; gruppen träffas var 6:e vecka (högst "
                f"{ETABLERINGSGRUPPEN_HOGST_DAGAR} dagar)"
            )
        ctx.fynd(meddelande, sokvag=insats.sokvag, frist=frist)
        break
    if oppen:
        nasta = punkter[-1] + timedelta(days=ETABLERINGSGRUPPEN_HOGST_DAGAR)
        if ctx.datum <= nasta:
            ctx.oppen_frist(
                f"nästa uppföljning i etableringsgruppen senast {nasta}",
                nasta,
                sokvag=insats.sokvag,
            )


SVB_10 = Regel(
    id="SVB-10",
    titel="Uppföljning i etableringsgruppen var 6:e vecka",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Vaggeryds kommun – Etableringsgruppen (s. 10)",
        "Etableringsgruppen träffas vart 6 vecka. Etableringsgruppen är forumet för "
        "uppföljning och vidare planering gällande deltagarna.",
    ),
    kontroll=_uppfoljning_var_sjatte_vecka,
    beskrivning=(
        "För en etablerare folkbokförd i Vaggeryd följs AME:s första insats upp i "
        "etableringsgruppen minst var 6:e vecka från insatsens start till dess slut (annars "
        "avslutet eller valideringsdatumet): högst 42 dagar mellan två uppföljningar är i tid, "
        "43 dagar ger en varning, och för en pågående insats visas sista dag för nästa möte."
    ),
    tolkning="The persons and insats of SVB-09. From the insats start, through each later "
    "etableringsgrupp meeting, to the end (insats slut, else the avslut, else the "
    "validation date), no gap may exceed 42 days: a gap of 43 days or more is a varning (the "
    "first such gap, frist its start + 42). An insats still running gets the next meeting's "
    "due date as info. ⚠ B5: 'träffas vart 6 vecka' is the group's frequency; being "
    "'forumet för uppföljning … gällande deltagarna' it follows up each participant at its "
    "meetings, so the frequency is read as the longest gap per participant (day 42 in time).",
)


# -- SVB-11, Habo – Ungdomscoach/DUA/KAA (s. 6) ----------------------------------------------


def _kaa_under_20(ctx: Kontext) -> None:
    kaa = varje(ctx, KAA_HANDELSER, saknas="ingen händelse inom KAA")
    if not kaa:
        return
    individ = ctx.arende.individ
    if individ.fodd is None:
        ctx.ej_bedomd(
            "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
        )
        return
    for traff in kaa:
        alder = individ.alder(traff.datum)
        if alder is not None and alder >= KAA_UNDER:
            ctx.fynd(
                f"{ctx.beskriv(traff)}: personen var {alder} år; det kommunala "
                "aktivitetsansvaret gäller ungdomar under 20 år",
                sokvag=traff.sokvag,
            )
            return
    ctx.fakta("ålder", f"under 20 år vid {kaa[-1].beskrivning}")


SVB_11 = Regel(
    id="SVB-11",
    titel="KAA för ungdomar under 20 år",
    allvarlighet=FEL,
    kalla=KARTLAGGNING.kalla(
        "Habo – Ungdomscoach/DUA/KAA (s. 6)",
        "Kommunen har en skyldighet att löpande hålla sig informerad om sysselsättning för de "
        "ungdomar under 20 år som avslutat grundskolan, men som inte fullföljt gymnasieskolan. "
        "Detta kallas KAA (kommunalt aktivitetsansvar); I linje med detta har man i Habo "
        "kommun valt att anställa en ungdomscoach som har till uppdrag att motivera den unge "
        "att påbörja eller återuppta utbildning.",
    ),
    kontroll=_kaa_under_20,
    beskrivning=(
        "Varje händelse inom KAA (inskrivning, kontakt, remiss eller möte med KAA eller Habos "
        "ungdomscoach) sker före personens 20-årsdag: dagen före 20-årsdagen är i tid, på "
        "20-årsdagen eller senare är fel, och utan födelsedatum bedöms regeln inte."
    ),
    tolkning="A KAA event (an inskrivning at, kontakt by, remiss to or mote with kaa or "
    "habo_ungdomscoach) dated on or after the person's 20th birthday is a fel, reported at "
    "the first such event; the day before the birthday is allowed. ⚠ B6: the sentence is "
    "written under Habo but states the general legal duty (skollagen 29 kap. 9 §), so the "
    "rule applies in all four municipalities; Habo's ungdomscoach is a KAA unit.",
)


# -- SVB-12, Habo – Ungdomscoach/DUA/KAA (s. 6) ----------------------------------------------


def _kaa_utan_fullfoljd_gymnasieutbildning(ctx: Kontext) -> None:
    kaa = varje(ctx, KAA_HANDELSER, saknas="ingen händelse inom KAA")
    if not kaa:
        return
    if "ej_fullfoljd_gymnasieutbildning" in ctx.arende.individ.omstandigheter_vid(kaa[0].datum):
        return
    ctx.fynd(
        f"{ctx.beskriv(kaa[0])}, men omständigheten ej_fullfoljd_gymnasieutbildning saknas; "
        "KAA gäller ungdomar som inte fullföljt gymnasieskolan",
        sokvag="individ.omstandigheter",
    )


SVB_12 = Regel(
    id="SVB-12",
    titel="KAA för ungdomar som inte fullföljt gymnasieskolan",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Habo – Ungdomscoach/DUA/KAA (s. 6)",
        "Kommunen har en skyldighet att löpande hålla sig informerad om sysselsättning för de "
        "ungdomar under 20 år som avslutat grundskolan, men som inte fullföljt gymnasieskolan.",
    ),
    kontroll=_kaa_utan_fullfoljd_gymnasieutbildning,
    beskrivning=(
        "Ett ärende med en händelse inom KAA (KAA eller Habos ungdomscoach) har omständigheten att "
        "personen inte fullföljt gymnasieutbildningen, angiven utan datum eller gällande vid första"
        " KAA-händelsen."
    ),
    tolkning="A case with a KAA event has the omständighet ej_fullfoljd_gymnasieutbildning "
    "(plain, or dated to hold on the first KAA event). ⚠ B6: applies in all four "
    "municipalities.",
)


# -- SVB-13, Habo – Försörjningsstöd (s. 7); Vaggeryd (s. 10); Jönköping (s. 14) -------------


def _nedsatt_av_sjukdom(ctx: Kontext, till: date) -> bool:
    if "nedsatt_arbetsformaga_sjukdom" in ctx.arende.individ.omstandigheter_vid(till):
        return True
    return any(
        b.skal in ("medicinsk", "halsa")
        for k in ctx.arende.kartlaggningar
        if k.datum <= till
        for b in k.begransningar
    )


def _rehabilitering_utan_sgi(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    dag = avslut.datum
    if "saknar_sgi" not in ctx.arende.individ.omstandigheter_vid(dag) or not _nedsatt_av_sjukdom(
        ctx, dag
    ):
        ctx.ej_tillamplig("inte både nedsatt arbetsförmåga på grund av sjukdom och utan SGI")
        return
    bevis = [
        *REHABILITERANDE(ctx.vy),
        *REMISSER_TILL_REHABILITERING(ctx.vy),
        *KARTLAGGNINGAR_INRIKTNING_3(ctx.vy),
    ]
    tidiga = sorted((t for t in bevis if t.datum <= dag), key=lambda t: t.datum)
    if tidiga:
        ctx.fakta("rehabilitering", tidiga[0].beskrivning)
        return
    ctx.fynd(
        f"ärendet avslutades {dag} utan rehabilitering (rehabiliterande insats, remiss till "
        "hälso- och sjukvården, Rätt stöd rätt försörjning eller ENTER, eller kartläggning "
        "med inriktning 3) för en person med nedsatt arbetsförmåga på grund av sjukdom som "
        "saknar SGI",
        sokvag=avslut.sokvag,
    )


SVB_13 = Regel(
    id="SVB-13",
    titel="Rehabilitering för den som är sjuk och saknar SGI",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Habo – Försörjningsstöd (s. 7); även Vaggeryd (s. 10) och Jönköping (s. 14)",
        "Syftet är att säkerställa att individer som har sin arbetsförmåga nedsatt på grund av "
        "sjukdom och saknar sjukpenninggrundande inkomst ska få möjlighet till rehabilitering.",
    ),
    kontroll=_rehabilitering_utan_sgi,
    beskrivning=(
        "För den som saknar SGI och har nedsatt arbetsförmåga på grund av sjukdom (omständigheten, "
        "eller en medicinsk eller hälsomässig begränsning i en kartläggning) finns senast vid "
        "avslutet rehabilitering: en insats som medicinsk rehabilitering, arbetsprövning, "
        "arbetsträning, SIUS eller supported employment, en remiss till psykiatrin, primärvården, "
        "habiliteringen, Rätt stöd, rätt försörjning eller ENTER, eller en kartläggning med "
        "inriktning 3; ett öppet ärende bedöms inte."
    ),
    tolkning="Applies to a person with saknar_sgi and either nedsatt_arbetsformaga_sjukdom "
    "(plain omständigheter, or dated ones holding on the avslut) or a kartläggning "
    "begränsning of skal medicinsk or halsa, judged at the avslut (an open "
    "case is not judged). Up to the avslut the case shows an insats of type "
    "medicinsk_rehabilitering, arbetsprovning, arbetstraning, sius or "
    "supported_employment; a remiss to psykiatri, primarvard, habilitering, "
    "ratt_stod_ratt_forsorjning or enter; or a kartläggning with inriktning 3. ⚠ B7: 'ska "
    "få möjlighet till rehabilitering' is a network's purpose, not a time limit, so a "
    "varning at closure.",
)


# -- SVB-14, Jönköpings kommun – Försörjningsstöd (s. 14); Mullsjö – Funktionshinderomsorg ---


def _overlappande_insatser(ctx: Kontext) -> date | None:
    """The first day on which a socialtjänst insats and a hälso- och sjukvård insats run."""
    social = [i for i in ctx.arende.insatser if i.utforare in SOCIALTJANSTSIDAN]
    halsa = [i for i in ctx.arende.insatser if i.utforare in HALSO_OCH_SJUKVARDSSIDAN]
    dagar = [
        max(a.start, b.start)
        for a in social
        for b in halsa
        if a.start <= (b.slut or date.max) and b.start <= (a.slut or date.max)
    ]
    return min(dagar, default=None)


def _sip_vid_insatser_fran_bada(ctx: Kontext) -> None:
    dag = _overlappande_insatser(ctx)
    if dag is None:
        ctx.ej_tillamplig("inga samtidiga insatser från både socialtjänst och hälso- och sjukvård")
        return
    if not ctx.galler(dag):
        return
    ctx.fakta("samtidiga insatser från", dag)
    sip = SIP(ctx.vy)
    if not sip:
        avslut = forsta(ctx, AVSLUT)
        if avslut is not None:
            ctx.fynd(
                f"ingen SIP trots insatser från både socialtjänst och hälso- och sjukvård "
                f"samtidigt från {dag}; ärendet avslutades {avslut.datum}",
                sokvag=avslut.sokvag,
            )
        else:
            ctx.fynd(
                f"insatser från både socialtjänst och hälso- och sjukvård samtidigt från {dag}: "
                "överväg en SIP (samordnad individuell plan)",
                allvarlighet=INFO,
            )
        return
    for traff in sip:
        parter = traff.objekt.parter
        if not parter:
            continue
        saknas = [
            namn
            for namn, sida in (
                ("socialtjänsten", SOCIALTJANSTSIDAN),
                ("hälso- och sjukvården", HALSO_OCH_SJUKVARDSSIDAN),
            )
            if not any(p in sida for p in parter)
        ]
        if saknas:
            ctx.fynd(
                f"{ctx.beskriv(traff)} saknar {' och '.join(saknas)} bland parterna",
                sokvag=traff.falt("parter"),
            )


SVB_14 = Regel(
    id="SVB-14",
    titel="SIP vid insatser från både socialtjänst och hälso- och sjukvård",
    allvarlighet=VARNING,
    kalla=KARTLAGGNING.kalla(
        "Jönköpings kommun – Försörjningsstöd (s. 14); Mullsjö – Funktionshinderomsorg (s. 5)",
        "SIP (samordnad individuell plan) som upprättas tillsammans med individen om insatser "
        "från både socialtjänst och hälso- och sjukvård behöver samordnas; I övrigt sker "
        "samverkan kring enskilda individer med psykiatrin, ofta i form av SIP (samordnade "
        "individuella planer)",
    ),
    kontroll=_sip_vid_insatser_fran_bada,
    beskrivning=(
        "När en insats från socialtjänsten (socialtjänst, LSS, försörjningsstödets sektioner i "
        "Jönköping eller Mötesplats i Vaggeryd) och en från hälso- och sjukvården (psykiatri, "
        "primärvård eller habilitering) pågår samtidigt ska det finnas en SIP, med båda sidorna "
        "bland parterna om parterna är angivna: saknas SIP vid avslutet ger det en varning, i "
        "ett öppet ärende en påminnelse."
    ),
    tolkning="Applies when two insatser overlap in time, one by the socialtjänst side "
    "(socialtjanst, lss, the Jönköping FS sections, vaggeryd_motesplats) and one by the "
    "hälso- och sjukvård side (psykiatri, primarvard, habilitering). Then a plan of type sip "
    "is needed: a closed case without one is a varning at the avslut, an open case a "
    "reminder (info, no frist). A SIP that lists parter but lacks either side is a varning "
    "at its parter. ⚠ B8: overlapping insatser are the case-file evidence that insatser "
    "'från både socialtjänst och hälso- och sjukvård behöver samordnas'; the text gives no "
    "deadline.",
)


# -- SVB-15, Mullsjö – Försörjningsstöd (s. 3); Jönköping (s. 13); Habo (s. 8) ---------------


def _manadsnummer(dag: date) -> int:
    return dag.year * 12 + dag.month - 1


def _manader_med_forsorjningsstod(individ: Individ, till: date) -> set[int]:
    """The months (`_manadsnummer`) up to *till*'s with försörjningsstöd on some day of them
    on or before *till*: every month from a period's start to its slut, or to *till*."""
    sista = _manadsnummer(till)
    manader: set[int] = set()
    for f in individ.forsorjning:
        if f.typ == "forsorjningsstod" and f.start <= till:
            slut = sista if f.slut is None else min(sista, _manadsnummer(f.slut))
            manader.update(range(_manadsnummer(f.start), slut + 1))
    return manader


def _langvarigt_forsorjningsstod(ctx: Kontext) -> None:
    individ = ctx.arende.individ
    starter = [f.start for f in individ.forsorjning if f.typ == "forsorjningsstod"]
    if not starter:
        ctx.ej_tillamplig("inget försörjningsstöd")
        return
    manader = _manader_med_forsorjningsstod(individ, ctx.datum)
    for ar in range(min(starter).year, ctx.datum.year + 1):
        if not ctx.galler(min(date(ar, 12, 31), ctx.datum)):
            continue
        antal = sum(1 for manad in range(ar * 12, ar * 12 + 12) if manad in manader)
        if antal and ctx.forklarar:
            ctx.fakta(f"månader med försörjningsstöd {ar}", antal)
        if antal >= LANGVARIGT_MANADER:
            ctx.fynd(
                f"långvarigt försörjningsstöd, {antal} månader år {ar} – överväg samverkan "
                "(se arenor)",
                sokvag="individ.forsorjning",
            )


SVB_15 = Regel(
    id="SVB-15",
    titel="Långvarigt försörjningsstöd: signal för samverkan",
    allvarlighet=INFO,
    kalla=KARTLAGGNING.kalla(
        "Mullsjö – Försörjningsstöd (s. 3); Jönköping – Försörjningsstöd (s. 13); Habo – "
        "Funktionshinderomsorg, Vad behöver utvecklas? (s. 8)",
        "Enheten har ansvaret för ekonomiskt bistånd vilket ska vara av tillfällig karaktär. "
        "Man ser även att det finns ett behov av att utveckla samverkan kring individer med "
        "långvarigt försörjningsstöd, ungdomar som är hemmasittare och arbetslösa.",
    ),
    kontroll=_langvarigt_forsorjningsstod,
    beskrivning=(
        "För varje kalenderår räknas de månader då personen haft försörjningsstöd minst en dag "
        "(fram till valideringsdatumet): 10 månader eller fler under ett år ger en upplysning om "
        "långvarigt försörjningsstöd och att samverkan kan övervägas."
    ),
    tolkning="For each calendar year up to the validation date, the months in which a "
    "forsorjningsstod period applies on at least one day (days after the validation date "
    "do not count). 10 or more gives an info for that year. ⚠ B9: 'tillfällig karaktär' has "
    "no length in the text; Socialstyrelsen's statistical definition of långvarigt "
    "ekonomiskt bistånd (10–12 months of a calendar year) comes from outside the document, "
    "so this is only a signal for routing, not a breach.",
)


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    SVB_01,
    SVB_02,
    SVB_03,
    SVB_04,
    SVB_05,
    SVB_06,
    SVB_07,
    SVB_08,
    SVB_09,
    SVB_10,
    SVB_11,
    SVB_12,
    SVB_13,
    SVB_14,
    SVB_15,
)

REGELVERK = Regelverk(
    id="sodravatterbygden",
    namn="Samordningsförbundet Södra Vätterbygden: kartläggning av samverkan",
    agare="Samordningsförbundet Södra Vätterbygden",
    version="2019 (kartläggning hösten 2018–våren 2019)",
    regler=REGLER,
    enheter=ENHETER,
    koder={Kodslag.OMSTANDIGHET: OMSTANDIGHETER},
    beskrivning="Kartläggning av samverkan mellan parterna i Samordningsförbundet Södra "
    "Vätterbygden (Försäkringskassan, Arbetsförmedlingen, Region Jönköpings län, Habo, "
    "Mullsjö, Vaggeryd, Jönköping), hösten 2018–våren 2019. Sidorna 15–29 saknas i källan.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    """The forums as arenas for routing, from ``arenor.py`` beside this module.

    Imported here rather than at the top so that checking cases (``finsam validate``) does
    not pay for the arena data: the host calls this hook only when a command asks for arenas.
    """
    from finsam_sodravatterbygden import arenor

    arenor.finsam_arenor(register)
