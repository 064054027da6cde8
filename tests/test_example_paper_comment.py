"""The example paper's header comment is where a trainer learns which question kinds a paper
may ask for (QA findings 2, item 30: it left out ``reading``, which the README lists). The
list is checked against the kinds registry, so a kind added later cannot be forgotten there."""

from __future__ import annotations

import re
from pathlib import Path

from carbon_glossary.core.kinds.spec import kind_names

EXAMPLE = Path(__file__).resolve().parents[1] / "papers" / "example.toml"
KINDS_HEADING = "# 题型（kind）："


def _kinds_block() -> list[str]:
    """The comment lines under the kinds heading, up to the next unindented comment line."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    start = lines.index(KINDS_HEADING) + 1
    block = []
    for line in lines[start:]:
        if not line.startswith("#   "):
            break
        block.append(line)
    return block


def test_the_example_papers_comment_names_every_registered_kind() -> None:
    block = _kinds_block()
    # a kind's name opens a column: after the comment's indent or two spaces, before a space
    named = {
        m.group(1)
        for line in block
        for m in re.finditer(r"(?:^#\s{3}|\s{2})([a-z]+(?:-[a-z]+)?)\s", line)
    }
    assert named == set(kind_names())
