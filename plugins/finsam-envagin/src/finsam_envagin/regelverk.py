"""En väg in, Ludvika och Smedjebacken: the tjänsteskrivelse of 2016-08-26 as rules.

Source: ``001_b8f73c40854f3728.txt`` (Smedjebackens kommun, Integration och arbete and
Individ- och familjeomsorgen; the text starts at line 204, "Transkript:"). Every rule cites
its section and quotes the sentences it implements; where the text is vague the rule's
``tolkning`` says which reading we chose (A1–A6 of the specification).

The case starts (S) with the first ``remiss`` to ``en_vag_in``, from any unit or from
``individen`` (a self-referral). The day the person entered En väg in (`INTRADE`) is S, or
without one the first ``kontakt`` by ``en_vag_in``, or the first ``inskrivning`` there. Every
rule judges a case on that day: the platform started on 2016-10-03, and a case that entered
before is not judged at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from importlib.resources import files
from typing import TYPE_CHECKING

from finsam_core.regelbygge import (
    FEL,
    INDIVIDEN,
    KARNENHETER,
    VARNING,
    Avslut,
    Dokument,
    Enhet,
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
    Traff,
    Val,
    antal_dagar,
    bedoms_vid,
    eller,
    folkbokford_i,
    forsta,
    frist_efter,
    handelser,
    hookimpl,
    insatser,
    kartlaggningar,
    planer,
    plus_manader,
    varje,
    veckor,
)

if TYPE_CHECKING:
    from finsam_core.regelbygge import RegistreraArenor, RegistreraRapport

SKRIVELSE = Dokument(
    "001_b8f73c40854f3728.txt",
    "Ludvika och Smedjebacken: En väg in, tjänsteskrivelse 2016-08-26",
    agare="Ludvika och Smedjebackens kommuner, Västerbergslagens samordningsförbund",
    beslut="tjänsteskrivelse",
    datum="2016-08-26",
    paket=__package__ or "",
)
TEAM = "en_vag_in"
EN_VAG_IN = Enhet(TEAM, "En väg in", "kommun")
"""The team. AME is huvudman ("aktörernas önskemål att AME har huvudmannaskapet"), so the
huvudman is ``kommun``, although Finsam funds the process leader."""
REHABKONSULENTTEAMET = Enhet(
    "rehabkonsulentteamet", "Finsams Rehabkonsulentteamet", "samordningsforbund"
)
SKOLA = Enhet("skola", "Skolan", "kommun")
OMSORG = Enhet("omsorg", "Omsorgen", "kommun")
KULTUR_FRITID = Enhet("kultur_fritid", "Kultur och fritid med integration", "kommun")
ENHETER = (EN_VAG_IN, REHABKONSULENTTEAMET, SKOLA, OMSORG, KULTUR_FRITID)

UPPSTART = date(2016, 10, 3)
UPPSTART_KALLA = SKRIVELSE.kalla(
    "Ärendebeskrivning s. 4(5)",
    "Uppstartsdatum för samverkansplattformen i kommunerna beräknas till den 2016-10-03 då "
    "myndigheternas chefer genomarbetat arbetsmodellen för optimal operativ förankring samt "
    "att teamen räknas vara på plats.",
)
"""Where the rule set's ``giltig_fran`` comes from."""

KOMMUNER = ("Ludvika", "Smedjebacken")
LAGST_ALDER, HOGST_ALDER = 16, 65
"""The "ska" sentence and the övergripande mål: "mellan 16 och 65 år", "16-65 år"."""
MALBILD_HOGST_ALDER = 64
"""The Sammanfattning's målbild: "mellan 16 och 64 år"."""
LANG_FRANVARO = "lang_franvaro_fran_arbetsmarknaden"
LANG_FRANVARO_MANADER = 12
"""How long "lång frånvaro från arbetsmarknaden" is read to be (the text gives no length)."""
FRANVARO_FORSORJNING = (
    "forsorjningsstod", "sjukpenning", "aktivitetsersattning", "sjukersattning", "a_kassa",
    "aktivitetsstod", "etableringsersattning",
)  # fmt: skip
"""Försörjningsmått that stand for being outside the labour market."""
AKTORER = ("arbetsformedlingen", "forsakringskassan", "region", "kommun")
"""The aktörer are organisations: a unit counts as its huvudman."""
SOCIALA_ENHETER = ("socialtjanst", "lss", "omsorg")
REGIONENS_ENHETER = ("psykiatri", "primarvard", "habilitering")
PLANTYPER = ("handlingsplan", "sip", "individuell_plan")
ERBJUDEN = "erbjuden"
"""Plan status of an offer not yet taken up (``avbojd``, declined, is the person's choice)."""
UTAN_RAPPORT = ("ej_medverkan", "flyttat")
"""Closures after which there is no slussning to report."""

