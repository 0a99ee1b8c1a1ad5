"""Benchmark: ``finsam rapport`` against ``finsam validate`` on the same cases.

    python benchmarks/rapport.py [N ...]

For each N (default 20,000 and 200,000) writes N generated cases (half SOFINT-shaped, half
Eda-shaped, `generera.py`) as JSON Lines, then runs, each as its own process reading the
file:

- ``finsam validate --format jsonl --datum 2026-11-23 FILE`` (the yardstick), and
- ``finsam rapport R FILE --period 2025 --format json`` for the reports ``deltagare``,
  ``eda-manad`` and ``sofint-nyckeltal``,

with output to /dev/null, and reports wall time (best of 3 for small N, one run for large),
the ratio report/validate (target: at most 1.5x) and peak RSS (target: flat as N grows).
Requires finsam-sofint and finsam-eda installed.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from cli import _basta
from generera import arenden

RAPPORTER = ("deltagare", "eda-manad", "sofint-nyckeltal")


def main() -> None:
    storlekar = [int(a) for a in sys.argv[1:]] or [20_000, 200_000]
    finsam = shutil.which("finsam") or sys.exit("finsam is not installed")
    with tempfile.TemporaryDirectory() as mapp:
        for antal in storlekar:
            fil = Path(mapp) / f"{antal}.jsonl"
            with fil.open("w", encoding="utf-8") as ut:
                for arende in arenden(antal):
                    ut.write(json.dumps(arende, ensure_ascii=False) + "\n")
            upprepningar = 3 if antal <= 50_000 else 1
            validera = [finsam, "validate", "--format", "jsonl", "--datum", "2026-11-23", str(fil)]
            t_val, rss_val, _ = _basta(validera, None, upprepningar)
            print(
                f"{antal:>8} ärenden ({fil.stat().st_size / 2**20:.0f} MiB): "
                f"finsam validate {t_val:.2f} s ({rss_val} MiB)"
            )
            for rapport in RAPPORTER:
                kommando = [finsam, "rapport", rapport, str(fil), "--period", "2025", "-o", "json"]
                t, rss, kod = _basta(kommando, None, upprepningar)
                print(
                    f"{'':>8} finsam rapport {rapport:<17} {t:.2f} s ({rss} MiB), "
                    f"kvot {t / t_val:.2f}x (mål <= 1.5x), slutkod {kod}"
                )


if __name__ == "__main__":
    main()
