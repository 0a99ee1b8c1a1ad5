"""Evaluating rule sets against cases: `validera`, `forklara`, `agenda`, `validera_alla`.

`validera` is a pure function of the case, the rule sets and the validation date. A rule
whose check raises is reported as a ``fel`` finding naming the rule (and, through the
rule set, its plugin); the other rules still run.
"""

from __future__ import annotations

import enum
import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from attrs import frozen

from finsam_core.model.arende import Arende
from finsam_core.regler.fynd import Allvarlighet, Bedomning, Fynd
from finsam_core.regler.regel import Arendevy, Kontext, Regel, Regelverk


@frozen
class Resultat:
    """The findings for one case on one validation date."""

    arende_id: str
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


@frozen
class Regelpost:
    """One rule's outcome for one case, with the facts it used."""

    regelverk: str
    regel: Regel
    utslag: Utslag
    fynd: tuple[Fynd, ...] = ()
    fakta: tuple[tuple[str, object], ...] = ()
    orsak: str | None = None


@frozen
class Forklaring:
    """Every rule of the rule sets with its outcome for one case (the trace)."""

    arende_id: str
    datum: date
    poster: tuple[Regelpost, ...]


def _unika(regelverk: Regelverk | Sequence[Regelverk]) -> tuple[Regelverk, ...]:
    lista = (regelverk,) if isinstance(regelverk, Regelverk) else tuple(regelverk)
    return tuple({rv.id: rv for rv in lista}.values())


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


def _kor(vy: Arendevy, regel: Regel, regelverk: Regelverk, datum: date, sparar: bool) -> Regelpost:
    ctx = Kontext(vy, regel, regelverk, datum, sparar)
    try:
        regel.kontroll(ctx)
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
    arende: Arende, regelverk: tuple[Regelverk, ...], datum: date, sparar: bool
) -> Iterator[Regelpost]:
    vy = Arendevy(arende)
    for rv in regelverk:
        for regel in rv.regler:
            yield _kor(vy, regel, rv, datum, sparar)


def validera(arende: Arende, regelverk: Regelverk | Sequence[Regelverk], datum: date) -> Resultat:
    """Check *arende* against *regelverk* on *datum*; a pure function.

    Pass every rule set the case should meet, core's ``finsam`` included (the plugin host's
    `regelverk_for` does that for you). A rule set given twice is run once.
    """
    rv = _unika(regelverk)
    vy = Arendevy(arende)
    fynd: list[Fynd] = []
    for ett in rv:
        for regel in ett.regler:
            ctx = Kontext(vy, regel, ett, datum, False)
            try:
                regel.kontroll(ctx)
            except Exception as undantag:  # a broken rule must not stop the others
                fynd.append(_regelfel(regel, ett, undantag))
            else:
                fynd.extend(ctx._fynd)
    return Resultat(arende.id, tuple(r.id for r in rv), datum, tuple(fynd))


def forklara(arende: Arende, regelverk: Regelverk | Sequence[Regelverk], datum: date) -> Forklaring:
    """Every rule with its outcome for *arende* and the facts it used (the trace)."""
    return Forklaring(arende.id, datum, tuple(_poster(arende, _unika(regelverk), datum, True)))


@frozen
class Agendapost:
    """An open deadline of one case: what falls due, when, and why."""

    frist: date
    arende_id: str
    regel: str
    meddelande: str
    kalla: str


def agenda(resultat: Iterable[Resultat], *, inom_dagar: int | None = None) -> list[Agendapost]:
    """The open deadlines (``info`` findings with a ``frist``) of the results, by due date.

    With *inom_dagar*, only those due within that many days of each result's date.
    """
    poster = [
        Agendapost(f.frist, r.arende_id, f.regel, f.meddelande, str(f.kalla))
        for r in resultat
        for f in r.fynd
        if f.allvarlighet is Allvarlighet.INFO
        and f.frist is not None
        and f.frist >= r.datum
        and (inom_dagar is None or (f.frist - r.datum).days <= inom_dagar)
    ]
    return sorted(poster, key=lambda p: (p.frist, p.arende_id, p.regel))


# -- batches ------------------------------------------------------------------------------

_SLUT = object()
_ARBETE: tuple[Callable[[Any], Any]] | None = None


def _arbetarstart(funktion: Callable[[Any], Any]) -> None:
    global _ARBETE
    _ARBETE = (funktion,)


def _arbeta(sats: list[Any]) -> list[Any]:
    assert _ARBETE is not None
    (funktion,) = _ARBETE
    return [funktion(x) for x in sats]


def ordnad_parallell(
    funktion: Callable[[Any], Any],
    indata: Iterable[Any],
    *,
    processer: int,
    satsstorlek: int = 256,
    forst_i_processen: int = 0,
) -> Iterator[Any]:
    """``map(funktion, indata)`` over *processer* processes, in input order, streaming.

    At most ``2 × processer`` batches are in flight, so memory stays flat however long
    *indata* is. The first *forst_i_processen* items run in-process, so that a short input
    never pays for starting workers. With one process (or where ``fork`` is unavailable)
    everything runs in-process. *funktion* need not be picklable: workers are forked with
    it in memory.
    """
    if processer <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(funktion, indata)
        return
    indata = iter(indata)
    for _, x in zip(range(forst_i_processen), indata, strict=False):
        yield funktion(x)
    forsta = next(indata, _SLUT)
    if forsta is _SLUT:
        return
    indata = itertools.chain((forsta,), indata)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processer, initializer=_arbetarstart, initargs=(funktion,)) as pool:
        vantande: deque[Any] = deque()
        sats: list[Any] = []
        for x in indata:
            sats.append(x)
            if len(sats) == satsstorlek:
                vantande.append(pool.apply_async(_arbeta, (sats,)))
                sats = []
                if len(vantande) >= 2 * processer:
                    yield from vantande.popleft().get()
        if sats:
            vantande.append(pool.apply_async(_arbeta, (sats,)))
        while vantande:
            yield from vantande.popleft().get()


def validera_alla(
    arenden: Iterable[Arende],
    regelverk: Regelverk | Sequence[Regelverk],
    datum: date,
    *,
    processer: int = 1,
) -> Iterator[Resultat]:
    """Validate a stream of cases, in order, in constant memory, on several processes."""
    rv = _unika(regelverk)

    def en(arende: Arende) -> Resultat:
        return validera(arende, rv, datum)

    return ordnad_parallell(en, arenden, processer=processer)
