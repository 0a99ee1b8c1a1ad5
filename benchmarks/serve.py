"""Benchmark: ``finsam serve`` under load on loopback, against the CLI on the same cases.

    python benchmarks/serve.py [N] [KLIENTER] [VARV]

Writes N SOFINT-shaped cases (default 10,000; at most 100,000) as JSON Lines, starts
``finsam serve -r sofint --ingen-logg`` on 127.0.0.1 (a free port; never another address)
and then, VARV rounds (default 3) interleaved so that load from other processes on a
shared machine hits every figure alike:

1. ``finsam validate --format jsonl -r sofint -j 1 -`` on the file (one process, one core):
   wall time and CPU time;
2. KLIENTER (default 8) concurrent client processes, each on its own keep-alive
   connection, posting its share of the cases one request each to ``/api/v1/validera``:
   p50 and p99 latency, throughput, and the server's CPU time (from /proc);
3. the same cases as one streamed ``/api/v1/validera/sats`` request.

Throughput per core is cases per CPU second of the checking process (the CLI's, the
server's): the target (issue 19) is the server within 1.5x of the CLI. Each figure is the
best of the rounds, and the spread beside it is (worst - best) / best, to show how noisy
the machine was; the ratio is of the best figures. The clients run in other processes so
that their CPU time is not the server's. Every answer is checked to be a 200 with the
expected number of cases. Requires finsam-sofint and the extra ``serve``.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generera import arenden

DATUM = "2026-11-23"
HOGST = 100_000
VARD = "127.0.0.1"


def _cpu_sekunder(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    falt = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(falt[11]) + int(falt[12])) / os.sysconf("SC_CLK_TCK")


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind((VARD, 0))
        port: int = s.getsockname()[1]
        return port


def _klient(argument: tuple[int, list[bytes]]) -> list[float]:
    """One client: its cases one request each on one connection; latencies in seconds."""
    port, rader = argument
    forbindelse = http.client.HTTPConnection(VARD, port, timeout=60)
    tider = []
    for rad in rader:
        start = time.perf_counter()
        forbindelse.request(
            "POST",
            f"/api/v1/validera?datum={DATUM}",
            body=rad,
            headers={"Content-Type": "application/json"},
        )
        svar = forbindelse.getresponse()
        data = svar.read()
        tider.append(time.perf_counter() - start)
        if svar.status != 200:
            raise RuntimeError(f"status {svar.status}: {data[:200]!r}")
    forbindelse.close()
    return tider


def _sats(port: int, fil: Path) -> tuple[int, int]:
    """POST the file to the batch endpoint, sending and reading at once: (status, results)."""
    uttag = socket.create_connection((VARD, port), timeout=300)
    huvud = (
        f"POST /api/v1/validera/sats?datum={DATUM} HTTP/1.1\r\nHost: {VARD}\r\n"
        f"Content-Type: application/x-ndjson\r\nContent-Length: {fil.stat().st_size}\r\n"
        "Connection: close\r\n\r\n"
    )

    def skicka() -> None:
        uttag.sendall(huvud.encode())
        with fil.open("rb") as indata:
            while bit := indata.read(1 << 16):
                uttag.sendall(bit)

    sandare = threading.Thread(target=skicka)
    sandare.start()
    svar = bytearray()
    while bit := uttag.recv(1 << 16):
        svar += bit
    sandare.join()
    uttag.close()
    status = int(svar.split(b" ", 2)[1])
    return status, svar.count(b'"konfigurationsfel"')  # one per result


def _percentil(sorterade: list[float], andel: float) -> float:
    return sorterade[min(len(sorterade) - 1, int(len(sorterade) * andel))]


def _bast(varden: list[float]) -> tuple[float, float]:
    """The best (smallest) of the rounds' times, and the spread (worst - best) / best."""
    return min(varden), (max(varden) - min(varden)) / min(varden)


