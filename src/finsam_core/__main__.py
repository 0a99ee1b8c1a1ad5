"""``python -m finsam_core PATH...``: read cases and report input errors (Swedish).

Exit status 2 if any input could not be read as a ``finsam/1`` case, else 0.
"""

from __future__ import annotations

import sys

from finsam_core.format.lasare import Lasare


def main(argv: list[str] | None = None) -> int:
    sokvagar = sys.argv[1:] if argv is None else argv
    if not sokvagar:
        print("användning: python -m finsam_core FIL|MAPP|- ...", file=sys.stderr)
        return 2
    antal = felaktiga = 0
    for inlasning in Lasare().las(*sokvagar):
        antal += 1
        if inlasning.arende is not None:
            print(f"{inlasning.fil}: {inlasning.arende.id}: inläst")
        else:
            felaktiga += 1
            for fel in inlasning.fel:
                print(fel)
    print(f"{antal - felaktiga} av {antal} ärenden inlästa")
    return 2 if felaktiga else 0


if __name__ == "__main__":
    sys.exit(main())
