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
    "check.expect.string": "文字（用英文双引号括起来）",
    "check.expect.strings": '文字列表，例如 ["第一项", "第二项"]',
    "check.type.string": "文字",
    "check.type.boolean": "true/false",
    "check.type.integer": "整数",
    "check.type.float": "小数",
    "check.type.array": "列表",
    "check.type.table": "表",
    "check.type.datetime": "日期时间",
    "check.type.other": "其他类型",
    "check.unknown_table": (
        "术语表中没有 [{name}] 这种表；"
        "只能有 [glossary]、[phrase_pinyin]、[phrase_traditional] 和 [[term]]"
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
    "ui.app.title": "碳达峰术语",
    "ui.search.placeholder": "输入汉字、拼音（如 tdf、tandafeng）或英文搜索；按 ? 查看按键说明",
    "ui.list.no_category": "未分类",
    "ui.list.empty_query": "没有与“{query}”匹配的术语。",
    "ui.list.empty_hint": "试试首字母 tdf、拼音 tandafeng 或英文；按 Esc 清除。",
    "ui.list.empty_filter": "这个类别里没有术语。按 c 选择其他类别。",
    "ui.card.empty": "没有选中的术语。",
    "ui.card.traditional": "繁体",
    "ui.card.simplified": "简体",
    "ui.card.english": "英文",
    "ui.card.definition": "定义",
    "ui.card.definition_en": "英文释义",
    "ui.card.category": "类别",
    "ui.card.tags": "标签",
    "ui.card.aliases": "又称",
    "ui.card.source": "出处",
    "ui.card.examples": "例句",
    "ui.card.related": "相关术语（↑↓ 选择，Enter 前往）",
    "ui.status.loading": "正在载入术语表…",
    "ui.status.total": "共 {count} 个术语",
    "ui.status.matches": "“{query}”：{count} 个匹配",
    "ui.status.matches_first": "“{query}”：前 {count} 个匹配",
    "ui.status.category": "类别：{category}",
    "ui.status.separator": " · ",
    "ui.sort.pinyin": "按拼音排序",
    "ui.sort.category": "按类别排序",
    "ui.sort.document": "按原文顺序",
    "ui.script.simplified": "简体",
    "ui.script.traditional": "繁体",
    "ui.pick.heading": "跳到",
    "ui.pick.heading_hint": "按字母键直接跳转，Esc 取消",
    "ui.pick.category": "按类别筛选",
    "ui.pick.all_categories": "全部类别",
    "ui.palette.placeholder": "搜索命令…",
    "ui.palette.theme": "搜索主题…",
    "ui.help.title": "按键说明",
    "ui.help.intro": (
        "启动后直接输入即可搜索；字母键（j、k、g、c、s、t、y、q）在列表或详情卡片里使用。"
        "Ctrl+P 打开命令面板。"
    ),
    "ui.help.close": "按 Esc 或 q 关闭帮助",
    "ui.help.palette_only": "（命令面板）",
    "ui.help.general": "通用",
    "ui.help.browse": "浏览",
    "ui.help.list": "术语列表",
    "ui.help.card": "详情卡片",
    "ui.help.dialogs": "对话框",
    "ui.cmd.help": "帮助",
    "ui.cmd.help.help": "显示所有按键及其作用",
    "ui.cmd.quit": "退出",
    "ui.cmd.quit.help": "退出程序（在搜索框里 q 是搜索词，请按 Ctrl+Q）",
    "ui.cmd.language": "English",
    "ui.cmd.language.help": "切换界面语言（中文/英文）",
    "ui.cmd.palette": "命令",
    "ui.cmd.palette.help": "打开命令面板，按名称查找命令",
    "ui.cmd.theme": "配色主题",
    "ui.cmd.theme.help": "更换界面配色",
    "ui.cmd.search": "搜索",
    "ui.cmd.search.help": "回到搜索框（也可按 Ctrl+F）",
    "ui.cmd.clear": "清除",
    "ui.cmd.clear.help": "清除搜索词；再按一次清除类别筛选",
    "ui.cmd.letter": "跳转",
    "ui.cmd.letter.help": "跳到某个字母（或类别）标题，如按 g 再按 T",
    "ui.cmd.category": "类别",
    "ui.cmd.category.help": "只看某一类别的术语",
    "ui.cmd.sort": "排序",
    "ui.cmd.sort.help": "切换排序：拼音、类别、原文顺序",
    "ui.cmd.script": "繁简",
    "ui.cmd.script.help": "切换简体/繁体显示",
    "ui.cmd.copy": "复制",
    "ui.cmd.copy.help": "把当前术语发往剪贴板（OSC 52）；粘贴不出说明终端不支持",
    "ui.cmd.back": "后退",
    "ui.cmd.back.help": "回到跳转前的术语",
    "ui.cmd.forward": "前进",
    "ui.cmd.forward.help": "重新前往后退前的术语",
    "ui.cmd.cursor_up": "上移",
    "ui.cmd.cursor_up.help": "上一个术语",
    "ui.cmd.cursor_down": "下移",
    "ui.cmd.cursor_down.help": "下一个术语",
    "ui.cmd.page_up": "上一页",
    "ui.cmd.page_up.help": "向上翻一页",
    "ui.cmd.page_down": "下一页",
    "ui.cmd.page_down.help": "向下翻一页",
    "ui.cmd.first": "第一个",
    "ui.cmd.first.help": "跳到第一个术语",
    "ui.cmd.last": "最后一个",
    "ui.cmd.last.help": "跳到最后一个术语",
    "ui.cmd.open": "详情",
    "ui.cmd.open.help": "进入当前术语的详情卡片（Enter 或 Tab；在搜索框里按 Enter 也可）",
    "ui.cmd.related_previous": "上一个相关术语",
    "ui.cmd.related_previous.help": "选择上一个相关术语",
    "ui.cmd.related_next": "下一个相关术语",
    "ui.cmd.related_next.help": "选择下一个相关术语",
    "ui.cmd.follow": "前往",
    "ui.cmd.follow.help": "前往选中的相关术语（Backspace 返回）",
    "ui.cmd.close": "返回",
    "ui.cmd.close.help": "离开详情卡片，回到列表",
    "ui.cmd.cancel": "取消",
    "ui.cmd.cancel.help": "关闭对话框，不做更改",
    "ui.cmd.close_help": "关闭",
    "ui.cmd.close_help.help": "关闭帮助",
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
    "quiz.verdict.definition_en": "英文释义：{definition}",
    "quiz.verdict.source": "出处：{source}",
    "quiz.paper.missing_file": "找不到试卷文件",
    "quiz.paper.is_directory": "这是一个文件夹，不是试卷文件",
    "quiz.paper.unreadable": "无法读取试卷文件：{reason}",
    "quiz.paper.missing_table": "缺少 [paper] 部分（试卷标题、种子等）",
    "quiz.paper.missing_key": "缺少必填项 {key}",
    "quiz.paper.unknown_key": "不认识的设置项 {key}；这里可用的有：{allowed}",
    "quiz.paper.unknown_key_suggest": "不认识的设置项 {key}；是不是想写 {suggestion}？",
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
        "要出 {count} 道“{category}”的{kind}题，但术语表只能出 {available} 道{why}"
    ),
    "quiz.paper.count_too_large_rest": (
        "要从全部类别出 {count} 道{kind}题，但除去其他题目段已用的术语，"
        "只能再出 {available} 道{why}"
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
    # quiz screens and commands (ui/screens/quiz.py, exam.py, stats.py; subcommands/quiz.py)
    "quizui.cmd.digit_1": "选第1项",
    "quizui.cmd.digit_1.help": "选择第 1 个选项；连线题中选第 1 个术语",
    "quizui.cmd.digit_2": "选第2项",
    "quizui.cmd.digit_2.help": "选择第 2 个选项（判断题：错）；连线题中选第 2 个术语",
    "quizui.cmd.digit_3": "选第3项",
    "quizui.cmd.digit_3.help": "选择第 3 个选项；连线题中选第 3 个术语",
    "quizui.cmd.digit_4": "选第4项",
    "quizui.cmd.digit_4.help": "选择第 4 个选项；连线题中选第 4 个术语",
    "quizui.cmd.digit_5": "选第5项",
    "quizui.cmd.digit_5.help": "连线题中选第 5 个术语",
    "quizui.cmd.letter_a": "选A",
    "quizui.cmd.letter_a.help": "选择选项 A；连线题中把定义 A 配给当前术语",
    "quizui.cmd.letter_b": "选B",
    "quizui.cmd.letter_b.help": "选择选项 B；连线题中把定义 B 配给当前术语",
    "quizui.cmd.letter_c": "选C",
    "quizui.cmd.letter_c.help": "选择选项 C；连线题中把定义 C 配给当前术语",
    "quizui.cmd.letter_d": "选D",
    "quizui.cmd.letter_d.help": "选择选项 D；连线题中把定义 D 配给当前术语",
    "quizui.cmd.letter_e": "选E",
    "quizui.cmd.letter_e.help": "连线题中把定义 E 配给当前术语",
    "quizui.cmd.true": "对",
    "quizui.cmd.true.help": "判断题：选“对”（也可按 1）",
    "quizui.cmd.false": "错",
    "quizui.cmd.false.help": "判断题：选“错”（也可按 2）",
    "quizui.cmd.choice_up": "上一项",
    "quizui.cmd.choice_up.help": "选上一个选项；连线题中换到上一个术语",
    "quizui.cmd.choice_down": "下一项",
    "quizui.cmd.choice_down.help": "选下一个选项；连线题中换到下一个术语",
    "quizui.cmd.scroll_up": "上翻",
    "quizui.cmd.scroll_up.help": "学习和练习：题目或讲解超出屏幕时向上翻一页",
    "quizui.cmd.scroll_down": "下翻",
    "quizui.cmd.scroll_down.help": "学习和练习：题目或讲解超出屏幕时向下翻一页",
    "quizui.cmd.submit": "确定",
    "quizui.cmd.submit.help": "提交答案并查看讲解；看过讲解后进入下一题；一轮结束后再来一轮",
    "quizui.cmd.leave": "离开",
    "quizui.cmd.leave.help": "结束这一轮（先确认；已答的题都已保存）",
    "quizui.cmd.answer_next": "确定",
    "quizui.cmd.answer_next.help": "保存这道题的答案，到下一题；最后一题之后转到交卷",
    "quizui.cmd.previous": "上一题",
    "quizui.cmd.previous.help": "回到上一题（PgUp，选择题中也可按 ←）",
    "quizui.cmd.next": "下一题",
    "quizui.cmd.next.help": "到下一题，不必先作答（PgDn，选择题中也可按 →）",
    "quizui.cmd.questions": "题目",
    "quizui.cmd.questions.help": "查看每道题是否已答，并跳到某一题",
    "quizui.cmd.hand_in": "交卷",
    "quizui.cmd.hand_in.help": "交卷并查看成绩（先确认；有未答的题会提示）",
    "quizui.cmd.leave_exam": "离开",
    "quizui.cmd.leave_exam.help": "离开考试（先确认；已答的题都已保存，之后可以接着考）",
    "quizui.cmd.close_result": "完成",
    "quizui.cmd.close_result.help": "离开成绩页",
    "quizui.cmd.stats": "学习统计",
    "quizui.cmd.stats.help": "查看答题统计、薄弱术语、今天到期的卡片和考试成绩",
    "quizui.cmd.study": "开始学习",
    "quizui.cmd.study.help": "间隔重复学习：先复习到期的卡片，再学新术语",
    "quizui.cmd.practice": "练习",
    "quizui.cmd.practice.help": "随机出 10 道题练习，答完即讲解（不影响复习计划）",
    "quizui.cmd.refresh": "刷新",
    "quizui.cmd.refresh.help": "重新读取统计数据",
    "quizui.cmd.close_stats": "返回",
    "quizui.cmd.close_stats.help": "离开统计页",
    "quizui.cmd.yes": "是",
    "quizui.cmd.yes.help": "确认对话框中的问题",
    "quizui.cmd.no": "否",
    "quizui.cmd.no.help": "取消，回到原处",
    "quizui.help.quiz": "答题（学习、练习和考试）",
    "quizui.help.exam": "考试",
    "quizui.help.progress": "统计、成绩和确认对话框",
    "quizui.separator": " · ",
    "quizui.loading": "正在载入…",
    "quizui.glossary_loading": "术语表还在载入，请稍候再试。",
    "quizui.title.study": "学习",
    "quizui.title.practice": "练习",
    "quizui.number": "第 {number}/{total} 题",
    "quizui.hint.term-def": "按 1–4 或 A–D 选择（也可用 ↑↓）",
    "quizui.hint.def-term": "按 1–4 或 A–D 选择（也可用 ↑↓）",
    "quizui.hint.en-term": "按 1–4 或 A–D 选择（也可用 ↑↓）",
    "quizui.hint.cloze": "输入术语，或输入选项字母 A–D（或数字 1–4），按 Enter 提交",
    "quizui.hint.truefalse": "按 1 或 Y 表示“对”，按 2 或 N 表示“错”",
    "quizui.hint.match": "正在为第 {item} 个术语选定义：按 A–E 选定义，按 1–5 或 ↑↓ 换术语",
    "quizui.placeholder.cloze": "在这里输入术语或选项字母",
    "quizui.match.terms": "术语",
    "quizui.match.definitions": "定义",
    "quizui.your_answer": "（你的答案：{answer}）",
    "quizui.no_answer": "请先作答：选一个选项或输入答案。",
    "quizui.unpaired": "还有术语没有配对：每个术语都要选一个定义。",
    "quizui.status.answered": "已答 {answered}/{total}",
    "quizui.status.right": "答对 {right}",
    "quizui.status.deck": "复习 {due} · 新学 {new}",
    "quizui.status.saved": "已保存 {count}",
    "quizui.status.next_review": "下次复习：{when}",
    "quizui.done.score": "这一轮结束：答对 {right}/{total}。",
    "quizui.done.wrong": (
        "答错的术语：{terms}。它们已记入错题本，可用 carbon-glossary practice --mistakes 再练。"
    ),
    "quizui.done.next.study": "按 Enter 看看还有没有到期的卡片，按 Esc 离开。",
    "quizui.done.next.practice": "按 Enter 再练一轮，按 Esc 离开。",
    "quizui.leave.question": "结束这一轮吗？已答的 {answered} 题都已保存。",
    "quizui.leave.yes": "结束",
    "quizui.leave.no": "继续答题",
    "quizui.confirm.keys": "Y 或 Enter：{yes}　　N 或 Esc：{no}",
    "quizui.due.at": "{when}（{relative}）",
    "quizui.due.now": "现在",
    "quizui.due.minutes": "约 {n} 分钟后",
    "quizui.due.hours": "约 {n} 小时后",
    "quizui.due.days": "约 {n} 天后",
    "quizui.study.nothing_due": "现在没有到期要复习的卡片。",
    "quizui.study.next_due": "下一张卡片 {when} 到期。",
    "quizui.study.all_seen": "术语表的全部 {count} 个术语都已学过。",
    "quizui.study.no_new": "今天不学新术语（--new 0）。",
    "quizui.study.new_done": "今天的新术语（每天 {count} 个）已经学完；可用 --new 调整。",
    "quizui.practice.no_questions": "按这些条件出不了题：这个类别或题型里没有能出题的术语。",
    "quizui.practice.no_mistakes": "错题本是空的：答错过的术语后来都答对了。",
    "quizui.practice.no_mistakes_category": "错题本里没有“{category}”类别的术语。",
    "quizui.exam.remaining": "剩余时间 {time}",
    "quizui.exam.elapsed": "用时 {time}",
    "quizui.exam.answered": "已答 {answered}/{total}",
    "quizui.exam.pass_mark": "及格线 {mark}%",
    "quizui.exam.time_up": "时间到，已自动交卷。",
    "quizui.exam.hand_in": "全部题目都已作答。交卷后不能再修改答案。现在交卷吗？",
    "quizui.exam.hand_in_unanswered": (
        "还有 {count} 题没有作答（第 {numbers} 题）。交卷后不能再修改答案。仍然交卷吗？"
    ),
    "quizui.exam.hand_in_yes": "交卷",
    "quizui.exam.hand_in_no": "继续作答",
    "quizui.exam.leave_no": "继续作答",
    "quizui.exam.list_heading": "题目",
    "quizui.exam.list_title": "题目列表（● 已答　○ 未答）",
    "quizui.exam.list_hint": "↑↓ 选择，Enter 前往，Esc 关闭",
    "quizui.result.title": "考试成绩",
    "quizui.result.score": "得分 {points} / {total}（{percent}%）",
    "quizui.result.passed": "✓ 及格（及格线 {mark}%）",
    "quizui.result.failed": "✗ 不及格（及格线 {mark}%）",
    "quizui.result.time": "用时 {time} · 作答 {answered}/{total} 题",
    "quizui.result.categories": "各类别得分",
    "quizui.result.wrong": "答错或未答的题（{count}）",
    "quizui.result.all_right": "全部答对！",
    "quizui.result.question": "第 {number} 题 · {kind} · {category}",
    "quizui.result.your_answer": "你的答案：{answer}",
    "quizui.result.pair_source": "“{term}”出处：{source}",
    "quizui.result.unanswered": "（未作答）",
    "quizui.result.saving": "正在保存成绩…",
    "quizui.result.saved": "成绩已保存到“{profile}”的学习记录；按 p 查看学习统计",
    "quizui.result.not_saved": "成绩没能保存（见提示）",
    "quizui.stats.title": "学习统计：{profile}",
    "quizui.stats.summary": (
        "作答 {answers} 次，答对 {correct} 次（正确率 {accuracy}；连线题每个术语算一次）。"
    ),
    "quizui.stats.nothing_yet": "还没有答题记录。可以先试试 carbon-glossary practice。",
    "quizui.stats.cards": (
        "学习卡片 {cards} 张，今天到期 {due} 张，今天新学 {new} 个；错题本 {mistakes} 个术语。"
    ),
    "quizui.stats.categories": "各类别的正确率",
    "quizui.stats.category_figures": "{answers} 次 · 对 {correct} · {accuracy}",
    "quizui.stats.activity": "近 {days} 天每天的作答次数",
    "quizui.stats.activity_caption": "{first} 至 {last} · 最多一天 {most} 次 · 今天 {today} 次",
    "quizui.stats.weakest": "最薄弱的术语",
    "quizui.stats.no_weak": "还没有答错过的术语。",
    "quizui.stats.right_of": "对 {right}/{answers}",
    "quizui.stats.exams": "考试成绩",
    "quizui.stats.no_exams": "还没有考试记录。",
    "quizui.stats.passed": "及格",
    "quizui.stats.failed": "不及格",
    "quizui.cli.progress_options": "学习记录选项",
    "quizui.cli.name_metavar": "名字",
    "quizui.cli.profile": "记在谁的名下（默认：登录用户名）；每个名字的进度各自独立",
    "quizui.cli.study": "间隔重复学习（FSRS）：先复习到期的卡片，再学新术语",
    "quizui.cli.new": "每天最多学几个新术语（默认 {default}）",
    "quizui.cli.kinds_metavar": "题型,…",
    "quizui.cli.kinds": "只出这些题型，用逗号分隔。可用：{kinds}",
    "quizui.cli.seed": "随机种子：同一种子出同样的题",
    "quizui.cli.practice": "练习：随机出题，答完即讲解；不影响复习计划",
    "quizui.cli.category": "只练这个类别的术语",
    "quizui.cli.count": "题数（默认 {default}；加 --mistakes 时默认为错题本中的全部术语）",
    "quizui.cli.mistakes": "练错题本：最近一次答错的术语，按答错时的题型再问",
    "quizui.cli.exam": "参加考试：按试卷文件出题，计时，交卷后显示成绩",
    "quizui.cli.paper_metavar": "试卷.toml",
    "quizui.cli.paper": "试卷文件（TOML），如 papers/example.toml",
    "quizui.cli.print": "不开始考试，只打印试卷和参考答案（给培训老师）",
    "quizui.cli.print_json": "不开始考试，以 JSON 格式输出试卷和答案",
    "quizui.cli.stats": "显示学习统计：各类别正确率、近期答题、薄弱术语、到期卡片和考试成绩",
    "quizui.cli.not_count": "应当是 0 或正整数，而不是“{value}”",
    "quizui.cli.unknown_kinds": "不认识的题型：{kinds}。可用题型：{valid}",
    "quizui.cli.no_match_in_study": (
        "学习模式不出连线题（一道连线题同时涉及 5 个术语，会打乱复习计划）；"
        "连线题请在 practice 或 exam 中使用。"
    ),
    "quizui.cli.paper_refused": "试卷 {path} 有错误，无法使用；改正后再试。",
    # --- fairness and search (issue 7 items 1-4, 15; issue 12 items 9, 12) ---
    #
    "quiz.paper.max_syllables": "pinyin_max_syllables（写拼音题的术语最多几个音节）至少为 1",
    "quiz.skip.too_long": "“{term}”的读音太长，写拼音考的是打字而不是术语，不出{kind}题。",
    "quiz.skip.giveaway": "“{term}”的题面会露出只有答案才有的字，不出{kind}题。",
    "check.term.broader_unknown": (
        "第{n}个术语“{term}”的 broader 中，“{name}”不是本术语表里的术语或 id"
    ),
    #
    # --- glossary content and script conversion (issue 7 items 11-14) ---
    "check.trad.not_table": (
        "phrase_traditional 应当写成一个表 [phrase_traditional]，现在是{actual}"
    ),
    "check.trad.not_hanzi": "[phrase_traditional] 中的“{phrase}”不含汉字，不需要繁体写法",
    "check.trad.wrong_type": (
        '[phrase_traditional] 中“{phrase}”的繁体写法应当是文字，例如 "對標對表"，现在是{actual}'
    ),
    "check.trad.length": (
        "[phrase_traditional] 中“{phrase}”有{n}个字，繁体写法“{form}”的字数与它不同；"
        "简体和繁体应当逐字对应"
    ),
    "check.trad.mismatch": (
        "[phrase_traditional] 中“{phrase}”的繁体写法“{form}”转回简体是“{back}”，请核对是否写错了字"
    ),
    #
    #
    # --- browse screen and command-line rough edges (issue 7 items 7-10) ---
    "ui.quit.hint_elsewhere": "按 Esc 离开这一页；要退出程序，请按 Ctrl+Q",
    "ui.palette.no_matches": "没有匹配项",
    "ui.palette.open": "打开命令面板",
    "settings.unreadable": "设置文件 {path} 无法读取或内容有误，本次按默认设置运行，不会改写它",
    "settings.unwritable": "无法写入设置文件 {path}，这次的语言和繁简选择下次启动时不会保留",
    "cli.search.more_at_least": "还有至少 {more} 个匹配没有列出；加 --limit {total} 列出更多",
    "cli.search.more": "还有 {more} 个匹配没有列出（共 {total} 个）；加 --limit {total} 全部列出",
    "check.summary_terms": "{errors}个错误，{warnings}个警告，{terms}条术语",
    "ui.quit.hint": "要退出，请按 Ctrl+Q（在列表或卡片里也可按 q）",
    "ui.copy.sent": "已把“{term}”发往剪贴板；若粘贴不出，是终端不支持 OSC 52，可用鼠标选中后复制",
    #
    #
    # --- hardening: paths, injection, limits, hangs (issue 12) ---
    "cli.needs_terminal": (
        "{command} 是全屏界面，需要在终端中运行（标准输入和输出都须是终"
        "端），不能用于脚本、管道或定时任务"
    ),
    "ui.terminal_not_utf8": (
        "终端发来的字符不是 UTF-8 编码（可能设置成了 GBK）。请把终端的"
        "字符编码设为 UTF-8（PuTTY：窗口→转换→远程字符集；Xshel"
        "l：文件→属性→终端→编码），再重新运行"
    ),
    "check.more_problems": (
        "另有 {errors} 个错误和 {warnings} 个警告未列出；请先改正上面的问题再检查"
    ),
    "check.syntax.cr_line_ends": (
        "这个文件的行尾只有回车符 CR（旧版 Mac 的格式），TOML 要求换"
        "行符 LF 或 CRLF；请在编辑器中把行尾格式改为 LF 或 CRLF"
        " 后保存"
    ),
    "check.syntax.surrogate_escape": (
        "转义 {escape} 是 UTF-16 代理码位，不是一个字符；请直接"
        "写出字符，或用 \\U 加 8 位十六进制写出它的码位"
    ),
    "check.unsafe_characters": (
        "{key} 中有控制字符或不可见字符 {chars}：终端上显示为符号，复制时会去掉；如非有意，请删除"
    ),
    "check.term.id_shared": (
        "第 {n} 个术语“{term}”与“{others}”会得到同一个 i"
        "d {id}；为免学习记录记到别的术语上，暂用 {given}。请为它们"
        "各写一个 id"
    ),
    "check.term.invisible": "第 {n} 个术语看不见：只有零宽或组合字符（{chars}）；请写出术语文字",
    "check.term.same_after_nfc": (
        "第 {n} 个术语“{term}”与第 {first} 个术语在 Uni"
        "code 规范化（NFC）后相同，只是字符编码方式不同；请删去一个或统一"
        "写法"
    ),
    "check.term.id_folded": (
        "第 {n} 个术语的 id {id} 与第 {first} 个术语的 i"
        "d {other} 只差大小写或全角半角，容易混淆；请改用明显不同的 i"
        "d"
    ),
    "check.term.related_self": "第 {n} 个术语“{term}”的 {key} 指向了自己；已忽略，请删去",
    "check.term.related_ambiguous": (
        "第 {n} 个术语的 {key} 中“{name}”既是术语“{by"
        "_id}”的 id，又是另一个术语的文字；已按 id 连到“{by_id"
        "}”。如要指术语“{other}”，请写它的 id {other_id}"
    ),
    "quiz.paper.time_limit_max": "time_limit_minutes（考试时长，分钟）最多为 {max}（一天）",
    "quiz.paper.seed_range": "seed（试卷种子）太长：最多 {digits} 位数字或 {digits} 个字",
    "check.file_empty_name": "文件名是空的；请写出要读取的文件",
    "check.file_not_regular": "这不是普通文件（而是管道、设备或套接字），无法读取；请给出一个文件",
    "check.file_too_large": "文件太大（超过 {limit} MB），不像是术语表或试卷；请检查文件名",
    "check.too_deep": ("方括号或花括号嵌套太深；术语表和试卷不需要这么多层，请检查括号是否配对"),
    "check.number_too_long": "数字太长（几千位），无法读取；这里应写一个普通的数，或加引号写成文字",
    "cli.stdout_closed": "标准输出已关闭，无法输出结果；请不要关闭输出（例如 >&-）",
    "cli.output_failed": "无法写出结果：{reason}",
    "cli.empty_path": "{option} 后的文件名是空的；请写出文件名，或去掉 {option} 使用默认文件",
    #
    #
    # --- session layer (issue 8) ---
    #
    "session.exam.resuming": (
        "接着考你 {started} 开始、尚未交卷的这份试卷（已答 {answered} 题）；计时从开始时算起。"
    ),
    "session.browse.failed": "出错了，列表没有更新：{reason}",
    "session.exam.time_warning": "还剩 {minutes} 分钟，请抓紧时间；时间到会自动交卷。",
    "session.study.new_term": "新术语（第 {number}/{total} 题）：先认识它，按 Enter 开始答题。",
    "session.mistakes.nothing_answered": "错题本是空的：还没有答过题。答错的术语会记在这里。",
    "session.mistakes.never_wrong": "错题本是空的：到目前为止一道题也没有答错。",
    #
    # --- progress stores: SQLite and PostgreSQL (issue 8) ---
    "store.not_ours": (
        "{path} 不是本程序的进度文件（或已损坏到无法辨认），未作任何改动。"
        "请用 --db 指定进度文件，或一个尚不存在的新文件名。"
    ),
    "store.not_a_file": (
        "进度文件路径 {path} 不是普通文件（可能是管道或设备）；请用 --db 指定一个文件。"
    ),
    "store.read_only": (
        "进度文件 {path} 或其所在文件夹不可写，答题记录无法保存；"
        "请检查权限，或用 --db 指定另一个文件。"
    ),
    "store.damaged_read_only": (
        "进度文件 {path} 已损坏（{reason}）。此命令只读，文件未改动；"
        "运行一次练习或学习命令会把它移到一旁并新建进度文件。"
    ),
    "store.network_drive": (
        "注意：进度文件 {path} 位于网络驱动器（{filesystem}）上。"
        "SQLite 的文件锁在网络共享上不可靠，多台电脑同时写入可能损坏记录。"
        "多台电脑共用进度请改用数据库服务器：--db postgresql://…（见 README）。"
    ),
    "store.unknown_scheme": (
        "不支持的进度库地址类型“{scheme}://”。请用文件路径、sqlite:///路径 或 postgresql://用户@主机/数据库。"
    ),
    "store.pg.too_new": (
        "进度库服务器 {path} 上的数据由较新版本的程序写入（格式版本 {found}，"
        "本程序最高支持 {supported}），未作任何改动。"
        "请把这台电脑上的 carbon-glossary 升级到同一版本。"
    ),
    "store.pg.bad_url": "进度库地址 {location} 无法解析：{reason}",
    "store.pg.no_driver": "要使用 PostgreSQL 进度库需要安装 psycopg：pip install 'psycopg[binary]'",
    "store.pg.cannot_connect": "无法连接进度库服务器 {location}：{reason}",
    "store.pg.auth_failed": (
        "进度库服务器 {location} 拒绝登录：用户名或密码不对，或该用户无权连接此数据库。"
    ),
    "store.pg.no_privilege": (
        "进度库服务器 {location} 上的用户权限不足（{reason}）。该用户需能在数据库中建表，"
        "或表已由管理员建好并授予读写权限（见 README）。"
    ),
    "store.pg.unavailable": "与进度库服务器 {location} 的连接中断：{reason}",
    "store.pg.read_failed": "无法从进度库服务器 {location} 读取：{reason}",
    "store.pg.write_failed": "无法把答题记录写入进度库服务器 {location}：{reason}",
    #
    #
    # --- training sessions and room report (issue 9) ---
    #
    # --- who is sitting (issue 9 items 1-2) ---
    #
    "sitting.label": "{name}（{department}）",
    "sitting.refused.name_missing": "请填写姓名。",
    "sitting.refused.name_invalid": "姓名不能含控制字符，且不超过 {limit} 个字。",
    "sitting.refused.department_missing": "请填写部门。",
    "sitting.refused.department_invalid": "部门不能含控制字符，且不超过 {limit} 个字。",
    "sitting.refused.not_on_roster": "名单上没有这个姓名，请从名单中选择，或请培训老师核对名单。",
    "sitting.over_limit": (
        "{name} 已参加这份试卷 {used} 次，每人最多 {limit} 次，不能再参加。如有疑问请找培训老师。"
    ),
    "sitting.cli.name_metavar": "姓名",
    "sitting.cli.name": "参加考试的人的姓名（不给就在考试开始前询问）",
    "sitting.cli.department_metavar": "部门",
    "sitting.cli.department": "参加考试的人所在的部门（不给就在考试开始前询问）",
    "quizui.signin.title": "考生登记",
    "quizui.signin.heading": "请填写姓名和部门（Tab 切换，Enter 提交）",
    "quizui.signin.name": "姓名",
    "quizui.signin.department": "部门",
    "quizui.signin.confirm": "将以 {who} 的身份参加考试。按 Enter 开始，按 Esc 修改。",
    "quizui.signin.cmd.leave": "离开",
    "quizui.signin.cmd.leave.help": "确认时返回修改；填写时不考试，离开",
    "sitting.paper.attempts": "attempts（每人可参加的次数）应为 1 到 {max} 之间的整数",
    "sitting.paper.shuffle": 'shuffle 只能是 "options"（每人的选项顺序不同），不是 "{value}"',
    "sitting.roster.no_column": (
        "名单缺少“{header}”列（第一行应当是列名：姓名、部门，工号可有可无）"
    ),
    "sitting.roster.bad": "{header}不能含控制字符，且不超过 {limit} 个字",
    "sitting.roster.empty": "{header}是空的",
    "sitting.roster.duplicate": "“{name}”在名单上出现了两次（第 {row} 行已有）",
    "sitting.roster.no_people": "名单上一个人也没有",
    "sitting.roster.refused": "名单 {path} 有错误，无法使用；改正后再试。",
    "sitting.cli.roster_metavar": "名单.csv|.xlsx",
    "sitting.cli.roster": "只允许名单上的人参加（列：姓名、部门，可选 工号）；姓名从名单中选",
    "quizui.signin.roster": "名单（↑↓ 选择，Enter 确定；在姓名框输入可筛选）",
    # --- end of who is sitting ---
    #
    "training.print.blanks": "姓名：______________　部门：______________　日期：______________",
    "training.key.heading": "参考答案（只给培训老师，不发给学员）",
    "training.sheet.title": "答题卡",
    "training.sheet.missing_file": "找不到这个答题卡文件",
    "training.sheet.is_directory": "这是一个文件夹，不是答题卡文件",
    "training.header.name": "第 1 列的表头应当是“{expected}”",
    "training.header.department": "第 2 列的表头应当是“{expected}”",
    "training.header.question": "表头“{cell}”不是本卷的题号；本卷题号为 1–{count}",
    "training.header.repeated": "第 {number} 题的列出现了两次",
    "training.header.missing": "缺少这些题的列：{numbers}",
    "training.cell.no_name": "这一行填了答案，但没有填姓名",
    "training.cell.repeated_person": "同一个人（姓名和部门都相同）已经在第 {row} 行出现过",
    "training.cell.no_column": "这一列没有题号表头，却填了内容",
    "training.cell.truefalse": (
        "第 {number} 题是判断题，“{cell}”不是有效的答案；请填 对/错（或 Y/N、T/F）"
    ),
    "training.cell.no_such_option": "第 {number} 题没有选项“{cell}”；选项只有 A–{last}",
    "training.cell.choice": "第 {number} 题是选择题，“{cell}”不是有效的答案；请填选项字母 A–{last}",
    "training.cell.match": (
        "第 {number} 题是连线题，看不懂“{cell}”；请写成 1E 2B 3A 4C 5D 这样"
        "（{items} 项，选项 A–{last}）"
    ),
    "training.cli.print": "不开始考试：打印发给学员的试卷（没有答案，留有姓名、部门、日期栏）",
    "training.cli.key": "不开始考试：只打印参考答案（给培训老师）",
    "training.cli.sheet_template": "写一张空白答题卡（.csv 或 .xlsx）：姓名、部门，每题一列",
    "training.cli.mark": "录入一个考场的纸质答题卡（.csv 或 .xlsx）：每行一人，算一次交卷",
    "training.cli.accept": (
        "第 N 题另外接受一个正确答案（例如 12=非化石能源），所有成绩按此重算；可写多次"
    ),
    "training.cli.file_metavar": "文件",
    "training.cli.accept_metavar": "题号=答案",
    "training.cli.file_exists": "{path} 已经存在；为了不覆盖已有的文件，请换一个文件名或先删除它",
    "training.cli.cannot_write": "无法写入 {path}：{reason}",
    "training.cli.template_written": "已写出答题卡模板 {path}（{count} 题）",
    "training.cli.sheet_refused": (
        "答题卡 {path} 有 {count} 处错误，一条成绩也没有录入；改正后再试。"
    ),
    "training.cli.marked": "已录入 {count} 人的答卷（{path}）。",
    "training.cli.marked_again": "其中 {count} 份此前已经录入过，没有重复计算。",
    "training.cli.marked_row": "第 {row} 行　{name}（{department}）　{score}%　{result}",
    "training.cli.passed": "及格",
    "training.cli.failed": "不及格",
    "training.cli.accept_format": (
        "--accept 应当写成 题号=答案，例如 12=非化石能源；“{value}”不是这种写法"
    ),
    "training.cli.accept_number": "本卷共 {count} 题，没有第 {number} 题",
    "training.cli.accept_invalid": "“{answer}”不可能是第 {number} 题（{kind}）的答案",
    "training.cli.accepted": "第 {number} 题另外接受答案“{answer}”；报告和成绩都会按此重新计算。",
    "training.cli.one_action": (
        "--print、--key、--json、--sheet-template、--mark 和 --accept 一次只能用一个"
    ),
    "training.cli.report": "培训报告：谁参加了考试、及格情况、各题和各术语的答对情况",
    "training.cli.report_paper": "试卷文件（.toml），与考试时用的相同",
    "training.cli.report_db": "进度数据库；可以写多次，合并各台电脑的数据（同一次作答只算一次）",
    "training.cli.report_json": "输出一个 JSON 对象",
    "training.cli.report_csv": (
        "写成 CSV（带 BOM，Excel 可直接打开）：概况、人员、各题、各术语各一个文件"
    ),
    "training.cli.report_xlsx": "写成一个 Excel 工作簿，每张表一个工作表",
    "training.cli.report_force": "输出文件已存在时覆盖它",
    "training.cli.report_written": "已写出 {paths}",
    "training.cli.no_sittings": "这份试卷（{title}）还没有人参加过。",
    "training.report.title": "培训报告：{title}",
    "training.report.summary": (
        "参加 {sittings} 人，及格 {passed} 人（及格率 {rate}），平均分 {mean}，中位数 {median}，"
        "Cronbach α = {alpha}"
    ),
    "training.report.not_handed_in": "另有 {count} 次作答没有交卷。",
    "training.report.noisy": (
        "参加人数少于 {count} 人：下面各题的难度和区分度数据波动很大，仅供参考。"
    ),
    "training.report.accepted": "第 {number} 题另外接受的答案：{answers}",
    "training.report.people": "人员",
    "training.report.questions": "各题（⚑ 表示这道题可能有问题：难度系数 < 0.2 或区分度 < 0.15）",
    "training.report.terms": "答错最多的术语",
    "training.report.sheet": "纸质",
    "training.report.table.room": "姓名|部门|得分%|及格|已答|用时（秒）|已交卷|作答次数",
    "training.report.table.questions": "题号|题型|术语|难度系数|区分度|各选项人数|未答|可能有问题",
    "training.report.table.terms": "术语|答错人数|出题人数",
    "training.report.sheet.room": "人员",
    "training.report.sheet.questions": "各题",
    "training.report.sheet.terms": "各术语",
    "training.report.time": "用时",
    "training.cli.regraded": "已按此重新计算本数据库中 {count} 次交卷的成绩（答案本身不变）。",
    "training.cli.report_screen": "在终端界面里查看报告（人员、各题、各术语三个标签页）",
    "training.print.paper_id": "试卷编号：{id}",
    "training.report.yes": "是",
    "training.report.no": "否",
    #
    # --- import, export, extract, handouts (issue 11) ---
    "check.spreadsheet": (
        "这是电子表格，不是术语表（术语表是 TOML 文件）；请先导入："
        "carbon-glossary import {path} -o 术语表.toml"
    ),
    "interop.csv_encoding": (
        "无法识别这个 CSV 文件的编码（既不是 UTF-8 也不是 GB18030，"
        "第一个无法识别的字节是 {byte}）；请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再导入"
    ),
    "interop.csv_syntax": "CSV 格式有误：{detail}",
    "interop.xlsx_unreadable": "无法作为 Excel 工作簿（.xlsx）打开：{detail}",
    "interop.save_as_xlsx": (
        "不能直接读取 {suffix} 文件；请在表格软件中“另存为” Excel 工作簿（.xlsx）或 CSV 后再导入"
    ),
    "interop.no_rows": "表格中除了列名没有别的行；请在列名下面每行填写一个术语",
    "interop.header_ignored": "“{name}”列不是术语表的字段，没有导入",
    "interop.sheet_empty": "表格是空的；第一行应当是列名（术语、拼音、释义……）",
    "interop.header_missing": (
        "这一列有内容，但第一行没有列名；请写上列名（如“释义”），否则这一列无法导入"
    ),
    "interop.header_unknown": "不认识的列名“{name}”；可以用的列名：{allowed}",
    "interop.header_unknown_suggest": "不认识的列名“{name}”；是不是想写“{suggestion}”？",
    "interop.header_duplicate": "列名“{name}”与第{first}列重复",
    "interop.header_no_term": "没有“术语”（term）列；第一行应当是列名，其中必须有“术语”",
    "interop.cell_outside": (
        "这个单元格在最后一个有列名的列之外，内容“{value}”无法导入；请给这一列加上列名"
    ),
    "interop.term_empty": "这一行有内容，但“术语”是空的",
    "interop.term_simplified": (
        "术语“{original}”不是简体，已按简体写作“{term}”（原写法作为繁体）；请核对"
    ),
    "interop.conflict": (
        "“{header}”与已有术语表中的“{term}”（{into}）不同：原有“{have}”，表中“{given}”；"
        "已有的词条没有改动"
    ),
    "interop.output_exists": "{path} 已经存在，没有覆盖；要覆盖请加 --force",
    "interop.output_exists_merge": (
        "{path} 已经存在，没有覆盖；要把新术语并入其中请用 --merge {path}，要覆盖请加 --force"
    ),
    "interop.import_refused": "{path} 有错误，没有写入任何文件；改正后再导入。",
    "interop.imported": (
        "已写入 {path}：{count} 个术语。请用 carbon-glossary check {path} 再看一遍。"
    ),
    "interop.merged": (
        "已并入 {path}：新增 {added} 个术语，{unchanged} 个已有且一致，{conflicts} 个有冲"
        "突（未改动）。"
    ),
    "interop.template_suffix": "模板只能写成 .xlsx 或 .csv 文件：{path}",
    "interop.template_written": (
        "已写入模板 {path}：第一行是列名，第二行是示例，可以删掉示例后填写。"
    ),
    "interop.exported": "已写入 {path}：{count} 个术语。",
    "interop.paper_exported": "已写入 {path}：{count} 道题。",
    "interop.pdf_handout_only": (
        "只有讲义（--format handout）可以打印为 PDF（--pdf 或 -o 文件.pdf）"
    ),
    "interop.pdf_written": "已打印为 PDF：{path}",
    "interop.no_browser": (
        "没有找到 Chromium、Chrome 或 Edge，无法直接生成 PDF。请用浏览器打开 {path}，"
        "按 Ctrl+P 打印，打印机选“另存为 PDF”，纸张 A4，不勾选“页眉和页脚”。"
    ),
    "interop.pdf_failed": (
        "浏览器没有生成 PDF（{detail}）；可以用浏览器打开 {path} 后按 Ctrl+P 打印。"
    ),
    "interop.cli.import": "把 Excel 表格（.xlsx）或 CSV 文件导入为术语表",
    "interop.cli.import_file": "表格文件；第一行是列名（术语、拼音、释义……，中英文均可）",
    "interop.cli.import_output": "写入的术语表文件（默认：与表格同名的 .toml）",
    "interop.cli.merge": "把新术语并入这个已有的术语表（已有词条不改动，冲突会列出）",
    "interop.cli.on_conflict": (
        "并入时表中某行与已有词条不同：keep 保留已有词条、只并入新术语，退出码 1（默认）；"
        "replace 用表中填写的内容替换（ID 不变，原文以注释保留）；stop 停止、不写入"
    ),
    "interop.cli.title": "术语表标题（默认：表格文件名）",
    "interop.cli.force": "覆盖已经存在的输出文件",
    "interop.cli.template": "生成导入用的空白表格模板（列名和一行示例）",
    "interop.cli.out": "输出文件",
    "interop.cli.export": "导出术语表：CSV、Excel、Anki、Moodle、GIFT、打印讲义",
    "interop.cli.format": "导出格式",
    "interop.cli.export_output": "输出文件（默认：术语表文件名加格式的扩展名）",
    "interop.cli.category": "只导出这个类别",
    "interop.cli.pdf": "讲义同时用本机的 Chromium/Chrome/Edge 打印为 PDF",
    "interop.cli.exam_export": (
        "把试卷导出为 Moodle XML、GIFT 或可打印的 HTML（学员用试卷、参考答案），不开始考试"
    ),
    "interop.cli.exam_output": "--export 的输出文件",
    "interop.format.csv": "CSV（带 BOM，Excel 可直接打开；可再导入）",
    "interop.format.xlsx": "Excel 工作簿（可再导入）",
    "interop.format.anki": "Anki 牌组 .apkg（再次导入会更新，不会重复）",
    "interop.format.anki_tsv": "Anki 文本导入（TSV）",
    "interop.format.moodle_glossary": "Moodle 词汇表 XML",
    "interop.format.gift": "GIFT 题目（每个术语一道填空题）",
    "interop.format.handout": "打印讲义（HTML，拼音标在汉字上方）",
    "interop.format.moodle_paper": "Moodle XML 题目",
    "interop.format.gift_paper": "GIFT 题目",
    "interop.format.paper_print": "学员用试卷（可打印的 HTML，-o 文件.pdf 则打印为 PDF）",
    "interop.format.paper_key": "参考答案（可打印的 HTML，-o 文件.pdf 则打印为 PDF）",
    "interop.pdf_paper_printable": "只有 html 和 html-key 可以打印为 PDF",
    "interop.handout.source": "出处：",
    "interop.handout.meta": "共 {count} 个术语 · 版本 {version}",
    "interop.handout.no_category": "其他",
    "interop.cli.extract": (
        "从政策文件的文本中提出候选术语（原文定义、已有术语、文件名称、文号、高频词组），供人工确认"
    ),
    "interop.cli.extract_file": (
        "政策文件的文本（UTF-8 或 GB18030；可以是带拼音注音的网页抓取文本）"
    ),
    "interop.cli.extract_output": (
        "写入的候选术语文件（默认：当前文件夹中的 文本文件名.candidates.toml）"
    ),
    "interop.cli.quote_mark": (
        "例句（原文句子）前加的引用标记（默认：【原文】；自带术语表用【解读原文】）"
    ),
    "interop.cli.extract_limit": "最多列出多少个高频词组（默认 20）",
    "interop.extract_refused": "无法读取 {path}。",
    "interop.extract_repaired": "{where}: 提示: 乱码“{found}”已按字节恢复为“{to}”",
    "interop.extract_unrepaired": (
        "{where}: 警告: 可能是乱码：“{found}”，无法确定原文，保留原样；请对照原件"
    ),
    "interop.extract_header": (
        "从 {path} 提出的候选术语，请逐条确认后再并入术语表。\n"
        "类别说明是哪一种候选；释义只有原文给出定义的才有，照录原文；例句是原文中用到它的句子。\n"
        "读音由程序按术语表的规则确定，没有采用原文网页上的注音。"
    ),
    "interop.extracted": (
        "已写入 {path}：{count} 个候选术语。请用 carbon-glossary check {path} 检查后逐条确认。"
    ),
    #
    #
    # --- serving a room's browsers (issue 10) ---
    #
    "serve.cli.help": "让培训室的浏览器使用本程序（先登记姓名、部门）",
    "serve.cli.description": (
        "在本机开一个网页服务，培训室里的每个浏览器标签页各自运行一份程序：先登记姓名、部门"
        "（和房间码），再进入术语浏览，或在给了 --exam 时进入考试。"
        "默认只在本机（127.0.0.1）可访问；在其他地址上提供服务时必须有房间码，"
        "不给 --code 就自动生成一个并显示出来。按 Ctrl+C 结束。"
    ),
    "serve.cli.host": "监听的地址（默认 127.0.0.1，只有本机可访问；0.0.0.0 为本机所有网卡）",
    "serve.cli.port": "端口（默认 {default}）",
    "serve.cli.public_url": "学员在浏览器里输入的地址（经过代理或端口转发时给出）",
    "serve.cli.exam": "进入后直接参加这份试卷的考试，而不是浏览术语",
    "serve.cli.code_metavar": "房间码",
    "serve.cli.code": "学员登记时要输入的房间码（在本机以外的地址上提供服务时不给就自动生成）",
    "serve.cli.max_sessions": "同时在线的最多人数（默认 {default}），多出来的人请他们稍候",
    "serve.cli.idle_minutes": "多少分钟没有操作就关闭这个页面的程序（默认 {default}）",
    "serve.cli.bad_port": "端口应当是 1 到 65535 之间的整数，而不是“{value}”",
    "serve.cli.blank_code": "房间码不能是空的。",
    "serve.cli.cannot_listen": "无法在端口 {port} 上提供服务：{reason}。请换一个端口（--port）。",
    "serve.started": "培训室已开放（最多同时 {count} 人）。请学员在浏览器中打开：",
    "serve.code": "房间码：{code}（请告诉学员，登记时输入）",
    "serve.exam": "试卷：{title}（{count} 题）",
    "serve.stop_hint": "按 Ctrl+C 结束。",
    "serve.event.signed_in": "已登记：{name}（{department}）",
    "serve.event.left": "已离开：{name}（{department}）",
    "serve.event.idle": "长时间没有操作，已关闭：{name}（{department}）",
    "serve.event.wrong_code": "房间码不对，已拒绝（来自 {address}）",
    "serve.event.locked_out": (
        "来自 {address} 的房间码已输错 {count} 次，{until} 之前不再接受这个地址登记"
    ),
    "serve.store_failed": "无法把学员的姓名写入进度库：{reason}",
    "serve.table.title": "培训室：{people} 人登记，{online} 人在线，{handed_in} 人已交卷",
    "serve.table.online": "在线",
    "serve.table.offline": "已离开",
    "serve.table.handed_in": "已交卷 {percent}%",
    "serve.trainer_page": "培训老师查看全场（只在本机打开，不要告诉学员）：{url}",
    "serve.page.online": "状态",
    "serve.page.answered": "已答",
    "serve.page.handed_in": "交卷",
    "serve.page.title": "碳达峰术语培训",
    "serve.page.sign_in": "请先登记，再开始。",
    "serve.page.name": "姓名",
    "serve.page.department": "部门",
    "serve.page.code": "房间码",
    "serve.page.enter": "进入",
    "serve.page.retrying": "页面会自动重试。",
    "serve.page.loading": "{name}，正在打开……",
    "serve.page.closed": "本页的程序已结束（退出、长时间没有操作，或服务已停止）。",
    "serve.page.restart": "重新打开",
    "serve.refused.name_missing": "请填写姓名。",
    "serve.refused.name_invalid": "姓名太长或含有不能使用的字符。",
    "serve.refused.department_missing": "请填写部门。",
    "serve.refused.department_invalid": "部门太长或含有不能使用的字符。",
    "serve.refused.wrong_code": "房间码不对，请向培训老师确认。",
    "serve.refused.full": "培训室已满（最多 {count} 人同时在线），请稍候。",
    "serve.refused.too_many_tries": (
        "房间码输错的次数太多，请等几分钟再试，并向培训老师确认房间码。"
    ),
    # --- tidy: import --merge conflicts ---
    "interop.conflict_replaced": (
        "“{header}”已按表格替换：已有术语表中的“{term}”（{into}）原有“{have}”，改为“{given}”"
    ),
    "interop.merge.original": "以下是并入 {sheet} 之前的原文（--on-conflict replace）：",
    "interop.merge.kept_hint": (
        "{conflicts} 个有冲突的词条保持原样；要用表格中的内容替换，请加 --on-conflict replace"
        "（原文会以注释保留）"
    ),
    # --- fair4 ---
    "check.term.near_unknown": ("第{n}个术语“{term}”的 near 中，“{name}”不是本术语表里的术语或 id"),
    #
    # --- question kinds (issue 8 item 6) ---
    "quiz.kind.reading": "多音字",
    "quiz.instruction.reading": "选出这个字在这个术语中的读音。",
    "quizui.hint.reading": "按数字或字母选择读音（也可用 ↑↓）",
    "quiz.skip.no_polyphone": "“{term}”里没有可以考读音的多音字，不能出{kind}题。",
    # --- end of question kinds ---
    #
    # --- trust ---
    # The pinyin example is a word sharing no syllable with the reading asked for.
    "quizui.placeholder.pinyin_sample": "在这里输入拼音，如 {sample}",
    "quizui.hint.pinyin_sample": (
        "声调用符号（{marked}）或数字（{numbered}）都可以，ü 可写作 v；按 Enter 提交"
    ),
    # Fewer questions than asked for: how many could be made, and why.
    "shortfall.why": "（{details}）",
    "shortfall.separator": "；",
    "shortfall.list_separator": "、",
    "shortfall.kind": "{count} 个术语不能出{kind}题：{reasons}",
    "shortfall.reason": "{label} {count} 个",
    "shortfall.reason.no_definition": "没有定义",
    "shortfall.reason.no_english": "没有英文名称",
    "shortfall.reason.no_reading": "没有汉字读音",
    "shortfall.reason.no_sentence": "没有含该术语的例句或定义",
    "shortfall.reason.too_few_terms": "可作干扰项的其他术语太少",
    "shortfall.reason.too_long": "读音超过 {max} 个音节",
    "shortfall.reason.giveaway": "题面会露出答案",
    "shortfall.reason.no_polyphone": "没有可以考读音的多音字",
    "shortfall.reason.unknown_kind": "没有这种题型",
    "practice.scope.glossary": "术语表",
    "practice.scope.category": "“{category}”类",
    "practice.short": (
        "只能出 {made} 道题，不是 {count} 道：{scope}共有 {terms} 个术语，"
        "每个术语每种题型只出一次{why}。"
    ),
    "practice.mistakes_short": (
        "错题本里只有 {made} 道可以重做的题，不是 {count} 道：每个做错的术语出一次。"
    ),
    "practice.none": "按这些条件出不了题：{scope}共有 {terms} 个术语{why}。",
    "quiz.paper.count_too_large_all": (
        "要从全部类别出 {count} 道{kind}题，但术语表只能出 {available} 道{why}"
    ),
    # --- end of trust ---
    #
    # --- polish ---
    "ui.search.placeholder_short": "输入汉字、拼音或英文搜索；按 ? 看帮助",
    "ui.report.people": "人员",
    "ui.report.people.help": "每个人的得分、用时、是否交卷",
    "ui.report.questions": "各题",
    "ui.report.questions.help": "每道题的难度系数、区分度和各选项人数",
    "ui.report.terms": "各术语",
    "ui.report.terms.help": "答错最多的术语排在前面",
    "ui.report.close": "关闭",
    "ui.report.close.help": "关闭培训报告（q 或 Esc）",
    "ui.report.quit_hint": "按 q 或 Esc 关闭培训报告",
    #
    # --- room ---
    "serve.http.wrong_key": "密钥不对：请用老师终端里显示的完整地址打开（连同 ?key= 后面的部分）。",
    "serve.http.forbidden": "还没有登记，不能进入：请打开培训老师给的地址，先填写姓名和部门。",
    "serve.http.not_found": "没有这个页面：请检查地址，或打开培训老师给的地址。",
    "serve.http.method": "这个地址不能这样打开：请直接在浏览器里打开培训老师给的地址。",
    "serve.http.bad_request": "请求有误，无法处理：请重新打开培训老师给的地址。",
    "serve.http.too_large": "提交的内容太长，无法处理。",
    "serve.http.failed": "服务器出错了：请重新打开页面；如果仍然不行，请告诉培训老师。",
    "serve.http.full": "培训室已满，暂时不能进入：请稍候再打开页面。",
    "serve.http.other": "无法打开这个页面（HTTP {status}）：请打开培训老师给的地址。",
    "serve.http.start_page": "打开登记页",
    "serve.event.resumed": (
        "{name}（{department}）接着考 {started} 开始的试卷（已答 {answered} 题）"
    ),
    "serve.event.over_limit": (
        "{name}（{department}）已参加这份试卷 {used} 次（每人最多 {limit} 次），未能进入"
    ),
    # --- end of room ---
    #
    # --- columns ---
    "cli.section_heading": "{title}：",
    "cli.kind_choice": "{name}（{label}）",
    # --- end of columns ---
    #
    # --- sheets ---
    "sheets.empty": (
        "答题卡是空的：第 1 行应当是试卷编号（试卷编号：{paper}），"
        "第 2 行是表头：姓名、部门、1、2、……"
    ),
    "sheets.no_header": "试卷编号下面没有表头：这一行应当是 姓名、部门、1、2、……",
    "sheets.number.other": (
        "答题卡是试卷 {sheet} 的，不是这份试卷 {paper} 的：两份试卷的题目不同，"
        "按这份试卷评分会算错。请用印出那份试卷时的试卷文件和术语表来录入"
    ),
    "sheets.number.missing": (
        "答题卡上没有试卷编号，无法确认它是这份试卷（{paper}）的答题卡。"
        "请看学员交回的试卷末尾印的试卷编号：如果是 {paper}，就在答题卡最上面插入一行，"
        "第一格写“试卷编号：{paper}”，再录入一次；如果不是，请用印出那份试卷时的试卷文件和术语表"
    ),
    "sheets.leave.terminal": (
        "离开考试吗？已答的题都已保存；再次运行同一命令可以接着考，计时不会停。"
    ),
    "sheets.leave.browser": (
        "离开考试吗？已答的题都已保存；重新打开这个页面可以接着考，计时不会停。"
    ),
    "sheets.leave.time_limit": (
        "如果离开期间考试时间用完，回来时会按已答的题自动交卷；不回来就算没有交卷。"
    ),
    "sheets.leave.attempts": (
        "这份试卷每人限考 {limit} 次，这一次已经算在内：离开不会结束它，回来接着考的仍是这一次。"
    ),
    "sheets.leave.yes": "离开",
    "sheets.left.terminal": (
        "已离开考试，没有交卷：已答的 {answered}/{total} 题都已保存；"
        "再次运行同一命令可以接着考，计时不会停（{clock}）。"
    ),
    "sheets.left.browser": (
        "已离开考试，没有交卷：已答的 {answered}/{total} 题都已保存；"
        "重新打开这个页面可以接着考，计时不会停（{clock}）。"
    ),
    "sheets.left.time_left": "还剩 {time}",
    "sheets.left.time_used": "已用 {time}",
    # --- end of sheets ---
    #
    # --- dburl ---
    "dburl.cli.db_metavar": "文件或地址",
    "dburl.cli.db": (
        "进度存放处：文件路径，或 postgresql://用户@主机:端口/数据库 地址"
        "（默认：环境变量 CARBON_GLOSSARY_DB，否则是用户数据目录中的 progress 文件）"
    ),
    "store.mistyped_postgres": (
        "进度库地址 {location} 写错了：应写成 postgresql://用户@主机:端口/数据库。"
    ),
    "store.mistyped_sqlite": (
        "进度库地址 {location} 写错了：SQLite 文件应写成 sqlite:///路径（三条斜杠），"
        "或直接写文件路径。"
    ),
    "store.not_an_address": (
        "进度库位置 {location} 以“{scheme}:”开头，像是地址，但不是本程序支持的写法："
        "服务器请写 postgresql://用户@主机:端口/数据库；"
        "文件名本身以“{scheme}:”开头时，请写成 ./{location}。"
    ),
    "store.no_folder": (
        "进度文件 {path} 所在的文件夹 {folder} 不存在：请检查路径是否写错，或先建好这个文件夹。"
    ),
    "store.pg.no_password": (
        "进度库服务器 {location} 要求密码，但没有提供密码：请把密码写在地址里"
        "（postgresql://用户:密码@主机:端口/数据库）或 pgpass 文件中。"
    ),
    "store.pg.no_database": (
        "进度库服务器 {location} 上没有名为“{database}”的数据库：请检查地址最后一段的数据库名，"
        "或请管理员先建好这个数据库（见 README）。"
    ),
    "store.pg.unreachable": (
        "连不上进度库服务器 {location}：服务器没有运行，或主机名、端口写错，或被防火墙挡住。"
        "（详情：{reason}）"
    ),
    "store.lost.retrying": (
        "与进度库服务器的连接中断。答案已保留，正在自动重试；连接恢复后会保存，请继续答题。"
    ),
    "store.lost.gave_up": (
        "与进度库服务器的连接中断，仍有答案未能保存到服务器；请检查网络后重新作答这些题。"
    ),
    # --- end of dburl ---
    #
    # --- masking ---
    "quiz.instruction.quoted_blank": (
        "这句引自解读原文：在空白处填入原文所用的术语（也可以从选项中选）。"
    ),
    # --- end of masking ---
    #
    # --- tabs ---
    # Why SQLite failed (store/sqlite.py, SqliteReason): our words, then SQLite's own.
    "store.sqlite.reason": "{explained}；SQLite：{detail}",
    "store.sqlite.corrupt": "文件内容残缺或错乱",
    "store.sqlite.not_a_database": "文件不是 SQLite 能读的数据库",
    "store.sqlite.locked": "另一个程序一直占用着这个文件，等待超时",
    "store.sqlite.read_only": "文件只能读、不能写",
    "store.sqlite.full": "磁盘已满",
    "store.sqlite.io": "读写磁盘时出错",
    "store.sqlite.cannot_open": "无法打开文件",
    "store.sqlite.denied": "没有使用这个文件的权限",
    # --- end of tabs ---
    #
    # --- report ---
    "training.report.table.summary": "项目|数值",
    "training.report.sheet.summary": "概况",
    "training.report.row.paper": "试卷",
    "training.report.row.paper_id": "试卷编号",
    "training.report.row.pass_mark": "及格线%",
    "training.report.row.sittings": "参加人数",
    "training.report.row.passed": "及格人数",
    "training.report.row.pass_rate": "及格率%",
    "training.report.row.mean": "平均分%",
    "training.report.row.median": "中位数%",
    "training.report.row.alpha": "Cronbach α",
    "training.report.row.not_handed_in": "没有交卷的作答次数",
    "training.report.row.note": "提示",
    "training.report.row.accepted": "第 {number} 题另外接受的答案",
    # --- end of report ---
    #
    # --- fairpaper ---
    "quiz.key.also_right": "（也算对：{answers}）",
    # --- end of fairpaper ---
    #
    # --- interop (session 5) ---
    "interop.settings.unknown_table": (
        "“{table}”不是术语表设置的表名；第 1 列应当是 {allowed} 之一"
    ),
    "interop.settings.unknown_key": "“{key}”不是 glossary 的设置项；应当是 {allowed} 之一",
    "interop.settings.no_phrase": "这一行没有写词组：第 2 列应当是要设置读音或繁体的词组",
    "interop.settings.repeated": "“{key}”在第 {first} 行已经设置过，同一项只能写一次",
    "interop.settings.not_merged": (
        "{name} 与 {into} 中的不同（那里是“{have}”，表中是“{given}”）：并入时不改动已有术语表"
        "的设置；需要的话请在 {into} 中修改"
    ),
    "interop.import.own_readings": (
        "{count} 个术语的读音与程序算出的不同，已写为该术语自己的 pinyin；"
        "其余术语的读音由程序计算，不写入文件。"
    ),
    "interop.import.confirmed_readings": (
        "{count} 个术语含有多音字，表中的读音已写为该术语的 pinyin，作为确认（check 不再提醒）；"
        "请核对这些读音是否确实无误。"
    ),
    "interop.import.no_settings": (
        "注意：{path} 没有“术语表设置”表（CSV 只有一张表，带不了它；XLSX 导出才有）：标题为"
        "“{title}”（可用 --title 指定），版本为 {version}，没有词组读音表和词组繁体表。"
        "原术语表若有这些设置，请在新文件中补上，或用 --merge 并入原术语表。"
    ),
    "interop.merge.former": "并入 {sheet} 之前：",
    "interop.merge.replaced_summary": (
        "已并入 {path}：新增 {added} 个术语，{unchanged} 个已有且一致，{replaced} 个按表格替换"
        "（被替换的原文以注释保留在词条中）。"
    ),
    # --- end of interop (session 5) ---
}
