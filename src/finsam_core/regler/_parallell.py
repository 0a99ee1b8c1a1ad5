"""Private: the ordered, streaming process pool behind `validera_alla` and the CLI."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_SLUT = object()
_ARBETE: tuple[Callable[[Any], Any]] | None = None


def _arbetarstart(funktion: Callable[[Any], Any]) -> None:
    global _ARBETE
    _ARBETE = (funktion,)


def _arbeta(sats: list[Any]) -> list[Any]:
    assert _ARBETE is not None
    (funktion,) = _ARBETE
    return [funktion(x) for x in sats]


def ordnad_parallell(
    funktion: Callable[[Any], Any],
    indata: Iterable[Any],
    *,
    processer: int,
    satsstorlek: int = 256,
    forst_i_processen: int = 0,
) -> Iterator[Any]:
    """``map(funktion, indata)`` over *processer* processes, in input order, streaming.

    At most ``2 × processer`` batches are in flight, so memory stays flat however long
    *indata* is. The first *forst_i_processen* items run in-process, so that a short input
    never pays for starting workers. With one process (or where ``fork`` is unavailable)
    everything runs in-process. *funktion* need not be picklable: workers are forked with
    it in memory.
    """
    if processer <= 1:
        yield from map(funktion, indata)
        return
    indata = iter(indata)
    for _, x in zip(range(forst_i_processen), indata, strict=False):
        yield funktion(x)
    forsta = next(indata, _SLUT)
    if forsta is _SLUT:
        return
    indata = itertools.chain((forsta,), indata)
    # Imported only now: a short input never starts workers, and multiprocessing is a
    # noticeable part of the start-up of `finsam validate` of one file.
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from map(funktion, indata)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processer, initializer=_arbetarstart, initargs=(funktion,)) as pool:
        vantande: deque[Any] = deque()
        sats: list[Any] = []
        for x in indata:
            sats.append(x)
            if len(sats) == satsstorlek:
                vantande.append(pool.apply_async(_arbeta, (sats,)))
                sats = []
                if len(vantande) >= 2 * processer:
                    yield from vantande.popleft().get()
        if sats:
            vantande.append(pool.apply_async(_arbeta, (sats,)))
        while vantande:
            yield from vantande.popleft().get()
