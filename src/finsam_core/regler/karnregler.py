"""Core's own rules, which run with every rule set (registered like any plugin's).

- FINSAM-01 (varning): a decision dated on or after 2025-07-01 that cites the repealed
  socialtjänstlagen (2001:453); the message names the new provision, and is qualified
  for a case that started before 2025-07-01.
- FINSAM-02 (varning): events dated after the case's closure. Closure follow-ups (a
  closing meeting, feedback between units, and what a rule set declares in
  ``Regelverk.tillatet_efter_avslut``) are expected after the closure and not reported.
- FINSAM-03 (varning): a decision dated before 2025-07-01 that cites socialtjänstlagen
  (2025:400), written with its SFS number or in its numbering (bare 12:1, 12:4).
- FINSAM-04 (varning): a meeting of units of two or more huvudmän on a day no consent
  covers a pair of them (OSL 10 kap. 1 §, 12 kap. 2 §), except pairs a rule set judges
  with its own consent rule (``Regelverk.samtycke_bedoms``).

- FINSAM-05 (info): a closed case whose last entry is older than the retention period of
  SoL (2025:400) 16 kap. 1 § (five years by default; `gallringsregel` builds the rule for
  another period): the personakt is due for gallring.

A SoL citation without an SFS number is resolved by the decision's date (`Lagrum.vid`)
unless its numbering already tells the act (4:1 and 4:4 the old, 12:1 and 12:4 the new).
"""

from __future__ import annotations

from datetime import date

from finsam_core.model.handelser import Aterkoppling, Avslut, Beslut, Mote
from finsam_core.model.koder import INDIVIDEN, KARNENHETER, Kodslag
from finsam_core.model.lagrum import SOL_NY, SOL_NY_FRAN
from finsam_core.regler.fynd import Allvarlighet, Dokument, Kalla
from finsam_core.regler.kalender import plus_ar
from finsam_core.regler.regel import Kontext, Regel, Regelverk

SOL_2025 = Kalla(
    "Socialtjänstlag (2025:400)",
    "Övergångsbestämmelser, punkt 1–2",
    "Denna lag träder i kraft den 1 juli 2025. Genom lagen upphävs socialtjänstlagen (2001:453).",
)

ARENDEFORMATET = Dokument(
    "arendeformat.txt",
    "Ärendeformatet finsam/1 – svensk beskrivning (finsam-core)",
    agare="finsam-core",
    paket="finsam_core",
)

FORMATET = ARENDEFORMATET.kalla(
    "3 Avslut",
    "Efter avslutet registreras inga nya händelser i ärendet, utom uppföljningen av "
    "avslutet: ett avslutsmöte, återkoppling mellan enheterna och de händelser som ett "
    "regelverk uttryckligen tillåter efter avslut.",
)

ALLA_ENHETER = "*"
"""In `Regelverk.samtycke_bedoms`: any unit (``("en_vag_in", "*")``, ``("*", "*")``)."""

FORVANTAT_EFTER_AVSLUT = ("mote:avslutsmote", "aterkoppling")
"""What follows a closure in every model: a closing meeting, feedback to the remittent."""


OSL_SAMTYCKE = Kalla(
    "karna.md",
    "C7; offentlighets- och sekretesslagen (2009:400) 10 kap. 1 §, 12 kap. 2 §",
    "A core rule (FINSAM-04, varning) that a `mote` with ≥ 2 units of different huvudmän "
    "is covered by consent, citing OSL 10 kap. 1 § / 12 kap. 2 §.",
)


GALLRINGSTID_AR = 5
"""The retention period: a personakt is gallrad five years after its last entry."""

SOL_GALLRING = Kalla(
    "Socialtjänstlag (2025:400)",
    "16 kap. 1 § (gallring av personakter)",
    "",  # the statute text is not among the stored sources; see the rule's tolkning
    titel="Socialtjänstlag (2025:400)",
)


def _senaste_anteckning(ctx: Kontext) -> date | None:
    """The latest date anything was recorded in the case."""
    arende = ctx.arende
    datum: list[date] = [h.datum for h in arende.handelser]
    datum += [getattr(h, "slut", h.datum) for h in arende.handelser]
    for samtycke in arende.samtycken:
        datum += [d for d in (samtycke.datum, samtycke.aterkallat) if d is not None]
    datum += [k.datum for k in arende.kartlaggningar]
    datum += [d for i in arende.insatser for d in (i.start, i.slut) if d is not None]
    datum += [p.datum for p in arende.planer]
    return max(datum, default=None)


