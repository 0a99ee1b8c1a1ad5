"""The caseworker's page of ``finsam serve`` in a real headless Chromium (the OS package).

A real uvicorn serves the page on loopback. For every example a local page posts the case
to the form (as a caseworker pasting it would), and Chromium renders the answer: it shows
every finding the JSON endpoint gives, the timeline with its entries, and logs nothing on
the console. One rendering is also saved as a screenshot (``FINSAM_SKARMBILD=1`` writes
the one the docs show). Skipped without Chromium outside CI, a failure in CI.
"""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

pytest.importorskip("uvicorn", reason="finsam serve needs the extra 'serve'")

import uvicorn
from starlette.testclient import TestClient

from finsam_core.webb import Tjanst, skapa_app

from .conftest import EXEMPEL, PNR_DELAR, ROT
from .test_rapport_html import _chromium

EXEMPELFILER = sorted(p for p in EXEMPEL.rglob("*") if p.suffix in (".yaml", ".json"))
DATUM = "2026-11-23"
SKARMBILD = ROT / "docs" / "guide" / "serve-sida.png"


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def adress() -> Iterator[str]:
    """A real server on loopback, in a thread, stopped after the module's tests."""
    app = skapa_app(Tjanst())
    port = _ledig_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    trad = threading.Thread(target=server.run, daemon=True)
    trad.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    trad.join(timeout=10)


def _skicka(fil: Path, adress: str, datum: str, mapp: Path) -> Path:
    """A local page that posts the case to the form as it is parsed (submitting from
    ``onload`` instead races with ``--dump-dom``, which then prints nothing)."""
    sida = mapp / f"skicka-{fil.stem}.html"
    text = html.escape(fil.read_text(encoding="utf-8"))
    sida.write_text(
        "<!doctype html><html lang='sv'><body>"
        f"<form method='post' action='{adress}' enctype='multipart/form-data'>"
        f"<textarea name='arende'>{text}</textarea>"
        f"<input name='datum' value='{datum}'></form>"
        "<script>document.forms[0].submit()</script></body></html>",
        encoding="utf-8",
    )
    return sida


def _chromium_kor(sida: Path, mapp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    kord = subprocess.run(
        [
            _chromium(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run",
            "--lang=sv-SE", f"--user-data-dir={mapp / 'profil'}", "--enable-logging=stderr",
            "--v=0", "--virtual-time-budget=10000", *extra, sida.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert kord.returncode == 0, kord.stderr[-2000:]
    assert re.findall(r".*:CONSOLE.*", kord.stderr) == []
    return kord


@pytest.mark.parametrize("fil", EXEMPELFILER, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_varje_exempel_i_en_riktig_webblasare(fil: Path, adress: str, tmp_path: Path) -> None:
    with TestClient(skapa_app(Tjanst())) as klient:
        vantat = klient.post(f"/api/v1/validera?datum={DATUM}", content=fil.read_bytes()).json()
    kord = _chromium_kor(_skicka(fil, adress, DATUM, tmp_path), tmp_path, "--dump-dom")
    dom = kord.stdout
    assert f"Ärende {vantat['id']}" in dom
    visade = re.findall(r'<li class="fynd (fel|varning|info)" data-regel="([^"]+)"', dom)
    assert visade == [
        (a, f["regel"])
        for a in ("fel", "varning", "info")
        for f in vantat["fynd"]
        if f["allvarlighet"] == a
    ]
    arende = yaml.safe_load(fil.read_text(encoding="utf-8"))
    for falt, slag in [
        ("handelser", "handelse"), ("samtycken", "samtycke"), ("kartlaggningar", "kartlaggning"),
        ("insatser", "insats"), ("planer", "plan"),
    ]:  # fmt: skip
        assert dom.count(f'data-slag="{slag}"') == len(arende.get(falt, [])), falt
    assert len(re.findall(r'data-slag="frist"', dom)) == sum(
        1 for f in vantat["fynd"] if f["frist"]
    )
    assert 'data-slag="idag"' in dom
    assert not any(p in dom for p in PNR_DELAR)


def test_skarmbild_for_dokumentationen(adress: str, tmp_path: Path) -> None:
    fil = EXEMPEL / "sodravatterbygden" / "jonkoping-brister.yaml"
    bild = SKARMBILD if os.environ.get("FINSAM_SKARMBILD") == "1" else tmp_path / "sida.png"
    _chromium_kor(
        _skicka(fil, adress, "2025-04-16", tmp_path),
        tmp_path,
        "--hide-scrollbars",
        "--window-size=1366,1700",
        f"--screenshot={bild}",
    )
    data = bild.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == 1366  # width from the IHDR chunk
    assert len(data) > 50_000  # a rendered page, not a blank one
    assert SKARMBILD.exists()  # the docs' copy is checked in
