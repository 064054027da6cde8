"""A question bank exported for Moodle shows a definition as the in-app quiz does: the term
blanked, and the notes the blank leaves empty dropped (QA findings 2, item 17: the GIFT
export of the glossary showed 简称“＿＿”, （＿＿）, 俗称“＿＿”, which the quiz drops)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from fairness import GUTTED, NAME_NOTE

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.toml"
PAPER = ROOT / "papers" / "example.toml"


def _prompts(gift: str) -> dict[str, str]:
    """Question id → its text, of a GIFT file of one question per block."""
    prompts = {}
    for block in gift.split("\n\n"):
        if block.startswith("::"):
            name, _, rest = block[2:].partition("::")
            prompts[name] = rest.split(" {", 1)[0]
    return prompts


def test_the_glossary_as_gift_drops_the_notes_the_blank_empties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "g.gift.txt"
    code = main(["--glossary", str(SHIPPED), "export", "--format", "gift", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    prompts = _prompts(out.read_text(encoding="utf-8"))
    emptied = {k: p for k, p in prompts.items() if GUTTED.search(p) or NAME_NOTE.search(p)}
    assert emptied == {}
    # the reported ones: what the note was in is still there, the note is not
    assert prompts["tan-da-feng-tan-zhong-he"].startswith("碳达峰与碳中和的合称。")
    assert prompts["doc-2030-action-plan"].startswith("国务院于2021年10月印发的文件，明确了")
    assert len(prompts) >= 90  # every term that still says something once blanked


def test_the_paper_as_moodle_xml_shows_no_emptied_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A paper's questions come from the quiz itself; this guards the XML's texts too."""
    out = tmp_path / "paper.xml"
    argv = ["--glossary", str(SHIPPED), "exam", str(PAPER), "--export", "moodle", "-o", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    texts = [e.text or "" for e in ET.parse(out).getroot().iter("text")]
    assert texts
    assert [t for t in texts if GUTTED.search(t) or NAME_NOTE.search(t)] == []
