"""A scraped policy text made readable: mis-encoded spots repaired, ruby removed, simplified
characters, Chinese punctuation, page chrome dropped; then cut into sections and sentences.

The mis-encoding this handles is a GBK byte stream read one byte out of step, as on pages
that add ruby (pinyin) to each character. In our source ``能夠實現`` (… 89F2 8C8D AC46) came
out as ``能夠?qū)崿F(xiàn)``: the ruby ``(qū)`` was written after F28C (驅, read out of step), which
split 實 (8C|8D); decoding then gave ``?`` for 8C plus the ``(``, ``崿`` for 8D AC, ``F`` for 46
(the stream is back in step), and 現's own ruby ``(xiàn)``. Re-reading the bytes in step needs
the byte the ``?`` swallowed; every candidate is tried, and the spot is repaired only when
exactly one fits all the evidence: the character it made with the byte before reads as the
stray ruby says (驅 qū), the restored characters are all hanzi, they are a word of the
dictionary (rjieba's: 實現 → 实现) and the last reads as its ruby says (現 xiàn). Otherwise
the spot is left as it is and reported: we never guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from carbon_glossary.core.pinyin import InvalidSyllableError, is_hanzi, parse_syllable

if TYPE_CHECKING:
    import rjieba

__all__ = ["Document", "Repair", "Section", "Sentence", "clean_text", "read_document"]

_HANZI = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_LETTERS = r"[A-Za-z\u00c0-\u024f\u0300-\u036f:]"
_RUBY = rf"\((?:{_LETTERS}{{1,7}})\)"
# hanzi, "?", the swallowed character's ruby (its "(" may have gone into the "?" too), hanzi
# read out of step, one ASCII byte that brings the stream back in step (a GBK trail byte in
# 0x40-0x7E), and its ruby.
_SLIPPED = re.compile(
    rf"(?P<before>{_HANZI})(?:{_RUBY})?\?(?:\(?(?P<lost>{_LETTERS}{{1,7}})\))?"
    rf"(?P<middle>(?:{_HANZI}(?:{_RUBY})?)+?)(?P<last>[\x40-\x7e])(?:\((?P<last_ruby>[^()]{{1,7}})\))?"
)
_RUBY_AFTER = re.compile(_RUBY)
# Phrases OpenCC's t2s leaves in a traditional-only form (著 is also a simplified character,
# in 著作; as zhuó it is 着).
_T2S_PHRASES = {"著力": "着力"}
# Lines of the web page around the text (font-size switcher, QR-code hint, print links).
_CHROME = re.compile(r"^(字号[:：]?|大\s*中\s*小|扫码.*浏览.*|打印本页|关闭窗口|【?打印】?)$")
_ASCII_PUNCTUATION = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_SECTION = re.compile(r"^[一二三四五六七八九十]+、\S.*$")


@dataclass(frozen=True, slots=True)
class Repair:
    """A mis-encoded spot: where (1-based line and column of the raw text), what, and what
    it became (None when it could not be repaired without guessing)."""

    line: int
    column: int
    found: str
    repaired: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    section: str  # the heading of its section ("六、关键词诠释"), "" before the first


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    sections: tuple[Section, ...]
    repairs: tuple[Repair, ...]

    @property
    def source(self) -> str:
        """The document's name as a glossary's ``source`` writes it: 《关于〈…〉的解读》."""
        inner = self.title.replace("《", "〈").replace("》", "〉")
        return f"《{inner}》"

    def sentences(self) -> list[Sentence]:
        """Every sentence, in order, with its section: a line is cut after 。！？."""
        out: list[Sentence] = []
        for section in self.sections:
            for line in section.lines:
                for piece in re.findall(r"[^。！？]+[。！？]?", line):
                    if piece.strip():
                        out.append(Sentence(piece.strip(), section.heading))
        return out


@cache
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(
        pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
    )


def _reads_as(char: str, ruby: str | None) -> bool:
    if ruby is None:
        return True
    try:
        return parse_syllable(ruby) in _readings(char)
    except InvalidSyllableError:
        return False


@cache
def _dictionary() -> rjieba.Jieba:
    import rjieba

    return rjieba.Jieba()


def _is_word(text: str) -> bool:
    from carbon_glossary.core.text import to_simplified

    return _dictionary().has_word(to_simplified(text))


def _restore(match: re.Match[str]) -> str | None:
    """The characters the slipped bytes stood for, when exactly one reading fits."""
    try:
        before = match["before"].encode("gbk")
        middle = _RUBY_AFTER.sub("", match["middle"]).encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(before) != 2:
        return None
    fits: list[str] = []
    for byte in range(0x81, 0xFF):
        try:
            lost = bytes((before[1], byte)).decode("gbk")
            restored = (bytes((byte,)) + middle + match["last"].encode()).decode("gbk")
        except UnicodeDecodeError:
            continue
        if not all(is_hanzi(c) for c in restored) or not _reads_as(lost, match["lost"]):
            continue
        if _reads_as(restored[-1], match["last_ruby"]) and _is_word(restored):
            fits.append(restored)
    return fits[0] if len(fits) == 1 else None


def _repair(raw: str) -> tuple[str, list[Repair]]:
    repairs: list[Repair] = []

    def replace(match: re.Match[str]) -> str:
        start = match.start() + len(match["before"])
        line = raw.count("\n", 0, start) + 1
        column = start - (raw.rfind("\n", 0, start) + 1) + 1
        restored = _restore(match)
        found = match[0][len(match["before"]) :]
        repairs.append(Repair(line, column, found, restored))
        if restored is None:
            return match[0]
        head = match[0][: match.start("middle") - match.start()]
        kept_before = head[: head.index("?")]
        return kept_before + restored

    text = _SLIPPED.sub(replace, raw)
    for index, line in enumerate(text.splitlines(), start=1):
        for spot in re.finditer(r"\ufffd+", line):
            repairs.append(Repair(index, spot.start() + 1, spot[0], None))
    return text, repairs


def _full_width(line: str) -> str:
    """ASCII punctuation next to Chinese text → full width (``联系人:刘峰`` → ``联系人：刘峰``);
    between digits or letters (``10:30``, ``0531-87589586``) it stays."""

    def chinese(char: str) -> bool:
        return is_hanzi(char) or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"

    chars = list(line)
    for index, char in enumerate(chars):
        if char in _ASCII_PUNCTUATION:
            before = chars[index - 1] if index else ""
            after = chars[index + 1] if index + 1 < len(chars) else ""
            if (before and chinese(before)) or (after and chinese(after)):
                chars[index] = _ASCII_PUNCTUATION[char]
    return "".join(chars)


def clean_text(raw: str) -> tuple[str, list[Repair]]:
    """The raw page as clean simplified text, and the mis-encoded spots found."""
    from carbon_glossary.core.text import strip_ruby, to_simplified

    text, repairs = _repair(raw.replace("\r\n", "\n"))
    text = to_simplified(strip_ruby(text))
    for wrong, right in _T2S_PHRASES.items():
        text = text.replace(wrong, right)
    lines = [_full_width(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line and not _CHROME.match(line)]
    return "\n".join(lines) + "\n", repairs


def read_document(raw: str) -> Document:
    """Cleaned text cut into its title (the first line) and numbered sections."""
    text, repairs = clean_text(raw)
    lines = text.splitlines()
    title = lines[0] if lines else ""
    sections: list[Section] = []
    heading, body = "", list[str]()
    for line in lines[1:]:
        if _SECTION.match(line):
            if heading or body:
                sections.append(Section(heading, tuple(body)))
            heading, body = line, []
        else:
            body.append(line)
    if heading or body:
        sections.append(Section(heading, tuple(body)))
    return Document(title, tuple(sections), tuple(repairs))