_HUVUDMAN = {e.kod: e.huvudman for e in (*KARNENHETER, *ENHETER)}


# -- selectors ----------------------------------------------------------------------------

REMISS = eller(
    handelser(Remiss, lambda h, vy: h.till == TEAM and h.fran != INDIVIDEN,
              beskrivning="remiss till En väg in"),
    handelser(Remiss, lambda h, vy: h.till == TEAM and h.fran == INDIVIDEN,
              beskrivning="självremiss till En väg in"),
    beskrivning="remiss eller självremiss till En väg in",
)  # fmt: skip
"""S: referrals to the team, from an aktör or from the person."""
TEAMETS_KONTAKT = handelser(
    Kontakt, lambda h, vy: h.part == TEAM, beskrivning="kontakt från En väg in"
)
TEAMETS_INSKRIVNING = handelser(
    Inskrivning, lambda h, vy: h.enhet == TEAM, beskrivning="inskrivning i En väg in"
)
MOTE_MED_INDIVIDEN = handelser(
    Mote,
    lambda h, vy: TEAM in h.parter and h.individen_deltog,
    beskrivning="möte med individen och En väg in",
)
KONTAKT_MED_INDIVIDEN = eller(TEAMETS_KONTAKT, MOTE_MED_INDIVIDEN)
INTRADE = Val(
    "remiss eller självremiss till En väg in (annars första kontakt eller inskrivning där)",
    lambda vy: (REMISS(vy) or TEAMETS_KONTAKT(vy) or TEAMETS_INSKRIVNING(vy))[:1],
)
"""The day the person entered En väg in: S, or the first contact, or the first inskrivning."""
AVSLUT = handelser(Avslut, beskrivning="avslut")
TEAMETS_KARTLAGGNINGAR = kartlaggningar(
    lambda k: TEAM in k.parter, beskrivning="kartläggning med En väg in"
)
INSATSER = insatser()
ANDRA_AKTORERS_INSATSER = insatser(
    lambda i: i.utforare != TEAM, beskrivning="insats av en annan aktör än En väg in"
)
SLUSSNINGAR = handelser(
    Remiss, lambda h, vy: h.fran == TEAM and h.till != TEAM, beskrivning="remiss från En väg in"
)
"""Referrals from the team onward ("slussas till"); ``avser`` says for what."""
HANDLINGSPLANER = planer(villkor=lambda p: p.typ in PLANTYPER)


def _intradesdag(ctx: Kontext) -> date | None:
    intrade = forsta(ctx, INTRADE)
    return intrade.datum if intrade is not None else None


def _aktorer(enheter: Iterable[str]) -> dict[str, list[str]]:
    """The aktörer among *enheter*: huvudman → its units (the team itself is none)."""
    aktorer: dict[str, list[str]] = {}
    for kod in enheter:
        huvudman = _HUVUDMAN.get(kod)
        if kod != TEAM and huvudman in AKTORER:
            aktorer.setdefault(huvudman, []).append(kod)
    return aktorer


# -- ENVAGIN-01, Ärendebeskrivning s. 3(5); Sammanfattning s. 1(5) ----------------------------


