"""The "Writing a plugin" guide's example plugin works: its YAML tests pass."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from finsam_core import Pluginvard
from finsam_core.testning import Regeltest, kor_regeltest, las_regeltester

from .conftest import ROT

EXEMPEL = ROT / "docs" / "guide" / "exempel" / "finsam-exempel"


def _modul() -> object:
    fil = EXEMPEL / "src" / "finsam_exempel" / "regelverk.py"
    spec = importlib.util.spec_from_file_location("finsam_exempel_regelverk", fil)
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_guidens_plugin_och_regeltester() -> None:
    vard = Pluginvard(plugins=[("exempel", _modul())], entry_points=[])
    assert vard.fel == ()
    tester = list(las_regeltester(EXEMPEL / "tests" / "test_exempel.yaml"))
    assert len(tester) == 3
    for test in tester:
        assert isinstance(test, Regeltest)
        utfall = kor_regeltest(test, vard)
        assert utfall.ok, (test.namn, utfall.avvikelser)


def test_guidens_pyproject_har_entry_point() -> None:
    text = (EXEMPEL / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.finsam]\nexempel = "finsam_exempel.regelverk"' in text
    assert Path(EXEMPEL / "src" / "finsam_exempel" / "regelverk.py").is_file()
