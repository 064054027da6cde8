"""QA findings 2, items 26 and 27, measured as QA measured them: 30 papers (seeds 1-30), each
``term-def 6, def-term 6, en-term 4, cloze 6, truefalse 6, match 1, reading 4`` over all
categories, and the appendix's checks over the questions:

- term-def: the asked term verbatim in a distractor; the right option with a blank (what QA
  counted as "a blank where the asked term fits");
- def-term: the stem holding a 2-hanzi piece only the answer has (QA's bigram check, which
  over-counts generic pairs such as 设施); the stem naming a distractor verbatim;
- en-term: the prompt is a whole word of another option's English name, or holds another
  option's English name (peak / 碳达峰 "carbon emissions peak"; green building in "green
  building materials").

Run: python bench/scan_masking.py [SEEDS]   (30 by default; prints the counts and examples)
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import PaperSection, PaperSpec, build_paper

ROOT = Path(__file__).resolve().parent.parent
MIX = (
    ("term-def", 6),
    ("def-term", 6),
    ("en-term", 4),
    ("cloze", 6),
    ("truefalse", 6),
    ("match", 1),
    ("reading", 4),
)


CHECKS = (
    "term-def: asked term verbatim in a distractor",
    "term-def: the right option has a blank",
    "def-term: stem holds a piece only the answer has",
    "def-term: stem names a distractor",
    "en-term: prompt within a rival's English or holds it",
)


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fff]", "|", text)
    return {text[i : i + 2] for i in range(len(text) - 1) if "|" not in text[i : i + 2]}


def words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.casefold())) + " "


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    glossary = load_glossary(ROOT / "glossary.toml")
    by_text = {t.term: t for t in glossary.terms}
    asked: Counter[str] = Counter()
    found: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def hit(check: str, seed: int, number: int, what: str) -> None:
        found[check] += 1
        examples[check].append(f"seed {seed} Q{number}: {what}")

    for seed in range(1, seeds + 1):
        sections = tuple(PaperSection(None, kind, count) for kind, count in MIX)  # type: ignore[arg-type]
        spec = PaperSpec(title="s", seed=seed, sections=sections, time_limit_minutes=30)
        for number, q in enumerate(build_paper(glossary, spec).questions, 1):
            asked[q.kind] += 1
            others = [o for i, o in enumerate(q.options) if i != q.answer_index]
            if q.kind == "term-def":
                named = [o for o in others if q.term in o]
                if named:
                    hit("term-def: asked term verbatim in a distractor", seed, number, q.term)
                if "＿＿" in q.answer:
                    hit("term-def: the right option has a blank", seed, number, q.term)
            if q.kind == "def-term":
                pieces = bigrams(q.answer) - set().union(*map(bigrams, others))
                pieces &= bigrams(q.prompt)
                if pieces:
                    hit(
                        "def-term: stem holds a piece only the answer has",
                        seed,
                        number,
                        f"{q.answer} {sorted(pieces)}",
                    )
                named = [o for o in others if o.strip("《》“”") in q.prompt]
                if named:
                    hit("def-term: stem names a distractor", seed, number, f"{q.answer} {named}")
            if q.kind == "en-term":
                prompt = words(q.prompt)
                rivals = [
                    f"{option} {english!r}"
                    for option in others
                    for english in by_text[option].english
                    if prompt in words(english) or words(english) in prompt
                ]
                if rivals:
                    hit(
                        "en-term: prompt within a rival's English or holds it",
                        seed,
                        number,
                        f"{q.prompt!r} vs {rivals}",
                    )
    print(f"{seeds} papers (seeds 1-{seeds}), sections {', '.join(f'{k} {c}' for k, c in MIX)}")
    for kind in ("term-def", "def-term", "en-term"):
        print(f"{kind}: {asked[kind]} questions")
        for check in CHECKS:
            if check.startswith(kind):
                print(f"  {check}: {found[check]}")
    for check in sorted(examples):
        print(f"## {check}")
        for example in examples[check][:4]:
            print("  ", example)


if __name__ == "__main__":
    main()
