"""Hostile input (issue 18): each reproducer of the fuzzing campaign, as a regression test.

Invariants: no personnummer from the input in any output, no traceback, exit status 0, 1
or 2 (never 3 or a signal), every good case of a batch reported, bounded time. The
property tests with mutated inputs are in ``test_fientlig_egenskaper.py``; the long
campaign is ``benchmarks/fientlig.py``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from finsam_core import Kontrollant, Lasare
from finsam_core.cli.app import finsam
from finsam_core.model.utskrift import citera, maskera_text, sakra

from .conftest import EXEMPEL

PNR = "19900515-2385"
"""A valid personnummer (Luhn) planted in the input; it must never come back."""
PNR_FORMER = ("19900515-2385", "199005152385", "900515-2385", "9005152385", "900515+2385")
SOFINT = EXEMPEL / "sofint" / "forlangning.json"


def kor(*argument: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(finsam, list(argument), input=stdin, catch_exceptions=False)


def lacker(text: str) -> list[str]:
    """The forms of `PNR` found in *text*."""
    return [f for f in PNR_FORMER if f in text]


def ren(resultat: Result) -> None:
    """Exit 0, 1 or 2, no traceback, no personnummer anywhere."""
    allt = resultat.stdout + resultat.stderr
    assert resultat.exit_code in (0, 1, 2), allt
    assert "Traceback" not in allt
    assert not lacker(allt), allt


def _arende(**individ: object) -> dict[str, object]:
    return {
        "format": "finsam/1",
        "id": "A-1",
        "regelverk": ["sofint"],
        "individ": {"kommun": "Nora", **individ},
        "handelser": [],
    }


# -- 1. personnummer never leaks ------------------------------------------------------------


@pytest.mark.parametrize("fore", ["\u00a0", "\u3000", "\u2028", "\u0085", "\x01", "", "x0"])
def test_maskering_utan_ordgranser(fore: str) -> None:
    for form in PNR_FORMER:
        assert not lacker(sakra(f"a{fore}{form}b"))
        assert not lacker(sakra(repr(f"a{fore}{form}b")))
        assert not lacker(maskera_text(f"{fore}{form}"))


def test_nyckel_med_personnummer_maskeras_i_sokvag(tmp_path: Path) -> None:
    fil = tmp_path / "a.json"
    data = _arende()
    data["individ"][PNR] = 1  # type: ignore[index]
    fil.write_text(json.dumps(data))
    for utformat in ("text", "json", "jsonl"):
        ren(kor("validate", "-o", utformat, str(fil)))
    ut = json.loads(kor("validate", "-o", "json", str(fil)).stdout)
    assert ut["indatafel"][0]["sokvag"] == "individ.19900515-****"


def test_id_och_filnamn_maskeras(tmp_path: Path) -> None:
    fil = tmp_path / f"{PNR}.json"
    fil.write_text(json.dumps({**_arende(), "id": PNR}))
    for utformat in ("text", "json", "jsonl"):
        ren(kor("validate", "-o", utformat, str(fil)))
        ren(kor("agenda", "-o", "json" if utformat == "json" else "text", str(fil)))
    ren(kor("explain", str(fil)))
    ren(kor("explain", "-o", "json", str(fil)))
    trasig = tmp_path / f"{PNR}-trasig.json"
    trasig.write_text(json.dumps({**_arende(), "id": PNR, "okand": 1}))
    ren(kor("validate", "-o", "json", str(trasig)))


def test_regelverk_med_personnummer_maskeras(tmp_path: Path) -> None:
    """Found by the campaign: an unknown rule set id was echoed whole by explain."""
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps({**_arende(), "regelverk": ["\u00a0" + PNR]}))
    for kommando in ("validate", "explain", "agenda", "arenor"):
        ren(kor(kommando, str(fil)))
    ren(kor("explain", "-r", PNR, str(fil)))


def test_fynd_med_styrtecken_fore_numret_maskeras() -> None:
    """SOFINT-13 quotes ``beslutad_av``: NBSP before the number used to defeat the mask."""
    data = json.loads(SOFINT.read_text())
    for handelse in data["handelser"]:
        if handelse["typ"] == "forlangning":
            handelse["beslutad_av"] = f"handläggare\u00a0{PNR}"
    svar = Kontrollant().kontrollera(data, datum=date(2026, 11, 23))
    assert svar.ok
    text = json.dumps(svar.till_dict(), ensure_ascii=False) + "".join(
        f.meddelande for f in svar.fynd
    )
    assert any("handläggare" in f.meddelande for f in svar.fynd)
    assert not lacker(text)
    assert not lacker(json.dumps(svar.till_dict()))  # ensure_ascii escapes too


def test_skyddad_identitet_visar_varken_kommun_eller_fodelsedatum() -> None:
    data = json.loads(SOFINT.read_text())
    data["individ"]["personnummer"] = PNR
    data["individ"].pop("fodelsedatum", None)
    data["individ"]["omstandigheter"] = ["skyddade_personuppgifter"]
    for handelse in data["handelser"]:
        if handelse["typ"] == "forlangning":
            handelse["beslutad_av"] = "Anna Andersson"
    svar = Kontrollant().kontrollera(data, datum=date(2026, 11, 23))
    assert svar.ok
    text = json.dumps(svar.till_dict(), ensure_ascii=False)
    kommun = data["individ"]["kommun"]
    assert svar.fynd
    for hemlig in (kommun, "19900515", "900515", "1990-05-15", "Anna Andersson"):
        assert hemlig.lower() not in text.lower(), hemlig
    from finsam_core.regler.motor import forklara

    inlasning = Kontrollant().las(data)
    assert inlasning.arende is not None
    vard = Kontrollant().vard
    spar = forklara(inlasning.arende, vard.regelverk_for(["sofint"]), date(2026, 11, 23))
    text = json.dumps(spar.till_dict(), ensure_ascii=False, default=str)
    for hemlig in (kommun, "19900515", "900515", "1990-05-15", "Anna Andersson"):
        assert hemlig.lower() not in text.lower(), hemlig


# -- 2. no segmentation fault on deep nesting -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["- " * 25_000 + "x\n", "[" * 25_000 + "]" * 25_000 + "\n", "a: " + "{b: " * 25_000 + "1"],
)
def test_djup_yaml_kraschar_inte(tmp_path: Path, text: str) -> None:
    fil = tmp_path / "djup.yaml"
    fil.write_text(text)
    god = tmp_path / "god.yaml"
    god.write_text(json.dumps(_arende()))
    # A real process: a segmentation fault would kill it (exit -11).
    svar = subprocess.run(
        [sys.executable, "-m", "finsam_core", "validate", "-o", "json", str(fil), str(god)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert svar.returncode == 2, svar.stderr
    ut = json.loads(svar.stdout)
    assert "djupt nästlad" in ut["indatafel"][0]["meddelande"]
    assert [a["id"] for a in ut["arenden"]] == ["A-1"]


# -- 3. no internal error ---------------------------------------------------------------------


def test_ensam_surrogat_och_styrtecken_i_id(tmp_path: Path) -> None:
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps({**_arende(), "id": "A\ud800\nfalsk rad"}))
    for utformat in ("text", "json", "jsonl"):
        svar = kor("validate", "-o", utformat, str(fil))
        ren(svar)
        assert "falsk rad" not in svar.stdout.splitlines()[0:1] or utformat != "text"
    text = kor("validate", str(fil)).stdout
    assert "A\\ud800\\nfalsk rad" in text
    assert not any(rad.startswith("falsk rad") for rad in text.splitlines())


def test_langa_tal(tmp_path: Path) -> None:
    rader = [json.dumps({**_arende(), "id": f"A-{i}"}) for i in range(10)]
    rader[5] = rader[5].replace('"handelser": []', '"handelser": ' + "9" * 5000)
    fil = tmp_path / "s.jsonl"
    fil.write_text("\n".join(rader) + "\n")
    svar = kor("validate", "-o", "json", str(fil))
    ren(svar)
    ut = json.loads(svar.stdout)
    assert len(ut["arenden"]) == 9
    assert ut["indatafel"][0]["rad"] == 6
    yaml_fil = tmp_path / "a.yaml"
    yaml_fil.write_text("format: finsam/1\nid: A\nindivid: {kommun: Nora}\nx: 0x" + "f" * 4000)
    ren(kor("validate", str(yaml_fil)))
    json_fil = tmp_path / "a.json"
    json_fil.write_text('{"format": "finsam/1",\n"id": ' + "1" * 5000 + "}")
    ut = json.loads(kor("validate", "-o", "json", str(json_fil)).stdout)
    assert ut["indatafel"][0]["rad"] == 2


def test_lang_sokvag_och_enheter(tmp_path: Path) -> None:
    ren(kor("validate", str(tmp_path / ("a" * 300 + ".json"))))
    if Path("/dev/zero").exists():
        lank = tmp_path / "noll.json"
        lank.symlink_to("/dev/zero")
        svar = kor("validate", str(lank))
        ren(svar)
        assert "vanlig fil" in svar.stdout


def test_namngiven_pipe_blockerar_inte(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    start = time.monotonic()
    svar = kor("validate", str(fifo))
    assert time.monotonic() - start < 5
    ren(svar)
    assert svar.exit_code == 2


# -- 4. no hang --------------------------------------------------------------------------------


def test_radnummer_for_4000_fel_ar_linjart(tmp_path: Path) -> None:
    handelser = [
        {"typ": "kontakt", "datum": f"2025-13-{i % 28 + 1:02d}", "part": "af"} for i in range(4000)
    ]
    data = {**_arende(), "handelser": handelser}
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps(data, indent=1))
    yaml_fil = tmp_path / "a.yaml"
    yaml_fil.write_text(json.dumps(data, indent=1))
    for sokvag in (fil, yaml_fil):
        start = time.monotonic()
        inlasning = next(Lasare().las(sokvag))
        assert time.monotonic() - start < 4
        assert len(inlasning.fel) == 4000
        assert all(f.rad is not None for f in inlasning.fel)
        assert inlasning.fel[-1].rad > inlasning.fel[0].rad


def test_4000_datumfel_i_cli_under_2_sekunder(tmp_path: Path) -> None:
    handelser = [
        {"typ": "kontakt", "datum": f"2025-02-{i % 28 + 30}", "part": "af"} for i in range(4000)
    ]
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps({**_arende(), "handelser": handelser}, indent=1))
    tider = []
    for _ in range(2):  # the best of two: the machine is shared
        start = time.monotonic()
        ut = json.loads(kor("validate", "-o", "json", str(fil)).stdout)
        tider.append(time.monotonic() - start)
    assert min(tider) < 2
    assert len(ut["indatafel"]) == 4000
    text = kor("validate", str(fil)).stdout
    assert "… och 3950 indatafel till" in text
    assert len(text.splitlines()) < 60


def test_alias_amplifiering(tmp_path: Path) -> None:
    koder = ", ".join(f"x{i}" for i in range(300))
    text = (
        "format: finsam/1\nid: A\nindivid: {kommun: Nora}\n"
        f"x: &h {{typ: mote, datum: 2025-01-01, motestyp: samrad, parter: [{koder}]}}\n"
        "handelser: [" + ", ".join(["*h"] * 300) + "]\n"
    )
    fil = tmp_path / "a.yaml"
    fil.write_text(text)
    start = time.monotonic()
    svar = kor("validate", "-o", "json", str(fil))
    assert time.monotonic() - start < 5
    ren(svar)
    assert "alias" in json.loads(svar.stdout)["indatafel"][0]["meddelande"]


def test_lang_ledighet_eda10_ar_snabb() -> None:
    ledigheter = [
        {"typ": "ledighet", "start": f"2021-0{i % 9 + 1}-01", "slut": "2199-12-31"}
        for i in range(200)
    ]
    data = {
        **_arende(),
        "regelverk": ["eda"],
        "individ": {"kommun": "Eda", "fodelsedatum": "1990-01-01"},
        "handelser": [
            {"typ": "inskrivning", "datum": "2021-01-01", "enhet": "ame"},
            *ledigheter,
        ],
    }
    start = time.monotonic()
    svar = Kontrollant().kontrollera(data, datum=date(2025, 6, 1))
    assert time.monotonic() - start < 3
    assert svar.ok
    assert any(f.regel == "EDA-10" for f in svar.fynd)


# -- 5. no lost case -----------------------------------------------------------------------------


def test_sats_med_var_97e_rad_trasig(tmp_path: Path) -> None:
    """10,000 lines, every 97th broken in a different way: every good case is reported and
    every bad line with its own line number."""
    trasiga = [
        "{",
        '{"format": "finsam/1", "id": "\x00"}',
        "\x00" * 3,
        "[1, 2]",
        '{"format": "finsam/1"}',
        "9" * 5000,
        "[" * 5000,
        '{"format": "finsam/1", "id": "A\\ud800", "individ": {"kommun": "Nora"}, "x": 1}',
    ]
    rader: list[bytes] = []
    bra = 0
    for nummer in range(1, 10_001):
        if nummer % 97 == 0:
            rader.append(trasiga[(nummer // 97) % len(trasiga)].encode())
        else:
            rader.append(json.dumps({**_arende(), "id": f"A-{nummer}"}).encode())
            bra += 1
    rader[193] = b"\xff\xfe inte utf-8"  # line 194, also broken (194 = 2 * 97)
    fil = tmp_path / "s.jsonl"
    fil.write_bytes(b"\n".join(rader) + b"\n")
    ut = json.loads(kor("validate", "-o", "json", "--datum", "2025-06-01", str(fil)).stdout)
    assert len(ut["arenden"]) == bra
    assert sorted({f["rad"] for f in ut["indatafel"]}) == list(range(97, 10_001, 97))
    kort = tmp_path / "kort.jsonl"
    kort.write_bytes(b"\n".join(rader[:1000]) + b"\n")
    jsonl = kor("validate", "-o", "jsonl", "--datum", "2025-06-01", str(kort)).stdout
    assert len(jsonl.splitlines()) == 1000


def test_olasbar_mapp_rapporteras(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(_arende()))
    stangd = tmp_path / "stangd"
    stangd.mkdir()
    (stangd / "b.json").write_text(json.dumps(_arende()))
    stangd.chmod(0)
    if os.geteuid() == 0:  # root reads every folder: let listing it fail as it would for others
        riktig = os.scandir

        def scandir(sokvag: Any = ".") -> Any:
            if Path(sokvag) == stangd:
                raise PermissionError(13, "Permission denied", str(sokvag))
            return riktig(sokvag)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        svar = kor("validate", str(tmp_path))
        assert svar.exit_code == 2
        assert "behörighet saknas för att läsa mappen" in svar.stdout
        svar = kor("validate", str(stangd))
        assert "behörighet saknas" in svar.stdout
    finally:
        stangd.chmod(0o755)


# -- 6. extreme dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("dag", ["9999-12-31", "9999-12-01", "0001-01-01", "2200-01-01"])
def test_extrema_datum_ar_indatafel(dag: str) -> None:
    data = json.loads(SOFINT.read_text())
    data["handelser"][0]["datum"] = dag
    svar = Kontrollant().kontrollera(data, datum=date(2026, 11, 23))
    assert not svar.ok
    assert "utanför" in svar.indatafel[0].meddelande


def test_sista_tillatna_datum_ger_inget_regelfel() -> None:
    """2199-12-31 is accepted; no rule may crash on it (deadlines past it still fit)."""
    for exempel in sorted(EXEMPEL.rglob("*.json")) + sorted(EXEMPEL.rglob("*.yaml")):
        inlasning = next(Lasare().las(exempel))
        if inlasning.arende is None:
            continue
        from finsam_core.format.konverterare import till_dict

        data = till_dict(inlasning.arende)
        for handelse in data.get("handelser", []):
            for nyckel in ("datum", "start", "slut"):
                if nyckel in handelse:
                    handelse[nyckel] = "2199-12-31"
        for datum in (date(2199, 12, 31), date(1800, 1, 1)):
            svar = Kontrollant(bara_karna=True).kontrollera(data, datum=datum)
            if svar.ok:
                assert not [f for f in svar.fynd if f.bedomning.value == "regelfel"], exempel


# -- 7. messages and lines --------------------------------------------------------------------


def test_dubblettnyckel_i_json_har_rad(tmp_path: Path) -> None:
    fil = tmp_path / "a.json"
    fil.write_text('{"format": "finsam/1",\n "id": "A",\n "id": "B"}')
    (fel,) = next(Lasare().las(fil)).fel
    assert fel.rad == 3


def test_utf8_fel_har_rad(tmp_path: Path) -> None:
    fil = tmp_path / "a.yaml"
    fil.write_bytes(b"format: finsam/1\nid: A\nx: \xff\n")
    (fel,) = next(Lasare().las(fil)).fel
    assert fel.rad == 3


def test_emoji_escape_tar_inte_bort_radnummer(tmp_path: Path) -> None:
    fil = tmp_path / "a.json"
    data = {**_arende(), "id": "\U0001f600", "handelser": [{"typ": "kontakt", "datum": "x"}]}
    fil.write_text(json.dumps(data, indent=1))  # json.dumps writes "\ud83d\ude00"
    fel = next(Lasare().las(fil)).fel
    assert all(f.rad is not None and f.rad > 1 for f in fel)


@pytest.mark.parametrize("dag", ["2025-01-1x", "２０２５-01-01", "٢٠٢٥-01-01"])
def test_felformat_datum_kallas_inte_obefintligt(dag: str) -> None:
    data = {**_arende(), "handelser": [{"typ": "kontakt", "datum": dag, "part": "af"}]}
    (fel,) = Kontrollant().kontrollera(data, datum=date(2025, 6, 1)).indatafel
    assert "finns inte" not in fel.meddelande
    assert "ÅÅÅÅ-MM-DD" in fel.meddelande


@pytest.mark.parametrize(
    ("pnr", "giltigt"),
    [
        ("29990515-2387", False),  # birth year 2999
        ("20150916-0006", False),  # birth number 000 is never issued
        ("19900560-2389", True),  # samordningsnummer, day of birth unknown (60)
        ("19900500-2382", True),  # personnummer, day of birth unknown (00)
        ("１９９００５１５-２３８４", False),  # full-width digits
    ],
)
def test_personnummerkanter(pnr: str, giltigt: bool) -> None:
    from finsam_core import Personnummer, Personnummerfel
    from finsam_core.model.personnummer import luhn_ok

    if giltigt:
        assert luhn_ok(pnr[2:8] + pnr[9:])
        assert Personnummer.tolka(pnr).fodelsedatum.day == 1
    else:
        with pytest.raises(Personnummerfel):
            Personnummer.tolka(pnr)


def test_fodd_efter_forsta_handelsen_ar_indatafel() -> None:
    data = {
        **_arende(fodelsedatum="2030-01-01"),
        "handelser": [{"typ": "kontakt", "datum": "2025-01-01", "part": "af"}],
    }
    (fel,) = Kontrollant().kontrollera(data, datum=date(2025, 6, 1)).indatafel
    assert fel.sokvag == "individ.fodelsedatum"


@pytest.mark.parametrize("period", ["٢٠٢٥-01", "0000-01", "2025-13"])
def test_felaktig_period(period: str) -> None:
    data = {
        **_arende(),
        "handelser": [
            {
                "typ": "intyg",
                "datum": "2025-02-01",
                "intygstyp": "insatsintyg",
                "fran": "af",
                "till": "fk",
                "period": period,
            }
        ],
    }
    (fel,) = Kontrollant().kontrollera(data, datum=date(2025, 6, 1)).indatafel
    assert fel.sokvag == "handelser[0].period"


def test_langa_varden_forkortas() -> None:
    data = {**_arende(), "individ": {"kommun": "x" * 5_000_000}}
    (fel,) = Kontrollant().kontrollera(data, datum=date(2025, 6, 1)).indatafel
    assert len(fel.meddelande) < 2000
    assert "…" in fel.meddelande
    assert citera("a" * 1000).endswith("…'")
    lagrum = {
        **_arende(),
        "handelser": [
            {"typ": "beslut", "datum": "2025-01-01", "part": "fk", "lagrum": "x" * 1_000_000}
        ],
    }
    (fel,) = Kontrollant().kontrollera(lagrum, datum=date(2025, 6, 1)).indatafel
    assert len(fel.meddelande) <= 2000


def test_ingen_sifferfoljd_overlever_maskering() -> None:
    """Whatever surrounds it, no 10 consecutive digits come out of `sakra`."""
    for text in ("x" + "1234567890" * 5, "2025-01-01-" + PNR, "\x01" + PNR, PNR + PNR):
        assert not re.search(r"\d{10}", sakra(text).replace("-", "").replace("+", ""))


def test_arenor_visar_inte_skyddad_persons_kommun_eller_alder(tmp_path: Path) -> None:
    """Issue 18, protected identity: routing still works for a person with skyddade
    personuppgifter, but no answer shows kommun, age or the municipality's gaps."""
    fall = {
        "format": "finsam/1",
        "id": "SKYDD-1",
        "regelverk": ["sodravatterbygden"],
        "individ": {
            "kommun": "Vaggeryd",
            "fodelsedatum": "2007-01-15",
            "omstandigheter": ["skyddade_personuppgifter"],
        },
    }
    fil = tmp_path / "skyddad.json"
    fil.write_text(json.dumps(fall), encoding="utf-8")
    text = kor("arenor", str(fil), "--datum", "2025-06-01")
    assert text.exit_code == 0, text.stderr
    assert "svb-f14" in text.stdout  # Trappsteget in Vaggeryd, 16–24: still suggested
    assert "Vaggeryd" not in text.stdout.split("svb-f14")[0]  # not in the header
    assert "skyddade personuppgifter" in text.stdout
    assert "18 år" not in text.stdout
    assert "ålder 18" not in text.stdout
    data = json.loads(kor("arenor", str(fil), "--datum", "2025-06-01", "-o", "json").stdout)
    assert data["fraga"]["kommun"] == "[skyddat]"
    assert data["fraga"]["alder"] is None
    assert data["luckor"] == []
    assert all("Vaggeryd" not in s and "18" not in s for f in data["forslag"] for s in f["skal"])
    fall["individ"]["omstandigheter"] = []
    fil.write_text(json.dumps(fall), encoding="utf-8")
    oskyddad = json.loads(kor("arenor", str(fil), "--datum", "2025-06-01", "-o", "json").stdout)
    assert oskyddad["fraga"]["kommun"] == "Vaggeryd"  # the same case unprotected shows it


