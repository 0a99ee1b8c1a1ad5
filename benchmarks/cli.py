"""Benchmark: ``finsam validate --format jsonl -`` against plain ``json.loads``, and start-up.

    python benchmarks/cli.py [N ...]

For each N (default 20,000 and 200,000) writes N SOFINT-shaped cases as JSON Lines, then
runs, each as its own process reading the file on standard input:

- ``python -c 'json.loads every line'`` (the floor), and
- ``finsam validate --format jsonl -r sofint --datum 2026-11-23 -`` (output to /dev/null),

and reports wall time (best of 3), the ratio (target for 20,000: at most 8x) and peak RSS
of each (from ``os.wait4``; target: flat as N grows). Then times ``finsam --help`` and
``finsam --version`` (best of 10; target < 0.3 s). Requires finsam-sofint installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

JSON_LOADS = "import json, sys\nfor rad in sys.stdin.buffer:\n    json.loads(rad)\n"


def _kor(kommando: list[str], indata: Path | None) -> tuple[float, int, int]:
    """(seconds, peak RSS in MiB, exit status) of one process."""
    with open(indata or os.devnull, "rb") as stdin, open(os.devnull, "wb") as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(kommando, stdin=stdin, stdout=stdout)
        _, status, anvandning = os.wait4(process.pid, 0)
        tid = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return tid, anvandning.ru_maxrss // 1024, process.returncode


def _basta(kommando: list[str], indata: Path | None, antal: int) -> tuple[float, int, int]:
    matningar = [_kor(kommando, indata) for _ in range(antal)]
    return min(m[0] for m in matningar), max(m[1] for m in matningar), matningar[-1][2]


def main() -> None:
    storlekar = [int(a) for a in sys.argv[1:]] or [20_000, 200_000]
    finsam = shutil.which("finsam") or sys.exit("finsam is not installed")
    validera = [
        finsam,
        "validate",
        "--format",
        "jsonl",
        "-r",
        "sofint",
        "--datum",
        "2026-11-23",
        "-",
    ]
    with tempfile.TemporaryDirectory() as mapp:
        for antal in storlekar:
            fil = Path(mapp) / f"{antal}.jsonl"
            with fil.open("w", encoding="utf-8") as ut:
                for arende in arenden(antal, andel_sofint=1.0):
                    ut.write(json.dumps(arende, ensure_ascii=False) + "\n")
            upprepningar = 3 if antal <= 50_000 else 1
            t_json, rss_json, _ = _basta([sys.executable, "-c", JSON_LOADS], fil, upprepningar)
            t_cli, rss_cli, kod = _basta(validera, fil, upprepningar)
            print(
                f"{antal:>8} ärenden ({fil.stat().st_size / 2**20:.0f} MiB): "
                f"json.loads {t_json:.2f} s ({rss_json} MiB), "
                f"finsam validate {t_cli:.2f} s ({rss_cli} MiB), "
                f"kvot {t_cli / t_json:.2f}x (mål <= 8x), slutkod {kod}"
            )
    for flagga in ("--help", "--version"):
        tid, _, _ = _basta([finsam, flagga], None, 10)
        print(f"finsam {flagga}: {tid:.3f} s (mål < 0.3 s)")


if __name__ == "__main__":
    main()
