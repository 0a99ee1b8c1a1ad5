"""Writing cases back as YAML or JSON (whole personnummer included: these are case files)."""

from __future__ import annotations

import json

import yaml

from finsam_core.format.konverterare import till_dict
from finsam_core.model.arende import Arende

# YAML 1.1 reads these as line breaks; PyYAML writes them raw in plain and single-quoted
# scalars, so a free text holding one would not read back the same. Double quotes escape them.
_YAML_RADBRYTNINGAR = frozenset("\x85\u2028\u2029")


class _Skrivare(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    stil = '"' if _YAML_RADBRYTNINGAR.intersection(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=stil)


_Skrivare.add_representer(str, _text)


def till_json(arende: Arende, *, indrag: int | None = None) -> str:
    """The case as JSON; one line (for JSON Lines) unless *indrag* is given."""
    return json.dumps(till_dict(arende), ensure_ascii=False, indent=indrag)


def till_yaml(arende: Arende) -> str:
    """The case as a YAML document, keys in the order of the format."""
    return yaml.dump(till_dict(arende), Dumper=_Skrivare, sort_keys=False, allow_unicode=True)
