"""JSON Schemas (Draft 2020-12) of every document the library returns as JSON.

Each returned object's ``till_dict()`` is valid against one of these (tests check every
one), so a system in another language can validate what it receives. `finsam schema
--utdata NAMN` prints one. The command line's JSON (``som_cli=True``) differs only where
the case format fixes its shape: ``kalla`` is the string ``"dokument, avsnitt"`` there.

>>> sorted(UTDATA)[:3]
['agendapost', 'forklaring', 'fynd']
>>> utdata_schema("fynd")["required"][:3]
['regel', 'titel', 'allvarlighet']
"""

from __future__ import annotations

import copy
from typing import Any

_DATUM = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_VALFRITT_DATUM = {"anyOf": [_DATUM, {"type": "null"}]}
_VALFRI_TEXT = {"type": ["string", "null"]}


def _objekt(egenskaper: dict[str, Any], beskrivning: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": beskrivning,
        "properties": egenskaper,
        "required": list(egenskaper),
        "additionalProperties": False,
    }


KALLA = _objekt(
    {
        "dokument": {"type": "string"},
        "titel": {"type": "string"},
        "avsnitt": {"type": "string"},
        "citat": {"type": "string"},
    },
    "The source a rule implements: document file, its title, section, quoted sentence.",
)

URSPRUNG = {
    "anyOf": [
        _objekt(
            {
                "plugin": {"type": "string"},
                "distribution": {"type": "string"},
                "version": {"type": "string"},
            },
            "The plugin (or caller) that registered a rule or rule set.",
        ),
        {"type": "null"},
    ]
}

FYND = _objekt(
    {
        "regel": {"type": "string"},
        "titel": {"type": "string"},
        "allvarlighet": {"enum": ["fel", "varning", "info"]},
        "meddelande": {"type": "string"},
        "kalla": KALLA,
        "sokvag": _VALFRI_TEXT,
        "frist": _VALFRITT_DATUM,
        "bedomning": {"enum": ["brott", "ej_bedomd", "regelfel"]},
    },
    "One finding (Fynd.till_dict).",
)

INDATAFEL = _objekt(
    {
        "kod": {"type": "string", "pattern": r"^[a-zåäö_]+$"},
        "fil": {"type": "string"},
        "rad": {"type": ["integer", "null"], "minimum": 1},
        "sokvag": _VALFRI_TEXT,
        "sokvag_lista": {"type": "array", "items": {"type": ["string", "integer"]}},
        "meddelande": {"type": "string"},
        "arende_id": _VALFRI_TEXT,
    },
    "One input error (Indatafel.till_dict).",
)

RESULTAT = _objekt(
    {
        "id": {"type": "string"},
        "regelverk": {"type": "array", "items": {"type": "string"}},
        "datum": _DATUM,
        "fynd": {"type": "array", "items": FYND},
    },
    "The findings for one case (Resultat.till_dict).",
)

KONTROLLRESULTAT = _objekt(
    {
        "id": _VALFRI_TEXT,
        "fil": _VALFRI_TEXT,
        "rad": {"type": ["integer", "null"]},
        "regelverk": {"type": "array", "items": {"type": "string"}},
        "datum": _VALFRITT_DATUM,
        "fynd": {"type": "array", "items": FYND},
        "indatafel": {"type": "array", "items": INDATAFEL},
        "konfigurationsfel": {"type": "array", "items": {"type": "string"}},
    },
    "The outcome of checking one case (Kontrollresultat.till_dict): findings, or input "
    "errors, or configuration problems.",
)

