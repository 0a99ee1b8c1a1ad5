"""Core's own code lists (`KARNKODVERK`): the units, codes and event types of the spec."""

from __future__ import annotations

from finsam_core.model.handelser import KARNHANDELSER
from finsam_core.model.koder import KARNENHETER, KARNKODER, Kodverk

KARNKODVERK = Kodverk(
    enheter={enhet.kod: enhet for enhet in KARNENHETER},
    koder=KARNKODER,
    handelsetyper={klass.typ: klass for klass in KARNHANDELSER},
)
"""The code lists of ``finsam/1`` without any plugin."""
