"""Input errors as values: what went wrong, in which file, on which line, at which path."""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.personnummer import maskera_text


@frozen
class Indatafel:
    """One problem with the input, for a person to read and fix.

    ``meddelande`` is Swedish and says what was expected. It never holds a whole
    personnummer: every message is masked on construction.

    >>> str(Indatafel("a.yaml", "förväntade ett datum", rad=7, sokvag="handelser[3].datum"))
    'a.yaml:7: handelser[3].datum: förväntade ett datum'
    """

    fil: str
    meddelande: str = field(converter=maskera_text)
    rad: int | None = None
    sokvag: str | None = None
    """Path in the case, such as ``handelser[3].datum``; None for a file-level problem."""
    arende_id: str | None = None
    """The case's ``id`` where it could be read (an optional field beyond the spec)."""

    def __str__(self) -> str:
        plats = self.fil if self.rad is None else f"{self.fil}:{self.rad}"
        return (
            f"{plats}: {self.sokvag}: {self.meddelande}"
            if self.sokvag
            else (f"{plats}: {self.meddelande}")
        )

    def till_dict(self) -> dict[str, Any]:
        """The shape of ``indatafel`` entries in the CLI's JSON output (optional keys omitted)."""
        data: dict[str, Any] = {"fil": self.fil}
        if self.rad is not None:
            data["rad"] = self.rad
        if self.sokvag is not None:
            data["sokvag"] = self.sokvag
        data["meddelande"] = self.meddelande
        if self.arende_id is not None:
            data["arende_id"] = self.arende_id
        return data


@frozen
class Inlasning:
    """The outcome of reading one case: the case, or the errors that stopped it.

    Readers yield one `Inlasning` per case they tried to read (and one for a file that could
    not be read at all), so a bad case never stops the others in a batch.
    """

    fil: str
    rad: int | None = None
    """Line in the file where the case starts (JSON Lines: its line)."""
    arende: Arende | None = None
    fel: tuple[Indatafel, ...] = ()

    @property
    def ok(self) -> bool:
        return self.arende is not None


class Formatfel(ValueError):
    """Raised inside structuring hooks; turned into `Indatafel` by the reader.

    *falt* is a path below the value being structured (``["typ"]``), often empty.
    """

    def __init__(self, meddelande: str, falt: tuple[str | int, ...] = ()) -> None:
        super().__init__(meddelande)
        self.meddelande = meddelande
        self.falt = falt


def sokvag_som_text(delar: tuple[str | int, ...] | list[str | int]) -> str:
    """``("handelser", 3, "datum")`` → ``handelser[3].datum``.

    >>> sokvag_som_text(["handelser", 3, "datum"])
    'handelser[3].datum'
    """
    text = ""
    for del_ in delar:
        if isinstance(del_, int):
            text += f"[{del_}]"
        else:
            text += f".{del_}" if text else del_
    return text
