"""A cache of loaded glossaries, so that opening an unchanged glossary again is fast.

Loading a glossary means parsing TOML, checking it and resolving every reading with pypinyin
(whose import alone costs ~150 ms). The result depends only on the file's bytes and on the
code and data that turn them into terms, so it is cached under a key made of:

* the file's content hash (``importlib.util.source_hash``: the keyed 64-bit SipHash Python
  itself uses to tell a hash-based ``.pyc`` from a changed source; ``importlib.util`` is
  loaded for ``find_spec`` anyway, where ``hashlib`` would cost ~2 ms per start to import),
* which copies of carbon-glossary, pypinyin and opencc are installed: the name of each one's
  ``*.dist-info`` folder (which carries its version) and the size and modification time of
  its ``__init__.py``, found with ``importlib.util.find_spec`` (which imports nothing) and
  one directory listing. Asking ``importlib.metadata`` for the versions gave the same
  answer but cost ~10 ms per start (its import, and a scan of every distribution),
* the size and modification time of the core modules that build terms, so a source checkout
  whose code changed without a version bump does not reuse stale readings,
* the cache format number.

One cache file per glossary path (named by a hash of the resolved path), so editing a file
replaces its entry instead of piling up new ones. The file is a short header (magic and key)
followed by a pickle of builtins only: the glossary's metadata and one list per Term field.
Unpickling refuses any class reference, so the file can hold data but never code.
Anything unexpected on reading (missing, not a regular file, truncated, other key,
unpickling error, a wrong type or length anywhere: see :func:`_from_plain`) means a full
load, never an error: the cache can only make things faster. Writes go to a
temporary file renamed into place (``os.replace``), so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import fields
from functools import cache
from importlib.util import find_spec, source_hash
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from carbon_glossary.core.files import (
    CACHE_LIMIT,
    GLOSSARY_LIMIT,
    UnreadableFile,
    read_regular_file,
)
from carbon_glossary.core.model import Glossary, Term

__all__ = [
    "CACHE_FORMAT",
    "cache_file_for",
    "cache_key",
    "load_glossary_cached",
    "load_plain",
    "read_glossary_file",
    "term_from_values",
    "write_cache_file",
]

CACHE_FORMAT = 4  # 4: Term.other_readings
_MAGIC = b"carbon-glossary cache\n"
# Modules whose code decides what a loaded glossary contains.
_CODE_DIR = os.path.dirname(os.path.abspath(__file__))
_CODE_MODULES = (
    "model.py",
    "loader.py",
    "tomlpos.py",
    "readings.py",
    "pinyin.py",
    "text.py",
    "cache.py",
)
# Installed packages whose code or data decide it: (import name, distribution name).
_LIBRARIES = (
    ("carbon_glossary", "carbon_glossary"),
    ("pypinyin", "pypinyin"),
    ("opencc", "opencc"),
)


def _stat_mark(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return "?"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _library_mark(module: str, distribution: str) -> str:
    """Which copy of a library is installed, without importing it: the ``*.dist-info``
    folders of ``distribution`` beside the package (their names carry the version; none for
    a source checkout) and the size and mtime of the package's ``__init__.py``."""
    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not os.path.isabs(spec.origin):
        return f"{module}=?"
    package = os.path.dirname(spec.origin)
    site = os.path.dirname(package) if spec.submodule_search_locations else package
    prefix = distribution.lower() + "-"
    try:
        infos = sorted(
            entry
            for entry in os.listdir(site)
            if entry.lower().startswith(prefix) and entry.endswith((".dist-info", ".egg-info"))
        )
    except OSError:
        infos = []
    return f"{module}={','.join(infos) or '-'}@{_stat_mark(spec.origin)}"


@cache
def _environment_fingerprint() -> str:
    """Versions and code that a cached glossary depends on (stable within one process)."""
    parts = [f"format={CACHE_FORMAT}"]
    parts += (_library_mark(module, distribution) for module, distribution in _LIBRARIES)
    parts += (f"{name}={_stat_mark(os.path.join(_CODE_DIR, name))}" for name in _CODE_MODULES)
    return "\n".join(parts)


