"""SOFINT Samverkansteamet: *Plan för insats* (2014, reviderad 2014-04-23) as rules.

Source: ``004_8ef7852e647e2221.txt`` (Samordningsförbundet i norra Örebro län). Every rule
cites its section and quotes the sentence it implements; where the text is vague the rule's
``tolkning`` says which reading we chose.

The case starts with a ``remiss`` to ``samverkansteamet``; the remittent is that referral's
``fran``. "The team's inskrivning" is the first ``inskrivning`` at ``samverkansteamet``;
*this enrolment* runs from it to the first avslut. The team's own work (its plans, insatser,
rådgivning) counts only inside this enrolment; an AF plan from a year before does not.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from finsam_core.regelbygge import (
    ARENDETS_START,
    FEL,
    VARNING,
    Aterkoppling,
    Avslut,
    Dokument,
    Enhet,
    Forlangning,
    Insats,
    Inskrivning,
    Kodslag,
    Kontext,
    Mote,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Remiss,
    Traff,
    Val,
    alder_mellan,
    ankare_for,
    antal_dagar,
    avslutas_senast,
    bedoms_vid,
    eller,
    folkbokford_i,
    fore,
    forsta,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    moten,
    planer,
    plus_ar,
    plus_manader,
    utan_omstandigheter,
    varje,
)

if TYPE_CHECKING:
    from finsam_core.regelbygge import RegistreraArenor, RegistreraRapport

PLAN = Dokument(
    "004_8ef7852e647e2221.txt",
    "SOFINT: Plan för insats – Samverkansteamet (2014, reviderad 2014-04-23)",
    agare="Samordningsförbundet i norra Örebro län (SOFINT)",
    beslut="reviderad 2014-04-23",
    datum="2014-04-23",
    paket=__package__ or "",
)
TEAM = "samverkansteamet"
SAMVERKANSTEAMET = Enhet(TEAM, "Samverkansteamet (SOFINT)", "samordningsforbund")

KOMMUNER = ("Hällefors", "Lindesberg", "Ljusnarsberg", "Nora")
VAGAR_UT = ("arbete", "studier", "ater_till_remittent", "arbetssokande", "annan_aktor")
DIALOG_HOGST_DAGAR = 45
"""Longest gap in the monthly dialogue with the remittent before it is reported."""
AF_I_SAMBAND_DAGAR = 14
"""How close to the team's inskrivning an inskrivning at AF counts as "i samband med"."""
SVAR_INOM_DAGAR = 14
""""Inom två veckor från och med" the day the referral came: that day is day 1 of 14."""
REVIDERAS_MANADER = 3
"""Longest time between two versions of the team's handlingsplan ("revideras kontinuerligt")."""
AVSLUTSMOTE_DAGAR = 14
"""How long before or after the avslut the closing meeting may be held."""
SAMORDNINGSINSTANSER = ("af", "fk", "socialtjanst", "psykiatri")


# -- selectors ----------------------------------------------------------------------------

REMISS = handelser(Remiss, lambda h, vy: h.till == TEAM, beskrivning="remiss till samverkansteamet")
TEAMETS_INSKRIVNING = handelser(
    Inskrivning, lambda h, vy: h.enhet == TEAM, beskrivning="inskrivning i samverkansteamet"
)
AVSLUT = handelser(Avslut, beskrivning="avslut")
FORLANGNINGAR = handelser(Forlangning, beskrivning="förlängning")
TEAMETS_KARTLAGGNINGAR = kartlaggningar(
    lambda k: TEAM in k.parter, beskrivning="kartläggning av samverkansteamet"
)
TEAMETS_HANDLINGSPLANER = planer("handlingsplan", lambda p: TEAM in p.parter and p.upprattad)
TEAMMOTEN = moten("teammote", lambda m, vy: TEAM in m.parter, beskrivning="teammöte")
INFORMATIONSMOTEN = moten("informationsmote")
AVSLUTSMOTEN = moten("avslutsmote")
EKONOMISK_RADGIVNING = insatser(lambda i: i.typ == "ekonomisk_radgivning")
STUDIEPLANER = planer("studieplan", lambda p: p.upprattad)
STUDIEINSATSER = insatser(lambda i: i.typ == "studier")


def _teamets_insats(insats: Insats) -> bool:
    """An insats by the team other than ekonomisk rådgivning, which may come "i samband med
    kartläggning", before any plan."""
    return insats.utforare == TEAM and insats.typ != "ekonomisk_radgivning"


TEAMETS_INSATSER = insatser(_teamets_insats, beskrivning="insats av samverkansteamet")
TEAMETS_FORSTA_INSATS = TEAMETS_INSATSER.forsta()


def _inskrivningen(ctx: Kontext) -> tuple[date, date] | None:
    """This enrolment: the team's first inskrivning to the first avslut after it (or the
    end of time), or None without an inskrivning."""
    team = forsta(ctx, TEAMETS_INSKRIVNING)
    if team is None:
        return None
    avslut = next((h.datum for _, h in ctx.vy.av_typ(Avslut) if h.datum >= team.datum), date.max)
    return team.datum, avslut


def _episodens_start(ctx: Kontext, dag: date) -> date:
    """The day after the last avslut before *dag* (an earlier enrolment), or date.min."""
    tidigare = [h.datum for _, h in ctx.vy.av_typ(Avslut) if h.datum < dag]
    return max(tidigare) + timedelta(days=1) if tidigare else date.min


def _remittent(ctx: Kontext) -> str | None:
    remiss = forsta(ctx, REMISS)
    return remiss.objekt.fran if remiss is not None else None


def _avslut(ctx: Kontext) -> Avslut | None:
    avslut = forsta(ctx, AVSLUT)
    return avslut.objekt if avslut is not None else None


def _svar_till_remittenten(remiss: Traff) -> Val:
    return _svar_fran_teamet_till(remiss.objekt.fran)


@cache
def _svar_fran_teamet_till(remittent: str) -> Val:
    # One selector per remittent: what a selector finds is cached per case by the
    # selector's identity, so a new one for every case would never be found again.
    return handelser(
        Aterkoppling,
        lambda h, vy: h.fran == TEAM and h.till == remittent,
        beskrivning=f"svar från samverkansteamet till {remittent}",
    )


def _giltig_forlangning(f: Forlangning, arsgrans: date) -> bool:
    return "styrgrupp" in f.beslutad_av.casefold() and f.datum <= arsgrans


# -- SOFINT-01, 4.1 Målgrupp -----------------------------------------------------------------

