"""exports.files.prefetch: a generator run on its own thread, ahead of its consumer."""

from __future__ import annotations

import threading
from collections.abc import Generator

import pytest

from talentdesk.exports.files import prefetch


def test_items_arrive_in_order_and_are_made_on_one_other_thread() -> None:
    made_on: set[int] = set()

    def items() -> Generator[int, None, None]:
        for n in range(50):
            made_on.add(threading.get_ident())
            yield n

    assert list(prefetch(items)) == list(range(50))
    assert len(made_on) == 1 and threading.get_ident() not in made_on


def test_an_error_in_the_generator_is_raised_to_the_consumer_after_what_came_before() -> None:
    def items() -> Generator[int, None, None]:
        yield 1
        raise OSError(28, "No space left on device")

    seen = []
    with pytest.raises(OSError, match="No space"):
        for item in prefetch(items):
            seen.append(item)
    assert seen == [1]


def test_leaving_early_stops_and_closes_the_generator() -> None:
    closed = threading.Event()
    made = 0

    def items() -> Generator[int, None, None]:
        nonlocal made
        try:
            while True:
                made += 1
                yield made
        finally:
            closed.set()

    for item in prefetch(items, depth=2):
        if item == 3:
            break
    assert closed.is_set()  # the reader's `with` blocks (database sessions) are closed too
    assert made <= 3 + 2 + 1  # never more than `depth` ahead (+ the one waiting to be queued)
