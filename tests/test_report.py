"""The room report: figures checked against a hand computation, a generated room of 40
sittings cross-checked with independent formulas, merging stores, regrading."""

from __future__ import annotations

import json
import random
import statistics
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import Paper, build_paper, load_paper, parse_paper, score_paper
from carbon_glossary.core.quiz import Given, Question
from carbon_glossary.session.report import (
    Sitting,
    build_report,
    cronbach_alpha,
    discrimination,
    merge_sittings,
    report_to_json,
)

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = load_glossary(ROOT / "glossary.toml")
EXAMPLE = build_paper(GLOSSARY, load_paper(ROOT / "papers" / "example.toml", GLOSSARY))
SMALL = build_paper(
    GLOSSARY,
    parse_paper(
        '[paper]\ntitle = "小测"\nseed = 7\npass_mark_percent = 60\n\n'
        '[[section]]\ncategory = "核心概念"\nkind = "term-def"\ncount = 3\n',
        GLOSSARY,
    ),
)
START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def right(question: Question) -> int:
    assert question.answer_index is not None
    return question.answer_index


def wrong(question: Question) -> int:
    assert question.answer_index is not None
    return (question.answer_index + 1) % len(question.options)


def sitting(name: str, marks: list[int], paper: Paper = SMALL, **extra: object) -> Sitting:
    answers = {
        i: right(q) if mark else wrong(q)
        for i, (q, mark) in enumerate(zip(paper.questions, marks, strict=True))
    }
    fields: dict[str, object] = {
        "attempt_id": f"a-{name}",
        "profile": name.lower(),
        "name": name,
        "department": "发改局",
        "answers": answers,
        "started_at": START,
        "handed_in_at": START + timedelta(minutes=12),
    }
    fields.update(extra)
    return Sitting(**fields)  # type: ignore[arg-type]


# Five people, three one-mark questions:
#        Q1 Q2 Q3  total
#   A     1  1  1   3
#   B     1  1  0   2
#   C     1  0  1   2
#   D     0  1  0   1
#   E     0  0  0   0
HAND = {"A": [1, 1, 1], "B": [1, 1, 0], "C": [1, 0, 1], "D": [0, 1, 0], "E": [0, 0, 0]}


def test_figures_computed_by_hand() -> None:
    report = build_report(SMALL, "small", [sitting(n, m) for n, m in HAND.items()])
    q1, q2, q3 = report.questions
    # Facility = mean mark: Q1 3/5, Q2 3/5, Q3 2/5.
    assert (q1.facility, q2.facility, q3.facility) == (0.6, 0.6, 0.4)
    # Discrimination, Q1: marks 1,1,1,0,0 (mean .6); rest of test (total - Q1) 2,1,1,1,0
    # (mean 1). Deviations .4,.4,.4,-.6,-.6 and 1,0,0,0,-1: covariance (.4 + .6)/4 = .25;
    # variances (3·.16 + 2·.36)/4 = .3 and (1 + 1)/4 = .5; .25/√(.3·.5) = .6455.
    assert q1.discrimination == 0.6455
    # Q2: marks 1,1,0,1,0; rest 2,1,2,0,0 (mean 1); products .4·1 + .4·0 - .6·1 + .4·-1
    # - .6·-1 = 0: discrimination 0, flagged (< 0.15).
    assert q2.discrimination == 0.0 and q2.flagged
    # Q3: marks 1,0,1,0,0 (mean .4); rest 2,2,1,1,0 (mean 1.2). Products .6·.8 - .4·.8
    # - .6·.2 + .4·.2 + .4·1.2 = .6, covariance .15; variances 1.2/4 = .3 and
    # (.64+.64+.04+.04+1.44)/4 = .7; .15/√.21 = .3273.
    assert q3.discrimination == 0.3273 and not q3.flagged
    assert not q1.flagged
    # α: question variances .3 each (sum .9); totals 3,2,2,1,0 (mean 1.6), variance
    # (1.96+.16+.16+.36+2.56)/4 = 1.3; α = 3/2 · (1 - .9/1.3) = .4615.
    summary = report.summary
    assert summary.alpha == 0.4615
    # Scores 100, 66.67, 66.67, 33.33, 0: mean 53.33, median 66.67; pass mark 60 → 3 pass.
    assert (summary.mean_percent, summary.median_percent) == (53.33, 66.67)
    assert (summary.sittings, summary.passed, summary.pass_rate) == (5, 3, 0.6)
    assert summary.noisy  # five sittings, fewer than ten
    # Options: Q2 right answer chosen by A, B, D; the next letter by C and E.
    assert sum(q2.options_chosen.values()) == 5
    assert q2.options_chosen[chr(ord("A") + (SMALL.questions[1].answer_index or 0))] == 3
    # Terms, most missed first: Q3's term (3 wrong), then Q1's and Q2's (2 each, paper order).
    assert [(t.term, t.wrong, t.asked) for t in report.terms] == [
        (SMALL.questions[2].term, 3, 5),
        (SMALL.questions[0].term, 2, 5),
        (SMALL.questions[1].term, 2, 5),
    ]
    people = {p.name: p for p in report.people}
    assert people["A"].score_percent == 100.0 and people["A"].time_taken_s == 720
    assert people["D"].passed is False and people["D"].answered == 3


