"""Rules (`Regel`), rule sets (`Regelverk`) and the context a rule's check works in.

A rule is data plus one check: a stable id, a title, a default severity, its source
(`Kalla`: document, section, the quoted sentence), dated validity, and a ``kontroll`` that
is called with a `Kontext` for one case. The check reports through the context:

- ``ctx.fynd(meddelande, sokvag=…, frist=…)``: the case breaks the rule;
- ``ctx.oppen_frist(meddelande, frist)``: a deadline that has not passed yet (``info``);
- ``ctx.ej_bedomd(vad_saknas)``: the rule could not judge; it never passes silently;
- ``ctx.ej_tillamplig(orsak)``: the rule does not apply to this case;
- ``ctx.fakta(namn, varde)``: a fact it used, shown by `forklara`.

A check that reports nothing has found the rule met.

Versions: one rule id may have several versions with non-overlapping validity. A check
asks ``ctx.galler(dag)`` for the date of the event it judges and skips events outside its
version's validity; the building blocks in `finsam_core.regler.byggstenar` do this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from attrs import evolve, field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.finsamfel import Finsamfel
from finsam_core.model.handelser import Handelse
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import Enhet, Kodkonfliktfel, Kodslag, Kodverk
from finsam_core.regler.fynd import Allvarlighet, Bedomning, Fynd, Kalla

if TYPE_CHECKING:
    from finsam_core.regler.byggstenar import Traff

REGEL_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d{2,3}")
"""Rule ids look like ``SOFINT-07``, ``EDA-12``, ``FINSAM-01``, ``LINDESBERG-SOFINT-01``."""
REGELVERK_ID = re.compile(r"[a-z][a-z0-9_]*")

H = TypeVar("H", bound=Handelse)


class Kontroll(Protocol):
    """The check of a rule: called once per case, reports through the context."""

    def __call__(self, ctx: Kontext, /) -> None: ...


class Regelfel(Finsamfel, ValueError):
    """A rule or rule set is not well formed (a programming error in a plugin)."""


@frozen
class Ursprung:
    """Where a rule or rule set comes from: the plugin (entry point name, or the name a
    caller gave local rules), its distribution and version."""

    plugin: str
    distribution: str
    version: str

    def __str__(self) -> str:
        return f"{self.plugin}, {self.distribution} {self.version}"

    def till_dict(self) -> dict[str, str]:
        return {"plugin": self.plugin, "distribution": self.distribution, "version": self.version}


@frozen
class Regel:
    """One checkable rule of a guideline."""

    id: str
    titel: str
    allvarlighet: Allvarlighet
    kalla: Kalla
    kontroll: Kontroll = field(eq=False, repr=False)
    giltig_fran: date | None = None
    giltig_till: date | None = None
    """Last day this version applies (inclusive); None: until further notice."""
    tolkning: str = ""
    """The reading chosen where the source is vague, in English, for the docs."""
    beskrivning: str = ""
    """What the check does, in Swedish; building blocks describe themselves
    (see `beskrivande`)."""
    regelverk: str | None = field(default=None, eq=False)
    """Set by the plugin host: the id of the rule set the rule belongs to."""
    ursprung: Ursprung | None = field(default=None, eq=False)
    """Set by the plugin host: the plugin that registered the rule."""

    def __attrs_post_init__(self) -> None:
        if not REGEL_ID.fullmatch(self.id):
            raise Regelfel(f"ogiltigt regel-id {self.id!r}: förväntade t.ex. 'SOFINT-07'")
        if not self.titel.strip():
            raise Regelfel(f"regeln {self.id} saknar titel")
        if not isinstance(self.allvarlighet, Allvarlighet):
            raise Regelfel(f"regeln {self.id} har ogiltig allvarlighet {self.allvarlighet!r}")
        if not isinstance(self.kalla, Kalla) or not self.kalla.dokument:
            raise Regelfel(f"regeln {self.id} saknar källa (dokument, avsnitt, citat)")
        # Building blocks check their arguments when made; the rule names itself in the error.
        for fel in getattr(self.kontroll, "fel", ()):
            raise Regelfel(f"regeln {self.id}: {fel}")
        if not callable(self.kontroll):
            raise Regelfel(f"regeln {self.id} saknar en kontroll att köra")
        if self.giltig_fran and self.giltig_till and self.giltig_till < self.giltig_fran:
            raise Regelfel(f"regeln {self.id} slutar gälla innan den börjar gälla")

    def galler(self, dag: date) -> bool:
        """True if this version applies to an event dated *dag*."""
        return (self.giltig_fran is None or self.giltig_fran <= dag) and (
            self.giltig_till is None or dag <= self.giltig_till
        )

    @property
    def beskrivande(self) -> str:
        """The Swedish description: ``beskrivning``, else the building block's own."""
        return self.beskrivning or str(getattr(self.kontroll, "beskrivning", ""))

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """The rule as JSON-ready data (schema ``regel`` of `utdata_schema`). *som_cli*:
        ``kalla`` as the string ``"dokument, avsnitt"`` with ``citat`` beside it."""
        return {
            "id": self.id,
            "titel": self.titel,
            "allvarlighet": self.allvarlighet.value,
            "beskrivning": self.beskrivande,
            "kalla": str(self.kalla) if som_cli else self.kalla.till_dict(),
            **({"citat": self.kalla.citat} if som_cli else {}),
            "tolkning": self.tolkning,
            "giltig_fran": self.giltig_fran.isoformat() if self.giltig_fran else None,
            "giltig_till": self.giltig_till.isoformat() if self.giltig_till else None,
            "regelverk": self.regelverk,
            "ursprung": self.ursprung.till_dict() if self.ursprung else None,
        }


