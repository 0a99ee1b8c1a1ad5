"""Small-cell protection: no published cell may reveal one person.

A table of counts comes with its *lines* (`Linje`): sets of cells that add up to another
cell (the rows of a column to its total; the parts of a count to the count). Protection:

1. **Primary:** every count from 1 to the threshold is hidden; it is shown as ``"1–4"``
   (threshold 4), so a reader knows it is in 1..4.
2. **Secondary:** a line with exactly one hidden cell would give it away (total minus the
   rest), so a second cell of that line is hidden too: the smallest non-zero one. It is
   shown as ``"dold"``; it is larger than the threshold (every smaller count is hidden
   already), which a reader may know.
3. **Audit:** with those facts (``"1–4"`` is in 1..T, ``"dold"`` is above T, shown numbers
   are exact, every line adds up) the range each hidden cell can take is narrowed by interval
   propagation, then searched exactly (`exakt_avslojade`: two different values that fit
   everything published must exist for every hidden cell; interval propagation alone misses
   cells pinned by two lines together). A cell pinned to one value would be revealed, so one
   more cell of one of its lines is hidden and the audit runs again. The exact search has a
   budget per cell; a cell it cannot decide within it counts as revealed (safe, not tight).
   When no cell is left to hide (a table of a few persons), the whole table is withheld:
   every count, zeros included, is ``"dold"``, and then nothing is said about any of them.

The threshold is at least 3 (`LAGSTA_TROSKEL`). Zeros are shown: a zero reveals nobody.

>>> tabell = {"a": 3, "b": 10, "c": 12, "summa": 25}
>>> dolda = skydda(tabell, [Linje(("a", "b", "c"), "summa")], troskel=4)
>>> sorted(dolda.items())
[('a', 'primar'), ('b', 'sekundar')]
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Literal

from attrs import frozen

STANDARDTROSKEL = 4
LAGSTA_TROSKEL = 3
OANDLIGT = 10**15

Doljning = Literal["primar", "sekundar"]


@frozen
class Linje:
    """Cells whose values add up to the value of *summa*."""

    delar: tuple[Hashable, ...]
    summa: Hashable

    @property
    def celler(self) -> tuple[Hashable, ...]:
        return (*self.delar, self.summa)


def markering(troskel: int) -> str:
    """How a primary-hidden count is shown: ``"1–4"`` for threshold 4."""
    return f"1–{troskel}"


DOLD = "dold"
"""How a secondary-hidden count is shown (its value is above the threshold)."""


def skydda(
    tabell: Mapping[Hashable, int], linjer: Sequence[Linje], *, troskel: int
) -> dict[Hashable, Doljning]:
    """The cells of *tabell* to hide, each marked primary or secondary."""
    if troskel < LAGSTA_TROSKEL:
        raise ValueError(f"tröskeln får inte vara under {LAGSTA_TROSKEL}, fick {troskel}")
    dolda: dict[Hashable, Doljning] = {
        cell: "primar" for cell, varde in tabell.items() if 1 <= varde <= troskel
    }
    while True:
        if _dolj_en_partner(tabell, linjer, dolda):
            continue
        avslojade = avslojade_celler(tabell, linjer, dolda, troskel=troskel)
        if not avslojade:
            avslojade = exakt_avslojade(
                publicera(tabell, dolda, troskel),
                [(list(ln.delar), ln.summa) for ln in linjer],
                troskel,
                budget=SOKBUDGET,
            )
        if not avslojade:
            return dolda
        if not _dolj_i_linjer(tabell, [ln for ln in linjer if avslojade[0] in ln.celler], dolda):
            # Nothing left to hide next to it (a table of a few persons, where "each hidden
            # count is at least 1" adds up): withhold the whole table, zeros included.
            return dict.fromkeys(tabell, "sekundar")


def _kandidat(
    tabell: Mapping[Hashable, int], linje: Linje, dolda: Mapping[Hashable, str]
) -> Hashable | None:
    synliga = [
        (tabell[c], c == linje.summa, i)
        for i, c in enumerate(linje.celler)
        if c not in dolda and tabell[c] > 0
    ]
    if not synliga:
        return None
    return linje.celler[min(synliga)[2]]


def _dolj_en_partner(
    tabell: Mapping[Hashable, int], linjer: Sequence[Linje], dolda: dict[Hashable, Doljning]
) -> bool:
    for linje in linjer:
        if sum(c in dolda for c in linje.celler) == 1:
            kandidat = _kandidat(tabell, linje, dolda)
            if kandidat is not None:
                dolda[kandidat] = "sekundar"
                return True
    return False


def _dolj_i_linjer(
    tabell: Mapping[Hashable, int], linjer: Sequence[Linje], dolda: dict[Hashable, Doljning]
) -> bool:
    for linje in sorted(linjer, key=lambda ln: sum(c in dolda for c in ln.celler)):
        kandidat = _kandidat(tabell, linje, dolda)
        if kandidat is not None:
            dolda[kandidat] = "sekundar"
            return True
    return False


def intervall(
    tabell: Mapping[Hashable, int],
    linjer: Sequence[Linje],
    dolda: Mapping[Hashable, str],
    *,
    troskel: int,
) -> dict[Hashable, tuple[int, int]]:
    """What a reader can narrow each hidden cell to, from what is published.

    Interval propagation over the lines until nothing changes: sound (the true value always
    lies inside), not always tight, which is why the tests check shipped reports exhaustively.
    """
    granser: dict[Hashable, tuple[int, int]] = {}
    for cell, varde in tabell.items():
        if cell not in dolda:
            granser[cell] = (varde, varde)
        elif dolda[cell] == "primar":
            granser[cell] = (1, troskel)
        else:
            granser[cell] = (troskel + 1, OANDLIGT)
    for _ in range(100):
        andrat = False
        for linje in linjer:
            delar = [granser[c] for c in linje.delar]
            lag = sum(g[0] for g in delar)
            hog = sum(g[1] for g in delar)
            s_lag, s_hog = granser[linje.summa]
            ny_summa = (max(s_lag, lag), min(s_hog, hog))
            if ny_summa != granser[linje.summa]:
                granser[linje.summa] = ny_summa
                andrat = True
            s_lag, s_hog = ny_summa
            for cell, (c_lag, c_hog) in zip(linje.delar, delar, strict=True):
                ovriga_lag, ovriga_hog = lag - c_lag, hog - c_hog
                ny = (max(c_lag, s_lag - ovriga_hog), min(c_hog, s_hog - ovriga_lag))
                if ny != granser[cell]:
                    granser[cell] = ny
                    andrat = True
        if not andrat:
            break
    return {cell: granser[cell] for cell in dolda}


def avslojade_celler(
    tabell: Mapping[Hashable, int],
    linjer: Sequence[Linje],
    dolda: Mapping[Hashable, str],
    *,
    troskel: int,
) -> list[Hashable]:
    """Hidden cells a reader could still pin to one value (should be none)."""
    return [
        cell
        for cell, (lag, hog) in intervall(tabell, linjer, dolda, troskel=troskel).items()
        if lag >= hog
    ]


SOKBUDGET = 20_000
"""Steps the exact audit may spend on one hidden cell before it counts the cell as revealed."""


def publicera(
    tabell: Mapping[Hashable, int], dolda: Mapping[Hashable, str], troskel: int
) -> dict[Hashable, int | str]:
    """What a reader sees: shown counts, ``"1–T"`` and ``"dold"``."""
    return {
        cell: (markering(troskel) if dolda[cell] == "primar" else DOLD) if cell in dolda else v
        for cell, v in tabell.items()
    }


class _Slut(Exception):
    pass


def exakt_avslojade(
    publicerat: Mapping[Hashable, int | str],
    linjer: Sequence[tuple[Sequence[Hashable], Hashable]],
    troskel: int,
    *,
    budget: int | None = None,
) -> list[Hashable]:
    """The hidden cells of *publicerat* that fewer than two values fit, by exact search.

    *publicerat* maps cells to a shown count, ``"1–T"`` or ``"dold"``; *linjer* are
    ``(parts, total)``. For each hidden cell it looks for two different values that fit
    every line with some values of the other hidden cells. With a *budget* (search steps per
    cell), a cell not decided within it is listed as well: the caller hides more.
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
    linjer_for: dict[Hashable, list[tuple[Sequence[Hashable], Hashable]]] = {c: [] for c in doman}
    for linje in linjer:
        for cell in (*linje[0], linje[1]):
            linjer_for[cell].append(linje)

    def mojlig(tilldelat: dict[Hashable, int], linje: tuple[Sequence[Hashable], Hashable]) -> bool:
        def granser(c: Hashable) -> tuple[int, int]:
            if c in tilldelat:
                return tilldelat[c], tilldelat[c]
            return doman[c].start, doman[c].stop - 1

        lag = sum(granser(c)[0] for c in linje[0])
        hog = sum(granser(c)[1] for c in linje[0])
        s_lag, s_hog = granser(linje[1])
        return lag <= s_hog and s_lag <= hog

    steg = [0]

    def losbar(tilldelat: dict[Hashable, int], kvar: list[Hashable]) -> bool:
        if not kvar:
            return True
        steg[0] += 1
        if budget is not None and steg[0] > budget:
            raise _Slut
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
        steg[0] = 0
        try:
            for v in doman[cell]:
                tilldelat = {cell: v}
                if all(mojlig(tilldelat, ln) for ln in linjer_for[cell]) and losbar(
                    tilldelat, ovriga
                ):
                    passar += 1
                    if passar == 2:
                        break
        except _Slut:
            passar = 0
        if passar < 2:
            avslojade.append(cell)
    return avslojade
