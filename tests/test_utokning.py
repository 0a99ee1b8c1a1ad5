"""Plugins extend the format without touching core: new units, codes and event types."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from typing import ClassVar

import jsonschema
from attrs import frozen

from finsam_core import (
    KARNKODVERK,
    Enhet,
    Enhetskod,
    Handelse,
    Kodslag,
    Lasare,
    json_schema,
)

from .conftest import ROT


@frozen
class Arenamote(Handelse):
    """An event type a plugin might add (Södra Vätterbygden's forums, say)."""

    typ: ClassVar[str] = "arenamote"
    datum: date
    arena: str
    parter: tuple[Enhetskod, ...] = ()


KODVERK = KARNKODVERK.utokad(
    enheter=[Enhet("en_vag_in", "En väg in", "samordningsforbund")],
    koder={Kodslag.UTFALL: {"egen_forsorjning": "Egen försörjning"}},
    handelsetyper=[Arenamote],
)

ARENDE = {
    "format": "finsam/1",
    "id": "EVI-1",
    "individ": {"kommun": "Ludvika"},
    "handelser": [
        {"typ": "remiss", "datum": "2025-01-02", "fran": "individen", "till": "en_vag_in"},
        {
            "typ": "arenamote",
            "datum": "2025-01-09",
            "arena": "Trappsteget",
            "parter": ["en_vag_in", "af"],
        },
        {"typ": "avslut", "datum": "2025-06-30", "utfall": "egen_forsorjning"},
    ],
}


def test_utokat_kodverk_laser_nya_koder_och_handelsetyper() -> None:
    (inlasning,) = Lasare(KODVERK).las_rader([json.dumps(ARENDE)], fil="x.jsonl")
    assert inlasning.fel == ()
    assert inlasning.arende is not None
    mote = inlasning.arende.handelser[1]
    assert isinstance(mote, Arenamote)
    assert mote.parter == ("en_vag_in", "af")


def test_utan_utokningen_ar_koderna_okanda() -> None:
    (inlasning,) = Lasare().las_rader([json.dumps(ARENDE)], fil="x.jsonl")
    assert {f.sokvag for f in inlasning.fel} == {
        "handelser[0].till",
        "handelser[1].typ",
        "handelser[2].utfall",
    }


def test_schemat_foljer_kodverket() -> None:
    jsonschema.Draft202012Validator(json_schema(KODVERK)).validate(ARENDE)
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(ARENDE))


def test_readme_exemplen_kor() -> None:
    text = (ROT / "README.md").read_text(encoding="utf-8")
    forsta, andra = re.findall(r"```python\n(.*?)```", text, re.S)
    resultat = subprocess.run(
        [sys.executable, "-c", forsta], cwd=ROT, capture_output=True, text=True, check=True
    )
    rader = resultat.stdout.splitlines()
    assert len(rader) == 5  # four SOFINT examples, then the missing file
    assert rader[0] == "SOFINT-2024-019 []"  # forlangning.json: an extension decided in time
    assert "('SOFINT-07', 'fel')" in rader[1]  # fristproblem.yaml: the late answer
    assert rader[2] == "SOFINT-2025-004 []"  # klart-arende.yaml: no findings
    assert rader[-1] == "['saknas.jsonl: filen eller mappen finns inte']"
    resultat = subprocess.run(
        [sys.executable, "-c", andra], cwd=ROT, capture_output=True, text=True, check=True
    )
    forsta_fyndet = json.loads(resultat.stdout)
    # Born 2001-05-04, referred 2025-03-03: 23 years (SOFINT-01 met), Nora (SOFINT-02 met),
    # no contacts recorded: SOFINT-03 ("kontakt med minst två av instanserna …") is the first.
    assert forsta_fyndet["regel"] == "SOFINT-03"
    assert forsta_fyndet["allvarlighet"] == "fel"
    assert forsta_fyndet["kalla"]["avsnitt"] == "3 Bakgrund"
    assert forsta_fyndet["sokvag"] == "individ.kontakter"
