"""Declarative building blocks for the rule patterns that repeat in the guidelines.

- `frist_efter`: "svar inom två veckor", "senast inom 3 v", "två arbetsdagar": something
  must follow an event within a period. Met, late (by how many days), missing after the
  due date, or still open on the validation date (``info`` with ``frist``).
- `fore`: "beslut ska ha fattats innan samverkansmötet": one thing on or before another.
- `alder_mellan`, `folkbokford_i`, `kontakt_med_minst`, `utan_omstandigheter`:
  eligibility at a date.
- `samtycke_mellan`: a consent covering an exchange between two units on a date.

They work on *selectors* (`Val`): named ways to find dated things in a case (events of a
type, meetings of a type, plans, insatser, assessments), each found thing a `Traff` with
its date and path. A block returns a `Kontroll` to put in a `Regel`; its ``beskrivning``
says in Swedish what it checks, for the docs.

>>> from finsam_core.model.handelser import Aterkoppling, Remiss
>>> from finsam_core.regler.kalender import veckor
>>> svar = frist_efter(handelser(Remiss).forsta(), handelser(Aterkoppling), veckor(2),
...                    vad="svar till remittenten")
>>> svar.beskrivning
'svar till remittenten inom 2 veckor efter första remiss'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

from attrs import frozen

from finsam_core.model.handelser import Avslut, Handelse, Mote
from finsam_core.model.insats import Insats
from finsam_core.model.kartlaggning import Kartlaggning
from finsam_core.model.koder import Kodslag
from finsam_core.model.plan import Plan
from finsam_core.regler.kalender import Tidsfrist, antal_dagar
from finsam_core.regler.regel import Arendevy, Kontext

H = TypeVar("H", bound=Handelse)


class Traff(NamedTuple):
    """One dated thing a selector found: its date, its path in the case, and the thing."""

    datum: date
    sokvag: str
    namn: str
    objekt: Any

    @property
    def beskrivning(self) -> str:
        """What it is and when, for messages: ``remiss 2025-01-27``."""
        return f"{self.namn} {self.datum}"

    def falt(self, namn: str) -> str:
        """The path of one of its fields, for a finding: ``handelser[3].lagrum``."""
        return f"{self.sokvag}.{namn}"


_traff = partial(tuple.__new__, Traff)
"""``_traff((datum, sokvag, namn, objekt))`` is ``Traff(datum, sokvag, namn, objekt)``
without NamedTuple's ``__new__`` in Python: selectors make thousands for every case."""

_DATUM = attrgetter("datum")
"""Sort key: the date of a `Traff` (ties keep their order)."""


@frozen(eq=False)
class Val:
    """A named way to find dated things in a case, in date order.

    What a selector finds is computed once per case and shared by every rule that asks
    (`Arendevy.minne`): rule sets ask for the same few things many times. Selectors compare
    by identity, so a module-level selector is one cache entry.
    """

    beskrivning: str
    hitta: Callable[[Arendevy], list[Traff]]

    def __call__(self, vy: Arendevy) -> list[Traff]:
        traffar = vy.minne.get(self)
        if traffar is None:
            traffar = vy.minne[self] = self.hitta(vy)
        return traffar

    def forsta(self) -> Val:
        """Only the earliest of what this selector finds (from the same per-case cache)."""
        return Val(f"första {self.beskrivning}", lambda vy: self(vy)[:1])


_HANDELSEVAGAR = [f"handelser[{i}]" for i in range(64)]
"""``handelser[i]``: the paths of a case's first events, built once per process."""


def handelser(
    typ: type[H],
    villkor: Callable[[H, Arendevy], bool] | None = None,
    *,
    beskrivning: str | None = None,
) -> Val:
    """Events of *typ* (optionally only those meeting *villkor*), in date order."""
    namn = beskrivning or typ.typ

    def hitta(vy: Arendevy) -> list[Traff]:
        return [
            _traff((h.datum, _HANDELSEVAGAR[i] if i < 64 else f"handelser[{i}]", namn, h))
            for i, h in vy.av_typ(typ)
            if villkor is None or villkor(h, vy)
        ]

    return Val(namn, hitta)


