"""Registers something that is not `Arenadata`."""

from finsam_core.regelbygge import RegistreraArenor, hookimpl


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register("arenor.yaml")  # type: ignore[arg-type]
