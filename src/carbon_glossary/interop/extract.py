"""Proposing glossary terms from a policy text; a person confirms them.

Four kinds of proposal, in this order of trust:

* **defined** — the text's own definitions (``X：指…``, ``X是指…``, and every ``X：…`` line of
  a 关键词诠释 / 名词解释 section), taken verbatim, with the section as source;
* **known** — terms of the glossary in use that the text mentions, with the sentences that
  mention them as examples (their definitions stay in the glossary, not copied here);
* **named** — what the text itself marks as a name: 《》 titles, “quoted” names and document
  numbers such as 国发〔2021〕23号;
* **frequent** — noun phrases the text repeats, found by rjieba's part-of-speech tagger
  with the glossary's terms and the names above added to its dictionary (so 碳达峰碳中和 is
  one word, not 碳达峰 | 碳 | 中 | 和), ranked by how many sentences use them.

Nothing is invented: every proposal carries the sentences it was found in and their
sections; readings are left to the glossary's own rules (the ruby in a scraped page is
often wrong in context and is never used).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.pinyin import format_marks, is_hanzi
from carbon_glossary.interop.policy import Document, Sentence

__all__ = ["CATEGORY_LABELS", "QUOTE_MARK", "Candidate", "Kind", "candidates_document", "propose"]

Kind = Literal["defined", "known", "title", "document-number", "quoted", "frequent"]
_ORDER: tuple[Kind, ...] = ("defined", "known", "title", "document-number", "quoted", "frequent")
_DEFINITION_SECTIONS = re.compile(r"关键词|名词解释|术语|释义|诠释|定义")
_LINE_DEFINITION = re.compile(r"^(?P<term>[^：，。；、“”《》\s]{2,20})：(?P<body>\S.*)$")
_IS_DEFINITION = re.compile(r"(?P<term>[\u4e00-\u9fff]{2,16})是指(?P<body>[^。]+。)")
_TITLE = re.compile(r"《[^《》\n]{2,40}》")
_QUOTED = re.compile(r"“([^“”\n]{1,20})”")
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")
_NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "l", "j", "an"})
_MAX_EXAMPLES = 5
# Examples are quotations: marked as such, the text after the mark verbatim (the shipped
# glossary marks quotations from its source 【解读原文】; --quote-mark chooses).
QUOTE_MARK = "【原文】"
# Glossary content, so Chinese whatever the interface language: the category a reviewer
# filters by in the browser.
CATEGORY_LABELS: dict[Kind, str] = {
    "defined": "候选·原文定义",
    "known": "候选·术语表已有",
    "title": "候选·文件名称",
    "document-number": "候选·文号",
    "quoted": "候选·引号中的名称",
    "frequent": "候选·高频词组",
}


@dataclass
class Candidate:
    """A proposed term with the evidence for it."""

    term: str
    kind: Kind
    definition: str = ""
    definition_section: str = ""
    known_id: str = ""
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sentences)

    @property
    def sections(self) -> list[str]:
        found = [self.definition_section] if self.definition_section else []
        found += [s.section for s in self.sentences if s.section]
        return list(dict.fromkeys(found))


def _definitions(document: Document) -> list[Candidate]:
    found: list[Candidate] = []
    for section in document.sections:
        keyword_section = bool(_DEFINITION_SECTIONS.search(section.heading))
        for line in section.lines:
            match = _LINE_DEFINITION.match(line)
            if match and (keyword_section or match["body"].startswith("指")):
                found.append(Candidate(match["term"], "defined", match["body"], section.heading))
                continue
            for inline in _IS_DEFINITION.finditer(line):
                term = inline["term"].removeprefix("所谓")
                found.append(Candidate(term, "defined", "指" + inline["body"], section.heading))
    return found


def _names(sentences: Sequence[Sentence]) -> list[Candidate]:
    found: list[Candidate] = []
    for sentence in sentences:
        for match in _TITLE.finditer(sentence.text):
            found.append(Candidate(match[0], "title"))
        for match in _DOCUMENT_NUMBER.finditer(sentence.text):
            found.append(Candidate(match[0], "document-number"))
        for match in _QUOTED.finditer(sentence.text):
            found.append(Candidate(match[1], "quoted"))
    return found


def _noun_phrases(sentences: Sequence[Sentence], words: Iterable[str]) -> list[Candidate]:
    """Runs of two to four nouns (重点任务, 碳达峰工作): a single word alone is mostly a
    common noun (目标, 工作), and a term worth learning the text names as a word of the
    glossary or a name, which are proposed already."""
    import rjieba

    tagger = rjieba.Jieba()  # our own instance: the module-level one is shared
    for word in words:
        if len(word) > 1:
            tagger.add_word(word, None, "nz")
    phrases: list[str] = []
    for sentence in sentences:
        run: list[str] = []
        for word, tag in [*tagger.tag(sentence.text), ("", "x")]:
            if tag in _NOUN_TAGS and all(is_hanzi(c) for c in word):
                run.append(word)
                continue
            for start in range(len(run)):
                for end in range(start + 2, min(len(run), start + 4) + 1):
                    phrases.append("".join(run[start:end]))
            run = []
    return [Candidate(phrase, "frequent") for phrase in dict.fromkeys(phrases)]


def _places(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` occurs in ``text``, as (start, end), overlaps included."""
    places = []
    start = text.find(form)
    while start >= 0:
        places.append((start, start + len(form)))
        start = text.find(form, start + 1)
    return places