def _alder_vid_intradet(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    intrade = forsta(ctx, INTRADE)
    if intrade is None:
        ctx.ej_bedomd(
            "åldern bedöms vid remiss eller självremiss till En väg in, som saknas (liksom "
            "kontakt och inskrivning där)"
        )
        return
    alder = ctx.arende.individ.alder(intrade.datum)
    if alder is None:
        ctx.ej_bedomd(
            "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
        )
        return
    ctx.fakta("ålder", f"{alder} år vid {intrade.beskrivning}")
    if not LAGST_ALDER <= alder <= HOGST_ALDER:
        ctx.fynd(
            f"personen är {alder} år vid {ctx.beskriv(intrade)}; En väg in ska vara direkt "
            f"tillgängligt för den som är mellan {LAGST_ALDER} och {HOGST_ALDER} år",
            sokvag="individ",
        )
    elif alder > MALBILD_HOGST_ALDER:
        ctx.fynd(
            f"personen är {alder} år vid {ctx.beskriv(intrade)}: inom {LAGST_ALDER}–"
            f"{HOGST_ALDER} år men utanför målbilden {LAGST_ALDER}–{MALBILD_HOGST_ALDER} år "
            "i sammanfattningen",
            sokvag="individ",
            allvarlighet=VARNING,
        )


ENVAGIN_01 = Regel(
    id="ENVAGIN-01",
    titel="Ålder 16–65 år vid remissen (65 år: utanför målbilden 16–64)",
    allvarlighet=FEL,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5); Sammanfattning s. 1(5)",
        "En väg in ska vara en tydlig väg in till myndigheterna samt vara direkt tillgängligt "
        "för den Ludvikabo och Smedjebacksbo, mellan 16 och 65 år som behöver stöd för att "
        "komma vidare i livet. Målbilden är att vara direkt tillgänglig för den Ludvika- och "
        "Smedjebacksbo mellan 16 och 64 år som är i behov av samordning som inte löses i "
        "ordinarie verksamheter. Det övergripande målet med En väg in är att vara den tydliga "
        "slussen in till myndigheterna för individer mellan 16-65 år med lång frånvaro från "
        "arbets marknaden i Ludvika och Smedjebacken och som är i behov av samordnat stöd.",
    ),
    kontroll=_alder_vid_intradet,
    beskrivning=(
        "Personen är mellan 16 och 65 år (fyllda år) den dag hen kom in i En väg in, det vill säga "
        "vid remissen eller självremissen (annars vid första kontakten eller inskrivningen där): "
        "under 16 eller 66 år och äldre är fel, precis 65 år ger en varning eftersom målbilden är "
        "16–64 år, och utan födelsedatum bedöms regeln inte."
    ),
    tolkning="A1: the document says 16–65 twice (the 'ska' sentence and the övergripande "
    "mål, s. 3) and 16–64 once (the Sammanfattning's målbild, s. 1). Age in whole years on "
    "S (else the first kontakt by en_vag_in, else the first inskrivning there). Under 16 or "
    "66 and over breaks the 'ska' sentence: fel. Exactly 65 breaks only the softer målbild: "
    "varning. If the owners settle on 16–64, 65 becomes fel and nothing else changes. No "
    "date of birth, or no S and no fallback: could not judge.",
)


# -- ENVAGIN-02, Ärendebeskrivning s. 3(5); Sammanfattning s. 1(5) ----------------------------

ENVAGIN_02 = Regel(
    id="ENVAGIN-02",
    titel="Folkbokförd i Ludvika eller Smedjebacken",
    allvarlighet=FEL,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5); Sammanfattning s. 1(5)",
        "En väg in ska vara en tydlig väg in till myndigheterna samt vara direkt tillgängligt "
        "för den Ludvikabo och Smedjebacksbo, mellan 16 och 65 år som behöver stöd för att "
        "komma vidare i livet. En väg in är en ny samverkansplattform man genomför i Ludvika "
        "och Smedjebacken.",
    ),
    kontroll=folkbokford_i(KOMMUNER, vid=INTRADE),
    beskrivning=(
        "Personens folkbokföringskommun är Ludvika eller Smedjebacken; en annan kommun är fel."
    ),
    tolkning="'Ludvikabo och Smedjebacksbo' is read as folkbokförd in Ludvika (2085) or "
    "Smedjebacken (2061). Judged on S (or its fallbacks); a case with none of them is judged "
    "on its first event, so a case that began before 2016-10-03 is never judged.",
)


# -- ENVAGIN-03, Ärendebeskrivning s. 3(5) ------------------------------------------------------

_KONTAKT_INOM_TVA_VECKOR = frist_efter(
    REMISS.forsta(),
    KONTAKT_MED_INDIVIDEN,
    veckor(2),
    vad="kontakt med individen",
    utan_start="remiss eller självremiss till en_vag_in saknas",
)


def _kontaktad_inom_tva_veckor(ctx: Kontext) -> None:
    if bedoms_vid(ctx, INTRADE):
        _KONTAKT_INOM_TVA_VECKOR(ctx)


ENVAGIN_03 = Regel(
    id="ENVAGIN-03",
    titel="Individen kontaktas inom två veckor från remiss eller självremiss",
    allvarlighet=FEL,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5)",
        "Samverkansmål för en väg in är en snabbare och enklare handläggning av ärenden där "
        "individen blir kontaktad inom två veckor. Individen kan remitteras från aktörerna "
        "eller vara självremitterande. En väg in är en resurs till samverkansaktörernas "
        "ordinarie verksam heter och ska vara direkt tillgänglig för den enskilda invånaren "
        "som är i behov av samhällsstöd.",
    ),
    kontroll=_kontaktad_inom_tva_veckor,
    beskrivning=(
        "Första kontakten med personen, en kontakt från En väg in eller ett möte med En väg in där "
        "personen deltog, sker senast två veckor efter första remissen eller självremissen till En "
        "väg in (dag 14 i tid, dag 15 för sent); den remitterande enhetens egen kontakt eller bara "
        "en kartläggning räknas inte."
    ),
    tolkning="A2: the two weeks are a 'samverkansmål', not a 'ska', but they are the "
    "document's only concrete deadline and the platform is built around them, so fel. From "
    "the first remiss to en_vag_in, from an aktör or from individen (a self-referral starts "
    "the clock the same way), to the first contact with the person on or after that day: a "
    "kontakt with part en_vag_in, or a möte with en_vag_in among the parties and the person "
    "present. Day 14 is in time, day 15 late. A contact by the referring unit, or a "
    "kartläggning record alone, is not a contact.",
)


