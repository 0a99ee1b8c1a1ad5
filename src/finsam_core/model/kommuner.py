"""Sweden's 290 municipalities with their kommunkod (SCB), shipped as a data file.

A case names the person's folkbokföringskommun by name in any letter case (``Lindesberg``,
``LINDESBERG``) or by its four-digit kommunkod (``"1885"``).

>>> hitta_kommun("lindesberg")
Kommun(kod='1885', namn='Lindesberg')
>>> hitta_kommun("1885").namn
'Lindesberg'
>>> forslag_for("Lindsberg")
['Lindesberg']
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from attrs import frozen

from finsam_core.model.finsamfel import Finsamfel
from finsam_core.model.forslag import menade_du, nara_namn
from finsam_core.model.utskrift import citera

LAN: dict[str, str] = {
    "01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län",
    "05": "Östergötlands län", "06": "Jönköpings län", "07": "Kronobergs län",
    "08": "Kalmar län", "09": "Gotlands län", "10": "Blekinge län", "12": "Skåne län",
    "13": "Hallands län", "14": "Västra Götalands län", "17": "Värmlands län",
    "18": "Örebro län", "19": "Västmanlands län", "20": "Dalarnas län",
    "21": "Gävleborgs län", "22": "Västernorrlands län", "23": "Jämtlands län",
    "24": "Västerbottens län", "25": "Norrbottens län",
}  # fmt: skip
"""County names by the first two digits of a kommunkod."""


@frozen
class Kommun:
    """A municipality: four-digit kommunkod and name."""

    kod: str
    namn: str

    @property
    def lan(self) -> str:
        """The county (län) the municipality belongs to."""
        return LAN[self.kod[:2]]

    def __str__(self) -> str:
        return self.namn


class OkandKommunfel(Finsamfel, ValueError):
    """No municipality has that name or code; the message suggests near names."""


OkandKommunError = OkandKommunfel
"""Deprecated name of `OkandKommunfel`."""


@functools.cache
def alla_kommuner() -> tuple[Kommun, ...]:
    """All 290 municipalities, in kommunkod order."""
    text = resources.files("finsam_core").joinpath("data/kommuner.csv").read_text("utf-8")
    return tuple(Kommun(rad["kommunkod"], rad["namn"]) for rad in csv.DictReader(io.StringIO(text)))


@functools.cache
def _index() -> dict[str, Kommun]:
    index: dict[str, Kommun] = {}
    for kommun in alla_kommuner():
        index[kommun.kod] = kommun
        index[kommun.namn.casefold()] = kommun
    return index


def forslag_for(text: str) -> list[str]:
    """Municipality names close to *text*, best first (for "menade du …?")."""
    return nara_namn(text, (k.namn for k in alla_kommuner()), grans=0.8)


def hitta_kommun(text: str) -> Kommun:
    """The municipality named or coded by *text*; `OkandKommunfel` if there is none."""
    kommun = _index().get(text.strip().casefold())
    if kommun is not None:
        return kommun
    # No municipality name is near 40 characters; difflib on a long text takes minutes.
    tips = menade_du(text, (k.namn for k in alla_kommuner()), grans=0.8) if len(text) <= 40 else ""
    raise OkandKommunfel(
        f"okänd kommun {citera(text)}: förväntade en av Sveriges 290 kommuner "
        f"(namn eller fyrsiffrig kommunkod){tips}"
    )
