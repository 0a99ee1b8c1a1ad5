"""Reading cases from YAML, JSON and JSON Lines files, folders and standard input.

Every reader yields one `Inlasning` per case it tried to read: the case, or the input
errors that stopped it (file, line, path, Swedish message). A file that cannot be read at
all yields one `Inlasning` with the reason. Nothing raises for bad input, and one bad case
never stops the others. Reading is streaming: a JSON Lines batch is read line by line.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

import orjson
import yaml

from finsam_core.format.fel import Indatafel, Inlasning, sokvag_som_text
from finsam_core.format.jsonrader import (
    rad_for_dubblett,
    rad_for_langt_tal,
    rader_for_sokvagar,
)
from finsam_core.format.konverterare import Felpunkt, Konverterare, Sokvag
from finsam_core.format.yamlladdare import (
    MAX_SIFFROR,
    las_yaml_nod,
    nod_for_text,
    rad_i_nod,
    yamlfel_som_text,
)
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import Kodverk
from finsam_core.model.utskrift import citera

Filtyp = Literal["yaml", "json", "jsonl"]

FILTYPER: dict[str, Filtyp] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl"}
"""File name endings the reader knows, and how it reads each."""

STDIN = "-"
"""The path that means JSON Lines on standard input."""

MAX_STORLEK = 5 * 1024 * 1024
"""Largest case the reader takes (bytes): a YAML or JSON file, or one JSON Lines line.
A real case is a few kilobytes; the cap keeps time and memory bounded for any input."""

_LANGT_TAL = f"ogiltig JSON: ett tal har fler än {MAX_SIFFROR} siffror"

Radfinnare = Callable[[list[Sokvag]], dict[Sokvag, int]]
"""Finds the lines of many paths of one file at once."""

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
    return f"dubblerad nyckel: {citera(fel.args[0])} förekommer två gånger i samma objekt"


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
        self,
        data: object,
        *,
        fil: str = "<data>",
        rad: int | None = None,
        text: str | None = None,
        radfinnare: Radfinnare | None = None,
    ) -> Inlasning:
        """Structure one parsed case. *text* (the file's text) lets errors name their line;
        *radfinnare* does the same without parsing the text again."""
        resultat = self.konverterare.tolka(data)
        if not isinstance(resultat, list):
            return Inlasning(fil=fil, rad=rad, arende=resultat)
        if radfinnare is None and text is not None:
            radfinnare = _radfinnare_for_text(text)
        return Inlasning(
            fil=fil, rad=rad, fel=self._indatafel(resultat, data, fil, rad, radfinnare)
        )

    @staticmethod
    def _indatafel(
        felpunkter: list[Felpunkt],
        data: object,
        fil: str,
        rad: int | None,
        radfinnare: Radfinnare | None,
    ) -> tuple[Indatafel, ...]:
        arende_id = None
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            arende_id = data["id"]
        # One pass over the text for every error, however many there are.
        rader = radfinnare([s for s, _ in felpunkter]) if radfinnare is not None else {}
        fel = []
        for sokvag, meddelande in felpunkter:
            felrad = rader.get(sokvag, rad)
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
        radfinnare: Radfinnare
        if filtyp == "yaml":
            try:
                data, nod = las_yaml_nod(text)
            except yaml.YAMLError as fel:
                meddelande, rad = yamlfel_som_text(fel)
                yield _filfel(fil, meddelande, rad)
                return
            radfinnare = _yamlradfinnare(nod)
        else:
            try:
                data = _JSON_UTAN_DUBBLETTER.decode(text)
            except json.JSONDecodeError as fel:
                yield _filfel(fil, _jsonfel_som_text(fel), fel.lineno)
                return
            except _DubblettJsonFel as fel:
                yield _filfel(fil, _dubblett_text(fel), rad_for_dubblett(text))
                return
            except RecursionError:
                yield _filfel(fil, _FOR_DJUP)
                return
            except ValueError:  # an integer over 4,300 digits
                yield _filfel(fil, _LANGT_TAL, rad_for_langt_tal(text))
                return

            def radfinnare(sokvagar: list[Sokvag]) -> dict[Sokvag, int]:
                return rader_for_sokvagar(text, sokvagar)

        yield self.tolka(data, fil=fil, radfinnare=radfinnare)

    def las_rader(self, rader: Iterable[str | bytes | _Radfel], *, fil: str) -> Iterator[Inlasning]:
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
        if isinstance(rad.text, _Radfel):
            return _filfel(fil, f"rad {nummer}: {rad.text.meddelande}", nummer)
        try:
            text = rad.text.decode("utf-8") if isinstance(rad.text, bytes) else rad.text
            if nummer == 1:
                text = text.removeprefix("\ufeff")
            if not text or text.isspace():  # as ``not text.strip()``, without a copy
                return None
            if len(text) > MAX_STORLEK:
                return _filfel(fil, f"rad {nummer}: {_for_stor(len(text))}", nummer)
            if "\x00" in text:
                return _filfel(fil, f"rad {nummer}: raden är binär (NUL-tecken), inte JSON", nummer)
            snabb = _orjson(text)
            if snabb is not _ORJSON_FEL:
                try:
                    return Inlasning(fil, nummer, self.konverterare.snabb_tolkning(snabb))
                except Exception:
                    pass  # json.loads and `tolka` say what is wrong, as they always have
            data = json.loads(text)
        except json.JSONDecodeError as fel:
            return _filfel(fil, f"rad {nummer}: {_jsonfel_som_text(fel)}", nummer)
        except UnicodeDecodeError:
            return _filfel(fil, f"rad {nummer}: raden är inte kodad som UTF-8", nummer)
        except RecursionError:
            return _filfel(fil, f"rad {nummer}: {_FOR_DJUP}", nummer)
        except ValueError:  # an integer over 4,300 digits
            return _filfel(fil, f"rad {nummer}: {_LANGT_TAL}", nummer)
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
                f"okänd filtyp {citera(sokvag.suffix) if sokvag.suffix else '(ingen ändelse)'}: "
                "förväntade .yaml, .yml, .json eller .jsonl",
            )
            return
        try:
            # Before opening: opening a named pipe blocks until a writer comes.
            info = sokvag.stat()
        except OSError as fel:
            yield _filfel(fil, _oserror_som_text(fel))
            return
        if not stat.S_ISREG(info.st_mode):
            yield _filfel(fil, "är inte en vanlig fil (en enhet, en namngiven pipe eller liknande)")
            return
        if filtyp == "jsonl":
            try:
                with sokvag.open("rb") as strom:
                    if oparsat:
                        yield from _rader(_begransade_rader(strom), fil)
                    else:
                        yield from self.las_rader(_begransade_rader(strom), fil=fil)
            except OSError as fel:
                yield _filfel(fil, _oserror_som_text(fel))
            return
        if info.st_size > MAX_STORLEK:
            yield _filfel(fil, _for_stor(info.st_size))
            return
        try:
            with sokvag.open("rb") as strom:
                innehall = strom.read(MAX_STORLEK + 1)
        except OSError as fel:
            yield _filfel(fil, _oserror_som_text(fel))
            return
        if len(innehall) > MAX_STORLEK:
            yield _filfel(fil, _for_stor(len(innehall)))
            return
        if b"\x00" in innehall:
            rad = innehall.count(b"\n", 0, innehall.index(b"\x00")) + 1
            yield _filfel(fil, f"filen är binär, inte text: förväntade {filtyp.upper()}", rad)
            return
        try:
            text = innehall.decode("utf-8-sig")
        except UnicodeDecodeError as fel:
            yield _filfel(
                fil, "filen är inte kodad som UTF-8", innehall.count(b"\n", 0, fel.start) + 1
            )
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
                yield from _rader(_begransade_rader(strom), "<stdin>")
                continue
            sokvag = Path(sokvag)
            try:
                info = sokvag.stat()
            except FileNotFoundError:
                yield _filfel(str(sokvag), "filen eller mappen finns inte")
                continue
            except OSError as fel:
                yield _filfel(str(sokvag), _oserror_som_text(fel))
                continue
            if not stat.S_ISDIR(info.st_mode):
                yield from self._las_fil(sokvag, oparsat=True)
                continue
            filer, olasbara = _filer_i_mapp(sokvag)
            for mapp in olasbara:
                yield _filfel(mapp, "behörighet saknas för att läsa mappen")
            if not filer and not olasbara:
                yield _filfel(
                    str(sokvag),
                    "mappen innehåller inga ärendefiler (.yaml, .yml, .json, .jsonl)",
                )
            for fil in filer:
                yield from self._las_fil(fil, oparsat=True)


class Rad(NamedTuple):
    """One line of JSON Lines, read but not parsed yet (a tuple: cheap to send to a worker)."""

    fil: str
    nummer: int
    text: bytes | str | _Radfel


def _rader(rader: Iterable[str | bytes | _Radfel], fil: str) -> Iterator[Rad]:
    for nummer, text in enumerate(rader, start=1):
        yield Rad(fil, nummer, text)


class _Radfel(NamedTuple):
    """A line that could not be read (too long); its message."""

    meddelande: str


def _begransade_rader(strom: IO[bytes]) -> Iterator[bytes | _Radfel]:
    """The lines of *strom*, none read whole beyond `MAX_STORLEK` (a longer line is skipped
    to its end and given as a `_Radfel`)."""
    while True:
        rad = strom.readline(MAX_STORLEK + 1)
        if not rad:
            return
        if len(rad) <= MAX_STORLEK or rad.endswith(b"\n"):
            yield rad
            continue
        langd = len(rad)
        while rad and not rad.endswith(b"\n"):
            rad = strom.readline(1024 * 1024)
            langd += len(rad)
        yield _Radfel(_for_stor(langd))


def _for_stor(storlek: int) -> str:
    mb = MAX_STORLEK // (1024 * 1024)
    return f"för stor ({storlek / (1024 * 1024):.1f} MB): högst {mb} MB för ett ärende"


def _filer_i_mapp(mapp: Path) -> tuple[list[Path], list[str]]:
    """The case files below *mapp* in name order (hidden folders and files left out), and
    the folders that could not be read."""
    filer: list[Path] = []
    olasbara: list[str] = []

    def fel(undantag: OSError) -> None:
        olasbara.append(str(undantag.filename))

    for rot, mappar, namn in os.walk(mapp, onerror=fel):
        mappar[:] = [m for m in mappar if not m.startswith(".")]
        filer.extend(
            Path(rot, n)
            for n in namn
            if not n.startswith(".") and Path(n).suffix.lower() in FILTYPER
        )
    return sorted(filer), sorted(olasbara)


def _yamlradfinnare(nod: yaml.Node | None) -> Radfinnare:
    def radfinnare(sokvagar: list[Sokvag]) -> dict[Sokvag, int]:
        return {} if nod is None else {s: rad_i_nod(nod, s) for s in sokvagar}

    return radfinnare


def _radfinnare_for_text(text: str) -> Radfinnare:
    """Lines for paths in *text* (JSON if it starts with ``{``, else YAML), in one pass."""
    if text.lstrip().startswith("{"):
        return lambda sokvagar: rader_for_sokvagar(text, sokvagar)
    return _yamlradfinnare(nod_for_text(text))


def _filfel(fil: str, meddelande: str, rad: int | None = None) -> Inlasning:
    return Inlasning(fil=fil, rad=rad, fel=(Indatafel(fil=fil, meddelande=meddelande, rad=rad),))


def _oserror_som_text(fel: OSError) -> str:
    if isinstance(fel, FileNotFoundError):
        return "filen finns inte"
    if isinstance(fel, PermissionError):
        return "behörighet saknas för att läsa filen"
    if isinstance(fel, IsADirectoryError):
        return "är en mapp, inte en fil"
    if fel.errno == errno.ENAMETOOLONG:
        return "sökvägen är för lång"
    return f"kan inte läsa filen (felkod {fel.errno})"


def las(*sokvagar: str | Path, kodverk: Kodverk = KARNKODVERK) -> Iterator[Inlasning]:
    """Read cases from files, folders and ``-`` with a `Lasare` for *kodverk*.

    A shortcut for ``Lasare(kodverk).las(*sokvagar)``; build one `Lasare` and reuse it when
    reading many times.
    """
    return Lasare(kodverk).las(*sokvagar)
