"""Reading cases from YAML, JSON and JSON Lines files, folders and standard input.

Every reader yields one `Inlasning` per case it tried to read: the case, or the input
errors that stopped it (file, line, path, Swedish message). A file that cannot be read at
all yields one `Inlasning` with the reason. Nothing raises for bad input, and one bad case
never stops the others. Reading is streaming: a JSON Lines batch is read line by line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

import orjson
import yaml

from finsam_core.format.fel import Indatafel, Inlasning, sokvag_som_text
from finsam_core.format.konverterare import Felpunkt, Konverterare
from finsam_core.format.yamlladdare import las_yaml, rad_for_sokvag, yamlfel_som_text
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import Kodverk

Filtyp = Literal["yaml", "json", "jsonl"]

FILTYPER: dict[str, Filtyp] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl"}
"""File name endings the reader knows, and how it reads each."""

STDIN = "-"
"""The path that means JSON Lines on standard input."""

_JSONFEL = (
    ("Expecting property name", "förväntade ett nyckelnamn inom dubbla citattecken"),
    ("Expecting value", "förväntade ett värde"),
    ("Expecting ',' delimiter", "förväntade ett kommatecken"),
    ("Expecting ':' delimiter", "förväntade ett kolon"),
    ("Extra data", "det finns mer text efter JSON-värdet"),
    ("Unterminated string", "en text saknar avslutande citattecken"),
    ("Invalid control character", "otillåtet styrtecken i en text"),
    ("Invalid \\escape", "ogiltig escape-sekvens (\\)"),
)


def _jsonfel_som_text(fel: json.JSONDecodeError) -> str:
    for engelska, svenska in _JSONFEL:
        if fel.msg.startswith(engelska):
            return f"ogiltig JSON: {svenska} (kolumn {fel.colno})"
    return f"ogiltig JSON (kolumn {fel.colno})"


_FOR_DJUP = "ogiltig JSON: för djupt nästlad struktur"


class _DubblettJsonFel(ValueError):
    pass


def _utan_dubbletter(par: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(par)
    if len(data) != len(par):
        sedda: set[str] = set()
        for nyckel, _ in par:
            if nyckel in sedda:
                raise _DubblettJsonFel(nyckel)
            sedda.add(nyckel)
    return data


_JSON_UTAN_DUBBLETTER = json.JSONDecoder(object_pairs_hook=_utan_dubbletter)


_ORJSON_FEL = object()


def _orjson(text: str) -> Any:
    """The value of *text* by orjson (about twice as fast as ``json.loads``), or
    ``_ORJSON_FEL`` where orjson refuses it (NaN, a lone surrogate, a broken line …).

    Where both parse a text they give equal values, with one exception: orjson reads an
    integer past 64 bits as a float. No field of the case format takes a float, so such a
    case never structures; `Lasare.tolka_rad` then reads the line again with ``json.loads``,
    and the case, or every message, is exactly what it would have been.
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return _ORJSON_FEL


def _dubblett_text(fel: _DubblettJsonFel) -> str:
    return f"dubblerad nyckel: {fel.args[0]!r} förekommer två gånger i samma objekt"


