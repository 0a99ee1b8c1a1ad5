"""Checking a large batch on every core: one `Kontrollant` per process, built once.

Python threads share one core for rule evaluation; for a whole country's cases use
processes. Each worker builds its checker once (the initializer), then takes batches.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

from finsam_core import Kontrollant

_KONTROLLANT: Kontrollant | None = None


def _starta() -> None:
    global _KONTROLLANT
    _KONTROLLANT = Kontrollant()  # per process: plugins load once in each


def _kontrollera(rader: list[str]) -> list[dict[str, Any]]:
    assert _KONTROLLANT is not None
    return [_KONTROLLANT.kontrollera(rad, datum=date(2026, 11, 23)).till_dict() for rad in rader]


def kontrollera_jsonl(
    rader: list[str], processer: int = 2, sats: int = 500
) -> list[dict[str, Any]]:
    """Check JSON Lines (one case per line) on *processer* processes, in input order."""
    satser = [rader[i : i + sats] for i in range(0, len(rader), sats)]
    with ProcessPoolExecutor(processer, initializer=_starta) as pool:
        return [svar for del_ in pool.map(_kontrollera, satser) for svar in del_]
