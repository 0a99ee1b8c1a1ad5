"""Import layers go one way: model ← format ← rules ← reports ← plugins ← cli
(../shared/style.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import finsam_core

PAKET = Path(finsam_core.__file__).parent
LAGER = [
    "model", "format", "regler", "arenor", "rapport", "utdata", "plugins", "regelbygge",
    "kontrollant", "testning", "sphinxext", "cli",
]  # fmt: skip


def _importer(fil: Path) -> set[str]:
    moduler: set[str] = set()
    for nod in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
        if isinstance(nod, ast.ImportFrom) and nod.module:
            moduler.add(nod.module)
        elif isinstance(nod, ast.Import):
            moduler.update(alias.name for alias in nod.names)
    return moduler


def _lager(modul: str) -> str | None:
    delar = modul.split(".")
    if delar[0] != "finsam_core" or len(delar) < 2:
        return None
    return delar[1] if delar[1] in LAGER else None


def test_inget_lager_importerar_ett_hogre() -> None:
    brott = []
    for fil in PAKET.rglob("*.py"):
        eget = _lager("finsam_core." + ".".join(fil.relative_to(PAKET).with_suffix("").parts))
        if eget is None:
            continue
        for modul in _importer(fil):
            annat = _lager(modul)
            if annat is not None and LAGER.index(annat) > LAGER.index(eget):
                brott.append(f"{fil.relative_to(PAKET)} ({eget}) importerar {modul} ({annat})")
    assert brott == []


def test_karnan_importerar_inga_plugins() -> None:
    for fil in PAKET.rglob("*.py"):
        assert not any(
            m.startswith(("finsam_sofint", "finsam_eda", "finsam_envagin", "finsam_umea"))
            for m in _importer(fil)
        ), fil


def test_kontrollen_ser_ett_brott(tmp_path: Path) -> None:
    fil = tmp_path / "x.py"
    fil.write_text("from finsam_core.cli import main\nimport finsam_core.regler.motor\n")
    assert {_lager(m) for m in _importer(fil)} == {"cli", "regler"}
    assert _lager("finsam_core.model.arende") == "model"
    assert _lager("attrs") is None


def test_plugins_importerar_bara_regelbygge() -> None:
    """Plugin authors need one module (issue 9, item 5): the plugins and the guide's
    example import finsam-core only through ``finsam_core.regelbygge``."""
    rot = PAKET.parents[1]
    kallor = [
        *rot.glob("plugins/*/src/*/*.py"),
        *rot.glob("docs/guide/exempel/*/src/*/*.py"),
    ]
    assert len(kallor) >= 3
    andra = {
        f"{fil.relative_to(rot)}: {modul}"
        for fil in kallor
        for modul in _importer(fil)
        if modul.startswith("finsam_core") and modul != "finsam_core.regelbygge"
    }
    assert andra == set()