REGEL = _objekt(
    {
        "id": {"type": "string", "pattern": r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{2,3}$"},
        "titel": {"type": "string"},
        "allvarlighet": {"enum": ["fel", "varning", "info"]},
        "beskrivning": {"type": "string"},
        "kalla": KALLA,
        "tolkning": {"type": "string"},
        "giltig_fran": _VALFRITT_DATUM,
        "giltig_till": _VALFRITT_DATUM,
        "regelverk": _VALFRI_TEXT,
        "ursprung": URSPRUNG,
    },
    "One rule with its metadata (Regel.till_dict).",
)

REGELVERK = _objekt(
    {
        "id": {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"},
        "namn": {"type": "string"},
        "agare": {"type": "string"},
        "version": {"type": "string"},
        "beskrivning": {"type": "string"},
        "giltig_fran": _VALFRITT_DATUM,
        "giltig_till": _VALFRITT_DATUM,
        "ursprung": URSPRUNG,
        "regler": {"type": "array", "items": REGEL},
    },
    "A rule set with its rules (Regelverk.till_dict).",
)

FORKLARING = _objekt(
    {
        "id": {"type": "string"},
        "datum": _DATUM,
        "regler": {
            "type": "array",
            "items": _objekt(
                {
                    "regelverk": {"type": "string"},
                    "regel": {"type": "string"},
                    "titel": {"type": "string"},
                    "utfall": {
                        "enum": [
                            "ej tillämplig",
                            "uppfylld",
                            "fynd",
                            "kunde inte bedömas",
                            "fel i regeln",
                        ]
                    },
                    "orsak": _VALFRI_TEXT,
                    "fakta": {"type": "object", "additionalProperties": {"type": "string"}},
                    "kalla": KALLA,
                    "fynd": {"type": "array", "items": FYND},
                },
                "One rule's outcome in a trace (Regelpost.till_dict).",
            ),
        },
    },
    "Every rule with its outcome for one case (Forklaring.till_dict).",
)

AGENDAPOST = _objekt(
    {
        "frist": _DATUM,
        "arende": {"type": "string"},
        "regel": {"type": "string"},
        "titel": {"type": "string"},
        "meddelande": {"type": "string"},
        "kalla": KALLA,
        "sokvag": _VALFRI_TEXT,
        "status": {"enum": ["oppen", "missad"]},
        "allvarlighet": {"enum": ["fel", "varning", "info"]},
        "dagar": {"type": ["integer", "null"]},
        "fil": _VALFRI_TEXT,
    },
    "A deadline of one case, open or missed (Agendapost.till_dict).",
)

PLUGIN = _objekt(
    {
        "namn": {"type": "string"},
        "distribution": {"type": "string"},
        "version": {"type": "string"},
        "regelverk": {"type": "array", "items": {"type": "string"}},
        "utokar": {"type": "array", "items": {"type": "string"}},
    },
    "A loaded plugin (Plugininfo.till_dict).",
)

PLUGINPROBLEM = _objekt(
    {
        "namn": {"type": "string"},
        "distribution": {"type": "string"},
        "version": {"type": "string"},
        "orsak": {"type": "string"},
    },
    "A plugin that could not be used, and why (Pluginproblem.till_dict).",
)

UTDATA: dict[str, dict[str, Any]] = {
    "agendapost": AGENDAPOST,
    "fynd": FYND,
    "forklaring": FORKLARING,
    "indatafel": INDATAFEL,
    "kontrollresultat": KONTROLLRESULTAT,
    "plugin": PLUGIN,
    "pluginproblem": PLUGINPROBLEM,
    "regel": REGEL,
    "regelverk": REGELVERK,
    "resultat": RESULTAT,
}
"""The output documents by name."""


def utdata_schema(namn: str) -> dict[str, Any]:
    """The JSON Schema of one output document (a fresh copy), by name in `UTDATA`.

    An unknown name raises `KeyError` listing the known ones.
    """
    if namn not in UTDATA:
        raise KeyError(f"okänt utdataschema {namn!r}; finns: {', '.join(sorted(UTDATA))}")
    schema = copy.deepcopy(UTDATA[namn])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://finsam-core.invalid/schema/utdata/{namn}.json"
    schema["title"] = namn
    return schema
