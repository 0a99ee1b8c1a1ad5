"""Reading a plugin's arena data file (YAML or JSON) and the JSON Schema it follows.

The file names its source document once; each arena and gap gives the page (or section)
and the quoted sentence::

    format: finsam-arenor/1
    dokument: 002_ab96050952a4f110.txt
    titel: "Kartläggning av samverkan 2018–2019"
    agare: Samordningsförbundet Södra Vätterbygden
    arenor:
      - id: svb-f14
        namn: Trappsteget (AME Vaggeryd)
        kommun: [Vaggeryd]
        niva: individ
        malgrupp: "unga; ett första steg mot självförsörjning och arbete"
        alder: [16, 24]
        ingang: [svb-f15]
        sida: 9
        citat: "Trappsteget (ett första steg mot självförsörjning …)"
    luckor:
      - id: svb-l01
        kommun: Habo
        enhet: Försörjningsstöd
        text: "Ingen arbetsmarknadsenhet: bedömning av arbetsförmåga kräver AF"
        sida: 7
        citat: "…"

`las_arenadata` checks the file against `ARENASCHEMA` (with path-shaped Swedish messages,
every error at once) and builds `Arenadata`; a file it accepts is valid against the schema.
A broken file raises `Arenafel`, which the plugin host reports like a broken plugin.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from finsam_core.arenor.arena import (
    ARENA_ID,
    Aldersspann,
    Arena,
    Arenadata,
    Arenafel,
    Frekvens,
    Lucka,
    Niva,
)
from finsam_core.format.schema import kommunmonster
from finsam_core.format.yamlladdare import las_yaml
from finsam_core.model.kommuner import Kommun, OkandKommunError, hitta_kommun
from finsam_core.regler.fynd import Dokument

FORMAT = "finsam-arenor/1"
SCHEMA_ID = "urn:finsam-core:format:finsam-arenor-1"

_TEXT = {"type": "string", "minLength": 1}
_TEXTLISTA = {"type": "array", "items": _TEXT}
_ID = {"type": "string", "pattern": f"^{ARENA_ID.pattern}$"}
_SPANN = {
    "anyOf": [
        {
            "type": "array",
            "prefixItems": [
                {"type": ["integer", "null"], "minimum": 0},
                {"type": ["integer", "null"], "minimum": 0},
            ],
            "minItems": 2,
            "maxItems": 2,
        },
        {"type": "null"},
    ]
}
_KALLA = {
    "sida": {"type": "integer", "minimum": 1, "description": "sidan i källdokumentet"},
    "avsnitt": {**_TEXT, "description": "avsnittet i källdokumentet (i stället för sida)"},
    "citat": {**_TEXT, "description": "meningen ur källan, ordagrant"},
}
_SIDA_ELLER_AVSNITT = {"oneOf": [{"required": ["sida"]}, {"required": ["avsnitt"]}]}

ARENASCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": FORMAT,
    "description": "Arenor (forum, team, program, nätverk) ur ett källdokument (finsam-core)",
    "type": "object",
    "properties": {
        "format": {"const": FORMAT},
        "dokument": {**_TEXT, "description": "källdokumentets filnamn"},
        "titel": _TEXT,
        "agare": {**_TEXT, "description": "vem som äger dokumentet och uppgifterna"},
        "arenor": {"type": "array", "items": {"$ref": "#/$defs/arena"}},
        "luckor": {"type": "array", "items": {"$ref": "#/$defs/lucka"}},
    },
    "required": ["format", "dokument", "agare", "arenor"],
    "additionalProperties": False,
    "$defs": {
        "kommun": {
            "type": "string",
            "pattern": kommunmonster(),
            "description": "kommunens namn (valfri skiftläge) eller fyrsiffrig kommunkod",
        },
        "arena": {
            "type": "object",
            "properties": {
                "id": _ID,
                "namn": _TEXT,
                "kommun": {"type": "array", "items": {"$ref": "#/$defs/kommun"}, "minItems": 1},
                "organisationer": _TEXTLISTA,
                "niva": {"enum": [n.value for n in Niva]},
                "malgrupp": _TEXT,
                "kraver": _TEXTLISTA,
                "kraver_ocksa": _TEXTLISTA,
                "utesluter": _TEXTLISTA,
                "alder": _SPANN,
                "alder_osaker": _SPANN,
                "kon": {"enum": ["kvinna", "man", None]},
                "frekvens": {
                    "type": "object",
                    "properties": {
                        "text": {"type": ["string", "null"]},
                        "per_ar": {"type": ["number", "null"], "minimum": 0},
                    },
                    "additionalProperties": False,
                },
                "ingang": _TEXTLISTA,
                "projekt": {"type": "boolean"},
                "osakerhet": _TEXT,
                "nasta_steg": _TEXT,
                **_KALLA,
            },
            "required": ["id", "namn", "kommun", "niva", "malgrupp", "citat"],
            "additionalProperties": False,
            **_SIDA_ELLER_AVSNITT,
        },
        "lucka": {
            "type": "object",
            "properties": {
                "id": _ID,
                "kommun": {"$ref": "#/$defs/kommun"},
                "enhet": _TEXT,
                "text": _TEXT,
                **_KALLA,
            },
            "required": ["id", "kommun", "enhet", "text", "citat"],
            "additionalProperties": False,
            **_SIDA_ELLER_AVSNITT,
        },
    },
}
"""JSON Schema (Draft 2020-12) of an arena data file; ``finsam schema arenor`` prints it."""


class _Granskning:
    """Collects every error of one file with its path, then raises them together."""

    def __init__(self, fil: str) -> None:
        self.fil = fil
        self.fel: list[str] = []

    def rapportera(self, sokvag: str, meddelande: str) -> None:
        self.fel.append(f"{sokvag}: {meddelande}" if sokvag else meddelande)

    def avsluta(self) -> None:
        if self.fel:
            raise Arenafel(f"{self.fil}: " + "; ".join(self.fel))

    def mappning(self, varde: object, sokvag: str, tillatna: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(varde, dict):
            self.rapportera(sokvag, "förväntade en mappning (nycklar och värden)")
            return {}
        for nyckel in varde:
            if nyckel not in tillatna:
                kanda = ", ".join(tillatna)
                self.rapportera(_under(sokvag, str(nyckel)), f"okänd nyckel; kända: {kanda}")
        return varde

    def text(self, data: dict[str, Any], nyckel: str, sokvag: str, *, krav: bool) -> str | None:
        varde = data.get(nyckel)
        if varde is None:
            if krav:
                self.rapportera(_under(sokvag, nyckel), "saknas")
            return None
        if not isinstance(varde, str) or not varde.strip():
            self.rapportera(_under(sokvag, nyckel), f"förväntade en text, fick {varde!r}")
            return None
        return varde

    def textlista(self, data: dict[str, Any], nyckel: str, sokvag: str) -> tuple[str, ...]:
        varde = data.get(nyckel, [])
        if not isinstance(varde, list):
            self.rapportera(_under(sokvag, nyckel), "förväntade en lista av texter")
            return ()
        for i, post in enumerate(varde):
            if not isinstance(post, str) or not post.strip():
                self.rapportera(
                    f"{_under(sokvag, nyckel)}[{i}]", f"förväntade en text, fick {post!r}"
                )
        return tuple(p for p in varde if isinstance(p, str))

    def kommun(self, varde: object, sokvag: str) -> Kommun | None:
        if not isinstance(varde, str):
            self.rapportera(sokvag, f"förväntade ett kommunnamn, fick {varde!r}")
            return None
        try:
            return hitta_kommun(varde)
        except OkandKommunError as fel:
            self.rapportera(sokvag, str(fel))
            return None

    def spann(self, data: dict[str, Any], nyckel: str, sokvag: str) -> Aldersspann | None:
        varde = data.get(nyckel)
        if varde is None:
            return None
        giltigt = (
            isinstance(varde, list)
            and len(varde) == 2
            and all(v is None or (type(v) is int and v >= 0) for v in varde)
        )
        if not giltigt:
            self.rapportera(
                _under(sokvag, nyckel),
                f"förväntade [lägst, högst] i hela år eller null, fick {varde!r}",
            )
            return None
        lagst, hogst = varde
        if lagst is not None and hogst is not None and hogst < lagst:
            self.rapportera(
                _under(sokvag, nyckel), f"högsta åldern är lägre än den lägsta: {varde}"
            )
            return None
        return (lagst, hogst)


def _under(sokvag: str, nyckel: str) -> str:
    return f"{sokvag}.{nyckel}" if sokvag else nyckel


def _kallfalt(
    granskning: _Granskning, dokument: Dokument, data: dict[str, Any], sokvag: str
) -> tuple[str, str] | None:
    """(avsnitt, citat) from ``sida``/``avsnitt`` and ``citat``."""
    citat = granskning.text(data, "citat", sokvag, krav=True)
    sida, avsnitt = data.get("sida"), granskning.text(data, "avsnitt", sokvag, krav=False)
    if sida is not None and (type(sida) is not int or sida < 1):
        granskning.rapportera(_under(sokvag, "sida"), f"förväntade ett sidnummer, fick {sida!r}")
        return None
    if (sida is None) == (avsnitt is None):
        granskning.rapportera(sokvag, "ange antingen sida eller avsnitt i källan")
        return None
    if citat is None:
        return None
    return (avsnitt if avsnitt is not None else f"s. {sida}", citat)


def _arena(granskning: _Granskning, dokument: Dokument, varde: object, sokvag: str) -> Arena | None:
    egenskaper = ARENASCHEMA["$defs"]["arena"]["properties"]
    data = granskning.mappning(varde, sokvag, egenskaper)
    fore = len(granskning.fel)
    arena_id = granskning.text(data, "id", sokvag, krav=True)
    if arena_id is not None and not ARENA_ID.fullmatch(arena_id):
        granskning.rapportera(_under(sokvag, "id"), f"ogiltigt id {arena_id!r}: t.ex. 'svb-f14'")
    namn = granskning.text(data, "namn", sokvag, krav=True)
    malgrupp = granskning.text(data, "malgrupp", sokvag, krav=True)
    kommuner = []
    kommunlista = data.get("kommun")
    if not isinstance(kommunlista, list) or not kommunlista:
        granskning.rapportera(_under(sokvag, "kommun"), "förväntade en lista med minst en kommun")
    else:
        for i, post in enumerate(kommunlista):
            kommun = granskning.kommun(post, f"{_under(sokvag, 'kommun')}[{i}]")
            if kommun is not None:
                kommuner.append(kommun)
    niva = None
    try:
        niva = Niva(data.get("niva"))
    except ValueError:
        granskning.rapportera(
            _under(sokvag, "niva"),
            f"förväntade en av {', '.join(n.value for n in Niva)}, fick {data.get('niva')!r}",
        )
    kon = data.get("kon")
    if kon not in ("kvinna", "man", None):
        granskning.rapportera(
            _under(sokvag, "kon"), f"förväntade kvinna, man eller null, fick {kon!r}"
        )
    frekvens = _frekvens(granskning, data.get("frekvens"), _under(sokvag, "frekvens"))
    projekt = data.get("projekt", False)
    if not isinstance(projekt, bool):
        granskning.rapportera(
            _under(sokvag, "projekt"), f"förväntade true eller false, fick {projekt!r}"
        )
    organisationer = granskning.textlista(data, "organisationer", sokvag)
    kraver = granskning.textlista(data, "kraver", sokvag)
    kraver_ocksa = granskning.textlista(data, "kraver_ocksa", sokvag)
    utesluter = granskning.textlista(data, "utesluter", sokvag)
    ingang = granskning.textlista(data, "ingang", sokvag)
    alder = granskning.spann(data, "alder", sokvag)
    alder_osaker = granskning.spann(data, "alder_osaker", sokvag)
    osakerhet = granskning.text(data, "osakerhet", sokvag, krav=False)
    nasta_steg = granskning.text(data, "nasta_steg", sokvag, krav=False)
    kalla = _kallfalt(granskning, dokument, data, sokvag)
    if len(granskning.fel) > fore:
        return None
    # Every field below was checked; the errors above would have returned.
    assert arena_id is not None and namn is not None and malgrupp is not None  # noqa: PT018
    assert niva is not None and kalla is not None and frekvens is not None  # noqa: PT018
    return Arena(
        id=arena_id,
        namn=namn,
        kommuner=tuple(kommuner),
        niva=niva,
        malgrupp=malgrupp,
        kalla=dokument.kalla(*kalla),
        kon=kon,
        frekvens=frekvens,
        projekt=projekt,
        organisationer=organisationer,
        kraver=frozenset(kraver),
        kraver_ocksa=frozenset(kraver_ocksa),
        utesluter=frozenset(utesluter),
        ingang=ingang,
        alder=alder,
        alder_osaker=alder_osaker,
        osakerhet=osakerhet,
        nasta_steg=nasta_steg,
    )


def _frekvens(granskning: _Granskning, varde: object, sokvag: str) -> Frekvens | None:
    if varde is None:
        return Frekvens()
    tillatna = ARENASCHEMA["$defs"]["arena"]["properties"]["frekvens"]["properties"]
    data = granskning.mappning(varde, sokvag, tillatna)
    text, per_ar = data.get("text"), data.get("per_ar")
    if text is not None and not isinstance(text, str):
        granskning.rapportera(_under(sokvag, "text"), f"förväntade en text, fick {text!r}")
        return None
    if per_ar is not None and (type(per_ar) not in (int, float) or per_ar < 0):
        granskning.rapportera(_under(sokvag, "per_ar"), f"förväntade ett tal, fick {per_ar!r}")
        return None
    return Frekvens(text, None if per_ar is None else float(per_ar))


def _lucka(granskning: _Granskning, dokument: Dokument, varde: object, sokvag: str) -> Lucka | None:
    data = granskning.mappning(varde, sokvag, ARENASCHEMA["$defs"]["lucka"]["properties"])
    fore = len(granskning.fel)
    lucka_id = granskning.text(data, "id", sokvag, krav=True)
    if lucka_id is not None and not ARENA_ID.fullmatch(lucka_id):
        granskning.rapportera(_under(sokvag, "id"), f"ogiltigt id {lucka_id!r}: t.ex. 'svb-l01'")
    kommun = None
    if "kommun" not in data:
        granskning.rapportera(_under(sokvag, "kommun"), "saknas")
    else:
        kommun = granskning.kommun(data["kommun"], _under(sokvag, "kommun"))
    enhet = granskning.text(data, "enhet", sokvag, krav=True)
    text = granskning.text(data, "text", sokvag, krav=True)
    kalla = _kallfalt(granskning, dokument, data, sokvag)
    if len(granskning.fel) > fore:
        return None
    assert lucka_id is not None and kommun is not None and enhet is not None  # noqa: PT018
    assert text is not None and kalla is not None  # noqa: PT018
    return Lucka(lucka_id, kommun, enhet, text, dokument.kalla(*kalla))


def tolka_arenadata(data: object, fil: str = "<arenor>") -> Arenadata:
    """`Arenadata` from parsed YAML/JSON; `Arenafel` listing every error with its path."""
    granskning = _Granskning(fil)
    rot = granskning.mappning(data, "", ARENASCHEMA["properties"])
    if rot.get("format") != FORMAT:
        granskning.rapportera("format", f"förväntade {FORMAT!r}, fick {rot.get('format')!r}")
    dokumentfil = granskning.text(rot, "dokument", "", krav=True)
    agare = granskning.text(rot, "agare", "", krav=True)
    titel = granskning.text(rot, "titel", "", krav=False) or ""
    dokument = Dokument(dokumentfil or "?", titel)
    listor: dict[str, list[Any]] = {}
    for nyckel, tolka in (("arenor", _arena), ("luckor", _lucka)):
        poster = rot.get(nyckel, [] if nyckel == "luckor" else None)
        if not isinstance(poster, list):
            granskning.rapportera(nyckel, "förväntade en lista")
            continue
        tolkare: Callable[..., Any] = tolka
        listor[nyckel] = [
            tolkare(granskning, dokument, p, f"{nyckel}[{i}]") for i, p in enumerate(poster)
        ]
    granskning.avsluta()
    try:
        return Arenadata(
            agare=agare or "",
            arenor=tuple(listor["arenor"]),
            luckor=tuple(listor["luckor"]),
            fil=fil,
        )
    except Arenafel as fel:
        raise Arenafel(f"{fil}: {fel}") from None


def las_arenadata(fil: str | Path | Traversable) -> Arenadata:
    """Read an arena data file (``.yaml``/``.yml``/``.json``): a path, or a package
    resource such as ``importlib.resources.files("finsam_x") / "arenor.yaml"``.

    Raises `Arenafel` (Swedish, naming the file and every path in error) if the file cannot
    be read or does not follow `ARENASCHEMA`.
    """
    if isinstance(fil, str):
        fil = Path(fil)
    namn = str(fil)
    try:
        text = fil.read_text(encoding="utf-8")
    except OSError as fel:
        raise Arenafel(f"{namn}: kunde inte läsas: {fel.strerror or fel}") from None
    try:
        data = json.loads(text) if namn.endswith(".json") else las_yaml(text)
    except (ValueError, yaml.YAMLError) as fel:
        raise Arenafel(f"{namn}: är inte giltig YAML/JSON: {fel}") from None
    return tolka_arenadata(data, namn)
