"""One search box for hanzi, pinyin (any form), initials, English and definition text.

Ranking (DESIGN.md "Search"): exact term > exact alias (another name of the term, typed
whole) > term prefix > term substring > pinyin or initials (matches from the term's first
syllable above mid-term ones) > alias > English (a whole gloss, then a gloss's start, then
inside one) > pinyin through another reading of a 多音字 (``diaofeng`` finds 调峰, tiáo
fēng: a guess at what was meant, below the term's names matched as typed) > definition
text; equal scores in dictionary (pinyin) order.

Speed comes from doing no per-term Python work at query time. At build time every field is
joined, one line per term in pinyin order, into a "blob"; a query becomes a ``str.find`` or a
compiled regular expression run over the blob, and offsets map back to terms by bisection.
Because the blobs are in pinyin order, hits come out already ordered within a tier, and a
``limit`` lets a scan stop early.

The pinyin blob spells each term's tokens back to back: a syllable starts with a capital
and ends with its tone digit (``Tan4Da2Feng1``); a Latin run of the term ends in ``0``
(``Ccus0Ji4Shu4``); digits and other marks become a bare ``0``. So the n-th digit of a line
ends the n-th token of ``display_pinyin``. A pinyin query compiles to a pattern in which
each letter either continues the current syllable or skips the rest of it and starts the
next (``T(?:a|[a-z]*+\\dA)…``); starting letters are capitals, so the regex engine only
stops where a syllable begins. That one form covers joined and spaced syllables, syllable
prefixes and initials (``tdf``, ``tdfeng``, ``ny``). A tone number ends its syllable
(``tan4`` is tan4, not tang4); a tone mark constrains the syllable it sits in (``tàn``
matches tan4 and tang4); a space forces a syllable boundary. ``v``, ``u:`` and ``ü`` mean
ü, and a plain ``u`` also finds ü, since many people cannot type it.

A second blob spells each term that has a 多音字 with every reading of it pypinyin gives
(``Term.other_readings``, worked out when the glossary was loaded, so searching never needs
pypinyin), the readings of one character joined by ``|``: 调峰 is ``Tiao2|Diao4Feng1``. The
query's pattern for it lets a syllable start at any reading of a character and skips the
character's other readings after it, so ``diaofeng`` matches there; a term that matches
through its own reading is found by an earlier tier, so what this tier adds matched only
through another reading, and ranks below. The highlight is always on the term's own
reading, so the list shows how the term is read.

Highlight spans are computed only when asked for: a result list may hold thousands of
matches, of which a screen shows twenty.

Every part of an index is plain data (strings, arrays of offsets, a small dict), so
:mod:`carbon_glossary.core.search_cache` can save a built index's parts and give them back
to another process, which then answers with this same code without building anything.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, groupby
from operator import itemgetter
from typing import Any, TypeVar, overload

from carbon_glossary.core.collate import full_key
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import is_hanzi, reading_pieces
from carbon_glossary.core.text import fold, to_simplified

__all__ = ["FIELDS", "PARTS", "DamagedPart", "Match", "SearchIndex"]

FIELDS = (
    "term",
    "traditional",
    "pinyin",
    "initials",
    "alias",
    "english",
    "other_reading",
    "definition",
)

Span = tuple[int, int]
Spans = Mapping[str, tuple[Span, ...]]

# Scores per tier; within a tier, pinyin order decides.
_EXACT = 1.0
_ALIAS_EXACT = 0.95  # another name of the term, typed whole: as good as its name
_PREFIX = 0.9
_SUBSTRING = 0.8
_PINYIN_START = 0.7
_PINYIN_MID = 0.6
_ALIAS = 0.5
_ENGLISH_EXACT = 0.48
_ENGLISH_START = 0.47
_ENGLISH = 0.45
_OTHER_READING_START = 0.4  # through another reading of a 多音字: below the own reading
_OTHER_READING_MID = 0.39
_DEFINITION = 0.3

_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_PINYIN_SEPARATORS = frozenset(" '’-·_")
_LONGEST_PINYIN_QUERY = 200  # longer is no reading of a term; compiling it would be slow
# In the blob of other readings: after a syllable, the character's readings after it, then
# any of the next character's readings before the one read ("Tiao2|Diao4Feng1").
_SKIP_READINGS = r"(?:\|[A-Z][a-z]*+\d)*(?:[A-Z][a-z]*+\d\|)*"
# Where a pattern moves from the rest of a syllable to the next (placeholders, filled in
# for each blob): after a letter, and after a typed tone digit.
_NEXT = "\x00"
_AFTER_TONE = "\x01"
_CONTROLS = re.compile(r"[\x01-\x1f\x7f]")
_CONTROLS_AND_NUL = re.compile(r"[\x00-\x1f\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")

# British and American spellings of the same English word, (British, American) patterns
# applied to a whole folded query: glosses are written one way (optimisation), people type
# either. Each side's pattern becomes the other's replacement.
_SPELLINGS: tuple[tuple[str, str, str, str], ...] = (
    # (British pattern, American replacement, American pattern, British replacement)
    (
        r"(?<=[a-z]{2})is(ation|ations|e|ed|es|ing|er|ers)\b",
        r"iz\1",
        r"(?<=[a-z]{2})iz(ation|ations|e|ed|es|ing|er|ers)\b",
        r"is\1",
    ),
    (r"ys(e|ed|es|ing)\b", r"yz\1", r"yz(e|ed|es|ing)\b", r"ys\1"),
    (
        r"\b(col|behavi|lab|fav|harb|neighb|hon|vap|flav|hum|vig)our",
        r"\1or",
        r"\b(col|behavi|lab|fav|harb|neighb|hon|vap|flav|hum|vig)or",
        r"\1our",
    ),
    (r"([ae])ll(ing|ed|er|ers)\b", r"\1l\2", r"([ae])l(ing|ed|er|ers)\b", r"\1ll\2"),
    (
        r"(cent|met|lit|fib|theat)re(s?)\b",
        r"\1er\2",
        r"(cent|met|lit|fib|theat)er(s?)\b",
        r"\1re\2",
    ),
    (r"(catal|dial|anal)ogue", r"\1og", r"(catal|dial|anal)og(?!ue)", r"\1ogue"),
    (r"(defen|offen|licen)ce", r"\1se", r"(defen|offen|licen)se", r"\1ce"),
    (r"sulph", "sulf", r"sulf", "sulph"),
    (r"aluminium", "aluminum", r"aluminum", "aluminium"),
    (r"programme", "program", r"program(?!me)", "programme"),
)
_BRITISH_TO_AMERICAN = tuple((re.compile(b), a) for b, a, _, _ in _SPELLINGS)
_AMERICAN_TO_BRITISH = tuple((re.compile(a), b) for _, _, a, b in _SPELLINGS)


def _spellings(folded: str) -> tuple[str, ...]:
    """The query as typed, spelt the American way and spelt the British way (those that
    differ): ``optimization`` also looks for ``optimisation``, and the other way round."""
    forms = [folded]
    for rules in (_BRITISH_TO_AMERICAN, _AMERICAN_TO_BRITISH):
        form = folded
        for pattern, replacement in rules:
            form = pattern.sub(replacement, form)
        forms.append(form)
    return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class Match:
    """One search result: the term, its score (higher is better), the field that matched and
    the highlight ranges, keyed by what they index:

    - ``"term"``: character offsets in ``term.term``
    - ``"pinyin"``: offsets in ``display_pinyin(term.term, term.marks)``
    - ``"aliases"``: offsets in ``"; ".join(term.aliases)``
    - ``"english"``: offsets in ``"; ".join(term.english)``
    - ``"definition"`` / ``"definition_en"``: offsets in those texts

    Ranges are half-open ``(start, end)``.
    """

    term: Term
    score: float
    field: str
    spans: Spans


class _LazySpans(Mapping[str, tuple[Span, ...]]):
    """Spans computed on first access, by ``compute(*args)``."""

    __slots__ = ("_args", "_compute", "_value")

    def __init__(self, compute: Callable[..., Spans], *args: object) -> None:
        self._compute: Callable[..., Spans] | None = compute
        self._args = args
        self._value: Spans = {}

    def _get(self) -> Spans:
        if self._compute is not None:
            self._value = self._compute(*self._args)
            self._compute = None
            self._args = ()
        return self._value

    def __getitem__(self, key: str) -> tuple[Span, ...]:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __repr__(self) -> str:
        return repr(self._get())


_NO_SPANS: Spans = {}
# The parts of an index, each kept in the attribute "_" + name, built as queries reach them
# (or all at once) and saved by name.
PARTS = (
    "term",
    "by_text",
    "alias_names",
    "pinyin",
    "pinyin_blocks",
    "pinyin_other",
    "aliases",
    "english",
    "glosses",
    "definition",
    "definition_en",
)

_T = TypeVar("_T")


class DamagedPart(ValueError):
    """A saved part of an index is not what :meth:`SearchIndex.saved_parts` writes."""


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise DamagedPart(what)


def _pair(plain: object, what: str) -> tuple[object, object]:
    if not isinstance(plain, tuple) or len(plain) != 2:
        raise DamagedPart(what)
    first, second = plain
    return first, second


def _offsets_from(data: object) -> array[int]:
    """An array of offsets saved as bytes (``array("q").tobytes()``)."""
    if not isinstance(data, bytes) or len(data) % 8:
        raise DamagedPart("offsets")
    offsets = array("q")
    offsets.frombytes(data)
    return offsets


class _Blob:
    """Lines joined with newlines, each prefixed by one, with bisection back to line numbers.

    The leading newline lets "starts a line" be matched as the literal ``"\\n" + query``,
    which ``str.find`` and the regex engine's literal-prefix search both make fast.
    """

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: Sequence[int]) -> None:
        self.text = text
        # starts[i] is the offset of line i's first character (just after its newline).
        self.starts = starts

    @classmethod
    def of(cls, lines: Sequence[str]) -> _Blob:
        starts = list(accumulate(map(len, lines), _next_line, initial=1))[:-1]
        return cls("\n" + "\n".join(lines) + "\n", starts)

    def to_plain(self) -> tuple[str, bytes]:
        return self.text, array("q", self.starts).tobytes()

    @classmethod
    def from_plain(cls, plain: object) -> _Blob:
        text, data = _pair(plain, "blob")
        starts = _offsets_from(data)
        if not isinstance(text, str) or text[:1] != "\n" or text[-1:] != "\n":
            raise DamagedPart("blob text")
        _expect(not starts or (starts[0] == 1 and starts[-1] < len(text)), "blob offsets")
        return cls(text, starts)

    def line(self, line: int) -> str:
        return self.text[self.starts[line] : self.next_line_start(line) - 1]

    def next_line_start(self, line: int) -> int:
        return self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)

    def find_lines(self, needle: str, *, skip_line_start: bool = False) -> Iterator[int]:
        """Lines containing ``needle``, in order, each once. A needle may begin with the
        newline before a line (``"\\n" + q``: lines that start with q)."""
        text, starts = self.text, self.starts
        if not needle or not starts:
            return
        shift = 1 if needle[0] == "\n" else 0
        position = text.find(needle)
        while position >= 0:
            line = bisect.bisect_right(starts, position + shift) - 1
            if skip_line_start and position == starts[line]:
                position = text.find(needle, position + 1)
                continue
            yield line
            next_start = starts[line + 1] if line + 1 < len(starts) else len(text)
            position = text.find(needle, next_start - shift)


def _next_line(start: int, length: int) -> int:
    return start + length + 1


class _Lines(Sequence[str]):
    """The lines of a blob, each cut out when asked for: a loaded index keeps no list of
    100,000 strings beside the blob that holds them."""

    __slots__ = ("_blob",)

    def __init__(self, blob: _Blob) -> None:
        self._blob = blob

    def __len__(self) -> int:
        return len(self._blob.starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self._blob.line(line) for line in range(len(self))[index]]
        return self._blob.line(range(len(self))[index])


class _Field:
    """One searchable field of every term: folded lines and the blobs to scan.

    Python stores Chinese text two bytes a character and scans it at that width, yet most
    queries are ASCII (pinyin, English) and can only match ASCII runs. So beside the full
    blob a field keeps an ASCII projection, every run of other characters squeezed to one
    \\x01: the same lines at a fraction of the size. An all-ASCII field (English) cannot
    contain a query with other characters, so it is not scanned for one.
    """

    __slots__ = ("ascii", "blob", "empty", "lines")

    def __init__(self, lines: Sequence[str], blob: _Blob, ascii: _Blob | None) -> None:
        self.lines = lines
        self.blob = blob
        self.ascii = ascii
        # every line empty: the blob is newlines only
        self.empty = not blob.starts or len(blob.text) == len(blob.starts) + 1

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Field:
        lines = _folded_lines(texts)
        blob = _Blob.of(lines)
        ascii = None
        if not blob.text.isascii():
            projected = _NON_ASCII_RUN.sub("\x01", "\n".join(lines))
            ascii = _Blob.of(projected.split("\n"))
        return cls(lines, blob, ascii)

    def to_plain(self) -> tuple[Any, ...]:
        return self.blob.to_plain(), None if self.ascii is None else self.ascii.to_plain()

    @classmethod
    def from_plain(cls, plain: object) -> _Field:
        text, projected = _pair(plain, "field")
        blob = _Blob.from_plain(text)
        ascii = None if projected is None else _Blob.from_plain(projected)
        _expect(ascii is None or len(ascii.starts) == len(blob.starts), "field projection")
        return cls(_Lines(blob), blob, ascii)

    def find_lines(self, needle: str, *, skip_line_start: bool = False) -> Iterator[int]:
        if self.empty:
            return iter(())
        if needle.isascii():
            blob = self.ascii or self.blob
        elif self.ascii is None:
            return iter(())
        else:
            blob = self.blob
        return blob.find_lines(needle, skip_line_start=skip_line_start)


class _Sorted:
    """Texts in sorted order, each with the rank of its term, for exact and prefix matches
    by bisection (term names, aliases, English glosses)."""

    __slots__ = ("ranks", "texts")

    def __init__(self, texts: Sequence[str], ranks: Sequence[int]) -> None:
        self.texts = texts
        self.ranks = ranks

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, int]]) -> _Sorted:
        ordered = sorted(pairs)
        return cls(list(map(itemgetter(0), ordered)), list(map(itemgetter(1), ordered)))

    def starting_with(self, needle: str) -> Iterator[tuple[str, int]]:
        """(text, rank) for each text that begins with ``needle``, in text order."""
        texts, ranks = self.texts, self.ranks
        for position in range(bisect.bisect_left(texts, needle), len(texts)):
            text = texts[position]
            if not text.startswith(needle):
                return
            yield text, ranks[position]

    def to_plain(self) -> tuple[Any, ...]:
        return _Blob.of(self.texts).to_plain(), array("q", self.ranks).tobytes()

    @classmethod
    def from_plain(cls, plain: object) -> _Sorted:
        texts, data = _pair(plain, "sorted texts")
        blob, ranks = _Blob.from_plain(texts), _offsets_from(data)
        _expect(len(ranks) == len(blob.starts), "sorted texts' ranks")
        return cls(_Lines(blob), ranks)


def _blocks_from(plain: object) -> dict[str, tuple[int, int]]:
    if not isinstance(plain, dict):
        raise DamagedPart("pinyin blocks")
    blocks: dict[str, tuple[int, int]] = {}
    for letter, block in plain.items():
        low, high = _pair(block, "pinyin block")
        if not isinstance(letter, str) or not isinstance(low, int) or not isinstance(high, int):
            raise DamagedPart("pinyin block")
        blocks[letter] = (low, high)
    return blocks


# Full-width punctuation common in Chinese text, with its NFKC form. Replacing these first
# usually leaves a text that is already NFKC, which is checked in microseconds, where
# normalising megabytes of Chinese would take most of a second.
_WIDE_PUNCTUATION = tuple(
    (wide, unicodedata.normalize("NFKC", wide)) for wide in "，：；（）！？％．／＋－～　"
)


def _fold_joined(joined: str) -> str:
    """``fold(joined)``, fast for the usual case."""
    quick = joined
    for wide, narrow in _WIDE_PUNCTUATION:
        if wide in quick:
            quick = quick.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", quick):
        return quick.casefold()
    return fold(joined)


def _folded_lines(texts: Sequence[str]) -> list[str]:
    """Fold each text for matching, keeping offsets aligned with the original. Newlines and
    other control characters become spaces, so one text stays one line."""
    joined = "\x00".join(texts)
    folded = _CONTROLS.sub(" ", _fold_joined(joined))
    pieces = folded.split("\x00")
    if len(folded) == len(joined) and len(pieces) == len(texts):
        return pieces
    return [_fold_aligned(text) for text in texts]


def _fold_aligned(text: str) -> str:
    """Fold character by character where whole-text folding would shift offsets (ß → ss)."""
    out = []
    for char in text:
        folded = fold(char)
        out.append(folded if len(folded) == 1 else char)
    return _CONTROLS_AND_NUL.sub(" ", "".join(out))


def _occurrences(haystack: str, needle: str) -> tuple[Span, ...]:
    """Non-overlapping occurrences of ``needle`` in ``haystack``."""
    spans: list[Span] = []
    if not needle:
        return ()
    position = haystack.find(needle)
    while position >= 0:
        spans.append((position, position + len(needle)))
        position = haystack.find(needle, position + len(needle))
    return tuple(spans)


_CAPITALISED: dict[str, str] = {}


def _capital(token: str) -> str:
    """``tan4`` → ``Tan4`` (cached: there are about 1,300 numbered syllables)."""
    capitalised = _CAPITALISED.get(token)
    if capitalised is None:
        capitalised = _CAPITALISED[token] = token[:1].upper() + token[1:]
    return capitalised


def _pinyin_line(term: Term) -> str:
    """The term's tokens for the pinyin blob: ``Tan4Da2Feng1``, ``Ccus0Ji4Shu4``."""
    if len(term.syllables) == len(term.term):  # all hanzi: the common case, kept fast
        return "".join(map(_capital, term.syllables))
    return "".join(
        _line_token(token, hanzi) for token, hanzi in reading_pieces(term.term, term.syllables)
    )


