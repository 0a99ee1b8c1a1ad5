"""Umeå's routes (F-U-2) and process timelines (F-U-4) (issue 13).

Expected arenas, windows and dates come from Bilaga 4 (003_0969d60999db51d9.txt) and the
readings of spec umea.md 3.4, not from the code's output: each test names its sentence.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from finsam_umea import FLODEN, KOMMUNER, etableringsprocessen, regelverk as regelverkmodul

from finsam_core.arenor import SVARSSCHEMA, Arenaregister, Fraga
from finsam_core.cli.app import finsam
from finsam_core.model.kommuner import hitta_kommun
from finsam_core.plugins import vard as vardmodul
from finsam_core.plugins.vard import Pluginvard
from finsam_core.regelbygge import las_arenadata
from finsam_core.testning import delad_mapp, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

SEEDS = delad_mapp("seeds", Path(__file__))
EXEMPEL = Path(__file__).resolve().parents[3] / "examples" / "umea"
KRANSKOMMUNER = [k for k in KOMMUNER if k != "Umeå"]


def _vard() -> Pluginvard:
    return Pluginvard(entry_points=[], plugins=[("umea", regelverkmodul)], miljo={})


@pytest.fixture(scope="module")
def register() -> Arenaregister:
    vard = _vard()
    register = vard.arenor()
    assert vard.fel == ()
    return register


def _passar(register: Arenaregister, kommun: str, **fraga: Any) -> list[str]:
    svar = register.foresla(Fraga(hitta_kommun(kommun), **fraga))
    return [f.arena.id for f in svar.forslag if f.traffsakerhet.value == "passar"]


# -- the arena data -------------------------------------------------------------------------


def test_arenorna_registreras_via_kroken(register: Arenaregister) -> None:
    assert {a.id for a in register.arenor} == {a for f in FLODEN for a in f.arenor}
    assert all(a.plugin and a.plugin.startswith("umea") for a in register.arenor)


def test_arenornas_citat_finns_ordagrant_i_kallan(register: Arenaregister) -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(register.arenor, SEEDS) == []
    assert all(a.kalla.dokument == "003_0969d60999db51d9.txt" for a in register.arenor)


def test_sparens_kartlaggningsformer_citeras_ordagrant() -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat(FLODEN, SEEDS) == []


def test_varje_arena_i_sparen_finns_i_datafilen() -> None:
    data = las_arenadata(files("finsam_umea") / "arenor.yaml")
    ids = {a.id for a in data.arenor}
    for flode in FLODEN:
        assert set(flode.arenor) <= ids, flode.id


# -- routing (F-U-2) --------------------------------------------------------------------------


def test_beredningsgruppen_for_umeabor_samordningsteamet_for_kranskommunerna(
    register: Arenaregister,
) -> None:
    # «Beredningsgrupperna i Umeå bereder in personer varje vecka.» «Samordningsteamerna i
    # kranskommunerna bereder in personer varannan vecka …»
    assert "umea-beredningsgrupp" in _passar(register, "Umeå", alder=40)
    assert "umea-samordningsteam" not in _passar(register, "Umeå", alder=40)
    for kommun in KRANSKOMMUNER:
        passar = _passar(register, kommun, alder=40)
        assert "umea-samordningsteam" in passar, kommun
        assert "umea-beredningsgrupp" not in passar, kommun


def test_arenor_for_provning_kraver_forsorjningsstod_och_af(register: Arenaregister) -> None:
    # «… stödja personer som uppbär försörjningsstöd, är aktuell på Arbetsförmedlingen …»
    beda = frozenset({"forsorjningsstod", "arbetssokande"})
    assert "umea-arenor-for-provning" in _passar(register, "Umeå", alder=35, situationer=beda)
    bara_fs = frozenset({"forsorjningsstod"})
    assert "umea-arenor-for-provning" not in _passar(
        register, "Umeå", alder=35, situationer=bara_fs
    )


def test_etableringsgruppen_for_etablerare(register: Arenaregister) -> None:
    # «Deltagare i etableringsprogrammet ska erbjudas samverkan …»
    for situation in ("etableringsprogrammet", "etableringsersattning"):
        passar = _passar(register, "Umeå", alder=30, situationer=frozenset({situation}))
        assert "umea-etablering" in passar
    assert "umea-etablering" not in _passar(register, "Umeå", alder=30)


@pytest.mark.parametrize(("alder", "foreslas"), [(19, True), (20, False)])
def test_kaa_under_20_ar_i_hemkommunen(register: Arenaregister, alder: int, foreslas: bool) -> None:
    # «Det kommunala aktivitetsansvaret i respektive kommun …»; under 20 (skollagen, ⚠ C15).
    passar = _passar(
        register,
        "Vindeln",
        alder=alder,
        situationer=frozenset({"ej_fullfoljd_gymnasieutbildning"}),
    )
    assert ("umea-kaa-vindeln" in passar) is foreslas
    assert "umea-kaa-umea" not in passar


@pytest.mark.parametrize(("alder", "foreslas"), [(15, False), (16, True), (29, True), (30, False)])
def test_unga_med_funktionsnedsattning_16_till_29(
    register: Arenaregister, alder: int, foreslas: bool
) -> None:
    # «Unga med funktionsnedsättning ska erbjudas samordnade insatser …» (⚠ C16: 16–29).
    passar = _passar(
        register, "Vännäs", alder=alder, situationer=frozenset({"funktionsnedsattning"})
    )
    assert ("umea-unga-funktionsnedsattning" in passar) is foreslas


def test_samstart_bara_utan_aktivitetsersattning_och_som_projekt(register: Arenaregister) -> None:
    # «För unga som inte har aktivitetsersättning kan SAMSTART … vara aktuellt.»
    fn = frozenset({"funktionsnedsattning"})
    assert "umea-samstart" in _passar(register, "Umeå", alder=22, situationer=fn, inkl_projekt=True)
    assert "umea-samstart" not in _passar(register, "Umeå", alder=22, situationer=fn)
    assert "umea-samstart" not in _passar(
        register,
        "Umeå",
        alder=22,
        situationer=fn | {"aktivitetsersattning"},
        inkl_projekt=True,
    )


# -- the command on the examples ------------------------------------------------------------


@pytest.fixture
def cli() -> Iterator[Any]:
    vardmodul._VARD = _vard()
    yield lambda *a: CliRunner().invoke(finsam, list(a))
    vardmodul.aterstall_vard()


def test_arenor_for_kaa_exemplet_med_kallor(cli: Any) -> None:
    resultat = cli("arenor", str(EXEMPEL / "kaa-avhopp.yaml"), "--datum", "2025-10-10")
    assert resultat.exit_code == 0, resultat.stderr
    rader = resultat.stdout.splitlines()
    assert rader[0] == "Vindeln, 17 år, ej_fullfoljd_gymnasieutbildning per 2025-10-10"
    assert rader[2] == "umea-kaa-vindeln  Kommunala aktivitetsansvaret (KAA), Vindeln  [passar]"
    assert (
        "  källa: 003_0969d60999db51d9.txt, Unga som saknar en fullföljd gymnasieutbildning "
        "«Unga som ligger under KAA: Det kommunala aktivitetsansvaret i respektive kommun ska "
        "få information innan avhopp om de konsekvenser som följer av att inte fullfölja "
        "gymnasiet.»" in rader
    )


def test_arenor_for_exemplet_med_funktionsnedsattning_som_json(cli: Any) -> None:
    resultat = cli(
        "arenor",
        str(EXEMPEL / "unga-funktionsnedsattning.yaml"),
        "--datum",
        "2025-09-01",
        "--projekt",
        "-o",
        "json",
    )
    assert resultat.exit_code == 0, resultat.stderr
    svar = json.loads(resultat.stdout)
    jsonschema.Draft202012Validator(SVARSSCHEMA).validate(svar)
    assert svar["fraga"]["kommun"] == "Vännäs"
    assert svar["fraga"]["alder"] == 22
    assert [f["arena"] for f in svar["forslag"]] == [
        "umea-samordningsteam",
        "umea-unga-funktionsnedsattning",
        "umea-samstart",
    ]
    unga = svar["forslag"][1]
    assert unga["kalla"]["avsnitt"] == "Unga med en funktionsnedsättning"
    assert unga["kalla"]["citat"].startswith("Unga med funktionsnedsättning ska erbjudas")


# -- process timelines (F-U-4) ----------------------------------------------------------------


def test_etableringens_planerade_datum() -> None:
    # KT2 «efter cirka ett år» (10–14 months, ⚠ C13); KT3 «inför … avslut» (last three
    # months); the jobbspår one month after the end (⚠ C14). 2024-03-04 → 2026-03-03.
    steg = {s.namn: s.senast for s in etableringsprocessen(date(2024, 3, 4), date(2026, 3, 3))}
    assert steg["Fönstret för kartläggningsträff 2 öppnar"] == date(2025, 1, 4)
    assert steg["Kartläggningsträff 2 senast"] == date(2025, 5, 4)
    assert steg["Fönstret för kartläggningsträff 3 öppnar"] == date(2025, 12, 3)
    assert steg["Kartläggningsträff 3 och ny planering senast; programmet slutar"] == date(
        2026, 3, 3
    )
    assert steg["Jobbspår eller individuellt förberedande paket senast"] == date(2026, 4, 3)


def test_agendan_for_pagaende_etablering_listar_kt_fonstren(cli: Any) -> None:
    resultat = cli(
        "agenda", str(EXEMPEL / "etablering-pagaende.yaml"), "--datum", "2026-03-02", "-o", "json"
    )
    assert resultat.exit_code == 0, resultat.stderr
    poster = json.loads(resultat.stdout)
    assert [(p["frist"], p["regel"]) for p in poster] == [
        ("2026-11-01", "UMEA-29"),  # KT2: 2025-09-01 + 14 months
        ("2027-08-31", "UMEA-31"),  # KT3 by P1, the etableringsersättning's end
        ("2027-09-30", "UMEA-35"),  # jobbspår or package: P1 + 1 month
    ]
    assert "2026-07-01–2026-11-01" in poster[0]["meddelande"]
    assert "2027-05-31–2027-08-31" in poster[1]["meddelande"]


def test_agendan_som_text(cli: Any) -> None:
    resultat = cli("agenda", str(EXEMPEL / "etablering-pagaende.yaml"), "--datum", "2026-03-02")
    assert resultat.exit_code == 0, resultat.stderr
    rader = resultat.stdout.splitlines()
    # KT2 window 10–14 months after P0 2025-09-01 ends 2026-11-01 (UMEA-29), first of three
    assert rader[1].startswith("  2026-11-01  om 244 dagar  UMEA-29  ")
    assert rader[-1] == "0 missade frister, 3 öppna frister per 2026-03-02."


@pytest.mark.parametrize(
    ("datum", "handelser", "insatser", "vantat"),
    [
        # Aktualisering on skärtorsdag: AF's answer by two working days (⚠ C10).
        ("2025-04-17", 2, 0, [("2025-04-23", "UMEA-17")]),
        # Answer «prövning» on 2025-04-23: the information meeting by the Sunday of the next
        # ISO week (⚠ C11), the prövning two weeks from the inventering.
        ("2025-04-23", 3, 0, [("2025-04-30", "UMEA-20"), ("2025-05-04", "UMEA-18")]),
        # Information meeting 2025-04-28: the prövning starts at most a week later.
        ("2025-04-28", 4, 0, [("2025-04-30", "UMEA-20"), ("2025-05-05", "UMEA-19")]),
        # Prövning from 2025-04-30, no end yet: it ends at most three months on (⚠ C12).
        ("2025-05-02", 5, 1, [("2025-07-30", "UMEA-21")]),
    ],
)
def test_agendan_for_forsorjningsstodsprocessen_steg_for_steg(
    cli: Any, tmp_path: Path, datum: str, handelser: int, insatser: int, vantat: list[Any]
) -> None:
    arende = yaml.safe_load((EXEMPEL / "forsorjningsstod-klart.yaml").read_text("utf-8"))
    arende["handelser"] = arende["handelser"][:handelser]
    arende["insatser"] = [dict(i, slut=None) for i in arende["insatser"][:insatser]]
    arende["kartlaggningar"] = []
    arende["planer"] = []
    fil = tmp_path / "fs.json"
    fil.write_text(json.dumps(arende, default=str), "utf-8")
    resultat = cli("agenda", str(fil), "--datum", datum, "-r", "umea", "-o", "json")
    assert resultat.exit_code == 0, resultat.stderr
    poster = [(p["frist"], p["regel"]) for p in json.loads(resultat.stdout)]
    assert [
        p for p in poster if p[1] in {"UMEA-17", "UMEA-18", "UMEA-19", "UMEA-20", "UMEA-21"}
    ] == vantat


def test_tidslinjen_for_etableringen_ritas() -> None:
    from finsam_umea.sphinxext import tidslinje_svg

    steg = etableringsprocessen(date(2024, 3, 4), date(2026, 3, 3))
    svg = tidslinje_svg(steg, "Etableringsprocessen")
    assert "<title>Etableringsprocessen: sista dag för varje steg, 2024-03-04–2026-04-03" in svg
    assert svg.count("<circle") == len(steg) == 6
