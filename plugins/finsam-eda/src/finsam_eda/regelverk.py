"""Eda kommun, *Samverkan mellan IFO och AME, riktlinje*, as rules.

Source: ``000_fa0245dd99a1cc44.txt`` (Kommunstyrelsen 2019-06-25 § 34, reviderad
2020-11-03 § 190). IFO is the unit ``socialtjanst``, AME is ``ame``. The hand-over
samverkansmöte is the first ``mote`` of type ``samverkansmote`` in the case. "4:1" and
"4:4" mean SoL (2001:453) 4 kap. 1 § and 4 §, and equally their successors SoL (2025:400)
12 kap. 1 § and 4 § (`Lagrum.motsvarar`).
"""

from __future__ import annotations

from datetime import date, timedelta

from finsam_core import (
    Allvarlighet,
    Aterkoppling,
    Avslut,
    Beslut,
    Inskrivning,
    Intyg,
    Kalla,
    Kontext,
    Lagrum,
    Ledighet,
    Manad,
    Mote,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    hookimpl,
)
from finsam_core.regler.byggstenar import (
    eller,
    fore,
    frist_efter,
    handelser,
    insatser,
    kartlaggningar,
    moten,
    planer,
    samtycke_mellan,
)
from finsam_core.regler.kalender import dagar

DOKUMENT = "000_fa0245dd99a1cc44.txt"
IFO = "socialtjanst"
AME = "ame"
SOL_4_1 = Lagrum.tolka("SoL 4:1")
SOL_4_4 = Lagrum.tolka("SoL 4:4")
LEDIGHET_DAGAR_PER_AR = 14
INTYG_FRAN_DAG, INTYG_TILL_DAG = 16, 20


def _kalla(avsnitt: str, citat: str) -> Kalla:
    return Kalla(DOKUMENT, avsnitt, citat)


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
ATERKOPPLING_AME = handelser(
    Aterkoppling,
    lambda h, vy: h.fran == AME and h.till == IFO,
    beskrivning="återkoppling från AME till IFO",
)


def _dagar(antal: int) -> str:
    return f"{antal} dag" if antal == 1 else f"{antal} dagar"


# -- checks written in Python ---------------------------------------------------------------


def _overenskommelse_vid_trepartssamtalet(ctx: Kontext) -> None:
    forsta = TREPARTSSAMTAL(ctx.vy)[:1]
    if not forsta:
        ctx.ej_tillamplig("inget trepartssamtal")
        return
    samtal = forsta[0]
    if not ctx.galler(samtal.datum):
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


def _samrad_fore_4_4(ctx: Kontext) -> None:
    beslut = [(i, b) for i, b in ctx.vy.av_typ(Beslut) if b.part == IFO and _ar_4_4(b)]
    if not beslut:
        ctx.ej_tillamplig("inget beslut enligt 4:4")
        return
    for index, b in beslut:
        if not ctx.galler(b.datum):
            continue
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
                sokvag=f"handelser[{index}]",
            )


def _inget_4_4_vid_annan_atgard(ctx: Kontext) -> None:
    if "arbetsmarknadspolitisk_atgard" not in ctx.arende.individ.omstandigheter:
        ctx.ej_tillamplig("ingen arbetsmarknadspolitisk åtgärd beslutad via annan instans")
        return
    for index, b in ctx.vy.av_typ(Beslut):
        if b.part == IFO and _ar_4_4(b) and ctx.galler(b.datum):
            ctx.fynd(
                f"beslutet {b.datum} enligt {b.lagrum} fattades fast personen redan har en "
                "arbetsmarknadspolitisk åtgärd beslutad via annan instans",
                sokvag=f"handelser[{index}]",
            )


def _manader(fran: date, till: date) -> list[Manad]:
    manad, sista = Manad.for_datum(fran), Manad.for_datum(till)
    lista = []
    while manad <= sista:
        lista.append(manad)
        manad = Manad.for_datum(manad.sista + timedelta(days=1))
    return lista


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
                allvarlighet=Allvarlighet.VARNING,
            )
        else:
            ctx.fakta(f"insatsintyg {manad}", "i tid")


