"""Issue 12: what an attack on every input found, each case run as a user would meet it: the
program started in a process, its exit code and the bytes it wrote. Fixtures are in
tests/data/attack/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ATTACK = DATA / "attack"
GLOSSARY = DATA / "cli_glossary.toml"
QUIZ_GLOSSARY = DATA / "quiz_ui_glossary.toml"
SCRIPT = Path(sys.executable).parent / "carbon-glossary"

# What must never reach a terminal raw: C0 controls but newline, DEL, C1 controls (as UTF-8),
# bidi embeddings/overrides/isolates, zero-width characters.
_RAW_CONTROL = re.compile(
    rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "PYTHONIOENCODING", "CARBON_", "TEXTUAL"))
    }
    env.update(
        CARBON_GLOSSARY_CACHE_DIR=str(tmp_path / "cache"),
        CARBON_GLOSSARY_DB=str(tmp_path / "progress.sqlite3"),
        LANG="C.UTF-8",
    )
    env.update(extra)
    return env


def cli(
    tmp_path: Path, *args: str | bytes | Path, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=environment(tmp_path, **env),
        timeout=timeout,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    text = (result.stdout + result.stderr).decode("utf-8")
    assert "Traceback" not in text, text[-2000:]
    return text


# --- item 5: terminal injection ---


class TestNoControlSequencesReachTheTerminal:
    @pytest.mark.parametrize(
        "args",
        [
            ("list",),
            ("search", "tan"),
            ("show", "碳汇"),
            ("show", "绿电"),
            ("check",),
            ("show", "碳汇", "--lang", "en"),
        ],
    )
    def test_glossary_text_is_shown_as_visible_symbols(
        self, tmp_path: Path, args: tuple[str, ...]
    ) -> None:
        result = cli(tmp_path, "--glossary", ATTACK / "controls.toml", *args)
        assert result.returncode == 0, result.stderr.decode()
        for stream in (result.stdout, result.stderr):
            assert not _RAW_CONTROL.search(stream), stream
        if args[0] != "check":  # check names the characters by code point
            assert "␛" in (result.stdout + result.stderr).decode("utf-8")

    def test_the_definition_shows_each_control_as_one_symbol(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "--glossary", ATTACK / "controls.toml", "show", "碳汇")
        out = result.stdout.decode("utf-8")
        assert "吸收二氧化碳␛]52;c;ZXZpbA==␇的过程\ufffd31m，\ufffd反向文字" in out

    def test_the_not_found_message_shows_the_query_harmlessly(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "--glossary", GLOSSARY, "show", "\x1b]0;标题\x07")
        assert result.returncode == 1
        assert not _RAW_CONTROL.search(result.stderr)
        assert "␛]0;标题␇" in result.stderr.decode("utf-8")

    def test_usage_errors_echo_arguments_harmlessly(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "--glossary", GLOSSARY, "\x1b[2J")
        assert result.returncode == 2
        assert not _RAW_CONTROL.search(result.stderr)

    def test_json_escapes_them_and_keeps_the_data(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "--glossary", ATTACK / "controls.toml", "list", "--json")
        assert result.returncode == 0
        assert not _RAW_CONTROL.search(result.stdout)
        data = json.loads(result.stdout)
        sink = next(item for item in data if item["term"] == "碳汇")
        assert sink["definition"] == (
            "吸收二氧化碳\x1b]52;c;ZXZpbA==\x07的过程\x9b31m，\u202e反向文字"
        )
        assert sink["category"] == "核心\u200b概念"
        assert "\\u202e" in result.stdout.decode("utf-8")

    def test_exam_print_shows_the_paper_title_harmlessly(self, tmp_path: Path) -> None:
        paper = ATTACK / "controls_paper.toml"
        result = cli(tmp_path, "--glossary", QUIZ_GLOSSARY, "exam", paper, "--print")
        assert result.returncode == 0, result.stderr.decode()
        assert not _RAW_CONTROL.search(result.stdout)
        assert "测试卷␛]52;c;ZXZpbA==␇" in result.stdout.decode("utf-8")

    def test_check_warns_about_control_and_invisible_characters(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "check", ATTACK / "controls.toml", "--lang", "en")
        text = no_traceback(result)
        assert result.returncode == 0  # warnings only
        assert re.search(r"controls\.toml:10:\d+: warning: .*U\+001B", text)
        assert re.search(r"controls\.toml:11:\d+: warning: .*U\+009B.*U\+202E", text)
        assert re.search(r"controls\.toml:12:\d+: warning: .*U\+200B", text)
        assert re.search(r"controls\.toml:5:\d+: warning: .*U\+0007", text)


# --- item 6: tracebacks become messages, exit 2 ---


class TestTracebacksBecomeMessages:
    @pytest.mark.parametrize(
        ("name", "where", "words"),
        [
            ("nested_glossary.toml", ":7:", "nested too deeply"),
            ("long_integer_glossary.toml", ":4:11:", "too long"),
        ],
    )
    def test_glossaries_tomllib_cannot_take(
        self, tmp_path: Path, name: str, where: str, words: str
    ) -> None:
        for args in (("check", ATTACK / name), ("--glossary", ATTACK / name, "list")):
            result = cli(tmp_path, *args, "--lang", "en")
            text = no_traceback(result)
            assert result.returncode == 2
            assert f"{name}{where}" in text and words in text

    @pytest.mark.parametrize(
        ("name", "words"),
        [
            ("nested_paper.toml", "nested too deeply"),
            ("long_integer_paper.toml", "too long"),
            ("huge_numbers_paper.toml", "at most 1440"),
            ("huge_numbers_paper.toml", "seed is too long"),
        ],
    )
    def test_papers_that_crashed(self, tmp_path: Path, name: str, words: str) -> None:
        paper = ATTACK / name
        result = cli(
            tmp_path, "--glossary", QUIZ_GLOSSARY, "exam", paper, "--print", "--lang", "en"
        )
        text = no_traceback(result)
        assert result.returncode == 2
        assert words in text

    @pytest.mark.parametrize("args", [("list",), ("search", "111"), ("show", "111"), ("check",)])
    def test_a_term_of_5000_digits_is_listed(self, tmp_path: Path, args: tuple[str, ...]) -> None:
        result = cli(tmp_path, "--glossary", ATTACK / "digit_term.toml", *args)
        no_traceback(result)
        assert result.returncode == 0

    def test_a_full_disk_is_a_message(self, tmp_path: Path) -> None:
        if not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full on this system")
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [str(SCRIPT), "--glossary", str(GLOSSARY), "list", "--lang", "en"],
                stdout=full,
                stderr=subprocess.PIPE,
                env=environment(tmp_path),
                timeout=60,
                check=False,
            )
        stderr = result.stderr.decode("utf-8")
        assert result.returncode == 2
        assert "Traceback" not in stderr and "cannot write the output" in stderr

    def test_a_closed_stdout_is_a_message(self, tmp_path: Path) -> None:
        result = subprocess.run(
            ["sh", "-c", f'"{SCRIPT}" --glossary "{GLOSSARY}" show 碳达峰 --json --lang en >&-'],
            capture_output=True,
            env=environment(tmp_path),
            timeout=60,
            check=False,
        )
        stderr = result.stderr.decode("utf-8")
        assert result.returncode == 2
        assert "Traceback" not in stderr and "standard output is closed" in stderr

    def test_version_into_a_closed_pipe_is_quiet(self, tmp_path: Path) -> None:
        process = subprocess.Popen(
            [str(SCRIPT), "--version"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(tmp_path),
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader goes away before anything is written (head -c0)
        stderr = process.stderr.read()
        process.stderr.close()
        assert process.wait(timeout=60) == 0
        assert b"Traceback" not in stderr and b"Exception ignored" not in stderr

    def test_check_dev_zero_is_refused_at_once(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "check", "/dev/zero", "--lang", "en", timeout=30)
        text = no_traceback(result)
        assert result.returncode == 2
        assert "/dev/zero: error: this is not a regular file" in text

    def test_a_file_over_the_size_limit_is_refused_unread(self, tmp_path: Path) -> None:
        big = tmp_path / "big.toml"
        with big.open("wb") as stream:
            stream.truncate(65 * 1024 * 1024)  # sparse: no disk used
        result = cli(tmp_path, "check", big, "--lang", "en")
        text = no_traceback(result)
        assert result.returncode == 2
        assert "too large (over 64 MB)" in text


# --- item 8: FIFOs and other files that are not regular ---


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
class TestNotRegularFilesAreRefused:
    def test_a_fifo_glossary(self, tmp_path: Path) -> None:
        fifo = tmp_path / "glossary.toml"
        os.mkfifo(fifo)
        for args in (("check", fifo), ("--glossary", fifo, "list")):
            result = cli(tmp_path, *args, "--lang", "en", timeout=30)
            text = no_traceback(result)
            assert result.returncode == 2
            assert "not a regular file" in text

    def test_a_fifo_paper(self, tmp_path: Path) -> None:
        fifo = tmp_path / "paper.toml"
        os.mkfifo(fifo)
        result = cli(
            tmp_path,
            "--glossary",
            QUIZ_GLOSSARY,
            "exam",
            fifo,
            "--print",
            "--lang",
            "en",
            timeout=30,
        )
        text = no_traceback(result)
        assert result.returncode == 2
        assert "not a regular file" in text

    def test_a_fifo_as_cache_file_is_passed_over(self, tmp_path: Path) -> None:
        from carbon_glossary.core.cache import cache_file_for

        cache = tmp_path / "cache"
        cache.mkdir()
        os.mkfifo(cache_file_for(GLOSSARY, cache))
        result = cli(tmp_path, "--glossary", GLOSSARY, "list", timeout=30)
        no_traceback(result)
        assert result.returncode == 0 and "碳达峰" in result.stdout.decode("utf-8")


# --- item 3: paths that are not UTF-8 ---


GBK_NAME = "碳汇".encode("gbk")  # CC BC BB E3: not UTF-8


@pytest.mark.skipif(sys.platform == "win32", reason="file names are UTF-16 on Windows")
class TestPathsAsTheOsGaveThem:
    @pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
    def test_a_gbk_named_glossary_is_found(self, tmp_path: Path, locale: str) -> None:
        path = os.fsencode(tmp_path) + b"/" + GBK_NAME + b".toml"
        shutil.copyfile(GLOSSARY, path)
        for args in ((b"--glossary", path, b"list"), (b"check", path)):
            result = subprocess.run(
                [os.fsencode(SCRIPT), *args],
                capture_output=True,
                env=environment(tmp_path, LANG=locale, LC_ALL=locale),
                timeout=60,
                check=False,
            )
            no_traceback(result)
            assert result.returncode == 0, result.stderr.decode("utf-8")

    def test_a_chinese_name_under_an_ascii_file_system_encoding(self, tmp_path: Path) -> None:
        """LANG=C without Python's UTF-8 coercion: the OS's names are ASCII with surrogate
        escapes, while the arguments are read as UTF-8 (for Chinese queries); each path
        must still go back to the OS as the bytes it gave."""
        path = tmp_path / "碳汇.toml"
        shutil.copyfile(GLOSSARY, path)
        ascii_locale = {"LANG": "C", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
        for args in (
            ("--glossary", path, "list"),
            ("check", path),
            ("--glossary", path, "show", "碳达峰"),
        ):
            result = cli(tmp_path, *args, **ascii_locale)
            no_traceback(result)
            assert result.returncode == 0, result.stderr.decode("utf-8")

    def test_a_gbk_named_paper_is_found(self, tmp_path: Path) -> None:
        path = os.fsencode(tmp_path) + b"/" + GBK_NAME + b".toml"
        shutil.copyfile(DATA / "quiz_ui_paper.toml", path)
        script, glossary = os.fsencode(SCRIPT), os.fsencode(QUIZ_GLOSSARY)
        result = subprocess.run(
            [script, b"--glossary", glossary, b"exam", path, b"--print"],
            capture_output=True,
            env=environment(tmp_path),
            timeout=60,
            check=False,
        )
        no_traceback(result)
        assert result.returncode == 0, result.stderr.decode("utf-8")

    def test_a_gbk_named_progress_file_keeps_its_name(self, tmp_path: Path) -> None:
        path = os.fsencode(tmp_path) + b"/" + GBK_NAME + b".sqlite3"
        result = subprocess.run(
            [os.fsencode(SCRIPT), b"--glossary", os.fsencode(GLOSSARY), b"stats", b"--db", path],
            capture_output=True,
            env=environment(tmp_path),
            timeout=60,
            check=False,
        )
        no_traceback(result)
        assert result.returncode == 0, result.stderr.decode("utf-8")
        assert os.path.exists(path)
        assert not [name for name in os.listdir(tmp_path) if "?" in name]

    def test_a_missing_gbk_named_file_is_named_harmlessly(self, tmp_path: Path) -> None:
        path = os.fsencode(tmp_path) + b"/" + GBK_NAME + b".toml"
        result = subprocess.run(
            [os.fsencode(SCRIPT), b"check", path, b"--lang", b"en"],
            capture_output=True,
            env=environment(tmp_path),
            timeout=60,
            check=False,
        )
        text = no_traceback(result)
        assert result.returncode == 2 and "file not found" in text


# --- item 10: empty names ---


class TestEmptyNames:
    @pytest.mark.parametrize(
        "args",
        [
            ("--glossary", "", "list"),
            ("--glossary=", "list"),
            ("stats", "--db", ""),
            ("browse", "--glossary", ""),
        ],
    )
    def test_an_empty_file_name_is_refused(self, tmp_path: Path, args: tuple[str, ...]) -> None:
        result = cli(tmp_path, *args, "--lang", "en")
        text = no_traceback(result)
        assert result.returncode == 2
        assert "is empty" in text

    def test_check_of_an_empty_name_says_so(self, tmp_path: Path) -> None:
        result = cli(tmp_path, "check", "", "--lang", "en")
        text = no_traceback(result)
        assert result.returncode == 2
        assert '"": error: the file name is empty' in text and "folder" not in text


# --- the stream every command writes through ---


class TestSafeStream:
    def test_emphasis_is_ours_alone(self) -> None:
        import io

        from carbon_glossary.subcommands.output import SafeStream, highlight

        raw = io.StringIO()
        stream = SafeStream(raw, emphasis=True)
        forged = "\x1b[1;4m伪造\x1b[0m"  # the codes themselves, written by a glossary
        stream.write(highlight("碳达峰", [(0, 1)], True) + " " + forged)
        assert raw.getvalue() == "\x1b[1;4m碳\x1b[0m达峰 ␛[1;4m伪造␛[0m"

    def test_emphasis_marks_vanish_where_there_is_no_colour(self) -> None:
        import io

        from carbon_glossary.subcommands.output import SafeStream, highlight

        raw = io.StringIO()
        SafeStream(raw, emphasis=False).write(highlight("碳\x1b达峰", [(0, 2)], True))
        assert raw.getvalue() == "碳␛达峰"

    def test_a_failed_write_is_told_apart_from_a_closed_pipe(self) -> None:
        import io

        from carbon_glossary.subcommands.output import OutputFailed, SafeStream

        class Full(io.StringIO):
            def write(self, text: str) -> int:
                raise OSError(28, "No space left on device")

        class Gone(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        with pytest.raises(OutputFailed, match="No space left"):
            SafeStream(Full()).write("x")
        with pytest.raises(BrokenPipeError):
            SafeStream(Gone()).write("x")
