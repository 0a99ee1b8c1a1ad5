"""A plugin with a good rule set and an arena data file that breaks the schema."""

from pathlib import Path

from finsam_core.regelbygge import (
    Regelverk,
    RegistreraArenor,
    RegistreraRegelverk,
    hookimpl,
    las_arenadata,
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(Regelverk(id="arenaverk", namn="Arenaverk", agare="test", version="1", regler=()))


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register(las_arenadata(Path(__file__).with_name("trasiga_arenor.yaml")))
