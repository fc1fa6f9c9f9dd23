"""Run work over several processes without building every task up front."""

from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["bounded_map"]


def bounded_map(fn: Callable[[T], R], tasks: Iterable[T], jobs: int = 1) -> Iterator[R]:
    """``map(fn, tasks)`` in order, over ``jobs`` processes, with at most two tasks per process
    in flight, so that memory stays flat however many tasks there are.

    Examples
    --------
    >>> list(bounded_map(abs, [-1, 2, -3]))
    [1, 2, 3]
    """
    if jobs <= 1:
        yield from map(fn, tasks)
        return
    with ProcessPoolExecutor(jobs) as pool:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(fn, task))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