SOFINT_01 = Regel(
    id="SOFINT-01",
    titel="Ålder 18–29 år vid remissen",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "4.1 Målgrupp",
        "Samverkansteamets verksamhet riktas till unga individer i åldrarna 18-29 år",
    ),
    kontroll=alder_mellan(18, 29, REMISS.forsta(), reserv=TEAMETS_INSKRIVNING.forsta()),
    tolkning="Age on the date of the first remiss to the team (or of the team's first "
    "inskrivning if there is none); 18 and 29 are both inside.",
)


# -- SOFINT-02, 2 Verksamhetens ägare; Bilaga I, 1 -------------------------------------------

SOFINT_02 = Regel(
    id="SOFINT-02",
    titel="Folkbokförd i någon av ägarkommunerna",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "2 Verksamhetens ägare; Bilaga I, 1",
        "Verksamhetens ägare är Arbetsförmedlingen, Försäkringskassan, Örebro läns "
        "landsting, Hällefors kommun, Lindesbergs kommun, Ljusnarsbergs kommun och Nora "
        "kommun.",
    ),
    kontroll=folkbokford_i(KOMMUNER),
    tolkning="The four owner municipalities are read as the team's catchment area (Bilaga "
    "I, 1 names where the information meeting is held for people who live in each of "
    "them). A varning, not a fel: the plan lists the owners and speaks of where people "
    "bor, but no sentence restricts who may take part to their residents.",
)


# -- SOFINT-03, 3 Bakgrund -------------------------------------------------------------------


def _kontakt_med_tva_instanser(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, ARENDETS_START):
        return
    remittent = _remittent(ctx)
    har = [
        e for e in SAMORDNINGSINSTANSER
        if e in ctx.arende.individ.kontakter or e == remittent
    ]  # fmt: skip
    if ctx.forklarar:
        ctx.fakta("kontakter", ", ".join(har) or "inga")
    if len(har) < 2:
        ctx.fynd(
            f"personen har kontakt med {len(har)} av {ctx.namnlista(SAMORDNINGSINSTANSER)} "
            f"({ctx.namnlista(har) or 'ingen'}, remittenten medräknad); minst 2 krävs",
            sokvag="individ.kontakter",
        )


SOFINT_03 = Regel(
    id="SOFINT-03",
    titel="Kontakt med minst två av AF, FK, socialtjänsten, psykiatrin",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "3 Bakgrund",
        "För att samordning ska vara aktuell, krävs att personen har kontakt med minst "
        "två av instanserna Arbetsförmedlingen, Försäkringskassan, Socialtjänsten eller "
        "Allmänpsykiatrin.",
    ),
    kontroll=_kontakt_med_tva_instanser,
    beskrivning=(
        "Personen har kontakt med minst två av Arbetsförmedlingen, Försäkringskassan, "
        "socialtjänsten och psykiatrin enligt kontakterna vid remissen, och remittenten räknas som "
        "en av dem (en remiss från Försäkringskassan är kontakt med Försäkringskassan); en enda "
        "kontakt är fel."
    ),
    tolkning="Allmänpsykiatrin is the unit psykiatri. Contacts as recorded at referral, and "
    "the remittent (the first remiss's fran) counts as one: a referral from FK is a contact "
    "with FK.",
)


# -- SOFINT-04, 4.1 Målgrupp -----------------------------------------------------------------

SOFINT_04 = Regel(
    id="SOFINT-04",
    titel="Ingen av de uteslutna målgrupperna",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "4.1 Målgrupp",
        "Samverkansteamet erbjuder inte insatser till följande målgrupper: Personer med "
        "pågående missbruk, Personer med känt, hotfullt beteende, Personer som är "
        "förestående frihetsberövade, Allvarligt psykiskt sjuka personer som inte bedöms "
        "ha resurser, i dagsläget, för att klara ett deltagande i insatsen",
    ),
    kontroll=utan_omstandigheter(
        (
            "pagaende_missbruk",
            "hotfullt_beteende",
            "forestaende_frihetsberovande",
            "allvarlig_psykisk_sjukdom",
        )
    ),
    beskrivning=(
        "Personen har ingen av omständigheterna pågående missbruk, känt hotfullt beteende, "
        "förestående frihetsberövande eller allvarlig psykisk sjukdom utan resurser att delta; "
        "varje sådan omständighet är fel."
    ),
)


# -- SOFINT-05, 3 Bakgrund; 4.1 Målgrupp -----------------------------------------------------


def _i_malgruppen(ctx: Kontext) -> None:
    individ = ctx.arende.individ
    ankare = forsta(ctx, REMISS) or forsta(ctx, TEAMETS_INSKRIVNING)
    dag = ankare.datum if ankare else None
    ohalsa = [k for k in individ.omstandigheter if k in ("psykisk_ohalsa", "funktionsnedsattning")]
    ersattning = [
        f for f in individ.forsorjning
        if f.typ == "aktivitetsersattning" and (dag is None or f.galler(dag))
    ]  # fmt: skip
    if ctx.forklarar:
        ctx.fakta("omständigheter", ", ".join(ohalsa) or "inga av de angivna")
        ctx.fakta("aktivitetsersättning", "ja" if ersattning else "nej")
    if not ohalsa and not ersattning:
        ctx.fynd(
            "personen har varken psykisk ohälsa, funktionsnedsättning eller "
            "aktivitetsersättning enligt ärendet",
            sokvag="individ.omstandigheter",
        )


SOFINT_05 = Regel(
    id="SOFINT-05",
    titel="I målgruppen: psykisk ohälsa, funktionsnedsättning eller aktivitetsersättning",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "3 Bakgrund; 4.1 Målgrupp",
        "Samverkansteamets verksamhet riktar sig till unga personer med psykisk ohälsa "
        "eller psykisk funktionsnedsättning.",
    ),
    kontroll=_i_malgruppen,
    beskrivning=(
        "Personen har psykisk ohälsa eller funktionsnedsättning bland omständigheterna, eller "
        "aktivitetsersättning den dag remissen till samverkansteamet kom (utan remiss: "
        "inskrivningsdagen); har personen inget av dem ges en varning."
    ),
    tolkning="Met by psykisk_ohalsa or funktionsnedsattning among the circumstances, or "
    "aktivitetsersättning paid on the remiss date (4.1: 'Personer med "
    "aktivitetsersättning').",
)


# -- SOFINT-06, Bilaga I, 1 Informationsmöte -------------------------------------------------


def _informationsmote_fore_inskrivning(ctx: Kontext) -> None:
    team = ankare_for(ctx, TEAMETS_INSKRIVNING, saknas="inte inskriven i samverkansteamet")
    if team is None:
        return
    start = _episodens_start(ctx, team.datum)
    moten_ = INFORMATIONSMOTEN(ctx.vy)
    med_teamet = next(
        (t for t in moten_ if TEAM in t.objekt.parter and start <= t.datum <= team.datum), None
    )
    if med_teamet is not None:
        if ctx.forklarar:
            ctx.fakta("informationsmöte", med_teamet.beskrivning)
        return
    ctx.fynd(
        f"inget informationsmöte med samverkansteamet före {ctx.beskriv(team)}"
        + (f" (informationsmötet {moten_[0].datum} räknas inte)" if moten_ else ""),
        sokvag=team.sokvag,
    )


