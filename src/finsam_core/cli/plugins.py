"""``finsam plugins``: loaded plugins, their versions and rule sets, and broken ones."""

from __future__ import annotations

import click

from finsam_core.cli.gemensamt import (
    formatflagga,
    hjalpflagga,
    kommando,
    rakna,
    som_json,
)


@kommando("plugins")
@formatflagga("text", "json")
@hjalpflagga
def plugins(utformat: str) -> None:
    """Laddade plugin med versioner och regelverk, och plugin som inte kunde laddas."""
    from finsam_core.plugins.vard import hamta_vard

    vard = hamta_vard()
    beskrivning = vard.beskrivning()
    if utformat == "json":
        click.echo(som_json(beskrivning))
        return
    antal = {rv["id"]: rv["regler"] for rv in beskrivning["regelverk"]}
    for p in beskrivning["plugins"]:
        regelverk = (
            ", ".join(f"{i} ({rakna(antal.get(i, 0), 'regel', 'regler')})" for i in p["regelverk"])
            or "inga regelverk"
        )
        utokar = f"; utökar {', '.join(p['utokar'])}" if p["utokar"] else ""
        click.echo(f"{p['namn']:<14} {p['distribution']} {p['version']}: {regelverk}{utokar}")
    for f in beskrivning["fel"]:
        click.echo(f"TRASIGT {f['namn']} ({f['distribution']} {f['version']}): {f['orsak']}")
