"""The OpenAPI 3.1 description of the service, served at ``/openapi.json``.

Its schemas are the library's published JSON Schemas, not a second model: the output
documents of `finsam_core.utdata`, `finsam_core.arenor.SVARSSCHEMA`, each installed
report's schema and ``finsam/1`` with the installed plugins' codes (`json_schema`). Each
is moved under ``components/schemas`` with its ``$defs`` lifted beside it (named
``<schema>.<def>``), so code generators that do not follow a nested ``$id`` find them.
A JSON Lines body or answer names the schema of each line as ``x-itemSchema`` (what
OpenAPI 3.2 calls ``itemSchema``; 3.1 allows it only as an extension).
"""

from __future__ import annotations

import copy
from typing import Any

from finsam_core._version import __version__
from finsam_core.plugins.vard import Pluginvard

_JSON = "application/json"
_JSONL = "application/x-ndjson"
_ARENDETYPER = (_JSON, "application/yaml")


def _ref(namn: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{namn}"}


def _flytta(schema: dict[str, Any], namn: str, komponenter: dict[str, Any]) -> None:
    """Put *schema* in *komponenter* as *namn*, its ``$defs`` beside it, refs rewritten."""
    schema = copy.deepcopy(schema)
    for nyckel in ("$schema", "$id"):
        schema.pop(nyckel, None)
    definitioner = schema.pop("$defs", {})

    def skriv_om(nod: Any) -> Any:
        if isinstance(nod, dict):
            return {
                k: (
                    f"#/components/schemas/{namn}.{v.removeprefix('#/$defs/')}"
                    if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/")
                    else skriv_om(v)
                )
                for k, v in nod.items()
            }
        if isinstance(nod, list):
            return [skriv_om(v) for v in nod]
        return nod

    komponenter[namn] = skriv_om(schema)
    for def_namn, definition in definitioner.items():
        komponenter[f"{namn}.{def_namn}"] = skriv_om(definition)


def _parameter(
    namn: str,
    beskrivning: str,
    schema: dict[str, Any],
    *,
    plats: str = "query",
    kravs: bool = False,
) -> dict[str, Any]:
    return {
        "name": namn,
        "in": plats,
        "required": kravs or plats == "path",
        "description": beskrivning,
        "schema": schema,
    }


_DATUM = _parameter(
    "datum",
    "Kontrolldatum ÅÅÅÅ-MM-DD: frister som inte har passerat då är info, inte fel. "
    "Standard: i dag.",
    {"type": "string", "format": "date"},
)
_ARENAVILLKOR = [
    _parameter(
        "niva",
        "Nivåer att föreslå (kan upprepas). Standard: individ.",
        {"type": "array", "items": {"enum": ["individ", "struktur", "kunskap"]}},
    ),
    _parameter("projekt", "Föreslå även tidsbegränsade projekt.", {"type": "boolean"}),
    _parameter(
        "situation",
        "Situation (omständighet, försörjning, arbetssokande); kan upprepas.",
        {"type": "array", "items": {"type": "string"}},
    ),
]


def _svar(beskrivning: str, schema: dict[str, Any], typ: str = _JSON) -> dict[str, Any]:
    return {"description": beskrivning, "content": {typ: {"schema": schema}}}


_FEL = {
    "413": _svar("Förfrågan (eller en rad) är större än tjänstens gräns.", _ref("felsvar")),
    "401": _svar("Åtkomstnyckel saknas eller är fel (bara när tjänsten har en).", _ref("felsvar")),
}
_EJ_KONTROLLERAT = _svar(
    "Ärendet kunde inte läsas, eller en parameter är fel: indatafel med sökväg, på svenska "
    "(konfigurationsfel: regelverket finns men är inte laddat i tjänsten).",
    _ref("kontrollresultat"),
)


def _arende_in(beskrivning: str) -> dict[str, Any]:
    return {
        "required": True,
        "description": beskrivning,
        "content": {typ: {"schema": _ref("arende")} for typ in _ARENDETYPER},
    }


_SATS_IN = {
    "required": True,
    "description": "JSON Lines: ett ärende (finsam/1) per rad. Läses rad för rad.",
    "content": {_JSONL: {"schema": {"type": "string"}, "x-itemSchema": _ref("arende")}},
}


def openapi(vard: Pluginvard) -> dict[str, Any]:
    """The OpenAPI 3.1 document for a service with this plugin host."""
    from finsam_core.arenor import SVARSSCHEMA
    from finsam_core.format.schema import json_schema
    from finsam_core.rapport.utdata import json_schema as rapportschema
    from finsam_core.utdata import UTDATA, utdata_schema

    komponenter: dict[str, Any] = {}
    for namn in UTDATA:
        _flytta(utdata_schema(namn), namn, komponenter)
    _flytta(json_schema(vard.kodverk), "arende", komponenter)
    _flytta(SVARSSCHEMA, "arenor-svar", komponenter)
    for vald in vard.rapporter():
        _flytta(rapportschema(vald), f"rapport.{vald.id}", komponenter)
    komponenter["felsvar"] = {
        "type": "object",
        "description": "En förfrågan som avvisades innan något ärende lästes.",
        "required": ["fel"],
        "properties": {"fel": {"type": "string"}},
    }
    rapporter = [r.id for r in vard.rapporter()]
    vagar: dict[str, Any] = {
        "/api/v1/validera": {
            "post": {
                "operationId": "validera",
                "summary": "Kontrollera ett ärende",
                "description": "Samma fynd som finsam validate --format json (källan som "
                "objekt här).",
                "parameters": [_DATUM],
                "requestBody": _arende_in("Ett ärende i JSON eller YAML."),
                "responses": {
                    "200": _svar("Ärendet kontrollerades.", _ref("kontrollresultat")),
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            }
        },
        "/api/v1/validera/sats": {
            "post": {
                "operationId": "valideraSats",
                "summary": "Kontrollera många ärenden (JSON Lines), strömmat",
                "description": "Ett kontrollresultat per ärende och rad, i samma ordning, "
                "medan de kontrolleras. En rad som inte kunde läsas har sina indatafel.",
                "parameters": [_DATUM],
                "requestBody": _SATS_IN,
                "responses": {
                    "200": {
                        "description": "Ett kontrollresultat per rad.",
                        "content": {
                            _JSONL: {
                                "schema": {"type": "string"},
                                "x-itemSchema": _ref("kontrollresultat"),
                            }
                        },
                    },
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            }
        },
        "/api/v1/forklara": {
            "post": {
                "operationId": "forklara",
                "summary": "Förklara ett ärende: varje regel med utfall, fakta och källa",
                "parameters": [_DATUM],
                "requestBody": _arende_in("Ett ärende i JSON eller YAML."),
                "responses": {
                    "200": _svar("Förklaringen.", _ref("forklaring")),
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            }
        },
        "/api/v1/agenda": {
            "post": {
                "operationId": "agenda",
                "summary": "Öppna frister i ärendena, sorterade efter förfallodag",
                "parameters": [
                    _DATUM,
                    _parameter(
                        "inom",
                        "Bara frister inom så många dagar.",
                        {"type": "integer", "minimum": 0},
                    ),
                ],
                "requestBody": _SATS_IN,
                "responses": {
                    "200": _svar(
                        "Agendan, och ärenden som inte kunde kontrolleras.",
                        {
                            "type": "object",
                            "required": ["datum", "agenda", "ej_kontrollerade"],
                            "additionalProperties": False,
                            "properties": {
                                "datum": {"type": "string", "format": "date"},
                                "agenda": {"type": "array", "items": _ref("agendapost")},
                                "ej_kontrollerade": {
                                    "type": "array",
                                    "items": _ref("kontrollresultat"),
                                },
                            },
                        },
                    ),
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            }
        },
        "/api/v1/arenor": {
            "post": {
                "operationId": "arenorForArende",
                "summary": "Vilka arenor kan ta emot personen i ärendet?",
                "parameters": [_DATUM, *_ARENAVILLKOR],
                "requestBody": _arende_in("Ett ärende i JSON eller YAML."),
                "responses": {
                    "200": _svar("Förslag och luckor.", _ref("arenor-svar")),
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            },
            "get": {
                "operationId": "arenorForPerson",
                "summary": "Vilka arenor kan ta emot en person (utan ärende)?",
                "parameters": [
                    _parameter("kommun", "Folkbokföringskommun.", {"type": "string"}, kravs=True),
                    _parameter("alder", "Ålder i hela år.", {"type": "integer", "minimum": 0}),
                    _parameter("kon", "Kön, där arenan anger det.", {"enum": ["kvinna", "man"]}),
                    _DATUM,
                    *_ARENAVILLKOR,
                ],
                "responses": {
                    "200": _svar("Förslag och luckor.", _ref("arenor-svar")),
                    "422": _EJ_KONTROLLERAT,
                    "401": _FEL["401"],
                },
            },
        },
        "/api/v1/rapporter": {
            "get": {
                "operationId": "rapporter",
                "summary": "Installerade rapporter",
                "responses": {
                    "200": _svar(
                        "Rapporterna.",
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "titel", "plugin"],
                                "properties": {
                                    "id": {"enum": rapporter},
                                    "titel": {"type": "string"},
                                    "plugin": {"type": ["string", "null"]},
                                },
                            },
                        },
                    ),
                    "401": _FEL["401"],
                },
            }
        },
        "/api/v1/rapporter/{rapport}": {
            "post": {
                "operationId": "rapport",
                "summary": "En rapport över ärendena (JSON Lines), med skydd för små tal",
                "parameters": [
                    _parameter("rapport", "Rapportens id.", {"enum": rapporter}, plats="path"),
                    _parameter(
                        "period",
                        "ÅÅÅÅ-MM, ÅÅÅÅ-Qn, ÅÅÅÅ-Hn eller ÅÅÅÅ.",
                        {"type": "string"},
                        kravs=True,
                    ),
                    _parameter(
                        "troskel",
                        "Antal från 1 till tröskeln döljs. Standard 4.",
                        {"type": "integer", "minimum": 3},
                    ),
                ],
                "requestBody": _SATS_IN,
                "responses": {
                    "200": _svar(
                        "Rapporten (schemat är rapportens eget).",
                        {"oneOf": [_ref(f"rapport.{r}") for r in rapporter]},
                    ),
                    "404": _svar("Okänd rapport.", _ref("felsvar")),
                    "422": _EJ_KONTROLLERAT,
                    **_FEL,
                },
            }
        },
        "/api/v1/regelverk": {
            "get": {
                "operationId": "regelverk",
                "summary": "Laddade regelverk med sina regler",
                "responses": {
                    "200": _svar("Regelverken.", {"type": "array", "items": _ref("regelverk")}),
                    "401": _FEL["401"],
                },
            }
        },
        "/api/v1/regelverk/{regelverk}": {
            "get": {
                "operationId": "ettRegelverk",
                "summary": "Ett regelverk med sina regler",
                "parameters": [_parameter("regelverk", "Id.", {"type": "string"}, plats="path")],
                "responses": {
                    "200": _svar("Regelverket.", _ref("regelverk")),
                    "404": _svar("Okänt regelverk.", _ref("felsvar")),
                    "401": _FEL["401"],
                },
            }
        },
        "/api/v1/regelverk/{regelverk}/{regel}": {
            "get": {
                "operationId": "enRegel",
                "summary": "En regel med källa och citat",
                "parameters": [
                    _parameter("regelverk", "Id.", {"type": "string"}, plats="path"),
                    _parameter("regel", "Regelns id.", {"type": "string"}, plats="path"),
                ],
                "responses": {
                    "200": _svar("Regeln.", _ref("regel")),
                    "404": _svar("Okänd regel.", _ref("felsvar")),
                    "401": _FEL["401"],
                },
            }
        },
        "/api/v1/plugins": {
            "get": {
                "operationId": "plugins",
                "summary": "Laddade plugin, och plugin som inte kunde laddas",
                "responses": {
                    "200": _svar(
                        "Plugin och fel.",
                        {
                            "type": "object",
                            "required": ["plugins", "fel"],
                            "additionalProperties": False,
                            "properties": {
                                "plugins": {"type": "array", "items": _ref("plugin")},
                                "fel": {"type": "array", "items": _ref("pluginproblem")},
                            },
                        },
                    ),
                    "401": _FEL["401"],
                },
            }
        },
        "/api/v1/schema/arende": {
            "get": {
                "operationId": "arendeschema",
                "summary": "JSON Schema för finsam/1 med installerade plugins koder",
                "responses": {
                    "200": _svar("Schemat.", {"type": "object"}),
                    "401": _FEL["401"],
                },
            }
        },
        "/halsa": {
            "get": {
                "operationId": "halsa",
                "summary": "Tjänsten är igång",
                "security": [],
                "responses": {
                    "200": _svar(
                        "Igång.",
                        {
                            "type": "object",
                            "required": ["status", "version", "datum"],
                            "properties": {
                                "status": {"const": "ok"},
                                "version": {"type": "string"},
                                "datum": {"type": "string", "format": "date"},
                            },
                        },
                    )
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "finsam-core",
            "version": __version__,
            "description": "Kontrollera ärenden i finansiell samordning mot regionala "
            "modellers regler (finsam serve). Svaren är bibliotekets egna JSON-dokument; "
            "personnummer visas aldrig i sin helhet.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": vagar,
        "components": {
            "schemas": komponenter,
            "securitySchemes": {"nyckel": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"nyckel": []}, {}],
    }
