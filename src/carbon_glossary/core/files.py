"""Reading a file that a person names: only a regular file, and only up to a size.

A FIFO named as a glossary blocks ``open()`` until someone writes to it, ``/dev/zero`` never
ends, and a multi-gigabyte file exhausts memory. So every file the program reads (glossary,
paper, cache) is opened without blocking, checked to be a regular file *after* opening
(``fstat`` on the open descriptor, so a swap between check and read cannot fool it), and
read up to a limit.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

__all__ = [
    "CACHE_LIMIT",
    "GLOSSARY_LIMIT",
    "PAPER_LIMIT",
    "UnreadableFile",
    "open_regular_file",
    "read_regular_file",
]

MIB = 1024 * 1024
GLOSSARY_LIMIT = 64 * MIB  # a 100,000-term glossary is ~25 MB
PAPER_LIMIT = 1 * MIB  # a paper spec is a few hundred bytes
CACHE_LIMIT = 256 * MIB  # a cached 100,000-term glossary is ~40 MB

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class UnreadableFile(Exception):
    """Why a file cannot be read. ``reason`` is one of ``empty_name``, ``missing``,
    ``directory``, ``permission``, ``not_regular``, ``too_large`` (``limit_mb`` set) or
    ``other`` (``detail`` holds the system's words)."""

    def __init__(self, reason: str, *, detail: str = "", limit_mb: int = 0) -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail
        self.limit_mb = limit_mb


def open_regular_file(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file ``path`` opened for reading in binary, or :class:`UnreadableFile`.
    Never blocks on a FIFO or device."""
    if os.fspath(path) == "":
        raise UnreadableFile("empty_name")
    try:
        descriptor = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise UnreadableFile("missing") from None
    except IsADirectoryError:
        raise UnreadableFile("directory") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows refuses to open a folder this way
            raise UnreadableFile("directory") from None
        raise UnreadableFile("permission") from None
    except OSError as error:
        raise UnreadableFile("other", detail=error.strerror or type(error).__name__) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise UnreadableFile("directory" if stat.S_ISDIR(mode) else "not_regular")
    return os.fdopen(descriptor, "rb")


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or
    :class:`UnreadableFile`. Never blocks on a FIFO or device."""
    with open_regular_file(path) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise UnreadableFile("other", detail=error.strerror or type(error).__name__) from None
    if len(data) > limit:
        raise UnreadableFile("too_large", limit_mb=limit // MIB)
    return data
