"""``finsam serve``: the JSON endpoints and the page's HTML, with Starlette's test client.

The same findings as ``finsam validate --format json`` on every example; every answer
valid against the schema the OpenAPI document gives for it; bad input a 422 or 413, never
a 500; no personnummer in any answer or log line; the token check; the command itself.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

pytest.importorskip("starlette", reason="finsam serve needs the extra 'serve'")

from jsonschema import Draft202012Validator
from starlette.testclient import TestClient

from finsam_core.cli.app import finsam
from finsam_core.webb import Installningar, Tjanst, skapa_app

from .conftest import EXEMPEL, PNR, PNR_DELAR, giltigt_arende

DATUM = "2026-11-23"
EXEMPELFILER = sorted(p for p in EXEMPEL.rglob("*") if p.suffix in (".yaml", ".json"))


@pytest.fixture(scope="module")
def tjanst() -> Tjanst:
    return Tjanst()


@pytest.fixture(scope="module")
def klient(tjanst: Tjanst) -> Iterator[TestClient]:
    with TestClient(skapa_app(tjanst)) as klient:
        yield klient


@pytest.fixture(scope="module")
def dokument(klient: TestClient) -> dict[str, Any]:
    svar = klient.get("/openapi.json")
    assert svar.status_code == 200
    data: dict[str, Any] = svar.json()
    return data


def _giltig(dokument: dict[str, Any], schema: dict[str, Any], data: Any) -> None:
    """*data* is valid against *schema*, whose refs point into the OpenAPI document."""
    validator = Draft202012Validator({**schema, "components": dokument["components"]})
    fel = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert fel == []


def _svarsschema(dokument: dict[str, Any], vag: str, metod: str, status: int) -> dict[str, Any]:
    innehall = dokument["paths"][vag][metod]["responses"][str(status)]["content"]
    schema: dict[str, Any] = next(iter(innehall.values()))
    return schema.get("x-itemSchema", schema["schema"])


def _som_json(fil: Path) -> str:
    """A case file as one line of JSON (YAML dates as ISO text)."""
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    return json.dumps(data, default=lambda d: d.isoformat(), ensure_ascii=False)


def _cli(*argument: str) -> Any:
    resultat = CliRunner().invoke(finsam, list(argument))
    assert "Traceback" not in resultat.output
    return json.loads(resultat.stdout)


def _jamforbart(fynd: dict[str, Any]) -> tuple[Any, ...]:
    """What a finding says, alike in the CLI's shape and the library's."""
    kalla = fynd["kalla"]
    if isinstance(kalla, dict):
        kalla, citat = f"{kalla['dokument']}, {kalla['avsnitt']}", kalla["citat"]
    else:
        citat = fynd["citat"]
    return (
        fynd["regel"],
        fynd["titel"],
        fynd["allvarlighet"],
        fynd["meddelande"],
        kalla,
        citat,
        fynd.get("sokvag"),
        fynd.get("frist"),
        fynd["bedomning"],
    )


# -- one case ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fil", EXEMPELFILER, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_samma_fynd_som_validate_json(
    fil: Path, klient: TestClient, dokument: dict[str, Any]
) -> None:
    cli = _cli("validate", str(fil), "--datum", DATUM, "-o", "json")
    assert cli["indatafel"] == []
    (vantat,) = cli["arenden"]
    svar = klient.post(f"/api/v1/validera?datum={DATUM}", content=fil.read_bytes())
    assert svar.status_code == 200
    data = svar.json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/validera", "post", 200), data)
    assert (data["id"], data["regelverk"], data["datum"]) == (
        vantat["id"],
        vantat["regelverk"],
        DATUM,
    )
    assert [_jamforbart(f) for f in data["fynd"]] == [_jamforbart(f) for f in vantat["fynd"]]
    assert svar.headers["cache-control"] == "no-store"


def test_ett_exempel_har_fynd_att_jamfora() -> None:
    """The comparison above is not vacuous: the examples have findings of every severity."""
    nivaer = set()
    for fil in EXEMPELFILER:
        for arende in _cli("validate", str(fil), "--datum", DATUM, "-o", "json")["arenden"]:
            nivaer.update(f["allvarlighet"] for f in arende["fynd"])
    assert nivaer == {"fel", "varning", "info"}
    assert len(EXEMPELFILER) >= 20


def test_yaml_och_json_ger_samma_svar(klient: TestClient) -> None:
    fil = EXEMPEL / "eda" / "overlamningsproblem.yaml"
    fran_yaml = klient.post(f"/api/v1/validera?datum={DATUM}", content=fil.read_bytes())
    fran_json = klient.post(
        f"/api/v1/validera?datum={DATUM}",
        content=_som_json(fil).encode(),
        headers={"content-type": "application/json"},
    )
    assert fran_yaml.json()["fynd"] == fran_json.json()["fynd"] != []


def test_datum_styr_fristerna(klient: TestClient) -> None:
    """A deadline not passed on the check date is info; the day after, an error (SVB-03's
    deadline in this example is 2025-04-15)."""
    fil = EXEMPEL / "sodravatterbygden" / "jonkoping-brister.yaml"

    def svb_03(datum: str) -> tuple[str, str]:
        data = klient.post(f"/api/v1/validera?datum={datum}", content=fil.read_bytes()).json()
        assert data["datum"] == datum
        (fynd,) = [f for f in data["fynd"] if f["regel"] == "SVB-03"]
        return fynd["allvarlighet"], fynd["frist"]

    assert svb_03("2025-04-15") == ("info", "2025-04-15")
    assert svb_03("2025-04-16") == ("fel", "2025-04-15")


# -- the direct route (Tjanstapp answers POST /api/v1/validera without the router) -----------


def _via_routern(app: Any) -> Any:
    """The same application, every request through Starlette's layers and router."""
    from starlette.applications import Starlette

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        await Starlette.__call__(app, scope, receive, send)

    return asgi


