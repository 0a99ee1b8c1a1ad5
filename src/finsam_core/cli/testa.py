"""``finsam test`` (``testa``): run YAML rule tests and report like pytest."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from finsam_core.cli.gemensamt import (
    fel_och_avsluta,
    hjalpflagga,
    kommando,
    ladda_vard,
)


@kommando("test")
@click.argument("sokvagar", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option("-v", "--utforligt", is_flag=True, help="En rad per test.")
@hjalpflagga
def testa(sokvagar: tuple[str, ...], utforligt: bool) -> None:
    """Kör regeltester i YAML (test_*.yaml) och rapportera som pytest.

    Avslutas med 0 om alla gick igenom, 1 om något test misslyckades eller inte kunde
    läsas, 5 om inga tester hittades.
    """
    from finsam_core.format.fel import Indatafel
    from finsam_core.testning.regeltest import ar_regeltestfil, kor_regeltest, las_regeltester

    vard = ladda_vard()
    filer: list[Path] = []
    for sokvag in map(Path, sokvagar):
        if sokvag.is_dir():
            filer += sorted(p for p in sokvag.rglob("test_*.y*ml") if ar_regeltestfil(p))
        elif sokvag.is_file():
            filer.append(sokvag)
        else:
            fel_och_avsluta(f"{sokvag}: filen eller mappen finns inte")
    godkanda = 0
    misslyckade: list[str] = []
    for fil in filer:
        tecken = []
        for post in las_regeltester(fil):
            if isinstance(post, Indatafel):
                misslyckade.append(f"{post}")
                tecken.append("E")
                continue
            utfall = kor_regeltest(post, vard)
            if utfall.ok:
                godkanda += 1
                tecken.append(".")
            else:
                plats = f"{post.fil}:{post.rad}" if post.rad else post.fil
                misslyckade.append(
                    f"{post.namn} ({plats})\n    " + "\n    ".join(utfall.avvikelser)
                )
                tecken.append("F")
            if utforligt:
                click.echo(f"{fil}::{post.namn} {'GODKÄND' if tecken[-1] == '.' else 'UNDERKÄND'}")
        if not utforligt:
            click.echo(f"{fil} {''.join(tecken)}")
    for text in misslyckade:
        click.echo(f"\nUNDERKÄND {text}")
    if godkanda + len(misslyckade) == 0:
        click.echo("inga regeltester hittades")
        sys.exit(5)
    click.echo(f"\n{godkanda} godkända, {len(misslyckade)} underkända")
    if misslyckade:
        sys.exit(1)
