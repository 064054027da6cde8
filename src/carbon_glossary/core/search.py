"""One search box for hanzi, pinyin (any form), initials, English and definition text.

Ranking (DESIGN.md "Search"): exact term > term prefix > term substring > pinyin or initials
(matches from the term's first syllable above mid-term ones) > alias > English (a whole
gloss, then a gloss's start, then inside one) > definition text; equal scores in dictionary
(pinyin) order.

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

Highlight spans are computed only when asked for: a result list may hold thousands of
matches, of which a screen shows twenty.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, groupby

from carbon_glossary.core.collate import full_key
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import is_hanzi, reading_pieces
from carbon_glossary.core.text import fold, to_simplified

__all__ = ["FIELDS", "Match", "SearchIndex"]

FIELDS = ("term", "traditional", "pinyin", "initials", "alias", "english", "definition")

Span = tuple[int, int]
Spans = Mapping[str, tuple[Span, ...]]

# Scores per tier; within a tier, pinyin order decides.
_EXACT = 1.0
_PREFIX = 0.9
_SUBSTRING = 0.8
_PINYIN_START = 0.7
_PINYIN_MID = 0.6
_ALIAS = 0.5
_ENGLISH_EXACT = 0.48
_ENGLISH_START = 0.47
_ENGLISH = 0.45
_DEFINITION = 0.3

_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_PINYIN_SEPARATORS = frozenset(" '’-·_")
_LONGEST_PINYIN_QUERY = 200  # longer is no reading of a term; compiling it would be slow
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
_LAZY_FIELDS = (
    "_pinyin",
    "_pinyin_blocks",
    "_aliases",
    "_english",
    "_glosses",
    "_definition",
    "_definition_en",
)


class _Blob:
    """Lines joined with newlines, each prefixed by one, with bisection back to line numbers.

    The leading newline lets "starts a line" be matched as the literal ``"\\n" + query``,
    which ``str.find`` and the regex engine's literal-prefix search both make fast.
    """

    __slots__ = ("starts", "text")

    def __init__(self, lines: Sequence[str]) -> None:
        self.text = "\n" + "\n".join(lines) + "\n"
        # starts[i] is the offset of line i's first character (just after its newline).
        self.starts = list(accumulate(map(len, lines), _next_line, initial=1))[:-1]

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


class _Field:
    """One searchable field of every term: folded lines and the blobs to scan.

    Python stores Chinese text two bytes a character and scans it at that width, yet most
    queries are ASCII (pinyin, English) and can only match ASCII runs. So beside the full
    blob a field keeps an ASCII projection, every run of other characters squeezed to one
    \\x01: the same lines at a fraction of the size. An all-ASCII field (English) cannot
    contain a query with other characters, so it is not scanned for one.
    """

    __slots__ = ("ascii", "blob", "empty", "lines")

    def __init__(self, texts: Sequence[str]) -> None:
        self.lines = _folded_lines(texts)
        self.blob = _Blob(self.lines)
        self.empty = not any(self.lines)
        self.ascii: _Blob | None = None
        if not self.blob.text.isascii():
            projected = _NON_ASCII_RUN.sub("\x01", "\n".join(self.lines))
            self.ascii = _Blob(projected.split("\n"))

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
    parts = []
    for token, hanzi in reading_pieces(term.term, term.syllables):
        if hanzi >= 0:
            parts.append(_capital(token))
        else:
            letters = fold(token)
            is_word = letters.isascii() and letters.isalpha()
            parts.append(_capital(letters) + "0" if is_word else "0")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class _PinyinQuery:
    """A query compiled for the pinyin blob."""

    pattern: re.Pattern[str]  # a match starting at any syllable
    at_start: re.Pattern[str]  # the same, anchored after a line's newline
    first: str  # the capital the match begins with
    initials: re.Pattern[str] | None  # every letter starting a syllable (plain queries only)


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
    the next letter start a syllable.
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
                parts.append(_letter(char, starts=True))
            elif pending_break:
                parts.append(r"[a-z]*+\d" + _letter(char, starts=True))
            else:
                parts.append(
                    f"(?:{_letter(char, starts=False)}|[a-z]*+\\d{_letter(char, starts=True)})"
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
    pattern = "".join(parts)
    initials = None
    if plain:
        initials = re.compile(r"[a-z]*+\d".join(_letter(c, starts=True) for c in letters))
    return _PinyinQuery(
        re.compile(pattern), re.compile("\n" + pattern), letters[0].upper(), initials
    )


class SearchIndex:
    """Everything needed to answer queries over one glossary, built once.

    The term field is built at once; the others (pinyin, aliases, English, definitions) when
    a query first reaches their tier, unless :meth:`build` is asked for all of them: a
    one-shot search whose first tiers fill its results never pays for the rest."""

    def __init__(self, terms: Sequence[Term]) -> None:
        """Use :meth:`build`; ``terms`` must already be in pinyin order."""
        self.terms: tuple[Term, ...] = tuple(terms)
        self._term = _Field([term.term for term in self.terms])
        # (folded text, rank) sorted by text: exact and prefix matches by bisection.
        self._by_text = sorted(zip(self._term.lines, range(len(self.terms)), strict=True))

    @cached_property
    def _pinyin_lines(self) -> list[str]:
        return [_pinyin_line(term) for term in self.terms]

    @cached_property
    def _pinyin(self) -> _Blob:
        return _Blob(self._pinyin_lines)

    @cached_property
    def _pinyin_blocks(self) -> dict[str, tuple[int, int]]:
        """For each first letter, the ranks of the terms whose reading begins with it: terms
        are in pinyin order, so this is one block (wider only where sort_as moved a term)."""
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
        return _Field([_joined(term.aliases) for term in self.terms])

    @cached_property
    def _english(self) -> _Field:
        return _Field([_joined(term.english) for term in self.terms])

    @cached_property
    def _glosses(self) -> list[tuple[str, int]]:
        """(folded gloss, rank) sorted by gloss: whole-gloss and gloss-prefix matches by
        bisection, so only "inside a gloss" needs a scan."""
        return sorted(
            (gloss, rank)
            for rank, line in enumerate(self._english.lines)
            if line
            for gloss in line.split("; ")
        )

    @cached_property
    def _definition(self) -> _Field:
        return _Field([term.definition for term in self.terms])

    @cached_property
    def _definition_en(self) -> _Field:
        return _Field([term.definition_en for term in self.terms])

    @classmethod
    def build(cls, glossary: Glossary, *, whole: bool = True) -> SearchIndex:
        """Index a glossary: every field at once (``whole``), as a browser that will take
        many queries wants; or only the term field, the rest as queries need them, as a
        one-shot search wants. Well under a second for 100,000 terms, but build it in a
        worker all the same, not on a UI's event loop."""
        in_file_order = sorted(glossary.terms, key=_position)
        # One string per term (a stable sort keeps file order for equal keys): much faster
        # than comparing sort_key tuples, and the same order.
        index = cls(sorted(in_file_order, key=full_key))
        if whole:
            for name in _LAZY_FIELDS:
                getattr(index, name)
        return index

    def search(self, query: str, limit: int | None = None) -> list[Match]:
        """Matches for ``query``, best first, at most ``limit``. An empty query gives every
        term in pinyin order. Never raises, whatever the string."""
        if limit is not None and limit <= 0:
            return []
        cleaned = _CONTROLS_AND_NUL.sub(" ", query).strip()
        if not cleaned:
            chosen = self.terms if limit is None else self.terms[:limit]
            return [Match(term, 0.0, "term", _NO_SPANS) for term in chosen]
        return _Search(self, cleaned, limit).run()


