"""finsam-core rule set ``envagin``: En väg in, Ludvika och Smedjebacken."""

from finsam_envagin.regelverk import ENVAGIN_ARENA, REGELVERK

__all__ = ["ENVAGIN_ARENA", "REGELVERK"]
