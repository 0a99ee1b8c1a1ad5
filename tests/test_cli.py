"""The ``finsam`` command: CliRunner (stdout and stderr apart) and real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from finsam_core import FILTYPER
from finsam_core.cli import validera
from finsam_core.cli.app import finsam
from finsam_core.plugins import vard as vardmodul

from .conftest import EXEMPEL, ROT

DATUM = ["--datum", "2026-11-23"]


def kor(*argument: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(finsam, list(argument), input=stdin, catch_exceptions=False)


def process(*argument: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    resultat = subprocess.run(
        [sys.executable, "-m", "finsam_core", *argument],
        input=stdin,
        capture_output=True,
        check=False,
        cwd=ROT,
    )
    ut = subprocess.CompletedProcess(
        resultat.args, resultat.returncode, resultat.stdout.decode(), resultat.stderr.decode()
    )
    assert "Traceback" not in ut.stdout + ut.stderr
    return ut


@pytest.fixture(autouse=True)
def _ny_vard() -> Iterator[None]:
    vardmodul.aterstall_vard()
    yield
    vardmodul.aterstall_vard()


def _skriv_yaml(mapp: Path, namn: str, data: dict[str, Any]) -> Path:
    fil = mapp / namn
    fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fil


def _exempel(namn: str) -> dict[str, Any]:
    return yaml.safe_load((EXEMPEL / namn).read_text(encoding="utf-8"))


class TestHjalpOchVersion:
    def test_hjalp_pa_svenska(self) -> None:
        resultat = kor("--help")
        assert resultat.exit_code == 0
        assert resultat.stdout.startswith("Användning: finsam [FLAGGOR] KOMMANDO [ARGUMENT]...")
        assert "Kommandon:" in resultat.stdout
        assert resultat.stderr == ""

    @pytest.mark.parametrize(
        "kommando", ["validate", "agenda", "explain", "rules", "plugins", "schema", "test"]
    )
    def test_hjalp_for_varje_kommando(self, kommando: str) -> None:
        resultat = kor(kommando, "-h")
        assert resultat.exit_code == 0
        assert resultat.stdout.startswith(f"Användning: finsam {kommando} [FLAGGOR]")
        assert "Flaggor:" in resultat.stdout

    def test_version_listar_karna_och_plugin(self) -> None:
        rader = kor("--version").stdout.splitlines()
        assert rader[0].startswith("finsam-core ")
        assert any(r.startswith("finsam-sofint ") for r in rader)
        assert any(r.startswith("finsam-eda ") for r in rader)

    def test_hjalp_och_version_laddar_inga_plugin(self) -> None:
        kod = (
            "import sys\n"
            "from finsam_core.cli import main\n"
            "for argv in (['finsam', '--help'], ['finsam', '--version']):\n"
            "    sys.argv = argv\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print('finsam_sofint' in sys.modules, 'finsam_core.regler' in sys.modules,\n"
            "      'cattrs' in sys.modules)\n"
        )
        ut = subprocess.run(
            [sys.executable, "-c", kod], capture_output=True, text=True, check=True
        ).stdout.splitlines()[-1]
        assert ut == "False False False"

    def test_okant_kommando_och_flagga(self) -> None:
        resultat = kor("nope")
        assert resultat.exit_code == 2
        assert "fel: okänt kommando 'nope'" in resultat.stderr
        resultat = kor("validate", "--stric", "x")
        assert resultat.exit_code == 2
        assert "fel: okänd flagga '--stric'; menade du '--strict'?" in resultat.stderr


class TestValidate:
    def test_mapp_i_text(self) -> None:
        resultat = kor("validate", str(EXEMPEL / "eda"), *DATUM)
        assert resultat.exit_code == 1  # overlamningsproblem.yaml has fel findings
        ut = resultat.stdout
        assert "klart-arende.yaml  EDA-IFO-2025-112  (finsam, eda)  inga fynd" in ut
        assert "overlamningsproblem.yaml  EDA-IFO-2025-087  (finsam, eda)  8 fel, 3 varningar" in ut
        assert (
            "    EDA-03  återkoppling från AME eller trepartssamtal kom 2025-04-03, 3 dagar "
            "efter fristen 2025-03-31" in ut
        )
        # The source as a caseworker reads it: the document's title, section, path and line.
        assert (
            "      källa: Eda kommun: Samverkan mellan IFO och AME, riktlinje (reviderad "
            "2020-11-03), 2, punkt 1 · handelser[3] (rad 24)" in ut
        )
        assert ut.rstrip().endswith(
            "4 ärenden kontrollerade per 2026-11-23: 2 med fel, 2 med varningar"
        )
        assert "\x1b[" not in ut  # no colour when not on a terminal
        assert resultat.stderr == ""

    def test_farg_kan_tvingas(self) -> None:
        resultat = kor("validate", str(EXEMPEL / "eda" / "saknade-intyg.yaml"), *DATUM, "--farg")
        assert "\x1b[31m" in resultat.stdout

    def test_json(self) -> None:
        resultat = kor("validate", str(EXEMPEL), *DATUM, "--format", "json")
        data = json.loads(resultat.stdout)
        # "sammanfattning" is additive: the spec's two keys stay as they were.
        assert set(data) == {"arenden", "indatafel", "sammanfattning"}
        assert data["indatafel"] == []
        # One case per example file, whichever rule sets' examples are in the tree.
        assert len(data["arenden"]) == sum(1 for p in EXEMPEL.rglob("*") if p.suffix in FILTYPER)
        forsta = data["arenden"][0]
        assert set(forsta) == {"id", "fil", "regelverk", "datum", "fynd"}
        assert forsta["regelverk"] == ["finsam", "eda"]
        fynd = next(a for a in data["arenden"] if a["id"] == "SOFINT-2024-031")["fynd"]
        sofint07 = next(f for f in fynd if f["regel"] == "SOFINT-07")
        assert sofint07 == {
            "regel": "SOFINT-07",
            "allvarlighet": "fel",
            "meddelande": "svar till remittenten kom 2024-09-22, 7 dagar efter sista dagen "
            "2024-09-15 (två veckor från och med remiss till samverkansteamet 2024-09-02)",
            "kalla": "004_8ef7852e647e2221.txt, Bilaga I, 3 Inskrivning i Samverkansteamet",
            "sokvag": "handelser[1]",
            "frist": "2024-09-15",
            # fields beyond the spec (the CLI may gain fields, never lose them)
            "titel": "Svar till remittenten inom två veckor",
            "bedomning": "brott",
            "citat": "Svar ska skickas till remittent inom två veckor från och med det datum "
            "som remissen kom till Samverkansteamet.",
            "kalla_lasbar": "SOFINT: Plan för insats – Samverkansteamet (2014, reviderad "
            "2014-04-23), Bilaga I, 3 Inskrivning i Samverkansteamet",
            "rad": 34,  # the line of handelser[1] in the file
        }
        summa = data["sammanfattning"]
        assert summa["arenden"] == len(data["arenden"])
        assert summa["per_regel"]["SOFINT-14"] == {"fel": 0, "varning": 3, "info": 1}

    def test_strict_gor_varningar_till_fel(self, tmp_path: Path) -> None:
        data = _exempel("sofint/klart-arende.yaml")
        del data["handelser"][0]  # no informationsmöte: SOFINT-06, a varning
        fil = _skriv_yaml(tmp_path, "a.yaml", data)
        assert kor("validate", str(fil), *DATUM).exit_code == 0
        assert kor("validate", str(fil), *DATUM, "--strict").exit_code == 1

    def test_arende_utan_regelverk_ar_indatafel(self, tmp_path: Path) -> None:
        data = _exempel("eda/klart-arende.yaml")
        del data["regelverk"]
        fil = _skriv_yaml(tmp_path, "a.yaml", data)
        resultat = kor("validate", str(fil), *DATUM)
        assert resultat.exit_code == 2
        assert "indatafel" in resultat.stdout
        assert "ärendet anger inget regelverk" in resultat.stdout
        assert kor("validate", str(fil), *DATUM, "-r", "eda").exit_code == 0

    def test_okant_regelverk(self, tmp_path: Path) -> None:
        resultat = kor("validate", str(EXEMPEL), "-r", "okant")
        assert resultat.exit_code == 2
        assert resultat.stderr.startswith("fel: okänt regelverk 'okant'; installerade: finsam")
        assert resultat.stdout == ""

    def test_flera_processer_ger_samma_utdata(self, tmp_path: Path) -> None:
        sys.path.insert(0, str(ROT / "benchmarks"))
        try:
            from generera import arenden
        finally:
            sys.path.pop(0)
        fil = tmp_path / "sats.jsonl"
        fil.write_text("".join(json.dumps(a) + "\n" for a in arenden(300)), encoding="utf-8")
        en = kor("validate", str(fil), *DATUM, "-o", "jsonl")
        fyra = kor("validate", str(fil), *DATUM, "-o", "jsonl", "--jobs", "4")
        assert en.stdout == fyra.stdout
        assert len(en.stdout.splitlines()) == 300
        assert en.exit_code == fyra.exit_code

    def test_trasigt_plugin_ger_en_varningsrad(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.syspath_prepend(str(Path(__file__).parent))
        trasig = metadata.EntryPoint("trasig", "testplugins.trasig_import", "finsam")
        vardmodul._VARD = vardmodul.Pluginvard(
            entry_points=[*metadata.entry_points(group="finsam"), trasig]
        )
        resultat = kor("validate", str(EXEMPEL / "eda" / "klart-arende.yaml"), *DATUM)
        assert resultat.exit_code == 0
        assert resultat.stderr == (
            "varning: pluginet trasig (okänd distribution ?): kunde inte laddas: "
            "ImportError: beroendet saknas\n"
        )
        assert "inga fynd" in resultat.stdout

    def test_internt_fel_ger_en_rad_och_debug_ger_sparet(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def kastar(*args: object) -> None:
            raise RuntimeError("något oväntat")

        monkeypatch.setattr(validera, "_bedom", kastar)
        fil = str(EXEMPEL / "eda" / "klart-arende.yaml")
        resultat = CliRunner().invoke(finsam, ["validate", fil])
        assert resultat.exit_code == 3
        assert resultat.stderr.startswith("internt fel: RuntimeError: något oväntat; rapportera")
        assert "Traceback" not in resultat.stderr
        monkeypatch.setattr(sys, "argv", ["finsam", "--debug", "validate", fil])
        resultat = CliRunner().invoke(finsam, ["--debug", "validate", fil])
        assert isinstance(resultat.exception, RuntimeError)


class TestProcess:
    def test_standard_in_med_trasig_rad(self) -> None:
        rader = [
            json.dumps(json.loads((EXEMPEL / "eda" / "gamla-lagen.json").read_text())),
            '{"format": "finsam/1", "id": ',
            json.dumps(json.loads((EXEMPEL / "sofint" / "forlangning.json").read_text())),
        ]
        ut = process("validate", "-", "-o", "jsonl", *DATUM, stdin="\n".join(rader).encode())
        assert ut.returncode == 2
        linjer = [json.loads(r) for r in ut.stdout.splitlines()]
        assert [sorted(r) for r in linjer] == [
            ["datum", "fil", "fynd", "id", "rad", "regelverk"],
            ["indatafel"],
            ["datum", "fil", "fynd", "id", "rad", "regelverk"],
        ]
        assert linjer[1]["indatafel"][0]["rad"] == 2
        assert linjer[1]["indatafel"][0]["fil"] == "<stdin>"
        assert (linjer[0]["id"], linjer[2]["id"]) == ("EDA-IFO-2025-031", "SOFINT-2024-019")

    @pytest.mark.parametrize(
        ("sokvag", "kod"),
        [
            ("examples/eda/klart-arende.yaml", 0),
            ("examples/eda", 1),
            ("examples/finns-inte.yaml", 2),
        ],
    )
    def test_slutkoder(self, sokvag: str, kod: int) -> None:
        assert process("validate", sokvag, *DATUM).returncode == kod

    def test_felaktig_fil_och_mapp(self, tmp_path: Path) -> None:
        (tmp_path / "a.yaml").write_text("format: finsam/1\nid: A\nindivid: {kommun: Gotham}\n")
        (tmp_path / "b.json").write_bytes(b"\x00\x01")
        ut = process("validate", str(tmp_path), *DATUM)
        assert ut.returncode == 2
        assert (
            f"indatafel {tmp_path / 'a.yaml'}:3: individ.kommun: okänd kommun 'Gotham'" in ut.stdout
        )
        assert "filen är binär" in ut.stdout


class TestOvrigaKommandon:
    def test_agenda(self) -> None:
        resultat = kor("agenda", str(EXEMPEL), *DATUM, "--ej-forfallna")
        assert resultat.exit_code == 0
        rader = resultat.stdout.splitlines()
        assert rader[0] == "Öppna frister per 2026-11-23:"
        # The self-referral of 2026-11-16: contact "inom två veckor" (001_…, s. 3) by day 14.
        assert rader[1].startswith("  2026-11-30  om 7 dagar  ENVAGIN-03  Individen kontaktas")
        assert rader[2].endswith(
            "ENVAGIN-2026-104 · " + str(EXEMPEL / "envagin" / "sjalvremiss-pagaende.yaml")
        )
        assert rader[4].startswith("  2026-12-15  om 22 dagar  SOFINT-12  ")
        # ENVAGIN-03, SOFINT-12, -14, -15, -22, and UMEA-31, -35 (umea/etablering-pagaende)
        assert rader[-1] == "0 missade frister, 7 öppna frister per 2026-11-23."
        inom = json.loads(
            kor(
                "agenda", str(EXEMPEL), *DATUM, "--inom", "22", "-o", "json", "--ej-forfallna"
            ).stdout
        )
        assert [(p["frist"], p["regel"]) for p in inom] == [
            ("2026-11-30", "ENVAGIN-03"),
            ("2026-12-15", "SOFINT-12"),
        ]

    def test_explain(self) -> None:
        fil = str(EXEMPEL / "sofint" / "fristproblem.yaml")
        ut = kor("explain", fil, *DATUM).stdout
        stycke = ut[ut.index("SOFINT-07") : ut.index("SOFINT-08")]
        assert "utfall: fynd" in stycke
        assert "fakta: remiss till samverkansteamet 2024-09-02: frist: 2024-09-15" in stycke
        assert "«Svar ska skickas till remittent inom två veckor" in stycke
        data = json.loads(kor("explain", fil, *DATUM, "-o", "json").stdout)
        utfall = {r["regel"]: r["utfall"] for r in data["regler"]}
        assert utfall["SOFINT-07"] == "fynd"
        assert utfall["SOFINT-15"] == "ej tillämplig"
        assert utfall["SOFINT-04"] == "uppfylld"
        assert len(utfall) == 28  # 5 core rules (FINSAM-01…05) and SOFINT-01…23

    def test_rules(self) -> None:
        assert kor("rules").stdout.splitlines()[0].startswith("finsam       5 regler")
        lista = kor("rules", "sofint").stdout.splitlines()
        assert len(lista) == 23
        en = kor("rules", "sofint", "SOFINT-07").stdout
        assert "citat: «Svar ska skickas till remittent inom två veckor" in en
        data = json.loads(kor("rules", "eda", "EDA-10", "-o", "json").stdout)
        assert data["allvarlighet"] == "fel"
        saknas = kor("rules", "eda", "EDA-99")
        assert saknas.exit_code == 2
        assert "ingen regel 'EDA-99'" in saknas.stderr

    def test_plugins(self) -> None:
        data = json.loads(kor("plugins", "-o", "json").stdout)
        assert {p["namn"] for p in data["plugins"]} >= {"finsam-core", "sofint", "eda", "envagin"}
        envagin = next(p for p in data["plugins"] if p["namn"] == "envagin")
        assert (envagin["distribution"], envagin["regelverk"]) == ("finsam-envagin", ["envagin"])
        assert envagin["version"]
        regler = {r["id"]: r["regler"] for r in data["regelverk"]}
        assert (regler["sofint"], regler["envagin"]) == (23, 9)
        assert data["fel"] == []

    def test_schema(self) -> None:
        import jsonschema

        schema = json.loads(kor("schema").stdout)
        jsonschema.Draft202012Validator(schema).validate(
            json.loads((EXEMPEL / "sofint" / "forlangning.json").read_text())
        )

    def test_test(self, tmp_path: Path) -> None:
        ok = kor("test", str(ROT / "tests" / "regler"))
        assert ok.exit_code == 0
        # tests/regler/test_finsam.yaml: 23 tests of FINSAM-01…04 and 4 of FINSAM-05
        assert ok.stdout.splitlines()[-1] == "27 godkända, 0 underkända"
        trasig = tmp_path / "test_trasig.yaml"
        trasig.write_text(
            (ROT / "tests" / "regler" / "test_finsam.yaml")
            .read_text(encoding="utf-8")
            .replace("../../examples", str(EXEMPEL))
            .replace("forvantat: {varning: [FINSAM-02]}", "forvantat: {varning: []}"),
            encoding="utf-8",
        )
        fel = kor("test", str(trasig))
        assert fel.exit_code == 1
        assert fel.stdout.splitlines()[-1] == "25 godkända, 2 underkända"
        assert "UNDERKÄND FINSAM-02 händelse dagen efter avslutet" in fel.stdout
        tom = kor("test", str(tmp_path / "saknas"))
        assert tom.exit_code == 2
        (tmp_path / "tom").mkdir()
        assert kor("test", str(tmp_path / "tom")).exit_code == 5


def test_bortvalt_plugin_sags_och_arendet_ar_indatafel(monkeypatch: pytest.MonkeyPatch) -> None:
    """FINSAM_PLUGINS=eda: a SOFINT case names a rule set that is installed but not loaded;
    the CLI says so instead of only listing its codes as unknown (issue 9)."""
    from finsam_core.plugins.vard import aterstall_vard

    monkeypatch.setenv("FINSAM_PLUGINS", "eda")
    aterstall_vard()
    try:
        resultat = kor("validate", str(EXEMPEL / "sofint" / "fristproblem.yaml"), *DATUM)
    finally:
        aterstall_vard()
    assert resultat.exit_code == 2
    obs = next(r for r in resultat.stderr.splitlines() if r.startswith("obs: "))
    assert obs.startswith("obs: plugin som inte laddas (miljövariabel): ")
    assert "sofint" in obs.split(": ", 2)[2].split(", ")
    assert "eda" not in obs
