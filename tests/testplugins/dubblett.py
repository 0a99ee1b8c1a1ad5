"""A plugin that reuses another rule set's rule id."""

from __future__ import annotations

from attrs import evolve

from finsam_core import RegistreraRegelverk, hookimpl

from .bra import REGELVERK


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(evolve(REGELVERK, id="kopian"))
