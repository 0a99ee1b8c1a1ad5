"""The shortcuts taken for speed (issue 17) change no output.

- facts are built only when `forklara` keeps them: `validera` finds exactly what the trace
  shows, on every example and on generated cases, with every installed rule set;
- ``validate --format json`` is written as it goes: the same text as ``json.dumps`` of the
  whole document, and the same cases as ``--format jsonl``, with input errors after them.

The reader's fast path against the detailed one is in ``test_rundresa.py``; the byte-for-byte
comparison with an older tree is ``benchmarks/jamfor_utdata.py``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from finsam_core import Arende, Pluginvard, forklara, validera
from finsam_core.cli.app import finsam

from .conftest import EXEMPEL
from .strategier import arende

DATUM = date(2026, 11, 23)
VARD = Pluginvard()
EXEMPELFILER = sorted(p for p in Path(EXEMPEL).rglob("*") if p.suffix in (".yaml", ".json"))


def _fynd_i_forklaringen(a: Arende, datum: date) -> tuple[object, ...]:
    regelverk = VARD.regelverk_for(a.regelverk)
    return tuple(f for p in forklara(a, regelverk, datum).poster for f in p.fynd)


@pytest.mark.parametrize("fil", EXEMPELFILER, ids=lambda p: p.name)
def test_validera_finner_detsamma_som_forklaringen_i_exemplen(fil: Path) -> None:
    (inlasning,) = VARD.lasare().las_fil(fil)
    assert inlasning.arende is not None
    for datum in (DATUM, date(2025, 3, 1), date(2024, 6, 15)):
        resultat = validera(inlasning.arende, VARD.regelverk_for(inlasning.arende.regelverk), datum)
        assert resultat.fynd == _fynd_i_forklaringen(inlasning.arende, datum)


@given(arende)
@settings(max_examples=100, deadline=None)
def test_validera_finner_detsamma_som_forklaringen(a: Arende) -> None:
    resultat = validera(a, VARD.regelverk_for(a.regelverk), DATUM)
    assert resultat.fynd == _fynd_i_forklaringen(a, DATUM)


def test_validate_json_skrivs_lopande_med_samma_text_som_json_dumps(tmp_path: Path) -> None:
    rader = [
        json.dumps(json.loads(fil.read_text(encoding="utf-8")), ensure_ascii=False)
        for fil in EXEMPELFILER
        if fil.suffix == ".json"
    ]
    fil = tmp_path / "blandat.jsonl"
    fil.write_text("\n".join([*rader, "{", *rader, '{"format": "finsam/1"}']) + "\n")
    runner = CliRunner()
    argument = ["validate", "--datum", "2026-11-23", "-j", "1", str(fil)]
    som_json = runner.invoke(finsam, [*argument, "-o", "json"], catch_exceptions=False)
    som_jsonl = runner.invoke(finsam, [*argument, "-o", "jsonl"], catch_exceptions=False)
    assert som_json.exit_code == som_jsonl.exit_code == 2
    dokument = json.loads(som_json.stdout)
    # Byte for byte what json.dumps(document) and a newline give.
    assert som_json.stdout == json.dumps(dokument, ensure_ascii=False) + "\n"
    linjer = [json.loads(rad) for rad in som_jsonl.stdout.splitlines()]
    assert dokument["arenden"] == [r for r in linjer if "indatafel" not in r]
    assert dokument["indatafel"] == [f for r in linjer for f in r.get("indatafel", [])]
    # The broken line, then the line without id and individ (one error for each).
    assert [f["rad"] for f in dokument["indatafel"]] == [3, 6, 6]
    assert dokument["sammanfattning"]["arenden"] == 2 * len(rader)


def test_validate_json_utan_arenden_ar_ett_helt_dokument(tmp_path: Path) -> None:
    fil = tmp_path / "tom.jsonl"
    fil.write_text("\n")
    svar = CliRunner().invoke(finsam, ["validate", "--datum", "2026-11-23", "-o", "json", str(fil)])
    dokument = json.loads(svar.stdout)
    assert dokument["arenden"] == []
    assert dokument["indatafel"] == []
    assert svar.stdout == json.dumps(dokument, ensure_ascii=False) + "\n"
