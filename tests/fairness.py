"""An oracle for unfair questions, written apart from the quiz engine so that it can judge it.

A question is unfair when another option would also be right, or when the text it shows
gives the answer away (issue 7, items 1 and 3). The relations come from the glossary itself:

- *same thing*: one term's written form inside the other's (碳汇 / 生态碳汇), one a
  ``broader`` term of the other, directly or through others, the two ``near`` (either way),
  or an English name in common (永续发展 / 可持续发展: "sustainable development");
- *could define*: the same thing, or one named in the other's definition (masked as the
  quiz masks, so 碳排放 inside 二氧化碳排放 does not count);
- *could fit a sentence*: could define, or linked by ``related`` (either way);
- *could fill a blank*: could fit, or two kinds of one broader term, or the same head (last
  hanzi: 分布式能源系统 / 新型电力系统).

Giveaways (QA findings 2, items 26 and 27): a term→definition option naming the asked term
(``names the term``) or a blank in its right option (``blank``: where the asked term fits);
a definition→term stem naming another option (``stem names``) or showing two adjacent
characters no other option holds (``giveaway``: 再生 of 可再生能源); an English prompt that is
a word of another option's English name or holds one (``english within``: peak / carbon
emissions peak).

Used by tests/test_quiz_fairness.py and bench/scan_fairness.py.
"""

from __future__ import annotations

import difflib
import functools
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from carbon_glossary.core.grading import normalise_text
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import PaperSpec, build_paper
from carbon_glossary.core.quiz import KINDS, Question, make_quiz, mask_term

