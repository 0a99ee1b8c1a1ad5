"""The "who sits where" matrix (F-SVB-2): which organisation takes part in which arena.

>>> from finsam_core.arenor.arena import Niva
>>> from finsam_core.model.kommuner import hitta_kommun
>>> from finsam_core.regler.fynd import Kalla
>>> def arena(id, *org):
...     return Arena(id=id, namn=id, kommuner=(hitta_kommun("Habo"),), niva=Niva.INDIVID,
...                  malgrupp="–", kalla=Kalla("k.txt", "s. 1", "…"), organisationer=org)
>>> m = matris([arena("a", "af", "ame"), arena("b", "ame", "af"), arena("c", "af")])
>>> m.organisationer["af"], m.overlapp
(('a', 'b', 'c'), (('a', 'b'),))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrs import frozen

from finsam_core.arenor.arena import Arena


@frozen
class Matris:
    """Organisation → the arenas it sits in (in data order), and overlapping arenas."""

    organisationer: Mapping[str, tuple[str, ...]]
    overlapp: tuple[tuple[str, str], ...]
    """Pairs of arenas with the same members, the same level and a municipality in common:
    candidates for "frågor som tenderar att diskuteras på fler arenor"."""

    def till_dict(self) -> dict[str, Any]:
        """``{"organisationer": {org: [arena, …]}, "overlapp": [[a, b], …]}``."""
        return {
            "organisationer": {org: list(ids) for org, ids in self.organisationer.items()},
            "overlapp": [list(par) for par in self.overlapp],
        }


def matris(arenor: Iterable[Arena]) -> Matris:
    """The matrix of *arenas*, organisations sorted by name."""
    lista = tuple(arenor)
    per_organisation: dict[str, list[str]] = {}
    for arena in lista:
        for organisation in dict.fromkeys(arena.organisationer):
            per_organisation.setdefault(organisation, []).append(arena.id)
    overlapp = []
    for i, forsta in enumerate(lista):
        for andra in lista[i + 1 :]:
            if (
                forsta.organisationer
                and set(forsta.organisationer) == set(andra.organisationer)
                and forsta.niva is andra.niva
                and forsta.kommunkoder & andra.kommunkoder
            ):
                overlapp.append((forsta.id, andra.id))
    return Matris(
        {org: tuple(ids) for org, ids in sorted(per_organisation.items())}, tuple(overlapp)
    )
