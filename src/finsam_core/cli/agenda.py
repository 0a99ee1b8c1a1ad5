"""``finsam agenda``: the deadlines of cases, missed first, for planning a week."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

import click

from finsam_core.cli.gemensamt import (
    Heltal,
    datumflagga,
    fel_och_avsluta,
    hjalpflagga,
    kommando,
    konfiguration,
    kontrollera_regelverk,
    ladda_vard,
    lasta_arenden,
    rakna,
    regelverkflagga,
    som_json,
)

if TYPE_CHECKING:
    from finsam_core.regler.motor import Agendapost


def nar(post: Agendapost) -> str:
    """``i dag``, ``om 3 dagar`` or ``5 dagar sen``."""
    dagar = post.dagar or 0
    if dagar == 0:
        return "i dag"
    if dagar > 0:
        return f"om {rakna(dagar, 'dag', 'dagar')}"
    return f"{rakna(-dagar, 'dag', 'dagar')} sen"


def _skriv_text(poster: list[Agendapost], datum: date) -> None:
    missade = [p for p in poster if p.missad]
    oppna = [p for p in poster if not p.missad]
    for rubrik, grupp in (("Missade frister", missade), ("Öppna frister", oppna)):
        if not grupp:
            continue
        click.echo(f"{rubrik} per {datum}:")
        for p in grupp:
            markering = "MISSAD  " if p.missad else ""
            click.echo(f"  {p.frist}  {markering}{nar(p)}  {p.regel}  {p.titel}")
            click.echo(f"      {p.arende_id} · {p.fil}")
            click.echo(f"      {p.meddelande}")
        click.echo("")
    if not poster:
        click.echo(f"Inga frister per {datum}.")
        return
    click.echo(
        f"{rakna(len(missade), 'missad frist', 'missade frister')}, "
        f"{rakna(len(oppna), 'öppen frist', 'öppna frister')} per {datum}."
    )


@kommando("agenda")
@click.argument("sokvagar", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option(
    "--inom",
    "inom_dagar",
    type=Heltal(0),
    metavar="DAGAR",
    help="Bara öppna frister inom så många dagar från datumet (missade visas alltid).",
)
@click.option(
    "--forfallna/--ej-forfallna",
    "forfallna",
    default=None,
    help="Bara missade frister, eller bara öppna. Standard: båda, missade först.",
)
@regelverkflagga("Regelverk (ersätter ärendenas egna).")
@datumflagga
@click.option(
    "-o",
    "--format",
    "utformat",
    type=click.Choice(["text", "json", "csv", "ics"]),
    default="text",
    help="text; json; csv (för kalkylblad); ics (iCalendar: en heldagshändelse per frist, "
    "för Outlook och andra kalendrar). Standard: text.",
)
@hjalpflagga
def agenda(
    sokvagar: tuple[str, ...],
    inom_dagar: int | None,
    forfallna: bool | None,
    regelverk: tuple[str, ...],
    datum: date,
    utformat: str,
) -> None:
    """Frister i ärendena: missade först, sedan öppna efter förfallodag, med fil och ärende.

    Avslutas med 2 om någon indata inte kunde läsas, annars 1 om en missad frist är fel,
    annars 0.
    """
    import attrs

    from finsam_core.cli.agendautdata import som_csv, som_ics
    from finsam_core.kontrollant import Kontrollant
    from finsam_core.regler.motor import agenda as agenda_for

    vard = ladda_vard()
    installning = konfiguration()
    regelverk = regelverk or installning.regelverk
    kontrollera_regelverk(vard, regelverk)
    kontrollant = Kontrollant(vard, regelverk=regelverk or None)
    poster: list[Agendapost] = []
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
        valda = agenda_for(
            [svar.resultat],
            inom_dagar=inom_dagar,
            oppna=forfallna is not True,
            missade=forfallna is not False,
        )
        poster += [attrs.evolve(p, fil=svar.fil) for p in valda]
    poster.sort(key=lambda p: (not p.missad, p.frist, p.fil or "", p.arende_id, p.regel))
    if utformat == "json":
        click.echo(som_json([p.till_dict(som_cli=True) for p in poster]))
    elif utformat == "csv":
        click.echo(som_csv(poster), nl=False)
    elif utformat == "ics":
        try:
            click.echo(som_ics(poster, datum), nl=False)
        except ImportError:
            fel_och_avsluta("iCalendar kräver paketet icalendar: pip install 'finsam-core[ics]'")
    else:
        _skriv_text(poster, datum)
    if indatafel:
        sys.exit(2)
    if any(p.missad and p.allvarlighet.value == "fel" for p in poster):
        sys.exit(1)
