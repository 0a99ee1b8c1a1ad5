"""A rule set that adds a huvudman and a unit of it in the same registration (karna.md C1)."""

from __future__ import annotations

from finsam_core import Enhet, Kodslag, Regelverk, RegistreraRegelverk, hookimpl

REGELVERK = Regelverk(
    id="kyrkverk",
    namn="Forum med kyrkorna",
    agare="Testförbundet",
    version="1.0",
    regler=(),
    enheter=(
        Enhet("diakonin", "Diakonin", "trossamfund", kommun="Jönköping"),
        Enhet("folkhogskola", "Folkhögskolan", "ovrig"),
    ),
    koder={Kodslag.HUVUDMAN: {"trossamfund": "Trossamfund"}},
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)
