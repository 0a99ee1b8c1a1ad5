"""SOFINT Samverkansteamet: *Plan för insats* (2014, reviderad 2014-04-23) as rules.

Source: ``004_8ef7852e647e2221.txt`` (Samordningsförbundet i norra Örebro län). Every rule
cites its section and quotes the sentence it implements; where the text is vague the rule's
``tolkning`` says which reading we chose.

The case starts with a ``remiss`` to ``samverkansteamet``; the remittent is that referral's
``fran``. "The team's inskrivning" is the first ``inskrivning`` at ``samverkansteamet``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib.resources import files

from finsam_core.regelbygge import (
    FEL,
    VARNING,
    Aterkoppling,
    Avslut,
    Dokument,
    Enhet,
    Forlangning,
    Inskrivning,
    Kontext,
    Mote,
    Regel,
    Regelverk,
    RegistreraArenor,
    RegistreraRegelverk,
    Remiss,
    Traff,
    Val,
    alder_mellan,
    ankare_for,
    antal_dagar,
    avslutas_senast,
    folkbokford_i,
    fore,
    forsta,
    frist_efter,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    kontakt_med_minst,
    las_arenadata,
    moten,
    planer,
    plus_ar,
    plus_manader,
    utan_omstandigheter,
    varje,
    veckor,
)
from finsam_sofint.rapporter import finsam_rapporter  # noqa: F401  (reports: finsam rapport)

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
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "2 Verksamhetens ägare; Bilaga I, 1",
        "Verksamhetens ägare är Arbetsförmedlingen, Försäkringskassan, Örebro läns "
        "landsting, Hällefors kommun, Lindesbergs kommun, Ljusnarsbergs kommun och Nora "
        "kommun.",
    ),
    kontroll=folkbokford_i(KOMMUNER),
    tolkning="The four owner municipalities are the team's catchment area (Bilaga I, 1 "
    "names where the information meeting is held for each of them).",
)


# -- SOFINT-03, 3 Bakgrund -------------------------------------------------------------------

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
    kontroll=kontakt_med_minst(2, ("af", "fk", "socialtjanst", "psykiatri")),
    tolkning="Allmänpsykiatrin is the unit psykiatri; contacts as recorded at referral.",
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
    tolkning="Met by psykisk_ohalsa or funktionsnedsattning among the circumstances, or "
    "aktivitetsersättning paid on the remiss date (4.1: 'Personer med "
    "aktivitetsersättning').",
)


# -- SOFINT-06, Bilaga I, 1 Informationsmöte -------------------------------------------------

SOFINT_06 = Regel(
    id="SOFINT-06",
    titel="Informationsmöte före inskrivningen",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 1 Informationsmöte",
        "Remittent bokar ett informationsmöte med personal från Samverkansteamet.",
    ),
    kontroll=fore(moten("informationsmote"), TEAMETS_INSKRIVNING, vad="informationsmöte"),
    tolkning="An informationsmöte on or before the team's first inskrivning ('Därefter "
    "skrivs hon eller han in som deltagare'); the same day counts.",
)


# -- SOFINT-07, Bilaga I, 3 Inskrivning i Samverkansteamet -----------------------------------

SOFINT_07 = Regel(
    id="SOFINT-07",
    titel="Svar till remittenten inom två veckor",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 3 Inskrivning i Samverkansteamet",
        "Svar ska skickas till remittent inom två veckor från och med det datum som "
        "remissen kom till Samverkansteamet.",
    ),
    kontroll=frist_efter(
        REMISS.forsta(),
        _svar_till_remittenten,
        veckor(2),
        vad="svar till remittenten",
        utan_start="ärendet saknar remiss till samverkansteamet",
    ),
    tolkning="An aterkoppling from samverkansteamet to the remittent within 14 days of "
    "the remiss: day 14 is in time, day 15 late (the case format's convention for "
    "'inom två veckor').",
)


# -- SOFINT-08, Bilaga I, 3 Inskrivning i Samverkansteamet -----------------------------------


def _inskriven_pa_af(ctx: Kontext) -> None:
    team = ankare_for(ctx, TEAMETS_INSKRIVNING, saknas="inte inskriven i samverkansteamet")
    if team is None:
        return
    if "af" in ctx.arende.individ.kontakter:
        ctx.fakta("Arbetsförmedlingen", "bland kontakterna vid remissen")
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
        oppen=f"inskrivning på Arbetsförmedlingen ska ske i samband med {team.beskrivning}, "
        f"senast {sista}",
        passerad=f"ingen inskrivning på Arbetsförmedlingen {fran}–{sista} i samband med "
        f"{team.beskrivning}, och af finns inte bland kontakterna",
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
    tolkning=f"Met if af is among the contacts at referral, or by an inskrivning at af "
    f"within {AF_I_SAMBAND_DAGAR} days before or after the team's inskrivning ('i samband "
    "med'); until that window has passed it is an open deadline.",
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
        else:
            ctx.fakta(traff.falt("samtal"), samtal)


SOFINT_09 = Regel(
    id="SOFINT-09",
    titel="Kartläggningen har tre till sex samtal",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 4 Kartläggning", "Kartläggningen består av mellan tre och sex samtal."
    ),
    kontroll=_kartlaggningssamtal,
    tolkning="Every kartläggning with samverkansteamet among its parties; three and six "
    "are inside. A kartläggning without a count of talks cannot be judged.",
)


# -- SOFINT-10, Bilaga I, 4 Ekonomisk rådgivning ---------------------------------------------

SOFINT_10 = Regel(
    id="SOFINT-10",
    titel="Ekonomisk rådgivning erbjuden",
    allvarlighet=VARNING,
    kalla=PLAN.kalla(
        "Bilaga I, 4 Ekonomisk rådgivning",
        "Deltagaren ska erbjudas ekonomisk rådgivning i samband med eller efter kartläggning.",
    ),
    kontroll=fore(
        insatser(lambda i: i.typ == "ekonomisk_radgivning", beskrivning="ekonomisk rådgivning"),
        AVSLUT,
        vad="ekonomisk rådgivning",
    ),
    tolkning="An ekonomisk_radgivning insats starting on or before the avslut; an open "
    "case is not judged yet. A 'varning' because only the offer can be required.",
)


# -- SOFINT-11, Bilaga I, 5 Insatser från Samverkansteamet -----------------------------------

SOFINT_11 = Regel(
    id="SOFINT-11",
    titel="Handlingsplan före första insatsen",
    allvarlighet=FEL,
    kalla=PLAN.kalla(
        "Bilaga I, 5 Insatser från Samverkansteamet",
        "En individuell handlingsplan upprättas mellan deltagaren och kontaktpersonen. "
        "Insatserna utformas utifrån deltagarens individuella behov",
    ),
    kontroll=fore(
        planer("handlingsplan"),
        insatser(lambda i: i.utforare == TEAM, beskrivning="insats av samverkansteamet"),
        vad="handlingsplan",
    ),
    tolkning="A handlingsplan dated on or before the start of the earliest insats whose "
    "utförare is samverkansteamet (of any type).",
)


# -- SOFINT-12, 5 Arbetssätt; Bilaga I, 5 ----------------------------------------------------


def _inskriven_hogst_ett_ar(ctx: Kontext) -> None:
    team = ankare_for(ctx, TEAMETS_INSKRIVNING, saknas="inte inskriven i samverkansteamet")
    if team is None:
        return
    arsgrans = plus_ar(team.datum, 1)
    grans, grund = arsgrans, f"ett år från {team.beskrivning}"
    for f in (t.objekt for t in FORLANGNINGAR(ctx.vy)):
        if _giltig_forlangning(f, arsgrans):
            grans = min(f.slut, plus_manader(arsgrans, 6))
            grund = f"förlängning beslutad av styrgruppen {f.datum}"
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
    kontakter: dict[date, str] = {}
    for index, h in ctx.vy.tidslinje:
        if (
            team.datum < h.datum <= slut
            and h.datum not in kontakter
            and (
                (isinstance(h, Aterkoppling) and {h.fran, h.till} == {TEAM, remittent})
                or (isinstance(h, Mote) and TEAM in h.parter and remittent in h.parter)
            )
        ):
            kontakter[h.datum] = f"handelser[{index}]"
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
                f"ingen kontakt med remittenten ({remittent}) sedan {fore_}: "
                f"{antal_dagar(glapp)} fram till {slut}",
                frist=fore_ + timedelta(days=DIALOG_HOGST_DAGAR),
            )
        else:
            sokvag = kontakter.get(efter) or (avslutets_vag.sokvag if avslutets_vag else None)
            ctx.fynd(
                f"{antal_dagar(glapp)} utan kontakt med remittenten ({remittent}) mellan {fore_} "
                f"och {efter}; dialogen ska ske cirka en gång per månad",
                sokvag=sokvag,
            )
    if avslut is None:
        senaste = punkter[-1]
        nasta = senaste + timedelta(days=DIALOG_HOGST_DAGAR)
        if ctx.datum <= nasta:
            ctx.oppen_frist(f"nästa kontakt med remittenten ({remittent}) senast {nasta}", nasta)


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
    tolkning=f"'Cirka en gång per månad' is read as no gap longer than "
    f"{DIALOG_HOGST_DAGAR} days between the team's inskrivning, each contact (an "
    "aterkoppling between the team and the remittent, or a meeting with both) and the "
    "avslut (or the validation date). An open case gets the next contact's due date as "
    "info.",
)


# -- SOFINT-15, Bilaga I, 5 Stöd vid studier -------------------------------------------------


def _stod_vid_studier(ctx: Kontext) -> None:
    team = forsta(ctx, TEAMETS_INSKRIVNING)
    if team is None:
        ctx.ej_tillamplig("inte inskriven i samverkansteamet")
        return
    avslut = _avslut(ctx)
    slut = avslut.datum if avslut else date.max
    studier = [
        t for t in insatser(lambda i: i.typ == "studier")(ctx.vy)
        if team.datum <= t.datum <= slut
    ]  # fmt: skip
    if not studier:
        ctx.ej_tillamplig("inga studier påbörjade under inskrivningen")
        return
    start = studier[0]
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
    tolkning="The first studier insats starting while enrolled: the avslut comes at most "
    "three calendar months after its start (that day included).",
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
        oppen=f"överlämning till remittenten ({remittent}) ska ske senast {sista}",
        passerad=f"ingen överlämning till remittenten ({remittent}) vid avslutet "
        f"{avslut.datum}: varken overlamning på avslutet eller återkoppling/avslutsmöte "
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
            f"utfallet {avslut.objekt.utfall} är inte en av vägarna ut i Bilaga II "
            f"({', '.join(VAGAR_UT)})",
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
    register(las_arenadata(files("finsam_sofint") / "arenor.yaml"))
