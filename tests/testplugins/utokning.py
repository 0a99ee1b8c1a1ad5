"""A municipality's local rules added to another package's rule set, without a fork."""

from __future__ import annotations

from finsam_core import Allvarlighet, Kalla, Kontext, Regel, UtokaRegelverk, hookimpl


def _lokal(ctx: Kontext) -> None:
    if "testteamet" not in ctx.arende.individ.kontakter:
        ctx.fynd("ingen kontakt med testteamet")


@hookimpl
def finsam_utoka(utoka: UtokaRegelverk) -> None:
    utoka(
        "testverk",
        regler=[
            Regel(
                "NORA-TEST-01",
                "Lokal regel",
                Allvarlighet.FEL,
                Kalla("nora.txt", "2", "Kontakt ska finnas."),
                _lokal,
            )
        ],
    )