def main() -> None:
    antal = min(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, HOGST)
    klienter = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    varv = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    finsam = shutil.which("finsam") or sys.exit("finsam is not installed")
    with tempfile.TemporaryDirectory() as mapp:
        fil = Path(mapp) / "arenden.jsonl"
        with fil.open("w", encoding="utf-8") as ut:
            for arende in arenden(antal, andel_sofint=1.0):
                ut.write(json.dumps(arende, ensure_ascii=False) + "\n")
        rader = fil.read_bytes().splitlines()
        print(
            f"{antal} ärenden ({fil.stat().st_size / 2**20:.1f} MiB), {klienter} klienter, "
            f"{varv} varv"
        )
        validera = [finsam, "validate", "-o", "jsonl", "-r", "sofint", "--datum", DATUM, "-j", "1"]
        port = _ledig_port()
        server = subprocess.Popen(
            [finsam, "serve", "--host", VARD, "--port", str(port), "-r", "sofint", "--ingen-logg"],
            stderr=subprocess.DEVNULL,
        )
        cli: dict[str, list[float]] = {"vagg": [], "cpu": []}
        per_arende: dict[str, list[float]] = {"vagg": [], "cpu": [], "p50": [], "p99": []}
        sats: dict[str, list[float]] = {"vagg": [], "cpu": []}
        try:
            for _ in range(300):
                try:
                    http.client.HTTPConnection(VARD, port, timeout=1).request("GET", "/halsa")
                    break
                except OSError:
                    time.sleep(0.05)
            _klient((port, rader[:200]))  # warm up (imports, first requests)
            delar = [(port, rader[i::klienter]) for i in range(klienter)]
            with multiprocessing.get_context("spawn").Pool(klienter) as pool:
                for _ in range(varv):
                    # 1. the CLI, one process
                    with fil.open("rb") as stdin, open(os.devnull, "wb") as stdout:
                        start = time.perf_counter()
                        process = subprocess.Popen([*validera, "-"], stdin=stdin, stdout=stdout)
                        _, _, anvandning = os.wait4(process.pid, 0)
                        cli["vagg"].append(time.perf_counter() - start)
                    cli["cpu"].append(anvandning.ru_utime + anvandning.ru_stime)

                    # 2. the service, one request per case from concurrent clients
                    cpu_fore = _cpu_sekunder(server.pid)
                    start = time.perf_counter()
                    tider = sorted(t for del_ in pool.map(_klient, delar) for t in del_)
                    per_arende["vagg"].append(time.perf_counter() - start)
                    per_arende["cpu"].append(_cpu_sekunder(server.pid) - cpu_fore)
                    assert len(tider) == antal
                    per_arende["p50"].append(_percentil(tider, 0.5))
                    per_arende["p99"].append(_percentil(tider, 0.99))

                    # 3. the service, one streamed batch: sent from a thread while the
                    # answer is read, since the answer starts before the request ends
                    # (http.client cannot)
                    cpu_fore = _cpu_sekunder(server.pid)
                    start = time.perf_counter()
                    status, utfall = _sats(port, fil)
                    sats["vagg"].append(time.perf_counter() - start)
                    sats["cpu"].append(_cpu_sekunder(server.pid) - cpu_fore)
                    assert (status, utfall) == (200, antal), (status, utfall)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    def rad(namn: str, matt: dict[str, list[float]], tillagg: str = "") -> float:
        (vagg, vagg_spridning), (cpu, cpu_spridning) = _bast(matt["vagg"]), _bast(matt["cpu"])
        print(
            f"{namn}: {antal / vagg:.0f} ärenden/s (spridning {vagg_spridning:.0%}), "
            f"{antal / cpu:.0f} ärenden per CPU-sekund (spridning {cpu_spridning:.0%}){tillagg}"
        )
        return antal / cpu

    per_karna_cli = rad("CLI (finsam validate -j 1)", cli)
    latens = (
        f"; p50 {min(per_arende['p50']) * 1000:.1f} ms, p99 {min(per_arende['p99']) * 1000:.1f} ms"
    )
    per_karna_http = rad("serve, ett ärende per förfrågan (servern)", per_arende, latens)
    rad("serve, en sats (JSON Lines, strömmad)", sats)
    # CPU per case of the service over the CLI's, round by round
    kvoter = sorted(
        tjansten / kommandot
        for tjansten, kommandot in zip(per_arende["cpu"], cli["cpu"], strict=True)
    )
    print(
        f"CLI:s genomströmning per kärna / tjänstens (en förfrågan per ärende): "
        f"{per_karna_cli / per_karna_http:.2f}x av bästa värdena, varven "
        f"{' '.join(f'{k:.2f}' for k in kvoter)}x (mål <= 1.5x)"
    )
    overkostnad = (min(per_arende["cpu"]) - min(cli["cpu"])) / antal * 1e6
    print(f"tjänstens CPU per förfrågan utöver CLI:ns per ärende: {overkostnad:.0f} µs")


if __name__ == "__main__":
    main()
