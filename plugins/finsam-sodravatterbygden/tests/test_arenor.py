"""Södra Vätterbygden's forums as routing data (section 2.7: F-SVB-1, F-SVB-2, F-SVB-4).

Expected suggestions come from the survey (002_ab96050952a4f110.txt) and the examples of
F-SVB-1, not from the code's output: each test names the page it rests on.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from finsam_core.arenor import SVARSSCHEMA, Arenaregister, Fraga, Niva, matris
from finsam_core.cli.app import finsam as _finsam
from finsam_core.model.kommuner import hitta_kommun
from finsam_core.plugins import vard as vardmodul
from finsam_core.plugins.vard import Pluginvard
from finsam_core.testning import delad_mapp, saknade_citat
from finsam_core.testning.pytest_plugin import utan_kallor

PLUGIN = Path(__file__).resolve().parents[1]
ROT = PLUGIN.parents[1]
SEEDS = delad_mapp("seeds", Path(__file__))
KALLA = (SEEDS or Path("saknas")) / "002_ab96050952a4f110.txt"
EXEMPEL = ROT / "examples" / "sodravatterbygden"

try:  # installed with the plugin's own pyproject, or straight from the source tree
    from finsam_sodravatterbygden import arenor as arenamodul
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(PLUGIN / "src"))
    from finsam_sodravatterbygden import arenor as arenamodul

VAGGERYD, JONKOPING = hitta_kommun("Vaggeryd"), hitta_kommun("Jönköping")
HABO, MULLSJO = hitta_kommun("Habo"), hitta_kommun("Mullsjö")


def _vard() -> Pluginvard:
    return Pluginvard(entry_points=[], plugins=[("sodravatterbygden-arenor", arenamodul)], miljo={})


@pytest.fixture(scope="module")
def register() -> Arenaregister:
    vard = _vard()
    register = vard.arenor()
    assert vard.fel == ()
    return register


def _forslag(register: Arenaregister, kommun: Any, **fraga: Any) -> list[tuple[str, str]]:
    svar = register.foresla(Fraga(kommun, **fraga))
    return [(f.arena.id, f.traffsakerhet.value) for f in svar.forslag]


# -- the data -------------------------------------------------------------------------------


def test_idn_ar_exakt_svb_f01_till_f37(register: Arenaregister) -> None:
    assert [a.id for a in register.arenor] == [f"svb-f{n:02d}" for n in range(1, 38)]
    assert all(lucka.id.startswith("svb-l") for lucka in register.luckor)


def test_varje_citat_finns_ordagrant_i_kallan(register: Arenaregister) -> None:
    if SEEDS is None:
        utan_kallor()
    assert saknade_citat([*register.arenor, *register.luckor], KALLA.parent) == []


def test_varje_citat_star_pa_sin_sida(register: Arenaregister) -> None:
    """Each line of the transcript is one page ending in its page number (text from l. 204)."""
    if SEEDS is None:
        utan_kallor()
    sidor = {}
    for rad in KALLA.read_text(encoding="utf-8").splitlines()[203:]:
        ord_ = rad.split()
        if ord_ and ord_[-1].isdigit():
            sidor[int(ord_[-1])] = " ".join(ord_)
    for post in (*register.arenor, *register.luckor):
        sida = int(post.kalla.avsnitt.removeprefix("s. "))
        forsta = re.split(r"(?<=[.;:])\s+", " ".join(post.kalla.citat.split()))[0].rstrip(".")
        assert forsta in sidor[sida], f"{post.id}: inte på s. {sida}"


def test_nivaer_som_i_specifikationen(register: Arenaregister) -> None:
    struktur = {a.id for a in register.arenor if a.niva is Niva.STRUKTUR}
    kunskap = {a.id for a in register.arenor if a.niva is Niva.KUNSKAP}
    assert struktur == {"svb-f11", "svb-f25", "svb-f26", "svb-f30", "svb-f36"}
    assert kunskap == {"svb-f29", "svb-f33"}
    assert {a.id for a in register.arenor if a.projekt} == {"svb-f19", "svb-f27"}


# -- F-SVB-1 examples -----------------------------------------------------------------------


def test_vaggeryd_22_aktivitetsersattning(register: Arenaregister) -> None:
    """«Vaggeryd, 22, {aktivitetsersattning}: Trappsteget via its referensgrupp; Mötesplats
    (possible).» Trappsteget 16–24 (s. 9), its referensgrupp the remissinstans (s. 10)."""
    forslag = _forslag(register, VAGGERYD, alder=22, situationer={"aktivitetsersattning"})
    assert forslag[:3] == [
        ("svb-f14", "passar"),
        ("svb-f15", "passar"),
        ("svb-f17", "mojlig"),
    ]
    # ENTER and Efterstöd: target group not in the surviving pages; never "passar".
    assert set(forslag[3:]) == {("svb-f35", "mojlig"), ("svb-f34", "mojlig")}
    trappsteget = register.foresla(Fraga(VAGGERYD, alder=22)).forslag[0]
    assert trappsteget.arena.ingang == ("svb-f15",)
    assert "Referensgruppen för Trappsteget" in trappsteget.nasta_steg


@pytest.mark.parametrize(
    ("alder", "vantat"),
    [(15, None), (16, "passar"), (24, "passar"), (25, "mojlig"), (26, None)],
)
def test_trappsteget_16_24_och_25_osakert(
    register: Arenaregister, alder: int, vantat: str | None
) -> None:
    """«… för personer mellan 16 och 24 år» (s. 9) vs «Trappsteget (Unga mellan 16-25år)»
    (s. 10): 25 is possible, uncertain (B1)."""
    forslag = dict(_forslag(register, VAGGERYD, alder=alder))
    assert forslag.get("svb-f14") == vantat
    assert forslag.get("svb-f15") == vantat


def test_jonkoping_23_forsorjningsstod(register: Arenaregister) -> None:
    """«Jönköping, 23, {forsorjningsstod}: Team Mottagning → Unga Vuxna; Ärendeforum.»
    (s. 13: «Personer under 25 år hanteras av enheten Unga Vuxna.»)"""
    forslag = _forslag(register, JONKOPING, alder=23, situationer={"forsorjningsstod"})
    passar = [a for a, t in forslag if t == "passar"]
    assert passar == ["svb-f20", "svb-f21", "svb-f24"]
    assert "svb-f22" not in dict(forslag)  # lokalkontoren: 25 and over
    unga_vuxna = register.arena("svb-f21")
    assert unga_vuxna is not None
    assert unga_vuxna.ingang == ("jonkoping_team_mottagning",)


@pytest.mark.parametrize(("alder", "kontor"), [(24, "svb-f21"), (25, "svb-f22")])
def test_unga_vuxna_under_25_lokalkontor_fran_25(
    register: Arenaregister, alder: int, kontor: str
) -> None:
    forslag = dict(_forslag(register, JONKOPING, alder=alder, situationer={"forsorjningsstod"}))
    assert forslag.get(kontor) == "passar"
    assert ({"svb-f21", "svb-f22"} - {kontor}).isdisjoint(forslag)


def test_habo_17_kaa_och_skolfranvaro(register: Arenaregister) -> None:
    """«Habo, 17, {ej_fullfoljd_gymnasieutbildning}: the ungdomscoach (KAA); the närvarogrupp
    if skolfranvaro.» (s. 6)"""
    utan = _forslag(register, HABO, alder=17, situationer={"ej_fullfoljd_gymnasieutbildning"})
    assert [a for a, t in utan if t == "passar"] == ["svb-f06"]
    med = _forslag(
        register, HABO, alder=17, situationer={"ej_fullfoljd_gymnasieutbildning", "skolfranvaro"}
    )
    assert [a for a, t in med if t == "passar"] == ["svb-f06", "svb-f07", "svb-f10", "svb-f08"]


@pytest.mark.parametrize(("alder", "vantat"), [(19, "passar"), (20, None)])
def test_ungdomscoachen_under_20(register: Arenaregister, alder: int, vantat: str | None) -> None:
    """«… de ungdomar under 20 år som avslutat grundskolan …» (s. 6)."""
    situationer = {"ej_fullfoljd_gymnasieutbildning"}
    assert (
        dict(_forslag(register, HABO, alder=alder, situationer=situationer)).get("svb-f06")
        == vantat
    )


@pytest.mark.parametrize(
    ("alder", "vantat"), [(12, None), (13, "passar"), (16, "passar"), (17, None)]
)
def test_natverket_13_16_i_habo(register: Arenaregister, alder: int, vantat: str | None) -> None:
    """«… ett nätverk kring ungdomar mellan 13-16 år …» (s. 6)."""
    assert dict(_forslag(register, HABO, alder=alder)).get("svb-f09") == vantat


@pytest.mark.parametrize("kommun", ["Habo", "Mullsjö", "Vaggeryd", "Jönköping"])
def test_ratt_stod_ratt_forsorjning_i_alla_fyra(register: Arenaregister, kommun: str) -> None:
    """«Any municipality, {saknar_sgi, nedsatt_arbetsformaga_sjukdom}: Rätt stöd, rätt
    försörjning.» (s. 7, s. 14)"""
    situationer = {"saknar_sgi", "nedsatt_arbetsformaga_sjukdom"}
    forslag = dict(_forslag(register, hitta_kommun(kommun), alder=40, situationer=situationer))
    assert forslag["svb-f32"] == "passar"
    utan_sjukdom = dict(_forslag(register, hitta_kommun(kommun), situationer={"saknar_sgi"}))
    assert "svb-f32" not in utan_sjukdom


def test_projekt_och_kon_bara_pa_begaran(register: Arenaregister) -> None:
    """Hela Vägen till Språket (s. 9): a project for nyanlända barnlediga kvinnor."""
    fraga: dict[str, Any] = {"situationer": {"nyanland"}, "kon": "kvinna"}
    assert "svb-f19" not in dict(_forslag(register, VAGGERYD, **fraga))
    assert dict(_forslag(register, VAGGERYD, inkl_projekt=True, **fraga))["svb-f19"] == "passar"
    fraga["kon"] = "man"
    assert "svb-f19" not in dict(_forslag(register, VAGGERYD, inkl_projekt=True, **fraga))


def test_struktur_och_kunskap_foreslas_bara_pa_begaran(register: Arenaregister) -> None:
    assert "svb-f11" not in dict(_forslag(register, HABO))
    assert dict(_forslag(register, HABO, nivaer={Niva.STRUKTUR}))["svb-f11"] == "passar"


# -- F-SVB-4: no match, gaps ----------------------------------------------------------------


def test_habo_40_forsorjningsstod_inget_passar_luckor(register: Arenaregister) -> None:
    """Habo has no arbetsmarknadsenhet, so AF is needed for arbetsförmåga (s. 7)."""
    svar = register.foresla(
        Fraga(HABO, alder=40, situationer={"forsorjningsstod", "arbetssokande"})
    )
    assert all(f.traffsakerhet.value == "mojlig" for f in svar.forslag)
    assert {lucka.id for lucka in svar.luckor} >= {"svb-l08"}
    assert all(lucka.kommun == HABO for lucka in svar.luckor)
    habo_saknar = next(lucka for lucka in svar.luckor if lucka.id == "svb-l08")
    assert "arbetsmarknadsenhet" in habo_saknar.kalla.citat


def test_kommun_utanfor_forbundet_ger_inget(register: Arenaregister) -> None:
    """The förbund's parties are Habo, Mullsjö, Vaggeryd and Jönköping (s. 2)."""
    svar = register.foresla(Fraga(hitta_kommun("Eksjö"), alder=30, situationer={"saknar_sgi"}))
    assert (svar.forslag, svar.luckor) == ((), ())


