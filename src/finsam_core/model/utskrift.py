"""Making any text safe to print: personnummer masked, control characters escaped, length
capped.

Everything the library returns that can hold text from the input (messages, paths, case
ids, file names, facts) passes through here when the returned object is built, so every
output (text, JSON, JSON Lines, stderr, explain, agenda, reports, routing) gets the same
guarantees without the printing code having to remember them:

- no personnummer: any run of 10 or more digits (``-`` or ``+`` allowed between them) keeps
  at most its first 8 digits (6 for a run of exactly 10), whatever surrounds it, so neither
  a 10- nor a 12-digit number can be read back from the output;
- no control or other non-printable character (newline, U+2028, U+00A0, a lone surrogate):
  each is shown escaped (``\\n``, ``\\u2028``), so a value cannot fake extra lines or break
  the encoding of the output; masking runs before and after escaping, so the hex digits of
  an escape cannot join a number and slip past it;
- a length cap with ``…``, so one value cannot flood the output.
"""

from __future__ import annotations

import functools
import re

_KEDJA = re.compile(r"\d(?:[-+]?\d){9,}")
"""Ten or more digits, a ``-`` or ``+`` allowed between any two (``19900515-2384``)."""

_INGEN_SIFFRA = (0xC2, 0xC3, 0xE2)
"""UTF-8 lead bytes of U+0080–U+00FF (``ä``, no-break space) and U+2000–U+2FFF (``–``,
``…``): no character there is a digit (a test checks every code point)."""
_SOM_SIFFRA = bytes(
    ord("0")
    if ord("0") <= byte <= ord("9") or (byte >= 0xC0 and byte not in _INGEN_SIFFRA)
    else ord(" ")
    for byte in range(256)
)
"""For `_kan_ha_kedja`: an ASCII digit, or the lead byte of a character that may be a digit
(``\\d`` matches every Unicode digit), becomes ``0``; anything else a space."""
_UTAN = b"-+" + bytes(range(0x80, 0xC0))
"""Dropped before `_SOM_SIFFRA`: the separators, and the continuation bytes of a character
(so that each character gives one byte)."""

MAX_VARDE = 60
"""Longest value quoted in a message (characters, before ``…``)."""
MAX_MEDDELANDE = 2000
MAX_ID = 100
MAX_SOKVAG = 300
MAX_FIL = 500

_ESCAPE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _maskera_kedja(traff: re.Match[str]) -> str:
    kedja = traff.group()
    siffror = sum(1 for tecken in kedja if tecken.isdigit())
    behall = 6 if siffror == 10 else 8
    ut = []
    for tecken in kedja:
        if tecken.isdigit():
            ut.append(tecken if behall > 0 else "*")
            behall -= 1
        else:
            ut.append(tecken)
    return "".join(ut)


def _kan_ha_kedja(text: str) -> bool:
    """False only when `_KEDJA` cannot match in *text*: once every ``-`` and ``+`` is
    dropped, no ten characters in a row may be digits.

    A message holds several dates (8 digits each), so counting digits would rarely rule a
    text out; this check costs a tenth of the regular expression's search.

    >>> _kan_ha_kedja("fristen 2025-03-10 (remiss 2025-02-24)"), _kan_ha_kedja("9904122380")
    (False, True)
    >>> _kan_ha_kedja("2026-11-16–2026-11-20"), _kan_ha_kedja("19900515-２３８５")
    (False, True)
    """
    siffror = text.encode("utf-8", "surrogatepass").translate(_SOM_SIFFRA, _UTAN)
    return b"0000000000" in siffror


def maskera_text(text: str) -> str:
    """Mask everything in *text* that could hold a personnummer (keeps the date part).

    Does not depend on word boundaries: digits glued to a number (an escape's ``\\xa0``,
    a longer id) are masked with it.

    >>> maskera_text("fick 199904122380 och 990412-2380")
    'fick 19990412**** och 990412-****'
    >>> maskera_text("id A019990412-2380x")
    'id A01999041*-****x'
    """
    return _KEDJA.sub(_maskera_kedja, text) if _kan_ha_kedja(text) else text


def _escape(tecken: str) -> str:
    if tecken in _ESCAPE:
        return _ESCAPE[tecken]
    kod = ord(tecken)
    if kod <= 0xFF:
        return f"\\x{kod:02x}"
    if kod <= 0xFFFF:
        return f"\\u{kod:04x}"
    return f"\\U{kod:08x}"


def escapa(text: str) -> str:
    r"""*text* with every non-printable character (except the space) shown escaped.

    >>> escapa("rad 1\nrad 2\u2028")
    'rad 1\\nrad 2\\u2028'
    """
    if text.isprintable():
        return text
    return "".join(t if t.isprintable() or t == " " else _escape(t) for t in text)


def forkorta(text: str, max_langd: int) -> str:
    """*text* cut to *max_langd* characters, ending in ``…`` when cut.

    >>> forkorta("abcdef", 4)
    'abc…'
    """
    if len(text) <= max_langd:
        return text
    return text[: max(max_langd - 1, 0)] + "…"


def sakra(text: str, max_langd: int | None = MAX_MEDDELANDE) -> str:
    r"""*text* safe to print: masked, non-printables escaped, at most *max_langd* long.

    >>> sakra("handläggare\xa019900515-2384")
    'handläggare\\xa019900515-****'
    >>> sakra("A\ud800"), sakra("x" * 10, 5)
    ('A\\ud800', 'xxxx…')
    """
    # Masking runs before escaping (so the date part survives) and after (so an escape's hex
    # digits glued to a number are masked with it); a printable text is not escaped, and
    # masking twice masks as once.
    ut = maskera_text(text if text.isprintable() else escapa(maskera_text(text)))
    return ut if max_langd is None else forkorta(ut, max_langd)


def sakra_valfri(text: str | None, max_langd: int | None = MAX_MEDDELANDE) -> str | None:
    """`sakra` for an optional text (None stays None)."""
    return None if text is None else sakra(text, max_langd)


def sakert_id(text: str) -> str:
    """A case id safe to print (`sakra`, at most 100 characters)."""
    return sakra(text, MAX_ID)


def sakert_valfritt_id(text: str | None) -> str | None:
    """`sakert_id` for an optional id."""
    return None if text is None else sakra(text, MAX_ID)


def sakker_sokvag(text: str | None) -> str | None:
    """A path in a case (``handelser[3].datum``; keys may come from the input) safe to print."""
    return None if text is None else _sakker_sokvag(text)


@functools.lru_cache(maxsize=1024)
def _sakker_sokvag(text: str) -> str:
    # Every finding has a path, and the same few recur (``handelser[3]``, ``individ``).
    return sakra(text, MAX_SOKVAG)


def sakert_filnamn(text: str) -> str:
    """A file name safe to print (a file may be named for a personnummer)."""
    return sakra(text, MAX_FIL)


def sakert_valfritt_filnamn(text: str | None) -> str | None:
    """`sakert_filnamn` for an optional file name."""
    return None if text is None else sakra(text, MAX_FIL)


def citera(varde: str, max_langd: int = MAX_VARDE) -> str:
    """A value from the input as a message quotes it: ``'…'``, safe and short.

    Unlike ``repr`` it never shows Python escapes that could join a number, and it never
    quotes a whole long value.

    >>> citera("19900515-2384"), citera("a" * 100, 8)
    ("'19900515-****'", "'aaaaaaa…'")
    """
    return f"'{sakra(varde, max_langd)}'"
