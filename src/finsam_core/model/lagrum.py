"""Legal provisions (lagrum) as written in decisions, and the 2025 change of the SoL.

The Social Services Act, socialtjänstlagen (2001:453), was replaced on 2025-07-01 by
socialtjänstlagen (2025:400). Decisions keep citing the old numbering for years, so a rule
that asks for "a decision under 4 kap. 1 §" must also accept the successor provision and a
rule must be able to see that a recent decision cites the repealed act. This module knows:

- the common spellings: ``SoL 4:1``, ``4 kap. 1 § SoL``, ``SoL (2001:453) 4 kap. 4 §``,
  ``SoL 12:4``, ``12 kap. 4 § socialtjänstlagen (2025:400)``, and ``9 § LSS``;
- the correspondence old 4 kap. 1 § ≙ new 12 kap. 1 § and old 4 kap. 4 § ≙ new 12 kap. 4 §.

A SoL citation without an SFS number is read as the act whose numbering it uses: 4 kap. 1 §
and 4 kap. 4 § are the old act's (that is how caseworkers write them), 12 kap. 1 § and
12 kap. 4 § the new act's. Other SoL provisions without an SFS number stay unresolved
(``sfs is None``) until `Lagrum.vid` resolves them by the date of the decision.

>>> a = Lagrum.tolka("SoL 4:4")
>>> str(a)
'SoL (2001:453) 4 kap. 4 §'
>>> a.motsvarar(Lagrum.tolka("12 kap. 4 § socialtjänstlagen (2025:400)"))
True
>>> a.upphavd_vid(date(2025, 7, 1)), a.upphavd_vid(date(2025, 6, 30))
(True, False)
>>> str(a.motsvarighet())
'SoL (2025:400) 12 kap. 4 §'
"""

from __future__ import annotations

import functools
import re
from datetime import date

from attrs import evolve, frozen

from finsam_core.model.finsamfel import Finsamfel

SOL_GAMMAL = "2001:453"
"""SFS number of the repealed socialtjänstlagen."""
SOL_NY = "2025:400"
"""SFS number of socialtjänstlagen in force from 2025-07-01."""
SOL_NY_FRAN = date(2025, 7, 1)
"""The day socialtjänstlagen (2025:400) entered into force and (2001:453) was repealed."""

_SOL_MOTSVARIGHETER: dict[tuple[int, int], tuple[int, int]] = {(4, 1): (12, 1), (4, 4): (12, 4)}
"""Old (kapitel, paragraf) in 2001:453 → new in 2025:400."""

# Known acts: canonical short name, the spellings that name it, its SFS number(s).
_LAGAR: dict[str, tuple[str, ...]] = {
    "SoL": ("sol", "socialtjänstlagen", "socialtjanstlagen"),
    "LSS": ("lss", "lag om stöd och service till vissa funktionshindrade"),
    "SFB": ("sfb", "socialförsäkringsbalken", "socialforsakringsbalken"),
    "Finsamlagen": ("finsamlagen", "lag om finansiell samordning av rehabiliteringsinsatser"),
    "OSL": ("osl", "offentlighets- och sekretesslagen"),
    "FL": ("fl", "förvaltningslagen", "forvaltningslagen"),
    "HSL": ("hsl", "hälso- och sjukvårdslagen"),
    "SkolL": ("skoll", "skollagen"),
}
_SFS: dict[str, str] = {
    "LSS": "1993:387",
    "SFB": "2010:110",
    "Finsamlagen": "2003:1210",
    "OSL": "2009:400",
    "FL": "2017:900",
    "HSL": "2017:30",
    "SkolL": "2010:800",
}
_NAMN_TILL_LAG = {stavning: lag for lag, stavningar in _LAGAR.items() for stavning in stavningar}

_SFS_MONSTER = re.compile(r"\(\s*(\d{4}:\d{1,4})\s*\)")
_KAP_PAR = re.compile(r"(\d{1,2})\s*kap\.?\s*(\d{1,3})\s*[a-z]?\s*§")
_KOLON = re.compile(r"(?<![\d:])(\d{1,2}):(\d{1,3})(?![\d:])")
_BARA_PAR = re.compile(r"(\d{1,3})\s*[a-z]?\s*§")

EXEMPEL = "'SoL 4:1', '4 kap. 1 § SoL', 'SoL (2001:453) 4 kap. 4 §', '12 kap. 4 § SoL (2025:400)'"


class Lagrumfel(Finsamfel, ValueError):
    """The text is not a provision this module can read; the message is Swedish."""


