"""Sphinx configuration for finsam-core."""

from __future__ import annotations

from finsam_core import __version__

project = "finsam-core"
author = "finsam-core developers"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "finsam_core.sphinxext",
    "finsam_umea.sphinxext",
    "sphinx_click",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_heading_anchors = 3
exclude_patterns = ["_build"]
language = "en"
html_theme = "alabaster"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
nitpicky = False
suppress_warnings = ["myst.header"]

# sphinx-click writes its section headings in English ("Usage", "Options", ...) with no
# setting to change them: translate the rubrics of the CLI reference after reading.
KLICKRUBRIKER = {
    "Usage": "Användning",
    "Options": "Flaggor",
    "Arguments": "Argument",
    "Environment variables": "Miljövariabler",
    "Commands": "Kommandon",
}


def _svenska_rubriker(app: object, doctree: object) -> None:
    from docutils import nodes

    assert isinstance(doctree, nodes.document)
    for rubrik in doctree.findall(nodes.rubric):
        svensk = KLICKRUBRIKER.get(rubrik.astext())
        if svensk is not None:
            rubrik.children = []
            rubrik += nodes.Text(svensk)


# The words sphinx-click puts inside the entries of options and arguments.
KLICKORD = (
    ("    :options: ", "    :Värden: "),
    ("    :default: ", "    :Standard: "),
    ("**Required**", "**Obligatorisk**"),
    ("Required argument(s)", "Obligatoriskt argument (ett eller flera)"),
    ("Optional argument(s)", "Valfritt argument (ett eller flera)"),
    ("Required argument", "Obligatoriskt argument"),
    ("Optional argument", "Valfritt argument"),
)


def _svenska_rader(app: object, ctx: object, rader: list[str]) -> None:
    for i, rad in enumerate(rader):
        for engelska, svenska in KLICKORD:
            rad = rad.replace(engelska, svenska)
        rader[i] = rad


def setup(app: object) -> None:
    app.connect("doctree-read", _svenska_rubriker)  # type: ignore[attr-defined]
    for handelse in ("options", "arguments"):
        app.connect(f"sphinx-click-process-{handelse}", _svenska_rader)  # type: ignore[attr-defined]