def _line_token(token: str, hanzi: int) -> str:
    """One token of a reading (a syllable if ``hanzi`` >= 0) as the pinyin blob spells it."""
    if hanzi >= 0:
        return _capital(token)
    letters = fold(token)
    is_word = letters.isascii() and letters.isalpha()
    return _capital(letters) + "0" if is_word else "0"


def _other_line(term: Term) -> str:
    """The term's tokens as the pinyin blob spells them, each hanzi with its other readings
    after its own, joined by ``|`` (调峰 → ``Tiao2|Diao4Feng1``); "" for a term without
    other readings."""
    others = term.other_readings
    if not others or len(others) != len(term.syllables):
        return ""
    if len(term.syllables) == len(term.term):  # all hanzi: the common case, kept fast
        return "".join(map(_readings_slot, term.syllables, others))
    return "".join(
        _readings_slot(token, others[hanzi]) if hanzi >= 0 else _line_token(token, hanzi)
        for token, hanzi in reading_pieces(term.term, term.syllables)
    )


_SLOTS: dict[tuple[str, str], str] = {}


def _readings_slot(own: str, others: str) -> str:
    """``("tiao2", "diao4")`` → ``Tiao2|Diao4`` (cached: the same few hundred recur)."""
    slot = _SLOTS.get((own, others))
    if slot is None:
        slot = _SLOTS[own, others] = "|".join(map(_capital, [own, *others.split()]))
    return slot


