"""JSON Schema (Draft 2020-12) of ``finsam/1``, generated from the model and a `Kodverk`.

Systems in other languages use it to produce valid files. It is generated from the same
attrs classes and code lists the reader uses, so a new field or a plugin's code appears in
both. What a schema cannot say (the Luhn check, a birth date that must agree with the
personnummer, an end before a start, a consent between two *different* units, a lagrum
that must parse) is left to the reader: every file the reader accepts is valid against
the schema, and some files valid against the schema are still rejected by the reader.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, get_args

import attrs

from finsam_core.model.arende import FORMAT, Arende
from finsam_core.model.handelser import Handelse, Manad
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.kartlaggning import Inriktning
from finsam_core.model.koder import (
    BESKED_MONSTER,
    INDIVIDEN,
    KODSLAG_FOR_TYP,
    Avsandare,
    Besked,
    Enhetskod,
    Kodverk,
)
from finsam_core.model.kommuner import Kommun, alla_kommuner
from finsam_core.model.lagrum import Lagrum
from finsam_core.model.personnummer import Personnummer

SCHEMA_ID = "urn:finsam-core:format:finsam-1"

# Field constraints the types alone do not carry; the reader checks the same.
_BEGRANSNINGAR: dict[tuple[str, str], dict[str, Any]] = {
    ("Arende", "id"): {"minLength": 1, "maxLength": 100},
    ("Samtycke", "parter"): {"minItems": 2},
    ("Kartlaggning", "samtal"): {"minimum": 0},
}


def _okanslig(text: str) -> str:
    """A regex matching *text* in any letter case (JSON Schema regexes have no flags)."""
    delar = []
    for tecken in text:
        if tecken.lower() != tecken.upper():
            delar.append(f"[{tecken.upper()}{tecken.lower()}]")
        else:
            delar.append(re.escape(tecken))
    return "".join(delar)


def _kommunmonster() -> str:
    namn = "|".join(_okanslig(k.namn) for k in alla_kommuner())
    koder = "|".join(k.kod for k in alla_kommuner())
    return rf"^\s*(?:{namn}|{koder})\s*$"


def json_schema(kodverk: Kodverk = KARNKODVERK) -> dict[str, Any]:
    """The JSON Schema of ``finsam/1`` with the codes of *kodverk*.

    >>> s = json_schema()
    >>> s["$schema"], s["properties"]["format"]
    ('https://json-schema.org/draft/2020-12/schema', {'const': 'finsam/1'})
    """
    definitioner: dict[str, Any] = {}

    def for_typ(typ: Any) -> dict[str, Any]:
        argument = get_args(typ)
        if getattr(typ, "__origin__", None) is tuple:
            return {"type": "array", "items": for_typ(argument[0])}
        if type(None) in argument:
            (inre,) = (a for a in argument if a is not type(None))
            return {"anyOf": [for_typ(inre), {"type": "null"}]}
        if typ in KODSLAG_FOR_TYP:
            slag = KODSLAG_FOR_TYP[typ]
            return {"type": "string", "enum": list(kodverk.lista(slag)), "description": slag.value}
        if typ is Enhetskod:
            return {"$ref": "#/$defs/enhet"}
        if typ is Avsandare:
            return {"anyOf": [{"$ref": "#/$defs/enhet"}, {"const": INDIVIDEN}]}
        if typ is Besked:
            return {
                "type": "string",
                "pattern": f"^{BESKED_MONSTER}$",
                "description": "besked: en kod i snake_case, t.ex. provning",
            }
        if typ is str:
            return {"type": "string"}
        if typ is bool:
            return {"type": "boolean"}
        if typ is int:
            return {"type": "integer"}
        if typ is date:
            return {"$ref": "#/$defs/datum"}
        if typ is Personnummer:
            return {
                "type": "string",
                "pattern": r"^\s*(\d{6}|\d{8})[-+]?\d{4}\s*$",
                "description": "personnummer eller samordningsnummer, 10 eller 12 siffror",
            }
        if typ is Kommun:
            return {"$ref": "#/$defs/kommun"}
        if typ is Lagrum:
            return {"type": "string", "minLength": 1, "description": "t.ex. SoL 4:1"}
        if typ is Manad:
            return {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
        if typ is Inriktning:
            return {"type": "integer", "enum": [i.value for i in Inriktning]}
        if typ is Handelse:
            return {"$ref": "#/$defs/handelse"}
        if isinstance(typ, type) and attrs.has(typ):
            return {"$ref": f"#/$defs/{klass(typ)}"}
        raise TypeError(f"no JSON Schema for {typ!r}")

    def klass(cls: type) -> str:
        namn = cls.__name__
        if namn in definitioner:
            return namn
        definitioner[namn] = {}  # placeholder against recursion
        egenskaper: dict[str, Any] = {}
        obligatoriska: list[str] = []
        if issubclass(cls, Handelse):
            egenskaper["typ"] = {"const": cls.typ}
            obligatoriska.append("typ")
        for falt in attrs.fields(attrs.resolve_types(cls)):
            schema = dict(for_typ(falt.type))
            schema.update(_BEGRANSNINGAR.get((namn, falt.name), {}))
            egenskaper[falt.name] = schema
            if falt.default is attrs.NOTHING:
                obligatoriska.append(falt.name)
        if cls is Arende:
            egenskaper["format"] = {"const": FORMAT}
            obligatoriska.insert(0, "format")
        definitioner[namn] = {
            "type": "object",
            "properties": egenskaper,
            "required": obligatoriska,
            "additionalProperties": False,
        }
        return namn

    definitioner["datum"] = {
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "format": "date",
        "description": "ÅÅÅÅ-MM-DD, utan klockslag",
    }
    definitioner["enhet"] = {"type": "string", "enum": list(kodverk.enheter)}
    definitioner["kommun"] = {
        "type": "string",
        "pattern": _kommunmonster(),
        "description": "kommunens namn (valfri skiftläge) eller fyrsiffrig kommunkod",
    }
    definitioner["handelse"] = {
        "oneOf": [{"$ref": f"#/$defs/{klass(k)}"} for k in kodverk.handelsetyper.values()]
    }
    rot = klass(Arende)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "finsam/1",
        "description": "Ett ärende i finansiell samordning (finsam-core)",
        **definitioner.pop(rot),
        "$defs": dict(sorted(definitioner.items())),
    }
    return schema
