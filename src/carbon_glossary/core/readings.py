"""The reading (pinyin) of a term: overrides, phrase tables, then pypinyin's phrase dictionary.

Order of authority, per DESIGN.md: a per-term ``pinyin`` override, then the glossary's
``[phrase_pinyin]`` table, then :data:`BUILTIN_PHRASES`, then pypinyin in phrase mode.

pypinyin's own ``load_phrases_dict`` would mutate a process-wide dictionary, so a table
loaded for one glossary would leak into every glossary loaded later (tests, or a trainer
switching files). Instead this module segments the text itself, the way pypinyin does
(forward maximum matching over its phrase dictionary), with the two tables consulted first
at every position. The effect is what feeding the tables to pypinyin would give: fixing
调峰 also fixes 储能调峰 (储能 | 调峰). One difference, on purpose: where a table phrase
starts, it wins over a longer dictionary phrase starting at the same place, so a fix cannot
be shadowed by a longer wrong dictionary entry (长时 fixes 长时间). A dictionary phrase
that starts *earlier* and overlaps a table phrase still wins (成长时期 stays 成长 | 时期),
as it would in pypinyin; an author who needs otherwise adds the longer phrase to the table.

一 and 不 take their citation tones (yī, bù) wherever the reading comes from pypinyin, whose
phrase dictionary records some with tone sandhi (一个 yí gè, 不是 bú shì). Neutral-tone
readings (差不多 chà bu duō) are lexical and kept. Readings from an override or a phrase
table are used exactly as written.

``Reading.unsettled`` lists the 多音字 whose reading was pypinyin's single-character default:
a character inside an override, a table phrase or a pypinyin dictionary phrase is settled.
The loader turns these into warnings so an author looks once and adds an override.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from carbon_glossary.core.pinyin import is_hanzi, parse_syllables, to_marked

__all__ = [
    "BUILTIN_PHRASES",
    "NoReadingError",
    "Reading",
    "ReadingError",
    "SyllableCountError",
    "other_readings",
    "resolve_reading",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """A term's reading: one numbered syllable per hanzi, the same with tone marks, and the
    heteronym characters (多音字) no override or phrase settled, as (hanzi index, char)."""

    syllables: tuple[str, ...]
    marks: tuple[str, ...]
    unsettled: tuple[tuple[int, str], ...] = ()


class ReadingError(ValueError):
    """A reading could not be determined or does not fit the text."""


class SyllableCountError(ReadingError):
    """An override or phrase reading has a different number of syllables than hanzi."""

    def __init__(self, text: str, expected: int, got: int) -> None:
        super().__init__(f"{text!r}: {got} syllables for {expected} hanzi")
        self.text = text
        self.expected = expected
        self.got = got


class NoReadingError(ReadingError):
    """pypinyin knows no reading for a hanzi; the term needs a ``pinyin`` override."""

    def __init__(self, text: str, index: int, char: str) -> None:
        super().__init__(f"{text!r}: no reading known for {char!r} (hanzi {index + 1})")
        self.text = text
        self.index = index
        self.char = char


# Phrases pypinyin 0.55 reads wrongly in this domain, checked one by one against its phrase
# mode; each comment says what pypinyin gives. Readings follow 现代汉语词典. Only add an
# entry after seeing pypinyin get it wrong (tests/core/test_readings.py checks that it still
# does, so entries pypinyin has since fixed are noticed and can go).
BUILTIN_PHRASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "调峰": ("tiao2", "feng1"),  # pypinyin diào fēng; 调 = regulate (also 储能调峰)
        "调压": ("tiao2", "ya1"),  # pypinyin diào yā; voltage regulation
        "调速": ("tiao2", "su4"),  # pypinyin diào sù; speed regulation
        "调相": ("tiao2", "xiang4"),  # pypinyin diào xiāng; phase modulation (调相机)
        "微调": ("wei1", "tiao2"),  # pypinyin wēi diào
        "调蓄": ("tiao2", "xu4"),  # pypinyin diào xù; regulate and store (雨水调蓄)
        "长效": ("chang2", "xiao4"),  # pypinyin zhǎng xiào (also 长效机制)
        "长三角": ("chang2", "san1", "jiao3"),  # pypinyin zhǎng sān jiǎo
        "长时": ("chang2", "shi2"),  # pypinyin zhǎng shí (长时储能, 长时间)
        "长周期": ("chang2", "zhou1", "qi1"),  # pypinyin zhǎng zhōu qī
        "长距离": ("chang2", "ju4", "li2"),  # pypinyin zhǎng jù lí
        "长输": ("chang2", "shu1"),  # pypinyin zhǎng shū (长输管道, long-distance pipeline)
        "长清": ("chang2", "qing1"),  # pypinyin zhǎng qīng; 济南市长清区
        "济阳": ("ji3", "yang2"),  # pypinyin jì yáng; 济南市济阳区 (济 as in 济南 jǐ)
        # Jinan's document-number prefixes abbreviate 济南 (jǐ): 济政字〔2023〕36号 …
        "济政字": ("ji3", "zheng4", "zi4"),  # pypinyin jì zhèng zì
        "济政发": ("ji3", "zheng4", "fa1"),  # pypinyin jì zhèng fā
        "济政办字": ("ji3", "zheng4", "ban4", "zi4"),  # pypinyin jì zhèng bàn zì
        "济政办发": ("ji3", "zheng4", "ban4", "fa1"),  # pypinyin jì zhèng bàn fā
        "还款": ("huan2", "kuan3"),  # pypinyin hái kuǎn (its phrase dictionary has it wrong)
        "给排水": ("ji3", "pai2", "shui3"),  # pypinyin gěi pái shuǐ
        "重构": ("chong2", "gou4"),  # pypinyin zhòng gòu
        "重塑": ("chong2", "su4"),  # pypinyin zhòng sù
        "重置": ("chong2", "zhi4"),  # pypinyin zhòng zhì (重置成本)
        "温差": ("wen1", "cha1"),  # pypinyin wēn chà (its phrase dictionary has it wrong)
        "价差": ("jia4", "cha1"),  # pypinyin jià chà (峰谷电价差)
        "峰谷差": ("feng1", "gu3", "cha1"),  # pypinyin fēng gǔ chà
        "公转铁": ("gong1", "zhuan3", "tie3"),  # pypinyin gōng zhuàn tiě; 公路转铁路
        "源网荷储": ("yuan2", "wang3", "he4", "chu3"),  # pypinyin hé; 荷 = 负荷 fùhè
        "干热岩": ("gan1", "re4", "yan2"),  # pypinyin gàn rè yán; hot dry rock
        "种养": ("zhong4", "yang3"),  # pypinyin zhǒng yǎng; planting and breeding
        "电子": ("dian4", "zi3"),  # pypinyin diàn zi (neutral)
        "离子": ("li2", "zi3"),  # pypinyin lí zi (neutral); 锂离子电池
        "原子": ("yuan2", "zi3"),  # pypinyin yuán zi (neutral)
        "粒子": ("li4", "zi3"),  # pypinyin lì zi (neutral)
        "因子": ("yin1", "zi3"),  # pypinyin yīn zi (neutral); 排放因子
        "合同": ("he2", "tong5"),  # pypinyin hé tóng; 现代汉语词典 hé·tong (合同能源管理)
    }
)

# Tone sandhi recorded in pypinyin's phrase dictionary, undone to the citation tone.
_SANDHI = {("一", "yi2"): "yi1", ("一", "yi4"): "yi1", ("不", "bu2"): "bu4"}

# A character's second reading must occur in at least this share of the pypinyin phrases
# containing it, and in this many, for the character to count as a real 多音字 (see below).
_AMBIGUOUS_SHARE = 0.1
_AMBIGUOUS_MIN = 5


# Characters below that line in pypinyin's phrases but genuinely two-way in this field's
# texts: 济 is jì in 经济/救济 and jǐ in 济南 and every Jinan abbreviation (济政字, 济发 …).
_DOMAIN_AMBIGUOUS = frozenset({"济"})


@cache
def _phrase_reading_counts() -> Mapping[str, Mapping[str, int]]:
    """For each character, how many phrases of pypinyin's phrase dictionary read it each way
    (readings as the dictionary writes them, with tone marks): 长 {cháng: 407, zhǎng: 144}."""
    from pypinyin.constants import PHRASES_DICT

    counts: dict[str, dict[str, int]] = {}
    for phrase, readings in PHRASES_DICT.items():
        for char, options in zip(phrase, readings, strict=False):
            per_char = counts.setdefault(char, {})
            per_char[options[0]] = per_char.get(options[0], 0) + 1
    return counts


@cache
def _ambiguous_chars() -> frozenset[str]:
    """Characters whose reading genuinely depends on the word (长, 行, 重, 调, 量, 发 …).

    pypinyin lists every reading a character ever had (达 dá/tì/tà, 能 néng/tái/nài …), so
    "has several readings" would flag almost every term. Counting the readings a character
    takes across pypinyin's phrase dictionary separates the real cases: 绿 (lǜ 94, lù 7),
    与 (yǔ 73, yù 6) and 系 (xì 100, jì 10) stay below the line; 长 (cháng 407, zhǎng 144),
    行 (xíng 650, háng 110) and 中 (zhōng 390, zhòng 51) are above it. 一 and 不 are left out:
    their citation tones are the rule here.
    """
    ambiguous = set()
    for char, per_reading in _phrase_reading_counts().items():
        if len(per_reading) < 2:
            continue
        ordered = sorted(per_reading.values(), reverse=True)
        if ordered[1] >= _AMBIGUOUS_MIN and ordered[1] >= _AMBIGUOUS_SHARE * sum(ordered):
            ambiguous.add(char)
    return frozenset((ambiguous | _DOMAIN_AMBIGUOUS) - {"一", "不"})


@cache
def _readings_in_use(char: str) -> tuple[str, ...]:
    """The readings of ``char`` that pypinyin lists (numbered, in pypinyin's order) and that
    its phrase dictionary uses in at least :data:`_AMBIGUOUS_MIN` phrases: 调 diào and
    tiáo, 行 xíng and háng, 系 xì and jì, 绿 lǜ and lù; not 达 tì/tà or 能 tái/nài, which
    pypinyin keeps from classical texts and nobody types when looking for a term."""
    from pypinyin import Style, pinyin

    listed = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    used = {
        _numbered(reading)
        for reading, phrases in _phrase_reading_counts().get(char, {}).items()
        if phrases >= _AMBIGUOUS_MIN
    }
    return tuple(reading for reading in (listed[0] if listed else ()) if reading in used)


def other_readings(text: str, syllables: Sequence[str]) -> tuple[str, ...]:
    """The other readings of each hanzi of ``text`` (whose own readings are ``syllables``,
    numbered, one per hanzi), for finding a term by the reading people give its 多音字:
    调峰 (tiáo fēng) → ``("diao4", "")``, one entry per hanzi, each the character's other
    readings space-separated ("" for none); ``()`` when no hanzi has any.

    Only readings pypinyin lists for the character and uses in its phrase dictionary count
    (:func:`_readings_in_use`); the term's own reading of it is never among them.
    """
    hanzi = [char for char in text if is_hanzi(char)]
    if len(hanzi) != len(syllables):
        return ()
    others = tuple(
        " ".join(reading for reading in _readings_in_use(char) if reading != own)
        for char, own in zip(hanzi, syllables, strict=True)
    )
    return others if any(others) else ()


@cache
def _numbered(marked: str) -> str:
    """A pypinyin dictionary reading (tone marks) → numbered syllable."""
    from pypinyin.contrib.tone_convert import to_tone3

    return str(to_tone3(marked, v_to_u=False, neutral_tone_with_five=True))


def _pypinyin_dicts() -> tuple[Mapping[str, Any], Mapping[int, str], int]:
    """pypinyin's phrase and single-character dictionaries and its longest phrase length."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return PHRASES_DICT, PINYIN_DICT, _longest(len(PHRASES_DICT))


@cache
def _longest(size: int) -> int:
    """Length of pypinyin's longest phrase; keyed by dictionary size so an addition counts."""
    from pypinyin.constants import PHRASES_DICT

    return max((len(k) for k in PHRASES_DICT), default=1)


class _Resolver:
    """Readings under one glossary's phrase table (kept while the same table is used)."""

    def __init__(self, phrases: Mapping[str, tuple[str, ...]]) -> None:
        self.glossary = {key: tuple(value) for key, value in phrases.items() if key}
        for key, value in self.glossary.items():
            if len(value) != len(key):
                raise SyllableCountError(key, len(key), len(value))
        self.glossary_longest = max((len(k) for k in self.glossary), default=0)
        self.builtin_longest = max(len(k) for k in BUILTIN_PHRASES)

    def _table_match(self, run: str, start: int) -> tuple[str, ...] | None:
        for table, longest in (
            (self.glossary, self.glossary_longest),
            (BUILTIN_PHRASES, self.builtin_longest),
        ):
            for end in range(min(len(run), start + longest), start, -1):
                reading = table.get(run[start:end])
                if reading is not None:
                    return reading
        return None

    def resolve_run(
        self, run: str, base: int, syllables: list[str], unsettled: list[tuple[int, str]]
    ) -> None:
        """Append the readings of a run of hanzi that begins at hanzi index ``base``."""
        phrases_dict, pinyin_dict, longest = _pypinyin_dicts()
        start = 0
        while start < len(run):
            table_reading = self._table_match(run, start)
            if table_reading is not None:
                syllables.extend(table_reading)
                start += len(table_reading)
                continue
            for end in range(min(len(run), start + longest), start + 1, -1):
                entry = phrases_dict.get(run[start:end])
                if entry is not None:
                    for offset, readings in enumerate(entry):
                        syllable = _numbered(readings[0])
                        syllables.append(_SANDHI.get((run[start + offset], syllable), syllable))
                    start = end
                    break
            else:
                char = run[start]
                readings = pinyin_dict.get(ord(char))
                if readings is None:
                    raise NoReadingError(run, base + start, char)
                syllables.append(_numbered(readings.partition(",")[0]))
                if char in _ambiguous_chars():
                    unsettled.append((base + start, char))
                start += 1


_last: tuple[dict[str, tuple[str, ...]], _Resolver] | None = None


def _resolver_for(phrases: Mapping[str, tuple[str, ...]]) -> _Resolver:
    """Reuse the resolver while the same table is passed (a whole glossary, term by term)."""
    global _last
    last = _last  # read once: a loader in another thread may replace it
    if last is not None and last[0] == phrases:
        return last[1]
    resolver = _Resolver(phrases)
    _last = (dict(phrases), resolver)
    return resolver


def resolve_reading(
    text: str, override: str | None, phrases: Mapping[str, tuple[str, ...]]
) -> Reading:
    """The reading of ``text`` (a term, simplified characters).

    ``override`` is the term's own ``pinyin`` (tone marks or numbers, one syllable per hanzi);
    ``phrases`` is the glossary's ``[phrase_pinyin]`` table with numbered syllables, one per
    character of its key. Characters that are not hanzi get no syllable.

    Raises :class:`~carbon_glossary.core.pinyin.InvalidSyllableError` for an override that is
    not pinyin, :class:`SyllableCountError` for an override or table entry of the wrong
    length, and :class:`NoReadingError` for a hanzi pypinyin cannot read.
    """
    hanzi_count = sum(1 for char in text if is_hanzi(char))
    if override is not None:
        syllables = parse_syllables(override)
        if len(syllables) != hanzi_count:
            raise SyllableCountError(text, hanzi_count, len(syllables))
        return Reading(syllables, tuple(to_marked(s) for s in syllables))
    resolver = _resolver_for(phrases)
    found: list[str] = []
    unsettled: list[tuple[int, str]] = []
    run_start = -1
    hanzi_index = 0
    for position, char in enumerate(text + "\0"):
        if is_hanzi(char):
            if run_start < 0:
                run_start = position
            hanzi_index += 1
        elif run_start >= 0:
            run = text[run_start:position]
            resolver.resolve_run(run, hanzi_index - len(run), found, unsettled)
            run_start = -1
    syllables = tuple(found)
    return Reading(syllables, tuple(to_marked(s) for s in syllables), tuple(unsettled))