SOFINT_06 = Regel(
    id="SOFINT-06",
    titel="Informationsmöte före inskrivningen",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 1 Informationsmöte",
        "Remittent bokar ett informationsmöte med personal från Samverkansteamet.",
    ),
    kontroll=_informationsmote_fore_inskrivning,
    beskrivning=(
        "Ett informationsmöte med samverkansteamet bland parterna har hållits senast samma dag som "
        "den första inskrivningen i teamet och efter ett tidigare avslut; ett möte utan teamet, "
        "eller ett som hör till en tidigare inskrivning, räknas inte. Utan inskrivning i teamet "
        "bedöms regeln inte."
    ),
    tolkning="An informationsmöte with samverkansteamet among its parties, on or before the "
    "team's first inskrivning ('Därefter skrivs hon eller han in som deltagare'; the same "
    "day counts) and after any earlier avslut in the case (a meeting before an earlier "
    "enrolment does not count). A meeting of other units is not this one.",
)


# -- SOFINT-07, Bilaga I, 3 Inskrivning i Samverkansteamet -----------------------------------


def _svar_inom_tva_veckor(ctx: Kontext) -> None:
    remiss = forsta(ctx, REMISS)
    if remiss is None:
        ctx.ej_bedomd("ärendet saknar remiss till samverkansteamet")
        return
    if not ctx.galler(remiss.datum):
        return
    sista = remiss.datum + timedelta(days=SVAR_INOM_DAGAR - 1)
    if ctx.forklarar:
        ctx.fakta(f"{remiss.beskrivning}: frist", sista)
    svar = next(
        (t for t in _svar_till_remittenten(remiss)(ctx.vy) if t.datum >= remiss.datum), None
    )
    if svar is not None and svar.datum <= sista:
        if ctx.forklarar:
            ctx.fakta("svar till remittenten", svar.beskrivning)
        return
    grund = f"två veckor från och med {ctx.beskriv(remiss)}"
    if svar is not None:
        ctx.fynd(
            f"svar till remittenten kom {svar.datum}, {antal_dagar((svar.datum - sista).days)} "
            f"efter sista dagen {sista} ({grund})",
            sokvag=svar.sokvag,
            frist=sista,
        )
    else:
        ctx.saknas(
            sista,
            oppen=f"svar till remittenten ska skickas senast {sista} ({grund})",
            passerad=f"svar till remittenten saknas; sista dagen var {sista} ({grund})",
            sokvag=remiss.sokvag,
        )


SOFINT_07 = Regel(
    id="SOFINT-07",
    titel="Svar till remittenten inom två veckor",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 3 Inskrivning i Samverkansteamet",
        "Svar ska skickas till remittent inom två veckor från och med det datum som "
        "remissen kom till Samverkansteamet.",
    ),
    kontroll=_svar_inom_tva_veckor,
    beskrivning=(
        "Samverkansteamet svarar remittenten (en återkoppling från teamet till den som "
        "remitterade) inom två veckor från och med dagen den första remissen kom, och den dagen "
        "räknas som dag 1: remiss 1 mars, svar 14 mars i tid, 15 mars för sent. Utan remiss till "
        "teamet kan regeln inte bedömas."
    ),
    tolkning="An aterkoppling from samverkansteamet to the remittent within two weeks "
    "counted 'från och med' the day the remiss came: that day is the first of the 14, so "
    "the last day is D + 13 (D + 13 in time, D + 14 late). 'Från och med' includes the day "
    "it names (as 'fr.o.m. 1 mars t.o.m. 14 mars' is two weeks); the case format's 'inom "
    "två veckor' from day D (met on D + 14) counts from the day after, which the text here "
    "rules out. Lag (1930:173) moves statutory deadlines, not a plan's, and is not applied.",
)


# -- SOFINT-08, Bilaga I, 3 Inskrivning i Samverkansteamet -----------------------------------


def _inskriven_pa_af(ctx: Kontext) -> None:
    team = ankare_for(ctx, TEAMETS_INSKRIVNING, saknas="inte inskriven i samverkansteamet")
    if team is None:
        return
    for i, f in enumerate(ctx.arende.individ.forsorjning):
        if f.typ == "aktivitetsstod" and f.galler(team.datum):
            if ctx.forklarar:
                ctx.fakta(
                    "inskriven på Arbetsförmedlingen", f"individ.forsorjning[{i}] aktivitetsstöd"
                )
            return
    fran = team.datum - timedelta(days=AF_I_SAMBAND_DAGAR)
    sista = team.datum + timedelta(days=AF_I_SAMBAND_DAGAR)
    for index, h in ctx.vy.av_typ(Inskrivning):
        if h.enhet == "af" and fran <= h.datum <= sista:
            if ctx.forklarar:
                ctx.fakta("inskrivning på Arbetsförmedlingen", f"handelser[{index}] {h.datum}")
            return
    ctx.saknas(
        sista,
        oppen=f"inskrivning på Arbetsförmedlingen ska ske i samband med {ctx.beskriv(team)}, "
        f"senast {sista}",
        passerad=f"ingen inskrivning på Arbetsförmedlingen {fran}–{sista} i samband med "
        f"{ctx.beskriv(team)} (kontakt med {ctx.namn('af')} är inte inskrivning)",
        sokvag=team.sokvag,
    )


SOFINT_08 = Regel(
    id="SOFINT-08",
    titel="Inskriven på Arbetsförmedlingen",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 3 Inskrivning i Samverkansteamet",
        "I samband med att deltagaren skrivs in i Samverkansteamet ska individen också "
        "skrivas in på Arbetsförmedlingen.",
    ),
    kontroll=_inskriven_pa_af,
    beskrivning=(
        "Personen skrivs in på Arbetsförmedlingen i samband med inskrivningen i samverkansteamet, "
        "det vill säga från 14 dagar före till 14 dagar efter den (dag 14 i tid, dag 15 för sent), "
        "eller har aktivitetsstöd den dag hen skrivs in i teamet; kontakt med Arbetsförmedlingen "
        "räcker inte. Fram till dag 14 efter är fristen öppen; utan inskrivning i teamet bedöms "
        "regeln inte."
    ),
    tolkning=f"Met by an inskrivning at af within {AF_I_SAMBAND_DAGAR} days before or after "
    "the team's inskrivning ('i samband med'), or by aktivitetsstöd in forsorjning on the "
    "day of the team's inskrivning (paid only to people enrolled in an AF programme). af "
    "among the contacts is not enrolment. Until the window has passed it is an open "
    "deadline.",
)


