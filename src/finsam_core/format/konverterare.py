"""The cattrs converter between plain data (parsed YAML/JSON) and the model.

One `Konverterare` per `Kodverk` (core's, or core's extended by plugins). A case is read
first by the fast path (`finsam_core.format.snabbvag`: one plain function per class, which
only accepts or gives up), and only when that gives up by the detailed cattrs converter,
which collects every error with its path. Most cases in a batch are valid, so the fast path
is what a batch costs. Both use the hooks below, which say what a value must be; a second,
fast cattrs converter reads the classes the fast path does not write itself.

The hooks are strict where cattrs is lenient by default: a list is not a string, ``"2"`` is
not an int, ``True`` is not an int, a date with a time part is not a date, and an
unquoted personnummer or kommunkod (which YAML reads as a number, dropping leading zeros) is
an error that says to quote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, get_args

import attrs

from finsam_core.format.fel import Formatfel
from finsam_core.format.snabbvag import STORSTA_HELTAL as _STORSTA_HELTAL, Avvisad, Snabbvag
from finsam_core.model.arende import FORMAT, Arende
from finsam_core.model.fel import UTANFOR_KALENDERN, Modellfel, inom_kalendern
from finsam_core.model.forslag import menade_du, nara_namn
from finsam_core.model.handelser import Handelse, Manad
from finsam_core.model.kartlaggning import Inriktning
from finsam_core.model.koder import (
    BESKED_MONSTER,
    INDIVIDEN,
    KODSLAG_FOR_TYP,
    Avsandare,
    Besked,
    Enhetskod,
    Kodverk,
)
from finsam_core.model.kommuner import Kommun, OkandKommunfel, hitta_kommun
from finsam_core.model.lagrum import EXEMPEL, Lagrum, Lagrumfel
from finsam_core.model.personnummer import Personnummer, Personnummerfel
from finsam_core.model.utskrift import MAX_VARDE, citera, sakra

if TYPE_CHECKING:
    from cattrs import Converter

Sokvag = tuple[str | int, ...]
Felpunkt = tuple[Sokvag, str]
"""A path in the case and a Swedish message."""

_KLASSNAMN: dict[str, str] = {
    "Arende": "ett ärende",
    "Individ": "en individ",
    "Forsorjning": "en försörjningsperiod (typ, start, slut)",
    "Samtycke": "ett samtycke",
    "Kartlaggning": "en kartläggning",
    "Begransning": "en begränsning (part, skal)",
    "Insats": "en insats",
    "Plan": "en plan",
    "Omstandighetsperiod": "en omständighetsperiod (kod, fran, till)",
}


def beskriv_varde(varde: object) -> str:
    r"""How a value of the wrong kind is named in a message ("en lista", "talet 12").

    >>> beskriv_varde(10**5000), beskriv_varde("a\nb")
    ('ett heltal med fler än 60 siffror', "texten 'a\\nb'")
    """
    if varde is None:
        return "ett tomt värde (null)"
    if isinstance(varde, bool):
        return f"sanningsvärdet {'true' if varde else 'false'}"
    if isinstance(varde, int) and varde.bit_length() > 200:
        # str() of an int over 4,300 digits raises; a long number is no use in a message.
        return "ett heltal med fler än 60 siffror"
    if isinstance(varde, int | float):
        return f"talet {sakra(str(varde), MAX_VARDE)}"
    if isinstance(varde, str):
        return f"texten {citera(varde, 40)}"
    if isinstance(varde, list | tuple):
        return "en lista"
    if isinstance(varde, dict):
        return "en mappning (nycklar och värden)"
    if isinstance(varde, datetime):
        return "ett datum med klockslag"
    if isinstance(varde, date):
        return f"datumet {varde.isoformat()}"
    return f"ett värde av typen {type(varde).__name__}"


def beskriv_typ(typ: Any) -> str:
    """What a value of *typ* looks like, for "förväntade …" in a message."""
    if _ar_tuple(typ):
        return (
            f"en lista av {beskriv_typ(get_args(typ)[0]).removeprefix('en ').removeprefix('ett ')}"
        )
    kod = KODSLAG_FOR_TYP.get(typ)
    if kod is not None:
        return f"en {kod.value} (kod)"
    enkla: dict[Any, str] = {
        str: "en text",
        int: "ett heltal",
        bool: "true eller false",
        date: "ett datum ÅÅÅÅ-MM-DD",
        Enhetskod: "en enhet (kod)",
        Avsandare: "en enhet eller individen",
        Besked: "ett besked (en kod i snake_case)",
        Personnummer: "ett personnummer",
        Kommun: "ett kommunnamn eller en kommunkod",
        Lagrum: "ett lagrum",
        Manad: "en månad ÅÅÅÅ-MM",
        Inriktning: "en inriktning 1–5",
        Handelse: "en händelse",
    }
    if typ in enkla:
        return enkla[typ]
    if isinstance(typ, type) and attrs.has(typ):
        return _klassnamn(typ)
    return "ett värde"


def _exakt(klass: type, forvantat: str) -> Callable[[object, object], Any]:
    """A hook that takes values of exactly *klass* (no coercion: ``True`` is not an int)."""

    def hook(varde: object, _: object) -> Any:
        if varde.__class__ is klass:
            return varde
        tips = ""
        if klass is str and isinstance(varde, int | float):
            tips = " (sätt värdet inom citattecken)"
        raise Formatfel(f"förväntade {forvantat}, fick {beskriv_varde(varde)}{tips}")

    return hook


_ISODATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _i_kalendern(dag: date) -> date:
    if not inom_kalendern(dag):
        raise Formatfel(f"datumet {dag.isoformat()} {UTANFOR_KALENDERN}")
    return dag


def _heltal(varde: object, _: object) -> int:
    """An int as the case format has them (counts, 1–5): huge numbers are input errors, not
    values that a rule would later fail to print or compute with."""
    if isinstance(varde, int) and varde.__class__ is int:
        if -_STORSTA_HELTAL <= varde <= _STORSTA_HELTAL:
            return varde
        raise Formatfel(f"talet är för stort: förväntade ett heltal upp till {_STORSTA_HELTAL}")
    return _HELTAL_EXAKT(varde, int)  # type: ignore[no-any-return]


_HELTAL_EXAKT = _exakt(int, "ett heltal")


def _datum(varde: object, _: object) -> date:
    if varde.__class__ is date:
        return _i_kalendern(varde)
    if varde.__class__ is str:
        text: str = varde
        if len(text) == 10 and _ISODATUM.fullmatch(text):
            try:
                dag = date.fromisoformat(text)
            except ValueError:
                raise Formatfel(
                    f"datumet {citera(text)} finns inte; förväntade ett datum ÅÅÅÅ-MM-DD"
                ) from None
            return _i_kalendern(dag)
        if "T" in text or ":" in text:
            raise Formatfel(
                f"förväntade ett datum utan klockslag (ÅÅÅÅ-MM-DD), fick {citera(text)}"
            )
        raise Formatfel(f"förväntade ett datum ÅÅÅÅ-MM-DD, fick {beskriv_varde(text)}")
    if isinstance(varde, datetime):
        raise Formatfel("förväntade ett datum utan klockslag (ÅÅÅÅ-MM-DD), fick datum och tid")
    raise Formatfel(f"förväntade ett datum ÅÅÅÅ-MM-DD, fick {beskriv_varde(varde)}")


def _personnummer(varde: object, _: object) -> Personnummer:
    if isinstance(varde, int) and not isinstance(varde, bool):
        raise Formatfel(
            "personnumret står som ett tal; sätt det inom citattecken, t.ex. "
            '"ÅÅÅÅMMDD-NNNN" (ett tal tappar inledande nollor)'
        )
    if varde.__class__ is not str:
        raise Formatfel(f"förväntade ett personnummer som text, fick {beskriv_varde(varde)}")
    try:
        return Personnummer.tolka(varde)
    except Personnummerfel as fel:
        raise Formatfel(f"ogiltigt personnummer: {fel}") from None


def _kommun(varde: object, _: object) -> Kommun:
    if isinstance(varde, int) and not isinstance(varde, bool):
        raise Formatfel(
            f"kommunkoden står som ett tal; skriv den som text inom citattecken, t.ex. "
            f'"{varde:04d}" (ett tal tappar inledande nollor)'
        )
    if varde.__class__ is not str:
        raise Formatfel(
            f"förväntade ett kommunnamn eller en kommunkod, fick {beskriv_varde(varde)}"
        )
    try:
        return hitta_kommun(varde)
    except OkandKommunfel as fel:
        raise Formatfel(str(fel)) from None


def _lagrum(varde: object, _: object) -> Lagrum:
    if varde.__class__ is not str:
        raise Formatfel(
            f"förväntade ett lagrum som text, t.ex. {EXEMPEL}; fick {beskriv_varde(varde)}"
        )
    try:
        return Lagrum.tolka(varde)
    except Lagrumfel as fel:
        raise Formatfel(str(fel)) from None


def _manad(varde: object, _: object) -> Manad:
    if varde.__class__ is not str:
        raise Formatfel(f"förväntade en månad ÅÅÅÅ-MM som text, fick {beskriv_varde(varde)}")
    try:
        return Manad.tolka(varde)
    except Modellfel as fel:
        raise Formatfel(f"{fel.meddelande}; fick {beskriv_varde(varde)}") from None


def _inriktning(varde: object, _: object) -> Inriktning:
    if varde.__class__ is int and 1 <= varde <= 5:
        return Inriktning(varde)
    raise Formatfel(f"förväntade en inriktning 1–5 (heltal), fick {beskriv_varde(varde)}")


def _kodkontroll(koder: Mapping[str, object], vad: str) -> Callable[[object, object], str]:
    giltiga = frozenset(koder)

    def kontrollera(varde: object, _: object) -> str:
        if varde.__class__ is str and varde in giltiga:
            return varde
        lista = ", ".join(koder)
        if varde.__class__ is str:
            tips = menade_du(str(varde), koder, inuti=True)
            raise Formatfel(f"okänd {vad} {citera(varde)}{tips}: förväntade en av {lista}")
        raise Formatfel(f"förväntade en {vad} (en kod: {lista}), fick {beskriv_varde(varde)}")

    return kontrollera


_BESKED = re.compile(BESKED_MONSTER)


def _besked(varde: object, _: object) -> str:
    if varde.__class__ is str and _BESKED.fullmatch(varde):
        return varde
    if varde.__class__ is str:
        raise Formatfel(
            f"besked {citera(varde)} är ingen kod: förväntade små bokstäver a–z, siffror och _, "
            "t.ex. provning eller aktiv_planering_af"
        )
    raise Formatfel(f"förväntade ett besked (en kod i snake_case), fick {beskriv_varde(varde)}")


def _ar_tuple(typ: Any) -> bool:
    return getattr(typ, "__origin__", None) is tuple


def _ar_valfri(typ: Any) -> bool:
    argument = get_args(typ)
    return len(argument) == 2 and type(None) in argument and not _ar_tuple(typ)


def _klassnamn(klass: type) -> str:
    if issubclass(klass, Handelse):
        return f"en händelse av typen {klass.typ}"
    return _KLASSNAMN.get(klass.__name__, f"en {klass.__name__}")


def _tillatna_nycklar(klass: type) -> list[str]:
    namn = [f.name for f in attrs.fields(klass)]
    return ["typ", *namn] if issubclass(klass, Handelse) else namn


def _skapa_cattrs(kodverk: Kodverk, detaljerad: bool) -> Converter:
    # cattrs is imported here, not at the top: a valid case never leaves the fast path, so
    # checking one file (``finsam validate``) does not pay for importing it.
    from cattrs import Converter
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )
    from cattrs.gen import make_dict_structure_fn

    conv = Converter(forbid_extra_keys=True, detailed_validation=detaljerad)
    conv.register_structure_hook(str, _exakt(str, "en text"))
    conv.register_structure_hook(int, _heltal)
    conv.register_structure_hook(bool, _exakt(bool, "true eller false"))
    datumminne: dict[str, date] = {}

    def datum_med_minne(varde: object, _: object) -> date:
        # A batch repeats the same few thousand days; parsing each once is enough.
        if varde.__class__ is str:
            dag = datumminne.get(varde)
            if dag is not None:
                return dag
            dag = _datum(varde, date)
            if len(datumminne) < 50_000:
                datumminne[varde] = dag
            return dag
        return _datum(varde, date)

    conv.register_structure_hook(date, datum_med_minne)
    conv.register_structure_hook(Personnummer, _personnummer)
    conv.register_structure_hook(Kommun, _kommun)
    conv.register_structure_hook(Lagrum, _lagrum)
    conv.register_structure_hook(Manad, _manad)
    conv.register_structure_hook(Inriktning, _inriktning)
    conv.register_structure_hook(Enhetskod, _kodkontroll(kodverk.enheter, "enhet"))
    avsandare = {**kodverk.enheter, INDIVIDEN: "individen"}
    conv.register_structure_hook(Avsandare, _kodkontroll(avsandare, "avsändare"))
    conv.register_structure_hook(Besked, _besked)
    for nytyp, slag in KODSLAG_FOR_TYP.items():
        conv.register_structure_hook(nytyp, _kodkontroll(kodverk.lista(slag), slag.value))

    def tuple_fabrik(typ: Any) -> Callable[[object, object], tuple[Any, ...]]:
        (element, _ellips) = get_args(typ)
        element_hook = conv.get_structure_hook(element)

        koder = _koder_for(element)
        if not detaljerad and koder is not None:

            def snabba_koder(varde: object, _: object) -> tuple[Any, ...]:
                # Every element a known code (so a str): one C-level check for the list.
                if varde.__class__ is list and koder.issuperset(varde):
                    return tuple(varde)
                raise Formatfel("ogiltig lista av koder")  # the detailed pass says which

            return snabba_koder

        if not detaljerad:

            def snabb(varde: object, _: object) -> tuple[Any, ...]:
                if varde.__class__ is not list:
                    raise Formatfel(f"förväntade en lista, fick {beskriv_varde(varde)}")
                return tuple([element_hook(x, element) for x in varde])

            return snabb

        def detaljerad_hook(varde: object, _: object) -> tuple[Any, ...]:
            if varde.__class__ is not list:
                raise Formatfel(f"förväntade en lista, fick {beskriv_varde(varde)}")
            resultat = []
            fel = []
            for index, x in enumerate(varde):
                try:
                    resultat.append(element_hook(x, element))
                except Exception as undantag:
                    undantag.__notes__ = [
                        *getattr(undantag, "__notes__", []),
                        IterableValidationNote(f"index {index}", index, element),
                    ]
                    fel.append(undantag)
            if fel:
                raise IterableValidationError("lista", fel, typ)
            return tuple(resultat)

        return detaljerad_hook

    def _koder_for(element: Any) -> frozenset[str] | None:
        if element is Enhetskod:
            return frozenset(kodverk.enheter)
        slag = KODSLAG_FOR_TYP.get(element)
        return frozenset(kodverk.lista(slag)) if slag is not None else None

    conv.register_structure_hook_factory(_ar_tuple, tuple_fabrik)

    def valfri_fabrik(typ: Any) -> Callable[[object, object], Any]:
        # cattrs' own Optional hook looks the inner hook up on every call.
        (inre,) = (t for t in get_args(typ) if t is not type(None))
        inre_hook = conv.get_structure_hook(inre)

        def valfri(varde: object, _: object) -> Any:
            return None if varde is None else inre_hook(varde, inre)

        return valfri

    conv.register_structure_hook_factory(_ar_valfri, valfri_fabrik)

    def klass_fabrik(klass: type) -> Callable[[object, object], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            klass,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detaljerad,
        )
        if not detaljerad:
            # A non-dict fails inside the generated function too; the detailed pass that
            # follows any failure says what was expected.
            return generated
        beskrivning = _klassnamn(klass)

        def hook(varde: object, _: object) -> Any:
            if varde.__class__ is not dict:
                raise Formatfel(
                    f"förväntade {beskrivning} (en mappning med nycklar), fick "
                    f"{beskriv_varde(varde)}"
                )
            return generated(varde, klass)

        return hook

    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t not in (Personnummer, Kommun, Lagrum, Manad), klass_fabrik
    )

    typlista = ", ".join(kodverk.handelsetyper)
    typer = dict(kodverk.handelsetyper)
    # Per event type: a generated function that ignores unknown keys (so that ``typ`` can
    # stay in the dict, no copy), and the keys allowed, which the hook checks itself.
    handelsehooks: dict[str, tuple[Callable[[Any, Any], Any], frozenset[str]]] = {}

    def handelsehook(typ: str, klass: type) -> tuple[Callable[[Any, Any], Any], frozenset[str]]:
        hook = handelsehooks.get(typ)
        if hook is None:
            generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
                klass,
                conv,
                _cattrs_forbid_extra_keys=False,
                _cattrs_detailed_validation=detaljerad,
            )
            hook = handelsehooks[typ] = (generated, frozenset(_tillatna_nycklar(klass)))
        return hook

    def handelse(varde: object, _: object) -> Handelse:
        if varde.__class__ is not dict:
            raise Formatfel(
                "förväntade en händelse (en mappning med typ och datum), fick "
                f"{beskriv_varde(varde)}"
            )
        data: dict[str, Any] = varde
        typ = data.get("typ")
        if typ is None:
            raise Formatfel(f"saknar fältet 'typ': förväntade en av {typlista}", ("typ",))
        klass = typer.get(typ) if typ.__class__ is str else None
        if klass is None:
            raise Formatfel(
                f"okänd händelsetyp {citera(typ)}{menade_du(str(typ), typer, inuti=True)}: "
                f"förväntade en av {typlista}"
                if typ.__class__ is str
                else f"förväntade en händelsetyp (text), fick {beskriv_varde(typ)}",
                ("typ",),
            )
        generated, tillatna = handelsehooks.get(typ) or handelsehook(typ, klass)
        if tillatna.issuperset(data):
            handelsen: Handelse = generated(data, klass)
            return handelsen
        okanda = ForbiddenExtraKeysError("", klass, set(data.keys() - tillatna))
        if not detaljerad:
            raise okanda
        try:
            generated(data, klass)
        except ClassValidationError as fel:
            raise ClassValidationError(fel.message, [*fel.exceptions, okanda], klass) from None
        raise ClassValidationError(f"While structuring {klass.__name__}", [okanda], klass)

    conv.register_structure_hook_func(lambda t: t is Handelse, handelse)
    return conv


def _fel_i_undantag(undantag: BaseException, sokvag: Sokvag) -> Iterator[Felpunkt]:
    """Walk a cattrs exception tree into (path, Swedish message) pairs."""
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(undantag, ClassValidationError | IterableValidationError):
        med_not, utan_not = undantag.group_exceptions()
        # A misspelt key ("komun") is one mistake: say "menade du 'kommun'?" on the key and
        # leave out "saknar det obligatoriska fältet 'kommun'".
        felstavade = {
            forslag[0]
            for inre in utan_not
            if isinstance(inre, ForbiddenExtraKeysError)
            for nyckel in inre.extra_fields
            if (forslag := nara_namn(str(nyckel), _tillatna_nycklar(inre.cl), n=1, grans=0.8))
        }
        for inre, not_ in med_not:
            if (
                isinstance(not_, AttributeValidationNote)
                and type(inre) is KeyError
                and not_.name in felstavade
            ):
                continue
            if isinstance(not_, AttributeValidationNote) and type(inre) is KeyError:
                yield (
                    (*sokvag, not_.name),
                    f"saknar det obligatoriska fältet {not_.name!r}: förväntade "
                    f"{beskriv_typ(not_.type)}",
                )
            elif isinstance(not_, AttributeValidationNote):
                yield from _fel_i_undantag(inre, (*sokvag, not_.name))
            elif isinstance(not_, IterableValidationNote):
                yield from _fel_i_undantag(inre, (*sokvag, not_.index))
        for inre in utan_not:
            yield from _fel_i_undantag(inre, sokvag)
    elif isinstance(undantag, ForbiddenExtraKeysError):
        nycklar = list(_tillatna_nycklar(undantag.cl))
        tillatna = ", ".join(nycklar)
        for nyckel in sorted(undantag.extra_fields, key=str):
            yield (
                (*sokvag, str(nyckel)),
                f"okänd nyckel {citera(str(nyckel))}"
                f"{menade_du(str(nyckel), nycklar, grans=0.8, inuti=True)}; "
                f"tillåtna nycklar här: {tillatna}",
            )
    elif isinstance(undantag, Formatfel):
        yield (*sokvag, *undantag.falt), undantag.meddelande
    elif isinstance(undantag, Modellfel):
        falt = tuple(undantag.falt.split(".")) if undantag.falt else ()
        yield (*sokvag, *falt), undantag.meddelande
    else:
        # Not an input problem: a bug in a hook. Let it surface instead of blaming the data.
        raise undantag


def _referensdatum(data: Mapping[str, Any]) -> date | None:
    """The latest valid date among the raw events: what a 10-digit number is read against."""
    senaste = None
    handelser = data.get("handelser")
    for handelse in handelser if isinstance(handelser, list) else ():
        if not isinstance(handelse, dict):
            continue
        for nyckel in ("datum", "start", "slut"):
            varde = handelse.get(nyckel)
            try:
                dag = _datum(varde, date)
            except Formatfel:
                continue
            if senaste is None or dag > senaste:
                senaste = dag
    return senaste


def _sekel_for_10_siffror(data: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a 10-digit personnummer to 12 digits before structuring, where possible.

    The century of a 10-digit number depends on a date (``-``: under 100, ``+``: 100 or
    older). The case's own dates are the only deterministic choice: ``fodelsedatum`` if
    given (its century is used directly; a contradiction is then reported as usual), else
    the latest event date. Without either, the number is left as it is and the personnummer
    hook says that 12 digits are needed.
    """
    individ = data.get("individ")
    if not isinstance(individ, dict):
        return data
    text = individ.get("personnummer")
    if not isinstance(text, str) or len(text.strip()) > 11:
        return data
    ny_text: str | None = None
    try:
        fodd = _datum(individ.get("fodelsedatum"), date)
    except Formatfel:
        fodd = None
    siffror = text.strip()
    if fodd is not None and len(siffror) >= 10:
        ny_text = f"{fodd.year // 100:02d}{siffror}".replace("+", "-")
    else:
        referens = _referensdatum(data)
        if referens is not None:
            try:
                ny_text = Personnummer.tolka(siffror, referensdatum=referens).fullstandigt
            except Personnummerfel:
                return data
    if ny_text is None:
        return data
    return {**data, "individ": {**individ, "personnummer": ny_text}}