class Lasare:
    """Reads ``finsam/1`` cases against one `Kodverk` (core's by default).

    >>> lasare = Lasare()
    >>> [i.ok for i in lasare.las_rader(['{"format": "finsam/1", "id": "A", '
    ...                                   '"individ": {"kommun": "Eda"}}', '{'], fil="x.jsonl")]
    [True, False]
    """

    def __init__(self, kodverk: Kodverk = KARNKODVERK) -> None:
        self.kodverk = kodverk
        self.konverterare = Konverterare(kodverk)

    # -- one case -----------------------------------------------------------------------

    def tolka(
        self, data: object, *, fil: str = "<data>", rad: int | None = None, text: str | None = None
    ) -> Inlasning:
        """Structure one parsed case. *text* (the file's text) lets errors name their line."""
        resultat = self.konverterare.tolka(data)
        if not isinstance(resultat, list):
            return Inlasning(fil=fil, rad=rad, arende=resultat)
        return Inlasning(fil=fil, rad=rad, fel=self._indatafel(resultat, data, fil, rad, text))

    @staticmethod
    def _indatafel(
        felpunkter: list[Felpunkt], data: object, fil: str, rad: int | None, text: str | None
    ) -> tuple[Indatafel, ...]:
        arende_id = None
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            arende_id = data["id"]
        fel = []
        for sokvag, meddelande in felpunkter:
            felrad = rad
            if text is not None:
                felrad = rad_for_sokvag(text, sokvag)
            fel.append(
                Indatafel(
                    fil=fil,
                    meddelande=meddelande,
                    rad=felrad,
                    sokvag=sokvag_som_text(sokvag) or None,
                    arende_id=arende_id,
                )
            )
        return tuple(fel)

    # -- text and files -----------------------------------------------------------------

    def las_text(self, text: str, *, fil: str, filtyp: Filtyp) -> Iterator[Inlasning]:
        """Read the text of one file of *filtyp*."""
        if filtyp == "jsonl":
            yield from self.las_rader(text.splitlines(), fil=fil)
            return
        if not text.strip():
            yield _filfel(fil, "filen är tom: förväntade ett ärende i formatet finsam/1")
            return
        if filtyp == "yaml":
            try:
                data = las_yaml(text)
            except yaml.YAMLError as fel:
                meddelande, rad = yamlfel_som_text(fel)
                yield _filfel(fil, meddelande, rad)
                return
        else:
            try:
                data = _JSON_UTAN_DUBBLETTER.decode(text)
            except json.JSONDecodeError as fel:
                yield _filfel(fil, _jsonfel_som_text(fel), fel.lineno)
                return
            except _DubblettJsonFel as fel:
                yield _filfel(
                    fil, f"dubblerad nyckel: {fel.args[0]!r} förekommer två gånger i samma objekt"
                )
                return
            except RecursionError:
                yield _filfel(fil, _FOR_DJUP)
                return
        yield self.tolka(data, fil=fil, text=text)

    def las_rader(self, rader: Iterable[str | bytes], *, fil: str) -> Iterator[Inlasning]:
        """Read JSON Lines: one case per line; blank lines are skipped.

        A broken line yields an `Inlasning` with its line number and the rest go on.

        Unlike YAML and JSON files, a key given twice in one object is not detected here (the
        last one wins): the check costs half as much again as parsing, and JSON Lines is
        written by programs, whose serializers do not repeat keys, while the other formats
        are edited by hand.
        """
        for rad in _rader(rader, fil):
            inlasning = self.tolka_rad(rad)
            if inlasning is not None:
                yield inlasning

    def tolka_rad(self, rad: Rad) -> Inlasning | None:
        """Parse and structure one JSON Lines line; None for a blank line."""
        nummer, fil = rad.nummer, rad.fil
        try:
            text = rad.text.decode("utf-8") if isinstance(rad.text, bytes) else rad.text
            if nummer == 1:
                text = text.removeprefix("\ufeff")
            if not text.strip():
                return None
            snabb = _orjson(text)
            if snabb is not _ORJSON_FEL:
                inlasning = self.tolka(snabb, fil=fil, rad=nummer)
                if inlasning.ok:
                    return inlasning
            data = json.loads(text)
        except json.JSONDecodeError as fel:
            return _filfel(fil, f"rad {nummer}: {_jsonfel_som_text(fel)}", nummer)
        except UnicodeDecodeError:
            return _filfel(fil, f"rad {nummer}: raden är inte kodad som UTF-8", nummer)
        except RecursionError:
            return _filfel(fil, f"rad {nummer}: {_FOR_DJUP}", nummer)
        return self.tolka(data, fil=fil, rad=nummer)

    def las_fil(self, sokvag: str | Path) -> Iterator[Inlasning]:
        """Read one file, chosen by its ending (``.yaml``, ``.yml``, ``.json``, ``.jsonl``)."""
        for post in self._las_fil(sokvag, oparsat=False):
            assert isinstance(post, Inlasning)
            yield post

    def _las_fil(self, sokvag: str | Path, *, oparsat: bool) -> Iterator[Inlasning | Rad]:
        sokvag = Path(sokvag)
        fil = str(sokvag)
        filtyp = FILTYPER.get(sokvag.suffix.lower())
        if filtyp is None:
            yield _filfel(
                fil,
                f"okänd filtyp {sokvag.suffix or '(ingen ändelse)'!r}: förväntade "
                ".yaml, .yml, .json eller .jsonl",
            )
            return
        if filtyp == "jsonl":
            try:
                with sokvag.open("rb") as strom:
                    if oparsat:
                        yield from _rader(_binarkontroll(strom), fil)
                    else:
                        yield from self.las_rader(_binarkontroll(strom), fil=fil)
            except OSError as fel:
                yield _filfel(fil, _oserror_som_text(fel))
            except _BinarFil as fel:
                yield _filfel(fil, "filen är binär, inte text: förväntade JSON Lines", fel.rad)
            return
        try:
            innehall = sokvag.read_bytes()
        except OSError as fel:
            yield _filfel(fil, _oserror_som_text(fel))
            return
        if b"\x00" in innehall:
            yield _filfel(fil, f"filen är binär, inte text: förväntade {filtyp.upper()}")
            return
        try:
            text = innehall.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield _filfel(fil, "filen är inte kodad som UTF-8")
            return
        yield from self.las_text(text, fil=fil, filtyp=filtyp)

    def las(self, *sokvagar: str | Path, stdin: IO[bytes] | None = None) -> Iterator[Inlasning]:
        """Read files, folders (every case file below them, in name order) and ``-``.

        ``-`` reads JSON Lines from *stdin* (default: the process's standard input).
        """
        for post in self.las_oparsat(*sokvagar, stdin=stdin):
            inlasning = self.tolka_rad(post) if isinstance(post, Rad) else post
            if inlasning is not None:
                yield inlasning

    def las_oparsat(
        self, *sokvagar: str | Path, stdin: IO[bytes] | None = None
    ) -> Iterator[Inlasning | Rad]:
        """As `las`, but JSON Lines lines come as unparsed `Rad` (parse with `tolka_rad`).

        Lets a batch be parsed where it is checked, for instance in worker processes.
        """
        for sokvag in sokvagar:
            if str(sokvag) == STDIN:
                strom = stdin if stdin is not None else sys.stdin.buffer
                yield from _rader(strom, "<stdin>")
                continue
            sokvag = Path(sokvag)
            if sokvag.is_dir():
                filer = sorted(
                    p
                    for p in sokvag.rglob("*")
                    if p.suffix.lower() in FILTYPER
                    and p.is_file()
                    and not any(d.startswith(".") for d in p.relative_to(sokvag).parts)
                )
                if not filer:
                    yield _filfel(
                        str(sokvag),
                        "mappen innehåller inga ärendefiler (.yaml, .yml, .json, .jsonl)",
                    )
                for fil in filer:
                    yield from self._las_fil(fil, oparsat=True)
            elif not sokvag.exists():
                yield _filfel(str(sokvag), "filen eller mappen finns inte")
            else:
                yield from self._las_fil(sokvag, oparsat=True)


