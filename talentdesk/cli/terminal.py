"""What the command line prints goes to a terminal: a stored name holding ``ESC [ 2 J`` would
clear the screen, retitle the window or recolour what follows. ``guard_output`` wraps stdout
and stderr so that every control character in printed text appears as a visible ``\\u001b``
escape (still valid inside JSON strings) instead of reaching the terminal. Tab and line feed
pass; a carriage return passes only at the start of a write (the progress lines use it)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from talentdesk.core.text import escape_controls


class EscapingStream:
    """A text stream that escapes control characters on their way to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if text.startswith("\r"):
            self._stream.write("\r" + escape_controls(text[1:]))
        else:
            self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, encoding, isatty, close…
        return getattr(self._stream, name)


def guard_output() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once) for the rest of the command."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, EscapingStream):
            setattr(sys, name, EscapingStream(stream))
