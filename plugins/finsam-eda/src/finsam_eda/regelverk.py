"""Eda kommun, *Samverkan mellan IFO och AME, riktlinje*, as rules.

Source: ``000_fa0245dd99a1cc44.txt`` (Kommunstyrelsen 2019-06-25 § 34, reviderad
2020-11-03 § 190). IFO is the unit ``socialtjanst``, AME is ``ame``. The hand-over
samverkansmöte is the first ``mote`` of type ``samverkansmote`` in the case. "4:1" and
"4:4" mean SoL (2001:453) 4 kap. 1 § and 4 §, and equally their successors SoL (2025:400)
12 kap. 1 § and 4 § (`Lagrum.motsvarar`).
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib.resources import files

from finsam_core.regelbygge import (
    FEL,
    VARNING,
    Aterkoppling,
    Avslut,
    Beslut,
    Dokument,
    Inskrivning,
    Intyg,
    Kontext,
    Lagrum,
    Ledighet,
    Manad,
    Mote,
    Regel,
    Regelverk,
    RegistreraArenor,
    RegistreraRegelverk,
    ankare_for,
    antal_dagar,
    dagar,
    eller,
    fore,
    forsta,
    frist_efter,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    las_arenadata,
    moten,
    planer,
    samtycke_mellan,
    varje,
)

RIKTLINJE = Dokument(
    "000_fa0245dd99a1cc44.txt",
    "Eda kommun: Samverkan mellan IFO och AME, riktlinje (reviderad 2020-11-03)",
)
IFO = "socialtjanst"
AME = "ame"
SOL_4_1 = Lagrum.tolka("SoL 4:1")
SOL_4_4 = Lagrum.tolka("SoL 4:4")
LEDIGHET_DAGAR_PER_AR = 14
INTYG_FRAN_DAG, INTYG_TILL_DAG = 16, 20


def _ar_4_1_eller_4_4(beslut: Beslut) -> bool:
    return beslut.lagrum.motsvarar(SOL_4_1) or beslut.lagrum.motsvarar(SOL_4_4)


def _ar_4_4(beslut: Beslut) -> bool:
    return beslut.lagrum.motsvarar(SOL_4_4)


SAMVERKANSMOTE = moten("samverkansmote").forsta()
TREPARTSSAMTAL = moten("trepartssamtal")
BESLUT_4_1_4_4 = handelser(
    Beslut,
    lambda h, vy: h.part == IFO and _ar_4_1_eller_4_4(h),
    beskrivning="beslut enligt 4:1 eller 4:4",
)
BESLUT_4_4 = handelser(
    Beslut, lambda h, vy: h.part == IFO and _ar_4_4(h), beskrivning="beslut enligt 4:4"
)
AVSLUT_EJ_MEDVERKAN = handelser(
    Avslut, lambda h, vy: h.utfall == "ej_medverkan", beskrivning="avslut för ej medverkan"
).forsta()
ALLA_SAMVERKANSMOTEN = moten("samverkansmote", beskrivning="samverkansmöte")
ATERKOPPLING_AME = handelser(
    Aterkoppling,
    lambda h, vy: h.fran == AME and h.till == IFO,
    beskrivning="återkoppling från AME till IFO",
)


def _manader(fran: date, till: date) -> list[Manad]:
    manad, sista = Manad.for_datum(fran), Manad.for_datum(till)
    lista = []
    while manad <= sista:
        lista.append(manad)
        manad = Manad.for_datum(manad.sista + timedelta(days=1))
    return lista


# -- EDA-01, 2, punkt 1 ----------------------------------------------------------------------

EDA_01 = Regel(
    id="EDA-01",
    titel="Beslut enligt 4:1 eller 4:4 före samverkansmötet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1", "Innan samverkansmötet skall beslut ha fattats om 4:4 el. 4:1."
    ),
    kontroll=fore(BESLUT_4_1_4_4, SAMVERKANSMOTE, vad="beslut enligt 4:1 eller 4:4 av IFO"),
    tolkning="A beslut by socialtjanst citing 4 kap. 1 or 4 § of SoL (2001:453) or their "
    "successors 12 kap. 1 or 4 § of SoL (2025:400), dated on or before the first "
    "samverkansmöte.",
)


# -- EDA-02, 2, punkt 1 ----------------------------------------------------------------------

EDA_02 = Regel(
    id="EDA-02",
    titel="Kartläggningen klar före samverkansmötet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1",
        "Kartläggning av klient skall vara färdig och lämnas till AME på samverkansmöte.",
    ),
    kontroll=fore(kartlaggningar(), SAMVERKANSMOTE, vad="färdig kartläggning"),
    tolkning="A kartläggning completed (its datum) on or before the first samverkansmöte.",
)


# -- EDA-03, 2, punkt 1 ----------------------------------------------------------------------

EDA_03 = Regel(
    id="EDA-03",
    titel="Återkoppling från AME senast inom tre veckor",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1",
        "Återkoppling från AME till handläggare på IFO för ett trepartssamtal sker "
        "snarast, senast inom 3 v.",
    ),
    kontroll=frist_efter(
        SAMVERKANSMOTE,
        eller(ATERKOPPLING_AME, TREPARTSSAMTAL),
        dagar(21),
        vad="återkoppling från AME eller trepartssamtal",
    ),
    tolkning="An aterkoppling from ame to socialtjanst, or the first trepartssamtal, within "
    "21 days of the first samverkansmöte: day 21 in time, day 22 late.",
)


# -- EDA-04, 2, punkt 2 ----------------------------------------------------------------------


def _overenskommelse_vid_trepartssamtalet(ctx: Kontext) -> None:
    samtal = ankare_for(ctx, TREPARTSSAMTAL, saknas="inget trepartssamtal")
    if samtal is None:
        return
    overenskommelser = planer("overenskommelse")(ctx.vy)
    if any(p.datum == samtal.datum for p in overenskommelser):
        ctx.fakta("överenskommelse", f"{samtal.datum}")
        return
    andra = ", ".join(str(p.datum) for p in overenskommelser)
    ctx.fynd(
        f"ingen överenskommelse upprättad vid första {samtal.beskrivning}"
        + (f" (överenskommelse finns från {andra})" if andra else ""),
        sokvag=samtal.sokvag,
    )


EDA_04 = Regel(
    id="EDA-04",
    titel="Överenskommelse vid första trepartssamtalet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 2",
        "Vid första trepartssamtalet, som hålls på socialkontoret upprättas en "
        "överenskommelse där tid för beslut anges mellan IFO, AME och klienten.",
    ),
    kontroll=_overenskommelse_vid_trepartssamtalet,
    tolkning="A plan of type overenskommelse dated the same day as the first trepartssamtal.",
)


# -- EDA-05, 2, punkt 2 ----------------------------------------------------------------------

EDA_05 = Regel(
    id="EDA-05",
    titel="Samtycke vid första trepartssamtalet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla("2, punkt 2", "AME inhämtar samtycke av den enskilde under mötet"),
    kontroll=samtycke_mellan(IFO, AME, TREPARTSSAMTAL.forsta()),
    tolkning="A consent covering socialtjanst and ame on the day of the first "
    "trepartssamtal (the spec's coverage rule).",
)


# -- EDA-06, 1.3 Generell rollfördelning; SoL (2025:400) 12 kap. 4 § -------------------------


def _samrad_fore_4_4(ctx: Kontext) -> None:
    for beslut in varje(ctx, BESLUT_4_4, saknas="inget beslut enligt 4:4"):
        b = beslut.objekt
        samrad = [
            m for _, m in ctx.vy.av_typ(Mote)
            if IFO in m.parter and "af" in m.parter and m.datum <= b.datum
        ]  # fmt: skip
        if samrad:
            ctx.fakta(f"samråd före beslutet {b.datum}", f"{samrad[0].motestyp} {samrad[0].datum}")
        else:
            ctx.fynd(
                f"beslutet {b.datum} enligt {b.lagrum} fattades utan samråd med "
                "Arbetsförmedlingen (möte med socialtjänsten och af) före beslutet",
                sokvag=beslut.sokvag,
            )


EDA_06 = Regel(
    id="EDA-06",
    titel="Samråd med Arbetsförmedlingen före beslut enligt 4:4",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "1.3 Generell rollfördelning; SoL (2025:400) 12 kap. 4 §",
        "Samråd med Arbetsförmedlingen ska ske innan beslut enligt SoL 4 kap. 4 § fattas",
    ),
    kontroll=_samrad_fore_4_4,
    tolkning="For every decision under 4:4 (or 12 kap. 4 § of the new Act): a meeting of "
    "any type with both socialtjanst and af, dated on or before the decision.",
)


# -- EDA-07, 1.3 Generell rollfördelning -----------------------------------------------------


def _inget_4_4_vid_annan_atgard(ctx: Kontext) -> None:
    if "arbetsmarknadspolitisk_atgard" not in ctx.arende.individ.omstandigheter:
        ctx.ej_tillamplig("ingen arbetsmarknadspolitisk åtgärd beslutad via annan instans")
        return
    for beslut in varje(ctx, BESLUT_4_4, saknas="inget beslut enligt 4:4"):
        ctx.fynd(
            f"beslutet {beslut.datum} enligt {beslut.objekt.lagrum} fattades fast personen "
            "redan har en arbetsmarknadspolitisk åtgärd beslutad via annan instans",
            sokvag=beslut.sokvag,
        )


EDA_07 = Regel(
    id="EDA-07",
    titel="Inget beslut enligt 4:4 vid arbetsmarknadspolitisk åtgärd",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "1.3 Generell rollfördelning",
        "samt kompetenshöjande insats enligt SoL 4 kap. 4 §, (under förutsättning att den "
        "enskilde inte redan har en beslutad arbetsmarknadspolitisk åtgärd via annan "
        "instans",
    ),
    kontroll=_inget_4_4_vid_annan_atgard,
    tolkning="The circumstance arbetsmarknadspolitisk_atgard (as recorded at referral) and "
    "any decision under 4:4 is reported.",
)


# -- EDA-08, 2, punkt 3 ----------------------------------------------------------------------

EDA_08 = Regel(
    id="EDA-08",
    titel="Individuell plan före AME:s första insats",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 3",
        "Vid inskrivningssamtalet på AME görs en fördjupad kartläggning och en "
        "individuell plan upprättas.",
    ),
    kontroll=fore(
        planer("individuell_plan"),
        insatser(lambda i: i.utforare == AME, beskrivning="insats av AME"),
        vad="individuell plan",
    ),
    tolkning="A plan of type individuell_plan on or before the start of the earliest "
    "insats whose utförare is ame.",
)


# -- EDA-09, 2, punkt 4 ----------------------------------------------------------------------


def _manadsintyg(ctx: Kontext) -> None:
    inskrivningar = [(i, h) for i, h in ctx.vy.av_typ(Inskrivning) if h.enhet == AME]
    if not inskrivningar:
        ctx.ej_tillamplig("inte inskriven på AME")
        return
    inskrivningsindex, forsta_inskrivning = inskrivningar[0]
    inskriven = forsta_inskrivning.datum
    avslut = next((h for _, h in ctx.vy.av_typ(Avslut)), None)
    slut = avslut.datum if avslut else ctx.datum
    intyg = [
        (i, h) for i, h in ctx.vy.av_typ(Intyg)
        if h.intygstyp == "insatsintyg" and h.fran == AME and h.till == IFO
    ]  # fmt: skip
    for manad in _manader(inskriven, max(inskriven, slut)):
        forsta, sista = (
            date(manad.ar, manad.manad, INTYG_FRAN_DAG),
            date(manad.ar, manad.manad, INTYG_TILL_DAG),
        )
        if not (inskriven <= forsta and (avslut is None or sista <= avslut.datum)):
            continue  # not enrolled on both the 16th and the 20th
        if not ctx.galler(sista):
            continue
        i_manaden = [(i, h) for i, h in intyg if Manad.for_datum(h.datum) == manad]
        if not i_manaden:
            if ctx.datum >= date(manad.ar, manad.manad, 1):  # nothing to say of later months
                ctx.saknas(
                    sista,
                    oppen=f"insatsintyg för {manad} ska skickas {forsta}–{sista}",
                    passerad=f"insatsintyg för {manad} saknas; det ska skickas från AME till "
                    f"IFO {forsta}–{sista}",
                    sokvag=f"handelser[{inskrivningsindex}]",
                )
            continue
        if not any(forsta <= h.datum <= sista for _, h in i_manaden):
            index, h = i_manaden[0]
            ctx.fynd(
                f"insatsintyget för {manad} är daterat {h.datum}, utanför den "
                f"{INTYG_FRAN_DAG}:e–{INTYG_TILL_DAG}:e",
                sokvag=f"handelser[{index}]",
                allvarlighet=VARNING,
            )
        else:
            ctx.fakta(f"insatsintyg {manad}", "i tid")


EDA_09 = Regel(
    id="EDA-09",
    titel="Insatsintyg från AME till IFO varje månad den 16–20",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 4",
        "Månadsrapportering sker via insatsintyg från AME till IFO månadsvis mellan den 16:e-20:e.",
    ),
    kontroll=_manadsintyg,
    tolkning="Every month in which the person is enrolled at AME (from the first "
    "inskrivning at ame to the avslut) on both the 16th and the 20th needs an insatsintyg "
    "from ame to socialtjanst dated in that month: missing once the 20th has passed is a "
    "fel (frist: the 20th), open until then; dated outside the 16th–20th is a varning.",
)


# -- EDA-10, 2, punkt 6 ----------------------------------------------------------------------


def _ledighet_per_ar(ctx: Kontext) -> None:
    ledigheter = ctx.vy.av_typ(Ledighet)
    if not ledigheter:
        ctx.ej_tillamplig("ingen ledighet")
        return
    # The days the rule applies to form one interval; count each leave per calendar year
    # by arithmetic (walking day by day made a leave of centuries take minutes).
    galler_fran = max(
        (d for d in (ctx.regel.giltig_fran, ctx.regelverk.giltig_fran) if d), default=date.min
    )
    galler_till = min(
        (d for d in (ctx.regel.giltig_till, ctx.regelverk.giltig_till) if d), default=date.max
    )
    summa: dict[int, int] = {}
    rapporterade: set[int] = set()
    for index, ledighet in ledigheter:
        for ar in range(ledighet.start.year, ledighet.slut.year + 1):
            start = max(ledighet.start, date(ar, 1, 1))
            forsta = max(start, galler_fran)
            sista = min(ledighet.slut, date(ar, 12, 31), galler_till)
            if forsta > sista:
                ctx.galler(start)  # outside the rule's version (explain says so)
                continue
            ctx.galler(forsta)
            fore = summa.get(ar, 0)
            summa[ar] = fore + (sista - forsta).days + 1
            if summa[ar] > LEDIGHET_DAGAR_PER_AR and ar not in rapporterade:
                rapporterade.add(ar)
                dag = forsta + timedelta(days=max(LEDIGHET_DAGAR_PER_AR - fore, 0))
                ctx.fynd(
                    f"ledigheten {ledighet.start}–{ledighet.slut} gör att ledigheten "
                    f"{ar} överstiger två veckor ({LEDIGHET_DAGAR_PER_AR} dagar) "
                    f"från och med {dag}",
                    sokvag=f"handelser[{index}]",
                )
    for ar, antal in sorted(summa.items()):
        ctx.fakta(f"ledighet {ar}", antal_dagar(antal))


EDA_10 = Regel(
    id="EDA-10",
    titel="Högst två veckors ledighet per år",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 6",
        "Trots detta finns behov att få viss ledighet, vilket från IFO fastställts till "
        "två veckor.",
    ),
    kontroll=_ledighet_per_ar,
    tolkning="Two weeks are 14 days, counting every day of leave (both ends included) per "
    "calendar year; leave spanning New Year counts in each year for its own days.",
)


# -- EDA-11, 2, punkt 7 ----------------------------------------------------------------------


def _samverkansmote_forsta_veckan(ctx: Kontext) -> None:
    for mote in varje(ctx, ALLA_SAMVERKANSMOTEN, saknas="inget samverkansmöte"):
        if mote.datum.day > 7:
            ctx.fynd(
                f"samverkansmötet {mote.datum} hölls den {mote.datum.day}:e, inte under "
                "månadens första vecka (dag 1–7)",
                sokvag=mote.falt("datum"),
            )


EDA_11 = Regel(
    id="EDA-11",
    titel="Samverkansmöten under månadens första vecka",
    allvarlighet=VARNING,
    kalla=RIKTLINJE.kalla("2, punkt 7", "Samverkansmöten sker första veckan varje månad"),
    kontroll=_samverkansmote_forsta_veckan,
    tolkning="'Första veckan' is read as days 1–7 of the month.",
)


# -- EDA-12, 2, punkt 5 ----------------------------------------------------------------------


def _kallad_fore_avslut_for_ej_medverkan(ctx: Kontext) -> None:
    avslut = ankare_for(
        ctx, AVSLUT_EJ_MEDVERKAN, saknas="inget avslut för att personen inte medverkar"
    )
    if avslut is None:
        return
    a = avslut.objekt
    forsta_samtal = forsta(ctx, TREPARTSSAMTAL)
    efter = forsta_samtal.datum if forsta_samtal else None
    for _, m in ctx.vy.av_typ(Mote):
        if (
            efter is not None and efter < m.datum <= a.datum and m.individen_deltog
            and (m.motestyp == "trepartssamtal" or IFO in m.parter)
        ):  # fmt: skip
            ctx.fakta("kallad före avslut", f"{m.motestyp} {m.datum}")
            return
    ctx.fynd(
        f"avslut {a.datum} för att personen inte medverkar, utan att personen först kallats "
        "till ett trepartssamtal eller ett möte med IFO efter det första trepartssamtalet",
        sokvag=avslut.sokvag,
    )


EDA_12 = Regel(
    id="EDA-12",
    titel="Kallad till samtal innan avslut för utebliven medverkan",
    allvarlighet=VARNING,
    kalla=RIKTLINJE.kalla(
        "2, punkt 5",
        "Vid samråd mellan handläggare AME och IFO kallas klienten till ett "
        "trepartssamtal eller ett enskilt möte med ansvarig på IFO.",
    ),
    kontroll=_kallad_fore_avslut_for_ej_medverkan,
    tolkning="An avslut with utfall ej_medverkan needs a trepartssamtal, or a meeting with "
    "socialtjanst, where the person took part, dated after the first trepartssamtal and on "
    "or before the avslut.",
)


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    EDA_01,
    EDA_02,
    EDA_03,
    EDA_04,
    EDA_05,
    EDA_06,
    EDA_07,
    EDA_08,
    EDA_09,
    EDA_10,
    EDA_11,
    EDA_12,
)

REGELVERK = Regelverk(
    id="eda",
    namn="Eda kommun: samverkan mellan IFO och AME",
    agare="Eda kommun (Kommunstyrelsen)",
    version="2020-11-03",
    regler=REGLER,
    giltig_fran=date(2020, 11, 3),
    beskrivning="Samverkan mellan IFO och AME, riktlinje. Kommunstyrelsen 2019-06-25 § 34, "
    "reviderad 2020-11-03 § 190.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register(las_arenadata(files("finsam_eda") / "arenor.yaml"))
