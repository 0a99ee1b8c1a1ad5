"""The checker for embedders: `Kontrollant`, built once, used from any thread.

A case system, a dashboard or an HTTP service builds one `Kontrollant` at start-up and
calls `Kontrollant.kontrollera` per case. It never raises for bad input: every call returns
a `Kontrollresultat` holding either the findings or what stopped the case (input errors, or
a configuration problem such as a rule set that is installed but deselected).

>>> from datetime import date
>>> kontrollant = Kontrollant(bara_karna=True)
>>> resultat = kontrollant.kontrollera(
...     {"format": "finsam/1", "id": "A-1", "individ": {"kommun": "Eda"}}, datum=date(2025, 6, 1)
... )
>>> resultat.ok, resultat.fynd
(True, ())
>>> kontrollant.kontrollera({"format": "finsam/1"}, datum=date(2025, 6, 1)).indatafel[0].kod
'saknas'
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from attrs import field, frozen

from finsam_core.format.fel import Indatafel, Inlasning
from finsam_core.format.lasare import Filtyp
from finsam_core.model.finsamfel import Konfigurationsfel
from finsam_core.model.utskrift import sakert_valfritt_filnamn, sakert_valfritt_id
from finsam_core.plugins.vard import Pluginvard, hamta_vard
from finsam_core.regler.fynd import Allvarlighet, Fynd
from finsam_core.regler.motor import Resultat, kontrollera_datum, validera
from finsam_core.regler.regel import Regelverk

Indata = Mapping[str, Any] | bytes | str | Path
"""A case as a dict (parsed JSON/YAML), its JSON or YAML text (``str`` or UTF-8 ``bytes``),
or a `pathlib.Path` to a ``.yaml``/``.yml``/``.json`` file holding one case."""


@frozen
class Kontrollresultat:
    """The outcome of checking one case: findings, or what stopped the case.

    Exactly one of three holds: ``ok`` (``resultat`` has the findings), ``indatafel`` (the
    case could not be read, or names an unknown rule set) or ``konfigurationsfel`` (the case
    names a rule set that is installed but deselected or broken: a problem of the
    installation, not of the case).
    """

    fil: str | None = field(converter=sakert_valfritt_filnamn)
    rad: int | None
    arende_id: str | None = field(converter=sakert_valfritt_id)
    resultat: Resultat | None = None
    indatafel: tuple[Indatafel, ...] = ()
    konfigurationsfel: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True if the case was checked (it may still have findings)."""
        return self.resultat is not None

    @property
    def fynd(self) -> tuple[Fynd, ...]:
        """The findings (none if the case was not checked)."""
        return self.resultat.fynd if self.resultat is not None else ()

    def antal(self, allvarlighet: Allvarlighet) -> int:
        """How many findings of one severity."""
        return sum(1 for f in self.fynd if f.allvarlighet is allvarlighet)

    def till_dict(self) -> dict[str, Any]:
        """The documented JSON (schema ``kontrollresultat`` of `utdata_schema`).

        ``{"id", "fil", "rad", "regelverk", "datum", "fynd", "indatafel",
        "konfigurationsfel"}``; every key present, null or empty where it does not apply.
        """
        resultat = self.resultat
        return {
            "id": self.arende_id,
            "fil": self.fil,
            "rad": self.rad,
            "regelverk": list(resultat.regelverk) if resultat else [],
            "datum": resultat.datum.isoformat() if resultat else None,
            "fynd": [f.till_dict() for f in self.fynd],
            "indatafel": [f.till_dict() for f in self.indatafel],
            "konfigurationsfel": list(self.konfigurationsfel),
        }


