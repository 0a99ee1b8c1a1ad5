"""Declarative rule tests in YAML: test rules without writing Python.

A test file (``test_*.yaml``) holds a list of tests::

    - namn: Svar till remittenten på dag 14 är i tid
      regelverk: sofint              # one id or a list; core's rules always run too
      datum: 2025-06-01              # the validation date
      kalla: 004_8ef7852e647e2221.txt, Bilaga I, 3   # optional: what the test is about
      arende_fil: ../../examples/sofint/klart-arende.yaml   # or `arende:` inline
      andra:                         # optional: set values by path
        handelser[3].datum: 2025-02-10
      ta_bort: [handelser[12]]       # optional: remove list items or keys by path
      lagg_till:                     # optional: append to lists
        handelser: [{typ: kontakt, datum: 2025-03-01, part: af}]
      endast: [SOFINT-07]            # optional: compare only these rules' findings
      forvantat:
        fel: [SOFINT-07]             # exactly these rule ids have a `fel` finding
        varning: []                  # and none has a `varning`
        frist: {SOFINT-07: 2025-02-10}   # some finding of the rule has this due date

Each severity key that is given is compared exactly (as a set of rule ids); a key left out
is not checked. Paths in ``andra``/``ta_bort`` use the same form as input errors.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from attrs import frozen

from finsam_core.format.fel import Indatafel
from finsam_core.format.yamlladdare import las_yaml, yamlfel_som_text
from finsam_core.model.finsamfel import Konfigurationsfel
from finsam_core.plugins.vard import Pluginvard
from finsam_core.regler.fynd import Allvarlighet
from finsam_core.regler.motor import Resultat, validera

_NYCKLAR = {
    "namn", "regelverk", "datum", "kalla", "arende", "arende_fil", "andra", "ta_bort",
    "lagg_till", "endast", "forvantat",
}  # fmt: skip
_FORVANTAT = {"fel", "varning", "info", "frist"}
_DEL = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@frozen
class Regeltest:
    """One test read from a file, ready to run."""

    namn: str
    fil: str
    rad: int | None
    regelverk: tuple[str, ...]
    datum: date
    arende: dict[str, Any]
    forvantat: dict[str, Any]
    endast: tuple[str, ...] = ()
    kalla: str | None = None


@frozen
class Testutfall:
    """The outcome of one test: passed, or the differences (Swedish), and the result."""

    test: Regeltest
    avvikelser: tuple[str, ...]
    resultat: Resultat | None = None

    @property
    def ok(self) -> bool:
        return not self.avvikelser


class _Testfel(ValueError):
    pass


def _delar(sokvag: str) -> list[str | int]:
    delar: list[str | int] = []
    for namn, index in _DEL.findall(sokvag):
        delar.append(int(index) if index else namn)
    if not delar:
        raise _Testfel(f"tom sökväg {sokvag!r}")
    return delar


def _forfader(data: Any, delar: list[str | int], sokvag: str) -> Any:
    for del_ in delar[:-1]:
        try:
            data = data[del_]
        except (KeyError, IndexError, TypeError):
            raise _Testfel(f"sökvägen {sokvag!r} finns inte i ärendet") from None
    return data


def _andra(
    data: dict[str, Any], andringar: dict[str, Any], borttag: list[str], tillagg: dict[str, Any]
) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for sokvag, varde in andringar.items():
        delar = _delar(str(sokvag))
        mal = _forfader(data, delar, sokvag)
        try:
            mal[delar[-1]] = copy.deepcopy(varde)
        except (IndexError, TypeError):
            raise _Testfel(f"sökvägen {sokvag!r} finns inte i ärendet") from None
    # Remove from the highest index down so that earlier removals do not shift later ones.
    for sokvag in sorted(borttag, key=lambda s: [str(d).zfill(6) for d in _delar(s)], reverse=True):
        delar = _delar(sokvag)
        mal = _forfader(data, delar, sokvag)
        try:
            del mal[delar[-1]]
        except (KeyError, IndexError, TypeError):
            raise _Testfel(f"sökvägen {sokvag!r} finns inte i ärendet") from None
    for nyckel, varden in tillagg.items():
        if not isinstance(varden, list):
            raise _Testfel(f"lagg_till.{nyckel}: förväntade en lista")
        data.setdefault(nyckel, []).extend(copy.deepcopy(varden))
    return data


def _som_datum(varde: Any, vad: str) -> date:
    if type(varde) is date:
        return varde
    if isinstance(varde, str):
        try:
            return date.fromisoformat(varde)
        except ValueError:
            pass
    raise _Testfel(f"{vad}: förväntade ett datum ÅÅÅÅ-MM-DD")


def _lista(varde: Any, vad: str) -> tuple[str, ...]:
    if isinstance(varde, str):
        return (varde,)
    if isinstance(varde, list) and all(isinstance(v, str) for v in varde):
        return tuple(varde)
    raise _Testfel(f"{vad}: förväntade ett id eller en lista av id")


def _rader(text: str) -> list[int]:
    """The 1-based line where each test of the file starts. The file is composed once: doing
    it per test made reading quadratic in the number of tests."""
    try:
        nod = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if isinstance(nod, yaml.SequenceNode):
        return [int(post.start_mark.line) + 1 for post in nod.value]
    return []


def las_regeltester(sokvag: str | Path) -> Iterator[Regeltest | Indatafel]:
    """Read the tests in one file; a malformed test is an `Indatafel`, the rest still load."""
    sokvag = Path(sokvag)
    fil = str(sokvag)
    try:
        text = sokvag.read_text(encoding="utf-8")
        data = las_yaml(text)
    except OSError:
        yield Indatafel(fil, "kan inte läsa testfilen")
        return
    except UnicodeDecodeError:
        yield Indatafel(fil, "testfilen är inte kodad som UTF-8")
        return
    except yaml.YAMLError as fel:
        meddelande, rad = yamlfel_som_text(fel)
        yield Indatafel(fil, meddelande, rad=rad)
        return
    if not isinstance(data, list):
        yield Indatafel(fil, "förväntade en lista av regeltester (varje med namn och forvantat)")
        return
    rader = _rader(text)
    lasta: dict[Path, Any] = {}
    for index, post in enumerate(data):
        rad = rader[index] if index < len(rader) else None
        try:
            yield _tolka_test(post, sokvag, rad, lasta)
        except _Testfel as fel:
            namn = post.get("namn") if isinstance(post, dict) else None
            fore = f"test {namn!r}: " if isinstance(namn, str) else f"test nr {index + 1}: "
            yield Indatafel(fil, fore + str(fel), rad=rad, sokvag=f"[{index}]")


def _las_arende_fil(fil: Path, lasta: dict[Path, Any]) -> Any:
    # Many tests of a file share one case file: read it once (tests change a deep copy).
    if fil not in lasta:
        text = fil.read_text(encoding="utf-8")
        arende = yaml.safe_load(text) if fil.suffix in (".yaml", ".yml") else None
        if arende is None:
            import json

            arende = json.loads(text)
        lasta[fil] = arende
    return lasta[fil]


def _tolka_test(
    post: Any, sokvag: Path, rad: int | None, lasta: dict[Path, Any] | None = None
) -> Regeltest:
    if not isinstance(post, dict):
        raise _Testfel("förväntade en mappning med namn, regelverk, datum, arende, forvantat")
    okanda = set(post) - _NYCKLAR
    if okanda:
        raise _Testfel(
            f"okänd nyckel {sorted(okanda)[0]!r}; tillåtna: {', '.join(sorted(_NYCKLAR))}"
        )
    for nyckel in ("namn", "regelverk", "datum", "forvantat"):
        if nyckel not in post:
            raise _Testfel(f"saknar {nyckel!r}")
    if ("arende" in post) == ("arende_fil" in post):
        raise _Testfel("ange antingen 'arende' (inline) eller 'arende_fil'")
    if "arende_fil" in post:
        fil = (sokvag.parent / str(post["arende_fil"])).resolve()
        try:
            arende = _las_arende_fil(fil, {} if lasta is None else lasta)
        except (OSError, ValueError, yaml.YAMLError) as fel:
            raise _Testfel(f"kan inte läsa arende_fil {post['arende_fil']!r}: {fel}") from None
    else:
        arende = post["arende"]
    if not isinstance(arende, dict):
        raise _Testfel("arende: förväntade ett ärende (en mappning)")
    arende = _andra(
        arende,
        post.get("andra") or {},
        list(post.get("ta_bort") or []),
        post.get("lagg_till") or {},
    )
    ratt = post["forvantat"]
    if not isinstance(ratt, dict) or not ratt or set(ratt) - _FORVANTAT:
        raise _Testfel("forvantat: förväntade nycklar bland fel, varning, info, frist")
    # A new dict: YAML anchors (`<<: *bas`) share one object between tests.
    forvantat: dict[str, Any] = {}
    for allvarlighet in ("fel", "varning", "info"):
        if allvarlighet in ratt:
            forvantat[allvarlighet] = _lista(ratt[allvarlighet] or [], f"forvantat.{allvarlighet}")
    if "frist" in ratt:
        if not isinstance(ratt["frist"], dict):
            raise _Testfel("forvantat.frist: förväntade regel-id: datum")
        forvantat["frist"] = {
            str(k): _som_datum(v, f"forvantat.frist.{k}") for k, v in ratt["frist"].items()
        }
    return Regeltest(
        namn=str(post["namn"]),
        fil=str(sokvag),
        rad=rad,
        regelverk=_lista(post["regelverk"], "regelverk"),
        datum=_som_datum(post["datum"], "datum"),
        arende=arende,
        forvantat=forvantat,
        endast=_lista(post.get("endast") or [], "endast"),
        kalla=str(post["kalla"]) if "kalla" in post else None,
    )


def kor_regeltest(test: Regeltest, vard: Pluginvard) -> Testutfall:
    """Run one test against the rule sets the host has loaded."""
    try:
        regelverk = vard.regelverk_for(test.regelverk)
    except Konfigurationsfel as saknas:
        return Testutfall(test, (str(saknas),))
    inlasning = vard.lasare().tolka(test.arende, fil=test.fil, rad=test.rad)
    if inlasning.arende is None:
        return Testutfall(
            test, tuple(f"ärendet: {f.sokvag or ''}: {f.meddelande}" for f in inlasning.fel)
        )
    resultat = validera(inlasning.arende, regelverk, test.datum, kodverk=vard.kodverk)
    fynd = [f for f in resultat.fynd if not test.endast or f.regel in test.endast]
    avvikelser = []
    for allvarlighet in Allvarlighet:
        if allvarlighet.value not in test.forvantat:
            continue
        vantat = set(test.forvantat[allvarlighet.value])
        fick = {f.regel for f in fynd if f.allvarlighet is allvarlighet}
        if vantat != fick:
            detaljer = "; ".join(
                f"{f.regel}: {f.meddelande}"
                for f in fynd
                if f.allvarlighet is allvarlighet and f.regel not in vantat
            )
            avvikelser.append(
                f"{allvarlighet.value}: förväntade {sorted(vantat) or 'inga'}, fick "
                f"{sorted(fick) or 'inga'}" + (f" ({detaljer})" if detaljer else "")
            )
    for regel, frist in test.forvantat.get("frist", {}).items():
        fristar = sorted({f.frist for f in fynd if f.regel == regel and f.frist is not None})
        if frist not in fristar:
            avvikelser.append(
                f"frist för {regel}: förväntade {frist}, fick "
                f"{', '.join(map(str, fristar)) or 'ingen'}"
            )
    return Testutfall(test, tuple(avvikelser), resultat)


def ar_regeltestfil(sokvag: Path) -> bool:
    """True for ``test_*.yaml``/``.yml`` files that hold rule tests (a list with
    ``forvantat``), so that other YAML files named ``test_*`` are left alone."""
    if not (sokvag.name.startswith("test_") and sokvag.suffix in (".yaml", ".yml")):
        return False
    try:
        return "forvantat" in sokvag.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
