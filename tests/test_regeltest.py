"""The YAML rule test runner: reading, patching, comparing, and malformed tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from finsam_core import Pluginvard
from finsam_core.format import Indatafel
from finsam_core.testning import Regeltest, kor_regeltest, las_regeltester

ARENDE = """
  arende:
    format: finsam/1
    id: T
    individ: {kommun: Eda}
    handelser:
      - {typ: avslut, datum: 2025-01-10, utfall: arbete}
      - {typ: kontakt, datum: 2025-01-09, part: af}
"""


def _skriv(tmp_path: Path, text: str) -> list[Regeltest | Indatafel]:
    fil = tmp_path / "test_x.yaml"
    fil.write_text(text, encoding="utf-8")
    return list(las_regeltester(fil))


@pytest.fixture(scope="module")
def vard() -> Pluginvard:
    return Pluginvard(entry_points=[])


def test_ankare_delas_inte_mellan_tester(tmp_path: Path, vard: Pluginvard) -> None:
    tester = _skriv(
        tmp_path,
        f"""
- &a
  namn: ett
  regelverk: finsam
  datum: 2025-06-01
{ARENDE}
  forvantat: {{varning: []}}
- <<: *a
  namn: två
  andra: {{"handelser[1].datum": 2025-01-11}}
- <<: *a
  namn: tre
  andra: {{"handelser[1].datum": 2025-01-11}}
  forvantat: {{varning: [FINSAM-02]}}
""",
    )
    assert all(isinstance(t, Regeltest) for t in tester)
    utfall = [kor_regeltest(t, vard) for t in tester]  # type: ignore[arg-type]
    assert [u.ok for u in utfall] == [True, False, True]
    assert utfall[1].avvikelser == (
        "varning: förväntade inga, fick ['FINSAM-02'] (FINSAM-02: händelsen kontakt "
        "2025-01-11 ligger efter ärendets avslut 2025-01-10)",
    )


def test_felaktiga_tester_rapporteras_och_resten_las(tmp_path: Path) -> None:
    tester = _skriv(
        tmp_path,
        f"""
- namn: saknar forvantat
  regelverk: finsam
  datum: 2025-06-01
{ARENDE}
- namn: okänd nyckel
  regelverk: finsam
  datum: 2025-06-01
  forvantat: {{fel: []}}
  extra: 1
{ARENDE}
- namn: fel sökväg
  regelverk: finsam
  datum: 2025-06-01
  andra: {{"handelser[9].datum": 2025-01-01}}
  forvantat: {{fel: []}}
{ARENDE}
- namn: bra
  regelverk: finsam
  datum: 2025-06-01
  forvantat: {{fel: []}}
{ARENDE}
""",
    )
    fel = [t for t in tester if isinstance(t, Indatafel)]
    assert [f.meddelande for f in fel] == [
        "test 'saknar forvantat': saknar 'forvantat'",
        "test 'okänd nyckel': okänd nyckel 'extra'; tillåtna: andra, arende, arende_fil, "
        "datum, endast, forvantat, kalla, lagg_till, namn, regelverk, ta_bort",
        "test 'fel sökväg': sökvägen 'handelser[9].datum' finns inte i ärendet",
    ]
    # Each inserted case block is a blank line, 7 lines and a blank line: 2, 14, 28.
    assert [f.rad for f in fel] == [2, 14, 28]
    assert [t.namn for t in tester if isinstance(t, Regeltest)] == ["bra"]


def test_okant_regelverk_och_felaktigt_arende(tmp_path: Path, vard: Pluginvard) -> None:
    (okant,) = _skriv(
        tmp_path,
        f"""
- namn: x
  regelverk: finns_inte
  datum: 2025-06-01
  forvantat: {{fel: []}}
{ARENDE}""",
    )
    assert isinstance(okant, Regeltest)
    (avvikelse,) = kor_regeltest(okant, vard).avvikelser
    assert avvikelse.startswith("okänt regelverk 'finns_inte'; installerade: finsam")
    (trasigt,) = _skriv(
        tmp_path,
        """
- namn: y
  regelverk: finsam
  datum: 2025-06-01
  forvantat: {fel: []}
  arende: {format: finsam/1, id: T, individ: {kommun: Gotham}}
""",
    )
    assert isinstance(trasigt, Regeltest)
    (avvikelse,) = kor_regeltest(trasigt, vard).avvikelser
    assert avvikelse.startswith("ärendet: individ.kommun: okänd kommun 'Gotham'")


def test_frist_jamfors(tmp_path: Path, vard: Pluginvard) -> None:
    (test,) = _skriv(
        tmp_path,
        f"""
- namn: frist
  regelverk: finsam
  datum: 2025-06-01
  forvantat: {{frist: {{FINSAM-02: 2025-01-01}}}}
{ARENDE}""",
    )
    assert isinstance(test, Regeltest)
    assert kor_regeltest(test, vard).avvikelser == (
        "frist för FINSAM-02: förväntade 2025-01-01, fick ingen",
    )


def test_inte_en_lista(tmp_path: Path) -> None:
    (fel,) = _skriv(tmp_path, "namn: x\n")
    assert isinstance(fel, Indatafel)
    assert "förväntade en lista av regeltester" in fel.meddelande