class Rad(NamedTuple):
    """One line of JSON Lines, read but not parsed yet (a tuple: cheap to send to a worker)."""

    fil: str
    nummer: int
    text: bytes | str


def _rader(rader: Iterable[str | bytes], fil: str) -> Iterator[Rad]:
    for nummer, text in enumerate(rader, start=1):
        yield Rad(fil, nummer, text)


class _BinarFil(Exception):
    def __init__(self, rad: int) -> None:
        self.rad = rad


def _binarkontroll(strom: IO[bytes]) -> Iterator[bytes]:
    for radnummer, rad in enumerate(strom, start=1):
        if b"\x00" in rad:
            raise _BinarFil(radnummer)
        yield rad


def _filfel(fil: str, meddelande: str, rad: int | None = None) -> Inlasning:
    return Inlasning(fil=fil, rad=rad, fel=(Indatafel(fil=fil, meddelande=meddelande, rad=rad),))


def _oserror_som_text(fel: OSError) -> str:
    if isinstance(fel, FileNotFoundError):
        return "filen finns inte"
    if isinstance(fel, PermissionError):
        return "behörighet saknas för att läsa filen"
    if isinstance(fel, IsADirectoryError):
        return "är en mapp, inte en fil"
    return f"kan inte läsa filen (felkod {fel.errno})"


def las(*sokvagar: str | Path, kodverk: Kodverk = KARNKODVERK) -> Iterator[Inlasning]:
    """Read cases from files, folders and ``-`` with a `Lasare` for *kodverk*.

    A shortcut for ``Lasare(kodverk).las(*sokvagar)``; build one `Lasare` and reuse it when
    reading many times.
    """
    return Lasare(kodverk).las(*sokvagar)
