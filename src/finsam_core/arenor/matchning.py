"""Routing: which arenas could take this person? (F-SVB-1)

A `Fraga` holds the municipality, the age, the situations (omständighet and försörjning
codes, ``arbetssokande``, …), the sex and the levels asked for; `fraga_for_arende` derives it
from a case. `Arenaregister.foresla` answers with `Forslag`: each arena that *passar* (every
stated criterion holds) or is *möjlig* (uncertain: the age is in the range the source is
unclear about, the target group is not stated, the age or sex is unknown), with why, the
entry route, the next step and the source. Fitting arenas come before uncertain ones, and
an arena of fewer municipalities (the person's own) before county-wide ones. When no arena
fits, the answer carries the gaps the owner's document names for the municipality (F-SVB-4).

>>> from finsam_core.model.kommuner import hitta_kommun
>>> from finsam_core.regler.fynd import Kalla
>>> trappsteget = Arena(
...     id="x-trappsteget", namn="Trappsteget", kommuner=(hitta_kommun("Vaggeryd"),),
...     niva=Niva.INDIVID, malgrupp="unga", kalla=Kalla("k.txt", "s. 9", "…"),
...     alder=(16, 24), alder_osaker=(25, 25), ingang=("socialtjanst",),
... )
>>> register = Arenaregister([trappsteget])
>>> [(f.arena.id, f.traffsakerhet.value) for f in register.foresla(
...     Fraga(hitta_kommun("Vaggeryd"), alder=25)).forslag]
[('x-trappsteget', 'mojlig')]
>>> register.foresla(Fraga(hitta_kommun("Vaggeryd"), alder=26)).forslag
()
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from attrs import field, frozen

from finsam_core.arenor.arena import (
    INDIVIDEN,
    INTERN,
    OKAND,
    Arena,
    Lucka,
    Niva,
    inom,
    visa_spann,
)
from finsam_core.model.arende import Arende
from finsam_core.model.kommuner import Kommun
from finsam_core.regler.fynd import Kalla

ARBETSSOKANDE = "arbetssokande"
"""The situation derived from a contact with Arbetsförmedlingen (``af`` in ``kontakter``)."""


class Traffsakerhet(enum.Enum):
    """How sure a suggestion is."""

    PASSAR = "passar"
    """Every criterion the source states holds."""
    MOJLIG = "mojlig"
    """Possible but uncertain: the reasons say what is unclear."""

    @property
    def text(self) -> str:
        """As a caseworker reads it."""
        return "passar" if self is Traffsakerhet.PASSAR else "möjlig, osäker"


def _situationer(koder: Iterable[str]) -> frozenset[str]:
    return frozenset(koder)


def _nivaer(nivaer: Iterable[Niva]) -> frozenset[Niva]:
    return frozenset(nivaer)


@frozen
class Fraga:
    """What routing is asked: who the person is and which arenas to consider."""

    kommun: Kommun
    alder: int | None = None
    """Age in whole years; None if unknown (arenas with an age range become uncertain)."""
    situationer: frozenset[str] = field(default=frozenset(), converter=_situationer)
    kon: str | None = None
    nivaer: frozenset[Niva] = field(default=frozenset({Niva.INDIVID}), converter=_nivaer)
    inkl_projekt: bool = False
    datum: date | None = None
    """The day the situations and age were taken on (informational)."""
    skyddad: bool = False
    """The person has skyddade personuppgifter: routing still uses kommun and age, but no
    answer shows them (nor the municipality's name in reasons and gaps)."""

    def till_dict(self) -> dict[str, Any]:
        """The question as the JSON answer shows it (for a protected person without kommun,
        age and sex: ``"[skyddat]"`` and null)."""
        if self.skyddad:
            return {
                "kommun": SKYDDAT,
                "alder": None,
                "situationer": sorted(self.situationer),
                "kon": None,
                "nivaer": sorted(n.value for n in self.nivaer),
                "inkl_projekt": self.inkl_projekt,
                "datum": self.datum.isoformat() if self.datum else None,
                "skyddad": True,
            }
        return {
            "kommun": self.kommun.namn,
            "alder": self.alder,
            "situationer": sorted(self.situationer),
            "kon": self.kon,
            "nivaer": sorted(n.value for n in self.nivaer),
            "inkl_projekt": self.inkl_projekt,
            "datum": self.datum.isoformat() if self.datum else None,
        }


def situationer_for(arende: Arende, datum: date) -> frozenset[str]:
    """A case's situations on *datum*: its omständigheter, the försörjning types paid that
    day, and ``arbetssokande`` if Arbetsförmedlingen (``af``) is among its contacts."""
    individ = arende.individ
    situationer: set[str] = set(individ.omstandigheter)
    situationer.update(f.typ for f in individ.forsorjning_vid(datum))
    if "af" in individ.kontakter:
        situationer.add(ARBETSSOKANDE)
    return frozenset(situationer)


def fraga_for_arende(
    arende: Arende,
    datum: date,
    *,
    nivaer: Iterable[Niva] = (Niva.INDIVID,),
    inkl_projekt: bool = False,
    extra_situationer: Iterable[str] = (),
) -> Fraga:
    """The routing question for a case on *datum* (age, sex, municipality, situations)."""
    individ = arende.individ
    return Fraga(
        kommun=individ.kommun,
        alder=individ.alder(datum),
        situationer=situationer_for(arende, datum) | frozenset(extra_situationer),
        kon=individ.kon,
        nivaer=frozenset(nivaer),
        inkl_projekt=inkl_projekt,
        datum=datum,
        skyddad=individ.skyddad,
    )


SKYDDAT = "[skyddat]"


def skyddade_skal(skal: Iterable[str], fraga: Fraga) -> list[str]:
    """Reasons as shown: for a protected person, those naming kommun or age are replaced."""
    if not fraga.skyddad:
        return list(skal)
    return [
        SKYDDAT
        if fraga.kommun.namn in s or (fraga.alder is not None and str(fraga.alder) in s)
        else s
        for s in skal
    ]


def kalla_som_dict(kalla: Kalla) -> dict[str, str]:
    """A source as the JSON answers show it: document, title, section or page, quote."""
    return {
        "dokument": kalla.dokument,
        "titel": kalla.titel,
        "avsnitt": kalla.avsnitt,
        "citat": kalla.citat,
    }


@frozen
class Forslag:
    """One suggested arena: how sure, why, how to get there, and the source."""

    arena: Arena
    traffsakerhet: Traffsakerhet
    skal: tuple[str, ...]
    nasta_steg: str

    def till_dict(self) -> dict[str, Any]:
        """The suggestion as ``finsam arenor --format json`` prints it."""
        arena = self.arena
        return {
            "arena": arena.id,
            "namn": arena.namn,
            "traffsakerhet": self.traffsakerhet.value,
            "skal": list(self.skal),
            "ingang": list(arena.ingang),
            "nasta_steg": self.nasta_steg,
            "niva": arena.niva.value,
            "kommuner": [k.namn for k in arena.kommuner],
            "frekvens": arena.frekvens.text,
            "projekt": arena.projekt,
            "kalla": kalla_som_dict(arena.kalla),
        }


def lucka_som_dict(lucka: Lucka) -> dict[str, Any]:
    """A gap as the JSON answers show it."""
    return {
        "id": lucka.id,
        "kommun": lucka.kommun.namn,
        "enhet": lucka.enhet,
        "text": lucka.text,
        "kalla": kalla_som_dict(lucka.kalla),
    }


@frozen
class Arenasvar:
    """The answer to a `Fraga`: suggestions in order, and gaps when nothing fits."""

    fraga: Fraga
    forslag: tuple[Forslag, ...]
    luckor: tuple[Lucka, ...] = ()

    def till_dict(self) -> dict[str, Any]:
        """``{"fraga": …, "forslag": […], "luckor": […]}``, as `SVARSSCHEMA` describes."""
        forslag = [f.till_dict() for f in self.forslag]
        for post in forslag:
            post["skal"] = skyddade_skal(post["skal"], self.fraga)
        return {
            "fraga": self.fraga.till_dict(),
            "forslag": forslag,
            # a gap names the person's municipality: not shown for a protected person
            "luckor": [] if self.fraga.skyddad else [lucka_som_dict(x) for x in self.luckor],
        }


class Arenaregister:
    """The registered arenas and gaps, indexed by municipality for fast routing.

    *enhetsnamn* names unit codes in the next-step text (``socialtjanst`` → "Socialtjänsten").
    """

    def __init__(
        self,
        arenor: Iterable[Arena],
        luckor: Iterable[Lucka] = (),
        enhetsnamn: Mapping[str, str] | None = None,
    ) -> None:
        self.arenor = tuple(arenor)
        self.luckor = tuple(luckor)
        self._enhetsnamn = dict(enhetsnamn or {})
        self._per_kommun: dict[str, list[tuple[int, Arena]]] = {}
        for ordning, arena in enumerate(self.arenor):
            for kod in arena.kommunkoder:
                self._per_kommun.setdefault(kod, []).append((ordning, arena))
        self._luckor_per_kommun: dict[str, list[Lucka]] = {}
        for lucka in self.luckor:
            self._luckor_per_kommun.setdefault(lucka.kommun.kod, []).append(lucka)
        self._id = {arena.id: arena for arena in self.arenor}
        self._nasta_steg: dict[str, str] = {}

    def arena(self, arena_id: str) -> Arena | None:
        """The arena with that id, or None."""
        return self._id.get(arena_id)

    def i_kommun(self, kommun: Kommun | None = None) -> tuple[Arena, ...]:
        """Every arena (of every level), or those that take residents of *kommun*."""
        if kommun is None:
            return self.arenor
        return tuple(arena for _, arena in self._per_kommun.get(kommun.kod, ()))

    def luckor_i(self, kommun: Kommun) -> tuple[Lucka, ...]:
        """The gaps the owners' documents name for *kommun*."""
        return tuple(self._luckor_per_kommun.get(kommun.kod, ()))

    def foresla(self, fraga: Fraga) -> Arenasvar:
        """The arenas that could take the person, fitting first, then uncertain ones."""
        traffar = []
        for ordning, arena in self._per_kommun.get(fraga.kommun.kod, ()):
            bedomning = _bedom(arena, fraga)
            if bedomning is None:
                continue
            traffsakerhet, skal = bedomning
            rang = 0 if traffsakerhet is Traffsakerhet.PASSAR else 1
            forslag = Forslag(arena, traffsakerhet, skal, self.nasta_steg(arena))
            traffar.append(((rang, len(arena.kommuner), ordning), forslag))
        traffar.sort(key=lambda par: par[0])
        forslag_i_ordning = tuple(f for _, f in traffar)
        passar = any(f.traffsakerhet is Traffsakerhet.PASSAR for f in forslag_i_ordning)
        luckor = () if passar else self.luckor_i(fraga.kommun)
        return Arenasvar(fraga, forslag_i_ordning, luckor)

    def nasta_steg(self, arena: Arena) -> str:
        """What to do to reach *arena*: the owner's words, else built from its entry routes."""
        text = self._nasta_steg.get(arena.id)
        if text is None:
            text = arena.nasta_steg or _nasta_steg_av_ingang(arena, self._namn)
            self._nasta_steg[arena.id] = text
        return text

    def _namn(self, kod: str) -> str:
        annan = self._id.get(kod)
        if annan is not None:
            return f"{annan.namn} ({annan.id})"
        return self._enhetsnamn.get(kod, kod)


def _bedom(arena: Arena, fraga: Fraga) -> tuple[Traffsakerhet, tuple[str, ...]] | None:
    """(how sure, why) if *arena* could take the person asked about, else None."""
    if arena.niva not in fraga.nivaer or (arena.projekt and not fraga.inkl_projekt):
        return None
    situationer = fraga.situationer
    if arena.utesluter & situationer:
        return None
    if arena.kraver and not arena.kraver & situationer:
        return None
    if arena.kraver_ocksa and not arena.kraver_ocksa & situationer:
        return None
    skal = [f"kommun: {fraga.kommun.namn}"]
    osaker = []
    if arena.kraver:
        skal.append("situation: " + ", ".join(sorted(arena.kraver & situationer)))
    if arena.kraver_ocksa:
        skal.append("också: " + ", ".join(sorted(arena.kraver_ocksa & situationer)))
    if arena.alder is not None:
        if fraga.alder is None:
            osaker.append(f"åldern är okänd; arenan tar {visa_spann(arena.alder)}")
        elif inom(fraga.alder, arena.alder):
            skal.append(f"ålder {fraga.alder} ({visa_spann(arena.alder)})")
        elif arena.alder_osaker is not None and inom(fraga.alder, arena.alder_osaker):
            osaker.append(
                f"ålder {fraga.alder}: källan är otydlig om {visa_spann(arena.alder_osaker)} "
                f"(tydligt: {visa_spann(arena.alder)})"
            )
        else:
            return None
    if arena.kon is not None:
        if fraga.kon is None:
            osaker.append(f"kön är okänt; arenan vänder sig till kön {arena.kon}")
        elif fraga.kon == arena.kon:
            skal.append(f"kön: {arena.kon}")
        else:
            return None
    if arena.projekt:
        skal.append("projekt (tidsbegränsat)")
    if arena.osakerhet:
        osaker.append(arena.osakerhet)
    if osaker:
        return Traffsakerhet.MOJLIG, (*skal, *(f"osäkert: {o}" for o in osaker))
    return Traffsakerhet.PASSAR, tuple(skal)


def _nasta_steg_av_ingang(arena: Arena, namn: Callable[[str], str]) -> str:
    ingangar = list(arena.ingang)
    if not ingangar:
        return "Källan anger ingen väg in för enskilda."
    delar = []
    if INDIVIDEN in ingangar:
        delar.append("Personen kan själv ta kontakt.")
    if OKAND in ingangar:
        delar.append(
            "Källan anger inte vem som kan anmäla; kontakta "
            + ", ".join(namn(o) for o in arena.organisationer)
            + "."
            if arena.organisationer
            else "Källan anger inte vem som kan anmäla."
        )
    if INTERN in ingangar:
        delar.append("Ärenden tas upp av deltagande enheters egna handläggare.")
    ovriga = [namn(i) for i in ingangar if i not in (INDIVIDEN, OKAND, INTERN)]
    if ovriga:
        delar.append(f"Remiss eller anmälan via {', '.join(ovriga)}.")
    return " ".join(delar)


_KALLSCHEMA = {
    "type": "object",
    "properties": {
        "dokument": {"type": "string"},
        "titel": {"type": "string"},
        "avsnitt": {"type": "string"},
        "citat": {"type": "string"},
    },
    "required": ["dokument", "titel", "avsnitt", "citat"],
    "additionalProperties": False,
}
_TEXTER = {"type": "array", "items": {"type": "string"}}

SVARSSCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:finsam-core:format:finsam-arenor-svar-1",
    "title": "finsam arenor --format json",
    "description": "Förslag på arenor för en person, och luckor när inget passar (finsam-core)",
    "type": "object",
    "properties": {
        "fraga": {
            "type": "object",
            "properties": {
                "kommun": {"type": "string"},
                "alder": {"type": ["integer", "null"]},
                "situationer": _TEXTER,
                "kon": {"type": ["string", "null"]},
                "nivaer": {"type": "array", "items": {"enum": [n.value for n in Niva]}},
                "inkl_projekt": {"type": "boolean"},
                "datum": {"type": ["string", "null"], "format": "date"},
                "skyddad": {"const": True, "description": "skyddade personuppgifter"},
            },
            "required": ["kommun", "alder", "situationer", "kon", "nivaer", "inkl_projekt"],
            "additionalProperties": False,
        },
        "forslag": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "arena": {"type": "string", "description": "arenans id i plugins data"},
                    "namn": {"type": "string"},
                    "traffsakerhet": {"enum": [t.value for t in Traffsakerhet]},
                    "skal": _TEXTER,
                    "ingang": _TEXTER,
                    "nasta_steg": {"type": "string"},
                    "niva": {"enum": [n.value for n in Niva]},
                    "kommuner": _TEXTER,
                    "frekvens": {"type": ["string", "null"]},
                    "projekt": {"type": "boolean"},
                    "kalla": _KALLSCHEMA,
                },
                "required": ["arena", "namn", "traffsakerhet", "skal", "ingang", "kalla"],
                "additionalProperties": False,
            },
        },
        "luckor": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "kommun": {"type": "string"},
                    "enhet": {"type": "string"},
                    "text": {"type": "string"},
                    "kalla": _KALLSCHEMA,
                },
                "required": ["id", "kommun", "enhet", "text", "kalla"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["forslag", "luckor"],
    "additionalProperties": True,
}
"""JSON Schema of the routing answer; ``finsam schema arenor-svar`` prints it."""
