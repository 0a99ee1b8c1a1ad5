"""A plugin whose hook raises after registering one rule set (which must not load)."""

from __future__ import annotations

from finsam_core import RegistreraRegelverk, hookimpl

from .bra import REGELVERK


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    from attrs import evolve

    register(evolve(REGELVERK, id="halvfardigt", regler=()))
    raise RuntimeError("något gick fel i pluginet")
