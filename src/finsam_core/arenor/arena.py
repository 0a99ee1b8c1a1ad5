"""Arenas (`Arena`): the forums, teams, programmes and networks a person can be routed to.

An arena is data a plugin owns: who takes part, in which municipalities, for whom (level,
required situations, age, sex), how often it meets, who may refer to it, and the sentence of
the owner's document that describes it. A `Lucka` is a gap the same document names ("Vad
behöver utvecklas?"), shown when no arena fits. A plugin registers one `Arenadata` per
document; `finsam_core.arenor.data.las_arenadata` reads it from the plugin's data file.
"""

from __future__ import annotations

import enum
import re

from attrs import field, frozen

from finsam_core.model.finsamfel import Finsamfel
from finsam_core.model.kommuner import Kommun
from finsam_core.regler.fynd import Kalla

ARENA_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
"""Arena and gap ids look like ``svb-f14``, ``sofint-samverkansteamet``; stable forever."""

INDIVIDEN = "individen"
"""An entry route: the person may contact the arena themselves (self-referral)."""
OKAND = "okand"
"""An entry route: the source does not say who may refer."""
INTERN = "intern"
"""An entry route: the unit's own caseworkers bring cases (no referral from outside)."""


class Niva(enum.Enum):
    """What an arena works with. Only ``individ`` arenas are suggested by default."""

    INDIVID = "individ"
    """Takes or discusses individual cases."""
    STRUKTUR = "struktur"
    """Managers, strategy, steering."""
    KUNSKAP = "kunskap"
    """Knowledge and method networks."""


Aldersspann = tuple[int | None, int | None]
"""Whole years ``(min, max)``, both ends included; None is open."""


def inom(alder: int, spann: Aldersspann) -> bool:
    """True if *alder* lies in *spann* (both ends included, None open).

    >>> inom(24, (16, 24)), inom(25, (16, 24)), inom(80, (25, None))
    (True, False, True)
    """
    lagst, hogst = spann
    return (lagst is None or alder >= lagst) and (hogst is None or alder <= hogst)


def visa_spann(spann: Aldersspann) -> str:
    """An age range as a caseworker reads it.

    >>> visa_spann((16, 24)), visa_spann((None, 19)), visa_spann((25, None)), visa_spann((25, 25))
    ('16–24 år', 'högst 19 år', 'minst 25 år', '25 år')
    """
    lagst, hogst = spann
    if lagst is not None and lagst == hogst:
        return f"{lagst} år"
    if lagst is None:
        return f"högst {hogst} år"
    if hogst is None:
        return f"minst {lagst} år"
    return f"{lagst}–{hogst} år"


@frozen
class Frekvens:
    """How often an arena meets: the source's words and meetings per year (None: unknown)."""

    text: str | None = None
    per_ar: float | None = None


@frozen
class Arena:
    """One forum, team, programme or network, as its owner's document describes it."""

    id: str
    namn: str
    kommuner: tuple[Kommun, ...]
    """The municipalities whose residents it takes."""
    niva: Niva
    malgrupp: str
    """The target group in the source's words (or "anges inte")."""
    kalla: Kalla
    organisationer: tuple[str, ...] = ()
    """Who sits in it: unit codes where there is one, otherwise labels."""
    kraver: frozenset[str] = frozenset()
    """Situation codes of which at least one must hold (empty: none stated)."""
    kraver_ocksa: frozenset[str] = frozenset()
    """A second condition: at least one of these must hold as well (empty: none)."""
    utesluter: frozenset[str] = frozenset()
    """Situation codes that exclude a person (the source's "erbjuder inte insatser till")."""
    alder: Aldersspann | None = None
    alder_osaker: Aldersspann | None = None
    """Ages the source is unclear about: such a person is a possible, uncertain match."""
    kon: str | None = None
    frekvens: Frekvens = Frekvens()
    ingang: tuple[str, ...] = ()
    """Who may refer: unit codes, another arena's id, `INDIVIDEN`, `OKAND`, `INTERN`, or
    the owner's own words (``bistandsbeslut``)."""
    projekt: bool = False
    """A time-limited project: suggested only when asked for."""
    osakerhet: str | None = None
    """Why any match is only possible (e.g. the source gives no target group)."""
    nasta_steg: str | None = None
    """What to do to get there, where the owner says it better than the entry routes."""
    plugin: str = field(default="", eq=False)
    """Filled in by the host: the plugin that registered it."""

    def __attrs_post_init__(self) -> None:
        if not ARENA_ID.fullmatch(self.id):
            raise Arenafel(f"ogiltigt arena-id {self.id!r}: förväntade t.ex. 'svb-f14'")
        if not self.kommuner:
            raise Arenafel(f"arenan {self.id} anger ingen kommun")

    @property
    def kommunkoder(self) -> frozenset[str]:
        """The kommunkoder of `kommuner`."""
        return frozenset(k.kod for k in self.kommuner)


@frozen
class Lucka:
    """A gap the owner's document names for a municipality ("Vad behöver utvecklas?")."""

    id: str
    kommun: Kommun
    enhet: str
    """The unit or section whose description names the gap, in the source's words."""
    text: str
    """The gap, summarised in Swedish for a caseworker."""
    kalla: Kalla

    def __attrs_post_init__(self) -> None:
        if not ARENA_ID.fullmatch(self.id):
            raise Arenafel(f"ogiltigt lucka-id {self.id!r}: förväntade t.ex. 'svb-l01'")


@frozen
class Arenadata:
    """The arenas and gaps of one owner's document, as a plugin registers them."""

    agare: str
    arenor: tuple[Arena, ...]
    luckor: tuple[Lucka, ...] = ()
    fil: str = ""
    """Where the data was read from (for messages)."""

    def __attrs_post_init__(self) -> None:
        sedda: set[str] = set()
        for post_id in self.ids:
            if post_id in sedda:
                raise Arenafel(f"id {post_id!r} förekommer två gånger")
            sedda.add(post_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the arenas, then of the gaps."""
        return (*(a.id for a in self.arenor), *(lucka.id for lucka in self.luckor))


class Arenafel(Finsamfel, ValueError):
    """Arena data that is not well formed; the message says where (Swedish)."""
