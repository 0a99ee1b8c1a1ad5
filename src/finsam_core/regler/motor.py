"""Evaluating rule sets against cases: `validera`, `forklara`, `agenda`, `validera_alla`.

`validera` is a pure function of the case, the rule sets and the validation date. A rule
whose check raises is reported as a ``fel`` finding naming the rule (and, through the
rule set, its plugin); the other rules still run.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import attrs
from attrs import field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.fel import FORSTA_DAG, SISTA_DAG, inom_kalendern
from finsam_core.model.koder import Kodverk
from finsam_core.model.utskrift import (
    sakert_id,
    sakert_valfritt_filnamn,
    sakker_sokvag,
    sakra,
    sakra_valfri,
)
from finsam_core.regler._parallell import ordnad_parallell
from finsam_core.regler.fynd import Allvarlighet, Bedomning, Fynd, Kalla
from finsam_core.regler.regel import (
    Arendevy,
    Kontext,
    Regel,
    Regelverk,
    giltighet,
    kodverk_for,
)
from finsam_core.regler.skydd import SKYDDAT, skydda_fynd, skydda_text, skyddsmonster


@frozen
class Resultat:
    """The findings for one case on one validation date. The case id is made safe to
    print on construction (`sakra`: masked, escaped, at most 100 characters)."""

    arende_id: str = field(converter=sakert_id)
    regelverk: tuple[str, ...]
    datum: date
    fynd: tuple[Fynd, ...]

    def antal(self, allvarlighet: Allvarlighet) -> int:
        return sum(1 for f in self.fynd if f.allvarlighet is allvarlighet)

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """``{"id", "regelverk", "datum", "fynd"}`` (schema ``resultat`` of `utdata_schema`);
        *som_cli*: findings in the command line's shape (`Fynd.till_dict`)."""
        return {
            "id": self.arende_id,
            "regelverk": list(self.regelverk),
            "datum": self.datum.isoformat(),
            "fynd": [f.till_dict(som_cli=som_cli) for f in self.fynd],
        }


class Utslag(enum.Enum):
    """The outcome of one rule for one case, in a trace."""

    EJ_TILLAMPLIG = "ej tillämplig"
    UPPFYLLD = "uppfylld"
    FYND = "fynd"
    EJ_BEDOMD = "kunde inte bedömas"
    REGELFEL = "fel i regeln"


