"""Core's own plugin: registers the ``finsam`` rule set and core's reports the same way any
plugin does."""

from __future__ import annotations

from finsam_core.plugins.hookspecs import RegistreraRapport, RegistreraRegelverk, hookimpl
from finsam_core.regler.karnregler import KARNREGELVERK


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(KARNREGELVERK)


@hookimpl
def finsam_rapporter(register: RegistreraRapport) -> None:
    # Imported here: reports are loaded the first time they are needed, not at start-up.
    from finsam_core.rapport.karnrapporter import KARNRAPPORTER

    for rapport in KARNRAPPORTER:
        register(rapport)
