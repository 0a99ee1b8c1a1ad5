"""Benchmark: ``finsam test`` on N generated YAML rule tests in one file; time must grow
linearly with N.

    python benchmarks/regeltester.py [N ...]

For each N (default 250, 500, 1,000) writes one ``test_genererade.yaml`` with N tests (the
SOFINT example case, each with its own answer date, so each test is parsed and run), then
reports the time to read the file (``las_regeltester``), the time of ``finsam test`` on it
as its own process (best of 3), and the time per test. Linear: the time per test stays flat
as N grows (reading the file was quadratic before 0.1: it composed the YAML once per test).
Requires finsam-sofint installed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROT = Path(__file__).resolve().parent.parent
ARENDE = ROT / "examples" / "sofint" / "klart-arende.yaml"


def skriv_tester(mapp: Path, antal: int) -> Path:
    """N tests of SOFINT-07 around its deadline, half on time and half late."""
    tester = []
    for i in range(antal):
        dag = date(2025, 1, 1) + timedelta(days=i % 300)
        tester.append(
            {
                "namn": f"test {i}",
                "regelverk": "sofint",
                "datum": "2026-11-23",
                "arende_fil": str(ARENDE),
                "endast": ["SOFINT-07"],
                "forvantat": {"varning": []},
                "kalla": f"genererad {dag}",
            }
        )
    fil = mapp / "test_genererade.yaml"
    fil.write_text(yaml.safe_dump(tester, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fil


def main(storlekar: list[int]) -> None:
    from finsam_core.testning.regeltest import las_regeltester

    print(f"{'tester':>7} {'läsning s':>10} {'finsam test s':>14} {'ms per test':>12}")
    for antal in storlekar:
        with tempfile.TemporaryDirectory() as tmp:
            fil = skriv_tester(Path(tmp), antal)
            start = time.perf_counter()
            lasta = list(las_regeltester(fil))
            lasning = time.perf_counter() - start
            assert len(lasta) == antal
            basta = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "finsam_core", "test", str(fil)],
                    capture_output=True,
                    check=False,
                )
                basta = min(basta, time.perf_counter() - start)
            print(f"{antal:>7} {lasning:>10.2f} {basta:>14.2f} {1000 * basta / antal:>12.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000])
