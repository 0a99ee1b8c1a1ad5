"""The plugin host: loading one by one, failures reported, extension, selection."""

from __future__ import annotations

import json
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest

from finsam_core import Kodslag, Pluginvard, validera
from finsam_core.model.finsamfel import Konfigurationsfel
from finsam_core.testning import saknade_beskrivningar

from .regelhjalp import arende

TESTMAPP = Path(__file__).parent


@pytest.fixture(autouse=True)
def _sokvag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(TESTMAPP))


def ep(namn: str, modul: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=namn, value=f"testplugins.{modul}", group="finsam")


def vard(*namn: str, miljo: dict[str, str] | None = None) -> Pluginvard:
    return Pluginvard(entry_points=[ep(n, n) for n in namn], miljo=miljo or {})


def test_karnans_regelverk_registreras_som_ett_plugin() -> None:
    v = vard()
    assert [rv.id for rv in v.alla_regelverk()] == ["finsam"]
    (info,) = v.plugins()
    assert (info.namn, info.regelverk) == ("finsam-core", ("finsam",))
    assert v.fel == ()


def test_ett_bra_plugin_ger_regelverk_och_enheter() -> None:
    v = vard("bra")
    assert v.regelverk("testverk") is not None
    assert "testteamet" in v.kodverk.enheter
    assert [rv.id for rv in v.regelverk_for(["testverk"])] == ["finsam", "testverk"]
    with pytest.raises(
        Konfigurationsfel, match="okänt regelverk 'saknas'; installerade: finsam, testverk"
    ):
        v.regelverk_for(["saknas"])
    with pytest.raises(TypeError, match=r"\['testverk'\]"):
        v.regelverk_for("testverk")


def test_samma_val_av_regelverk_ger_samma_tupel() -> None:
    # `validera` keeps its plan by the tuple's identity (issue 17): the host must hand out
    # one tuple per choice, from a list or a tuple alike, and never keep a failed choice.
    v = vard("bra")
    forsta = v.regelverk_for(["testverk"])
    assert v.regelverk_for(("testverk",)) is forsta
    assert v.regelverk_for([]) is not forsta
    assert [rv.id for rv in v.regelverk_for([])] == ["finsam"]
    for _ in range(2):
        with pytest.raises(Konfigurationsfel, match="okänt regelverk 'saknas'"):
            v.regelverk_for(["testverk", "saknas"])


def test_trasiga_plugin_rapporteras_och_resten_fungerar() -> None:
    v = vard("bra", "dubblett", "ogiltig", "trasig_hook", "trasig_import")
    orsaker = {f.namn: f.orsak for f in v.fel}
    assert orsaker["trasig_import"] == "kunde inte laddas: ImportError: beroendet saknas"
    assert orsaker["trasig_hook"] == (
        "fel i finsam_regelverk: RuntimeError: något gick fel i pluginet"
    )
    assert "återanvänder regel-id TEST-01 från testverk (bra)" in orsaker["dubblett"]
    ogiltiga = [f.orsak for f in v.fel if f.namn == "ogiltig"]
    assert any("registrerade str, inte ett Regelverk" in o for o in ogiltiga)
    assert any("utökar regelverket 'finns_inte', som inte är installerat" in o for o in ogiltiga)
    # The rest keep working: the good rule set is there, the broken ones are not.
    assert {rv.id for rv in v.alla_regelverk()} == {"finsam", "testverk"}
    assert v.regelverk("halvfardigt") is None
    assert all(f.distribution == "okänd distribution" for f in v.fel)  # fake entry points
    beskrivning = v.beskrivning()
    assert {p["namn"] for p in beskrivning["plugins"]} >= {"finsam-core", "bra"}
    assert "trasig_import" not in {p["namn"] for p in beskrivning["plugins"]}
    assert len(beskrivning["fel"]) == len(v.fel)