@dataclass(frozen=True, slots=True)
class _PinyinQuery:
    """A query compiled for the pinyin blob."""

    pattern: re.Pattern[str]  # a match starting at any syllable
    at_start: re.Pattern[str]  # the same, anchored after a line's newline
    first: str  # the capital the match begins with
    initials: re.Pattern[str] | None  # every letter starting a syllable (plain queries only)
    through_others: re.Pattern[str]  # the same as pattern, for the blob of other readings


def _letter(char: str, *, starts: bool) -> str:
    """The pattern for one query letter; a plain u also matches ü (v)."""
    if char == "u":
        return "[UV]" if starts else "[uv]"
    return char.upper() if starts else char


def _compile_pinyin(query: str) -> _PinyinQuery | None:
    """The pattern for a query typed as pinyin, or None when it cannot be pinyin.

    Each letter after the first either continues the current syllable or, after skipping
    the rest of it (``[a-z]*+\\d``), starts the next one (a capital). A tone digit ends its
    syllable; a tone mark is a look-ahead on the syllable it sits in; a separator makes
    the next letter start a syllable. For the blob of other readings, moving to the next
    syllable also skips the other readings around (:data:`_SKIP_READINGS`).
    """
    if len(query) > _LONGEST_PINYIN_QUERY:
        return None
    text = unicodedata.normalize("NFKC", query).lower().strip().replace("u:", "v")
    text = unicodedata.normalize("NFD", text)
    parts: list[str] = []
    letters: list[str] = []
    at_boundary = True  # just after a tone digit (or at the start)
    pending_break = False  # a separator was typed since the last letter
    plain = True  # letters only: may be initials
    for char in text:
        if "a" <= char <= "z":
            if at_boundary:
                parts.append((_AFTER_TONE if letters else "") + _letter(char, starts=True))
            elif pending_break:
                parts.append(_NEXT + _letter(char, starts=True))
            else:
                parts.append(
                    f"(?:{_letter(char, starts=False)}|{_NEXT}{_letter(char, starts=True)})"
                )
            letters.append(char)
            at_boundary = pending_break = False
        elif char == "\u0308" and letters and letters[-1] == "u":  # ü
            letters[-1] = "v"
            parts[-1] = parts[-1].replace("[uv]", "v").replace("[UV]", "V")
            plain = False
        elif char in _TONE_MARKS and letters and not at_boundary:
            parts.append(f"(?=[a-z]*+{_TONE_MARKS[char]})")
            plain = False
        elif char in "012345" and letters and not at_boundary:
            parts.append("5" if char == "0" else char)
            at_boundary = True
            plain = False
        elif char in _PINYIN_SEPARATORS or char.isspace():
            pending_break = bool(letters)
            plain = False
        else:
            return None
    if not letters or letters[0] in "iuv":
        return None  # no syllable begins with i, u or ü
    shape = "".join(parts)
    pattern = shape.replace(_NEXT, r"[a-z]*+\d").replace(_AFTER_TONE, "")
    through_others = shape.replace(_NEXT, r"[a-z]*+\d" + _SKIP_READINGS)
    through_others = through_others.replace(_AFTER_TONE, _SKIP_READINGS)
    initials = None
    if plain:
        initials = re.compile(r"[a-z]*+\d".join(_letter(c, starts=True) for c in letters))
    return _PinyinQuery(
        re.compile(pattern),
        re.compile("\n" + pattern),
        letters[0].upper(),
        initials,
        re.compile(through_others),
    )


