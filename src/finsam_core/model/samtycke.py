"""Consent (`Samtycke`) to share information between units, and when it covers an exchange."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from finsam_core.model.fel import Modellfel
from finsam_core.model.koder import Enhetskod, Omfattning, Samtyckesform


@frozen
class Samtycke:
    """Consent given on ``datum`` to exchange information between the units in ``parter``.

    >>> s = Samtycke(date(2025, 2, 10), ("socialtjanst", "ame"), "skriftligt",
    ...              aterkallat=date(2025, 9, 1))
    >>> s.tacker("ame", "socialtjanst", date(2025, 2, 10))
    True
    >>> s.tacker("ame", "socialtjanst", date(2025, 9, 1))
    False
    """

    datum: date
    parter: tuple[Enhetskod, ...]
    form: Samtyckesform
    omfattning: tuple[Omfattning, ...] = ()
    giltigt_till: date | None = None
    aterkallat: date | None = None
    """Withdrawn from this date on."""
    inhamtat_av: Enhetskod | None = None

    def __attrs_post_init__(self) -> None:
        if len(set(self.parter)) < 2:
            raise Modellfel(
                "ett samtycke gäller utbyte mellan enheter: förväntade minst två olika "
                f"enheter i parter, fick {len(set(self.parter))}",
                "parter",
            )
        if self.giltigt_till is not None and self.giltigt_till < self.datum:
            raise Modellfel(
                f"giltigt_till ({self.giltigt_till}) ligger före datum ({self.datum})",
                "giltigt_till",
            )

    def tacker(self, enhet_a: str, enhet_b: str, datum: date) -> bool:
        """True if this consent covers an exchange between the two units on *datum*.

        Both units are in ``parter``; *datum* is on or after ``datum``, not after
        ``giltigt_till`` and before ``aterkallat`` (the spec's coverage rule).
        """
        return (
            enhet_a in self.parter
            and enhet_b in self.parter
            and self.datum <= datum
            and (self.giltigt_till is None or datum <= self.giltigt_till)
            and (self.aterkallat is None or datum < self.aterkallat)
        )
