"""``finsam validate`` (``validera``): check cases against their rule sets."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from finsam_core.cli.gemensamt import (
    Heltal,
    datumflagga,
    hjalpflagga,
    kommando,
    kontrollera_regelverk,
    ladda_vard,
    rakna,
    som_json,
)

if TYPE_CHECKING:
    from finsam_core.format.fel import Inlasning
    from finsam_core.format.lasare import Rad
    from finsam_core.kontrollant import Kontrollant

FARG = {"fel": "red", "varning": "yellow", "info": "cyan"}
RUBRIK = {"fel": "FEL", "varning": "VARNING", "info": "INFO"}


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
        return {"indatafel": True, "jsonl": som_json(utfall)}
    nivaer = {f["allvarlighet"] for f in utfall["arende"]["fynd"]}
    return {
        "jsonl": som_json(utfall["arende"]),
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
        rakna(antal["fel"], "fel", "fel"),
        rakna(antal["varning"], "varning", "varningar"),
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


def _skriv_indatafel(fel: list[dict[str, Any]], farg: bool | None) -> None:
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


@kommando("validate")
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
    type=Heltal(minst=1),
    default=None,
    metavar="N",
    help="Antal processer; utdata kommer i samma ordning. Standard: en per processorkärna "
    "(högst 8) när en sats är lång, annars en.",
)
@click.option("--farg/--ingen-farg", default=None, help="Färg i text (standard: i terminal).")
@hjalpflagga
def validera(
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
        click.echo(som_json({"arenden": arenden, "indatafel": indatafel}))
    elif utformat == "text":
        click.echo(
            f"\n{rakna(antal_arenden, 'ärende kontrollerat', 'ärenden kontrollerade')} "
            f"per {datum}: "
            f"{antal_fel} med fel, {antal_varning} med varningar"
            + (
                f"; {rakna(antal_indatafel, 'fil eller rad', 'filer eller rader')} kunde inte läsas"
                if antal_indatafel
                else ""
            )
        )
    if antal_indatafel:
        sys.exit(2)
    if antal_fel or (strict and antal_varning):
        sys.exit(1)
