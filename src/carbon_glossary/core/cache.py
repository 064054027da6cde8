"""A cache of loaded glossaries, so that opening an unchanged glossary again is fast.

Loading a glossary means parsing TOML, checking it and resolving every reading with pypinyin
(whose import alone costs ~150 ms). The result depends only on the file's bytes and on the
code and data that turn them into terms, so it is cached under a key made of:

* the file's content hash (BLAKE2b),
* the versions of carbon-glossary, pypinyin and opencc (read with ``importlib.metadata``,
  which imports neither library),
* the size and modification time of the core modules that build terms, so a source checkout
  whose code changed without a version bump does not reuse stale readings,
* the cache format number.

One cache file per glossary path (named by a hash of the resolved path), so editing a file
replaces its entry instead of piling up new ones. The file is a short header (magic and key)
followed by a pickle of our own frozen dataclasses; it lives in the user's own cache folder.
Anything unexpected on reading (missing, truncated, other key, unpickling error, wrong type)
means a full load, never an error: the cache can only make things faster. Writes go to a
temporary file renamed into place (``os.replace``), so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from carbon_glossary.core.model import Glossary

__all__ = ["CACHE_FORMAT", "cache_file_for", "cache_key", "load_glossary_cached"]

CACHE_FORMAT = 1
_MAGIC = b"carbon-glossary cache\n"
# Modules whose code decides what a loaded glossary contains.
_CODE_MODULES = ("model.py", "loader.py", "readings.py", "pinyin.py", "text.py", "cache.py")


@cache
def _environment_fingerprint() -> str:
    """Versions and code that a cached glossary depends on (stable within one process)."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"format={CACHE_FORMAT}"]
    for distribution in ("carbon-glossary", "pypinyin", "opencc"):
        try:
            parts.append(f"{distribution}={version(distribution)}")
        except PackageNotFoundError:
            parts.append(f"{distribution}=?")
    here = Path(__file__).resolve().parent
    for name in _CODE_MODULES:
        try:
            stat = (here / name).stat()
            parts.append(f"{name}={stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}=?")
    return "\n".join(parts)


def cache_key(data: bytes) -> bytes:
    """The key of a glossary's bytes under the current program: 64 hex digits, as bytes."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(_environment_fingerprint().encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest().encode("ascii")


def cache_file_for(path: str | os.PathLike[str], cache_dir: Path) -> Path:
    """The cache file for a glossary path (one per path, whatever its content)."""
    try:
        resolved = str(Path(path).resolve())
    except OSError:
        resolved = os.path.abspath(path)
    name = hashlib.blake2b(resolved.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cache_dir / f"glossary-{name}.pickle"


def _read_cached(file: Path, key: bytes, path: str) -> Glossary | None:
    """The cached glossary if the file holds one for ``key``; None on any problem."""
    try:
        with file.open("rb") as stream:
            if stream.read(len(_MAGIC)) != _MAGIC or stream.read(len(key) + 1) != key + b"\n":
                return None
            glossary = pickle.load(stream)
    except Exception:  # a cache can be truncated or corrupt in any way; it is only a cache
        return None
    if not isinstance(glossary, Glossary):
        return None
    # The same file reached by another spelling of its path: show the spelling used now.
    return glossary if glossary.path == path else replace(glossary, path=path)


def _write_cached(file: Path, key: bytes, glossary: Glossary) -> None:
    """Write atomically; a cache that cannot be written (read-only, full disk) is skipped."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=file.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC + key + b"\n")
            pickle.dump(glossary, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def load_glossary_cached(path: str | os.PathLike[str], cache_dir: Path | None = None) -> Glossary:
    """Like :func:`~carbon_glossary.core.loader.load_glossary`, through the cache.

    Raises FileProblemError exactly as a full load would (an invalid glossary is never
    cached, so it is checked again, with every message, each time).
    """
    from carbon_glossary.core.loader import read_glossary_bytes

    shown = os.fspath(path)
    data = read_glossary_bytes(path)
    if cache_dir is None:
        from carbon_glossary.core.paths import user_cache_dir

        cache_dir = user_cache_dir()
    key = cache_key(data)
    file = cache_file_for(path, cache_dir)
    glossary = _read_cached(file, key, shown)
    if glossary is not None:
        return glossary
    from carbon_glossary.core.loader import load_glossary_bytes

    glossary = load_glossary_bytes(data, shown)
    _write_cached(file, key, glossary)
    return glossary
