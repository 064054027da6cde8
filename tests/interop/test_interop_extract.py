"""extract on the source document: cleaned as sources/ documents, the mis-encoded spot
restored from its bytes (and left alone where the evidence does not fit), the three defined
terms with their definitions verbatim, known terms and named things with their sentences,
and a candidates file that passes check."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.loader import check_glossary, load_glossary
from carbon_glossary.interop.extract import Candidate, propose
from carbon_glossary.interop.policy import clean_text, read_document

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "sources" / "huaiyin-carbon-peaking-interpretation.raw.txt"
CLEANED = ROOT / "sources" / "huaiyin-carbon-peaking-interpretation.txt"
SHIPPED = ROOT / "glossary.toml"
SOURCE = "《关于〈槐荫区碳达峰工作方案〉的解读》"

# The text's own definitions (section 六 of the cleaned source, sources/README.md).
DEFINED = {
    "碳达峰": "指在一定时期内，碳排放量达到历史最高值，并逐渐趋于平稳或下降的过程。",
    "绿色低碳技术": "指能够显著减少碳排放的技术，包括清洁能源技术、节能减排技术、绿色建筑技术等。",
    "能源结构优化": "指通过改变能源生产和消费方式，减少高碳能源的比例，增加可再生能源的比重。",
}


@pytest.fixture(scope="module")
def raw() -> str:
    return RAW.read_text(encoding="utf-8")


def test_cleaning_gives_the_documented_source_text(raw: str) -> None:
    text, repairs = clean_text(raw)
    assert text == CLEANED.read_text(encoding="utf-8")
    [repair] = repairs
    assert (repair.line, repair.column) == (14, 170)
    assert (repair.found, repair.repaired) == ("?qū)崿F(xiàn)", "實現")


@pytest.mark.parametrize(
    "spot",
    [
        "能夠?qū)崿F(shí)",  # the last ruby does not fit 現
        "能夠?zhōng)崿F(xiàn)",  # the stray ruby fits no character F2xx that gives a word
        "能够?qū)崿F(xiàn)",  # 够 (simplified) has other bytes: nothing fits
    ],
)
def test_a_spot_the_evidence_does_not_settle_is_left_and_reported(spot: str) -> None:
    text, repairs = clean_text(f"标题\n一、背景\n将{spot}目标。\n")
    assert [(r.line, r.repaired) for r in repairs] == [(3, None)]
    assert "实现" not in text


def test_sections_and_sentences(raw: str) -> None:
    document = read_document(raw)
    assert document.title == "关于《槐荫区碳达峰工作方案》的解读"
    assert document.source == SOURCE
    assert [s.heading for s in document.sections] == [
        "一、政策背景",
        "二、决策依据",
        "三、出台目的",
        "四、重要举措",
        "五、执行上级政策",
        "六、关键词诠释",
        "七、解读机构及联系人",
    ]
    sentences = document.sentences()
    assert sentences[0].section == "一、政策背景" and sentences[0].text.endswith("碳中和目标。")
    assert all("字号" not in s.text and "扫码" not in s.text for s in sentences)


class TestProposals:
    @pytest.fixture(scope="class")
    def proposals(self, raw: str) -> dict[str, Candidate]:
        document = read_document(raw)
        return {c.term: c for c in propose(document, load_glossary(SHIPPED))}

    def test_the_three_defined_terms_verbatim_from_section_six(
        self, proposals: dict[str, Candidate]
    ) -> None:
        defined = {t: c for t, c in proposals.items() if c.kind == "defined"}
        assert {t: c.definition for t, c in defined.items()} == DEFINED
        assert {c.definition_section for c in defined.values()} == {"六、关键词诠释"}
        # the shipped glossary quotes the same words (checked independently here)
        shipped = {t.term: t.definition for t in load_glossary(SHIPPED).terms}
        assert all(shipped[term] == definition for term, definition in DEFINED.items())

    def test_named_things_and_known_terms(self, proposals: dict[str, Candidate]) -> None:
        kinds = {term: c.kind for term, c in proposals.items()}
        for number in ("国发〔2021〕23号", "鲁政字〔2022〕242号", "济政字〔2023〕36号"):
            assert kinds[number] == "document-number"
        assert kinds["《工作方案》"] == "title"
        assert kinds["碳中和"] == "known" and kinds["十大行动"] == "known"
        # a quoted name that is part of a known term is not proposed again on its own
        assert kinds["“342”现代化产业体系"] == "known" and "342" not in kinds
        # “能源结构优化：重点推动…” in section 四 is a measure, not a definition
        assert kinds["能源结构优化"] == "defined"
        assert "联系人" not in kinds  # 联系人：刘峰 is no definition either


class TestCommand:
    def test_candidates_file_passes_check_and_quotes_nothing_invented(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "candidates.toml"
        code = main(["--glossary", str(SHIPPED), "extract", str(RAW), "-o", str(out)])
        printed, err = capsys.readouterr()
        assert code == 0, err
        assert f"{RAW}:14:170:" in err and "實現" in err
        assert "碳达峰" in printed.splitlines()[0]
        assert [p for p in check_glossary(out) if p.severity == "error"] == []
        data = tomllib.loads(out.read_text(encoding="utf-8"))
        terms = {entry["term"]: entry for entry in data["term"]}
        for term, definition in DEFINED.items():
            assert terms[term]["definition"] == definition
            assert terms[term]["source"] == f"{SOURCE} 六、关键词诠释"
        cleaned = CLEANED.read_text(encoding="utf-8")
        for entry in data["term"]:
            assert "pinyin" not in entry  # the page's ruby is never used for readings
            assert "definition" not in entry or entry["term"] in DEFINED
            for example in entry.get("examples", []):
                # examples are the text's own sentences, marked as quotations
                assert example.startswith("【原文】") and example[4:] in cleaned
        assert terms["碳达峰"]["id"] == "tan-da-feng"  # a known term keeps its id

    def test_readings_follow_the_glossarys_phrase_table(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # the shipped glossary reads 济政字 jǐ (济南); the candidates file once left it to
        # pypinyin (jì), and check's 多音字 warning proposed `pinyin = "jì zhèng zì …"`
        out = tmp_path / "candidates.toml"
        assert main(["--glossary", str(SHIPPED), "extract", str(RAW), "-o", str(out)]) == 0
        shipped = load_glossary(SHIPPED)
        assert shipped.phrase_pinyin["济政字"] == ("ji3", "zheng4", "zi4")
        candidates = load_glossary(out)
        number = next(t for t in candidates.terms if t.term == "济政字〔2023〕36号")
        assert number.syllables[:3] == ("ji3", "zheng4", "zi4")
        # the table carries only phrases the proposals use
        assert set(candidates.phrase_pinyin) <= {
            p for p in shipped.phrase_pinyin if any(p in t.term for t in candidates.terms)
        }

    def test_the_quote_mark_can_be_the_glossarys_own(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "c.toml"
        argv = ["--glossary", str(SHIPPED), "extract", str(RAW), "-o", str(out)]
        assert main([*argv, "--quote-mark", "【解读原文】"]) == 0
        data = tomllib.loads(out.read_text(encoding="utf-8"))
        examples = [e for entry in data["term"] for e in entry.get("examples", [])]
        assert examples and all(e.startswith("【解读原文】") for e in examples)

    def test_a_gb18030_text_gives_the_same_candidates(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        legacy = tmp_path / "policy.txt"
        legacy.write_bytes(RAW.read_text(encoding="utf-8").encode("gb18030"))
        outputs = []
        for name, source in (("a.toml", RAW), ("b.toml", legacy)):
            out = tmp_path / name
            assert main(["--glossary", str(SHIPPED), "extract", str(source), "-o", str(out)]) == 0
            outputs.append(tomllib.loads(out.read_text(encoding="utf-8"))["term"])
        assert outputs[0] == outputs[1]

    def test_refuses_to_overwrite(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "c.toml"
        out.write_text("# mine\n", encoding="utf-8")
        code = main(["--glossary", str(SHIPPED), "extract", str(RAW), "-o", str(out)])
        assert code == 2 and out.read_text(encoding="utf-8") == "# mine\n"

    def test_written_to_the_current_folder_by_default(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        assert main(["--glossary", str(SHIPPED), "extract", str(RAW)]) == 0
        assert (tmp_path / f"{RAW.stem}.candidates.toml").is_file()
        assert not RAW.with_name(f"{RAW.stem}.candidates.toml").exists()

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code = main(["--glossary", str(SHIPPED), "extract", str(tmp_path / "nope.txt")])
        assert code == 2 and "Traceback" not in capsys.readouterr().err


def test_a_known_term_inside_a_longer_known_term_is_no_mention(raw: str) -> None:
    """QA (session 4, finding 20): the source says 清洁能源技术, 绿色建筑技术 and 节能减排技术,
    never 清洁能源, 绿色建筑 or 节能减排 alone, yet those were proposed as "in the text"."""
    glossary = load_glossary(SHIPPED)
    proposals = {c.term: c for c in propose(read_document(raw), glossary)}
    for inner, outer in (
        ("清洁能源", "清洁能源技术"),
        ("绿色建筑", "绿色建筑技术"),
        ("节能减排", "节能减排技术"),
    ):
        assert outer in proposals and proposals[outer].kind == "known"
        assert all(f"{inner}{outer[len(inner) :]}" in s.text for s in proposals[outer].sentences)
        assert inner not in proposals or proposals[inner].kind != "known", inner
    # a mention inside a known longer name does not give a term its sentences either
    emissions = proposals["碳排放"]
    assert emissions.sentences
    assert not any(
        "二氧化碳排放" in s.text and s.text.count("碳排放") == s.text.count("二氧化碳排放")
        for s in emissions.sentences
    )