def gallringsregel(ar: int = GALLRINGSTID_AR) -> Regel:
    """FINSAM-05 for a retention period of *ar* years (core uses `GALLRINGSTID_AR`)."""
    if ar < 1:
        raise ValueError(f"gallringstiden ska vara minst ett år, fick {ar}")

    def kontroll(ctx: Kontext) -> None:
        avslut = ctx.vy.av_typ(Avslut)
        if not avslut:
            ctx.ej_tillamplig("ärendet är inte avslutat")
            return
        senaste = _senaste_anteckning(ctx)
        assert senaste is not None  # a closed case has at least its avslut
        if not ctx.galler(senaste):
            return
        try:
            gallras = plus_ar(senaste, ar)
        except (OverflowError, ValueError):
            ctx.ej_bedomd(f"gallringsdagen ligger utanför kalendern ({senaste} + {ar} år)")
            return
        ctx.fakta("senaste anteckning", senaste)
        if ctx.datum > gallras:
            ctx.fynd(
                f"ärendet avslutades {avslut[0][1].datum} och senaste anteckningen är från "
                f"{senaste}: personakten ska gallras ({ar} år efter senaste anteckningen, "
                f"{gallras})",
                sokvag=f"handelser[{avslut[0][0]}]",
                frist=gallras,
            )

    return Regel(
        id="FINSAM-05",
        titel="Gallring av personakt efter avslutat ärende",
        allvarlighet=Allvarlighet.INFO,
        kalla=SOL_GALLRING,
        kontroll=kontroll,
        beskrivning=(
            f"Ett avslutat ärende vars senaste anteckning (händelse, samtycke, kartläggning, "
            f"insats eller plan) är äldre än {ar} år på kontrolldagen tas upp som info: "
            f"personakten ska gallras. Exakt {ar} år efter sista anteckningen är inte för "
            f"gammalt, dagen därpå är det."
        ),
        tolkning=(
            f"SoL (2025:400) 16 kap. 1 §: a personakt is gallrad {ar} years after the last "
            "entry (issue 18; the statute text is not among the stored sources, so the rule "
            "cites the section without a quote). The last entry is the latest date in the "
            "case: event dates and their slut, consents and their withdrawal, assessments, "
            "interventions' start and slut, plans. Only closed cases are judged; the finding "
            "is info with the gallring date as frist, so `finsam validate` lists what a "
            "municipality must delete. The period is a parameter (gallringsregel(ar))."
        ),
    )


def _arendets_start(ctx: Kontext) -> date | None:
    return ctx.vy.tidslinje[0][1].datum if ctx.vy.tidslinje else None


def _upphavd_sol(ctx: Kontext) -> None:
    beslut = ctx.vy.av_typ(Beslut)
    if not beslut:
        ctx.ej_tillamplig("inga beslut")
        return
    start = _arendets_start(ctx)
    for index, b in beslut:
        if not ctx.galler(b.datum):
            continue
        lagrum = b.lagrum.vid(b.datum)
        if lagrum.upphavd_vid(b.datum):
            ny = lagrum.motsvarighet()
            namn = f"; ange {ny}" if ny else "; ange bestämmelsen i socialtjänstlagen (2025:400)"
            if not lagrum.sfs_angivet:
                namn += (
                    f" (utan SFS-nummer läses {b.lagrum.paragrafen} i den upphävda lagens "
                    "numrering)"
                )
            if start is not None and start < SOL_NY_FRAN:
                namn += (
                    f"; ärendet inleddes {start}, före {SOL_NY_FRAN}: gäller den upphävda lagen "
                    "för ärendet enligt övergångsbestämmelserna är hänvisningen riktig"
                )
            ctx.fynd(
                f"beslutet {b.datum} hänvisar till {b.lagrum}, som upphävdes {SOL_NY_FRAN}{namn}",
                sokvag=f"handelser[{index}].lagrum",
            )


def _ny_sol_for_tidigt(ctx: Kontext) -> None:
    beslut = ctx.vy.av_typ(Beslut)
    if not beslut:
        ctx.ej_tillamplig("inga beslut")
        return
    for index, b in beslut:
        if not ctx.galler(b.datum):
            continue
        lagrum = b.lagrum.vid(b.datum)
        if lagrum.i_kraft_vid(b.datum):
            continue
        gammal = lagrum.motsvarighet()
        rad = f"beslutet {b.datum} hänvisar till {lagrum}, som trädde i kraft {SOL_NY_FRAN}"
        if not lagrum.sfs_angivet:
            rad += f" ({b.lagrum.paragrafen} utan SFS-nummer följer den nya lagens numrering)"
        rad += (
            f"; ange {gammal}" if gammal else "; ange bestämmelsen i socialtjänstlagen (2001:453)"
        )
        ctx.fynd(rad, sokvag=f"handelser[{index}].lagrum")