# -- ENVAGIN-04, Sammanfattning s. 1(5) ---------------------------------------------------------


def _aktorer_namn(ctx: Kontext, aktorer: dict[str, list[str]]) -> str:
    """The actors found, by display name: ``kommun: Socialtjänsten …, Arbetsmarknadsenhet …``."""
    delar = [f"{ctx.namn(h, Kodslag.HUVUDMAN)}: {ctx.namnlista(e)}" for h, e in aktorer.items()]
    return "; ".join(delar) or "ingen"


def _minst_tva_aktorer(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    aktorer = _aktorer(ctx.arende.individ.kontakter)
    funna = "; ".join(f"{h}: {', '.join(e)}" for h, e in aktorer.items()) or "ingen"
    ctx.fakta("aktörer bland kontakterna", funna)
    if len(aktorer) < 2:
        ctx.fynd(
            f"personen har kontakt med {len(aktorer)} aktör{'' if len(aktorer) == 1 else 'er'} "
            f"({_aktorer_namn(ctx, aktorer)}); En väg in är för den där minst två aktörer är "
            "involverade",
            sokvag="individ.kontakter",
        )


ENVAGIN_04 = Regel(
    id="ENVAGIN-04",
    titel="Minst två aktörer involverade",
    allvarlighet=FEL,
    kalla=SKRIVELSE.kalla(
        "Sammanfattning s. 1(5)",
        "En väg in är ett effektivare sätt att möta invånaren som har behov av samordning där "
        "minst två aktörer är involverade. Medverkande samverkansaktörer är Landstinget "
        "Dalarna, Försäkringskassan, Arbetsförmedlingen och de båda kommunerna.",
    ),
    kontroll=_minst_tva_aktorer,
    beskrivning=(
        "Bland personens kontakter finns minst två aktörer, räknade per huvudman "
        "(Arbetsförmedlingen, Försäkringskassan, regionen, kommunen): socialtjänsten och AME är en "
        "aktör (kommunen), socialtjänsten och psykiatrin två, och En väg in själv och "
        "samordningsförbundets enheter räknas inte."
    ),
    tolkning="A3: the document names the aktörer as organisations (Landstinget Dalarna, "
    "Försäkringskassan, Arbetsförmedlingen, the municipalities), so the units in "
    "individ.kontakter are counted by huvudman (arbetsformedlingen, forsakringskassan, "
    "region, kommun): socialtjanst and ame are one aktör (kommun), socialtjanst and "
    "psykiatri two. en_vag_in itself and samordningsförbund units are not aktörer. Empty "
    "kontakter counts as none. Judged on S, as ENVAGIN-02. Counting units instead would let "
    "socialtjanst + ame pass; flagged for the owners.",
)


# -- ENVAGIN-05, Ärendebeskrivning s. 3(5) ------------------------------------------------------


def _luckor(perioder: list[tuple[date, date | None]], fran: date, till: date) -> list[str]:
    """The stretches of fran–till (both included) that no period covers, as text."""
    luckor = []
    behovs = fran
    for start, slut in sorted(perioder):
        if behovs > till:
            break
        if start > behovs:
            luckor.append(f"{behovs}–{min(start - timedelta(days=1), till)}")
        if slut is None:
            behovs = date.max
            break
        behovs = max(behovs, slut + timedelta(days=1))
    if behovs <= till:
        luckor.append(f"{behovs}–{till}")
    return luckor


def _lang_franvaro(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    individ = ctx.arende.individ
    intrade = forsta(ctx, INTRADE)
    koder = individ.omstandigheter_vid(intrade.datum) if intrade else individ.omstandigheter
    if LANG_FRANVARO in koder:
        ctx.fakta("omständighet", LANG_FRANVARO)
        return
    if intrade is None:
        ctx.ej_bedomd("remiss eller självremiss till En väg in saknas (liksom kontakt och "
                      "inskrivning där), så tolv månader före den kan inte räknas")  # fmt: skip
        return
    if not individ.forsorjning:
        ctx.ej_bedomd(
            f"försörjning saknas och omständigheten "
            f"{ctx.namn(LANG_FRANVARO, Kodslag.OMSTANDIGHET)} är inte angiven",
            sokvag="individ.forsorjning",
        )
        return
    fran = plus_manader(intrade.datum, -LANG_FRANVARO_MANADER)
    perioder = [(f.start, f.slut) for f in individ.forsorjning if f.typ in FRANVARO_FORSORJNING]
    luckor = _luckor(perioder, fran, intrade.datum)
    ctx.fakta("tolv månader före", f"{fran}–{intrade.datum}")
    if luckor:
        ctx.fynd(
            f"lång frånvaro från arbetsmarknaden framgår inte: offentlig försörjning täcker "
            f"inte {', '.join(luckor)} av de {LANG_FRANVARO_MANADER} månaderna före "
            f"{ctx.beskriv(intrade)}, och omständigheten "
            f"{ctx.namn(LANG_FRANVARO, Kodslag.OMSTANDIGHET)} är inte angiven",
            sokvag="individ.forsorjning",
        )


ENVAGIN_05 = Regel(
    id="ENVAGIN-05",
    titel="Lång frånvaro från arbetsmarknaden",
    allvarlighet=VARNING,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5)",
        "Det övergripande målet med En väg in är att vara den tydliga slussen in till "
        "myndigheterna för individer mellan 16-65 år med lång frånvaro från arbets marknaden "
        "i Ludvika och Smedjebacken och som är i behov av samordnat stöd.",
    ),
    kontroll=_lang_franvaro,
    beskrivning=(
        "Personen har lång frånvaro från arbetsmarknaden när hen kommer in i En väg in: antingen "
        "angiven som omständighet, eller med offentlig försörjning (försörjningsstöd, sjukpenning, "
        "aktivitetsersättning, sjukersättning, a-kassa, aktivitetsstöd eller etableringsersättning)"
        " varje dag under de tolv månaderna före remissen eller självremissen; utan försörjning och"
        " omständighet bedöms regeln inte."
    ),
    tolkning=f"A4: 'lång frånvaro' has no length in the text; {LANG_FRANVARO_MANADER} months "
    "is the usual threshold for långtidsarbetslöshet (AF, SCB). Met by the circumstance "
    f"{LANG_FRANVARO} (set by the case worker; in omstandighetsperioder it must hold on S), "
    "or by försörjning periods of the types "
    f"{', '.join(FRANVARO_FORSORJNING)} that together cover every day from "
    f"{LANG_FRANVARO_MANADER} months before S up to S (both included). A varning because the "
    "sentence states a goal. No försörjning and no circumstance: could not judge.",
)


