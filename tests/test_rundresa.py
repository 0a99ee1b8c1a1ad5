"""Round trip: load → unstructure → load is identity, and the schema accepts what we write."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings, strategies as st

from finsam_core import KARNKODVERK, Arende, Lasare, json_schema, till_dict
from finsam_core.format import till_json, till_yaml
from finsam_core.format.konverterare import Konverterare

from .strategier import arende

KONVERTERARE = Konverterare(KARNKODVERK)
LASARE = Lasare()
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@given(arende)
@settings(max_examples=150, deadline=None)
def test_dict_rundresa_ar_identitet(a: Arende) -> None:
    assert KONVERTERARE.tolka(till_dict(a)) == a


@given(arende)
@settings(max_examples=75, deadline=None)
def test_json_och_yaml_text_rundresa(a: Arende) -> None:
    for text, filtyp in ((till_json(a), "json"), (till_yaml(a), "yaml")):
        (inlasning,) = LASARE.las_text(text, fil="rundresa", filtyp=filtyp)  # type: ignore[arg-type]
        assert inlasning.fel == ()
        assert inlasning.arende == a


@given(arende)
@settings(max_examples=75, deadline=None)
def test_jsonl_rundresa(a: Arende) -> None:
    (inlasning,) = LASARE.las_rader([till_json(a)], fil="x.jsonl")
    assert inlasning.arende == a


@given(arende)
@settings(max_examples=100, deadline=None)
def test_allt_lasaren_godtar_godtar_ocksa_schemat(a: Arende) -> None:
    data = json.loads(till_json(a))
    assert list(VALIDATOR.iter_errors(data)) == []


def _lov(data: object, vag: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a value in plain data."""
    vagar: list[tuple[object, ...]] = [vag]
    if isinstance(data, dict):
        for nyckel, varde in data.items():
            vagar += _lov(varde, (*vag, nyckel))
    elif isinstance(data, list):
        for index, varde in enumerate(data):
            vagar += _lov(varde, (*vag, index))
    return vagar


json_varde = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["af", "2025-02-30", "2025-03-01", "Nora", "SoL 4:1", "2025-13"]),
    lambda inre: (
        st.lists(inre, max_size=3) | st.dictionaries(st.text(max_size=5), inre, max_size=3)
    ),
    max_leaves=4,
)


@given(arende, st.data())
@settings(max_examples=200, deadline=None)
def test_snabb_och_detaljerad_tolkning_ar_overens(a: Arende, data: st.DataObject) -> None:
    # The fast converter must never accept what the detailed one rejects, or the reverse.
    ratt = json.loads(till_json(a))
    vag = data.draw(st.sampled_from(_lov(ratt)[1:]))
    mal: object = ratt
    for del_ in vag[:-1]:
        mal = mal[del_]  # type: ignore[index]
    mal[vag[-1]] = data.draw(json_varde)  # type: ignore[index]
    try:
        KONVERTERARE._snabb_arende(ratt, Arende)
        snabb_ok = True
    except Exception:
        snabb_ok = False
    try:
        KONVERTERARE._detaljerad.structure(ratt, Arende)
        detaljerad_ok = True
    except Exception:
        detaljerad_ok = False
    assert snabb_ok == detaljerad_ok