def eller(*val: Val, beskrivning: str | None = None) -> Val:
    """Everything any of the selectors finds, in date order (ties keep argument order).

    >>> from finsam_core.model.handelser import Aterkoppling
    >>> eller(handelser(Aterkoppling), moten("trepartssamtal")).beskrivning
    'aterkoppling eller trepartssamtal'
    """
    namn = beskrivning or " eller ".join(v.beskrivning for v in val)

    def hitta(vy: Arendevy) -> list[Traff]:
        return sorted((t for v in val for t in v(vy)), key=_DATUM)

    return Val(namn, hitta)


def moten(
    motestyp: str,
    villkor: Callable[[Mote, Arendevy], bool] | None = None,
    *,
    beskrivning: str | None = None,
) -> Val:
    """Meetings of *motestyp* (optionally only those meeting *villkor*)."""

    def ar_ratt(mote: Mote, vy: Arendevy) -> bool:
        return mote.motestyp == motestyp and (villkor is None or villkor(mote, vy))

    return handelser(Mote, ar_ratt, beskrivning=beskrivning or motestyp)


def _lista(
    falt: str, namn: str, datum: Callable[[Any], date], villkor: Callable[[Any], bool] | None
) -> Val:
    def hitta(vy: Arendevy) -> list[Traff]:
        traffar = [
            _traff((datum(x), f"{falt}[{i}]", namn, x))
            for i, x in enumerate(getattr(vy.arende, falt))
            if villkor is None or villkor(x)
        ]
        return sorted(traffar, key=_DATUM)

    return Val(namn, hitta)


def planer(typ: str | None = None, villkor: Callable[[Plan], bool] | None = None) -> Val:
    """Plans (of one type), dated by ``datum``."""
    return _lista(
        "planer",
        typ or "plan",
        lambda p: p.datum,
        lambda p: (typ is None or p.typ == typ) and (villkor is None or villkor(p)),
    )


def insatser(
    villkor: Callable[[Insats], bool] | None = None, *, beskrivning: str = "insats"
) -> Val:
    """Interventions, dated by their ``start``."""
    return _lista("insatser", beskrivning, lambda x: x.start, villkor)


def kartlaggningar(
    villkor: Callable[[Kartlaggning], bool] | None = None, *, beskrivning: str = "kartläggning"
) -> Val:
    """Assessments, dated by the day they were completed (``datum``)."""
    return _lista("kartlaggningar", beskrivning, lambda k: k.datum, villkor)


@frozen
class _Block:
    beskrivning: str
    kontroll: Callable[[Kontext], None]
    fel: tuple[str, ...] = ()
    """Mistakes in the block's arguments; `Regel` raises them with its id when built."""

    def __call__(self, ctx: Kontext, /) -> None:
        self.kontroll(ctx)


def frist_efter(
    start: Val,
    klart: Val | Callable[[Traff], Val],
    frist: Tidsfrist,
    *,
    vad: str,
    utan_start: str | None = None,
) -> _Block:
    """Something (*klart*) must happen within *frist* of each *start*.

    *klart* may depend on the start (a function from its `Traff` to a `Val`), e.g. "an
    answer to the remittent of this referral". Only things dated on or after the start
    count. Without a start the rule does not apply, or, if *utan_start* is given, it could
    not be judged and *utan_start* says what is missing.
    """

    def kontroll(ctx: Kontext) -> None:
        starter = start(ctx.vy)
        if not starter:
            if utan_start:
                ctx.ej_bedomd(utan_start)
            else:
                ctx.ej_tillamplig(f"ingen {start.beskrivning}")
            return
        for s in starter:
            if not ctx.galler(s.datum):
                continue
            sista = frist.sista_dag(s.datum)
            if ctx.forklarar:
                ctx.fakta(f"{s.beskrivning}: frist", sista)
            val = klart(s) if not isinstance(klart, Val) else klart
            svar = next((t for t in val(ctx.vy) if t.datum >= s.datum), None)
            if svar is not None and svar.datum <= sista:
                if ctx.forklarar:
                    ctx.fakta(f"{vad}", svar.beskrivning)
            elif svar is not None:
                ctx.fynd(
                    f"{vad} kom {svar.datum}, {frist.forsening(sista, svar.datum)} efter "
                    f"fristen {sista} ({frist} från {ctx.beskriv(s)})",
                    sokvag=svar.sokvag,
                    frist=sista,
                )
            else:
                ctx.saknas(
                    sista,
                    oppen=f"{vad} ska ske senast {sista} ({frist} från {ctx.beskriv(s)})",
                    passerad=f"{vad} saknas; fristen gick ut {sista} ({frist} från "
                    f"{ctx.beskriv(s)})",
                    sokvag=s.sokvag,
                )

    beskrivning_klart = f"{vad} inom {frist} efter {start.beskrivning}"
    return _Block(beskrivning_klart, kontroll, _argumentfel("frist_efter", frist=frist, vad=vad))


