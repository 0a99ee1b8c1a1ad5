"""Sphinx extension: the Umeå tables and process timelines, from the plugin's data.

- ``.. umea-inriktningar::`` renders table F-U-1 (`INRIKTNINGAR`) and the ärendebärare map
  (`ARENDEBARARE`);
- ``.. umea-tidslinje:: 2025-04-17 2025-04-16`` draws the försörjningsstöd process as a
  timeline (inline SVG, one row per step) for an aktualisering and, optionally, an
  inventering date, from `forsorjningsstodsprocessen`, with the same steps as a table;
- ``.. umea-etablering:: 2024-03-04 2026-03-03`` draws the etablering process the same way
  for a programme start and end (`etableringsprocessen`);
- ``.. umea-floden::`` renders the track table F-U-2 (`FLODEN`) with the names of the
  arenas each track routes to, read from the plugin's ``arenor.yaml``.

Both are generated at build time, so the docs cannot drift from the rules. No network and
no dependency beyond Sphinx itself. Add ``"finsam_umea.sphinxext"`` to ``extensions``.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList

from finsam_umea.floden import FLODEN
from finsam_umea.inriktningar import ARENDEBARARE, INRIKTNINGAR, NEUTRALA_INSATSER
from finsam_umea.process import Processteg, etableringsprocessen, forsorjningsstodsprocessen

_BREDD, _RAD, _ETIKETT, _MARGINAL, _DATUMTEXT = 840, 30, 390, 20, 50


def tidslinje_svg(steg: tuple[Processteg, ...], titel: str = "Försörjningsstödsprocessen") -> str:
    """The steps as an SVG timeline: one row per step, a dot at its last day on a date axis.

    >>> svg = tidslinje_svg(forsorjningsstodsprocessen(date(2025, 4, 17)))
    >>> svg.startswith("<svg") and svg.count("<circle") == 8
    True
    """
    forsta, sista = steg[0].senast, steg[-1].senast
    spann = max((sista - forsta).days, 1)
    bredd = _BREDD - _ETIKETT - 2 * _MARGINAL - _DATUMTEXT

    def x(dag: date) -> float:
        return _ETIKETT + _MARGINAL + bredd * (dag - forsta).days / spann

    hojd = _RAD * (len(steg) + 1) + _MARGINAL
    delar = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_BREDD} {hojd}" '
        f'width="{_BREDD}" height="{hojd}" role="img" font-family="sans-serif" font-size="12">',
        f"<title>{escape(titel)}: sista dag för varje steg, {forsta}–{sista}</title>",
    ]
    for i, s in enumerate(steg):
        y = _MARGINAL + i * _RAD
        delar += [
            f'<line x1="{_ETIKETT}" y1="{y}" x2="{_BREDD - _MARGINAL}" y2="{y}" stroke="#ddd"/>',
            f'<text x="0" y="{y + 4}">{escape(s.namn)}</text>',
            f'<circle cx="{x(s.senast):.1f}" cy="{y}" r="5" fill="#1f5f8b"/>',
            f'<text x="{x(s.senast) + 8:.1f}" y="{y + 4}" fill="#1f5f8b">{s.senast:%d/%m}</text>',
        ]
    axel = _MARGINAL + len(steg) * _RAD
    delar.append(
        f'<line x1="{x(forsta):.1f}" y1="{axel}" x2="{x(sista):.1f}" y2="{axel}" stroke="#333"/>'
    )
    manad = date(forsta.year, forsta.month, 1)
    steg_manader = 1 if spann <= 400 else 3  # a two-year programme: a tick per quarter
    while manad <= sista:
        if manad >= forsta and (manad.month - 1) % steg_manader == 0:
            delar += [
                f'<line x1="{x(manad):.1f}" y1="{axel - 4}" x2="{x(manad):.1f}" y2="{axel + 4}" '
                'stroke="#333"/>',
                f'<text x="{x(manad):.1f}" y="{axel + 18}" text-anchor="middle">'
                f"{manad:%Y-%m}</text>",
            ]
        manad = date(manad.year + manad.month // 12, manad.month % 12 + 1, 1)
    delar.append("</svg>")
    return "\n".join(delar)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or "–"


class _Tabell(Directive):  # type: ignore[misc]
    def tabell(self, rubriker: list[str], rader: list[list[str]]) -> list[nodes.Node]:
        rst = [".. list-table::", "   :header-rows: 1", ""]
        for rad in [rubriker, *rader]:
            rst.append(f"   * - {_cell(rad[0])}")
            rst += [f"     - {_cell(c)}" for c in rad[1:]]
        container = nodes.container()
        self.state.nested_parse(
            StringList(rst, source="finsam-umea"), self.content_offset, container
        )
        return list(container.children)


class InriktningarDirektiv(_Tabell):
    """``.. umea-inriktningar::``: table F-U-1 and the ärendebärare per support."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rader = [
            [
                f"{inriktning.value} {inriktning.benamning}",
                spar.exempel,
                ", ".join(f"``{t}``" for t in spar.insatstyper)
                + ("; parallellt " + ", ".join(f"``{t}``" for t in spar.parallellt)
                   if spar.parallellt else ""),
                spar.i_processen,
                spar.nasta_steg,
            ]
            for inriktning, spar in INRIKTNINGAR.items()
        ]  # fmt: skip
        rader.append(
            ["alla", "neutrala", ", ".join(f"``{t}``" for t in NEUTRALA_INSATSER), "–", "–"]
        )
        arendebarare = [
            [f"``{stod}``", " eller ".join(f"``{e}``" for e in enheter)]
            for stod, enheter in ARENDEBARARE.items()
        ]
        return [
            *self.tabell(
                ["Inriktning", "Textens exempel", "Insatstyper", "I processerna", "Nästa steg"],
                rader,
            ),
            *self.tabell(["Försörjning", "Ärendebärare"], arendebarare),
        ]