def test_kontrollantens_indatafel_har_rad(tmp_path: Path) -> None:
    """Issue 18 (found by the campaign): the checker's own input errors in a case file name
    a line — the unknown rule set's line, or the case's first line when the key is missing."""
    utan = tmp_path / "utan.yaml"
    utan.write_text("format: finsam/1\nid: A-1\nindivid: {kommun: Eda}\n", encoding="utf-8")
    okant = tmp_path / "okant.yaml"
    okant.write_text(
        "format: finsam/1\nid: A-2\nregelverk:\n  - okant\nindivid: {kommun: Eda}\n",
        encoding="utf-8",
    )
    ut = json.loads(kor("validate", "-o", "json", str(utan), str(okant)).stdout)
    assert [(f["kod"], f["rad"]) for f in ut["indatafel"]] == [
        ("inget_regelverk", 1),
        ("okant_regelverk", 4),
    ]


def test_fil_med_personnummer_i_namnet_far_rad_men_maskerat_namn(tmp_path: Path) -> None:
    # The masked name is shown; the real one is what the line lookup reads.
    fil = tmp_path / f"{PNR}.yaml"
    fil.write_text("format: finsam/1\nid: A-1\nregelverk: []\nindivid: {kommun: Eda}\n")
    ut = kor("validate", "-o", "json", str(fil))
    (fel,) = json.loads(ut.stdout)["indatafel"]
    assert (fel["kod"], fel["rad"]) == ("inget_regelverk", 3)
    assert PNR not in ut.stdout
