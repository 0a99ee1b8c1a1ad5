"""The checker for embedders (issue 9): strict arguments, configuration errors apart from
input errors, threads, and JSON that matches its published schema."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import finsam_core
from finsam_core import (
    Konfigurationsfel,
    Kontrollant,
    Pluginvard,
    agenda,
    forklara,
    utdata_schema,
    validera,
)
from finsam_core.plugins import vard as vardmodul

from .conftest import EXEMPEL, ROT

DAG = date(2026, 11, 23)


def _generera() -> Any:
    spec = importlib.util.spec_from_file_location("generera", ROT / "benchmarks" / "generera.py")
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def _sofint_exempel() -> dict[str, Any]:
    import yaml

    data = yaml.safe_load((EXEMPEL / "sofint" / "fristproblem.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def kontrollant() -> Kontrollant:
    return Kontrollant(Pluginvard())


def _gilitg(data: dict[str, Any], namn: str) -> None:
    jsonschema.validate(data, utdata_schema(namn))


class TestArgument:
    def test_datetime_och_text_ar_typfel(self, kontrollant: Kontrollant) -> None:
        data = _sofint_exempel()
        with pytest.raises(TypeError, match=r"inte ett datetime; använd datum\.date\(\)"):
            kontrollant.kontrollera(data, datum=datetime(2025, 6, 1, 12))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"datetime\.date, inte str"):
            kontrollant.kontrollera(data, datum="2025-06-01")  # type: ignore[arg-type]
        arende = kontrollant.las(data).arende
        assert arende is not None
        with pytest.raises(TypeError):
            validera(arende, (), datetime(2025, 6, 1, 12))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            forklara(arende, (), "2025-06-01")  # type: ignore[arg-type]

    def test_regelverk_som_strang_ar_typfel(self) -> None:
        with pytest.raises(TypeError, match=r"\['sofint'\]"):
            Kontrollant(Pluginvard(), regelverk="sofint")
        with pytest.raises(TypeError, match=r"\['sofint'\]"):
            finsam_core.kontrollera({}, datum=DAG, regelverk="sofint")

    def test_okant_regelverk_ar_konfigurationsfel(self) -> None:
        with pytest.raises(Konfigurationsfel, match="okänt regelverk 'finns_ej'"):
            Kontrollant(Pluginvard(), regelverk=["finns_ej"])
        with pytest.raises(Konfigurationsfel):
            Pluginvard().regel("SOFINT-99")

    def test_fel_sorts_indata_ar_typfel(self, kontrollant: Kontrollant) -> None:
        with pytest.raises(TypeError, match="inte int"):
            kontrollant.kontrollera(17, datum=DAG)  # type: ignore[arg-type]


class TestRegelverksval:
    def test_exemplet_utan_regelverk_ger_indatafel_inte_noll_fynd(
        self, kontrollant: Kontrollant
    ) -> None:
        data = _sofint_exempel()
        med = kontrollant.kontrollera(data, datum=DAG)
        assert med.ok
        assert len(med.fynd) > 0
        del data["regelverk"]
        utan = kontrollant.kontrollera(data, datum=DAG)
        assert not utan.ok
        (fel,) = utan.indatafel
        assert (fel.kod, fel.sokvag) == ("inget_regelverk", "regelverk")

    def test_bara_karna_ar_ett_val(self) -> None:
        data = _sofint_exempel()
        del data["regelverk"]
        resultat = Kontrollant(Pluginvard(), bara_karna=True).kontrollera(data, datum=DAG)
        assert resultat.ok
        assert resultat.resultat is not None
        assert resultat.resultat.regelverk == ("finsam",)

    def test_fasta_regelverk_gar_fore_arendets(self) -> None:
        data = _sofint_exempel()
        data["regelverk"] = ["eda"]
        resultat = Kontrollant(Pluginvard(), regelverk=["sofint"]).kontrollera(data, datum=DAG)
        assert resultat.resultat is not None
        assert resultat.resultat.regelverk == ("finsam", "sofint")

    def test_validera_med_bara_ett_regelverk_kor_karnan_ocksa(self) -> None:
        vard = Pluginvard()
        arende = vard.lasare().tolka(_sofint_exempel()).arende
        assert arende is not None
        sofint = vard.regelverk("sofint")
        assert sofint is not None
        assert validera(arende, sofint, DAG).regelverk == ("finsam", "sofint")

    def test_bortvalt_plugin_ar_konfigurationsfel_inte_indatafel(self) -> None:
        vard = Pluginvard(miljo={"FINSAM_PLUGINS": "eda"})
        resultat = Kontrollant(vard).kontrollera(_sofint_exempel(), datum=DAG)
        assert resultat.indatafel == ()
        (problem,) = resultat.konfigurationsfel
        assert problem == "regelverket 'sofint' är installerat men bortvalt: FINSAM_PLUGINS=eda"
        with pytest.raises(Konfigurationsfel, match="bortvalt"):
            Kontrollant(vard, regelverk=["sofint"])
        text = json.dumps(_sofint_exempel(), default=str)
        assert Kontrollant(vard).kontrollera(text, datum=DAG).konfigurationsfel == (problem,)

    def test_okant_regelverk_i_arendet_ar_indatafel(self, kontrollant: Kontrollant) -> None:
        data = _sofint_exempel()
        data["regelverk"] = ["sofint", "finns_ej"]
        (fel,) = kontrollant.kontrollera(data, datum=DAG).indatafel
        assert (fel.kod, fel.sokvag) == ("okant_regelverk", "regelverk[1]")


class TestIndata:
    def test_dict_text_bytes_och_fil_ger_samma_fynd(self, kontrollant: Kontrollant) -> None:
        fil = EXEMPEL / "sofint" / "fristproblem.yaml"
        text = fil.read_text(encoding="utf-8")
        svar = [
            kontrollant.kontrollera(indata, datum=DAG).fynd
            for indata in (
                _sofint_exempel(),
                text,
                text.encode(),
                json.dumps(_sofint_exempel(), default=str),
                fil,
            )
        ]
        assert len(svar[0]) > 0
        assert all(s == svar[0] for s in svar)

    def test_trasig_text_ar_indatafel_med_fil_och_rad(self, kontrollant: Kontrollant) -> None:
        resultat = kontrollant.kontrollera('{"format": ', datum=DAG, fil="post.json")
        (fel,) = resultat.indatafel
        assert (fel.fil, fel.kod, fel.rad) == ("post.json", "syntax", 1)

    def test_flera_arenden_i_en_fil(self, kontrollant: Kontrollant, tmp_path: Path) -> None:
        rad = json.dumps(_sofint_exempel(), default=str)
        fil = tmp_path / "tva.jsonl"
        fil.write_text(f"{rad}\n{rad}\n", encoding="utf-8")
        (fel,) = kontrollant.kontrollera(fil, datum=DAG).indatafel
        assert fel.kod == "flera_arenden"
        assert [r.ok for r in kontrollant.kontrollera_alla(fil, datum=DAG)] == [True, True]


class TestTradar:
    def test_atta_tradar_samma_svar_och_en_enda_vard(self, monkeypatch: pytest.MonkeyPatch) -> None:
        byggda: list[Pluginvard] = []

        class Raknad(Pluginvard):
            def __init__(self, **kw: Any) -> None:
                byggda.append(self)
                super().__init__(**kw)

        monkeypatch.setattr(vardmodul, "Pluginvard", Raknad)
        vardmodul.aterstall_vard()
        fall = list(_generera().arenden(1200, seed=7))
        start = threading.Barrier(8)
        svar: dict[int, list[dict[str, Any]]] = {}

        def arbeta(nummer: int) -> None:
            start.wait()  # a cold start from 8 threads at once
            del_ = fall[nummer::8]
            svar[nummer] = [
                finsam_core.kontrollera(a, datum=DAG, regelverk=["sofint", "eda"]).till_dict()
                for a in del_
            ]

        tradar = [threading.Thread(target=arbeta, args=(n,)) for n in range(8)]
        for t in tradar:
            t.start()
        for t in tradar:
            t.join()
        assert len(byggda) == 1
        ihop = [None] * len(fall)
        for nummer, lista in svar.items():
            ihop[nummer::8] = lista
        en_trad = Kontrollant(byggda[0], regelverk=["sofint", "eda"])
        forvantat = [en_trad.kontrollera(a, datum=DAG).till_dict() for a in fall]
        assert ihop == forvantat
        assert sum(len(r["fynd"]) for r in forvantat) > 1000  # the cases do break rules
        vardmodul.aterstall_vard()


def _utdata(vard: Pluginvard) -> Iterator[tuple[str, dict[str, Any]]]:
    kontrollant = Kontrollant(vard)
    resultat = []
    for fil in sorted(EXEMPEL.rglob("*.yaml")) + sorted(EXEMPEL.rglob("*.json")):
        svar = kontrollant.kontrollera(fil, datum=date(2025, 3, 20))
        yield "kontrollresultat", svar.till_dict()
        for f in svar.indatafel:
            yield "indatafel", f.till_dict()
        if svar.resultat is not None:
            resultat.append(svar.resultat)
            yield "resultat", svar.resultat.till_dict()
            for f in svar.fynd:
                yield "fynd", f.till_dict()
            arende = kontrollant.las(fil).arende
            assert arende is not None
            regelverk = vard.regelverk_for(arende.regelverk)
            yield "forklaring", forklara(arende, regelverk, date(2025, 3, 20)).till_dict()
    for post in agenda(resultat):
        yield "agendapost", post.till_dict()
    for rv in vard.alla_regelverk():
        yield "regelverk", rv.till_dict()
    for regel in vard.regler():
        yield "regel", regel.till_dict()
    for plugin in vard.plugins():
        yield "plugin", plugin.till_dict()
    trasig = Kontrollant(vard).kontrollera({"format": "finsam/1", "id": 3}, datum=DAG)
    yield "kontrollresultat", trasig.till_dict()
    for f in trasig.indatafel:
        yield "indatafel", f.till_dict()


def test_allt_som_returneras_foljer_sitt_schema_och_ar_json() -> None:
    vard = Pluginvard(
        entry_points=[*__import__("importlib.metadata").metadata.entry_points(group="finsam")],
        plugins=[("trasig", object())],
    )
    sett: dict[str, int] = {}
    for namn, data in _utdata(vard):
        _gilitg(data, namn)
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        sett[namn] = sett.get(namn, 0) + 1
    from finsam_core.utdata import UTDATA

    assert set(sett) == set(UTDATA) - {"pluginproblem"}
    assert sett["agendapost"] > 0
    assert sett["indatafel"] >= 2
    for problem in Pluginvard(plugins=[("x", sys)]).fel or ():
        _gilitg(problem.till_dict(), "pluginproblem")


def test_fynd_i_json_ar_forlustfritt() -> None:
    resultat = Kontrollant(Pluginvard()).kontrollera(_sofint_exempel(), datum=DAG)
    sofint07 = next(f for f in resultat.till_dict()["fynd"] if f["regel"] == "SOFINT-07")
    assert sofint07["titel"] == "Svar till remittenten inom två veckor"
    assert sofint07["bedomning"] == "brott"
    assert sofint07["kalla"] == {
        "dokument": "004_8ef7852e647e2221.txt",
        "titel": "SOFINT: Plan för insats – Samverkansteamet (2014, reviderad 2014-04-23)",
        "avsnitt": "Bilaga I, 3 Inskrivning i Samverkansteamet",
        # Bilaga I, 3 of 004_8ef7852e647e2221.txt, word for word
        "citat": "Svar ska skickas till remittent inom två veckor från och med det datum "
        "som remissen kom till Samverkansteamet.",
    }


def test_regel_slas_upp_med_metadata() -> None:
    regel = Pluginvard().regel("SOFINT-07")
    assert regel.regelverk == "sofint"
    assert regel.ursprung is not None
    assert (regel.ursprung.plugin, regel.ursprung.distribution) == ("sofint", "finsam-sofint")
    assert regel.beskrivande.startswith("Samverkansteamet svarar remittenten")
