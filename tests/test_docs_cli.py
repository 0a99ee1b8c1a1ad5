"""The CLI reference page (sphinx-click) has Swedish headings (issue 16 item 4)."""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path
from types import ModuleType

ROT = Path(__file__).resolve().parent.parent


def _conf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_conf", ROT / "docs" / "conf.py")
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_varje_engelsk_rubrik_i_sphinx_click_oversatts() -> None:
    import sphinx_click.ext as ext  # installed in the test env (tox.ini)

    rubriker = set(re.findall(r"\.\. rubric:: ([A-Za-z ]+)'", inspect.getsource(ext)))
    assert {"Usage", "Options"} <= rubriker
    assert rubriker <= set(_conf().KLICKRUBRIKER)


def test_raderna_for_flaggor_och_argument_blir_svenska() -> None:
    rader = ["    :options: text | json", "    :default: ``'text'``", "Required argument(s)"]
    _conf()._svenska_rader(None, None, rader)
    assert rader == [
        "    :Värden: text | json",
        "    :Standard: ``'text'``",
        "Obligatoriskt argument (ett eller flera)",
    ]
