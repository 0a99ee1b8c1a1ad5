"""Eda kommun, *Samverkan mellan IFO och AME, riktlinje*, as rules.

Source: ``000_fa0245dd99a1cc44.txt`` (Kommunstyrelsen 2019-06-25 § 34, reviderad
2020-11-03 § 190). IFO is the unit ``socialtjanst``, AME is ``ame``. The hand-over
samverkansmöte is the first ``mote`` of type ``samverkansmote`` in the case. "4:1" and
"4:4" mean SoL (2001:453) 4 kap. 1 § and 4 §, and equally their successors SoL (2025:400)
12 kap. 1 § and 4 § (`Lagrum.motsvarar`); a paragraph letter makes another paragraph
(4 kap. 1 a § is not 4:1), a stycke or punkt does not.

*The episode* of a day is the stretch of the case it belongs to: from the start of the
försörjningsstöd period (``individ.forsorjning``, typ ``forsorjningsstod``) that covers the
day, and after any earlier avslut in the case. What lies before it (a samråd with AF in an
earlier year, a plan from an earlier hand-over) does not count for this hand-over. Without
a försörjningsstöd period or an earlier avslut, the whole case is one episode.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from importlib.resources import files
from typing import TYPE_CHECKING

from finsam_core.regelbygge import (
    FEL,
    VARNING,
    Aterkoppling,
    Avslut,
    Beslut,
    Dokument,
    Inskrivning,
    Intyg,
    Kodslag,
    Kontext,
    Lagrum,
    Ledighet,
    Manad,
    Mote,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    Traff,
    ankare_for,
    ar_arbetsdag,
    dagar,
    eller,
    fore,
    forsta,
    frist_efter,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    moten,
    planer,
    plus_ar,
    samtycke_mellan,
    varje,
)

if TYPE_CHECKING:
    from finsam_core.regelbygge import RegistreraArenor, RegistreraRapport

RIKTLINJE = Dokument(
    "000_fa0245dd99a1cc44.txt",
    "Eda kommun: Samverkan mellan IFO och AME, riktlinje (reviderad 2020-11-03)",
    agare="Eda kommun, kommunstyrelsen",
    beslut="KS 2019-06-25 § 34, reviderad KS 2020-11-03 § 190",
    datum="2020-11-03",
    paket=__package__ or "",
)
IFO = "socialtjanst"
AME = "ame"
SOL_4_1 = Lagrum.tolka("SoL 4:1")
SOL_4_4 = Lagrum.tolka("SoL 4:4")
LEDIGHET_ARBETSDAGAR_PER_AR = 10
""""Två veckor" of leave in working days, as Swedish leave is counted (5 a week)."""
INTYG_FRAN_DAG, INTYG_TILL_DAG = 16, 20
SAMRAD_FORE_AVSLUT_DAGAR = 30
"""How long before an avslut a contact between AME and IFO counts as its samråd."""
AVSLUTSORSAKER = ("arbete", "studier", "ej_medverkan")
"""The outcomes 2, punkt 5 (with 1.3) names: egen försörjning (arbete, studier), or the
person does not take part."""


def _ar_4_1_eller_4_4(beslut: Beslut) -> bool:
    return beslut.lagrum.motsvarar(SOL_4_1) or beslut.lagrum.motsvarar(SOL_4_4)


def _ar_4_4(beslut: Beslut) -> bool:
    return beslut.lagrum.motsvarar(SOL_4_4)


def _episodens_start(ctx: Kontext, dag: date) -> date:
    """The first day of the episode that *dag* belongs to (see the module doc)."""
    start = date.min
    for f in ctx.arende.individ.forsorjning:
        if f.typ == "forsorjningsstod" and f.galler(dag):
            start = max(start, f.start)
    for _, avslut in ctx.vy.av_typ(Avslut):
        if avslut.datum < dag:
            start = max(start, avslut.datum + timedelta(days=1))
    return start


def _i_episoden(ctx: Kontext, traffar: list[Traff], dag: date) -> list[Traff]:
    start = _episodens_start(ctx, dag)
    return [t for t in traffar if start <= t.datum]


def _ifo_och_af(h: object) -> bool:
    if isinstance(h, Mote):
        return IFO in h.parter and "af" in h.parter
    return isinstance(h, Aterkoppling) and {h.fran, h.till} == {IFO, "af"}


def _ame_och_ifo(h: object) -> bool:
    if isinstance(h, Mote):
        return IFO in h.parter and AME in h.parter
    return isinstance(h, Aterkoppling) and {h.fran, h.till} == {IFO, AME}


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
AVSLUT = handelser(Avslut, beskrivning="avslut").forsta()
AME_INSKRIVNING = handelser(
    Inskrivning, lambda h, vy: h.enhet == AME, beskrivning="inskrivning på AME"
).forsta()
AME_INSATS = insatser(lambda i: i.utforare == AME, beskrivning="insats av AME")
AME_FORSTA_INSATS = AME_INSATS.forsta()
AME_START = eller(AME_INSKRIVNING, AME_INSATS, beskrivning="inskrivning eller insats på AME")
SAMVERKANSMOTE_IFO_AME = moten(
    "samverkansmote",
    lambda m, vy: IFO in m.parter and AME in m.parter,
    beskrivning="samverkansmöte med IFO och AME",
)
SOL_BESLUT = handelser(
    Beslut, lambda h, vy: h.lagrum.ar_socialtjanstlagen, beskrivning="beslut enligt SoL"
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
KARTLAGGNINGAR = kartlaggningar()
OVERENSKOMMELSER = planer("overenskommelse")
INDIVIDUELLA_PLANER = planer("individuell_plan", lambda p: p.upprattad)


def _manader(fran: date, till: date) -> Iterator[tuple[int, int]]:
    """(year, month) of every month from *fran*'s to *till*'s, both included."""
    for index in range(fran.year * 12 + fran.month - 1, till.year * 12 + till.month):
        ar, manad = divmod(index, 12)
        yield ar, manad + 1


# -- EDA-01, 2, punkt 1 ----------------------------------------------------------------------

EDA_01 = Regel(
    id="EDA-01",
    titel="Beslut enligt 4:1 eller 4:4 före samverkansmötet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1", "Innan samverkansmötet skall beslut ha fattats om 4:4 el. 4:1."
    ),
    kontroll=fore(BESLUT_4_1_4_4, SAMVERKANSMOTE, vad="beslut enligt 4:1 eller 4:4 av IFO"),
    beskrivning=(
        "Ett beslut av IFO enligt SoL 4 kap. 1 § eller 4 § (eller 12 kap. 1 § eller 4 § i nya "
        "socialtjänstlagen) finns senast samma dag som det första samverkansmötet; 4 kap. 1 a § är "
        "en annan paragraf och räknas inte. Utan samverkansmöte bedöms regeln inte."
    ),
    tolkning="A beslut by socialtjanst citing 4 kap. 1 or 4 § of SoL (2001:453) or their "
    "successors 12 kap. 1 or 4 § of SoL (2025:400), dated on or before the first "
    "samverkansmöte. A paragraph letter (4 kap. 1 a §) is another paragraph and does not "
    "count; a stycke or punkt (4 kap. 1 § första stycket) does not change the paragraph.",
)


# -- EDA-02, 2, punkt 1 ----------------------------------------------------------------------


def _ifo_kartlaggning_fore_samverkansmotet(ctx: Kontext) -> None:
    mote = ankare_for(ctx, SAMVERKANSMOTE, saknas="inget samverkansmöte")
    if mote is None:
        return
    alla = _i_episoden(ctx, KARTLAGGNINGAR(ctx.vy), mote.datum)
    ifo = [t for t in alla if IFO in t.objekt.parter]
    fore_motet = next((t for t in ifo if t.datum <= mote.datum), None)
    if fore_motet is not None:
        if ctx.forklarar:
            ctx.fakta("kartläggning av IFO", fore_motet.beskrivning)
        return
    if ifo:
        ctx.fynd(
            f"IFO:s kartläggning blev klar {ifo[0].datum}, efter {ctx.beskriv(mote)}; den ska "
            "vara färdig och lämnas till AME på samverkansmötet",
            sokvag=ifo[0].sokvag,
        )
        return
    andra = [t for t in alla if t.datum <= mote.datum]
    ctx.fynd(
        f"ingen kartläggning av {ctx.namn(IFO)} i ärendet före {ctx.beskriv(mote)}"
        + (
            f" (kartläggning av {ctx.namnlista(andra[0].objekt.parter)} räknas inte)"
            if andra
            else ""
        ),
        sokvag=mote.sokvag,
    )


EDA_02 = Regel(
    id="EDA-02",
    titel="IFO:s kartläggning klar före samverkansmötet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1",
        "Kartläggning av klient skall vara färdig och lämnas till AME på samverkansmöte.",
    ),
    kontroll=_ifo_kartlaggning_fore_samverkansmotet,
    beskrivning=(
        "IFO:s kartläggning (en kartläggning med socialtjänsten bland parterna) är klar senast "
        "samma dag som det första samverkansmötet och i samma omgång (från starten av det "
        "försörjningsstöd som pågår då och efter ett tidigare avslut); en kartläggning av bara "
        "Försäkringskassan eller Arbetsförmedlingen, eller från en tidigare omgång, räknas inte. "
        "Utan samverkansmöte bedöms regeln inte."
    ),
    tolkning="A kartläggning with socialtjanst among its parties, completed (its datum) in "
    "the samverkansmöte's episode and on or before it. IFO hands it over, so a "
    "kartläggning by FK or AF alone, or one from before the episode, does not count.",
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
    beskrivning=(
        "En återkoppling från AME till IFO, eller ett trepartssamtal, kommer senast 21 dagar efter "
        "det första samverkansmötet (dag 21 i tid, dag 22 för sent). Utan samverkansmöte bedöms "
        "regeln inte."
    ),
    tolkning="An aterkoppling from ame to socialtjanst, or the first trepartssamtal, within "
    "21 days of the first samverkansmöte: day 21 in time, day 22 late.",
)


# -- EDA-04, 2, punkt 2 ----------------------------------------------------------------------


def _overenskommelse_vid_trepartssamtalet(ctx: Kontext) -> None:
    samtal = ankare_for(ctx, TREPARTSSAMTAL, saknas="inget trepartssamtal")
    if samtal is None:
        return
    overenskommelser = OVERENSKOMMELSER(ctx.vy)
    if any(p.datum == samtal.datum for p in overenskommelser):
        if ctx.forklarar:
            ctx.fakta("överenskommelse", f"{samtal.datum}")
        return
    andra = ", ".join(str(p.datum) for p in overenskommelser)
    ctx.fynd(
        f"ingen överenskommelse upprättad vid första {ctx.beskriv(samtal)}"
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
    beskrivning=(
        "En överenskommelse (en plan av typen överenskommelse) är daterad samma dag som det första "
        "trepartssamtalet; en överenskommelse från en annan dag räknas inte. Utan trepartssamtal "
        "bedöms regeln inte."
    ),
    tolkning="A plan of type overenskommelse dated the same day as the first trepartssamtal.",
)


# -- EDA-05, 2, punkt 2 ----------------------------------------------------------------------

EDA_05 = Regel(
    id="EDA-05",
    titel="Samtycke vid första trepartssamtalet",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla("2, punkt 2", "AME inhämtar samtycke av den enskilde under mötet"),
    kontroll=samtycke_mellan(IFO, AME, TREPARTSSAMTAL.forsta()),
    beskrivning=(
        "Ett samtycke som omfattar utbyte mellan socialtjänsten (IFO) och AME gäller den dag det "
        "första trepartssamtalet hålls. Utan trepartssamtal bedöms regeln inte."
    ),
    tolkning="A consent covering socialtjanst and ame on the day of the first "
    "trepartssamtal (the spec's coverage rule).",
)


# -- EDA-06, 1.3 Generell rollfördelning; SoL (2025:400) 12 kap. 4 § -------------------------


def _samrad_fore_4_4(ctx: Kontext) -> None:
    for beslut in varje(ctx, BESLUT_4_4, saknas="inget beslut enligt 4:4"):
        b = beslut.objekt
        start = _episodens_start(ctx, b.datum)
        samrad = next(
            (
                (i, h) for i, h in ctx.vy.tidslinje
                if start <= h.datum <= b.datum and _ifo_och_af(h)
            ),
            None,
        )  # fmt: skip
        if samrad is not None:
            if ctx.forklarar:
                index, h = samrad
                ctx.fakta(
                    f"samråd före beslutet {b.datum}", f"handelser[{index}] {h.typ} {h.datum}"
                )
            continue
        tidigare = [h for _, h in ctx.vy.tidslinje if _ifo_och_af(h) and h.datum < start]
        ctx.fynd(
            f"beslutet {b.datum} enligt {b.lagrum} fattades utan samråd med "
            f"Arbetsförmedlingen (möte eller återkoppling mellan socialtjänsten och "
            f"{ctx.namn('af')} från "
            f"{'episodens början ' + str(start) if start > date.min else 'ärendets början'} "
            "till beslutet)"
            + (f"; samrådet {tidigare[-1].datum} hör till ett tidigare ärende" if tidigare else ""),
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
    beskrivning=(
        "Före varje beslut av IFO enligt SoL 4 kap. 4 § (eller 12 kap. 4 § i nya "
        "socialtjänstlagen) har socialtjänsten samrått med Arbetsförmedlingen: ett möte med båda "
        "eller en återkoppling mellan dem, åt något håll, senast samma dag som beslutet och i "
        "samma omgång (från starten av det försörjningsstöd som pågår då och efter ett tidigare "
        "avslut); ett samråd från en tidigare omgång räknas inte. Utan beslut enligt 4:4 bedöms "
        "regeln inte."
    ),
    tolkning="For every decision under 4:4 of SoL (2001:453), or its successor 12 kap. 4 § "
    "of SoL (2025:400) (the guideline names the old paragraph; the duty to consult is read "
    "as following the decision to its new number): a meeting of any type with both "
    "socialtjanst and af, or a written samråd (an aterkoppling between socialtjanst and af, "
    "either way), dated in the same episode "
    "(see the rule set) and on or before the decision. A samråd from "
    "an earlier episode does not count.",
)


# -- EDA-07, 1.3 Generell rollfördelning -----------------------------------------------------


def _annan_atgard_vid(ctx: Kontext, dag: date) -> str | None:
    """What shows an arbetsmarknadspolitisk åtgärd decided elsewhere on *dag*, if anything."""
    for i, insats in enumerate(ctx.arende.insatser):
        if (
            insats.utforare == "af"
            and insats.start <= dag
            and (insats.slut is None or dag <= insats.slut)
        ):
            return (
                f"insatser[{i}] ({ctx.namn(insats.typ, Kodslag.INSATSTYP)} av {ctx.namn('af')} "
                f"från {insats.start})"
            )
    for i, f in enumerate(ctx.arende.individ.forsorjning):
        if f.typ == "aktivitetsstod" and f.galler(dag):
            return f"individ.forsorjning[{i}] (aktivitetsstöd från {f.start})"
    individ = ctx.arende.individ
    daterade = [
        p for p in individ.omstandighetsperioder if p.kod == "arbetsmarknadspolitisk_atgard"
    ]
    if any(p.galler(dag) for p in daterade):
        return "individ.omstandighetsperioder (arbetsmarknadspolitisk åtgärd)"
    if not daterade and "arbetsmarknadspolitisk_atgard" in individ.omstandigheter:
        return "individ.omstandigheter (arbetsmarknadspolitisk åtgärd, odaterad)"
    return None


def _inget_4_4_vid_annan_atgard(ctx: Kontext) -> None:
    for beslut in varje(ctx, BESLUT_4_4, saknas="inget beslut enligt 4:4"):
        atgard = _annan_atgard_vid(ctx, beslut.datum)
        if atgard is None:
            continue
        ctx.fynd(
            f"beslutet {beslut.datum} enligt {beslut.objekt.lagrum} fattades fast personen "
            f"redan har en arbetsmarknadspolitisk åtgärd beslutad via annan instans: {atgard}",
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
    beskrivning=(
        "Ett beslut av IFO enligt SoL 4 kap. 4 § är fel om personen den dagen redan har en "
        "arbetsmarknadspolitisk åtgärd beslutad via annan instans: en pågående insats av "
        "Arbetsförmedlingen, aktivitetsstöd eller omständigheten arbetsmarknadspolitisk åtgärd som "
        "gäller den dagen (finns den bara utan datum räknas den vid varje beslut); en åtgärd som "
        "börjar efter beslutet räknas inte. Utan beslut enligt 4:4 bedöms regeln inte."
    ),
    tolkning="A decision under 4:4 is reported when, on its date, a measure decided "
    "elsewhere is in force: an insats whose utförare is af covering the date, aktivitetsstöd "
    "in forsorjning covering it, or an omstandighetsperioder entry "
    "arbetsmarknadspolitisk_atgard holding on it. A measure that starts after the decision "
    "does not count. Fallback: the undated circumstance arbetsmarknadspolitisk_atgard, "
    "recorded when the person was referred, is read as holding on every decision (only when "
    "no dated entry of that code exists).",
)


# -- EDA-08, 2, punkt 3 ----------------------------------------------------------------------


def _individuell_plan_fore_insats(ctx: Kontext) -> None:
    insats = ankare_for(ctx, AME_FORSTA_INSATS, saknas="ingen insats av AME")
    if insats is None:
        return
    planer_ = _i_episoden(ctx, INDIVIDUELLA_PLANER(ctx.vy), insats.datum)
    ame = [t for t in planer_ if AME in t.objekt.parter]
    i_tid = next((t for t in ame if t.datum <= insats.datum), None)
    if i_tid is not None:
        if ctx.forklarar:
            ctx.fakta("individuell plan", i_tid.beskrivning)
        return
    if ame:
        ctx.fynd(
            f"individuell plan med AME ska finnas senast samma dag som {ctx.beskriv(insats)}, "
            f"men första är från {ame[0].datum}",
            sokvag=ame[0].sokvag,
        )
        return
    utan = [t for t in planer_ if AME not in t.objekt.parter]
    ctx.fynd(
        f"individuell plan med AME saknas senast samma dag som {ctx.beskriv(insats)}"
        + (f" (planen {utan[0].datum} har inte {ctx.namn(AME)} bland parterna)" if utan else ""),
        sokvag=insats.sokvag,
    )


EDA_08 = Regel(
    id="EDA-08",
    titel="Individuell plan före AME:s första insats",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 3",
        "Vid inskrivningssamtalet på AME görs en fördjupad kartläggning och en "
        "individuell plan upprättas.",
    ),
    kontroll=_individuell_plan_fore_insats,
    beskrivning=(
        "En individuell plan med AME bland parterna, upprättad (inte bara erbjuden eller avböjd), "
        "finns senast samma dag som AME:s första insats börjar och i samma omgång (från starten av "
        "det försörjningsstöd som pågår då och efter ett tidigare avslut); en plan utan AME eller "
        "från en tidigare omgång räknas inte. Utan insats av AME bedöms regeln inte."
    ),
    tolkning="A plan of type individuell_plan, drawn up (not only offered), with ame among "
    "its parties, dated in the same episode "
    "(see the rule set) and on or before the start of the earliest "
    "insats whose utförare is ame.",
)


# -- EDA-09, 2, punkt 4 ----------------------------------------------------------------------


def _manadsintyg(ctx: Kontext) -> None:
    inskrivning = next(((i, h) for i, h in ctx.vy.av_typ(Inskrivning) if h.enhet == AME), None)
    if inskrivning is None:
        ctx.ej_tillamplig("inte inskriven på AME")
        return
    inskrivningsindex, forsta_inskrivning = inskrivning
    inskriven = forsta_inskrivning.datum
    avslut = next((h for _, h in ctx.vy.av_typ(Avslut)), None)
    slut = avslut.datum if avslut else ctx.datum
    # The attestations filed by month once: a case enrolled for years has many months.
    intyg: dict[tuple[int, int], list[tuple[int, Intyg]]] = {}
    for i, h in ctx.vy.av_typ(Intyg):
        if h.intygstyp == "insatsintyg" and h.fran == AME and h.till == IFO:
            intyg.setdefault((h.period.ar, h.period.manad), []).append((i, h))
    sokvag = f"handelser[{inskrivningsindex}]"
    for ar, nr in _manader(inskriven, max(inskriven, slut)):
        forsta, sista = date(ar, nr, INTYG_FRAN_DAG), date(ar, nr, INTYG_TILL_DAG)
        if not (inskriven <= forsta and (avslut is None or sista <= avslut.datum)):
            continue  # not enrolled on both the 16th and the 20th
        if not ctx.galler(sista):
            continue
        for_manaden = intyg.get((ar, nr))
        if not for_manaden:
            if ctx.datum < date(ar, nr, 1):
                continue  # nothing to say of later months
            # Open until the 20th, missing after it (`Kontext.saknas`, with only the message
            # that is said built: a case enrolled for years has many months).
            if ctx.datum <= sista:
                ctx.oppen_frist(
                    f"insatsintyg för {Manad(ar, nr)} ska skickas {forsta}–{sista}",
                    sista,
                    sokvag=sokvag,
                )
            else:
                ctx.fynd(
                    f"insatsintyg för {Manad(ar, nr)} saknas; det ska skickas från AME till IFO "
                    f"{forsta}–{sista}",
                    sokvag=sokvag,
                    frist=sista,
                )
        elif not any(forsta <= h.datum <= sista for _, h in for_manaden):
            index, h = for_manaden[0]
            manad = Manad(ar, nr)
            ctx.fynd(
                f"insatsintyget för {manad} är daterat {h.datum}, utanför den "
                f"{INTYG_FRAN_DAG}:e–{INTYG_TILL_DAG}:e {manad}",
                sokvag=f"handelser[{index}].datum",
                allvarlighet=VARNING,
            )
        elif ctx.forklarar:
            ctx.fakta(f"insatsintyg {Manad(ar, nr)}", "i tid")


EDA_09 = Regel(
    id="EDA-09",
    titel="Insatsintyg från AME till IFO varje månad den 16–20",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 4",
        "Månadsrapportering sker via insatsintyg från AME till IFO månadsvis mellan den 16:e-20:e.",
    ),
    kontroll=_manadsintyg,
    beskrivning=(
        "För varje månad då personen är inskriven på AME både den 16:e och den 20:e (från första "
        "inskrivningen till avslutet) skickar AME ett insatsintyg för månaden till IFO: saknas det "
        "när den 20:e har passerat är det fel, fram till dess är fristen öppen, och ett intyg för "
        "månaden som är daterat utanför den 16:e–20:e ger en varning. Utan inskrivning på AME "
        "bedöms regeln inte."
    ),
    tolkning="Every month in which the person is enrolled at AME (from the first "
    "inskrivning at ame to the avslut) on both the 16th and the 20th needs an insatsintyg "
    "from ame to socialtjanst whose period is that month: none once the 20th has passed is "
    "a fel (frist: the 20th), open until then. The date is judged separately: an intyg for "
    "the month dated outside its 16th–20th (an October intyg sent on 5 November) is a "
    "varning, not a missing month.",
)


# -- EDA-10, 2, punkt 6 ----------------------------------------------------------------------


def _ledighet_per_ar(ctx: Kontext) -> None:
    ledigheter = ctx.vy.av_typ(Ledighet)
    if not ledigheter:
        ctx.ej_tillamplig("ingen ledighet")
        return
    inskrivning = forsta(ctx, AME_INSKRIVNING)
    if inskrivning is None:
        ctx.ej_bedomd("ingen inskrivning på AME att räkna ledighetsåret från")
        return
    borjan = inskrivning.datum
    # The days the rule applies to form one interval. Each leave is cut into the years of
    # the placement and each piece counted once (cached): walking every day of every
    # leave made 200 leaves of centuries take minutes (issue 18).
    galler_fran = max(d for d in (ctx.regel.giltig_fran, ctx.regelverk.giltig_fran, borjan) if d)
    galler_till = min(
        (d for d in (ctx.regel.giltig_till, ctx.regelverk.giltig_till) if d), default=date.max
    )
    arbetsdagar_i: dict[tuple[date, date], int] = {}

    def antal_arbetsdagar(fran: date, till: date) -> int:
        if (fran, till) not in arbetsdagar_i:
            arbetsdagar_i[fran, till] = sum(
                ar_arbetsdag(fran + timedelta(days=n)) for n in range((till - fran).days + 1)
            )
        return arbetsdagar_i[fran, till]

    def arbetsdag_nummer(fran: date, nummer: int) -> date:
        dag = fran
        while True:
            if ar_arbetsdag(dag):
                nummer -= 1
                if nummer == 0:
                    return dag
            dag += timedelta(days=1)

    summa: dict[int, int] = {}
    rapporterade: set[int] = set()
    for index, ledighet in ledigheter:
        forsta_dag = max(ledighet.start, galler_fran)
        sista_dag = min(ledighet.slut, galler_till)
        if forsta_dag > sista_dag:
            ctx.galler(ledighet.start)  # outside the rule's version (explain says so)
            continue
        ctx.galler(forsta_dag)
        nummer = max(forsta_dag.year - borjan.year - 1, 0)
        while plus_ar(borjan, nummer + 1) <= forsta_dag:
            nummer += 1
        while plus_ar(borjan, nummer) <= sista_dag:
            fran = max(forsta_dag, plus_ar(borjan, nummer))
            till = min(sista_dag, plus_ar(borjan, nummer + 1) - timedelta(days=1))
            fore = summa.get(nummer, 0)
            summa[nummer] = fore + antal_arbetsdagar(fran, till)
            if summa[nummer] > LEDIGHET_ARBETSDAGAR_PER_AR and nummer not in rapporterade:
                rapporterade.add(nummer)
                dag = arbetsdag_nummer(fran, LEDIGHET_ARBETSDAGAR_PER_AR - fore + 1)
                ctx.fynd(
                    f"ledigheten {ledighet.start}–{ledighet.slut} gör att ledigheten under "
                    f"året från {plus_ar(borjan, nummer)} överstiger två veckor "
                    f"({LEDIGHET_ARBETSDAGAR_PER_AR} arbetsdagar) från och med {dag}",
                    sokvag=f"handelser[{index}]",
                )
            nummer += 1
    if ctx.forklarar:
        for nummer, antal in sorted(summa.items()):
            ctx.fakta(f"ledighet året från {plus_ar(borjan, nummer)}", f"{antal} arbetsdagar")


EDA_10 = Regel(
    id="EDA-10",
    titel="Högst två veckors ledighet per år",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 6",
        "Personer i ”försörjningsstödspraktik” har ingen rätt till semester. Trots detta "
        "finns behov att få viss ledighet, vilket från IFO fastställts till två veckor.",
    ),
    kontroll=_ledighet_per_ar,
    beskrivning=(
        "Ledigheten under varje år räknat från första inskrivningen på AME är högst två veckor, "
        "det vill säga 10 arbetsdagar (måndag–fredag utom helgdagar och midsommar-, jul- och "
        "nyårsafton): 10 arbetsdagar går bra, den 11:e är fel. Ledighet före inskrivningen räknas "
        "inte; utan ledighet bedöms regeln inte, och utan inskrivning på AME kan den inte bedömas."
    ),
    tolkning=f"The two weeks stand in for semester, and Swedish leave is counted in working "
    f"days: two weeks are {LEDIGHET_ARBETSDAGAR_PER_AR} working days (Monday–Friday, not "
    "public holidays, midsommar-, jul- or nyårsafton). The period is each year of the "
    "placement counted from the first inskrivning at ame (the leave belongs to the "
    "placement, as semester belongs to a year of employment; a calendar year would give a "
    "person enrolled in December four weeks within two months). Four long weekends (8 "
    "working days) are within it; 13 working days in weekday blocks are not. Leave days "
    "before the inskrivning are not counted; without an inskrivning at ame the rule "
    "cannot judge.",
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
    beskrivning=(
        "Varje samverkansmöte hålls under månadens första vecka, dag 1–7: den 7:e går bra, den 8:e "
        "ger en varning. Utan samverkansmöte bedöms regeln inte."
    ),
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
            efter is not None and efter < m.datum <= a.datum
            and (m.motestyp == "trepartssamtal" or IFO in m.parter)
        ):  # fmt: skip
            if ctx.forklarar:
                deltog = "deltog" if m.individen_deltog else "kallad, kom inte"
                ctx.fakta("kallad före avslut", f"{m.motestyp} {m.datum} ({deltog})")
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
    beskrivning=(
        "Innan ärendet avslutas för att personen inte medverkar har personen kallats till ett "
        "trepartssamtal eller ett möte med IFO, daterat efter det första trepartssamtalet och "
        "senast på avslutsdagen; mötet räknas även om personen inte kom. Andra avslut bedöms inte."
    ),
    tolkning="An avslut with utfall ej_medverkan needs a trepartssamtal, or a meeting with "
    "socialtjanst, dated after the first trepartssamtal and on or before the avslut. "
    "'Kallas' is a summons: the meeting counts whether or not the person came "
    "(individen_deltog: false is a summons that was not attended).",
)


# -- EDA-13, 2, punkt 1 ----------------------------------------------------------------------

EDA_13 = Regel(
    id="EDA-13",
    titel="Ärendet lyfts på samverkansmöte innan AME börjar",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 1",
        "När IFO har en person som bedöms ha ett behov av försörjningsstöd eller av andra "
        "skäl bedöms att ha behov av stöd för att nå egen försörjning, lyfts ärendet på "
        "samverkansmöte där nya ärenden lämnas över till AME.",
    ),
    kontroll=fore(SAMVERKANSMOTE_IFO_AME, AME_START, vad="samverkansmöte med IFO och AME"),
    tolkning="A samverkansmöte with both socialtjanst and ame among its parties, on or "
    "before the earliest inskrivning at ame or insats by ame. A case where AME starts "
    "without one is reported, where EDA-01…03 (anchored on the samverkansmöte) say nothing.",
)


# -- EDA-14, 1.3 Generell rollfördelning -----------------------------------------------------


def _beslut_av_vuxengruppen(ctx: Kontext) -> None:
    for beslut in varje(ctx, SOL_BESLUT, saknas="inget beslut enligt SoL"):
        if beslut.objekt.part != IFO:
            ctx.fynd(
                f"beslutet {beslut.datum} enligt {beslut.objekt.lagrum} är fattat av "
                f"{ctx.namn(beslut.objekt.part)}; beslut om insats fattas av vuxengruppen inom "
                f"socialtjänsten ({ctx.namn(IFO)})",
                sokvag=beslut.falt("part"),
            )


EDA_14 = Regel(
    id="EDA-14",
    titel="Beslut enligt SoL fattas av socialtjänsten",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "1.3 Generell rollfördelning",
        "Vuxengruppen inom socialtjänsten ansvarar för myndighetsutövningen och fattar "
        "beslut om insats i form av stöd så den enskilde blir självförsörjande.",
    ),
    kontroll=_beslut_av_vuxengruppen,
    beskrivning=(
        "Varje beslut enligt socialtjänstlagen (den gamla eller den nya) är fattat av "
        "socialtjänsten, där vuxengruppen på IFO ingår; ett beslut av AME eller en annan enhet är "
        "fel. Utan beslut enligt socialtjänstlagen bedöms regeln inte."
    ),
    tolkning="Every beslut whose lagrum is in socialtjänstlagen (either Act) has part "
    "socialtjanst (vuxengruppen is part of IFO; the format has no finer unit). AME is an "
    "utförarverksamhet and decides nothing under SoL.",
)


# -- EDA-15, 2, punkt 3 ----------------------------------------------------------------------


def _fordjupad_kartlaggning_av_ame(ctx: Kontext) -> None:
    insats = ankare_for(ctx, AME_FORSTA_INSATS, saknas="ingen insats av AME")
    if insats is None:
        return
    ame = [
        t for t in _i_episoden(ctx, KARTLAGGNINGAR(ctx.vy), insats.datum) if AME in t.objekt.parter
    ]
    i_tid = next((t for t in ame if t.datum <= insats.datum), None)
    if i_tid is not None:
        if ctx.forklarar:
            ctx.fakta("kartläggning med AME", i_tid.beskrivning)
    elif ame:
        ctx.fynd(
            f"AME:s fördjupade kartläggning blev klar {ame[0].datum}, efter {ctx.beskriv(insats)}",
            sokvag=ame[0].sokvag,
        )
    else:
        ctx.fynd(
            f"ingen kartläggning med {ctx.namn(AME)} bland parterna senast {ctx.beskriv(insats)}",
            sokvag=insats.sokvag,
        )


EDA_15 = Regel(
    id="EDA-15",
    titel="Fördjupad kartläggning på AME före första insatsen",
    allvarlighet=FEL,
    kalla=RIKTLINJE.kalla(
        "2, punkt 3",
        "Vid inskrivningssamtalet på AME görs en fördjupad kartläggning och en "
        "individuell plan upprättas.",
    ),
    kontroll=_fordjupad_kartlaggning_av_ame,
    beskrivning=(
        "AME:s fördjupade kartläggning (en kartläggning med AME bland parterna) är klar senast "
        "samma dag som AME:s första insats börjar och i samma omgång (från starten av det "
        "försörjningsstöd som pågår då och efter ett tidigare avslut); IFO:s kartläggning utan AME "
        "räknas inte. Utan insats av AME bedöms regeln inte."
    ),
    tolkning="A kartläggning with ame among its parties, completed in the same episode "
    "(see the rule set) "
    "and on or before the start of the earliest insats by ame. Its typ is not required to "
    "be fordjupad (the field is optional); IFO's kartläggning (EDA-02) does not count.",
)


# -- EDA-16, 2, punkt 2 ----------------------------------------------------------------------


def _inskrivning_efter_trepartssamtal(ctx: Kontext) -> None:
    inskrivning = ankare_for(ctx, AME_INSKRIVNING, saknas="inte inskriven på AME")
    if inskrivning is None:
        return
    samtal = forsta(ctx, TREPARTSSAMTAL)
    if samtal is None:
        ctx.fynd(
            f"{ctx.beskriv(inskrivning)} utan föregående trepartssamtal, där klienten ska få "
            "datum och tid för inskrivningssamtalet",
            sokvag=inskrivning.sokvag,
        )
    elif samtal.datum > inskrivning.datum:
        ctx.fynd(
            f"{ctx.beskriv(inskrivning)} ligger före första {ctx.beskriv(samtal)}, där klienten "
            "ska få datum och tid för inskrivningssamtalet",
            sokvag=inskrivning.sokvag,
        )
    elif ctx.forklarar:
        ctx.fakta("trepartssamtal före inskrivningen", samtal.beskrivning)


EDA_16 = Regel(
    id="EDA-16",
    titel="Inskrivning på AME efter första trepartssamtalet",
    allvarlighet=VARNING,
    kalla=RIKTLINJE.kalla(
        "2, punkt 2", "Klienten får datum och tid för inskrivningssamtal på AME."
    ),
    kontroll=_inskrivning_efter_trepartssamtal,
    beskrivning=(
        "Den första inskrivningen på AME är daterad samma dag som det första trepartssamtalet, där "
        "klienten får tid för inskrivningssamtalet, eller senare; en inskrivning före "
        "trepartssamtalet eller utan något trepartssamtal ger en varning. Utan inskrivning på AME "
        "bedöms regeln inte."
    ),
    tolkning="The first inskrivning at ame is dated on or after the first trepartssamtal "
    "(the same day counts: the time given may be that afternoon).",
)


# -- EDA-17, 2, punkt 5 ----------------------------------------------------------------------


def _avslut_i_samrad(ctx: Kontext) -> None:
    avslut = ankare_for(ctx, AVSLUT, saknas="ärendet är inte avslutat")
    if avslut is None:
        return
    a = avslut.objekt
    if a.utfall not in AVSLUTSORSAKER:
        ctx.fynd(
            f"avslutet {a.datum} har utfallet {ctx.namn(a.utfall, Kodslag.UTFALL)}; riktlinjen "
            "avslutar uppdraget när egen försörjning är nådd (arbete, studier) eller när "
            "personen inte medverkar",
            sokvag=avslut.falt("utfall"),
        )
    fran = a.datum - timedelta(days=SAMRAD_FORE_AVSLUT_DAGAR)
    for index, h in ctx.vy.tidslinje:
        if fran <= h.datum <= a.datum and _ame_och_ifo(h):
            if ctx.forklarar:
                ctx.fakta("samråd före avslutet", f"handelser[{index}] {h.typ} {h.datum}")
            return
    ctx.fynd(
        f"inget samråd mellan AME och IFO (möte med båda eller återkoppling mellan dem) "
        f"{fran}–{a.datum} före avslutet",
        sokvag=avslut.sokvag,
    )


EDA_17 = Regel(
    id="EDA-17",
    titel="Avslut av angivet skäl och i samråd mellan AME och IFO",
    allvarlighet=VARNING,
    kalla=RIKTLINJE.kalla(
        "2, punkt 5",
        "Avslutning av uppdraget sker när målet om egen försörjning helt eller delvis är "
        "nått, om den enskilde missköter sig eller på annat sätt inte medverkar i beslutade "
        "åtgärder. Detta sker i samråd mellan ansvariga handläggare i respektive "
        "verksamheter.",
    ),
    kontroll=_avslut_i_samrad,
    beskrivning=(
        "Det första avslutet har ett av skälen arbete, studier eller att personen inte medverkar, "
        "och AME och IFO har haft samråd (ett möte med båda eller en återkoppling mellan dem) "
        "under de 30 dagarna fram till och med avslutsdagen: 30 dagar före avslutet räknas, 31 "
        "dagar före inte, och ett insatsintyg är inget samråd. Ett öppet ärende bedöms inte."
    ),
    tolkning=f"The first avslut has an utfall the document names ({', '.join(AVSLUTSORSAKER)}: "
    "egen försörjning through work or studies, or the person does not take part); and a "
    "meeting with both socialtjanst and ame, or an aterkoppling between them (either way), "
    f"lies in the {SAMRAD_FORE_AVSLUT_DAGAR} days up to and including the avslut (day "
    f"−{SAMRAD_FORE_AVSLUT_DAGAR} counts, day −{SAMRAD_FORE_AVSLUT_DAGAR + 1} does not). "
    "An insatsintyg is a report, not a samråd. A varning: the guideline's ways out are "
    "described, not listed as the only ones.",
)


# -- EDA-18, 2, punkt 5 ----------------------------------------------------------------------


def _aterkoppling_vid_misskott_planering(ctx: Kontext) -> None:
    avslut = ankare_for(
        ctx, AVSLUT_EJ_MEDVERKAN, saknas="inget avslut för att personen inte medverkar"
    )
    if avslut is None:
        return
    samtal = forsta(ctx, TREPARTSSAMTAL)
    fran = samtal.datum if samtal else _episodens_start(ctx, avslut.datum)
    for traff in ATERKOPPLING_AME(ctx.vy):
        if fran <= traff.datum <= avslut.datum:
            if ctx.forklarar:
                ctx.fakta("återkoppling från AME", traff.beskrivning)
            return
    ctx.fynd(
        f"avslut {avslut.datum} för att personen inte medverkar, utan återkoppling från AME "
        f"till IFO {'från ' + str(fran) if fran > date.min else ''} före avslutet",
        sokvag=avslut.sokvag,
    )


EDA_18 = Regel(
    id="EDA-18",
    titel="AME återkopplar till IFO när klienten missköter planeringen",
    allvarlighet=VARNING,
    kalla=RIKTLINJE.kalla(
        "2, punkt 5",
        "Om klient missköter planering så återkopplar ansvarig handläggare AME till "
        "ansvarig på IFO.",
    ),
    kontroll=_aterkoppling_vid_misskott_planering,
    beskrivning=(
        "Vid ett avslut för att personen inte medverkar finns en återkoppling från AME till IFO, "
        "daterad från det första trepartssamtalet (utan trepartssamtal från omgångens början) till "
        "och med avslutsdagen. Andra avslut bedöms inte."
    ),
    tolkning="An avslut with utfall ej_medverkan needs an aterkoppling from ame to "
    "socialtjanst dated from the first trepartssamtal (or the start of its episode) up to "
    "and including the avslut.",
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
    EDA_13,
    EDA_14,
    EDA_15,
    EDA_16,
    EDA_17,
    EDA_18,
)

REGELVERK = Regelverk(
    id="eda",
    namn="Eda kommun: samverkan mellan IFO och AME",
    agare="Eda kommun (Kommunstyrelsen)",
    version="2020-11-03",
    regler=REGLER,
    giltig_fran=date(2020, 11, 3),
    samtycke_bedoms=((IFO, AME),),
    beskrivning="Samverkan mellan IFO och AME, riktlinje. Kommunstyrelsen 2019-06-25 § 34, "
    "reviderad 2020-11-03 § 190. A day's episode runs from the start of the "
    "försörjningsstöd period covering it, after any earlier avslut in the case.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    from finsam_core.regelbygge import las_arenadata

    register(las_arenadata(files("finsam_eda") / "arenor.yaml"))


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    """Eda's reports for ``finsam rapport``, from ``rapporter.py`` beside this module.

    Imported here rather than at the top so that checking cases (``finsam validate``) does
    not pay for building reports: the host calls this hook only when a command asks for
    reports.
    """
    from finsam_eda import rapporter

    rapporter.finsam_rapporter(register)