def test_the_formulas_alone() -> None:
    assert discrimination([1, 1, 1, 0, 0], [3, 2, 2, 1, 0]) == pytest.approx(0.25 / 0.15**0.5)
    assert discrimination([1, 1, 1], [3, 2, 1]) is None  # a question all got right
    assert discrimination([1], [1]) is None
    assert cronbach_alpha([[1, 1, 1, 0, 0], [1, 1, 0, 1, 0], [1, 0, 1, 0, 0]]) == pytest.approx(
        1.5 * (1 - 0.9 / 1.3)
    )
    assert cronbach_alpha([[1, 0]]) is None


def generated_room(seed: int, size: int = 40) -> list[Sitting]:
    """A room of ``size`` people of different ability sitting the example paper (every kind
    of question), some answers missing."""
    rng = random.Random(seed)
    room = []
    for n in range(size):
        ability = rng.random()
        answers: dict[int, Given] = {}
        for i, question in enumerate(EXAMPLE.questions):
            roll = rng.random()
            if roll < 0.05:
                continue  # left unanswered
            good = roll < 0.2 + 0.75 * ability
            if question.kind == "pinyin":
                answers[i] = question.answer if good else "a1"
            elif question.kind == "match":
                size_ = len(question.options)
                pairs = [
                    p if good or rng.random() < 0.3 else (p + 1) % size_ for p in question.pairs
                ]
                answers[i] = " ".join(f"{k + 1}{chr(65 + p)}" for k, p in enumerate(pairs))
            else:
                answers[i] = right(question) if good else wrong(question)
        started = START + timedelta(minutes=rng.randint(0, 5))
        room.append(
            Sitting(
                attempt_id=f"attempt-{seed}-{n}",
                profile=f"p{n}",
                name=f"学员{n}",
                department=rng.choice(["发改局", "住建局", "生态环境分局"]),
                answers=answers,
                started_at=started,
                handed_in_at=started + timedelta(minutes=rng.randint(10, 30)),
            )
        )
    return room


def test_a_generated_room_against_independent_formulas() -> None:
    room = generated_room(2026)
    report = build_report(EXAMPLE, "example", room)
    assert report.summary.sittings == 40 and not report.summary.noisy
    # marks per person and question from the paper's own scoring (as on screen)
    results = [score_paper(EXAMPLE, s.answers) for s in room]
    marks = [
        [v.score for v in result.verdicts] for result in results
    ]  # match: share of pairs, others 0/1
    totals = [sum(row) for row in marks]
    for index, row in enumerate(report.questions):
        column = [m[index] for m in marks]
        assert row.facility == pytest.approx(statistics.fmean(column), abs=1e-4)
        rest = [t - m for t, m in zip(totals, column, strict=True)]
        expected = statistics.correlation(column, rest) if len(set(column)) > 1 else None
        if expected is None:
            assert row.discrimination is None
        else:
            assert row.discrimination == pytest.approx(expected, abs=1e-4)
        assert row.flagged == (
            (row.facility is not None and row.facility < 0.2)
            or (row.discrimination is not None and row.discrimination < 0.15)
        )
    k = len(EXAMPLE.questions)
    alpha = (
        k
        / (k - 1)
        * (
            1
            - sum(statistics.pvariance([m[i] for m in marks]) for i in range(k))
            / statistics.pvariance(totals)
        )
    )
    assert report.summary.alpha == pytest.approx(alpha, abs=1e-4)
    by_attempt = {p.attempt_id: p for p in report.people}
    for sitting_, result in zip(room, results, strict=True):
        person = by_attempt[sitting_.attempt_id]
        assert person.score_percent == pytest.approx(result.percent, abs=0.01)
        assert person.passed == result.passed
    assert report.summary.passed == sum(r.passed for r in results)
    wrongs = [t.wrong for t in report.terms]
    assert wrongs == sorted(wrongs, reverse=True)
    # per term, people who got it wrong anywhere on the paper (a match tests five terms)
    wrong_people: dict[str, set[int]] = {}
    for person, result in enumerate(results):
        for question, verdict in zip(EXAMPLE.questions, result.verdicts, strict=True):
            if question.kind == "match":
                right = verdict.pairs_correct or (False,) * len(question.item_ids)
                for term_id, ok in zip(question.item_ids, right, strict=True):
                    wrong_people.setdefault(term_id, set()).update(() if ok else (person,))
            else:
                ids = () if verdict.correct else (person,)
                wrong_people.setdefault(question.term_id, set()).update(ids)
    assert {t.term_id: t.wrong for t in report.terms} == {
        term_id: len(people) for term_id, people in wrong_people.items()
    }
    assert all(t.asked == 40 for t in report.terms)


