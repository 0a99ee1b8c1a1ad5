"""Core rules' messages and what other rule sets declare to them (issue 15)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from finsam_core import KARNREGELVERK, Arende, Lasare, Regelverk, validera

DAG = date(2026, 11, 23)


def _arende(handelser: list[dict[str, Any]]) -> Arende:
    data = {
        "format": "finsam/1",
        "id": "T-KARNA",
        "individ": {"kommun": "Eda"},
        "handelser": handelser,
    }
    (inlasning,) = Lasare().las_text(json.dumps(data), fil="t.json", filtyp="json")
    assert inlasning.arende is not None, inlasning.fel
    return inlasning.arende


def _meddelanden(arende: Arende, regel: str, *regelverk: Regelverk) -> list[str]:
    fynd = validera(arende, regelverk or (KARNREGELVERK,), DAG).fynd
    return [f.meddelande for f in fynd if f.regel == regel]


def test_finsam_01_namnger_overgangen_for_ett_arende_som_inleddes_fore_bytet() -> None:
    beslut = {"typ": "beslut", "datum": "2025-08-01", "part": "socialtjanst", "lagrum": "SoL 4:1"}
    tidigt = _arende([{"typ": "kontakt", "datum": "2025-06-30", "part": "socialtjanst"}, beslut])
    sent = _arende([{"typ": "kontakt", "datum": "2025-07-01", "part": "socialtjanst"}, beslut])
    (tidig,) = _meddelanden(tidigt, "FINSAM-01")
    (sen,) = _meddelanden(sent, "FINSAM-01")
    assert "ärendet inleddes 2025-06-30" in tidig
    assert "övergångsbestämmelserna" in tidig
    assert "övergångsbestämmelserna" not in sen
    assert "ange SoL (2025:400) 12 kap. 1 §" in sen
    assert "utan SFS-nummer" in sen


def test_finsam_01_foreslar_inte_12_kap_1_for_4_kap_1_a() -> None:
    arende = _arende(
        [
            {
                "typ": "beslut",
                "datum": "2025-08-01",
                "part": "socialtjanst",
                "lagrum": "SoL (2001:453) 4 kap. 1 a §",
            }
        ]
    )
    (meddelande,) = _meddelanden(arende, "FINSAM-01")
    assert "12 kap. 1 §" not in meddelande
    assert "4 kap. 1 a §" in meddelande


def test_finsam_03_namnger_gamla_paragrafen() -> None:
    arende = _arende(
        [{"typ": "beslut", "datum": "2025-06-30", "part": "socialtjanst", "lagrum": "SoL 12:1"}]
    )
    (meddelande,) = _meddelanden(arende, "FINSAM-03")
    assert "trädde i kraft 2025-07-01" in meddelande
    assert "ange SoL (2001:453) 4 kap. 1 §" in meddelande


def test_finsam_04_tiger_om_par_som_ett_regelverk_bedomer_sjalv() -> None:
    mote = {"typ": "mote", "datum": "2025-09-01", "motestyp": "samrad",
            "parter": ["socialtjanst", "af"]}  # fmt: skip
    arende = _arende([mote])
    assert len(_meddelanden(arende, "FINSAM-04")) == 1
    eget = Regelverk(
        id="eget", namn="Eget", agare="test", version="1", regler=(),
        samtycke_bedoms=(("af", "socialtjanst"),),
    )  # fmt: skip
    assert _meddelanden(arende, "FINSAM-04", KARNREGELVERK, eget) == []
    # Another pair of the same meeting is still judged by core.
    tre = _arende([{**mote, "parter": ["socialtjanst", "af", "fk"]}])
    (kvar,) = _meddelanden(tre, "FINSAM-04", KARNREGELVERK, eget)
    socialtjansten = "Socialtjänsten / IFO (inkl. försörjningsstöd)"
    assert f"mellan {socialtjansten} och Försäkringskassan" in kvar
    assert "eller mellan Arbetsförmedlingen och Försäkringskassan den dagen" in kvar
    assert f"mellan {socialtjansten} och Arbetsförmedlingen" not in kvar


def test_finsam_04_stjarna_star_for_varje_enhet() -> None:
    mote = {"typ": "mote", "datum": "2025-09-01", "motestyp": "samrad",
            "parter": ["socialtjanst", "af", "fk"]}  # fmt: skip
    arende = _arende([mote])
    med_af = Regelverk(
        id="med_af", namn="Med AF", agare="test", version="1", regler=(),
        samtycke_bedoms=(("af", "*"),),
    )  # fmt: skip
    (kvar,) = _meddelanden(arende, "FINSAM-04", KARNREGELVERK, med_af)
    assert kvar.endswith(
        "inget samtycke omfattar utbyte mellan Socialtjänsten / IFO (inkl. försörjningsstöd) "
        "och Försäkringskassan den dagen"
    )
    allt = Regelverk(
        id="allt", namn="Allt", agare="test", version="1", regler=(),
        samtycke_bedoms=(("*", "*"),),
    )  # fmt: skip
    assert _meddelanden(arende, "FINSAM-04", KARNREGELVERK, allt) == []


def test_gallringstiden_ar_en_parameter() -> None:
    from datetime import date

    from finsam_core import Lasare, validera
    from finsam_core.regler.karnregler import gallringsregel
    from finsam_core.regler.regel import Regelverk

    fall = (
        Lasare()
        .tolka(
            {
                "format": "finsam/1",
                "id": "G-1",
                "individ": {"kommun": "Eda"},
                "handelser": [{"typ": "avslut", "datum": "2020-06-01", "utfall": "arbete"}],
            }
        )
        .arende
    )
    assert fall is not None
    tre_ar = Regelverk(
        id="finsam", namn="t", agare="t", version="1", regler=(gallringsregel(3),)
    )  # replaces core's rule set in this call: FINSAM-05 with three years
    pa_dagen = validera(fall, tre_ar, date(2023, 6, 1)).fynd
    dagen_efter = validera(fall, tre_ar, date(2023, 6, 2)).fynd
    assert pa_dagen == ()
    assert [(f.regel, f.frist) for f in dagen_efter] == [("FINSAM-05", date(2023, 6, 1))]
    with pytest.raises(ValueError, match="minst ett år"):
        gallringsregel(0)
