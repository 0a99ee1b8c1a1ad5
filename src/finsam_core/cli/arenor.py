"""``finsam arenor``: where can this person get help? Routing to the plugins' arenas."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from finsam_core.cli.gemensamt import (
    Heltal,
    datumflagga,
    fel_och_avsluta,
    formatflagga,
    hjalpflagga,
    kommando,
    ladda_vard,
    som_json,
)

if TYPE_CHECKING:
    from finsam_core.arenor import Arena, Arenaregister, Arenasvar
    from finsam_core.model.kommuner import Kommun
    from finsam_core.plugins.vard import Pluginvard

NIVAER = ("individ", "struktur", "kunskap")


def _kommun(ctx: click.Context, param: click.Parameter, varde: str | None) -> Kommun | None:
    from finsam_core.model.kommuner import OkandKommunError, hitta_kommun

    if varde is None:
        return None
    try:
        return hitta_kommun(varde)
    except OkandKommunError as fel:
        raise click.BadParameter(str(fel)) from None


def _register(vard: Pluginvard) -> Arenaregister:
    """The arenas, with one warning line per plugin whose arenas could not be loaded."""
    fore = len(vard.fel)
    register = vard.arenor()
    for fel in vard.fel[fore:]:
        click.echo(f"varning: {fel}", err=True)
    return register


@kommando("arenor")
@click.argument("fil", required=False, metavar="[FIL]")
@click.option("--kommun", callback=_kommun, metavar="KOMMUN", help="Folkbokföringskommun.")
@click.option("--alder", type=Heltal(0, 130), metavar="ÅR", help="Ålder i hela år.")
@click.option(
    "--situation",
    "situationer",
    multiple=True,
    metavar="KOD",
    help="Situation (omständighet, försörjning, t.ex. forsorjningsstod, arbetssokande); "
    "kan upprepas. Med FIL läggs den till ärendets.",
)
@click.option("--kon", type=click.Choice(["kvinna", "man"]), help="Kön, där arenan anger det.")
@click.option(
    "--niva",
    "nivaer",
    multiple=True,
    type=click.Choice(NIVAER),
    help="Nivåer att föreslå (kan upprepas). Standard: individ.",
)
@click.option("--projekt", is_flag=True, help="Föreslå även tidsbegränsade projekt.")
@click.option("--id", "arende_id", metavar="ID", help="Vilket ärende, om FIL har flera.")
@click.option("--lista", is_flag=True, help="Lista registrerade arenor (alla nivåer).")
@click.option("--matris", is_flag=True, help="Vem sitter var: organisationer och deras arenor.")
@datumflagga
@formatflagga("text", "json")
@hjalpflagga
def arenor(
    fil: str | None,
    kommun: Kommun | None,
    alder: int | None,
    situationer: tuple[str, ...],
    kon: str | None,
    nivaer: tuple[str, ...],
    projekt: bool,
    arende_id: str | None,
    lista: bool,
    matris: bool,
    datum: date,
    utformat: str,
) -> None:
    """Vilka arenor (forum, team, program) kan ta emot personen? Förslag med källa.

    Ange ett ärende (FIL) eller personen med --kommun, --alder och --situation. Från ett
    ärende tas kommun, ålder och kön per --datum, situationerna från omständigheterna,
    försörjningen den dagen och arbetssokande om af är en kontakt.

    Varje förslag passar (alla villkor i källan uppfylls) eller är möjligt men osäkert;
    med skäl, väg in, nästa steg och källan. Passar inget listas de luckor som källan
    själv nämner för kommunen. --lista visar alla arenor, --matris vem som sitter var.
    """
    from finsam_core.arenor import Fraga, Niva, fraga_for_arende

    vard = ladda_vard()
    register = _register(vard)
    if lista or matris:
        if fil is not None or alder is not None or situationer:
            fel_och_avsluta("--lista och --matris tar bara --kommun och --niva")
        valda = [a for a in register.i_kommun(kommun) if not nivaer or a.niva.value in nivaer]
        if matris:
            _skriv_matris(valda, utformat)
        else:
            _skriv_lista(valda, utformat)
        return
    _kontrollera_situationer(vard, register, situationer)
    valda_nivaer = frozenset(Niva(n) for n in nivaer) or frozenset({Niva.INDIVID})
    if fil is not None:
        if kommun is not None or alder is not None or kon is not None:
            fel_och_avsluta("ange antingen FIL eller --kommun/--alder/--kon, inte båda")
        fraga = fraga_for_arende(
            _las_arende(vard, fil, arende_id),
            datum,
            nivaer=valda_nivaer,
            inkl_projekt=projekt,
            extra_situationer=situationer,
        )
    else:
        if kommun is None:
            fel_och_avsluta("ange ett ärende (FIL) eller personens kommun med --kommun")
        fraga = Fraga(
            kommun,
            alder=alder,
            situationer=frozenset(situationer),
            kon=kon,
            nivaer=valda_nivaer,
            inkl_projekt=projekt,
            datum=datum,
        )
    svar = register.foresla(fraga)
    if utformat == "json":
        click.echo(som_json(svar.till_dict()))
    else:
        _skriv_svar(svar)


def _kontrollera_situationer(
    vard: Pluginvard, register: Arenaregister, situationer: tuple[str, ...]
) -> None:
    """A misspelt situation would match nothing without a word: it is a usage error."""
    import difflib

    from finsam_core.arenor import ARBETSSOKANDE
    from finsam_core.model.koder import Kodslag

    kanda = {ARBETSSOKANDE}
    kanda.update(vard.kodverk.lista(Kodslag.OMSTANDIGHET))
    kanda.update(vard.kodverk.lista(Kodslag.FORSORJNINGSTYP))
    for arena in register.arenor:
        kanda.update(arena.kraver | arena.kraver_ocksa | arena.utesluter)
    for kod in situationer:
        if kod not in kanda:
            nara = difflib.get_close_matches(kod, sorted(kanda), n=3)
            tips = f"; menade du {' eller '.join(repr(n) for n in nara)}?" if nara else ""
            fel_och_avsluta(f"okänd situation {kod!r}{tips}")


def _las_arende(vard: Pluginvard, fil: str, arende_id: str | None) -> Any:
    valda = []
    for inlasning in vard.lasare().las(fil):
        if inlasning.arende is None:
            for fel in inlasning.fel:
                click.echo(f"indatafel {fel}", err=True)
            continue
        if arende_id is None or inlasning.arende.id == arende_id:
            valda.append(inlasning.arende)
    if not valda:
        fel_och_avsluta(
            "inget ärende att söka arenor för" + (f" med id {arende_id!r}" if arende_id else "")
        )
    if len(valda) > 1:
        fel_och_avsluta(f"filen har {len(valda)} ärenden; välj ett med --id")
    return valda[0]


def _skriv_svar(svar: Arenasvar) -> None:
    from finsam_core.arenor.matchning import skyddade_skal

    fraga = svar.fraga
    alder = "okänd ålder" if fraga.alder is None else f"{fraga.alder} år"
    situationer = ", ".join(sorted(fraga.situationer)) or "inga situationer"
    nar = f" per {fraga.datum}" if fraga.datum else ""
    if fraga.skyddad:
        click.echo(f"skyddade personuppgifter: kommun och ålder visas inte; {situationer}{nar}\n")
    else:
        click.echo(f"{fraga.kommun.namn}, {alder}, {situationer}{nar}\n")
    if not svar.forslag:
        click.echo("Ingen arena passar.")
    for forslag in svar.forslag:
        arena = forslag.arena
        click.echo(f"{arena.id}  {arena.namn}  [{forslag.traffsakerhet.text}]")
        click.echo(f"  skäl: {'; '.join(skyddade_skal(forslag.skal, fraga))}")
        click.echo(f"  nästa steg: {forslag.nasta_steg}")
        if arena.frekvens.text:
            click.echo(f"  träffas: {arena.frekvens.text}")
        click.echo(f"  källa: {arena.kalla} «{arena.kalla.citat}»\n")
    if svar.luckor and not fraga.skyddad:
        click.echo(f"Luckor som källan själv nämner för {fraga.kommun.namn}:")
        for lucka in svar.luckor:
            click.echo(f"  {lucka.id}  {lucka.enhet}: {lucka.text}")
            click.echo(f"    källa: {lucka.kalla} «{lucka.kalla.citat}»")


def _skriv_lista(valda: list[Arena], utformat: str) -> None:
    from finsam_core.arenor.matchning import kalla_som_dict

    if utformat == "json":
        click.echo(
            som_json(
                [
                    {
                        "arena": a.id,
                        "namn": a.namn,
                        "niva": a.niva.value,
                        "kommuner": [k.namn for k in a.kommuner],
                        "malgrupp": a.malgrupp,
                        "organisationer": list(a.organisationer),
                        "ingang": list(a.ingang),
                        "projekt": a.projekt,
                        "plugin": a.plugin,
                        "kalla": kalla_som_dict(a.kalla),
                    }
                    for a in valda
                ]
            )
        )
        return
    for a in valda:
        projekt = ", projekt" if a.projekt else ""
        kommuner = ", ".join(k.namn for k in a.kommuner)
        click.echo(f"{a.id:<24} {a.niva.value:<8} {a.namn} ({kommuner}{projekt})  [{a.kalla}]")
    click.echo(f"\n{len(valda)} arenor.")


def _skriv_matris(valda: list[Arena], utformat: str) -> None:
    from finsam_core.arenor import matris

    resultat = matris(valda)
    if utformat == "json":
        click.echo(som_json(resultat.till_dict()))
        return
    for organisation, ids in resultat.organisationer.items():
        click.echo(f"{organisation:<36} {', '.join(ids)}")
    if resultat.overlapp:
        click.echo("\nSamma deltagare och nivå i samma kommun (möjlig överlappning):")
        for forsta, andra in resultat.overlapp:
            click.echo(f"  {forsta} och {andra}")
