"""The report outputs shown in docs/rapporter are what ``finsam rapport`` prints."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from finsam_core.cli.app import finsam

from .conftest import ROT

BLOCK = re.compile(r"```console\n\$ (finsam [^\n]+)\n(.*?)```", re.S)
EXEMPEL = [
    (sida.name, m.group(1), m.group(2))
    for sida in sorted((ROT / "docs" / "rapporter").glob("*.md"))
    for m in BLOCK.finditer(sida.read_text(encoding="utf-8"))
]


def test_varje_skeppad_rapport_har_en_sida() -> None:
    sidor = {p.stem for p in (ROT / "docs" / "rapporter").glob("*.md")}
    assert {"deltagare", "fynd", "eda-manad", "sofint-nyckeltal", "envagin-ledtider"} <= sidor
    assert len(EXEMPEL) == 4


@pytest.mark.parametrize(("sida", "kommando", "visat"), EXEMPEL, ids=[k for _, k, _ in EXEMPEL])
def test_utdata_i_dokumentationen_stammer(
    sida: str, kommando: str, visat: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROT)
    faktiskt = (
        CliRunner().invoke(finsam, shlex.split(kommando)[1:]).stdout.replace("\r", "")
    ).splitlines()
    position = 0
    for rad in visat.rstrip("\n").splitlines():
        if rad == "…":
            continue
        assert rad in faktiskt[position:], f"{sida}: {rad!r} is not printed by {kommando!r}"
        position = faktiskt.index(rad, position) + 1
