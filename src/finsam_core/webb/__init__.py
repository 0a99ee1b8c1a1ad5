"""``finsam serve``: the library over HTTP for case systems, and a page for caseworkers.

Needs the optional extra ``serve`` (``pip install 'finsam-core[serve]'``: Starlette,
uvicorn, Jinja2, python-multipart). `skapa_app` builds the ASGI application for a
`Tjanst` (plugins, checker, limits); the command in `finsam_core.cli.serve` runs it.
"""

from finsam_core.webb.app import skapa_app
from finsam_core.webb.tjanst import Installningar, Tjanst

__all__ = ["Installningar", "Tjanst", "skapa_app"]
