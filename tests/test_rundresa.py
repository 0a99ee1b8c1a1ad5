"""Round trip: load → unstructure → load is identity, and the schema accepts what we write."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings, strategies as st

from finsam_core import KARNKODVERK, Arende, Lasare, json_schema, till_dict
from finsam_core.format import till_json, till_yaml
from finsam_core.format.fel import sokvag_som_text
from finsam_core.format.konverterare import Konverterare
from finsam_core.model.utskrift import sakker_sokvag, sakra

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
        detaljerad = KONVERTERARE._detaljerad.structure(ratt, Arende)
        detaljerad_ok = True
    except Exception:
        detaljerad_ok = False
    assert snabb_ok == detaljerad_ok
    if snabb_ok:
        # Accepting the same is not enough: the same case must come out.
        assert KONVERTERARE._snabb_arende(ratt, Arende) == detaljerad


def _utfall(funktion: object, text: str) -> tuple[str, object]:
    try:
        varde = funktion(text)  # type: ignore[operator]
    except Exception as fel:
        return "fel", (type(fel), str(fel))
    return "ok", (varde, repr(varde))  # repr: 1 and 1.0 are equal, and must not be


# Texts the two JSON parsers may treat differently: numbers past 64 bits, NaN, a lone
# surrogate, a BOM, trailing text, deep nesting, duplicate keys, odd whitespace.
jsontext = st.one_of(
    json_varde.map(lambda v: json.dumps(v, ensure_ascii=False)),
    json_varde.map(json.dumps),
    st.sampled_from(
        [
            "18446744073709551616",
            "-9223372036854775809",
            "1e400",
            "-0.0",
            "NaN",
            '{"a": Infinity}',
            '"\\ud800"',
            "\ufeff{}",
            "{} x",
            "[" * 2000 + "]" * 2000,
            '{"a": 1, "a": 2}',
            " \t{}\r",
            '{"a": 1.5e-7, "b": 123456789012345678}',
        ]
    ),
    st.text(max_size=20),
)


@given(jsontext)
@settings(max_examples=300, deadline=None)
def test_snabb_json_ger_samma_som_json_loads(text: str) -> None:
    # JSON Lines are parsed by orjson first: the case, or the errors and their messages,
    # must be exactly what json.loads and the reader give, so that nothing changes.
    from finsam_core.format.lasare import Rad

    inlasning = LASARE.tolka_rad(Rad("x.jsonl", 3, text))
    utfall = _utfall(json.loads, text)
    if utfall[0] == "fel" or not text.strip():
        # json.loads refuses it: so does orjson, and the reader's own message follows.
        assert inlasning is None or not inlasning.ok
        return
    assert inlasning == LASARE.tolka(json.loads(text), fil="x.jsonl", rad=3)


@given(arende, st.data())
@settings(max_examples=100, deadline=None)
def test_snabb_och_detaljerad_lasning_av_rader_ar_overens(a: Arende, data: st.DataObject) -> None:
    # A whole line through the reader (orjson, then the fast converter) against json.loads
    # and the detailed converter: the same case, or the same messages.
    from finsam_core.format.lasare import Rad

    ratt = json.loads(till_json(a))
    vag = data.draw(st.sampled_from(_lov(ratt)))
    if vag:
        mal: object = ratt
        for del_ in vag[:-1]:
            mal = mal[del_]  # type: ignore[index]
        mal[vag[-1]] = data.draw(json_varde)  # type: ignore[index]
    rad = json.dumps(ratt, ensure_ascii=data.draw(st.booleans()))
    inlasning = LASARE.tolka_rad(Rad("x.jsonl", 3, rad.encode()))
    assert inlasning is not None
    resultat = KONVERTERARE._detaljerad_tolkning(json.loads(rad))
    if isinstance(resultat, list):
        # the same errors, as an Indatafel makes them safe to print (escaped, masked)
        assert [(f.sokvag, f.meddelande) for f in inlasning.fel] == [
            (sakker_sokvag(sokvag_som_text(s) or None), sakra(m)) for s, m in resultat
        ]
    else:
        assert inlasning.arende == resultat
