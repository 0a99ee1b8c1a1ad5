"""finsam-core rule set ``envagin``: En väg in, Ludvika och Smedjebacken."""

from finsam_envagin.regelverk import REGELVERK

__all__ = ["REGELVERK"]
