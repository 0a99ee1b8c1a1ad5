"""Prove a report's small-cell protection: no hidden value can be recomputed.

Works from the published report alone, the way a reader would: a shown count is exact,
``"1–T"`` is one of 1..T, ``"dold"`` is above T (in a table where every count is ``"dold"``
the table is withheld, and each may be anything from 0), and the report's sums hold (rows
add up to the total row; parts of a count add up to it). For every hidden count it searches,
exhaustively, for two different values that fit everything published; one that fits only
one value is revealed. Shares are checked against the counts shown beside them.

It is independent of the engine's own interval audit, so a test that uses it checks the
engine rather than repeating it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from finsam_core.rapport.rapport import Rapportresultat
from finsam_core.rapport.skydd import DOLD


def avslojade_i_tabell(
    publicerat: dict[Hashable, int | str],
    linjer: list[tuple[list[Hashable], Hashable]],
    troskel: int,
) -> list[str]:
    """The hidden cells of *publicerat* that only one value fits (should be none).

    *publicerat* maps cells to a shown count, ``"1–T"`` or ``"dold"``; *linjer* are
    ``(parts, total)``: the parts add up to the total.
    """
    visade = [v for v in publicerat.values() if isinstance(v, int)]
    tak = 2 * max([*visade, troskel + 1]) + troskel
    doman: dict[Hashable, range] = {}
    for cell, varde in publicerat.items():
        if isinstance(varde, int):
            doman[cell] = range(varde, varde + 1)
        elif varde == DOLD:
            doman[cell] = range(troskel + 1, tak + 1)
        else:
            doman[cell] = range(1, troskel + 1)
    if all(v == DOLD for v in publicerat.values()):
        # A withheld table: nothing is said about any cell, zeros included.
        doman = {c: range(0, tak + 1) for c in publicerat}
    dolda = [c for c, v in publicerat.items() if not isinstance(v, int)]
    linjer_for: dict[Hashable, list[tuple[list[Hashable], Hashable]]] = {c: [] for c in doman}
    for linje in linjer:
        for cell in (*linje[0], linje[1]):
            linjer_for[cell].append(linje)

    def mojlig(tilldelat: dict[Hashable, int], linje: tuple[list[Hashable], Hashable]) -> bool:
        def granser(c: Hashable) -> tuple[int, int]:
            if c in tilldelat:
                return tilldelat[c], tilldelat[c]
            return doman[c].start, doman[c].stop - 1

        lag = sum(granser(c)[0] for c in linje[0])
        hog = sum(granser(c)[1] for c in linje[0])
        s_lag, s_hog = granser(linje[1])
        return lag <= s_hog and s_lag <= hog

    def losbar(tilldelat: dict[Hashable, int], kvar: list[Hashable]) -> bool:
        if not kvar:
            return True
        cell, resten = kvar[0], kvar[1:]
        for v in doman[cell]:
            tilldelat[cell] = v
            if all(mojlig(tilldelat, ln) for ln in linjer_for[cell]) and losbar(tilldelat, resten):
                del tilldelat[cell]
                return True
            del tilldelat[cell]
        return False

    avslojade = []
    for cell in dolda:
        ovriga = [c for c in dolda if c != cell]
        passar = 0
        for v in doman[cell]:
            tilldelat = {cell: v}
            if all(mojlig(tilldelat, ln) for ln in linjer_for[cell]) and losbar(tilldelat, ovriga):
                passar += 1
                if passar == 2:
                    break
        if passar < 2:
            avslojade.append(str(cell))
    return avslojade


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