class TidslinjeDirektiv(_Tabell):
    """``.. umea-tidslinje:: AKTUALISERING [INVENTERING]``: the FS process's planned dates."""

    required_arguments = 1
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            datum = [date.fromisoformat(a) for a in self.arguments]
        except ValueError as fel:
            raise self.error(f"umea-tidslinje: expected ISO dates ({fel})") from None
        steg = forsorjningsstodsprocessen(
            datum[0], inventering=datum[1] if len(datum) > 1 else None
        )
        figur = nodes.raw("", tidslinje_svg(steg), format="html")
        rader = [[str(s.senast), s.namn, s.grund or "–", s.regel] for s in steg]
        return [figur, *self.tabell(["Senast", "Steg", "Räknas som", "Regel"], rader)]


class EtableringDirektiv(_Tabell):
    """``.. umea-etablering:: P0 P1``: the etablering process's planned dates."""

    required_arguments = 2
    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            start, slut = (date.fromisoformat(a) for a in self.arguments)
        except ValueError as fel:
            raise self.error(f"umea-etablering: expected ISO dates ({fel})") from None
        steg = etableringsprocessen(start, slut)
        figur = nodes.raw("", tidslinje_svg(steg, "Etableringsprocessen"), format="html")
        rader = [[str(s.senast), s.namn, s.grund or "–", s.regel] for s in steg]
        return [figur, *self.tabell(["Datum", "Steg", "Räknas som", "Regel"], rader)]


class FlodenDirektiv(_Tabell):
    """``.. umea-floden::``: table F-U-2, each track with its arenas from ``arenor.yaml``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from importlib.resources import files

        from finsam_core.regelbygge import las_arenadata

        arenor = {a.id: a.namn for a in las_arenadata(files("finsam_umea") / "arenor.yaml").arenor}
        rader = [
            [
                flode.namn,
                f"«{flode.kalla.citat}»",
                flode.parter,
                flode.villkor,
                flode.kadens,
                flode.regler,
                "; ".join(f"{arenor[a]} (``{a}``)" for a in flode.arenor),
            ]
            for flode in FLODEN
        ]
        return self.tabell(
            ["Spår", "Kartläggning (texten)", "Parter", "Vem", "Kadens", "Regler", "Arenor"],
            rader,
        )


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("umea-inriktningar", InriktningarDirektiv)
    app.add_directive("umea-tidslinje", TidslinjeDirektiv)
    app.add_directive("umea-etablering", EtableringDirektiv)
    app.add_directive("umea-floden", FlodenDirektiv)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