def _overlappar(a: Regel, b: Regel) -> bool:
    a_fran, b_fran = a.giltig_fran or date.min, b.giltig_fran or date.min
    a_till, b_till = a.giltig_till or date.max, b.giltig_till or date.max
    return a_fran <= b_till and b_fran <= a_till


def kontrollera_versioner(regler: Iterable[Regel]) -> None:
    """Raise `Regelfel` if two versions of one rule id overlap in time."""
    per_id: dict[str, list[Regel]] = {}
    for regel in regler:
        for tidigare in per_id.get(regel.id, []):
            if _overlappar(tidigare, regel):
                raise Regelfel(
                    f"två versioner av {regel.id} gäller samtidigt "
                    f"({tidigare.giltig_fran}–{tidigare.giltig_till} och "
                    f"{regel.giltig_fran}–{regel.giltig_till})"
                )
        per_id.setdefault(regel.id, []).append(regel)


def _las_bara_koder(
    koder: Mapping[Kodslag, Mapping[str, str]],
) -> Mapping[Kodslag, Mapping[str, str]]:
    return MappingProxyType({slag: MappingProxyType(dict(lista)) for slag, lista in koder.items()})


@frozen
class Regelverk:
    """A rule set: one regional model's rules with the units and codes it adds."""

    id: str
    namn: str
    agare: str
    """Owner: the samordningsförbund or kommun that decided the guideline."""
    version: str
    regler: tuple[Regel, ...]
    giltig_fran: date | None = None
    giltig_till: date | None = None
    enheter: tuple[Enhet, ...] = ()
    koder: Mapping[Kodslag, Mapping[str, str]] = field(
        factory=dict, converter=_las_bara_koder, eq=False
    )
    handelsetyper: tuple[type[Handelse], ...] = ()
    beskrivning: str = ""
    tillatet_efter_avslut: tuple[str, ...] = ()
    """Event codes (``typ`` or ``mote:motestyp``) that FINSAM-02 accepts after closure."""
    samtycke_bedoms: tuple[tuple[str, str], ...] = ()
    """Pairs of units whose consent at meetings this rule set judges with a rule of its own
    (EDA-05 judges ``socialtjanst``–``ame``); core's FINSAM-04 leaves those pairs to it.
    ``"*"`` stands for any unit: ``("en_vag_in", "*")``, ``("*", "*")``."""
    plugin: str | None = field(default=None, eq=False)
    """Set by the plugin host: the plugin (distribution and version) that registered it."""
    ursprung: Ursprung | None = field(default=None, eq=False)
    """Set by the plugin host: the plugin that registered it, as parts."""

    def __attrs_post_init__(self) -> None:
        if not REGELVERK_ID.fullmatch(self.id):
            raise Regelfel(f"ogiltigt regelverks-id {self.id!r}: förväntade t.ex. 'sofint'")
        for regel in self.regler:
            if not isinstance(regel, Regel):
                raise Regelfel(f"regelverket {self.id} innehåller något som inte är en Regel")
        kontrollera_versioner(self.regler)

    @property
    def regel_id(self) -> tuple[str, ...]:
        """The distinct rule ids, in order."""
        return tuple(dict.fromkeys(r.id for r in self.regler))

    def till_dict(self) -> dict[str, Any]:
        """The rule set as JSON-ready data (schema ``regelverk`` of `utdata_schema`)."""
        return {
            "id": self.id,
            "namn": self.namn,
            "agare": self.agare,
            "version": self.version,
            "beskrivning": self.beskrivning,
            "giltig_fran": self.giltig_fran.isoformat() if self.giltig_fran else None,
            "giltig_till": self.giltig_till.isoformat() if self.giltig_till else None,
            "ursprung": self.ursprung.till_dict() if self.ursprung else None,
            "regler": [r.till_dict() for r in self.regler],
        }

    def utokat(
        self,
        regler: Iterable[Regel] = (),
        enheter: Iterable[Enhet] = (),
        koder: Mapping[Kodslag, Mapping[str, str]] | None = None,
        handelsetyper: Iterable[type[Handelse]] = (),
    ) -> Regelverk:
        """A copy with more rules and codes (a municipality's local additions)."""
        nya_koder = {slag: dict(lista) for slag, lista in self.koder.items()}
        for slag, lista in (koder or {}).items():
            nya_koder.setdefault(slag, {}).update(lista)
        return evolve(
            self,
            regler=(*self.regler, *regler),
            enheter=(*self.enheter, *enheter),
            koder=nya_koder,
            handelsetyper=(*self.handelsetyper, *handelsetyper),
        )


