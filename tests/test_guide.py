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


def _rapportmodul() -> object:
    fil = EXEMPEL / "src" / "finsam_exempel" / "rapporter.py"
    spec = importlib.util.spec_from_file_location("finsam_exempel_rapporter", fil)
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def _fall(nummer: int, kommun: str, remiss: str, kontakt: str | None) -> dict[str, object]:
    handelser: list[dict[str, object]] = [
        {"typ": "remiss", "datum": remiss, "fran": "af", "till": "exempelteamet"}
    ]
    if kontakt:
        handelser.append({"typ": "kontakt", "datum": kontakt, "part": "exempelteamet"})
    return {
        "format": "finsam/1",
        "id": f"X-{nummer}",
        "regelverk": ["exempel"],
        "individ": {"kommun": kommun},
        "handelser": handelser,
    }


def test_guidens_rapport() -> None:
    """The "Write your own report" example: counted by hand on six cases."""
    from finsam_core.rapport import Period, Sammanstallning

    vard = Pluginvard(
        plugins=[("exempel", _modul()), ("exempel-rapporter", _rapportmodul())], entry_points=[]
    )
    assert vard.fel == ()
    rapport = vard.rapport("exempel-kontakt")
    assert rapport is not None
    s = Sammanstallning(rapport, Period.tolka("2025-03"), vard.kodverk)
    fall = [
        # Nora: contact after 2, 14 and 15 days; one not contacted; one referred in April.
        _fall(1, "Nora", "2025-03-01", "2025-03-03"),
        _fall(2, "Nora", "2025-03-03", "2025-03-17"),
        _fall(3, "Nora", "2025-03-10", "2025-03-25"),
        _fall(4, "Nora", "2025-03-31", None),
        _fall(5, "Nora", "2025-04-01", "2025-04-02"),
        # Lindesberg: one referral.
        _fall(6, "Lindesberg", "2025-03-05", "2025-03-06"),
    ]
    for data in fall:
        arende = vard.lasare().tolka(data).arende
        assert arende is not None
        s.lagg_till(arende)
    rader = {r["kommun"]: r for r in s.resultat(troskel=None).till_dict()["rader"]}
    # Nora in March: 4 referrals; days 2, 14, 15: median 14; in time 2 of 4.
    assert rader["Nora"] == {
        "kommun": "Nora", "remisser": 4, "dagar_median": 14, "andel_inom_14": 0.5
    }  # fmt: skip
    assert rader["Lindesberg"]["remisser"] == 1
