"""Prove a report's small-cell protection: no hidden value can be recomputed.

Works from the published report alone, the way a reader would: a shown count is exact,
``"1–T"`` is one of 1..T, ``"dold"`` is above T (in a table where every count is ``"dold"``
the table is withheld, and each may be anything from 0), and the report's sums hold (rows
add up to the total row; parts of a count add up to it). For every hidden count it searches,
exhaustively, for two different values that fit everything published; one that fits only
one value is revealed. Shares are checked against the counts shown beside them.

It works on the published report (what a reader has), not on the engine's data, with the
engine's exact search run without a budget: the engine's audit may stop early and hide
more; this check never stops early.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from finsam_core.rapport.rapport import Rapportresultat
from finsam_core.rapport.skydd import exakt_avslojade


def avslojade_i_tabell(
    publicerat: dict[Hashable, int | str],
    linjer: list[tuple[list[Hashable], Hashable]],
    troskel: int,
) -> list[str]:
    """The hidden cells of *publicerat* that only one value fits (should be none): the
    engine's exact search (`exakt_avslojade`) without a budget, over what is published.

    *publicerat* maps cells to a shown count, ``"1–T"`` or ``"dold"``; *linjer* are
    ``(parts, total)``: the parts add up to the total.
    """
    return [str(c) for c in exakt_avslojade(publicerat, linjer, troskel)]


def avslojade_celler(resultat: Rapportresultat) -> list[str]:
    """What a reader could recompute from *resultat* (a protected report): hidden counts
    pinned to one value, and shares that give a hidden count away. Empty when safe."""
    if resultat.troskel is None:
        raise ValueError("rapporten är utan skydd")
    t = resultat.troskel
    rapport = resultat.rapport
    rader: list[dict[str, Any]] = [resultat.rad_som_dict(r) for r in resultat.rader]
    if resultat.totalt is not None:
        rader.append(resultat.rad_som_dict(resultat.totalt))
    antal = [m.namn for m in rapport.matt if m.slag == "antal"]
    publicerat: dict[Hashable, int | str] = {
        (i, namn): rad[namn] for i, rad in enumerate(rader) for namn in antal
    }
    linjer: list[tuple[list[Hashable], Hashable]] = []
    if resultat.totalt is not None:
        for namn in antal:
            linjer.append(([(i, namn) for i in range(len(rader) - 1)], (len(rader) - 1, namn)))
    for helhet in antal:
        delar = [m.namn for m in rapport.matt if getattr(m, "del_av", None) == helhet]
        if delar:
            for i in range(len(rader)):
                linjer.append(([(i, d) for d in delar], (i, helhet)))
    fynd = avslojade_i_tabell(publicerat, linjer, t)
    for m in rapport.matt:
        namnare = getattr(m, "namnare_matt", None)
        if m.slag != "andel" or namnare is None:
            continue
        for i, rad in enumerate(rader):
            andel, n = rad[m.namn], rad[namnare]
            if andel is None:
                continue
            if not isinstance(n, int):
                fynd.append(f"({i}, {m.namn!r}): andel visad över ett dolt antal")
                continue
            k = round(andel * n)
            if 1 <= k <= t or 1 <= n - k <= t:
                fynd.append(f"({i}, {m.namn!r}): andelen röjer ett antal 1–{t}")
    for f in resultat.fordelningar:
        publ: dict[Hashable, int | str] = {"antal": resultat.visat_antal(f.antal)}
        publ.update({namn: resultat.visat_antal(c) for namn, c in f.staplar})
        fynd += avslojade_i_tabell(publ, [([n for n, _ in f.staplar], "antal")], t)
    return fynd
