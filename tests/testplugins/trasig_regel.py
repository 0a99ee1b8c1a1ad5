"""A plugin whose rule raises when it runs."""

from __future__ import annotations

from finsam_core import (
    Allvarlighet,
    Kalla,
    Kontext,
    Regel,
    Regelverk,
    RegistreraRegelverk,
    hookimpl,
)


def _kastar(ctx: Kontext) -> None:
    raise KeyError("saknad nyckel")


@hookimpl
def finsam_regelverk(register: RegistreraRegelverk) -> None:
    register(
        Regelverk(
            "trasigt",
            "Trasigt",
            "Test",
            "1",
            (
                Regel(
                    "TRASIG-01", "Kastar", Allvarlighet.VARNING, Kalla("t.txt", "1", "x"), _kastar
                ),
            ),
        )
    )
