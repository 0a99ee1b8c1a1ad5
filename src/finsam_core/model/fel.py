"""The one exception the model raises for inconsistent values (end before start, and so on)."""

from __future__ import annotations

from datetime import date

from finsam_core.model.finsamfel import Finsamfel

FORSTA_DAG = date(1800, 1, 1)
SISTA_DAG = date(2199, 12, 31)
"""The dates a case may hold (both included). Far enough from the calendar's ends
(0001-01-01, 9999-12-31) that no deadline or age computed from them can overflow."""


def inom_kalendern(dag: date) -> bool:
    """True if *dag* is between `FORSTA_DAG` and `SISTA_DAG`."""
    return FORSTA_DAG <= dag <= SISTA_DAG


UTANFOR_KALENDERN = (
    f"ligger utanför de datum ett ärende kan ha ({FORSTA_DAG.year}–{SISTA_DAG.year})"
)


class Modellfel(Finsamfel, ValueError):
    """A value object was given values that contradict each other.

    *falt* names the field the message is about, relative to the object, so that the format
    layer can report a full path such as ``handelser[3].slut``. Messages are Swedish.
    """

    def __init__(self, meddelande: str, falt: str | None = None) -> None:
        super().__init__(meddelande)
        self.meddelande = meddelande
        self.falt = falt


def kontrollera_period(
    start: object, slut: object, falt: str = "slut", *, startfalt: str = "start"
) -> None:
    """Raise `Modellfel` if a period ends before it starts (both days are included)."""
    if slut is not None and start is not None and slut < start:  # type: ignore[operator]
        raise Modellfel(f"{falt} ({slut}) ligger före {startfalt} ({start})", falt)
