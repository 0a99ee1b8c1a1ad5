"""The fast path from parsed data to the model: one plain function per attrs class.

cattrs structures a case by calling a hook per value through its dispatch; on a batch of
valid cases that cost four times the JSON parsing. Here each attrs class gets one
function, written once from its fields (as cattrs writes its own), that reads the dict
with the checks inline: ``v.__class__ is str and v in koder`` for a code, a dict of the
days already seen for a date, one set comparison for a list of codes.

The fast path only ever accepts or gives up. It accepts exactly what the detailed cattrs
path accepts and builds an equal object (the property test in ``tests/test_rundresa.py``
holds the two against each other on mutated cases); anything else raises, and
`Konverterare.tolka` then runs the detailed path, whose messages are the only ones a user
sees. A field of a type this module does not know (a plugin's own) is read by the
fast cattrs converter's hook for that class instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, get_args

import attrs

from finsam_core.model.handelser import Handelse, Manad
from finsam_core.model.kartlaggning import Inriktning
from finsam_core.model.koder import INDIVIDEN, KODSLAG_FOR_TYP, Avsandare, Enhetskod, Kodverk
from finsam_core.model.kommuner import Kommun
from finsam_core.model.lagrum import Lagrum

Hook = Callable[[object, object], Any]
"""A cattrs structure hook: (value, type) -> structured value, raising on bad input."""

Bygge = Callable[[object], Any]
"""A fast-path function: parsed value -> model value, raising `Avvisad` (or any other
exception) where the detailed path must decide."""

STORSTA_HELTAL = 1_000_000
"""The largest int the case format takes (counts, 1-5): the detailed hook's bound."""

_STORSTA_MINNE = 50_000
"""Most texts remembered per kind of value (dates, municipalities …): a batch repeats the
same few thousand days and a few hundred municipalities."""


class Avvisad(Exception):
    """The fast path does not take this value; the detailed path says why."""


class _Okand(Exception):
    """A field type the generator does not know: that class is read by cattrs instead."""


def _ar_tuple(typ: Any) -> bool:
    return getattr(typ, "__origin__", None) is tuple


def _valfri_inre(typ: Any) -> Any | None:
    argument = get_args(typ)
    if len(argument) == 2 and type(None) in argument and not _ar_tuple(typ):
        return next(t for t in argument if t is not type(None))
    return None


def _med_minne(hook: Hook, typ: object) -> tuple[dict[str, Any], Bygge]:
    """A memo of texts *hook* has accepted, and the call that fills it (a miss or a
    non-text value goes to *hook*, which raises for bad input)."""
    minne: dict[str, Any] = {}

    def las(varde: object) -> Any:
        resultat = hook(varde, typ)
        if varde.__class__ is str and len(minne) < _STORSTA_MINNE:
            minne[varde] = resultat
        return resultat

    return minne, las


