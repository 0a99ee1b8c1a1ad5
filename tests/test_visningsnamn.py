"""Findings name units, meeting types, insats types and outcomes by their display names
(issue 16 item 5): no raw code from the code lists inside a Swedish sentence."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from finsam_core import Kontrollant
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import Kodslag
from finsam_core.plugins.vard import hamta_vard

EXEMPEL = Path(__file__).resolve().parent.parent / "examples"

ENHETSKODER = ("af", "fk", "socialtjanst", "ame", "psykiatri", "primarvard", "kaa", "lss")
"""Unit codes whose display name differs from the code (``af`` is Arbetsförmedlingen)."""
VANLIGA_ORD = frozenset({"annan", "annat"})
"""Codes that are also ordinary Swedish words ("via annan instans")."""
# Meeting types, insats types and outcomes written as codes (with ``_`` or an ASCII stand-in
# for å ä ö): the display name is another word, so the code as a whole word is a leak.
ANDRA_KODER = tuple(
    kod
    for slag in (Kodslag.MOTESTYP, Kodslag.INSATSTYP, Kodslag.UTFALL)
    for kod, namn in KARNKODVERK.lista(slag).items()
    if kod != namn.casefold() and kod not in VANLIGA_ORD
)


SAMRAD_UTAN_SAMTYCKE = {
    "format": "finsam/1",
    "id": "FINSAM-04-NAMN",
    "regelverk": ["eda"],
    "individ": {"kommun": "Eda"},
    "handelser": [
        {
            "typ": "mote",
            "datum": "2025-03-10",
            "motestyp": "samrad",
            "parter": ["socialtjanst", "af"],
        }
    ],
}
"""A samråd of two huvudmän without consent: no example has one, so FINSAM-04 (which named
its meeting type and units by code until this was found) is checked on this case too."""


def _meddelanden() -> list[tuple[str, str, str]]:
    kontrollant = Kontrollant(hamta_vard())
    meddelanden = []
    resultat_lista = [
        *kontrollant.kontrollera_alla(EXEMPEL, datum=date(2025, 12, 31)),
        kontrollant.kontrollera(SAMRAD_UTAN_SAMTYCKE, datum=date(2025, 12, 31)),
    ]
    for resultat in resultat_lista:
        if resultat.resultat is None:
            continue
        for fynd in resultat.resultat.fynd:
            meddelanden.append((str(resultat.fil), fynd.regel, fynd.meddelande))
    return meddelanden


MEDDELANDEN = _meddelanden()


def test_exemplen_ger_fynd_att_granska() -> None:
    # The check below means something only if the examples produce many findings, and
    # among them the ones issue 16 quotes.
    assert len(MEDDELANDEN) > 50
    texter = [m for _, _, m in MEDDELANDEN]
    assert any("utbyte mellan Socialtjänsten / IFO" in t for t in texter)
    assert any("samverkansmöte 2025-03-10" in t for t in texter)
    assert (
        "mötet (samråd) 2025-03-10 med Socialtjänsten / IFO (inkl. försörjningsstöd), "
        "Arbetsförmedlingen: inget samtycke omfattar utbyte mellan Socialtjänsten / IFO (inkl. "
        "försörjningsstöd) och Arbetsförmedlingen den dagen"
    ) in texter


@pytest.mark.parametrize("kod", [*ENHETSKODER, *ANDRA_KODER])
def test_ingen_kod_i_nagot_meddelande(kod: str) -> None:
    ord_ = re.compile(rf"(?<![\w/.\[]){re.escape(kod)}(?![\w\]])")
    lackor = [(fil, regel, text) for fil, regel, text in MEDDELANDEN if ord_.search(text)]
    assert lackor == []


def test_koderna_har_visningsnamn() -> None:
    # The codes the test looks for are real codes with a name that is not the code.
    for kod in ENHETSKODER:
        assert KARNKODVERK.namn(kod) != kod
    assert "samverkansmote" in ANDRA_KODER
    assert "ater_till_remittent" in ANDRA_KODER
    assert "arbete" not in ANDRA_KODER  # "Arbete": the code is the word itself
