"""Core's own rules, which run with every rule set (registered like any plugin's).

- FINSAM-01 (varning): a decision dated on or after 2025-07-01 that cites the repealed
  socialtjänstlagen (2001:453); the message names the new provision.
- FINSAM-02 (varning): events dated after the case's closure. Closure follow-ups (a
  closing meeting, feedback between units, and what a rule set declares in
  ``Regelverk.tillatet_efter_avslut``) are expected after the closure and not reported.
"""

from __future__ import annotations

from finsam_core.model.handelser import Aterkoppling, Avslut, Beslut, Mote
from finsam_core.model.lagrum import SOL_NY_FRAN
from finsam_core.regler.fynd import Allvarlighet, Dokument, Kalla
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

FORVANTAT_EFTER_AVSLUT = ("mote:avslutsmote", "aterkoppling")
"""What follows a closure in every model: a closing meeting, feedback to the remittent."""


def _upphavd_sol(ctx: Kontext) -> None:
    beslut = ctx.vy.av_typ(Beslut)
    if not beslut:
        ctx.ej_tillamplig("inga beslut")
        return
    for index, b in beslut:
        if not ctx.galler(b.datum):
            continue
        if b.lagrum.upphavd_vid(b.datum):
            ny = b.lagrum.motsvarighet()
            namn = f"; ange {ny}" if ny else "; ange bestämmelsen i socialtjänstlagen (2025:400)"
            ctx.fynd(
                f"beslutet {b.datum} hänvisar till {b.lagrum}, som upphävdes {SOL_NY_FRAN}{namn}",
                sokvag=f"handelser[{index}].lagrum",
            )


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
    tillatna = {*FORVANTAT_EFTER_AVSLUT, *ctx.regelverk.tillatet_efter_avslut}
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
                "socialtjänstlagen (2025:400) där den är känd."
            ),
            tolkning=(
                "A decision dated on or after 2025-07-01 whose lagrum is in SoL (2001:453) "
                "(written with that SFS number, or as 4:1 / 4:4 without one) is reported; "
                "the message names the corresponding provision of SoL (2025:400) where known."
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
    ),
    beskrivning="Regler som gäller i alla modeller: lagändringar och ärendets form.",
)
"""Core's rule set ``finsam``; the plugin host runs it with every other rule set."""