def _dubblett() -> bytes:
    text = json.dumps(giltigt_arende(), indent=1)
    return text.replace('"id": "EDA-TEST-1"', '"id": "EDA-TEST-1",\n "id": "EDA-TEST-2"').encode()


def _kolon_som_escape() -> bytes:
    return json.dumps(giltigt_arende()).replace('"Eda"', '"Ed\\u003a"').encode()


KROPPAR = [
    pytest.param(_som_json(f).encode(), id=f"{f.parent.name}/{f.name}") for f in EXEMPELFILER
] + [
    pytest.param(_dubblett(), id="dubblerad-nyckel"),
    pytest.param(_kolon_som_escape(), id="kolon-som-escape"),
    pytest.param(json.dumps(giltigt_arende()).replace("Eda", "Eda:").encode(), id="kolon-i-text"),
    pytest.param(b"\xef\xbb\xbf" + json.dumps(giltigt_arende()).encode(), id="bom"),
    pytest.param(b'{"format": "finsam/1", "id": "x", "n": 1e999}', id="stort-tal"),
    pytest.param(b'{"format": "finsam/1", "id": "\\ud800"}', id="ensamt-surrogat"),
    pytest.param(b"{" * 300 + b"}" * 300, id="djup"),
    pytest.param(b"[1]", id="lista"),
]


@pytest.mark.parametrize("kropp", KROPPAR)
def test_direkta_vagen_svarar_som_routern(kropp: bytes, tjanst: Tjanst) -> None:
    """Same status, headers and JSON as the same request through the router; the JSON
    bodies are read once by orjson and once by json where it could differ."""
    app = skapa_app(tjanst)
    vag = f"/api/v1/validera?datum={DATUM}"
    with TestClient(app) as direkt, TestClient(_via_routern(app)) as routern:
        svar = direkt.post(vag, content=kropp)
        vantat = routern.post(vag, content=kropp)
    assert svar.status_code == vantat.status_code
    assert svar.json() == vantat.json()
    assert dict(svar.headers) == {
        **dict(vantat.headers),
        "content-length": str(len(svar.content)),
    }


@pytest.mark.parametrize(
    "fraga",
    ["datum=2025-01-01&datum=2026-11-23", "datum=2026%2D11%2D23", "x=1&datum=", "datum=%FF", ""],
)
def test_direkta_vagen_laser_datum_som_routern(fraga: str, tjanst: Tjanst) -> None:
    app = skapa_app(tjanst)
    kropp = json.dumps(giltigt_arende()).encode()
    with TestClient(app) as direkt, TestClient(_via_routern(app)) as routern:
        svar = direkt.post(f"/api/v1/validera?{fraga}", content=kropp)
        vantat = routern.post(f"/api/v1/validera?{fraga}", content=kropp)
    assert (svar.status_code, svar.json()) == (vantat.status_code, vantat.json())