# -- SOFINT-09, Bilaga I, 4 Kartläggning -----------------------------------------------------


def _kartlaggningssamtal(ctx: Kontext) -> None:
    for traff in varje(ctx, TEAMETS_KARTLAGGNINGAR, saknas="ingen kartläggning av teamet"):
        samtal = traff.objekt.samtal
        if samtal is None:
            ctx.ej_bedomd("antal samtal saknas i kartläggningen", sokvag=traff.sokvag)
        elif not 3 <= samtal <= 6:
            ctx.fynd(
                f"kartläggningen {traff.datum} bestod av {samtal} samtal; "
                "den ska bestå av mellan tre och sex",
                sokvag=traff.falt("samtal"),
            )
        elif ctx.forklarar:
            ctx.fakta(traff.falt("samtal"), samtal)


SOFINT_09 = Regel(
    id="SOFINT-09",
    titel="Kartläggningen har tre till sex samtal",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 4 Kartläggning", "Kartläggningen består av mellan tre och sex samtal."
    ),
    kontroll=_kartlaggningssamtal,
    beskrivning=(
        "Varje kartläggning med samverkansteamet bland parterna består av mellan tre och sex "
        "samtal: 3 och 6 går bra, 2 och 7 är fel. En kartläggning utan angivet antal samtal kan "
        "inte bedömas."
    ),
    tolkning="Every kartläggning with samverkansteamet among its parties; three and six "
    "are inside. A kartläggning without a count of talks cannot be judged.",
)


# -- SOFINT-10, Bilaga I, 4 Ekonomisk rådgivning ---------------------------------------------


def _radgivning_under_inskrivningen(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    inskriven = _inskrivningen(ctx)
    fran = inskriven[0] if inskriven else date.min
    alla = EKONOMISK_RADGIVNING(ctx.vy)
    teamets = next(
        (t for t in alla if t.objekt.utforare == TEAM and fran <= t.datum <= avslut.datum), None
    )
    if teamets is not None:
        if ctx.forklarar:
            ctx.fakta("ekonomisk rådgivning", teamets.beskrivning)
        return
    ctx.fynd(
        f"ingen ekonomisk rådgivning av samverkansteamet under inskrivningen, före "
        f"{ctx.beskriv(avslut)}"
        + (
            f" (rådgivningen {alla[0].datum} av {ctx.namn(alla[0].objekt.utforare)} räknas inte)"
            if alla
            else ""
        ),
        sokvag=avslut.sokvag,
    )


SOFINT_10 = Regel(
    id="SOFINT-10",
    titel="Ekonomisk rådgivning erbjuden",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 4 Ekonomisk rådgivning",
        "Deltagaren ska erbjudas ekonomisk rådgivning i samband med eller efter kartläggning.",
    ),
    kontroll=_radgivning_under_inskrivningen,
    beskrivning=(
        "Samverkansteamet har gett ekonomisk rådgivning (en insats av teamet) som börjar under "
        "inskrivningen, från den första inskrivningen i teamet till och med avslutet; rådgivning "
        "av en annan enhet eller före inskrivningen räknas inte. Ett ärende som inte är avslutat "
        "bedöms inte ännu."
    ),
    tolkning="An ekonomisk_radgivning insats by samverkansteamet (its arbetscoach from FK "
    "has the main responsibility) starting in this enrolment: on or after the team's "
    "inskrivning and on or before the avslut. Rådgivning by another unit, or before the "
    "enrolment, does not count. An open case is not judged yet. A 'varning' because only "
    "the offer can be required.",
)


# -- SOFINT-11, Bilaga I, 5 Insatser från Samverkansteamet -----------------------------------


def _handlingsplan_fore_insats(ctx: Kontext) -> None:
    insats = ankare_for(ctx, TEAMETS_FORSTA_INSATS, saknas="ingen insats av samverkansteamet")
    if insats is None:
        return
    inskriven = _inskrivningen(ctx)
    fran = inskriven[0] if inskriven else date.min
    planer_ = [t for t in TEAMETS_HANDLINGSPLANER(ctx.vy) if t.datum >= fran]
    i_tid = next((t for t in planer_ if t.datum <= insats.datum), None)
    if i_tid is not None:
        if ctx.forklarar:
            ctx.fakta("handlingsplan", i_tid.beskrivning)
    elif planer_:
        ctx.fynd(
            f"teamets handlingsplan ska finnas senast samma dag som {ctx.beskriv(insats)}, men "
            f"första är från {planer_[0].datum}",
            sokvag=planer_[0].sokvag,
        )
    else:
        ctx.fynd(
            f"ingen handlingsplan av samverkansteamet under inskrivningen senast "
            f"{ctx.beskriv(insats)}",
            sokvag=insats.sokvag,
        )


SOFINT_11 = Regel(
    id="SOFINT-11",
    titel="Handlingsplan före första insatsen",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 5 Insatser från Samverkansteamet",
        "En individuell handlingsplan upprättas mellan deltagaren och kontaktpersonen. "
        "Insatserna utformas utifrån deltagarens individuella behov",
    ),
    kontroll=_handlingsplan_fore_insats,
    beskrivning=(
        "En handlingsplan som samverkansteamet upprättat (med teamet bland parterna) under "
        "inskrivningen finns senast samma dag som teamets första insats börjar; ekonomisk "
        "rådgivning räknas inte som en sådan insats, och en plan från Arbetsförmedlingen eller "
        "från före inskrivningen räknas inte. Utan insats av teamet bedöms regeln inte."
    ),
    tolkning="A handlingsplan drawn up with samverkansteamet among its parties, dated in "
    "this enrolment (on or after the team's inskrivning) and on or before the start of the "
    "earliest insats by samverkansteamet other than ekonomisk rådgivning (which Bilaga I, 4 "
    "places 'i samband med eller efter kartläggning', before any plan). An AF plan, or one "
    "from before the enrolment, does not count.",
)


# -- SOFINT-12, 5 Arbetssätt; Bilaga I, 5 ----------------------------------------------------


def _inskriven_hogst_ett_ar(ctx: Kontext) -> None:
    team = ankare_for(ctx, TEAMETS_INSKRIVNING, saknas="inte inskriven i samverkansteamet")
    if team is None:
        return
    arsgrans = plus_ar(team.datum, 1)
    grans, forlangning = arsgrans, None
    for f in (t.objekt for t in FORLANGNINGAR(ctx.vy)):
        if _giltig_forlangning(f, arsgrans):
            grans, forlangning = min(f.slut, plus_manader(arsgrans, 6)), f
    avslut = ctx.vy.av_typ(Avslut)
    if avslut and avslut[0][1].datum <= grans and not ctx.forklarar:
        return  # closed in time: `avslutas_senast` would say nothing, so needs no reason
    grund = (
        f"förlängning beslutad av styrgruppen {forlangning.datum}"
        if forlangning is not None
        else f"ett år från {ctx.beskriv(team)}"
    )
    if ctx.forklarar:
        ctx.fakta("sista dag inskriven", f"{grans} ({grund})")
    avslutas_senast(ctx, grans, grund=grund, sokvag=team.sokvag)


