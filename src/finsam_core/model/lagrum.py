"""Legal provisions (lagrum) as written in decisions, and the 2025 change of the SoL.

The Social Services Act, socialtjänstlagen (2001:453), was replaced on 2025-07-01 by
socialtjänstlagen (2025:400). Decisions keep citing the old numbering for years, so a rule
that asks for "a decision under 4 kap. 1 §" must also accept the successor provision and a
rule must be able to see that a recent decision cites the repealed act. This module knows:

- the common spellings: ``SoL 4:1``, ``4 kap. 1 § SoL``, ``SoL (2001:453) 4 kap. 4 §``,
  ``SoL 12:4``, ``12 kap. 4 § socialtjänstlagen (2025:400)``, and ``9 § LSS``;
- paragraph letters, which are part of the paragraph (``4 kap. 1 a §`` is not
  ``4 kap. 1 §``), and stycke and punkt (``första stycket``, ``1 st.``, ``st. 1``,
  ``2 p.``, ``punkt 2``, ``första stycket 2``), which are kept but do not change which
  paragraph is cited (`Lagrum.paragrafen`);
- the correspondence old 4 kap. 1 § ≙ new 12 kap. 1 § and old 4 kap. 4 § ≙ new 12 kap. 4 §.

A SoL citation without an SFS number is read as the act whose numbering it uses: 4 kap. 1 §
and 4 kap. 4 § are the old act's (that is how caseworkers write them), 12 kap. 1 § and
12 kap. 4 § the new act's (``sfs_angivet`` is then False: the rules say so in their
messages). Other SoL provisions without an SFS number stay unresolved (``sfs is None``)
until `Lagrum.vid` resolves them by the date of the decision: the act in force that day.

>>> str(Lagrum.tolka("4 kap. 1 § första stycket 2 SoL"))
'SoL (2001:453) 4 kap. 1 § första stycket punkt 2'
>>> Lagrum.tolka("SoL 4 kap. 1 a §").motsvarar(Lagrum.tolka("SoL 4:1"))
False
>>> Lagrum.tolka("4 kap. 1 § 1 st. SoL").motsvarar(Lagrum.tolka("SoL 12:1"))
True

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

from attrs import evolve, field, frozen

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
_KAP_PAR = re.compile(r"(\d{1,2})\s*kap\.?\s*(\d{1,3})\s*([a-z])?\s*§")
_KOLON = re.compile(r"(?<![\d:])(\d{1,2}):(\d{1,3})(?:\s?([a-z])(?!\w))?(?![\d:])")
_BARA_PAR = re.compile(r"(\d{1,3})\s*([a-z])?\s*§")

_ORDNINGSTAL = (
    "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde",
    "tionde",
)  # fmt: skip
_INTE_PARAGRAF = r"(?![\d:]|\s*(?:kap|§|st\b|p\b|punkt))"
# "första stycket", "andra st.", optionally followed by a punkt number: "första stycket 2".
_STYCKE_ORD = re.compile(
    rf"(?<!\w)({'|'.join(_ORDNINGSTAL)})\s+(?:stycket|st\b\.?)(?:\s+(\d{{1,2}}){_INTE_PARAGRAF})?"
)
# "1 st.", "1 stycket", "st. 1", "stycke 1".
_STYCKE_TAL = re.compile(
    rf"(?<![\w:])(\d{{1,2}})\s*(?:st\b\.?|stycket\b)|(?<!\w)(?:st\.|stycke)\s*(\d{{1,2}}){_INTE_PARAGRAF}"
)
# "2 p.", "2 punkten", "p. 2", "punkt 2".
_PUNKT = re.compile(
    rf"(?<![\w:])(\d{{1,2}})\s*(?:p\b\.?|punkten\b)|(?<!\w)(?:p\.|p\b|punkt)\s*(\d{{1,2}}){_INTE_PARAGRAF}"
)

EXEMPEL = "'SoL 4:1', '4 kap. 1 § SoL', 'SoL (2001:453) 4 kap. 4 §', '12 kap. 4 § SoL (2025:400)'"


class Lagrumfel(Finsamfel, ValueError):
    """The text is not a provision this module can read; the message is Swedish."""


LagrumFel = Lagrumfel
"""Deprecated name of `Lagrumfel`."""


def _utan(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + " " + text[m.end() :]


def _forsta_grupp(m: re.Match[str]) -> int:
    return int(next(g for g in m.groups() if g is not None))


@frozen
class Lagrum:
    """A provision: act, optional SFS number, optional chapter, paragraph (with its letter),
    and optionally stycke and punkt."""

    lag: str
    """Canonical short name of the act (``SoL``, ``LSS``) or the name as written."""
    sfs: str | None
    kapitel: int | None
    paragraf: int
    bokstav: str = ""
    """The paragraph's letter: ``a`` in ``12 kap. 4 a §``. Part of the paragraph."""
    stycke: int | None = None
    punkt: int | None = None
    sfs_angivet: bool = field(default=True, eq=False)
    """False when the SFS number was not written but read from the numbering (SoL 4:1,
    SoL 12:1) or from a date (`vid`)."""

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
            rest = _utan(rest, m)
        stycke = punkt = None
        if m := _STYCKE_ORD.search(rest):
            stycke = _ORDNINGSTAL.index(m.group(1)) + 1
            punkt = int(m.group(2)) if m.group(2) else None
            rest = _utan(rest, m)
        elif m := _STYCKE_TAL.search(rest):
            stycke = _forsta_grupp(m)
            rest = _utan(rest, m)
        if punkt is None and (m := _PUNKT.search(rest)):
            punkt = _forsta_grupp(m)
            rest = _utan(rest, m)
        kapitel: int | None
        if m := _KAP_PAR.search(rest) or _KOLON.search(rest):
            kapitel, paragraf, bokstav = int(m.group(1)), int(m.group(2)), m.group(3) or ""
        elif m := _BARA_PAR.search(rest):
            kapitel, paragraf, bokstav = None, int(m.group(1)), m.group(2) or ""
        else:
            raise Lagrumfel(f"kan inte läsa lagrummet {text!r}; skriv t.ex. {EXEMPEL}")
        if stycke == 0 or punkt == 0:
            raise Lagrumfel(f"stycke och punkt räknas från 1 i lagrummet {text!r}")
        namn = " ".join(_utan(rest, m).split()).strip(" ,")
        lag = _NAMN_TILL_LAG.get(namn)
        if lag is None:
            if not namn or sfs is None:
                raise Lagrumfel(
                    f"okänd lag i lagrummet {text!r}; kända: {', '.join(_LAGAR)}; "
                    f"ange annars SFS-nummer, t.ex. 'lagens namn (2001:453) 4 kap. 1 §'"
                )
            lag = namn
        angivet = sfs is not None
        if lag == "SoL" and sfs is None and kapitel is not None and not bokstav:
            if (kapitel, paragraf) in _SOL_MOTSVARIGHETER:
                sfs = SOL_GAMMAL
            elif (kapitel, paragraf) in _SOL_MOTSVARIGHETER.values():
                sfs = SOL_NY
        elif lag in _SFS and sfs is None:
            sfs, angivet = _SFS[lag], True
        if lag == "SoL" and sfs not in (None, SOL_GAMMAL, SOL_NY):
            raise Lagrumfel(
                f"socialtjänstlagen har SFS-nummer {SOL_GAMMAL} eller {SOL_NY}, inte {sfs}"
            )
        return cls(
            lag=lag,
            sfs=sfs,
            kapitel=kapitel,
            paragraf=paragraf,
            bokstav=bokstav,
            stycke=stycke,
            punkt=punkt,
            sfs_angivet=angivet,
        )

    def __str__(self) -> str:
        delar = [self.lag]
        if self.sfs:
            delar.append(f"({self.sfs})")
        if self.kapitel is not None:
            delar.append(f"{self.kapitel} kap.")
        delar.append(f"{self.paragraf} {self.bokstav} §" if self.bokstav else f"{self.paragraf} §")
        if self.stycke is not None:
            delar.append(
                f"{_ORDNINGSTAL[self.stycke - 1]} stycket"
                if self.stycke <= len(_ORDNINGSTAL)
                else f"stycke {self.stycke}"
            )
        if self.punkt is not None:
            delar.append(f"punkt {self.punkt}")
        return " ".join(delar)

    @property
    def paragrafen(self) -> Lagrum:
        """The paragraph cited, without stycke and punkt (they do not change which it is)."""
        if self.stycke is None and self.punkt is None:
            return self
        return evolve(self, stycke=None, punkt=None)

    @property
    def ar_socialtjanstlagen(self) -> bool:
        return self.lag == "SoL"

    def vid(self, datum: date) -> Lagrum:
        """Resolve a SoL citation without SFS number by the act in force on *datum*."""
        if self.lag != "SoL" or self.sfs is not None:
            return self
        return evolve(self, sfs=SOL_NY if datum >= SOL_NY_FRAN else SOL_GAMMAL, sfs_angivet=False)

    def i_kraft_vid(self, datum: date) -> bool:
        """False if this cites socialtjänstlagen (2025:400) and *datum* is before it
        entered into force (2025-07-01); True otherwise."""
        return not (self.lag == "SoL" and self.sfs == SOL_NY and datum < SOL_NY_FRAN)

    def upphavd_vid(self, datum: date) -> bool:
        """True if this cites socialtjänstlagen (2001:453) and *datum* is after its repeal."""
        return self.lag == "SoL" and self.sfs == SOL_GAMMAL and datum >= SOL_NY_FRAN

    def motsvarighet(self) -> Lagrum | None:
        """The corresponding provision in the other Social Services Act, where known
        (paragraph level: stycke and punkt are not carried over)."""
        if self.lag != "SoL" or self.kapitel is None or self.bokstav:
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
        """True if both cite the same paragraph, counting old and new SoL as the same;
        stycke and punkt are not compared."""
        egen, andra = self.paragrafen, annat.paragrafen
        return andra == egen or andra == egen.motsvarighet()


@functools.lru_cache(maxsize=1024)
def _tolka(text: str) -> Lagrum:
    # A few spellings recur in every case of a batch; parsing is regex work.
    return Lagrum._tolka_utan_minne(text)
