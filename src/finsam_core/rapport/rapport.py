"""A report (`Rapport`): declared from parts, computed in one pass, protected, then shown.

`Sammanstallning` is the one pass: give it cases one at a time (`lagg_till`), or their
contributions computed elsewhere (`bidrag` in a worker process, `lagg_till_bidrag` here),
and ask for the `Rapportresultat`. It keeps one accumulator per row and measure, never a
case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from attrs import field, frozen

from finsam_core.model.arende import Arende
from finsam_core.model.koder import Kodverk
from finsam_core.rapport.delar import Dimension, Fall, Matt, Rapportfel, Villkor, amnen_for
from finsam_core.rapport.period import Period
from finsam_core.rapport.skydd import (
    DOLD,
    LAGSTA_TROSKEL,
    Linje,
    markering,
    skydda,
)
from finsam_core.regler.motor import Resultat

RAPPORT_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
TOTALT = "totalt"
"""The value every dimension has in the total row."""


@frozen
class Rapport:
    """A named report: which cases count, how they split into rows, what is counted.

    - *regelverk*: only cases checked against this rule set (their own list, or the CLI's
      ``--regelverk``); None: every case.
    - *urval*: only cases meeting this condition in the period (e.g. enrolled at AME by its
      end); None: every case.
    - *amnen*: for a report that counts several things per case (the findings report: one
      row per rule), the things; such a report has no total row, since one person can be in
      several rows.
    - *periodregel*: in Swedish, how a case counts in the period (shown in docs and output).
    """

    id: str
    titel: str
    dimensioner: tuple[Dimension, ...]
    matt: tuple[Matt, ...]
    beskrivning: str = ""
    periodregel: str = ""
    regelverk: str | None = None
    urval: Villkor | None = field(default=None, eq=False, repr=False)
    amnen: Callable[[Fall], Iterable[object]] | None = field(default=None, eq=False, repr=False)
    behover_fynd: bool = False
    """True if a measure or dimension reads `Fall.resultat` (the case must be validated)."""
    plugin: str | None = field(default=None, eq=False)
    """Set by the plugin host: the plugin that registered the report."""

    def __attrs_post_init__(self) -> None:
        if not RAPPORT_ID.fullmatch(self.id):
            raise Rapportfel(f"ogiltigt rapport-id {self.id!r}: förväntade t.ex. 'eda-manad'")
        if not self.dimensioner or not self.matt:
            raise Rapportfel(f"rapporten {self.id} behöver minst en dimension och ett mått")
        namn = [d.namn for d in self.dimensioner] + [m.namn for m in self.matt]
        dubbla = sorted({n for n in namn if namn.count(n) > 1})
        if dubbla:
            raise Rapportfel(f"rapporten {self.id} använder namnet {dubbla[0]!r} två gånger")
        antal = {m.namn for m in self.matt if m.slag == "antal"}
        for m in self.matt:
            del_av = getattr(m, "del_av", None)
            if del_av is not None and del_av not in antal:
                raise Rapportfel(f"måttet {m.namn} är del av {del_av!r}, som inte är ett Antal")
            namnare = getattr(m, "namnare_matt", None)
            if namnare is not None and namnare not in antal:
                raise Rapportfel(f"måttet {m.namn} har nämnaren {namnare!r}, som inte är ett Antal")

    @property
    def summerbar(self) -> bool:
        """Each case lands in one row, so columns add up to a total row."""
        return self.amnen is None


Radnyckel = tuple[str, ...]
Bidrag = list[tuple[Radnyckel, tuple[Any, ...]]]
"""What one case contributes: per row it falls in, one contribution per measure."""


@frozen
class Cell:
    """One published value: the number, or None with the reason it is hidden."""

    varde: int | float | None
    dold: str | None = None
    """``"primar"`` (a count 1..T), ``"sekundar"`` (hidden to protect another cell),
    ``"fa"`` (a share or lead time over too few persons), or None when shown."""


@frozen
class Rad:
    dimensioner: Radnyckel
    celler: tuple[Cell, ...]


FORDELNINGSSTAPLAR = ((0, 7), (8, 14), (15, 30), (31, 60), (61, 90), (91, None))
"""The bars of a lead-time distribution, in days (both ends included; None: and more)."""


@frozen
class Fordelning:
    """A lead-time distribution over all the report's persons: persons per bar of days."""

    matt: str
    rubrik: str
    staplar: tuple[tuple[str, Cell], ...]
    antal: Cell


