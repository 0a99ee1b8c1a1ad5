"""A plugin that registers something that is not a rule set, and extends a missing one."""

from __future__ import annotations

from typing import Any

from finsam_core import UtokaRegelverk, hookimpl


@hookimpl
def finsam_regelverk(register: Any) -> None:
    register("inte ett regelverk")


@hookimpl
def finsam_utoka(utoka: UtokaRegelverk) -> None:
    utoka("finns_inte", regler=[])
