"""``finsam rules`` (``regler``): installed rule sets and their rules."""

from __future__ import annotations

import click

from finsam_core.cli.gemensamt import (
    fel_och_avsluta,
    formatflagga,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    rakna,
    som_json,
)


@kommando("rules")
@click.argument("regelverk_id", required=False, metavar="[REGELVERK]")
@click.argument("regel_id", required=False, metavar="[REGEL]")
@formatflagga("text", "json")
@hjalpflagga
def regler(regelverk_id: str | None, regel_id: str | None, utformat: str) -> None:
    """Installerade regelverk och deras regler; en regel i sin helhet med citat."""
    vard = ladda_vard()
    if regelverk_id is None:
        alla = vard.alla_regelverk()
        if utformat == "json":
            click.echo(
                som_json(
                    [
                        {
                            "id": rv.id,
                            "namn": rv.namn,
                            "agare": rv.agare,
                            "version": rv.version,
                            "regler": len(rv.regel_id),
                        }
                        for rv in alla
                    ]
                )
            )
            return
        for rv in alla:
            click.echo(
                f"{rv.id:<12} {rakna(len(rv.regel_id), 'regel', 'regler'):<10} "
                f"{rv.namn} ({rv.agare}, version {rv.version})"
            )
        return
    kontrollera_regelverk(vard, (regelverk_id,))
    valt = vard.regelverk(regelverk_id)
    assert valt is not None
    regler = [r for r in valt.regler if regel_id is None or r.id == regel_id]
    if not regler:
        fel_och_avsluta(
            f"regelverket {regelverk_id} har ingen regel {regel_id!r}; "
            f"regler: {', '.join(valt.regel_id)}"
        )
    if utformat == "json":
        data = [r.till_dict(som_cli=True) for r in regler]
        click.echo(som_json(data[0] if regel_id and len(data) == 1 else data))
        return
    if regel_id is None:
        for r in regler:
            click.echo(f"{r.id:<11} {r.allvarlighet.value:<8} {r.titel}  [{r.kalla}]")
        return
    for r in regler:
        click.echo(f"{r.id}  {r.titel}")
        click.echo(f"allvarlighet: {r.allvarlighet.value}")
        click.echo(f"källa: {r.kalla}")
        click.echo(f"citat: «{r.kalla.citat}»")
        if r.tolkning:
            click.echo(f"tolkning (utvecklardokumentation, engelska): {r.tolkning}")
        if r.giltig_fran or r.giltig_till:
            click.echo(f"gäller: {r.giltig_fran or '…'} – {r.giltig_till or '…'}")
