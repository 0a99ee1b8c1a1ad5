"""Benchmark: what each rule's check costs per case, on generated cases already read.

    python benchmarks/per_regel.py [--antal N] [--andel-sofint F] [--upprepningar R] [--topp K]

Generates N cases (default 3,000; a share F of them SOFINT-shaped, default 0.5, the rest
Eda-shaped), reads them, and runs every rule of each case's rule sets the way `validera`
does (one `Arendevy` per case shared by its rules, a fresh `Kontext` per rule), timing each
rule's check on its own. Prints the K most expensive rules (default 15) in microseconds per
case that ran them, best of R rounds (default 3), and the sum over all rules.

The selector cache (`Arendevy.minne`) is shared between the rules of a case, so the first
rule that asks for a selector pays for it: a rule's figure depends on its place in the
rule set, as it does in `validera`. The last line gives ``fart.py``'s rules figure:
``json.loads`` of every line (the floor) against `validera` of every case read.

Times are this process's CPU time (`time.process_time`, less the cost of reading that
clock), not wall time: on a machine shared with other work the wall clock also counts the
time other processes had the core, and the figures move by tens of percent between runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

from finsam_core import Pluginvard, validera
from finsam_core.regler.regel import Arendevy, Kontext

DATUM = date(2026, 11, 23)


def main() -> None:
    tolk = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tolk.add_argument("--antal", type=int, default=3000)
    tolk.add_argument("--andel-sofint", type=float, default=0.5)
    tolk.add_argument("--upprepningar", type=int, default=3)
    tolk.add_argument("--topp", type=int, default=15)
    argument = tolk.parse_args()
    vard = Pluginvard()
    rader = [
        json.dumps(a, ensure_ascii=False)
        for a in arenden(argument.antal, andel_sofint=argument.andel_sofint)
    ]
    inlasta = [i.arende for i in vard.lasare().las_rader(rader, fil="bench")]
    forberedda = []
    for a in inlasta:
        assert a is not None, "a generated case did not read"
        # The host's rule sets begin with core's ``finsam``, as `validera` runs them.
        forberedda.append((a, vard.regelverk_for(a.regelverk)))
    klocka = time.process_time
    start = klocka()
    for _ in range(100_000):
        klocka()
    klockan_kostar = (klocka() - start) / 100_000
    basta: dict[str, float] = {}
    antal: dict[str, int] = defaultdict(int)
    for runda in range(argument.upprepningar):
        tider: dict[str, float] = defaultdict(float)
        for arende, regelverk in forberedda:
            vy = Arendevy(arende, regelverk)
            for rv in regelverk:
                for regel in rv.regler:
                    ctx = Kontext(vy, regel, rv, DATUM, False)
                    start = klocka()
                    with contextlib.suppress(Exception):  # validera reports it and goes on
                        regel.kontroll(ctx)
                    tider[regel.id] += klocka() - start - klockan_kostar
                    if runda == 0:
                        antal[regel.id] += 1
        for regel_id, tid in tider.items():
            basta[regel_id] = min(basta.get(regel_id, tid), tid)
    per_arende = {r: basta[r] / antal[r] * 1e6 for r in basta}
    print(f"{argument.antal} ärenden, andel SOFINT {argument.andel_sofint}, µs per ärende")
    for regel_id, mikro in sorted(per_arende.items(), key=lambda p: -p[1])[: argument.topp]:
        print(f"  {regel_id:<14} {mikro:7.2f}")
    summa = sum(basta.values()) / len(forberedda) * 1e6
    print(f"  {'alla regler':<14} {summa:7.2f} (per ärende i snitt)")
    golv = regler = float("inf")
    for _ in range(argument.upprepningar):
        start = klocka()
        for rad in rader:
            json.loads(rad)
        golv = min(golv, klocka() - start)
        start = klocka()
        for arende, regelverk in forberedda:
            validera(arende, regelverk, DATUM)
        regler = min(regler, klocka() - start)
    print(
        f"json.loads {golv / len(rader) * 1e6:.1f} µs per rad, validera "
        f"{regler / len(forberedda) * 1e6:.1f} µs per ärende: {regler / golv:.2f}x json.loads"
    )


if __name__ == "__main__":
    main()
