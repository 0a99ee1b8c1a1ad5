"""The example cases in examples/: all read, validate against the schema, name a rule set."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from finsam_core import FILTYPER, Kodverk, Lasare, json_schema

from .conftest import EXEMPEL

FILER = sorted(p for p in EXEMPEL.rglob("*") if p.suffix in FILTYPER)
PLUGINS_MED_EGNA_ENHETER = {
    "sodravatterbygden": "finsam_sodravatterbygden",
    "umea": "finsam_umea",
}
"""Example folders whose cases use a plugin's units and codes, and the plugin's package."""


def _kodverk(fil: Path, team_kodverk: Kodverk) -> Kodverk:
    """The codes an example needs: core and the SOFINT team, plus its own rule set's."""
    paket = PLUGINS_MED_EGNA_ENHETER.get(fil.parent.name)
    if paket is None:
        return team_kodverk
    regelverk = pytest.importorskip(paket).REGELVERK
    return team_kodverk.utokad(
        enheter=regelverk.enheter, koder=regelverk.koder, handelsetyper=regelverk.handelsetyper
    )


def test_exempel_for_sofint_eda_envagin_och_umea() -> None:
    assert len(FILER) >= 14
    assert {p.parent.name for p in FILER} >= {"sofint", "eda", "envagin", "umea"}


@pytest.mark.parametrize("fil", FILER, ids=[p.name for p in FILER])
def test_exempel_las_utan_fel(fil: Path, team_kodverk: Kodverk) -> None:
    (inlasning,) = Lasare(_kodverk(fil, team_kodverk)).las(fil)
    assert inlasning.fel == ()
    assert inlasning.arende is not None
    assert inlasning.arende.regelverk == (fil.parent.name,)


@pytest.mark.parametrize("fil", FILER, ids=[p.name for p in FILER])
def test_exempel_ar_giltiga_mot_schemat(fil: Path, team_kodverk: Kodverk) -> None:
    text = fil.read_text(encoding="utf-8")
    data = json.loads(text) if fil.suffix == ".json" else yaml.safe_load(text)
    # YAML dates arrive as date objects; the schema speaks of JSON, so compare as JSON.
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(json_schema(_kodverk(fil, team_kodverk))).validate(data)


def test_umea_exempel_kraver_pluginets_koder() -> None:
    (inlasning,) = Lasare().las(EXEMPEL / "umea" / "forsorjningsstod-klart.yaml")
    assert inlasning.arende is None
    assert any("inventering" in f.meddelande for f in inlasning.fel)


def test_sofint_exempel_kraver_teamets_enhet() -> None:
    (inlasning,) = Lasare().las(EXEMPEL / "sofint" / "klart-arende.yaml")
    assert inlasning.arende is None
    assert any("okänd enhet 'samverkansteamet'" in f.meddelande for f in inlasning.fel)


def test_envagin_exempel_kraver_teamets_enhet() -> None:
    (inlasning,) = Lasare().las(EXEMPEL / "envagin" / "klart-arende.yaml")
    assert inlasning.arende is None
    assert any("okänd enhet 'en_vag_in'" in f.meddelande for f in inlasning.fel)
