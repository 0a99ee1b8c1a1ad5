"""What every ``finsam`` command shares: Swedish help, the common options, output and errors.

Only click is imported here; heavy modules are imported inside the functions that need them,
so a command module stays cheap to import (start-up time is tested).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from finsam_core.cli.installningar import Installningar
    from finsam_core.format.fel import Inlasning
    from finsam_core.plugins.vard import Pluginvard
    from finsam_core.regler.regel import Regel

HJALP = {"help_option_names": ["-h", "--help"]}


class SvenskFormatering:
    """Swedish headings in ``--help``."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(
            ctx.command_path,
            " ".join(self.collect_usage_pieces(ctx)),  # type: ignore[attr-defined]
            prefix="Användning: ",
        )

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rader = [
            r
            for p in self.get_params(ctx)  # type: ignore[attr-defined]
            if isinstance(p, click.Option) and (r := p.get_help_record(ctx))
        ]
        if rader:
            with formatter.section("Flaggor"):
                formatter.write_dl(rader)
        if isinstance(self, click.Group):
            kommandon = []
            for namn in self.list_commands(ctx):
                kommando = self.get_command(ctx, namn)
                if kommando is not None and not kommando.hidden:
                    alias = getattr(self, "alias", {}).get(namn, ())
                    visas = ", ".join((namn, *alias))
                    kommandon.append((visas, kommando.get_short_help_str(60)))
            if kommandon:
                with formatter.section("Kommandon"):
                    formatter.write_dl(kommandon)


class Kommando(SvenskFormatering, click.Command):
    """A ``finsam`` subcommand: Swedish help headings and metavars."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("context_settings", HJALP)
        super().__init__(*args, **kwargs)


def kommando(namn: str) -> Callable[[Callable[..., Any]], Kommando]:
    """``@click.command`` for a ``finsam`` subcommand, registered by name in ``cli.app``."""
    return click.command(namn, cls=Kommando)


def hjalpflagga(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.help_option("-h", "--help", help="Visa den här hjälpen och avsluta.")(f)


def fel_och_avsluta(meddelande: str, kod: int = 2) -> NoReturn:
    from finsam_core.model.utskrift import sakra

    click.echo(f"fel: {sakra(meddelande)}", err=True)
    sys.exit(kod)


_JSONKODARE = json.JSONEncoder(ensure_ascii=False)


def som_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False)``, without building an encoder for each call
    (``json.dumps`` does with any argument; a batch writes one line per case)."""
    return _JSONKODARE.encode(data)


def rakna(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


def ladda_vard(*, rapporter: bool = False) -> Pluginvard:
    """The plugin host, with one warning line on stderr per plugin that failed.

    With *rapporter*, the plugins' reports are loaded first (they load on first use), so
    that a plugin whose report hook failed is among the warnings.
    """
    from finsam_core.plugins.vard import hamta_vard

    vard = hamta_vard()
    if rapporter:
        vard.rapporter()
    for fel in vard.fel:
        click.echo(f"varning: {fel}", err=True)
    if vard.bortvalda:
        # Cases of a deselected rule set would otherwise only show its codes as unknown.
        namn = ", ".join(sorted(vard.bortvalda))
        click.echo(f"obs: plugin som inte laddas (miljövariabel): {namn}", err=True)
    return vard


def tolka_datum(ctx: click.Context, param: click.Parameter, varde: str | None) -> date:
    if varde is None:
        return date.today()
    from finsam_core.model.fel import FORSTA_DAG, SISTA_DAG, inom_kalendern
    from finsam_core.model.utskrift import citera

    try:
        if len(varde) != 10 or not varde.isascii():
            raise ValueError
        dag = date.fromisoformat(varde)
    except ValueError:
        raise click.BadParameter(f"förväntade ett datum ÅÅÅÅ-MM-DD, fick {citera(varde)}") from None
    if not inom_kalendern(dag):
        raise click.BadParameter(f"förväntade ett datum mellan {FORSTA_DAG} och {SISTA_DAG}")
    return dag


def datumflagga(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--datum",
        callback=tolka_datum,
        metavar="ÅÅÅÅ-MM-DD",
        help="Valideringsdatum: frister som inte har passerat då är info, inte fel. "
        "Standard: i dag.",
    )(f)


def formatflagga(*val: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "-o",
        "--format",
        "utformat",
        type=click.Choice(val),
        default=val[0],
        help=f"Utdata för människor (text) eller program (json). Standard: {val[0]}.",
    )


def regelverkflagga(hjalp: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("-r", "--regelverk", multiple=True, metavar="ID", help=hjalp)


def kontrollera_regelverk(vard: Pluginvard, ids: Sequence[str]) -> None:
    """The one check of a choice of rule sets: stop with the host's Swedish reason."""
    for regelverk_id in ids:
        saknas = vard.saknat_regelverk(regelverk_id)
        if saknas is not None:
            fel_och_avsluta(saknas)


def lasta_arenden(vard: Pluginvard, sokvagar: tuple[str, ...]) -> Iterator[Inlasning]:
    """Read cases, printing input errors on stderr (they do not stop the others)."""
    for inlasning in vard.lasare().las(*sokvagar):
        if inlasning.arende is None:
            for fel in inlasning.fel:
                click.echo(f"indatafel {fel}", err=True)
            continue
        yield inlasning


class Heltal(click.ParamType):  # type: ignore[type-arg]
    """A whole number with optional bounds, with Swedish messages and no ``[x>=0]`` in help."""

    name = "heltal"

    def __init__(self, minst: int | None = None, hogst: int | None = None) -> None:
        self.minst = minst
        self.hogst = hogst

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            tal = value
        else:
            try:
                tal = int(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} är inte ett heltal", param, ctx)
        if self.minst is not None and tal < self.minst:
            self.fail(f"förväntade minst {self.minst}, fick {tal}", param, ctx)
        if self.hogst is not None and tal > self.hogst:
            self.fail(f"förväntade högst {self.hogst}, fick {tal}", param, ctx)
        return tal


def konfiguration() -> Installningar:
    """The project settings (``finsam.toml`` / ``[tool.finsam]``); a bad file stops with 2."""
    from finsam_core.cli.installningar import Installningsfel, las_installningar

    try:
        return las_installningar()
    except Installningsfel as fel:
        fel_och_avsluta(str(fel))


def alla_regler(vard: Pluginvard) -> dict[str, Regel]:
    """Every installed rule by its id in capitals (rule ids are read without case)."""
    return {r.id.upper(): r for rv in vard.alla_regelverk() for r in rv.regler}


def kontrollera_regler(vard: Pluginvard, ids: Sequence[str]) -> list[str]:
    """Rule ids from the command line or settings, in capitals; an unknown id stops with 2
    and a suggestion."""
    from finsam_core.model.forslag import menade_du

    kanda = alla_regler(vard)
    for regel_id in ids:
        if regel_id.upper() not in kanda:
            fel_och_avsluta(f"okänd regel {regel_id!r}{menade_du(regel_id.upper(), kanda)}")
    return [i.upper() for i in ids]
