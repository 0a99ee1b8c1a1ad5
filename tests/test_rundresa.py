"""Round trip: load → unstructure → load is identity, and the schema accepts what we write."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings

from finsam_core import KARNKODVERK, Arende, Konverterare, Lasare, json_schema, till_dict
from finsam_core.format import till_json, till_yaml

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
