"""``finsam schema``: JSON Schemas of the case format, arena data and outputs."""

from __future__ import annotations

import json

import click

from finsam_core.cli.gemensamt import (
    fel_och_avsluta,
    hjalpflagga,
    kommando,
    ladda_vard,
)


@kommando("schema")
@click.argument(
    "vad",
    required=False,
    default="arende",
    type=click.Choice(["arende", "arenor", "arenor-svar"]),
)
@click.option(
    "--utdata",
    metavar="NAMN",
    help="Schemat för ett av bibliotekets utdata i stället (t.ex. kontrollresultat, fynd, "
    "indatafel, forklaring, agendapost, regel, regelverk, plugin).",
)
@hjalpflagga
def schema(vad: str, utdata: str | None) -> None:
    """JSON Schema (Draft 2020-12): för finsam/1 med installerade plugins koder (arende,
    standard), för en arenadatafil (arenor) eller för svaret från finsam arenor -o json
    (arenor-svar); med --utdata för ett av bibliotekets utdata."""
    if utdata is not None:
        from finsam_core.utdata import UTDATA, utdata_schema

        if utdata not in UTDATA:
            fel_och_avsluta(f"okänt utdataschema {utdata!r}; finns: {', '.join(sorted(UTDATA))}")
        click.echo(json.dumps(utdata_schema(utdata), ensure_ascii=False, indent=2))
        return
    if vad == "arenor":
        from finsam_core.arenor import ARENASCHEMA as valt
    elif vad == "arenor-svar":
        from finsam_core.arenor import SVARSSCHEMA as valt
    else:
        from finsam_core.format.schema import json_schema

        valt = json_schema(ladda_vard().kodverk)
    click.echo(json.dumps(valt, ensure_ascii=False, indent=2))
