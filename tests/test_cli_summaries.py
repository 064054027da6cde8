"""The command line says what it did not show and what it checked (issue 7 item 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carbon_glossary.cli import main

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "cli_glossary.toml"
BROKEN = DATA / "broken"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--glossary", str(GLOSSARY), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def matches(capsys: pytest.CaptureFixture[str], query: str) -> int:
    code, out, _ = run(capsys, "search", query, "--json", "--limit", "1000")
    assert code == 0
    return len(json.loads(out))


class TestSearchSaysHowManyMore:
    def test_a_cut_list_says_how_many_more_and_how_to_see_them(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        total = matches(capsys, "t")
        assert total >= 3
        code, out, err = run(capsys, "search", "t", "--limit", "2")
        assert code == 0
        assert len(out.splitlines()) == 2  # stdout holds the matches alone, for pipes
        assert err == (
            f"还有 {total - 2} 个匹配没有列出（共 {total} 个）；加 --limit {total} 全部列出\n"
        )

    def test_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        total = matches(capsys, "t")
        _, _, err = run(capsys, "--lang", "en", "search", "t", "--limit", "1")
        assert err == (
            f"{total - 1} more matches not shown ({total} in all); "
            f"add --limit {total} to list them all\n"
        )

    def test_nothing_said_when_everything_is_shown(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        total = matches(capsys, "t")
        code, out, err = run(capsys, "search", "t", "--limit", str(total))
        assert (code, err) == (0, "")
        assert len(out.splitlines()) == total

    def test_json_output_is_not_followed_by_a_note(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "search", "t", "--json", "--limit", "1")
        assert (code, err) == (0, "")
        assert len(json.loads(out)) == 1


class TestCheckSaysWhatItChecked:
    def test_a_clean_file_gets_a_summary_with_its_term_count(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        terms = GLOSSARY.read_text(encoding="utf-8").count("[[term]]")
        assert run(capsys, "check", str(GLOSSARY)) == (0, "", f"0个错误，0个警告，{terms}条术语\n")
        code, _, err = run(capsys, "--lang", "en", "check", str(GLOSSARY))
        assert (code, err) == (0, f"0 errors, 0 warnings, {terms} terms\n")

    def test_warnings_alone_are_counted_with_the_terms(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = BROKEN / "unsettled_warning.toml"
        terms = path.read_text(encoding="utf-8").count("[[term]]")
        code, _, err = run(capsys, "check", str(path))
        assert (code, err) == (0, f"0个错误，1个警告，{terms}条术语\n")

    def test_beyond_the_counting_cap_it_says_at_least(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from carbon_glossary.subcommands import glossary

        monkeypatch.setattr(glossary, "COUNT_CAP", 3)
        assert matches(capsys, "t") > 3
        code, out, err = run(capsys, "search", "t", "--limit", "1")
        assert (code, len(out.splitlines())) == (0, 1)
        assert err == "还有至少 2 个匹配没有列出；加 --limit 3 列出更多\n"