def test_vaggeryd_unga_med_aktivitetsersattning_saknar_verksamhet(
    register: Arenaregister,
) -> None:
    """«Det finns idag ingen naturlig och passande verksamhet för dessa personer.» (s. 11)"""
    svar = register.foresla(Fraga(VAGGERYD, alder=30, situationer={"aktivitetsersattning"}))
    assert "svb-l10" in {lucka.id for lucka in svar.luckor}


# -- F-SVB-2: who sits where ----------------------------------------------------------------


def test_matrisen_vem_sitter_var(register: Arenaregister) -> None:
    resultat = matris(register.arenor)
    # Habo's ungdomscoach sits in six forums on p. 6–7 (KAA, närvaro, skolfrånvaro, 13–16,
    # Habomodellen, arbetsmarknadsgruppen).
    assert resultat.organisationer["habo_ungdomscoach"] == (
        "svb-f06", "svb-f07", "svb-f08", "svb-f09", "svb-f10", "svb-f11",
    )  # fmt: skip
    # The three ARENA groups (s. 4, 7, 14) have the same members but serve different
    # municipalities: not an overlap.
    assert resultat.organisationer["socialtjanst"][:3] == ("svb-f02", "svb-f03", "svb-f04")
    assert resultat.overlapp == ()


# -- the command on the examples ------------------------------------------------------------


