"""The ``finsam`` command: the group, Swedish help, error handling, shared helpers.

Only click is imported at start; each command imports what it needs, so ``finsam --help``
and ``finsam --version`` start fast and load no plugins.

Exit status: 0 success, 1 findings of severity ``fel`` (or failed rule tests), 2 bad input
or usage, 3 an internal error (a bug: one line, and the traceback with ``--debug``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from finsam_core.plugins.vard import Pluginvard

INTERNT_FEL = 3
RAPPORTERA = "rapportera det i finsam-core:s ärendelista med kommandot och utskriften av --debug"

_NAMN = r"((?:'[^']+'(?: / )?)+)"
_OVERSATTNINGAR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No such option: (.+)"), r"okänd flagga: \1"),
    (
        re.compile(r"No such option '(.+?)'\. Did you mean (.+)\?"),
        r"okänd flagga '\1'; menade du \2?",
    ),
    (re.compile(r"No such option '(.+)'\."), r"okänd flagga '\1'"),
    (re.compile(r"No such command '(.+)'\."), r"okänt kommando '\1'"),
    (re.compile(r"Missing argument '(.+)'\."), r"argumentet \1 saknas"),
    (re.compile(r"Missing option '(.+)'\."), r"flaggan \1 krävs"),
    (re.compile(r"Option '(.+)' requires an argument\."), r"flaggan \1 kräver ett värde"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), r"oväntade argument: \1"),
    (
        re.compile(rf"Invalid value for {_NAMN}: '(.+)' is not one of (.+)\."),
        r"ogiltigt värde för \1: '\2' är inte en av \3",
    ),
    (
        re.compile(rf"Invalid value for {_NAMN}: '(.+)' is not a valid integer\."),
        r"ogiltigt värde för \1: '\2' är inte ett heltal",
    ),
    (re.compile(rf"Invalid value for {_NAMN}: (.+)"), r"ogiltigt värde för \1: \2"),
]


def _pa_svenska(meddelande: str) -> str:
    from finsam_core.model.utskrift import sakra

    for monster, svenska in _OVERSATTNINGAR:
        if monster.fullmatch(meddelande.strip()):
            return sakra(monster.sub(svenska, meddelande.strip()))
    return sakra(meddelande)


class _SvenskFormatering:
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
                    kommandon.append((namn, kommando.get_short_help_str(60)))
            if kommandon:
                with formatter.section("Kommandon"):
                    formatter.write_dl(kommandon)


class Kommando(_SvenskFormatering, click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        super().__init__(*args, **kwargs)


class Grupp(_SvenskFormatering, click.Group):
    command_class = Kommando

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENT]...")
        super().__init__(*args, **kwargs)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("standalone_mode", False)
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as slut:
            sys.exit(slut.exit_code)
        except click.UsageError as fel:
            if fel.ctx is not None:
                click.echo(fel.ctx.get_usage(), err=True)
            click.echo(f"fel: {_pa_svenska(fel.format_message())}", err=True)
            sys.exit(2)
        except click.ClickException as fel:
            click.echo(f"fel: {_pa_svenska(fel.format_message())}", err=True)
            sys.exit(fel.exit_code)
        except click.Abort:
            click.echo("avbrutet", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader of our output went away (``| head``): not an error of ours.
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("avbrutet", err=True)
            sys.exit(130)
        except Exception as fel:
            if "--debug" in sys.argv:
                raise
            from finsam_core.model.utskrift import sakra

            click.echo(
                f"internt fel: {type(fel).__name__}: {sakra(str(fel))}; {RAPPORTERA}", err=True
            )
            sys.exit(INTERNT_FEL)


HJALP = {"help_option_names": ["-h", "--help"]}


def hjalpflagga(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.help_option("-h", "--help", help="Visa den här hjälpen och avsluta.")(f)


def fel_och_avsluta(meddelande: str, kod: int = 2) -> NoReturn:
    from finsam_core.model.utskrift import sakra

    click.echo(f"fel: {sakra(meddelande)}", err=True)
    sys.exit(kod)


def ladda_vard() -> Pluginvard:
    """The plugin host, with one warning line on stderr per plugin that failed."""
    from finsam_core.plugins.vard import hamta_vard

    vard = hamta_vard()
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


def kontrollera_regelverk(vard: Pluginvard, ids: Sequence[str]) -> None:
    for regelverk_id in ids:
        saknas = vard.saknat_regelverk(regelverk_id)
        if saknas is not None:
            fel_och_avsluta(saknas)


def versioner() -> list[str]:
    """Core's version and each installed plugin distribution's, without importing them."""
    from importlib import metadata

    from finsam_core._version import __version__

    rader = [f"finsam-core {__version__}"]
    sedda = set()
    for ep in sorted(metadata.entry_points(group="finsam"), key=lambda e: e.name):
        dist = getattr(ep, "dist", None)
        namn = dist.metadata["Name"] if dist is not None else "?"
        version = dist.version if dist is not None else "?"
        if (namn, ep.name) not in sedda:
            sedda.add((namn, ep.name))
            rader.append(f"{namn} {version} (regelverk via {ep.name})")
    return rader


def _visa_version(ctx: click.Context, param: click.Parameter, varde: bool) -> None:
    if varde and not ctx.resilient_parsing:
        click.echo("\n".join(versioner()))
        ctx.exit(0)


@click.group(cls=Grupp, context_settings=HJALP)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_visa_version,
    help="Visa versioner av finsam-core och plugin.",
)
@click.option("--debug", is_flag=True, help="Visa hela felspårningen vid internt fel.")
@hjalpflagga
def finsam(debug: bool) -> None:
    """Kontrollera ärenden i finansiell samordning mot regionala modellers regler.

    Ett ärende är en fil i formatet finsam/1 (YAML eller JSON); en sats är JSON Lines.
    Varje fynd anger regeln, källan i riktlinjen och vad som avviker.
    """


def main() -> None:
    """Entry point of the ``finsam`` command."""
    from finsam_core.cli import kommandon  # noqa: F401  (registers the commands)

    finsam.main(prog_name="finsam")
