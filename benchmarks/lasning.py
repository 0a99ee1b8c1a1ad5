"""Benchmark: reading and structuring JSON Lines cases, next to plain ``json.loads``.

    python benchmarks/lasning.py [N]

Generates N realistic cases (default 20,000), then times, in the same process and run,
(a) ``json.loads`` of every line and (b) `Lasare.las_rader` over the same lines (parse +
structure + checks). Reports cases/s for both and the ratios. Target (issue 2):
structuring costs at most 4x ``json.loads``, i.e. (b - a) / a <= 4.
Best of 5 repetitions each, to damp noise from a shared machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

from finsam_core import KARNKODVERK, Enhet, Lasare


def main() -> None:
    antal = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rader = [json.dumps(a, ensure_ascii=False) for a in arenden(antal)]
    kodverk = KARNKODVERK.utokad(
        enheter=[Enhet("samverkansteamet", "Samverkansteamet", "samordningsforbund")]
    )
    lasare = Lasare(kodverk)
    fel = sum(1 for i in lasare.las_rader(rader, fil="bench") if not i.ok)
    assert fel == 0, f"{fel} generated cases did not read"

    def tid(funktion: object) -> float:
        basta = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            funktion()  # type: ignore[operator]
            basta = min(basta, time.perf_counter() - start)
        return basta

    loads = json.loads

    def bara_json() -> None:
        # Streaming, like the reader: nothing is kept, so neither side pays for the
        # garbage collector walking a growing heap.
        for rad in rader:
            loads(rad)

    t_json = tid(bara_json)
    t_las = tid(lambda: sum(1 for _ in lasare.las_rader(rader, fil="bench")))
    storlek = sum(map(len, rader)) / antal
    print(f"ärenden: {antal}, medelstorlek {storlek:.0f} tecken per rad")
    print(f"json.loads:               {antal / t_json:10,.0f} ärenden/s  ({t_json:.3f} s)")
    print(f"läsning + strukturering:  {antal / t_las:10,.0f} ärenden/s  ({t_las:.3f} s)")
    print(f"läsning totalt / json.loads:      {t_las / t_json:.2f}x")
    print(f"strukturering / json.loads:       {(t_las - t_json) / t_json:.2f}x  (mål: <= 4x)")


if __name__ == "__main__":
    main()
