"""Compare ``finsam validate`` output of two source trees, byte for byte (issue 17).

    python benchmarks/jamfor_utdata.py OLD_TREE [NEW_TREE] [--antal N]

A tree is a checkout of this repository (``git archive REV | tar -x -C DIR`` gives one for
any revision). Each is run with its own ``src`` and ``plugins/*/src`` first on
``PYTHONPATH``, in the Python that runs this script, on the examples (every file under
``examples/``, each as its own run, and the folder as one run) and on N generated cases
(default 1,000: SOFINT and Eda, `generera.py`, plus every tenth line broken to exercise the
input errors), with ``-j 1`` and with ``-j 2``, in every ``--format``. Prints each
difference, and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

ROT = Path(__file__).resolve().parent.parent
DATUM = "2026-11-23"


def _miljo(trad: Path) -> dict[str, str]:
    vagar = [trad / "src", *sorted((trad / "plugins").glob("*/src"))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, vagar)), "NO_COLOR": "1"}


def _kor(trad: Path, argument: list[str]) -> tuple[int, bytes, bytes]:
    kommando = [sys.executable, "-m", "finsam_core", "validate", "--datum", DATUM, *argument]
    svar = subprocess.run(kommando, capture_output=True, env=_miljo(trad), cwd=trad)
    return svar.returncode, svar.stdout, svar.stderr


def _genererad_fil(mapp: Path, antal: int) -> Path:
    fil = mapp / "genererade.jsonl"
    rader = []
    for i, a in enumerate(arenden(antal, seed=17)):
        rad = json.dumps(a, ensure_ascii=False)
        if i % 10 == 9:
            rad = rad.replace('"datum": "', '"datum": "x', 1) if i % 20 == 9 else rad[:-3]
        rader.append(rad)
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")
    return fil


def main() -> None:
    tolk = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tolk.add_argument("gammal", type=Path)
    tolk.add_argument("ny", type=Path, nargs="?", default=ROT)
    tolk.add_argument("--antal", type=int, default=1_000)
    argument = tolk.parse_args()
    with tempfile.TemporaryDirectory() as mapp:
        genererad = _genererad_fil(Path(mapp), argument.antal)
        exempel = sorted(
            str(p.relative_to(ROT))
            for p in (ROT / "examples").rglob("*")
            if p.suffix in (".yaml", ".yml", ".json", ".jsonl")
        )
        fall = [[e] for e in exempel] + [["examples"], [str(genererad)]]
        skillnader = antal = 0
        for sokvagar in fall:
            for utformat in ("text", "json", "jsonl"):
                for jobb in ("1", "2"):
                    if jobb == "2" and sokvagar != [str(genererad)]:
                        continue
                    flaggor = ["-o", utformat, "-j", jobb, "--ingen-farg", *sokvagar]
                    gammal = _kor(argument.gammal.resolve(), flaggor)
                    ny = _kor(argument.ny.resolve(), flaggor)
                    antal += 1
                    if gammal != ny:
                        skillnader += 1
                        print(f"SKILLNAD: {' '.join(flaggor)}")
                        for namn, a, b in zip(
                            ("slutkod", "stdout", "stderr"), gammal, ny, strict=True
                        ):
                            if a != b:
                                print(f"  {namn}: {str(a)[:300]!r}\n      != {str(b)[:300]!r}")
        print(f"{antal} körningar jämförda, {skillnader} med skillnader")
    sys.exit(1 if skillnader else 0)


if __name__ == "__main__":
    main()