def cache_key(data: bytes, modules: Iterable[str] = ()) -> bytes:
    """The key of a glossary's bytes under the current program: 32 hex digits, as bytes
    (the hash of the program's fingerprint, then that of the bytes).
    ``modules``: more core modules (file names) whose code what is cached depends on."""
    program = _environment_fingerprint() + "".join(
        f"\n{name}={_stat_mark(os.path.join(_CODE_DIR, name))}" for name in modules
    )
    return (source_hash(program.encode()) + source_hash(data)).hex().encode("ascii")


def cache_file_for(
    path: str | os.PathLike[str],
    cache_dir: Path,
    *,
    kind: str = "glossary",
    suffix: str = ".pickle",
) -> Path:
    """The cache file of one kind for a glossary path (one per path, whatever its
    content)."""
    try:
        resolved = str(Path(path).resolve())
    except OSError:
        resolved = os.path.abspath(path)
    name = source_hash(resolved.encode("utf-8", "surrogatepass")).hex()
    return cache_dir / f"{kind}-{name}{suffix}"


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles builtins only (str, int, tuple, list, dict): the cache holds no class
    references, so a tampered cache file cannot make unpickling run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a glossary cache")


def load_plain(data: bytes) -> Any:
    """Unpickle ``data``, which may hold builtins only (any class reference is refused)."""
    return _PlainUnpickler(io.BytesIO(data)).load()


def _to_plain(glossary: Glossary) -> tuple[Any, ...]:
    """The glossary as builtins: metadata, then one column (list) per Term field."""
    names = tuple(f.name for f in fields(Term))
    # One object per repeated value (a syllable, a category, a source, a tag list), which
    # pickle then writes once: at 100k terms, a third of the file, the time to read it
    # halved and some 30 MB less memory.
    shared: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        if isinstance(value, tuple):
            value = tuple(one(item) for item in value)
        return shared.setdefault(value, value)

    columns = [[one(getattr(term, name)) for term in glossary.terms] for name in names]
    meta = (
        glossary.title,
        glossary.language,
        glossary.version,
        dict(glossary.phrase_pinyin),
        dict(glossary.phrase_traditional),
    )
    return (names, meta, columns)


# What each Term field holds, for checking a cache file before trusting it: read from the
# model's own annotations, so a field added to Term is checked without a second list here
# (a field of any other type makes every cache file fail the check: a full load, never a
# wrong glossary).
_KINDS = {"str": "text", "tuple[str, ...]": "texts", "int": "number"}
_FIELD_KINDS = {f.name: _KINDS.get(str(f.type), "unknown") for f in fields(Term)}


def _types(values: Iterable[object]) -> set[type]:
    return set(map(type, values))  # map and set in C: ~2 ms per 100,000 values


def _is_texts(value: object) -> bool:
    return type(value) is tuple and _types(value) <= {str}


def _column_ok(kind: str, column: list[Any]) -> bool:
    if kind == "texts":
        return _types(column) <= {tuple} and _types(chain.from_iterable(column)) <= {str}
    if kind == "number":
        return _types(column) <= {int} and min(column) >= 0 and max(column) < 1 << 31
    return kind == "text" and _types(column) <= {str}


def term_from_values(values: object) -> Term:
    """A Term from the tuple of its field values in field order; ValueError if that is not
    what it holds (a value of another type, too few or too many)."""
    if type(values) is not tuple or tuple(map(type, values)) != _VALUE_TYPES:
        raise ValueError("not a term's values")
    if not _types(chain.from_iterable(values[i] for i in _TEXTS_AT)) <= {str}:
        raise ValueError("a term's texts are not all text")
    if not all(0 <= values[i] < 1 << 31 for i in _NUMBERS_AT):
        raise ValueError("a term's number out of range")
    return Term(*values)


# The same checks, value by value (kinds as in _column_ok; a field of another kind has
# type None here, which no value has: every term fails the check).
_VALUE_TYPES = tuple(
    {"text": str, "texts": tuple, "number": int}.get(kind) for kind in _FIELD_KINDS.values()
)
_TEXTS_AT = [i for i, kind in enumerate(_FIELD_KINDS.values()) if kind == "texts"]
_NUMBERS_AT = [i for i, kind in enumerate(_FIELD_KINDS.values()) if kind == "number"]


