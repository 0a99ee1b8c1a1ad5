"""A computed report as text (terminal), CSV (Excel-friendly), JSON and its JSON Schema.

The HTML page is in `finsam_core.rapport.html`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from finsam_core.rapport.delar import Antal, Matt
from finsam_core.rapport.rapport import TOTALT, Rad, Rapport, Rapportresultat
from finsam_core.rapport.skydd import DOLD


def som_json(resultat: Rapportresultat) -> str:
    """The JSON output (one object; see the spec's ``finsam rapport`` section)."""
    return json.dumps(resultat.till_dict(), ensure_ascii=False)


def _tal(varde: float, decimalkomma: bool) -> str:
    text = f"{varde:.1f}".removesuffix(".0")
    return text.replace(".", ",") if decimalkomma else text


def visa_cell(
    resultat: Rapportresultat, rad: Rad, i: int, *, decimalkomma: bool = True, procent: bool = True
) -> str:
    """One cell as text: ``12``, ``1–4``, ``dold``, ``67 %``, ``12,5`` or ``–`` (no value)."""
    matt = resultat.rapport.matt[i]
    visat = resultat.visat(rad.celler[i], matt)
    if visat is None:
        return "–" if procent else ""
    if isinstance(visat, str):
        return visat
    if matt.slag == "andel":
        if procent:
            return f"{round(100 * visat)} %"
        return _tal(round(visat, 4), decimalkomma) if decimalkomma else str(round(visat, 4))
    if isinstance(visat, float):
        return _tal(visat, decimalkomma)
    return str(visat)


def _etiketter(resultat: Rapportresultat, rad: Rad) -> list[str]:
    return [
        "Totalt" if varde == TOTALT else d.etikett(varde)
        for d, varde in zip(resultat.rapport.dimensioner, rad.dimensioner, strict=True)
    ]


def skyddstext(resultat: Rapportresultat) -> str:
    """One Swedish sentence on how the report is protected."""
    if resultat.troskel is None:
        return (
            "UTAN SKYDD FÖR SMÅ TAL: alla värden visas, även de som kan röja enskilda "
            "personer. Sprid inte rapporten."
        )
    t = resultat.troskel
    rader = (*resultat.rader, *((resultat.totalt,) if resultat.totalt else ()))
    antal = [
        r.celler[i] for r in rader for i, m in enumerate(resultat.rapport.matt) if m.slag == "antal"
    ]
    if antal and all(c.dold == "sekundar" for c in antal):
        return (
            f"Skydd för små tal: för få personer för en tabell med tröskeln {t}; alla antal "
            f"hålls inne (\u201d{DOLD}\u201d), även nollor."
        )
    return (
        f"Skydd för små tal: antal 1–{t} visas som \u201d1–{t}\u201d; \u201d{DOLD}\u201d är ett "
        f"större antal som döljs så att ett litet inte kan räknas fram ur summorna; andelar "
        f"och ledtider över högst {t} personer visas inte. {resultat.dolda} celler dolda."
    )


def sammanfattning(resultat: Rapportresultat) -> str:
    """How many cases were read, counted and left out, in Swedish."""
    text = (
        f"{resultat.arenden} ärenden lästa, {resultat.i_urvalet} ingår i rapporten"
        if resultat.arenden != 1
        else f"1 ärende läst, {resultat.i_urvalet} ingår i rapporten"
    )
    if resultat.utelamnade:
        text += f"; {resultat.utelamnade} kunde inte läsas och är utelämnade"
    return text + "."


def som_text(resultat: Rapportresultat) -> str:
    """An aligned table for the terminal."""
    rapport = resultat.rapport
    huvud = [d.rubrik for d in rapport.dimensioner] + [m.rubrik for m in rapport.matt]
    rader = [
        _etiketter(resultat, r) + [visa_cell(resultat, r, i) for i in range(len(rapport.matt))]
        for r in (*resultat.rader, *((resultat.totalt,) if resultat.totalt else ()))
    ]
    antal_dim = len(rapport.dimensioner)
    bredd = [max(len(str(x)) for x in kolumn) for kolumn in zip(huvud, *rader, strict=True)]

    def rad_text(celler: list[str]) -> str:
        delar = [
            c.ljust(b) if i < antal_dim else c.rjust(b)
            for i, (c, b) in enumerate(zip(celler, bredd, strict=True))
        ]
        return "  ".join(delar).rstrip()

    linje = "  ".join("-" * b for b in bredd)
    utdata = [
        f"{rapport.titel} ({rapport.id}), {resultat.period} "
        f"({resultat.period.fran}–{resultat.period.till})",
        "",
        rad_text(huvud),
        linje,
    ]
    for i, celler in enumerate(rader):
        if resultat.totalt is not None and i == len(rader) - 1:
            utdata.append(linje)
        utdata.append(rad_text(celler))
    utdata += ["", skyddstext(resultat), sammanfattning(resultat)]
    return "\n".join(utdata) + "\n"


def som_csv(resultat: Rapportresultat, *, separator: str = ",", bom: bool = False) -> str:
    """CSV with the JSON's column names; with ``;`` as separator, decimal commas (as a
    Swedish Excel reads it). *bom* starts the text with a UTF-8 byte order mark, which makes
    Excel read å, ä, ö right."""
    rapport = resultat.rapport
    strom = io.StringIO()
    skrivare = csv.writer(strom, delimiter=separator, lineterminator="\r\n")
    skrivare.writerow([d.namn for d in rapport.dimensioner] + [m.namn for m in rapport.matt])
    for rad in (*resultat.rader, *((resultat.totalt,) if resultat.totalt else ())):
        skrivare.writerow(
            list(rad.dimensioner)
            + [
                visa_cell(resultat, rad, i, decimalkomma=separator == ";", procent=False)
                for i in range(len(rapport.matt))
            ]
        )
    return ("\ufeff" if bom else "") + strom.getvalue()


def _cellschema(matt: Matt) -> dict[str, Any]:
    if matt.slag == "antal":
        return {
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^1–[0-9]+$"},
                {"const": DOLD},
            ]
        }
    if matt.slag == "andel":
        return {"type": ["number", "null"], "minimum": 0, "maximum": 1}
    if matt.slag == "summa":
        return {"type": ["integer", "null"], "minimum": 0}
    return {"type": ["number", "null"], "minimum": 0}