def _mentions(text: str, form: str, known_forms: Sequence[str]) -> bool:
    """Whether ``text`` uses ``form`` other than inside a longer known name that contains it
    (in 推广清洁能源技术 the text names 清洁能源技术, not 清洁能源)."""
    places = _places(text, form)
    if not places:
        return False
    covered = [
        place
        for other in known_forms
        if len(other) > len(form) and form in other
        for place in _places(text, other)
    ]
    return any(not any(a <= start and end <= b for a, b in covered) for start, end in places)


def propose(document: Document, glossary: Glossary, limit: int = 20) -> list[Candidate]:
    """Every proposal, defined terms first, then known, named and frequent ones, each kind
    ranked by the number of sentences using it; at most ``limit`` frequent phrases, and only
    those used in at least two sentences."""
    sentences = document.sentences()
    by_term: dict[str, Candidate] = {}
    known_ids = {t.term: t.id for t in glossary.terms}

    def offer(candidate: Candidate) -> None:
        if candidate.term not in by_term:
            by_term[candidate.term] = candidate

    for candidate in _definitions(document):
        candidate.known_id = known_ids.get(candidate.term, "")
        offer(candidate)
    # Every name the glossary knows a term by: at each place in the text the longest one is
    # what the text mentions (清洁能源技术 is no mention of 清洁能源).
    known_forms = [f for t in glossary.terms for f in (t.term, *t.aliases) if len(f) > 1]
    for term in glossary.terms:
        for form in (term.term, *term.aliases):
            if len(form) > 1 and any(_mentions(s.text, form, known_forms) for s in sentences):
                offer(Candidate(term.term, "known", known_id=term.id))
                break
    names = _names(sentences)
    for candidate in names:
        # “342” is the quoted part of the known “342”现代化产业体系: the whole is proposed
        quoted = f"“{candidate.term}”"
        if candidate.kind == "quoted" and any(quoted in term for term in by_term):
            continue
        offer(candidate)
    words = [*known_ids, *by_term, *(c.term.strip("《》") for c in names)]
    frequent = _noun_phrases(sentences, words)
    taken = {w.strip("《》“”") for w in words}
    for candidate in by_term.values():
        forms = [candidate.term]
        known = glossary.by_id(candidate.known_id) if candidate.known_id else None
        if known is not None:
            forms += list(known.aliases)
        candidate.sentences = [
            s for s in sentences if any(_mentions(s.text, f, known_forms) for f in forms)
        ]
    ranked_frequent: list[Candidate] = []
    for candidate in frequent:
        if candidate.term in taken:
            continue
        candidate.sentences = [s for s in sentences if candidate.term in s.text]
        if candidate.count >= 2:
            ranked_frequent.append(candidate)
    ranked_frequent.sort(key=lambda c: (-c.count, -len(c.term)))
    # a phrase inside a longer one used as often says nothing more (能源结构 / 能源结构优化)
    longer = [*ranked_frequent, *by_term.values()]
    kept = [
        c
        for c in ranked_frequent
        if not any(c.term in o.term and o.count >= c.count for o in longer if o is not c)
    ]
    candidates = list(by_term.values()) + kept[:limit]
    return sorted(candidates, key=lambda c: (_ORDER.index(c.kind), -c.count))


def candidates_document(
    document: Document,
    candidates: Sequence[Candidate],
    quote_mark: str = QUOTE_MARK,
    phrase_pinyin: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, object]:
    """The proposals as a glossary document (for tomli-w): each term's category says what
    kind of proposal it is, ``source`` names the document and sections, ``examples`` hold
    the sentences, each after ``quote_mark``. Known terms keep their glossary ids.

    ``phrase_pinyin`` is the ``[phrase_pinyin]`` table of the glossary in use: the entries
    found in a proposed term are written with it, so the file reads them as that glossary
    does (济政字〔2023〕36号 jǐ as in 济南, not pypinyin's jì)."""
    phrases = {
        phrase: format_marks(syllables)
        for phrase, syllables in (phrase_pinyin or {}).items()
        if any(phrase in candidate.term for candidate in candidates)
    }
    terms: list[dict[str, object]] = []
    for candidate in candidates:
        entry: dict[str, object] = {}
        if candidate.known_id:
            entry["id"] = candidate.known_id
        entry["term"] = candidate.term
        if candidate.definition:
            entry["definition"] = candidate.definition
        entry["category"] = CATEGORY_LABELS[candidate.kind]
        # a definition's source is where the text gives it; other proposals' all sections
        # that use them (headings hold 、 themselves, so they are joined with ；)
        sections = candidate.definition_section or "；".join(candidate.sections)
        entry["source"] = f"{document.source} {sections}".strip()
        examples = [s.text for s in candidate.sentences if s.text != candidate.definition]
        if candidate.definition:  # the definition's own line is not an example of use
            examples = [e for e in examples if not e.startswith(candidate.term + "：")]
        if examples:
            entry["examples"] = [quote_mark + e for e in examples[:_MAX_EXAMPLES]]
        terms.append(entry)
    page: dict[str, object] = {
        "glossary": {"title": document.title, "language": "zh-CN", "version": "0"}
    }
    if phrases:
        page["phrase_pinyin"] = phrases
    page["term"] = terms
    return page
