"""The ``finsam`` subcommands. Heavy imports happen inside each command."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from finsam_core.cli.app import (
    datumflagga,
    fel_och_avsluta,
    finsam,
    formatflagga,
    hjalpflagga,
    kontrollera_regelverk,
    ladda_vard,
)

if TYPE_CHECKING:
    from finsam_core.format.fel import Inlasning
    from finsam_core.format.lasare import Rad
    from finsam_core.kontrollant import Kontrollant
    from finsam_core.plugins.vard import Pluginvard

FARG = {"fel": "red", "varning": "yellow", "info": "cyan"}
RUBRIK = {"fel": "FEL", "varning": "VARNING", "info": "INFO"}


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


# -- validate -------------------------------------------------------------------------------


def _bedom(
    post: Inlasning | Rad, kontrollant: Kontrollant, datum: date, som_jsonl: bool
) -> dict[str, Any] | None:
    """One case (or unparsed line) → ``{"arende": …}`` or ``{"indatafel": […]}``, plus its
    JSON Lines text under ``"jsonl"`` when *som_jsonl*; None for a blank line."""
    from finsam_core.format.lasare import Rad

    if isinstance(post, Rad):
        inlasning = kontrollant.vard.lasare().tolka_rad(post)
        if inlasning is None:
            return None
    else:
        inlasning = post
    utfall = _bedom_inlast(inlasning, kontrollant, datum)
    if not som_jsonl:
        return utfall
    # Only the finished line and what the exit status needs travel back from a worker.
    if "indatafel" in utfall:
        return {"indatafel": True, "jsonl": _json(utfall)}
    nivaer = {f["allvarlighet"] for f in utfall["arende"]["fynd"]}
    return {
        "jsonl": _json(utfall["arende"]),
        "fel": "fel" in nivaer,
        "varning": "varning" in nivaer,
    }


def _bedom_inlast(inlasning: Inlasning, kontrollant: Kontrollant, datum: date) -> dict[str, Any]:
    """The checker's result in the shape of the spec's CLI JSON. A configuration problem
    (a rule set installed but deselected or broken) is listed among the input errors,
    where the spec puts a case whose rule set cannot be used."""
    svar = kontrollant.kontrollera_inlasning(inlasning, datum=datum)
    if svar.resultat is None:
        fel = [f.till_dict(som_cli=True) for f in svar.indatafel]
        for meddelande in svar.konfigurationsfel:
            plats: dict[str, Any] = {"kod": "regelverk_ej_laddat", "fil": svar.fil}
            if svar.rad is not None:
                plats["rad"] = svar.rad
            fel.append({**plats, "sokvag": "regelverk", "meddelande": meddelande})
        return {"indatafel": fel}
    data: dict[str, Any] = {"id": svar.arende_id, "fil": svar.fil}
    if svar.rad is not None:
        data["rad"] = svar.rad
    data.update({k: v for k, v in svar.resultat.till_dict(som_cli=True).items() if k != "id"})
    return {"arende": data}


def _skriv_arende(data: dict[str, Any], farg: bool | None) -> None:
    fynd = data["fynd"]
    plats = data["fil"] if "rad" not in data else f"{data['fil']}:{data['rad']}"
    antal = {a: sum(1 for f in fynd if f["allvarlighet"] == a) for a in RUBRIK}
    delar = [
        _antal(antal["fel"], "fel", "fel"),
        _antal(antal["varning"], "varning", "varningar"),
        f"{antal['info']} info",
    ]
    status = ", ".join(delar) if fynd else "inga fynd"
    click.echo(
        f"{click.style(plats, bold=True)}  {data['id']}  ({', '.join(data['regelverk'])})"
        f"  {status}",
        color=farg,
    )
    for allvarlighet, rubrik in RUBRIK.items():
        egna = [f for f in fynd if f["allvarlighet"] == allvarlighet]
        if not egna:
            continue
        click.echo("  " + click.style(rubrik, fg=FARG[allvarlighet], bold=True), color=farg)
        for f in egna:
            frist = f"  (frist {f['frist']})" if "frist" in f else ""
            click.echo(
                f"    {click.style(f['regel'], fg=FARG[allvarlighet])}  {f['meddelande']}{frist}",
                color=farg,
            )
            var = f" · {f['sokvag']}" if "sokvag" in f else ""
            click.echo(click.style(f"      källa: {f['kalla']}{var}", dim=True), color=farg)


MAX_INDATAFEL_I_TEXT = 50
"""Input errors printed per case in text (JSON has them all)."""


def _skriv_indatafel(fel: list[dict[str, Any]], farg: bool | None) -> None:
    if len(fel) > MAX_INDATAFEL_I_TEXT:
        rest = len(fel) - MAX_INDATAFEL_I_TEXT
        fel = [
            *fel[:MAX_INDATAFEL_I_TEXT],
            {**fel[0], "meddelande": f"… och {rest} indatafel till (alla finns i -o json)"},
        ]
        fel[-1].pop("sokvag", None)
        fel[-1].pop("rad", None)
    for f in fel:
        plats = f["fil"] if "rad" not in f else f"{f['fil']}:{f['rad']}"
        var = f" {f['sokvag']}:" if "sokvag" in f else ""
        click.echo(
            f"{click.style('indatafel', fg='red', bold=True)} {plats}:{var} {f['meddelande']}",
            color=farg,
        )


class _Framsteg:
    """A case counter on stderr, for long batches whose output does not go to the terminal."""

    def __init__(self, aktiv: bool) -> None:
        self.aktiv = aktiv
        self.antal = 0

    def steg(self) -> None:
        self.antal += 1
        if self.aktiv and self.antal % 500 == 0:
            click.echo(f"\r{self.antal} ärenden kontrollerade …", err=True, nl=False)

    def klar(self) -> None:
        if self.aktiv and self.antal >= 500:
            click.echo("\r" + " " * 40 + "\r", err=True, nl=False)


def _minst_ett(ctx: click.Context, param: click.Parameter, varde: int | None) -> int | None:
    if varde is not None and varde < 1:
        raise click.BadParameter(f"förväntade minst 1, fick {varde}")
    return varde


@finsam.command("validate")
@click.argument("sokvagar", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option(
    "-r",
    "--regelverk",
    multiple=True,
    metavar="ID",
    help="Regelverk att kontrollera mot (kan upprepas); ersätter ärendets egna.",
)
@datumflagga
@click.option(
    "-o",
    "--format",
    "utformat",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    help="text för människor; json ett objekt; jsonl en rad per ärende, löpande. Standard: text.",
)
@click.option("--strict", is_flag=True, help="Avsluta med 1 även för varningar.")
@click.option(
    "-j",
    "--jobs",
    type=int,
    default=None,
    metavar="N",
    callback=_minst_ett,
    help="Antal processer; utdata kommer i samma ordning. Standard: en per processorkärna "
    "(högst 8) när en sats är lång, annars en.",
)
@click.option("--farg/--ingen-farg", default=None, help="Färg i text (standard: i terminal).")
@hjalpflagga
def validate(
    sokvagar: tuple[str, ...],
    regelverk: tuple[str, ...],
    datum: date,
    utformat: str,
    strict: bool,
    jobs: int,
    farg: bool | None,
) -> None:
    """Kontrollera ärenden mot sina regelverk.

    SÖKVÄG är en .yaml/.yml/.json-fil med ett ärende, en .jsonl-fil med ett ärende per rad,
    en mapp (alla ärendefiler i den) eller - (JSON Lines på standard in).

    Avslutas med 2 om någon indata inte kunde läsas (alla andra ärenden kontrolleras ändå),
    annars 1 om något fynd är fel (med --strict även varning), annars 0.
    """
    from finsam_core.kontrollant import Kontrollant
    from finsam_core.regler._parallell import ordnad_parallell

    vard = ladda_vard()
    kontrollera_regelverk(vard, regelverk)
    kontrollant = Kontrollant(vard, regelverk=regelverk or None)
    poster = vard.lasare().las_oparsat(*sokvagar)
    som_jsonl = utformat == "jsonl"

    def bedom(post: Inlasning | Rad) -> dict[str, Any] | None:
        return _bedom(post, kontrollant, datum, som_jsonl)

    processer = jobs or min(os.cpu_count() or 1, 8)
    # Without --jobs, stay in one process until a batch proves long.
    forst = 0 if jobs else 100
    skriv = sys.stdout.write

    framsteg = _Framsteg(sys.stderr.isatty() and (utformat != "text" or not sys.stdout.isatty()))
    arenden: list[dict[str, Any]] = []
    indatafel: list[dict[str, Any]] = []
    antal_indatafel = antal_fel = antal_varning = antal_arenden = 0
    for utfall in ordnad_parallell(bedom, poster, processer=processer, forst_i_processen=forst):
        if utfall is None:
            continue
        framsteg.steg()
        if "indatafel" in utfall:
            antal_indatafel += 1
            if som_jsonl:
                skriv(utfall["jsonl"] + "\n")
            elif utformat == "json":
                indatafel.extend(utfall["indatafel"])
            else:
                _skriv_indatafel(utfall["indatafel"], farg)
            continue
        antal_arenden += 1
        if som_jsonl:
            antal_fel += utfall["fel"]
            antal_varning += utfall["varning"]
            skriv(utfall["jsonl"] + "\n")
            continue
        data = utfall["arende"]
        nivaer = {f["allvarlighet"] for f in data["fynd"]}
        antal_fel += "fel" in nivaer
        antal_varning += "varning" in nivaer
        if utformat == "json":
            arenden.append(data)
        else:
            _skriv_arende(data, farg)
    framsteg.klar()
    if utformat == "json":
        click.echo(_json({"arenden": arenden, "indatafel": indatafel}))
    elif utformat == "text":
        click.echo(
            f"\n{_antal(antal_arenden, 'ärende kontrollerat', 'ärenden kontrollerade')} "
            f"per {datum}: "
            f"{antal_fel} med fel, {antal_varning} med varningar"
            + (
                f"; {_antal(antal_indatafel, 'fil eller rad', 'filer eller rader')} kunde inte "
                "läsas"
                if antal_indatafel
                else ""
            )
        )
    if antal_indatafel:
        sys.exit(2)
    if antal_fel or (strict and antal_varning):
        sys.exit(1)


# -- agenda and explain ---------------------------------------------------------------------


def _lasta_arenden(vard: Pluginvard, sokvagar: tuple[str, ...]) -> Iterator[Any]:
    """Read cases, printing input errors on stderr (they do not stop the others)."""
    for inlasning in vard.lasare().las(*sokvagar):
        if inlasning.arende is None:
            for fel in inlasning.fel:
                click.echo(f"indatafel {fel}", err=True)
            continue
        yield inlasning


@finsam.command("agenda")
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
    for inlasning in _lasta_arenden(vard, sokvagar):
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
        click.echo(_json([p.till_dict(som_cli=True) for p in poster]))
    elif not poster:
        click.echo(f"Inga öppna frister per {datum}.")
    else:
        for p in poster:
            kvar = (p.frist - datum).days
            nar = "i dag" if kvar == 0 else f"om {_antal(kvar, 'dag', 'dagar')}"
            click.echo(f"{p.frist}  ({nar})  {p.arende_id}  {p.regel}  {p.meddelande}")
        click.echo(f"\n{_antal(len(poster), 'öppen frist', 'öppna frister')} per {datum}.")
    if indatafel:
        sys.exit(2)


@finsam.command("explain")
@click.argument("fil", metavar="FIL")
@click.option(
    "-r", "--regelverk", multiple=True, metavar="ID", help="Regelverk (standard: ärendets egna)."
)
@click.option("--id", "arende_id", metavar="ID", help="Vilket ärende, om filen har flera.")
@datumflagga
@formatflagga("text", "json")
@hjalpflagga
def explain(
    fil: str, regelverk: tuple[str, ...], arende_id: str | None, datum: date, utformat: str
) -> None:
    """Förklara ett ärende: varje regel med utfall, fakta den använde och källan."""
    from finsam_core.model.utskrift import sakra
    from finsam_core.regler.motor import forklara

    vard = ladda_vard()
    kontrollera_regelverk(vard, regelverk)
    valda = [
        i for i in _lasta_arenden(vard, (fil,)) if arende_id is None or i.arende.id == arende_id
    ]
    if not valda:
        fel_och_avsluta(
            "inget ärende att förklara" + (f" med id {arende_id!r}" if arende_id else "")
        )
    if len(valda) > 1:
        fel_och_avsluta(f"filen har {len(valda)} ärenden; välj ett med --id")
    arende = valda[0].arende
    ids = regelverk or arende.regelverk
    if not ids:
        fel_och_avsluta("ärendet anger inget regelverk; ange --regelverk")
    kontrollera_regelverk(vard, ids)
    forklaring = forklara(arende, vard.regelverk_for(ids), datum)
    if utformat == "json":
        click.echo(_json(forklaring.till_dict(som_cli=True)))
        return
    click.echo(f"{forklaring.arende_id} per {datum} ({sakra(', '.join(ids))})\n")
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
        click.echo(f"  källa: {p.regel.kalla} «{p.regel.kalla.citat}»\n")


# -- rules, plugins, schema, test -------------------------------------------------------------


@finsam.command("rules")
@click.argument("regelverk_id", required=False, metavar="[REGELVERK]")
@click.argument("regel_id", required=False, metavar="[REGEL]")
@formatflagga("text", "json")
@hjalpflagga
def rules(regelverk_id: str | None, regel_id: str | None, utformat: str) -> None:
    """Installerade regelverk och deras regler; en regel i sin helhet med citat."""
    vard = ladda_vard()
    if regelverk_id is None:
        alla = vard.alla_regelverk()
        if utformat == "json":
            click.echo(
                _json(
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
                f"{rv.id:<12} {_antal(len(rv.regel_id), 'regel', 'regler'):<10} "
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
        click.echo(_json(data[0] if regel_id and len(data) == 1 else data))
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


@finsam.command("plugins")
@formatflagga("text", "json")
@hjalpflagga
def plugins(utformat: str) -> None:
    """Laddade plugin med versioner och regelverk, och plugin som inte kunde laddas."""
    from finsam_core.plugins.vard import hamta_vard

    vard = hamta_vard()
    beskrivning = vard.beskrivning()
    if utformat == "json":
        click.echo(_json(beskrivning))
        return
    antal = {rv["id"]: rv["regler"] for rv in beskrivning["regelverk"]}
    for p in beskrivning["plugins"]:
        regelverk = (
            ", ".join(f"{i} ({_antal(antal.get(i, 0), 'regel', 'regler')})" for i in p["regelverk"])
            or "inga regelverk"
        )
        utokar = f"; utökar {', '.join(p['utokar'])}" if p["utokar"] else ""
        click.echo(f"{p['namn']:<14} {p['distribution']} {p['version']}: {regelverk}{utokar}")
    for f in beskrivning["fel"]:
        click.echo(f"TRASIGT {f['namn']} ({f['distribution']} {f['version']}): {f['orsak']}")


@finsam.command("schema")
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


@finsam.command("test")
@click.argument("sokvagar", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option("-v", "--utforligt", is_flag=True, help="En rad per test.")
@hjalpflagga
def test(sokvagar: tuple[str, ...], utforligt: bool) -> None:
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


# Commands in modules of their own register themselves when imported.
from finsam_core.cli import arenor  # noqa: E402, F401
