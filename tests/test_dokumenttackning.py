"""Coverage tables: the file format and its checks against a rule set."""

from __future__ import annotations

from typing import Any

import pytest

from finsam_core import KARNREGELVERK
from finsam_core.regler.dokumenttackning import (
    Dokumenttackning,
    Tackningsfel,
    tackningsproblem,
)


def _data(*meningar: dict[str, Any]) -> dict[str, Any]:
    return {"format": "finsam-tackning/1", "dokument": "d.txt", "meningar": list(meningar)}


@pytest.mark.parametrize(
    ("mening", "orsak"),
    [
        ({"avsnitt": "1", "citat": "A."}, "antingen regler eller skal"),
        ({"avsnitt": "1", "citat": "A.", "regler": ["X-01"], "skal": "statistik"}, "antingen"),
        ({"avsnitt": "1", "citat": "A.", "skal": "lat"}, "okänt skal"),
        ({"avsnitt": "1", "citat": "A.", "regler": ["x1"]}, "ogiltigt regel-id"),
        ({"avsnitt": "1", "citat": "A.", "regel": ["X-01"]}, "okända nycklar regel"),
        ({"citat": "A.", "regler": ["X-01"]}, "avsnitt och citat"),
    ],
)
def test_felaktiga_rader(mening: dict[str, Any], orsak: str) -> None:
    with pytest.raises(Tackningsfel, match=orsak):
        Dokumenttackning.fran_data(_data(mening))


def test_fel_format() -> None:
    with pytest.raises(Tackningsfel, match="finsam-tackning/1"):
        Dokumenttackning.fran_data({**_data(), "format": "finsam-arenor/1"})


def test_tabell_och_regelverk_jamfors_at_bada_hall() -> None:
    tackning = Dokumenttackning.fran_data(
        _data(
            {"avsnitt": "1", "citat": "A.", "regler": ["FINSAM-01", "FINSAM-99"]},
            {"avsnitt": "2", "citat": "B.", "skal": "organisation", "not": "styrelsen"},
        )
    )
    assert tackningsproblem(tackning, KARNREGELVERK.regler) == [
        "d.txt:1: FINSAM-99 finns inte i regelverket",
        "FINSAM-02 saknas i täckningstabellen",
        "FINSAM-03 saknas i täckningstabellen",
        "FINSAM-04 saknas i täckningstabellen",
        "FINSAM-05 saknas i täckningstabellen",
    ]
    assert tackning.meningar[1].forklaring == (
        "organisatorisk skyldighet, inte ett enskilt ärende: styrelsen"
    )