def _sakra_fakta(fakta: tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    return tuple(
        (sakra(namn), varde if isinstance(varde, date | int | float) else sakra(str(varde)))
        for namn, varde in fakta
    )


@frozen
class Regelpost:
    """One rule's outcome for one case, with the facts it used."""

    regelverk: str
    regel: Regel
    utslag: Utslag
    fynd: tuple[Fynd, ...] = ()
    fakta: tuple[tuple[str, object], ...] = field(default=(), converter=_sakra_fakta)
    """Facts as (name, value); a value that is not a date or a number is made safe text."""
    orsak: str | None = field(default=None, converter=sakra_valfri)

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """JSON-ready data (schema ``forklaring`` of `utdata_schema`, one of its ``regler``);
        facts as text. *som_cli*: ``kalla`` as the spec's string, with ``citat`` beside it."""
        kalla = self.regel.kalla
        return {
            "regelverk": self.regelverk,
            "regel": self.regel.id,
            "titel": self.regel.titel,
            "utfall": self.utslag.value,
            "orsak": self.orsak,
            "fakta": {namn: str(varde) for namn, varde in self.fakta},
            "kalla": str(kalla) if som_cli else kalla.till_dict(),
            **({"citat": kalla.citat} if som_cli else {}),
            "fynd": [f.till_dict(som_cli=som_cli) for f in self.fynd],
        }


@frozen
class Forklaring:
    """Every rule of the rule sets with its outcome for one case (the trace)."""

    arende_id: str = field(converter=sakert_id)
    datum: date
    poster: tuple[Regelpost, ...]

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """``{"id", "datum", "regler": [...]}`` (schema ``forklaring`` of `utdata_schema`)."""
        return {
            "id": self.arende_id,
            "datum": self.datum.isoformat(),
            "regler": [p.till_dict(som_cli=som_cli) for p in self.poster],
        }


def _unika(regelverk: Regelverk | Sequence[Regelverk]) -> tuple[Regelverk, ...]:
    lista = (regelverk,) if isinstance(regelverk, Regelverk) else tuple(regelverk)
    return tuple({rv.id: rv for rv in lista}.values())


def _med_karnan(regelverk: tuple[Regelverk, ...]) -> tuple[Regelverk, ...]:
    if any(rv.id == "finsam" for rv in regelverk):
        return regelverk
    from finsam_core.regler.karnregler import KARNREGELVERK

    return (KARNREGELVERK, *regelverk)


class _Korplan:
    """What `validera` works out once per choice of rule sets: the rule sets to run (core's
    first where it is missing, each once), their ids, every rule with its rule set and the
    dates both apply between (`Kontext.galler`), and the code lists they name codes with
    when the caller gives none (`kodverk_for`)."""

    __slots__ = ("ids", "kodverk", "regelverk", "regler")

    def __init__(self, regelverk: tuple[Regelverk, ...]) -> None:
        self.regelverk = regelverk
        self.ids = tuple(rv.id for rv in regelverk)
        self.regler = tuple(
            (rv, regel, giltighet(regel, rv)) for rv in regelverk for regel in rv.regler
        )
        self.kodverk = kodverk_for(regelverk)


_KORPLANER: dict[int, tuple[object, _Korplan]] = {}


def _korplan(regelverk: Regelverk | Sequence[Regelverk]) -> _Korplan:
    # Callers pass the same rule sets for case after case (the plugin host's `regelverk_for`
    # returns one tuple per choice). A tuple of rule sets cannot change, so its plan is kept
    # by identity; the entry holds the tuple, so its id is not reused while it is kept.
    sparad = _KORPLANER.get(id(regelverk))
    if sparad is not None and sparad[0] is regelverk:
        return sparad[1]
    plan = _Korplan(_med_karnan(_unika(regelverk)))
    if isinstance(regelverk, tuple | Regelverk):
        if len(_KORPLANER) >= 64:
            _KORPLANER.clear()
        _KORPLANER[id(regelverk)] = (regelverk, plan)
    return plan


def _regelfel(regel: Regel, regelverk: Regelverk, undantag: Exception) -> Fynd:
    return Fynd(
        regel=regel.id,
        allvarlighet=Allvarlighet.FEL,
        meddelande=(
            f"regeln {regel.id} i regelverket {regelverk.id}"
            + (
                f" (plugin {regel.ursprung})"
                if regel.ursprung
                else (f" (plugin {regelverk.plugin})" if regelverk.plugin else "")
            )
            + f" kunde inte köras: {type(undantag).__name__}: {undantag}"
        ),
        kalla=regel.kalla,
        bedomning=Bedomning.REGELFEL,
        titel=regel.titel,
    )


def _utanfor_kalendern(regel: Regel) -> Fynd:
    # A deadline or age computed past 9999-12-31 (or before year 1): the dates of the case
    # or the validation date are further out than any rule can count, not a broken rule.
    return Fynd(
        regel=regel.id,
        allvarlighet=Allvarlighet.INFO,
        meddelande="regeln kunde inte bedömas: en frist eller ålder hamnar utanför kalendern",
        kalla=regel.kalla,
        bedomning=Bedomning.EJ_BEDOMD,
        titel=regel.titel,
    )


def _kor(vy: Arendevy, regel: Regel, regelverk: Regelverk, datum: date, sparar: bool) -> Regelpost:
    ctx = Kontext(vy, regel, regelverk, datum, sparar)
    try:
        regel.kontroll(ctx)
    except OverflowError:
        utanfor = _utanfor_kalendern(regel)
        return Regelpost(
            regelverk.id, regel, Utslag.EJ_BEDOMD, (utanfor,), orsak=utanfor.meddelande
        )
    except Exception as undantag:  # a broken rule must not stop the others
        fel = _regelfel(regel, regelverk, undantag)
        return Regelpost(regelverk.id, regel, Utslag.REGELFEL, (fel,), orsak=str(undantag))
    fynd = tuple(ctx._fynd)
    fakta = tuple(ctx._fakta)
    if fynd:
        ej_bedomd = all(f.bedomning is Bedomning.EJ_BEDOMD for f in fynd)
        return Regelpost(
            regelverk.id, regel, Utslag.EJ_BEDOMD if ej_bedomd else Utslag.FYND, fynd, fakta
        )
    if ctx._ej_tillamplig is not None:
        return Regelpost(regelverk.id, regel, Utslag.EJ_TILLAMPLIG, (), fakta, ctx._ej_tillamplig)
    if ctx._bedomda == 0 and ctx._utanfor > 0:
        return Regelpost(
            regelverk.id,
            regel,
            Utslag.EJ_TILLAMPLIG,
            (),
            fakta,
            "regelns version gäller inte vid datumet för det den bedömer",
        )
    return Regelpost(regelverk.id, regel, Utslag.UPPFYLLD, (), fakta)


def _poster(
    arende: Arende,
    regelverk: tuple[Regelverk, ...],
    datum: date,
    sparar: bool,
    kodverk: Kodverk | None = None,
) -> Iterator[Regelpost]:
    vy = Arendevy(arende, regelverk, kodverk)
    for rv in regelverk:
        for regel in rv.regler:
            yield _kor(vy, regel, rv, datum, sparar)


def kontrollera_datum(datum: object) -> date:
    """*datum* if it is a `datetime.date` and not a `datetime.datetime`, else `TypeError`.

    >>> kontrollera_datum("2025-06-01")
    Traceback (most recent call last):
    ...
    TypeError: datum ska vara ett datetime.date, inte str
    """
    if type(datum) is not date:
        if isinstance(datum, datetime):
            raise TypeError(
                "datum ska vara ett datetime.date utan klockslag, inte ett datetime; "
                "använd datum.date()"
            )
        raise TypeError(f"datum ska vara ett datetime.date, inte {type(datum).__name__}")
    if not inom_kalendern(datum):
        raise ValueError(
            f"datum ska ligga mellan {FORSTA_DAG} och {SISTA_DAG} (de datum ett ärende kan ha), "
            f"inte {datum}"
        )
    return datum


def validera(
    arende: Arende,
    regelverk: Regelverk | Sequence[Regelverk],
    datum: date,
    *,
    kodverk: Kodverk | None = None,
) -> Resultat:
    """Check *arende* against *regelverk* on *datum*; a pure function.

    Core's rules (``finsam``) always run: if none of the given rule sets has the id
    ``finsam``, core's own `KARNREGELVERK` runs first (the plugin host's `regelverk_for`
    gives the host's, which plugins may have extended). A rule set given twice is run
    once. *datum* must be a `datetime.date` (a `datetime` or a string is a `TypeError`).
    *kodverk* names codes in messages (the plugin host's `Pluginvard.kodverk`); without
    it, core's code lists extended with the given rule sets'.
    """
    kontrollera_datum(datum)
    plan = _korplan(regelverk)
    vy = Arendevy(arende, plan.regelverk, plan.kodverk if kodverk is None else kodverk)
    fynd: list[Fynd] = []
    ctx: Kontext | None = None
    for ett, regel, granser in plan.regler:
        # One context per case, made ready for each rule (`Kontext._nasta_regel`).
        if ctx is None:
            ctx = Kontext(vy, regel, ett, datum, False)
            ctx._granser = granser
        else:
            ctx._nasta_regel(regel, ett, granser)
        try:
            regel.kontroll(ctx)
        except OverflowError:
            fynd.append(_utanfor_kalendern(regel))
        except Exception as undantag:  # a broken rule must not stop the others
            fynd.append(_regelfel(regel, ett, undantag))
        else:
            fynd.extend(ctx._fynd)
    skydd = skyddsmonster(arende)
    return Resultat(arende.id, plan.ids, datum, skydda_fynd(fynd, skydd))


def forklara(
    arende: Arende,
    regelverk: Regelverk | Sequence[Regelverk],
    datum: date,
    *,
    kodverk: Kodverk | None = None,
) -> Forklaring:
    """Every rule with its outcome for *arende* and the facts it used (the trace); the
    rule sets and *kodverk* as for `validera`."""
    kontrollera_datum(datum)
    poster = _poster(arende, _med_karnan(_unika(regelverk)), datum, True, kodverk)
    skydd = skyddsmonster(arende)
    if skydd is not None:
        poster = (
            attrs.evolve(
                p,
                fynd=skydda_fynd(p.fynd, skydd),
                fakta=tuple(
                    (skydda_text(namn, skydd), _skyddat_faktum(v, skydd, arende.individ.fodd))
                    for namn, v in p.fakta
                ),
                orsak=skydda_text(p.orsak, skydd) if p.orsak else p.orsak,
            )
            for p in poster
        )
    return Forklaring(arende.id, datum, tuple(poster))


def _skyddat_faktum(varde: object, skydd: re.Pattern[str], fodd: date | None) -> object:
    if isinstance(varde, str):
        return skydda_text(varde, skydd)
    if fodd is not None and varde == fodd:
        return SKYDDAT
    return varde


@frozen
class Agendapost:
    """A deadline of one case: what falls due (or fell due and was missed), when, and why.

    ``dagar`` counts from the check date: days left, or negative for days late.
    """

    frist: date
    arende_id: str = field(converter=sakert_id)
    regel: str
    meddelande: str = field(converter=sakra)
    kalla: Kalla
    titel: str = ""
    sokvag: str | None = field(default=None, converter=sakker_sokvag)
    datum: date | None = None
    """The date the case was checked on (``dagar`` counts from it)."""
    allvarlighet: Allvarlighet = Allvarlighet.INFO
    fil: str | None = field(default=None, converter=sakert_valfritt_filnamn)
    """The file the case was read from, where the caller knows it."""

    @property
    def missad(self) -> bool:
        """The deadline has passed and the rule reports it broken (``fel`` or ``varning``)."""
        return self.allvarlighet is not Allvarlighet.INFO

    @property
    def dagar(self) -> int | None:
        """Days from the check date to the deadline: negative when it is late."""
        return None if self.datum is None else (self.frist - self.datum).days

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """JSON-ready data (schema ``agendapost`` of `utdata_schema`). *som_cli*: the
        command line's shape, ``kalla`` as the string ``"dokument, avsnitt"``."""
        return {
            "frist": self.frist.isoformat(),
            "arende": self.arende_id,
            "regel": self.regel,
            "titel": self.titel,
            "meddelande": self.meddelande,
            "kalla": str(self.kalla) if som_cli else self.kalla.till_dict(),
            "sokvag": self.sokvag,
            "status": "missad" if self.missad else "oppen",
            "allvarlighet": self.allvarlighet.value,
            "dagar": self.dagar,
            "fil": self.fil,
        }


def agenda(
    resultat: Iterable[Resultat],
    *,
    inom_dagar: int | None = None,
    oppna: bool = True,
    missade: bool = False,
) -> list[Agendapost]:
    """The deadlines of the results: open ones (``info`` findings with a ``frist`` not yet
    passed) and, with *missade*, missed ones (``fel``/``varning`` findings with a ``frist``).
    Missed first, then by due date.

    With *inom_dagar*, only open deadlines due within that many days of each result's date
    (missed ones are all shown: they are already late).
    """
    poster = []
    for r in resultat:
        for f in r.fynd:
            if f.frist is None:
                continue
            oppen = f.allvarlighet is Allvarlighet.INFO and f.frist >= r.datum
            missad = f.allvarlighet is not Allvarlighet.INFO
            if oppen and oppna and (inom_dagar is None or (f.frist - r.datum).days <= inom_dagar):
                pass
            elif not (missad and missade):
                continue
            poster.append(
                Agendapost(
                    f.frist,
                    r.arende_id,
                    f.regel,
                    f.meddelande,
                    f.kalla,
                    f.titel,
                    f.sokvag,
                    datum=r.datum,
                    allvarlighet=f.allvarlighet,
                )
            )
    return sorted(poster, key=lambda p: (not p.missad, p.frist, p.arende_id, p.regel))


# -- batches ------------------------------------------------------------------------------


def validera_alla(
    arenden: Iterable[Arende],
    regelverk: Regelverk | Sequence[Regelverk],
    datum: date,
    *,
    processer: int = 1,
    kodverk: Kodverk | None = None,
) -> Iterator[Resultat]:
    """Validate a stream of cases, in order, in constant memory, on several processes."""
    rv = _unika(regelverk)

    def en(arende: Arende) -> Resultat:
        return validera(arende, rv, datum, kodverk=kodverk)

    return ordnad_parallell(en, arenden, processer=processer)
