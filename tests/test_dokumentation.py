"""The command outputs shown in the docs are what the commands print."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from finsam_core import hamta_vard
from finsam_core.cli.app import finsam as _finsam

from .conftest import ROT

SIDOR = [ROT / "docs" / "guide" / "handlaggarens-dag.md"]
BLOCK = re.compile(r"```console\n\$ (finsam [^\n]+)\n(.*?)```", re.S)
EXEMPEL = [
    (sida.name, m.group(1), m.group(2))
    for sida in SIDOR
    for m in BLOCK.finditer(sida.read_text(encoding="utf-8"))
]


def test_sidorna_har_exempel() -> None:
    assert len(EXEMPEL) == 5


@pytest.mark.parametrize(("sida", "kommando", "visat"), EXEMPEL, ids=[k for _, k, _ in EXEMPEL])
def test_utdata_i_dokumentationen_stammer(
    sida: str, kommando: str, visat: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROT)
    argument = shlex.split(kommando)[1:]
    faktiskt = CliRunner().invoke(_finsam, argument).stdout.splitlines()
    # Every shown line appears, in order; "…" stands for lines left out of the page.
    position = 0
    for rad in visat.rstrip("\n").splitlines():
        if rad == "…":
            continue
        assert rad in faktiskt[position:], f"{sida}: {rad!r} is not printed by {kommando!r}"
        position = faktiskt.index(rad, position) + 1


def test_varje_installerat_regelverk_har_en_sida_i_innehallet() -> None:
    """Each plugin's rule set has a page under docs/regelverk/ that renders its table."""
    index = (ROT / "docs" / "index.md").read_text(encoding="utf-8")
    plugin_regelverk = [rv.id for rv in hamta_vard().alla_regelverk() if rv.id != "finsam"]
    assert {"sofint", "eda", "envagin"} <= set(plugin_regelverk)
    for regelverk_id in plugin_regelverk:
        sida = ROT / "docs" / "regelverk" / f"{regelverk_id}.md"
        assert f".. finsam-regelverk:: {regelverk_id}\n" in sida.read_text(encoding="utf-8")
        assert f"\nregelverk/{regelverk_id}\n" in index
