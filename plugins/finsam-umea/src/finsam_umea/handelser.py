"""Event types Bilaga 4 needs and ``finsam/1`` does not carry (spec umea.md 3.2, 3.6).

Each is a frozen attrs class with a ``typ`` code, registered through the rule set
(``Regelverk(handelsetyper=...)``), so a case may write::

    handelser:
      - {typ: inventering, datum: 2025-04-16, part: slussen}
      - {typ: avvikelse, datum: 2025-06-02, fran: arenor_for_provning, avser: frånvaro}
      - {typ: avhopp, datum: 2025-03-01, fran: skola}
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from attrs import frozen

from finsam_core.regelbygge import Enhetskod, Handelse


@frozen
class Inventering(Handelse):
    """Försörjningsstöd/Slussen takes stock of its cases: where the FS process starts.

    «Kartläggningen initieras av försörjningsstöd/slussen med en inventering av ärenden»
    """

    typ: ClassVar[str] = "inventering"
    datum: date
    part: Enhetskod


@frozen
class Avvikelse(Handelse):
    """A deviation from the plan, noted by a unit (``fran``), about something (``avser``).

    «Avvikelser från planeringen ska alltid utmynna i ett flerpartsmöte.»
    """

    typ: ClassVar[str] = "avvikelse"
    datum: date
    fran: Enhetskod | None = None
    avser: str | None = None


@frozen
class Avhopp(Handelse):
    """A young person leaves gymnasiet without finishing (reported by ``fran``, e.g. ``skola``)."""

    typ: ClassVar[str] = "avhopp"
    datum: date
    fran: Enhetskod | None = None


HANDELSETYPER: tuple[type[Handelse], ...] = (Inventering, Avvikelse, Avhopp)
"""The plugin's event types, in the spec's order."""
