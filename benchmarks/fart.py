"""Benchmark (issue 17): every throughput figure as a ratio to ``json.loads``, in one run.

    python benchmarks/fart.py [--antal N] [--stor N] [--upprepningar R] [--utan-stor]

Generates N SOFINT-shaped cases (default 20,000), N mixed SOFINT/Eda cases and N cases of
all five rule sets (`generera.alla_arenden`) as JSON Lines, then measures, each figure R
times (default 5 in-process, 3 for processes), the rounds interleaved so that load from
other processes on a shared machine hits every figure alike:

- in one process: ``json.loads`` of every line (the floor), the reader (`Lasare.las_rader`),
  the rules (`validera` on cases already read, each against its own rule sets);
- as processes reading the file: a process that only runs ``json.loads`` per line (the
  floor), ``finsam validate --format jsonl`` with ``-j 1`` and with the default workers;
- peak RSS of ``finsam validate -j 1`` for each ``--format`` at N and at the large size
  (default 200,000; one run each), and at the large size the default workers' throughput
  against ``-j 1`` (the scaling figure: target at least 0.7 x the number of cores);
- start-up: ``finsam validate`` of one small example file (best of 10; target < 0.15 s),
  as installed: the project's and the plugins' sources compiled to bytecode first
  (``compileall``) and ``PYTHONDONTWRITEBYTECODE`` removed from the child's environment.

Ratios are best-of; the spread printed beside each is (worst - best) / best over the
rounds, to show how noisy the machine was. Requires all five plugins.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import alla_arenden, arenden

from finsam_core import Pluginvard, validera

ROT = Path(__file__).resolve().parent.parent
DATUM = date(2026, 11, 23)
JSON_LOADS = "import json, sys\nfor rad in sys.stdin.buffer:\n    json.loads(rad)\n"
LITEN_FIL = ROT / "examples" / "sofint" / "klart-arende.yaml"
FORMAT = ("text", "json", "jsonl")


class Matning:
    """The times of one figure over the rounds."""

    def __init__(self) -> None:
        self.tider: list[float] = []

    @property
    def basta(self) -> float:
        return min(self.tider)

    @property
    def spridning(self) -> float:
        return (max(self.tider) - self.basta) / self.basta


def _skriv_fil(fil: Path, antal: int, andel_sofint: float | None) -> list[str]:
    """Write *antal* generated cases to *fil*; ``andel_sofint=None``: all five rule sets."""
    kalla = (
        alla_arenden(antal) if andel_sofint is None else arenden(antal, andel_sofint=andel_sofint)
    )
    rader = [json.dumps(a, ensure_ascii=False) for a in kalla]
    fil.write_text("".join(r + "\n" for r in rader), encoding="utf-8")
    return rader


def _process(
    kommando: list[str], indata: Path | None, miljo: dict[str, str] | None = None
) -> tuple[float, int, int]:
    """(seconds, peak RSS in MiB, exit status) of one process, output to /dev/null.

    The peak RSS comes from ``/usr/bin/time`` where there is one: a child forked from this
    process (which holds the generated cases) would count this process's pages as its own
    until it execs, and ``ru_maxrss`` keeps that high-water mark.
    """
    tid_program = shutil.which("time", path="/usr/bin:/bin")
    with tempfile.NamedTemporaryFile("r") as matt:
        if tid_program:
            kommando = [tid_program, "-f", "%M", "-o", matt.name, *kommando]
        with open(indata or os.devnull, "rb") as stdin, open(os.devnull, "wb") as stdout:
            start = time.perf_counter()
            process = subprocess.Popen(kommando, stdin=stdin, stdout=stdout, env=miljo)
            _, status, anvandning = os.wait4(process.pid, 0)
            tid = time.perf_counter() - start
        rss = anvandning.ru_maxrss
        if tid_program:
            rss = int(matt.read().split()[-1])
    return tid, rss // 1024, os.waitstatus_to_exitcode(status)


def _i_processen(rader: list[str], vard: Pluginvard, upprepningar: int) -> dict[str, Matning]:
    lasare = vard.lasare()
    inlasta = [i.arende for i in lasare.las_rader(rader, fil="bench")]
    assert all(a is not None for a in inlasta), "a generated case did not read"
    regelverk: dict[tuple[str, ...], object] = {}
    for a in inlasta:
        assert a is not None
        if a.regelverk not in regelverk:
            regelverk[a.regelverk] = vard.regelverk_for(a.regelverk)
    loads = json.loads

    def bara_json() -> None:
        for rad in rader:
            loads(rad)

    def lasning() -> None:
        for _ in lasare.las_rader(rader, fil="bench"):
            pass

    def regler() -> None:
        for a in inlasta:
            validera(a, regelverk[a.regelverk], DATUM)  # type: ignore[arg-type,index,union-attr]

    satt: dict[str, Callable[[], None]] = {
        "json.loads": bara_json,
        "läsning": lasning,
        "regler": regler,
    }
    matningar = {namn: Matning() for namn in satt}
    for _ in range(upprepningar):
        for namn, funktion in satt.items():
            start = time.perf_counter()
            funktion()
            matningar[namn].tider.append(time.perf_counter() - start)
    return matningar


def _rad(namn: str, m: Matning, golv: Matning, mal: str = "") -> str:
    kvot = m.basta / golv.basta
    return f"  {namn:<44} {m.basta:7.3f} s  {kvot:6.2f}x  (spridning {m.spridning:4.0%})" + (
        f"  mål {mal}" if mal else ""
    )


def main() -> None:
    tolk = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tolk.add_argument("--antal", type=int, default=20_000)
    tolk.add_argument("--stor", type=int, default=200_000)
    tolk.add_argument("--upprepningar", type=int, default=5)
    tolk.add_argument("--utan-stor", action="store_true", help="skip the large size")
    tolk.add_argument("--bara-minne", action="store_true", help="only the memory figures")
    argument = tolk.parse_args()
    finsam = shutil.which("finsam") or sys.exit("finsam is not installed")
    antal, r_in = argument.antal, argument.upprepningar
    r_proc = max(1, (r_in + 1) // 2)
    vard = Pluginvard()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} kärnor, datum {DATUM}")
    print(f"{antal} ärenden; bästa av {r_in} (i processen) och {r_proc} (processer)")

    with tempfile.TemporaryDirectory() as mapp:
        sofint_fil = Path(mapp) / "sofint.jsonl"
        blandad_fil = Path(mapp) / "blandad.jsonl"
        sofint = _skriv_fil(sofint_fil, antal, 1.0)
        blandad = _skriv_fil(blandad_fil, antal, 0.5)
        alla_fil = Path(mapp) / "alla.jsonl"
        alla = _skriv_fil(alla_fil, antal, None)
        storlek = sofint_fil.stat().st_size / antal
        print(f"SOFINT-ärenden: {storlek:.0f} byte per rad\n")

        if not argument.bara_minne:
            for rubrik, rader in (
                ("SOFINT (-r sofint)", sofint),
                ("SOFINT + Eda, egna", blandad),
                ("alla fem regelverk, egna", alla),
            ):
                m = _i_processen(rader, vard, r_in)
                golv = m["json.loads"]
                print(f"i processen, {rubrik}:")
                print(_rad("json.loads per rad (golvet)", golv, golv))
                print(_rad("läsning (las_rader)", m["läsning"], golv, "<= 2x"))
                print(_rad("regler (validera, redan lästa)", m["regler"], golv, "<= 3.5x"))

            print("\nprocesser, utdata till /dev/null:")
            bas = [finsam, "validate", "--datum", DATUM.isoformat()]
            kommandon: dict[str, tuple[list[str], Path]] = {
                "json.loads-process (golvet)": ([sys.executable, "-c", JSON_LOADS], sofint_fil),
                "validate -j 1 -o jsonl -r sofint": (
                    [*bas, "-j", "1", "-o", "jsonl", "-r", "sofint", "-"],
                    sofint_fil,
                ),
                "validate (standard) -o jsonl -r sofint": (
                    [*bas, "-o", "jsonl", "-r", "sofint", "-"],
                    sofint_fil,
                ),
                "json.loads-process, blandad (golvet)": (
                    [sys.executable, "-c", JSON_LOADS],
                    blandad_fil,
                ),
                "validate -j 1 -o jsonl, blandad": (
                    [*bas, "-j", "1", "-o", "jsonl", "-"],
                    blandad_fil,
                ),
                "json.loads-process, alla fem (golvet)": (
                    [sys.executable, "-c", JSON_LOADS],
                    alla_fil,
                ),
                "validate -j 1 -o jsonl, alla fem": (
                    [*bas, "-j", "1", "-o", "jsonl", "-"],
                    alla_fil,
                ),
            }
            tider = {namn: Matning() for namn in kommandon}
            for _ in range(r_proc):
                for namn, (kommando, fil) in kommandon.items():
                    tid, _, kod = _process(kommando, fil)
                    assert kod in (0, 1), f"{namn}: exit status {kod}"
                    tider[namn].tider.append(tid)
            golv = tider["json.loads-process (golvet)"]
            print(_rad("json.loads-process (golvet)", golv, golv))
            print(
                _rad(
                    "validate -j 1 -o jsonl -r sofint",
                    tider["validate -j 1 -o jsonl -r sofint"],
                    golv,
                    "<= 6x",
                )
            )
            print(
                _rad(
                    "validate (standard) -o jsonl -r sofint",
                    tider["validate (standard) -o jsonl -r sofint"],
                    golv,
                )
            )
            golv_b = tider["json.loads-process, blandad (golvet)"]
            print(_rad("json.loads-process, blandad (golvet)", golv_b, golv_b))
            print(
                _rad(
                    "validate -j 1 -o jsonl, blandad",
                    tider["validate -j 1 -o jsonl, blandad"],
                    golv_b,
                    "<= 6x",
                )
            )
            golv_a = tider["json.loads-process, alla fem (golvet)"]
            print(_rad("json.loads-process, alla fem (golvet)", golv_a, golv_a))
            print(
                _rad(
                    "validate -j 1 -o jsonl, alla fem",
                    tider["validate -j 1 -o jsonl, alla fem"],
                    golv_a,
                    "<= 6x",
                )
            )

        storlekar = [(antal, sofint_fil)]
        if not argument.utan_stor:
            stor_fil = Path(mapp) / "stor.jsonl"
            with stor_fil.open("w", encoding="utf-8") as ut:
                for a in arenden(argument.stor, andel_sofint=1.0):
                    ut.write(json.dumps(a, ensure_ascii=False) + "\n")
            storlekar.append((argument.stor, stor_fil))
        bas = [finsam, "validate", "--datum", DATUM.isoformat()]
        print("\nminne (topp-RSS), validate -j 1 -r sofint, en körning var:")
        j1_stor: float | None = None
        for n, fil in storlekar:
            delar = []
            for utformat in FORMAT:
                tid, rss, kod = _process(
                    [*bas, "-j", "1", "-o", utformat, "-r", "sofint", str(fil)], None
                )
                assert kod in (0, 1), f"--format {utformat}: exit status {kod}"
                delar.append(f"{utformat} {rss} MiB ({tid:.1f} s)")
                if utformat == "jsonl" and n == argument.stor:
                    j1_stor = tid
            print(f"  {n:>8} ärenden: " + ", ".join(delar))
        if j1_stor is not None:
            t_std, rss, _ = _process(
                [*bas, "-o", "jsonl", "-r", "sofint", str(storlekar[-1][1])], None
            )
            karnor = min(os.cpu_count() or 1, 8)
            print(
                f"\nskalning på {argument.stor} ärenden: -j 1 {j1_stor:.1f} s, standard "
                f"({karnor} processer) {t_std:.1f} s ({rss} MiB i huvudprocessen): "
                f"{j1_stor / t_std:.2f}x genomströmning (mål >= {0.7 * karnor:.1f}x)"
            )

    if argument.bara_minne:
        return
    print("\nuppstart (installerat: bytekod kompilerad, PYTHONDONTWRITEBYTECODE borttagen):")
    # An installed package has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module on every start and measure the compiler instead.
    kallor = [ROT / "src", *sorted((ROT / "plugins").glob("*/src"))]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *map(str, kallor)], check=True)
    miljo = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = [Matning(), Matning()]
    for _ in range(10):
        start[0].tider.append(_process([sys.executable, "-c", "pass"], None, miljo)[0])
        kommando = [finsam, "validate", "--datum", DATUM.isoformat(), str(LITEN_FIL)]
        start[1].tider.append(_process(kommando, None, miljo)[0])
    print(f"  python -c pass                                 {start[0].basta:.3f} s")
    print(
        f"  finsam validate {LITEN_FIL.relative_to(ROT)}"
        f"  {start[1].basta:.3f} s (spridning {start[1].spridning:.0%}; mål < 0.15 s)"
    )


if __name__ == "__main__":
    main()
