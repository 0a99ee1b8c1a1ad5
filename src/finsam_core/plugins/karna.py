"""Core's own plugin: registers the ``finsam`` rule set the same way any plugin does."""

from __future__ import annotations

from finsam_core.plugins.hookspecs import RegistreraRegelverk, hookimpl
from finsam_core.regler.karnregler import KARNREGELVERK


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(KARNREGELVERK)
