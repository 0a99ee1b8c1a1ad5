"""Checking many cases from threads: one `Kontrollant`, any number of threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from finsam_core import Kontrollant, Kontrollresultat

kontrollant = Kontrollant(regelverk=["sofint"])  # every case against SOFINT (and core)


def kontrollera_fil(fil: Path) -> Kontrollresultat:
    return kontrollant.kontrollera(fil, datum=date(2026, 11, 23))


def alla(mapp: str) -> list[Kontrollresultat]:
    filer = sorted(Path(mapp).glob("*.yaml"))
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(kontrollera_fil, filer))  # results in input order


if __name__ == "__main__":
    for resultat in alla("examples/sofint"):
        print(resultat.arende_id, len(resultat.fynd))
