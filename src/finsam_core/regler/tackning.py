"""Checking a rule set's versions over time: gaps and overlaps (a test helper).

>>> from datetime import date
>>> from finsam_core.regler.karnregler import KARNREGELVERK
>>> tackning(KARNREGELVERK.regler, date(2020, 1, 1), date(2030, 12, 31))
[]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta

from attrs import frozen

from finsam_core.regler.regel import Regel


@frozen
class Tackningsfel:
    """A stretch of days in which a rule id has no version (``lucka``) or several
    (``overlapp``)."""

    regel: str
    slag: str
    fran: date
    till: date

    def __str__(self) -> str:
        vad = "saknar version" if self.slag == "lucka" else "har flera versioner"
        return f"{self.regel} {vad} {self.fran}–{self.till}"


def tackning(regler: Iterable[Regel], fran: date, till: date) -> list[Tackningsfel]:
    """Every gap and overlap in the versions of each rule id between *fran* and *till*."""
    per_id: dict[str, list[Regel]] = {}
    for regel in regler:
        per_id.setdefault(regel.id, []).append(regel)
    fel: list[Tackningsfel] = []
    for regel_id, versioner in per_id.items():
        # Days where the number of versions in force changes, within [fran, till].
        granser = {fran, till + timedelta(days=1)}
        for v in versioner:
            for dag in (v.giltig_fran, v.giltig_till and v.giltig_till + timedelta(days=1)):
                if dag is not None and fran < dag <= till:
                    granser.add(dag)
        punkter = sorted(granser)
        for start, nasta in itertools.pairwise(punkter):
            antal = sum(1 for v in versioner if v.galler(start))
            if antal != 1:
                slag = "lucka" if antal == 0 else "overlapp"
                slut = nasta - timedelta(days=1)
                if (
                    fel
                    and fel[-1].regel == regel_id
                    and fel[-1].slag == slag
                    and fel[-1].till + timedelta(days=1) == start
                ):
                    fel[-1] = Tackningsfel(regel_id, slag, fel[-1].fran, slut)
                else:
                    fel.append(Tackningsfel(regel_id, slag, start, slut))
    return fel
