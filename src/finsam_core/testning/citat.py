"""Checking that every rule quotes its source document word for word.

A rule's ``kalla.citat`` may join several passages of the document (list items, two
sentences); it is split at sentence ends, semicolons, colons and list commas (a comma
followed by a capital letter), and each passage must occur in the document, with white
space and list bullets normalised. Arenas and gaps (`finsam_core.arenor`) carry a `Kalla`
the same way and are checked by the same function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from finsam_core.regler.fynd import Kalla
from finsam_core.regler.regel import Regel

_DELNING = re.compile(r"(?<=[.;:])\s+|,\s+(?=[A-ZÅÄÖ])")


def _normalisera(text: str) -> str:
    text = re.sub(r"^\s*[-•*]\s+", " ", text, flags=re.M)
    return " ".join(text.split())


class MedKalla(Protocol):
    """Anything that quotes a source: a `Regel`, an `Arena`, a `Lucka`."""

    @property
    def id(self) -> str: ...

    @property
    def kalla(self) -> Kalla: ...


def saknade_citat(regler: Iterable[MedKalla], dokumentmapp: str | Path) -> list[str]:
    """Rules (or arenas, gaps) whose quoted passages are not found in their document, as
    readable lines.

    Rules citing a document that is not in *dokumentmapp* (a law, say) are skipped.
    """
    mapp = Path(dokumentmapp)
    cache: dict[str, str] = {}
    saknas = []
    for regel in regler:
        fil = mapp / regel.kalla.dokument
        if not fil.is_file():
            continue
        if regel.kalla.dokument not in cache:
            cache[regel.kalla.dokument] = _normalisera(fil.read_text(encoding="utf-8"))
        dokument = cache[regel.kalla.dokument]
        if not regel.kalla.citat.strip():
            saknas.append(f"{regel.id}: saknar citat")
            continue
        for del_ in _DELNING.split(_normalisera(regel.kalla.citat)):
            bit = del_.strip().rstrip(".;:,")
            if bit and bit not in dokument:
                saknas.append(f"{regel.id}: {bit!r} finns inte i {regel.kalla.dokument}")
    return saknas


def delad_mapp(namn: str, fran: Path) -> Path | None:
    """The folder ``shared/<namn>`` (the source documents: ``seeds``) in the nearest parent
    of *fran* that has one, or None. The project keeps its sources beside the repository
    (``../shared/seeds``); a git worktree or a plugin's own checkout finds them the same way.
    """
    for mapp in Path(fran).resolve().parents:
        kandidat = mapp / "shared" / namn
        if kandidat.is_dir():
            return kandidat
    return None


def _utan_skiljetecken(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def saknade_beskrivningar(regler: Iterable[Regel]) -> list[str]:
    """Rules without a Swedish description of their check that says more than their title
    (issue 9: every rule has one); empty when all have one.

    >>> from finsam_core.regler.karnregler import KARNREGELVERK
    >>> saknade_beskrivningar(KARNREGELVERK.regler)
    []
    """
    saknas = []
    for regel in regler:
        beskrivning = regel.beskrivande.strip()
        if not beskrivning or _utan_skiljetecken(beskrivning) == _utan_skiljetecken(regel.titel):
            saknas.append(regel.id)
    return saknas
