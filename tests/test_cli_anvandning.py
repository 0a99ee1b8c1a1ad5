"""The CLI as a caseworker and a CI pipeline use it (issue 16): one test per problem found,
stdout and stderr asserted apart."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from finsam_core.cli import gemensamt, validera
from finsam_core.cli.app import ALIAS, KOMMANDON, finsam
from finsam_core.plugins import vard as vardmodul

from .conftest import EXEMPEL, ROT

DATUM = ["--datum", "2026-11-23"]
FRISTPROBLEM = str(EXEMPEL / "sofint" / "fristproblem.yaml")


def kor(*argument: str) -> Result:
    return CliRunner().invoke(finsam, list(argument), catch_exceptions=False)


@pytest.fixture(autouse=True)
def _ny_vard() -> Iterator[None]:
    vardmodul.aterstall_vard()
    yield
    vardmodul.aterstall_vard()


def _skriv(mapp: Path, namn: str, data: Any) -> Path:
    fil = mapp / namn
    fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fil


def _exempel(namn: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXEMPEL / namn).read_text(encoding="utf-8"))
    return data


# -- 1. sources a person can open ---------------------------------------------------------


def test_fynd_namnger_dokumentet_med_titel_och_json_behaller_filnamnet() -> None:
    text = kor("validate", FRISTPROBLEM, *DATUM)
    assert (
        "källa: SOFINT: Plan för insats – Samverkansteamet (2014, reviderad 2014-04-23), "
        "Bilaga I, 3 Inskrivning i Samverkansteamet · handelser[1] (rad 34)" in text.stdout
    )
    assert "004_8ef7852e647e2221.txt" not in text.stdout
    data = json.loads(kor("validate", FRISTPROBLEM, *DATUM, "-o", "json").stdout)
    sofint07 = next(f for f in data["arenden"][0]["fynd"] if f["regel"] == "SOFINT-07")
    assert (
        sofint07["kalla"] == "004_8ef7852e647e2221.txt, Bilaga I, 3 Inskrivning i Samverkansteamet"
    )


def test_kalla_visar_stycket_ur_det_levererade_dokumentet() -> None:
    resultat = kor("källa", "sofint-07")
    assert resultat.exit_code == 0
    assert resultat.stderr == ""
    ut = resultat.stdout
    assert "dokument: SOFINT: Plan för insats – Samverkansteamet" in ut
    assert "utgivare: Samordningsförbundet i norra Örebro län (SOFINT)" in ut
    # The paragraph around the quote, from the seed (004_…, Bilaga I, 3).
    assert "Inkomna remisser behandlas av Samverkansteamet på teammöte." in ut
    data = json.loads(kor("source", "SOFINT-07", "-o", "json").stdout)
    assert data["stycke"].startswith("Inkomna remisser behandlas")
    assert data["dokument"]["fil"] == "004_8ef7852e647e2221.txt"
    okand = kor("kalla", "SOFINT-7")
    assert okand.exit_code == 2
    assert okand.stdout == ""
    assert "okänd regel 'SOFINT-7'; menade du" in okand.stderr


def test_finsam_02_citerar_en_svensk_text() -> None:
    ut = kor("rules", "FINSAM-02").stdout
    assert "källa: Ärendeformatet finsam/1 – svensk beskrivning (finsam-core), 3 Avslut" in ut
    assert "citat: «Efter avslutet registreras inga nya händelser i ärendet" in ut
    citat = next(r for r in ut.splitlines() if r.startswith("citat:"))
    assert "closure" not in citat


def test_varje_citat_finns_i_den_levererade_texten() -> None:
    from finsam_core.regler.fynd import stycke_med_citat
    from finsam_core.testning import saknade_citat

    for rv in vardmodul.hamta_vard().alla_regelverk():
        for regel in rv.regler:
            dokument = regel.kalla.kalldokument
            if dokument is None or not dokument.paket:
                continue
            text = dokument.text()
            assert text is not None, f"{regel.id}: {dokument.fil} is not shipped"
            mapp = Path(str(__import__("importlib").resources.files(dokument.paket))) / "kallor"
            assert saknade_citat([regel], mapp) == []
            # SOFINT-17 quotes a process chart, not a paragraph; every other quote is found.
            if regel.id != "SOFINT-17":
                assert stycke_med_citat(text, regel.kalla.citat), regel.id


# -- 2. an agenda that shows missed deadlines --------------------------------------------


def test_agenda_visar_missade_frister_forst_med_fil() -> None:
    resultat = kor("agenda", FRISTPROBLEM, *DATUM)
    # SOFINT-07, -08, -22, -12, -16 and -23 are late in this case (tests/test_sofint.yaml).
    assert resultat.exit_code == 1
    assert resultat.stderr == ""
    rader = resultat.stdout.splitlines()
    assert rader[0] == "Missade frister per 2026-11-23:"
    assert rader[1] == (
        "  2024-09-15  MISSAD  799 dagar sen  SOFINT-07  Svar till remittenten inom två veckor"
    )
    assert rader[2] == f"      SOFINT-2024-031 · {FRISTPROBLEM}"
    assert rader[-1] == "6 missade frister, 0 öppna frister per 2026-11-23."
    assert "Inga" not in resultat.stdout
    data = json.loads(kor("agenda", FRISTPROBLEM, *DATUM, "-o", "json").stdout)
    assert [(p["regel"], p["status"], p["dagar"]) for p in data] == [
        ("SOFINT-07", "missad", -799),  # remiss 2024-09-02 + 13 days = 2024-09-15
        ("SOFINT-08", "missad", -770),  # inskrivning 2024-09-30 + 14 days = 2024-10-14
        ("SOFINT-22", "missad", -643),  # plan 2024-11-18 + 3 months = 2025-02-18
        ("SOFINT-12", "missad", -419),  # inskrivning 2024-09-30 + 1 year = 2025-09-30
        ("SOFINT-16", "missad", -360),  # avslut 2025-11-14 + 14 days = 2025-11-28
        ("SOFINT-23", "missad", -360),  # the closing meeting, by the same day
    ]
    assert all(p["fil"] == FRISTPROBLEM for p in data)
    assert kor("agenda", FRISTPROBLEM, *DATUM, "--ej-forfallna").stdout.startswith("Inga frister")


def test_agenda_som_csv_och_ics() -> None:
    import csv
    import io

    from icalendar import Calendar

    csvtext = kor("agenda", str(EXEMPEL), *DATUM, "-o", "csv", "--forfallna").stdout
    rader = list(csv.DictReader(io.StringIO(csvtext)))
    assert {r["status"] for r in rader} == {"missad"}
    assert rader[0]["kalla"].startswith("Ludvika och Smedjebacken: En väg in")
    ics = kor("agenda", str(EXEMPEL), *DATUM, "-o", "ics", "--ej-forfallna", "--inom", "22")
    assert ics.exit_code == 0
    kalender = Calendar.from_ical(ics.stdout)
    handelser = list(kalender.walk("VEVENT"))
    # ENVAGIN-03 on 2026-11-30 (self-referral 2026-11-16 + two weeks), SOFINT-12 2026-12-15.
    assert [(h.decoded("dtstart"), str(h["summary"]).split()[0]) for h in handelser] == [
        (date(2026, 11, 30), "ENVAGIN-03"),
        (date(2026, 12, 15), "SOFINT-12"),
    ]
    assert b"\r\n" in ics.stdout_bytes  # RFC 5545 line ends
    igen = kor("agenda", str(EXEMPEL), *DATUM, "-o", "ics", "--ej-forfallna", "--inom", "22")
    assert re.findall("UID:.*", igen.stdout) == re.findall("UID:.*", ics.stdout)


# -- 3 and 4. no arguments, Swedish everywhere ------------------------------------------


def test_utan_argument_visas_hjalpen_en_gang() -> None:
    resultat = kor()
    assert resultat.exit_code == 0
    assert resultat.stderr == ""
    assert resultat.stdout.count("Användning: finsam") == 1
    assert "validate, validera" in resultat.stdout


def test_okant_kommando_och_intervall_pa_svenska() -> None:
    resultat = kor("valdate")
    assert resultat.exit_code == 2
    assert "fel: okänt kommando 'valdate'; menade du 'validate'" in resultat.stderr
    resultat = kor("agenda", "--inom", "-1", "x")
    assert resultat.exit_code == 2
    assert "fel: ogiltigt värde för '--inom': förväntade minst 0, fick -1" in resultat.stderr
    assert "[x>=0]" not in kor("agenda", "-h").stdout


@pytest.mark.parametrize(("alias", "namn"), sorted(ALIAS.items()))
def test_svenska_alias(alias: str, namn: str) -> None:
    resultat = kor(alias, "-h")
    assert resultat.exit_code == 0
    assert resultat.stdout.startswith(f"Användning: finsam {alias} [FLAGGOR]")


ENGELSKA = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Error|Invalid|Missing|No such|Did you mean|"
    r"is not|not in the range|Show this message|required|expected|Choose from)\b"
)


def _anvandartexter() -> Iterator[tuple[str, str]]:
    """Help of every command, and the click errors a user meets."""
    yield "finsam --help", kor("--help").stdout
    for namn in KOMMANDON:
        yield f"finsam {namn} -h", kor(namn, "-h").stdout
    for argument in (
        ["nope"],
        ["validate"],
        ["validate", "--stric", "x"],
        ["validate", "-o", "xml", "x"],
        ["validate", "-j", "x", "y"],
        ["agenda", "--inom", "-1", "x"],
        ["rules", "--format"],
        ["schema", "foo"],
        ["arenor", "--alder", "200"],
    ):
        yield " ".join(argument), kor(*argument).stderr


@pytest.mark.parametrize(("vad", "text"), list(_anvandartexter()), ids=lambda v: str(v)[:40])
def test_inga_engelska_ord_i_det_anvandaren_laser(vad: str, text: str) -> None:
    assert not ENGELSKA.search(text), f"{vad}: {ENGELSKA.search(text)}"


def test_inga_engelska_ord_i_cli_modulernas_texter() -> None:
    """String constants of the CLI modules (not docstrings: those are help, checked above,
    or developer documentation)."""
    for modul in (ROT / "src" / "finsam_core" / "cli").glob("*.py"):
        trad = ast.parse(modul.read_text(encoding="utf-8"))
        dokumentation = {
            id(n.body[0].value)
            for n in ast.walk(trad)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for nod in ast.walk(trad):
            if (
                isinstance(nod, ast.Constant)
                and isinstance(nod.value, str)
                and id(nod) not in dokumentation
            ):
                traff = ENGELSKA.search(nod.value)
                # The translation table in app.py matches click's English on purpose.
                assert traff is None or modul.name == "app.py", f"{modul.name}: {nod.value!r}"


# -- 6. finsam test reads a file once ----------------------------------------------------


def test_regeltestfilen_komponeras_en_gang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from finsam_core.testning import regeltest

    fil = _skriv(
        tmp_path,
        "test_x.yaml",
        [
            {
                "namn": f"t{i}",
                "regelverk": "sofint",
                "datum": "2026-11-23",
                "arende_fil": str(EXEMPEL / "sofint" / "klart-arende.yaml"),
                "forvantat": {"fel": []},
            }
            for i in range(50)
        ],
    )
    anrop = []
    riktig = regeltest.yaml.compose
    monkeypatch.setattr(
        regeltest.yaml, "compose", lambda *a, **k: anrop.append(1) or riktig(*a, **k)
    )
    tester = list(regeltest.las_regeltester(fil))
    assert len(tester) == 50
    # safe_dump writes six lines per test (namn … forvantat, fel).
    assert [t.rad for t in tester][:3] == [1, 7, 13]  # type: ignore[union-attr]
    assert len(anrop) == 1  # was 50: once per test


def test_finsam_test_utan_sokvag_med_k_och_junitxml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROT / "plugins" / "finsam-sofint")
    xml = tmp_path / "j.xml"
    resultat = kor("test", "-k", "DAG 14", "--junitxml", str(xml))
    assert resultat.exit_code == 0
    # the two SOFINT-16 tests named "… på dag 14" in tests/test_sofint.yaml (-k ignores case)
    assert resultat.stdout.splitlines()[-1] == "2 godkända, 0 underkända"
    text = xml.read_text(encoding="utf-8")
    assert '<testsuite name="finsam test" tests="2" failures="0"' in text
    assert "SOFINT-16 avslutsmöte med remittenten på dag 14" in text


# -- 7. a rule that could not judge can fail a run ----------------------------------------


def test_krav_bedomning_flagga_och_installning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _exempel("sofint/klart-arende.yaml")
    del data["individ"]["personnummer"]  # no birth date: SOFINT-01 cannot judge the age
    fil = str(_skriv(tmp_path, "a.yaml", data))
    monkeypatch.chdir(tmp_path)
    utan = kor("validate", fil, *DATUM)
    assert utan.exit_code == 0
    assert "1 där en regel inte kunde bedöma" in utan.stdout
    assert kor("validate", fil, *DATUM, "--strict").exit_code == 0
    med = kor("validate", fil, *DATUM, "--kräv-bedömning")
    assert med.exit_code == 1
    (tmp_path / "finsam.toml").write_text("krav-bedomning = true\n", encoding="utf-8")
    assert kor("validate", fil, *DATUM).exit_code == 1
    (tmp_path / "finsam.toml").write_text("krav-bedoming = true\n", encoding="utf-8")
    fel = kor("validate", fil, *DATUM)
    assert fel.exit_code == 2
    assert "okänd inställning 'krav-bedoming' (menade du" not in fel.stderr
    assert "okänd inställning 'krav-bedoming'; menade du 'krav-bedomning'?" in fel.stderr


def test_ignorera_och_valj_och_statistik(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    resultat = kor(
        "validate", FRISTPROBLEM, *DATUM, "--valj", "sofint-07", "-o", "json", "--statistik"
    )
    data = json.loads(resultat.stdout)
    assert [f["regel"] for f in data["arenden"][0]["fynd"]] == ["SOFINT-07"]
    assert data["sammanfattning"]["per_regel"] == {"SOFINT-07": {"fel": 1, "varning": 0, "info": 0}}
    statistik = resultat.stderr.splitlines()
    assert statistik[-2].split() == ["regel", "fel", "varning", "info"]
    assert statistik[-1].split() == ["SOFINT-07", "1", "0", "0"]
    ignorerad = json.loads(
        kor("validate", FRISTPROBLEM, *DATUM, "--ignorera", "SOFINT-14", "-o", "json").stdout
    )
    assert "SOFINT-14" not in {f["regel"] for f in ignorerad["arenden"][0]["fynd"]}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.finsam]\nignorera = ["SOFINT-14"]\n', encoding="utf-8"
    )
    fran_fil = json.loads(kor("validate", FRISTPROBLEM, *DATUM, "-o", "json").stdout)
    assert "SOFINT-14" not in {f["regel"] for f in fran_fil["arenden"][0]["fynd"]}
    okand = kor("validate", FRISTPROBLEM, *DATUM, "--ignorera", "SOFINT-7")
    assert okand.exit_code == 2
    assert "okänd regel 'SOFINT-7'; menade du" in okand.stderr


# -- 8. plugin mistakes at load -----------------------------------------------------------


def test_fel_typ_i_byggsten_namnger_regeln() -> None:
    from finsam_core.model.handelser import Avslut, Remiss
    from finsam_core.regelbygge import FEL, Dokument, Regel, arbetsdagar, frist_efter, handelser
    from finsam_core.regler.regel import Regelfel

    with pytest.raises(Regelfel, match=r"regeln TEST-01: frist_efter: frist=arbetsdagar\('5'\)"):
        Regel(
            id="TEST-01",
            titel="t",
            allvarlighet=FEL,
            kalla=Dokument("a.txt", "A").kalla("1", "x"),
            kontroll=frist_efter(
                handelser(Remiss), handelser(Avslut), arbetsdagar("5"), vad="svar"
            ),  # type: ignore[arg-type]
        )


def test_trasigt_plugin_namnges_i_felet_det_orsakar() -> None:
    from .test_plugins import vard

    v = vard("bra", "trasig_import")
    assert "finns men kunde inte laddas" in str(v.saknat_regelverk("trasig_import"))
    okant = str(v.saknat_regelverk("testby"))
    assert okant.startswith("okänt regelverk 'testby'")
    assert "obs: pluginet trasig_import" in okant


# -- 9. menade du for keys and codes ------------------------------------------------------


def test_menade_du_for_nyckel_och_kod(tmp_path: Path) -> None:
    data = _exempel("sofint/klart-arende.yaml")
    data["individ"]["komun"] = data["individ"].pop("kommun")
    data["handelser"][0]["motestyp"] = "samråd"
    resultat = kor("validate", str(_skriv(tmp_path, "a.yaml", data)), *DATUM)
    assert resultat.exit_code == 2
    assert "individ.komun: okänd nyckel 'komun' (menade du 'kommun'?)" in resultat.stdout
    assert "saknar det obligatoriska fältet 'kommun'" not in resultat.stdout
    assert "okänd mötestyp 'samråd' (menade du 'samrad'?)" in resultat.stdout


# -- 10. commands agree --------------------------------------------------------------------


def test_kommandona_ar_overens() -> None:
    eda = str(EXEMPEL / "eda" / "klart-arende.yaml")
    assert "(finsam, eda)" in kor("explain", eda, *DATUM).stdout.splitlines()[0]
    assert "(finsam, eda)" in kor("validate", eda, *DATUM).stdout
    assert kor("rules", "SOFINT-07").stdout.startswith("SOFINT-07  Svar till remittenten")
    assert kor("rules", "sofint", "sofint-07").stdout.startswith("SOFINT-07  ")
    mapp = kor("explain", str(EXEMPEL / "eda"), *DATUM)
    assert mapp.exit_code == 2
    assert "mappen har 4 ärenden" in mapp.stderr
    dalig = kor("agenda", eda, "-r", "okant")
    assert dalig.exit_code == 2
    assert "okänt regelverk 'okant'" in dalig.stderr


# -- 11. grouping -------------------------------------------------------------------------


def test_upprepade_fynd_grupperas_i_text_och_finns_alla_i_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fynd = [
        {
            "regel": "EDA-09",
            "allvarlighet": "fel",
            "meddelande": f"insatsintyg för 2025-{m:02} saknas",
            "kalla": "x",
            "kalla_lasbar": "Eda, 2",
            "sokvag": "handelser[6]",
        }
        for m in range(3, 12)
    ]
    validera._skriv_arende({"fil": "a.yaml", "id": "A", "regelverk": ["eda"], "fynd": fynd}, False)
    ut = capsys.readouterr().out.splitlines()
    assert "    EDA-09  9 fynd av samma slag, första och sista (alla med -o json):" in ut
    assert "      insatsintyg för 2025-03 saknas" in ut
    assert "      insatsintyg för 2025-11 saknas" in ut
    assert not any("2025-05" in r for r in ut)
    assert len(validera._grupper(fynd)) == 1
    assert gemensamt.rakna(9, "fynd", "fynd") == "9 fynd"