class SearchIndex:
    """Everything needed to answer queries over one glossary, built once.

    Each part of the index (:data:`PARTS`) is built when a query first reaches the tier
    that uses it, unless :meth:`build` is asked for all of them: a one-shot search whose
    first tiers fill its results never pays for the rest. An index can also be made of
    parts saved by :meth:`saved_parts` (``stored``), so a one-shot search in another
    process reads what it needs instead of building it: see
    :mod:`carbon_glossary.core.search_cache`."""

    def __init__(
        self, terms: Sequence[Term], stored: Callable[[str], object] | None = None
    ) -> None:
        """Use :meth:`build`; ``terms`` must already be in pinyin order. ``stored(name)``,
        when given, returns the saved part ``name`` (what :meth:`saved_parts` gave)."""
        self.terms: Sequence[Term] = terms
        self._stored = stored

    def _part(self, name: str, load: Callable[[object], _T], build: Callable[[], _T]) -> _T:
        if self._stored is not None:
            return load(self._stored(name))
        return build()

    @cached_property
    def _term(self) -> _Field:
        return self._part("term", _Field.from_plain, lambda: _Field.of(self._term_texts()))

    def _term_texts(self) -> list[str]:
        return [term.term for term in self.terms]

    @cached_property
    def _by_text(self) -> _Sorted:
        """Folded terms and their ranks, sorted by text."""
        return self._part(
            "by_text",
            _Sorted.from_plain,
            lambda: _Sorted.of(zip(self._term.lines, range(len(self.terms)), strict=True)),
        )

    @cached_property
    def _alias_names(self) -> _Sorted:
        """Each folded alias and its term's rank, sorted by alias."""
        return self._part("alias_names", _Sorted.from_plain, self._build_alias_names)

    def _build_alias_names(self) -> _Sorted:
        return _Sorted.of(
            (alias, rank)
            for rank, line in enumerate(self._aliases.lines)
            if line
            for alias in line.split("; ")
        )

    @cached_property
    def _pinyin_lines(self) -> list[str]:
        return [_pinyin_line(term) for term in self.terms]

    @cached_property
    def _pinyin(self) -> _Blob:
        return self._part("pinyin", _Blob.from_plain, lambda: _Blob.of(self._pinyin_lines))

    @cached_property
    def _pinyin_blocks(self) -> dict[str, tuple[int, int]]:
        """For each first letter, the ranks of the terms whose reading begins with it: terms
        are in pinyin order, so this is one block (wider only where sort_as moved a term)."""
        return self._part("pinyin_blocks", _blocks_from, self._build_pinyin_blocks)

    @cached_property
    def _pinyin_other(self) -> _Blob:
        """Each term's spellings through other readings of its 多音字 (:func:`_other_line`),
        one line per term in rank order."""
        return self._part(
            "pinyin_other",
            _Blob.from_plain,
            lambda: _Blob.of([_other_line(term) for term in self.terms]),
        )

    def _build_pinyin_blocks(self) -> dict[str, tuple[int, int]]:
        blocks: dict[str, tuple[int, int]] = {}
        rank = 0
        for letter, group in groupby(line[:1] for line in self._pinyin_lines):
            size = len(list(group))
            low, _ = blocks.get(letter, (rank, rank))
            blocks[letter] = (low, rank + size)
            rank += size
        return blocks

    @cached_property
    def _aliases(self) -> _Field:
        return self._part(
            "aliases",
            _Field.from_plain,
            lambda: _Field.of([_joined(term.aliases) for term in self.terms]),
        )

    @cached_property
    def _english(self) -> _Field:
        return self._part(
            "english",
            _Field.from_plain,
            lambda: _Field.of([_joined(term.english) for term in self.terms]),
        )

    @cached_property
    def _glosses(self) -> _Sorted:
        """Each folded gloss and its term's rank, sorted by gloss: whole-gloss and
        gloss-prefix matches by bisection, so only "inside a gloss" needs a scan."""
        return self._part("glosses", _Sorted.from_plain, self._build_glosses)

    def _build_glosses(self) -> _Sorted:
        return _Sorted.of(
            (gloss, rank)
            for rank, line in enumerate(self._english.lines)
            if line
            for gloss in line.split("; ")
        )

    @cached_property
    def _definition(self) -> _Field:
        return self._part(
            "definition",
            _Field.from_plain,
            lambda: _Field.of([term.definition for term in self.terms]),
        )

    @cached_property
    def _definition_en(self) -> _Field:
        return self._part(
            "definition_en",
            _Field.from_plain,
            lambda: _Field.of([term.definition_en for term in self.terms]),
        )

    @classmethod
    def build(cls, glossary: Glossary, *, whole: bool = True) -> SearchIndex:
        """Index a glossary: every part at once (``whole``), as a browser that will take
        many queries wants; or none yet, each as queries need it, as a one-shot search
        wants. Well under a second for 100,000 terms, but build it in a worker all the
        same, not on a UI's event loop."""
        in_file_order = sorted(glossary.terms, key=_position)
        # One string per term (a stable sort keeps file order for equal keys): much faster
        # than comparing sort_key tuples, and the same order.
        index = cls(tuple(sorted(in_file_order, key=full_key)))
        if whole:
            for name in PARTS:
                getattr(index, "_" + name)
        return index

    def saved_parts(self) -> Iterator[tuple[str, object]]:
        """(name, part) for every part, each as builtins only (str, bytes, int, tuple,
        dict), building those not built yet; ``SearchIndex(terms, stored)`` takes them
        back."""
        for name in PARTS:
            part = getattr(self, "_" + name)
            yield name, dict(part) if isinstance(part, dict) else part.to_plain()

    def search(self, query: str, limit: int | None = None) -> list[Match]:
        """Matches for ``query``, best first, at most ``limit``. An empty query gives every
        term in pinyin order. Never raises, whatever the string."""
        return self.search_and_count(query, limit, limit)[0]

    def search_and_count(
        self, query: str, limit: int | None, count_up_to: int | None
    ) -> tuple[list[Match], int]:
        """The first ``limit`` matches for ``query`` (as :meth:`search` gives them) and how
        many matches there are, counted up to ``count_up_to`` (at least ``limit``; None:
        every match). The matches past ``limit`` are only counted: an index of stored
        terms reads none of their terms."""
        if limit is None:
            count_up_to = None
        elif count_up_to is not None:
            count_up_to = max(limit, count_up_to)
        if count_up_to is not None and count_up_to <= 0:
            return [], 0
        cleaned = _CONTROLS_AND_NUL.sub(" ", query).strip()
        if not cleaned:
            chosen = self.terms if limit is None else self.terms[:limit]
            count = len(self.terms) if count_up_to is None else min(len(self.terms), count_up_to)
            return [Match(term, 0.0, "term", _NO_SPANS) for term in chosen], count
        run = _Search(self, cleaned, count_up_to, limit)
        return run.run(), run.found


