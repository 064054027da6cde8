"""``--help`` as a terminal shows it: columns counted in cells, headings punctuated in the
interface language (QA findings 2, item 5: a Chinese metavar pushed its help two cells right
per hanzi, and headings ended in an ASCII colon in Chinese)."""

from __future__ import annotations

import re

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.text import cell_width
from carbon_glossary.i18n import set_language, t

WIDTH = 100


def help_text(capsys: pytest.CaptureFixture[str], language: str, *command: str) -> str:
    code = main(["--lang", language, *command, "--help"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def commands(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The commands the main help lists."""
    text = help_text(capsys, "en")
    section = text.split("\ncommands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines() if re.match(r"  \S", line)]


def description_columns(text: str) -> set[int]:
    """The cells at which option and command descriptions start (continuation lines too)."""
    starts = set()
    for block in text.split("\n\n")[1:]:  # after the usage
        for line in block.splitlines():
            if not line.startswith("  "):
                continue  # a heading, or the command's description
            item = re.match(r"  \S.*?( {2,})(?=\S)", line)
            if line.startswith("   "):
                starts.add(len(line) - len(line.lstrip(" ")))
            elif item:
                starts.add(cell_width(item[0]))
            # else: an invocation too long to share its line with the help, which follows.
    return starts


@pytest.fixture(autouse=True)
def terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))


def test_every_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert {"browse", "practice", "exam", "export", "report", "serve"} <= set(commands(capsys))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_descriptions_start_in_one_column_by_cells(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    for command in [(), *((name,) for name in commands(capsys))]:
        text = help_text(capsys, language, *command)
        assert len(description_columns(text)) == 1, (command, description_columns(text), text)
        assert all(cell_width(line) <= WIDTH for line in text.splitlines()), (command, text)


def test_a_chinese_metavar_counts_two_cells_per_hanzi(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = help_text(capsys, "zh", "practice").splitlines()
    options = {line.split()[0]: line for line in lines if line.startswith("  --")}
    help_option = next(line for line in lines if line.startswith("  -h, --help"))
    column = cell_width(help_option.split("显示帮助")[0])
    for name, hint in (("--category", "只练这个类别"), ("--kinds", "只出这些题型")):
        assert cell_width(options[name].split(hint)[0]) == column, options[name]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_usage_lines_continue_under_the_first_option(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    text = help_text(capsys, language, "practice")
    usage = text.split("\n\n", 1)[0].splitlines()
    assert len(usage) > 1
    set_language(language)
    lead = cell_width(t("cli.usage_prefix") + "carbon-glossary practice ")
    assert cell_width(usage[0][: usage[0].index("[")]) == lead
    assert all(len(line) - len(line.lstrip(" ")) == lead for line in usage[1:]), usage


@pytest.mark.parametrize(("language", "colon"), [("zh", "："), ("en", ":")])
def test_headings_end_with_the_languages_colon(
    capsys: pytest.CaptureFixture[str], language: str, colon: str
) -> None:
    for command in [(), ("practice",), ("export",)]:
        text = help_text(capsys, language, *command)
        set_language(language)
        options, common = t("cli.options_title"), t("cli.global_options_title")
        headings = [line for line in text.splitlines() if line.startswith((options, common))]
        assert headings == [options + colon, common + colon], (command, headings)


def test_english_help_uses_ascii_brackets(capsys: pytest.CaptureFixture[str]) -> None:
    # The kinds list was built with full-width brackets in either language.
    for command in ("study", "practice"):
        text = help_text(capsys, "en", command)
        assert "term-def (term → definition)" in " ".join(text.split())
        assert not any(char in text for char in "（）：，"), text