class Snabbvag:
    """The generated functions for one `Kodverk`, built on first use.

    *hookar* are the detailed converter's hooks for the scalar types (what a value of
    each must be); *cattrs_hook* gives the fast cattrs converter's hook for a class this
    module cannot write a function for.
    """

    def __init__(
        self,
        kodverk: Kodverk,
        hookar: Mapping[object, Hook],
        cattrs_hook: Callable[[type], Hook],
    ) -> None:
        self._kodverk = kodverk
        self._hookar = hookar
        self._cattrs_hook = cattrs_hook
        self._namn: dict[str, object] = {"Avvisad": Avvisad}
        self._funktioner: dict[object, Bygge] = {}
        self._minnen: dict[object, tuple[dict[str, Any], Bygge]] = {}
        self._kodmangder: dict[object, frozenset[str] | None] = {}
        self._per_handelsetyp = _PerHandelsetyp(self, kodverk.handelsetyper)

    # -- what the generated source refers to -------------------------------------------

    def _konstant(self, varde: object, prefix: str) -> str:
        for namn, befintlig in self._namn.items():
            if befintlig is varde and namn.startswith(prefix):
                return namn
        namn = f"{prefix}{len(self._namn)}"
        self._namn[namn] = varde
        return namn

    def _koder(self, typ: object) -> frozenset[str] | None:
        """The codes a value of *typ* may take, or None if *typ* is not a code."""
        if typ not in self._kodmangder:
            if typ is Enhetskod:
                koder: frozenset[str] | None = frozenset(self._kodverk.enheter)
            elif typ is Avsandare:
                koder = frozenset({*self._kodverk.enheter, INDIVIDEN})
            else:
                slag = KODSLAG_FOR_TYP.get(typ)
                koder = None if slag is None else frozenset(self._kodverk.lista(slag))
            self._kodmangder[typ] = koder
        return self._kodmangder[typ]

    def _minne(self, typ: object) -> tuple[dict[str, Any], Bygge]:
        if typ not in self._minnen:
            self._minnen[typ] = _med_minne(self._hookar[typ], typ)
        return self._minnen[typ]

    # -- source for one value ----------------------------------------------------------

    def _varde(self, typ: Any, mal: str) -> list[str]:
        """Lines that check the value in ``v`` as *typ* and assign it to *mal*."""
        if typ is str or typ is bool:
            return [f"if v.__class__ is not {typ.__name__}:", "    raise Avvisad", f"{mal} = v"]
        if typ is int:
            # The detailed hook's bounds: a huge number is an input error.
            return [
                f"if v.__class__ is not int or not -{STORSTA_HELTAL} <= v <= {STORSTA_HELTAL}:",
                "    raise Avvisad",
                f"{mal} = v",
            ]
        koder = self._koder(typ)
        if koder is not None:
            k = self._konstant(koder, "KODER")
            return [
                f"if v.__class__ is not str or v not in {k}:",
                "    raise Avvisad",
                f"{mal} = v",
            ]
        if typ is Inriktning:
            tabell = self._konstant({n.value: n for n in Inriktning}, "INRIKTNING")
            return ["if v.__class__ is not int:", "    raise Avvisad", f"{mal} = {tabell}[v]"]
        if typ in _MED_MINNE:
            minne, las = self._minne(typ)
            m, f = self._konstant(minne, "MINNE"), self._konstant(las, "LAS")
            return [
                f"{mal} = {m}.get(v) if v.__class__ is str else None",
                f"if {mal} is None:",
                f"    {mal} = {f}(v)",
            ]
        if typ in self._hookar:  # Personnummer, Besked: the detailed hook itself
            return [f"{mal} = {self._konstant(self._hookar[typ], 'HOOK')}(v, None)"]
        inre = _valfri_inre(typ)
        if inre is not None:
            return [
                "if v is None:",
                f"    {mal} = None",
                "else:",
                *(f"    {rad}" for rad in self._varde(inre, mal)),
            ]
        if _ar_tuple(typ):
            return self._lista(get_args(typ)[0], mal)
        return [f"{mal} = {self._konstant(self.funktion(typ), 'BYGG')}(v)"]

    def _lista(self, element: Any, mal: str) -> list[str]:
        koder = self._koder(element)
        if koder is not None:
            k = self._konstant(koder, "KODER")
            return [
                f"if v.__class__ is not list or not {k}.issuperset(v):",
                "    raise Avvisad",
                "for x in v:",
                "    if x.__class__ is not str:",
                "        raise Avvisad",
                f"{mal} = tuple(v)",
            ]
        if element is str:
            return [
                "if v.__class__ is not list:",
                "    raise Avvisad",
                "for x in v:",
                "    if x.__class__ is not str:",
                "        raise Avvisad",
                f"{mal} = tuple(v)",
            ]
        if element is Handelse:
            # The event's function by its "typ", without a call in between: a non-dict fails
            # the lookup, and each event's function checks that "typ" is a plain str.
            bygg = f"{self._konstant(self._per_handelsetyp, 'HANDELSER')}[x['typ']](x)"
        else:
            bygg = f"{self._konstant(self.funktion(element), 'BYGG')}(x)"
        return [
            "if v.__class__ is not list:",
            "    raise Avvisad",
            f"{mal} = tuple([{bygg} for x in v])",
        ]

    def _kand(self, typ: Any) -> bool:
        """True if the generator can write checks for *typ*."""
        if typ in (str, bool, int, Inriktning, Handelse, *_MED_MINNE, *self._hookar):
            return True
        if self._koder(typ) is not None:
            return True
        inre = _valfri_inre(typ)
        if inre is not None:
            return self._kand(inre)
        if _ar_tuple(typ):
            argument = get_args(typ)
            return len(argument) == 2 and argument[1] is Ellipsis and self._kand(argument[0])
        return isinstance(typ, type) and attrs.has(typ)

    # -- one function per type ---------------------------------------------------------

    def funktion(self, typ: Any) -> Bygge:
        """The fast-path function for *typ* (written on first use)."""
        funktion = self._funktioner.get(typ)
        if funktion is not None:
            return funktion
        if typ is Handelse:
            funktion = self._handelse()
        elif isinstance(typ, type) and attrs.has(typ) and typ not in self._hookar:
            try:
                funktion = self._klass(typ)
            except _Okand:
                # An event is read by cattrs' event hook, which allows its key "typ".
                funktion = self._via_cattrs(Handelse if issubclass(typ, Handelse) else typ)
        elif self._kand(typ):
            rader = ["v = d", *self._varde(typ, "r"), "return r"]
            funktion = self._kompilera(f"varde_{len(self._funktioner)}", rader)
        else:
            funktion = self._via_cattrs(typ)
        self._funktioner[typ] = funktion
        return funktion

    def _via_cattrs(self, typ: Any) -> Bygge:
        hook = self._cattrs_hook(typ)

        def via_cattrs(varde: object) -> Any:
            return hook(varde, typ)

        return via_cattrs

    def _klass(self, klass: type) -> Bygge:
        attrs.resolve_types(klass)
        falt = attrs.fields(klass)
        namn = [f.name for f in falt]
        tillatna = frozenset(["typ", *namn] if issubclass(klass, Handelse) else namn)
        nycklar = self._konstant(tillatna, "NYCKLAR")
        rader = [
            f"if d.__class__ is not dict or not {nycklar}.issuperset(d):",
            "    raise Avvisad",
        ]
        if issubclass(klass, Handelse):
            rader += ["if d['typ'].__class__ is not str:", "    raise Avvisad"]
        argument = []
        for nummer, f in enumerate(falt):
            if (
                not f.init
                or f.alias != f.name
                or f.converter is not None
                or f.validator is not None
                or not self._kand(f.type)
            ):
                raise _Okand
            mal = f"a{nummer}"
            argument.append(f"{f.name}={mal}" if f.kw_only else mal)
            if f.default is attrs.NOTHING:
                rader += [f"v = d[{f.name!r}]", *self._varde(f.type, mal)]
            elif f.default is None and _valfri_inre(f.type) is not None:
                # Left out and null both give None.
                rader += [f"v = d.get({f.name!r})", *self._varde(f.type, mal)]
            elif type(f.default) in (str, int, bool) or f.default == ():
                standard = self._konstant(f.default, "STANDARD")
                rader += [
                    f"v = d.get({f.name!r}, SAKNAS)",
                    "if v is SAKNAS:",
                    f"    {mal} = {standard}",
                    "else:",
                    *(f"    {rad}" for rad in self._varde(f.type, mal)),
                ]
            else:
                raise _Okand
        rader.append(f"return {self._konstant(klass, 'KLASS')}({', '.join(argument)})")
        return self._kompilera(f"bygg_{klass.__name__}", rader)

    def _handelse(self) -> Bygge:
        typer = self._per_handelsetyp

        def handelse(data: object) -> Any:
            if data.__class__ is not dict:
                raise Avvisad
            typ = data["typ"]
            if typ.__class__ is not str:
                raise Avvisad
            return typer[typ](data)

        return handelse

    def _kompilera(self, namn: str, rader: Iterable[str]) -> Bygge:
        kalla = f"def {namn}(d):\n" + "".join(f"    {rad}\n" for rad in rader)
        globala: dict[str, Any] = {**self._namn, "SAKNAS": _SAKNAS}
        exec(compile(kalla, f"<snabbväg {namn}>", "exec"), globala)
        funktion: Bygge = globala[namn]
        funktion.__doc__ = kalla  # the source, for whoever debugs it
        return funktion


class _PerHandelsetyp(dict[str, Bygge]):
    """The function of each event type, written the first time a case has one (a batch
    rarely has them all, and a single file's start-up should not pay for the others)."""

    def __init__(self, vag: Snabbvag, typer: Mapping[str, type]) -> None:
        super().__init__()
        self._vag = vag
        self._typer = typer

    def __missing__(self, typ: str) -> Bygge:
        # An unknown type raises KeyError here: the detailed path says what is wrong.
        funktion = self[typ] = self._vag.funktion(self._typer[typ])
        return funktion


_SAKNAS = object()
_MED_MINNE = (date, Kommun, Lagrum, Manad)
"""Types read from a text whose results are remembered per text."""
