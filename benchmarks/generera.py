"""Generate realistic ``finsam/1`` cases as JSON Lines, for benchmarks.

Each case follows the shape of a SOFINT or Eda case in ``examples/``: a person with
support and contacts, a consent, a referral or hand-over with meetings, feedback,
enrolment, monthly follow-ups or attestations, one or two assessments, interventions,
plans, and (for most) a closure. `alla_arenden` adds the other rule sets (En väg in, Södra
Vätterbygden, Umeå): their example cases, each moved a random number of whole weeks back in
time (weekdays kept) with a new personnummer. Deterministic for a given seed.

    python benchmarks/generera.py 20000 > /tmp/arenden.jsonl
    python benchmarks/generera.py 20000 --alla > /tmp/alla.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

KOMMUNER_SOFINT = ["Hällefors", "Lindesberg", "Ljusnarsberg", "Nora"]


def _luhn(nio: str) -> str:
    summa = 0
    for i, tecken in enumerate(nio):
        n = int(tecken) * (2 if i % 2 == 0 else 1)
        summa += n - 9 if n > 9 else n
    return str((10 - summa % 10) % 10)


def _personnummer(slump: random.Random, fodd: date) -> str:
    """A valid personnummer born on *fodd* (birth number 001-999: 000 is never issued)."""
    nio = f"{fodd:%y%m%d}{slump.randrange(1, 1000):03d}"
    return f"{fodd:%Y%m%d}-{nio[6:]}{_luhn(nio)}"


def _d(dag: date) -> str:
    return dag.isoformat()


def sofint_arende(slump: random.Random, nummer: int, team: str) -> dict[str, Any]:
    remiss = date(2024, 1, 1) + timedelta(days=slump.randrange(900))
    fodd = remiss - timedelta(days=365 * slump.randint(18, 29) + slump.randrange(365))
    remittent = slump.choice(["af", "fk", "socialtjanst", "psykiatri"])
    inskrivning = remiss + timedelta(days=slump.randint(7, 20))
    handelser: list[dict[str, Any]] = [
        {
            "typ": "mote",
            "datum": _d(remiss - timedelta(days=7)),
            "motestyp": "informationsmote",
            "parter": [remittent, team],
        },
        {"typ": "remiss", "datum": _d(remiss), "fran": remittent, "till": team},
        {
            "typ": "aterkoppling",
            "datum": _d(remiss + timedelta(days=slump.randint(3, 16))),
            "fran": team,
            "till": remittent,
        },
        {"typ": "inskrivning", "datum": _d(inskrivning), "enhet": team},
        {"typ": "inskrivning", "datum": _d(inskrivning), "enhet": "af"},
    ]
    manader = slump.randint(3, 12)
    for m in range(1, manader):
        handelser.append(
            {
                "typ": "aterkoppling",
                "datum": _d(inskrivning + timedelta(days=30 * m + slump.randint(-3, 3))),
                "fran": team,
                "till": remittent,
            }
        )
    if slump.random() < 0.8:
        handelser.append(
            {
                "typ": "avslut",
                "datum": _d(inskrivning + timedelta(days=30 * manader)),
                "utfall": slump.choice(
                    ["arbete", "studier", "ater_till_remittent", "arbetssokande", "annan_aktor"]
                ),
                "overlamning": True,
            }
        )
    kartlagd = inskrivning + timedelta(days=slump.randint(20, 40))
    return {
        "format": "finsam/1",
        "id": f"SOFINT-{remiss.year}-{nummer:06d}",
        "regelverk": ["sofint"],
        "individ": {
            "personnummer": _personnummer(slump, fodd),
            "kommun": slump.choice(KOMMUNER_SOFINT),
            "forsorjning": [
                {
                    "typ": slump.choice(
                        ["aktivitetsersattning", "forsorjningsstod", "sjukpenning"]
                    ),
                    "start": _d(remiss - timedelta(days=200)),
                }
            ],
            "kontakter": sorted(
                {remittent, slump.choice(["af", "fk", "socialtjanst", "psykiatri"])}
            ),
            "omstandigheter": [slump.choice(["psykisk_ohalsa", "funktionsnedsattning"])],
        },
        "samtycken": [
            {
                "datum": _d(remiss - timedelta(days=7)),
                "parter": [team, remittent, "af"],
                "form": "skriftligt",
            }
        ],
        "handelser": handelser,
        "kartlaggningar": [
            {
                "datum": _d(kartlagd),
                "start": _d(inskrivning + timedelta(days=5)),
                "parter": [team],
                "samtal": slump.randint(3, 6),
                "inriktning": slump.randint(1, 4),
            }
        ],
        "insatser": [
            {
                "typ": "ekonomisk_radgivning",
                "utforare": team,
                "start": _d(kartlagd + timedelta(days=3)),
                "slut": _d(kartlagd + timedelta(days=3)),
            },
            {
                "typ": slump.choice(["arbetstraning", "praktik", "studiebesok"]),
                "utforare": team,
                "start": _d(kartlagd + timedelta(days=20)),
            },
        ],
        "planer": [
            {"typ": "handlingsplan", "datum": _d(kartlagd + timedelta(days=2)), "parter": [team]}
        ],
    }


def eda_arende(slump: random.Random, nummer: int) -> dict[str, Any]:
    mote = date(2024, 1, slump.randint(1, 7)) + timedelta(days=30 * slump.randrange(30))
    fodd = mote - timedelta(days=365 * slump.randint(20, 60))
    tre = mote + timedelta(days=slump.randint(7, 20))
    inskriven = tre + timedelta(days=7)
    handelser: list[dict[str, Any]] = [
        {
            "typ": "mote",
            "datum": _d(mote - timedelta(days=10)),
            "motestyp": "samrad",
            "parter": ["socialtjanst", "af"],
            "individen_deltog": False,
        },
        {
            "typ": "beslut",
            "datum": _d(mote - timedelta(days=5)),
            "part": "socialtjanst",
            "lagrum": slump.choice(["SoL 4:1", "SoL 4:4", "12 kap. 4 § SoL (2025:400)"]),
        },
        {
            "typ": "mote",
            "datum": _d(mote),
            "motestyp": "samverkansmote",
            "parter": ["socialtjanst", "ame"],
            "individen_deltog": False,
        },
        {
            "typ": "mote",
            "datum": _d(tre),
            "motestyp": "trepartssamtal",
            "parter": ["socialtjanst", "ame"],
        },
        {"typ": "inskrivning", "datum": _d(inskriven), "enhet": "ame"},
    ]
    for m in range(1, slump.randint(3, 10)):
        dag = inskriven + timedelta(days=30 * m)
        handelser.append(
            {
                "typ": "intyg",
                "datum": _d(dag.replace(day=slump.randint(16, 20))),
                "intygstyp": "insatsintyg",
                "fran": "ame",
                "till": "socialtjanst",
                "period": f"{dag:%Y-%m}",
            }
        )
    return {
        "format": "finsam/1",
        "id": f"EDA-{mote.year}-{nummer:06d}",
        "regelverk": ["eda"],
        "individ": {
            "personnummer": _personnummer(slump, fodd),
            "kommun": "Eda",
            "forsorjning": [{"typ": "forsorjningsstod", "start": _d(mote - timedelta(days=60))}],
            "kontakter": ["socialtjanst", "af"],
        },
        "samtycken": [
            {
                "datum": _d(tre),
                "parter": ["socialtjanst", "ame"],
                "form": "skriftligt",
                "inhamtat_av": "ame",
            }
        ],
        "handelser": handelser,
        "kartlaggningar": [{"datum": _d(mote - timedelta(days=2)), "parter": ["socialtjanst"]}],
        "insatser": [
            {"typ": "praktik", "utforare": "ame", "start": _d(inskriven + timedelta(days=10))}
        ],
        "planer": [
            {"typ": "overenskommelse", "datum": _d(tre), "parter": ["socialtjanst", "ame"]},
            {"typ": "individuell_plan", "datum": _d(inskriven)},
        ],
    }


def arenden(
    antal: int, *, seed: int = 1, team: str = "samverkansteamet", andel_sofint: float = 0.5
) -> Iterator[dict[str, Any]]:
    """*antal* cases, about *andel_sofint* SOFINT-shaped and the rest Eda-shaped."""
    slump = random.Random(seed)
    for nummer in range(antal):
        if slump.random() < andel_sofint:
            yield sofint_arende(slump, nummer, team)
        else:
            yield eda_arende(slump, nummer)


OVRIGA_REGELVERK = ("envagin", "sodravatterbygden", "umea")
EXEMPEL = Path(__file__).resolve().parent.parent / "examples"


@cache
def _exempel() -> tuple[dict[str, Any], ...]:
    """The example cases of the rule sets `arenden` does not generate, read once."""
    ut = []
    for regelverk in OVRIGA_REGELVERK:
        for fil in sorted((EXEMPEL / regelverk).glob("*.yaml")):
            ut.append(yaml.safe_load(fil.read_text(encoding="utf-8")))
    return tuple(ut)


def _flytta(varde: Any, veckor: int) -> Any:
    """*varde* with every date moved *veckor* weeks (dates become ISO strings)."""
    if isinstance(varde, dict):
        return {nyckel: _flytta(v, veckor) for nyckel, v in varde.items()}
    if isinstance(varde, list):
        return [_flytta(v, veckor) for v in varde]
    if isinstance(varde, date):
        return _d(varde + timedelta(weeks=veckor))
    return varde


def ovrigt_arende(slump: random.Random, nummer: int) -> dict[str, Any]:
    """An example case of En väg in, Södra Vätterbygden or Umeå, moved back 0-104 weeks.

    The person's birth date moves with the case, so every age in it stays as it was.
    """
    veckor = -slump.randrange(105)
    arende: dict[str, Any] = _flytta(slump.choice(_exempel()), veckor)
    arende["id"] = f"{arende['id']}-{nummer:06d}"
    individ = arende["individ"]
    if "personnummer" in individ:
        siffror = individ["personnummer"]
        fodd = date(int(siffror[:4]), int(siffror[4:6]), int(siffror[6:8]))
        individ["personnummer"] = _personnummer(slump, fodd + timedelta(weeks=veckor))
    return arende


def alla_arenden(antal: int, *, seed: int = 1) -> Iterator[dict[str, Any]]:
    """*antal* cases of all five rule sets: a fifth each of SOFINT and Eda, the rest others."""
    slump = random.Random(seed)
    for nummer in range(antal):
        val = slump.random()
        if val < 0.2:
            yield sofint_arende(slump, nummer, "samverkansteamet")
        elif val < 0.4:
            yield eda_arende(slump, nummer)
        else:
            yield ovrigt_arende(slump, nummer)


def main() -> None:
    antal = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    kalla = alla_arenden if "--alla" in sys.argv[2:] else arenden
    for arende in kalla(antal):
        sys.stdout.write(json.dumps(arende, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
