"""A well-behaved plugin: one rule set with a team and one rule."""

from __future__ import annotations

from finsam_core import (
    Allvarlighet,
    Enhet,
    Kalla,
    Kontext,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    hookimpl,
)


def _alltid_fynd(ctx: Kontext) -> None:
    ctx.fynd("testfynd")


REGELVERK = Regelverk(
    id="testverk",
    namn="Testverket",
    agare="Testförbundet",
    version="1.0",
    regler=(
        Regel(
            "TEST-01",
            "Alltid ett fynd",
            Allvarlighet.VARNING,
            Kalla("test.txt", "1", "Det ska vara så."),
            _alltid_fynd,
        ),
    ),
    enheter=(Enhet("testteamet", "Testteamet", "samordningsforbund"),),
)


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(REGELVERK)
