"""Input errors as values: what went wrong, in which file, on which line, at which path."""

from __future__ import annotations

from typing import Any

from attrs import Factory, field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.utskrift import (
    sakert_filnamn,
    sakert_valfritt_id,
    sakker_sokvag,
    sakra,
)

INDATAKODER: tuple[tuple[str, str], ...] = (
    # (a phrase of the Swedish message, the stable code); the first that occurs wins.
    ("filen eller mappen finns inte", "fil_saknas"),
    ("filen finns inte", "fil_saknas"),
    ("behörighet saknas", "fil_oläsbar"),
    ("kan inte läsa filen", "fil_oläsbar"),
    ("är en mapp", "fil_oläsbar"),
    ("mappen innehåller inga", "fil_saknas"),
    ("okänd filtyp", "okand_filtyp"),
    ("binär", "inte_text"),
    ("inte kodad som UTF-8", "inte_text"),
    ("filen är tom", "tom_fil"),
    ("ogiltig JSON", "syntax"),
    ("ogiltig YAML", "syntax"),
    ("djup", "for_djup"),
    ("dubblerad nyckel", "dubblerad_nyckel"),
    ("regelverk", "regelverk"),
    ("okänd nyckel", "okand_nyckel"),
    ("saknar", "saknas"),
    ("personnummer", "ogiltigt_personnummer"),
    ("samordningsnummer", "ogiltigt_personnummer"),
    ("kommun", "okand_kommun"),
    ("datum", "ogiltigt_datum"),
    ("okänd", "okand_kod"),
    ("förväntade", "fel_typ"),
)
"""How an input error's ``kod`` is chosen from its message. Codes are stable: a message
may be reworded, but the code of a kind of error never changes (tests pin them)."""


def indatakod(meddelande: str) -> str:
    """The stable machine-readable code of an input error message.

    >>> indatakod("saknar det obligatoriska fältet 'datum'")
    'saknas'
    >>> indatakod("något annat")
    'ogiltigt_varde'
    """
    for fras, kod in INDATAKODER:
        if fras in meddelande:
            return kod
    return "ogiltigt_varde"


def sokvag_som_lista(sokvag: str | None) -> list[str | int]:
    """``handelser[3].datum`` → ``["handelser", 3, "datum"]`` (the path as a list).

    >>> sokvag_som_lista("handelser[3].datum")
    ['handelser', 3, 'datum']
    >>> sokvag_som_lista(None)
    []
    """
    if not sokvag:
        return []
    delar: list[str | int] = []
    for bit in sokvag.replace("[", ".[").split("."):
        if bit.startswith("[") and bit.endswith("]") and bit[1:-1].isdigit():
            delar.append(int(bit[1:-1]))
        elif bit:
            delar.append(bit)
    return delar


@frozen
class Indatafel:
    """One problem with the input, for a person to read and fix.

    ``meddelande`` is Swedish and says what was expected. Every text field (file name,
    message, path, case id) is made safe on construction (`sakra`): never a whole
    personnummer, no control character, no flood.

    >>> str(Indatafel("a.yaml", "förväntade ett datum", rad=7, sokvag="handelser[3].datum"))
    'a.yaml:7: handelser[3].datum: förväntade ett datum'
    """

    fil: str = field(converter=sakert_filnamn)
    meddelande: str = field(converter=sakra)
    rad: int | None = None
    sokvag: str | None = field(default=None, converter=sakker_sokvag)
    """Path in the case, such as ``handelser[3].datum``; None for a file-level problem."""
    arende_id: str | None = field(default=None, converter=sakert_valfritt_id)
    """The case's ``id`` where it could be read (an optional field beyond the spec)."""
    kod: str = field(default=Factory(lambda self: indatakod(self.meddelande), takes_self=True))
    """A stable machine-readable code for the kind of error (`INDATAKODER`), e.g.
    ``saknas``, ``okand_nyckel``, ``ogiltigt_datum``, ``syntax``, ``fil_saknas``."""

    def __str__(self) -> str:
        plats = self.fil if self.rad is None else f"{self.fil}:{self.rad}"
        return (
            f"{plats}: {self.sokvag}: {self.meddelande}"
            if self.sokvag
            else (f"{plats}: {self.meddelande}")
        )

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """The error as JSON-ready data (schema ``indatafel`` of `utdata_schema`): every key
        present (null when unknown), the path as text (``sokvag``) and as a list
        (``sokvag_lista``). *som_cli* gives the command line's shape, which the case format
        specifies: ``rad``, ``sokvag``, ``arende_id`` left out when unknown."""
        data: dict[str, Any] = {
            "kod": self.kod,
            "fil": self.fil,
            "rad": self.rad,
            "sokvag": self.sokvag,
            "sokvag_lista": sokvag_som_lista(self.sokvag),
            "meddelande": self.meddelande,
            "arende_id": self.arende_id,
        }
        if som_cli:
            for valfri in ("rad", "sokvag", "arende_id"):
                if data[valfri] is None:
                    del data[valfri]
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
