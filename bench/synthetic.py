"""Synthetic glossaries for benchmarks: real domain words combined into made-up terms.

Terms are built from real carbon-peaking vocabulary (碳达峰, 储能, 长效机制 …), so their
readings, heteronyms and pinyin distribution look like a real glossary's; English glosses and
definitions are assembled from the same words. The result is a valid glossary file per
DESIGN.md, but the entries are nonsense as facts: never ship one.

    python bench/synthetic.py 1000 [GENERAL_WORDS] > /tmp/g.toml
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass

import tomli_w

# (word, English). Real vocabulary of the domain, including the heteronym cases.
VOCABULARY: tuple[tuple[str, str], ...] = (
    ("碳达峰", "carbon peaking"),
    ("碳中和", "carbon neutrality"),
    ("碳排放", "carbon emissions"),
    ("碳汇", "carbon sink"),
    ("碳足迹", "carbon footprint"),
    ("碳交易", "carbon trading"),
    ("碳市场", "carbon market"),
    ("碳配额", "carbon allowance"),
    ("碳捕集", "carbon capture"),
    ("碳封存", "carbon storage"),
    ("碳普惠", "carbon inclusion"),
    ("碳强度", "carbon intensity"),
    ("低碳", "low-carbon"),
    ("零碳", "zero-carbon"),
    ("降碳", "carbon reduction"),
    ("减污", "pollution reduction"),
    ("绿色", "green"),
    ("能源", "energy"),
    ("结构", "structure"),
    ("优化", "optimisation"),
    ("转型", "transformation"),
    ("产业", "industry"),
    ("技术", "technology"),
    ("节能", "energy saving"),
    ("能效", "energy efficiency"),
    ("能耗", "energy consumption"),
    ("双控", "dual control"),
    ("储能", "energy storage"),
    ("调峰", "peak regulation"),
    ("调度", "dispatch"),
    ("调节", "regulation"),
    ("长效机制", "long-term mechanism"),
    ("长时", "long-duration"),
    ("长三角", "Yangtze River Delta"),
    ("重点", "key"),
    ("行业", "sector"),
    ("行动", "action"),
    ("方案", "plan"),
    ("工作", "work"),
    ("实施", "implementation"),
    ("供给侧", "supply side"),
    ("需求侧", "demand side"),
    ("响应", "response"),
    ("光伏", "photovoltaics"),
    ("风电", "wind power"),
    ("氢能", "hydrogen energy"),
    ("核电", "nuclear power"),
    ("地热", "geothermal"),
    ("生物质", "biomass"),
    ("可再生", "renewable"),
    ("非化石", "non-fossil"),
    ("化石", "fossil"),
    ("煤电", "coal power"),
    ("天然气", "natural gas"),
    ("电网", "power grid"),
    ("配电网", "distribution network"),
    ("微电网", "microgrid"),
    ("虚拟电厂", "virtual power plant"),
    ("源网荷储", "source-grid-load-storage"),
    ("一体化", "integration"),
    ("分布式", "distributed"),
    ("屋顶", "rooftop"),
    ("建筑", "building"),
    ("超低能耗", "ultra-low energy"),
    ("装配式", "prefabricated"),
    ("交通", "transport"),
    ("运输", "transportation"),
    ("公转铁", "road-to-rail shift"),
    ("多式联运", "multimodal transport"),
    ("新能源", "new energy"),
    ("汽车", "vehicle"),
    ("充电桩", "charging pile"),
    ("重型", "heavy-duty"),
    ("柴油车", "diesel vehicle"),
    ("循环经济", "circular economy"),
    ("固废", "solid waste"),
    ("资源", "resources"),
    ("综合利用", "comprehensive utilisation"),
    ("回收", "recycling"),
    ("再生", "regeneration"),
    ("工业", "industrial"),
    ("园区", "park"),
    ("钢铁", "steel"),
    ("水泥", "cement"),
    ("化工", "chemical"),
    ("石化", "petrochemical"),
    ("有色金属", "non-ferrous metals"),
    ("建材", "building materials"),
    ("落后产能", "outdated capacity"),
    ("产能置换", "capacity replacement"),
    ("清洁", "clean"),
    ("取暖", "heating"),
    ("供热", "heat supply"),
    ("余热", "waste heat"),
    ("热电联产", "combined heat and power"),
    ("热泵", "heat pump"),
    ("生态", "ecological"),
    ("系统", "system"),
    ("森林", "forest"),
    ("湿地", "wetland"),
    ("国土空间", "territorial space"),
    ("农业", "agriculture"),
    ("农村", "rural"),
    ("城乡", "urban and rural"),
    ("数字化", "digitalisation"),
    ("智能", "smart"),
    ("数据中心", "data centre"),
    ("监测", "monitoring"),
    ("核算", "accounting"),
    ("统计", "statistics"),
    ("考核", "assessment"),
    ("标准", "standard"),
    ("计量", "metrology"),
    ("认证", "certification"),
    ("金融", "finance"),
    ("信贷", "credit"),
    ("债券", "bond"),
    ("价格", "price"),
    ("电价", "electricity price"),
    ("分时", "time-of-use"),
    ("峰谷", "peak-valley"),
    ("市场化", "market-based"),
    ("政策", "policy"),
    ("体系", "system"),
    ("保障", "safeguard"),
    ("示范", "demonstration"),
    ("试点", "pilot"),
    ("全民", "nationwide"),
    ("行为", "behaviour"),
    ("消费", "consumption"),
    ("绿电", "green electricity"),
    ("绿证", "green certificate"),
    ("排放因子", "emission factor"),
    ("温室气体", "greenhouse gas"),
    ("甲烷", "methane"),
    ("二氧化碳", "carbon dioxide"),
    ("总量", "total amount"),
    ("增量", "increment"),
    ("控制", "control"),
    ("提升", "improvement"),
    ("改造", "retrofit"),
    ("创新", "innovation"),
    ("研发", "research and development"),
    ("应用", "application"),
    ("推广", "promotion"),
    ("合同能源管理", "energy performance contracting"),
    ("给排水", "water supply and drainage"),
    ("还款", "repayment"),
    ("公共机构", "public institutions"),
    ("槐荫区", "Huaiyin District"),
)

CATEGORIES = ("核心概念", "能源", "产业", "建筑", "交通", "生态", "政策机制", "技术")
TAGS = ("双碳", "能源", "工业", "城乡", "金融", "技术", "管理")
CONNECTORS = ("推动", "加强", "完善", "促进", "落实", "构建", "实现", "提高")


@dataclass(frozen=True, slots=True)
class SyntheticTerm:
    """One made-up entry (text fields only; the loader resolves readings)."""

    term: str
    english: tuple[str, ...]
    definition: str
    category: str
    tags: tuple[str, ...]


def general_words(count: int, seed: int = 0) -> list[str]:
    """``count`` real two- to four-character words from pypinyin's phrase dictionary.

    Mixed into terms, they give a large glossary the variety of a real one: built from the
    domain words alone, 100,000 terms would share every word with thousands of others.
    """
    from pypinyin.constants import PHRASES_DICT

    words = sorted(word for word in PHRASES_DICT if 2 <= len(word) <= 4 and word.isalpha())
    return random.Random(seed).sample(words, min(count, len(words)))


def make_terms(n: int, seed: int = 0, *, general: int = 0) -> list[SyntheticTerm]:
    """``n`` distinct made-up terms of one to three domain words, and with ``general`` > 0
    usually one of that many general words as well (which has no English gloss)."""
    rng = random.Random(seed)
    extra = general_words(general, seed) if general else []
    seen: set[str] = set()
    terms: list[SyntheticTerm] = []
    while len(terms) < n:
        count = rng.choices((1, 2, 3), weights=(1, 6, 4))[0]
        words = rng.sample(VOCABULARY, count)
        text = "".join(word for word, _ in words)
        if extra and rng.random() < 0.8:
            word = rng.choice(extra)
            text = word + text if rng.random() < 0.5 else text + word
        if text in seen:
            continue
        seen.add(text)
        english = " ".join(gloss for _, gloss in words)
        context = [word for word, _ in rng.sample(VOCABULARY, 3)]
        if extra:
            context[rng.randrange(3)] = rng.choice(extra)
        connector = rng.choice(CONNECTORS)
        definition = (
            f"指在{context[0]}领域{connector}{text}，以{context[1]}带动{context[2]}的工作。"
        )
        terms.append(
            SyntheticTerm(
                term=text,
                english=(english,),
                definition=definition,
                category=rng.choice(CATEGORIES),
                tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
            )
        )
    return terms


def make_glossary_toml(n: int, seed: int = 0, *, general: int = 0) -> str:
    """A complete glossary file of ``n`` synthetic terms (see :func:`make_terms`)."""
    document = {
        "glossary": {
            "title": f"合成术语表（{n} 条，仅供基准测试）",
            "language": "zh-CN",
            "version": "1",
        },
        "phrase_pinyin": {"调峰": "tiáo fēng"},
        "term": [
            {
                "id": f"syn-{index}",
                "term": item.term,
                "english": list(item.english),
                "definition": item.definition,
                "category": item.category,
                "tags": list(item.tags),
                "source": "合成数据（基准测试）",
            }
            for index, item in enumerate(make_terms(n, seed, general=general))
        ],
    }
    return tomli_w.dumps(document)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    mixed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    sys.stdout.write(make_glossary_toml(size, general=mixed))
