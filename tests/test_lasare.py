"""Reading files, folders, JSON Lines and standard input."""

from __future__ import annotations

import io
import json
from pathlib import Path

from finsam_core import Lasare, las

from .conftest import giltigt_arende


def _skriv(mapp: Path, namn: str, text: str) -> Path:
    fil = mapp / namn
    fil.parent.mkdir(parents=True, exist_ok=True)
    fil.write_text(text, encoding="utf-8")
    return fil


def test_mapp_laser_alla_arendefiler_i_namnordning(tmp_path: Path) -> None:
    rad = json.dumps(giltigt_arende())
    _skriv(tmp_path, "b.json", rad)
    _skriv(tmp_path, "a.yaml", rad)  # JSON is valid YAML
    _skriv(tmp_path, "under/c.yml", rad)
    _skriv(tmp_path, "d.jsonl", f"{rad}\n\n{rad}\n")
    _skriv(tmp_path, "anteckning.txt", "inte ett ärende")
    _skriv(tmp_path, ".dold/e.json", "{")
    inlasningar = list(Lasare().las(tmp_path))
    assert [(Path(i.fil).name, i.rad, i.ok) for i in inlasningar] == [
        ("a.yaml", None, True),
        ("b.json", None, True),
        ("d.jsonl", 1, True),
        ("d.jsonl", 3, True),
        (["under", "c.yml"][-1], None, True),
    ]


def test_tom_mapp(tmp_path: Path) -> None:
    (inlasning,) = Lasare().las(tmp_path)
    assert "inga ärendefiler" in inlasning.fel[0].meddelande


def test_fil_som_saknas_och_okand_filtyp(tmp_path: Path) -> None:
    text = _skriv(tmp_path, "a.txt", "x")
    saknas, okand = Lasare().las(tmp_path / "saknas.yaml", text)
    assert saknas.fel[0].meddelande == "filen eller mappen finns inte"
    assert "okänd filtyp '.txt'" in okand.fel[0].meddelande


def test_standard_in_ar_json_lines(tmp_path: Path) -> None:
    rad = json.dumps(giltigt_arende()).encode()
    strom = io.BytesIO(rad + b"\n{\n" + rad + b"\n")
    inlasningar = list(Lasare().las("-", stdin=strom))
    assert [(i.fil, i.rad, i.ok) for i in inlasningar] == [
        ("<stdin>", 1, True),
        ("<stdin>", 2, False),
        ("<stdin>", 3, True),
    ]


def test_binar_jsonl(tmp_path: Path) -> None:
    fil = tmp_path / "a.jsonl"
    fil.write_bytes(json.dumps(giltigt_arende()).encode() + b"\n\x00\x01\x02\n")
    inlasningar = list(Lasare().las(fil))
    assert [i.ok for i in inlasningar] == [True, False]
    assert inlasningar[1].fel[0].rad == 2
    assert "binär" in inlasningar[1].fel[0].meddelande


def test_utf8_med_bom_och_datum_som_yaml_datum(tmp_path: Path) -> None:
    fil = tmp_path / "a.yaml"
    fil.write_bytes(
        "\ufeffformat: finsam/1\nid: Å-1\n"
        "individ: {kommun: Malmö, fodelsedatum: 1990-01-31}\n".encode()
    )
    (inlasning,) = las(fil)
    assert inlasning.arende is not None
    assert inlasning.arende.id == "Å-1"
    assert str(inlasning.arende.individ.fodelsedatum) == "1990-01-31"


def test_tio_siffror_las_mot_arendets_senaste_datum(tmp_path: Path) -> None:
    # 811218+9876 on 2025-01-01 is born 1881 (100 or older); with '-', 1981.
    for tecken, ar in (("-", 1981), ("+", 1881)):
        data = {
            "format": "finsam/1",
            "id": "A",
            "individ": {"kommun": "Eda", "personnummer": f"811218{tecken}9876"},
            "handelser": [{"typ": "kontakt", "datum": "2025-01-01", "part": "af"}],
        }
        (inlasning,) = Lasare().las_rader([json.dumps(data)], fil="x.jsonl")
        assert inlasning.arende is not None
        pnr = inlasning.arende.individ.personnummer
        assert pnr is not None
        assert pnr.fodelsedatum.year == ar


def test_tio_siffror_med_fodelsedatum(tmp_path: Path) -> None:
    data = {
        "format": "finsam/1",
        "id": "A",
        "individ": {"kommun": "Eda", "personnummer": "811218-9876", "fodelsedatum": "1881-12-18"},
    }
    (inlasning,) = Lasare().las_rader([json.dumps(data)], fil="x.jsonl")
    assert inlasning.arende is not None
    pnr = inlasning.arende.individ.personnummer
    assert pnr is not None
    assert pnr.fodelsedatum.year == 1881