# -- ENVAGIN-06, Ärendebeskrivning s. 3(5) ------------------------------------------------------


def _skriftligt_samtycke(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    samtycken = ctx.arende.samtycken
    for traff in varje(ctx, TEAMETS_KARTLAGGNINGAR, saknas="ingen kartläggning med En väg in"):
        k: Kartlaggning = traff.objekt
        andra = [p for p in k.parter if p != TEAM]
        myndigheter = andra or [p for p in ctx.arende.individ.kontakter if p != TEAM]
        if not myndigheter:
            ctx.ej_bedomd(
                f"{ctx.beskriv(traff)} har inga andra parter och individen inga kontakter, så "
                "det framgår inte vilka myndigheters system som används",
                sokvag=traff.sokvag,
            )
            continue
        dagar = [("start", k.start)] if k.start is not None else []
        dagar.append(("datum", k.datum))
        if ctx.forklarar:
            ctx.fakta(traff.beskrivning, f"myndigheter: {', '.join(myndigheter)}")
        brister = []
        for p in myndigheter:
            utan = [
                (namn, dag) for namn, dag in dagar
                if not any(s.form == "skriftligt" and s.tacker(TEAM, p, dag) for s in samtycken)
            ]  # fmt: skip
            if not utan:
                continue
            muntligt = all(any(s.tacker(TEAM, p, dag) for s in samtycken) for _, dag in utan)
            brister.append(
                f"{ctx.namn(p)} vid "
                f"{' och '.join(f'{ctx.namn(namn)} {dag}' for namn, dag in utan)}"
                + (" (bara muntligt samtycke)" if muntligt else "")
            )
        if brister:
            ctx.fynd(
                f"{ctx.beskriv(traff)}: inget skriftligt samtycke till samordning mellan "
                f"{ctx.namn(TEAM)} och {'; '.join(brister)}",
                sokvag=traff.sokvag,
            )


ENVAGIN_06 = Regel(
    id="ENVAGIN-06",
    titel="Skriftligt samtycke vid kartläggningen",
    allvarlighet=FEL,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5)",
        "Teamen har tillgång till alla myndigheters system som ger en helhetsbild av "
        "individens behov vid kartläggning(förutsätter att individen skrivit på och samtycker "
        "samordning).",
    ),
    kontroll=_skriftligt_samtycke,
    beskrivning=(
        "Vid varje kartläggning med En väg in finns ett skriftligt samtycke (muntligt räcker inte) "
        "till samordning mellan En väg in och var och en av kartläggningens övriga parter (eller, "
        "om den inte har några, personens kontakter), giltigt både på kartläggningens startdag och "
        "på dess datum."
    ),
    tolkning="A5: 'skrivit på' means written, so a muntligt consent does not do. 'Samtycker "
    "samordning' is read as covering the exchange between en_vag_in and each authority "
    "whose system is used, approximated by the kartläggning's other parties (or, with none, "
    "individ.kontakter). Every kartläggning with en_vag_in among its parties is checked on "
    "its start (if given) and on its datum, so a consent withdrawn during the kartläggning "
    "is caught. Coverage as the case format defines it.",
)


