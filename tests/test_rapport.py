"""Reports across cases: periods, the core reports on hand-built cases, the command.

Every expected number is counted by hand from the cases built in the test, with the reason
next to it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from finsam_core import FILTYPER, Lasare, Pluginvard
from finsam_core.cli.app import finsam
from finsam_core.rapport import Period, Periodfel, Rapport, Rapportfel, Sammanstallning
from finsam_core.rapport.delar import Antal, Dimension, Ledtid, alla, percentil
from finsam_core.rapport.utdata import json_schema, som_csv
from finsam_core.regelbygge import FEL, Dokument, Kontext, Regel, Regelverk, hookimpl
from finsam_core.testning import avslojade_celler

from .conftest import ROT


def fall(
    id: str,
    *,
    kon: str | None = "kvinna",
    fodd: str = "1980-01-01",
    inskriven: str | None = "2025-01-15",
    avslut: str | None = None,
    utfall: str = "arbete",
    forsorjning: str | None = None,
    planer: int = 0,
    regelverk: tuple[str, ...] = ("finsam",),
) -> dict[str, Any]:
    """A case: one person enrolled at AF on *inskriven*, closed on *avslut* if given."""
    individ: dict[str, Any] = {"kommun": "Nora", "fodelsedatum": fodd}
    if kon:
        individ["kon"] = kon
    if forsorjning:
        individ["forsorjning"] = [{"typ": forsorjning, "start": "2024-01-01"}]
    handelser: list[dict[str, Any]] = []
    if inskriven:
        handelser.append({"typ": "inskrivning", "datum": inskriven, "enhet": "af"})
    if avslut:
        handelser.append({"typ": "avslut", "datum": avslut, "utfall": utfall})
    return {
        "format": "finsam/1",
        "id": id,
        "regelverk": list(regelverk),
        "individ": individ,
        "handelser": handelser,
        "planer": [{"typ": "handlingsplan", "datum": "2025-01-20"}] * planer,
    }


def deltagarfall() -> list[dict[str, Any]]:
    return [
        # K1–K5: women of 45, enrolled in January, open: active in every later month.
        *(fall(f"K{i}") for i in range(1, 6)),
        # M1–M4: men of 45, enrolled on 31 October, the last day of the month.
        *(fall(f"M{i}", kon="man", inskriven="2025-10-31") for i in range(1, 5)),
        # E1: a woman who turns 30 on 20 October but closes on 10 October, aged 29.
        fall("E1", fodd="1995-10-20", inskriven="2025-03-01", avslut="2025-10-10"),
        # X1: a man of 25, closed on 1 November, the first day of the next month.
        fall("X1", kon="man", fodd="2000-06-01", inskriven="2025-02-01", avslut="2025-11-01"),
        # F1: closed on 30 September: not active in October.
        fall("F1", inskriven="2025-01-01", avslut="2025-09-30"),
        # N1: a man of 45 enrolled on 1 November: not yet active in October.
        fall("N1", kon="man", inskriven="2025-11-01"),
    ]


def skriv(tmp_path: Path, arenden: list[dict[str, Any]], namn: str = "arenden.jsonl") -> Path:
    fil = tmp_path / namn
    fil.write_text("".join(json.dumps(a) + "\n" for a in arenden), encoding="utf-8")
    return fil


def kor(vard: Pluginvard, rapport_id: str, arenden: list[dict[str, Any]], period: str):
    rapport_ = vard.rapport(rapport_id)
    assert rapport_ is not None
    s = Sammanstallning(rapport_, Period.tolka(period), vard.kodverk)
    lasare = Lasare(vard.kodverk)
    for data in arenden:
        inlasning = lasare.tolka(data)
        assert inlasning.arende is not None, inlasning.fel
        s.lagg_till(inlasning.arende)
    return s


def rader(resultat: Any) -> dict[tuple[str, ...], dict[str, Any]]:
    data = resultat.till_dict()
    namn = [d["namn"] for d in data["dimensioner"]]
    alla_rader = data["rader"] + ([data["totalt"]] if data["totalt"] else [])
    return {tuple(r[n] for n in namn): r for r in alla_rader}


@pytest.fixture(scope="module")
def vard() -> Pluginvard:
    return Pluginvard(entry_points=[])


# -- periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fran", "till"),
    [
        ("2025-10", date(2025, 10, 1), date(2025, 10, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_perioder(text: str, fran: date, till: date) -> None:
    period = Period.tolka(text)
    assert (period.fran, period.till) == (fran, till)


@pytest.mark.parametrize("text", ["2025-13", "2025-Q5", "2025-H3", "25-10", "oktober", ""])
def test_ogiltiga_perioder(text: str) -> None:
    with pytest.raises(Periodfel, match=r"förväntade|månaden"):
        Period.tolka(text)


def test_percentiler_raknade_for_hand() -> None:
    # 2, 5, 9, 30: median (5 + 9) / 2 = 7; p75 nearest rank ceil(0.75 × 4) = 3rd = 9.
    dagar = {2: 1, 5: 1, 9: 1, 30: 1}
    assert percentil(dagar, 0.5) == 7.0
    assert percentil(dagar, 0.75) == 9.0
    # 1, 1, 4: median the 2nd = 1; p75 ceil(2.25) = 3rd = 4.
    assert (percentil({1: 2, 4: 1}, 0.5), percentil({1: 2, 4: 1}, 0.75)) == (1.0, 4.0)
    assert percentil({}, 0.5) is None


def test_felaktiga_rapporter_vagras() -> None:
    kon = Dimension("kon", "Kön", lambda f: "x")
    with pytest.raises(Rapportfel, match="rapport-id"):
        Rapport(id="Eda_Manad", titel="x", dimensioner=(kon,), matt=(Antal("a", "A", alla),))
    with pytest.raises(Rapportfel, match="två gånger"):
        Rapport(id="x", titel="x", dimensioner=(kon,), matt=(Antal("kon", "K", alla),))
    with pytest.raises(Rapportfel, match="som inte är ett Antal"):
        Rapport(id="x", titel="x", dimensioner=(kon,), matt=(Antal("a", "A", alla, del_av="b"),))
    with pytest.raises(Rapportfel, match="statistik"):
        Ledtid("l", "L", lambda f: 1, statistik="p90")


# -- deltagare ------------------------------------------------------------------------------


def test_deltagare_oktober_utan_skydd(vard: Pluginvard) -> None:
    s = kor(vard, "deltagare", deltagarfall(), "2025-10")
    r = rader(s.resultat(troskel=None))
    # K1–K5: 45 on 31 October.
    assert r[("kvinna", "30-64")] == {
        "kon": "kvinna", "aldersgrupp": "30-64", "aktiva": 5, "nya": 0, "avslutade": 0
    }  # fmt: skip
    # E1: aged 29 on her avslut (10 October), though 30 on the period's last day.
    assert r[("kvinna", "25-29")]["aktiva"] == 1
    assert r[("kvinna", "25-29")]["avslutade"] == 1
    # M1–M4: enrolled on 31 October: active and new in October.
    assert (r[("man", "30-64")]["aktiva"], r[("man", "30-64")]["nya"]) == (4, 4)
    # X1: closes on 1 November: active in October, not closed in it.
    assert (r[("man", "25-29")]["aktiva"], r[("man", "25-29")]["avslutade"]) == (1, 0)
    # F1 (closed 30 September) and N1 (enrolled 1 November) are not in October.
    assert (r[("totalt", "totalt")]["aktiva"], r[("totalt", "totalt")]["nya"]) == (11, 4)
    assert r[("totalt", "totalt")]["avslutade"] == 1
    assert (s.arenden, s.i_urvalet) == (13, 11)


def test_deltagare_november_utan_skydd(vard: Pluginvard) -> None:
    r = rader(kor(vard, "deltagare", deltagarfall(), "2025-11").resultat(troskel=None))
    # M1–M4 enrolled 31 October are no longer new; N1 (1 November) is: 5 men, 1 new.
    assert (r[("man", "30-64")]["aktiva"], r[("man", "30-64")]["nya"]) == (5, 1)
    # X1 closed on 1 November: active and closed in November, aged 25.
    assert (r[("man", "25-29")]["aktiva"], r[("man", "25-29")]["avslutade"]) == (1, 1)
    # E1 closed in October: gone.
    assert r[("kvinna", "25-29")]["aktiva"] == 0
    assert r[("totalt", "totalt")]["aktiva"] == 11


def test_deltagare_fem_visas_fyra_doljs(vard: Pluginvard) -> None:
    resultat = kor(vard, "deltagare", deltagarfall(), "2025-10").resultat(troskel=4)
    r = rader(resultat)
    assert r[("kvinna", "30-64")]["aktiva"] == 5  # just over the threshold: shown
    assert r[("man", "30-64")]["aktiva"] == "1–4"  # 4, at the threshold: hidden
    assert r[("kvinna", "25-29")]["aktiva"] == "1–4"  # 1
    # The other three active cells are hidden (1, 4, 1: sum 6, each 1..4): (1, 1, 4),
    # (2, 2, 2), … all fit 11 - 5, so the total 11 stays shown.
    assert r[("totalt", "totalt")]["aktiva"] == 11
    assert avslojade_celler(resultat) == []
    data = resultat.till_dict()
    assert data["skydd"] == {"troskel": 4, "dolda": resultat.dolda}
    # aktiva: 3 hidden; nya: man 30-64 (4) and the total (4); avslutade: kvinna 25-29 (1)
    # and the total (1).
    assert resultat.dolda == 3 + 2 + 2


def test_deltagare_troskel_fem(vard: Pluginvard) -> None:
    resultat = kor(vard, "deltagare", deltagarfall(), "2025-10").resultat(troskel=5)
    r = rader(resultat)
    assert r[("kvinna", "30-64")]["aktiva"] == "1–5"
    assert avslojade_celler(resultat) == []


def test_deltagare_per_forsorjning(vard: Pluginvard) -> None:
    arenden = [
        *(fall(f"S{i}", forsorjning="sjukpenning") for i in range(6)),  # ohälsa
        *(fall(f"F{i}", forsorjning="forsorjningsstod") for i in range(2)),  # ek. bistånd
        fall("A1", forsorjning="a_kassa"),  # arbetsmarknadsstöd
        fall("O1"),  # no support given: övrigt
    ]
    r = rader(kor(vard, "deltagare-forsorjning", arenden, "2025-10").resultat(troskel=None))
    assert [r[(g,)]["aktiva"] for g in ("ohalsa", "ekonomiskt_bistand")] == [6, 2]
    assert [r[(g,)]["aktiva"] for g in ("arbetsmarknadsstod", "ovrigt")] == [1, 1]
    assert r[("totalt",)]["aktiva"] == 10


# -- fynd -----------------------------------------------------------------------------------

PROV = Dokument("prov.txt", "Provriktlinje")


def _plan_finns(ctx: Kontext) -> None:
    if not ctx.arende.planer:
        ctx.fynd("plan saknas")


def _hogst_en_plan(ctx: Kontext) -> None:
    for _ in ctx.arende.planer[1:]:
        ctx.fynd("en plan för mycket")


class _Provplugin:
    REGELVERK = Regelverk(
        id="prov",
        namn="Prov",
        agare="Prov",
        version="1",
        regler=(
            Regel(id="PROV-01", titel="Plan", allvarlighet=FEL, kalla=PROV.kalla("1", "x"),
                  kontroll=_plan_finns),
            Regel(id="PROV-02", titel="En plan", allvarlighet=FEL, kalla=PROV.kalla("1", "y"),
                  kontroll=_hogst_en_plan),
        ),
    )  # fmt: skip

    @hookimpl
    def finsam_regelverk(self, register: Any) -> None:
        register(self.REGELVERK)


def test_fynd_per_regel(tmp_path: Path) -> None:
    arenden = [
        *(fall(f"U{i}", regelverk=("prov",)) for i in range(5)),  # no plan: PROV-01 × 5
        *(fall(f"T{i}", regelverk=("prov",), planer=3) for i in range(6)),  # 2 extra each
        fall("Z", regelverk=("prov",), planer=1),  # meets both
    ]
    fil = skriv(tmp_path, arenden)
    vard = Pluginvard(entry_points=[], plugins=[("prov", _Provplugin())])
    import finsam_core.plugins.vard as vardmodul

    vardmodul._VARD = vard
    try:
        ut = CliRunner().invoke(
            finsam, ["rapport", "fynd", str(fil), "--period", "2025-10", "-o", "json"]
        )
    finally:
        vardmodul._VARD = None
    assert ut.exit_code == 0, ut.output
    r = rader(_Ut(json.loads(ut.stdout)))
    # PROV-01: the 5 cases without a plan, one finding each.
    assert (r[("PROV-01", "fel")]["arenden"], r[("PROV-01", "fel")]["fynd"]) == (5, 5)
    # PROV-02: 6 cases with 3 plans, 2 findings each = 12.
    assert (r[("PROV-02", "fel")]["arenden"], r[("PROV-02", "fel")]["fynd"]) == (6, 12)


class _Ut:
    """A JSON output seen through `rader`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def till_dict(self) -> dict[str, Any]:
        return self.data