SOFINT_12 = Regel(
    id="SOFINT-12",
    titel="Inskriven högst ett år, eller ett och ett halvt efter förlängning",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "5 Arbetssätt; Bilaga I, 5",
        "Personen kan vara inskriven vid Samverkansteamet under maximalt ett år. "
        "Undantagsvis kan en person vara inskriven i ytterligare sex månader, efter "
        "positivt beslut i Samverkansteamets styrgrupp.",
    ),
    kontroll=_inskriven_hogst_ett_ar,
    beskrivning=(
        "Personen är inskriven i samverkansteamet högst ett år, till och med samma datum året "
        "efter den första inskrivningen (inskriven 2024-03-01: avslut senast 2025-03-01); en "
        "förlängning som styrgruppen beslutat senast den dagen flyttar gränsen till förlängningens "
        "slut, högst sex månader till. Ett ärende som är öppet efter gränsen är fel, före gränsen "
        "visas sista dagen; utan inskrivning bedöms regeln inte."
    ),
    tolkning="From the team's first inskrivning to the same date a year later, both "
    "included. A förlängning decided by a styrgrupp on or before that day moves the limit "
    "to its slut, at most six months further. Open past the limit: fel; before: info.",
)


# -- SOFINT-13, 5 Arbetssätt; Bilaga I, 5 ----------------------------------------------------


def _forlangning_beslutad_ratt(ctx: Kontext) -> None:
    forlangningar = varje(ctx, FORLANGNINGAR, saknas="ingen förlängning")
    if not forlangningar:
        return
    team = forsta(ctx, TEAMETS_INSKRIVNING)
    if team is None:
        ctx.ej_bedomd("förlängning utan inskrivning i samverkansteamet")
        return
    arsgrans = plus_ar(team.datum, 1)
    hogst = plus_manader(arsgrans, 6)
    for traff in forlangningar:
        f = traff.objekt
        if "styrgrupp" not in f.beslutad_av.casefold():
            ctx.fynd(
                f"förlängningen {f.datum} är beslutad av ”{f.beslutad_av}”, inte av styrgruppen",
                sokvag=traff.falt("beslutad_av"),
            )
        if f.datum > arsgrans:
            ctx.fynd(
                f"förlängningen beslutades {f.datum}, efter att första året gick ut {arsgrans}",
                sokvag=traff.falt("datum"),
            )
        if f.slut > hogst:
            ctx.fynd(
                f"förlängningen gäller till {f.slut}, mer än sex månader efter första "
                f"året ({hogst})",
                sokvag=traff.falt("slut"),
            )


SOFINT_13 = Regel(
    id="SOFINT-13",
    titel="Förlängning beslutad av styrgruppen, i tid, högst sex månader",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "5 Arbetssätt; Bilaga I, 5",
        "Deltagaren kan vara inskriven i Samverkansteamet i maximalt ett år, möjlighet "
        "till förlängning finns i undantagsvis efter godkännande från styrgruppen i "
        "maximalt ytterligare sex månader.",
    ),
    kontroll=_forlangning_beslutad_ratt,
    beskrivning=(
        "Varje förlängning är beslutad av styrgruppen, senast sista dagen av det första året i "
        "teamet (samma datum året efter inskrivningen), och gäller högst sex månader efter den "
        "dagen; annars är den fel. Utan förlängning bedöms regeln inte, och utan inskrivning i "
        "teamet kan den inte bedömas."
    ),
    tolkning="beslutad_av must contain 'styrgrupp' (any letter case); the decision must be "
    "dated on or before the last day of the first year; slut at most six calendar months "
    "after that day.",
)


# -- SOFINT-14, Bilaga I, 5 Insatser från Samverkansteamet -----------------------------------


def _dialog_med_remittenten(ctx: Kontext) -> None:
    team = forsta(ctx, TEAMETS_INSKRIVNING)
    remittent = _remittent(ctx)
    if team is None:
        ctx.ej_tillamplig("inte inskriven i samverkansteamet")
        return
    if remittent is None:
        ctx.ej_bedomd("remiss till samverkansteamet saknas, så remittenten är okänd")
        return
    if not ctx.galler(team.datum):
        return
    avslut = _avslut(ctx)
    slut = avslut.datum if avslut else ctx.datum
    kontakter: dict[date, int] = {}  # each day's first contact, by its index in handelser
    for index, h in ctx.vy.tidslinje:
        if (
            team.datum < h.datum <= slut
            and h.datum not in kontakter
            and (
                (
                    isinstance(h, Aterkoppling)
                    and (h.fran, h.till) in ((TEAM, remittent), (remittent, TEAM))
                )
                or (isinstance(h, Mote) and TEAM in h.parter and remittent in h.parter)
            )
        ):
            kontakter[h.datum] = index
    ctx.fakta("kontakter med remittenten", len(kontakter))
    avslutets_vag = forsta(ctx, AVSLUT)
    punkter = [team.datum, *kontakter]
    sista_glappet = len(punkter) - 1
    for nummer, (fore_, efter) in enumerate(zip(punkter, [*kontakter, slut], strict=True)):
        glapp = (efter - fore_).days
        if glapp <= DIALOG_HOGST_DAGAR:
            continue
        if avslut is None and nummer == sista_glappet:
            ctx.fynd(
                f"ingen kontakt med remittenten ({ctx.namn(remittent)}) sedan {fore_}: "
                f"{antal_dagar(glapp)} fram till {slut}",
                frist=fore_ + timedelta(days=DIALOG_HOGST_DAGAR),
            )
        else:
            if efter in kontakter:
                sokvag: str | None = f"handelser[{kontakter[efter]}]"
            else:
                sokvag = avslutets_vag.sokvag if avslutets_vag else None
            ctx.fynd(
                f"{antal_dagar(glapp)} utan kontakt med remittenten ({ctx.namn(remittent)}) "
                f"mellan {fore_} och {efter}; dialogen ska ske cirka en gång per månad",
                sokvag=sokvag,
            )
    if avslut is None:
        senaste = punkter[-1]
        nasta = senaste + timedelta(days=DIALOG_HOGST_DAGAR)
        if ctx.datum <= nasta:
            ctx.oppen_frist(
                f"nästa kontakt med remittenten ({ctx.namn(remittent)}) senast {nasta}", nasta
            )


