"""A search table saved beside the glossary cache, so that a one-shot ``search`` on an
unchanged glossary neither loads every term nor builds an index.

The table is a built :class:`~carbon_glossary.core.search.SearchIndex` taken apart: each of
its parts (the folded names, the pinyin in dictionary order, aliases, English, definitions:
:data:`~carbon_glossary.core.search.PARTS`) and each term's full record, in the index's
(pinyin) order. A one-shot search reads the table's directory, then only the parts its
query's tiers reach and only the records of the terms it returns, and answers with the very
``SearchIndex`` code a built index runs: the same results in the same order. At 100,000
terms that is a few MB read instead of a 30 MB glossary cache unpickled into 100,000 terms
and an index built from them (sorting by pinyin alone took ~0.4 s).

One file per glossary path (``search-<hash of the path>.table`` in the cache directory):

    magic (with the table format), key (32 hex digits), newline
    the parts, one pickle each
    the records, one pickle each: a term's field values in field order
    the record index: a pickle of the records' offsets and of each record's CRC-32
    the directory: a pickle of (Term's field names, number of terms,
                   {name: (offset, length, CRC-32)} for the parts, records and record index)
    a trailer: the directory's offset and length (two little-endian 64-bit numbers)

Safety: every pickle holds builtins only (str, bytes, int, tuple, dict) and is read with
the glossary cache's unpickler, which refuses any class reference, so the file can hold
data but never code; it lives in the user's own cache directory. A part or record is used
only if its CRC-32 matches (damage is what a checksum is for; which glossary a table belongs
to is the key's business, a keyed SipHash), the trailer must point inside the file, and
nothing is read past where the directory ends, so a truncated or damaged table is noticed. Whatever
goes wrong while answering from a table (a failed check, a missing file, any error) means
the query is answered from the glossary itself, which writes a new table; a genuine error
in the search code would show there again, so none is hidden. The table is written to a
temporary file renamed into place: a reader never sees half of one.

Key: the glossary cache's key of the file's bytes (the content, the installed
carbon-glossary, pypinyin and OpenCC, the core modules that build terms) extended with the
modules that build the index and this one, so editing the glossary, the reading code or
the search code each invalidates the table.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import fields
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import BinaryIO, overload

from carbon_glossary.core.cache import (
    cache_file_for,
    cache_key,
    load_glossary_cached,
    load_plain,
    read_glossary_file,
    term_from_values,
    write_cache_file,
)
from carbon_glossary.core.files import open_regular_file
from carbon_glossary.core.model import Term
from carbon_glossary.core.search import PARTS, Match, SearchIndex

__all__ = ["TABLE_FORMAT", "DamagedTable", "search_cached", "table_file_for"]

TABLE_FORMAT = 2  # 2: the pinyin_other part (other readings of 多音字)
_MAGIC = b"carbon-glossary search table %d\n" % TABLE_FORMAT
_TRAILER = struct.Struct("<QQ")
# Modules whose code decides what a table holds, beyond those of the glossary cache's key.
_SEARCH_MODULES = ("search.py", "search_cache.py", "collate.py")
_FIELD_NAMES = tuple(f.name for f in fields(Term))
_values = attrgetter(*_FIELD_NAMES)  # a term's field values as a tuple, in field order
_RECORDS = "records"
_RECORD_INDEX = "record index"
_dumps = partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)


class DamagedTable(Exception):
    """A search table is not what :func:`_write_table` wrote (or was written for another
    glossary or program)."""


def table_file_for(path: str | os.PathLike[str], cache_dir: Path) -> Path:
    """The search table's file for a glossary path."""
    return cache_file_for(path, cache_dir, kind="search", suffix=".table")


def search_cached(
    path: str | os.PathLike[str],
    query: str,
    limit: int | None = None,
    *,
    count_up_to: int | None = None,
    cache_dir: Path | None = None,
) -> tuple[list[Match], int]:
    """``SearchIndex.build(load_glossary(path)).search_and_count(query, limit,
    count_up_to)``, through the search table: an unchanged glossary is searched without
    loading it or building an index, and only the terms of the matches returned are read.

    Raises FileProblemError exactly as loading the glossary would.
    """
    data = read_glossary_file(path)
    if cache_dir is None:
        from carbon_glossary.core.paths import user_cache_dir

        cache_dir = user_cache_dir()
    key = cache_key(data, _SEARCH_MODULES)
    file = table_file_for(path, cache_dir)
    try:
        with _open_table(file, key) as table:
            matches, count = table.index().search_and_count(query, limit, count_up_to)
            for match in matches:
                len(match.spans)  # highlights may need parts not read yet: read them now
            return matches, count
    except Exception:  # no table, another key, damaged in any way: it is only a cache
        pass
    # The glossary from the very bytes the key was made of: a file changing meanwhile
    # cannot put its new content under the old key.
    index = SearchIndex.build(load_glossary_cached(path, cache_dir, data=data))
    _write_table(file, key, index)
    return index.search_and_count(query, limit, count_up_to)


@contextlib.contextmanager
def _open_table(file: Path, key: bytes) -> Iterator[_Table]:
    with open_regular_file(file) as stream:
        yield _Table(stream, key)


