"""``finsam serve``: the HTTP service and the caseworker's page (optional extra ``serve``)."""

from __future__ import annotations

import ipaddress
import os

import click

from finsam_core.cli.gemensamt import fel_och_avsluta, hjalpflagga, kommando, ladda_vard

TOKEN_MILJO = "FINSAM_SERVE_TOKEN"
"""The bearer token is read from the environment, never from the command line (where
every user of the machine could read it in the process list)."""


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
@click.option("--logg/--ingen-logg", default=True, help="En rad per förfrågan (utan innehåll).")
@hjalpflagga
def serve(
    host: str,
    port: int,
    regelverk: tuple[str, ...],
    max_storlek: int,
    max_sats: int,
    logg: bool,
) -> None:
    """Kör finsam som en HTTP-tjänst: JSON för ärendesystem och en sida för handläggare.

    Plugin laddas en gång vid start. JSON-gränssnittet beskrivs i /openapi.json; sidan
    finns på /. Förfrågningarnas innehåll loggas aldrig.

    Med miljövariabeln FINSAM_SERVE_TOKEN kräver /api/ huvudet Authorization: Bearer
    <nyckel> och sidan samma nyckel i sitt formulär. Lyssna på en annan adress än den här
    datorns bara bakom TLS och med en nyckel.

    Kräver tillägget serve: pip install 'finsam-core[serve]'.
    """
    try:
        import uvicorn

        from finsam_core.webb import Installningar, Tjanst, skapa_app
    except ImportError as fel:
        fel_och_avsluta(
            f"finsam serve kräver tillägget serve ({fel.name} saknas): "
            "pip install 'finsam-core[serve]'"
        )
    from finsam_core.model.finsamfel import Konfigurationsfel

    token = os.environ.get(TOKEN_MILJO) or None
    vard = ladda_vard()
    try:
        tjanst = Tjanst(
            vard,
            regelverk=regelverk or None,
            installningar=Installningar(max_storlek=max_storlek, max_sats=max_sats, token=token),
        )
    except Konfigurationsfel as fel:
        fel_och_avsluta(str(fel))
    app = skapa_app(tjanst)
    if not _lokal(host):
        click.echo(
            f"obs: tjänsten lyssnar på {host}, inte bara på den här datorn: svaren handlar om "
            "personer. Använd TLS framför tjänsten"
            + ("." if token else f" och sätt {TOKEN_MILJO}: nu kräver den ingen nyckel."),
            err=True,
        )
    skydd = "med åtkomstnyckel" if token else "utan åtkomstnyckel"
    click.echo(f"finsam serve på http://{host}:{port}/ ({skydd}); avsluta med Ctrl+C", err=True)
    uvicorn.run(
        app,
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