# -- ENVAGIN-07, Ärendebeskrivning s. 3(5) ------------------------------------------------------


def _forsta_slussning(ctx: Kontext) -> Traff | None:
    """T: the start of the first insats starting on or after the day the person entered,
    or, with none, the avslut. None for an open case without an insats."""
    dag = _intradesdag(ctx) or date.min
    efter = [t for t in INSATSER(ctx.vy) if t.datum >= dag]
    return efter[0] if efter else forsta(ctx, AVSLUT)


def _planer_senast(ctx: Kontext, t: Traff) -> list[Traff]:
    """The plans of `PLANTYPER` dated on or before *t*, drawn up or declined (an offer
    the person has not taken up yet is not a plan they own)."""
    return [
        p for p in HANDLINGSPLANER(ctx.vy)
        if p.datum <= t.datum and p.objekt.status != ERBJUDEN
    ]  # fmt: skip


def _handlingsplan(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    t = _forsta_slussning(ctx)
    if t is None:
        ctx.ej_tillamplig("öppet ärende utan insats: bedöms vid första insatsen eller avslutet")
        return
    tidiga = _planer_senast(ctx, t)
    if not tidiga:
        alla = HANDLINGSPLANER(ctx.vy)
        erbjudna = [p for p in alla if p.datum <= t.datum]  # on time, but only offered
        forklaring = ""
        if erbjudna:
            forklaring = f"; {ctx.beskriv(erbjudna[0])} är bara erbjuden"
        elif alla:
            forklaring = f"; första är från {alla[0].datum}"
        ctx.fynd(
            f"handlingsplan (företrädesvis SIP) saknas senast samma dag som {ctx.beskriv(t)}"
            f"{forklaring}",
            sokvag=t.sokvag,
        )
        return
    for plan in tidiga:
        ctx.fakta("handlingsplan", f"{plan.sokvag} {plan.objekt.typ} {plan.datum}")
    if all(p.objekt.individen_delaktig is False for p in tidiga):
        ctx.fynd(
            f"individen var inte delaktig i {ctx.beskriv(tidiga[0])} "
            f"({ctx.namn(tidiga[0].objekt.typ, Kodslag.PLANTYP)}); "
            "individen äger sin handlingsplan och är delaktig",
            sokvag=tidiga[0].falt("individen_delaktig"),
        )


ENVAGIN_07 = Regel(
    id="ENVAGIN-07",
    titel="Handlingsplan före första insatsen",
    allvarlighet=VARNING,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5)",
        "Individen som äger sin handlingsplan, företrädesvis SIP(Samordnad Individuell Plan), "
        "är delaktig samt äger sin process och ska i En väg in mötas av enklare kontaktvägar "
        "samt tidiga insatser för att närma sig en egen långvarig försörjning.",
    ),
    kontroll=_handlingsplan,
    beskrivning=(
        "En handlingsplan, SIP eller individuell plan som är upprättad eller avböjd (inte bara "
        "erbjuden) finns senast samma dag som första insatsen efter att personen kom in i En väg "
        "in, eller utan insats senast vid avslutet; står det i alla planerna att personen inte var "
        "delaktig rapporteras det också."
    ),
    tolkning="A plan of type handlingsplan, sip or individuell_plan dated on or before T: "
    "the start of the first insats starting on or after S, or, with no such insats, the "
    "avslut. An open case without an insats is not judged yet. A plan with status erbjuden "
    "does not count (not drawn up yet); one with status avbojd does (the person declined: "
    "not a breach). 'Är delaktig': if every such plan records individen_delaktig: false, "
    "that is reported too; not recorded counts as taking part. A varning: the sentence "
    "describes the person who owns a plan rather than requiring one.",
)