# -- the command ----------------------------------------------------------------------------


def test_lista_namnger_plugin() -> None:
    ut = CliRunner().invoke(finsam, ["rapport", "--lista"])
    assert ut.exit_code == 0
    rader_ = {r.split()[0]: r for r in ut.stdout.splitlines()}
    assert "(plugin finsam-core)" in rader_["deltagare"]
    assert "(plugin finsam-core)" in rader_["fynd"]
    assert "(plugin eda)" in rader_["eda-manad"]
    assert "(plugin sofint)" in rader_["sofint-nyckeltal"]


SKEPPADE = ["deltagare", "deltagare-forsorjning", "fynd", "eda-manad", "sofint-nyckeltal"]


@pytest.mark.parametrize("rapport_id", SKEPPADE)
@pytest.mark.parametrize("utformat", ["text", "json", "csv", "html"])
def test_varje_rapport_i_varje_format(rapport_id: str, utformat: str) -> None:
    ut = CliRunner().invoke(
        finsam,
        ["rapport", rapport_id, str(ROT / "examples"), "--period", "2025", "-o", utformat],
    )
    assert ut.exit_code == 0, ut.output
    if utformat == "json":
        data = json.loads(ut.stdout)
        schema = CliRunner().invoke(finsam, ["rapport", rapport_id, "--schema"])
        jsonschema.validate(data, json.loads(schema.stdout))
        assert data["period"] == {"namn": "2025", "fran": "2025-01-01", "till": "2025-12-31"}
        # every example case is read (one per example file), whichever plugin it is for
        assert data["arenden"] == sum(
            1 for p in (ROT / "examples").rglob("*") if p.suffix in FILTYPER
        )
    elif utformat == "html":
        assert ut.stdout.startswith("<!DOCTYPE html>")
        # Nothing to fetch: the only URLs are XML namespace names, which are never loaded.
        assert re.findall(r"(?:src|href)=\"(?:https?:)?//", ut.stdout) == []
        assert re.findall(r"https?:", re.sub(r'xmlns(?::\w+)?="[^"]*"', "", ut.stdout)) == []
    elif utformat == "csv":
        assert ut.stdout.splitlines()[0].split(",")[0] in (
            "kon",
            "forsorjning",
            "regel",
            "anvisning",
            "kommun",
        )
    else:
        assert "Skydd för små tal" in ut.stdout