READING_NOTE = re.compile(r"“[^”]{1,4}”[读讀][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


def _is_hanzi(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _forms(term: Term) -> set[str]:
    return {
        k for k in (normalise_text(f) for f in (term.term, term.traditional, *term.aliases)) if k
    }


def _ancestors(glossary: Glossary, term: Term) -> set[str]:
    found: set[str] = set()
    todo = list(getattr(term, "broader", ()))
    while todo:
        upper = glossary.by_id(todo.pop())
        if upper is not None and upper.id not in found and upper.id != term.id:
            found.add(upper.id)
            todo.extend(getattr(upper, "broader", ()))
    return found


def _named(glossary: Glossary, text: str, term: Term) -> bool:
    return bool(text) and mask_term(text, term, glossary) != text


# A definition naming the other term as its kind, one of its kinds or a near-synonym: a
# word that says so, then a list of which the blanked term is one whole item (属于＿＿,
# 包括＿＿、…, 常指太阳能、＿＿等, 包括太阳能、风能等＿＿以及核能); or ＿＿之一 / ＿＿的一种;
# or 相近/同义 in the same clause (含义与“＿＿”相近). 属于不＿＿, 如屋顶分布式＿＿, ＿＿利用
# are mentions.
_SAYS = "属于|包括|包含|涵盖|常指|专指|是指|主要有|分为|例如|比如|诸如|如|又称|也称|亦称|即"
_JOIN = "、|和|以及|及|或|与|等"
_KIND_CLAUSE = re.compile(
    f'(?:{_SAYS})(?:[^、（）()]{{1,24}}?(?:{_JOIN}))*[“"]?＿＿[”"]?(?=$|{_JOIN}|[）)])'
    '|＿＿[”"]?(?:的一种|之一)|相近|同义|相同|等同'
)


def _kind_of(glossary: Glossary, text: str, term: Term) -> bool:
    masked = mask_term(text, term, glossary) if text else text
    if masked == text:
        return False
    clauses = re.split(r"[。；;，,：:]", masked)
    return any(_KIND_CLAUSE.search(c) for c in clauses if "＿＿" in c)


def _nested(a: Term, b: Term) -> bool:
    return any(x in y or y in x for x in _forms(a) for y in _forms(b))


def _related(a: Term, b: Term) -> bool:
    return b.id in {*a.related, *getattr(a, "broader", ())} or a.id in {
        *b.related,
        *getattr(b, "broader", ()),
    }


def _near(a: Term, b: Term) -> bool:
    return b.id in getattr(a, "near", ()) or a.id in getattr(b, "near", ())


def _words(english: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", english.casefold())) + " "


def _english(a: Term, b: Term) -> bool:
    keys = {normalise_text(e) for e in a.english} - {""}
    return bool(keys & {normalise_text(e) for e in b.english})


def _head(term: Term) -> str:
    return "".join([c for c in term.term if _is_hanzi(c)][-1:])


# (rule, test); a rule's name says which relation made two options both fit
RULES = {
    "nested": lambda g, a, b: _nested(a, b),
    "broader": lambda g, a, b: b.id in _ancestors(g, a) or a.id in _ancestors(g, b),
    "kind-of": lambda g, a, b: _kind_of(g, a.definition, b) or _kind_of(g, b.definition, a),
    "near": lambda g, a, b: _near(a, b),
    "english": lambda g, a, b: _english(a, b),
    "named": lambda g, a, b: _named(g, a.definition, b) or _named(g, b.definition, a),
    "related": lambda g, a, b: _related(a, b),
    "sibling": lambda g, a, b: bool(_ancestors(g, a) & _ancestors(g, b)),
    "head": lambda g, a, b: bool(_head(a)) and _head(a) == _head(b),
}
SAME_THING = ("nested", "broader", "near", "english")
COULD_DEFINE = (*SAME_THING, "kind-of")
# a match shows every definition beside every term: the README puts no term named in
# another's definition in it (QA findings 2, item 7: 峰值 and 碳达峰碳中和 in one match)
COULD_NAME = (*COULD_DEFINE, "named")
COULD_FIT = (*COULD_DEFINE, "named", "related")
COULD_FILL = (*COULD_FIT, "sibling", "head")


def why(glossary: Glossary, a: Term, b: Term, rules: tuple[str, ...]) -> str:
    """The first of ``rules`` by which ``a`` and ``b`` both fit, or ""."""
    return next((rule for rule in rules if RULES[rule](glossary, a, b)), "")


def same_thing(glossary: Glossary, a: Term, b: Term) -> bool:
    return bool(why(glossary, a, b, SAME_THING))


def could_define(glossary: Glossary, a: Term, b: Term) -> bool:
    return bool(why(glossary, a, b, COULD_DEFINE))


def could_fit(glossary: Glossary, a: Term, b: Term) -> bool:
    return bool(why(glossary, a, b, COULD_FIT))


def could_fill(glossary: Glossary, a: Term, b: Term) -> bool:
    return bool(why(glossary, a, b, COULD_FILL))


def _word_char(char: str) -> bool:
    return _is_hanzi(char) or (char.isascii() and char.isalnum())


def _shown_pairs(term: Term, text: str) -> list[str]:
    pairs = (x + y for x, y in zip(term.term, term.term[1:], strict=False))
    return [p for p in pairs if _is_hanzi(p[0]) and _is_hanzi(p[1]) and p in text]


def _shown_runs(glossary: Glossary, term: Term, text: str) -> list[str]:
    """Runs of three characters of the term (hanzi, Latin letters or digits: 203 of
    2030年前, 市碳达 of 济南市碳达峰) shown in text other than as part of the name of a term
    that the term is made of (碳达峰 of 碳达峰碳中和 in 碳达峰与碳中和的合称 is its meaning)."""
    own = {term.term, term.traditional, *term.aliases}
    parts = {
        form
        for other in glossary.terms
        for form in (other.term, other.traditional, *other.aliases)
        if form and form not in own and form in term.term
    }
    runs = ("".join(r) for r in zip(term.term, term.term[1:], term.term[2:], strict=False))
    return [
        r
        for r in runs
        if all(_word_char(c) for c in r)
        and any(
            not _within_one(text, m.start(), m.start() + 3, parts)
            for m in re.finditer(f"(?={re.escape(r)})", text)  # overlapping too
        )
    ]


def _within_one(text: str, start: int, end: int, names: set[str]) -> bool:
    """Whether text[start:end] lies inside one occurrence of one of names."""
    return any(
        m.start() <= start and end <= m.end()
        for name in names
        for m in re.finditer(re.escape(name), text)
    )


_STOP_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an"}
# "＿＿的简称", "“＿＿”的英文缩写": the term said to abbreviate itself, its meaning masked away
GUTTED = re.compile(r"＿＿[”\"]?(?:（[^）]*）)?的(?:习惯|英文)?(?:简称|缩写)")
# "简称“＿＿”" "俗称“＿＿”" "（＿＿）": a note giving another name of the term, masked empty
NAME_NOTE = re.compile(
    r"(?:简称|俗称|又称|亦称|也称|通称|统称|或称|常说|常称)[“\"]?＿＿|[（(]＿＿[）)]"
)


def _spelled(term: Term, text: str) -> str:
    """A Latin form of the term (CCUS) spelt by the initials of words in text (Carbon
    Capture, Utilization and Storage), or ""."""
    initials = "".join(
        w[0] for w in re.findall(r"[A-Za-z]+", text) if w.casefold() not in _STOP_WORDS
    ).casefold()
    forms = (term.term, term.traditional, *term.aliases)
    return next(
        (f for f in forms if re.fullmatch(r"[A-Za-z]{2,}", f) and f.casefold() in initials), ""
    )


def problems(glossary: Glossary, q: Question) -> list[tuple[str, str]]:
    """What is unfair about one question, as (rule, explanation); [] when nothing. The rule
    is one of :data:`RULES` (two options fit), ``giveaway`` or ``reading note``."""
    by_text = {t.term: t for t in glossary.terms}
    found: list[tuple[str, str]] = []
    answer = glossary.by_id(q.term_id)
    assert answer is not None
    texts = [q.prompt, q.statement, *q.options] if q.kind != "pinyin" else []
    found += [("reading note", t[:20]) for t in texts if READING_NOTE.search(t)]

    def pair(a: Term, b: Term, rules: tuple[str, ...], what: str) -> None:
        rule = why(glossary, a, b, rules)
        if rule:
            found.append((rule, f"{q.kind}: {b.term} {what} {a.term}"))

    if q.kind in ("cloze", "def-term", "en-term"):
        rules = {"cloze": COULD_FILL, "def-term": COULD_DEFINE, "en-term": SAME_THING}[q.kind]
        for option in q.options:
            if option != answer.term:
                pair(answer, by_text[option], rules, "fits as well as")
    if q.kind == "term-def":
        for index, option in enumerate(q.options):
            if index == q.answer_index:
                continue
            # the definition the option is taken from: one holding its first sentence
            key = normalise_text(re.split("[。；;]", option)[0])
            for other in glossary.terms:
                shown = normalise_text(mask_term(other.definition, other, glossary))
                if other.definition and key and key in shown:
                    pair(answer, other, COULD_DEFINE, "has a definition that fits")
                    if one_template(glossary, answer, other):
                        found.append(("template", f"{other.term} is {answer.term}'s template"))
            # an option naming the asked term is struck at sight (QA findings 2, item 26)
            named = [f for f in (answer.term, answer.traditional, *answer.aliases) if f]
            if any(f.casefold() in option.casefold() for f in named):
                found.append(("names the term", f"term-def: {answer.term} named in {option[:30]}"))
        # a blank in the right option is where the asked term fits (事关构建＿＿)
        if q.answer_index is not None and "＿＿" in q.options[q.answer_index]:
            found.append(("blank", f"term-def: the right option of {answer.term} has a blank"))
    if q.kind == "def-term":
        for option in q.options:
            if option != answer.term and option.strip("《》“”") in q.prompt:
                found.append(("stem names", f"def-term: {option} named in the stem"))
    if q.kind == "en-term":
        # the prompt a word of another option's English name (peak / carbon emissions peak),
        # or holding one (green building materials / green building): both could be meant
        prompt = _words(q.prompt)
        for option in q.options:
            rival = by_text[option]
            if option != answer.term and any(
                prompt in _words(e) or _words(e) in prompt for e in rival.english
            ):
                found.append(("english within", f"en-term: {q.prompt!r} and {option}"))
    if q.kind == "truefalse" and q.answer_index == 1:
        stated = by_text[q.statement_term]
        pair(answer, stated, COULD_FIT, "has a definition not plainly wrong for")
        if one_template(glossary, answer, stated):
            found.append(("template", f"{stated.term} is {answer.term}'s template"))
    if q.kind == "match":
        items = [by_text[i] for i in q.items]
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                pair(a, b, COULD_NAME, "can take the definition of")
                if one_template(glossary, a, b):
                    found.append(("template", f"{a.term} and {b.term} in one match"))
    # giveaways: a pair of adjacent characters of the answer shown, when no other option
    # holds either character; or a run of three shown, when no other option holds it
    # (装配式 in 装配式混凝土结构 names 装配式建筑 whatever other 装 or 配 the options have)
    shown = ""
    if q.kind in ("def-term", "cloze"):
        shown, others = q.prompt, [o for o in q.options if o != q.answer]
    if q.kind == "term-def" and q.answer_index is not None:
        shown = q.options[q.answer_index]
        # an option citing the answer's name does not hide that the right one shows it
        others = [
            mask_term(o, answer, glossary) for i, o in enumerate(q.options) if i != q.answer_index
        ]
    if shown:
        where = "the prompt" if q.kind != "term-def" else "the right option"
        for chars in _shown_pairs(answer, shown):
            # a definition shown as the stem: the README's rule, two adjacent characters
            # only the answer has (再生 of 可再生能源, whatever 生 another option holds)
            whole = q.kind == "def-term"
            if not any(chars in o if whole else set(chars) & set(o) for o in others):
                found.append(("giveaway", f"{chars} of {answer.term} shown in {where}"))
        for chars in _shown_runs(glossary, answer, shown):
            if not any(chars in o for o in others):
                found.append(("giveaway", f"{chars} of {answer.term} shown in {where}"))
        for char in set(re.findall(r"[“「‘\"](.)[”」’\"]", shown)) & set(answer.term):
            if _is_hanzi(char) and not any(char in o for o in others):
                found.append(("giveaway", f"“{char}” of {answer.term} quoted in {where}"))
    # a Latin term spelt by the initials of words shown with it
    shown_with = {
        "term-def": [q.options[q.answer_index or 0]] if q.options else [],
        "def-term": [q.prompt],
        "cloze": [q.prompt],
        "truefalse": [q.statement] if q.answer_index == 0 else [],
    }.get(q.kind, [])
    for text in shown_with:
        if _spelled(answer, text):
            found.append(("initials", f"{_spelled(answer, text)} spelt by {text[:40]}"))
    if q.kind == "match":
        for i, item in enumerate(q.items):
            if _spelled(by_text[item], q.options[q.pairs[i]]):
                found.append(("initials", f"{item} spelt by its definition"))
    # a definition gutted by masking: the term said to be the short form of a blank
    texts = [*q.options, q.statement] if q.kind in ("term-def", "truefalse", "match") else []
    if q.kind in ("def-term", "cloze"):
        texts = [q.prompt]
    found += [("gutted", t[:30]) for t in texts if GUTTED.search(t) or NAME_NOTE.search(t)]
    return found


def _without_name(term: Term) -> str:
    """The definition with each piece (two characters or more) of the term's name and each
    number taken out."""
    text, name = term.definition, term.term
    pieces = sorted(
        {name[i:j] for i in range(len(name)) for j in range(i + 2, len(name) + 1)}, key=len
    )
    for piece in reversed(pieces):
        text = text.replace(piece, "|")
    return normalise_text(re.sub(r"[0-9]+", "#", text)) if "|" in text else ""


def one_template(glossary: Glossary, a: Term, b: Term) -> bool:
    """Two definitions that are one text with another name filled in (山东省人民政府于2022年12月
    印发的文件…明确了山东省碳达峰工作… / 济南市人民政府于2023年6月…): side by side, the right
    one is the one naming the place in the term (QA findings 2, item 7)."""
    x, y = _without_name(a), _without_name(b)
    return bool(x and y) and difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.6


def questions(glossary: Glossary, paper: PaperSpec, seeds: range) -> Iterator[tuple[str, Question]]:
    """The example paper built with each seed, then a 60-question quiz of every kind."""
    for seed in seeds:
        for q in build_paper(glossary, replace(paper, seed=seed)).questions:
            yield "paper", q
        for q in make_quiz(glossary, list(KINDS), 60, random.Random(seed)):
            yield "quiz", q


def scan(
    glossary: Glossary, paper: PaperSpec, seeds: range
) -> tuple[Counter[str], Counter[str], Counter[str], list[str]]:
    """(questions per source and kind, unfair ones per source and kind, unfair ones per
    source, kind and rule, examples)."""
    asked: Counter[str] = Counter()
    unfair: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    examples: list[str] = []
    earlier: list[Question] = []  # of the paper or round being scanned
    last = ""
    for where, q in questions(glossary, paper, seeds):
        if where != last:  # a new paper or round
            earlier, last = [], where
        asked[f"{where} {q.kind}"] += 1
        found = problems(glossary, q)
        if where == "paper":
            found += repeated(glossary, q, earlier)
        found += answered_elsewhere(glossary, q, earlier)
        found += reading_again(q, earlier)
        earlier.append(q)
        if found:
            unfair[f"{where} {q.kind}"] += 1
            for rule in dict.fromkeys(rule for rule, _ in found):
                by_rule[f"{where} {q.kind} {rule}"] += 1
            examples.append(f"{where} {q.kind} {q.prompt[:30]!r}: {found[0][1]}")
    return asked, unfair, by_rule, examples


_PIECES = re.compile('＿＿|[。；;，,、：:！!？?（）()“”"]')


@functools.cache
def _norm(text: str) -> str:
    return normalise_text(text)


def _sources(glossary: Glossary, q: Question) -> set[str]:
    """Where the sentences a question ties to a term come from ("def:<id>" for a term's
    definition, "ex:<id>:<n>" for an example), and for a true/false question the pair of
    terms it puts together ("pair:<id>|<id>")."""
    by_text = {t.term: t for t in glossary.terms}
    if q.kind in ("term-def", "def-term"):
        return {f"def:{q.term_id}"}
    if q.kind == "match":
        return {f"def:{i}" for i in q.item_ids}
    if q.kind == "truefalse":
        owner = by_text[q.statement_term]
        return {f"def:{owner.id}", "pair:" + "|".join(sorted({q.term_id, owner.id}))}
    if q.kind != "cloze":
        return set()
    # the sentence a cloze shows: a definition or example holding every piece of it
    pieces = [_norm(p) for p in _PIECES.split(q.prompt)]
    pieces = [p for p in pieces if len(p) >= 2]
    found: set[str] = set()
    for term in glossary.terms:
        texts = [(f"def:{term.id}", term.definition)]
        texts += [(f"ex:{term.id}:{n}", e) for n, e in enumerate(term.examples)]
        for key, text in texts:
            if pieces and all(p in _norm(text) for p in pieces):
                found.add(key)
    return found


def repeated(glossary: Glossary, q: Question, earlier: list[Question]) -> list[tuple[str, str]]:
    """A question of a paper that ties a sentence to a term as an earlier question does, or
    swaps a true/false pair: each answers the other (issue 7, QA on 6392bbe)."""
    mine = _sources(glossary, q)
    return [
        ("repeated", f"{q.kind} {q.term} shows {key} as Q{n + 1} does")
        for n, other in enumerate(earlier)
        for key in sorted(mine & _sources(glossary, other))
    ]


def _definition_owners(glossary: Glossary, text: str) -> set[str]:
    """The terms whose definition an option showing ``text`` is: the definition holds every
    piece of the text between blanks and punctuation."""
    pieces = [p for p in (_norm(p) for p in _PIECES.split(text)) if len(p) >= 2]
    return {
        t.id for t in glossary.terms if pieces and all(p in _norm(t.definition) for p in pieces)
    }


def subjects(q: Question) -> set[str]:
    """The terms a question asks the meaning of (pinyin and reading ask a sound)."""
    if q.kind in ("pinyin", "reading"):
        return set()
    return set(q.item_ids) if q.kind == "match" else {q.term_id}


def offered(glossary: Glossary, q: Question) -> set[str]:
    """The terms a question offers, by name or by definition, as a wrong answer."""
    by_text = {t.term: t.id for t in glossary.terms}
    if q.kind in ("def-term", "en-term", "cloze"):
        return {by_text[o] for o in q.options if o != q.answer}
    if q.kind == "term-def":
        wrong = (o for i, o in enumerate(q.options) if i != q.answer_index)
        return {owner for o in wrong for owner in _definition_owners(glossary, o)} - {q.term_id}
    if q.kind == "truefalse" and q.answer_index == 1:
        return {by_text[q.statement_term]}
    return set()


def answered_elsewhere(
    glossary: Glossary, q: Question, earlier: list[Question]
) -> list[tuple[str, str]]:
    """A term one question of a paper or round asks about, offered as a wrong answer by
    another: knowing the one answer strikes an option of the other (QA findings 2, item 6:
    碳达峰 and 碳排放 shown with the same four definitions)."""
    mine, wrong = subjects(q), offered(glossary, q)
    found = []
    for n, other in enumerate(earlier):
        both = (mine & offered(glossary, other)) | (subjects(other) & wrong)
        found += [("answer offered", f"{q.kind} {q.term}: {i} as in Q{n + 1}") for i in both]
    return found


def reading_again(q: Question, earlier: list[Question]) -> list[tuple[str, str]]:
    """A character asked in the same reading as an earlier question of the paper or round
    asks it (省 shěng in 山东省人民政府 and in 《山东省碳达峰实施方案》: QA findings 2, item 3)."""
    if q.kind != "reading":
        return []
    return [
        ("reading again", f"{_char(q)} {q.answer} in {q.term} as in Q{n + 1}")
        for n, other in enumerate(earlier)
        if other.kind == "reading" and (_char(other), other.answer) == (_char(q), q.answer)
    ]


def _char(q: Question) -> str:
    """The character a reading question asks about (from its text, for questions made
    before they recorded it)."""
    found = re.search(r"“(.)”的读音", q.prompt)
    return getattr(q, "reading_char", "") or (found.group(1) if found else "")