class _Search:
    """One query's run over an index: tiers in order, each term at its best tier. Finds
    up to ``limit`` terms; makes results of the first ``kept`` of them (None: all)."""

    def __init__(self, index: SearchIndex, query: str, limit: int | None, kept: int | None) -> None:
        self.index = index
        self.limit = limit
        self.kept = kept
        self.seen: set[int] = set()
        self.found = 0
        self.results: list[Match] = []
        self.folded = fold(query)
        self.simplified = to_simplified(self.folded)
        # Hanzi queries ignore spaces; others keep them (English phrases).
        if any(is_hanzi(char) for char in self.simplified):
            self.simplified = "".join(self.simplified.split())
        self.term_field = "traditional" if self.simplified != self.folded else "term"
        self.spellings = _spellings(self.folded)  # for English text

    def full(self) -> bool:
        return self.limit is not None and self.found >= self.limit

    def add(
        self, rank: int, score: float, field: str, spans: Callable[..., Spans], *args: object
    ) -> None:
        """Add a term (unless already found at a better tier); ``spans(*args)`` gives its
        highlights when they are first asked for."""
        if rank in self.seen:
            return
        self.seen.add(rank)
        self.found += 1
        if self.kept is None or len(self.results) < self.kept:
            term = self.index.terms[rank]
            self.results.append(Match(term, score, field, _LazySpans(spans, *args)))

    def add_lines(
        self, ranks: Iterable[int], score: float, field: str, spans: Callable[[int], Spans]
    ) -> None:
        """``add`` for many terms with spans computed from the rank alone (kept inline: it
        runs once per result)."""
        terms, seen, results, limit, kept = (
            self.index.terms,
            self.seen,
            self.results,
            self.limit,
            self.kept,
        )
        found = self.found
        for rank in ranks:
            if limit is not None and found >= limit:
                break
            if rank not in seen:
                seen.add(rank)
                found += 1
                if kept is None or len(results) < kept:
                    results.append(Match(terms[rank], score, field, _LazySpans(spans, rank)))
        self.found = found

    def run(self) -> list[Match]:
        steps = (
            self.term_exact_and_prefix,
            self.term_substring,
            self.pinyin,
            self.aliases,
            self.english,
            self.other_readings,
            self.definitions,
        )
        for step in steps:
            if self.full():
                break
            step()
        return self.results

    def term_spans(self, rank: int) -> Spans:
        return {"term": _occurrences(self.index._term.lines[rank], self.simplified)}

    def term_exact_and_prefix(self) -> None:
        """The term itself, then a term known by that name (an alias typed whole: 能源消费总量
        finds 能源消费), then terms that begin with the query."""
        query = self.simplified
        exact: list[int] = []
        prefixed: list[int] = []
        for line, rank in self.index._by_text.starting_with(query):
            (exact if line == query else prefixed).append(rank)
        self.add_lines(sorted(exact), _EXACT, self.term_field, self.term_spans)
        named = {
            rank for alias, rank in self.index._alias_names.starting_with(query) if alias == query
        }
        self.add_lines(sorted(named), _ALIAS_EXACT, "alias", self.alias_spans)
        if self.limit is not None:
            prefixed = heapq.nsmallest(max(0, self.limit - self.found), prefixed)
        self.add_lines(sorted(prefixed), _PREFIX, self.term_field, self.term_spans)

    def term_substring(self) -> None:
        lines = self.index._term.find_lines(self.simplified, skip_line_start=True)
        self.add_lines(lines, _SUBSTRING, self.term_field, self.term_spans)

    @cached_property
    def compiled(self) -> _PinyinQuery | None:
        """The query as a pinyin pattern, or None if it cannot be pinyin."""
        return _compile_pinyin(self.folded)

    def pinyin(self) -> None:
        compiled = self.compiled
        if compiled is None:
            return
        if self.limit is None:
            # Every match wanted: one pass, then those from a term's first syllable first.
            hits = list(self._pinyin_hits(compiled.pattern, compiled.initials))
            hits.sort(key=lambda hit: hit[1] != _PINYIN_START)  # stable: rank order kept
            for hit in hits:
                self.add(*hit)
            return
        # A few wanted. Matches from a term's first syllable can only be in the block of
        # terms whose reading begins with the query's first letter: scan just that, then,
        # if more are wanted, everything for mid-term matches.
        block = self.index._pinyin_blocks.get(compiled.first)
        if block is not None:
            starts = self.index._pinyin.starts
            low = starts[block[0]] - 1
            high = starts[block[1]] - 1 if block[1] < len(starts) else None
            for hit in self._pinyin_hits(compiled.at_start, compiled.initials, (low, high, 1)):
                if self.full():
                    return
                self.add(*hit)
        for hit in self._pinyin_hits(compiled.pattern, compiled.initials):
            if self.full():
                return
            self.add(*hit)

    def _pinyin_hits(
        self,
        pattern: re.Pattern[str],
        initials: re.Pattern[str] | None,
        span: tuple[int, int | None, int] = (0, None, 0),
    ) -> Iterator[
        tuple[int, float, str, Callable[..., Spans], Sequence[Term], int, str, int, int, int]
    ]:
        """(rank, score, field, then the spans function and its arguments) for each
        matching term not yet found, in rank order: one match per term, as each search
        resumes at the next line. ``span`` = (where to start, where to stop or None, how far
        the match begins after the found offset: 1 for the newline of ``at_start``)."""
        blob = self.index._pinyin
        text, starts, terms, seen = blob.text, blob.starts, self.index.terms, self.seen
        position, high, skip = span
        end_position = len(text) if high is None else high
        search = pattern.search
        while (found := search(text, position, end_position)) is not None:
            begin = found.start() + skip
            line = bisect.bisect_right(starts, begin) - 1
            position = blob.next_line_start(line) - 1
            if line in seen:
                continue
            line_start = starts[line]
            score = _PINYIN_START if begin == line_start else _PINYIN_MID
            field = "initials" if initials and initials.match(text, begin) else "pinyin"
            end = found.end()
            yield line, score, field, _pinyin_spans, terms, line, text, line_start, begin, end

    def other_readings(self) -> None:
        """Terms whose reading matches only when a 多音字 is read another way pypinyin gives
        it (``diaofeng``: 调峰, tiáo fēng), those matching from their first character
        first. The highlight is on the term's own syllables."""
        compiled = self.compiled
        if compiled is None:  # not pinyin: the part is not even read
            return
        blob = self.index._pinyin_other
        if len(blob.text) == len(blob.starts) + 1:  # no term has another reading
            return
        text, starts, terms, seen = blob.text, blob.starts, self.index.terms, self.seen
        search = compiled.through_others.search
        hits: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
        position = 0
        while (found := search(text, position)) is not None:
            begin = found.start()
            line = bisect.bisect_right(starts, begin) - 1
            # the first match in a line is the leftmost: from the first character if any is
            position = blob.next_line_start(line) - 1
            if line not in seen:
                from_first = _slot_ends(text[starts[line] : begin]) == 0
                hits[0 if from_first else 1].append((line, begin, found.end()))
        for score, found_here in zip((_OTHER_READING_START, _OTHER_READING_MID), hits, strict=True):
            for line, begin, end in found_here:
                if self.full():
                    return
                self.add(
                    line,
                    score,
                    "other_reading",
                    _other_spans,
                    terms,
                    line,
                    text,
                    starts[line],
                    begin,
                    end,
                )

    def alias_spans(self, rank: int) -> Spans:
        return {"aliases": _occurrences(self.index._aliases.lines[rank], self.simplified)}

    def aliases(self) -> None:
        found = self.index._aliases.find_lines(self.simplified)
        self.add_lines(found, _ALIAS, "alias", self.alias_spans)

    def english_spans(self, rank: int) -> Spans:
        return {"english": _spelled(self.index._english.lines[rank], self.spellings)}

    def english(self) -> None:
        spans, glosses, english = self.english_spans, self.index._glosses, self.index._english
        exact: list[int] = []
        prefixed: list[int] = []
        for needle in self.spellings:
            for gloss, rank in glosses.starting_with(needle):
                (exact if gloss == needle else prefixed).append(rank)
        self.add_lines(sorted(set(exact)), _ENGLISH_EXACT, "english", spans)
        self.add_lines(sorted(set(prefixed)), _ENGLISH_START, "english", spans)
        found = heapq.merge(*(english.find_lines(needle) for needle in self.spellings))
        self.add_lines(_unique(found), _ENGLISH, "english", spans)

    def definitions(self) -> None:
        index, needle, spellings = self.index, self.simplified, self.spellings

        def spans(rank: int) -> Spans:
            found = {
                "definition": _occurrences(index._definition.lines[rank], needle),
                "definition_en": _spelled(index._definition_en.lines[rank], spellings),
            }
            return {key: value for key, value in found.items() if value}

        merged = heapq.merge(
            index._definition.find_lines(needle),
            *(index._definition_en.find_lines(spelt) for spelt in spellings),
        )
        self.add_lines(_unique(merged), _DEFINITION, "definition", spans)