def test_indatafel_listas_och_rapporten_gors_anda(tmp_path: Path) -> None:
    fil = skriv(tmp_path, deltagarfall())
    with fil.open("a", encoding="utf-8") as ut:
        ut.write('{"format": "finsam/1"\n')
    resultat = CliRunner().invoke(
        finsam, ["rapport", "deltagare", str(fil), "--period", "2025-10", "-o", "json"]
    )
    assert resultat.exit_code == 2
    data = json.loads(resultat.stdout)
    assert (data["arenden"], data["utelamnade"], data["i_urvalet"]) == (13, 1, 11)
    assert "indatafel" in resultat.stderr
    assert ":14" in resultat.stderr


def test_utan_skydd_sager_vad_det_gor(tmp_path: Path) -> None:
    fil = skriv(tmp_path, deltagarfall())
    ut = CliRunner().invoke(
        finsam,
        ["rapport", "deltagare", str(fil), "--period", "2025-10", "--utan-skydd", "-o", "json"],
    )
    assert ut.exit_code == 0
    assert "röja enskilda personer" in ut.stderr
    data = json.loads(ut.stdout)
    assert data["skydd"] is None
    assert rader(_Ut(data))[("man", "30-64")]["aktiva"] == 4


@pytest.mark.parametrize(
    ("argument", "meddelande"),
    [
        (["deltagare", "x.jsonl"], "ange --period"),
        (["deltagare", "x.jsonl", "--period", "2025-13"], "månaden"),
        (["okand", "x.jsonl", "--period", "2025"], "okänd rapport 'okand'"),
        (["deltagare", "x.jsonl", "--period", "2025", "--troskel", "2"], "--troskel"),
        (["deltagare", "--period", "2025"], "SÖKVÄG"),
    ],
)
def test_anvandningsfel(argument: list[str], meddelande: str) -> None:
    ut = CliRunner().invoke(finsam, ["rapport", *argument])
    assert ut.exit_code == 2
    assert meddelande in ut.stderr


