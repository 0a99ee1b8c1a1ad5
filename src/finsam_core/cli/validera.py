"""``finsam validate`` (``validera``): check cases against their rule sets."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from finsam_core.cli.gemensamt import (
    Heltal,
    datumflagga,
    hjalpflagga,
    kommando,
    konfiguration,
    kontrollera_regelverk,
    kontrollera_regler,
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


class Urval(NamedTuple):
    """Which findings count: rules left out (``--ignorera``), rules chosen (``--valj``),
    and whether a rule that could not judge fails the run (``--krav-bedomning``)."""

    ignorera: frozenset[str] = frozenset()
    valj: frozenset[str] = frozenset()
    krav_bedomning: bool = False

    def med(self, regel: str) -> bool:
        regel = regel.upper()
        return regel not in self.ignorera and (not self.valj or regel in self.valj)


def _bedom(
    post: Inlasning | Rad,
    kontrollant: Kontrollant,
    datum: date,
    som_jsonl: bool,
    urval: Urval | None = None,
) -> dict[str, Any] | None:
    """One case (or unparsed line) → ``{"arende": …}`` or ``{"indatafel": […]}``; None for
    a blank line. With *som_jsonl*, the JSON text instead (made where the case is checked,
    in a worker when there are several): the JSON Lines line under ``"jsonl"``, and for
    ``--format json`` the case (``"json"``) or each input error (``"json_fel"``)."""
    from finsam_core.format.lasare import Rad

    if isinstance(post, Rad):
        inlasning = kontrollant.vard.lasare().tolka_rad(post)
        if inlasning is None:
            return None
    else:
        inlasning = post
    utfall = _bedom_inlast(inlasning, kontrollant, datum, urval)
    if not som_jsonl:
        return utfall
    # Only the finished line and what the exit status needs travel back from a worker.
    if "indatafel" in utfall:
        return {
            "indatafel": True,
            "jsonl": som_json(utfall),
            "json_fel": [som_json(f) for f in utfall["indatafel"]],
        }
    fynd = utfall["arende"]["fynd"]
    text = som_json(utfall["arende"])
    return {
        "jsonl": text,
        "json": text,
        "fynd": [(f["regel"], f["allvarlighet"], f["bedomning"]) for f in fynd],
    }


def _bedom_inlast(
    inlasning: Inlasning, kontrollant: Kontrollant, datum: date, urval: Urval | None = None
) -> dict[str, Any]:
    """The checker's result in the shape of the spec's CLI JSON. A configuration problem
    (a rule set installed but deselected or broken) is listed among the input errors,
    where the spec puts a case whose rule set cannot be used."""
    svar = kontrollant.kontrollera_inlasning(inlasning, datum=datum)
    if svar.resultat is None:
        fel = [f.till_dict(som_cli=True) for f in svar.indatafel]
        # The checker's own errors about a case read from a file (no regelverk, an unknown
        # one) name the line of their path, or the case's first line if the key is missing.
        utan_rad = [f for f in fel if "rad" not in f and f.get("kod") in _ARENDETS_FEL]
        rad_for = _radkarta(inlasning.fil) if utan_rad else None  # the real name: read it
        if rad_for is not None:
            from finsam_core.format.fel import sokvag_som_lista

            for f in utan_rad:
                f["rad"] = rad_for(sokvag_som_lista(f.get("sokvag"))) or 1
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
    valt = urval or Urval()
    valda = [
        (f, d) for f, d in zip(svar.resultat.fynd, data["fynd"], strict=True) if valt.med(f.regel)
    ]
    rad_for = None if svar.rad is not None else _radkarta(inlasning.fil)
    for fynd, ut in valda:
        # Additive fields beyond the spec: the source as a person reads it, and the line.
        ut["kalla_lasbar"] = fynd.kalla.lasbar
        if svar.rad is not None:
            ut["rad"] = svar.rad
        elif rad_for is not None and fynd.sokvag:
            from finsam_core.format.fel import sokvag_som_lista

            rad = rad_for(sokvag_som_lista(fynd.sokvag))
            if rad is not None:
                ut["rad"] = rad
    data["fynd"] = [d for _, d in valda]
    return {"arende": data}


_ARENDETS_FEL = frozenset({"inget_regelverk", "okant_regelverk"})
"""Input errors the checker finds in a case it has read (the reader names lines itself)."""


def _radkarta(fil: str) -> Callable[[Sequence[str | int]], int | None] | None:
    """Lines of paths in a case file (composed once), or None where lines are not known."""
    from finsam_core.format.yamlladdare import radkarta

    if not fil.endswith((".yaml", ".yml", ".json")):
        return None
    try:
        return radkarta(Path(fil).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


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
        for grupp in _grupper(egna):
            f = grupp[0]
            regel = click.style(f["regel"], fg=FARG[allvarlighet])
            if len(grupp) >= GRUPPERA_FRAN:
                sista = grupp[-1]
                click.echo(
                    f"    {regel}  {len(grupp)} fynd av samma slag, första och sista "
                    "(alla med -o json):",
                    color=farg,
                )
                click.echo(f"      {f['meddelande']}", color=farg)
                click.echo("      …", color=farg)
                click.echo(f"      {sista['meddelande']}", color=farg)
            else:
                for en in grupp:
                    frist = f"  (frist {en['frist']})" if "frist" in en else ""
                    click.echo(f"    {regel}  {en['meddelande']}{frist}", color=farg)
            var = f" · {f['sokvag']}" if "sokvag" in f else ""
            rad = f" (rad {f['rad']})" if "rad" in f and "rad" not in data else ""
            kalla = f.get("kalla_lasbar", f["kalla"])
            click.echo(click.style(f"      källa: {kalla}{var}{rad}", dim=True), color=farg)


GRUPPERA_FRAN = 3
"""Findings of one rule at one path are shown as a group from this many on."""


def _grupper(fynd: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Runs of findings of one rule at one path, in order; each run at least one finding."""
    grupper: list[list[dict[str, Any]]] = []
    for f in fynd:
        if grupper and (grupper[-1][0]["regel"], grupper[-1][0].get("sokvag")) == (
            f["regel"],
            f.get("sokvag"),
        ):
            grupper[-1].append(f)
        else:
            grupper.append([f])
    return grupper


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
@click.option("--strict", is_flag=True, default=None, help="Avsluta med 1 även för varningar.")
@click.option(
    "--krav-bedomning",
    "--kräv-bedömning",
    "krav_bedomning",
    is_flag=True,
    default=None,
    help="Avsluta med 1 även när en regel inte kunde bedöma ärendet (uppgifter saknas).",
)
@click.option(
    "--ignorera",
    multiple=True,
    metavar="REGEL",
    help="Lämna bort fynd från regeln (kan upprepas).",
)
@click.option(
    "--valj",
    "--välj",
    "valj",
    multiple=True,
    metavar="REGEL",
    help="Visa bara fynd från de här reglerna (kan upprepas).",
)
@click.option("--statistik", is_flag=True, help="Antal fynd per regel efter utdata (på stderr).")
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
    strict: bool | None,
    krav_bedomning: bool | None,
    ignorera: tuple[str, ...],
    valj: tuple[str, ...],
    statistik: bool,
    jobs: int,
    farg: bool | None,
) -> None:
    """Kontrollera ärenden mot sina regelverk.

    SÖKVÄG är en .yaml/.yml/.json-fil med ett ärende, en .jsonl-fil med ett ärende per rad,
    en mapp (alla ärendefiler i den) eller - (JSON Lines på standard in).

    Avslutas med 2 om någon indata inte kunde läsas (alla andra ärenden kontrolleras ändå),
    annars 1 om något fynd är fel (med --strict även varning, med --krav-bedomning även en
    regel som inte kunde bedöma), annars 0. Inställningar kan stå i finsam.toml eller under
    [tool.finsam] i pyproject.toml; flaggorna går före.
    """
    from finsam_core.kontrollant import Kontrollant
    from finsam_core.regler._parallell import ordnad_parallell

    vard = ladda_vard()
    installning = konfiguration()
    regelverk = regelverk or installning.regelverk
    kontrollera_regelverk(vard, regelverk)
    strict = installning.strict if strict is None else strict
    urval = Urval(
        ignorera=frozenset(kontrollera_regler(vard, ignorera or installning.ignorera)),
        valj=frozenset(kontrollera_regler(vard, valj or installning.valj)),
        krav_bedomning=(installning.krav_bedomning if krav_bedomning is None else krav_bedomning),
    )
    kontrollant = Kontrollant(vard, regelverk=regelverk or None)
    poster = vard.lasare().las_oparsat(*sokvagar)
    som_jsonl = utformat == "jsonl"
    som_text = utformat in ("json", "jsonl")

    def bedom(post: Inlasning | Rad) -> dict[str, Any] | None:
        return _bedom(post, kontrollant, datum, som_text, urval)

    processer = jobs or min(os.cpu_count() or 1, 8)
    # Without --jobs, stay in one process until a batch proves long.
    forst = 0 if jobs else 100
    skriv = sys.stdout.write

    framsteg = _Framsteg(sys.stderr.isatty() and (utformat != "text" or not sys.stdout.isatty()))
    dokument = _JsonDokument(skriv) if utformat == "json" else None
    antal_indatafel = antal_fel = antal_varning = antal_ej_bedomda = antal_arenden = 0
    per_regel: Counter[tuple[str, str]] = Counter()
    for utfall in ordnad_parallell(bedom, poster, processer=processer, forst_i_processen=forst):
        if utfall is None:
            continue
        framsteg.steg()
        if "indatafel" in utfall:
            antal_indatafel += 1
            if som_jsonl:
                skriv(utfall["jsonl"] + "\n")
            elif dokument is not None:
                dokument.indatafel(utfall["json_fel"])
            else:
                _skriv_indatafel(utfall["indatafel"], farg)
            continue
        antal_arenden += 1
        if som_text:
            fynd = utfall["fynd"]
        else:
            data = utfall["arende"]
            fynd = [(f["regel"], f["allvarlighet"], f["bedomning"]) for f in data["fynd"]]
        nivaer = {allvarlighet for _, allvarlighet, _ in fynd}
        antal_fel += "fel" in nivaer
        antal_varning += "varning" in nivaer
        antal_ej_bedomda += any(b == "ej_bedomd" for _, _, b in fynd)
        per_regel.update((regel, allvarlighet) for regel, allvarlighet, _ in fynd)
        if som_jsonl:
            skriv(utfall["jsonl"] + "\n")
        elif dokument is not None:
            dokument.arende(utfall["json"])
        else:
            _skriv_arende(data, farg)
    framsteg.klar()
    sammanfattning: dict[str, Any] = {
        "datum": datum.isoformat(),
        "arenden": antal_arenden,
        "med_fel": antal_fel,
        "med_varningar": antal_varning,
        "med_ej_bedomda": antal_ej_bedomda,
        "indatafel": antal_indatafel,
        "per_regel": _per_regel(per_regel),
    }
    if dokument is not None:
        dokument.avsluta(sammanfattning)
    elif utformat == "text":
        ej_bedomda = (
            f", {antal_ej_bedomda} där en regel inte kunde bedöma" if antal_ej_bedomda else ""
        )
        click.echo(
            f"\n{rakna(antal_arenden, 'ärende kontrollerat', 'ärenden kontrollerade')} "
            f"per {datum}: "
            f"{antal_fel} med fel, {antal_varning} med varningar{ej_bedomda}"
            + (
                f"; {rakna(antal_indatafel, 'fil eller rad', 'filer eller rader')} kunde inte läsas"
                if antal_indatafel
                else ""
            )
        )
    if statistik:
        _skriv_statistik(sammanfattning["per_regel"])
    if antal_indatafel:
        sys.exit(2)
    if antal_fel or (strict and antal_varning) or (urval.krav_bedomning and antal_ej_bedomda):
        sys.exit(1)


