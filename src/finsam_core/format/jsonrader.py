"""Lines of paths in JSON text, found in one pass (for input errors that name their line).

The JSON is already parsed when this runs (the text is valid), so a small tokenizer is
enough: strings, the six structural characters, scalars and newlines. One pass finds the
lines of every path asked for, however many errors a file has, and a key's escapes
(``"\\ud83d\\ude00"``) are decoded as JSON decodes them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

Sokvag = tuple[str | int, ...]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:\n]|[^\s{}\[\],:"]+')


def _tokens(text: str) -> Iterator[tuple[str, int]]:
    rad = 1
    for traff in _TOKEN.finditer(text):
        token = traff.group()
        if token == "\n":
            rad += 1
            continue
        yield token, rad


class _Ram:
    __slots__ = ("index", "nyckel", "objekt", "sedda", "vantar_nyckel")

    def __init__(self, objekt: bool) -> None:
        self.objekt = objekt
        self.vantar_nyckel = objekt
        self.nyckel: str | int | None = None if objekt else 0
        self.index = 0
        self.sedda: set[str] = set()


def _gang(text: str, onskade: set[Sokvag] | None) -> Iterator[tuple[str, Sokvag, int, bool]]:
    """Yield ("plats", path, line, duplicate) for each key and each value start."""
    stack: list[_Ram] = []
    sokvag: list[str | int] = []
    for token, rad in _tokens(text):
        ram = stack[-1] if stack else None
        if token in ",:":
            if token == "," and ram is not None:
                if ram.objekt:
                    ram.vantar_nyckel = True
                    sokvag.pop()
                else:
                    ram.index += 1
                    sokvag[-1] = ram.index
            continue
        if token in "}]":
            if ram is not None:
                stack.pop()
                if (ram.objekt and not ram.vantar_nyckel) or (not ram.objekt and sokvag):
                    sokvag.pop()
            continue
        if ram is not None and ram.objekt and ram.vantar_nyckel:
            try:
                nyckel = json.loads(token)
            except ValueError:
                nyckel = token
            ram.vantar_nyckel = False
            dubblett = nyckel in ram.sedda
            ram.sedda.add(nyckel)
            sokvag.append(nyckel)
            plats = tuple(sokvag)
            if onskade is None or plats in onskade or dubblett:
                yield "nyckel", plats, rad, dubblett
            continue
        # The start of a value: record it (for array elements; a key's line stands for its
        # value).
        if ram is not None and not ram.objekt:
            plats = tuple(sokvag)
            if onskade is None or plats in onskade:
                yield "varde", plats, rad, False
        if token == "{":
            stack.append(_Ram(objekt=True))
        elif token == "[":
            stack.append(_Ram(objekt=False))
            sokvag.append(0)
            # An empty array: the "]" pops the 0 pushed here.


def rader_for_sokvagar(text: str, sokvagar: Iterable[Sokvag]) -> dict[Sokvag, int]:
    """The line of each path in *text*, as far down as it exists (a missing key: the line
    where its object starts, or of the closest key above it).

    >>> text = '{"a": 1,\\n "b": [\\n  {"c": 2},\\n  {"d": 3}]}'
    >>> rader_for_sokvagar(text, [("b", 1, "d"), ("b", 0, "x"), ("q",)])
    {('b', 1, 'd'): 4, ('b', 0, 'x'): 3, ('q',): 1}
    """
    sokvagar = list(sokvagar)
    onskade = {s[:i] for s in sokvagar for i in range(1, len(s) + 1)}
    funna: dict[Sokvag, int] = {}
    for _, plats, rad, _dubblett in _gang(text, onskade):
        funna.setdefault(plats, rad)
    svar = {}
    for sokvag in sokvagar:
        rad = 1
        for i in range(len(sokvag), 0, -1):
            if sokvag[:i] in funna:
                rad = funna[sokvag[:i]]
                break
        svar[sokvag] = rad
    return svar


def rad_for_dubblett(text: str) -> int | None:
    """The line of the first key given twice in one object, or None.

    >>> rad_for_dubblett('{"a": 1,\\n "a": 2}')
    2
    """
    for _, _plats, rad, dubblett in _gang(text, set()):
        if dubblett:
            return rad
    return None


_LANGT_TAL = re.compile(r"[0-9]{4301}")


def rad_for_langt_tal(text: str) -> int | None:
    """The line of the first number with more than 4,300 digits (Python will not read it)."""
    traff = _LANGT_TAL.search(text)
    return None if traff is None else text.count("\n", 0, traff.start()) + 1
