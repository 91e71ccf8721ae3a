"""Progress bars on stderr when it is a terminal; silence when piped or in CI."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def enabled() -> bool:
    """True when stderr is an interactive terminal."""
    return sys.stderr.isatty()


def track(items: Iterable[T], total: int | None = None, description: str = "") -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on stderr if it is a terminal."""
    if not enabled():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