@pytest.fixture
def cli() -> Iterator[Any]:
    vardmodul._VARD = _vard()
    yield lambda *a: CliRunner().invoke(_finsam, list(a))
    vardmodul.aterstall_vard()


def test_exempel_som_text_med_kallor(cli: Any) -> None:
    resultat = cli("arenor", str(EXEMPEL / "routing-unga-vuxna.yaml"), "--datum", "2025-09-01")
    assert resultat.exit_code == 0, resultat.stderr
    rader = resultat.stdout.splitlines()
    assert rader[0] == "Jönköping, 23 år, forsorjningsstod per 2025-09-01"
    assert "svb-f20  Team Mottagning (försörjningsstöd Jönköping)  [passar]" in rader
    assert (
        "  källa: 002_ab96050952a4f110.txt, s. 13 «Personer under 25 år hanteras av enheten "
        "Unga Vuxna.»" in rader
    )


@pytest.mark.parametrize(
    ("fil", "forsta"),
    [
        ("routing-trappsteget.yaml", ["svb-f14", "svb-f15"]),
        ("routing-unga-vuxna.yaml", ["svb-f20", "svb-f21", "svb-f24"]),
        ("routing-kaa-habo.yaml", ["svb-f06"]),
        ("routing-habo-luckor.yaml", []),
    ],
)
def test_exempel_som_json(cli: Any, fil: str, forsta: list[str]) -> None:
    resultat = cli("arenor", str(EXEMPEL / fil), "--datum", "2025-09-01", "-o", "json")
    assert resultat.exit_code == 0, resultat.stderr
    svar = json.loads(resultat.stdout)
    jsonschema.Draft202012Validator(SVARSSCHEMA).validate(svar)
    assert [f["arena"] for f in svar["forslag"] if f["traffsakerhet"] == "passar"] == forsta
    assert all(f["kalla"]["dokument"] == "002_ab96050952a4f110.txt" for f in svar["forslag"])
    assert (svar["luckor"] != []) is (forsta == [])


