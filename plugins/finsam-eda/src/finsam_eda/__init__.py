"""finsam-core rule set ``eda``: Eda kommun, samverkan mellan IFO och AME."""

from finsam_eda.regelverk import REGELVERK

__all__ = ["REGELVERK"]
