"""The domain model: consent coverage, age, event order, code lists, inriktning."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from finsam_core import (
    KARNKODVERK,
    Arende,
    Avslut,
    Enhet,
    Handelse,
    Individ,
    Inriktning,
    Kodkonfliktfel,
    Kodslag,
    Ledighet,
    Manad,
    Modellfel,
    Remiss,
    Samtycke,
    hitta_kommun,
)

EDA = hitta_kommun("Eda")


class TestSamtycke:
    """The spec's coverage rule: both units in parter; datum <= day <= giltigt_till;
    day < aterkallat."""

    samtycke = Samtycke(
        datum=date(2025, 2, 10),
        parter=("socialtjanst", "ame", "af"),
        form="skriftligt",
        giltigt_till=date(2026, 2, 10),
        aterkallat=date(2025, 9, 1),
    )

    @pytest.mark.parametrize(
        ("dag", "tacker"),
        [
            (date(2025, 2, 9), False),  # the day before it was given
            (date(2025, 2, 10), True),  # the day it was given
            (date(2025, 8, 31), True),  # the day before withdrawal
            (date(2025, 9, 1), False),  # withdrawn from this day on
        ],
    )
    def test_datum_och_aterkallelse(self, dag: date, tacker: bool) -> None:
        assert self.samtycke.tacker("socialtjanst", "ame", dag) is tacker

    @pytest.mark.parametrize(
        ("dag", "tacker"), [(date(2026, 2, 10), True), (date(2026, 2, 11), False)]
    )
    def test_giltigt_till_ingar(self, dag: date, tacker: bool) -> None:
        utan_aterkallelse = attrs.evolve(self.samtycke, aterkallat=None)
        assert utan_aterkallelse.tacker("ame", "af", dag) is tacker

    def test_bada_enheterna_maste_vara_parter(self) -> None:
        assert self.samtycke.tacker("ame", "af", date(2025, 3, 1))
        assert not self.samtycke.tacker("ame", "fk", date(2025, 3, 1))
        assert not self.samtycke.tacker("fk", "psykiatri", date(2025, 3, 1))

    @pytest.mark.parametrize("parter", [("ame",), ("ame", "ame"), ()])
    def test_minst_tva_olika_parter(self, parter: tuple[str, ...]) -> None:
        with pytest.raises(Modellfel, match="minst två") as fel:
            Samtycke(date(2025, 1, 1), parter, "muntligt")  # type: ignore[arg-type]
        assert fel.value.falt == "parter"


class TestIndivid:
    @pytest.mark.parametrize(
        ("dag", "alder"),
        [
            (date(2025, 5, 14), 23),
            (date(2025, 5, 15), 24),  # birthday
            (date(2031, 5, 14), 29),
            (date(2031, 5, 15), 30),
        ],
    )
    def test_alder_fylls_pa_fodelsedagen(self, dag: date, alder: int) -> None:
        individ = Individ(EDA, fodelsedatum=date(2001, 5, 15))
        assert individ.alder(dag) == alder

    def test_fodd_29_februari(self) -> None:
        individ = Individ(EDA, fodelsedatum=date(2004, 2, 29))
        assert individ.alder(date(2022, 2, 28)) == 17
        assert individ.alder(date(2022, 3, 1)) == 18

    def test_okand_alder_ar_none(self) -> None:
        assert Individ(EDA).alder(date(2025, 1, 1)) is None

    def test_skyddad_identitet_visas_aldrig(self) -> None:
        from finsam_core import Personnummer

        pnr = Personnummer.tolka("19870311-1248")
        vanlig = Individ(EDA, personnummer=pnr)
        skyddad = Individ(EDA, personnummer=pnr, omstandigheter=("skyddade_personuppgifter",))
        assert vanlig.visningsid == "19870311-****"
        assert skyddad.visningsid == "skyddad identitet"
        assert "19870311" not in skyddad.visningsid


class TestArende:
    def test_tidslinje_i_datumordning_med_ursprungligt_index(self) -> None:
        handelser: tuple[Handelse, ...] = (
            Avslut(date(2025, 6, 1), "arbete"),
            Remiss(date(2025, 1, 1), "af", "ame"),
            Ledighet(date(2025, 3, 1), date(2025, 3, 5)),
            Remiss(date(2025, 1, 1), "fk", "ame"),
        )
        arende = Arende("A", Individ(EDA), handelser=handelser)
        assert [i for i, _ in arende.tidslinje()] == [1, 3, 2, 0]
        assert [i for i, _ in arende.handelser_av_typ(Remiss)] == [1, 3]
        assert arende.avslut == handelser[0]

    def test_oppet_arende_har_inget_avslut(self) -> None:
        assert Arende("A", Individ(EDA)).avslut is None

    @pytest.mark.parametrize(("langd", "ok"), [(0, False), (1, True), (100, True), (101, False)])
    def test_id_langd(self, langd: int, ok: bool) -> None:
        if ok:
            assert Arende("x" * langd, Individ(EDA)).id == "x" * langd
        else:
            with pytest.raises(Modellfel, match="1–100"):
                Arende("x" * langd, Individ(EDA))


def test_ledighet_raknar_bada_dagarna() -> None:
    assert Ledighet(date(2025, 7, 1), date(2025, 7, 14)).dagar == 14
    assert Ledighet(date(2025, 7, 1), date(2025, 7, 1)).dagar == 1


def test_manad() -> None:
    assert Manad.tolka("2024-02").sista == date(2024, 2, 29)
    assert Manad.tolka("2025-12").sista == date(2025, 12, 31)
    assert Manad.for_datum(date(2025, 3, 14)) == Manad(2025, 3)
    with pytest.raises(Modellfel):
        Manad.tolka("2025-13")


def test_inriktning_benamningar_fran_umea_bilaga_4() -> None:
    # 003_0969d60999db51d9.txt: "Vid kartläggningen bedöms någon av följande inriktningar"
    assert [i.benamning for i in Inriktning] == [
        "Arbetsinriktade insatser",
        "Studieinriktade insatser",
        "Arbetslivsinriktade/rehabiliterande insatser",
        "Tidiga insatser",
        "Ej arbetslinjen",
    ]
    assert [int(i) for i in Inriktning] == [1, 2, 3, 4, 5]


class TestKodverk:
    def test_utokad_lagger_till_utan_att_andra_originalet(self) -> None:
        team = Enhet("en_vag_in", "En väg in", "samordningsforbund")
        utokad = KARNKODVERK.utokad(
            enheter=[team], koder={Kodslag.MOTESTYP: {"arenamote": "Arenamöte"}}
        )
        assert utokad.enheter["en_vag_in"] == team
        assert "arenamote" in utokad.lista(Kodslag.MOTESTYP)
        assert "en_vag_in" not in KARNKODVERK.enheter
        assert "arenamote" not in KARNKODVERK.lista(Kodslag.MOTESTYP)

    def test_samma_kod_med_samma_betydelse_ar_tillaten(self) -> None:
        af = KARNKODVERK.enheter["af"]
        assert KARNKODVERK.utokad(enheter=[af]).enheter["af"] == af

    def test_konflikter(self) -> None:
        with pytest.raises(Kodkonfliktfel, match="finns redan"):
            KARNKODVERK.utokad(enheter=[Enhet("af", "Annat", "kommun")])
        with pytest.raises(Kodkonfliktfel, match="okänd huvudman"):
            KARNKODVERK.utokad(enheter=[Enhet("x", "X", "foretag")])
        with pytest.raises(Kodkonfliktfel, match="finns redan"):
            KARNKODVERK.utokad(koder={Kodslag.UTFALL: {"arbete": "Något annat"}})

    def test_ny_huvudman_och_enhet_i_ett_anrop(self) -> None:
        # karna.md C1: before the fix the unit was checked against the old huvudman list.
        kv = KARNKODVERK.utokad(
            enheter=[Enhet("polisen", "Polisen", "polismyndigheten")],
            koder={Kodslag.HUVUDMAN: {"polismyndigheten": "Polismyndigheten"}},
        )
        assert kv.enheter["polisen"].huvudman == "polismyndigheten"
        assert "polismyndigheten" not in KARNKODVERK.lista(Kodslag.HUVUDMAN)
        with pytest.raises(Kodkonfliktfel, match="okänd huvudman 'polismyndigheten'"):
            KARNKODVERK.utokad(enheter=[Enhet("polisen", "Polisen", "polismyndigheten")])

    def test_ovrig_huvudman_for_aktorer_utanfor_finsam(self) -> None:
        # karna.md C1: folkhögskola, kyrkorna, polis, näringsliv.
        assert list(KARNKODVERK.lista(Kodslag.HUVUDMAN)) == [
            "arbetsformedlingen", "forsakringskassan", "kommun", "region",
            "samordningsforbund", "ovrig",
        ]  # fmt: skip
        kv = KARNKODVERK.utokad(enheter=[Enhet("folkhogskola", "Folkhögskolan", "ovrig")])
        assert kv.enheter["folkhogskola"].huvudman == "ovrig"

    def test_karnkoderna_ar_specens(self) -> None:
        # ../shared/spec/case-format.md, "Units" and "handelser".
        assert list(KARNKODVERK.enheter) == [
            "af", "fk", "socialtjanst", "ame", "kaa", "vuxenutbildning", "integration",
            "lss", "psykiatri", "primarvard", "habilitering",
        ]  # fmt: skip
        assert list(KARNKODVERK.handelsetyper) == [
            "remiss", "beslut", "mote", "kontakt", "aterkoppling", "inskrivning", "intyg",
            "forlangning", "ledighet", "avslut",
        ]  # fmt: skip
        assert len(KARNKODVERK.lista(Kodslag.MOTESTYP)) == 12
        assert list(KARNKODVERK.lista(Kodslag.UTFALL)) == [
            "arbete", "studier", "ater_till_remittent", "arbetssokande", "annan_aktor",
            "ej_medverkan", "flyttat", "annat",
        ]  # fmt: skip
