"""``exam PAPER --name … --department …``: who sits, from the command line."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from carbon_glossary.store import open_store
from test_quiz_cli import GLOSSARY, PAPER, PROGRAM, _Terminal, run, terminal, wait_for_screen

__all__ = ["terminal"]  # the fixture, shared with the quiz command tests


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_name_and_department_record_the_profile_and_display_name(
    tmp_path: Path, terminal: list[_Terminal]
) -> None:
    db = tmp_path / "p.db"
    argv = [*PROGRAM, "--glossary", str(GLOSSARY), "exam", str(PAPER), "--db", str(db)]
    argv += ["--name", " Alice  Wang ", "--department", "区发改局"]
    term = _Terminal(argv, _env(tmp_path))
    terminal.append(term)
    wait_for_screen(term, "Alice Wang（区发改局）")  # the exam's header
    deadline = time.monotonic() + 20
    attempts: list[object] = []
    while time.monotonic() < deadline and not attempts:
        time.sleep(0.1)
        if db.exists():
            with open_store(db) as store:
                attempts = list(store.attempts(profile="alice wang"))
    term.kill()
    with open_store(db) as store:
        [attempt] = store.attempts(profile="alice wang")
        info = store.profile_info("alice wang")
    assert info is not None and (info.display_name, info.department) == ("Alice Wang", "区发改局")
    assert (attempt.display_name, attempt.department) == ("Alice Wang", "区发改局")
    assert attempt.handed_in_at is None  # recorded from its first second


def test_a_bad_name_is_refused_before_any_screen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    code, out, err = run(
        capsys, "exam", str(PAPER), "--db", str(db), "--name", "  ", "--department", "办公室"
    )
    assert (code, out) == (2, "") and "请填写姓名" in err


def test_over_the_attempts_limit_the_person_is_told_and_cannot_start(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from carbon_glossary.core.loader import load_glossary
    from carbon_glossary.core.paper import build_paper, load_paper
    from carbon_glossary.session.decks import exam_id_for
    from carbon_glossary.store import Attempt

    paper_path = tmp_path / "once.toml"
    paper_path.write_text(
        PAPER.read_text(encoding="utf-8").replace("seed = 7\n", "seed = 7\nattempts = 1\n"),
        encoding="utf-8",
    )
    glossary = load_glossary(GLOSSARY)
    exam_id = exam_id_for(build_paper(glossary, load_paper(paper_path, glossary)))
    db = tmp_path / "p.db"
    now = datetime(2025, 3, 10, 1, 0, tzinfo=UTC)
    with open_store(db) as store:
        attempt = Attempt(
            "a1", exam_id, "测试卷", "alice", "Alice", "办公室", now, 600, None, "screen"
        )
        store.start_attempt(attempt)
        store.hand_in("a1", now)
    argv = ["exam", str(paper_path), "--db", str(db), "--name", "ALICE", "--department", "办公室"]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert "每人最多 1 次" in err and "ALICE" in err
    with open_store(db) as store:
        assert [a.attempt_id for a in store.attempts(profile="alice")] == ["a1"]


def test_a_bad_roster_is_refused_with_row_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    roster = tmp_path / "staff.csv"
    roster.write_text("姓名,部门\n王小明,发展改革局\n,财政局\n", encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "exam", str(PAPER), "--db", str(db), "--roster", str(roster))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{roster}:3:1: 错误: ")
    assert lines[-1] == f"名单 {roster} 有错误，无法使用；改正后再试。"


def test_only_people_on_the_roster_may_sit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    roster = tmp_path / "staff.csv"
    roster.write_text("姓名,部门\n王小明,发展改革局\n", encoding="utf-8")
    db = tmp_path / "p.db"
    argv = ["exam", str(PAPER), "--db", str(db), "--roster", str(roster), "--name", "李四"]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "") and "名单上没有这个姓名" in err
