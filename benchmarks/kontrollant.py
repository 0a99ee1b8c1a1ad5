"""Benchmark: the `Kontrollant` next to the path embedders wrote by hand before it.

    python benchmarks/kontrollant.py [N]

Generates N mixed SOFINT/Eda cases (default 5,000) as dicts, then in the same run times
two ways of reading and checking every case, alternating, best of five rounds:

- by hand: ``vard.lasare().tolka(data)``, then ``validera(arende,
  vard.regelverk_for(arende.regelverk), datum)``;
- the checker: ``Kontrollant(vard).kontrollera(data, datum=datum)`` (the same work plus
  choosing the rule sets, argument checks and the result object).

Prints both times and their ratio (issue 9: the checker should add no measurable cost).
"""

from __future__ import annotations

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
    basta: dict[str, float] = {}
    satt: dict[str, Callable[[], Any]] = {"för hand": for_hand, "Kontrollant": med_kontrollant}
    for _ in range(5):
        for namn, funktion in satt.items():
            start = time.perf_counter()
            funktion()
            basta[namn] = min(basta.get(namn, float("inf")), time.perf_counter() - start)
    for namn, tid in basta.items():
        print(f"{namn:<12} {tid:.3f} s  ({tid / antal * 1e6:.0f} µs per ärende)")
    print(f"kvot Kontrollant / för hand: {basta['Kontrollant'] / basta['för hand']:.3f}")


if __name__ == "__main__":
    main()