# -- ENVAGIN-08, Ärendebeskrivning s. 3(5) ------------------------------------------------------


def _foretradesvis_sip(ctx: Kontext) -> None:
    if not bedoms_vid(ctx, INTRADE):
        return
    t = _forsta_slussning(ctx)
    if t is None:
        ctx.ej_tillamplig("öppet ärende utan insats: bedöms vid första insatsen eller avslutet")
        return
    tidiga = _planer_senast(ctx, t)
    if not tidiga:
        ctx.ej_tillamplig("handlingsplan saknas (ENVAGIN-07)")
        return
    enheter = {*ctx.arende.individ.kontakter, *(i.utforare for i in ctx.arende.insatser)}
    sociala = [e for e in SOCIALA_ENHETER if e in enheter]
    regionens = [e for e in REGIONENS_ENHETER if e in enheter]
    if ctx.forklarar:
        ctx.fakta("socialtjänst", ", ".join(sociala) or "ingen")
        ctx.fakta("hälso- och sjukvård", ", ".join(regionens) or "ingen")
    if not sociala or not regionens:
        ctx.ej_tillamplig("inte både socialtjänst och hälso- och sjukvård involverade")
        return
    if not any(p.objekt.typ == "sip" for p in tidiga):
        ctx.fynd(
            f"personen har både {ctx.namnlista(sociala)} och {ctx.namnlista(regionens)}, men ingen "
            f"plan senast {ctx.beskriv(t)} är en SIP ({ctx.beskriv(tidiga[0])} är "
            f"{ctx.namn(tidiga[0].objekt.typ, Kodslag.PLANTYP)}; företrädesvis SIP)",
            sokvag=tidiga[0].falt("typ"),
        )


ENVAGIN_08 = Regel(
    id="ENVAGIN-08",
    titel="SIP när både socialtjänst och hälso- och sjukvård är involverade",
    allvarlighet=VARNING,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 3(5)",
        "Individen som äger sin handlingsplan, företrädesvis SIP(Samordnad Individuell Plan), "
        "är delaktig samt äger sin process och ska i En väg in mötas av enklare kontaktvägar "
        "samt tidiga insatser för att närma sig en egen långvarig försörjning.",
    ),
    kontroll=_foretradesvis_sip,
    beskrivning=(
        "Har personen både socialtjänst (socialtjänsten, LSS eller omsorgen) och hälso- och "
        "sjukvård (psykiatrin, primärvården eller habiliteringen) bland kontakterna eller som "
        "utförare av insatser, ska minst en av planerna som finns senast vid första "
        "insatsen (eller avslutet) vara en SIP; annars räcker en handlingsplan."
    ),
    tolkning="A6: 'företrädesvis SIP' is read together with the legal SIP trigger, insatser "
    "from both socialtjänst and hälso- och sjukvård (SoL 2001:453 2 kap. 7 § / SoL 2025:400 "
    "10 kap. 8 §; HSL 16 kap. 4 §). Judged only when ENVAGIN-07 is met and the person has a "
    "municipal social unit (socialtjanst, lss, omsorg) and a region unit (psykiatri, "
    "primarvard, habilitering), each among individ.kontakter or as an insats utförare; then "
    "one of the plans dated on or before T must be a sip. Otherwise a handlingsplan is "
    "enough and nothing is reported.",
)


# -- ENVAGIN-09, Ärendebeskrivning s. 4(5) ------------------------------------------------------