def _ledighet_per_ar(ctx: Kontext) -> None:
    ledigheter = ctx.vy.av_typ(Ledighet)
    if not ledigheter:
        ctx.ej_tillamplig("ingen ledighet")
        return
    summa: dict[int, int] = {}
    rapporterade: set[int] = set()
    for index, ledighet in ledigheter:
        dag = ledighet.start
        while dag <= ledighet.slut:
            if ctx.galler(dag):
                summa[dag.year] = summa.get(dag.year, 0) + 1
                if summa[dag.year] > LEDIGHET_DAGAR_PER_AR and dag.year not in rapporterade:
                    rapporterade.add(dag.year)
                    ctx.fynd(
                        f"ledigheten {ledighet.start}–{ledighet.slut} gör att ledigheten "
                        f"{dag.year} överstiger två veckor ({LEDIGHET_DAGAR_PER_AR} dagar) "
                        f"från och med {dag}",
                        sokvag=f"handelser[{index}]",
                    )
            dag += timedelta(days=1)
    for ar, antal in sorted(summa.items()):
        ctx.fakta(f"ledighet {ar}", _dagar(antal))


def _samverkansmote_forsta_veckan(ctx: Kontext) -> None:
    moten_ = [(i, m) for i, m in ctx.vy.av_typ(Mote) if m.motestyp == "samverkansmote"]
    if not moten_:
        ctx.ej_tillamplig("inget samverkansmöte")
        return
    for index, mote in moten_:
        if ctx.galler(mote.datum) and mote.datum.day > 7:
            ctx.fynd(
                f"samverkansmötet {mote.datum} hölls den {mote.datum.day}:e, inte under "
                "månadens första vecka (dag 1–7)",
                sokvag=f"handelser[{index}].datum",
            )


