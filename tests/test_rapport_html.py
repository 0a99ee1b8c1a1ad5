"""The HTML report in a real headless browser (Chromium from the OS packages).

It renders (the page's own check of its table against its JSON ran and passed), logs no
console message (no error, no refused request), and every number in the rendered table
equals the JSON output of the same command. Skipped only when Chromium is missing outside
CI; with ``CI=true`` a missing browser is a failure (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from finsam_core.cli.app import finsam

from .conftest import ROT


def _chromium() -> str:
    for namn in (os.environ.get("FINSAM_CHROMIUM"), "chromium", "chromium-browser"):
        if namn and shutil.which(namn):
            return str(shutil.which(namn))
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium saknas i CI: .ci/run ska installera paketet chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium); CI=true fails instead")


class _Tabell(HTMLParser):
    """The rendered table's cells: (data-matt, data-varde, shown text) per row."""

    def __init__(self) -> None:
        super().__init__()
        self.rader: list[list[tuple[str, str, str]]] = []
        self.kontroll: str | None = None
        self._cell: tuple[str, str] | None = None
        self._text = ""
        self._i_tbody = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.kontroll = a.get("data-kontroll")
        elif tag == "tbody":
            self._i_tbody = True
        elif tag == "tr" and self._i_tbody:
            self.rader.append([])
        elif tag == "td" and "data-matt" in a:
            self._cell = (a["data-matt"] or "", a["data-varde"] or "")
            self._text = ""

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rader[-1].append((*self._cell, self._text))
            self._cell = None
        elif tag == "tbody":
            self._i_tbody = False


def _visat(varde: object) -> str:
    """How the page shows a JSON value: counts as is, shares as whole percent."""
    if varde is None:
        return "–"
    if isinstance(varde, float) and 0 <= varde <= 1:
        return f"{round(100 * varde)} %"
    return str(varde).replace(".", ",")


@pytest.mark.parametrize("rapport_id", ["deltagare", "sofint-nyckeltal", "eda-manad"])
def test_sidan_i_en_riktig_webblasare(rapport_id: str, tmp_path: Path) -> None:
    chromium = _chromium()
    argument = ["rapport", rapport_id, str(ROT / "examples"), "--period", "2025", "--troskel", "3"]
    sida = CliRunner().invoke(finsam, [*argument, "-o", "html"])
    data = json.loads(CliRunner().invoke(finsam, [*argument, "-o", "json"]).stdout)
    fil = tmp_path / "rapport.html"
    fil.write_text(sida.stdout, encoding="utf-8")
    kord = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profil'}", "--enable-logging=stderr", "--v=0",
            "--dump-dom", fil.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert kord.returncode == 0, kord.stderr[-2000:]
    assert re.findall(r".*:CONSOLE.*", kord.stderr) == []
    tabell = _Tabell()
    tabell.feed(kord.stdout)
    assert tabell.kontroll == "ok"  # the page's script ran and found table == JSON
    vantade = data["rader"] + ([data["totalt"]] if data["totalt"] else [])
    assert len(tabell.rader) == len(vantade)
    for rad, json_rad in zip(tabell.rader, vantade, strict=True):
        assert [m for m, _, _ in rad] == [m["namn"] for m in data["matt"]]
        for matt, varde, text in rad:
            assert json.loads(varde) == json_rad[matt]
            assert text == _visat(json_rad[matt])


def test_utan_chromium_hoppas_over_bara_utanfor_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda namn: None)
    monkeypatch.delenv("FINSAM_CHROMIUM", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium saknas i CI"):
        _chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _chromium()