def giltighet(regel: Regel, regelverk: Regelverk) -> tuple[date | None, date | None]:
    """The first and last day both *regel* and *regelverk* apply (None: no limit).

    >>> from datetime import date
    >>> from finsam_core.regler.karnregler import KARNREGELVERK
    >>> regel = evolve(KARNREGELVERK.regler[0], giltig_fran=date(2025, 7, 1))
    >>> giltighet(regel, evolve(KARNREGELVERK, giltig_till=date(2030, 12, 31)))
    (datetime.date(2025, 7, 1), datetime.date(2030, 12, 31))
    """
    franor = [d for d in (regel.giltig_fran, regelverk.giltig_fran) if d is not None]
    tillar = [d for d in (regel.giltig_till, regelverk.giltig_till) if d is not None]
    return (max(franor) if franor else None, min(tillar) if tillar else None)


_ALLA = object()  # marks that the one-pass grouping has run, even for a case without events


_KODVERK_FOR: dict[tuple[int, ...], tuple[tuple[Regelverk, ...], Kodverk]] = {}


def kodverk_for(regelverk: tuple[Regelverk, ...]) -> Kodverk:
    """Core's code lists (`KARNKODVERK`) extended with the units and codes of *regelverk*:
    the names a rule uses when the caller gives no plugin host's `Kodverk`. A code two rule
    sets define differently keeps the first meaning (the host refuses such a pair on load)."""
    nyckel = tuple(id(rv) for rv in regelverk)
    sparat = _KODVERK_FOR.get(nyckel)
    if sparat is not None and all(a is b for a, b in zip(sparat[0], regelverk, strict=True)):
        return sparat[1]
    kodverk = KARNKODVERK
    for rv in regelverk:
        try:
            kodverk = kodverk.utokad(enheter=rv.enheter, koder=rv.koder)
        except Kodkonfliktfel:
            continue
    if len(_KODVERK_FOR) > 64:
        _KODVERK_FOR.clear()
    _KODVERK_FOR[nyckel] = (regelverk, kodverk)
    return kodverk


