"""Plans (`Plan`): SIP, handlingsplan, överenskommelse and the like."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from finsam_core.model.koder import Enhetskod, Planstatus, Plantyp

UPPRATTAD = "upprattad"


@frozen
class Plan:
    """A plan of ``typ`` (SIP, handlingsplan, överenskommelse …) drawn up on ``datum``.

    ``status`` says whether the plan was drawn up (``upprattad``), only offered
    (``erbjuden``: ``datum`` is the day of the offer) or declined by the person (``avbojd``:
    ``datum`` is the day the offer was made or declined). A plan without ``status`` is drawn up,
    as every plan was before the field existed:

    >>> Plan("sip", date(2025, 3, 1)).upprattad
    True
    >>> Plan("sip", date(2025, 3, 1), status="avbojd").upprattad
    False
    """

    typ: Plantyp
    datum: date
    parter: tuple[Enhetskod, ...] = ()
    huvudansvar: Enhetskod | None = None
    """For a SIP: which party leads."""
    status: Planstatus | None = None
    """``erbjuden`` | ``upprattad`` | ``avbojd``; absent means ``upprattad``."""
    individen_delaktig: bool | None = None
    """Whether the person took part in drawing up the plan; None when not recorded."""

    @property
    def upprattad(self) -> bool:
        """True if the plan was drawn up: ``status`` is ``upprattad`` or absent."""
        return self.status is None or self.status == UPPRATTAD