class Kontrollant:
    """Checks cases against a fixed choice of rule sets; immutable and thread-safe.

    *vard* is the plugin host (default: the process's, `hamta_vard`). *regelverk* fixes
    the rule sets every case is checked against (overriding a case's own ``regelverk``);
    without it each case names its own, and a case that names none is an input error
    unless *bara_karna* is true (then it is checked against core's rules only).

    Construction checks the choice: an id that is not loaded raises `Konfigurationsfel`
    (saying whether it is unknown, deselected or broken), a bare string `TypeError`.
    After that nothing is mutated: one instance can serve any number of threads.
    """

    __slots__ = ("_bara_karna", "_fasta", "_lasare", "_vard")

    def __init__(
        self,
        vard: Pluginvard | None = None,
        *,
        regelverk: Sequence[str] | None = None,
        bara_karna: bool = False,
    ) -> None:
        self._vard = vard if vard is not None else hamta_vard()
        self._fasta: tuple[Regelverk, ...] | None = (
            self._vard.regelverk_for(regelverk) if regelverk is not None else None
        )
        self._bara_karna = bara_karna
        self._lasare = self._vard.lasare()

    @property
    def vard(self) -> Pluginvard:
        """The plugin host this checker uses."""
        return self._vard

    @property
    def regelverk(self) -> tuple[str, ...] | None:
        """The fixed rule set ids (core's first), or None if each case names its own."""
        return tuple(rv.id for rv in self._fasta) if self._fasta is not None else None

    # -- one case ---------------------------------------------------------------------------

    def las(self, indata: Indata, *, fil: str | None = None) -> Inlasning:
        """Read one case without checking it: the `Arende`, or the input errors.

        The supported way to build a case from a dict in memory (``Arende(**data)`` does
        not check anything).
        """
        if isinstance(indata, Path):
            inlasningar = list(self._lasare.las_fil(indata))
            if len(inlasningar) == 1:
                return inlasningar[0]
            namn = str(indata)
            meddelande = (
                f"filen innehåller {len(inlasningar)} ärenden: förväntade ett; "
                "använd kontrollera_alla för flera"
            )
            return Inlasning(fil=namn, fel=(Indatafel(namn, meddelande, kod="flera_arenden"),))
        namn = fil or "<data>"
        if isinstance(indata, bytes | str):
            text = (
                indata.decode("utf-8-sig", errors="replace")
                if isinstance(indata, bytes)
                else indata
            )
            filtyp: Filtyp = "json" if text.lstrip().startswith("{") else "yaml"
            return next(iter(self._lasare.las_text(text, fil=namn, filtyp=filtyp)))
        if isinstance(indata, Mapping):
            return self._lasare.tolka(dict(indata), fil=namn)
        raise TypeError(
            "indata ska vara en dict, JSON- eller YAML-text (str/bytes) eller en "
            f"pathlib.Path, inte {type(indata).__name__}"
        )

    def kontrollera(
        self, indata: Indata, *, datum: date, fil: str | None = None
    ) -> Kontrollresultat:
        """Read and check one case on *datum*; never raises for bad input.

        *fil* names the source in input errors (default ``<data>``, or the path).
        """
        kontrollera_datum(datum)
        return self.kontrollera_inlasning(self.las(indata, fil=fil), datum=datum, _raa=indata)

    def kontrollera_inlasning(
        self, inlasning: Inlasning, *, datum: date, _raa: object = None
    ) -> Kontrollresultat:
        """Check a case already read (an `Inlasning` from `Lasare` or `las`)."""
        kontrollera_datum(datum)
        arende = inlasning.arende
        if arende is None:
            # A case that could not be read because its rule set's plugin is deselected or
            # broken would list that plugin's codes as unknown: say what is really wrong.
            problem = self._konfigurationsproblem(_namngivna_regelverk(_raa))
            if problem:
                return Kontrollresultat(
                    inlasning.fil, inlasning.rad, _id_ur(inlasning), konfigurationsfel=problem
                )
            return Kontrollresultat(
                inlasning.fil, inlasning.rad, _id_ur(inlasning), indatafel=inlasning.fel
            )
        valda = self._valda(inlasning)
        if not isinstance(valda, tuple):
            return valda
        resultat = validera(arende, valda, datum, kodverk=self._vard.kodverk)
        return Kontrollresultat(inlasning.fil, inlasning.rad, arende.id, resultat)

    def _valda(self, inlasning: Inlasning) -> tuple[Regelverk, ...] | Kontrollresultat:
        arende = inlasning.arende
        assert arende is not None
        if self._fasta is not None:
            return self._fasta
        ids = arende.regelverk
        if not ids and self._bara_karna:
            return self._vard.regelverk_for(())
        if not ids:
            fel = Indatafel(
                inlasning.fil,
                "ärendet anger inget regelverk: ange regelverk: [id] i ärendet, eller välj "
                "regelverk för kontrollen (--regelverk)",
                rad=inlasning.rad,
                sokvag="regelverk",
                arende_id=arende.id,
                kod="inget_regelverk",
            )
            return Kontrollresultat(inlasning.fil, inlasning.rad, arende.id, indatafel=(fel,))
        problem = self._konfigurationsproblem(ids)
        if problem:
            return Kontrollresultat(
                inlasning.fil, inlasning.rad, arende.id, konfigurationsfel=problem
            )
        for i, regelverk_id in enumerate(ids):
            saknas = self._vard.saknat_regelverk(regelverk_id)
            if saknas is not None:
                fel = Indatafel(
                    inlasning.fil,
                    saknas,
                    rad=inlasning.rad,
                    sokvag=f"regelverk[{i}]",
                    arende_id=arende.id,
                    kod="okant_regelverk",
                )
                return Kontrollresultat(inlasning.fil, inlasning.rad, arende.id, indatafel=(fel,))
        return self._vard.regelverk_for(ids)

    def _konfigurationsproblem(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Messages for rule sets that exist as plugins but are deselected or broken."""
        if self._fasta is not None:
            return ()
        problem = []
        for regelverk_id in ids:
            saknas = self._vard.saknat_regelverk(regelverk_id)
            if saknas is not None and not saknas.startswith("okänt regelverk"):
                problem.append(saknas)
        return tuple(problem)

    # -- many cases -------------------------------------------------------------------------

    def kontrollera_alla(self, *sokvagar: str | Path, datum: date) -> Iterator[Kontrollresultat]:
        """Check every case in files, folders and ``.jsonl`` batches, in order, streaming.

        One result per case read (and one per file that could not be read at all).
        """
        kontrollera_datum(datum)
        for inlasning in self._lasare.las(*sokvagar):
            yield self.kontrollera_inlasning(inlasning, datum=datum)


def _id_ur(inlasning: Inlasning) -> str | None:
    return next((f.arende_id for f in inlasning.fel if f.arende_id), None)


def _namngivna_regelverk(raa: object) -> tuple[str, ...]:
    """The ``regelverk`` a case that could not be read names, if it can be seen."""
    data: object = raa
    if isinstance(raa, bytes | str):
        try:
            data = json.loads(raa)
        except (ValueError, RecursionError):
            return ()
    if isinstance(data, Mapping):
        ids = data.get("regelverk")
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            return tuple(ids)
    return ()


_KONTROLLANTER: dict[tuple[tuple[str, ...] | None, bool], Kontrollant] = {}
"""One checker per choice of rule sets, for the process's current host."""
_KONTROLLANTLAS = threading.Lock()


def kontrollera(
    indata: Indata,
    *,
    datum: date,
    regelverk: Sequence[str] | None = None,
    bara_karna: bool = False,
    fil: str | None = None,
) -> Kontrollresultat:
    """Check one case in one call, with the process's plugins (`hamta_vard`).

    The same as ``Kontrollant(regelverk=…, bara_karna=…).kontrollera(indata, datum=…)``;
    the checker for each choice of rule sets is built once and reused (thread-safe).
    """
    if isinstance(regelverk, str):
        raise TypeError(f"ange regelverken som en lista, t.ex. [{regelverk!r}], inte som en sträng")
    nyckel = (tuple(regelverk) if regelverk is not None else None, bara_karna)
    vard = hamta_vard()
    kontrollant = _KONTROLLANTER.get(nyckel)
    if kontrollant is None or kontrollant.vard is not vard:  # a new host after aterstall_vard
        with _KONTROLLANTLAS:
            kontrollant = _KONTROLLANTER.get(nyckel)
            if kontrollant is None or kontrollant.vard is not vard:
                kontrollant = Kontrollant(vard, regelverk=regelverk, bara_karna=bara_karna)
                _KONTROLLANTER[nyckel] = kontrollant
    return kontrollant.kontrollera(indata, datum=datum, fil=fil)


__all__ = ["Indata", "Konfigurationsfel", "Kontrollant", "Kontrollresultat", "kontrollera"]
