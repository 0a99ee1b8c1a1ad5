"""The ``finsam`` command: the group, its table of subcommands, Swedish errors.

Each subcommand lives in a module of its own and is imported only when it is run (or listed
in ``--help``); each imports what it needs inside the command, so ``finsam --help`` and
``finsam --version`` start fast and load no plugins.

Exit status: 0 success, 1 findings of severity ``fel`` (or failed rule tests), 2 bad input
or usage, 3 an internal error (a bug: one line, and the traceback with ``--debug``).
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any, ClassVar

import click

from finsam_core.cli.gemensamt import (  # noqa: F401  (re-exported for command modules)
    HJALP,
    Kommando,
    SvenskFormatering,
    fel_och_avsluta,
    hjalpflagga,
    kontrollera_regelverk,
    ladda_vard,
    tolka_datum,
)

# Name → (module, function, Swedish aliases). The one list of subcommands: help, the
# documentation and the alias test read it.
KOMMANDON: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "validate": ("finsam_core.cli.validera", "validera", ("validera",)),
    "agenda": ("finsam_core.cli.agenda", "agenda", ()),
    "explain": ("finsam_core.cli.forklara", "forklara", ("forklara",)),
    "rules": ("finsam_core.cli.regler", "regler", ("regler",)),
    "plugins": ("finsam_core.cli.plugins", "plugins", ("plugin",)),
    "schema": ("finsam_core.cli.schema", "schema", ()),
    "test": ("finsam_core.cli.testa", "testa", ("testa",)),
    "arenor": ("finsam_core.cli.arenor", "arenor", ()),
    "source": ("finsam_core.cli.kalla", "kalla", ("källa", "kalla")),
    "rapport": ("finsam_core.cli.rapport", "rapport", ()),
    "serve": ("finsam_core.cli.serve", "serve", ()),
}
ALIAS = {alias: namn for namn, (_, _, alias_) in KOMMANDON.items() for alias in alias_}

INTERNT_FEL = 3
RAPPORTERA = "rapportera det i finsam-core:s ärendelista med kommandot och utskriften av --debug"

_NAMN = r"((?:'[^']+'(?: / )?)+)"
# Patterns as text, compiled (and cached by re) only when a usage error is shown.
_OVERSATTNINGAR: list[tuple[str, str]] = [
    (r"No such option: (.+)", r"okänd flagga: \1"),
    (
        r"No such option '(.+?)'\. Did you mean (.+)\?",
        r"okänd flagga '\1'; menade du \2?",
    ),
    (r"No such option '(.+)'\.", r"okänd flagga '\1'"),
    (r"No such command '(.+)'\.", r"okänt kommando '\1'"),
    (r"Missing argument '(.+)'\.", r"argumentet \1 saknas"),
    (r"Missing option '(.+)'\.", r"flaggan \1 krävs"),
    (r"Option '(.+)' requires an argument\.", r"flaggan \1 kräver ett värde"),
    (r"Got unexpected extra arguments? \((.+)\)", r"oväntade argument: \1"),
    (
        rf"Invalid value for {_NAMN}: '(.+)' is not one of (.+)\.",
        r"ogiltigt värde för \1: '\2' är inte en av \3",
    ),
    (
        rf"Invalid value for {_NAMN}: '(.+)' is not a valid integer\.",
        r"ogiltigt värde för \1: '\2' är inte ett heltal",
    ),
    (rf"Invalid value for {_NAMN}: (.+)", r"ogiltigt värde för \1: \2"),
    (r"Option '(.+)' does not take a value\.", r"flaggan \1 tar inget värde"),
    (r"Error: (.+)", r"\1"),
]


def _pa_svenska(meddelande: str) -> str:
    from finsam_core.model.utskrift import sakra

    for monster, svenska in _OVERSATTNINGAR:
        if re.fullmatch(monster, meddelande.strip()):
            return sakra(re.sub(monster, svenska, meddelande.strip()))
    return sakra(meddelande)


class Grupp(SvenskFormatering, click.Group):
    """The ``finsam`` group: subcommands imported on use, Swedish aliases, Swedish errors."""

    command_class = Kommando
    alias: ClassVar = {namn: alias for namn, (_, _, alias) in KOMMANDON.items()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENT]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(KOMMANDON) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        namn = ALIAS.get(cmd_name, cmd_name)
        if namn in self.commands:
            return self.commands[namn]
        if namn not in KOMMANDON:
            return None
        modul, funktion, _ = KOMMANDON[namn]
        importerad = importlib.import_module(modul)
        # A module may register itself on the group when imported (``@finsam.command``).
        kommando = self.commands.get(namn) or getattr(importerad, funktion)
        assert isinstance(kommando, click.Command)
        return kommando

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        namn = args[0]
        if self.get_command(ctx, namn) is None and not namn.startswith("-"):
            from finsam_core.model.forslag import menade_du

            alla = [*KOMMANDON, *ALIAS, *self.commands]
            raise click.UsageError(f"okänt kommando {namn!r}{menade_du(namn, alla)}", ctx=ctx)
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("standalone_mode", False)
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as slut:
            sys.exit(slut.exit_code)
        except click.exceptions.NoArgsIsHelpError as hjalp:
            # ``finsam`` alone asks for help: give it, once, on stdout (click 8.2+ would
            # print it as an error).
            click.echo(hjalp.ctx.get_help())
            sys.exit(0)
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
    finsam.main(prog_name="finsam")
