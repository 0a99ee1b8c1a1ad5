"""Södra Vätterbygden's forums as arenas for routing (section 2.7, F-SVB-1 to F-SVB-4).

The data is ``arenor.yaml`` beside this module: the 37 forums of *Kartläggning av samverkan*
2018–2019 with stable ids ``svb-f01`` … ``svb-f37``, and the gaps (``svb-l…``) the survey's
"Vad behöver utvecklas?" passages name per municipality. ``regelverk.py``'s own
`finsam_arenor` imports this module when arenas are asked for and calls the hook here, so the
entry point that registers the rule set registers the arenas too.
"""

from __future__ import annotations

from importlib.resources import files

from finsam_core.regelbygge import Arenadata, RegistreraArenor, hookimpl, las_arenadata

DATAFIL = "arenor.yaml"


def arenadata() -> Arenadata:
    """The forum data, read and checked against the arena schema."""
    return las_arenadata(files("finsam_sodravatterbygden") / DATAFIL)


@hookimpl
def finsam_arenor(register: RegistreraArenor) -> None:
    register(arenadata())