def test_en_kommun_utokar_forbundets_regelverk_utan_fork() -> None:
    v = vard("bra", "utokning")
    testverk = v.regelverk("testverk")
    assert testverk is not None
    assert testverk.regel_id == ("TEST-01", "NORA-TEST-01")
    resultat = validera(arende([]), v.regelverk_for(["testverk"]), date(2025, 1, 1))
    assert [f.regel for f in resultat.fynd] == ["TEST-01", "NORA-TEST-01"]
    (info,) = [p for p in v.plugins() if p.namn == "utokning"]
    assert info.utokar == ("testverk",)


def test_ny_huvudman_och_enhet_i_samma_regelverk() -> None:
    # karna.md C1: the huvudman is merged before the unit is checked against the list.
    v = vard("ny_huvudman")
    assert v.fel == ()
    assert v.regelverk("kyrkverk") is not None
    assert v.kodverk.enheter["diakonin"].huvudman == "trossamfund"
    assert v.kodverk.enheter["diakonin"].kommun == "Jönköping"
    assert v.kodverk.enheter["folkhogskola"].huvudman == "ovrig"
    assert "trossamfund" in v.kodverk.lista(Kodslag.HUVUDMAN)
    data = {
        "format": "finsam/1",
        "id": "K-1",
        "individ": {"kommun": "Jönköping"},
        "handelser": [
            {"typ": "remiss", "datum": "2025-01-02", "fran": "diakonin", "till": "folkhogskola"}
        ],
    }
    (inlasning,) = v.lasare().las_rader([json.dumps(data)], fil="k.jsonl")
    assert inlasning.fel == ()
    (inlasning,) = vard().lasare().las_rader([json.dumps(data)], fil="k.jsonl")
    assert {f.sokvag for f in inlasning.fel} == {"handelser[0].fran", "handelser[0].till"}


def test_utokning_utan_grundregelverket_rapporteras() -> None:
    v = vard("utokning")
    (fel,) = v.fel
    assert fel.orsak == "utökar regelverket 'testverk', som inte är installerat"


@pytest.mark.parametrize(
    ("miljo", "laddade"),
    [
        ({}, {"bra", "utokning"}),
        ({"FINSAM_PLUGINS": "bra"}, {"bra"}),
        ({"FINSAM_PLUGINS": ""}, set()),
        ({"FINSAM_EJ_PLUGINS": "utokning"}, {"bra"}),
        ({"FINSAM_PLUGINS": "bra,utokning", "FINSAM_EJ_PLUGINS": "bra"}, {"utokning"}),
    ],
)
def test_miljovariabler_valjer_plugin(miljo: dict[str, str], laddade: set[str]) -> None:
    v = vard("bra", "utokning", miljo=miljo)
    assert {p.namn for p in v.plugins()} - {"finsam-core"} == laddade


def test_installerade_plugin_laddas_via_entry_points() -> None:
    # Whatever is installed loads without failures (the repository's own plugins in tox).
    v = Pluginvard()
    assert v.fel == ()
    assert v.regelverk("finsam") is not None


def test_varje_installerad_regel_beskriver_sin_kontroll() -> None:
    # Issue 9: every rule of every installed rule set (every version) says in Swedish what
    # its check verifies, in more words than its title.
    regler = Pluginvard().regler()
    assert "finsam" in {r.regelverk for r in regler}
    assert len(regler) > 100
    assert saknade_beskrivningar(regler) == []


def test_regel_som_kastar_namnger_regel_och_plugin() -> None:
    v = vard("trasig_regel")
    resultat = validera(arende([]), v.regelverk_for(["trasigt"]), date(2025, 1, 1))
    (fynd,) = resultat.fynd
    assert fynd.regel == "TRASIG-01"
    assert fynd.allvarlighet.value == "fel"
    assert fynd.meddelande == (
        "regeln TRASIG-01 i regelverket trasigt (plugin trasig_regel, okänd distribution ?) "
        "kunde inte köras: KeyError: 'saknad nyckel'"
    )
