"""The hostile-input campaign (issue 18): mutated example cases through every command that
reads cases, each run in its own process, with the invariants checked per run.

    .venv/bin/python benchmarks/fientlig.py [--antal 10000] [--fro 18] [--tid 5]

Each run is a ``fork`` of a parent that has already loaded the plugins (so a run costs
milliseconds, not an interpreter start) and runs ``finsam`` as the command line does. Per
run: the exit status (0, 1 or 2; never 3 or a signal), no ``Traceback``, no form of the
planted personnummer in stdout or stderr, no input error without a line (``validate -o
json``, except errors about a whole file), wall time under ``--tid`` seconds and the peak
memory of the process (``ru_maxrss``). Prints a table; exits 1 if any invariant broke.
Not run by CI (it takes minutes); ``tests/test_fientlig_egenskaper.py`` is the quick
version in-process.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT))

from tests.mutationer import PNR, exempelfall, lacker, mutera  # noqa: E402

KOMMANDON = [
    ["validate", "-o", "text"],
    ["validate", "-o", "json"],
    ["validate", "-o", "jsonl"],
    ["agenda", "-o", "json"],
    ["explain", "-o", "text"],
    ["explain", "-o", "json"],
    ["arenor", "-o", "json"],
    ["rapport", "deltagare", "-o", "json"],
    ["rapport", "deltagare", "-o", "html"],
]


def _kor_i_barn(argument: list[str], ut: Path, fel: Path, tid: float) -> tuple[int, float, int]:
    """Run ``finsam ARGUMENT`` in a forked child: (status, seconds, peak KB)."""
    from finsam_core.cli.app import main

    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        signal.alarm(int(tid) + 1)
        fd_ut = os.open(ut, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        fd_fel = os.open(fel, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd_ut, 1)
        os.dup2(fd_fel, 2)
        sys.argv = ["finsam", *argument]
        kod = 0
        try:
            main()
        except SystemExit as slut:
            kod = slut.code if isinstance(slut.code, int) else 0
        except BaseException:
            import traceback

            traceback.print_exc()
            kod = 99
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(kod)
    _, status, anvandning = os.wait4(pid, 0)
    return status, time.monotonic() - start, anvandning.ru_maxrss


UTAN_RAD_OK = {"tom_fil", "fil_saknas", "fil_oläsbar", "okand_filtyp", "for_stor"}
"""Input errors about a whole file, which has no line to name."""


def _utan_rad(utdata: str) -> list[str]:
    """``["indatafel utan rad"]`` if `validate -o json` reported an input error without a
    line in a file that has lines (issue 18: every such error names its line)."""
    import json

    try:
        data = json.loads(utdata)
    except ValueError:
        return []
    fel = data.get("indatafel", []) if isinstance(data, dict) else []
    if any("rad" not in f and f.get("kod") not in UTAN_RAD_OK for f in fel):
        return ["indatafel utan rad"]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antal", type=int, default=10_000)
    parser.add_argument("--fro", type=int, default=18)
    parser.add_argument("--tid", type=float, default=5.0)
    parser.add_argument("--minne", type=int, default=300, help="MB")
    args = parser.parse_args()

    from finsam_core.cli import agenda, arenor, forklara, rapport, validera  # noqa: F401
    from finsam_core.plugins.vard import hamta_vard

    hamta_vard().arenor()  # load plugins and arenas before forking
    fall = exempelfall()
    slump = random.Random(args.fro)
    raknare: collections.Counter[str] = collections.Counter()
    exempel: dict[str, str] = {}
    langsammast = 0.0
    mest_minne = 0
    with tempfile.TemporaryDirectory() as tmp:
        mapp = Path(tmp)
        ut, fel = mapp / "ut", mapp / "fel"
        for nummer in range(args.antal):
            text, filtyp = mutera(slump.choice(fall), slump)
            fil = mapp / f"{PNR}{filtyp}"
            fil.write_text(text, errors="surrogatepass")
            argument = [*slump.choice(KOMMANDON), "--datum", "2025-06-01", str(fil)]
            status, sekunder, kb = _kor_i_barn(argument, ut, fel, args.tid)
            utdata = ut.read_text(errors="replace") + fel.read_text(errors="replace")
            raknare["körningar"] += 1
            raknare[f"exit {os.waitstatus_to_exitcode(status)}"] += 1
            langsammast = max(langsammast, sekunder)
            if len(text.encode(errors="surrogatepass")) < 1024 * 1024:
                mest_minne = max(mest_minne, kb)
            brott = []
            if os.WIFSIGNALED(status):
                brott.append("signal")
            elif os.WEXITSTATUS(status) not in (0, 1, 2):
                brott.append("exit 3 eller annat")
            if "Traceback" in utdata:
                brott.append("traceback")
            if lacker(utdata):
                brott.append("personnummer")
            if "regelfel" in utdata or "kunde inte köras" in utdata:
                brott.append("regelfel")
            if argument[:3] == ["validate", "-o", "json"] and text.strip():
                brott += _utan_rad(ut.read_text(errors="replace"))
            if sekunder > args.tid:
                brott.append(f"över {args.tid} s")
            if kb > args.minne * 1024:
                brott.append(f"över {args.minne} MB")
            for b in brott:
                raknare[f"BROTT {b}"] += 1
                exempel.setdefault(b, f"{argument} {text[:300]!r}")
            if nummer % 1000 == 999:
                print(f"{nummer + 1} körningar …", file=sys.stderr)
    print("| mått | värde |\n| --- | --- |")
    for namn, antal in sorted(raknare.items()):
        print(f"| {namn} | {antal} |")
    print(f"| längsta körning | {langsammast:.2f} s |")
    print(f"| högsta minne (indata < 1 MB) | {mest_minne / 1024:.0f} MB |")
    for brott, text in exempel.items():
        print(f"\nexempel på {brott}: {text}")
    return 1 if exempel else 0


if __name__ == "__main__":
    sys.exit(main())