def _kod(handelse: object) -> tuple[str, ...]:
    typ = type(handelse).typ  # type: ignore[attr-defined]
    if isinstance(handelse, Mote):
        return (typ, f"mote:{handelse.motestyp}")
    return (typ,)


def _efter_avslut(ctx: Kontext) -> None:
    avslut = ctx.vy.av_typ(Avslut)
    if not avslut:
        ctx.ej_tillamplig("ärendet är inte avslutat")
        return
    avslutsindex, forsta = avslut[0]
    if not ctx.galler(forsta.datum):
        return
    tillatna = {
        *FORVANTAT_EFTER_AVSLUT,
        *ctx.regelverk.tillatet_efter_avslut,
        *(kod for rv in ctx.vy.regelverk for kod in rv.tillatet_efter_avslut),
    }
    ctx.fakta("avslut", forsta.datum)
    for index, h in ctx.vy.tidslinje:
        if index == avslutsindex or h.datum <= forsta.datum:
            continue
        if isinstance(h, Aterkoppling) or tillatna.intersection(_kod(h)):
            continue
        ctx.fynd(
            f"händelsen {h.typ} {h.datum} ligger efter ärendets avslut {forsta.datum}",
            sokvag=f"handelser[{index}]",
        )


_KARNANS_HUVUDMAN = {e.kod: e.huvudman for e in KARNENHETER}


def _samtycke_vid_mote(ctx: Kontext) -> None:
    huvudman = dict(_KARNANS_HUVUDMAN)
    for rv in (*ctx.vy.regelverk, ctx.regelverk):
        for enhet in rv.enheter:
            huvudman[enhet.kod] = enhet.huvudman
    egna = [par for rv in ctx.vy.regelverk for par in rv.samtycke_bedoms]

    def bedoms_av_regelverk(a: str, b: str) -> bool:
        return any(
            (x in (a, ALLA_ENHETER) and y in (b, ALLA_ENHETER))
            or (x in (b, ALLA_ENHETER) and y in (a, ALLA_ENHETER))
            for x, y in egna
        )

    flera_huvudman = False
    for index, mote in ctx.vy.av_typ(Mote):
        parter = [p for p in dict.fromkeys(mote.parter) if p != INDIVIDEN]
        okanda = [p for p in parter if p not in huvudman]
        if okanda:
            ctx.ej_bedomd(
                f"huvudman för {', '.join(okanda)} är okänd", sokvag=f"handelser[{index}].parter"
            )
            continue
        par = [
            (a, b)
            for i, a in enumerate(parter)
            for b in parter[i + 1 :]
            if huvudman[a] != huvudman[b] and not bedoms_av_regelverk(a, b)
        ]
        if not par:
            continue
        flera_huvudman = True
        if not ctx.galler(mote.datum):
            continue
        utan = [
            f"{ctx.namn(a)} och {ctx.namn(b)}"
            for a, b in par
            if not any(s.tacker(a, b, mote.datum) for s in ctx.arende.samtycken)
        ]
        if utan:
            motestyp = ctx.namn(mote.motestyp, Kodslag.MOTESTYP)
            ctx.fynd(
                f"mötet ({motestyp}) {mote.datum} med {ctx.namnlista(parter)}: inget samtycke "
                f"omfattar utbyte mellan {' eller mellan '.join(utan)} den dagen",
                sokvag=f"handelser[{index}]",
            )
        elif ctx.forklarar:
            ctx.fakta(
                f"samtycke vid {mote.motestyp} {mote.datum}", ", ".join(f"{a}–{b}" for a, b in par)
            )
    if not flera_huvudman:
        ctx.ej_tillamplig("inget möte med enheter från olika huvudmän")


