"""中文界面文字。

Keys are grouped by area; every key here must also exist in the other catalogue with the
same {placeholders} (tests/test_i18n.py checks this).
"""

MESSAGES: dict[str, str] = {
    # --- common ---
    "severity.error": "错误",
    "severity.warning": "警告",
    # --- glossary checking (core/loader.py) ---
    "check.file_missing": "找不到这个文件",
    "check.file_is_directory": "这是一个文件夹，不是术语表文件",
    "check.file_permission": "没有读取这个文件的权限",
    "check.file_unreadable": "无法读取这个文件：{reason}",
    "check.not_utf8": (
        "文件不是 UTF-8 编码（这里的字节 0x{byte} 无法识别）；请在编辑器中选择 UTF-8 编码另存"
    ),
    "check.syntax.invalid_value": (
        "TOML 格式错误：这个值的写法不对；文字要用英文双引号括起来，列表用 [ ]"
    ),
    "check.syntax.full_width": "TOML 格式错误：这里用了全角符号 {char}，应改为英文半角 {ascii}",
    "check.syntax.invalid_statement": (
        "TOML 格式错误：这一行无法识别；每行应是 键 = 值，或者 [表名]、[[term]]"
    ),
    "check.syntax.expected_newline": (
        "TOML 格式错误：一行只能写一项，这一项后面多出了内容（是否少了引号或逗号？）"
    ),
    "check.syntax.expected_equals": "TOML 格式错误：键的后面应当是等号 =",
    "check.syntax.invalid_key": (
        "TOML 格式错误：键名不能这样开头；含空格或汉字的键名要用英文双引号括起来"
    ),
    "check.syntax.unterminated": "TOML 格式错误：文字缺少结尾的引号",
    "check.syntax.unclosed_array": "TOML 格式错误：列表缺少结尾的 ]（各项之间用英文逗号分隔）",
    "check.syntax.unclosed_table": "TOML 格式错误：花括号内的表缺少结尾的右花括号",
    "check.syntax.unclosed_header": "TOML 格式错误：表名缺少结尾的方括号",
    "check.syntax.duplicate_key": "TOML 格式错误：“{key}”在同一个表里写了两次",
    "check.syntax.duplicate_table": "TOML 格式错误：[{table}] 写了两次",
    "check.syntax.escape": (
        "TOML 格式错误：文字中的反斜杠 \\ 要写成 \\\\（或者把双引号换成单引号）"
    ),
    "check.syntax.control_char": "TOML 格式错误：文字中有不允许的控制字符 {char}",
    "check.syntax.date": "TOML 格式错误：日期或时间的写法不对",
    "check.syntax.redefine": "TOML 格式错误：这个表在前面已经定义过，不能再改",
    "check.syntax.other": "TOML 格式错误：{detail}",
    "check.type.string": "文字（用英文双引号括起来）",
    "check.type.strings": '文字列表，例如 ["第一项", "第二项"]',
    "check.type.boolean": "true/false",
    "check.type.integer": "整数",
    "check.type.float": "小数",
    "check.type.array": "列表",
    "check.type.table": "表",
    "check.type.datetime": "日期时间",
    "check.type.other": "其他类型",
    "check.unknown_table": (
        "术语表中没有 [{name}] 这种表；只能有 [glossary]、[phrase_pinyin] 和 [[term]]"
    ),
    "check.top_level_key": "“{key}”不属于任何表；请把它写在 [glossary] 或某个 [[term]] 下面",
    "check.top_level_key_hint": "“{key}”不属于任何表；请把它写在 [{table}] 下面",
    "check.glossary.not_table": "glossary 应当写成一个表 [glossary]，现在是{actual}",
    "check.glossary.unknown_key": "[glossary] 中没有“{key}”这一项；可以写的项：{allowed}",
    "check.glossary.unknown_key_suggest": (
        "[glossary] 中没有“{key}”这一项；是不是想写“{suggestion}”？"
    ),
    "check.glossary.wrong_type": "[glossary] 的 {key} 应当是{expected}，现在是{actual}",
    "check.phrase.not_table": "phrase_pinyin 应当写成一个表 [phrase_pinyin]，现在是{actual}",
    "check.phrase.not_hanzi": "[phrase_pinyin] 中的“{phrase}”不是纯汉字的词组",
    "check.phrase.wrong_type": (
        '[phrase_pinyin] 中“{phrase}”的读音应当是文字，例如 "tiáo fēng"，现在是{actual}'
    ),
    "check.phrase.invalid_syllable": (
        "[phrase_pinyin] 中“{phrase}”的读音里，“{syllable}”不是有效的拼音音节"
    ),
    "check.phrase.count": (
        "[phrase_pinyin] 中“{phrase}”的读音有{count}个音节，但“{phrase}”有{hanzi}个汉字"
    ),
    "check.terms.missing": "术语表中一个术语也没有；每个术语以一行 [[term]] 开头",
    "check.terms.single_brackets": "[term] 要写成 [[term]]（两层方括号），每个术语写一段",
    "check.terms.not_table": "term 应当写成一段段 [[term]]，现在是{actual}",
    "check.term.not_table": "第{n}个术语应当是一个表，现在是{actual}",
    "check.term.unknown_key": "第{n}个术语中没有“{key}”这一项；可以写的项：{allowed}",
    "check.term.unknown_key_suggest": "第{n}个术语中没有“{key}”这一项；是不是想写“{suggestion}”？",
    "check.term.wrong_type": "第{n}个术语的 {key} 应当是{expected}，现在是{actual}",
    "check.term.wrong_item_type": "第{n}个术语的 {key} 中，第{index}项应当是文字，现在是{actual}",
    "check.term.missing_term": "第{n}个术语缺少 term（术语本身，用简体汉字写）",
    "check.term.empty_term": "第{n}个术语的 term 是空的",
    "check.term.empty_id": "第{n}个术语“{term}”的 id 是空的；删掉这一行就会自动生成",
    "check.term.duplicate_term": "第{n}个术语“{term}”与第{first}个术语重复",
    "check.term.duplicate_id": "第{n}个术语的 id“{id}”已被第{first}个术语使用",
    "check.term.related_unknown": (
        "第{n}个术语“{term}”的 related 中，“{name}”不是本术语表里的术语或 id"
    ),
    "check.term.pinyin_invalid": "第{n}个术语“{term}”的 pinyin 中，“{syllable}”不是有效的拼音音节",
    "check.term.pinyin_count": "第{n}个术语的 pinyin 有{count}个音节，但“{term}”有{hanzi}个汉字",
    "check.term.no_reading": (
        "第{n}个术语“{term}”中的“{char}”没有已知的读音；请用 pinyin 写明整个术语的读音"
    ),
    "check.term.unsettled": (
        "第{n}个术语“{term}”中的多音字 {chars} 没有词组能确定读音；"
        '核对无误后请加上 pinyin = "{reading}" 确认'
    ),
    "check.summary": "{errors}个错误，{warnings}个警告",
    # --- command line (cli.py) ---
    "cli.description": (
        "《槐荫区碳达峰工作方案》术语表：在终端中浏览、查找术语。不带命令时打开浏览界面。"
    ),
    "cli.usage_prefix": "用法：",
    "cli.positionals_title": "参数",
    "cli.options_title": "选项",
    "cli.global_options_title": "通用选项（可写在命令前或命令后）",
    "cli.commands_title": "命令",
    "cli.command_metavar": "命令",
    "cli.help_option": "显示帮助后退出",
    "cli.version_option": "显示版本号后退出",
    "cli.glossary_option": (
        "使用的术语表文件（默认：环境变量 CARBON_GLOSSARY_FILE，否则是程序自带的术语表）"
    ),
    "cli.lang_option": (
        "界面语言：zh（中文，默认）或 en（英文）；也可设环境变量 CARBON_GLOSSARY_LANG"
    ),
    "cli.bad_language": "不支持的语言“{value}”；可选 zh 或 en",
    "cli.file_metavar": "文件",
    "cli.term_metavar": "术语",
    "cli.query_metavar": "查询",
    "cli.category_metavar": "类别",
    "cli.json": "以 JSON 格式输出",
    "cli.browse.help": "在终端界面中浏览术语表（不带命令时的默认操作）",
    "cli.list.help": "按拼音顺序列出全部术语",
    "cli.list.category": "只列出这个类别的术语",
    "cli.show.help": "显示一个术语的完整词条（可用汉字、拼音、首字母或英文查找，显示最匹配的一条）",
    "cli.show.term": "要查的术语：汉字（简体或繁体）、拼音、拼音首字母或英文",
    "cli.search.help": "查找术语，按匹配程度排列；找不到时退出码为 1",
    "cli.search.query": (
        "查找的内容：汉字（简体或繁体）、拼音（可带声调或数字）、拼音首字母、英文或释义中的词语"
    ),
    "cli.search.limit": "最多显示几条（默认 {default}）",
    "cli.check.help": "检查术语表文件，列出全部错误和警告；有错误时退出码为 2",
    "cli.check.files": "要检查的术语表文件（默认：正在使用的术语表）",
    "cli.not_positive": "应当是正整数，而不是“{value}”",
    "cli.nothing_found": "没有找到与“{query}”相关的术语",
    "cli.unknown_category": "没有“{category}”这个类别；已有的类别：{names}",
    "cli.list_separator": "、",
    "cli.glossary_refused": (
        "术语表 {path} 有错误，暂时无法使用；改正后可用 carbon-glossary check 再检查"
    ),
    "cli.card.english": "英文",
    "cli.card.category": "类别",
    "cli.card.tags": "标签",
    "cli.card.definition": "释义",
    "cli.card.definition_en": "英文释义",
    "cli.card.examples": "例句",
    "cli.card.aliases": "又称",
    "cli.card.related": "相关术语",
    "cli.card.source": "出处",
    "cli.card.id": "编号",
    "cli.argparse.argument": "参数 {name}：{message}",
    "cli.argparse.required": "缺少参数：{names}",
    "cli.argparse.unrecognized": "无法识别的参数：{args}",
    "cli.argparse.invalid_choice": "没有 {value} 这个选项（可选：{choices}）",
    "cli.argparse.invalid_choice_suggest": "没有 {value} 这个选项；是不是想用“{suggestion}”？",
    "cli.argparse.expected_one": "后面需要跟一个值",
    "cli.argparse.ignored": "多余的值 {value}",
    # --- browse TUI (ui/) ---
    # --- quiz, exams, progress (core/quiz, store/, ui quiz screens) ---
    # quiz engine (core/grading.py, core/quiz.py, core/paper.py)
    "quiz.kind.term-def": "术语→定义",
    "quiz.kind.def-term": "定义→术语",
    "quiz.kind.en-term": "英文→术语",
    "quiz.kind.pinyin": "写拼音",
    "quiz.kind.cloze": "填空",
    "quiz.kind.truefalse": "判断",
    "quiz.kind.match": "连线",
    "quiz.instruction.term-def": "选出这个术语的正确定义。",
    "quiz.instruction.def-term": "这是哪个术语的定义？选出正确的术语。",
    "quiz.instruction.en-term": "选出与这个英文名称对应的术语。",
    "quiz.instruction.pinyin": "写出这个术语的拼音（声调用符号或数字标注）。",
    "quiz.instruction.cloze": "在空白处填入正确的术语（也可以从选项中选）。",
    "quiz.instruction.truefalse": "判断这个定义是否属于这个术语。",
    "quiz.instruction.match": "把每个术语与它的定义配对。",
    "quiz.skip.no_definition": "“{term}”没有定义，不能出{kind}题。",
    "quiz.skip.no_english": "“{term}”没有英文名称，不能出{kind}题。",
    "quiz.skip.no_reading": "“{term}”没有汉字读音，不能出{kind}题。",
    "quiz.skip.no_sentence": "没有含“{term}”的例句或定义，不能出{kind}题。",
    "quiz.skip.too_few_terms": "术语表里可作干扰项的其他术语太少，不能为“{term}”出{kind}题。",
    "quiz.skip.unknown_kind": "没有“{kind}”这种题型。",
    "quiz.tone.1": "第一声",
    "quiz.tone.2": "第二声",
    "quiz.tone.3": "第三声",
    "quiz.tone.4": "第四声",
    "quiz.tone.5": "轻声",
    "quiz.tone.none": "未标声调",
    "quiz.pinyin.empty": "没有作答",
    "quiz.pinyin.invalid": "“{text}”不是有效的拼音",
    "quiz.pinyin.count": "音节数不对：应为{expected}个音节，你写了{given}个",
    "quiz.pinyin.missing": "漏写了第{n}个音节：应为 {expected}",
    "quiz.pinyin.extra": "你写的第{n}个音节 {given} 是多余的",
    "quiz.pinyin.sound": "第{n}个音节读音不对：应为 {expected}，你写的是 {given}",
    "quiz.pinyin.tone": (
        "第{n}个音节声调不对：应为 {expected}（{expected_tone}），你写的是 {given}（{given_tone}）"
    ),
    "quiz.pinyin.no_tone": "第{n}个音节没有标声调：应为 {expected}（{expected_tone}）",
    "quiz.verdict.correct": "回答正确。",
    "quiz.verdict.wrong": "回答错误。",
    "quiz.verdict.unanswered": "未作答。",
    "quiz.verdict.match_score": "配对正确 {right}/{total}。",
    "quiz.verdict.pair": "“{term}”的定义是：{definition}",
    "quiz.verdict.belongs_to": "这是“{term}”的定义。",
    "quiz.verdict.answer": "正确答案：{answer}",
    "quiz.verdict.term": "{term}（{pinyin}）",
    "quiz.verdict.definition": "定义：{definition}",
    "quiz.verdict.source": "出处：{source}",
    "quiz.paper.syntax": "试卷文件不是有效的 TOML：{detail}",
    "quiz.paper.missing_file": "找不到试卷文件",
    "quiz.paper.unreadable": "无法读取试卷文件：{reason}",
    "quiz.paper.missing_table": "缺少 [paper] 部分（试卷标题、种子等）",
    "quiz.paper.missing_key": "缺少必填项 {key}",
    "quiz.paper.unknown_key": "不认识的设置项 {key}；这里可用的有：{allowed}",
    "quiz.paper.wrong_type": "{key} 应为{expected}",
    "quiz.paper.empty": "{key} 不能为空",
    "quiz.paper.type.text": "文字（加引号）",
    "quiz.paper.type.integer": "整数",
    "quiz.paper.type.number": "数字",
    "quiz.paper.type.seed": "整数或文字",
    "quiz.paper.type.table": "一个表（[paper]）",
    "quiz.paper.type.sections": "若干 [[section]] 题目段",
    "quiz.paper.time_limit": "time_limit_minutes（考试时长，分钟）至少为 1",
    "quiz.paper.pass_mark": "pass_mark_percent（及格线，百分比）应在 0 到 100 之间",
    "quiz.paper.tones": 'tones 应为 "strict"（要求声调）或 "lenient"（不计声调），不是 "{value}"',
    "quiz.paper.no_sections": "试卷没有题目：请至少写一个 [[section]]",
    "quiz.paper.unknown_category": "术语表中没有类别“{category}”；现有类别：{categories}",
    "quiz.paper.unknown_kind": "不认识的题型 {kind}；可用题型：{kinds}",
    "quiz.paper.count_positive": "count（题数）至少为 1",
    "quiz.paper.count_too_large": (
        "要出 {count} 道“{category}”的{kind}题，但术语表只能出 {available} 道"
    ),
    "quiz.paper.duplicate_section": "与第 {line} 行的题目段类别和题型相同；请合并为一段",
    "quiz.paper.all_categories": "全部类别",
    "quiz.paper.print.time": "考试时间：{minutes} 分钟",
    "quiz.paper.print.summary": "共 {count} 题，及格线 {pass_mark}%（试卷种子：{seed}）",
    "quiz.paper.print.glossary": "术语表：{title}（版本 {version}）",
    "quiz.paper.print.section": "第{number}部分　{kind}（{category}，{count} 题）",
    "quiz.paper.print.answer_key": "参考答案",
    "store.corrupt_moved": "进度文件 {path} 已损坏，已原样移到 {moved}，并新建了空白进度文件。",
    "store.too_new": (
        "进度文件 {path} 由较新版本的程序写入（格式版本 {found}，本程序最高支持 {supported}）。"
        "请升级 carbon-glossary，或用 --db 指定另一个文件。"
    ),
    "store.is_directory": "进度文件路径 {path} 是一个文件夹；请用 --db 指定一个文件。",
    "store.cannot_open": "无法打开进度文件 {path}：{reason}",
    "store.cannot_move": (
        "进度文件 {path} 已损坏，且无法移开（{reason}）。文件未改动；请手动移走后重试。"
    ),
    "store.read_failed": "无法读取进度文件 {path}：{reason}",
    "store.write_failed": "无法把答题记录写入进度文件 {path}：{reason}",
    "stats.uncategorised": "未分类",
    "stats.removed_term": "（已从术语表删除）",
}
