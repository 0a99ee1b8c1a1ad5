"""The sodravatterbygden rule set's metadata: ids, severities, sources, units and codes as the
specification (sodravatterbygden.md, 2.2, 2.3, 2.6) fixes them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from finsam_sodravatterbygden import ENHETER, REGELVERK

from finsam_core import Allvarlighet, Kodslag, Pluginvard, tackning
from finsam_core.testning import saknade_beskrivningar, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor


def _delad(*delar: str) -> Path | None:
    """A path under the project's shared folder (beside the main tree or the worktrees)."""
    for mapp in Path(__file__).resolve().parents:
        kandidat = mapp.joinpath("shared", *delar)
        if kandidat.exists():
            return kandidat
    return None


SEEDS = _delad("seeds")
SPEC = _delad("spec", "regelverk", "sodravatterbygden.md")
DOKUMENT = "002_ab96050952a4f110.txt"

F, V, INF = Allvarlighet.FEL, Allvarlighet.VARNING, Allvarlighet.INFO
ALLVARLIGHET = {
    "SVB-01": F, "SVB-02": V, "SVB-03": F, "SVB-04": V, "SVB-05": F, "SVB-06": F, "SVB-07": V,
    "SVB-08": V, "SVB-09": V, "SVB-10": V, "SVB-11": F, "SVB-12": V, "SVB-13": V, "SVB-14": V,
    "SVB-15": INF,
}  # fmt: skip
"""SVB-06 is graded (fel, and varning for exactly 25): its declared severity is the stronger."""
TOLKNING_MED_VARNINGSMARKERING = {
    "SVB-02": "B4", "SVB-03": "B3", "SVB-04": "B2", "SVB-05": "B2", "SVB-06": "B1",
    "SVB-08": "B4", "SVB-10": "B5", "SVB-11": "B6", "SVB-13": "B7", "SVB-14": "B8",
    "SVB-15": "B9",
}  # fmt: skip
KOMMUN_FOR_ENHET = {
    "jonkoping_team_mottagning": "Jönköping",
    "jonkoping_unga_vuxna": "Jönköping",
    "jonkoping_lokalkontor_raslatt": "Jönköping",
    "jonkoping_lokalkontor_oxnehaga": "Jönköping",
    "jonkoping_ifs": "Jönköping",
    "jonkoping_arendeforum": "Jönköping",
    "vaggeryd_trappsteget": "Vaggeryd",
    "vaggeryd_trappsteget_referensgrupp": "Vaggeryd",
    "vaggeryd_beredningsgrupp": "Vaggeryd",
    "vaggeryd_etableringsgruppen": "Vaggeryd",
    "vaggeryd_motesplats": "Vaggeryd",
    "habo_ungdomscoach": "Habo",
    "enter": None,
    "efterstod": None,
    "ratt_stod_ratt_forsorjning": None,
}
"""Spec 2.2: each unit and the municipality it is bound to (None: not bound)."""


def _spec_rader() -> dict[str, tuple[str, list[str]]]:
    """Rule id → (severity column, «…» quotes) from the catalogue table of spec 2.3."""
    if SPEC is None:
        utan_kallor("specifikationen (../shared/spec)")
    rader = {}
    for rad in SPEC.read_text(encoding="utf-8").splitlines():
        if rad.startswith("| SVB-"):
            kolumner = [k.strip() for k in rad.strip("|").split(" | ")]
            rader[kolumner[0]] = (kolumner[1], re.findall(r"«(.*?)»", kolumner[3]))
    return rader


def test_id_och_allvarlighet() -> None:
    assert {r.id: r.allvarlighet for r in REGELVERK.regler} == ALLVARLIGHET
    assert REGELVERK.regel_id == tuple(sorted(ALLVARLIGHET))


def test_id_och_allvarlighet_som_i_specifikationen() -> None:
    rader = _spec_rader()
    assert sorted(rader) == sorted(ALLVARLIGHET)
    for regel in REGELVERK.regler:
        allvarlighet = rader[regel.id][0]
        # "fel / varning" (graded): declared as fel, reported as varning case by case.
        assert allvarlighet.split(" / ")[0] == regel.allvarlighet.value, regel.id


def test_citaten_ar_specifikationens() -> None:
    rader = _spec_rader()
    for regel in REGELVERK.regler:
        citat = " ".join(regel.kalla.citat.split())
        for del_ in rader[regel.id][1]:
            assert " ".join(del_.split()) in citat, (regel.id, del_)


def test_varje_regel_citerar_sitt_dokument() -> None:
    for regel in REGELVERK.regler:
        assert regel.kalla.dokument == DOKUMENT
        assert regel.kalla.avsnitt
        assert regel.kalla.citat


def test_citaten_finns_ordagrant_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(REGELVERK.regler, SEEDS) == []


def test_tolkningarna_namner_sina_oklarheter() -> None:
    for regel in REGELVERK.regler:
        markering = TOLKNING_MED_VARNINGSMARKERING.get(regel.id)
        if markering is not None:
            assert f"⚠ {markering}" in regel.tolkning, regel.id


def test_varje_regel_beskriver_sin_kontroll() -> None:
    """Issue 9: every rule says in Swedish what its check verifies, more than its title."""
    assert saknade_beskrivningar(REGELVERK.regler) == []


def test_bara_svb_08_har_egen_giltighet() -> None:
    assert REGELVERK.giltig_fran is None
    giltighet = {r.id: r.giltig_fran for r in REGELVERK.regler if r.giltig_fran is not None}
    assert giltighet == {"SVB-08": date(2018, 11, 1)}


def test_inga_luckor_eller_overlapp_i_versionerna() -> None:
    assert tackning(REGELVERK.regler, date(2018, 11, 1), date(2030, 12, 31)) == []


def test_enheterna_och_deras_kommuner() -> None:
    assert {e.kod: e.kommun for e in ENHETER} == KOMMUN_FOR_ENHET
    huvudman = {e.kod: e.huvudman for e in ENHETER}
    assert {k for k, h in huvudman.items() if h == "samordningsforbund"} == {
        "enter",
        "efterstod",
        "ratt_stod_ratt_forsorjning",
    }
    assert {h for h in huvudman.values()} == {"kommun", "samordningsforbund"}


def test_omstandigheterna() -> None:
    assert set(REGELVERK.koder[Kodslag.OMSTANDIGHET]) == {
        "nyanland",
        "nedsatt_arbetsformaga_sjukdom",
        "skolfranvaro",
        "daglig_verksamhet_beslut",
        "hemmasittare",
    }


def test_pluginet_hittas_via_entry_point() -> None:
    vard = Pluginvard()
    installerat = vard.regelverk("sodravatterbygden")
    assert installerat == REGELVERK
    assert installerat is not None
    assert installerat.plugin is not None
    assert installerat.plugin.startswith("sodravatterbygden, finsam-sodravatterbygden ")
    assert installerat.agare == "Samordningsförbundet Södra Vätterbygden"
    assert installerat.version == "2019 (kartläggning hösten 2018–våren 2019)"
    assert vard.kodverk.enheter["jonkoping_unga_vuxna"].kommun == "Jönköping"
    assert vard.kodverk.enheter["enter"].huvudman == "samordningsforbund"
    assert "hemmasittare" in vard.kodverk.lista(Kodslag.OMSTANDIGHET)
