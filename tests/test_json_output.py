"""Every JSON output writes Chinese as UTF-8, never as \\u escapes (issue 9 item 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carbon_glossary.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossary.toml"
EXAMPLE = ROOT / "papers" / "example.toml"


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        (["list", "--json"], "碳达峰"),
        (["show", "碳达峰", "--json"], "碳达峰"),
        (["search", "tdf", "--json"], "碳达峰"),
        (["exam", str(EXAMPLE), "--json"], "槐荫区"),
        (["stats", "--profile", "张三", "--json"], "张三"),
    ],
)
def test_json_is_utf8_not_escaped(
    argv: list[str], chinese: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if argv[0] == "stats":
        argv = [*argv, "--db", str(tmp_path / "progress.db")]
    assert main(["--glossary", str(SHIPPED), *argv]) == 0
    out = capsys.readouterr().out
    json.loads(out)
    assert chinese in out
    assert "\\u" not in out