def _argumentfel(block: str, **argument: Any) -> tuple[str, ...]:
    """Type mistakes in a building block's arguments, as Swedish sentences."""
    fel = []
    for namn, varde in argument.items():
        if isinstance(varde, Tidsfrist):
            if varde.problem is not None:
                fel.append(f"{block}: {namn}={varde.problem}")
        elif namn in ("vad",) and not isinstance(varde, str):
            fel.append(f"{block}: {namn} ska vara en text, fick {varde!r}")
        elif namn in ("lagst", "hogst", "antal") and (
            isinstance(varde, bool) or not isinstance(varde, int)
        ):
            fel.append(f"{block}: {namn} ska vara ett heltal, fick {varde!r}")
    return tuple(fel)


def ankare_for(ctx: Kontext, val: Val, *, saknas: str) -> Traff | None:
    """The first thing *val* finds, if this rule version applies on its date.

    Without any, the rule does not apply (*saknas* says why, for the trace); on a date the
    version does not cover, the rule stays silent. Either way None.
    """
    traffar = val(ctx.vy)
    if not traffar:
        ctx.ej_tillamplig(saknas)
        return None
    forsta = traffar[0]
    return forsta if ctx.galler(forsta.datum) else None


def varje(ctx: Kontext, val: Val, *, saknas: str) -> list[Traff]:
    """Everything *val* finds whose date this rule version covers, in date order.

    The loop most checks begin with: "for each decision under 4:4 …". When *val* finds
    nothing the rule does not apply (*saknas* says why, for the trace); what lies outside
    the version's validity is skipped silently, as another version judges it.
    """
    traffar = val(ctx.vy)
    if not traffar:
        ctx.ej_tillamplig(saknas)
        return []
    return [t for t in traffar if ctx.galler(t.datum)]


def forsta(ctx: Kontext, val: Val) -> Traff | None:
    """The first thing *val* finds in the case, or None (no validity check: for facts such
    as "who referred the person", not for the thing a rule judges)."""
    traffar = val(ctx.vy)
    return traffar[0] if traffar else None


def avslutas_senast(ctx: Kontext, grans: date, *, grund: str, sokvag: str | None) -> None:
    """Report whether the case is closed on or before *grans* (for a check's own use).

    Closed later: the rule's severity, with how many days late. Still open after *grans*:
    the same. Open before: an open deadline. *grund* says where the limit comes from
    ("ett år från inskrivning 2025-02-10"); *sokvag* points at what set the limit.
    """
    avslut = ctx.vy.av_typ(Avslut)
    if avslut:
        index, forsta = avslut[0]
        if forsta.datum > grans:
            ctx.fynd(
                f"avslut {forsta.datum} kom {antal_dagar((forsta.datum - grans).days)} efter sista "
                f"dagen {grans} ({grund})",
                sokvag=f"handelser[{index}]",
                frist=grans,
            )
    elif ctx.datum > grans:
        ctx.fynd(
            f"ärendet är fortfarande öppet {antal_dagar((ctx.datum - grans).days)} efter sista "
            f"dagen {grans} ({grund})",
            sokvag=sokvag,
            frist=grans,
        )
    else:
        ctx.oppen_frist(f"ärendet ska avslutas senast {grans} ({grund})", grans, sokvag=sokvag)


