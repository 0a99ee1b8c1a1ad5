"""Shared fixtures: a valid case to mutate, and the code lists the plugin examples need."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from finsam_core import KARNKODVERK, Enhet, Kodverk, Lasare

ROT = Path(__file__).resolve().parent.parent
EXEMPEL = ROT / "examples"

collect_ignore = ["testplugins"]
"""Test plugins are loaded by the host tests, not collected (one fails to import on purpose)."""

PNR = "19870311-1248"
"""A fictitious, Luhn-valid personnummer used in test cases (check digit worked by hand)."""
PNR_DELAR = ("19870311-1248", "198703111248", "870311-1248", "8703111248")

SAMVERKANSTEAMET = Enhet("samverkansteamet", "Samverkansteamet", "samordningsforbund")
EN_VAG_IN = Enhet("en_vag_in", "En väg in", "kommun")


def giltigt_arende() -> dict[str, Any]:
    """A small valid Eda-style case using only core units, as parsed JSON gives it."""
    return copy.deepcopy(
        {
            "format": "finsam/1",
            "id": "EDA-TEST-1",
            "regelverk": ["eda"],
            "individ": {
                "personnummer": PNR,
                "kommun": "Eda",
                "forsorjning": [{"typ": "forsorjningsstod", "start": "2025-01-01"}],
                "kontakter": ["socialtjanst", "af"],
            },
            "samtycken": [
                {"datum": "2025-03-18", "parter": ["socialtjanst", "ame"], "form": "skriftligt"}
            ],
            "handelser": [
                {"typ": "remiss", "datum": "2025-03-01", "fran": "socialtjanst", "till": "ame"},
                {
                    "typ": "mote",
                    "datum": "2025-03-04",
                    "motestyp": "samverkansmote",
                    "parter": ["socialtjanst", "ame"],
                },
                {"typ": "ledighet", "start": "2025-07-07", "slut": "2025-07-11"},
                {
                    "typ": "beslut",
                    "datum": "2025-02-27",
                    "part": "socialtjanst",
                    "lagrum": "SoL 4:4",
                },
                {
                    "typ": "intyg",
                    "datum": "2025-04-16",
                    "intygstyp": "insatsintyg",
                    "fran": "ame",
                    "till": "socialtjanst",
                    "period": "2025-04",
                },
            ],
            "kartlaggningar": [
                {"datum": "2025-03-03", "parter": ["socialtjanst"], "samtal": 2, "inriktning": 1}
            ],
            "insatser": [{"typ": "praktik", "utforare": "ame", "start": "2025-04-01"}],
            "planer": [{"typ": "individuell_plan", "datum": "2025-03-24"}],
        }
    )


@pytest.fixture
def arende_data() -> dict[str, Any]:
    return giltigt_arende()


@pytest.fixture(scope="session")
def team_kodverk() -> Kodverk:
    """Core codes plus the SOFINT and En väg in teams, as the plugins provide them."""
    return KARNKODVERK.utokad(enheter=[SAMVERKANSTEAMET, EN_VAG_IN])


@pytest.fixture(scope="session")
def lasare() -> Lasare:
    return Lasare()