@frozen
class Rapportresultat:
    """A computed report: rows, the total row (if the report adds up), counts of cases."""

    rapport: Rapport
    period: Period
    troskel: int | None
    """None: no small-cell protection (``--utan-skydd``)."""
    rader: tuple[Rad, ...]
    totalt: Rad | None
    arenden: int
    """Cases read."""
    i_urvalet: int
    """Cases the report counted (of its rule set, meeting its selection)."""
    utelamnade: int = 0
    """Inputs that could not be read as a case, left out."""
    fordelningar: tuple[Fordelning, ...] = ()

    @property
    def dolda(self) -> int:
        """How many published cells are hidden."""
        rader = (*self.rader, *((self.totalt,) if self.totalt else ()))
        celler = [c for r in rader for c in r.celler]
        for f in self.fordelningar:
            celler += [f.antal, *(c for _, c in f.staplar)]
        return sum(c.dold is not None for c in celler)

    def visat_antal(self, cell: Cell) -> int | str:
        """A count as the JSON output shows it: the number, ``"1–4"`` or ``"dold"``."""
        if cell.dold is None:
            return int(cell.varde or 0)
        return markering(self.troskel or 0) if cell.dold == "primar" else DOLD

    def visat(self, cell: Cell, matt: Matt) -> int | float | str | None:
        """A cell as the JSON output shows it: a number, ``"1–4"``, ``"dold"`` or null."""
        if cell.dold is None:
            if isinstance(cell.varde, float):
                avrundat = round(cell.varde, 4 if matt.slag == "andel" else 1)
                # 15 rather than 15.0: the same text in Python's JSON and a browser's
                return int(avrundat) if avrundat.is_integer() else avrundat
            return cell.varde
        if matt.slag in ("antal",):
            return markering(self.troskel or 0) if cell.dold == "primar" else DOLD
        return None

    def rad_som_dict(self, rad: Rad) -> dict[str, Any]:
        data: dict[str, Any] = dict(
            zip((d.namn for d in self.rapport.dimensioner), rad.dimensioner, strict=True)
        )
        for matt, cell in zip(self.rapport.matt, rad.celler, strict=True):
            data[matt.namn] = self.visat(cell, matt)
        return data

    def till_dict(self) -> dict[str, Any]:
        """The JSON output (see the spec's ``finsam rapport`` contract)."""
        return {
            "rapport": self.rapport.id,
            "titel": self.rapport.titel,
            "period": {
                "namn": str(self.period),
                "fran": self.period.fran.isoformat(),
                "till": self.period.till.isoformat(),
            },
            "skydd": None
            if self.troskel is None
            else {"troskel": self.troskel, "dolda": self.dolda},
            "dimensioner": [{"namn": d.namn, "rubrik": d.rubrik} for d in self.rapport.dimensioner],
            "matt": [
                {"namn": m.namn, "rubrik": m.rubrik, "slag": m.slag} for m in self.rapport.matt
            ],
            "rader": [self.rad_som_dict(r) for r in self.rader],
            "totalt": self.rad_som_dict(self.totalt) if self.totalt else None,
            "fordelningar": [
                {
                    "matt": f.matt,
                    "rubrik": f.rubrik,
                    "antal": self.visat_antal(f.antal),
                    "staplar": [
                        {"dagar": namn, "antal": self.visat_antal(cell)} for namn, cell in f.staplar
                    ],
                }
                for f in self.fordelningar
            ],
            "arenden": self.arenden,
            "i_urvalet": self.i_urvalet,
            "utelamnade": self.utelamnade,
        }


