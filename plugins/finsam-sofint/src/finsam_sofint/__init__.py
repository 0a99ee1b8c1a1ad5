"""finsam-core rule set ``sofint``: SOFINT Samverkansteamet, norra Örebro län."""

from finsam_sofint.regelverk import REGELVERK, SAMVERKANSTEAMET

__all__ = ["REGELVERK", "SAMVERKANSTEAMET"]
