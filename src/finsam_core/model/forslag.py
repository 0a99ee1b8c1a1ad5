""" "Menade du …?": the one helper that suggests a near name for a misspelt one.

Municipality names, keys of the case format, codes of the code lists and command names all
suggest through it, so every "menade du" reads the same.

>>> menade_du("samråd", ["samrad", "beredning"])
"; menade du 'samrad'?"
>>> menade_du("xyz", ["samrad"])
''
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def _utan_accenter(text: str) -> str:
    # Codes are Swedish ASCII ("samrad"); a user types "samråd".
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


def nara_namn(
    text: str, kandidater: Iterable[str], *, n: int = 3, grans: float = 0.75
) -> list[str]:
    """The candidates closest to *text*, best first, compared without case and accents."""
    import difflib  # suggestions are for error messages: a valid case never needs difflib

    vikt: dict[str, str] = {}
    for kandidat in kandidater:
        vikt.setdefault(_utan_accenter(kandidat), kandidat)
    nyckel = _utan_accenter(text)
    return [vikt[k] for k in difflib.get_close_matches(nyckel, list(vikt), n=n, cutoff=grans)]


def menade_du(
    text: str, kandidater: Iterable[str], *, grans: float = 0.75, inuti: bool = False
) -> str:
    """``"; menade du 'x'?"`` (or ``'x' eller 'y'``) to append to a message, or ``""``.
    *inuti*: ``" (menade du 'x'?)"``, for the middle of a sentence."""
    forslag = nara_namn(text, kandidater, grans=grans)
    if not forslag:
        return ""
    fraga = f"menade du {' eller '.join(repr(f) for f in forslag)}?"
    return f" ({fraga})" if inuti else f"; {fraga}"
