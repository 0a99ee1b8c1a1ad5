"""Benchmark: single-case validation in-process, p50 and p99, with a full rule set.

    python benchmarks/validering.py [N]

Generates N realistic SOFINT-shaped cases (default 5,000), reads them once, then times
`validera` for each case with the installed ``sofint`` rule set plus core's ``finsam``
rules (19 rules). Target (issue 3): p99 under 1 ms. Three passes; the figures are from the
last (warm) pass. Requires the finsam-sofint plugin to be installed.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import sofint_arende

from finsam_core import Pluginvard, validera


def main() -> None:
    antal = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    vard = Pluginvard()
    regelverk = vard.regelverk_for(["sofint"])
    slump = random.Random(7)
    rader = [json.dumps(sofint_arende(slump, n, "samverkansteamet")) for n in range(antal)]
    arenden = [i.arende for i in vard.lasare().las_rader(rader, fil="bench")]
    assert all(a is not None for a in arenden)
    datum = date(2026, 11, 23)
    for _ in range(3):
        tider = []
        fynd = 0
        for arende in arenden:
            start = time.perf_counter_ns()
            resultat = validera(arende, regelverk, datum)  # type: ignore[arg-type]
            tider.append(time.perf_counter_ns() - start)
            fynd += len(resultat.fynd)
    tider.sort()
    regler = sum(len(rv.regler) for rv in regelverk)
    print(f"ärenden: {antal}, regler: {regler}, fynd: {fynd / antal:.1f} per ärende")
    print(f"p50: {tider[len(tider) // 2] / 1000:.0f} µs")
    print(f"p99: {tider[int(len(tider) * 0.99)] / 1000:.0f} µs   (mål: < 1000 µs)")
    print(f"medel: {statistics.fmean(tider) / 1000:.0f} µs, max: {tider[-1] / 1000:.0f} µs")


if __name__ == "__main__":
    main()
