"""Registers the same arena data as `arenor_bra`: its ids are taken."""

from finsam_core.regelbygge import RegistreraArenor, hookimpl, las_arenadata
from testplugins.arenor_bra import DATA


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register(las_arenadata(DATA))