@pytest.mark.parametrize(
    "kropp",
    [
        _dubblett(),
        # the colon the dropped key loses, given back by an escaped one in a string
        _dubblett().replace(b"TEST-2", b"TEST\\u003a2"),
        _dubblett().replace(b"TEST-2", b"TEST\\u003A2"),
    ],
)
def test_dubblerad_nyckel_ar_422_pa_direkta_vagen(kropp: bytes, klient: TestClient) -> None:
    svar = klient.post("/api/v1/validera", content=kropp)
    assert svar.status_code == 422
    (fel,) = svar.json()["indatafel"]
    assert "dubblerad nyckel" in fel["meddelande"]
    assert fel["rad"] == 4


def test_internt_fel_pa_direkta_vagen_ar_500_utan_detaljer(
    tjanst: Tjanst, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from finsam_core.webb import api

    def trasig(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"fel i regel för {PNR}")

    monkeypatch.setattr(api, "kontrollera_kropp", trasig)
    with TestClient(skapa_app(tjanst)) as klient, caplog.at_level(logging.INFO):
        svar = klient.post("/api/v1/validera", json=giltigt_arende())
    assert svar.status_code == 500
    assert svar.json() == {"fel": "internt fel i finsam-core; se tjänstens logg"}
    assert svar.headers["cache-control"] == "no-store"
    logg = "\n".join(r.getMessage() for r in caplog.records)
    assert "internt fel: RuntimeError" in logg
    assert "POST /api/v1/validera 500 " in logg
    assert not any(p in logg for p in PNR_DELAR)


# -- bad input: 422 or 413, never 500 ---------------------------------------------------------


def test_indatafel_ar_422_med_sokvagar(klient: TestClient, dokument: dict[str, Any]) -> None:
    arende = giltigt_arende()
    arende["individ"]["kommun"] = "Atlantis"
    del arende["id"]
    svar = klient.post("/api/v1/validera", json=arende)
    assert svar.status_code == 422
    data = svar.json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/validera", "post", 422), data)
    assert {(f["sokvag"], f["kod"]) for f in data["indatafel"]} == {
        ("id", "saknas"),
        ("individ.kommun", "okand_kommun"),
    }
    assert all(f["meddelande"] for f in data["indatafel"])
    assert data["fynd"] == []


def test_personnummer_maskeras_i_svaret(klient: TestClient) -> None:
    """A personnummer typed into the wrong field is masked in the message that quotes it."""
    arende = giltigt_arende()
    arende["individ"]["kommun"] = PNR
    svar = klient.post("/api/v1/validera", json=arende)
    assert svar.status_code == 422
    (fel,) = svar.json()["indatafel"]
    assert fel["sokvag"] == "individ.kommun"
    assert "19870311-****" in fel["meddelande"]
    assert not any(p in svar.text for p in PNR_DELAR)


@pytest.mark.parametrize(
    "kropp",
    [
        b"",
        b"{",
        b"[1, 2]",
        b"\xff\xfe\x00binary",
        b"- a\n- b\n",
        b"format: finsam/1\nid: [1, 2]\n",
        b"[" * 5000,
        json.dumps({"format": "finsam/1", "id": "x", "individ": {"kommun": 7}}).encode(),
    ],
)
def test_trasig_kropp_ar_422(kropp: bytes, klient: TestClient) -> None:
    for vag in ("/api/v1/validera", "/api/v1/forklara", "/api/v1/arenor"):
        svar = klient.post(vag, content=kropp)
        assert svar.status_code == 422, (vag, svar.text)
        assert svar.json()["indatafel"], vag


def test_felaktigt_datum_ar_422_med_parameterns_namn(klient: TestClient) -> None:
    for datum in ("2026-13-01", "igår", "2026-1-1"):
        svar = klient.post(f"/api/v1/validera?datum={datum}", json=giltigt_arende())
        assert svar.status_code == 422
        (fel,) = svar.json()["indatafel"]
        assert (fel["fil"], fel["sokvag"], fel["kod"]) == ("<förfrågan>", "datum", "ogiltigt_datum")


def test_arende_utan_regelverk_ar_indatafel(klient: TestClient) -> None:
    arende = giltigt_arende()
    del arende["regelverk"]
    svar = klient.post("/api/v1/validera", json=arende)
    assert svar.status_code == 422
    assert svar.json()["indatafel"][0]["kod"] == "inget_regelverk"


def test_fasta_regelverk_ersatter_arendets() -> None:
    arende = giltigt_arende()
    del arende["regelverk"]
    with TestClient(skapa_app(Tjanst(regelverk=["eda"]))) as klient:
        svar = klient.post(f"/api/v1/validera?datum={DATUM}", json=arende)
    assert svar.status_code == 200
    assert svar.json()["regelverk"] == ["finsam", "eda"]


def test_for_stor_forfragan_ar_413() -> None:
    tjanst = Tjanst(installningar=Installningar(max_storlek=2000, max_sats=10_000))
    text = json.dumps(giltigt_arende())
    with TestClient(skapa_app(tjanst)) as klient:
        assert klient.post("/api/v1/validera", content=text.encode()).status_code == 200
        stor = text + " " * (2001 - len(text))
        svar = klient.post("/api/v1/validera", content=stor.encode())
        assert svar.status_code == 413
        assert "högst 2000 byte" in svar.json()["fel"]
        # without a Content-Length (chunked), the limit holds while reading
        svar = klient.post("/api/v1/validera", content=iter([stor[:1000].encode()] * 3))
        assert svar.status_code == 413
        delar = iter([text[:500].encode(), text[500:].encode()])
        assert klient.post("/api/v1/validera", content=delar).status_code == 200
        # a batch: a line over the limit is an input error of that line, the rest are checked
        rader = [text, "x" * 2500, text]
        svar = klient.post("/api/v1/validera/sats", content="\n".join(rader).encode())
        utfall = [json.loads(r) for r in svar.text.splitlines()]
        assert [u["rad"] for u in utfall] == [1, 2, 3]
        assert [bool(u["indatafel"]) for u in utfall] == [False, True, False]
        assert utfall[1]["indatafel"][0]["kod"] == "for_stor"
        # and the whole batch has its own limit
        svar = klient.post("/api/v1/validera/sats", content="\n".join([text] * 30).encode())
        utfall = [json.loads(r) for r in svar.text.splitlines()]
        assert utfall[-1]["indatafel"][0]["meddelande"].startswith("förfrågan är för stor")


# -- batch ------------------------------------------------------------------------------------


def test_sats_strommas_en_rad_per_arende(klient: TestClient, dokument: dict[str, Any]) -> None:
    filer = EXEMPELFILER[:6]
    rader = [_som_json(f) for f in filer]
    kropp = "\n".join([rader[0], "", "{trasig", *rader[1:]]) + "\n"
    # in small chunks that split lines, as a network does
    bitar = [kropp[i : i + 97].encode() for i in range(0, len(kropp), 97)]
    svar = klient.post(f"/api/v1/validera/sats?datum={DATUM}", content=iter(bitar))
    assert svar.status_code == 200
    assert svar.headers["content-type"].startswith("application/x-ndjson")
    utfall = [json.loads(r) for r in svar.text.splitlines()]
    schema = _svarsschema(dokument, "/api/v1/validera/sats", "post", 200)
    for u in utfall:
        _giltig(dokument, schema, u)
    assert [u["rad"] for u in utfall] == [1, 3, 4, 5, 6, 7, 8]  # line 2 is blank
    assert utfall[1]["indatafel"][0]["kod"] == "syntax"
    enskilda = [
        klient.post(f"/api/v1/validera?datum={DATUM}", content=f.read_bytes()).json() for f in filer
    ]
    assert [u["fynd"] for u in utfall if not u["indatafel"]] == [e["fynd"] for e in enskilda]


# -- explain, agenda ----------------------------------------------------------------------------


def test_forklara(klient: TestClient, dokument: dict[str, Any]) -> None:
    fil = EXEMPEL / "eda" / "overlamningsproblem.yaml"
    svar = klient.post(f"/api/v1/forklara?datum={DATUM}", content=fil.read_bytes())
    assert svar.status_code == 200
    data = svar.json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/forklara", "post", 200), data)
    cli = _cli("explain", str(fil), "--datum", DATUM, "-o", "json")
    assert [(r["regel"], r["utfall"]) for r in data["regler"]] == [
        (r["regel"], r["utfall"]) for r in cli["regler"]
    ]
    assert {r["utfall"] for r in data["regler"]} >= {"fynd", "uppfylld"}


def test_agenda_som_cli(klient: TestClient, dokument: dict[str, Any]) -> None:
    filer = [EXEMPEL / "sofint" / "pagaende-nara-arsgrans.yaml", *EXEMPELFILER[:8]]
    kropp = "\n".join(_som_json(f) for f in filer) + "\n{trasig\n"
    datum = "2024-12-01"
    svar = klient.post(f"/api/v1/agenda?datum={datum}", content=kropp.encode())
    assert svar.status_code == 200
    data = svar.json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/agenda", "post", 200), data)
    cli = _cli("agenda", *map(str, filer), "--datum", datum, "-o", "json")
    assert [(p["frist"], p["arende"], p["regel"]) for p in data["agenda"]] == [
        (p["frist"], p["arende"], p["regel"]) for p in cli
    ]
    assert data["agenda"] != []
    assert [e["rad"] for e in data["ej_kontrollerade"]] == [len(filer) + 1]
    inom = klient.post(f"/api/v1/agenda?datum={datum}&inom=0", content=kropp.encode()).json()
    # --inom keeps the open deadlines due that day; missed ones are always shown (as the CLI)
    assert all(p["frist"] == datum for p in inom["agenda"] if p["status"] == "oppen")
    assert any(p["status"] == "missad" for p in inom["agenda"])
    assert klient.post("/api/v1/agenda?inom=-1", content=b"").status_code == 422


# -- routing, reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("fil", sorted((EXEMPEL / "sodravatterbygden").glob("routing-*.yaml")))
def test_arenor_som_cli(fil: Path, klient: TestClient, dokument: dict[str, Any]) -> None:
    svar = klient.post(f"/api/v1/arenor?datum={DATUM}", content=fil.read_bytes())
    assert svar.status_code == 200
    data = svar.json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/arenor", "post", 200), data)
    assert data == _cli("arenor", str(fil), "--datum", DATUM, "-o", "json")


def test_arenor_for_person(klient: TestClient) -> None:
    fraga = "kommun=Habo&alder=25&situation=forsorjningsstod&niva=individ&projekt=true"
    svar = klient.get(f"/api/v1/arenor?{fraga}&datum={DATUM}")
    assert svar.status_code == 200
    cli = _cli(
        "arenor", "--kommun", "Habo", "--alder", "25", "--situation", "forsorjningsstod",
        "--niva", "individ", "--projekt", "--datum", DATUM, "-o", "json",
    )  # fmt: skip
    assert svar.json() == cli
    for fel, sokvag in [
        ("kommun=Atlantis", "kommun"),
        ("alder=25", "kommun"),
        ("kommun=Habo&situation=forsorjningsstd", "situation"),
        ("kommun=Habo&niva=all", "niva"),
        ("kommun=Habo&alder=tjugo", "alder"),
        ("kommun=Habo&kon=x", "kon"),
        ("kommun=Habo&projekt=kanske", "projekt"),
    ]:
        svar = klient.get(f"/api/v1/arenor?{fel}")
        assert svar.status_code == 422, fel
        assert svar.json()["indatafel"][0]["sokvag"] == sokvag


@pytest.mark.parametrize("rapport_id", ["deltagare", "sofint-nyckeltal", "eda-manad", "fynd"])
def test_rapport_som_cli(rapport_id: str, klient: TestClient, dokument: dict[str, Any]) -> None:
    kropp = "\n".join(_som_json(f) for f in EXEMPELFILER) + "\n"
    svar = klient.post(
        f"/api/v1/rapporter/{rapport_id}?period=2025&troskel=3", content=kropp.encode()
    )
    assert svar.status_code == 200, svar.text
    data = svar.json()
    _giltig(dokument, dokument["components"]["schemas"][f"rapport.{rapport_id}"], data)
    cli = _cli(
        "rapport", rapport_id, str(EXEMPEL), "--period", "2025", "--troskel", "3", "-o", "json"
    )
    assert data == cli


def test_rapporter_och_deras_fel(klient: TestClient) -> None:
    lista = klient.get("/api/v1/rapporter").json()
    assert {"deltagare", "fynd", "eda-manad"} <= {r["id"] for r in lista}
    assert klient.post("/api/v1/rapporter/nope?period=2025", content=b"").status_code == 404
    for fraga in ("", "period=2025-13", "period=2025&troskel=2"):
        svar = klient.post(f"/api/v1/rapporter/deltagare?{fraga}", content=b"")
        assert svar.status_code == 422, fraga


# -- what is installed --------------------------------------------------------------------------


def test_regelverk_regler_plugins(klient: TestClient, dokument: dict[str, Any]) -> None:
    alla = klient.get("/api/v1/regelverk").json()
    assert {"finsam", "sofint", "eda", "umea"} <= {rv["id"] for rv in alla}
    _giltig(dokument, _svarsschema(dokument, "/api/v1/regelverk", "get", 200), alla)
    eda = klient.get("/api/v1/regelverk/eda").json()
    assert eda["regler"][0]["id"] == "EDA-01"
    regel = klient.get("/api/v1/regelverk/eda/EDA-03").json()
    assert regel["kalla"]["citat"]
    assert regel["allvarlighet"] == "fel"
    assert klient.get("/api/v1/regelverk/nope").status_code == 404
    assert klient.get("/api/v1/regelverk/eda/EDA-99").status_code == 404
    plugins = klient.get("/api/v1/plugins").json()
    _giltig(dokument, _svarsschema(dokument, "/api/v1/plugins", "get", 200), plugins)
    assert "sofint" in {p["namn"] for p in plugins["plugins"]}
    schema = klient.get("/api/v1/schema/arende").json()
    assert schema["title"] == "finsam/1"


def test_okand_vag_och_metod_ar_json_pa_svenska(klient: TestClient) -> None:
    svar = klient.get("/api/v1/nope")
    assert (svar.status_code, svar.json()) == (404, {"fel": "hittades inte"})
    svar = klient.get("/api/v1/validera")
    assert svar.status_code == 405
    assert svar.json() == {"fel": "metoden stöds inte här"}


# -- the OpenAPI document -----------------------------------------------------------------------


def test_openapi_beskriver_varje_vag(klient: TestClient, dokument: dict[str, Any]) -> None:
    assert dokument["openapi"] == "3.1.0"
    vagar = {
        (r.path, m.lower())
        for r in klient.app.routes  # type: ignore[attr-defined]
        for m in (getattr(r, "methods", None) or ())
        if r.path.startswith(("/api/", "/halsa")) and m != "HEAD"
    }
    beskrivna = {(v, m) for v, metoder in dokument["paths"].items() for m in metoder}
    assert vagar == beskrivna


def test_openapi_scheman_ar_bibliotekets(dokument: dict[str, Any]) -> None:
    """Every schema is valid 2020-12, every $ref resolves, and the output documents are
    finsam_core.utdata's (not a second model)."""
    from finsam_core.utdata import UTDATA, utdata_schema

    scheman = dokument["components"]["schemas"]
    for namn in UTDATA:
        eget = utdata_schema(namn)
        for nyckel in ("$schema", "$id"):
            del eget[nyckel]
        assert scheman[namn] == eget
    for schema in scheman.values():
        Draft202012Validator.check_schema(schema)
    text = json.dumps(dokument)
    for ref in {r.split('"')[0] for r in text.split('"$ref": "')[1:]}:
        assert ref.removeprefix("#/components/schemas/") in scheman, ref
    _giltig(
        dokument, {"$ref": "#/components/schemas/arende"}, json.loads(_som_json(EXEMPELFILER[0]))
    )


# -- access, headers, log -----------------------------------------------------------------------


def test_nyckel_kravs_nar_den_ar_satt() -> None:
    tjanst = Tjanst(installningar=Installningar(token="hemlig-nyckel"))
    with TestClient(skapa_app(tjanst)) as klient:
        assert klient.post("/api/v1/validera", json=giltigt_arende()).status_code == 401
        fel = {"Authorization": "Bearer fel-nyckel"}
        assert (
            klient.post("/api/v1/validera", json=giltigt_arende(), headers=fel).status_code == 401
        )
        ratt = {"Authorization": "Bearer hemlig-nyckel"}
        svar = klient.post(f"/api/v1/validera?datum={DATUM}", json=giltigt_arende(), headers=ratt)
        assert svar.status_code == 200
        assert klient.get("/halsa").status_code == 200
        assert klient.get("/").status_code == 200  # the empty form
        formular = {"arende": json.dumps(giltigt_arende()), "datum": DATUM}
        assert klient.post("/", data=formular).status_code == 401
        assert klient.post("/", data={**formular, "nyckel": "fel"}).status_code == 401
        svar = klient.post("/", data={**formular, "nyckel": "hemlig-nyckel"})
        assert svar.status_code == 200
        assert 'id="fynd"' in svar.text


def test_sakerhetshuvuden(klient: TestClient) -> None:
    svar = klient.get("/")
    assert svar.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in svar.headers["content-security-policy"]
    assert svar.headers["cache-control"] == "no-store"


def test_loggen_har_inget_innehall(klient: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    arende = giltigt_arende()
    with caplog.at_level(logging.INFO, logger="finsam.serve"):
        klient.post(f"/api/v1/validera?datum={DATUM}", json=arende)
        klient.post("/", data={"arende": json.dumps(arende), "datum": DATUM})
    rader = [r.getMessage() for r in caplog.records if r.name == "finsam.serve"]
    assert rader[0].startswith("POST /api/v1/validera 200 ")
    assert rader[1].startswith("POST / 200 ")
    logg = "\n".join(rader)
    assert DATUM not in logg
    assert arende["id"] not in logg
    assert not any(p in logg for p in PNR_DELAR)


# -- the page (HTML; the real browser is in test_serve_sida.py) ---------------------------------


def test_sidan_visar_fynd_tidslinje_agenda_och_arenor(klient: TestClient) -> None:
    fil = EXEMPEL / "sodravatterbygden" / "jonkoping-brister.yaml"
    svar = klient.post("/", data={"datum": DATUM}, files={"fil": (fil.name, fil.read_bytes())})
    assert svar.status_code == 200
    html = svar.text
    data = klient.post(f"/api/v1/validera?datum={DATUM}", content=fil.read_bytes()).json()
    assert data["fynd"]
    for f in data["fynd"]:
        assert f'data-regel="{f["regel"]}"' in html
    for rubrik in ('id="tidslinje"', 'id="fynd"', 'id="agenda"', 'id="arenor"'):
        assert rubrik in html
    assert '<html lang="sv">' in html
    assert not any(p in html for p in PNR_DELAR)


def test_sidans_tidslinje_visar_namn_inte_koder(klient: TestClient) -> None:
    """Event types, meeting types, units and other codes by their Swedish names."""
    import re

    fil = EXEMPEL / "sofint" / "klart-arende.yaml"
    svar = klient.post("/", data={"datum": DATUM}, files={"fil": (fil.name, fil.read_bytes())})
    assert svar.status_code == 200
    rubriker = set(re.findall(r'<span class="rubrik">([^<]*)</span>', svar.text))
    assert {"Remiss", "Återkoppling", "Inskrivning", "Teammöte", "Samtycke"} <= rubriker
    assert not {"aterkoppling", "mote", "remiss", "inskrivning", "samtycke"} & rubriker
    assert "fran: Samverkansteamet (SOFINT)" in svar.text
    assert "motestyp:" not in svar.text  # the meeting's type is its heading
    assert "fran: samverkansteamet" not in svar.text


def test_sidan_med_personnummer_och_indatafel(klient: TestClient) -> None:
    arende = giltigt_arende()
    assert arende["individ"]["personnummer"] == PNR
    svar = klient.post("/", data={"arende": json.dumps(arende), "datum": DATUM})
    assert svar.status_code == 200
    assert not any(p in svar.text for p in PNR_DELAR)  # not even in the form
    arende["individ"]["kommun"] = "Atlantis"
    svar = klient.post("/", data={"arende": yaml.safe_dump(arende), "datum": DATUM})
    assert svar.status_code == 422
    assert "individ.kommun" in svar.text
    assert 'role="alert"' in svar.text
    assert not any(p in svar.text for p in PNR_DELAR)
    assert klient.post("/", data={"arende": "", "datum": DATUM}).status_code == 422
    assert klient.post("/", data={"arende": "x", "datum": "igår"}).status_code == 422


def test_sidans_formular_har_etiketter(klient: TestClient) -> None:
    html = klient.get("/").text
    for falt in ("arende", "fil", "datum"):
        assert f'<label for="{falt}">' in html
        assert f'id="{falt}"' in html
    assert 'href="/statisk/sida.css"' in html
    assert klient.get("/statisk/sida.css").status_code == 200
    assert "http://" not in html
    assert "https://" not in html


# -- the command ---------------------------------------------------------------------------------


def test_kommandot_startar_uvicorn_med_installningarna(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    anrop: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: anrop.update(app=app, **kw))
    monkeypatch.delenv("FINSAM_SERVE_TOKEN", raising=False)
    resultat = CliRunner().invoke(finsam, ["serve", "--port", "8999", "-r", "eda"])
    assert resultat.exit_code == 0, resultat.output
    assert (anrop["host"], anrop["port"], anrop["access_log"]) == ("127.0.0.1", 8999, False)
    assert anrop["proxy_headers"] is False
    assert "utan åtkomstnyckel" in resultat.stderr
    assert "obs:" not in resultat.stderr
    tjanst = anrop["app"].state.tjanst
    assert tjanst.kontrollant.regelverk == ("finsam", "eda")

    resultat = CliRunner().invoke(finsam, ["serve", "--host", "0.0.0.0"])
    assert "obs: tjänsten lyssnar på 0.0.0.0" in resultat.stderr
    assert "sätt FINSAM_SERVE_TOKEN" in resultat.stderr
    monkeypatch.setenv("FINSAM_SERVE_TOKEN", "k")
    resultat = CliRunner().invoke(finsam, ["serve", "--host", "::"])
    assert "obs: tjänsten lyssnar på ::" in resultat.stderr
    assert "sätt" not in resultat.stderr
    assert anrop["app"].state.tjanst.installningar.token == "k"


def test_workers_startar_processer_med_samma_installningar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uvicorn

    from finsam_core.cli.serve import INSTALLNINGAR_MILJO, app_for_worker

    anrop: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: anrop.update(app=app, **kw))
    monkeypatch.setenv(INSTALLNINGAR_MILJO, "")  # restored after the test
    monkeypatch.setenv("FINSAM_SERVE_TOKEN", "hemlig-nyckel")
    argument = ["serve", "--workers", "3", "-r", "eda", "--max-storlek", "1234"]
    resultat = CliRunner().invoke(finsam, argument)
    assert resultat.exit_code == 0, resultat.output
    assert (anrop["app"], anrop["factory"], anrop["workers"]) == (
        "finsam_core.cli.serve:app_for_worker",
        True,
        3,
    )
    assert "3 processer" in resultat.stderr
    tjanst = app_for_worker().state.tjanst  # what each worker builds
    assert tjanst.kontrollant.regelverk == ("finsam", "eda")
    assert tjanst.installningar == Installningar(max_storlek=1234, token="hemlig-nyckel")
    assert "hemlig-nyckel" not in os.environ[INSTALLNINGAR_MILJO]


def test_okant_regelverk_stoppar_starten(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: pytest.fail("startade ändå"))
    resultat = CliRunner().invoke(finsam, ["serve", "-r", "nope"])
    assert resultat.exit_code == 2
    assert resultat.stderr.startswith("fel: okänt regelverk 'nope'")


def test_hjalp_laddar_inte_webbstacken() -> None:
    import subprocess

    kod = (
        "import sys\nfrom finsam_core.cli import main\nsys.argv = ['finsam', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('starlette' in sys.modules, 'uvicorn' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    ut = subprocess.run([sys.executable, "-c", kod], capture_output=True, text=True, check=True)
    assert "serve" in ut.stdout
    assert ut.stdout.splitlines()[-1] == "False False False"


def test_utan_tillagget_sager_kommandot_hur(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    resultat = CliRunner().invoke(finsam, ["serve"])
    assert resultat.exit_code == 2
    assert "pip install 'finsam-core[serve]'" in resultat.stderr


def test_idag_ar_standarddatum(klient: TestClient) -> None:
    svar = klient.post("/api/v1/validera", json=giltigt_arende())
    assert svar.json()["datum"] == date.today().isoformat()