SOFINT_14 = Regel(
    id="SOFINT-14",
    titel="Dialog med remittenten ungefär en gång i månaden",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 5 Insatser från Samverkansteamet",
        "Under tiden som deltagaren är inskriven har Samverkansteamet en kontinuerlig "
        "dialog med remittenten, förslagsvis via epost eller telefon, cirka en gång per "
        "månad.",
    ),
    kontroll=_dialog_med_remittenten,
    beskrivning=(
        "Under inskrivningen har samverkansteamet kontakt med remittenten (en återkoppling mellan "
        "dem eller ett möte med båda) ungefär en gång i månaden: högst 45 dagar mellan "
        "inskrivningen, varje kontakt och avslutet (eller dagens datum) går bra, 46 dagar ger en "
        "varning, och i ett öppet ärende visas sista dag för nästa kontakt. Utan remiss är "
        "remittenten okänd och regeln kan inte bedömas."
    ),
    tolkning=f"'Cirka en gång per månad' is read as no gap longer than "
    f"{DIALOG_HOGST_DAGAR} days between the team's inskrivning, each contact (an "
    "aterkoppling between the team and the remittent, or a meeting with both) and the "
    "avslut (or the validation date). An open case gets the next contact's due date as "
    "info.",
)


# -- SOFINT-15, Bilaga I, 5 Stöd vid studier -------------------------------------------------


def _studiestart(ctx: Kontext, fran: date, till: date) -> Traff | None:
    """When the person moved on to studies while enrolled, as the case marks it: studiemedel
    starting in the enrolment, or a studieplan drawn up in it (then the first studier insats
    starting in the enrolment, else the plan's date)."""
    starter: list[Traff] = []
    for i, f in enumerate(ctx.arende.individ.forsorjning):
        if f.typ == "studiemedel" and fran <= f.start <= till:
            starter.append(Traff(f.start, f"individ.forsorjning[{i}]", "studiemedel", f))
    for plan in STUDIEPLANER(ctx.vy):
        if fran <= plan.datum <= till:
            studier = next((t for t in STUDIEINSATSER(ctx.vy) if fran <= t.datum <= till), None)
            starter.append(studier if studier is not None else plan)
    return min(starter, key=lambda t: t.datum, default=None)


def _stod_vid_studier(ctx: Kontext) -> None:
    inskriven = _inskrivningen(ctx)
    if inskriven is None:
        ctx.ej_tillamplig("inte inskriven i samverkansteamet")
        return
    start = _studiestart(ctx, *inskriven)
    if start is None:
        ctx.ej_tillamplig("ingen övergång till studier under inskrivningen")
        return
    if not ctx.galler(start.datum):
        return
    if ctx.forklarar:
        ctx.fakta("studiestart", start.beskrivning)
    avslutas_senast(
        ctx,
        plus_manader(start.datum, 3),
        grund=f"tre månader från studiestarten {start.datum}",
        sokvag=start.sokvag,
    )


SOFINT_15 = Regel(
    id="SOFINT-15",
    titel="Stöd vid studier högst tre månader",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 5 Stöd vid studier",
        "Deltagare som börjar studera kan få stöd från Samverkansteamet under ytterligare "
        "en månad från och med studiestart. Vid behov kan stödet förlängas till maximalt "
        "3 månader.",
    ),
    kontroll=_stod_vid_studier,
    beskrivning=(
        "När personen går över till studier under inskrivningen (studiemedel som börjar då, eller "
        "en upprättad studieplan, med studiestart vid första studieinsatsen eller planens datum) "
        "avslutas ärendet senast tre kalendermånader efter studiestarten (start 2025-01-15: avslut "
        "senast 2025-04-15). En kurs vid sidan av arbetsträning utan studiemedel eller studieplan "
        "räknas inte; utan studier under inskrivningen bedöms regeln inte."
    ),
    tolkning="Only studies the person moves on to while the team supports them start the "
    "clock, and the case marks that: studiemedel (forsorjning) starting in the enrolment, "
    "or a studieplan drawn up in it (the studiestart is then the first studier insats "
    "starting in the enrolment, or the plan's date if there is none). A course alongside "
    "arbetsträning (a studier insats without either) does not. The avslut comes at most "
    "three calendar months after the studiestart (that day included).",
)


# -- SOFINT-16, Bilaga I, 6 Avslut -----------------------------------------------------------


def _overlamning(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    if avslut.objekt.overlamning is True:
        ctx.fakta("överlämning", "markerad på avslutet")
        return
    remittent = _remittent(ctx)
    if remittent is None:
        ctx.ej_bedomd("remiss till samverkansteamet saknas, så remittenten är okänd")
        return
    sista = avslut.datum + timedelta(days=14)
    for index, h in ctx.vy.tidslinje:
        if not avslut.datum <= h.datum <= sista:
            continue
        if (isinstance(h, Aterkoppling) and h.fran == TEAM and h.till == remittent) or (
            isinstance(h, Mote) and h.motestyp == "avslutsmote" and remittent in h.parter
        ):
            if ctx.forklarar:
                ctx.fakta("överlämning", f"handelser[{index}] {h.typ} {h.datum}")
            return
    ctx.saknas(
        sista,
        oppen=f"överlämning till remittenten ({ctx.namn(remittent)}) ska ske senast {sista}",
        passerad=f"ingen överlämning till remittenten ({ctx.namn(remittent)}) vid avslutet "
        f"{avslut.datum}: varken överlämning på avslutet eller återkoppling/avslutsmöte "
        f"senast {sista}",
        sokvag=avslut.sokvag,
    )


SOFINT_16 = Regel(
    id="SOFINT-16",
    titel="Överlämning till remittenten vid avslut",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 6 Avslut",
        "Vid avslut i Samverkansteamet sker en överlämning till remittenten.",
    ),
    kontroll=_overlamning,
    beskrivning=(
        "Vid avslutet lämnar samverkansteamet över till remittenten: markerat på avslutet, eller "
        "genom en återkoppling från teamet till remittenten eller ett avslutsmöte med remittenten "
        "från avslutsdagen till och med 14 dagar efter (dag 14 i tid, dag 15 för sent). Ett öppet "
        "ärende bedöms inte, och utan remiss är remittenten okänd och regeln kan inte bedömas."
    ),
    tolkning="overlamning: true on the avslut, or an aterkoppling from the team to the "
    "remittent, or an avslutsmöte with the remittent, dated from the avslut up to 14 days "
    "after it (info until then).",
)


# -- SOFINT-17, Bilaga II Processkarta, 6 Vägar ut från Samverkansteamet ---------------------