KARNREGELVERK = Regelverk(
    id="finsam",
    namn="Gemensamma regler (finsam-core)",
    agare="finsam-core",
    version="1",
    regler=(
        Regel(
            id="FINSAM-01",
            titel="Beslut efter 2025-07-01 hänvisar inte till upphävd socialtjänstlag",
            allvarlighet=Allvarlighet.VARNING,
            kalla=SOL_2025,
            kontroll=_upphavd_sol,
            beskrivning=(
                "Ett beslut daterat 2025-07-01 eller senare som hänvisar till den upphävda "
                "socialtjänstlagen (2001:453) ger en varning som anger motsvarande bestämmelse i "
                "socialtjänstlagen (2025:400) där den är känd. Ett lagrum utan SFS-nummer läses "
                "efter beslutsdagen; för ett ärende som inleddes före 2025-07-01 nämner "
                "meddelandet övergångsbestämmelserna."
            ),
            tolkning=(
                "A decision dated on or after 2025-07-01 whose lagrum is in SoL (2001:453) "
                "(written with that SFS number, or as 4:1 / 4:4 without one) is reported; "
                "the message names the corresponding provision of SoL (2025:400) where known. "
                "A SoL citation whose numbering does not tell the act is read as the act in "
                "force on the decision's date. Transitional provisions: beyond punkt 1–2 "
                "(quoted), the text of SoL (2025:400)'s övergångsbestämmelser could not be "
                "found in the sources searched (prop. 2024/25:89 and bet. 2024/25:SoU23 as "
                "published on lagen.nu and partiguiden.nu, notisum's page for SFS 2001:453, "
                "public repositories); whether a point keeps the old Act for matters begun "
                "before 2025-07-01 is therefore not encoded. The finding stays a varning, and "
                "for a case whose first event is before 2025-07-01 its message says that the "
                "citation is right if the transitional provisions keep the old Act for it."
            ),
        ),
        Regel(
            id="FINSAM-02",
            titel="Inga händelser efter ärendets avslut",
            allvarlighet=Allvarlighet.VARNING,
            kalla=FORMATET,
            kontroll=_efter_avslut,
            beskrivning=(
                "Inga händelser är daterade efter ärendets första avslut, utom det som hör till "
                "avslutet (avslutsmöte, återkoppling mellan enheter och det regelverket tillåter "
                "efter avslut); ett andra avslut rapporteras."
            ),
            tolkning=(
                "Events dated after the first avslut are reported, except closure "
                "follow-ups: an avslutsmöte, återkoppling between units, and event codes a "
                "rule set lists in tillatet_efter_avslut. A second avslut is reported. "
                "The source is the project's Swedish description of the case format "
                "(shipped as finsam_core/kallor/arendeformat.txt); the English spec, "
                "case-format.md, lists avslut as 'closure of the case'."
            ),
        ),
        Regel(
            id="FINSAM-03",
            titel="Beslut före 2025-07-01 hänvisar inte till den nya socialtjänstlagen",
            allvarlighet=Allvarlighet.VARNING,
            kalla=SOL_2025,
            kontroll=_ny_sol_for_tidigt,
            beskrivning=(
                "Ett beslut daterat före 2025-07-01 som hänvisar till socialtjänstlagen "
                "(2025:400), med SFS-nummer eller som 12:1 / 12:4 utan, ger en varning som anger "
                "motsvarande bestämmelse i socialtjänstlagen (2001:453) där den är känd."
            ),
            tolkning=(
                f"A decision dated before 2025-07-01 whose lagrum is in SoL ({SOL_NY}): "
                "written with that SFS number, or as 12:1 / 12:4 without one (the new Act's "
                "numbering of försörjningsstöd and kompetenshöjande insats). Other SoL "
                "citations without an SFS number are read as the act in force on the "
                "decision's date and never reported. The message names the old provision "
                "where known."
            ),
        ),
        Regel(
            id="FINSAM-04",
            titel="Samtycke vid möten mellan olika huvudmän",
            allvarlighet=Allvarlighet.VARNING,
            kalla=OSL_SAMTYCKE,
            kontroll=_samtycke_vid_mote,
            beskrivning=(
                "Ett möte mellan enheter från olika huvudmän ska omfattas av samtycke för varje "
                "par av enheter från olika huvudmän på mötesdagen, utom par som ett regelverk "
                "bedömer med en egen samtyckesregel."
            ),
            tolkning=(
                "Every mote whose parter (individen left out) include units of two or more "
                "huvudmän: on the meeting's day, for each pair of units of different "
                "huvudmän, a consent in samtycken covers the pair (the spec's coverage "
                "rule). Pairs that a rule set being checked lists in samtycke_bedoms (it "
                "judges them with its own consent rule; '*' stands for any unit) are left to "
                "it. Units of one "
                "huvudman (IFO and AME, both kommun) need no consent here: whether "
                "secrecy applies between a municipality's own units is not judged. The "
                "guideline text of OSL could not be quoted from a stored source, so the "
                "rule cites the core specification (karna.md C7) that fixes it."
            ),
        ),
        gallringsregel(),
    ),
    beskrivning="Regler som gäller i alla modeller: lagändringar, samtycke, ärendets form "
    "och gallring.",
)
"""Core's rule set ``finsam``; the plugin host runs it with every other rule set."""
