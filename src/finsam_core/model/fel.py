"""The one exception the model raises for inconsistent values (end before start, and so on)."""

from __future__ import annotations

from finsam_core.model.finsamfel import Finsamfel


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
