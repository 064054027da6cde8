"""The ``reading`` kind (多音字辨析): which reading does a character with several take in
this term? 调峰: 「调」读 tiáo, not diào (调查); 长效: 「长」读 cháng, not zhǎng (增长).

The right reading is the term's own, from the reading pipeline (a per-term override, the
phrase tables, pypinyin's phrase dictionary: ``Term.marks``), never pypinyin's default for
the lone character. The other options are the character's other readings: pypinyin's
heteronym list gives the candidates, and a reading is offered only when
:data:`READINGS` (a small table checked against 现代汉语词典) gives it a common phrase,
so that a reading pypinyin keeps from classical texts (达 tà, 能 nài) is never offered.
The explanation names, for each other reading, a phrase where it is used.

A character is asked only when the term's reading of it is settled: by an override, a
phrase table or a dictionary phrase, not by pypinyin's default for the character alone
(the loader warns about those), and the same at each place it occurs in the term. A term
with no such character gives a :class:`~carbon_glossary.core.kinds.question.Skip`.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from carbon_glossary.core.kinds.question import NOTHING_SHOWN, Question, Shown, Skip
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import display_pinyin, is_hanzi
from carbon_glossary.core.readings import ReadingError, resolve_reading

__all__ = ["READINGS", "eligible_characters", "make", "quoted_term", "support"]

# Character → {reading: a common phrase where it takes that reading}, for the characters
# with several modern readings that occur in the shipped glossary (and 长, the textbook
# case). Readings and phrases as 现代汉语词典 gives them; a test checks each against
# pypinyin's phrase dictionary. A character with one modern reading (达, 能, 放 …) is
# not listed: pypinyin's other readings of it are archaic.
READINGS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "长": {"cháng": "长度", "zhǎng": "增长"},
        "中": {"zhōng": "中心", "zhòng": "中奖"},
        "和": {"hé": "和平", "hè": "附和", "huó": "和面"},
        "当": {"dāng": "当然", "dàng": "恰当"},
        "量": {"liàng": "数量", "liáng": "测量"},
        "强": {"qiáng": "强大", "qiǎng": "勉强", "jiàng": "倔强"},
        "度": {"dù": "温度", "duó": "揣度"},
        "会": {"huì": "开会", "kuài": "会计"},
        "绿": {"lǜ": "绿色", "lù": "绿林"},
        "色": {"sè": "颜色", "shǎi": "色子"},
        "发": {"fā": "发展", "fà": "头发"},
        "行": {"xíng": "行动", "háng": "银行"},
        "可": {"kě": "可以", "kè": "可汗"},
        "同": {"tóng": "相同", "tòng": "胡同"},
        "节": {"jié": "节日", "jiē": "节骨眼"},
        "降": {"jiàng": "下降", "xiáng": "投降"},
        "省": {"shěng": "节省", "xǐng": "反省"},
        "济": {"jì": "经济", "jǐ": "济南"},
        "作": {"zuò": "工作", "zuō": "作坊"},
        "荫": {"yīn": "树荫", "yìn": "荫庇"},
        "的": {"de": "我的", "dí": "的确", "dì": "目的"},
        "解": {"jiě": "解决", "jiè": "押解", "xiè": "浑身解数"},
        "读": {"dú": "读书", "dòu": "句读"},
        "系": {"xì": "系统", "jì": "系鞋带"},
        "结": {"jié": "结构", "jiē": "结实"},
        "分": {"fēn": "分开", "fèn": "成分"},
        "率": {"lǜ": "效率", "shuài": "率领"},
        "重": {"zhòng": "重要", "chóng": "重复"},
        "单": {"dān": "单位", "chán": "单于"},
        "散": {"sàn": "散步", "sǎn": "散文"},
        "荷": {"hé": "荷花", "hè": "负荷"},
        "调": {"tiáo": "调整", "diào": "调查"},
        "转": {"zhuǎn": "转变", "zhuàn": "转圈"},
        "车": {"chē": "汽车", "jū": "车马炮"},
        "场": {"chǎng": "市场", "cháng": "场院"},
    }
)


def quoted_term(text: str) -> str:
    """A term as it is named in a Chinese sentence: in “ ”, with any double quotes inside it
    made single, as 标点符号用法 (GB/T 15834—2011) nests quotes (“‘342’现代化产业体系”);
    a term that is one book title (《山东省碳达峰实施方案》) is marked by its 《 》 already
    and stands as it is, not in quotes as well."""
    if _is_one_title(text):
        return text
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def _is_one_title(text: str) -> bool:
    """True when ``text`` is a single 《…》 from its first character to its last (titles
    nested inside it with 〈 〉 or 《 》 allowed), not 《巴黎协定》目标 or 《甲》与《乙》."""
    if not (text.startswith("《") and text.endswith("》")):
        return False
    depth = 0
    for position, char in enumerate(text):
        if char == "《":
            depth += 1
        elif char == "》":
            depth -= 1
            if depth == 0:
                return position == len(text) - 1
    return False


def _heteronyms(char: str) -> tuple[str, ...]:
    """pypinyin's readings of ``char`` (tone marks, NFC), its usual one first."""
    from pypinyin import pinyin

    readings = pinyin(char, heteronym=True)
    return tuple(unicodedata.normalize("NFC", r) for r in (readings[0] if readings else ()))


