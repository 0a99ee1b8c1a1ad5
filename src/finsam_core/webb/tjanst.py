"""What the service holds from start to stop: plugins, the checker, arenas, limits, token.

Built once when the service starts (plugins load then, not on the first request) and
never changed after: every request reads it, from any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from finsam_core.arenor import Arenaregister
from finsam_core.kontrollant import Kontrollant
from finsam_core.plugins.vard import Pluginvard, hamta_vard

MEGABYTE = 1_000_000


@frozen
class Installningar:
    """The service's limits and access check."""

    max_storlek: int = 2 * MEGABYTE
    """Largest body of a one-case request, and largest line of a JSON Lines batch."""
    max_sats: int = 500 * MEGABYTE
    """Largest JSON Lines body (it is read line by line: memory stays at one line)."""
    token: str | None = None
    """If set, every API request needs ``Authorization: Bearer <token>`` and the page's
    form the same key in its field; None: no check (for use on localhost)."""


class Tjanst:
    """The plugin host, one `Kontrollant`, the arenas and the settings of one service.

    *regelverk* fixes the rule sets every case is checked against (as ``finsam validate
    -r``); without it each case names its own. An id that is not loaded raises
    `Konfigurationsfel` here, at start, never on a request.
    """

    def __init__(
        self,
        vard: Pluginvard | None = None,
        *,
        regelverk: Sequence[str] | None = None,
        installningar: Installningar | None = None,
    ) -> None:
        self.vard = vard if vard is not None else hamta_vard()
        self.kontrollant = Kontrollant(self.vard, regelverk=regelverk)
        self.installningar = installningar if installningar is not None else Installningar()
        self.arenor: Arenaregister = self.vard.arenor()
        self.lasare = self.vard.lasare()
