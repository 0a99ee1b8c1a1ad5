"""The sofint rule set's metadata: ids, severities and sources as issues #5 and #15 fix them."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

from finsam_sofint import REGELVERK

from finsam_core import Allvarlighet, Pluginvard, tackning
from finsam_core.regler.dokumenttackning import las_dokumenttackning, tackningsproblem
from finsam_core.testning import delad_mapp, saknade_beskrivningar, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

SEEDS = delad_mapp("seeds", Path(__file__))

F, V = Allvarlighet.FEL, Allvarlighet.VARNING
ALLVARLIGHET = {
    "SOFINT-01": F, "SOFINT-02": V, "SOFINT-03": F, "SOFINT-04": F, "SOFINT-05": V,
    "SOFINT-06": V, "SOFINT-07": F, "SOFINT-08": F, "SOFINT-09": F, "SOFINT-10": V,
    "SOFINT-11": F, "SOFINT-12": F, "SOFINT-13": F, "SOFINT-14": V, "SOFINT-15": F,
    "SOFINT-16": F, "SOFINT-17": V, "SOFINT-18": F, "SOFINT-19": F, "SOFINT-20": V,
    "SOFINT-21": V, "SOFINT-22": V, "SOFINT-23": V,
}  # fmt: skip


def test_id_och_allvarlighet() -> None:
    assert {r.id: r.allvarlighet for r in REGELVERK.regler} == ALLVARLIGHET
    assert REGELVERK.regel_id == tuple(sorted(ALLVARLIGHET))


def test_varje_regel_citerar_sitt_dokument() -> None:
    for regel in REGELVERK.regler:
        assert regel.kalla.dokument == "004_8ef7852e647e2221.txt"
        assert regel.kalla.avsnitt
        assert regel.kalla.citat


def test_varje_regel_beskriver_sin_kontroll() -> None:
    """Issue 9: every rule says in Swedish what its check verifies, more than its title."""
    assert saknade_beskrivningar(REGELVERK.regler) == []


def test_citaten_finns_ordagrant_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(REGELVERK.regler, SEEDS) == []


def test_inga_luckor_eller_overlapp_i_versionerna() -> None:
    assert tackning(REGELVERK.regler, date(2014, 4, 23), date(2030, 12, 31)) == []


def test_pluginet_hittas_via_entry_point() -> None:
    vard = Pluginvard()
    installerat = vard.regelverk("sofint")
    assert installerat == REGELVERK
    assert installerat is not None
    assert installerat.plugin is not None
    assert installerat.plugin.startswith("sofint, finsam-sofint ")
    assert "samverkansteamet" in vard.kodverk.enheter
    assert vard.kodverk.enheter["samverkansteamet"].huvudman == "samordningsforbund"


def test_tackningstabellen_citerar_kallan_ordagrant_och_namnger_varje_regel() -> None:
    """The coverage table (tackning.yaml) quotes the source word for word and names every
    rule of the set, and only rules of the set."""
    tackning = las_dokumenttackning(files("finsam_sofint") / "tackning.yaml")
    assert tackning.dokument == REGELVERK.regler[0].kalla.dokument
    assert tackningsproblem(tackning, REGELVERK.regler) == []
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(tackning.meningar, SEEDS) == []
