"""The umea rule set's metadata, data tables and registration (issues 12 and 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from finsam_umea import (
    ARENDEBARARE,
    INRIKTNINGAR,
    KOMMUNER,
    NEUTRALA_INSATSER,
    REGELVERK,
    forsorjningsstodsprocessen,
)

from finsam_core import KARNKODVERK, Allvarlighet, Inriktning, Kodslag, Pluginvard, hitta_kommun
from finsam_core.testning import delad_mapp, saknade_beskrivningar, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

SEEDS = delad_mapp("seeds", Path(__file__))
"""The source documents: ``shared/seeds`` beside the checkout (or a worktree's parent)."""

F, V = Allvarlighet.FEL, Allvarlighet.VARNING
ALLVARLIGHET = {
    "UMEA-01": F, "UMEA-02": F, "UMEA-03": V, "UMEA-04": F, "UMEA-05": F,
    "UMEA-06": V, "UMEA-07": F, "UMEA-08": F, "UMEA-09": V, "UMEA-10": F,
    "UMEA-11": F, "UMEA-12": V, "UMEA-13": V, "UMEA-14": V, "UMEA-15": V,
    "UMEA-16": F, "UMEA-17": F, "UMEA-18": V, "UMEA-19": V, "UMEA-20": V,
    "UMEA-21": F, "UMEA-22": V, "UMEA-23": V, "UMEA-24": F, "UMEA-25": V,
    "UMEA-26": F, "UMEA-27": V, "UMEA-28": F, "UMEA-29": F, "UMEA-30": F,
    "UMEA-31": F, "UMEA-32": F, "UMEA-33": V, "UMEA-34": V, "UMEA-35": F,
    "UMEA-36": F, "UMEA-37": F, "UMEA-38": V, "UMEA-39": V, "UMEA-40": F,
}  # fmt: skip
"""As umea.md 3.3 fixes them."""


def test_id_och_allvarlighet() -> None:
    assert {r.id: r.allvarlighet for r in REGELVERK.regler} == ALLVARLIGHET
    assert REGELVERK.regel_id == tuple(sorted(ALLVARLIGHET))


def test_regelverkets_uppgifter_enligt_specifikationen() -> None:
    assert REGELVERK.id == "umea"
    assert REGELVERK.namn == "Umeåregionen – arbetsprocesserna kring individen (Bilaga 4)"
    assert REGELVERK.version == "Bilaga 4 (odaterad)"
    assert REGELVERK.giltig_fran is None


def test_varje_regel_citerar_sitt_dokument() -> None:
    for regel in REGELVERK.regler:
        assert regel.kalla.dokument == "003_0969d60999db51d9.txt"
        assert regel.kalla.avsnitt
        assert regel.kalla.citat


def test_varje_regel_beskriver_sin_kontroll() -> None:
    """Issue 9: every rule says in Swedish what its check verifies, more than its title."""
    assert saknade_beskrivningar(REGELVERK.regler) == []


def test_citaten_finns_ordagrant_i_kallan() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(REGELVERK.regler, SEEDS) == []


def test_tolkningarna_med_varningstecken_i_specifikationen_finns() -> None:
    # Rules whose reading is marked ⚠ in umea.md 3.3 say in `tolkning` which one they chose.
    for regel_id in ("UMEA-01", "UMEA-02", "UMEA-04", "UMEA-05", "UMEA-06", "UMEA-07",
                     "UMEA-08", "UMEA-10", "UMEA-11", "UMEA-17", "UMEA-18", "UMEA-19",
                     "UMEA-20", "UMEA-21", "UMEA-25", "UMEA-26", "UMEA-27", "UMEA-29",
                     "UMEA-31", "UMEA-35", "UMEA-36", "UMEA-40"):  # fmt: skip
        regel = next(r for r in REGELVERK.regler if r.id == regel_id)
        assert "⚠ C" in regel.tolkning, regel_id


def test_de_sex_kommunerna_finns_med_ratt_kommunkod() -> None:
    assert len(KOMMUNER) == 6
    for namn, kod in KOMMUNER.items():
        assert hitta_kommun(kod).namn == namn


def test_pluginet_hittas_via_entry_point_med_enheter_koder_och_handelsetyper() -> None:
    vard = Pluginvard()
    installerat = vard.regelverk("umea")
    assert installerat == REGELVERK
    assert installerat is not None
    assert installerat.plugin is not None
    assert installerat.plugin.startswith("umea, finsam-umea ")
    enheter = vard.kodverk.enheter
    assert enheter["slussen"].huvudman == "kommun"
    assert enheter["arenor_for_provning"].huvudman == "kommun"
    assert enheter["beredningsgrupp_umea"].huvudman == "samordningsforbund"
    assert enheter["samordningsteam"].huvudman == "samordningsforbund"
    assert enheter["folkhogskola"].huvudman == "ovrig"
    assert enheter["skola"].huvudman == "kommun"
    motestyper = vard.kodverk.lista(Kodslag.MOTESTYP)
    for kod in ("uppstartstraff", "kartlaggningstraff_1", "kartlaggningstraff_2",
                "kartlaggningstraff_3", "kartlaggningstraff"):  # fmt: skip
        assert kod in motestyper
    assert "personuppgiftsbehandling" in vard.kodverk.lista(Kodslag.OMFATTNING)
    assert set(vard.kodverk.handelsetyper) >= {"inventering", "avvikelse", "avhopp"}


def test_pluginets_handelser_lases_och_felaktiga_ger_svenska_fel() -> None:
    lasare = Pluginvard().lasare()
    arende = {
        "format": "finsam/1",
        "id": "U-1",
        "individ": {"kommun": "Umeå"},
        "handelser": [
            {"typ": "inventering", "datum": "2025-04-16", "part": "slussen"},
            {"typ": "avvikelse", "datum": "2025-05-02"},
            {"typ": "avhopp", "datum": "2025-03-01", "fran": "skola"},
        ],
    }
    inlasning = lasare.tolka(arende, fil="u.json")
    assert inlasning.fel == ()
    assert inlasning.arende is not None
    assert [h.typ for h in inlasning.arende.handelser] == ["inventering", "avvikelse", "avhopp"]
    arende["handelser"] = [{"typ": "inventering", "datum": "2025-04-16", "part": "slusen"}]
    fel = lasare.tolka(arende, fil="u.json").fel
    assert fel
    assert "handelser[0].part" in str(fel[0])


def test_tabellen_f_u_1_tacker_alla_insatstyper() -> None:
    # Every insats type, core's and the plugin's, belongs to some inriktning or is neutral,
    # so UMEA-06 never judges a type the table forgot.
    alla = set(Pluginvard().kodverk.lista(Kodslag.INSATSTYP))
    i_tabellen = {
        t for spar in INRIKTNINGAR.values() for t in (*spar.insatstyper, *spar.parallellt)
    }
    assert alla <= i_tabellen | set(NEUTRALA_INSATSER)
    assert set(INRIKTNINGAR) == set(Inriktning)


def test_arendebarare_for_varje_stod_som_bilaga_4_nanmner() -> None:
    forsorjning = set(KARNKODVERK.lista(Kodslag.FORSORJNINGSTYP))
    assert set(ARENDEBARARE) <= forsorjning
    assert forsorjning - set(ARENDEBARARE) == {"studiemedel", "lon", "ingen", "annan"}


def test_processens_planerade_datum_efter_paskens_aktualisering() -> None:
    # «återkopplar inom två dagar» (working days): skärtorsdag → the Wednesday after Easter;
    # the information meeting by the Sunday of the next ISO week; a week later the prövning.
    steg = {s.regel: s.senast for s in forsorjningsstodsprocessen(date(2025, 4, 17))}
    assert steg["UMEA-17"] == date(2025, 4, 23)
    assert steg["UMEA-18"] == date(2025, 5, 4)
    assert steg["UMEA-19"] == date(2025, 5, 11)
    assert steg["UMEA-20"] == date(2025, 5, 1)
    assert steg["UMEA-21"] == date(2025, 8, 11)
    assert steg["UMEA-25"] == date(2025, 8, 12)


def test_tidslinjen_ritas_ur_processens_data() -> None:
    from finsam_umea.sphinxext import tidslinje_svg

    steg = forsorjningsstodsprocessen(date(2025, 4, 17), inventering=date(2025, 4, 16))
    svg = tidslinje_svg(steg)
    assert svg.startswith("<svg")
    assert svg.count("<circle") == len(steg) == 9
    assert "Arbetsförmedlingens svar" in svg
    assert ">23/04<" in svg  # the answer on the Wednesday after Easter