def test_fran_till(tmp_path: Path) -> None:
    fil = skriv(tmp_path, deltagarfall())
    ut = CliRunner().invoke(
        finsam,
        ["rapport", "deltagare", str(fil), "--fran", "2025-10-31", "--till", "2025-11-01",
         "--utan-skydd", "-o", "json"],
    )  # fmt: skip
    data = json.loads(ut.stdout)
    # 31 October – 1 November: K1–K5, M1–M4, X1 (closes 1 Nov) and N1 (enrolled 1 Nov).
    assert data["totalt"]["aktiva"] == 11
    assert data["totalt"]["nya"] == 5  # M1–M4 and N1
    assert data["totalt"]["avslutade"] == 1  # X1


def test_csv_for_excel(tmp_path: Path, vard: Pluginvard) -> None:
    resultat = kor(vard, "deltagare", deltagarfall(), "2025-10").resultat(troskel=4)
    text = som_csv(resultat, separator=";", bom=True)
    assert text.startswith("\ufeffkon;aldersgrupp;aktiva;nya;avslutade\r\n")
    assert "man;30-64;1–4;1–4;0\r\n" in text
    assert "totalt;totalt;11;1–4;1–4\r\n" in text


def test_json_schema_beskriver_raderna(vard: Pluginvard) -> None:
    schema = json_schema(vard.rapport("deltagare"))  # type: ignore[arg-type]
    rad = schema["properties"]["rader"]["items"]
    assert rad["required"] == ["kon", "aldersgrupp", "aktiva", "nya", "avslutade"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_utan_skydd_galler_inte_skyddade_personer(tmp_path: Path) -> None:
    """Issue 18: a person with skyddade personuppgifter is never placed in a small cell,
    also not with --utan-skydd. E1 (a woman aged 29 in October, 25-29 alone) is protected."""
    arenden = deltagarfall()
    e1 = next(a for a in arenden if a["id"] == "E1")
    e1["individ"]["omstandigheter"] = ["skyddade_personuppgifter"]
    fil = skriv(tmp_path, arenden)
    ut = CliRunner().invoke(
        finsam,
        ["rapport", "deltagare", str(fil), "--period", "2025-10", "--utan-skydd", "-o", "json"],
    )
    assert ut.exit_code == 0
    assert "1 av personerna har skyddade personuppgifter" in ut.stderr
    data = json.loads(ut.stdout)
    assert data["skydd"] is not None  # protected after all (threshold 4)
    assert rader(_Ut(data))[("kvinna", "25-29")]["aktiva"] == "1–4"
    e1["individ"]["omstandigheter"] = []
    oskyddad = json.loads(
        CliRunner()
        .invoke(
            finsam,
            ["rapport", "deltagare", str(skriv(tmp_path, arenden, "b.jsonl")), "--period",
             "2025-10", "--utan-skydd", "-o", "json"],
        )
        .stdout
    )  # fmt: skip
    assert oskyddad["skydd"] is None
    assert rader(_Ut(oskyddad))[("kvinna", "25-29")]["aktiva"] == 1
