"""The command line as a user meets it: output, exit codes, languages, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.model import Glossary
from carbon_glossary.interop.export import JSON_KEYS

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "cli_glossary.toml"
BROKEN = DATA / "broken"
SHIPPED = Path(__file__).resolve().parent.parent / "glossary.toml"
SCRIPT = Path(sys.executable).parent / "carbon-glossary"


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, glossary: Path | None = GLOSSARY
) -> tuple[int, str, str]:
    args = ["--glossary", str(glossary), *argv] if glossary is not None else list(argv)
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


class TestList:
    def test_every_term_in_pinyin_order_in_aligned_columns(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "list")
        assert code == 0 and err == ""
        lines = out.splitlines()
        assert [line.split()[0] for line in lines] == [
            "CCUS技术",
            "储能调峰",
            "绿电",
            "碳达峰",
            "碳中和",
        ]
        assert (
            lines[1] == "储能调峰  chǔ néng tiáo fēng  能源      energy storage for peak regulation"
        )
        # Columns line up on the screen: CJK characters count as two cells.
        assert lines[2].startswith("绿电      lǜ diàn")

    def test_json_objects_have_the_documented_keys(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(capsys, "list", "--json")
        data = json.loads(out)
        assert code == 0 and len(data) == 5
        assert all(list(item) == list(JSON_KEYS) for item in data)
        peak = next(item for item in data if item["id"] == "tan-da-feng")
        assert peak["pinyin"] == "tàn dá fēng"
        assert peak["pinyin_numbers"] == "tan4 da2 feng1"
        assert peak["traditional"] == "碳達峰"
        assert peak["related"] == ["tan-zhong-he", "chu-neng-tiao-feng"]
        assert peak["english"] == ["carbon peaking"]
        ccus = next(item for item in data if item["id"] == "ccus")
        assert (ccus["pinyin"], ccus["pinyin_numbers"]) == ("CCUS jì shù", "CCUS ji4 shu4")
        green = next(item for item in data if item["id"] == "lv-dian")
        assert green["pinyin_numbers"] == "lv4 dian4"
        assert "碳达峰" in out  # not \\u escapes

    def test_category_filter(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "list", "--category", "核心概念")
        assert code == 0
        assert [line.split()[0] for line in out.splitlines()] == ["碳达峰", "碳中和"]

    def test_unknown_category_lists_the_real_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "list", "--category", "交通")
        assert (code, out) == (1, "")
        assert err == "没有“交通”这个类别；已有的类别：核心概念、能源\n"


class TestShowAndSearch:
    @pytest.mark.parametrize("query", ["碳达峰", "碳達峰", "tdf", "tan4 da2 feng1", "达峰"])
    def test_show_finds_the_entry_by_any_form(
        self, capsys: pytest.CaptureFixture[str], query: str
    ) -> None:
        code, out, _ = run(capsys, "show", query, "--json")
        assert code == 0
        assert json.loads(out)["id"] == "tan-da-feng"

    def test_show_prints_a_card(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "show", "tandafeng")
        lines = out.splitlines()
        assert code == 0
        assert lines[0] == "碳达峰  〔碳達峰〕"
        assert lines[1] == "tàn dá fēng   tan4 da2 feng1"
        assert "释义      碳排放量达到历史最高值，然后逐步回落。" in lines
        assert "相关术语  碳中和（tàn zhōng hé）、储能调峰（chǔ néng tiáo fēng）" in lines
        assert "编号      tan-da-feng" in lines

    def test_show_card_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "--lang", "en", "show", "carbon neutrality")
        assert code == 0
        assert "Definition  排放与吸收相抵，实现净零排放。" in out.splitlines()

    def test_nothing_found_is_exit_1_with_a_message(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert run(capsys, "show", "xyzzy") == (1, "", "没有找到与“xyzzy”相关的术语\n")
        assert run(capsys, "search", "xyzzy") == (1, "", "没有找到与“xyzzy”相关的术语\n")
        code, out, _ = run(capsys, "search", "xyzzy", "--json")
        assert (code, json.loads(out)) == (1, [])

    def test_search_json_adds_a_score_and_respects_limit(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(capsys, "search", "tan", "--json", "--limit", "1")
        [match] = json.loads(out)
        assert code == 0
        assert list(match) == [*JSON_KEYS, "score"]
        assert 0 < match["score"] <= 1

    def test_search_human_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "search", "storage")
        assert code == 0
        # Two English matches of the same rank, in pinyin order.
        assert [line.split()[0] for line in out.splitlines()] == ["CCUS技术", "储能调峰"]


class TestShippedGlossary:
    """The done-when checks of the command line, on the glossary the program ships."""

    @pytest.mark.parametrize(
        "query",
        [
            "tdf",
            "tandafeng",
            "tan4 da2 feng1",
            "tàn dá fēng",
            "碳達峰",
            "carbon peak",
        ],
    )
    def test_every_query_form_ranks_tan_da_feng_first(
        self, capsys: pytest.CaptureFixture[str], query: str
    ) -> None:
        code, out, _ = run(capsys, "search", query, "--json", glossary=None)
        assert code == 0
        assert json.loads(out)[0]["term"] == "碳达峰"

    def test_check_succeeds_with_a_summary(self, capsys: pytest.CaptureFixture[str]) -> None:
        terms = SHIPPED.read_text(encoding="utf-8").count("[[term]]")
        assert run(capsys, "check", glossary=None) == (0, "", f"0个错误，0个警告，{terms}条术语\n")

    def test_list_shows_every_term(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "list", "--json", glossary=None)
        assert code == 0
        assert len(json.loads(out)) == SHIPPED.read_text(encoding="utf-8").count("[[term]]")


class TestCheck:
    def test_problems_as_file_line_col_with_exit_2(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = BROKEN / "pinyin_count.toml"
        code, out, err = run(capsys, "check", str(path))
        assert code == 2
        assert out == f"{path}:7:1: 错误: 第1个术语的 pinyin 有4个音节，但“碳达峰”有3个汉字\n"
        assert err == "1个错误，0个警告\n"

    def test_several_files_and_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        warn, bad = BROKEN / "unsettled_warning.toml", BROKEN / "duplicate_term.toml"
        code, out, err = run(capsys, "--lang", "en", "check", str(warn), str(bad))
        assert code == 2
        assert out.splitlines()[0].startswith(f"{warn}:6:1: warning: in term 1 “节能降碳”")
        assert out.splitlines()[1] == f"{bad}:9:1: error: term 2 “碳达峰” repeats term 1"
        assert err == "1 errors, 1 warnings\n"

    def test_warnings_alone_exit_0(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "check", str(BROKEN / "unsettled_warning.toml"))
        assert code == 0 and "警告" in out

    def test_without_files_checks_the_glossary_in_use(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert run(capsys, "check") == (0, "", "0个错误，0个警告，5条术语\n")
        code, out, _ = run(capsys, "check", glossary=BROKEN / "many.toml")
        assert code == 2 and len(out.splitlines()) == 9


class TestRefusal:
    """Every command refuses a glossary it cannot use, with the checker's messages."""

    @pytest.mark.parametrize("command", [["list"], ["show", "碳"], ["search", "碳"], ["browse"]])
    def test_invalid_glossary(self, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        path = BROKEN / "many.toml"
        code, out, err = run(capsys, *command, glossary=path)
        lines = err.splitlines()
        assert (code, out) == (2, "")
        assert len(lines) == 10
        assert lines[0] == (
            f"{path}:14:1: 错误: [glossary] 中没有“titel”这一项；"
            "可以写的项：title, language, version"
        )
        assert lines[-1].startswith(f"术语表 {path} 有错误")

    def test_missing_file_and_directory(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        missing = tmp_path / "none.toml"
        code, out, err = run(capsys, "list", glossary=missing)
        assert (code, out) == (2, "")
        assert err.splitlines()[0] == f"{missing}: 错误: 找不到这个文件"
        code, _, err = run(capsys, "--lang", "en", "list", glossary=tmp_path)
        assert code == 2
        assert err.splitlines()[0] == f"{tmp_path}: error: this is a folder, not a glossary file"


class TestOptions:
    def test_environment_variables(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.setenv("CARBON_GLOSSARY_FILE", str(GLOSSARY))
        monkeypatch.setenv("CARBON_GLOSSARY_LANG", "en")
        assert run(capsys, "search", "xyzzy", glossary=None) == (
            1,
            "",
            "no term found for “xyzzy”\n",
        )
        # The flags win over the environment.
        code, _, err = run(capsys, "--lang", "zh", "list", glossary=tmp_path / "x.toml")
        assert code == 2 and "找不到这个文件" in err

    def test_global_options_after_the_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = (
            main(["list", "--glossary", str(GLOSSARY), "--lang", "en"]),
            *capsys.readouterr(),
        )
        assert code == 0 and out.startswith("CCUS技术")

    def test_help_comes_from_the_catalogue(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "--help", glossary=None)
        assert code == 0
        assert out.startswith("用法：carbon-glossary")
        assert "显示帮助后退出" in out and "按拼音顺序列出全部术语" in out
        code, out, _ = run(capsys, "--lang", "en", "search", "--help", glossary=None)
        assert code == 0
        assert out.startswith("usage: carbon-glossary search")
        assert "show at most N matches (default 20)" in " ".join(out.split())

    def test_bad_usage_is_exit_2_in_the_interface_language(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "lst", glossary=None)
        assert (code, out) == (2, "")
        assert err.splitlines()[-1] == (
            "carbon-glossary: 错误: 参数 命令：没有 'lst' 这个选项；是不是想用“list”？"
        )
        code, _, err = run(capsys, "show", glossary=None)
        assert code == 2 and err.splitlines()[-1].endswith("缺少参数：术语")
        code, _, err = run(capsys, "--lang", "en", "search", "x", "--limit", "0", glossary=None)
        assert code == 2
        assert err.splitlines()[-1].endswith(
            "argument --limit: should be a whole number above zero, not “0”"
        )
        code, _, err = run(capsys, "--lang", "fr", "list", glossary=None)
        assert code == 2 and "不支持的语言“fr”" in err

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "--version", glossary=None)
        assert code == 0 and out.startswith("carbon-glossary ")


class TestBrowse:
    def test_bare_command_without_a_terminal_prints_help(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(capsys)
        assert code == 0 and out.startswith("用法：")

    def test_browse_starts_the_tui_with_path_and_language(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[tuple[Path, str, str | None, bool]] = []
        fake = types.ModuleType("carbon_glossary.ui.app")

        def run_browser(
            path: Path,
            lang: str,
            glossary: Glossary | None = None,
            progress: object = None,
            served: bool = False,
        ) -> int:
            calls.append((path, lang, glossary.title if glossary else None, served))
            return 0

        fake.run_browser = run_browser  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "carbon_glossary.ui.app", fake)
        assert run(capsys, "--lang", "en", "browse")[0] == 0
        # The glossary checked on the command line is handed over, not read again.
        assert calls == [(GLOSSARY, "en", "命令行测试术语表", False)]
        # What `serve` starts for each browser tab (the flag is not in --help).
        assert run(capsys, "--lang", "en", "browse", "--served")[0] == 0
        assert calls[1][3] is True
        assert "--served" not in run(capsys, "browse", "--help")[1]

    def test_browse_takes_the_profile_and_progress_file_its_quiz_screens_use(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        from carbon_glossary.session.progress import Progress

        seen: list[Progress] = []
        fake = types.ModuleType("carbon_glossary.ui.app")

        def run_browser(
            path: Path,
            lang: str,
            glossary: Glossary | None = None,
            progress: object = None,
            served: bool = False,
        ) -> int:
            assert isinstance(progress, Progress)
            seen.append(progress)
            progress.close()
            return 0

        fake.run_browser = run_browser  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "carbon_glossary.ui.app", fake)
        db = tmp_path / "room.db"
        assert run(capsys, "browse", "--profile", "王芳", "--db", str(db))[0] == 0
        assert seen[0].profile == "王芳" and str(seen[0].db_path).endswith("room.db")
        assert db.exists()  # opened at the start, so a bad --db is said before the browser
        code, _, err = run(capsys, "browse", "--db", str(tmp_path))
        assert code == 2 and str(tmp_path) in err and len(seen) == 1

    def test_browse_without_the_ui_prints_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "carbon_glossary.ui.app", None)
        code, out, _ = run(capsys, "browse")
        assert code == 0 and out.startswith("用法：")


class TestConsoleScript:
    """The installed ``carbon-glossary`` program, as a shell runs it."""

    def env(self, tmp_path: Path, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8", "CARBON_"))
        }
        env.update(extra)
        return env

    def test_c_locale_still_prints_chinese(self, tmp_path: Path) -> None:
        for locale in ("C", "POSIX"):
            result = subprocess.run(
                [str(SCRIPT), "--glossary", str(GLOSSARY), "search", "碳達峰"],
                capture_output=True,
                env=self.env(
                    tmp_path, LANG=locale, LC_ALL=locale, PYTHONCOERCECLOCALE="0", PYTHONUTF8="0"
                ),
                check=False,
            )
            assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
            assert result.stdout.decode("utf-8").startswith("碳达峰")

    def test_errors_never_show_a_traceback(self, tmp_path: Path) -> None:
        for args in (
            ["check", str(BROKEN / "not_utf8.toml")],
            ["--glossary", str(tmp_path), "list"],
            ["--glossary", str(BROKEN / "many.toml"), "search", "碳"],
        ):
            result = subprocess.run(
                [str(SCRIPT), *args],
                capture_output=True,
                env=self.env(tmp_path, LANG="C", LC_ALL="C"),
                check=False,
            )
            output = (result.stdout + result.stderr).decode("utf-8")
            assert result.returncode == 2
            assert "Traceback" not in output and "错误" in output

    def test_a_closed_pipe_is_not_an_error(self, tmp_path: Path) -> None:
        script = f"{SCRIPT} --glossary {SHIPPED} list | head -n 1"
        result = subprocess.run(
            ["sh", "-c", script], capture_output=True, env=self.env(tmp_path), check=False
        )
        assert result.stderr == b""
        assert len(result.stdout.decode("utf-8").splitlines()) == 1
