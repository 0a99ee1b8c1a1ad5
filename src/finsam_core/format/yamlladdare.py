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

from finsam_core.model.utskrift import citera

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
                        problem=f"nyckeln {citera(str(nyckel))} förekommer två gånger i "
                        "samma mappning",
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


MAX_DJUP = 100
"""Deepest nesting a case file may have (a case needs about 6 levels). Checked before the
YAML composer runs: PyYAML's C composer recurses without a limit and crashes the process
(a segmentation fault) on some 25,000 levels."""

MAX_UTVIDGNING = 10
"""How many times larger aliases (``*namn``) may make a document than it is written."""
MIN_UTVIDGNING = 10_000
"""Aliases may always expand a document to this many values."""

MAX_SIFFROR = 4300
"""Longest integer Python converts from text (``sys.get_int_max_str_digits``)."""


class StrukturFel(yaml.MarkedYAMLError):
    """The document is well-formed but too deep, too large through aliases, or holds a
    number too long to read."""


def _djupgrans_overskriden(text: str) -> int | None:
    """The line where nesting passes `MAX_DJUP`, or None.

    A cheap upper bound first (indentation, indicators per line, every flow bracket), and
    only when that bound is too high an exact count over the parser's events (libyaml's
    parser keeps its own stack and does not recurse).
    """
    indrag = indikatorer = 0
    for rad in text.splitlines():
        kort = rad.lstrip(" ")
        indrag = max(indrag, len(rad) - len(kort))
        indikatorer = max(indikatorer, sum(map(kort.count, "-?:")))
    if indrag + indikatorer + text.count("[") + text.count("{") <= MAX_DJUP:
        return None
    djup = 0
    try:
        for handelse in yaml.parse(text, Loader=_Bas):
            if isinstance(handelse, yaml.CollectionStartEvent):
                djup += 1
                if djup > MAX_DJUP:
                    mark = handelse.start_mark
                    return int(mark.line) + 1 if mark is not None else 1
            elif isinstance(handelse, yaml.CollectionEndEvent):
                djup -= 1
    except yaml.YAMLError:
        return None  # the real load reports the syntax error with its line
    return None


def _kontrollera_noder(rot: yaml.Node) -> None:
    """Raise `StrukturFel` for alias amplification or an integer too long to read.

    Walks the composed graph once (each node once, iteratively) and counts how many
    values construction would build, aliases expanded.
    """
    storlek: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(rot, False)]
    while stack:
        nod, klar = stack.pop()
        if id(nod) in storlek:
            continue
        if isinstance(nod, yaml.ScalarNode):
            if (
                nod.tag == "tag:yaml.org,2002:int"
                and sum(t.isdigit() for t in nod.value) > MAX_SIFFROR
            ):
                raise StrukturFel(
                    problem=f"talet har fler än {MAX_SIFFROR} siffror",
                    problem_mark=nod.start_mark,
                )
            storlek[id(nod)] = 1
            continue
        barn: list[yaml.Node] = (
            [x for par in nod.value for x in par]
            if isinstance(nod, yaml.MappingNode)
            else list(nod.value)
        )
        if klar:
            storlek[id(nod)] = 1 + sum(storlek[id(b)] for b in barn)
            continue
        stack.append((nod, True))
        stack.extend((b, False) for b in barn if id(b) not in storlek)
    skrivna = len(storlek)
    if storlek[id(rot)] > max(MAX_UTVIDGNING * skrivna, MIN_UTVIDGNING):
        raise StrukturFel(
            problem="alias (*namn) mångfaldigar innehållet för mycket",
            problem_mark=rot.start_mark,
        )


def las_yaml_nod(text: str) -> tuple[object, yaml.Node | None]:
    """Parse one YAML document safely: the data and its composed node (for line numbers).

    Raise `yaml.YAMLError` (with a mark where known) on bad input, including nesting
    deeper than `MAX_DJUP`, aliases that expand the document more than `MAX_UTVIDGNING`
    times, and integers too long to read.
    """
    rad = _djupgrans_overskriden(text)
    if rad is not None:
        raise StrukturFel(
            problem="nesting too deep", problem_mark=yaml.Mark("", 0, rad - 1, 0, "", 0)
        )
    laddare = _Laddare(text)
    try:
        nod = laddare.get_single_node()
        if nod is None:
            return None, None
        _kontrollera_noder(nod)
        return laddare.construct_document(nod), nod
    except RecursionError:
        raise yaml.YAMLError("nesting too deep") from None
    finally:
        laddare.dispose()


def las_yaml(text: str) -> object:
    """Parse one YAML document safely; raise `yaml.YAMLError` (with a mark) on bad input."""
    return las_yaml_nod(text)[0]


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
    ("mångfaldigar", "alias (*namn) mångfaldigar innehållet för mycket"),
    ("siffror", f"ett tal har fler än {MAX_SIFFROR} siffror"),
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
    """The 1-based line in YAML *text* that *sokvag* points at, as far down as it exists.

    For a key that is missing, the line of the mapping that should hold it. None if the
    text cannot be composed. To find many paths, compose once and use `rad_i_nod`.
    """
    nod = nod_for_text(text)
    return None if nod is None else rad_i_nod(nod, sokvag)


def radkarta(text: str) -> Callable[[Sequence[str | int]], int | None]:
    """`rad_for_sokvag` for many paths of one text: the text is composed once."""
    rot = nod_for_text(text)

    def rad(sokvag: Sequence[str | int]) -> int | None:
        return None if rot is None else rad_i_nod(rot, sokvag)

    return rad


def nod_for_text(text: str) -> yaml.Node | None:
    """The composed node of YAML (or JSON) *text*, or None if it cannot be composed or is
    nested deeper than `MAX_DJUP` (checked first: the C composer crashes on deep nesting)."""
    if _djupgrans_overskriden(text) is not None:
        return None
    try:
        return yaml.compose(text, Loader=_Bas)
    except (yaml.YAMLError, RecursionError):
        return None


def rad_i_nod(nod: yaml.Node, sokvag: Sequence[str | int]) -> int:
    """The 1-based line below the composed *nod* that *sokvag* points at (see
    `rad_for_sokvag`)."""
    sista = len(sokvag) - 1
    for i, del_ in enumerate(sokvag):
        if isinstance(nod, yaml.MappingNode) and isinstance(del_, str):
            for nyckelnod, vardenod in nod.value:
                if isinstance(nyckelnod, yaml.ScalarNode) and nyckelnod.value == del_:
                    nod = nyckelnod if i == sista else vardenod
                    break
            else:
                break
        elif isinstance(nod, yaml.SequenceNode) and isinstance(del_, int) and del_ < len(nod.value):
            nod = nod.value[del_]
        else:
            break
    return int(nod.start_mark.line) + 1
