"""Project settings for ``finsam``: ``finsam.toml`` or ``[tool.finsam]`` in ``pyproject.toml``.

Found as ruff and pytest find theirs: the nearest folder from the working directory upwards
that has a ``finsam.toml``, or a ``pyproject.toml`` with a ``[tool.finsam]`` table. Options
on the command line win over the file.

.. code-block:: toml

    [tool.finsam]
    regelverk = ["sofint"]          # rule sets when a case names none, or to replace its own
    datum = "2026-11-23"            # check date (default: today)
    ignorera = ["SOFINT-14"]        # rules whose findings are left out
    valj = []                       # only these rules (empty: all)
    strict = false                  # exit 1 on varning too
    krav-bedomning = true           # a rule that could not judge fails the run
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from attrs import frozen

NYCKLAR = ("regelverk", "datum", "ignorera", "valj", "strict", "krav-bedomning")


@frozen
class Installningar:
    """The settings read, and the file they came from (None: no file, all defaults)."""

    fil: Path | None = None
    regelverk: tuple[str, ...] = ()
    datum: date | None = None
    ignorera: tuple[str, ...] = ()
    valj: tuple[str, ...] = ()
    strict: bool = False
    krav_bedomning: bool = False


class Installningsfel(Exception):
    """The settings file cannot be used; the message is Swedish and names the file."""


def _hitta(fran: Path) -> tuple[Path, dict[str, Any]] | None:
    for mapp in (fran, *fran.parents):
        egen = mapp / "finsam.toml"
        if egen.is_file():
            return egen, _las(egen)
        projekt = mapp / "pyproject.toml"
        if projekt.is_file():
            tabell = _las(projekt).get("tool", {}).get("finsam")
            if tabell is not None:
                return projekt, tabell
    return None


def _las(fil: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(fil.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as fel:
        raise Installningsfel(f"{fil}: kan inte läsas som TOML: {fel}") from None


def _lista(fil: Path, nyckel: str, varde: Any) -> tuple[str, ...]:
    if isinstance(varde, str):
        return (varde,)
    if not isinstance(varde, list) or not all(isinstance(v, str) for v in varde):
        raise Installningsfel(f"{fil}: {nyckel} ska vara en lista av text, fick {varde!r}")
    return tuple(varde)


def _sant(fil: Path, nyckel: str, varde: Any) -> bool:
    if not isinstance(varde, bool):
        raise Installningsfel(f"{fil}: {nyckel} ska vara true eller false, fick {varde!r}")
    return varde


def las_installningar(fran: Path | None = None) -> Installningar:
    """The settings that apply in *fran* (default: the working directory)."""
    from finsam_core.model.forslag import menade_du

    hittad = _hitta((fran or Path.cwd()).resolve())
    if hittad is None:
        return Installningar()
    fil, tabell = hittad
    for nyckel in tabell:
        if nyckel not in NYCKLAR:
            raise Installningsfel(
                f"{fil}: okänd inställning {nyckel!r}{menade_du(nyckel, NYCKLAR)}; "
                f"finns: {', '.join(NYCKLAR)}"
            )
    datum = tabell.get("datum")
    if isinstance(datum, str):
        try:
            datum = date.fromisoformat(datum)
        except ValueError:
            raise Installningsfel(f"{fil}: datum ska vara ÅÅÅÅ-MM-DD, fick {datum!r}") from None
    if datum is not None and not isinstance(datum, date):
        raise Installningsfel(f"{fil}: datum ska vara ÅÅÅÅ-MM-DD, fick {datum!r}")
    return Installningar(
        fil=fil,
        regelverk=_lista(fil, "regelverk", tabell.get("regelverk", [])),
        datum=datum,
        ignorera=_lista(fil, "ignorera", tabell.get("ignorera", [])),
        valj=_lista(fil, "valj", tabell.get("valj", [])),
        strict=_sant(fil, "strict", tabell.get("strict", False)),
        krav_bedomning=_sant(fil, "krav-bedomning", tabell.get("krav-bedomning", False)),
    )