def _ledtid_aktor_insats(ctx: Kontext) -> None:
    avslut = forsta(ctx, AVSLUT)
    if avslut is None:
        ctx.ej_tillamplig("ärendet är inte avslutat")
        return
    if not bedoms_vid(ctx, INTRADE):
        return
    if avslut.objekt.utfall in UTAN_RAPPORT:
        ctx.ej_tillamplig(f"avslutat med utfallet {avslut.objekt.utfall}")
        return
    s = forsta(ctx, REMISS)
    fran = s.datum if s is not None else date.min
    period = f"{s.datum}–{avslut.datum}" if s is not None else f"till {avslut.datum}"
    # (date, aktör, insats) for each slussning: an insats by another aktör, or a referral
    # from the team that says what it is for.
    insatserna = [t for t in ANDRA_AKTORERS_INSATSER(ctx.vy) if fran <= t.datum <= avslut.datum]
    remisserna = [t for t in SLUSSNINGAR(ctx.vy) if fran <= t.datum <= avslut.datum]
    rapport = sorted(
        [(t.datum, t.objekt.utforare, t.objekt.typ) for t in insatserna]
        + [(t.datum, t.objekt.till, t.objekt.avser) for t in remisserna if t.objekt.avser],
    )
    saknas = []
    if s is None:
        saknas.append("remiss eller självremiss till En väg in (ledtiden kan inte räknas)")
    if rapport:
        dag, enhet, insats = rapport[0]
        ctx.fakta("aktör och insats", f"{_HUVUDMAN.get(enhet, enhet)} ({enhet}), {insats}")
        if s is not None:
            ctx.fakta("ledtid", f"{antal_dagar((dag - s.datum).days)} till {dag}")
    else:
        text = f"insats av en annan aktör än En väg in {period} (aktör och insats)"
        if remisserna:
            text += (
                f"; {ctx.beskriv(remisserna[0])} till {ctx.namn(remisserna[0].objekt.till)} "
                "anger inte avser"
            )
        saknas.append(text)
    if saknas:
        ctx.fynd(
            f"ärendet avslutades {avslut.datum} utan det som ska rapporteras (ledtid, aktör och "
            f"insats); saknas: {'; '.join(saknas)}",
            sokvag=avslut.sokvag,
        )


ENVAGIN_09 = Regel(
    id="ENVAGIN-09",
    titel="Ledtid, aktör och insats kan rapporteras vid avslut",
    allvarlighet=VARNING,
    kalla=SKRIVELSE.kalla(
        "Ärendebeskrivning s. 4(5)",
        "En väg in rapporterar ledtid, aktör och insats i lämpliga system.",
    ),
    kontroll=_ledtid_aktor_insats,
    beskrivning=(
        "När ärendet avslutas (utom med utfallet ej medverkan eller flyttat) finns det som ska "
        "rapporteras: remissen eller självremissen till En väg in, för ledtiden, och minst en "
        "slussning mellan den och avslutet, alltså en insats av en annan aktör än En väg in eller "
        "en remiss från En väg in som anger vad den avser."
    ),
    tolkning="Closed cases only. The case must hold what the report needs: S (for the lead "
    "time) and at least one slussning from S up to the avslut: an insats whose utförare is "
    "not en_vag_in (aktör: the utförare's huvudman; insats: its typ), or a remiss from "
    "en_vag_in to another unit that says what it is for (aktör: its till; insats: its "
    "avser). An insats at rehabkonsulentteamet counts: it is one of the activities a person "
    "is 'slussad' to. Waived when the utfall is ej_medverkan or flyttat. One varning at the "
    "avslut, listing what is missing.",
)


# -- the rule set ---------------------------------------------------------------------------

REGLER = (
    ENVAGIN_01,
    ENVAGIN_02,
    ENVAGIN_03,
    ENVAGIN_04,
    ENVAGIN_05,
    ENVAGIN_06,
    ENVAGIN_07,
    ENVAGIN_08,
    ENVAGIN_09,
)

REGELVERK = Regelverk(
    id="envagin",
    namn="En väg in – Ludvika och Smedjebacken",
    agare="Ludvika och Smedjebackens kommuner (Västerbergslagens samordningsförbund)",
    version="2016-08-26",
    regler=REGLER,
    giltig_fran=UPPSTART,
    enheter=ENHETER,
    koder={Kodslag.OMSTANDIGHET: {LANG_FRANVARO: "Lång frånvaro från arbetsmarknaden"}},
    samtycke_bedoms=((TEAM, "*"),),  # ENVAGIN-06 judges consent between En väg in and each party
    beskrivning="Tjänsteskrivelse 2016-08-26 om samverkansplattformen En väg in "
    "(Ludvika, Smedjebacken, Landstinget Dalarna, Försäkringskassan, Arbetsförmedlingen); "
    "start 2016-10-03.",
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    """En väg in as an arena for routing: ``arenor.yaml`` beside this module."""
    from finsam_core.regelbygge import las_arenadata

    register(las_arenadata(files("finsam_envagin") / "arenor.yaml"))


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    """En väg in's reports for ``finsam rapport``, from ``rapporter.py`` beside this module.

    Imported here rather than at the top so that checking cases (``finsam validate``) does
    not pay for building reports: the host calls this hook only when a command asks for
    reports.
    """
    from finsam_envagin import rapporter

    rapporter.finsam_rapporter(register)
