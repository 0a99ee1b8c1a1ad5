"""The ``finsam/1`` case format: reading, writing, errors and JSON Schema."""

from finsam_core.format.fel import Indatafel, Inlasning
from finsam_core.format.konverterare import Konverterare, till_dict
from finsam_core.format.lasare import FILTYPER, STDIN, Lasare, las
from finsam_core.format.schema import json_schema
from finsam_core.format.skrivare import till_json, till_yaml

__all__ = [
    "FILTYPER",
    "STDIN",
    "Indatafel",
    "Inlasning",
    "Konverterare",
    "Lasare",
    "json_schema",
    "las",
    "till_dict",
    "till_json",
    "till_yaml",
]