def fore(
    forst: Val,
    sedan: Val,
    *,
    samma_dag: bool = True,
    vad: str | None = None,
) -> _Block:
    """Something (*forst*) must exist on (or, without *samma_dag*, strictly) before the
    first *sedan*. Without a *sedan* the rule does not apply."""
    namn = vad or forst.beskrivning
    relation = "senast samma dag som" if samma_dag else "före"

    def kontroll(ctx: Kontext) -> None:
        a = ankare_for(ctx, sedan, saknas=f"ingen {sedan.beskrivning}")
        if a is None:
            return
        kandidater = forst(ctx.vy)
        tidiga = [t for t in kandidater if t.datum < a.datum or (samma_dag and t.datum == a.datum)]
        if tidiga:
            if ctx.forklarar:
                ctx.fakta(namn, tidiga[0].beskrivning)
            return
        if kandidater:
            ctx.fynd(
                f"{ctx.namn(namn)} ska finnas {relation} {ctx.beskriv(a)}, men första är från "
                f"{kandidater[0].datum}",
                sokvag=kandidater[0].sokvag,
            )
        else:
            ctx.fynd(f"{ctx.namn(namn)} saknas {relation} {ctx.beskriv(a)}", sokvag=a.sokvag)

    forsta_sedan = sedan.beskrivning
    if not forsta_sedan.startswith("första "):
        forsta_sedan = f"första {forsta_sedan}"
    return _Block(f"{namn} {relation} {forsta_sedan}", kontroll)


def alder_mellan(lagst: int, hogst: int, vid: Val, *, reserv: Val | None = None) -> _Block:
    """The person is *lagst*–*hogst* years old (both included) on the date of *vid*'s
    first hit (or *reserv*'s, if *vid* finds nothing)."""

    def kontroll(ctx: Kontext) -> None:
        ankare = vid(ctx.vy) or (reserv(ctx.vy) if reserv else [])
        if not ankare:
            namn = ctx.namn(vid.beskrivning) + (
                f" eller {ctx.namn(reserv.beskrivning)}" if reserv else ""
            )
            ctx.ej_bedomd(f"ålder bedöms vid {namn}, som saknas")
            return
        a = ankare[0]
        if not ctx.galler(a.datum):
            return
        alder = ctx.arende.individ.alder(a.datum)
        if alder is None:
            ctx.ej_bedomd(
                "födelsedatum saknas (ange personnummer eller fodelsedatum)", sokvag="individ"
            )
            return
        if ctx.forklarar:
            ctx.fakta("ålder", f"{alder} år vid {a.beskrivning}")
        if not lagst <= alder <= hogst:
            ctx.fynd(
                f"personen är {alder} år vid {ctx.beskriv(a)}; målgruppen är {lagst}–{hogst} år",
                sokvag="individ",
            )

    return _Block(
        f"ålder {lagst}–{hogst} år vid {vid.beskrivning}",
        kontroll,
        _argumentfel("alder_mellan", lagst=lagst, hogst=hogst),
    )


ARENDETS_START = Val(
    "ärendets första händelse",
    lambda vy: [Traff(h.datum, f"handelser[{i}]", h.typ, h) for i, h in vy.tidslinje[:1]],
)
"""The case's earliest event: where eligibility is judged when a rule names no anchor."""


def bedoms_vid(ctx: Kontext, vid: Val = ARENDETS_START) -> bool:
    """Whether a rule judges this case: only if its version (and its rule set) covers the
    date of *vid*'s first hit (or, without one, of the case's first event). A case with no
    dated event at all is judged: eligibility needs no date, and silence would hide a breach.

    The eligibility blocks begin with it; a check of a rule set with ``giltig_fran`` that
    judges the whole case at one anchor (the day the person entered, say) does the same:
    ``if not bedoms_vid(ctx, INTRADE): return``.
    """
    ankare = vid(ctx.vy) or ARENDETS_START(ctx.vy)
    if not ankare:
        return True
    if ctx.forklarar:
        ctx.fakta("bedöms vid", ankare[0].beskrivning)
    return ctx.galler(ankare[0].datum)


