"""Pausing the cyclic garbage collector while a glossary is read."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc(collect_after: int | None = None) -> Iterator[None]:
    """Pause the cyclic collector, then restore its state.

    Reading makes many small objects and no reference cycles: the collector, woken again and
    again, would only slow it down. With ``collect_after``, it is run once at the end when more
    than that many objects were allocated meanwhile (else it would run several times later on).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
            if collect_after is not None and gc.get_count()[0] > collect_after:
                gc.collect()
