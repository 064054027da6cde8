"""Grading typed answers: pinyin syllable by syllable, and hanzi answers with forgiving matching.

Pinyin may be typed with tone marks (``tàn dá fēng``), tone numbers (``tan4 da2 feng1``),
``v``/``u:``/``ü`` for ü, the neutral tone as ``5``, ``0`` or nothing, and with any spacing,
none included (``tandafeng`` is cut into syllables, preferring the cut that matches the
expected syllable count). A wrong answer is explained per syllable as data
(:class:`PinyinIssue`) and as a catalogue message.

Hanzi answers match when they are equal after NFKC (full-/half-width), conversion to simplified
characters, case folding and removal of whitespace and punctuation (《》“”。，…).

Nothing here raises on any input: a grader that crashes on a typo would lose the answer.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from carbon_glossary.core.pinyin import is_hanzi, split_tone, to_marked, valid_syllables
from carbon_glossary.core.text import to_simplified
from carbon_glossary.i18n import t

__all__ = [
    "PinyinGrade",
    "PinyinIssue",
    "PinyinIssueKind",
    "TextGrade",
    "grade_pinyin",
    "grade_text",
    "normalise_text",
    "same_text",
    "tone_name",
]

PinyinIssueKind = Literal[
    "empty", "invalid", "count", "missing", "extra", "sound", "tone", "no_tone"
]

# Longest accepted answer, in characters per expected syllable: beyond this an answer is
# rejected as unreadable rather than segmented (segmentation is quadratic in its length).
_MAX_CHARS_PER_SYLLABLE = 24
_MAX_CHARS = 400

# Combining marks (input is decomposed to NFD): a tone mark on the letter before it, the
# diaeresis of ü, the circumflex of ê. Decomposing first reads every way a mark can be
# typed alike, including those with no precomposed letter (m̄, n̄g, hm̄, ê̄).
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_DIAERESIS = "\u0308"
_CIRCUMFLEX = "\u0302"
# Interjection syllables (呣 m, 嗯 n/ng, 哼 hm/hng) are never cut out of joined input unless
# the expected reading has them: "tanan" is tan'an, not ta'n'an.
_INTERJECTIONS = frozenset({"m", "n", "ng", "hm", "hng", "ê"})
_MAX_SYLLABLE_LENGTH = 6
_LITERAL_RUN = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True, slots=True)
class PinyinIssue:
    """One thing wrong with a pinyin answer.

    ``index`` is 0-based: the position in the expected reading for ``missing``, ``sound``,
    ``tone`` and ``no_tone``; the position in the answer for ``extra``; -1 otherwise.
    ``expected`` and ``given`` are numbered syllables (``given`` has no digit when no tone was
    typed; for ``invalid`` it is the text that is not pinyin). For ``count`` the two counts
    are in ``expected_count`` and ``given_count``.
    """

    kind: PinyinIssueKind
    index: int = -1
    expected: str = ""
    given: str = ""
    expected_count: int = 0
    given_count: int = 0

    def message(self) -> str:
        """The explanation in the current interface language."""
        n = self.index + 1
        if self.kind == "empty":
            return t("quiz.pinyin.empty")
        if self.kind == "invalid":
            return t("quiz.pinyin.invalid", text=self.given)
        if self.kind == "count":
            return t("quiz.pinyin.count", expected=self.expected_count, given=self.given_count)
        if self.kind == "missing":
            return t("quiz.pinyin.missing", n=n, expected=_show(self.expected))
        if self.kind == "extra":
            return t("quiz.pinyin.extra", n=n, given=_show(self.given))
        if self.kind == "sound":
            return t(
                "quiz.pinyin.sound", n=n, expected=_show(self.expected), given=_show(self.given)
            )
        if self.kind == "no_tone":
            return t(
                "quiz.pinyin.no_tone",
                n=n,
                expected=_show(self.expected),
                expected_tone=tone_name(split_tone(self.expected)[1]),
            )
        return t(
            "quiz.pinyin.tone",
            n=n,
            expected=_show(self.expected),
            expected_tone=tone_name(split_tone(self.expected)[1]),
            given=_show(self.given),
            given_tone=tone_name(split_tone(self.given)[1]),
        )


@dataclass(frozen=True, slots=True)
class PinyinGrade:
    """The result of grading a pinyin answer.

    ``given`` is the answer as understood: numbered syllables, without a digit where no tone
    was typed. It is empty when the answer could not be read as pinyin at all. ``typed`` is
    the answer exactly as typed: what is shown back and stored, never ``given`` rewritten.
    """

    correct: bool
    expected: tuple[str, ...]
    given: tuple[str, ...]
    issues: tuple[PinyinIssue, ...]
    strict: bool = True
    typed: str = ""

    def messages(self) -> tuple[str, ...]:
        """One message per issue, in the current interface language."""
        return tuple(issue.message() for issue in self.issues)


@dataclass(frozen=True, slots=True)
class TextGrade:
    """The result of grading a typed hanzi answer. ``matched`` is the accepted form it
    matched ("" when wrong); ``given`` is the answer as compared (normalised)."""

    correct: bool
    given: str
    matched: str = ""


def tone_name(tone: int | None) -> str:
    """第一声 … 第四声, 轻声, in the current interface language; None → "no tone"."""
    if tone in (1, 2, 3, 4):
        return t(f"quiz.tone.{tone}")
    if tone in (0, 5):
        return t("quiz.tone.5")
    return t("quiz.tone.none")


def _show(numbered: str) -> str:
    """A numbered syllable with tone marks, for messages; a toneless one as plain letters."""
    letters, tone = split_tone(numbered)
    if tone is None:
        return letters.replace("v", "ü")
    try:
        return to_marked(numbered)
    except Exception:  # a malformed expected reading must still produce a message
        return numbered


def normalise_text(text: str) -> str:
    """The form in which two typed or written answers are compared.

    NFKC (full-width letters and digits become half-width), traditional → simplified,
    case folded, and every whitespace, punctuation and invisible formatting character removed,
    so 《碳達峰》, “碳达峰” and ``碳达峰 `` all give 碳达峰.
    """
    text = unicodedata.normalize("NFKC", text)
    with contextlib.suppress(Exception):  # OpenCC refusing odd input must not fail grading
        text = to_simplified(text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZC")


def same_text(a: str, b: str) -> bool:
    """True when two texts are the same answer (see :func:`normalise_text`)."""
    return normalise_text(a) == normalise_text(b)


def grade_text(given: str, accepted: Sequence[str]) -> TextGrade:
    """Grade a typed hanzi answer against the accepted forms (term, traditional, aliases)."""
    if not isinstance(given, str):
        return TextGrade(False, "")
    key = normalise_text(given)
    if key:
        for form in accepted:
            if normalise_text(form) == key:
                return TextGrade(True, key, form)
    return TextGrade(False, key)


@cache
def _vocabulary() -> dict[str, str]:
    """Spellings accepted in typed pinyin → the canonical toneless syllable.

    Besides pypinyin's syllables: ``jv``/``qv``/``xv``/``yv`` spellings (ju …) and ``lue``/``nue``
    for lüe/nüe, both commonly typed.
    """
    vocab = {s: s for s in valid_syllables()}  # ASCII, with v for ü, and ê
    for s in list(vocab):
        if s[0] in "jqxy" and len(s) > 1 and s[1] == "u":
            vocab.setdefault(s[0] + "v" + s[2:], s)
    vocab.setdefault("lue", "lve")
    vocab.setdefault("nue", "nve")
    return vocab


@dataclass(slots=True)
class _Chunk:
    """A run of letters between separators or tone digits."""

    start: int  # offset in the joined letter string
    letters: str
    marks: list[int]  # tone from a tone mark on each letter, 0 for none
    digit: int | None  # a tone digit typed right after the run
    raw: str


def _tokenise(text: str) -> tuple[list[_Chunk], list[str]]:
    """Cut normalised input into letter runs; also return the pieces that are not pinyin."""
    chunks: list[_Chunk] = []
    bad: list[str] = []
    letters: list[str] = []
    marks: list[int] = []
    raw: list[str] = []
    offset = 0

    def close(digit: int | None) -> None:
        nonlocal offset
        if letters:
            raw_text = unicodedata.normalize("NFC", "".join(raw))
            chunks.append(_Chunk(offset, "".join(letters), list(marks), digit, raw_text))
            offset += len(letters)
        letters.clear()
        marks.clear()
        raw.clear()

    text = unicodedata.normalize("NFD", text)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "u" and text.startswith("u:", i):
            letters.append("v")
            marks.append(0)
            raw.append("u:")
            i += 2
            continue
        if "a" <= ch <= "z":
            letters.append(ch)
            marks.append(0)
            raw.append(ch)
        elif ch in _TONE_MARKS and letters and not marks[-1]:
            marks[-1] = _TONE_MARKS[ch]
            raw.append(ch)
        elif ch == _DIAERESIS and letters and letters[-1] == "u":
            letters[-1] = "v"
            raw.append(ch)
        elif ch == _CIRCUMFLEX and letters and letters[-1] == "e":
            letters[-1] = "ê"
            raw.append(ch)
        elif ch.isdigit():
            value = unicodedata.digit(ch, -1)
            if letters and 0 <= value <= 5:
                raw.append(ch)
                close(5 if value == 0 else value)
            else:
                close(None)
                bad.append(ch)
        elif ch.isspace() or unicodedata.category(ch)[0] in "PZS":
            close(None)
        else:
            close(None)
            bad.append(ch)
        i += 1
    close(None)
    return chunks, bad


def _strip_literals(text: str, term_text: str) -> str:
    """Remove the term's non-hanzi runs (``CCUS``, ``2030``) from the answer as whole words.

    Digit runs are removed also when letters follow (``2030nian2``): digits cannot start a
    syllable, so this is never ambiguous.
    """
    literals = sorted(
        set(_LITERAL_RUN.findall(unicodedata.normalize("NFKC", term_text).casefold())),
        key=lambda s: (-len(s), s),
    )
    for literal in literals:
        if literal.isdigit():
            pattern = rf"(?<![0-9a-z]){re.escape(literal)}(?![0-9])"
        else:
            pattern = rf"(?<![0-9a-z]){re.escape(literal)}(?![0-9a-z])"
        text = re.sub(pattern, " ", text)
    return text


def _segment(chunks: list[_Chunk], expected_sounds: Sequence[str]) -> list[tuple[str, int]] | None:
    """Cut the letter runs into syllables: (canonical toneless syllable, offset of its end).

    The learner's own separation is respected: when the answer is typed in several runs
    (spaces, apostrophes or tone digits between them), a run that is one syllable stays one
    syllable, so a missing syllable is reported as missing instead of the answer being
    re-cut to fit (``yuan2`` never becomes ``yu an2``). Only a run that is not a syllable by
    itself, or an answer typed in one run, is cut; among all cuts, prefer the syllable count
    closest to the expected one, then the fewest syllables whose sound differs from the
    expected one at the same position. None when some run cannot be cut into syllables.
    """
    vocab = _vocabulary()
    allowed_interjections = _INTERJECTIONS & set(expected_sounds)
    text = "".join(c.letters for c in chunks)
    size = len(text)
    boundaries = {c.start for c in chunks} | {size}
    # start of a run kept whole -> its end
    whole = (
        {c.start: c.start + len(c.letters) for c in chunks if c.letters in vocab}
        if len(chunks) > 1
        else {}
    )
    n = len(expected_sounds)
    # best[j][k] = (mismatches, previous position) for the first j letters cut into k syllables
    best: list[dict[int, tuple[int, int]]] = [{} for _ in range(size + 1)]
    best[0][0] = (0, -1)
    for i in range(size):
        if not best[i]:
            continue
        for j in range(i + 1, min(size, i + _MAX_SYLLABLE_LENGTH) + 1):
            if any(b in boundaries for b in range(i + 1, j)):
                break
            if i in whole and j != whole[i]:
                continue
            canonical = vocab.get(text[i:j])
            if canonical is None:
                continue
            if canonical in _INTERJECTIONS and canonical not in allowed_interjections:
                continue
            for k, (cost, _) in best[i].items():
                miss = 0 if k < n and expected_sounds[k] == canonical else 1
                candidate = (cost + miss, i)
                if k + 1 not in best[j] or candidate[0] < best[j][k + 1][0]:
                    best[j][k + 1] = candidate
    if not best[size]:
        return None
    count = min(best[size], key=lambda k: (abs(k - n), best[size][k][0], k))
    cuts: list[tuple[str, int]] = []
    j, k = size, count
    while k > 0:
        i = best[j][k][1]
        cuts.append((vocab[text[i:j]], j))
        j, k = i, k - 1
    cuts.reverse()
    return cuts


def _unreadable_runs(chunks: list[_Chunk]) -> list[str]:
    """The typed runs that cannot be cut into syllables on their own."""
    vocab = _vocabulary()
    bad = []
    for chunk in chunks:
        reach = [True] + [False] * len(chunk.letters)
        for i in range(len(chunk.letters)):
            if reach[i]:
                for j in range(i + 1, min(len(chunk.letters), i + _MAX_SYLLABLE_LENGTH) + 1):
                    if chunk.letters[i:j] in vocab:
                        reach[j] = True
        if not reach[-1]:
            bad.append(chunk.raw)
    return bad


def _read_syllables(chunks: list[_Chunk], cuts: list[tuple[str, int]]) -> tuple[str, ...]:
    """Attach tones to the cut syllables: a mark inside the syllable, or a digit after its run."""
    marks = [m for c in chunks for m in c.marks]
    digit_at = {c.start + len(c.letters): c.digit for c in chunks if c.digit is not None}
    result = []
    start = 0
    for sound, end in cuts:
        tone: int | None = digit_at.get(end)
        if tone is None:
            tone = next((m for m in marks[start:end] if m), None)
        result.append(sound if tone is None else f"{sound}{tone}")
        start = end
    return tuple(result)


def _align(expected: Sequence[str], given: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Edit-distance alignment of toneless syllables: pairs (expected index, given index),
    None on one side for a missing or an extra syllable."""
    n, m = len(expected), len(given)
    dist = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dist[i][0] = i
    for j in range(m + 1):
        dist[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = expected[i - 1] == given[j - 1]
            dist[i][j] = min(
                dist[i - 1][j - 1] + (0 if same else 1),
                dist[i - 1][j] + 1,
                dist[i][j - 1] + 1,
            )
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0:
            same = expected[i - 1] == given[j - 1]
            if dist[i][j] == dist[i - 1][j - 1] + (0 if same else 1):
                pairs.append((i - 1, j - 1))
                i, j = i - 1, j - 1
                continue
        if i > 0 and dist[i][j] == dist[i - 1][j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


def _accepted_tones(expected: str, char: str) -> frozenset[int]:
    """Tones accepted for one syllable: its own, plus the sandhi tones of 一 and 不."""
    letters, tone = split_tone(expected)
    tones = {tone if tone is not None else 5}
    if char == "一" and letters == "yi":
        tones |= {1, 2, 4}
    elif char == "不" and letters == "bu":
        tones |= {2, 4}
    return frozenset(tones)


def grade_pinyin(
    given: str, expected: Sequence[str], *, strict: bool = True, term_text: str = ""
) -> PinyinGrade:
    """Grade a typed reading against the expected numbered syllables.

    ``strict`` requires the tones (a syllable typed without a tone counts as neutral, so it
    is right only where the neutral tone is expected); lenient grading compares sounds only.
    ``term_text`` is the term the reading belongs to: its Latin letters and digits
    (``CCUS``, ``2030``) may be typed along and are ignored, and 一/不 accept their sandhi
    tones (yí, bú).
    """
    expected = tuple(expected)
    typed = given if isinstance(given, str) else ""
    if not isinstance(given, str):
        return PinyinGrade(False, expected, (), (PinyinIssue("empty"),), strict, typed)
    limit = min(_MAX_CHARS, _MAX_CHARS_PER_SYLLABLE * max(1, len(expected)))
    if len(given) > limit:
        return PinyinGrade(
            False, expected, (), (PinyinIssue("invalid", given=given[:12] + "…"),), strict, typed
        )
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", given)).lower()
    if term_text:
        text = _strip_literals(text, term_text)
    chunks, bad = _tokenise(text)
    if not chunks and not bad:
        return PinyinGrade(False, expected, (), (PinyinIssue("empty"),), strict, typed)
    sounds = [split_tone(s)[0] for s in expected]
    cuts = _segment(chunks, sounds) if not bad else None
    if cuts is None:
        pieces = list(dict.fromkeys(bad + _unreadable_runs(chunks)))
        issues = tuple(PinyinIssue("invalid", given=p) for p in pieces)
        return PinyinGrade(
            False, expected, (), issues or (PinyinIssue("invalid", given=given),), strict, typed
        )
    syllables = _read_syllables(chunks, cuts)
    hanzi = [c for c in term_text if is_hanzi(c)]
    if len(hanzi) != len(expected):
        hanzi = [""] * len(expected)
    issues_list: list[PinyinIssue] = []
    if len(syllables) != len(expected):
        issues_list.append(
            PinyinIssue("count", expected_count=len(expected), given_count=len(syllables))
        )
    for e, g in _align(sounds, [split_tone(s)[0] for s in syllables]):
        if g is None:
            assert e is not None
            issues_list.append(PinyinIssue("missing", e, expected[e], ""))
        elif e is None:
            issues_list.append(PinyinIssue("extra", g, "", syllables[g]))
        elif sounds[e] != split_tone(syllables[g])[0]:
            issues_list.append(PinyinIssue("sound", e, expected[e], syllables[g]))
        elif strict:
            tone = split_tone(syllables[g])[1]
            accepted = _accepted_tones(expected[e], hanzi[e])
            if tone is None and 5 not in accepted:
                issues_list.append(PinyinIssue("no_tone", e, expected[e], syllables[g]))
            elif tone is not None and tone not in accepted:
                issues_list.append(PinyinIssue("tone", e, expected[e], syllables[g]))
    issues = tuple(issues_list)
    return PinyinGrade(not issues, expected, syllables, issues, strict, typed)