class _Search:
    """One query's run over an index: tiers in order, each term at its best tier."""

    def __init__(self, index: SearchIndex, query: str, limit: int | None) -> None:
        self.index = index
        self.limit = limit
        self.seen: set[int] = set()
        self.results: list[Match] = []
        self.folded = fold(query)
        self.simplified = to_simplified(self.folded)
        # Hanzi queries ignore spaces; others keep them (English phrases).
        if any(is_hanzi(char) for char in self.simplified):
            self.simplified = "".join(self.simplified.split())
        self.term_field = "traditional" if self.simplified != self.folded else "term"
        self.spellings = _spellings(self.folded)  # for English text

    def full(self) -> bool:
        return self.limit is not None and len(self.results) >= self.limit

    def add(
        self, rank: int, score: float, field: str, spans: Callable[..., Spans], *args: object
    ) -> None:
        """Add a term (unless already found at a better tier); ``spans(*args)`` gives its
        highlights when they are first asked for."""
        if rank in self.seen:
            return
        self.seen.add(rank)
        self.results.append(Match(self.index.terms[rank], score, field, _LazySpans(spans, *args)))

    def add_lines(
        self, ranks: Iterable[int], score: float, field: str, spans: Callable[[int], Spans]
    ) -> None:
        """``add`` for many terms with spans computed from the rank alone (kept inline: it
        runs once per result)."""
        terms, seen, results, limit = self.index.terms, self.seen, self.results, self.limit
        for rank in ranks:
            if limit is not None and len(results) >= limit:
                return
            if rank not in seen:
                seen.add(rank)
                results.append(Match(terms[rank], score, field, _LazySpans(spans, rank)))

    def run(self) -> list[Match]:
        steps = (
            self.term_exact_and_prefix,
            self.term_substring,
            self.pinyin,
            self.aliases,
            self.english,
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
        query = self.simplified
        by_text = self.index._by_text
        exact: list[int] = []
        prefixed: list[int] = []
        for position in range(bisect.bisect_left(by_text, (query,)), len(by_text)):
            line, rank = by_text[position]
            if not line.startswith(query):
                break
            (exact if line == query else prefixed).append(rank)
        self.add_lines(sorted(exact), _EXACT, self.term_field, self.term_spans)
        if self.limit is not None:
            prefixed = heapq.nsmallest(max(0, self.limit - len(self.results)), prefixed)
        self.add_lines(sorted(prefixed), _PREFIX, self.term_field, self.term_spans)

    def term_substring(self) -> None:
        lines = self.index._term.find_lines(self.simplified, skip_line_start=True)
        self.add_lines(lines, _SUBSTRING, self.term_field, self.term_spans)

    def pinyin(self) -> None:
        compiled = _compile_pinyin(self.folded)
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
    ) -> Iterator[tuple[int, float, str, Callable[..., Spans], Term, str, int, int, int]]:
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
            yield line, score, field, _pinyin_spans, terms[line], text, line_start, begin, end

    def aliases(self) -> None:
        needle, lines = self.simplified, self.index._aliases.lines

        def spans(rank: int) -> Spans:
            return {"aliases": _occurrences(lines[rank], needle)}

        self.add_lines(self.index._aliases.find_lines(needle), _ALIAS, "alias", spans)

    def english_spans(self, rank: int) -> Spans:
        return {"english": _spelled(self.index._english.lines[rank], self.spellings)}

    def english(self) -> None:
        spans, glosses, english = self.english_spans, self.index._glosses, self.index._english
        exact: list[int] = []
        prefixed: list[int] = []
        for needle in self.spellings:
            for position in range(bisect.bisect_left(glosses, (needle,)), len(glosses)):
                gloss, rank = glosses[position]
                if not gloss.startswith(needle):
                    break
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


def _english_tier(line: str, needle: str) -> int:
    """0: a whole gloss equals the query; 1: a gloss begins with it; 2: it is inside one."""
    glosses = line.split("; ")
    if needle in glosses:
        return 0
    if any(gloss.startswith(needle) for gloss in glosses):
        return 1
    return 2


def _spelled(haystack: str, needles: tuple[str, ...]) -> tuple[Span, ...]:
    """Occurrences of any of ``needles`` (one query in several spellings), in order."""
    if len(needles) == 1:
        return _occurrences(haystack, needles[0])
    return _merge(sorted(span for n in needles for span in _occurrences(haystack, n)), 0)


def _joined(texts: tuple[str, ...]) -> str:
    return texts[0] if len(texts) == 1 else "; ".join(texts)


def _position(term: Term) -> int:
    return term.position


def _pinyin_spans(term: Term, text: str, line_start: int, begin: int, end: int) -> Spans:
    """Spans for a pinyin match ``text[begin:end]`` in the line starting at ``line_start``.

    The n-th digit of a line ends its n-th token, and a final tone digit belongs to the last
    token the match covers; whole tokens (syllables) are highlighted, with their hanzi.
    """
    first = _digits(text[line_start:begin])
    last = first + _digits(text[begin : end - 1])
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
