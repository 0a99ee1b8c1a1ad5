"""Mutations of the example cases for fuzzing (issue 18), shared by the property tests and
the long campaign in ``benchmarks/fientlig.py``.

Each mutation takes a case (plain data) and a `random.Random` and returns the file text
to write, plus its ending. Every mutated input plants `PNR` somewhere, so that the
invariant "no personnummer from the input in any output" is checked on every run.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

PNR = "19900515-2385"
"""A valid personnummer (Luhn) planted in every mutated input."""
PNR_MONSTER = re.compile(r"19900515-?2385|900515[-+]?2385")
"""Any 10- or 12-digit form of `PNR`, with or without separator."""

EXEMPEL = Path(__file__).resolve().parent.parent / "examples"

KONSTIGA = [
    "",
    " ",
    "\u00a0" + PNR,
    "\u3000" + PNR,
    "\u2028" + PNR,
    "\u0085" + PNR,
    "\x01" + PNR,
    "x" + PNR.replace("-", "") + "x",
    "A\ud800",
    "\U0001f600",
    "rad\nrad",
    "x" * 5000,
    "2025-01-1x",
    "２０２５-01-01",
    "9999-12-31",
    "0001-01-01",
    "2199-12-31",
    "٢٠٢٥-01",
    "0000-01",
    PNR,
    "20150916-0006",
    "29990515-2387",
]
VARDEN: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    [],
    {},
    [1, [2, [3]]],
    {"a": {"b": {}}},
    *KONSTIGA,
]


def exempelfall() -> list[dict[str, Any]]:
    """The example cases as plain data (JSON and YAML files under ``examples/``)."""
    fall = []
    for fil in sorted(EXEMPEL.rglob("*")):
        if fil.suffix == ".json":
            fall.append(json.loads(fil.read_text()))
        elif fil.suffix == ".yaml":
            fall.append(_kopia(yaml.safe_load(fil.read_text())))
    return [f for f in fall if isinstance(f, dict)]


def _platser(data: Any, vag: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    ut = [vag]
    if isinstance(data, dict):
        for k, v in data.items():
            ut += _platser(v, (*vag, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            ut += _platser(v, (*vag, i))
    return ut


def _satt(data: Any, vag: tuple[Any, ...], varde: Any) -> Any:
    if not vag:
        return varde
    behallare = data
    for del_ in vag[:-1]:
        behallare = behallare[del_]
    behallare[vag[-1]] = varde
    return data


def _kopia(data: Any) -> Any:
    return json.loads(json.dumps(data, default=str))


def byt_varde(data: Any, slump: random.Random) -> Any:
    vag = slump.choice(_platser(data)[1:] or [()])
    return _satt(data, vag, slump.choice(VARDEN))


def ta_bort(data: Any, slump: random.Random) -> Any:
    vag = slump.choice(_platser(data)[1:] or [()])
    if not vag:
        return data
    behallare = data
    for del_ in vag[:-1]:
        behallare = behallare[del_]
    del behallare[vag[-1]]
    return data


def ny_nyckel(data: Any, slump: random.Random) -> Any:
    dicts = [v for v in _platser(data) if isinstance(_hamta(data, v), dict)]
    vag = slump.choice(dicts)
    _hamta(data, vag)[slump.choice([PNR, "x\nfalsk", "\u00a0" + PNR, "y"])] = slump.choice(VARDEN)
    return data


def djup(data: Any, slump: random.Random) -> Any:
    varde: Any = PNR
    for _ in range(slump.choice([5, 50, 500, 5000])):
        varde = [varde] if slump.random() < 0.5 else {"a": varde}
    vag = slump.choice(_platser(data)[1:] or [()])
    return _satt(data, vag, varde)


def _hamta(data: Any, vag: tuple[Any, ...]) -> Any:
    for del_ in vag:
        data = data[del_]
    return data


MUTATIONER: list[Callable[[Any, random.Random], Any]] = [byt_varde, ta_bort, ny_nyckel, djup]


def mutera(data: dict[str, Any], slump: random.Random) -> tuple[str, str]:
    """A mutated case as (file text, ending). Always plants `PNR` (in the id if nowhere
    else)."""
    data = _kopia(data)
    data["id"] = slump.choice([PNR, "\u00a0" + PNR, f"id-{slump.randrange(10**6)}"])
    for _ in range(slump.randint(1, 4)):
        try:
            data = slump.choice(MUTATIONER)(data, slump)
        except RecursionError:  # a deep value from `djup`: enough mutation
            break
    filtyp = slump.choice([".json", ".yaml", ".jsonl"])
    if filtyp == ".yaml":
        try:
            text = yaml.safe_dump(data, allow_unicode=slump.random() < 0.5)
        except (yaml.YAMLError, RecursionError):
            text = "x: [" * 1000
    else:
        try:
            text = json.dumps(data, ensure_ascii=slump.random() < 0.5, default=str)
        except (ValueError, RecursionError):
            text = "{" * 1000
    if filtyp == ".jsonl":
        text = text.replace("\n", " ") + "\n" + json.dumps({"format": "finsam/1", "id": PNR})
    if slump.random() < 0.1:
        # Byte-level damage: a cut, a NUL, a stray byte.
        pos = slump.randrange(max(len(text), 1))
        text = text[:pos] + slump.choice(["", "\x00", "\ufffd", "\t", "'", '"']) + text[pos + 1 :]
    return text, filtyp


def lacker(text: str) -> bool:
    """True if *text* holds `PNR` in any 10- or 12-digit form."""
    return PNR_MONSTER.search(text) is not None