class Konverterare:
    """Structure plain data into an `Arende` (and back) against one `Kodverk`.

    >>> from finsam_core.model.karna import KARNKODVERK
    >>> k = Konverterare(KARNKODVERK)
    >>> k.tolka({"format": "finsam/1", "id": "A-1", "individ": {"kommun": "Nora"}}).individ.kommun
    Kommun(kod='1884', namn='Nora')
    >>> k.tolka({"format": "finsam/1", "id": "A-1", "individ": {"kommun": "Nora", "kon": 1}})
    [(('individ', 'kon'), 'förväntade en kön (en kod: kvinna, man), fick talet 1')]
    """

    def __init__(self, kodverk: Kodverk) -> None:
        self.kodverk = kodverk
        self._snabb: Converter | None = None
        self._detaljerad: Converter | None = None  # made when the fast path first gives up
        self._snabbvag = Snabbvag(
            kodverk,
            {
                date: _datum,
                Personnummer: _personnummer,
                Kommun: _kommun,
                Lagrum: _lagrum,
                Manad: _manad,
                Besked: _besked,
            },
            self._snabb_cattrs_hook,
        )
        self._snabb_arende: Callable[[object], Arende] | None = None

    def _snabb_cattrs_hook(self, typ: type) -> Callable[[object, object], Any]:
        """cattrs' fast hook for a class the fast path does not write (a plugin's field
        type it does not know); the converter is made the first time one is needed."""
        if self._snabb is None:
            self._snabb = _skapa_cattrs(self.kodverk, detaljerad=False)
        return self._snabb.get_structure_hook(typ)

    def snabb_tolkning(self, data: object) -> Arende:
        """The case in *data* by the fast path alone, or an exception where `tolka` goes on
        to the detailed path (the property tests hold the two paths against each other)."""
        if data.__class__ is not dict or "format" not in data:
            raise Avvisad
        if self._snabb_arende is None:
            self._snabb_arende = self._snabbvag.funktion(Arende)
        return self._snabb_arende(_sekel_om_kort(data))

    def tolka(self, data: object) -> Arende | list[Felpunkt]:
        """The case in *data*, or every problem found in it, each with its path."""
        try:
            return self.snabb_tolkning(data)
        except Exception:
            return self._detaljerad_tolkning(data)

    def _detaljerad_tolkning(self, data: object) -> Arende | list[Felpunkt]:
        """`tolka` by the detailed converter alone (what the fast path must agree with)."""
        if data.__class__ is not dict:
            return [
                (
                    (),
                    f"förväntade ett ärende (en mappning med format, id, individ …), fick "
                    f"{beskriv_varde(data)}",
                )
            ]
        raw = _sekel_om_kort(data)
        fel: list[Felpunkt] = []
        if "format" not in raw:
            fel.append((("format",), f"saknar fältet 'format': förväntade format: {FORMAT}"))
        if self._detaljerad is None:
            self._detaljerad = _skapa_cattrs(self.kodverk, detaljerad=True)
        try:
            arende: Arende = self._detaljerad.structure(raw, Arende)
        except Exception as undantag:
            fel.extend(_fel_i_undantag(undantag, ()))
        else:
            if not fel:
                return arende
        return fel


