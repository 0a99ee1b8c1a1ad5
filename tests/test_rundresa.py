"""Round trip: load → unstructure → load is identity, and the schema accepts what we write."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any, ClassVar

import jsonschema
from attrs import frozen
from hypothesis import given, settings, strategies as st

from finsam_core import KARNKODVERK, Arende, Handelse, Lasare, json_schema, till_dict
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


class _Text(str):
    """A str subclass (numpy's str_ is one): the detailed path refuses it, so must the fast."""


class _Mappning(dict):  # type: ignore[type-arg]
    """A dict subclass: refused as a case's object by both paths."""


# Values a field may be given by mistake, each near some boundary of what the detailed path
# takes: big and bounded integers, bools for ints, floats, dates that do not exist or lie
# outside the calendar or carry a time, municipalities in odd spellings, law references,
# months, codes of the wrong list, personnummer forms, YAML's date objects, lists.
GRANSVARDEN: list[object] = [
    2**64, -(2**63) - 1, 10**30, 1_000_000, 1_000_001, -1_000_000, -1_000_001, 0, 1, 5, 6,
    1.0, 2.5, True, False, None, "", " ", "x",
    "2025-02-29", "2024-02-29", "1799-12-31", "1800-01-01", "2199-12-31", "2200-01-01",
    "2025-03-01T10:00", "2025-3-1", "20250301", " 2025-03-01", "2025-03-01 ",
    "Nora", "nora", "NORA", " Nora", "1884", "01884", "Stockholm", "Norra",
    "SoL 4:1", "LSS 9", "9 § LSS", "2025-13", "2025-00", "1799-12", "2025-03",
    "af", "fk", "individen", "socialtjanst", "okand", "Af", "provning", "Provning", "nej",
    "kvinna", "sip", "upprattad", "arbete", "informationsmote", "skriftligt",
    "19811218-9876", "811218-9876", "811218+9876", "19811218-9875", "198112189876",
    "19811278-9871", "18000101-0008", "00000000-0000",
    date(2025, 3, 1), date(1799, 1, 1), datetime(2025, 3, 1, 10, 0),
    [], {}, ["af"], ["af", "fk"], ["af", "af"], ["af", 1], [None], ["2025-03-01"], [{}],
    _Text("af"), _Text("2025-03-01"), _Text("Nora"), _Text("mote"), [_Text("af"), "fk"],
    [_Text("sofint")], _Mappning(),
]  # fmt: skip
gransvarde = st.sampled_from(GRANSVARDEN)

NYCKLAR = ["typ", "datum", "start", "slut", "fran", "till", "parter", "kod", "komun", "x", "id"]
HANDELSETYPER = [*KARNKODVERK.handelsetyper, "provhandelse", "okand", "", 1, None]


@frozen
class Provhandelse(Handelse):
    """An event type as a plugin might write one, with a field the fast path leaves to
    cattrs (a fixed-length tuple) and one it writes itself (an optional int)."""

    typ: ClassVar[str] = "provhandelse"
    datum: date
    spann: tuple[int, int] = (0, 0)
    antal: int | None = None


MED_PROVHANDELSE = Konverterare(KARNKODVERK.utokad(handelsetyper=[Provhandelse]))


def _mutera(rot: dict[str, Any], data: st.DataObject) -> None:
    """One mistake somewhere in *rot*: a value replaced (by a boundary value, by any JSON
    value, or by another value of the same case), a key or list element removed, an
    unknown key added, or an event's type changed."""
    vagar = _lov(rot)[1:]
    if not vagar:
        return
    vag = data.draw(st.sampled_from(vagar))
    foralder: Any = rot
    for del_ in vag[:-1]:
        foralder = foralder[del_]
    sista = vag[-1]
    varde = foralder[sista]
    slag = data.draw(
        st.sampled_from(["gransvarde", "json", "byt", "ta_bort", "ny_nyckel", "handelsetyp"])
    )
    if slag == "gransvarde":
        foralder[sista] = data.draw(gransvarde)
    elif slag == "json":
        foralder[sista] = data.draw(json_varde)
    elif slag == "byt":
        foralder[sista] = copy.deepcopy(_dig(rot, data.draw(st.sampled_from(vagar))))
    elif slag == "ta_bort":
        del foralder[sista]
    elif slag == "ny_nyckel" and isinstance(varde, dict):
        varde[data.draw(st.sampled_from(NYCKLAR))] = data.draw(gransvarde | json_varde)
    elif slag == "handelsetyp" and isinstance(varde, dict):
        varde["typ"] = data.draw(st.sampled_from(HANDELSETYPER))


def _dig(rot: object, vag: tuple[object, ...]) -> object:
    for del_ in vag:
        rot = rot[del_]  # type: ignore[index]
    return rot


def _snabbt(konverterare: Konverterare, data: object) -> Arende | None:
    try:
        return konverterare.snabb_tolkning(data)
    except Exception:
        return None


@given(arende, st.data())
@settings(max_examples=400, deadline=None)
def test_snabb_och_detaljerad_tolkning_ar_overens(a: Arende, data: st.DataObject) -> None:
    # The fast path must accept exactly what the detailed path accepts, and build the same
    # case: equal, and the same repr (1 == True == 1.0, but they are not the same value).
    for konverterare in (KONVERTERARE, MED_PROVHANDELSE):
        indata: dict[str, Any] = json.loads(till_json(a))
        for _ in range(data.draw(st.integers(0, 3))):
            _mutera(indata, data)
        detaljerad = konverterare._detaljerad_tolkning(copy.deepcopy(indata))
        snabb = _snabbt(konverterare, indata)
        if isinstance(detaljerad, list):
            assert snabb is None, detaljerad
        else:
            assert snabb is not None
            assert snabb == detaljerad
            assert repr(snabb) == repr(detaljerad)
        # What tolka gives is the detailed answer either way.
        assert konverterare.tolka(indata) == detaljerad


def test_snabba_vagen_lamnar_okanda_falttyper_till_cattrs() -> None:
    # A plugin's event with a field type the generator does not write: read through cattrs'
    # fast hook, still on the fast path.
    ratt = {
        "format": "finsam/1",
        "id": "A",
        "individ": {"kommun": "Nora"},
        "handelser": [{"typ": "provhandelse", "datum": "2025-03-01", "spann": [1, 2], "antal": 3}],
    }
    arende = MED_PROVHANDELSE.snabb_tolkning(ratt)
    assert arende.handelser == (Provhandelse(date(2025, 3, 1), (1, 2), 3),)
    ratt["handelser"][0]["antal"] = True  # type: ignore[index]
    assert _snabbt(MED_PROVHANDELSE, ratt) is None
    assert MED_PROVHANDELSE.tolka(ratt) == [
        (("handelser", 0, "antal"), "förväntade ett heltal, fick sanningsvärdet true")
    ]


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


# Every field of the model filled in, every event type once (and the test plugin's).
FULLT_ARENDE: dict[str, Any] = {
    "format": "finsam/1",
    "id": "A-1",
    "regelverk": ["sofint"],
    "individ": {
        "kommun": "Nora",
        "personnummer": "19811218-9876",
        "fodelsedatum": "1981-12-18",
        "kon": "man",
        "forsorjning": [{"typ": "forsorjningsstod", "start": "2025-01-01", "slut": "2025-06-30"}],
        "kontakter": ["af", "fk"],
        "omstandigheter": ["psykisk_ohalsa"],
        "kommundel": "Centrum",
        "omstandighetsperioder": [
            {"kod": "behov_av_tolk", "fran": "2025-01-01", "till": "2025-02-01"}
        ],
    },
    "samtycken": [
        {
            "datum": "2025-01-02",
            "parter": ["af", "fk"],
            "form": "skriftligt",
            "omfattning": ["halsa"],
            "giltigt_till": "2026-01-01",
            "aterkallat": "2025-12-01",
            "inhamtat_av": "af",
        }
    ],
    "handelser": [
        {"typ": "remiss", "datum": "2025-01-03", "fran": "individen", "till": "af", "avser": "x"},
        {"typ": "beslut", "datum": "2025-01-04", "part": "socialtjanst", "lagrum": "SoL 4:1"},
        {
            "typ": "mote",
            "datum": "2025-01-05",
            "motestyp": "informationsmote",
            "parter": ["af", "fk"],
            "individen_deltog": False,
        },
        {"typ": "kontakt", "datum": "2025-01-06", "part": "fk"},
        {
            "typ": "aterkoppling",
            "datum": "2025-01-07",
            "fran": "af",
            "till": "fk",
            "besked": "provning",
            "avser": "y",
        },
        {"typ": "inskrivning", "datum": "2025-01-08", "enhet": "af"},
        {
            "typ": "intyg",
            "datum": "2025-02-01",
            "intygstyp": "insatsintyg",
            "fran": "af",
            "till": "fk",
            "period": "2025-01",
        },
        {
            "typ": "forlangning",
            "datum": "2025-02-02",
            "beslutad_av": "styrgrupp",
            "slut": "2025-09-01",
        },
        {"typ": "ledighet", "start": "2025-02-03", "slut": "2025-02-10"},
        {"typ": "avslut", "datum": "2025-03-01", "utfall": "arbete", "overlamning": True},
        {"typ": "provhandelse", "datum": "2025-03-02", "spann": [1, 2], "antal": 3},
    ],
    "kartlaggningar": [
        {
            "datum": "2025-02-01",
            "parter": ["af"],
            "start": "2025-01-10",
            "typ": "fordjupad",
            "samtal": 5,
            "inriktning": 3,
            "begransningar": [{"part": "af", "skal": "halsa"}],
        }
    ],
    "insatser": [
        {
            "typ": "arbetstraning",
            "utforare": "af",
            "start": "2025-02-01",
            "slut": "2025-03-01",
            "inriktning": 1,
        }
    ],
    "planer": [
        {
            "typ": "sip",
            "datum": "2025-02-01",
            "parter": ["af", "fk"],
            "huvudansvar": "af",
            "status": "upprattad",
            "individen_delaktig": True,
        }
    ],
}


def _overens(indata: dict[str, Any]) -> None:
    detaljerad = MED_PROVHANDELSE._detaljerad_tolkning(copy.deepcopy(indata))
    snabb = _snabbt(MED_PROVHANDELSE, indata)
    if isinstance(detaljerad, list):
        assert snabb is None, detaljerad
    else:
        assert snabb is not None
        assert repr(snabb) == repr(detaljerad)
        assert snabb == detaljerad


def test_fullt_arende_tas_av_snabba_vagen() -> None:
    assert MED_PROVHANDELSE.snabb_tolkning(copy.deepcopy(FULLT_ARENDE)) == (
        MED_PROVHANDELSE._detaljerad_tolkning(copy.deepcopy(FULLT_ARENDE))
    )


def test_snabb_och_detaljerad_ar_overens_for_varje_falt_och_gransvarde() -> None:
    # Exhaustive where the property test samples: every value of the full case replaced by
    # every boundary value, every key and element removed, an unknown key in every object.
    for vag in _lov(FULLT_ARENDE)[1:]:
        for varde in [*GRANSVARDEN, "ta_bort"]:
            indata = copy.deepcopy(FULLT_ARENDE)
            foralder: Any = _dig(indata, vag[:-1])
            if varde == "ta_bort":
                del foralder[vag[-1]]
            else:
                foralder[vag[-1]] = copy.deepcopy(varde)
            _overens(indata)
        if isinstance(_dig(FULLT_ARENDE, vag), dict):
            indata = copy.deepcopy(FULLT_ARENDE)
            foralder = _dig(indata, vag[:-1])
            foralder[vag[-1]] = _Mappning(foralder[vag[-1]])
            _overens(indata)
            for nyckel in NYCKLAR:
                indata = copy.deepcopy(FULLT_ARENDE)
                _dig(indata, vag)[nyckel] = "x"  # type: ignore[index]
                _overens(indata)
