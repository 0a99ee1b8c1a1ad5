"""The base class of every exception finsam-core raises, and the configuration error.

Exceptions are for programming and configuration mistakes only: bad input is a value
(`Indatafel`, a finding), never an exception. Catch `Finsamfel` to catch all of ours.
"""

from __future__ import annotations


class Finsamfel(Exception):
    """Base of all exceptions raised by finsam-core. Messages are Swedish."""


class Konfigurationsfel(Finsamfel, LookupError):
    """A choice of rule sets or plugins that cannot be honoured: an unknown rule set, one
    that is installed but deselected (``FINSAM_PLUGINS``) or failed to load, or a local
    rule the host refused."""
