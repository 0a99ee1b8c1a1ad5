"""``finsam rapport``: a report across cases, with small-cell protection."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from finsam_core.cli.gemensamt import (
    fel_och_avsluta,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    tolka_datum,
)

if TYPE_CHECKING:
    from finsam_core.format.fel import Inlasning
    from finsam_core.format.lasare import Rad
    from finsam_core.plugins.vard import Pluginvard
    from finsam_core.rapport.rapport import Bidrag, Rapport, Sammanstallning


def _datum_eller_inget(
    ctx: click.Context, param: click.Parameter, varde: str | None
) -> date | None:
    return None if varde is None else tolka_datum(ctx, param, varde)


def _lista(vard: Pluginvard, utformat: str) -> None:
    rapporter = vard.rapporter()
    if utformat == "json":
        click.echo(
            json.dumps(
                [{"id": r.id, "titel": r.titel, "plugin": r.plugin} for r in rapporter],
                ensure_ascii=False,
            )
        )
        return
    bredd = max((len(r.id) for r in rapporter), default=0)
    for r in rapporter:
        plugin = (r.plugin or "?").split(",")[0]
        click.echo(f"{r.id:<{bredd}}  {r.titel}  (plugin {plugin})")


def _indatafel_for_fynd(
    inlasning: Inlasning, vard: Pluginvard, regelverk: tuple[str, ...]
) -> str | None:
    assert inlasning.arende is not None
    ids = regelverk or inlasning.arende.regelverk
    if not ids:
        return "ärendet anger inget regelverk: ange regelverk: [id] i filen eller --regelverk"
    okanda = [i for i in ids if vard.regelverk(i) is None]
    if okanda:
        return f"okänt regelverk {okanda[0]!r}"
    return None


def _bidrag(
    post: Inlasning | Rad,
    vard: Pluginvard,
    sammanstallning: Sammanstallning,
    regelverk: tuple[str, ...],
) -> tuple[str, Any] | None:
    """One input → ``("fel", [messages])``, ``("ok", bidrag)`` (``"skyddad"`` for a person
    with skyddade personuppgifter), or None (a blank line).

    Runs in worker processes: only these small values travel back."""
    from finsam_core.format.lasare import Rad

    inlasning = vard.lasare().tolka_rad(post) if isinstance(post, Rad) else post
    if inlasning is None:
        return None
    if inlasning.arende is None:
        return ("fel", [str(f) for f in inlasning.fel])
    if sammanstallning.rapport.behover_fynd:
        fel = _indatafel_for_fynd(inlasning, vard, regelverk)
        if fel is not None:
            plats = inlasning.fil if inlasning.rad is None else f"{inlasning.fil}:{inlasning.rad}"
            return ("fel", [f"{plats}: {fel}"])
    bidrag: Bidrag | None = sammanstallning.bidrag(inlasning.arende)
    if bidrag is not None and inlasning.arende.individ.skyddad:
        return ("skyddad", bidrag)
    return ("ok", bidrag)


@kommando("rapport")
@click.argument("rapport_id", required=False, metavar="RAPPORT")
@click.argument("sokvagar", nargs=-1, metavar="SÖKVÄG...")
@click.option("--lista", is_flag=True, help="Lista installerade rapporter och deras plugin.")
@click.option(
    "-p",
    "--period",
    metavar="PERIOD",
    help="ÅÅÅÅ-MM (månad), ÅÅÅÅ-Qn (kvartal), ÅÅÅÅ-Hn (halvår) eller ÅÅÅÅ.",
)
@click.option(
    "--fran", callback=_datum_eller_inget, metavar="ÅÅÅÅ-MM-DD", help="Periodens första dag."
)
@click.option(
    "--till", callback=_datum_eller_inget, metavar="ÅÅÅÅ-MM-DD", help="Periodens sista dag."
)
@click.option(
    "-o",
    "--format",
    "utformat",
    type=click.Choice(["text", "json", "csv", "html"]),
    default="text",
    help="text (terminal), json, csv eller html (en fristående sida). Standard: text.",
)
@click.option(
    "--troskel",
    type=click.IntRange(3, None),
    default=4,
    show_default=True,
    metavar="N",
    help="Antal från 1 till N döljs (minst 3).",
)
@click.option(
    "--utan-skydd",
    is_flag=True,
    help="Visa alla värden, även små tal som kan röja enskilda personer. Bara för internt "
    "bruk; rapporten märks som oskyddad.",
)
@click.option(
    "-r",
    "--regelverk",
    multiple=True,
    metavar="ID",
    help="Regelverk (kan upprepas); ersätter ärendenas egna när rapporten väljer ärenden "
    "och när rapporten fynd kontrollerar dem.",
)
@click.option(
    "--separator",
    type=click.Choice([",", ";"]),
    default=",",
    help="Fältavgränsare i csv; med ; skrivs decimaler med komma (svensk Excel).",
)
@click.option("--bom", is_flag=True, help="Börja csv med en UTF-8-BOM (så läser Excel å, ä, ö).")
@click.option("--schema", is_flag=True, help="Skriv rapportens JSON Schema och avsluta.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, None),
    default=None,
    metavar="N",
    help="Antal processer. Standard: en per processorkärna (högst 8) när en sats är lång.",
)
@hjalpflagga
def rapport(
    rapport_id: str | None,
    sokvagar: tuple[str, ...],
    lista: bool,
    period: str | None,
    fran: date | None,
    till: date | None,
    utformat: str,
    troskel: int,
    utan_skydd: bool,
    regelverk: tuple[str, ...],
    separator: str,
    bom: bool,
    schema: bool,
    jobs: int | None,
) -> None:
    """Rapport över många ärenden, med skydd för små tal.

    RAPPORT är en rapport från --lista (t.ex. deltagare, eda-manad). SÖKVÄG som för
    validate. Varje ärende läses en gång; bara summor per rad hålls i minnet.

    Antal från 1 till tröskeln visas som "1–4"; ett större antal döljs också ("dold") där
    en summa annars skulle röja ett litet; andelar och ledtider över högst tröskeln
    personer visas inte.

    Avslutas med 2 om någon indata inte kunde läsas (rapporten görs ändå av de andra
    ärendena och anger hur många som utelämnades), annars 0.
    """
    from finsam_core.rapport.period import Period, Periodfel
    from finsam_core.rapport.rapport import Sammanstallning
    from finsam_core.regler._parallell import ordnad_parallell
    from finsam_core.regler.motor import validera

    vard = ladda_vard(rapporter=True)
    if lista:
        _lista(vard, "json" if utformat == "json" else "text")
        return
    if rapport_id is None:
        fel_och_avsluta("ange en rapport (finsam rapport --lista visar vilka som finns)")
    vald: Rapport | None = vard.rapport(rapport_id)
    if vald is None:
        kanda = ", ".join(r.id for r in vard.rapporter())
        fel_och_avsluta(f"okänd rapport {rapport_id!r}; installerade: {kanda}")
    if schema:
        from finsam_core.rapport.utdata import json_schema

        click.echo(json.dumps(json_schema(vald), ensure_ascii=False, indent=2))
        return
    if not sokvagar:
        fel_och_avsluta("ange minst en SÖKVÄG med ärenden")
    if period is not None and (fran or till):
        fel_och_avsluta("ange antingen --period eller --fran/--till, inte båda")
    try:
        if period is not None:
            vald_period = Period.tolka(period)
        elif fran is not None and till is not None:
            vald_period = Period.mellan(fran, till)
        else:
            fel_och_avsluta("ange --period (t.ex. 2025-10) eller både --fran och --till")
    except Periodfel as fel:
        fel_och_avsluta(str(fel))
    kontrollera_regelverk(vard, regelverk)
    if utan_skydd:
        click.echo(
            "varning: --utan-skydd: rapporten visar alla värden, även små tal som kan röja "
            "enskilda personer",
            err=True,
        )

    def validera_arende(arende: Any) -> Any:
        ids = regelverk or arende.regelverk
        return validera(arende, vard.regelverk_for(ids), vald_period.till, kodverk=vard.kodverk)

    sammanstallning = Sammanstallning(
        vald,
        vald_period,
        vard.kodverk,
        regelverk=regelverk,
        validera=validera_arende if vald.behover_fynd else None,
    )

    def bidrag(post: Inlasning | Rad) -> tuple[str, Any] | None:
        return _bidrag(post, vard, sammanstallning, regelverk)

    processer = jobs or min(os.cpu_count() or 1, 8)
    poster = vard.lasare().las_oparsat(*sokvagar)
    skyddade = 0
    for utfall in ordnad_parallell(
        bidrag, poster, processer=processer, forst_i_processen=0 if jobs else 2000
    ):
        if utfall is None:
            continue
        slag, innehall = utfall
        if slag == "fel":
            sammanstallning.utelamna()
            for text in innehall:
                click.echo(f"indatafel {text}", err=True)
        else:
            skyddade += slag == "skyddad"
            sammanstallning.lagg_till_bidrag(innehall)
    if utan_skydd and skyddade:
        # A person with skyddade personuppgifter is never placed in a small cell, whoever asks.
        click.echo(
            f"obs: {skyddade} av personerna har skyddade personuppgifter: rapporten skyddas "
            f"ändå (tröskel {troskel}); --utan-skydd gäller inte när sådana personer ingår",
            err=True,
        )
        utan_skydd = False
    resultat = sammanstallning.resultat(troskel=None if utan_skydd else troskel)
    if utformat == "json":
        from finsam_core.rapport.utdata import som_json

        click.echo(som_json(resultat))
    elif utformat == "csv":
        from finsam_core.rapport.utdata import som_csv

        sys.stdout.write(som_csv(resultat, separator=separator, bom=bom))
    elif utformat == "html":
        from finsam_core.rapport.html import som_html

        sys.stdout.write(som_html(resultat))
    else:
        from finsam_core.rapport.utdata import som_text

        sys.stdout.write(som_text(resultat))
    if sammanstallning.utelamnade:
        sys.exit(2)
