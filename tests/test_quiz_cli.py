"""The quiz commands as a person meets them: exam papers printed, bad options and bad papers
refused with exit code 2, progress as text and JSON, and answers that survive a terminal
killed in the middle of a practice round."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from carbon_glossary.cli import build_parser, main
from carbon_glossary.core import quiz as core_quiz
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.scheduling import DEFAULT_SETTINGS
from carbon_glossary.session import decks
from carbon_glossary.session.decks import PracticePlan, practice_deck, record_answer
from carbon_glossary.store import AnswerRecord, ExamResult, open_store
from carbon_glossary.subcommands import quiz as quiz_cli
from carbon_glossary.subcommands.output import cell_width
from quiz_fixtures import answer_about

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GLOSSARY = DATA / "quiz_ui_glossary.toml"
PAPER = DATA / "quiz_ui_paper.toml"
SHIPPED = ROOT / "glossary.toml"
EXAMPLE = ROOT / "papers" / "example.toml"
PROFILE = "测试者"
PROGRAM = [sys.executable, "-m", "carbon_glossary"]


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, glossary: Path = GLOSSARY
) -> tuple[int, str, str]:
    code = main(["--glossary", str(glossary), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def record(term_id: str, text: str, category: str, correct: bool, at: datetime) -> AnswerRecord:
    return AnswerRecord(
        profile=PROFILE,
        term_id=term_id,
        term_text=text,
        category=category,
        kind="term-def",
        mode="practice",
        given="x",
        correct=correct,
        elapsed_ms=2000,
        answered_at=at,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.db"


@pytest.fixture
def named(where: str | Path) -> str | Path:
    """A store of each backend as a person may name it with ``--db``: for SQLite, a file in a
    folder that exists (the command line makes no folder a person named)."""
    if isinstance(where, Path):
        where.parent.mkdir(parents=True, exist_ok=True)
    return where


# --- exam ---


class TestExamPrint:
    def test_json_is_byte_identical_in_two_processes(self, tmp_path: Path) -> None:
        outputs = []
        for hash_seed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": hash_seed, "XDG_CACHE_HOME": str(tmp_path)}
            done = subprocess.run(
                [*PROGRAM, "--glossary", str(SHIPPED), "exam", str(EXAMPLE), "--print", "--json"],
                capture_output=True,
                env=env,
                check=True,
            )
            outputs.append(done.stdout)
        assert outputs[0] == outputs[1]
        paper = json.loads(outputs[0])
        assert paper["title"] == "槐荫区碳达峰工作方案 术语测验（示例试卷）"
        assert len(paper["questions"]) == 20 and paper["time_limit_minutes"] == 30
        assert all(q["answer"] and q["source"] for q in paper["questions"])

    def test_text_is_the_student_copy(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "exam", str(PAPER), "--print")
        assert code == 0 and err == ""
        assert out.startswith("测试卷：碳达峰术语\n")
        assert "考试时间：10 分钟" in out and "姓名：" in out
        assert "参考答案" not in out

    def test_key_alone(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "exam", str(PAPER), "--key")
        assert code == 0 and err == ""
        key = out.split("\n\n")[1].splitlines()
        assert len(key) == 6 and key[0].startswith("1. ")
        assert out.split("\n\n")[2].startswith("试卷编号：")
        assert "考试时间" not in out

    def test_printing_writes_no_progress(
        self, capsys: pytest.CaptureFixture[str], db: Path
    ) -> None:
        run(capsys, "exam", str(PAPER), "--print", "--db", str(db))
        assert not db.exists()

    def test_a_bad_paper_gives_file_line_col_and_exit_2(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        paper = tmp_path / "bad.toml"
        paper.write_text(
            '[paper]\ntitle = "坏卷"\nseed = 1\n\n[[section]]\ncategory = "能源"\n'
            'kind = "essay"\ncount = 2\n\n[[section]]\ncategory = "没有这类"\n'
            'kind = "pinyin"\ncount = 1\n',
            encoding="utf-8",
        )
        code, out, err = run(capsys, "exam", str(paper))
        assert code == 2 and out == ""
        lines = err.splitlines()
        assert lines[0].startswith(f"{paper}:7:8: 错误: ") and "essay" in lines[0]
        assert lines[1].startswith(f"{paper}:11:12: 错误: ") and "没有这类" in lines[1]
        assert "核心概念、能源" in lines[1]
        assert lines[-1] == f"试卷 {paper} 有错误，无法使用；改正后再试。"

    def test_a_missing_paper_exit_2(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, err = run(capsys, "exam", str(tmp_path / "nowhere.toml"))
        assert code == 2 and "找不到试卷文件" in err


# --- options ---


class TestBadOptions:
    def test_unknown_kinds_list_the_valid_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "practice", "--kinds", "term-def,essay")
        assert code == 2 and out == ""
        assert "不认识的题型：essay" in err
        for kind in core_quiz.KINDS:
            assert kind in err
        assert "truefalse（判断）" in err

    def test_unknown_category_lists_the_valid_ones(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run(capsys, "practice", "--category", "交通")
        assert code == 2
        assert err.strip() == "没有“交通”这个类别；已有的类别：核心概念、能源"

    def test_english_messages(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "--lang", "en", "practice", "--kinds", "essay")
        assert code == 2 and "unknown question kind: essay" in err

    def test_study_asks_no_matching(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "study", "--kinds", "match")
        assert code == 2 and "连线" in err

    @pytest.mark.parametrize(
        "argv", [("practice", "--count", "0"), ("study", "--new", "-1"), ("practice", "--x")]
    )
    def test_bad_numbers_exit_2(self, capsys: pytest.CaptureFixture[str], argv: tuple[str]) -> None:
        code, _, err = run(capsys, *argv)
        assert code == 2 and "错误" in err


class TestNothingToDo:
    def test_study_says_nothing_is_due_and_when_the_next_card_is(
        self, capsys: pytest.CaptureFixture[str], where: str | Path
    ) -> None:
        db = where  # a file, or a PostgreSQL server
        glossary = load_glossary(GLOSSARY)
        term = glossary.terms[0]
        now = datetime.now(UTC)
        with open_store(db) as store:
            record_answer(
                store,
                answer_about(term, mode="study", correct=True, at=now),
            )
        code, out, err = run(capsys, "study", "--new", "0", "--db", str(db), "--profile", PROFILE)
        assert code == 0 and err == ""
        assert out.startswith("现在没有到期要复习的卡片。下一张卡片 ")
        assert "约 10 分钟后" in out and "今天不学新术语" in out

    def test_an_empty_mistake_book(
        self, capsys: pytest.CaptureFixture[str], named: str | Path
    ) -> None:
        code, out, _ = run(capsys, "practice", "--mistakes", "--db", str(named))
        assert code == 0 and "错题本是空的" in out


# --- stats ---


class TestStats:
    @pytest.fixture
    def filled(self, db: Path) -> Path:
        now = datetime.now(UTC)
        with open_store(db) as store:
            for minutes, (correct, term_id, text, category) in enumerate(
                [
                    (False, "tan-da-feng", "碳达峰", "核心概念"),
                    (True, "tan-da-feng", "碳达峰", "核心概念"),
                    (False, "guang-fu", "光伏", "能源"),
                    (True, "feng-neng", "风能", "能源"),
                ]
            ):
                at = now - timedelta(minutes=10 - minutes)
                record_answer(store, record(term_id, text, category, correct, at))
            store.record_exam_result(
                ExamResult(
                    profile=PROFILE,
                    exam_id="abc",
                    exam_title="测试卷",
                    attempt_id="a1",
                    score=4.5,
                    max_score=6,
                    pass_mark=3.6,
                    passed=True,
                    started_at=now - timedelta(minutes=20),
                    finished_at=now - timedelta(minutes=12),
                )
            )
        return db

    def test_json(self, capsys: pytest.CaptureFixture[str], filled: Path) -> None:
        code, out, err = run(capsys, "stats", "--json", "--db", str(filled), "--profile", PROFILE)
        assert code == 0 and err == ""
        data = json.loads(out)
        assert {"answers", "correct", "categories", "exams"} <= set(data)
        assert data["answers"] == 4 and data["correct"] == 2 and data["accuracy"] == 0.5
        assert data["categories"] == [
            {"category": "核心概念", "answers": 2, "correct": 1, "accuracy": 0.5},
            {"category": "能源", "answers": 2, "correct": 1, "accuracy": 0.5},
        ]
        (exam,) = data["exams"]
        assert exam["title"] == "测试卷" and exam["score"] == 4.5 and exam["passed"] is True
        assert exam["percent"] == 75.0
        # Weakest first: never right (光伏) before right half the time (碳达峰).
        assert [w["term"] for w in data["weakest"]] == ["光伏", "碳达峰"]
        assert data["mistakes"] == 1 and len(data["days"]) == 14  # 碳达峰 was put right
        assert data["days"][-1]["answers"] == 4

    def test_text(self, capsys: pytest.CaptureFixture[str], filled: Path) -> None:
        code, out, _ = run(capsys, "stats", "--db", str(filled), "--profile", PROFILE)
        assert code == 0
        lines = out.splitlines()
        assert lines[0] == f"学习统计：{PROFILE}"
        assert "作答 4 次，答对 2 次（正确率 50.0%" in out
        core = next(line for line in lines if line.startswith("  核心概念"))
        energy = next(line for line in lines if line.startswith("  能源"))
        # Bars line up although the names differ in length: widths are counted in cells.
        assert cell_width(core[: core.index("█")]) == cell_width(energy[: energy.index("█")])
        assert "█" * 10 + "░" * 10 in core
        assert "测试卷" in out and "4.5/6" in out and "及格" in out

    def test_each_profile_is_separate(
        self, capsys: pytest.CaptureFixture[str], filled: Path
    ) -> None:
        code, out, _ = run(capsys, "stats", "--json", "--db", str(filled), "--profile", "别人")
        data = json.loads(out)
        assert code == 0 and data["profile"] == "别人"
        assert data["answers"] == 0 and data["exams"] == [] and data["categories"] == []

    def test_the_db_variable_is_used(
        self, capsys: pytest.CaptureFixture[str], filled: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("CARBON_GLOSSARY_DB", str(filled))
        _, out, _ = run(capsys, "stats", "--json", "--profile", PROFILE)
        assert json.loads(out)["answers"] == 4

    def test_a_file_that_never_was_a_progress_file_is_refused_untouched(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Issue 12: ``stats --db notes.txt`` moved the notes aside and called them damaged."""
        notes = tmp_path / "mine" / "notes.txt"
        notes.parent.mkdir()
        notes.write_text("会议记录：碳达峰\n" * 20, encoding="utf-8")
        before = notes.read_bytes()
        code, out, err = run(capsys, "stats", "--json", "--db", str(notes))
        assert code == 2 and out == ""
        assert f"{notes} 不是本程序的进度文件" in err and "Traceback" not in err
        assert notes.read_bytes() == before
        assert [p.name for p in notes.parent.iterdir()] == ["notes.txt"]

    def test_stats_never_moves_a_damaged_progress_file(
        self, capsys: pytest.CaptureFixture[str], filled: Path
    ) -> None:
        cut = filled.read_bytes()[: filled.stat().st_size // 2]
        filled.write_bytes(cut)
        code, _, err = run(capsys, "stats", "--db", str(filled))
        assert code == 2 and f"进度文件 {filled} 已损坏" in err and "未改动" in err
        assert filled.read_bytes() == cut
        assert not any(".corrupt-" in p.name for p in filled.parent.iterdir())

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
    def test_a_pipe_as_the_progress_file_is_refused_at_once(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        pipe = tmp_path / "progress.fifo"
        os.mkfifo(pipe)  # opening it to read would wait for a writer forever
        code, _, err = run(capsys, "stats", "--db", str(pipe))
        assert code == 2 and "不是普通文件" in err


def test_help_figures_agree_with_the_engine() -> None:
    """The command line writes these out so that building the parser stays cheap."""
    assert DEFAULT_SETTINGS.new_per_day == quiz_cli.NEW_PER_DAY
    assert quiz_cli.PRACTICE_COUNT == decks.DEFAULT_PRACTICE_COUNT


def test_building_the_parser_imports_neither_the_quiz_engine_nor_fsrs() -> None:
    # Nor the registries of kinds and export formats: a subcommand's arguments (and their
    # choices) are added when that subcommand is used.
    code = (
        "import sys\nfrom carbon_glossary.cli import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('fsrs', 'textual', "
        "'carbon_glossary.core.quiz', 'carbon_glossary.ui', 'carbon_glossary.core.kinds', "
        "'carbon_glossary.interop'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_subcommand_used_has_its_arguments_and_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    args = parser.parse_args(["practice", "--kinds", "pinyin", "--count", "3"])
    assert (args.kinds, args.count, args.handler.__name__) == ("pinyin", 3, "run_practice")
    with pytest.raises(SystemExit):
        parser.parse_args(["exam", "p.toml", "--export", "nothing"])
    assert "moodle" in capsys.readouterr().err  # the choices came with the arguments


# --- a killed terminal ---


class _Terminal:
    """A program running in a pseudo-terminal of 100×30, its output drained continuously."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.last_output = time.monotonic()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk
            self.last_output = time.monotonic()

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def wait_quiet(self, quiet: float = 0.4, timeout: float = 30.0) -> None:
        """Until the program has drawn something and then stayed quiet for ``quiet`` s."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.output and time.monotonic() - self.last_output > quiet:
                return
            time.sleep(0.05)
        raise AssertionError(
            "the program did not settle:\n" + self.output[-2000:].decode(errors="replace")
        )

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def answer_count(db: str | Path) -> int:
    if isinstance(db, str):  # a PostgreSQL server's URL
        import psycopg

        with psycopg.connect(db) as conn:
            if conn.execute("SELECT to_regclass('answers')").fetchone() == (None,):
                return 0
            return int(conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as connection:
        try:
            return int(connection.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
        except sqlite3.OperationalError:  # the table is not there yet
            return 0


def wait_for_answers(db: str | Path, count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if answer_count(db) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{count} answers expected in the store, found {answer_count(db)}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[list[_Terminal]]:
    started: list[_Terminal] = []
    yield started
    for term in started:
        if term.process.poll() is None:
            term.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGKILL")
def test_practice_in_a_real_terminal_killed_loses_no_answer(
    tmp_path: Path, terminal: list[_Terminal], named: str | Path
) -> None:
    db = named  # a file, or a PostgreSQL server: the same guarantee
    kinds = "term-def,def-term,en-term,truefalse"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        "LINES": "30",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    argv = [*PROGRAM, "--glossary", str(GLOSSARY), "practice"]
    argv += ["--db", str(db), "--profile", PROFILE, "--seed", "11", "--count", "5"]
    argv += ["--kinds", kinds]
    term = _Terminal(argv, env)
    terminal.append(term)
    for answered in range(1, 4):
        # Keys pressed before the question is drawn (the deck loads in a worker) are lost.
        wait_for_screen(term, f"第 {answered}/5 题")
        term.send("a")  # option A (true, for true/false): right or wrong, it is an answer
        term.send("\r")
        wait_for_answers(db, answered)
        if answered < 3:
            term.send("\r")  # on to the next question
    term.kill()  # no chance to close anything
    assert term.process.returncode == -signal.SIGKILL

    glossary = load_glossary(GLOSSARY)
    plan = PracticePlan(kinds=tuple(kinds.split(",")), count=5, seed=11)
    asked = practice_deck(glossary, None, PROFILE, plan, random.Random(11)).questions[:3]
    with open_store(db) as store:
        records = list(reversed(store.answers(PROFILE)))
        assert store.cards(PROFILE) == {}
    assert [(r.term_id, r.kind) for r in records] == [(q.term_id, q.kind) for q in asked]
    assert [r.correct for r in records] == [q.answer_index == 0 for q in asked]
    assert {r.mode for r in records} == {"practice"}


def wait_for_screen(term: _Terminal, text: str, timeout: float = 30.0) -> None:
    """Until ``text`` shows in what the program has drawn (styles removed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        drawn = re.sub(rb"\x1b\[[0-9;?<>]*[a-zA-Z~]", b"", bytes(term.output))
        if text in drawn.decode(errors="replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} was not drawn")


def _exam_in_a_terminal(
    tmp_path: Path, terminal: list[_Terminal], db: str | Path | None = None
) -> tuple[_Terminal, str | Path]:
    db = db or tmp_path / "p.db"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    argv = [*PROGRAM, "--glossary", str(GLOSSARY), "exam", str(PAPER)]
    argv += ["--db", str(db), "--profile", PROFILE]
    term = _Terminal(argv, env)
    terminal.append(term)
    term.wait_quiet()
    return term, db


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_an_exam_answer_is_kept_the_moment_it_is_chosen_and_a_signal_ends_cleanly(
    tmp_path: Path, terminal: list[_Terminal], signum: int, named: str | Path
) -> None:
    term, db = _exam_in_a_terminal(tmp_path, terminal, named)
    term.send("b")  # option B of question 1: chosen, not confirmed, not moved on from
    wait_for_answers(db, 1)
    term.wait_quiet()
    term.process.send_signal(signum)
    assert term.process.wait(timeout=20) == 128 + signum  # ended by us, not killed
    time.sleep(0.2)  # the last of the output
    shown = bytes(term.output)
    assert b"Traceback" not in shown
    assert shown.rstrip().endswith(b"\x1b[?1049l") or b"\x1b[?1049l" in shown[-400:]
    with open_store(db) as store:
        [record] = store.answers(PROFILE)
    assert record.mode == "exam" and record.question == 1 and record.given


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGKILL")
def test_a_killed_exam_keeps_the_answer_being_typed(
    tmp_path: Path, terminal: list[_Terminal]
) -> None:
    glossary = load_glossary(GLOSSARY)
    from carbon_glossary.core.paper import build_paper, load_paper

    paper = build_paper(glossary, load_paper(PAPER, glossary))
    typing = next(i for i, q in enumerate(paper.questions) if q.kind == "pinyin")
    term, db = _exam_in_a_terminal(tmp_path, terminal)
    for number in range(2, typing + 2):  # PgDn to the pinyin question, one at a time
        term.send("\x1b[6~")
        wait_for_screen(term, f"第 {number}/{len(paper.questions)} 题")
    term.send("chu3 neng2")
    deadline = time.monotonic() + 20
    given = None
    while time.monotonic() < deadline and given != "chu3 neng2":
        time.sleep(0.1)
        if answer_count(db):
            with sqlite3.connect(db, timeout=10) as connection:
                row = connection.execute("SELECT given FROM answers").fetchone()
            given = row[0] if row else None
    term.kill()
    assert given == "chu3 neng2"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGKILL")
def test_an_exam_killed_mid_sitting_resumes_with_its_answers_and_the_time_left(
    tmp_path: Path, terminal: list[_Terminal]
) -> None:
    term, db = _exam_in_a_terminal(tmp_path, terminal)
    term.send("b")
    wait_for_answers(db, 1)
    term.kill()
    # The sitting started three minutes ago as far as the store knows: the clock runs on
    # through a kill, so that is what the candidate has lost.
    with sqlite3.connect(db, timeout=10) as connection:
        [(started,)] = connection.execute("SELECT started_at FROM attempts").fetchall()
        earlier = datetime.fromisoformat(started) - timedelta(minutes=3)
        connection.execute("UPDATE attempts SET started_at = ?", (earlier.isoformat(),))
    again, _ = _exam_in_a_terminal(tmp_path, terminal)
    wait_for_screen(again, "已答 1/6")
    drawn = re.sub(rb"\x1b\[[0-9;?<>]*[a-zA-Z~]", b"", bytes(again.output)).decode(errors="replace")
    # The person is told on the exam screen (not on stderr, hidden behind the screen).
    wait_for_screen(again, "接着考你")
    on_screen = bytes(again.output).partition(b"\x1b[?1049h")[2]
    assert "接着考你".encode() in on_screen
    left = re.findall(r"剩余时间 (\d\d):(\d\d)", drawn)
    assert left and 6 * 60 + 30 <= int(left[-1][0]) * 60 + int(left[-1][1]) <= 7 * 60
    again.kill()
    with sqlite3.connect(db, timeout=10) as connection:
        assert connection.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 1


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and POSIX signals")
def test_the_browser_ends_cleanly_on_sigterm(tmp_path: Path, terminal: list[_Terminal]) -> None:
    """The browser may have a study round open over it: it ends as the quiz commands do."""
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    argv = [*PROGRAM, "--glossary", str(GLOSSARY), "browse", "--db", str(tmp_path / "p.db")]
    term = _Terminal(argv, env)
    terminal.append(term)
    wait_for_screen(term, "碳达峰")
    term.process.send_signal(signal.SIGTERM)
    assert term.process.wait(timeout=20) == 128 + signal.SIGTERM
    assert b"Traceback" not in bytes(term.output)