def _vag_ut(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    if avslut.objekt.utfall not in VAGAR_UT:
        ctx.fynd(
            f"utfallet {ctx.namn(avslut.objekt.utfall, Kodslag.UTFALL)} är inte en av vägarna "
            f"ut i Bilaga II ({ctx.namnlista(VAGAR_UT, Kodslag.UTFALL)})",
            sokvag=f"{avslut.sokvag}.utfall",
        )


SOFINT_17 = Regel(
    id="SOFINT-17",
    titel="Avslut till en av vägarna ut",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga II Processkarta, 6 Vägar ut från Samverkansteamet",
        "Arbete; Studier; Åter till remittent med medicinsk/social planering; "
        "Arbetssökande på Arbetsförmedlingen; Annan aktör tar över rehabiliteringen",
    ),
    kontroll=_vag_ut,
    beskrivning=(
        "Det första avslutet har en av vägarna ut i processkartan: arbete, studier, åter till "
        "remittenten, arbetssökande på Arbetsförmedlingen eller att en annan aktör tar över "
        "rehabiliteringen; ett annat utfall ger en varning. Ett öppet ärende bedöms inte."
    ),
)


# -- SOFINT-18, 5 Arbetssätt ----------------------------------------------------------------

SOFINT_18 = Regel(
    id="SOFINT-18",
    titel="Kartläggning först, före handlingsplan och insatser",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "5 Arbetssätt",
        "Initialt genomförs en kartläggning av deltagaren för att hitta dennes intressen och "
        "förmågor i förhållande till egen försörjning. Detta utgör sedan grunden till "
        "planeringen för de fortsatta insatserna.",
    ),
    kontroll=fore(
        TEAMETS_KARTLAGGNINGAR,
        eller(TEAMETS_HANDLINGSPLANER, TEAMETS_INSATSER),
        vad="kartläggning av samverkansteamet",
    ),
    tolkning="A kartläggning with samverkansteamet among its parties, completed on or "
    "before the earliest of the team's handlingsplan and the team's first insats (other "
    "than ekonomisk rådgivning). A case with a plan or insats and no kartläggning at all is "
    "reported here (SOFINT-09 only judges a kartläggning that exists).",
)


# -- SOFINT-19, Bilaga I, 2 Remiss -----------------------------------------------------------

SOFINT_19 = Regel(
    id="SOFINT-19",
    titel="Remiss före inskrivningen",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 2 Remiss",
        "Remittent och deltagare skriver remiss och skickar till Samverkansteamet",
    ),
    kontroll=fore(REMISS, TEAMETS_INSKRIVNING, vad="remiss till samverkansteamet"),
    tolkning="A remiss to samverkansteamet dated on or before the team's first "
    "inskrivning. A missing remiss is a fel here (SOFINT-07 can only say it cannot judge).",
)


# -- SOFINT-20, Bilaga I, 3 Inskrivning i Samverkansteamet -----------------------------------


def _remissen_pa_teammote(ctx: Kontext) -> None:
    remiss = ankare_for(ctx, REMISS, saknas="ingen remiss till samverkansteamet")
    if remiss is None:
        return
    svar = next(
        (t for t in _svar_till_remittenten(remiss)(ctx.vy) if t.datum >= remiss.datum), None
    )
    if svar is None:
        ctx.ej_tillamplig("inget svar till remittenten ännu")
        return
    for mote in TEAMMOTEN(ctx.vy):
        if remiss.datum <= mote.datum <= svar.datum:
            if ctx.forklarar:
                ctx.fakta("remissen behandlad", mote.beskrivning)
            return
    ctx.fynd(
        f"inget teammöte mellan {ctx.beskriv(remiss)} och svar från samverkansteamet till "
        f"{ctx.namn(remiss.objekt.fran)} {svar.datum}: inkomna remisser behandlas på teammöte",
        sokvag=svar.sokvag,
    )


SOFINT_20 = Regel(
    id="SOFINT-20",
    titel="Remissen behandlas på teammöte före svaret",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 3 Inskrivning i Samverkansteamet",
        "Inkomna remisser behandlas av Samverkansteamet på teammöte.",
    ),
    kontroll=_remissen_pa_teammote,
    beskrivning=(
        "Remissen behandlas på ett teammöte i samverkansteamet någon dag från remissdagen till och "
        "med dagen för det första svaret till remittenten. Innan svaret finns, eller utan remiss, "
        "bedöms regeln inte."
    ),
    tolkning="A mote of type teammote with samverkansteamet among its parties, dated from "
    "the remiss to the first answer to the remittent, both days included. Not judged until "
    "the answer exists (SOFINT-07 watches its deadline).",
)


# -- SOFINT-21, Bilaga I, 4 Kartläggning -----------------------------------------------------


def _uppfoljning_efter_kartlaggning(ctx: Kontext) -> None:
    kartlaggning = ankare_for(
        ctx, TEAMETS_KARTLAGGNINGAR, saknas="ingen kartläggning av samverkansteamet"
    )
    if kartlaggning is None:
        return
    plan = next((t for t in TEAMETS_HANDLINGSPLANER(ctx.vy) if t.datum >= kartlaggning.datum), None)
    if plan is None:
        ctx.ej_tillamplig("ingen handlingsplan efter kartläggningen ännu")
        return
    for mote in TEAMMOTEN(ctx.vy):
        if kartlaggning.datum <= mote.datum <= plan.datum:
            if ctx.forklarar:
                ctx.fakta("uppföljning på teammöte", mote.beskrivning)
            return
    ctx.fynd(
        f"inget teammöte mellan {ctx.beskriv(kartlaggning)} och handlingsplanen {plan.datum}: "
        "ärendet följs upp på teammöte inför fortsatt planering",
        sokvag=plan.sokvag,
    )


SOFINT_21 = Regel(
    id="SOFINT-21",
    titel="Uppföljning på teammöte efter kartläggningen",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 4 Kartläggning",
        "Efter att kartläggning genomförts följs ärendet upp på teammöte inför fortsatt planering.",
    ),
    kontroll=_uppfoljning_efter_kartlaggning,
    beskrivning=(
        "Efter samverkansteamets första kartläggning följs ärendet upp på ett teammöte någon dag "
        "från dagen kartläggningen blev klar till och med dagen för den första handlingsplanen "
        "därefter. Utan kartläggning, eller innan det finns en handlingsplan, bedöms regeln inte."
    ),
    tolkning="A teammote with samverkansteamet among its parties, dated from the team's "
    "first kartläggning (its datum, when it was completed) to the first of the team's "
    "handlingsplaner dated on or after it, both days included.",
)


# -- SOFINT-22, Bilaga I, 5 Insatser från Samverkansteamet -----------------------------------


