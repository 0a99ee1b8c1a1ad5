"""A municipality's own rule added from Python, checked like a plugin's and attributed to
the caller (not to the plugin whose rule set it extends)."""

from __future__ import annotations

from finsam_core import Kontrollant, Pluginvard, Utokning
from finsam_core.regelbygge import VARNING, Dokument, Kontext, Regel

RUTIN = Dokument("lindesberg-rutin.pdf", "Lindesbergs kommun: rutin för Samverkansteamet")


def _kontakt_med_socialtjansten(ctx: Kontext) -> None:
    if "socialtjanst" not in ctx.arende.individ.kontakter:
        ctx.fynd("personen har ingen kontakt med socialtjänsten", sokvag="individ.kontakter")


LINDESBERG_01 = Regel(
    id="LINDESBERG-SOFINT-01",
    titel="Kontakt med socialtjänsten",
    allvarlighet=VARNING,
    kalla=RUTIN.kalla("2", "Socialtjänsten ska vara kontaktad innan remissen skrivs."),
    kontroll=_kontakt_med_socialtjansten,
    beskrivning="personen har kontakt med socialtjänsten",
)

vard = Pluginvard(utokningar=[Utokning("sofint", regler=(LINDESBERG_01,), av="Lindesbergs kommun")])
kontrollant = Kontrollant(vard)
