"""How many questions are unfair: the example paper built with many seeds, and as many random
quizzes of every kind, judged by tests/fairness.py (two options that both fit, a text that
gives the answer away, a reading note; issue 7 items 1-3).

Run: python bench/scan_fairness.py [SEEDS]   (25 by default; prints a table and examples)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from carbon_glossary.core.loader import load_glossary  # noqa: E402
from carbon_glossary.core.paper import load_paper  # noqa: E402
from fairness import scan  # noqa: E402


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    glossary = load_glossary(ROOT / "glossary.toml")
    paper = load_paper(ROOT / "papers" / "example.toml", glossary)
    asked, unfair, by_rule, examples = scan(glossary, paper, range(seeds))
    print(f"{seeds} seeds: the example paper and a 60-question quiz of every kind per seed")
    print(f"{'questions':<22} {'asked':>6} {'unfair':>6} {'share':>7}")
    for key in sorted(asked):
        share = unfair[key] / asked[key]
        print(f"{key:<22} {asked[key]:>6} {unfair[key]:>6} {share:>7.1%}")
    total, bad = sum(asked.values()), sum(unfair.values())
    print(f"{'all':<22} {total:>6} {bad:>6} {bad / total:>7.1%}")
    print("unfair questions by what made them so (one question may count under several):")
    for key in sorted(by_rule):
        kind = " ".join(key.split()[:2])
        print(f"  {key:<32} {by_rule[key]:>5} {by_rule[key] / asked[kind]:>7.1%}")
    for example in examples[:12]:
        print("  ", example)


if __name__ == "__main__":
    main()
