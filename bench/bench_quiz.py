"""How fast the quiz engine is on synthetic glossaries of 1k, 10k and 100k terms: the first
question (per-glossary facts are computed then), one question of each kind, a 20-question
mixed quiz, and checking and building a 20-question exam paper.

Run: python bench/bench_quiz.py [SIZES…]   (prints a table; writes only to a temporary folder)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import build_paper, parse_paper
from carbon_glossary.core.quiz import KINDS, make_question, make_quiz
from synthetic import make_glossary_toml  # bench/ is on the path when this script runs

PAPER = """\
[paper]
title = "基准测试卷"
seed = 1

[[section]]
category = "核心概念"
kind = "term-def"
count = 5

[[section]]
category = "能源"
kind = "def-term"
count = 5

[[section]]
kind = "pinyin"
count = 5

[[section]]
category = "技术"
kind = "match"
count = 5
"""


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Milliseconds per call (the best of ``repeat`` calls)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def fresh(glossary: Glossary) -> Glossary:
    """An equal glossary object that the engine has not seen (so nothing is cached)."""
    return Glossary(glossary.title, glossary.language, glossary.version, glossary.terms)


def run(size: int, folder: Path) -> list[str]:
    path = folder / f"g{size}.toml"
    path.write_text(make_glossary_toml(size, seed=1), encoding="utf-8")
    glossary = load_glossary(path)
    term = glossary.terms[size // 2]
    rng = random.Random(0)
    first = timed(lambda: make_question(fresh(glossary), term, "term-def", rng))
    make_question(glossary, term, "term-def", rng)  # warm this glossary's facts
    row = [f"{size:>7,}", f"{first:9.1f}"]
    for kind in KINDS:
        row.append(f"{timed(lambda k=kind: make_question(glossary, term, k, rng), 3):8.2f}")
    row.append(f"{timed(lambda: make_quiz(glossary, [], 20, random.Random(1)), 3):8.1f}")
    spec = parse_paper(PAPER, glossary)
    row.append(f"{timed(lambda: parse_paper(PAPER, glossary)):8.1f}")
    row.append(f"{timed(lambda: build_paper(glossary, spec)):8.1f}")
    return row


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    header = ["terms", "first ms", *KINDS, "quiz20", "check", "paper20"]
    print("  ".join(f"{h:>8}" for h in header))
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            print("  ".join(f"{c:>8}" for c in run(size, Path(folder))), flush=True)
    print("ms per call; first = first question on a glossary (facts computed once)")


if __name__ == "__main__":
    main()