class _JsonDokument:
    """``--format json`` written as it goes: the same text as ``json.dumps`` of
    ``{"arenden": […], "indatafel": […], "sammanfattning": {…}}`` (and a newline), without
    holding the cases. The cases are written at once; the input errors, which come after
    them in the document, wait in a temporary file that stays in memory while it is small.
    """

    def __init__(self, skriv: Callable[[str], object]) -> None:
        import tempfile

        self._skriv = skriv
        # Closed by avsluta; the command's whole run is the file's lifetime.
        self._fel = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=1 << 20, mode="w+", encoding="utf-8"
        )
        self._forsta_arende = self._forsta_fel = True
        skriv('{"arenden": [')

    def arende(self, text: str) -> None:
        self._skriv(text if self._forsta_arende else ", " + text)
        self._forsta_arende = False

    def indatafel(self, texter: list[str]) -> None:
        for text in texter:
            self._fel.write(text if self._forsta_fel else ", " + text)
            self._forsta_fel = False

    def avsluta(self, sammanfattning: dict[str, Any]) -> None:
        self._skriv('], "indatafel": [')
        self._fel.seek(0)
        while bit := self._fel.read(1 << 16):
            self._skriv(bit)
        self._fel.close()
        self._skriv(f'], "sammanfattning": {som_json(sammanfattning)}}}\n')


def _per_regel(antal: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    per_regel: dict[str, dict[str, int]] = {}
    for (regel, allvarlighet), n in sorted(antal.items()):
        per_regel.setdefault(regel, {"fel": 0, "varning": 0, "info": 0})[allvarlighet] = n
    return per_regel


def _skriv_statistik(per_regel: dict[str, dict[str, int]]) -> None:
    """Counts per rule on stderr, so that stdout stays the chosen format."""
    click.echo(f"\n{'regel':<14} {'fel':>6} {'varning':>8} {'info':>6}", err=True)
    for regel, antal in per_regel.items():
        click.echo(
            f"{regel:<14} {antal['fel']:>6} {antal['varning']:>8} {antal['info']:>6}", err=True
        )
