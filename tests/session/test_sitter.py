"""Who is sitting: the sign-in rules, the one profile rule, and what a sitting records
about the person (no screen)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.people import profile_id
from carbon_glossary.session.exam import ExamSitting
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.roster import Roster, RosterEntry
from carbon_glossary.session.sitter import Refusal, Sitter, admit, sign_in
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.store import profile_from
from quiz_fixtures import FakeClock, exam_plan, quiz_glossary


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[Progress]:
    progress = Progress(tmp_path / "p.db", "nobody")
    yield progress
    progress.close()


def test_a_name_is_kept_as_typed_and_its_profile_is_normalised() -> None:
    sitter = sign_in("  Alice   Wang ", " 区发改局 ")
    assert sitter == Sitter("alice wang", "Alice Wang", "区发改局")
    assert sign_in("ALICE WANG", "区发改局") == replace(sitter, display_name="ALICE WANG")
    assert sign_in("张三", "办公室") == Sitter("张三", "张三", "办公室")


def test_the_profile_flag_follows_the_same_rule() -> None:
    # store/location.py and the sign-in share core.people.profile_id: one person, one id.
    assert profile_from("Alice") == profile_from(" alice ") == "alice"
    assert profile_from("Alice") == profile_id("ALICE")
    assert profile_from("\u0041\u030a") == profile_from("\u00e5") == "\u00e5"  # NFC, folded
    assert profile_from("LÜ Wei") == profile_from("lü wei")
    assert profile_from("ＡＢ") == "ＡＢ"  # full-width forms are kept as typed


@pytest.mark.parametrize(
    ("name", "department", "refusal"),
    [
        ("", "办公室", Refusal.NAME_MISSING),
        ("   ", "办公室", Refusal.NAME_MISSING),
        ("张三", "  ", Refusal.DEPARTMENT_MISSING),
        ("张\x1b]52;c;x\x07三", "办公室", Refusal.NAME_INVALID),
        ("张三", "办\u202e公室", Refusal.DEPARTMENT_INVALID),
        ("长" * 41, "办公室", Refusal.NAME_INVALID),
    ],
)
def test_bad_fields_are_refused(name: str, department: str, refusal: Refusal) -> None:
    assert sign_in(name, department) is refusal


def test_a_department_may_be_optional_where_the_caller_says_so() -> None:
    assert sign_in("张三", "", department_required=False) == Sitter("张三", "张三", "")


def test_with_a_roster_only_listed_people_sit_under_the_rosters_spelling() -> None:
    roster = Roster((RosterEntry("Alice Wang", "区发改局", "0012"), RosterEntry("张三", "办公室")))
    assert sign_in("alice  wang", "", roster) == Sitter(
        "alice wang", "Alice Wang", "区发改局", staff_id="0012"
    )
    assert sign_in("张三", "别的部门", roster) == Sitter("张三", "张三", "办公室")
    assert sign_in("李四", "办公室", roster) is Refusal.NOT_ON_ROSTER


def test_a_sitting_records_the_profile_display_name_and_department(
    progress: Progress,
) -> None:
    glossary = quiz_glossary()
    sitter = sign_in("Alice Wang", "区发改局")
    assert isinstance(sitter, Sitter)
    plan = replace(exam_plan(glossary), sitter=sitter)
    writer = AnswerWriter(progress)
    sitting = ExamSitting(glossary, plan, sitter.profile, writer, FakeClock())
    writer.flush(timeout=10)
    store = progress.store()
    info = store.profile_info("alice wang")
    assert info is not None and (info.display_name, info.department) == ("Alice Wang", "区发改局")
    [attempt] = store.attempts(exam_id=plan.exam_id, profile="alice wang")
    assert attempt.attempt_id == sitting.attempt_id
    assert (attempt.display_name, attempt.department) == ("Alice Wang", "区发改局")
    writer.close()


def test_admission_carries_on_an_interrupted_sitting(progress: Progress) -> None:
    glossary = quiz_glossary()
    sitter = Sitter("alice", "Alice", "办公室")
    plan = replace(exam_plan(glossary), sitter=sitter)
    store = progress.store()
    assert admit(store, sitter, plan.exam_id, None).resume is None
    writer = AnswerWriter(progress)
    first = ExamSitting(glossary, plan, sitter.profile, writer, FakeClock())
    writer.flush(timeout=10)
    admission = admit(store, sitter, plan.exam_id, None)
    assert admission.resume is not None and admission.used == 1
    assert admission.resume.attempt.attempt_id == first.attempt_id
    writer.close()


def _sitting(progress: Progress, sitter: Sitter, *, hand_in: bool) -> ExamSitting:
    glossary = quiz_glossary()
    plan = replace(exam_plan(glossary), sitter=sitter)
    writer = AnswerWriter(progress)
    sitting = ExamSitting(glossary, plan, sitter.profile, writer, FakeClock())
    if hand_in:
        sitting.hand_in().saved.result(timeout=10)
    writer.close()
    return sitting


def test_a_person_over_the_paper_limit_is_refused(progress: Progress) -> None:
    alice = Sitter("alice", "Alice", "办公室")
    exam_id = exam_plan(quiz_glossary()).exam_id
    store = progress.store()
    assert admit(store, alice, exam_id, 1).refused is None
    _sitting(progress, alice, hand_in=True)
    refused = admit(store, alice, exam_id, 1)
    assert refused.refused is not None and refused.resume is None
    assert "Alice" in refused.refused and "1" in refused.refused
    assert admit(store, alice, exam_id, 2).refused is None  # a second attempt is allowed
    assert admit(store, alice, exam_id, None).refused is None  # no limit
    # Someone else is not counted against, and "ALICE" is the same person as "alice".
    assert admit(store, Sitter("bob", "Bob", "办公室"), exam_id, 1).refused is None
    upper = sign_in("ALICE", "x")
    assert isinstance(upper, Sitter) and admit(store, upper, exam_id, 1).refused is not None


def test_an_interrupted_sitting_is_carried_on_even_at_the_limit(progress: Progress) -> None:
    alice = Sitter("alice", "Alice", "办公室")
    exam_id = exam_plan(quiz_glossary()).exam_id
    open_one = _sitting(progress, alice, hand_in=False)
    admission = admit(progress.store(), alice, exam_id, 1)
    assert admission.refused is None and admission.resume is not None
    assert admission.resume.attempt.attempt_id == open_one.attempt_id
