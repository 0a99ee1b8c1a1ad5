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