class Sammanstallning:
    """One pass over the cases for one report and period (see the module doc)."""

    def __init__(
        self,
        rapport: Rapport,
        period: Period,
        kodverk: Kodverk,
        *,
        regelverk: tuple[str, ...] = (),
        validera: Callable[[Arende], Resultat] | None = None,
    ) -> None:
        self.rapport = rapport
        self.period = period
        self.kodverk = kodverk
        self.regelverk = regelverk
        """The CLI's ``--regelverk``: replaces each case's own list when choosing cases."""
        self.validera = validera
        self._samlat: dict[Radnyckel, list[Any]] = {}
        self._totalt: list[Any] = [m.tom() for m in rapport.matt]
        self.arenden = 0
        self.i_urvalet = 0
        self.utelamnade = 0

    def bidrag(self, arende: Arende) -> Bidrag | None:
        """What *arende* adds to the report, or None if it is not counted (a pure function
        of the case: safe to call in a worker process)."""
        rapport = self.rapport
        if rapport.regelverk is not None and rapport.regelverk not in (
            self.regelverk or arende.regelverk
        ):
            return None
        fall = Fall(arende, self.period, self.kodverk, validera=self.validera)
        if rapport.urval is not None and not rapport.urval(fall):
            return None
        return [
            (
                tuple(d.varde(f) for d in rapport.dimensioner),
                tuple(m.bidrag(f) for m in rapport.matt),
            )
            for f in amnen_for(fall, rapport.amnen)
        ]

    def lagg_till(self, arende: Arende) -> None:
        """Count one case."""
        self.lagg_till_bidrag(self.bidrag(arende))

    def lagg_till_bidrag(self, bidrag: Bidrag | None) -> None:
        """Count one case from its `bidrag` (None: read, but not counted)."""
        self.arenden += 1
        if bidrag is None:
            return
        self.i_urvalet += 1
        matt = self.rapport.matt
        for nyckel, varden in bidrag:
            samlat = self._samlat.get(nyckel)
            if samlat is None:
                samlat = self._samlat[nyckel] = [m.tom() for m in matt]
            for i, (m, b) in enumerate(zip(matt, varden, strict=True)):
                samlat[i] = m.samla(samlat[i], b)
                if self.rapport.summerbar:
                    self._totalt[i] = m.samla(self._totalt[i], b)

    def utelamna(self) -> None:
        """Note one input that could not be read."""
        self.utelamnade += 1

    # -- the result --------------------------------------------------------------------------

    def _radnycklar(self) -> list[Radnyckel]:
        dimensioner = self.rapport.dimensioner
        nycklar = set(self._samlat)
        if all(d.varden for d in dimensioner):
            fasta: list[Radnyckel] = [()]
            for d in dimensioner:
                fasta = [(*n, v) for n in fasta for v in d.varden]
            nycklar.update(fasta)

        def ordning(nyckel: Radnyckel) -> tuple[tuple[int, str], ...]:
            return tuple(
                (d.varden.index(v) if v in d.varden else len(d.varden), v)
                for d, v in zip(dimensioner, nyckel, strict=True)
            )

        return sorted(nycklar, key=ordning)

    def resultat(self, *, troskel: int | None) -> Rapportresultat:
        """The report, protected with *troskel* (None: unprotected, ``--utan-skydd``)."""
        if troskel is not None and troskel < LAGSTA_TROSKEL:
            raise Rapportfel(f"tröskeln får inte vara under {LAGSTA_TROSKEL}, fick {troskel}")
        rapport = self.rapport
        matt = rapport.matt
        nycklar = self._radnycklar()
        samlat = {n: self._samlat.get(n) or [m.tom() for m in matt] for n in nycklar}
        totalnyckel: Radnyckel = tuple(TOTALT for _ in rapport.dimensioner)
        if rapport.summerbar:
            samlat[totalnyckel] = self._totalt
        celler: dict[tuple[Radnyckel, int], Cell] = {
            (n, i): Cell(m.varde(s[i])) for n, s in samlat.items() for i, m in enumerate(matt)
        }
        if troskel is not None:
            self._skydda(celler, samlat, nycklar, totalnyckel, troskel)
        rader = tuple(Rad(n, tuple(celler[(n, i)] for i in range(len(matt)))) for n in nycklar)
        totalt = (
            Rad(totalnyckel, tuple(celler[(totalnyckel, i)] for i in range(len(matt))))
            if rapport.summerbar
            else None
        )
        return Rapportresultat(
            rapport,
            self.period,
            troskel,
            rader,
            totalt,
            self.arenden,
            self.i_urvalet,
            self.utelamnade,
            self._fordelningar(troskel),
        )

    def _fordelningar(self, troskel: int | None) -> tuple[Fordelning, ...]:
        fordelningar = []
        for i, m in enumerate(self.rapport.matt):
            rubrik = getattr(m, "fordelning", None)
            if rubrik is None:
                continue
            dagar: Counter[int] = Counter()
            for rad in self._samlat.values():
                dagar.update(rad[i])
            tabell: dict[Hashable, int] = {"antal": sum(dagar.values())}
            namn = []
            for fran, till in FORDELNINGSSTAPLAR:
                etikett = f"{fran}–{till}" if till is not None else f"{fran}–"
                namn.append(etikett)
                tabell[etikett] = sum(
                    n for d, n in dagar.items() if d >= fran and (till is None or d <= till)
                )
            dolda: Mapping[Hashable, str] = {}
            if troskel is not None:
                dolda = skydda(tabell, [Linje(tuple(namn), "antal")], troskel=troskel)
            celler = {k: Cell(v, dolda.get(k)) for k, v in tabell.items()}
            fordelningar.append(
                Fordelning(m.namn, rubrik, tuple((n, celler[n]) for n in namn), celler["antal"])
            )
        return tuple(fordelningar)

    def _skydda(
        self,
        celler: dict[tuple[Radnyckel, int], Cell],
        samlat: Mapping[Radnyckel, list[Any]],
        nycklar: list[Radnyckel],
        totalnyckel: Radnyckel,
        troskel: int,
    ) -> None:
        rapport = self.rapport
        matt = rapport.matt
        index = {m.namn: i for i, m in enumerate(matt)}
        # Counts of persons and sums: protected cell by cell, with their lines.
        raknade = [i for i, m in enumerate(matt) if m.slag in ("antal", "summa")]
        tabell: dict[Hashable, int] = {}
        for n in samlat:
            for i in raknade:
                if matt[i].slag == "antal":
                    tabell[(n, i)] = matt[i].personer(samlat[n][i])
                else:
                    # A sum is hidden by the persons behind it; protect that count, and
                    # hide the sum with it.
                    tabell[(n, i)] = matt[i].personer(samlat[n][i])
        linjer: list[Linje] = []
        if rapport.summerbar:
            for i in raknade:
                linjer.append(Linje(tuple((n, i) for n in nycklar), (totalnyckel, i)))
        for n in samlat:
            for helhet, j in index.items():
                delar = [i for i, m in enumerate(matt) if getattr(m, "del_av", None) == helhet]
                if delar:
                    linjer.append(Linje(tuple((n, i) for i in delar), (n, j)))
        for cell, doljning in skydda(tabell, linjer, troskel=troskel).items():
            n, i = cell  # type: ignore[misc]
            celler[(n, i)] = Cell(celler[(n, i)].varde, doljning)
        # Shares and lead times: hidden over too few persons, or when the count behind
        # them is hidden.
        for n, s in samlat.items():
            for i, m in enumerate(matt):
                if m.slag not in ("andel", "ledtid"):
                    continue
                if _for_fa(m, s[i], troskel) or (
                    getattr(m, "namnare_matt", None) is not None
                    and celler[(n, index[m.namnare_matt])].dold is not None  # type: ignore[attr-defined]
                ):
                    celler[(n, i)] = Cell(celler[(n, i)].varde, "fa")


def _for_fa(matt: Matt, samlat: Any, troskel: int) -> bool:
    """A share or lead time that could reveal a person: over at most *troskel* persons, or
    (a share) whose numerator or its complement is 1..T, which with the denominator shown
    would give a hidden count away."""
    n = matt.personer(samlat)
    if n == 0:
        return False
    if n <= troskel:
        return True
    if matt.slag == "andel":
        k: int = samlat[0]
        return 1 <= k <= troskel or 1 <= n - k <= troskel
    return False
