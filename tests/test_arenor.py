"""Arenas and routing in core: the data file and its schema, matching, the host, the CLI."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from finsam_core.arenor import (
    ARENASCHEMA,
    SVARSSCHEMA,
    Arena,
    Arenadata,
    Arenafel,
    Arenaregister,
    Fraga,
    Lucka,
    Niva,
    Traffsakerhet,
    fraga_for_arende,
    las_arenadata,
    situationer_for,
    tolka_arenadata,
)
from finsam_core.cli.app import finsam as _finsam
from finsam_core.model.kommuner import hitta_kommun
from finsam_core.plugins import vard as vardmodul
from finsam_core.plugins.vard import Pluginvard
from finsam_core.regler.fynd import Kalla
from finsam_core.testning import saknade_citat

from .conftest import ROT
from .regelhjalp import arende

TESTMAPP = Path(__file__).parent
KALLOR = ROT.parent.parent / "shared" / "seeds"
HABO, NORA, EDA = hitta_kommun("Habo"), hitta_kommun("Nora"), hitta_kommun("Eda")
KALLA = Kalla("test.txt", "s. 1", "En mening.")


def _data() -> dict[str, Any]:
    return copy.deepcopy(
        {
            "format": "finsam-arenor/1",
            "dokument": "test.txt",
            "titel": "Testdokument",
            "agare": "Testförbundet",
            "arenor": [
                {
                    "id": "t-unga",
                    "namn": "Ungdomsteamet",
                    "kommun": ["Habo", "0642"],
                    "organisationer": ["af", "socialtjanst"],
                    "niva": "individ",
                    "malgrupp": "unga 16–24",
                    "kraver": ["forsorjningsstod"],
                    "alder": [16, 24],
                    "alder_osaker": [25, 25],
                    "frekvens": {"text": "1 gång i månaden", "per_ar": 12},
                    "ingang": ["socialtjanst", "individen"],
                    "sida": 3,
                    "citat": "En mening.",
                }
            ],
            "luckor": [
                {
                    "id": "t-l01",
                    "kommun": "Habo",
                    "enhet": "Försörjningsstöd",
                    "text": "Ingen arbetsmarknadsenhet.",
                    "avsnitt": "Vad behöver utvecklas?",
                    "citat": "En annan mening.",
                }
            ],
        }
    )


def _schemafel(data: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(ARENASCHEMA)
    return [f.message for f in validator.iter_errors(data)]


# -- the data file --------------------------------------------------------------------------


def test_en_giltig_fil_ger_arenor_och_luckor() -> None:
    data = tolka_arenadata(_data(), "test.yaml")
    (arena,) = data.arenor
    assert arena.kommuner == (HABO, hitta_kommun("Mullsjö"))
    assert arena.niva is Niva.INDIVID
    assert arena.kraver == frozenset({"forsorjningsstod"})
    assert (arena.alder, arena.alder_osaker) == ((16, 24), (25, 25))
    assert arena.frekvens.per_ar == 12.0
    assert arena.kalla == Kalla("test.txt", "s. 3", "En mening.", titel="Testdokument")
    (lucka,) = data.luckor
    assert (lucka.kommun, lucka.kalla.avsnitt) == (HABO, "Vad behöver utvecklas?")
    assert _schemafel(_data()) == []


@pytest.mark.parametrize(
    ("andring", "vantat"),
    [
        (lambda d: d["arenor"][0].pop("citat"), "arenor[0].citat: saknas"),
        (lambda d: d["arenor"][0].update(niva="grupp"), "arenor[0].niva: förväntade en av"),
        (lambda d: d["arenor"][0].update(kommun=["Habbo"]), "arenor[0].kommun[0]: okänd kommun"),
        (lambda d: d["arenor"][0].update(kommun=[]), "arenor[0].kommun: förväntade en lista"),
        (lambda d: d["arenor"][0].update(alder=[24, 16]), "arenor[0].alder: högsta åldern"),
        (lambda d: d["arenor"][0].update(alder=[16]), "arenor[0].alder: förväntade [lägst"),
        (lambda d: d["arenor"][0].update(alder=["16", 24]), "arenor[0].alder: förväntade"),
        (lambda d: d["arenor"][0].update(projekt="ja"), "arenor[0].projekt: förväntade true"),
        (lambda d: d["arenor"][0].update(kraver="nyanland"), "arenor[0].kraver: förväntade"),
        (lambda d: d["arenor"][0].update(farg="röd"), "arenor[0].farg: okänd nyckel"),
        (lambda d: d["arenor"][0].update(id="SVB F1"), "arenor[0].id: ogiltigt id"),
        (lambda d: d["arenor"][0].update(avsnitt="1"), "ange antingen sida eller avsnitt"),
        (lambda d: d["arenor"][0].pop("sida"), "ange antingen sida eller avsnitt"),
        (lambda d: d["arenor"][0].update(sida=0), "arenor[0].sida: förväntade ett sidnummer"),
        (lambda d: d["arenor"][0].update(kon="båda"), "arenor[0].kon: förväntade kvinna"),
        (lambda d: d["arenor"][0]["frekvens"].update(per_ar="12"), "frekvens.per_ar"),
        (lambda d: d["luckor"][0].pop("kommun"), "luckor[0].kommun: saknas"),
        (lambda d: d.update(format="finsam/1"), "format: förväntade 'finsam-arenor/1'"),
        (lambda d: d.pop("agare"), "agare: saknas"),
        (lambda d: d.update(arenor={}), "arenor: förväntade en lista"),
    ],
)
def test_en_trasig_fil_avvisas_av_lasaren_och_schemat(andring: Any, vantat: str) -> None:
    data = _data()
    andring(data)
    with pytest.raises(Arenafel, match=r"^test\.yaml: ") as fel:
        tolka_arenadata(data, "test.yaml")
    assert vantat in str(fel.value)
    # The schema cannot compare two numbers; everything else it rejects too.
    assert (_schemafel(data) != []) is ("högsta åldern" not in vantat)


def test_alla_fel_i_en_fil_rapporteras_pa_en_gang() -> None:
    data = _data()
    data["arenor"][0].pop("namn")
    data["luckor"][0]["kommun"] = "Atlantis"
    with pytest.raises(Arenafel) as fel:
        tolka_arenadata(data, "test.yaml")
    assert "arenor[0].namn: saknas" in str(fel.value)
    assert "luckor[0].kommun: okänd kommun 'Atlantis'" in str(fel.value)


def test_samma_id_tva_ganger_avvisas() -> None:
    data = _data()
    data["arenor"].append(copy.deepcopy(data["arenor"][0]))
    with pytest.raises(Arenafel, match="id 't-unga' förekommer två gånger"):
        tolka_arenadata(data, "test.yaml")


def test_las_arenadata_fran_fil_och_trasig_yaml(tmp_path: Path) -> None:
    fil = tmp_path / "arenor.json"
    fil.write_text(json.dumps(_data()), encoding="utf-8")
    assert las_arenadata(fil).arenor[0].id == "t-unga"
    trasig = tmp_path / "arenor.yaml"
    trasig.write_text("arenor: [\n", encoding="utf-8")
    with pytest.raises(Arenafel, match="är inte giltig YAML/JSON"):
        las_arenadata(trasig)
    with pytest.raises(Arenafel, match="kunde inte läsas"):
        las_arenadata(tmp_path / "saknas.yaml")


# -- matching -------------------------------------------------------------------------------


def _arena(**falt: Any) -> Arena:
    grund: dict[str, Any] = {
        "id": "t-arena",
        "namn": "Testarenan",
        "kommuner": (HABO,),
        "niva": Niva.INDIVID,
        "malgrupp": "alla",
        "kalla": KALLA,
    }
    grund.update(falt)
    return Arena(**grund)


def _svar(arena: Arena, **fraga: Any) -> tuple[str, ...] | None:
    """(traffsakerhet, *skal) for the one arena, or None when it is not suggested."""
    grund: dict[str, Any] = {"kommun": HABO}
    grund.update(fraga)
    forslag = Arenaregister([arena]).foresla(Fraga(**grund)).forslag
    if not forslag:
        return None
    (ett,) = forslag
    return (ett.traffsakerhet.value, *ett.skal)


@pytest.mark.parametrize(
    ("alder", "vantat"),
    [(15, None), (16, "passar"), (24, "passar"), (25, "mojlig"), (26, None), (None, "mojlig")],
)
def test_alder_bada_granser_och_osaker_alder(alder: int | None, vantat: str | None) -> None:
    arena = _arena(alder=(16, 24), alder_osaker=(25, 25))
    svar = _svar(arena, alder=alder)
    assert (svar[0] if svar else None) == vantat


def test_osaker_alder_och_okand_alder_sager_varfor() -> None:
    arena = _arena(alder=(16, 24), alder_osaker=(25, 25))
    assert _svar(arena, alder=25) == (
        "mojlig",
        "kommun: Habo",
        "osäkert: ålder 25: källan är otydlig om 25 år (tydligt: 16–24 år)",
    )
    assert _svar(arena, alder=None) == (
        "mojlig",
        "kommun: Habo",
        "osäkert: åldern är okänd; arenan tar 16–24 år",
    )


def test_annan_kommun_ger_inget_forslag() -> None:
    assert _svar(_arena(), kommun=NORA) is None
    assert _svar(_arena(kommuner=(HABO, NORA)), kommun=NORA) == ("passar", "kommun: Nora")


def test_kraver_minst_en_och_kraver_ocksa_minst_en() -> None:
    arena = _arena(
        kraver=frozenset({"saknar_sgi"}),
        kraver_ocksa=frozenset({"psykisk_ohalsa", "nedsatt_arbetsformaga_sjukdom"}),
    )
    assert _svar(arena, situationer={"saknar_sgi"}) is None
    assert _svar(arena, situationer={"psykisk_ohalsa"}) is None
    assert _svar(arena, situationer={"saknar_sgi", "psykisk_ohalsa"}) == (
        "passar",
        "kommun: Habo",
        "situation: saknar_sgi",
        "också: psykisk_ohalsa",
    )


def test_tomt_kraver_galler_alltid_och_utesluter_stanger() -> None:
    arena = _arena(utesluter=frozenset({"pagaende_missbruk"}))
    assert _svar(arena)[0] == "passar"  # type: ignore[index]
    assert _svar(arena, situationer={"pagaende_missbruk"}) is None


def test_kon_anges_okant_eller_annat() -> None:
    arena = _arena(kon="kvinna")
    assert _svar(arena, kon="kvinna")[0] == "passar"  # type: ignore[index]
    assert _svar(arena, kon="man") is None
    assert _svar(arena)[0] == "mojlig"  # type: ignore[index]


def test_niva_och_projekt_foreslas_bara_pa_begaran() -> None:
    struktur = _arena(niva=Niva.STRUKTUR)
    assert _svar(struktur) is None
    assert _svar(struktur, nivaer={Niva.STRUKTUR})[0] == "passar"  # type: ignore[index]
    projekt = _arena(projekt=True)
    assert _svar(projekt) is None
    assert _svar(projekt, inkl_projekt=True)[-1] == "projekt (tidsbegränsat)"  # type: ignore[index]


def test_osakerhet_i_data_ger_mojlig() -> None:
    arena = _arena(osakerhet="målgruppen anges inte i källan")
    assert _svar(arena) == ("mojlig", "kommun: Habo", "osäkert: målgruppen anges inte i källan")


def test_ordning_passar_forst_sedan_egen_kommun_fore_lanet() -> None:
    lanet = _arena(id="lanet", kommuner=(HABO, NORA))
    egen = _arena(id="egen")
    osaker = _arena(id="osaker", osakerhet="oklart")
    register = Arenaregister([osaker, lanet, egen])
    svar = register.foresla(Fraga(HABO))
    assert [f.arena.id for f in svar.forslag] == ["egen", "lanet", "osaker"]


def test_luckor_bara_nar_inget_passar() -> None:
    lucka = Lucka("t-l01", HABO, "Försörjningsstöd", "Ingen arbetsmarknadsenhet.", KALLA)
    annan = Lucka("t-l02", NORA, "Försörjningsstöd", "Något annat.", KALLA)
    arena = _arena(kraver=frozenset({"forsorjningsstod"}))
    register = Arenaregister([arena, _arena(id="osaker", osakerhet="oklart")], [lucka, annan])
    utan = register.foresla(Fraga(HABO))
    assert [f.traffsakerhet for f in utan.forslag] == [Traffsakerhet.MOJLIG]
    assert utan.luckor == (lucka,)
    med = register.foresla(Fraga(HABO, situationer={"forsorjningsstod"}))
    assert med.luckor == ()


def test_nasta_steg_av_ingang() -> None:
    referens = _arena(id="t-ref", namn="Referensgruppen")
    register = Arenaregister(
        [
            _arena(ingang=("t-ref",)),
            referens,
            _arena(id="t-sjalv", ingang=("individen", "socialtjanst")),
            _arena(id="t-okand", ingang=("okand",), organisationer=("af",)),
            _arena(id="t-ingen"),
        ],
        enhetsnamn={"socialtjanst": "Socialtjänsten", "af": "Arbetsförmedlingen"},
    )
    steg = {f.arena.id: f.nasta_steg for f in register.foresla(Fraga(HABO)).forslag}
    assert steg["t-arena"] == "Remiss eller anmälan via Referensgruppen (t-ref)."
    assert steg["t-sjalv"] == (
        "Personen kan själv ta kontakt. Remiss eller anmälan via Socialtjänsten."
    )
    assert steg["t-okand"] == ("Källan anger inte vem som kan anmäla; kontakta Arbetsförmedlingen.")
    assert steg["t-ingen"] == "Källan anger ingen väg in för enskilda."


def test_situationer_fran_ett_arende() -> None:
    fall = arende(
        individ={
            "kommun": "Habo",
            "fodelsedatum": "2000-06-15",
            "kon": "man",
            "omstandigheter": ["saknar_sgi"],
            "kontakter": ["af"],
            "forsorjning": [
                {"typ": "forsorjningsstod", "start": "2025-01-01", "slut": "2025-06-30"},
                {"typ": "aktivitetsersattning", "start": "2025-07-01"},
            ],
        }
    )
    assert situationer_for(fall, date(2025, 6, 30)) == {
        "saknar_sgi",
        "arbetssokande",
        "forsorjningsstod",
    }
    assert situationer_for(fall, date(2025, 7, 1)) == {
        "saknar_sgi",
        "arbetssokande",
        "aktivitetsersattning",
    }
    fraga = fraga_for_arende(fall, date(2025, 6, 14), extra_situationer=["skolfranvaro"])
    assert (fraga.kommun, fraga.alder, fraga.kon) == (HABO, 24, "man")
    assert fraga_for_arende(fall, date(2025, 6, 15)).alder == 25
    assert "skolfranvaro" in fraga.situationer


def test_arbetssokande_bara_med_af_som_kontakt() -> None:
    fall = arende(individ={"kommun": "Habo", "kontakter": ["socialtjanst"]})
    assert situationer_for(fall, date(2025, 1, 1)) == frozenset()


# -- the host -------------------------------------------------------------------------------


@pytest.fixture
def _testplugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(TESTMAPP))


def _vard(*namn: str) -> Pluginvard:
    return Pluginvard(
        entry_points=[
            metadata.EntryPoint(name=n, value=f"testplugins.{n}", group="finsam") for n in namn
        ],
        miljo={},
    )


@pytest.mark.usefixtures("_testplugins")
def test_en_trasig_arenafil_rapporteras_och_resten_fungerar() -> None:
    vard = _vard("arenor_bra", "trasiga_arenor")
    assert vard.regelverk("arenaverk") is not None  # its rule set is unharmed
    assert vard.fel == ()  # arenas load on first use
    register = vard.arenor()
    assert [a.id for a in register.arenor] == ["test-arena"]
    (fel,) = vard.fel
    assert fel.namn == "trasiga_arenor"
    assert fel.orsak.startswith("fel i finsam_arenor: Arenafel: ")
    assert "trasiga_arenor.yaml: arenor[0].alder: högsta åldern är lägre" in fel.orsak
    assert register.arenor[0].plugin.startswith("arenor_bra, ")


@pytest.mark.usefixtures("_testplugins")
def test_upptagna_id_och_fel_typ_avvisas() -> None:
    vard = _vard("arenor_bra", "arenor_dubblett", "arenor_fel_typ")
    assert [a.id for a in vard.arenor().arenor] == ["test-arena"]
    orsaker = {f.namn: f.orsak for f in vard.fel}
    assert "återanvänder id test-arena från arenor_bra" in orsaker["arenor_dubblett"]
    assert "registrerade str, inte Arenadata" in orsaker["arenor_fel_typ"]


@pytest.mark.usefixtures("_testplugins")
def test_beskrivning_raknar_arenor_och_visar_trasiga() -> None:
    beskrivning = _vard("arenor_bra", "trasiga_arenor").beskrivning()
    antal = {p["namn"]: p["arenor"] for p in beskrivning["plugins"]}
    assert antal == {"finsam-core": 0, "arenor_bra": 1, "trasiga_arenor": 0}
    assert [f["namn"] for f in beskrivning["fel"]] == ["trasiga_arenor"]


def test_sofint_och_eda_registrerar_sina_arenor() -> None:
    register = Pluginvard().arenor()
    sofint = register.arena("sofint-samverkansteamet")
    eda = register.arena("eda-ame")
    assert sofint is not None
    assert eda is not None
    assert {k.namn for k in sofint.kommuner} == {"Hällefors", "Lindesberg", "Ljusnarsberg", "Nora"}
    assert sofint.alder == (18, 29)
    assert eda.kommuner == (EDA,)
    assert saknade_citat([sofint, eda], KALLOR) == []


@pytest.mark.parametrize(("alder", "passar"), [(17, False), (18, True), (29, True), (30, False)])
def test_samverkansteamet_18_till_29(alder: int, passar: bool) -> None:
    """004_…: «Samverkansteamets verksamhet riktas till unga individer i åldrarna 18-29 år»."""
    register = Pluginvard().arenor()
    svar = register.foresla(Fraga(NORA, alder=alder, situationer={"psykisk_ohalsa"}))
    assert ("sofint-samverkansteamet" in [f.arena.id for f in svar.forslag]) is passar


def test_samverkansteamet_erbjuder_inte_insatser_vid_pagaende_missbruk() -> None:
    """004_…, 4.1: «Samverkansteamet erbjuder inte insatser till följande målgrupper:
    Personer med pågående missbruk»."""
    register = Pluginvard().arenor()
    situationer = {"aktivitetsersattning", "pagaende_missbruk"}
    assert register.foresla(Fraga(NORA, alder=20, situationer=situationer)).forslag == ()


def test_eda_ame_for_forsorjningsstod_i_eda() -> None:
    """000_…, 2 punkt 1: cases with försörjningsstöd are handed over to AME."""
    register = Pluginvard().arenor()
    med = register.foresla(Fraga(EDA, alder=40, situationer={"forsorjningsstod"}))
    assert [f.arena.id for f in med.forslag] == ["eda-ame"]
    assert register.foresla(Fraga(EDA, alder=40)).forslag == ()


# -- the command ----------------------------------------------------------------------------


@pytest.fixture
def _ny_vard() -> Iterator[None]:
    vardmodul.aterstall_vard()
    yield
    vardmodul.aterstall_vard()


def kor(*argument: str) -> Any:
    return CliRunner().invoke(_finsam, list(argument))


@pytest.mark.usefixtures("_ny_vard")
class TestKommandot:
    def test_fragan_som_json_foljer_svarsschemat(self) -> None:
        resultat = kor(
            "arenor", "--kommun", "Nora", "--alder", "22", "--situation", "psykisk_ohalsa",
            "-o", "json",
        )  # fmt: skip
        assert resultat.exit_code == 0, resultat.stderr
        svar = json.loads(resultat.stdout)
        jsonschema.Draft202012Validator(SVARSSCHEMA).validate(svar)
        assert [f["arena"] for f in svar["forslag"]] == ["sofint-samverkansteamet"]
        (forslag,) = svar["forslag"]
        assert forslag["traffsakerhet"] == "passar"
        assert forslag["kalla"]["avsnitt"] == "4.1 Målgrupp"
        assert svar["luckor"] == []

    def test_fragan_som_text(self) -> None:
        resultat = kor(
            "arenor", "--kommun", "Eda", "--alder", "40", "--situation", "forsorjningsstod"
        )
        assert resultat.exit_code == 0
        assert "eda-ame  AME, Arbetsmarknads- och Integrationsenheten (Eda)  [passar]" in (
            resultat.stdout
        )
        assert "källa: 000_fa0245dd99a1cc44.txt, 2, punkt 1 «När IFO har" in resultat.stdout

    def test_ingen_arena(self) -> None:
        resultat = kor("arenor", "--kommun", "Kiruna", "--alder", "40", "-o", "json")
        assert resultat.exit_code == 0
        assert json.loads(resultat.stdout)["forslag"] == []
        assert "Ingen arena passar." in kor("arenor", "--kommun", "Kiruna").stdout

    def test_ett_arende(self) -> None:
        resultat = kor(
            "arenor", str(ROT / "examples" / "sofint" / "klart-arende.yaml"),
            "--datum", "2025-03-01", "-o", "json",
        )  # fmt: skip
        assert resultat.exit_code == 0, resultat.stderr
        svar = json.loads(resultat.stdout)
        assert svar["fraga"]["kommun"] == "Lindesberg"
        assert "arbetssokande" in svar["fraga"]["situationer"]
        assert [f["arena"] for f in svar["forslag"]] == ["sofint-samverkansteamet"]

    @pytest.mark.parametrize(
        ("argument", "meddelande"),
        [
            ((), "ange ett ärende (FIL) eller personens kommun med --kommun"),
            (("--kommun", "Habbo"), "okänd kommun 'Habbo'"),
            (
                ("--kommun", "Habo", "--situation", "forsorjningstod"),
                "menade du 'forsorjningsstod'",
            ),
            (("--kommun", "Habo", "--alder", "-1"), "--alder"),
            (("fil.yaml", "--kommun", "Habo"), "ange antingen FIL eller --kommun"),
            (("--lista", "--alder", "3"), "--lista och --matris tar bara"),
        ],
    )
    def test_fel_anvandning_ger_2(self, argument: tuple[str, ...], meddelande: str) -> None:
        resultat = kor("arenor", *argument)
        assert resultat.exit_code == 2
        assert meddelande in resultat.stderr
        assert resultat.stdout == ""

    def test_lista(self) -> None:
        resultat = kor("arenor", "--lista", "--kommun", "Nora", "-o", "json")
        assert [a["arena"] for a in json.loads(resultat.stdout)] == ["sofint-samverkansteamet"]
        text = kor("arenor", "--lista").stdout
        assert "eda-ame" in text
        assert "sofint-samverkansteamet" in text

    def test_schema_for_arenadata_och_svar(self) -> None:
        assert json.loads(kor("schema", "arenor").stdout) == ARENASCHEMA
        assert json.loads(kor("schema", "arenor-svar").stdout) == SVARSSCHEMA
        assert json.loads(kor("schema").stdout)["title"] == "finsam/1"

    def test_datafilerna_i_pluginen_foljer_schemat(self) -> None:
        import yaml

        for fil in ROT.glob("plugins/*/src/*/arenor.yaml"):
            data = json.loads(json.dumps(yaml.safe_load(fil.read_text(encoding="utf-8"))))
            assert _schemafel(data) == [], fil


def test_arenadata_ar_ett_varde() -> None:
    with pytest.raises(Arenafel, match="förekommer två gånger"):
        Arenadata("x", (_arena(), _arena()))
    with pytest.raises(Arenafel, match="ogiltigt arena-id"):
        _arena(id="Stor Bokstav")
