"""A plugin that registers one valid arena (and, in `dubblett`, reuses its id)."""

from pathlib import Path

from finsam_core.regelbygge import RegistreraArenor, hookimpl, las_arenadata

DATA = Path(__file__).with_name("arenor_bra.yaml")


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register(las_arenadata(DATA))
