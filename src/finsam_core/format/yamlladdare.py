"""Safe YAML loading with duplicate keys as errors, and finding the line of a path.

PyYAML's safe loader keeps the last of two equal keys without a word; in a case file that
silently drops data (two ``datum`` in one event), so it is an error here. Native YAML dates
(``datum: 2025-03-14``) are accepted; timestamps with a time part come through as
``datetime`` and the converter rejects them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import yaml

_Bas: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DubblettnyckelFel(yaml.MarkedYAMLError):
    """A mapping has the same key twice."""


class _Laddare(_Bas):  # type: ignore[valid-type, misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        sedda: set[Hashable] = set()
        for nyckelnod, _ in node.value:
            if nyckelnod.tag == "tag:yaml.org,2002:merge":
                continue
            nyckel = self.construct_object(nyckelnod, deep=True)
            if isinstance(nyckel, Hashable):
                if nyckel in sedda:
                    raise DubblettnyckelFel(
                        problem=f"nyckeln {nyckel!r} förekommer två gånger i samma mappning",
                        problem_mark=nyckelnod.start_mark,
                    )
                sedda.add(nyckel)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        # PyYAML raises a bare ValueError for 2025-02-30; keep the text so that the
        # converter reports it with its path ("datumet '2025-02-30' finns inte").
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)


_Laddare.add_constructor("tag:yaml.org,2002:timestamp", _Laddare.construct_yaml_timestamp)


def las_yaml(text: str) -> object:
    """Parse one YAML document safely; raise `yaml.YAMLError` (with a mark) on bad input."""
    laddare = _Laddare(text)
    try:
        return laddare.get_single_data()
    except RecursionError:
        raise yaml.YAMLError("nesting too deep") from None
    finally:
        laddare.dispose()


_OVERSATTNINGAR = (
    (
        "expected a single document",
        "filen innehåller flera YAML-dokument; en fil ska hålla ett ärende",
    ),
    (
        "cannot start any token",
        "ogiltigt tecken (tabb eller specialtecken) där ett värde ska börja",
    ),
    (
        "mapping values are not allowed",
        "ett kolon står där ett värde förväntades; saknas citattecken?",
    ),
    ("could not find expected ':'", "en nyckel saknar kolon"),
    ("did not find expected key", "indraget stämmer inte; en nyckel förväntades"),
    ("did not find expected '-'", "indraget stämmer inte; ett listelement förväntades"),
    ("found undefined alias", "okänt alias (*namn)"),
    ("found unhashable key", "en nyckel måste vara en text"),
    ("found unacceptable character", "filen innehåller tecken som inte är tillåtna i YAML"),
    ("could not determine a constructor", "okänd YAML-tagg"),
    ("nesting too deep", "för djupt nästlad struktur"),
)


def yamlfel_som_text(fel: yaml.YAMLError) -> tuple[str, int | None]:
    """A Swedish message and the line (1-based) for a YAML error."""
    rad = None
    if isinstance(fel, yaml.MarkedYAMLError) and fel.problem_mark is not None:
        rad = fel.problem_mark.line + 1
    if isinstance(fel, DubblettnyckelFel):
        return f"dubblerad nyckel: {fel.problem}", rad
    problem = f"{getattr(fel, 'problem', '') or ''} {getattr(fel, 'context', '') or ''}"
    for engelska, svenska in _OVERSATTNINGAR:
        if engelska in problem:
            return f"filen är inte giltig YAML: {svenska}", rad
    return "filen är inte giltig YAML (syntaxfel)", rad


def rad_for_sokvag(text: str, sokvag: Sequence[str | int]) -> int | None:
    """The 1-based line in *text* that *sokvag* points at, as far down as it exists.

    For a key that is missing, the line of the mapping that should hold it. JSON is read
    with the same composer (JSON is, in practice, YAML). None if the text cannot be composed.
    """
    return radkarta(text)(sokvag)


def radkarta(text: str) -> Callable[[Sequence[str | int]], int | None]:
    """`rad_for_sokvag` for many paths of one text: the text is composed once."""
    try:
        rot = yaml.compose(text, Loader=_Bas)
    except yaml.YAMLError:
        rot = None

    def rad(sokvag: Sequence[str | int]) -> int | None:
        if rot is None:
            return None
        nod = rot
        sista = len(sokvag) - 1
        for i, del_ in enumerate(sokvag):
            if isinstance(nod, yaml.MappingNode) and isinstance(del_, str):
                for nyckelnod, vardenod in nod.value:
                    if isinstance(nyckelnod, yaml.ScalarNode) and nyckelnod.value == del_:
                        nod = nyckelnod if i == sista else vardenod
                        break
                else:
                    break
            elif (
                isinstance(nod, yaml.SequenceNode)
                and isinstance(del_, int)
                and del_ < len(nod.value)
            ):
                nod = nod.value[del_]
            else:
                break
        return int(nod.start_mark.line) + 1

    return rad
