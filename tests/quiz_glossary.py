"""A small hand-made glossary for the quiz, grading and paper tests.

Built directly from model objects (no loader), with the cases the engine must handle:
terms sharing characters and syllables (碳达峰 / 碳中和 / 碳排放), a term inside a longer
one (碳排放 / 二氧化碳排放), a definition that names its own term, two terms with the same
definition, terms without English or examples, aliases and traditional forms.
"""

from __future__ import annotations

from dataclasses import replace

from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import to_marked


def make_term(
    term: str,
    numbers: str,
    definition: str = "",
    *,
    category: str = "核心概念",
    english: tuple[str, ...] = (),
    examples: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    traditional: str | None = None,
    source: str = "测试资料",
    term_id: str | None = None,
    position: int = 0,
) -> Term:
    """A term from its text and its numbered reading (``"tan4 da2 feng1"``)."""
    syllables = tuple(numbers.split())
    return Term(
        id=term_id or "-".join(s.rstrip("012345") for s in syllables) or term,
        term=term,
        syllables=syllables,
        marks=tuple(to_marked(s) for s in syllables),
        traditional=traditional if traditional is not None else term,
        english=english,
        definition=definition,
        category=category,
        source=source,
        aliases=aliases,
        examples=examples,
        position=position,
    )


def make_glossary(*terms: Term, title: str = "测试术语表") -> Glossary:
    numbered = tuple(replace(term, position=i) for i, term in enumerate(terms))
    return Glossary(title=title, language="zh-CN", version="1", terms=numbered)


TERMS = (
    make_term(
        "碳达峰",
        "tan4 da2 feng1",
        "指在一定时期内，碳排放量达到历史最高值，并逐渐趋于平稳或下降的过程。",
        english=("carbon peaking", "peak carbon emissions"),
        examples=("为实现碳达峰目标，《工作方案》提出了实施碳达峰“十大行动”。",),
        traditional="碳達峰",
        source="《解读》六、关键词诠释",
    ),
    make_term(
        "碳中和",
        "tan4 zhong1 he2",
        "碳中和是指排放的二氧化碳通过植树造林等方式全部抵消，实现净零排放。",
        english=("carbon neutrality",),
        examples=("努力争取2060年前实现碳中和。",),
    ),
    make_term(
        "碳排放",
        "tan4 pai2 fang4",
        "“二氧化碳排放”或“温室气体排放”的简称。",
        english=("carbon emissions",),
        examples=("各部门要摸清本领域碳排放底数。",),
    ),
    make_term(
        "二氧化碳排放",
        "er4 yang3 hua4 tan4 pai2 fang4",
        "人类活动向大气排放二氧化碳的行为及其排放量。",
        english=("carbon dioxide emissions", "CO2 emissions"),
    ),
    make_term(
        "碳达峰碳中和",
        "tan4 da2 feng1 tan4 zhong1 he2",
        "碳达峰与碳中和的合称，简称“双碳”。",
        english=("dual carbon goals",),
        aliases=("双碳",),
        traditional="碳達峰碳中和",
        examples=("碳达峰碳中和是党中央作出的重大战略决策。",),
    ),
    make_term(
        "温室气体",
        "wen1 shi4 qi4 ti3",
        "大气中吸收并重新放出红外辐射、使地表温度升高的气体。",
        english=("greenhouse gases",),
        traditional="溫室氣體",
    ),
    make_term(
        "温室效应气体",
        "wen1 shi4 xiao4 ying4 qi4 ti3",
        "大气中吸收并重新放出红外辐射、使地表温度升高的气体。",
    ),
    make_term(
        "能源结构优化",
        "neng2 yuan2 jie2 gou4 you1 hua4",
        "指通过改变能源生产和消费方式，减少高碳能源的比例，增加可再生能源的比重。",
        category="能源",
        english=("energy structure optimisation",),
        examples=("能源结构优化重点推动传统高碳能源的逐步替代。",),
        traditional="能源結構優化",
    ),
    make_term(
        "可再生能源",
        "ke3 zai4 sheng1 neng2 yuan2",
        "可以不断再生、永续利用的能源，如太阳能、风能、水能等。",
        category="能源",
        english=("renewable energy",),
        examples=("增加太阳能、风能等可再生能源的使用比例。",),
    ),
    make_term(
        "化石能源",
        "hua4 shi2 neng2 yuan2",
        "煤炭、石油、天然气等由古代生物遗体形成的能源。",
        category="能源",
        english=("fossil energy", "fossil fuels"),
        examples=("减少对化石能源的依赖。",),
    ),
    make_term(
        "分布式能源",
        "fen1 bu4 shi4 neng2 yuan2",
        "在用户端就近生产、就近利用的能源供应方式。",
        category="能源",
        english=("distributed energy",),
        examples=("推动分布式能源系统建设。",),
    ),
    make_term(
        "调峰",
        "tiao2 feng1",
        "根据用电负荷的变化调整发电出力，使供需平衡。",
        category="能源",
        english=("peak regulation", "peak shaving"),
        examples=("储能电站参与电网调峰。",),
        traditional="調峰",
    ),
    make_term(
        "绿色低碳技术",
        "lv4 se4 di1 tan4 ji4 shu4",
        "指能够显著减少碳排放的技术，包括清洁能源技术、节能减排技术、绿色建筑技术等。",
        category="产业与技术",
        english=("green and low-carbon technology",),
        examples=("推动工业、建筑、交通等领域的低碳技术应用，推广绿色低碳技术。",),
        traditional="綠色低碳技術",
    ),
    make_term(
        "CCUS技术",
        "ji4 shu4",
        "碳捕集、利用与封存技术，把二氧化碳从排放源中分离后加以利用或封存。",
        category="产业与技术",
        english=("CCUS", "carbon capture, utilisation and storage"),
        examples=("开展CCUS技术示范。",),
        term_id="ccus",
    ),
    make_term(
        "一次能源",
        "yi1 ci4 neng2 yuan2",
        "自然界中以原有形式存在、未经加工转换的能源。",
        category="能源",
    ),
)


def sample_glossary() -> Glossary:
    return make_glossary(*TERMS)
