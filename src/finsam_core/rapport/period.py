"""The period a report covers (`Period`): a month, quarter, half-year, year, or two dates.

>>> p = Period.tolka("2025-Q4")
>>> str(p), p.fran, p.till
('2025-Q4', datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
>>> str(Period.tolka("2025-10")), str(Period.tolka("2025-H1")), str(Period.tolka("2025"))
('2025-10', '2025-H1', '2025')
>>> date(2025, 10, 31) in Period.tolka("2025-10"), date(2025, 11, 1) in Period.tolka("2025-10")
(True, False)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from attrs import frozen

_MONSTER = re.compile(r"(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])|[Hh]([12])))?")
EXEMPEL = "ÅÅÅÅ-MM, ÅÅÅÅ-Qn (kvartal), ÅÅÅÅ-Hn (halvår) eller ÅÅÅÅ"


class Periodfel(ValueError):
    """The text is not a period; the message is Swedish and names the accepted forms."""


def _sista_i_manad(ar: int, manad: int) -> date:
    return date(ar + manad // 12, manad % 12 + 1, 1) - timedelta(days=1)


@frozen
class Period:
    """Days ``fran`` to ``till``, both included, with the name it was given by."""

    fran: date
    till: date
    namn: str = ""

    def __attrs_post_init__(self) -> None:
        if self.till < self.fran:
            raise Periodfel(f"perioden slutar ({self.till}) före den börjar ({self.fran})")

    @classmethod
    def tolka(cls, text: str) -> Period:
        """Read ``2025-10``, ``2025-Q4`` (kvartal), ``2025-H2`` (halvår) or ``2025``."""
        m = _MONSTER.fullmatch(text.strip())
        if m is None:
            raise Periodfel(f"förväntade en period {EXEMPEL}, fick {text!r}")
        ar = int(m.group(1))
        manad, kvartal, halvar = m.group(2), m.group(3), m.group(4)
        if manad is not None:
            if not 1 <= int(manad) <= 12:
                raise Periodfel(f"månaden måste vara 01–12, fick {text!r}")
            forsta, sista = int(manad), int(manad)
            namn = f"{ar:04d}-{int(manad):02d}"
        elif kvartal is not None:
            forsta, sista = 3 * int(kvartal) - 2, 3 * int(kvartal)
            namn = f"{ar:04d}-Q{kvartal}"
        elif halvar is not None:
            forsta, sista = 6 * int(halvar) - 5, 6 * int(halvar)
            namn = f"{ar:04d}-H{halvar}"
        else:
            forsta, sista, namn = 1, 12, f"{ar:04d}"
        if ar < 1900:
            raise Periodfel(f"förväntade ett år från 1900, fick {text!r}")
        return cls(date(ar, forsta, 1), _sista_i_manad(ar, sista), namn)

    @classmethod
    def mellan(cls, fran: date, till: date) -> Period:
        """The days from *fran* to *till*, both included (``--fran``/``--till``)."""
        return cls(fran, till, f"{fran.isoformat()}–{till.isoformat()}")

    def __contains__(self, dag: object) -> bool:
        return isinstance(dag, date) and self.fran <= dag <= self.till

    def overlappar(self, start: date, slut: date | None) -> bool:
        """True if the days *start*–*slut* (open-ended when None) share a day with the period."""
        return start <= self.till and (slut is None or slut >= self.fran)

    def __str__(self) -> str:
        return self.namn or f"{self.fran.isoformat()}–{self.till.isoformat()}"
