"""Sphinx extension: ``.. finsam-regelverk:: ID`` renders a rule set from its metadata,
``.. finsam-arenor:: PREFIX`` the registered arenas whose id starts with PREFIX, and
``.. finsam-tackning:: PACKAGE`` the coverage table kept in PACKAGE's ``tackning.yaml``.

The table (id, severity, title, source, quoted sentence, and the reading chosen where the
text is vague) is generated from the installed plugin at build time, so the docs can never
drift from the code. Add ``"finsam_core.sphinxext"`` to ``extensions`` in ``conf.py``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList

from finsam_core.arenor.arena import visa_spann
from finsam_core.plugins.vard import hamta_vard


def _cell(text: str) -> list[str]:
    rader = " ".join(text.split()).replace("|", "\\|") or "–"
    return [rader]


class RegelverkDirektiv(Directive):  # type: ignore[misc]
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        regelverk_id = self.arguments[0]
        vard = hamta_vard()
        regelverk = vard.regelverk(regelverk_id)
        if regelverk is None:
            fel = "; ".join(str(f) for f in vard.fel) or "inget plugin registrerar det"
            raise self.error(f"rule set {regelverk_id!r} is not installed ({fel})")
        rst = [
            f"**{regelverk.namn}** (``{regelverk.id}``), version {regelverk.version}. "
            f"Owner: {regelverk.agare}.",
            "",
        ]
        if regelverk.beskrivning:
            rst += [regelverk.beskrivning, ""]
        if regelverk.enheter:
            enheter = ", ".join(f"``{e.kod}`` ({e.namn}, {e.huvudman})" for e in regelverk.enheter)
            rst += [f"Units added: {enheter}.", ""]
        rst += [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 12 8 25 20 35",
            "",
            "   * - Id",
            "     - Severity",
            "     - Rule",
            "     - Source",
            "     - Quoted sentence and reading",
        ]
        for regel in regelverk.regler:
            giltighet = ""
            if regel.giltig_fran or regel.giltig_till:
                giltighet = f" (valid {regel.giltig_fran or '…'}–{regel.giltig_till or '…'})"
            citat = f"«{regel.kalla.citat}»"
            if regel.tolkning:
                citat += f" — *Reading:* {regel.tolkning}"
            rst += [
                f"   * - ``{regel.id}``{giltighet}",
                f"     - {regel.allvarlighet.value}",
                *(f"     - {c}" for c in _cell(regel.titel)),
                *(f"     - {c}" for c in _cell(str(regel.kalla))),
                *(f"     - {c}" for c in _cell(citat)),
            ]
        container = nodes.container()
        self.state.nested_parse(
            StringList(rst, source="finsam-regelverk"), self.content_offset, container
        )
        return list(container.children)


class ArenorDirektiv(Directive):  # type: ignore[misc]
    """A table of arenas (id, name, municipalities, level, target group and conditions,
    entry routes, frequency, source with quote), generated from the registered data."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        prefix = self.arguments[0]
        vard = hamta_vard()
        arenor = [a for a in vard.arenor().arenor if a.id.startswith(prefix)]
        if not arenor:
            fel = "; ".join(str(f) for f in vard.fel) or "inget plugin registrerar dem"
            raise self.error(f"no arenas with ids starting {prefix!r} ({fel})")
        rst = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 8 18 12 8 24 10 20",
            "",
            "   * - Id",
            "     - Arena",
            "     - Municipalities",
            "     - Level",
            "     - Target group and conditions",
            "     - Entry (frequency)",
            "     - Source and quote",
        ]
        for arena in arenor:
            villkor = [arena.malgrupp]
            if arena.kraver:
                villkor.append(
                    "requires one of " + ", ".join(f"``{k}``" for k in sorted(arena.kraver))
                )
            if arena.kraver_ocksa:
                villkor.append(
                    "and one of " + ", ".join(f"``{k}``" for k in sorted(arena.kraver_ocksa))
                )
            if arena.alder is not None:
                villkor.append(f"age {visa_spann(arena.alder)}")
            if arena.alder_osaker is not None:
                villkor.append(f"uncertain at {visa_spann(arena.alder_osaker)}")
            if arena.kon:
                villkor.append(arena.kon)
            if arena.projekt:
                villkor.append("project")
            ingang = ", ".join(f"``{i}``" for i in arena.ingang) or "–"
            if arena.frekvens.text:
                ingang += f" ({arena.frekvens.text})"
            rst += [
                f"   * - ``{arena.id}``",
                *(f"     - {c}" for c in _cell(arena.namn)),
                *(f"     - {c}" for c in _cell(", ".join(k.namn for k in arena.kommuner))),
                f"     - {arena.niva.value}",
                *(f"     - {c}" for c in _cell("; ".join(villkor))),
                *(f"     - {c}" for c in _cell(ingang)),
                *(f"     - {c}" for c in _cell(f"{arena.kalla.avsnitt}: «{arena.kalla.citat}»")),
            ]
        container = nodes.container()
        self.state.nested_parse(
            StringList(rst, source="finsam-arenor"), self.content_offset, container
        )
        return list(container.children)


class TackningDirektiv(Directive):  # type: ignore[misc]
    """Every normative sentence of a rule set's document with the rules that check it or
    the reason none can, from the plugin package's ``tackning.yaml``."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from importlib.resources import files

        from finsam_core.regler.dokumenttackning import las_dokumenttackning

        paket = self.arguments[0]
        try:
            tackning = las_dokumenttackning(files(paket) / "tackning.yaml")
        except (ModuleNotFoundError, FileNotFoundError, ValueError) as fel:
            raise self.error(f"no coverage table in {paket!r}: {fel}") from fel
        rst = [
            f"{tackning.tackta} of {len(tackning.meningar)} normative sentences of "
            f"``{tackning.dokument}`` are checked by a rule; the others say why not.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 4 18 50 28",
            "",
            "   * - #",
            "     - Section",
            "     - Sentence",
            "     - Rule, or why none",
        ]
        for mening in tackning.meningar:
            regel = (
                ", ".join(f"``{r}``" for r in mening.regler)
                if mening.regler
                else f"*{mening.forklaring}*"
            )
            rst += [
                f"   * - {mening.nummer}",
                *(f"     - {c}" for c in _cell(mening.avsnitt)),
                *(f"     - {c}" for c in _cell(f"«{mening.kalla.citat}»")),
                *(f"     - {c}" for c in _cell(regel)),
            ]
        container = nodes.container()
        self.state.nested_parse(
            StringList(rst, source="finsam-tackning"), self.content_offset, container
        )
        return list(container.children)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("finsam-regelverk", RegelverkDirektiv)
    app.add_directive("finsam-arenor", ArenorDirektiv)
    app.add_directive("finsam-tackning", TackningDirektiv)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
