"""Plugins: the hooks a rule-set package implements, and the host that loads them."""

from finsam_core.plugins.hookspecs import (
    ENTRY_POINT_GRUPP,
    RegistreraArenor,
    RegistreraRegelverk,
    UtokaRegelverk,
    hookimpl,
)
from finsam_core.plugins.vard import (
    Plugininfo,
    Pluginproblem,
    Pluginvard,
    aterstall_vard,
    hamta_vard,
)

__all__ = [
    "ENTRY_POINT_GRUPP",
    "Plugininfo",
    "Pluginproblem",
    "Pluginvard",
    "RegistreraArenor",
    "RegistreraRegelverk",
    "UtokaRegelverk",
    "aterstall_vard",
    "hamta_vard",
    "hookimpl",
]