LagrumFel = Lagrumfel
"""Deprecated name of `Lagrumfel`."""


@frozen
class Lagrum:
    """A provision: act, optional SFS number, optional chapter, paragraph."""

    lag: str
    """Canonical short name of the act (``SoL``, ``LSS``) or the name as written."""
    sfs: str | None
    kapitel: int | None
    paragraf: int

    @classmethod
    def tolka(cls, text: str) -> Lagrum:
        """Parse one of the usual spellings; raise `Lagrumfel` if it cannot be read."""
        return _tolka(text)

    @classmethod
    def _tolka_utan_minne(cls, text: str) -> Lagrum:
        rest = " ".join(text.casefold().split())
        sfs = None
        if m := _SFS_MONSTER.search(rest):
            sfs = m.group(1)
            rest = rest[: m.start()] + " " + rest[m.end() :]
        kapitel: int | None
        if m := _KAP_PAR.search(rest) or _KOLON.search(rest):
            kapitel, paragraf = int(m.group(1)), int(m.group(2))
        elif m := _BARA_PAR.search(rest):
            kapitel, paragraf = None, int(m.group(1))
        else:
            raise Lagrumfel(f"kan inte läsa lagrummet {text!r}; skriv t.ex. {EXEMPEL}")
        namn = " ".join((rest[: m.start()] + " " + rest[m.end() :]).split()).strip(" ,")
        lag = _NAMN_TILL_LAG.get(namn)
        if lag is None:
            if not namn or sfs is None:
                raise Lagrumfel(
                    f"okänd lag i lagrummet {text!r}; kända: {', '.join(_LAGAR)}; "
                    f"ange annars SFS-nummer, t.ex. 'lagens namn (2001:453) 4 kap. 1 §'"
                )
            lag = namn
        if lag == "SoL" and sfs is None and kapitel is not None:
            if (kapitel, paragraf) in _SOL_MOTSVARIGHETER:
                sfs = SOL_GAMMAL
            elif (kapitel, paragraf) in _SOL_MOTSVARIGHETER.values():
                sfs = SOL_NY
        elif lag in _SFS and sfs is None:
            sfs = _SFS[lag]
        if lag == "SoL" and sfs not in (None, SOL_GAMMAL, SOL_NY):
            raise Lagrumfel(
                f"socialtjänstlagen har SFS-nummer {SOL_GAMMAL} eller {SOL_NY}, inte {sfs}"
            )
        return cls(lag=lag, sfs=sfs, kapitel=kapitel, paragraf=paragraf)

    def __str__(self) -> str:
        delar = [self.lag]
        if self.sfs:
            delar.append(f"({self.sfs})")
        if self.kapitel is not None:
            delar.append(f"{self.kapitel} kap.")
        delar.append(f"{self.paragraf} §")
        return " ".join(delar)

    @property
    def ar_socialtjanstlagen(self) -> bool:
        return self.lag == "SoL"

    def vid(self, datum: date) -> Lagrum:
        """Resolve a SoL citation without SFS number by the act in force on *datum*."""
        if self.lag != "SoL" or self.sfs is not None:
            return self
        return evolve(self, sfs=SOL_NY if datum >= SOL_NY_FRAN else SOL_GAMMAL)

    def upphavd_vid(self, datum: date) -> bool:
        """True if this cites socialtjänstlagen (2001:453) and *datum* is after its repeal."""
        return self.lag == "SoL" and self.sfs == SOL_GAMMAL and datum >= SOL_NY_FRAN

    def motsvarighet(self) -> Lagrum | None:
        """The corresponding provision in the other Social Services Act, where known."""
        if self.lag != "SoL" or self.kapitel is None:
            return None
        nyckel = (self.kapitel, self.paragraf)
        if self.sfs == SOL_GAMMAL and nyckel in _SOL_MOTSVARIGHETER:
            kap, par = _SOL_MOTSVARIGHETER[nyckel]
            return Lagrum("SoL", SOL_NY, kap, par)
        if self.sfs == SOL_NY:
            for gammal, ny in _SOL_MOTSVARIGHETER.items():
                if ny == nyckel:
                    return Lagrum("SoL", SOL_GAMMAL, gammal[0], gammal[1])
        return None

    def motsvarar(self, annat: Lagrum) -> bool:
        """True if both cite the same provision, counting old and new SoL as the same."""
        return annat == self or annat == self.motsvarighet()


@functools.lru_cache(maxsize=1024)
def _tolka(text: str) -> Lagrum:
    # A few spellings recur in every case of a batch; parsing is regex work.
    return Lagrum._tolka_utan_minne(text)
