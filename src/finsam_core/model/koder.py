"""Code values of the case format, and the registry (`Kodverk`) that plugins extend.

Codes are plain ASCII snake_case strings (``af``, ``samverkansmote``). Each field that holds
a code is typed with one of the ``NewType`` aliases below, so that the format layer knows
which list to check it against. The lists themselves live in a `Kodverk`, not in Python
enums, because plugins add their own teams, meeting types, insats types and outcomes
without touching core (``Kodverk.utokad``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, NewType

from attrs import field, frozen

from finsam_core.model.finsamfel import Finsamfel
from finsam_core.model.kommuner import hitta_kommun

Enhetskod = NewType("Enhetskod", str)
"""A unit (``af``, ``socialtjanst``, a plugin's team)."""
Avsandare = NewType("Avsandare", str)
"""Where a referral comes from: a unit, or ``individen`` for a self-referral."""
Huvudmankod = NewType("Huvudmankod", str)
Motestyp = NewType("Motestyp", str)
Insatstyp = NewType("Insatstyp", str)
Utfall = NewType("Utfall", str)
Plantyp = NewType("Plantyp", str)
Omstandighet = NewType("Omstandighet", str)
Forsorjningstyp = NewType("Forsorjningstyp", str)
Samtyckesform = NewType("Samtyckesform", str)
Omfattning = NewType("Omfattning", str)
Kon = NewType("Kon", str)
Kartlaggningstyp = NewType("Kartlaggningstyp", str)
Skal = NewType("Skal", str)
Intygstyp = NewType("Intygstyp", str)
Planstatus = NewType("Planstatus", str)
Besked = NewType("Besked", str)
"""An open code (ASCII snake_case, no closed list) for what an answer says, e.g.
``provning`` or ``aktiv_planering_af``; the format checks its shape only."""

BESKED_MONSTER = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
"""The shape of an open code such as `Besked`: ASCII snake_case."""

INDIVIDEN = "individen"
"""The code that stands for the person in ``remiss.fran`` (self-referral)."""


class Kodslag(enum.Enum):
    """The kinds of code list in a `Kodverk`; the value is the Swedish name used in messages."""

    MOTESTYP = "mötestyp"
    INSATSTYP = "insatstyp"
    UTFALL = "utfall"
    PLANTYP = "plantyp"
    OMSTANDIGHET = "omständighet"
    FORSORJNINGSTYP = "försörjningstyp"
    SAMTYCKESFORM = "samtyckesform"
    OMFATTNING = "omfattning"
    KON = "kön"
    KARTLAGGNINGSTYP = "kartläggningstyp"
    SKAL = "skäl"
    INTYGSTYP = "intygstyp"
    HUVUDMAN = "huvudman"
    PLANSTATUS = "planstatus"


KODSLAG_FOR_TYP: Mapping[object, Kodslag] = MappingProxyType(
    {
        Motestyp: Kodslag.MOTESTYP,
        Insatstyp: Kodslag.INSATSTYP,
        Utfall: Kodslag.UTFALL,
        Plantyp: Kodslag.PLANTYP,
        Omstandighet: Kodslag.OMSTANDIGHET,
        Forsorjningstyp: Kodslag.FORSORJNINGSTYP,
        Samtyckesform: Kodslag.SAMTYCKESFORM,
        Omfattning: Kodslag.OMFATTNING,
        Kon: Kodslag.KON,
        Kartlaggningstyp: Kodslag.KARTLAGGNINGSTYP,
        Skal: Kodslag.SKAL,
        Intygstyp: Kodslag.INTYGSTYP,
        Huvudmankod: Kodslag.HUVUDMAN,
        Planstatus: Kodslag.PLANSTATUS,
    }
)
"""Which code list checks a field of each ``NewType`` (units and senders are separate)."""


def _kommunnamn(text: str | None) -> str | None:
    # The official name, whatever way the plugin wrote it ("jönköping", "0680"); an unknown
    # name raises `OkandKommunfel` (a programming error in the plugin, reported on load).
    return None if text is None else hitta_kommun(text).namn


@frozen
class Enhet:
    """A unit that takes part in the collaboration, with its statutory party.

    ``kommun`` is the municipality the unit serves, for units bound to one (a municipal
    office, a local team); None for units that serve several. It is stored as the official
    name, so it compares equal to ``individ.kommun.namn``:

    >>> Enhet("af", "Arbetsförmedlingen", "arbetsformedlingen").huvudman
    'arbetsformedlingen'
    >>> Enhet("ame_vaggeryd", "AME Vaggeryd", "kommun", kommun="0665").kommun
    'Vaggeryd'
    """

    kod: str
    namn: str
    huvudman: str
    kommun: str | None = field(default=None, converter=_kommunnamn)


def _i_mening(namn: str) -> str:
    # "Samverkansmöte" → "samverkansmöte"; "SIUS", "SIP-möte" keep their capitals.
    if len(namn) > 1 and namn[0].isupper() and namn[1].islower():
        return namn[0].lower() + namn[1:]
    return namn


def _las_bara(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _las_bara_koder(
    koder: Mapping[Kodslag, Mapping[str, str]],
) -> Mapping[Kodslag, Mapping[str, str]]:
    return MappingProxyType({slag: MappingProxyType(dict(lista)) for slag, lista in koder.items()})


class Kodkonfliktfel(Finsamfel, ValueError):
    """Two sources define the same code differently (a programming error in a plugin)."""


KodkonfliktError = Kodkonfliktfel
"""Deprecated name of `Kodkonfliktfel`."""


@frozen
class Kodverk:
    """The code lists that a case is checked against.

    Core's lists are `KARNKODVERK`; a plugin extends them with `utokad`, which returns a new
    `Kodverk` and never changes the original.

    >>> from finsam_core.model.karna import KARNKODVERK
    >>> team = Enhet("samverkansteamet", "Samverkansteamet", "samordningsforbund")
    >>> kv = KARNKODVERK.utokad(enheter=[team])
    >>> "samverkansteamet" in kv.enheter, "samverkansteamet" in KARNKODVERK.enheter
    (True, False)
    """

    enheter: Mapping[str, Enhet] = field(converter=_las_bara)
    koder: Mapping[Kodslag, Mapping[str, str]] = field(converter=_las_bara_koder)
    handelsetyper: Mapping[str, type] = field(converter=_las_bara)
    """Event classes by their ``typ`` (see `finsam_core.model.handelser`)."""
    _namn: dict[Kodslag | None, dict[str, tuple[str, str]]] = field(
        init=False, factory=dict, eq=False, repr=False
    )
    """`namn`'s tables, per code list (None: units, then every list), built on first use:
    messages name codes for every finding."""

    def lista(self, slag: Kodslag) -> Mapping[str, str]:
        """The codes of one kind, each with its Swedish description."""
        return self.koder.get(slag, MappingProxyType({}))

    def namn(self, kod: str, slag: Kodslag | None = None, *, i_mening: bool = False) -> str:
        """The display name of *kod*, or *kod* itself when no list knows it.

        Without *slag* the units are looked up first, then every code list in the order of
        `Kodslag`; with it, only that list. *i_mening*: the form inside a Swedish sentence,
        a code list's name with a small first letter (``samverkansmöte``); unit names, a
        huvudman named as a unit is, and abbreviations (``SIUS``) keep their capitals.

        >>> from finsam_core.model.karna import KARNKODVERK
        >>> KARNKODVERK.namn("ame"), KARNKODVERK.namn("okand")
        ('Arbetsmarknadsenhet (AME/AMA)', 'okand')
        >>> KARNKODVERK.namn("samverkansmote", Kodslag.MOTESTYP, i_mening=True)
        'samverkansmöte'
        >>> KARNKODVERK.namn("sius", i_mening=True)
        'SIUS'
        >>> KARNKODVERK.namnlista(["arbetsformedlingen", "region"], Kodslag.HUVUDMAN)
        'Arbetsförmedlingen, region'
        """
        tabell = self._namn.get(slag)
        if tabell is None:
            tabell = self._namn[slag] = self._namntabell(slag)
        namn = tabell.get(kod)
        if namn is None:
            return kod
        return namn[1] if i_mening else namn[0]

    def _namntabell(self, slag: Kodslag | None) -> dict[str, tuple[str, str]]:
        """What `namn` looks up: each code's (name, name inside a sentence)."""
        enhetsnamn = {e.namn for e in self.enheter.values()}
        tabell: dict[str, tuple[str, str]] = {}
        for ett_slag in Kodslag if slag is None else (slag,):
            for kod, namn in self.lista(ett_slag).items():
                # A huvudman named as its unit is ("Arbetsförmedlingen") is a proper noun.
                i_mening = namn if namn in enhetsnamn else _i_mening(namn)
                tabell.setdefault(kod, (namn, i_mening))
        if slag is None:
            tabell.update((kod, (e.namn, e.namn)) for kod, e in self.enheter.items())
        return tabell

    def namnlista(self, koder: Iterable[str], slag: Kodslag | None = None) -> str:
        """Display names of *koder* inside a sentence, separated by commas.

        >>> from finsam_core.model.karna import KARNKODVERK
        >>> KARNKODVERK.namnlista(["af", "fk"])
        'Arbetsförmedlingen, Försäkringskassan'
        """
        return ", ".join(self.namn(kod, slag, i_mening=True) for kod in koder)

    def utokad(
        self,
        *,
        enheter: list[Enhet] | tuple[Enhet, ...] = (),
        koder: Mapping[Kodslag, Mapping[str, str]] | None = None,
        handelsetyper: list[type] | tuple[type, ...] = (),
    ) -> Kodverk:
        """Return a new `Kodverk` with codes added.

        Adding a code that exists with the same meaning is allowed (two plugins may both add
        a shared team); adding it with a different meaning raises `Kodkonfliktfel`.

        The codes are merged before the units are checked, so one call can add a huvudman
        and a unit of it:

        >>> from finsam_core.model.karna import KARNKODVERK
        >>> kv = KARNKODVERK.utokad(
        ...     koder={Kodslag.HUVUDMAN: {"kyrkan": "Svenska kyrkan"}},
        ...     enheter=[Enhet("diakoni", "Diakonin", "kyrkan")],
        ... )
        >>> kv.enheter["diakoni"].huvudman
        'kyrkan'
        """
        nya_koder = {slag: dict(lista) for slag, lista in self.koder.items()}
        for slag, lista in (koder or {}).items():
            befintliga = nya_koder.setdefault(slag, {})
            for kod, beskrivning in lista.items():
                if kod in befintliga and befintliga[kod] != beskrivning:
                    raise Kodkonfliktfel(f"koden {kod!r} ({slag.value}) finns redan")
                befintliga[kod] = beskrivning
        huvudman = nya_koder.get(Kodslag.HUVUDMAN, {})
        nya_enheter = dict(self.enheter)
        for enhet in enheter:
            if enhet.huvudman not in huvudman:
                raise Kodkonfliktfel(f"enheten {enhet.kod!r} har okänd huvudman {enhet.huvudman!r}")
            tidigare = nya_enheter.get(enhet.kod)
            if tidigare is not None and tidigare != enhet:
                raise Kodkonfliktfel(f"enheten {enhet.kod!r} finns redan som {tidigare!r}")
            nya_enheter[enhet.kod] = enhet
        nya_typer = dict(self.handelsetyper)
        for klass in handelsetyper:
            typkod = getattr(klass, "typ", None)
            if not isinstance(typkod, str):
                raise Kodkonfliktfel(f"händelsetypen {klass!r} saknar klassattributet 'typ'")
            if nya_typer.get(typkod, klass) is not klass:
                raise Kodkonfliktfel(f"händelsetypen {typkod!r} finns redan")
            nya_typer[typkod] = klass
        return Kodverk(enheter=nya_enheter, koder=nya_koder, handelsetyper=nya_typer)


KARNENHETER: tuple[Enhet, ...] = (
    Enhet("af", "Arbetsförmedlingen", "arbetsformedlingen"),
    Enhet("fk", "Försäkringskassan", "forsakringskassan"),
    Enhet("socialtjanst", "Socialtjänsten / IFO (inkl. försörjningsstöd)", "kommun"),
    Enhet("ame", "Arbetsmarknadsenhet (AME/AMA)", "kommun"),
    Enhet("kaa", "Kommunala aktivitetsansvaret", "kommun"),
    Enhet("vuxenutbildning", "Komvux, SFI", "kommun"),
    Enhet("integration", "Integration, flyktingmottagning", "kommun"),
    Enhet("lss", "Funktionshinderomsorg, daglig verksamhet", "kommun"),
    Enhet("psykiatri", "Psykiatrin", "region"),
    Enhet("primarvard", "Primärvården", "region"),
    Enhet("habilitering", "Habiliteringen", "region"),
)

KARNKODER: Mapping[Kodslag, Mapping[str, str]] = {
    Kodslag.HUVUDMAN: {
        "arbetsformedlingen": "Arbetsförmedlingen",
        "forsakringskassan": "Försäkringskassan",
        "kommun": "Kommun",
        "region": "Region",
        "samordningsforbund": "Samordningsförbund",
        # Actors outside the four statutory parties: folkhögskola, trossamfund, polis,
        # näringsliv, AF's providers (karna.md C1).
        "ovrig": "Övrig aktör (utanför de fyra parterna i Finsam)",
    },
    Kodslag.MOTESTYP: {
        "informationsmote": "Informationsmöte",
        "samverkansmote": "Samverkansmöte",
        "trepartssamtal": "Trepartssamtal",
        "samrad": "Samråd",
        "inskrivningssamtal": "Inskrivningssamtal",
        "kartlaggningssamtal": "Kartläggningssamtal",
        "uppfoljningsmote": "Uppföljningsmöte",
        "flerpartsmote": "Flerpartsmöte",
        "beredning": "Beredning",
        "kartlaggningstraff": "Kartläggningsträff",
        "avslutsmote": "Avslutsmöte",
        "teammote": "Teammöte",
    },
    Kodslag.INSATSTYP: {
        "arbetstraning": "Arbetsträning",
        "arbetsprovning": "Arbetsprövning",
        "jobbspar": "Jobbspår",
        "sius": "SIUS",
        "supported_employment": "Supported employment",
        "studier": "Studier",
        "studiebesok": "Studiebesök",
        "gruppverksamhet": "Gruppverksamhet",
        "ekonomisk_radgivning": "Ekonomisk rådgivning",
        "praktik": "Praktik",
        "kompetenshojande": "Kompetenshöjande insats",
        "medicinsk_rehabilitering": "Medicinsk rehabilitering",
        "social_insats": "Social insats",
        "annan": "Annan insats",
    },
    Kodslag.UTFALL: {
        "arbete": "Arbete",
        "studier": "Studier",
        "ater_till_remittent": "Åter till remittent",
        "arbetssokande": "Arbetssökande på Arbetsförmedlingen",
        "annan_aktor": "Annan aktör tar över",
        "ej_medverkan": "Medverkar inte",
        "flyttat": "Flyttat",
        "annat": "Annat",
    },
    Kodslag.PLANTYP: {
        "sip": "Samordnad individuell plan (SIP)",
        "individuell_plan": "Individuell plan",
        "handlingsplan": "Handlingsplan",
        "samverkansplan": "Samverkansplan",
        "overenskommelse": "Överenskommelse",
        "studieplan": "Studieplan",
    },
    Kodslag.OMSTANDIGHET: {
        "psykisk_ohalsa": "Psykisk ohälsa",
        "funktionsnedsattning": "Funktionsnedsättning",
        "pagaende_missbruk": "Pågående missbruk",
        "hotfullt_beteende": "Hotfullt beteende",
        "forestaende_frihetsberovande": "Förestående frihetsberövande",
        "allvarlig_psykisk_sjukdom": "Allvarlig psykisk sjukdom",
        "saknar_sgi": "Saknar sjukpenninggrundande inkomst",
        "ej_fullfoljd_gymnasieutbildning": "Ej fullföljd gymnasieutbildning",
        "etableringsprogrammet": "I etableringsprogrammet",
        "arbetsmarknadspolitisk_atgard": "Har en arbetsmarknadspolitisk åtgärd beslutad",
        "behov_av_tolk": "Behov av tolk",
        "skyddade_personuppgifter": "Skyddade personuppgifter",
    },
    Kodslag.FORSORJNINGSTYP: {
        "forsorjningsstod": "Försörjningsstöd",
        "sjukpenning": "Sjukpenning",
        "aktivitetsersattning": "Aktivitetsersättning",
        "sjukersattning": "Sjukersättning",
        "a_kassa": "Arbetslöshetsersättning",
        "aktivitetsstod": "Aktivitetsstöd",
        "etableringsersattning": "Etableringsersättning",
        "studiemedel": "Studiemedel",
        "lon": "Lön",
        "ingen": "Ingen",
        "annan": "Annan",
    },
    Kodslag.SAMTYCKESFORM: {"skriftligt": "Skriftligt", "muntligt": "Muntligt"},
    Kodslag.OMFATTNING: {
        "formagor": "Förmågor",
        "forutsattningar": "Förutsättningar",
        "hinder": "Hindrande omständigheter",
        "losningar": "Lösningar",
        "halsa": "Hälsa",
        "ekonomi": "Ekonomi",
    },
    Kodslag.KON: {"kvinna": "Kvinna", "man": "Man"},
    Kodslag.KARTLAGGNINGSTYP: {
        "inledande": "Inledande",
        "gemensam": "Gemensam",
        "fordjupad": "Fördjupad",
    },
    Kodslag.SKAL: {
        "arbetsmarknad": "Arbetsmarknad",
        "medicinsk": "Medicinsk",
        "social": "Social",
        "funktion": "Funktion",
        "studier": "Studier",
        "halsa": "Hälsa",
    },
    Kodslag.INTYGSTYP: {"insatsintyg": "Insatsintyg", "narvarorapport": "Närvarorapport"},
    Kodslag.PLANSTATUS: {
        "erbjuden": "Erbjuden (inte upprättad än)",
        "upprattad": "Upprättad",
        "avbojd": "Avböjd av individen",
    },
}