def _unsettled(glossary: Glossary, term: Term) -> frozenset[int]:
    """Hanzi indexes of ``term`` whose reading was pypinyin's default for the character
    alone (no override, phrase table or dictionary phrase settled it)."""
    try:
        reading = resolve_reading(term.term, None, glossary.phrase_pinyin)
    except ReadingError:
        return frozenset()  # only an override reads this term: every character is settled
    if reading.syllables != term.syllables:
        return frozenset()  # the term's own override settles every character
    return frozenset(index for index, _ in reading.unsettled)


def eligible_characters(
    glossary: Glossary, term: Term
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The characters of ``term`` that can be asked, in the term's order, each as
    (character, its reading in this term, the readings to offer in pypinyin's order)."""
    hanzi = [char for char in term.term if is_hanzi(char)]
    if len(hanzi) != len(term.marks):
        return ()
    readings_at: dict[str, set[str]] = {}
    for char, mark in zip(hanzi, term.marks, strict=True):
        readings_at.setdefault(char, set()).add(unicodedata.normalize("NFC", mark))
    unsettled = (
        {hanzi[i] for i in _unsettled(glossary, term)}
        if readings_at.keys() & READINGS.keys()
        else set()
    )
    found = []
    for char, marks in readings_at.items():
        table = READINGS.get(char)
        if table is None or len(marks) != 1 or char in unsettled:
            continue
        (right,) = marks
        offered = tuple(r for r in _heteronyms(char) if r in table)
        if right in offered and len(offered) >= 2:
            found.append((char, right, offered))
    return tuple(found)


def support(
    glossary: Glossary, term: Term, kind: str, *, pinyin_max_syllables: int | None
) -> Skip | None:
    """Why ``term`` cannot be asked as a reading question (see :data:`READINGS`), or None."""
    if eligible_characters(glossary, term):
        return None
    return Skip(kind, term.id, term=term.term, reason="no_polyphone")


def make(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    """A reading question about one of ``term``'s characters, chosen by ``rng``; not one
    that ``shown`` has asked in the same reading (省 shěng twice in a round)."""
    eligible = tuple(
        e for e in eligible_characters(glossary, term) if (e[0], e[1]) not in shown.readings
    )
    if not eligible:
        return Skip(kind, term.id, term=term.term, reason="no_polyphone")
    char, right, offered = rng.choice(eligible)
    options = list(offered)
    rng.shuffle(options)
    table = READINGS[char]
    return Question(
        kind=kind,
        term_id=term.id,
        # content, like the glossary: the same in any interface language
        prompt=f"{quoted_term(term.term)}中“{char}”的读音是",
        options=tuple(options),
        answer=right,
        answer_index=options.index(right),
        term=term.term,
        pinyin=display_pinyin(term.term, term.marks),
        definition=term.definition,
        definition_en=term.definition_en,
        category=term.category,
        source=term.source,
        notes=tuple(f"“{char}”读 {r}：{table[r]}" for r in options if r != right),
        reading_char=char,
    )
