"""Plans (`Plan`): SIP, handlingsplan, överenskommelse and the like."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from finsam_core.model.koder import Enhetskod, Plantyp


@frozen
class Plan:
    """A plan of ``typ`` (SIP, handlingsplan, överenskommelse …) drawn up on ``datum``."""

    typ: Plantyp
    datum: date
    parter: tuple[Enhetskod, ...] = ()
    huvudansvar: Enhetskod | None = None
    """For a SIP: which party leads."""
