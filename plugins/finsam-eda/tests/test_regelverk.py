"""The eda rule set's metadata: ids, severities and sources as issues #6 and #15 fix them."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

from finsam_eda import REGELVERK

from finsam_core import Allvarlighet, Pluginvard, tackning
from finsam_core.regler.dokumenttackning import las_dokumenttackning, tackningsproblem
from finsam_core.testning import delad_mapp, saknade_beskrivningar, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

SEEDS = delad_mapp("seeds", Path(__file__))

F, V = Allvarlighet.FEL, Allvarlighet.VARNING
ALLVARLIGHET = {
    "EDA-01": F, "EDA-02": F, "EDA-03": F, "EDA-04": F, "EDA-05": F, "EDA-06": F,
    "EDA-07": F, "EDA-08": F, "EDA-09": F, "EDA-10": F, "EDA-11": V, "EDA-12": V,
    "EDA-13": F, "EDA-14": F, "EDA-15": F, "EDA-16": V, "EDA-17": V, "EDA-18": V,
}  # fmt: skip


def test_id_och_allvarlighet() -> None:
    assert {r.id: r.allvarlighet for r in REGELVERK.regler} == ALLVARLIGHET
    assert REGELVERK.regel_id == tuple(sorted(ALLVARLIGHET))


def test_varje_regel_beskriver_sin_kontroll() -> None:
    """Issue 9: every rule says in Swedish what its check verifies, more than its title."""
    assert saknade_beskrivningar(REGELVERK.regler) == []


def test_citaten_finns_ordagrant_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(REGELVERK.regler, SEEDS) == []
    assert {r.kalla.dokument for r in REGELVERK.regler} == {"000_fa0245dd99a1cc44.txt"}


def test_inga_luckor_eller_overlapp_i_versionerna() -> None:
    assert tackning(REGELVERK.regler, date(2020, 11, 3), date(2030, 12, 31)) == []


def test_pluginet_hittas_via_entry_point() -> None:
    installerat = Pluginvard().regelverk("eda")
    assert installerat == REGELVERK
    assert installerat is not None
    assert installerat.plugin is not None
    assert installerat.plugin.startswith("eda, finsam-eda ")


def test_eda_bedomer_samtycket_mellan_ifo_och_ame_sjalv() -> None:
    # EDA-05 judges consent between IFO and AME; core's FINSAM-04 leaves that pair to it.
    assert ("socialtjanst", "ame") in REGELVERK.samtycke_bedoms


def test_tackningstabellen_citerar_kallan_ordagrant_och_namnger_varje_regel() -> None:
    """The coverage table (tackning.yaml) quotes the source word for word and names every
    rule of the set, and only rules of the set."""
    tackning = las_dokumenttackning(files("finsam_eda") / "tackning.yaml")
    assert tackning.dokument == REGELVERK.regler[0].kalla.dokument
    assert tackningsproblem(tackning, REGELVERK.regler) == []
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(tackning.meningar, SEEDS) == []
