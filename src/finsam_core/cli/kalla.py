"""``finsam source`` (``källa``, ``kalla``): the sentence a rule quotes, in its paragraph of
the shipped source document, with the document's title, owner, decision and date."""

from __future__ import annotations

import click

from finsam_core.cli.gemensamt import (
    alla_regler,
    fel_och_avsluta,
    formatflagga,
    hjalpflagga,
    kommando,
    ladda_vard,
    som_json,
)


@kommando("source")
@click.argument("regel_id", metavar="REGEL")
@formatflagga("text", "json")
@hjalpflagga
def kalla(regel_id: str, utformat: str) -> None:
    """Visa källan till en regel: dokumentets titel, ägare och beslut, avsnittet, den citerade
    meningen och hela stycket den står i (ur dokumentet som regelverket levererar)."""
    from finsam_core.model.forslag import menade_du
    from finsam_core.regler.fynd import stycke_med_citat

    regler = alla_regler(ladda_vard())
    regel = regler.get(regel_id.upper())
    if regel is None:
        fel_och_avsluta(f"okänd regel {regel_id!r}{menade_du(regel_id.upper(), regler)}")
    kalla_ = regel.kalla
    dokument = kalla_.kalldokument
    text = dokument.text() if dokument is not None else None
    stycke = stycke_med_citat(text, kalla_.citat) if text is not None else None
    if utformat == "json":
        click.echo(
            som_json(
                {
                    "regel": regel.id,
                    "titel": regel.titel,
                    "kalla": kalla_.till_dict(),
                    "dokument": dokument.till_dict() if dokument is not None else None,
                    "stycke": stycke,
                }
            )
        )
        return
    click.echo(f"{regel.id}  {regel.titel}")
    click.echo(f"dokument: {kalla_.titel or kalla_.dokument}")
    if dokument is not None:
        for etikett, varde in (
            ("utgivare", dokument.agare),
            ("beslut", dokument.beslut),
            ("datum", dokument.datum),
            ("adress", dokument.url),
        ):
            if varde:
                click.echo(f"{etikett}: {varde}")
    click.echo(f"fil: {kalla_.dokument}")
    click.echo(f"avsnitt: {kalla_.avsnitt}")
    click.echo(f"citat: «{kalla_.citat}»")
    if stycke is not None:
        click.echo("\nstycket i dokumentet:")
        import textwrap

        click.echo(
            textwrap.fill(" ".join(stycke.split()), 88, initial_indent="  ", subsequent_indent="  ")
        )
    elif text is None:
        click.echo("\n(regelverket levererar inte dokumentets text)")
