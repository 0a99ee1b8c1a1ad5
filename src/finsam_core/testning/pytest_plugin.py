"""pytest plugin (entry point ``pytest11``): collects YAML rule tests and offers fixtures.

A project opts in with the ini option ``finsam_regeltester = true`` (in
``[tool.pytest.ini_options]``); without it nothing is collected, so a project that only
has finsam-core installed never has its own YAML files touched. With it, every
``test_*.yaml`` / ``test_*.yml`` file holding rule tests (see
`finsam_core.testning.regeltest`) becomes a test module, one item per test, run against
the installed plugins. Fixtures for plugin authors:

- ``finsam_vard``: a fresh `Pluginvard` with the installed plugins;
- ``finsam_vard_med``: a factory, ``finsam_vard_med(("namn", modul), …)``, that adds
  plugin objects registered in code (for a test plugin that is not installed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from finsam_core.format.fel import Indatafel
from finsam_core.plugins.vard import Pluginvard, hamta_vard
from finsam_core.testning.regeltest import (
    Regeltest,
    ar_regeltestfil,
    kor_regeltest,
    las_regeltester,
)


class RegeltestFel(Exception):
    """A rule test whose findings differ from what it expects."""


INI = "finsam_regeltester"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI,
        type="bool",
        default=False,
        help="finsam-core: collect YAML rule tests (test_*.yaml with rule tests)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if parent.config.getini(INI) and ar_regeltestfil(file_path):
        return Regeltestfil.from_parent(parent, path=file_path)
    return None


class Regeltestfil(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        for index, post in enumerate(las_regeltester(self.path)):
            if isinstance(post, Indatafel):
                yield Trasigtest.from_parent(self, name=f"[{index}] felaktigt test", fel=post)
            else:
                yield Regeltestpost.from_parent(self, name=post.namn, test=post)


class Regeltestpost(pytest.Item):
    def __init__(self, *, test: Regeltest, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.test = test

    def runtest(self) -> None:
        utfall = kor_regeltest(self.test, hamta_vard())
        if not utfall.ok:
            raise RegeltestFel("\n".join(utfall.avvikelser))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RegeltestFel):
            plats = f"{self.test.fil}:{self.test.rad}" if self.test.rad else self.test.fil
            kalla = f"\nkälla: {self.test.kalla}" if self.test.kalla else ""
            return f"regeltest {self.test.namn!r} ({plats}){kalla}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.test.rad - 1) if self.test.rad else None, f"regeltest: {self.name}"


class Trasigtest(pytest.Item):
    def __init__(self, *, fel: Indatafel, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fel = fel

    def runtest(self) -> None:
        raise RegeltestFel(str(self.fel))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


@pytest.fixture
def finsam_vard() -> Pluginvard:
    """A fresh plugin host with the installed plugins."""
    return Pluginvard()


@pytest.fixture
def finsam_vard_med() -> Callable[..., Pluginvard]:
    """Build a host with extra plugin objects: ``finsam_vard_med(("namn", modul))``."""

    def bygg(*plugins: tuple[str, object]) -> Pluginvard:
        return Pluginvard(plugins=plugins)

    return bygg
