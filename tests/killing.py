"""Kill a long operation at a chosen moment: a child process, warmed up, waits for `go`.

The child's script does its imports and preparation, prints `ready`, waits for a line on
stdin, runs the operation and prints how many seconds it took. The parent can let it finish
(to measure the operation) or SIGKILL it a given time after `go`.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

CHILD = """
import sys, time
{prepare}
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
{operation}
print(time.perf_counter() - started, flush=True)
"""


class Child:
    """One run of the operation in its own process."""

    def __init__(self, prepare: str, operation: str, *args: str) -> None:
        script = CHILD.format(prepare=prepare, operation=operation)
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def go(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def finish(self) -> float:
        """Wait for the operation to end; its length in seconds."""
        assert self.process.stdout is not None
        seconds = float(self.process.stdout.readline())
        self._close()
        return seconds

    def kill_after(self, seconds: float) -> None:
        time.sleep(seconds)
        self.process.send_signal(signal.SIGKILL)
        self._close()

    def _close(self) -> None:
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            assert stream is not None
            stream.close()


def one_ahead(start: Callable[[int], Child], count: int) -> Iterator[Child]:
    """`count` children, each started while the one before runs, so that it is warm when its turn comes."""
    waiting = start(0)
    for number in range(1, count + 1):
        current = waiting
        if number < count:
            waiting = start(number)
        yield current


def kill_at_random(start: Callable[[int], Child], check: Callable[[int], str], kills: int) -> set[str]:
    """Measure one uninterrupted run (`check(0)` must say "after"), then kill `kills` runs at moments spread at
    random over 1.5 times its length, one in each of `kills` equal slices; return what `check` found after each."""
    children = one_ahead(start, kills + 1)
    measuring = next(children)
    measuring.go()
    length = measuring.finish()
    assert check(0) == "after"
    draw = random.Random(20261126)
    found = set()
    for number, child in enumerate(children, start=1):
        child.go()
        child.kill_after(length * 1.5 * (number - draw.random()) / kills)
        found.add(check(number))
    return found
