"""The ``finsam`` command line (click)."""

from finsam_core.cli.app import main

__all__ = ["main"]
