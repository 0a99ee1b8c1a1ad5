"""Start-up (issue 17): checking a case imports only what checking needs.

No timings here (those are in ``benchmarks/fart.py``): each test runs a fresh interpreter
and looks at ``sys.modules`` afterwards. Arenas, reports and the web service are for other
commands; ``multiprocessing`` only for long batches; and working days need Sweden's
calendar from ``holidays``, not the package's every country.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from finsam_core.plugins.hookspecs import RegistreraRapport, hookimpl
from finsam_core.plugins.vard import Pluginvard
from finsam_core.rapport.karnrapporter import KARNRAPPORTER

from .conftest import EXEMPEL, ROT

EJ_FOR_VALIDERING = (
    "finsam_core.arenor",
    "finsam_core.rapport",
    "finsam_core.webb",
    "multiprocessing",
    "holidays.countries",
)
"""Module prefixes that `finsam validate` of one file has no use for."""

_KOR = """
import json, sys
from importlib import metadata
fore = set(sys.modules)
for ep in metadata.entry_points(group="finsam") if {plugins} else ():
    ep.load()  # what the plugins import themselves is theirs, not the command's
plugins = set(sys.modules) - fore
sys.argv = ["finsam", "validate", "--datum", "2026-11-23", *{argument!r}]
from finsam_core.cli import main
kod = 0
try:
    main()
except SystemExit as slut:
    kod = slut.code
print(json.dumps({{"kod": kod, "plugins": sorted(plugins), "alla": sorted(sys.modules)}}))
"""


def _moduler(*argument: str, plugins: bool = True) -> tuple[int, set[str], set[str]]:
    """(exit status, modules the plugins import, all modules) after `finsam validate`."""
    miljo = {**os.environ}
    if not plugins:
        miljo["FINSAM_PLUGINS"] = ""
    kod = _KOR.format(plugins=plugins, argument=list(argument))
    svar = subprocess.run(
        [sys.executable, "-c", kod], capture_output=True, text=True, check=True, env=miljo, cwd=ROT
    )
    data = json.loads(svar.stdout.splitlines()[-1])
    return data["kod"], set(data["plugins"]), set(data["alla"])


def _onodiga(moduler: set[str]) -> set[str]:
    return {m for m in moduler if m.startswith(EJ_FOR_VALIDERING)}


def test_karnan_ensam_importerar_inga_arenor_rapporter_eller_webb() -> None:
    kod, _, moduler = _moduler(
        "-r", "finsam", str(EXEMPEL / "eda" / "gamla-lagen.json"), plugins=False
    )
    assert kod == 0
    assert "finsam_core.regler.motor" in moduler  # the case was checked
    assert _onodiga(moduler) == set()


def test_med_alla_plugin_inga_arenor_rapporter_eller_webb() -> None:
    # Plugins import arena data and report parts inside their hooks and name the hooks'
    # types for type checkers only, so neither loading the plugins nor the command pulls
    # in core's arena, report or web modules.
    kod, pluginens, moduler = _moduler(str(EXEMPEL / "sofint" / "klart-arende.yaml"))
    assert kod == 0
    assert "finsam_sofint.regelverk" in pluginens
    assert _onodiga(pluginens) == set()
    assert _onodiga(moduler) == set()


def test_ett_giltigt_arende_utan_cattrs_och_pluginens_rapporter_och_arenor() -> None:
    # A valid case never leaves the reading fast path, so cattrs (the detailed path) is not
    # imported; plugins import their reports and arenas inside the hooks, which the host
    # calls only for `finsam rapport` and `finsam arenor`.
    kod, _, moduler = _moduler(str(EXEMPEL / "sofint" / "klart-arende.yaml"))
    assert kod == 0
    assert {"finsam_eda.regelverk", "finsam_sodravatterbygden.regelverk"} <= moduler
    assert {m for m in moduler if m.partition(".")[0] == "cattrs"} == set()
    assert {
        m
        for m in moduler
        if m.startswith("finsam_")
        and not m.startswith("finsam_core.")
        and m.rpartition(".")[2] in ("rapporter", "arenor")
    } == set()


def test_ett_felaktigt_arende_far_detaljerade_fel(tmp_path: Path) -> None:
    # The other side of the test above: a case the fast path refuses goes on to cattrs.
    fil = tmp_path / "fel.yaml"
    fil.write_text("format: finsam/1\nid: A-1\nindivid: {kommun: Nora, kon: 1}\n")
    kod, _, moduler = _moduler(str(fil), plugins=False)
    assert kod != 0
    assert "cattrs" in moduler


def test_arbetsdagar_laddar_bara_sveriges_kalender() -> None:
    # forsorjningsstod-klart.yaml reaches a deadline counted in working days.
    kod, _, moduler = _moduler(str(EXEMPEL / "umea" / "forsorjningsstod-klart.yaml"))
    assert kod == 0
    assert "holidays" in moduler
    assert not any(m.startswith("holidays.countries") for m in moduler)


def test_regelbygge_importerar_inga_arenor_eller_rapporter() -> None:
    kod = "import json, sys, finsam_core.regelbygge\nprint(json.dumps(sorted(sys.modules)))"
    ut = subprocess.run([sys.executable, "-c", kod], capture_output=True, text=True, check=True)
    assert _onodiga(set(json.loads(ut.stdout))) == set()


_KALENDRAR = """
import json
from finsam_core.regler.kalender import _sverige
egen = _sverige()  # loaded from its file, before anything imports holidays.countries
from holidays.countries.sweden import Sweden
val = {"include_sundays": False, "categories": ("public", "de_facto")}
ar = range(2020, 2031)
print(json.dumps({
    "modul": egen.__module__,
    "lika": [dict(egen(years=a, **val)) == dict(Sweden(years=a, **val)) for a in ar],
    "namn": [str(egen(years=2025)[d]) == str(Sweden(years=2025)[d]) for d in Sweden(years=2025)],
}))
"""


def test_sveriges_kalender_ar_paketets() -> None:
    ut = subprocess.run(
        [sys.executable, "-c", _KALENDRAR], capture_output=True, text=True, check=True
    )
    svar = json.loads(ut.stdout)
    assert svar["modul"] == "finsam_core.regler._holidays_sweden"
    assert svar["lika"] == [True] * 11
    assert len(svar["namn"]) >= 10
    assert all(svar["namn"])


class _TrasigRapport:
    """A plugin whose report hook raises."""

    @hookimpl
    def finsam_rapporter(self, register: RegistreraRapport) -> None:
        raise RuntimeError("rapporten gick sönder")


def test_rapporter_fragas_efter_forst_nar_de_behovs() -> None:
    vard = Pluginvard(entry_points=[], plugins=[("trasig", _TrasigRapport())])
    assert len(vard.fel) == 0  # checking cases never asks for reports
    assert [r.id for r in vard.rapporter()] == [r.id for r in KARNRAPPORTER]
    assert [p.orsak for p in vard.fel] == [
        "fel i finsam_rapporter: RuntimeError: rapporten gick sönder"
    ]
    vard.rapporter()
    assert len(vard.fel) == 1  # asked once
    ny = Pluginvard(entry_points=[], plugins=[("trasig", _TrasigRapport())])
    assert len(ny.beskrivning()["fel"]) == 1  # `finsam plugins` shows it