class Arendevy:
    """One case prepared for the rules: events in date order, per type, computed once."""

    __slots__ = ("_per_typ", "arende", "kodverk", "minne", "regelverk", "tidslinje")

    def __init__(
        self,
        arende: Arende,
        regelverk: tuple[Regelverk, ...] = (),
        kodverk: Kodverk | None = None,
    ) -> None:
        self.arende = arende
        self.regelverk = regelverk
        """The rule sets the case is checked against (core's rules read what the others
        declare, e.g. `Regelverk.samtycke_bedoms`)."""
        self.kodverk = kodverk if kodverk is not None else kodverk_for(regelverk)
        """The code lists that name codes in messages (`Kontext.namn`): the plugin host's
        merged lists, or core's extended with *regelverk*'s."""
        self.tidslinje = arende.tidslinje()
        self._per_typ: dict[Any, list[tuple[int, Any]]] = {}
        self.minne: dict[Any, Any] = {}
        """What selectors found in this case, by selector (see `byggstenar.Val`)."""

    def av_typ(self, typ: type[H]) -> list[tuple[int, H]]:
        """The events of *typ* (or a subclass) in date order, with their index in ``handelser``."""
        per_typ = self._per_typ
        if not per_typ:
            # One pass files every event under its class and each base class, in date order.
            per_typ[_ALLA] = []
            for par in self.tidslinje:
                for klass in type(par[1]).__mro__:
                    if klass is object:
                        break
                    lista = per_typ.get(klass)
                    if lista is None:
                        per_typ[klass] = [par]
                    else:
                        lista.append(par)
        return per_typ.get(typ, [])


