"""Benchmark: routing 10,000 queries in one process (issue 11: under one second).

    python benchmarks/arenor.py [N]

Loads the installed plugins' arenas (with ``finsam-sodravatterbygden`` installed, its 37
forums; otherwise SOFINT's and Eda's), builds N varied queries (municipality, age 10–70,
one to three situations, sometimes unknown age or sex, sometimes every level and projects),
and times `Arenaregister.foresla` over all of them. Three passes; the figures are from the
last (warm) pass. Prints the time, the target and the ratio time/target.
"""

from __future__ import annotations

import random
import sys
import time

from finsam_core import Pluginvard
from finsam_core.arenor import Fraga, Niva
from finsam_core.model.kommuner import hitta_kommun

MAL_SEKUNDER = 1.0
KOMMUNER = ["Habo", "Mullsjö", "Vaggeryd", "Jönköping", "Nora", "Lindesberg", "Eda", "Eksjö"]
SITUATIONER = [
    "forsorjningsstod",
    "aktivitetsersattning",
    "arbetssokande",
    "saknar_sgi",
    "nedsatt_arbetsformaga_sjukdom",
    "psykisk_ohalsa",
    "ej_fullfoljd_gymnasieutbildning",
    "skolfranvaro",
    "etableringsprogrammet",
    "nyanland",
    "daglig_verksamhet_beslut",
    "pagaende_missbruk",
]


def fragor(antal: int, slump: random.Random) -> list[Fraga]:
    kommuner = [hitta_kommun(k) for k in KOMMUNER]
    lista = []
    for _ in range(antal):
        alla_nivaer = slump.random() < 0.1
        lista.append(
            Fraga(
                slump.choice(kommuner),
                alder=None if slump.random() < 0.05 else slump.randint(10, 70),
                situationer=frozenset(slump.sample(SITUATIONER, slump.randint(1, 3))),
                kon=slump.choice([None, "kvinna", "man"]),
                nivaer=frozenset(Niva) if alla_nivaer else frozenset({Niva.INDIVID}),
                inkl_projekt=alla_nivaer,
            )
        )
    return lista


def main() -> None:
    antal = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    vard = Pluginvard()
    if vard.arenor().arena("svb-f01") is None:
        # The SVB arenas without their entry point (a source checkout of the plugin).
        try:
            from finsam_sodravatterbygden import arenor as svb
        except ImportError:
            pass
        else:
            vard = Pluginvard(plugins=[("sodravatterbygden-arenor", svb)])
    register = vard.arenor()
    for fel in vard.fel:
        print(f"varning: {fel}", file=sys.stderr)
    allt = fragor(antal, random.Random(11))
    for _ in range(3):
        start = time.perf_counter()
        forslag = sum(len(register.foresla(fraga).forslag) for fraga in allt)
        tid = time.perf_counter() - start
    print(
        f"{antal} frågor mot {len(register.arenor)} arenor: {tid:.3f} s "
        f"({forslag} förslag); mål {MAL_SEKUNDER:.1f} s för 10 000, "
        f"kvot {tid / (MAL_SEKUNDER * antal / 10_000):.2f}"
    )


if __name__ == "__main__":
    main()
