"""Sphinx extension: ``.. finsam-regelverk:: ID`` renders a rule set from its metadata.

The table (id, severity, title, source, quoted sentence, and the reading chosen where the
text is vague) is generated from the installed plugin at build time, so the docs can never
drift from the code. Add ``"finsam_core.sphinxext"`` to ``extensions`` in ``conf.py``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList

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


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("finsam-regelverk", RegelverkDirektiv)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
