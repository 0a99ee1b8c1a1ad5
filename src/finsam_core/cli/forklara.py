"""``finsam explain`` (``forklara``): every rule's outcome for one case, with facts and source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from finsam_core.cli.gemensamt import (
    datumflagga,
    fel_och_avsluta,
    formatflagga,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    lasta_arenden,
    som_json,
)


@kommando("explain")
@click.argument("fil", metavar="FIL")
@click.option(
    "-r", "--regelverk", multiple=True, metavar="ID", help="Regelverk (standard: ärendets egna)."
)
@click.option("--id", "arende_id", metavar="ID", help="Vilket ärende, om filen har flera.")
@datumflagga
@formatflagga("text", "json")
@hjalpflagga
def forklara(
    fil: str, regelverk: tuple[str, ...], arende_id: str | None, datum: date, utformat: str
) -> None:
    """Förklara ett ärende: varje regel med utfall, fakta den använde och källan."""
    from finsam_core.regler.motor import forklara

    vard = ladda_vard()
    kontrollera_regelverk(vard, regelverk)
    valda = [
        i.arende
        for i in lasta_arenden(vard, (fil,))
        if i.arende is not None and (arende_id is None or i.arende.id == arende_id)
    ]
    if not valda:
        fel_och_avsluta(
            "inget ärende att förklara" + (f" med id {arende_id!r}" if arende_id else "")
        )
    if len(valda) > 1:
        vad = "mappen" if Path(fil).is_dir() else "filen"
        fel_och_avsluta(
            f"{vad} har {len(valda)} ärenden ({', '.join(a.id for a in valda[:5])}"
            f"{', …' if len(valda) > 5 else ''}); välj ett med --id"
        )
    arende = valda[0]
    ids = regelverk or arende.regelverk
    if not ids:
        fel_och_avsluta("ärendet anger inget regelverk; ange --regelverk")
    kontrollera_regelverk(vard, ids)
    valda_regelverk = vard.regelverk_for(ids)
    forklaring = forklara(arende, valda_regelverk, datum, kodverk=vard.kodverk)
    if utformat == "json":
        click.echo(som_json(forklaring.till_dict(som_cli=True)))
        return
    # The same list as validate shows: core's rule set first, then the case's own.
    click.echo(
        f"{forklaring.arende_id} per {datum} ({', '.join(rv.id for rv in valda_regelverk)})\n"
    )
    for p in forklaring.poster:
        click.echo(f"{p.regel.id}  {p.regel.titel}  [{p.regel.allvarlighet.value}]")
        click.echo(f"  utfall: {p.utslag.value}" + (f" ({p.orsak})" if p.orsak else ""))
        for namn, varde in p.fakta:
            click.echo(f"  fakta: {namn}: {varde}")
        for f in p.fynd:
            click.echo(
                f"  {f.allvarlighet.value}: {f.meddelande}"
                + (f" (frist {f.frist})" if f.frist else "")
            )
        click.echo(f"  källa: {p.regel.kalla.lasbar} «{p.regel.kalla.citat}»\n")