def json_schema(rapport: Rapport) -> dict[str, Any]:
    """JSON Schema (Draft 2020-12) of the report's JSON output."""
    rad = {
        "type": "object",
        "additionalProperties": False,
        "required": [d.namn for d in rapport.dimensioner] + [m.namn for m in rapport.matt],
        "properties": {
            **{d.namn: {"type": "string", "description": d.rubrik} for d in rapport.dimensioner},
            **{m.namn: {**_cellschema(m), "description": m.rubrik} for m in rapport.matt},
        },
    }
    heltal = {"type": "integer", "minimum": 0}
    antal = _cellschema(Antal("antal", "Antal", lambda fall: True))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"finsam rapport {rapport.id}: {rapport.titel}",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "rapport",
            "titel",
            "period",
            "skydd",
            "dimensioner",
            "matt",
            "rader",
            "totalt",
            "fordelningar",
            "arenden",
            "i_urvalet",
            "utelamnade",
        ],
        "properties": {
            "rapport": {"const": rapport.id},
            "titel": {"type": "string"},
            "period": {
                "type": "object",
                "additionalProperties": False,
                "required": ["namn", "fran", "till"],
                "properties": {
                    "namn": {"type": "string"},
                    "fran": {"type": "string", "format": "date"},
                    "till": {"type": "string", "format": "date"},
                },
            },
            "skydd": {
                "oneOf": [
                    {"type": "null", "description": "--utan-skydd: no protection"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["troskel", "dolda"],
                        "properties": {
                            "troskel": {"type": "integer", "minimum": 3},
                            "dolda": heltal,
                        },
                    },
                ]
            },
            "dimensioner": {"type": "array", "items": {"type": "object"}},
            "matt": {"type": "array", "items": {"type": "object"}},
            "rader": {"type": "array", "items": rad},
            "totalt": {"oneOf": [{"type": "null"}, rad]},
            "fordelningar": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["matt", "rubrik", "antal", "staplar"],
                    "properties": {
                        "matt": {"type": "string"},
                        "rubrik": {"type": "string"},
                        "antal": antal,
                        "staplar": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["dagar", "antal"],
                                "properties": {"dagar": {"type": "string"}, "antal": antal},
                            },
                        },
                    },
                },
            },
            "arenden": heltal,
            "i_urvalet": heltal,
            "utelamnade": heltal,
        },
    }
