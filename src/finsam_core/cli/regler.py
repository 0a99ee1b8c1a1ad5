"""``finsam rules`` (``regler``): installed rule sets and their rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from finsam_core.cli.gemensamt import (
    alla_regler,
    fel_och_avsluta,
    formatflagga,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    rakna,
    som_json,
)

if TYPE_CHECKING:
    from finsam_core.plugins.vard import Pluginvard


def _regelverk_for(vard: Pluginvard, regel_id: str) -> str:
    return next(rv.id for rv in vard.alla_regelverk() if regel_id in rv.regel_id)


@kommando("rules")
@click.argument("regelverk_id", required=False, metavar="[REGELVERK]")
@click.argument("regel_id", required=False, metavar="[REGEL]")
@formatflagga("text", "json")
@hjalpflagga
def regler(regelverk_id: str | None, regel_id: str | None, utformat: str) -> None:
    """Installerade regelverk och deras regler; en regel i sin helhet med citat.

    REGEL kan också stå ensam (finsam rules SOFINT-07); id läses utan hänsyn till
    versaler och gemener.
    """
    vard = ladda_vard()
    if regelverk_id is not None and regel_id is None and vard.regelverk(regelverk_id) is None:
        # A rule id alone: find its rule set.
        regel = alla_regler(vard).get(regelverk_id.upper())
        if regel is not None:
            regelverk_id, regel_id = _regelverk_for(vard, regel.id), regel.id
        elif vard.saknat_regelverk(regelverk_id) is not None and "-" in regelverk_id:
            from finsam_core.model.forslag import menade_du

            fel_och_avsluta(
                f"{regelverk_id!r} är varken ett regelverk eller en regel"
                f"{menade_du(regelverk_id.upper(), alla_regler(vard))}"
            )
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
    regler = [r for r in valt.regler if regel_id is None or r.id.upper() == regel_id.upper()]
    if not regler:
        from finsam_core.model.forslag import menade_du

        fel_och_avsluta(
            f"regelverket {regelverk_id} har ingen regel {regel_id!r}"
            f"{menade_du(str(regel_id).upper(), valt.regel_id)}; "
            f"regler: {', '.join(valt.regel_id)}"
        )
    if utformat == "json":
        data = [r.till_dict(som_cli=True) for r in regler]
        click.echo(som_json(data[0] if regel_id and len(data) == 1 else data))
        return
    if regel_id is None:
        for r in regler:
            click.echo(f"{r.id:<11} {r.allvarlighet.value:<8} {r.titel}  [{r.kalla.lasbar}]")
        return
    for r in regler:
        click.echo(f"{r.id}  {r.titel}")
        click.echo(f"allvarlighet: {r.allvarlighet.value}")
        click.echo(f"källa: {r.kalla.lasbar}")
        click.echo(f"citat: «{r.kalla.citat}»")
        click.echo(f"dokument: {r.kalla.dokument} (hela stycket: finsam källa {r.id})")
        if r.tolkning:
            click.echo(f"tolkning (utvecklardokumentation, engelska): {r.tolkning}")
        if r.giltig_fran or r.giltig_till:
            click.echo(f"gäller: {r.giltig_fran or '…'} – {r.giltig_till or '…'}")