class _Table:
    """An open search table: its directory and record index read and checked; parts and
    records read (and checked) when asked for."""

    def __init__(self, stream: BinaryIO, key: bytes) -> None:
        self._stream = stream
        header = _MAGIC + key + b"\n"
        if self._read(0, len(header)) != header:
            raise DamagedTable("another table")
        size = stream.seek(0, os.SEEK_END)
        if size < len(header) + _TRAILER.size:
            raise DamagedTable("truncated")
        at, length = _TRAILER.unpack(self._read(size - _TRAILER.size, _TRAILER.size))
        if at < len(header) or at + length != size - _TRAILER.size:
            raise DamagedTable("the trailer points outside the file")
        directory = load_plain(self._read(at, length))
        if type(directory) is not tuple or len(directory) != 3:
            raise DamagedTable("directory")
        names, count, sections = directory
        if names != _FIELD_NAMES or type(count) is not int or count <= 0:
            raise DamagedTable("written for other terms")
        if type(sections) is not dict or set(sections) != {*PARTS, _RECORDS, _RECORD_INDEX}:
            raise DamagedTable("directory")
        for section in sections.values():
            if not (
                type(section) is tuple
                and len(section) == 3
                and all(type(number) is int for number in section)
                and len(header) <= section[0] <= section[0] + section[1] <= at
            ):
                raise DamagedTable("directory")
        self.count: int = count
        self._sections: dict[str, tuple[int, int, int]] = sections
        record_index = self.part(_RECORD_INDEX)
        if type(record_index) is not tuple or len(record_index) != 2:
            raise DamagedTable("record index")
        self._offsets, self._checksums = array("q"), array("I")
        with contextlib.suppress(TypeError, ValueError):  # checked just below
            self._offsets.frombytes(record_index[0])
            self._checksums.frombytes(record_index[1])
        if (
            len(self._offsets) != count + 1
            or len(self._checksums) != count
            or self._offsets[0] != 0
            or self._offsets[-1] != self._sections[_RECORDS][1]
        ):
            raise DamagedTable("record index")

    def _read(self, offset: int, length: int) -> bytes:
        self._stream.seek(offset)
        data = self._stream.read(length)
        if len(data) != length:
            raise DamagedTable("truncated")
        return data

    def part(self, name: str) -> object:
        """A saved part (or the record index), checked against its checksum."""
        offset, length, checksum = self._sections[name]
        data = self._read(offset, length)
        if zlib.crc32(data) != checksum:
            raise DamagedTable(f"damaged: {name}")
        return load_plain(data)

    def term(self, rank: int) -> Term:
        """The term of this rank, read from its record and checked."""
        start, end = self._offsets[rank], self._offsets[rank + 1]
        if not 0 <= start <= end:
            raise DamagedTable("record index")
        data = self._read(self._sections[_RECORDS][0] + start, end - start)
        if zlib.crc32(data) != self._checksums[rank]:
            raise DamagedTable(f"damaged record {rank}")
        return term_from_values(load_plain(data))

    def index(self) -> SearchIndex:
        return SearchIndex(_StoredTerms(self), self.part)


class _StoredTerms(Sequence[Term]):
    """A table's terms in rank order, each read when first asked for."""

    __slots__ = ("_read", "_table")

    def __init__(self, table: _Table) -> None:
        self._table = table
        self._read: dict[int, Term] = {}

    def _term(self, rank: int) -> Term:
        term = self._read.get(rank)
        if term is None:
            term = self._read[rank] = self._table.term(rank)
        return term

    def __len__(self) -> int:
        return self._table.count

    @overload
    def __getitem__(self, index: int) -> Term: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Term]: ...

    def __getitem__(self, index: int | slice) -> Term | Sequence[Term]:
        ranks = range(self._table.count)
        if isinstance(index, slice):
            return [self._term(rank) for rank in ranks[index]]
        return self._term(ranks[index])


def _write_table(file: Path, key: bytes, index: SearchIndex) -> None:
    write_cache_file(file, partial(_write_sections, key=key, index=index))


def _write_sections(out: BinaryIO, key: bytes, index: SearchIndex) -> None:
    out.write(_MAGIC + key + b"\n")
    sections: dict[str, tuple[int, int, int]] = {}

    def put(name: str, data: bytes) -> None:
        sections[name] = (out.tell(), len(data), zlib.crc32(data))
        out.write(data)

    for name, part in index.saved_parts():
        put(name, _dumps(part))
    offsets, checksums = array("q", [0]), array("I")
    start = out.tell()
    for term in index.terms:
        record = _dumps(_values(term))
        out.write(record)
        offsets.append(offsets[-1] + len(record))
        checksums.append(zlib.crc32(record))
    sections[_RECORDS] = (start, offsets[-1], 0)  # each record has its own checksum
    put(_RECORD_INDEX, _dumps((offsets.tobytes(), checksums.tobytes())))
    at = out.tell()
    directory = _dumps((_FIELD_NAMES, len(index.terms), sections))
    out.write(directory)
    out.write(_TRAILER.pack(at, len(directory)))
