"""The embedding guide's examples (docs/guide/inbaddning/) run as the guide says (issue 9)."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from finsam_core import Konfigurationsfel, Kontrollant, Pluginvard, Utokning

from .conftest import EXEMPEL, ROT

MAPP = ROT / "docs" / "guide" / "inbaddning"
DAG = date(2026, 11, 23)


def _modul(namn: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"inbaddning_{namn}", MAPP / f"{namn}.py")
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # so that worker processes can find its functions
    spec.loader.exec_module(modul)
    return modul


def _post(port: int, sokvag: str, kropp: bytes) -> tuple[int, Any]:
    fraga = urllib.request.Request(f"http://127.0.0.1:{port}{sokvag}", data=kropp, method="POST")
    try:
        with urllib.request.urlopen(fraga, timeout=10) as svar:
            return svar.status, json.loads(svar.read())
    except urllib.error.HTTPError as fel:
        innehall = fel.read()
        return fel.code, json.loads(innehall) if innehall.startswith(b"{") else None


def test_http_tjansten_svarar_som_biblioteket() -> None:
    modul = _modul("http_tjanst")
    server = modul.tjanst(0)  # any free port on localhost
    trad = threading.Thread(target=server.serve_forever, daemon=True)
    trad.start()
    try:
        port = server.server_address[1]
        fil = EXEMPEL / "sofint" / "fristproblem.yaml"
        status, data = _post(port, "/kontrollera", fil.read_bytes())
        forvantat = Kontrollant().kontrollera(fil.read_bytes(), datum=date.today()).till_dict()
        assert status == 200
        assert data == forvantat
        assert any(f["regel"] == "SOFINT-07" for f in data["fynd"])
        status, data = _post(port, "/kontrollera", b'{"format": "finsam/1"')
        assert status == 422
        assert data["indatafel"][0]["kod"] == "syntax"
        assert _post(port, "/annat", b"{}")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


def test_tradar_ger_samma_svar_i_samma_ordning() -> None:
    modul = _modul("tradar")
    svar = modul.alla(str(EXEMPEL / "sofint"))
    filer = sorted((EXEMPEL / "sofint").glob("*.yaml"))
    assert [s.fil for s in svar] == [str(f) for f in filer]
    en_i_taget = [modul.kontrollera_fil(f).till_dict() for f in filer]
    assert [s.till_dict() for s in svar] == en_i_taget


def test_processer_ger_samma_svar_som_en_process() -> None:
    modul = _modul("processer")
    generera = importlib.util.spec_from_file_location(
        "generera", ROT / "benchmarks" / "generera.py"
    )
    assert generera is not None
    assert generera.loader is not None
    gen = importlib.util.module_from_spec(generera)
    generera.loader.exec_module(gen)
    rader = [json.dumps(a, ensure_ascii=False) for a in gen.arenden(600, seed=3)]
    parallellt = modul.kontrollera_jsonl(rader, processer=2, sats=100)
    kontrollant = Kontrollant()
    assert parallellt == [kontrollant.kontrollera(r, datum=DAG).till_dict() for r in rader]


def test_lokala_regler_tillskrivs_den_som_lagger_till_dem(tmp_path: Path) -> None:
    modul = _modul("lokala_regler")
    regel = modul.vard.regel("LINDESBERG-SOFINT-01")
    assert regel.regelverk == "sofint"
    assert regel.ursprung is not None
    assert regel.ursprung.plugin == "Lindesbergs kommun"
    fil = EXEMPEL / "sofint" / "fristproblem.yaml"
    resultat = modul.kontrollant.kontrollera(fil, datum=DAG)
    kontakter = modul.kontrollant.las(fil).arende.individ.kontakter
    lokala = [f for f in resultat.fynd if f.regel == "LINDESBERG-SOFINT-01"]
    assert len(lokala) == (0 if "socialtjanst" in kontakter else 1)


def test_lokal_regel_som_kraschar_namner_den_som_lade_till_den() -> None:
    from finsam_core.regelbygge import FEL, Kalla, Regel

    def trasig(ctx: Any) -> None:
        raise RuntimeError("oväntat")

    regel = Regel(
        id="NORA-SOFINT-01", titel="Trasig", allvarlighet=FEL,
        kalla=Kalla("nora.txt", "1", "Det ska vara så."), kontroll=trasig,
    )  # fmt: skip
    vard = Pluginvard(utokningar=[Utokning("sofint", regler=(regel,), av="Nora kommun")])
    resultat = Kontrollant(vard).kontrollera(EXEMPEL / "sofint" / "fristproblem.yaml", datum=DAG)
    (fel,) = [f for f in resultat.fynd if f.regel == "NORA-SOFINT-01"]
    assert "(plugin Nora kommun, lokal utökning registrerad i koden)" in fel.meddelande
    assert "finsam-sofint" not in fel.meddelande


def test_lokal_regel_med_upptaget_id_ar_konfigurationsfel() -> None:
    from finsam_core.regelbygge import FEL, Kalla, Regel

    kopia = Regel(
        id="EDA-01", titel="Kopia", allvarlighet=FEL,
        kalla=Kalla("x.txt", "1", "Det ska vara så."), kontroll=lambda ctx: None,
    )  # fmt: skip
    with pytest.raises(Konfigurationsfel, match="EDA-01"):
        Pluginvard(utokningar=[Utokning("sofint", regler=(kopia,))])
    with pytest.raises(Konfigurationsfel, match="finns_ej"):
        Pluginvard(utokningar=[Utokning("finns_ej", regler=(kopia,))])