def _spelled(haystack: str, needles: tuple[str, ...]) -> tuple[Span, ...]:
    """Occurrences of any of ``needles`` (one query in several spellings), in order."""
    if len(needles) == 1:
        return _occurrences(haystack, needles[0])
    return _merge(sorted(span for n in needles for span in _occurrences(haystack, n)), 0)


def _joined(texts: tuple[str, ...]) -> str:
    return texts[0] if len(texts) == 1 else "; ".join(texts)


def _position(term: Term) -> int:
    return term.position


def _pinyin_spans(
    terms: Sequence[Term], rank: int, text: str, line_start: int, begin: int, end: int
) -> Spans:
    """Spans for a pinyin match ``text[begin:end]`` in the line (of ``terms[rank]``)
    starting at ``line_start``.

    The n-th digit of a line ends its n-th token, and a final tone digit belongs to the last
    token the match covers; whole tokens (syllables) are highlighted, with their hanzi.
    """
    first = _digits(text[line_start:begin])
    return _token_spans(terms[rank], first, first + _digits(text[begin : end - 1]))


def _other_spans(
    terms: Sequence[Term], rank: int, text: str, line_start: int, begin: int, end: int
) -> Spans:
    """:func:`_pinyin_spans` for a match in the blob of other readings."""
    first = _slot_ends(text[line_start:begin])
    return _token_spans(terms[rank], first, first + _slot_ends(text[begin : end - 1]))


