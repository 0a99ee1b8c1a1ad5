"""The additive optional fields of ``finsam/1`` that the new rule sets need (karna.md C2–C6).

Each is optional: a case without them reads as before (the other test files use none of
them), and a case with them reads, keeps them through till_dict/till_yaml and is valid
against the JSON Schema.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import pytest

from finsam_core import (
    KARNKODVERK,
    Aterkoppling,
    Enhet,
    Individ,
    Lasare,
    OkandKommunfel,
    Plan,
    Remiss,
    hitta_kommun,
    json_schema,
    till_dict,
)
from finsam_core.format import till_yaml
from finsam_core.format.konverterare import Konverterare
from finsam_core.model import Omstandighetsperiod

from .conftest import giltigt_arende

UMEA = hitta_kommun("Umeå")


def med_nya_falt() -> dict[str, Any]:
    """The conftest case with every new field set, as a case file would give it."""
    data = giltigt_arende()
    data["individ"]["kommundel"] = "Råslätt"
    data["individ"]["omstandighetsperioder"] = [
        {"kod": "psykisk_ohalsa", "fran": "2025-03-04"},
        {"kod": "behov_av_tolk", "fran": "2025-01-01", "till": "2025-02-28"},
    ]
    data["handelser"][0]["avser"] = "arbetsprövning på AME"
    data["handelser"].append(
        {
            "typ": "aterkoppling",
            "datum": "2025-03-05",
            "fran": "ame",
            "till": "socialtjanst",
            "besked": "provning",
            "avser": "Arenor för prövning",
        }
    )
    data["planer"][0] |= {"status": "erbjuden", "individen_delaktig": True}
    return data


def test_nya_falt_lases_in() -> None:
    arende = Konverterare(KARNKODVERK).tolka(med_nya_falt())
    assert not isinstance(arende, list), arende
    assert arende.individ.kommundel == "Råslätt"
    assert arende.individ.omstandighetsperioder == (
        Omstandighetsperiod("psykisk_ohalsa", date(2025, 3, 4)),
        Omstandighetsperiod("behov_av_tolk", date(2025, 1, 1), date(2025, 2, 28)),
    )
    remiss = arende.handelser[0]
    assert isinstance(remiss, Remiss)
    assert remiss.avser == "arbetsprövning på AME"
    svar = arende.handelser[5]
    assert isinstance(svar, Aterkoppling)
    assert (svar.besked, svar.avser) == ("provning", "Arenor för prövning")
    (plan,) = arende.planer
    assert (plan.status, plan.individen_delaktig, plan.upprattad) == ("erbjuden", True, False)


def test_utan_nya_falt_ar_de_tomma() -> None:
    arende = Konverterare(KARNKODVERK).tolka(giltigt_arende())
    assert not isinstance(arende, list)
    assert arende.individ.kommundel is None
    assert arende.individ.omstandighetsperioder == ()
    assert isinstance(arende.handelser[0], Remiss)
    assert arende.handelser[0].avser is None
    (plan,) = arende.planer
    assert (plan.status, plan.individen_delaktig, plan.upprattad) == (None, None, True)
    # Left out when absent, so files written before the fields existed stay as they were.
    assert "kommundel" not in till_dict(arende)["individ"]
    assert till_dict(arende)["planer"] == [{"typ": "individuell_plan", "datum": "2025-03-24"}]


def test_nya_falt_i_rundresa_och_schema() -> None:
    data = med_nya_falt()
    arende = Konverterare(KARNKODVERK).tolka(data)
    assert not isinstance(arende, list)
    ut = till_dict(arende)
    assert ut["individ"]["omstandighetsperioder"] == data["individ"]["omstandighetsperioder"]
    assert ut["handelser"][0]["avser"] == "arbetsprövning på AME"
    assert ut["planer"] == [
        {
            "typ": "individuell_plan",
            "datum": "2025-03-24",
            "status": "erbjuden",
            "individen_delaktig": True,
        }
    ]
    assert Konverterare(KARNKODVERK).tolka(ut) == arende
    (inlasning,) = Lasare().las_text(till_yaml(arende), fil="a.yaml", filtyp="yaml")
    assert inlasning.arende == arende
    jsonschema.Draft202012Validator(json_schema()).validate(json.loads(json.dumps(ut)))


@pytest.mark.parametrize(
    ("status", "upprattad"),
    [(None, True), ("upprattad", True), ("erbjuden", False), ("avbojd", False)],
)
def test_plan_utan_status_ar_upprattad(status: str | None, upprattad: bool) -> None:
    assert Plan("samverkansplan", date(2025, 3, 1), status=status).upprattad is upprattad


class TestOmstandigheterVid:
    individ = Individ(
        UMEA,
        omstandigheter=("funktionsnedsattning",),
        omstandighetsperioder=(
            Omstandighetsperiod("psykisk_ohalsa", date(2025, 3, 10), date(2025, 4, 30)),
            Omstandighetsperiod("ej_fullfoljd_gymnasieutbildning", date(2025, 5, 1)),
        ),
    )

    @pytest.mark.parametrize(
        ("dag", "koder"),
        [
            (date(2025, 3, 9), {"funktionsnedsattning"}),
            (date(2025, 3, 10), {"funktionsnedsattning", "psykisk_ohalsa"}),
            (date(2025, 4, 30), {"funktionsnedsattning", "psykisk_ohalsa"}),
            (date(2025, 5, 1), {"funktionsnedsattning", "ej_fullfoljd_gymnasieutbildning"}),
            (date(2030, 1, 1), {"funktionsnedsattning", "ej_fullfoljd_gymnasieutbildning"}),
            (date(1990, 1, 1), {"funktionsnedsattning"}),
        ],
    )
    def test_daterade_koder_galler_fran_och_med_till_och_med(
        self, dag: date, koder: set[str]
    ) -> None:
        assert self.individ.omstandigheter_vid(dag) == koder

    def test_samma_dag_som_period_med_en_dag(self) -> None:
        period = Omstandighetsperiod("saknar_sgi", date(2025, 6, 2), date(2025, 6, 2))
        individ = Individ(UMEA, omstandighetsperioder=(period,))
        assert individ.omstandigheter_vid(date(2025, 6, 1)) == set()
        assert individ.omstandigheter_vid(date(2025, 6, 2)) == {"saknar_sgi"}
        assert individ.omstandigheter_vid(date(2025, 6, 3)) == set()

    def test_daterad_skyddad_identitet_skyddar_hela_arendet(self) -> None:
        period = Omstandighetsperiod("skyddade_personuppgifter", date(2025, 6, 1))
        individ = Individ(UMEA, omstandighetsperioder=(period,))
        assert individ.skyddad
        assert individ.visningsid == "skyddad identitet"
        assert not Individ(UMEA).skyddad


class TestEnhetensKommun:
    def test_namn_och_kod_blir_kommunens_namn(self) -> None:
        assert Enhet("a", "A", "kommun", kommun="jönköping").kommun == "Jönköping"
        assert Enhet("a", "A", "kommun", kommun=" 0680 ").kommun == "Jönköping"
        assert Enhet("a", "A", "kommun").kommun is None

    def test_samma_enhet_skriven_pa_tva_satt_ar_ingen_konflikt(self) -> None:
        forsta = Enhet("ame_vaggeryd", "AME Vaggeryd", "kommun", kommun="Vaggeryd")
        andra = Enhet("ame_vaggeryd", "AME Vaggeryd", "kommun", kommun="0665")
        assert forsta == andra
        kodverk = KARNKODVERK.utokad(enheter=[forsta]).utokad(enheter=[andra])
        assert kodverk.enheter["ame_vaggeryd"].kommun == "Vaggeryd"

    def test_okand_kommun_ar_ett_fel_i_pluginet(self) -> None:
        with pytest.raises(OkandKommunfel, match="menade du 'Jönköping'"):
            Enhet("a", "A", "kommun", kommun="Jönkoping")

    def test_jamfors_med_individens_kommun(self) -> None:
        enhet = Enhet("slussen", "Slussen", "kommun", kommun="2480")
        assert enhet.kommun == Individ(UMEA).kommun.namn