def _from_plain(plain: Any, path: str) -> Glossary:
    """Rebuild a glossary from :func:`_to_plain`'s output; ValueError if anything in it is
    not what :func:`_to_plain` writes (a tampered or damaged file that still unpickles):
    every column a list of the same length, every value of its field's type, metadata
    text, the terms' positions 0…n-1 in order and their ids unique."""
    names, meta, columns = plain
    field_names = tuple(f.name for f in fields(Term))
    if type(names) is not tuple or names != field_names:
        raise ValueError("the cache was written for other Term fields")
    if type(columns) is not list or len(columns) != len(field_names):
        raise ValueError("wrong number of columns")
    if not all(type(column) is list for column in columns):
        raise ValueError("a column is not a list")
    count = len(columns[0])
    if count == 0 or any(len(column) != count for column in columns):
        raise ValueError("columns of different lengths")
    for name, column in zip(field_names, columns, strict=True):
        if not _column_ok(_FIELD_KINDS[name], column):
            raise ValueError(f"wrong values in column {name}")
    position = columns[field_names.index("position")]
    if position != list(range(count)):
        raise ValueError("terms out of order")
    if len(set(columns[field_names.index("id")])) != count:
        raise ValueError("duplicate ids")
    if type(meta) is not tuple or len(meta) != 5:
        raise ValueError("wrong metadata")
    title, language, version, phrases, traditional = meta
    if not all(type(value) is str for value in (title, language, version)):
        raise ValueError("wrong metadata")
    if type(phrases) is not dict or not all(
        type(phrase) is str and _is_texts(reading) for phrase, reading in phrases.items()
    ):
        raise ValueError("wrong phrase readings")
    if type(traditional) is not dict or not _types(chain(traditional, traditional.values())) <= {
        str
    }:
        raise ValueError("wrong phrase traditional forms")
    # Building columns with map() is about twice as fast as unpickling dataclasses one by
    # one (which calls dataclasses.fields() per object): ~0.2 s for 100k terms.
    terms = tuple(map(Term, *columns))
    return Glossary(title, language, version, terms, phrases, path, traditional)


def _read_cached(file: Path, key: bytes, path: str) -> Glossary | None:
    """The cached glossary if the file holds one for ``key``; None on any problem."""
    enabled = gc.isenabled()
    gc.disable()  # 100k objects at once: collections in between only cost time
    header = _MAGIC + key + b"\n"
    try:
        data = read_regular_file(file, CACHE_LIMIT)  # never a FIFO, never without end
        if not data.startswith(header):
            return None
        return _from_plain(load_plain(data[len(header) :]), path)
    except Exception:  # a cache can be truncated or corrupt in any way; it is only a cache
        return None
    finally:
        if enabled:
            gc.enable()


def write_cache_file(file: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a cache file atomically (a temporary file in its folder, then a rename), so a
    reader never meets half of one; a cache that cannot be written (read-only, full disk,
    unpicklable data) is skipped, as the caller can always do without it."""
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=file.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, file)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _write_cached(file: Path, key: bytes, glossary: Glossary) -> None:
    def write(stream: BinaryIO) -> None:
        stream.write(_MAGIC + key + b"\n")
        pickle.dump(_to_plain(glossary), stream, protocol=pickle.HIGHEST_PROTOCOL)

    write_cache_file(file, write)


def read_glossary_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a glossary file; FileProblemError, as a full load gives, if it cannot
    be read."""
    try:
        return read_regular_file(path, GLOSSARY_LIMIT)
    except UnreadableFile:
        # The loader names the problem (missing, a folder, a FIFO, too large) for the user.
        from carbon_glossary.core.loader import read_glossary_bytes

        return read_glossary_bytes(path)


def load_glossary_cached(
    path: str | os.PathLike[str], cache_dir: Path | None = None, *, data: bytes | None = None
) -> Glossary:
    """Like :func:`~carbon_glossary.core.loader.load_glossary`, through the cache.
    ``data``: the file's bytes, when the caller has read them already.

    Raises FileProblemError exactly as a full load would (an invalid glossary is never
    cached, so it is checked again, with every message, each time).
    """
    shown = os.fspath(path)
    if data is None:
        data = read_glossary_file(path)
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
