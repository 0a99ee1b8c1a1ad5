"""The envagin rule set's metadata: ids, severities and sources as issue #10 fixes them."""

from __future__ import annotations

import re
from datetime import date
from importlib.resources import files
from pathlib import Path

from finsam_envagin import REGELVERK
from finsam_envagin.regelverk import UPPSTART_KALLA

from finsam_core import Allvarlighet, Kodslag, Pluginvard, tackning
from finsam_core.regelbygge import las_arenadata
from finsam_core.testning import delad_mapp, saknade_beskrivningar, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

SEEDS = delad_mapp("seeds", Path(__file__))
(ARENA,) = las_arenadata(files("finsam_envagin") / "arenor.yaml").arenor
"""The source documents: ``../shared/seeds`` beside the repository (or a worktree's parent)."""
KALLA = "001_b8f73c40854f3728.txt"

F, V = Allvarlighet.FEL, Allvarlighet.VARNING
ALLVARLIGHET = {
    "ENVAGIN-01": F, "ENVAGIN-02": F, "ENVAGIN-03": F, "ENVAGIN-04": F, "ENVAGIN-05": V,
    "ENVAGIN-06": F, "ENVAGIN-07": V, "ENVAGIN-08": V, "ENVAGIN-09": V,
}  # fmt: skip
"""ENVAGIN-01 is graded: fel outside 16–65 (its default), varning at exactly 65."""


def _normaliserad(text: str) -> str:
    return " ".join(text.split())


def test_id_och_allvarlighet() -> None:
    assert {r.id: r.allvarlighet for r in REGELVERK.regler} == ALLVARLIGHET
    assert REGELVERK.regel_id == tuple(sorted(ALLVARLIGHET))


def test_regelverkets_uppgifter() -> None:
    assert REGELVERK.id == "envagin"
    assert REGELVERK.namn == "En väg in – Ludvika och Smedjebacken"
    assert REGELVERK.version == "2016-08-26"
    assert REGELVERK.giltig_fran == date(2016, 10, 3)
    enheter = {e.kod: e.huvudman for e in REGELVERK.enheter}
    assert enheter == {
        "en_vag_in": "kommun",
        "rehabkonsulentteamet": "samordningsforbund",
        "skola": "kommun",
        "omsorg": "kommun",
        "kultur_fritid": "kommun",
    }


def test_varje_regel_citerar_sitt_dokument() -> None:
    for regel in REGELVERK.regler:
        assert regel.kalla.dokument == KALLA
        assert regel.kalla.avsnitt
        assert regel.kalla.citat


def test_tvetydigheterna_ar_dokumenterade() -> None:
    """Each ⚠ reading of the specification (A1–A6) is in its rule's tolkning."""
    tolkning = {r.id: r.tolkning for r in REGELVERK.regler}
    for regel_id, a in [
        ("ENVAGIN-01", "A1"), ("ENVAGIN-03", "A2"), ("ENVAGIN-04", "A3"),
        ("ENVAGIN-05", "A4"), ("ENVAGIN-06", "A5"), ("ENVAGIN-08", "A6"),
    ]:  # fmt: skip
        assert tolkning[regel_id].startswith(f"{a}:"), regel_id
    assert "16–64" in tolkning["ENVAGIN-01"]
    assert "16–65" in tolkning["ENVAGIN-01"]


def test_varje_regel_beskriver_sin_kontroll() -> None:
    """Issue 9: every rule says in Swedish what its check verifies, more than its title."""
    assert saknade_beskrivningar(REGELVERK.regler) == []


def test_citaten_finns_ordagrant_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(REGELVERK.regler, SEEDS) == []


def test_startdatum_och_arenans_citat_finns_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    text = _normaliserad((SEEDS / KALLA).read_text(encoding="utf-8"))
    assert _normaliserad(UPPSTART_KALLA.citat) in text
    assert "2016-10-03" in UPPSTART_KALLA.citat
    assert _normaliserad(ARENA.kalla.citat) in text


def test_aldersgransen_16_65_star_tva_ganger_och_16_64_en_gang() -> None:
    """The inconsistency ENVAGIN-01 grades: checked against the text, not the code."""
    if SEEDS is None:
        utan_kallor()
    text = (SEEDS / KALLA).read_text(encoding="utf-8")
    transkript = _normaliserad(text[text.index("Transkript:") :])
    assert len(re.findall(r"mellan 16 och 65 år|16-65 år", transkript)) == 2
    assert len(re.findall(r"mellan 16 och 64 år", transkript)) == 1


def test_arenan_registreras_via_entry_point() -> None:
    # who may come (the issue): residents of Ludvika and Smedjebacken, 16–65, self-referral
    arena = next(a for a in Pluginvard().arenor().arenor if a.id == "envagin-a01")
    assert arena == ARENA
    assert {k.namn for k in arena.kommuner} == {"Ludvika", "Smedjebacken"}
    assert arena.alder == (16, 65)
    assert arena.alder_osaker == (65, 65)
    assert "individen" in arena.ingang


def test_inga_luckor_eller_overlapp_i_versionerna() -> None:
    assert tackning(REGELVERK.regler, date(2016, 10, 3), date(2030, 12, 31)) == []


def test_pluginet_hittas_via_entry_point() -> None:
    vard = Pluginvard()
    installerat = vard.regelverk("envagin")
    assert installerat == REGELVERK
    assert installerat is not None
    assert installerat.plugin is not None
    assert installerat.plugin.startswith("envagin, finsam-envagin ")
    assert vard.kodverk.enheter["en_vag_in"].huvudman == "kommun"
    assert "lang_franvaro_fran_arbetsmarknaden" in vard.kodverk.lista(Kodslag.OMSTANDIGHET)
