"""The public API is one list (issue 9, item 6): ``finsam_core._MODUL``. The typing imports
of ``finsam_core/__init__.py`` must name exactly those names, from the same modules, and
every name must resolve; internal machinery stays out."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import finsam_core


def _typing_importer() -> dict[str, str]:
    trad = ast.parse(Path(finsam_core.__file__).read_text(encoding="utf-8"))
    block = next(n for n in trad.body if isinstance(n, ast.If))
    namn: dict[str, str] = {}
    for nod in block.body:
        assert isinstance(nod, ast.ImportFrom)
        for alias in nod.names:
            assert alias.asname == alias.name, "re-export as `X as X`"
            namn[alias.name] = str(nod.module)
    return namn


def test_typning_och_lista_ar_samma() -> None:
    assert _typing_importer() == finsam_core._MODUL
    assert set(finsam_core.__all__) == {*finsam_core._MODUL, "__version__"}


def test_varje_namn_finns_och_ar_dokumenterat() -> None:
    for namn, modul in finsam_core._MODUL.items():
        varde = getattr(finsam_core, namn)
        assert varde is getattr(importlib.import_module(modul), namn), namn
        if callable(varde):
            assert (varde.__doc__ or "").strip(), f"{namn} saknar docstring"


def test_intern_maskin_ar_inte_publik() -> None:
    for intern in ("Arendevy", "ordnad_parallell", "Konverterare", "STDIN", "Formatfel"):
        assert intern not in finsam_core.__all__
    assert not hasattr(finsam_core, "ordnad_parallell")


def test_undantag_har_en_gemensam_bas() -> None:
    from finsam_core import Finsamfel

    undantag = [
        v
        for n in finsam_core._MODUL
        if isinstance(v := getattr(finsam_core, n), type) and issubclass(v, BaseException)
    ]
    assert len(undantag) >= 6
    assert all(issubclass(u, Finsamfel) for u in undantag), [
        u.__name__ for u in undantag if not issubclass(u, Finsamfel)
    ]
    assert all(u.__name__.endswith("fel") for u in undantag), [u.__name__ for u in undantag]
