"""How fully a rule set covers its source document: every normative sentence, and for each
the rules that check it or the reason no single-case rule can.

A plugin keeps the table in a data file next to its rules (``tackning.yaml``), so the docs
are generated from it (the Sphinx directive ``finsam-tackning``) and tests check it against
the source and the rule set; it cannot drift from either::

    format: finsam-tackning/1
    dokument: 004_8ef7852e647e2221.txt
    meningar:
      - avsnitt: "Bilaga I, 3 Inskrivning i Samverkansteamet"
        citat: "Svar ska skickas till remittent inom två veckor från och med det datum …"
        regler: [SOFINT-07]
      - avsnitt: "6.1 Styrgrupp"
        citat: "Styrgruppen är ansvarig för genomförandet av insatser gentemot SOFINTs styrelse."
        skal: organisation

``skal`` says why a sentence is no single-case rule, as one of `SKAL` (with an optional
``not`` to explain). Each sentence has rules or a reason, not both.

>>> t = Dokumenttackning.fran_data({"format": "finsam-tackning/1", "dokument": "d.txt",
...     "meningar": [{"avsnitt": "1", "citat": "A ska ske.", "regler": ["X-01"]},
...                  {"avsnitt": "2", "citat": "B redovisas.", "skal": "statistik"}]})
>>> [m.id for m in t.meningar], t.tackta, len(t.meningar)
(['d.txt:1', 'd.txt:2'], 1, 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from attrs import frozen

from finsam_core.format.yamlladdare import las_yaml
from finsam_core.model.finsamfel import Finsamfel
from finsam_core.regler.fynd import Kalla
from finsam_core.regler.regel import REGEL_ID, Regel

FORMAT = "finsam-tackning/1"

SKAL: dict[str, str] = {
    "organisation": "organisatorisk skyldighet, inte ett enskilt ärende",
    "statistik": "statistik eller rapportering över många ärenden",
    "falt_saknas": "kräver uppgifter som formatet finsam/1 saknar",
    "beskrivning": "beskriver syfte eller bakgrund, inget krav",
    "bedomning": "en bedömning som ärendet inte kan visa",
}
"""Why a normative sentence is not a single-case rule, with the Swedish text the docs show."""


class Tackningsfel(Finsamfel, ValueError):
    """A coverage file is not well formed; the message is Swedish and names the entry."""


@frozen
class Mening:
    """One normative sentence of the document and how the rule set covers it."""

    nummer: int
    avsnitt: str
    kalla: Kalla
    regler: tuple[str, ...] = ()
    skal: str | None = None
    not_: str = ""

    @property
    def id(self) -> str:
        """``dokument:nummer``, for messages (and for `saknade_citat`)."""
        return f"{self.kalla.dokument}:{self.nummer}"

    @property
    def forklaring(self) -> str:
        """The rules, or the reason in Swedish (with the note)."""
        if self.regler:
            return ", ".join(self.regler)
        text = SKAL[self.skal or ""]
        return f"{text}: {self.not_}" if self.not_ else text


@frozen
class Dokumenttackning:
    """A document's normative sentences with their coverage."""

    dokument: str
    meningar: tuple[Mening, ...]

    @property
    def tackta(self) -> int:
        """How many sentences some rule checks."""
        return sum(1 for m in self.meningar if m.regler)

    @classmethod
    def fran_data(cls, data: Any) -> Dokumenttackning:
        """Build from parsed YAML/JSON; raise `Tackningsfel` on the first problem."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise Tackningsfel(f"förväntade en fil med format: {FORMAT}")
        dokument = data.get("dokument")
        rader = data.get("meningar")
        if not isinstance(dokument, str) or not isinstance(rader, list) or not rader:
            raise Tackningsfel("förväntade dokument (filnamn) och en lista meningar")
        meningar = []
        for nummer, rad in enumerate(rader, start=1):
            meningar.append(_mening(nummer, dokument, rad))
        return cls(dokument, tuple(meningar))


def _mening(nummer: int, dokument: str, rad: Any) -> Mening:
    var = f"meningar[{nummer - 1}]"
    if not isinstance(rad, dict) or not {"avsnitt", "citat"} <= set(rad):
        raise Tackningsfel(f"{var}: förväntade avsnitt och citat")
    okanda = set(rad) - {"avsnitt", "citat", "regler", "skal", "not"}
    if okanda:
        raise Tackningsfel(f"{var}: okända nycklar {', '.join(sorted(okanda))}")
    regler = tuple(rad.get("regler") or ())
    skal = rad.get("skal")
    if bool(regler) == (skal is not None):
        raise Tackningsfel(f"{var}: ange antingen regler eller skal")
    if skal is not None and skal not in SKAL:
        raise Tackningsfel(f"{var}: okänt skal {skal!r}; kända: {', '.join(SKAL)}")
    for regel in regler:
        if not isinstance(regel, str) or not REGEL_ID.fullmatch(regel):
            raise Tackningsfel(f"{var}: ogiltigt regel-id {regel!r}")
    avsnitt, citat = str(rad["avsnitt"]), str(rad["citat"])
    return Mening(
        nummer, avsnitt, Kalla(dokument, avsnitt, citat), regler, skal, str(rad.get("not", ""))
    )


def las_dokumenttackning(fil: str | Path | Traversable) -> Dokumenttackning:
    """Read a coverage file (YAML); raise `Tackningsfel` if it is not well formed."""
    kalla = Path(fil) if isinstance(fil, str) else fil
    return Dokumenttackning.fran_data(las_yaml(kalla.read_text(encoding="utf-8")))


def tackningsproblem(tackning: Dokumenttackning, regler: Iterable[Regel]) -> list[str]:
    """Where the table and the rule set disagree, as readable lines: a rule id the set does
    not have, a rule of the set that no sentence names, a sentence of another document."""
    idn = {r.id for r in regler}
    namngivna = {regel for m in tackning.meningar for regel in m.regler}
    problem = [
        f"{m.id}: {regel} finns inte i regelverket"
        for m in tackning.meningar
        for regel in m.regler
        if regel not in idn
    ]
    problem += [f"{regel} saknas i täckningstabellen" for regel in sorted(idn - namngivna)]
    return problem