def test_exempel_kaa_med_extra_situation(cli: Any) -> None:
    resultat = cli(
        "arenor", str(EXEMPEL / "routing-kaa-habo.yaml"), "--datum", "2025-09-01",
        "--situation", "skolfranvaro", "-o", "json",
    )  # fmt: skip
    passar = [f["arena"] for f in json.loads(resultat.stdout)["forslag"]]
    assert passar[:2] == ["svb-f06", "svb-f07"]


def test_matris_och_lista_pa_kommandoraden(cli: Any) -> None:
    matrisen = json.loads(cli("arenor", "--matris", "--kommun", "Habo", "-o", "json").stdout)
    assert "svb-f06" in matrisen["organisationer"]["habo_ungdomscoach"]
    lista = json.loads(cli("arenor", "--lista", "--kommun", "Mullsjö", "-o", "json").stdout)
    ids = [a["arena"] for a in lista]
    assert ids[:2] == ["svb-f01", "svb-f02"]
    assert all(MULLSJO.namn in a["kommuner"] for a in lista)


def test_datumet_styr_alder_och_forsorjning(cli: Any) -> None:
    """routing-trappsteget.yaml: born 2003-05-10; 24 on 2028-05-09, 25 the day after."""
    fore = cli(
        "arenor", str(EXEMPEL / "routing-trappsteget.yaml"), "--datum", "2028-05-09", "-o", "json"
    )
    efter = cli(
        "arenor", str(EXEMPEL / "routing-trappsteget.yaml"), "--datum", "2028-05-10", "-o", "json"
    )
    assert json.loads(fore.stdout)["forslag"][0]["traffsakerhet"] == "passar"
    assert json.loads(efter.stdout)["forslag"][0]["traffsakerhet"] == "mojlig"


SIDA = ROT / "docs" / "guide" / "arenor.md"
BLOCK = re.compile(r"```console\n\$ (finsam [^\n]+)\n(.*?)```", re.S)


@pytest.mark.parametrize(
    ("kommando", "visat"), [m.groups() for m in BLOCK.finditer(SIDA.read_text(encoding="utf-8"))]
)
def test_utdata_i_guiden_stammer(
    cli: Any, kommando: str, visat: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line docs/guide/arenor.md shows is printed, in order ("…": lines left out)."""
    import shlex

    monkeypatch.chdir(ROT)
    faktiskt = cli(*shlex.split(kommando)[1:]).stdout.splitlines()
    position = 0
    for rad in visat.rstrip("\n").splitlines():
        if rad == "…":
            continue
        assert rad in faktiskt[position:], f"{rad!r} is not printed by {kommando!r}"
        position = faktiskt.index(rad, position) + 1
