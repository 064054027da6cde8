"""One function opens the progress store, whichever backend the location names.

- a path, or ``sqlite:///relative/path`` / ``sqlite:////absolute/path`` → a SQLite file;
- ``postgresql://…`` (or ``postgres://…``) → a PostgreSQL server (psycopg's connection URL:
  ``postgresql://user:password@host:5432/dbname?sslmode=require``);
- any other ``scheme://`` → refused with a message, never taken for a file name.

What a person wrote (``--db``, ``CARBON_GLOSSARY_DB``: a ``str`` location) is held to two
more rules, so that a typing mistake never quietly becomes a stray local file that nobody's
report reads:

- it *looks like an address* when it starts with a scheme of two or more letters and a colon
  (``postgresql:/x``, ``postgres:x``, ``sqlite:x``) or with a word close to ``postgresql``
  followed by ``//`` (``postgresql//host/db``); such a value that is not one of the forms
  above is refused, saying what the address should look like. A drive letter (``C:\\x``) is
  one letter, so a Windows path is a path; a file whose name starts with ``word:`` is
  written ``./word:…``. "Close to" is :mod:`difflib`'s ratio ≥ 0.8 against ``postgresql``
  / ``postgres`` (``postgresq``, ``postgre``, ``posgresql``; not ``progress``);
- a file path's folder must exist: the file is made, its folder is not (a folder that
  does not exist is most often a mistyped one). Only the program's own choice, the user's
  data folder (a :class:`~pathlib.Path` location), is made when missing.
"""

from __future__ import annotations

import re
from pathlib import Path

from carbon_glossary.store.errors import StoreError
from carbon_glossary.store.protocol import ProgressStore

__all__ = ["SQLITE_SCHEME", "is_server_url", "looks_like_address", "open_store", "sqlite_path"]

SQLITE_SCHEME = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SCHEME_COLON = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")  # two or more: C:\ is a drive
_WORD_SLASHES = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)//")
_ADDRESS_HEAD = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:?/*")
_POSTGRES_NAMES = ("postgresql", "postgres")
_POSTGRES_ALIASES = ("pg", "pgsql", "psql")
_SQLITE_NAMES = ("sqlite", "sqlite3")
_CLOSE = 0.8


def is_server_url(location: str) -> bool:
    """Whether ``location`` is written as a URL (``scheme://…``) rather than a path."""
    return bool(_URL.match(location.strip()))


def _close_to(word: str, names: tuple[str, ...]) -> bool:
    import difflib

    return bool(difflib.get_close_matches(word.lower(), names, n=1, cutoff=_CLOSE))


def _postgres_like(word: str) -> bool:
    return word.lower() in _POSTGRES_ALIASES or _close_to(word, _POSTGRES_NAMES)


def looks_like_address(location: str) -> bool:
    """Whether a location a person wrote is meant as an address, well formed or not (see the
    module doc): ``scheme://…``, ``scheme:…`` with a scheme of two or more letters, or a word
    close to ``postgresql`` followed by ``//``."""
    text = location.strip()
    if _URL.match(text) or _SCHEME_COLON.match(text):
        return True
    word = _WORD_SLASHES.match(text)
    return word is not None and _postgres_like(word.group(1))


def mask_password(text: str) -> str:
    """``text`` with whatever stands where an address's password would (between the user
    name's colon and the last ``@``) as ``***``; also for an address too broken to parse."""
    at = text.rfind("@")
    if at < 0:
        return text
    head = _ADDRESS_HEAD.match(text)
    start = head.end() if head else 0
    user, colon, _password = text[start:at].partition(":")
    if not colon:
        return text
    return f"{text[:start]}{user}:***{text[at:]}"


def _mistyped(text: str) -> StoreError | None:
    """Why an address a person wrote cannot be used, or None when it is a supported form."""
    lowered = text.lower()
    if lowered.startswith((*_POSTGRES_SCHEMES, SQLITE_SCHEME)) or not looks_like_address(text):
        return None
    match = _URL.match(text) or _SCHEME_COLON.match(text) or _WORD_SLASHES.match(text)
    assert match is not None  # looks_like_address matched one of them
    scheme = match.group(0).split(":", 1)[0].rstrip("/")
    shown = mask_password(text)
    if _postgres_like(scheme):
        return StoreError("store.mistyped_postgres", location=shown)
    if _close_to(scheme, _SQLITE_NAMES):
        return StoreError("store.mistyped_sqlite", location=shown)
    if _URL.match(text):
        return StoreError("store.unknown_scheme", scheme=scheme)
    return StoreError("store.not_an_address", location=shown, scheme=scheme)


def sqlite_path(location: str | Path) -> Path | None:
    """The SQLite file ``location`` names, or None when it names a server."""
    if isinstance(location, Path):
        return location
    text = location.strip()
    if text.lower().startswith(SQLITE_SCHEME):
        return Path(text[len(SQLITE_SCHEME) :])
    if is_server_url(text):
        return None
    return Path(location)


def open_store(location: str | Path, *, read_only: bool = False) -> ProgressStore:
    """Open the progress store at ``location`` (see the module doc).

    ``location``: the text a person wrote (held to the rules for written addresses and
    folders), or a :class:`~pathlib.Path` the program chose (its folders are made).
    ``read_only``: the command only reads (``stats``), so nothing is ever moved aside, even a
    damaged file of ours. Raises :class:`~carbon_glossary.store.StoreError` (with a message
    for the person, never a password) when the store cannot be used.
    """
    if isinstance(location, str):
        wrong = _mistyped(location.strip())
        if wrong is not None:
            raise wrong
    path = sqlite_path(location)
    if path is not None:
        from carbon_glossary.store.sqlite import SqliteStore

        if isinstance(location, str):
            folder = path.expanduser().parent
            if not folder.exists():
                raise StoreError("store.no_folder", path=location.strip(), folder=folder)
        return SqliteStore.open(path, read_only=read_only)
    text = str(location).strip()
    if text.lower().startswith(_POSTGRES_SCHEMES):
        from carbon_glossary.store.postgres import PostgresStore

        return PostgresStore.open(text)
    scheme = text.split("://", 1)[0]
    raise StoreError("store.unknown_scheme", scheme=scheme)