def folkbokford_i(kommuner: Iterable[str], *, vid: Val = ARENDETS_START) -> _Block:
    """The person's folkbokföringskommun is one of *kommuner* (names), judged for a case
    whose anchor *vid* (default: its first event) lies inside the rule's validity."""
    tillatna = tuple(kommuner)

    def kontroll(ctx: Kontext) -> None:
        if not bedoms_vid(ctx, vid):
            return
        kommun = ctx.arende.individ.kommun
        ctx.fakta("kommun", kommun.namn)
        if kommun.namn not in tillatna:
            ctx.fynd(
                f"personen är folkbokförd i {kommun.namn}, inte i {_eller(tillatna)}",
                sokvag="individ.kommun",
            )

    return _Block(f"folkbokförd i {_eller(tillatna)}", kontroll)


def kontakt_med_minst(antal: int, enheter: Iterable[str], *, vid: Val = ARENDETS_START) -> _Block:
    """The person has contact with at least *antal* of *enheter* when referred (judged as
    `folkbokford_i` is, at the anchor *vid*)."""
    mojliga = tuple(enheter)

    def kontroll(ctx: Kontext) -> None:
        if not bedoms_vid(ctx, vid):
            return
        har = [e for e in mojliga if e in ctx.arende.individ.kontakter]
        if ctx.forklarar:
            ctx.fakta("kontakter", ", ".join(har) or "inga")
        if len(har) < antal:
            ctx.fynd(
                f"personen har kontakt med {len(har)} av {ctx.namnlista(mojliga)} "
                f"({ctx.namnlista(har) or 'ingen'}); minst {antal} krävs",
                sokvag="individ.kontakter",
            )

    return _Block(
        f"kontakt med minst {antal} av {', '.join(mojliga)}",
        kontroll,
        _argumentfel("kontakt_med_minst", antal=antal),
    )


def utan_omstandigheter(omstandigheter: Iterable[str], *, vid: Val = ARENDETS_START) -> _Block:
    """None of *omstandigheter* applies to the person (judged at the anchor *vid*, as
    `folkbokford_i` is)."""
    uteslutna = tuple(omstandigheter)

    def kontroll(ctx: Kontext) -> None:
        if not bedoms_vid(ctx, vid):
            return
        for i, kod in enumerate(ctx.arende.individ.omstandigheter):
            if kod in uteslutna:
                ctx.fynd(
                    f"omständigheten {ctx.namn(kod, Kodslag.OMSTANDIGHET)} utesluter insatsen",
                    sokvag=f"individ.omstandigheter[{i}]",
                )

    return _Block(f"ingen av {', '.join(uteslutna)}", kontroll)


def samtycke_mellan(enhet_a: str, enhet_b: str, vid: Val) -> _Block:
    """A consent covers an exchange between the two units on the date of *vid*'s first hit."""

    def kontroll(ctx: Kontext) -> None:
        a = ankare_for(ctx, vid, saknas=f"ingen {vid.beskrivning}")
        if a is None:
            return
        for i, samtycke in enumerate(ctx.arende.samtycken):
            if samtycke.tacker(enhet_a, enhet_b, a.datum):
                if ctx.forklarar:
                    ctx.fakta("samtycke", f"samtycken[{i}] från {samtycke.datum}")
                return
        ctx.fynd(
            f"inget samtycke omfattar utbyte mellan {ctx.namn(enhet_a)} och {ctx.namn(enhet_b)} "
            f"vid {ctx.beskriv(a)}",
            sokvag=a.sokvag,
        )

    return _Block(f"samtycke mellan {enhet_a} och {enhet_b} vid {vid.beskrivning}", kontroll)


def _eller(namn: tuple[str, ...]) -> str:
    return namn[0] if len(namn) == 1 else f"{', '.join(namn[:-1])} eller {namn[-1]}"
