"""The hooks a finsam plugin can implement (pluggy project name ``finsam``).

A plugin is a module exposed under the entry point group ``finsam`` in its package's
``pyproject.toml``::

    [project.entry-points.finsam]
    sofint = "finsam_sofint.regelverk"

and implements hooks with `hookimpl`. Plugins *declare*: they call the function they are
given; they never reach into the host.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

import pluggy

if TYPE_CHECKING:  # only named in signatures: importing arenas and reports costs start-up
    from finsam_core.arenor.arena import Arenadata
    from finsam_core.model.handelser import Handelse
    from finsam_core.model.koder import Enhet, Kodslag
    from finsam_core.rapport.rapport import Rapport
    from finsam_core.regler.regel import Regel, Regelverk

PROJEKT = "finsam"
ENTRY_POINT_GRUPP = "finsam"

hookspec = pluggy.HookspecMarker(PROJEKT)
hookimpl = pluggy.HookimplMarker(PROJEKT)
"""Mark a plugin's hook functions: ``@hookimpl def finsam_regelverk(register): …``."""


class RegistreraRegelverk(Protocol):
    """``register(regelverk)``: add one rule set (with the units and codes it carries)."""

    def __call__(self, regelverk: Regelverk, /) -> None: ...


class UtokaRegelverk(Protocol):
    """``utoka(id, regler=…, enheter=…, koder=…, handelsetyper=…)``: add to a rule set
    that another package registered, e.g. a municipality's local rules for its förbund."""

    def __call__(
        self,
        regelverk_id: str,
        /,
        *,
        regler: Iterable[Regel] = (),
        enheter: Iterable[Enhet] = (),
        koder: Mapping[Kodslag, Mapping[str, str]] | None = None,
        handelsetyper: Iterable[type[Handelse]] = (),
    ) -> None: ...


class RegistreraArenor(Protocol):
    """``register(arenadata)``: add the arenas and gaps of one document (`Arenadata`)."""

    def __call__(self, arenadata: Arenadata, /) -> None: ...


@hookspec
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    """Register this package's rule sets: call ``register(regelverk)`` for each.

    A rule set whose id is taken, that reuses a rule id registered by another rule set, or
    whose codes conflict with registered ones is refused and reported; the rest load.
    """


@hookspec
def finsam_utoka(utoka: UtokaRegelverk) -> None:
    """Extend rule sets registered by other packages: call ``utoka("sofint", regler=[…])``.

    Runs after every ``finsam_regelverk``, so the rule set to extend is already there.
    New rule ids must be new; an extension of an unknown rule set is reported.
    """


@hookspec
def finsam_arenor(register: RegistreraArenor) -> None:
    """Register the arenas (forums, teams, programmes) this package's documents describe:
    call ``register(las_arenadata(files(__package__) / "arenor.yaml"))``.

    Called the first time arenas are needed, not at start-up. A data file that cannot be
    read, or an arena id another plugin registered, is reported like a broken plugin; the
    plugin's rule sets and every other plugin's arenas keep working.
    """


class RegistreraRapport(Protocol):
    """``register(rapport)``: add one report across cases (`finsam rapport`)."""

    def __call__(self, rapport: Rapport, /) -> None: ...


@hookspec
def finsam_rapporter(register: RegistreraRapport) -> None:
    """Register this package's reports: call ``register(rapport)`` for each.

    Called the first time reports are needed (``finsam rapport``, ``finsam plugins``), not
    at start-up. A report whose id is taken is refused and reported; the rest load.
    """
