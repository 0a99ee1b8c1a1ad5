"""Benchmark: the `Kontrollant` next to the path embedders wrote by hand before it.

    python benchmarks/kontrollant.py [N]

Generates N mixed SOFINT/Eda cases (default 5,000) as dicts, then in the same run times
two ways of reading and checking every case, alternating, best of five rounds:

- by hand: ``vard.lasare().tolka(data)``, then ``validera(arende,
  vard.regelverk_for(arende.regelverk), datum)``;
- the checker: ``Kontrollant(vard).kontrollera(data, datum=datum)`` (the same work plus
  choosing the rule sets, argument checks and the result object).

Prints both times and their ratio (issue 9: the checker should add no measurable cost).
Times are CPU time of this process (`time.process_time`), so other load on a shared
machine counts less; each round runs both ways back to back, and the ratio reported is the
median of the rounds' ratios, with the spread.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

from finsam_core import Kontrollant, Pluginvard, validera

DATUM = date(2026, 11, 23)


def main() -> None:
    antal = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    fall = list(arenden(antal, seed=11))
    vard = Pluginvard()
    lasare = vard.lasare()
    kontrollant = Kontrollant(vard)

    def for_hand() -> int:
        fynd = 0
        for data in fall:
            arende = lasare.tolka(data).arende
            assert arende is not None
            fynd += len(validera(arende, vard.regelverk_for(arende.regelverk), DATUM).fynd)
        return fynd

    def med_kontrollant() -> int:
        return sum(len(kontrollant.kontrollera(data, datum=DATUM).fynd) for data in fall)

    assert for_hand() == med_kontrollant()  # the same findings, and a warm-up
    satt: dict[str, Callable[[], Any]] = {"för hand": for_hand, "Kontrollant": med_kontrollant}
    tider: dict[str, list[float]] = {namn: [] for namn in satt}
    for runda in range(7):
        ordning = list(satt.items()) if runda % 2 == 0 else list(satt.items())[::-1]
        for namn, funktion in ordning:
            start = time.process_time()
            funktion()
            tider[namn].append(time.process_time() - start)
    for namn, lista in tider.items():
        basta = min(lista)
        print(f"{namn:<12} bäst {basta:.3f} s ({basta / antal * 1e6:.0f} µs per ärende)")
    kvoter = sorted(k / h for k, h in zip(tider["Kontrollant"], tider["för hand"], strict=True))
    print(
        f"kvot Kontrollant / för hand: median {statistics.median(kvoter):.3f} "
        f"(min {kvoter[0]:.3f}, max {kvoter[-1]:.3f}, {len(kvoter)} rundor)"
    )


if __name__ == "__main__":
    main()
