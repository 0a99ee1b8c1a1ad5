"""finsam-core rule set ``sodravatterbygden``: Samordningsförbundet Södra Vätterbygden
(Habo, Mullsjö, Vaggeryd, Jönköping)."""

from finsam_sodravatterbygden.regelverk import ENHETER, REGELVERK

__all__ = ["ENHETER", "REGELVERK"]