def _kallad_fore_avslut_for_ej_medverkan(ctx: Kontext) -> None:
    avslut = next(((i, h) for i, h in ctx.vy.av_typ(Avslut)), None)
    if avslut is None or avslut[1].utfall != "ej_medverkan":
        ctx.ej_tillamplig("inget avslut för att personen inte medverkar")
        return
    index, a = avslut
    if not ctx.galler(a.datum):
        return
    forsta = TREPARTSSAMTAL(ctx.vy)[:1]
    efter = forsta[0].datum if forsta else None
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
        sokvag=f"handelser[{index}]",
    )


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    Regel(
        "EDA-01",
        "Beslut enligt 4:1 eller 4:4 före samverkansmötet",
        Allvarlighet.FEL,
        _kalla("2, punkt 1", "Innan samverkansmötet skall beslut ha fattats om 4:4 el. 4:1."),
        fore(BESLUT_4_1_4_4, SAMVERKANSMOTE, vad="beslut enligt 4:1 eller 4:4 av IFO"),
        tolkning="A beslut by socialtjanst citing 4 kap. 1 or 4 § of SoL (2001:453) or their "
        "successors 12 kap. 1 or 4 § of SoL (2025:400), dated on or before the first "
        "samverkansmöte.",
    ),
    Regel(
        "EDA-02",
        "Kartläggningen klar före samverkansmötet",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 1",
            "Kartläggning av klient skall vara färdig och lämnas till AME på samverkansmöte.",
        ),
        fore(kartlaggningar(), SAMVERKANSMOTE, vad="färdig kartläggning"),
        tolkning="A kartläggning completed (its datum) on or before the first samverkansmöte.",
    ),
    Regel(
        "EDA-03",
        "Återkoppling från AME senast inom tre veckor",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 1",
            "Återkoppling från AME till handläggare på IFO för ett trepartssamtal sker "
            "snarast, senast inom 3 v.",
        ),
        frist_efter(
            SAMVERKANSMOTE,
            eller(ATERKOPPLING_AME, TREPARTSSAMTAL),
            dagar(21),
            vad="återkoppling från AME eller trepartssamtal",
        ),
        tolkning="An aterkoppling from ame to socialtjanst, or the first trepartssamtal, within "
        "21 days of the first samverkansmöte: day 21 in time, day 22 late.",
    ),
    Regel(
        "EDA-04",
        "Överenskommelse vid första trepartssamtalet",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 2",
            "Vid första trepartssamtalet, som hålls på socialkontoret upprättas en "
            "överenskommelse där tid för beslut anges mellan IFO, AME och klienten.",
        ),
        _overenskommelse_vid_trepartssamtalet,
        tolkning="A plan of type overenskommelse dated the same day as the first trepartssamtal.",
    ),
    Regel(
        "EDA-05",
        "Samtycke vid första trepartssamtalet",
        Allvarlighet.FEL,
        _kalla("2, punkt 2", "AME inhämtar samtycke av den enskilde under mötet"),
        samtycke_mellan(IFO, AME, TREPARTSSAMTAL.forsta()),
        tolkning="A consent covering socialtjanst and ame on the day of the first "
        "trepartssamtal (the spec's coverage rule).",
    ),
    Regel(
        "EDA-06",
        "Samråd med Arbetsförmedlingen före beslut enligt 4:4",
        Allvarlighet.FEL,
        _kalla(
            "1.3 Generell rollfördelning; SoL (2025:400) 12 kap. 4 §",
            "Samråd med Arbetsförmedlingen ska ske innan beslut enligt SoL 4 kap. 4 § fattas",
        ),
        _samrad_fore_4_4,
        tolkning="For every decision under 4:4 (or 12 kap. 4 § of the new Act): a meeting of "
        "any type with both socialtjanst and af, dated on or before the decision.",
    ),
    Regel(
        "EDA-07",
        "Inget beslut enligt 4:4 vid arbetsmarknadspolitisk åtgärd",
        Allvarlighet.FEL,
        _kalla(
            "1.3 Generell rollfördelning",
            "samt kompetenshöjande insats enligt SoL 4 kap. 4 §, (under förutsättning att den "
            "enskilde inte redan har en beslutad arbetsmarknadspolitisk åtgärd via annan "
            "instans",
        ),
        _inget_4_4_vid_annan_atgard,
        tolkning="The circumstance arbetsmarknadspolitisk_atgard (as recorded at referral) and "
        "any decision under 4:4 is reported.",
    ),
    Regel(
        "EDA-08",
        "Individuell plan före AME:s första insats",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 3",
            "Vid inskrivningssamtalet på AME görs en fördjupad kartläggning och en "
            "individuell plan upprättas.",
        ),
        fore(
            planer("individuell_plan"),
            insatser(lambda i: i.utforare == AME, beskrivning="insats av AME"),
            vad="individuell plan",
        ),
        tolkning="A plan of type individuell_plan on or before the start of the earliest "
        "insats whose utförare is ame.",
    ),
    Regel(
        "EDA-09",
        "Insatsintyg från AME till IFO varje månad den 16–20",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 4",
            "Månadsrapportering sker via insatsintyg från AME till IFO månadsvis mellan den "
            "16:e-20:e.",
        ),
        _manadsintyg,
        tolkning="Every month in which the person is enrolled at AME (from the first "
        "inskrivning at ame to the avslut) on both the 16th and the 20th needs an insatsintyg "
        "from ame to socialtjanst dated in that month: missing once the 20th has passed is a "
        "fel (frist: the 20th), open until then; dated outside the 16th–20th is a varning.",
    ),
    Regel(
        "EDA-10",
        "Högst två veckors ledighet per år",
        Allvarlighet.FEL,
        _kalla(
            "2, punkt 6",
            "Trots detta finns behov att få viss ledighet, vilket från IFO fastställts till "
            "två veckor.",
        ),
        _ledighet_per_ar,
        tolkning="Two weeks are 14 days, counting every day of leave (both ends included) per "
        "calendar year; leave spanning New Year counts in each year for its own days.",
    ),
    Regel(
        "EDA-11",
        "Samverkansmöten under månadens första vecka",
        Allvarlighet.VARNING,
        _kalla("2, punkt 7", "Samverkansmöten sker första veckan varje månad"),
        _samverkansmote_forsta_veckan,
        tolkning="'Första veckan' is read as days 1–7 of the month.",
    ),
    Regel(
        "EDA-12",
        "Kallad till samtal innan avslut för utebliven medverkan",
        Allvarlighet.VARNING,
        _kalla(
            "2, punkt 5",
            "Vid samråd mellan handläggare AME och IFO kallas klienten till ett "
            "trepartssamtal eller ett enskilt möte med ansvarig på IFO.",
        ),
        _kallad_fore_avslut_for_ej_medverkan,
        tolkning="An avslut with utfall ej_medverkan needs a trepartssamtal, or a meeting with "
        "socialtjanst, where the person took part, dated after the first trepartssamtal and on "
        "or before the avslut.",
    ),
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