def _handlingsplanen_revideras(ctx: Kontext) -> None:
    inskriven = _inskrivningen(ctx)
    planer_ = TEAMETS_HANDLINGSPLANER(ctx.vy)
    if inskriven is None or not planer_:
        ctx.ej_tillamplig("ingen handlingsplan av samverkansteamet")
        return
    fran, avslut = inskriven
    versioner = [t for t in planer_ if fran <= t.datum <= avslut]
    if not versioner or not ctx.galler(versioner[0].datum):
        ctx.ej_tillamplig("ingen handlingsplan under inskrivningen")
        return
    slut = avslut if avslut != date.max else None
    for forra, nasta in zip(versioner, [*versioner[1:], None], strict=True):
        sista = plus_manader(forra.datum, REVIDERAS_MANADER)
        if nasta is not None:
            if nasta.datum > sista:
                ctx.fynd(
                    f"handlingsplanen {forra.datum} reviderades först {nasta.datum}, mer än "
                    f"{REVIDERAS_MANADER} månader senare (senast {sista})",
                    sokvag=nasta.sokvag,
                    frist=sista,
                )
        elif slut is not None:
            if slut > sista:
                ctx.fynd(
                    f"handlingsplanen {forra.datum} reviderades inte före avslutet {slut} "
                    f"(senast {sista}, {REVIDERAS_MANADER} månader)",
                    sokvag=forra.sokvag,
                    frist=sista,
                )
        else:
            ctx.saknas(
                sista,
                oppen=f"handlingsplanen {forra.datum} ska revideras senast {sista}",
                passerad=f"handlingsplanen {forra.datum} har inte reviderats; senast {sista} "
                f"({REVIDERAS_MANADER} månader)",
                sokvag=forra.sokvag,
            )


SOFINT_22 = Regel(
    id="SOFINT-22",
    titel="Handlingsplanen revideras minst var tredje månad",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 5 Insatser från Samverkansteamet",
        "Handlingsplanen ska revideras kontinuerligt för att säkerställa att deltagaren får "
        "bästa möjliga stöd till utveckling.",
    ),
    kontroll=_handlingsplanen_revideras,
    beskrivning=(
        "Samverkansteamets handlingsplan revideras minst var tredje kalendermånad under "
        "inskrivningen: varje ny version kommer senast tre månader efter den förra (plan "
        "2025-01-15: nästa senast 2025-04-15) och avslutet senast tre månader efter den sista, och "
        "i ett öppet ärende visas sista dag för nästa revidering. Utan handlingsplan under "
        "inskrivningen bedöms regeln inte."
    ),
    tolkning=f"'Kontinuerligt' is read as at least every {REVIDERAS_MANADER} calendar "
    "months: each new handlingsplan of the team (a revision is recorded as a new plan "
    f"entry) comes at most {REVIDERAS_MANADER} months after the previous one, and the last "
    f"one at most {REVIDERAS_MANADER} months before the avslut (or it is an open deadline). "
    "Three months because the plan's own follow-up runs quarterly (7.1: 'Kvartalsrapporter "
    "till styrgruppen') while the dialogue with the remittent is monthly; a varning, as the "
    "text sets no interval.",
)


# -- SOFINT-23, Bilaga I, 6 Avslut -----------------------------------------------------------


def _avslutande_mote(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    remittent = _remittent(ctx)
    if remittent is None:
        ctx.ej_bedomd("remiss till samverkansteamet saknas, så remittenten är okänd")
        return
    fran = avslut.datum - timedelta(days=AVSLUTSMOTE_DAGAR)
    sista = avslut.datum + timedelta(days=AVSLUTSMOTE_DAGAR)
    for mote in AVSLUTSMOTEN(ctx.vy):
        parter = mote.objekt.parter
        if TEAM in parter and remittent in parter and fran <= mote.datum <= sista:
            if ctx.forklarar:
                deltog = "" if mote.objekt.individen_deltog else " (erbjudet, deltagaren kom inte)"
                ctx.fakta("avslutande möte", mote.beskrivning + deltog)
            return
    ctx.saknas(
        sista,
        oppen=f"avslutande möte med deltagaren och remittenten ({ctx.namn(remittent)}) ska "
        f"erbjudas senast {sista}",
        passerad=f"inget avslutande möte med samverkansteamet och remittenten "
        f"({ctx.namn(remittent)}) "
        f"{fran}–{sista} kring avslutet {avslut.datum}",
        sokvag=avslut.sokvag,
    )


SOFINT_23 = Regel(
    id="SOFINT-23",
    titel="Avslutande möte erbjuds deltagare och remittent",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 6 Avslut",
        "Samverkansteamet erbjuder ett avslutande möte med deltagare, remittent och "
        "kontaktperson från Samverkansteamet.",
    ),
    kontroll=_avslutande_mote,
    beskrivning=(
        "Samverkansteamet erbjuder ett avslutande möte: ett avslutsmöte med teamet och remittenten "
        "bland parterna, från 14 dagar före till 14 dagar efter avslutet (dag 14 efter i tid, dag "
        "15 för sent); ett möte deltagaren inte kom till räknas som erbjudet. Ett öppet ärende "
        "bedöms inte, och utan remiss är remittenten okänd och regeln kan inte bedömas."
    ),
    tolkning=f"A mote of type avslutsmote with samverkansteamet and the remittent among its "
    f"parties, from {AVSLUTSMOTE_DAGAR} days before to {AVSLUTSMOTE_DAGAR} days after the "
    "avslut (info until then). The team offers the meeting; one the person did not attend "
    "(individen_deltog: false) records the offer and counts.",
)


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    SOFINT_01,
    SOFINT_02,
    SOFINT_03,
    SOFINT_04,
    SOFINT_05,
    SOFINT_06,
    SOFINT_07,
    SOFINT_08,
    SOFINT_09,
    SOFINT_10,
    SOFINT_11,
    SOFINT_12,
    SOFINT_13,
    SOFINT_14,
    SOFINT_15,
    SOFINT_16,
    SOFINT_17,
    SOFINT_18,
    SOFINT_19,
    SOFINT_20,
    SOFINT_21,
    SOFINT_22,
    SOFINT_23,
)

REGELVERK = Regelverk(
    id="sofint",
    namn="SOFINT Samverkansteamet",
    agare="Samordningsförbundet SOFINT (norra Örebro län)",
    version="2014-04-23",
    regler=REGLER,
    giltig_fran=date(2014, 4, 23),
    enheter=(SAMVERKANSTEAMET,),
    beskrivning="Plan för insats – Samverkansteamet, 2014, reviderad 2014-04-23.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    from finsam_core.regelbygge import las_arenadata

    register(las_arenadata(files("finsam_sofint") / "arenor.yaml"))


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    """SOFINT's reports for ``finsam rapport``, from ``rapporter.py`` beside this module.

    Imported here rather than at the top so that checking cases (``finsam validate``) does
    not pay for building reports: the host calls this hook only when a command asks for
    reports.
    """
    from finsam_sofint import rapporter

    rapporter.finsam_rapporter(register)
