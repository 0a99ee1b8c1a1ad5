"""``finsam agenda``: open deadlines of cases, for planning."""

from __future__ import annotations

import sys
from datetime import date

import click

from finsam_core.cli.gemensamt import (
    datumflagga,
    formatflagga,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    lasta_arenden,
    rakna,
    som_json,
)


@kommando("agenda")
@click.argument("sokvagar", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option(
    "--inom",
    "inom_dagar",
    type=click.IntRange(0, None),
    metavar="DAGAR",
    help="Bara frister inom så många dagar från datumet.",
)
@click.option(
    "-r", "--regelverk", multiple=True, metavar="ID", help="Regelverk (ersätter ärendenas egna)."
)
@datumflagga
@formatflagga("text", "json")
@hjalpflagga
def agenda(
    sokvagar: tuple[str, ...],
    inom_dagar: int | None,
    regelverk: tuple[str, ...],
    datum: date,
    utformat: str,
) -> None:
    """Öppna frister i ärendena, sorterade efter förfallodag: vad som ska göras och när."""
    from finsam_core.kontrollant import Kontrollant
    from finsam_core.regler.motor import agenda as agenda_for

    vard = ladda_vard()
    kontrollera_regelverk(vard, regelverk)
    kontrollant = Kontrollant(vard, regelverk=regelverk or None)
    resultat = []
    indatafel = False
    for inlasning in lasta_arenden(vard, sokvagar):
        svar = kontrollant.kontrollera_inlasning(inlasning, datum=datum)
        if svar.resultat is None:
            for fel in svar.indatafel:
                click.echo(f"indatafel {fel}", err=True)
            for meddelande in svar.konfigurationsfel:
                click.echo(f"indatafel {svar.fil}: {meddelande}", err=True)
            indatafel = True
            continue
        resultat.append(svar.resultat)
    poster = agenda_for(resultat, inom_dagar=inom_dagar)
    if utformat == "json":
        click.echo(som_json([p.till_dict(som_cli=True) for p in poster]))
    elif not poster:
        click.echo(f"Inga öppna frister per {datum}.")
    else:
        for p in poster:
            kvar = (p.frist - datum).days
            nar = "i dag" if kvar == 0 else f"om {rakna(kvar, 'dag', 'dagar')}"
            click.echo(f"{p.frist}  ({nar})  {p.arende_id}  {p.regel}  {p.meddelande}")
        click.echo(f"\n{rakna(len(poster), 'öppen frist', 'öppna frister')} per {datum}.")
    if indatafel:
        sys.exit(2)