def _sekel_om_kort(data: dict[str, Any]) -> dict[str, Any]:
    """*data* with a 10-digit personnummer made 12 digits where it can be (see
    `_sekel_for_10_siffror`); *data* itself for the usual case, a 12-digit number."""
    ind = data.get("individ")
    if ind.__class__ is dict and "personnummer" in ind:
        return _sekel_for_10_siffror(data)
    return data


@cache
def _utkonverterare() -> Converter:
    """The converter `till_dict` writes with, made the first time a case is written."""
    from cattrs import Converter

    ut = Converter(omit_if_default=True)
    ut.register_unstructure_hook(date, date.isoformat)
    ut.register_unstructure_hook(Personnummer, lambda p: p.fullstandigt)
    ut.register_unstructure_hook(Kommun, lambda k: k.namn)
    ut.register_unstructure_hook(Lagrum, str)
    ut.register_unstructure_hook(Manad, str)
    ut.register_unstructure_hook(Inriktning, int)

    def lista_fabrik(typ: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        element = get_args(typ)[0]
        return lambda varden: [ut.unstructure(x, unstructure_as=element) for x in varden]

    ut.register_unstructure_hook_factory(_ar_tuple, lista_fabrik)

    def handelse(h: Handelse) -> dict[str, Any]:
        return {"typ": h.typ, **ut.unstructure(h, unstructure_as=type(h))}

    ut.register_unstructure_hook_func(lambda t: t is Handelse, handelse)
    return ut


def till_dict(arende: Arende) -> dict[str, Any]:
    """Plain data for *arende* (JSON- and YAML-safe), ``format`` first, defaults left out.

    This writes the whole personnummer: it is for writing case files, not for messages.
    """
    data: dict[str, Any] = _utkonverterare().unstructure(arende)
    return {"format": arende.format, **{k: v for k, v in data.items() if k != "format"}}
