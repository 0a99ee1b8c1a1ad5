"""Writing cases back as YAML or JSON (whole personnummer included: these are case files)."""

from __future__ import annotations

import json

import yaml

from finsam_core.format.konverterare import till_dict
from finsam_core.model.arende import Arende


def till_json(arende: Arende, *, indrag: int | None = None) -> str:
    """The case as JSON; one line (for JSON Lines) unless *indrag* is given."""
    return json.dumps(till_dict(arende), ensure_ascii=False, indent=indrag)


def till_yaml(arende: Arende) -> str:
    """The case as a YAML document, keys in the order of the format."""
    return yaml.safe_dump(till_dict(arende), sort_keys=False, allow_unicode=True)
