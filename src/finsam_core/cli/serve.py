"""``finsam serve``: the HTTP service and the caseworker's page (optional extra ``serve``)."""

from __future__ import annotations

import ipaddress
import json
import os
from typing import Any

import click

from finsam_core.cli.gemensamt import fel_och_avsluta, hjalpflagga, kommando, ladda_vard

TOKEN_MILJO = "FINSAM_SERVE_TOKEN"
"""The bearer token is read from the environment, never from the command line (where
every user of the machine could read it in the process list)."""
INSTALLNINGAR_MILJO = "FINSAM_SERVE_INSTALLNINGAR"
"""How the command hands its settings to ``--workers`` processes (JSON; never the token)."""


def _lokal(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@kommando("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adress att lyssna på. Standard: bara den här datorn.",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8400, show_default=True, help="Port."
)
@click.option(
    "-r",
    "--regelverk",
    multiple=True,
    metavar="ID",
    help="Regelverk att kontrollera mot (kan upprepas); ersätter ärendenas egna.",
)
@click.option(
    "--max-storlek",
    type=click.IntRange(1, None),
    default=2_000_000,
    show_default=True,
    metavar="BYTE",
    help="Största förfrågan med ett ärende, och största rad i en sats.",
)
@click.option(
    "--max-sats",
    type=click.IntRange(1, None),
    default=500_000_000,
    show_default=True,
    metavar="BYTE",
    help="Största sats (JSON Lines); den läses rad för rad.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, None),
    default=1,
    show_default=True,
    help="Antal processer som delar porten; var och en laddar plugin. Fler kärnor, "
    "samma kostnad per ärende.",
)
@click.option("--logg/--ingen-logg", default=True, help="En rad per förfrågan (utan innehåll).")
@hjalpflagga
def serve(
    host: str,
    port: int,
    regelverk: tuple[str, ...],
    max_storlek: int,
    max_sats: int,
    workers: int,
    logg: bool,
) -> None:
    """Kör finsam som en HTTP-tjänst: JSON för ärendesystem och en sida för handläggare.

    Plugin laddas en gång vid start (i varje process med --workers). JSON-gränssnittet
    beskrivs i /openapi.json; sidan finns på /. Förfrågningarnas innehåll loggas aldrig.

    Med miljövariabeln FINSAM_SERVE_TOKEN kräver /api/ huvudet Authorization: Bearer
    <nyckel> och sidan samma nyckel i sitt formulär. Lyssna på en annan adress än den här
    datorns bara bakom TLS och med en nyckel.

    Kräver tillägget serve: pip install 'finsam-core[serve]'.
    """
    try:
        import uvicorn

        from finsam_core.webb import Installningar, Tjanst, skapa_app
        from finsam_core.webb.app import Tjanstapp
    except ImportError as fel:
        fel_och_avsluta(
            f"finsam serve kräver tillägget serve ({fel.name} saknas): "
            "pip install 'finsam-core[serve]'"
        )
    from finsam_core.model.finsamfel import Konfigurationsfel

    token = os.environ.get(TOKEN_MILJO) or None
    vard = ladda_vard()
    installningar = Installningar(max_storlek=max_storlek, max_sats=max_sats, token=token)
    try:
        # Built here also with --workers: a bad choice of rule sets stops the start, once.
        tjanst = Tjanst(vard, regelverk=regelverk or None, installningar=installningar)
    except Konfigurationsfel as fel:
        fel_och_avsluta(str(fel))
    app: Tjanstapp | str = skapa_app(tjanst)
    if workers > 1:
        # uvicorn starts each worker from an import string; the worker builds its own
        # service (and loads the plugins) from the settings passed in the environment.
        os.environ[INSTALLNINGAR_MILJO] = json.dumps(
            {"regelverk": list(regelverk) or None, "max_storlek": max_storlek, "max_sats": max_sats}
        )
        app = "finsam_core.cli.serve:app_for_worker"
    if not _lokal(host):
        click.echo(
            f"obs: tjänsten lyssnar på {host}, inte bara på den här datorn: svaren handlar om "
            "personer. Använd TLS framför tjänsten"
            + ("." if token else f" och sätt {TOKEN_MILJO}: nu kräver den ingen nyckel."),
            err=True,
        )
    skydd = "med åtkomstnyckel" if token else "utan åtkomstnyckel"
    processer = f", {workers} processer" if workers > 1 else ""
    click.echo(
        f"finsam serve på http://{host}:{port}/ ({skydd}{processer}); avsluta med Ctrl+C",
        err=True,
    )
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        access_log=False,  # uvicorn's line has the query string; ours (finsam.serve) does not
        log_level="info" if logg else "warning",
        log_config=_loggning(logg),
        server_header=False,
        date_header=False,
        # Nothing here uses the client's address (the log has none), so uvicorn's layer
        # that rewrites it from X-Forwarded-For is a cost per request for nothing.
        proxy_headers=False,
    )


def app_for_worker() -> Any:
    """The application of one ``--workers`` process: plugins loaded again, settings from
    the environment the command left for it (the token from ``FINSAM_SERVE_TOKEN``)."""
    from finsam_core.plugins.vard import hamta_vard
    from finsam_core.webb import Installningar, Tjanst, skapa_app

    valt = json.loads(os.environ[INSTALLNINGAR_MILJO])
    installningar = Installningar(
        max_storlek=valt["max_storlek"],
        max_sats=valt["max_sats"],
        token=os.environ.get(TOKEN_MILJO) or None,
    )
    return skapa_app(Tjanst(hamta_vard(), regelverk=valt["regelverk"], installningar=installningar))


def _loggning(logg: bool) -> dict[str, object]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"rad": {"format": "%(asctime)s %(levelname)s %(message)s"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "rad",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "finsam.serve": {
                "handlers": ["stderr"],
                "level": "INFO" if logg else "WARNING",
                "propagate": False,
            },
        },
    }
