"""Pinyin as text: parsing what people type or write, and formatting readings.

The canonical form of a syllable is *numbered*: lowercase letters, ``v`` for ü, and a tone
digit 1–5 (5 = neutral): ``tan4``, ``lv4``, ``de5``. Tone marks are produced for display.

pypinyin is imported lazily, inside functions: a warm glossary cache must start without it
(it costs about 140 ms to import).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = [
    "SAMPLE_WORDS",
    "InvalidSyllableError",
    "display_pinyin",
    "format_marks",
    "format_numbers",
    "is_hanzi",
    "parse_syllable",
    "parse_syllables",
    "reading_pieces",
    "sample_reading",
    "split_tone",
    "strip_marks",
    "to_marked",
    "valid_syllables",
]

_SEPARATORS = re.compile(r"[\s'’\-·,，、]+")


class InvalidSyllableError(ValueError):
    """A piece of text is not a Mandarin syllable."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def is_hanzi(char: str) -> bool:
    """True for a CJK unified ideograph (the characters that take a syllable)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0xF900 <= code <= 0xFAFF
    )


@cache
def valid_syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (``v`` for ü), about 420 of them."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for value in pinyin_dict.values() for r in value.split(",")}
    return frozenset(to_normal(r, v_to_u=False) for r in readings)


_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_COMBINING_BY_TONE = {tone: mark for mark, tone in _TONE_MARKS.items()}
_DIAERESIS = "\u0308"
_CIRCUMFLEX = "\u0302"
_LETTERS = re.compile(r"[a-zê]+")


def strip_marks(text: str) -> tuple[str, int | None]:
    """Letters and tone of one syllable written with marks, without checking the letters.

    ``"lǜ"`` → (``"lv"``, 4); ``"tan"`` → (``"tan"``, None). ü (also ``u:``) becomes ``v``;
    ê stays ê. Raises :class:`InvalidSyllableError` for two tone marks, a mark on a letter that
    cannot carry one, or anything that is not a lowercase Latin letter afterwards. The text
    must already be lowercase and NFC; digits are left to the caller.
    """
    letters: list[str] = []
    tone: int | None = None
    for char in unicodedata.normalize("NFD", text.replace("u:", "v")):
        if char in _TONE_MARKS:
            if tone is not None or not letters or letters[-1] not in "aeiouvmnê":
                raise InvalidSyllableError(text)
            tone = _TONE_MARKS[char]
        elif char == _DIAERESIS:
            if not letters or letters[-1] != "u":
                raise InvalidSyllableError(text)
            letters[-1] = "v"
        elif char == _CIRCUMFLEX:
            if not letters or letters[-1] != "e":
                raise InvalidSyllableError(text)
            letters[-1] = "ê"
        else:
            letters.append(char)
    return "".join(letters), tone


def parse_syllable(raw: str, *, neutral_when_toneless: bool = True) -> str:
    """One syllable as typed or written → numbered form.

    Accepts tone marks (``lǜ``), tone numbers (``lv4``, ``lu:4``, ``lü4``), ``0`` or ``5`` or
    no tone for the neutral tone, any case and full-width letters. Without a tone the result
    ends in ``5`` when ``neutral_when_toneless``, else it has no digit (``tan``).
    Raises :class:`InvalidSyllableError` when the text is not exactly one syllable: unknown
    letters, a digit anywhere but at the end or more than one (``tan44``, ``ta4n``), a tone
    mark on the wrong letter (``taǹ``) or a mark contradicting the number (``tàn1``).
    """
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    number: int | None = None
    if text and text[-1] in "012345":
        number = int(text[-1]) or 5
        text = text[:-1]
    if not text or any(c.isdigit() for c in text):
        raise InvalidSyllableError(raw)
    letters, mark = strip_marks(text)
    if not _LETTERS.fullmatch(letters) or letters not in valid_syllables():
        raise InvalidSyllableError(raw)
    if mark is not None:
        # The mark must sit where the spelling rules put it: taǹ, tàn4 are rejected,
        # tàn and tàn4 accepted (a redundant but agreeing number does no harm).
        if number not in (None, mark) or to_marked(f"{letters}{mark}") != _nfc_with_u(text):
            raise InvalidSyllableError(raw)
        return f"{letters}{mark}"
    if number is not None:
        return f"{letters}{number}"
    return f"{letters}5" if neutral_when_toneless else letters


def _nfc_with_u(text: str) -> str:
    """Lowercase marked text with ü spelled as the display form spells it."""
    return unicodedata.normalize("NFC", text.replace("u:", "ü").replace("v", "ü"))


def split_tone(numbered: str) -> tuple[str, int | None]:
    """``tan4`` → (``tan``, 4); ``tan`` → (``tan``, None)."""
    if numbered and numbered[-1].isdigit():
        return numbered[:-1], int(numbered[-1])
    return numbered, None


def parse_syllables(text: str, *, neutral_when_toneless: bool = True) -> tuple[str, ...]:
    """Space- (or hyphen-, apostrophe-) separated syllables → numbered syllables.

    ``"tàn dá fēng"`` and ``"tan4 da2 feng1"`` both give ``("tan4", "da2", "feng1")``.
    Raises :class:`InvalidSyllableError` naming the first piece that is not a syllable.
    """
    pieces = [p for p in _SEPARATORS.split(unicodedata.normalize("NFKC", text)) if p]
    return tuple(parse_syllable(p, neutral_when_toneless=neutral_when_toneless) for p in pieces)


@cache
def to_marked(numbered: str) -> str:
    """``lv4`` → ``lǜ``; ``de5`` → ``de``; ``m2`` → ``ḿ``.

    The mark goes on a or e if present, on the o of ou, else on the last vowel; syllables
    without a vowel (m, n, ng, hm, hng) carry it on the m or n, as a combining mark where
    Unicode has no precomposed letter (n̄).
    """
    letters, tone = split_tone(numbered)
    shown = letters.replace("v", "ü")
    if tone in (None, 5, 0):
        return shown
    for target in ("a", "e", "ê", "ou"):
        if target in shown:
            index = shown.index(target)
            break
    else:
        vowels = [i for i, c in enumerate(shown) if c in "iouü"]
        index = vowels[-1] if vowels else max(shown.find("m"), shown.find("n"))
    mark = _COMBINING_BY_TONE.get(tone) if tone is not None else None
    if index < 0 or mark is None:
        raise InvalidSyllableError(numbered)
    return unicodedata.normalize("NFC", shown[: index + 1] + mark + shown[index + 1 :])


def format_marks(numbered: tuple[str, ...] | list[str]) -> str:
    """``("tan4", "da2", "feng1")`` → ``tàn dá fēng``."""
    return " ".join(to_marked(s) for s in numbered)


def format_numbers(numbered: tuple[str, ...] | list[str]) -> str:
    """``("tan4", "da2", "feng1")`` → ``tan4 da2 feng1``."""
    return " ".join(numbered)


# Everyday words, far from any carbon-policy glossary, that show how a reading is typed.
# Their syllables differ from one another's, so at least one of them shares nothing with
# any term of up to six syllables unless the term contains a syllable of every one.
SAMPLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("学校", ("xue2", "xiao4")),
    ("苹果", ("ping2", "guo3")),
    ("春天", ("chun1", "tian1")),
    ("你好", ("ni3", "hao3")),
    ("毛笔", ("mao2", "bi3")),
)


def sample_reading(asked: tuple[str, ...] | list[str]) -> tuple[str, tuple[str, ...]]:
    """A word and its numbered reading to show how pinyin is typed beside a question
    asking for the reading ``asked``: one that shares no syllable with it (tones aside),
    so the example never gives any of the answer away (``tan4 da2 feng1`` did on
    碳达峰碳中和). If every sample shares one, the one that shares the fewest."""
    own = {split_tone(syllable)[0] for syllable in asked}

    def shared(word: tuple[str, tuple[str, ...]]) -> int:
        return sum(split_tone(syllable)[0] in own for syllable in word[1])

    return min(SAMPLE_WORDS, key=shared)


# Brackets, quotes and list punctuation are dropped from a displayed reading; other marks
# inside a non-hanzi run (PM2.5, CO₂, 5G+) stay with it.
_DROPPED_CATEGORIES = frozenset({"Ps", "Pe", "Pi", "Pf"})
_DROPPED_CHARS = frozenset("\"'、，。,;；:：!！?？·")


def _is_dropped(char: str) -> bool:
    return (
        char.isspace()
        or char in _DROPPED_CHARS
        or unicodedata.category(char) in _DROPPED_CATEGORIES
    )


def reading_pieces(term_text: str, syllables: tuple[str, ...]) -> list[tuple[str, int]]:
    """The tokens of a term's displayed reading: (token, hanzi index or -1 for other text).

    One token per hanzi (its syllable, as given) and one per run of other characters that are
    kept; brackets, quotes and spaces separate runs and are dropped. Raises ``ValueError``
    when ``syllables`` does not hold exactly one syllable per hanzi.
    """
    pieces: list[tuple[str, int]] = []
    run: list[str] = []
    hanzi = 0

    def flush() -> None:
        token = "".join(run).strip(".-/")
        if token:
            pieces.append((token, -1))
        run.clear()

    for char in term_text:
        if is_hanzi(char):
            flush()
            if hanzi >= len(syllables):
                raise ValueError(f"{term_text!r}: fewer syllables than hanzi")
            pieces.append((syllables[hanzi], hanzi))
            hanzi += 1
        elif _is_dropped(char):
            flush()
        else:
            run.append(char)
    flush()
    if hanzi != len(syllables):
        raise ValueError(f"{term_text!r}: {len(syllables)} syllables for {hanzi} hanzi")
    return pieces


def display_pinyin(term_text: str, marks_or_numbers: tuple[str, ...]) -> str:
    """The reading of a whole term for display, non-hanzi runs kept as tokens.

    ``("CCUS技术", ("jì", "shù"))`` → ``"CCUS jì shù"``; brackets and quotes are dropped:
    ``《2030年前碳达峰行动方案》`` → ``"2030 nián qián tàn dá fēng xíng dòng fāng àn"``.
    The syllables are shown as given (pass ``term.marks`` or ``term.syllables``).
    """
    if len(term_text) == len(marks_or_numbers) and all(map(is_hanzi, term_text)):
        return " ".join(marks_or_numbers)  # all hanzi, one syllable each: most terms
    return " ".join(token for token, _ in reading_pieces(term_text, marks_or_numbers))