def test_two_stores_merged_count_each_attempt_once() -> None:
    room = generated_room(7, size=12)
    first, second = room[:8], room[5:]  # attempts 5-7 were copied onto both PCs
    merged = build_report(EXAMPLE, "example", merge_sittings(first, second))
    whole = build_report(EXAMPLE, "example", room)
    assert merged.summary.sittings == 12
    assert report_to_json(merged) == report_to_json(whole)


def test_the_fuller_copy_of_an_attempt_wins() -> None:
    done = sitting("A", [1, 1, 1])
    early = Sitting(done.attempt_id, "a", "A", "发改局", {0: right(SMALL.questions[0])}, START)
    assert merge_sittings([early], [done]) == [done]
    assert merge_sittings([done], [early]) == [done]


def test_abandoned_attempts_and_several_attempts() -> None:
    first = sitting("A", [0, 0, 1], attempt_id="a1")
    second = sitting("A", [1, 1, 0], attempt_id="a2", handed_in_at=START + timedelta(hours=1))
    abandoned = sitting("B", [1, 1, 1], handed_in_at=None)
    report = build_report(SMALL, "small", [first, second, abandoned])
    people = {p.name: p for p in report.people}
    # the best handed-in attempt counts (Moodle's "highest grade")
    assert people["A"].attempts == 2 and people["A"].attempt_id == "a2"
    assert people["A"].score_percent == pytest.approx(66.67)
    # an attempt never handed in is shown, not passed, not in the question figures
    assert not people["B"].handed_in and not people["B"].passed
    assert people["B"].time_taken_s is None
    assert report.summary.sittings == 1 and report.summary.not_handed_in == 1
    assert report.summary.attempts == 3
    assert [p.name for p in report.people] == ["A", "B"]


def test_sheet_sittings_have_no_time_taken() -> None:
    report = build_report(SMALL, "small", [sitting("A", [1, 1, 1], source="sheet")])
    assert report.people[0].time_taken_s is None


def test_accepting_an_answer_regrades_every_sitting() -> None:
    room = [sitting(n, m) for n, m in HAND.items()]
    question = SMALL.questions[2]
    also = question.options[wrong(question)]
    before = build_report(SMALL, "small", room)
    after = build_report(SMALL, "small", room, {2: [also]})
    # B, D and E chose the next option on Q3 (wrong()); now they are right
    assert before.questions[2].facility == 0.4 and after.questions[2].facility == 1.0
    assert after.summary.passed == 4  # D: 1 + 1 of 3 = 66.67%
    assert report_to_json(after)["exam"]["accepted"] == {"3": [also]}
    # the sittings themselves are untouched
    assert room[1].answers[2] == wrong(question)


def test_json_keys_and_chinese() -> None:
    data = report_to_json(build_report(SMALL, "small", [sitting("张三", [1, 0, 1])]))
    assert set(data) >= {"exam", "people", "questions", "terms", "summary"}
    assert set(data["people"][0]) >= {
        "name",
        "department",
        "score_percent",
        "passed",
        "answered",
        "handed_in",
    }
    assert set(data["questions"][0]) >= {
        "number",
        "kind",
        "term",
        "facility",
        "discrimination",
        "options_chosen",
    }
    assert set(data["terms"][0]) == {"term_id", "term", "wrong", "asked"}
    assert set(data["summary"]) >= {"sittings", "passed", "mean_percent", "alpha"}
    text = json.dumps(data, ensure_ascii=False)
    assert "张三" in text and "\\u" not in text


def test_an_empty_room() -> None:
    report = build_report(SMALL, "small", [])
    assert report.summary.sittings == 0 and report.summary.mean_percent is None
    assert all(q.facility is None for q in report.questions)


def test_a_typed_answer_that_names_no_option_is_counted_under_its_text() -> None:
    # QA: a sheet with 非化石能源 for the cloze Q12 (accepted) showed "C:3 未答 1" for four
    # people; the typed answer was nowhere
    index = next(i for i, q in enumerate(EXAMPLE.questions) if q.mode == "typed-or-choice")
    question = EXAMPLE.questions[index]
    typed = "这不是任何一个选项"
    assert all(typed not in option for option in question.options)

    def person(name: str, answer: Given) -> Sitting:
        return Sitting(f"a-{name}", name, name, "", {index: answer}, START, START, "sheet")

    room = [
        person("甲", right(question)),
        person("乙", right(question)),
        person("丙", f" {typed} "),
        person("丁", typed),
        person("戊", ""),
    ]
    for accepted in ({}, {index: [typed]}):
        row = build_report(EXAMPLE, "example", room, accepted).questions[index]
        assert row.options_chosen[typed] == 2, row.options_chosen
        assert row.options_chosen[chr(ord("A") + right(question))] == 2
        assert list(row.options_chosen)[-1] == typed  # after the options
        assert row.unanswered == 1  # only the blank
        assert sum(row.options_chosen.values()) + row.unanswered == len(room)
