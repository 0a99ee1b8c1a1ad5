"""Protected identity (*skyddade personuppgifter*): what a finding may not show.

For a person marked ``skyddade_personuppgifter`` (in ``individ.omstandigheter`` or
``individ.omstandighetsperioder``) no output shows the personnummer or any part of it (not
even the masked date part), the date of birth, the municipality (name or code), the
district, or the case's free text (``avser``, ``beslutad_av``): each is replaced by
``[skyddat]`` in every finding and fact before the result leaves the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from finsam_core.model.arende import Arende
from finsam_core.model.individ import Individ
from finsam_core.regler.fynd import Fynd

SKYDDAT = "[skyddat]"


def _fritext(arende: Arende) -> Iterator[str]:
    for handelse in arende.handelser:
        for namn in ("avser", "beslutad_av"):
            varde = getattr(handelse, namn, None)
            if isinstance(varde, str) and varde.strip():
                yield varde.strip()


def _hemligheter(arende: Arende) -> list[str]:
    individ: Individ = arende.individ
    texter: list[str] = [individ.kommun.namn, individ.kommun.kod]
    if individ.kommundel:
        texter.append(individ.kommundel)
    fodd = individ.fodd
    if fodd is not None:
        texter += [fodd.isoformat(), fodd.strftime("%Y%m%d"), fodd.strftime("%y%m%d")]
    if individ.personnummer is not None:
        siffror = individ.personnummer.siffror
        texter += [siffror[:8], siffror[2:8]]
    texter += _fritext(arende)
    # Longest first, so that a district named like part of a note is still replaced whole.
    return sorted({t for t in texter if len(t) >= 2}, key=len, reverse=True)


def skyddsmonster(arende: Arende) -> re.Pattern[str] | None:
    """What must not be shown for *arende*'s person, as one pattern; None if not
    protected."""
    if not arende.individ.skyddad:
        return None
    return re.compile("|".join(re.escape(t) for t in _hemligheter(arende)), re.IGNORECASE)


def skydda_text(text: str, monster: re.Pattern[str] | None) -> str:
    """*text* with every protected detail replaced by ``[skyddat]``."""
    return text if monster is None else monster.sub(SKYDDAT, text)


def skydda_fynd(fynd: Iterable[Fynd], monster: re.Pattern[str] | None) -> tuple[Fynd, ...]:
    """Each finding with its message passed through `skydda_text`."""
    if monster is None:
        return tuple(fynd)
    return tuple(attrs.evolve(f, meddelande=skydda_text(f.meddelande, monster)) for f in fynd)
