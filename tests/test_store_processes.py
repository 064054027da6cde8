"""The store across processes: a killed program loses no answer it reported, and two
programs answering into one file at once lose nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from carbon_glossary.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

# Answers ``count`` questions through the store; prints each answer's number once
# record_answer has returned, which is when the program claims it is saved.
WRITER = textwrap.dedent(
    """
    import sys
    import time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from carbon_glossary.core.scheduling import review
    from carbon_glossary.store import AnswerRecord, CardChanged, open_store

    path, profile, count, terms, go, pause, open_late = sys.argv[1:8]
    start = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
    go_file = Path(go)


    def ready_set_go():
        print("ready", flush=True)
        while go != "-" and not go_file.exists():
            time.sleep(0.001)


    # A server's URL, or a file as the program's own default is given (a Path: its folders
    # are made, by whichever program comes first).
    location = path if "://" in path else Path(path)
    if open_late == "1":
        ready_set_go()
    with open_store(location) as store:
        if open_late != "1":
            ready_set_go()
        for index in range(int(count)):
            term = index % int(terms)
            given = (
                AnswerRecord(
                    profile=profile,
                    term_id=f"term-{term}",
                    term_text=f"术语{term}",
                    category="核心概念",
                    kind="term-def",
                    mode="study" if index % 2 == 0 else "practice",
                    given=f"{profile}:{index}",
                    correct=index % 3 != 0,
                    elapsed_ms=1000 + index,
                    answered_at=start + timedelta(seconds=index),
                )
            )
            while True:  # as the session does: schedule, save, again if the card moved on
                card = None
                if given.mode == "study":
                    before = store.card(profile, given.term_id)
                    card = review(before, given.correct, timedelta(0), given.answered_at)
                try:
                    store.record_answer(given, card)
                    break
                except CardChanged:
                    continue
            print(index, flush=True)
            time.sleep(float(pause))  # a person's pause; lets the other program take turns
    """
)


def start_writer(
    db: str | Path,
    profile: str,
    count: int,
    terms: int = 7,
    go: str = "-",
    pause: float = 0.0,
    open_late: bool = False,
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(db),
            profile,
            str(count),
            str(terms),
            go,
            str(pause),
            str(int(open_late)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def given_answers(db: str | Path, profile: str) -> set[str]:
    with open_store(db) as store:
        return {record.given for record in store.answers(profile)}


def test_sigkill_mid_quiz_loses_no_reported_answer(where: str | Path) -> None:
    db = where
    writer = start_writer(db, "alice", count=100_000)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    reported: list[str] = []
    for line in writer.stdout:
        reported.append(line.strip())
        if len(reported) == 150:
            writer.send_signal(signal.SIGKILL)
            break
    rest, _ = writer.communicate()
    reported += rest.split()  # printed before the kill landed
    assert writer.returncode == -signal.SIGKILL
    assert len(reported) < 100_000, "the writer finished before it was killed"

    saved = given_answers(db, "alice")
    missing = [index for index in reported if f"alice:{index}" not in saved]
    assert missing == []
    # At most the one answer in flight when the kill landed is saved but not reported.
    assert len(saved) - len(reported) in (0, 1)
    with open_store(db) as store:
        assert store.recovered is None


PEOPLE = ("alice", "bob", "carol", "dave")


def test_four_programs_answering_into_one_store_lose_nothing(
    where: str | Path, tmp_path: Path
) -> None:
    db = where
    open_store(db).close()  # the writers start from an existing store
    go = tmp_path / "go"
    count, terms = 200, 7
    writers = [start_writer(db, profile, count, terms, str(go), 0.0005) for profile in PEOPLE]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [writer.communicate() for writer in writers]
    for writer, (_, errors) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, errors

    with open_store(db) as store:
        for profile in PEOPLE:
            given = {record.given for record in store.answers(profile)}
            assert given == {f"{profile}:{index}" for index in range(count)}
            cards = store.cards(profile)
            study_answers = sum(1 for record in store.answers(profile) if record.mode == "study")
            assert sum(card.reps for card in cards.values()) == study_answers


def test_two_programs_updating_the_same_cards_keep_every_review(
    where: str | Path, tmp_path: Path
) -> None:
    db = where
    open_store(db).close()
    go = tmp_path / "go"
    writers = [start_writer(db, "alice", 300, 5, str(go), 0.0005) for _ in range(2)]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    go.touch()
    for writer in writers:
        _, errors = writer.communicate()
        assert writer.returncode == 0, errors

    with open_store(db) as store:
        answers = store.answers("alice")
        assert len(answers) == 600
        study = [record for record in answers if record.mode == "study"]
        cards = store.cards("alice")
        for term_id, card in cards.items():
            assert card.reps == sum(1 for record in study if record.term_id == term_id)


def test_programs_creating_the_same_new_store_at_once_all_succeed(
    where: str | Path, tmp_path: Path
) -> None:
    db = where  # a file that does not exist yet, or an empty database
    go = tmp_path / "go"
    people = [f"person{index}" for index in range(4)]
    writers = [start_writer(db, person, 20, 5, str(go), open_late=True) for person in people]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    go.touch()  # all four now create, set up and migrate the file at the same moment
    for writer in writers:
        _, errors = writer.communicate()
        assert writer.returncode == 0, errors

    with open_store(db) as store:
        assert store.recovered is None
        assert store.profiles() == people
        assert all(len(store.answers(person)) == 20 for person in people)
    if isinstance(db, Path):
        assert [p.name for p in db.parent.iterdir() if ".corrupt-" in p.name] == []