class Kontext:
    """What a rule's check sees of one case, and where it reports (see the module doc)."""

    __slots__ = (
        "_bedomda", "_ej_tillamplig", "_fakta", "_fynd", "_granser", "_regelverk", "_sparar",
        "_utanfor", "datum", "regel", "vy",
    )  # fmt: skip

    def __init__(
        self, vy: Arendevy, regel: Regel, regelverk: Regelverk, datum: date, sparar: bool
    ) -> None:
        self.vy = vy
        self.regel = regel
        self.datum = datum
        """The validation date: deadlines not passed on it are ``info``, not ``fel``."""
        self._regelverk = regelverk
        self._sparar = sparar
        self._fynd: list[Fynd] = []
        self._fakta: list[tuple[str, object]] = []
        self._ej_tillamplig: str | None = None
        self._bedomda = 0
        self._utanfor = 0
        self._granser: tuple[date | None, date | None] | None = None
        """`giltighet` of the rule and its rule set, once worked out (the engine gives it)."""

    def _nasta_regel(
        self, regel: Regel, regelverk: Regelverk, granser: tuple[date | None, date | None]
    ) -> None:
        # `validera` runs every rule of a case in one context: each rule starts from what a
        # new `Kontext` would hold (nothing reported, no facts, nothing judged).
        self.regel = regel
        self._regelverk = regelverk
        self._granser = granser
        if self._fynd:
            self._fynd = []
        if self._fakta:
            self._fakta = []
        self._ej_tillamplig = None
        self._bedomda = 0
        self._utanfor = 0

    @property
    def arende(self) -> Arende:
        return self.vy.arende

    @property
    def regelverk(self) -> Regelverk:
        return self._regelverk

    def galler(self, dag: date) -> bool:
        """True if this rule version (and its rule set) applies to an event dated *dag*."""
        granser = self._granser
        if granser is None:
            granser = self._granser = giltighet(self.regel, self._regelverk)
        fran, till = granser
        ok = (fran is None or fran <= dag) and (till is None or dag <= till)
        if ok:
            self._bedomda += 1
        else:
            self._utanfor += 1
        return ok

    def fynd(
        self,
        meddelande: str,
        *,
        sokvag: str | None = None,
        frist: date | None = None,
        allvarlighet: Allvarlighet | None = None,
    ) -> None:
        """Report that the case breaks the rule (severity: the rule's, unless given)."""
        regel = self.regel
        self._fynd.append(
            Fynd(
                regel.id,
                allvarlighet or regel.allvarlighet,
                meddelande,
                regel.kalla,
                sokvag,
                frist,
                Bedomning.BROTT,
                regel.titel,
            )
        )

    def oppen_frist(self, meddelande: str, frist: date, *, sokvag: str | None = None) -> None:
        """Report a deadline that has not passed on the validation date (``info``)."""
        self.fynd(meddelande, sokvag=sokvag, frist=frist, allvarlighet=Allvarlighet.INFO)

    def saknas(self, sista: date, *, oppen: str, passerad: str, sokvag: str | None = None) -> None:
        """Something required by *sista* has not happened: an open deadline (``info``,
        message *oppen*) until that day, a finding (message *passerad*) once it has passed."""
        if self.datum <= sista:
            self.oppen_frist(oppen, sista, sokvag=sokvag)
        else:
            self.fynd(passerad, sokvag=sokvag, frist=sista)

    def ej_bedomd(self, vad_saknas: str, *, sokvag: str | None = None) -> None:
        """Report that the rule could not judge the case, and what is missing."""
        self._fynd.append(
            Fynd(
                regel=self.regel.id,
                allvarlighet=Allvarlighet.INFO,
                meddelande=f"kunde inte bedömas: {vad_saknas}",
                kalla=self.regel.kalla,
                sokvag=sokvag,
                bedomning=Bedomning.EJ_BEDOMD,
                titel=self.regel.titel,
            )
        )

    def ej_tillamplig(self, orsak: str) -> None:
        """Mark the rule as not applying to this case (for the trace)."""
        self._ej_tillamplig = orsak

    @property
    def forklarar(self) -> bool:
        """True when the facts are kept (`forklara`); `validera` drops them.

        A check whose fact costs something to build (a text from several values) asks
        first, so that validation does not pay for what only the trace shows::

            if ctx.forklarar:
                ctx.fakta("kontakter", ", ".join(har) or "inga")
        """
        return self._sparar

    def namn(self, kod: str, slag: Kodslag | None = None) -> str:
        """How a message names *kod*: its display name from the code lists, in the form it
        takes inside a sentence (``ame`` → ``Arbetsmarknadsenhet (AME/AMA)``,
        ``samverkansmote`` → ``samverkansmöte``); *kod* itself if no list has it. Without
        *slag* units are tried first, then every code list (see `Kodverk.namn`)."""
        return self.vy.kodverk.namn(kod, slag, i_mening=True)

    def namnlista(self, koder: Iterable[str], slag: Kodslag | None = None) -> str:
        """The names of *koder* (as `namn`), separated by commas."""
        return self.vy.kodverk.namnlista(koder, slag)

    def beskriv(self, traff: Traff) -> str:
        """A `byggstenar.Traff` as a message says it: what it is by name, and its date
        (``samverkansmöte 2025-03-10``, where ``Traff.beskrivning`` has the code)."""
        return f"{self.vy.kodverk.namn(traff.namn, i_mening=True)} {traff.datum}"

    def fakta(self, namn: str, varde: object) -> None:
        """Record a fact the rule used (dates, counts, which consent), for `forklara`."""
        if self._sparar:
            self._fakta.append((namn, varde))