def _slot_ends(piece: str) -> int:
    """How many characters' readings end in ``piece`` of the blob of other readings: every
    reading ends in a digit, and all but a character's last are followed by ``|``."""
    return _digits(piece) - piece.count("|")


def _token_spans(term: Term, first: int, last: int) -> Spans:
    """Spans of the term's displayed reading's tokens ``first`` to ``last`` (and of their
    hanzi)."""
    pinyin: list[Span] = []
    hanzi_wanted: list[int] = []
    offset = 0
    for index, (token, hanzi) in enumerate(reading_pieces(term.term, term.marks)):
        if first <= index <= last:
            pinyin.append((offset, offset + len(token)))
            if hanzi >= 0:
                hanzi_wanted.append(hanzi)
        offset += len(token) + 1
    positions = [i for i, char in enumerate(term.term) if is_hanzi(char)]
    term_spans = [(positions[h], positions[h] + 1) for h in hanzi_wanted]
    return {"pinyin": _merge(pinyin, 1), "term": _merge(term_spans, 0)}


def _digits(piece: str) -> int:
    return sum(piece.count(digit) for digit in "012345")


def _merge(spans: list[Span], gap: int) -> tuple[Span, ...]:
    """Join ranges that touch (or are ``gap`` apart: the space between syllables)."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and start - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def _unique(ranks: Iterator[int]) -> Iterator[int]:
    """Drop repeats from an ascending sequence."""
    last = -1
    for rank in ranks:
        if rank != last:
            yield rank
            last = rank
