"""``finsam test`` (``testa``): run YAML rule tests and report like pytest."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from finsam_core.cli.gemensamt import (
    fel_och_avsluta,
    hjalpflagga,
    kommando,
    ladda_vard,
)

HOPPA_OVER = frozenset({"node_modules", "build", "dist", "__pycache__"})
"""Folders never searched for tests (besides hidden ones such as .venv, .tox, .git)."""


def _testfiler(sokvag: Path) -> list[Path]:
    from finsam_core.testning.regeltest import ar_regeltestfil

    return sorted(
        p
        for p in sokvag.rglob("test_*.y*ml")
        if not any(d.startswith(".") or d in HOPPA_OVER for d in p.relative_to(sokvag).parts[:-1])
        and ar_regeltestfil(p)
    )


@kommando("test")
@click.argument("sokvagar", nargs=-1, metavar="[SÖKVÄG]...")
@click.option("-v", "--utforligt", is_flag=True, help="En rad per test.")
@click.option(
    "-k",
    "urval",
    metavar="TEXT",
    help="Bara tester vars namn innehåller TEXT (utan hänsyn till versaler).",
)
@click.option(
    "--junitxml",
    type=click.Path(dir_okay=False, writable=True),
    metavar="FIL",
    help="Skriv resultatet som JUnit XML (för CI) till FIL.",
)
@hjalpflagga
def testa(
    sokvagar: tuple[str, ...], utforligt: bool, urval: str | None, junitxml: str | None
) -> None:
    """Kör regeltester i YAML (test_*.yaml) och rapportera som pytest.

    SÖKVÄG är en testfil eller en mapp (standard: den aktuella mappen; dolda mappar som
    .venv hoppas över). Avslutas med 0 om alla gick igenom, 1 om något test misslyckades
    eller inte kunde läsas, 5 om inga tester hittades.
    """
    import time

    from finsam_core.format.fel import Indatafel
    from finsam_core.testning.regeltest import kor_regeltest, las_regeltester

    vard = ladda_vard()
    filer: list[Path] = []
    for sokvag in map(Path, sokvagar or (".",)):
        if sokvag.is_dir():
            filer += _testfiler(sokvag)
        elif sokvag.is_file():
            filer.append(sokvag)
        else:
            fel_och_avsluta(f"{sokvag}: filen eller mappen finns inte")
    godkanda = 0
    misslyckade: list[str] = []
    fall: list[tuple[str, str, float, str | None]] = []  # file, name, seconds, failure
    for fil in filer:
        tecken = []
        for post in las_regeltester(fil):
            if isinstance(post, Indatafel):
                misslyckade.append(f"{post}")
                fall.append((str(fil), post.sokvag or str(fil), 0.0, str(post)))
                tecken.append("E")
                continue
            if urval is not None and urval.casefold() not in post.namn.casefold():
                continue
            start = time.perf_counter()
            utfall = kor_regeltest(post, vard)
            tid = time.perf_counter() - start
            if utfall.ok:
                godkanda += 1
                tecken.append(".")
                fall.append((str(fil), post.namn, tid, None))
            else:
                plats = f"{post.fil}:{post.rad}" if post.rad else post.fil
                misslyckade.append(
                    f"{post.namn} ({plats})\n    " + "\n    ".join(utfall.avvikelser)
                )
                fall.append((str(fil), post.namn, tid, "\n".join(utfall.avvikelser)))
                tecken.append("F")
            if utforligt:
                click.echo(f"{fil}::{post.namn} {'GODKÄND' if tecken[-1] == '.' else 'UNDERKÄND'}")
        if not utforligt and tecken:
            click.echo(f"{fil} {''.join(tecken)}")
    for text in misslyckade:
        click.echo(f"\nUNDERKÄND {text}")
    if junitxml is not None:
        _skriv_junit(Path(junitxml), fall)
    if godkanda + len(misslyckade) == 0:
        click.echo("inga regeltester hittades")
        sys.exit(5)
    click.echo(f"\n{godkanda} godkända, {len(misslyckade)} underkända")
    if misslyckade:
        sys.exit(1)


def _skriv_junit(fil: Path, fall: list[tuple[str, str, float, str | None]]) -> None:
    """JUnit XML as CI systems read it: one testcase per rule test, a failure with the
    differences."""
    from xml.etree import ElementTree as ET

    svit = ET.Element(
        "testsuite",
        name="finsam test",
        tests=str(len(fall)),
        failures=str(sum(1 for f in fall if f[3] is not None)),
        errors="0",
        time=f"{sum(f[2] for f in fall):.3f}",
    )
    for testfil, namn, tid, fel in fall:
        fallet = ET.SubElement(svit, "testcase", classname=testfil, name=namn, time=f"{tid:.3f}")
        if fel is not None:
            ET.SubElement(fallet, "failure", message=fel.splitlines()[0]).text = fel
    rot = ET.Element("testsuites")
    rot.append(svit)
    ET.indent(rot)
    fil.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rot, encoding="unicode") + "\n",
        encoding="utf-8",
    )
