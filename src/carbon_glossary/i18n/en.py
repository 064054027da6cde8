"""English interface text.

Keys are grouped by area; every key here must also exist in the other catalogue with the
same {placeholders} (tests/test_i18n.py checks this).
"""

MESSAGES: dict[str, str] = {
    # --- common ---
    "severity.error": "error",
    "severity.warning": "warning",
    # --- glossary checking (core/loader.py) ---
    "check.file_missing": "file not found",
    "check.file_is_directory": "this is a folder, not a glossary file",
    "check.file_permission": "no permission to read this file",
    "check.file_unreadable": "cannot read this file: {reason}",
    "check.not_utf8": (
        "the file is not UTF-8 encoded (byte 0x{byte} here cannot be read); "
        "save it again choosing UTF-8 in your editor"
    ),
    "check.syntax.invalid_value": (
        "TOML syntax: this value is not written correctly; "
        "text goes in straight double quotes, lists in [ ]"
    ),
    "check.syntax.full_width": (
        "TOML syntax: this is the full-width character {char}; use the plain {ascii} instead"
    ),
    "check.syntax.invalid_statement": (
        "TOML syntax: this line is not understood; "
        "each line should be key = value, or [table], or [[term]]"
    ),
    "check.syntax.expected_newline": (
        "TOML syntax: one item per line; there is more after this item (a missing quote or comma?)"
    ),
    "check.syntax.expected_equals": "TOML syntax: a key must be followed by an equals sign =",
    "check.syntax.invalid_key": (
        "TOML syntax: a key cannot start like this; "
        "keys with spaces or Chinese characters need straight double quotes"
    ),
    "check.syntax.unterminated": "TOML syntax: the text has no closing quote",
    "check.syntax.unclosed_array": (
        "TOML syntax: the list has no closing ] (separate items with commas)"
    ),
    "check.syntax.unclosed_table": "TOML syntax: the table in braces has no closing brace",
    "check.syntax.unclosed_header": "TOML syntax: the table name has no closing bracket",
    "check.syntax.duplicate_key": "TOML syntax: “{key}” is written twice in the same table",
    "check.syntax.duplicate_table": "TOML syntax: [{table}] is written twice",
    "check.syntax.escape": (
        "TOML syntax: a backslash \\ in text must be written \\\\ "
        "(or use single quotes instead of double quotes)"
    ),
    "check.syntax.control_char": "TOML syntax: the text contains the control character {char}",
    "check.syntax.date": "TOML syntax: the date or time is not written correctly",
    "check.syntax.redefine": "TOML syntax: this table was already defined above and cannot change",
    "check.syntax.other": "TOML syntax: {detail}",
    "check.expect.string": "text (in straight double quotes)",
    "check.expect.strings": 'a list of texts, e.g. ["first", "second"]',
    "check.type.string": "text",
    "check.type.boolean": "true/false",
    "check.type.integer": "a whole number",
    "check.type.float": "a decimal number",
    "check.type.array": "a list",
    "check.type.table": "a table",
    "check.type.datetime": "a date or time",
    "check.type.other": "another type",
    "check.unknown_table": (
        "a glossary has no [{name}] table; "
        "only [glossary], [phrase_pinyin], [phrase_traditional] and [[term]]"
    ),
    "check.top_level_key": (
        "“{key}” belongs to no table; write it under [glossary] or under a [[term]]"
    ),
    "check.top_level_key_hint": "“{key}” belongs to no table; write it under [{table}]",
    "check.glossary.not_table": "glossary should be a table [glossary], but it is {actual}",
    "check.glossary.unknown_key": "[glossary] has no item “{key}”; the items are: {allowed}",
    "check.glossary.unknown_key_suggest": (
        "[glossary] has no item “{key}”; did you mean “{suggestion}”?"
    ),
    "check.glossary.wrong_type": "in [glossary], {key} should be {expected}, but it is {actual}",
    "check.phrase.not_table": (
        "phrase_pinyin should be a table [phrase_pinyin], but it is {actual}"
    ),
    "check.phrase.not_hanzi": "in [phrase_pinyin], “{phrase}” is not a phrase of hanzi only",
    "check.phrase.wrong_type": (
        'in [phrase_pinyin], the reading of “{phrase}” should be text such as "tiáo fēng", '
        "but it is {actual}"
    ),
    "check.phrase.invalid_syllable": (
        "in [phrase_pinyin], “{syllable}” in the reading of “{phrase}” is not a pinyin syllable"
    ),
    "check.phrase.count": (
        "in [phrase_pinyin], the reading of “{phrase}” has {count} syllables, "
        "but “{phrase}” has {hanzi} hanzi"
    ),
    "check.terms.missing": "the glossary has no terms; each term starts with a line [[term]]",
    "check.terms.single_brackets": (
        "write [term] as [[term]] (double brackets), one section per term"
    ),
    "check.terms.not_table": "term should be written as [[term]] sections, but it is {actual}",
    "check.term.not_table": "term {n} should be a table, but it is {actual}",
    "check.term.unknown_key": "term {n} has no item “{key}”; the items are: {allowed}",
    "check.term.unknown_key_suggest": "term {n} has no item “{key}”; did you mean “{suggestion}”?",
    "check.term.wrong_type": "in term {n}, {key} should be {expected}, but it is {actual}",
    "check.term.wrong_item_type": (
        "in term {n}, item {index} of {key} should be text, but it is {actual}"
    ),
    "check.term.missing_term": "term {n} has no term (the term itself, in simplified hanzi)",
    "check.term.empty_term": "the term of term {n} is empty",
    "check.term.empty_id": (
        "the id of term {n} “{term}” is empty; delete the line to have one made for you"
    ),
    "check.term.duplicate_term": "term {n} “{term}” repeats term {first}",
    "check.term.duplicate_id": "the id “{id}” of term {n} is already used by term {first}",
    "check.term.related_unknown": (
        "in term {n} “{term}”, related names “{name}”, which is no term or id in this glossary"
    ),
    "check.term.pinyin_invalid": (
        "in term {n} “{term}”, “{syllable}” in pinyin is not a pinyin syllable"
    ),
    "check.term.pinyin_count": (
        "the pinyin of term {n} has {count} syllables, but “{term}” has {hanzi} hanzi"
    ),
    "check.term.no_reading": (
        "no reading is known for “{char}” in term {n} “{term}”; "
        "give the whole term's reading with pinyin"
    ),
    "check.term.unsettled": (
        "in term {n} “{term}”, no phrase settles the reading of the heteronym {chars}; "
        'check it and confirm it with pinyin = "{reading}"'
    ),
    "check.summary": "{errors} errors, {warnings} warnings",
    # --- command line (cli.py) ---
    "cli.description": (
        "Glossary of the Huaiyin District carbon-peaking work plan: browse and look up terms "
        "in the terminal. Without a command, opens the browser."
    ),
    "cli.usage_prefix": "usage: ",
    "cli.positionals_title": "arguments",
    "cli.options_title": "options",
    "cli.global_options_title": "global options (before or after the command)",
    "cli.commands_title": "commands",
    "cli.command_metavar": "COMMAND",
    "cli.help_option": "show this help and exit",
    "cli.version_option": "show the version number and exit",
    "cli.glossary_option": (
        "the glossary file to use (default: the CARBON_GLOSSARY_FILE environment variable, "
        "else the glossary shipped with the program)"
    ),
    "cli.lang_option": (
        "interface language: zh (Chinese, the default) or en (English); or set CARBON_GLOSSARY_LANG"
    ),
    "cli.bad_language": "unsupported language “{value}”; choose zh or en",
    "cli.file_metavar": "FILE",
    "cli.term_metavar": "TERM",
    "cli.query_metavar": "QUERY",
    "cli.category_metavar": "CATEGORY",
    "cli.json": "print JSON",
    "cli.browse.help": (
        "browse the glossary in the terminal interface (the default without a command)"
    ),
    "cli.list.help": "list every term in pinyin order",
    "cli.list.category": "list only the terms of this category",
    "cli.show.help": (
        "show one term's full entry (found by hanzi, pinyin, initials or English; the best match)"
    ),
    "cli.show.term": (
        "the term to look up: hanzi (simplified or traditional), pinyin, initials or English"
    ),
    "cli.search.help": "search terms, best matches first; exit code 1 when nothing is found",
    "cli.search.query": (
        "what to look for: hanzi (simplified or traditional), pinyin (with tone marks, numbers "
        "or none), pinyin initials, English, or words of a definition"
    ),
    "cli.search.limit": "show at most N matches (default {default})",
    "cli.check.help": (
        "check glossary files and list every error and warning; exit code 2 on errors"
    ),
    "cli.check.files": "the glossary files to check (default: the glossary in use)",
    "cli.not_positive": "should be a whole number above zero, not “{value}”",
    "cli.nothing_found": "no term found for “{query}”",
    "cli.unknown_category": "there is no category “{category}”; the categories are: {names}",
    "cli.list_separator": ", ",
    "cli.glossary_refused": (
        "the glossary {path} has errors and cannot be used; "
        "after fixing them, check it again with carbon-glossary check"
    ),
    "cli.card.english": "English",
    "cli.card.category": "Category",
    "cli.card.tags": "Tags",
    "cli.card.definition": "Definition",
    "cli.card.definition_en": "In English",
    "cli.card.examples": "Examples",
    "cli.card.aliases": "Also called",
    "cli.card.related": "Related",
    "cli.card.source": "Source",
    "cli.card.id": "Id",
    "cli.argparse.argument": "argument {name}: {message}",
    "cli.argparse.required": "missing arguments: {names}",
    "cli.argparse.unrecognized": "unrecognised arguments: {args}",
    "cli.argparse.invalid_choice": "{value} is not a choice (choose from {choices})",
    "cli.argparse.invalid_choice_suggest": "{value} is not a choice; did you mean “{suggestion}”?",
    "cli.argparse.expected_one": "expects a value after it",
    "cli.argparse.ignored": "unexpected value {value}",
    # --- browse TUI (ui/) ---
    "ui.app.title": "Carbon-peaking glossary",
    "ui.search.placeholder": "Search by hanzi, pinyin (e.g. tdf, tandafeng) or English; ? for keys",
    "ui.list.no_category": "Uncategorised",
    "ui.list.empty_query": "No term matches “{query}”.",
    "ui.list.empty_hint": "Try initials (tdf), pinyin (tandafeng) or English.",
    "ui.list.empty_filter": "No terms in this category. Press c to choose another.",
    "ui.card.empty": "No term selected.",
    "ui.card.traditional": "Traditional",
    "ui.card.simplified": "Simplified",
    "ui.card.english": "English",
    "ui.card.definition": "Definition",
    "ui.card.definition_en": "In English",
    "ui.card.category": "Category",
    "ui.card.tags": "Tags",
    "ui.card.aliases": "Also called",
    "ui.card.source": "Source",
    "ui.card.examples": "Examples",
    "ui.card.related": "Related terms (↑↓ choose, Enter goes)",
    "ui.status.loading": "Loading the glossary…",
    "ui.status.total": "{count} terms",
    "ui.status.matches": "“{query}”: {count} matches",
    "ui.status.matches_first": "“{query}”: first {count} matches",
    "ui.status.category": "category: {category}",
    "ui.status.separator": " · ",
    "ui.sort.pinyin": "by pinyin",
    "ui.sort.category": "by category",
    "ui.sort.document": "in document order",
    "ui.script.simplified": "simplified",
    "ui.script.traditional": "traditional",
    "ui.pick.heading": "Jump to",
    "ui.pick.heading_hint": "Type a letter to jump, Esc cancels",
    "ui.pick.category": "Filter by category",
    "ui.pick.all_categories": "All categories",
    "ui.palette.placeholder": "Search for commands…",
    "ui.palette.theme": "Search for themes…",
    "ui.help.title": "Keys",
    "ui.help.intro": (
        "Type straight away to search; letter keys (j, k, g, c, s, t, y, q) work in the list or "
        "the card. Ctrl+P opens the command palette."
    ),
    "ui.help.close": "Esc or q closes this help",
    "ui.help.palette_only": "(palette)",
    "ui.help.general": "Anywhere",
    "ui.help.browse": "Browsing",
    "ui.help.list": "Term list",
    "ui.help.card": "Detail card",
    "ui.help.dialogs": "Dialogs",
    "ui.cmd.help": "help",
    "ui.cmd.help.help": "Show every key and what it does",
    "ui.cmd.quit": "quit",
    "ui.cmd.quit.help": "Leave (in the search box q is text: use Ctrl+Q)",
    "ui.cmd.language": "中文",
    "ui.cmd.language.help": "Switch the interface language (Chinese/English)",
    "ui.cmd.palette": "menu",
    "ui.cmd.palette.help": "Open the command palette to find a command by name",
    "ui.cmd.theme": "theme",
    "ui.cmd.theme.help": "Change the colour theme",
    "ui.cmd.search": "find",
    "ui.cmd.search.help": "Go to the search box (Ctrl+F too)",
    "ui.cmd.clear": "clear",
    "ui.cmd.clear.help": "Clear the search; press again to clear the category filter",
    "ui.cmd.letter": "jump",
    "ui.cmd.letter.help": "Jump to a letter (or category) heading: g, then e.g. T",
    "ui.cmd.category": "filter",
    "ui.cmd.category.help": "Show only the terms of one category",
    "ui.cmd.sort": "sort",
    "ui.cmd.sort.help": "Switch the order: pinyin, category, document",
    "ui.cmd.script": "script",
    "ui.cmd.script.help": "Switch between simplified and traditional characters",
    "ui.cmd.copy": "copy",
    "ui.cmd.copy.help": "Send the term to the clipboard (OSC 52; paste to check)",
    "ui.cmd.back": "back",
    "ui.cmd.back.help": "Go back to the term you came from",
    "ui.cmd.forward": "forward",
    "ui.cmd.forward.help": "Go forward again after going back",
    "ui.cmd.cursor_up": "up",
    "ui.cmd.cursor_up.help": "Previous term",
    "ui.cmd.cursor_down": "down",
    "ui.cmd.cursor_down.help": "Next term",
    "ui.cmd.page_up": "page up",
    "ui.cmd.page_up.help": "One page up",
    "ui.cmd.page_down": "page down",
    "ui.cmd.page_down.help": "One page down",
    "ui.cmd.first": "first",
    "ui.cmd.first.help": "Go to the first term",
    "ui.cmd.last": "last",
    "ui.cmd.last.help": "Go to the last term",
    "ui.cmd.open": "open",
    "ui.cmd.open.help": (
        "Go into the highlighted term's card (Enter or Tab; Enter in the search box too)"
    ),
    "ui.cmd.related_previous": "previous related",
    "ui.cmd.related_previous.help": "Choose the previous related term",
    "ui.cmd.related_next": "next related",
    "ui.cmd.related_next.help": "Choose the next related term",
    "ui.cmd.follow": "go",
    "ui.cmd.follow.help": "Go to the chosen related term (Backspace comes back)",
    "ui.cmd.close": "list",
    "ui.cmd.close.help": "Leave the card and go back to the list",
    "ui.cmd.cancel": "cancel",
    "ui.cmd.cancel.help": "Close the dialog without a change",
    "ui.cmd.close_help": "close",
    "ui.cmd.close_help.help": "Close this help",
    # --- quiz, exams, progress (core/quiz, store/, ui quiz screens) ---
    # quiz engine (core/grading.py, core/quiz.py, core/paper.py)
    "quiz.kind.term-def": "term → definition",
    "quiz.kind.def-term": "definition → term",
    "quiz.kind.en-term": "English → term",
    "quiz.kind.pinyin": "pinyin",
    "quiz.kind.cloze": "fill in the blank",
    "quiz.kind.truefalse": "true or false",
    "quiz.kind.match": "matching",
    "quiz.instruction.term-def": "Choose the correct definition of this term.",
    "quiz.instruction.def-term": "Which term does this define? Choose it.",
    "quiz.instruction.en-term": "Choose the term for this English name.",
    "quiz.instruction.pinyin": "Type the pinyin of this term (tones as marks or numbers).",
    "quiz.instruction.cloze": "Fill the blank with the right term (type it or choose it).",
    "quiz.instruction.truefalse": "Is this the definition of this term?",
    "quiz.instruction.match": "Match each term with its definition.",
    "quiz.skip.no_definition": "“{term}” has no definition, so it cannot be asked as {kind}.",
    "quiz.skip.no_english": "“{term}” has no English name, so it cannot be asked as {kind}.",
    "quiz.skip.no_reading": "“{term}” has no hanzi reading, so it cannot be asked as {kind}.",
    "quiz.skip.no_sentence": (
        "No example or definition contains “{term}”, so it cannot be asked as {kind}."
    ),
    "quiz.skip.too_few_terms": (
        "Too few other terms to draw wrong options from: “{term}” cannot be asked as {kind}."
    ),
    "quiz.skip.unknown_kind": "There is no question kind “{kind}”.",
    "quiz.tone.1": "first tone",
    "quiz.tone.2": "second tone",
    "quiz.tone.3": "third tone",
    "quiz.tone.4": "fourth tone",
    "quiz.tone.5": "neutral tone",
    "quiz.tone.none": "no tone",
    "quiz.pinyin.empty": "No answer",
    "quiz.pinyin.invalid": "“{text}” is not pinyin",
    "quiz.pinyin.count": "Wrong number of syllables: {expected} expected, you wrote {given}",
    "quiz.pinyin.missing": "Syllable {n} is missing: it is {expected}",
    "quiz.pinyin.extra": "Your syllable {n}, {given}, is one too many",
    "quiz.pinyin.sound": "Syllable {n} is wrong: it is {expected}, you wrote {given}",
    "quiz.pinyin.tone": (
        "Syllable {n} has the wrong tone: it is {expected} ({expected_tone}),"
        " you wrote {given} ({given_tone})"
    ),
    "quiz.pinyin.no_tone": "Syllable {n} has no tone: it is {expected} ({expected_tone})",
    "quiz.verdict.correct": "Correct.",
    "quiz.verdict.wrong": "Wrong.",
    "quiz.verdict.unanswered": "Not answered.",
    "quiz.verdict.match_score": "{right} of {total} pairs right.",
    "quiz.verdict.pair": "“{term}” means: {definition}",
    "quiz.verdict.belongs_to": "This is the definition of “{term}”.",
    "quiz.verdict.answer": "Right answer: {answer}",
    "quiz.verdict.term": "{term} ({pinyin})",
    "quiz.verdict.definition": "Definition: {definition}",
    "quiz.verdict.definition_en": "In English: {definition}",
    "quiz.verdict.source": "Source: {source}",
    "quiz.paper.missing_file": "the paper file does not exist",
    "quiz.paper.is_directory": "this is a folder, not a paper file",
    "quiz.paper.unreadable": "cannot read the paper file: {reason}",
    "quiz.paper.missing_table": "the [paper] part (title, seed …) is missing",
    "quiz.paper.missing_key": "{key} is required but missing",
    "quiz.paper.unknown_key": "unknown setting {key}; the settings here are: {allowed}",
    "quiz.paper.unknown_key_suggest": "unknown setting {key}; did you mean {suggestion}?",
    "quiz.paper.wrong_type": "{key} must be {expected}",
    "quiz.paper.empty": "{key} must not be empty",
    "quiz.paper.type.text": "text (in quotes)",
    "quiz.paper.type.integer": "a whole number",
    "quiz.paper.type.number": "a number",
    "quiz.paper.type.seed": "a whole number or text",
    "quiz.paper.type.table": "a table ([paper])",
    "quiz.paper.type.sections": "[[section]] parts",
    "quiz.paper.time_limit": "time_limit_minutes must be at least 1",
    "quiz.paper.pass_mark": "pass_mark_percent must be between 0 and 100",
    "quiz.paper.tones": (
        'tones must be "strict" (tones count) or "lenient" (tones ignored), not "{value}"'
    ),
    "quiz.paper.no_sections": "the paper has no questions: add at least one [[section]]",
    "quiz.paper.unknown_category": (
        "the glossary has no category “{category}”; its categories are: {categories}"
    ),
    "quiz.paper.unknown_kind": "unknown question kind {kind}; the kinds are: {kinds}",
    "quiz.paper.count_positive": "count (number of questions) must be at least 1",
    "quiz.paper.count_too_large": (
        "{count} {kind} questions on “{category}” asked for, but the glossary supports"
        " {available}{why}"
    ),
    "quiz.paper.count_too_large_rest": (
        "{count} {kind} questions from all categories asked for, but after the other sections"
        " only {available} remain{why}"
    ),
    "quiz.paper.duplicate_section": (
        "same category and kind as the section on line {line}; merge the two"
    ),
    "quiz.paper.all_categories": "all categories",
    "quiz.paper.print.time": "Time allowed: {minutes} minutes",
    "quiz.paper.print.summary": "{count} questions, pass mark {pass_mark}% (paper seed: {seed})",
    "quiz.paper.print.glossary": "Glossary: {title} (version {version})",
    "quiz.paper.print.section": "Part {number}: {kind} ({category}, {count} questions)",
    "quiz.paper.print.answer_key": "Answer key",
    "store.corrupt_moved": (
        "The progress file {path} was damaged. It was moved, unchanged, to {moved} "
        "and a new, empty progress file was started."
    ),
    "store.too_new": (
        "The progress file {path} was written by a newer version of this program "
        "(format {found}; this version knows up to {supported}). "
        "Upgrade carbon-glossary, or choose another file with --db."
    ),
    "store.is_directory": "The progress file path {path} is a folder; choose a file with --db.",
    "store.cannot_open": "Cannot open the progress file {path}: {reason}",
    "store.cannot_move": (
        "The progress file {path} is damaged and could not be moved aside ({reason}). "
        "It was left unchanged; move it away yourself and try again."
    ),
    "store.read_failed": "Cannot read the progress file {path}: {reason}",
    "store.write_failed": "Cannot save the answer to the progress file {path}: {reason}",
    "stats.uncategorised": "Uncategorised",
    "stats.removed_term": "(removed from the glossary)",
    # quiz screens and commands (ui/screens/quiz.py, exam.py, stats.py; subcommands/quiz.py)
    "quizui.cmd.digit_1": "pick 1",
    "quizui.cmd.digit_1.help": "Choose the first option; in matching, the first term",
    "quizui.cmd.digit_2": "pick 2",
    "quizui.cmd.digit_2.help": "Choose the second option (false); in matching, the second term",
    "quizui.cmd.digit_3": "pick 3",
    "quizui.cmd.digit_3.help": "Choose the third option; in matching, the third term",
    "quizui.cmd.digit_4": "pick 4",
    "quizui.cmd.digit_4.help": "Choose the fourth option; in matching, the fourth term",
    "quizui.cmd.digit_5": "pick 5",
    "quizui.cmd.digit_5.help": "In matching, choose the fifth term",
    "quizui.cmd.letter_a": "pick A",
    "quizui.cmd.letter_a.help": "Choose option A; in matching, pair definition A",
    "quizui.cmd.letter_b": "pick B",
    "quizui.cmd.letter_b.help": "Choose option B; in matching, pair definition B",
    "quizui.cmd.letter_c": "pick C",
    "quizui.cmd.letter_c.help": "Choose option C; in matching, pair definition C",
    "quizui.cmd.letter_d": "pick D",
    "quizui.cmd.letter_d.help": "Choose option D; in matching, pair definition D",
    "quizui.cmd.letter_e": "pick E",
    "quizui.cmd.letter_e.help": "In matching, pair definition E with the current term",
    "quizui.cmd.true": "true",
    "quizui.cmd.true.help": "True/false: answer true (1 works too)",
    "quizui.cmd.false": "false",
    "quizui.cmd.false.help": "True/false: answer false (2 works too)",
    "quizui.cmd.choice_up": "previous option",
    "quizui.cmd.choice_up.help": "Choose the option above; in matching, the term above",
    "quizui.cmd.choice_down": "next option",
    "quizui.cmd.choice_down.help": "Choose the option below; in matching, the term below",
    "quizui.cmd.scroll_up": "page up",
    "quizui.cmd.scroll_up.help": "Study and practice: scroll a long question or explanation up",
    "quizui.cmd.scroll_down": "page down",
    "quizui.cmd.scroll_down.help": (
        "Study and practice: scroll a long question or explanation down"
    ),
    "quizui.cmd.submit": "OK",
    "quizui.cmd.submit.help": (
        "Submit the answer and see the explanation; then go on; after a round, start another"
    ),
    "quizui.cmd.leave": "leave",
    "quizui.cmd.leave.help": "End the round (asks first; every answer given is already saved)",
    "quizui.cmd.answer_next": "OK",
    "quizui.cmd.answer_next.help": (
        "Keep this answer and go to the next question; after the last one, hand in"
    ),
    "quizui.cmd.previous": "previous",
    "quizui.cmd.previous.help": "Back to the previous question (PgUp, or ← in choice questions)",
    "quizui.cmd.next": "next",
    "quizui.cmd.next.help": (
        "On to the next question, answered or not (PgDn, or → in choice questions)"
    ),
    "quizui.cmd.questions": "list",
    "quizui.cmd.questions.help": "See which questions are answered and jump to one",
    "quizui.cmd.hand_in": "hand in",
    "quizui.cmd.hand_in.help": "Hand in the paper and see the result (asks first)",
    "quizui.cmd.leave_exam": "leave",
    "quizui.cmd.leave_exam.help": (
        "Leave the exam (asks first; your answers are saved and you can carry on later)"
    ),
    "quizui.cmd.close_result": "done",
    "quizui.cmd.close_result.help": "Leave the result",
    "quizui.cmd.stats": "progress",
    "quizui.cmd.stats.help": "Answers, weakest terms, cards due today and exam results",
    "quizui.cmd.study": "study",
    "quizui.cmd.study.help": "Spaced repetition: due cards first, then new terms",
    "quizui.cmd.practice": "practice",
    "quizui.cmd.practice.help": (
        "Ten random questions, each explained (the study schedule is not changed)"
    ),
    "quizui.cmd.refresh": "refresh",
    "quizui.cmd.refresh.help": "Read the figures again",
    "quizui.cmd.close_stats": "back",
    "quizui.cmd.close_stats.help": "Leave the progress screen",
    "quizui.cmd.yes": "yes",
    "quizui.cmd.yes.help": "Confirm what the dialog asks",
    "quizui.cmd.no": "no",
    "quizui.cmd.no.help": "Cancel and go back",
    "quizui.help.quiz": "Answering (study, practice and exams)",
    "quizui.help.exam": "Exams",
    "quizui.help.progress": "Progress, results and confirmations",
    "quizui.separator": " · ",
    "quizui.loading": "Loading…",
    "quizui.glossary_loading": "The glossary is still loading; try again in a moment.",
    "quizui.title.study": "Study",
    "quizui.title.practice": "Practice",
    "quizui.number": "Question {number}/{total}",
    "quizui.hint.term-def": "Press 1–4 or A–D to choose (or ↑↓)",
    "quizui.hint.def-term": "Press 1–4 or A–D to choose (or ↑↓)",
    "quizui.hint.en-term": "Press 1–4 or A–D to choose (or ↑↓)",
    "quizui.hint.cloze": "Type the term, or an option letter A–D (or number 1–4); Enter submits",
    "quizui.hint.truefalse": "Press 1 or Y for true, 2 or N for false",
    "quizui.hint.match": (
        "Choosing a definition for term {item}: press A–E; 1–5 or ↑↓ pick another term"
    ),
    "quizui.placeholder.cloze": "Type the term or an option letter here",
    "quizui.match.terms": "Terms",
    "quizui.match.definitions": "Definitions",
    "quizui.your_answer": "(you answered: {answer})",
    "quizui.no_answer": "Answer first: choose an option or type your answer.",
    "quizui.unpaired": "Some terms have no definition yet: pair every term.",
    "quizui.status.answered": "answered {answered}/{total}",
    "quizui.status.right": "right {right}",
    "quizui.status.deck": "review {due} · new {new}",
    "quizui.status.saved": "saved {count}",
    "quizui.status.next_review": "next review: {when}",
    "quizui.done.score": "Round over: {right} of {total} right.",
    "quizui.done.wrong": (
        "Missed: {terms}. They are in your mistake book; practise them with "
        "carbon-glossary practice --mistakes."
    ),
    "quizui.done.next.study": "Press Enter to check for more due cards, Esc to leave.",
    "quizui.done.next.practice": "Press Enter for another round, Esc to leave.",
    "quizui.leave.question": "End this round? The {answered} answers given are all saved.",
    "quizui.leave.yes": "end",
    "quizui.leave.no": "keep going",
    "quizui.confirm.keys": "Y or Enter: {yes}    N or Esc: {no}",
    "quizui.due.at": "{when} ({relative})",
    "quizui.due.now": "now",
    "quizui.due.minutes": "in about {n} min",
    "quizui.due.hours": "in about {n} h",
    "quizui.due.days": "in about {n} days",
    "quizui.study.nothing_due": "No cards are due now. ",
    "quizui.study.next_due": "The next card is due {when}. ",
    "quizui.study.all_seen": "You have studied all {count} terms of the glossary.",
    "quizui.study.no_new": "No new terms today (--new 0).",
    "quizui.study.new_done": (
        "Today's new terms ({count} a day) are done; --new changes the number."
    ),
    "quizui.practice.no_questions": (
        "No questions can be made for these options: no term of that category or kind fits."
    ),
    "quizui.practice.no_mistakes": (
        "Your mistake book is empty: every term you missed you later got right."
    ),
    "quizui.practice.no_mistakes_category": "No term of “{category}” is in your mistake book.",
    "quizui.exam.remaining": "time left {time}",
    "quizui.exam.elapsed": "time {time}",
    "quizui.exam.answered": "answered {answered}/{total}",
    "quizui.exam.pass_mark": "pass mark {mark}%",
    "quizui.exam.time_up": "Time is up: the paper was handed in.",
    "quizui.exam.hand_in": (
        "Every question has an answer. Answers cannot be changed after handing in. Hand in now?"
    ),
    "quizui.exam.hand_in_unanswered": (
        "{count} questions have no answer (number {numbers}). Answers cannot be changed "
        "after handing in. Hand in anyway?"
    ),
    "quizui.exam.hand_in_yes": "hand in",
    "quizui.exam.hand_in_no": "keep answering",
    "quizui.exam.leave_no": "keep answering",
    "quizui.exam.list_heading": "No.",
    "quizui.exam.list_title": "Questions (● answered  ○ not yet)",
    "quizui.exam.list_hint": "↑↓ choose, Enter go, Esc close",
    "quizui.result.title": "Exam result",
    "quizui.result.score": "Score {points} / {total} ({percent}%)",
    "quizui.result.passed": "✓ Passed (pass mark {mark}%)",
    "quizui.result.failed": "✗ Not passed (pass mark {mark}%)",
    "quizui.result.time": "Time {time} · answered {answered}/{total}",
    "quizui.result.categories": "Score by category",
    "quizui.result.wrong": "Wrong or unanswered ({count})",
    "quizui.result.all_right": "Everything right!",
    "quizui.result.question": "Question {number} · {kind} · {category}",
    "quizui.result.your_answer": "Your answer: {answer}",
    "quizui.result.pair_source": "Source of “{term}”: {source}",
    "quizui.result.unanswered": "(no answer)",
    "quizui.result.saving": "Saving the result…",
    "quizui.result.saved": "Result saved to the progress of “{profile}”; p shows your progress",
    "quizui.result.not_saved": "The result could not be saved (see the message)",
    "quizui.stats.title": "Progress: {profile}",
    "quizui.stats.summary": (
        "{answers} answers, {correct} right ({accuracy}; each term of a matching question counts)."
    ),
    "quizui.stats.nothing_yet": "No answers yet. Try carbon-glossary practice.",
    "quizui.stats.cards": (
        "{cards} study cards, {due} due today, {new} new today; "
        "{mistakes} terms in the mistake book."
    ),
    "quizui.stats.categories": "Accuracy by category",
    "quizui.stats.category_figures": "{answers} answers · {correct} right · {accuracy}",
    "quizui.stats.activity": "Answers per day, last {days} days",
    "quizui.stats.activity_caption": "{first} to {last} · busiest day {most} · today {today}",
    "quizui.stats.weakest": "Weakest terms",
    "quizui.stats.no_weak": "No term answered wrong yet.",
    "quizui.stats.right_of": "{right}/{answers} right",
    "quizui.stats.exams": "Exam results",
    "quizui.stats.no_exams": "No exams taken yet.",
    "quizui.stats.passed": "passed",
    "quizui.stats.failed": "not passed",
    "quizui.cli.progress_options": "progress options",
    "quizui.cli.name_metavar": "NAME",
    "quizui.cli.profile": (
        "whose progress this is (default: your login name); each name's progress is separate"
    ),
    "quizui.cli.study": "spaced repetition (FSRS): due cards first, then new terms",
    "quizui.cli.new": "at most this many new terms a day (default {default})",
    "quizui.cli.kinds_metavar": "KIND,…",
    "quizui.cli.kinds": "only these question kinds, comma-separated: {kinds}",
    "quizui.cli.seed": "random seed: the same seed asks the same questions",
    "quizui.cli.practice": "practice: random questions, each explained; never changes the schedule",
    "quizui.cli.category": "only terms of this category",
    "quizui.cli.count": (
        "number of questions (default {default}; with --mistakes, every term in the book)"
    ),
    "quizui.cli.mistakes": (
        "practise your mistake book: terms last answered wrong, asked the way you missed them"
    ),
    "quizui.cli.exam": "sit an exam paper: timed, scored when handed in",
    "quizui.cli.paper_metavar": "PAPER.toml",
    "quizui.cli.paper": "the paper file (TOML), e.g. papers/example.toml",
    "quizui.cli.print": "do not start the exam: print the paper with its answer key (for trainers)",
    "quizui.cli.print_json": "do not start the exam: write the paper and answers as JSON",
    "quizui.cli.stats": (
        "your progress: accuracy by category, recent days, weakest terms, cards due, exams"
    ),
    "quizui.cli.not_count": "must be 0 or a positive whole number, not “{value}”",
    "quizui.cli.unknown_kinds": "unknown question kind: {kinds}. The kinds are: {valid}",
    "quizui.cli.no_match_in_study": (
        "study does not ask matching questions (one touches five terms and would upset "
        "their schedule); use match in practice or exam."
    ),
    "quizui.cli.paper_refused": "The paper {path} has errors and cannot be used; fix them first.",
    # --- fairness and search (issue 7 items 1-4, 15; issue 12 items 9, 12) ---
    #
    "quiz.paper.max_syllables": "pinyin_max_syllables must be at least 1",
    "quiz.skip.too_long": (
        "“{term}” is too long to be asked as {kind}: typing its reading tests typing, not the term."
    ),
    "quiz.skip.giveaway": (
        "“{term}” cannot be asked as {kind}: the question would show a character only the "
        "answer has."
    ),
    "check.term.broader_unknown": (
        "in term {n} “{term}”, broader names “{name}”, which is no term or id in this glossary"
    ),
    #
    # --- glossary content and script conversion (issue 7 items 11-14) ---
    "check.trad.not_table": (
        "phrase_traditional should be a table [phrase_traditional], but it is {actual}"
    ),
    "check.trad.not_hanzi": (
        "in [phrase_traditional], “{phrase}” has no hanzi and needs no traditional form"
    ),
    "check.trad.wrong_type": (
        "in [phrase_traditional], the traditional form of “{phrase}” should be text such as "
        '"對標對表", but it is {actual}'
    ),
    "check.trad.length": (
        "in [phrase_traditional], “{phrase}” has {n} characters but its traditional form "
        "“{form}” has a different number; the two should match character by character"
    ),
    "check.trad.mismatch": (
        "in [phrase_traditional], the traditional form “{form}” of “{phrase}” converts back "
        "to “{back}”; check it for a wrong character"
    ),
    #
    #
    # --- browse screen and command-line rough edges (issue 7 items 7-10) ---
    "ui.quit.hint_elsewhere": "Esc leaves this screen; to quit the program, press Ctrl+Q",
    "ui.palette.no_matches": "No matches",
    "ui.palette.open": "Open the command palette",
    "settings.unreadable": (
        "The settings file {path} cannot be read or holds wrong values: defaults are used "
        "this time and the file is left as it is"
    ),
    "settings.unwritable": (
        "Cannot write the settings file {path}: this language and script choice will not "
        "be kept for the next start"
    ),
    "cli.search.more_at_least": (
        "At least {more} more matches not shown; add --limit {total} to list more"
    ),
    "cli.search.more": (
        "{more} more matches not shown ({total} in all); add --limit {total} to list them all"
    ),
    "check.summary_terms": "{errors} errors, {warnings} warnings, {terms} terms",
    "ui.quit.hint": "To quit, press Ctrl+Q (or q in the list or the card)",
    "ui.copy.sent": (
        "Sent “{term}” to the clipboard; if pasting gives nothing, the terminal ignores "
        "OSC 52: select it with the mouse instead"
    ),
    #
    #
    # --- hardening: paths, injection, limits, hangs (issue 12) ---
    "cli.needs_terminal": (
        "{command} is a full-screen program and needs a terminal (standard input and "
        "output both a terminal); it cannot run in a script, a pipe or a scheduled job"
    ),
    "ui.terminal_not_utf8": (
        "the terminal sent characters that are not UTF-8 (it may be set to GBK). Set the "
        "terminal's character encoding to UTF-8 (PuTTY: Window > Translation > Remote "
        "character set; Xshell: File > Properties > Terminal > Encoding) and run again"
    ),
    "check.more_problems": (
        "{errors} more errors and {warnings} more warnings are not listed; fix the ones "
        "above and check again"
    ),
    "check.syntax.cr_line_ends": (
        "the lines of this file end with a carriage return (CR) only, as on classic Mac "
        "OS; TOML needs LF or CRLF: change the line ends in your editor and save again"
    ),
    "check.syntax.surrogate_escape": (
        "the escape {escape} is a UTF-16 surrogate, not a character; write the character "
        "itself, or its code point as \\U and 8 hex digits"
    ),
    "check.term.id_shared": (
        "term {n} “{term}” would get the same"
        " id {id} as “{others}”; so that no p"
        "rogress is filed under the wrong ter"
        "m it gets {given} for now. Write an "
        "id for each of them"
    ),
    "check.term.invisible": (
        "term {n} cannot be seen: it has only zero-width or combining characters "
        "({chars}); write the term's text"
    ),
    "check.term.same_after_nfc": (
        "term {n} “{term}” is the same as ter"
        "m {first} after Unicode normalisatio"
        "n (NFC); only the encoding of its ch"
        "aracters differs: remove one or writ"
        "e them alike"
    ),
    "check.term.id_folded": (
        "the id {id} of term {n} differs from the id {other} of term {first} only in case"
        " or width, which is easy to confuse; choose clearly different ids"
    ),
    "check.term.related_self": "term {n} “{term}” lists itself in {key}; ignored, remove it",
    "check.term.related_ambiguous": (
        "in {key} of term {n}, “{name}” is "
        "the id of the term “{by_id}” and als"
        "o the text of another term; it was l"
        "inked by id to “{by_id}”. To mean th"
        "e term “{other}”, write its id {othe"
        "r_id}"
    ),
    "check.unsafe_characters": (
        "{key} contains control or invisible characters {chars}: a terminal shows them as"
        " symbols and copying drops them; remove them unless they are meant"
    ),
    "quiz.paper.time_limit_max": "time_limit_minutes must be at most {max} (one day)",
    "quiz.paper.seed_range": "seed is too long: at most {digits} digits or {digits} characters",
    "check.file_empty_name": "the file name is empty; name the file to read",
    "check.file_not_regular": (
        "this is not a regular file (a pipe, device or socket) and cannot be read; give a file"
    ),
    "check.file_too_large": (
        "the file is too large (over {limit} MB) to be a glossary or paper; check the file name"
    ),
    "check.too_deep": (
        "brackets or braces are nested too deeply; a glossary or paper never needs so"
        " many levels: check that they pair up"
    ),
    "check.number_too_long": (
        "a number is too long (thousands of digits) to read; write an ordinary number "
        "here, or put it in quotes as text"
    ),
    "cli.stdout_closed": (
        "standard output is closed, so there is nowhere to write; do not close it (>&-)"
    ),
    "cli.output_failed": "cannot write the output: {reason}",
    "cli.empty_path": (
        "the file name after {option} is empty; "
        "give a file name, or leave out {option} to use the default"
    ),
    #
    #
    # --- session layer (issue 8) ---
    #
    "session.exam.resuming": (
        "Carrying on your sitting of this paper started at {started} and not handed in "
        "({answered} answered); the time counts from its start."
    ),
    "session.browse.failed": "Something went wrong; the list was not updated: {reason}",
    "session.exam.time_warning": "{minutes} min left; the paper is handed in when time is up.",
    "session.study.new_term": (
        "A new term (question {number}/{total}): read its card, then press Enter for the question."
    ),
    "session.mistakes.nothing_answered": (
        "The mistake book is empty: nothing has been answered yet. "
        "Terms answered wrong are kept here."
    ),
    "session.mistakes.never_wrong": "The mistake book is empty: no answer has been wrong so far.",
    #
    # --- progress stores: SQLite and PostgreSQL (issue 8) ---
    "store.not_ours": (
        "{path} is not a progress file of this program (or is damaged beyond recognition); it"
        " was left untouched. Use --db to name a progress file, or a new file name."
    ),
    "store.not_a_file": (
        "The progress path {path} is not a regular file (a pipe or device?); use --db to name"
        " a file."
    ),
    "store.read_only": (
        "The progress file {path} or its folder cannot be written, so answers could not be"
        " saved; check its permissions or use --db to name another file."
    ),
    "store.damaged_read_only": (
        "The progress file {path} is damaged ({reason}). This command only reads, so the file"
        " was left untouched; running a practice or study command moves it aside and starts"
        " a new one."
    ),
    "store.network_drive": (
        "Warning: the progress file {path} is on a network drive ({filesystem}). SQLite's locking"
        " is not reliable on network shares, and several PCs writing at once can damage it. To"
        " share progress between PCs use a database server: --db postgresql://… (see the README)."
    ),
    "store.unknown_scheme": (
        'Unsupported progress store address "{scheme}://". Use a file path, sqlite:///path or'
        " postgresql://user@host/database."
    ),
    "store.pg.too_new": (
        "The data on the progress server {path} was written by a newer version of this"
        " program (format {found}; this version knows up to {supported}) and was left"
        " untouched. Upgrade carbon-glossary on this PC to the same version."
    ),
    "store.pg.bad_url": "The progress store address {location} cannot be read: {reason}",
    "store.pg.no_driver": (
        "A PostgreSQL progress store needs psycopg: pip install 'psycopg[binary]'"
    ),
    "store.pg.cannot_connect": "Cannot connect to the progress server {location}: {reason}",
    "store.pg.auth_failed": (
        "The progress server {location} refused the login: wrong user name or password, or"
        " the user may not connect to this database."
    ),
    "store.pg.no_privilege": (
        "The user lacks privileges on the progress server {location} ({reason}). It must be able"
        " to create tables in the database, or an administrator must have created them and"
        " granted it read and write access (see the README)."
    ),
    "store.pg.unavailable": "The connection to the progress server {location} was lost: {reason}",
    "store.pg.read_failed": "Cannot read from the progress server {location}: {reason}",
    "store.pg.write_failed": "Cannot write answers to the progress server {location}: {reason}",
    #
    #
    # --- training sessions and room report (issue 9) ---
    #
    # --- who is sitting (issue 9 items 1-2) ---
    #
    "sitting.label": "{name} ({department})",
    "sitting.refused.name_missing": "Please enter your name.",
    "sitting.refused.name_invalid": (
        "A name may not hold control characters or be longer than {limit} characters."
    ),
    "sitting.refused.department_missing": "Please enter your department.",
    "sitting.refused.department_invalid": (
        "A department may not hold control characters or be longer than {limit} characters."
    ),
    "sitting.refused.not_on_roster": (
        "This name is not on the roster: pick it from the list, or ask the trainer to check it."
    ),
    "sitting.over_limit": (
        "{name} has sat this paper {used} time(s); each person may sit it {limit} time(s), "
        "so it cannot be sat again. Ask the trainer if this is wrong."
    ),
    "sitting.cli.name_metavar": "NAME",
    "sitting.cli.name": "the name of the person sitting (asked before the exam if not given)",
    "sitting.cli.department_metavar": "DEPARTMENT",
    "sitting.cli.department": (
        "the department of the person sitting (asked before the exam if not given)"
    ),
    "quizui.signin.title": "Who is sitting",
    "quizui.signin.heading": "Enter your name and department (Tab: next field, Enter: submit)",
    "quizui.signin.name": "Name",
    "quizui.signin.department": "Department",
    "quizui.signin.confirm": "You will sit the exam as {who}. Enter to start, Esc to change.",
    "quizui.signin.cmd.leave": "Leave",
    "quizui.signin.cmd.leave.help": "Back to the form when confirming; leave without sitting",
    "sitting.paper.attempts": (
        "attempts (times each person may sit it) must be a whole number from 1 to {max}"
    ),
    "sitting.paper.shuffle": (
        'shuffle can only be "options" (each person\'s own option order), not "{value}"'
    ),
    "sitting.roster.no_column": (
        "the roster has no “{header}” column (the first row names the columns: 姓名, 部门, "
        "optionally 工号)"
    ),
    "sitting.roster.bad": "{header} may not hold control characters or be longer than {limit}",
    "sitting.roster.empty": "{header} is empty",
    "sitting.roster.duplicate": "“{name}” is on the roster twice (already in row {row})",
    "sitting.roster.no_people": "nobody is on the roster",
    "sitting.roster.refused": (
        "The roster {path} has errors and cannot be used; fix them and try again."
    ),
    "sitting.cli.roster_metavar": "ROSTER.csv|.xlsx",
    "sitting.cli.roster": (
        "only people on this list may sit (columns 姓名, 部门, optional 工号); "
        "names are picked from it"
    ),
    "quizui.signin.roster": "Roster (↑↓ to choose, Enter to pick; type in the name box to filter)",
    # --- end of who is sitting ---
    #
    "training.print.blanks": (
        "Name: ______________   Department: ______________   Date: ______________"
    ),
    "training.key.heading": "Answer key (for the trainer only, not for the room)",
    "training.sheet.title": "Answer sheet",
    "training.sheet.missing_file": "there is no such answer sheet file",
    "training.sheet.is_directory": "this is a folder, not an answer sheet file",
    "training.header.name": "the header of column 1 must be “{expected}”",
    "training.header.department": "the header of column 2 must be “{expected}”",
    "training.header.question": (
        "the header “{cell}” is not a question number of this paper (1–{count})"
    ),
    "training.header.repeated": "the column of question {number} appears twice",
    "training.header.missing": "no column for these questions: {numbers}",
    "training.cell.no_name": "this row has answers but no name",
    "training.cell.repeated_person": (
        "the same person (same name and department) is already on row {row}"
    ),
    "training.cell.no_column": (
        "this column has no question number in the header, but something is written in it"
    ),
    "training.cell.truefalse": (
        "question {number} is true/false and “{cell}” is not an answer; write 对/错 (or Y/N, T/F)"
    ),
    "training.cell.no_such_option": (
        "question {number} has no option “{cell}”; its options are A–{last}"
    ),
    "training.cell.choice": (
        "question {number} is multiple choice and “{cell}” is not an answer; write "
        "a letter A–{last}"
    ),
    "training.cell.match": (
        "question {number} is matching and “{cell}” cannot be read; write it like 1E 2B 3A 4C 5D"
        " ({items} items, options A–{last})"
    ),
    "training.cli.print": (
        "do not start the exam: print the copy for the room (no answers; lines "
        "for name, department, "
        "date)"
    ),
    "training.cli.key": "do not start the exam: print the answer key alone (for trainers)",
    "training.cli.sheet_template": (
        "write an empty answer sheet (.csv or .xlsx): name, department, one column per question"
    ),
    "training.cli.mark": (
        "record a room's paper answer sheet (.csv or .xlsx): one row per person, "
        "each one handed-in "
        "attempt"
    ),
    "training.cli.accept": (
        "also accept an answer as right for question N (e.g. 12=非化石能源) and "
        "regrade every sitting; "
        "may be repeated"
    ),
    "training.cli.file_metavar": "FILE",
    "training.cli.accept_metavar": "N=ANSWER",
    "training.cli.file_exists": (
        "{path} already exists; so as not to overwrite it, choose another name or delete it first"
    ),
    "training.cli.cannot_write": "cannot write {path}: {reason}",
    "training.cli.template_written": "answer sheet template written to {path} ({count} questions)",
    "training.cli.sheet_refused": (
        "the answer sheet {path} has {count} problems; nothing was recorded. Fix them and try "
        "again."
    ),
    "training.cli.marked": "recorded the answers of {count} people ({path}).",
    "training.cli.marked_again": (
        "{count} of them had been recorded before and were not counted twice."
    ),
    "training.cli.marked_row": "row {row}  {name} ({department})  {score}%  {result}",
    "training.cli.passed": "passed",
    "training.cli.failed": "failed",
    "training.cli.accept_format": (
        "--accept takes NUMBER=ANSWER, e.g. 12=非化石能源; “{value}” is not of that form"
    ),
    "training.cli.accept_number": "the paper has {count} questions; there is no question {number}",
    "training.cli.accept_invalid": "“{answer}” cannot be an answer to question {number} ({kind})",
    "training.cli.accepted": (
        "question {number} now also accepts “{answer}”; the report and scores are regraded."
    ),
    "training.cli.one_action": (
        "use only one of --print, --key, --json, --sheet-template, --mark and --accept at a time"
    ),
    "training.cli.report": (
        "the trainer's report: who sat a paper, who passed, how each question and term fared"
    ),
    "training.cli.report_paper": "the paper file (.toml), as used for the exam",
    "training.cli.report_db": (
        "a progress store; repeat to merge several PCs' stores (each attempt counted once)"
    ),
    "training.cli.report_json": "print one JSON object",
    "training.cli.report_csv": (
        "write CSV (with a BOM, for Excel): summary, people, questions and terms, one file each"
    ),
    "training.cli.report_xlsx": "write one Excel workbook, one sheet per table",
    "training.cli.report_force": "overwrite output files that exist",
    "training.cli.report_written": "written: {paths}",
    "training.cli.no_sittings": "nobody has sat this paper ({title}) yet.",
    "training.report.title": "Training report: {title}",
    "training.report.summary": (
        "{sittings} sat, {passed} passed (pass rate {rate}), mean {mean}, median {median},"
        " Cronbach's α = {alpha}"
    ),
    "training.report.not_handed_in": "{count} more attempts were not handed in.",
    "training.report.noisy": (
        "Fewer than {count} people sat: the facility and discrimination figures below are noisy."
    ),
    "training.report.accepted": "question {number} also accepts: {answers}",
    "training.report.people": "People",
    "training.report.questions": (
        "Questions (⚑ looks broken: facility < 0.2 or discrimination < 0.15)"
    ),
    "training.report.terms": "Most-missed terms",
    "training.report.sheet": "paper",
    "training.report.table.room": (
        "Name|Department|Score %|Passed|Answered|Time (s)|Handed in|Attempts"
    ),
    "training.report.table.questions": (
        "No.|Kind|Term|Facility|Discrimination|Options chosen|Unanswered|Flagged"
    ),
    "training.report.table.terms": "Term|Wrong|Asked",
    "training.report.sheet.room": "People",
    "training.report.sheet.questions": "Questions",
    "training.report.sheet.terms": "Terms",
    "training.report.time": "Time",
    "training.cli.regraded": (
        "regraded the results of {count} handed-in sittings in this store"
        " (the answers stay as given)."
    ),
    "training.cli.report_screen": "show the report on screen (tabs: people, questions, terms)",
    "training.print.paper_id": "Paper id: {id}",
    "training.report.yes": "yes",
    "training.report.no": "no",
    #
    # --- import, export, extract, handouts (issue 11) ---
    "check.spreadsheet": (
        "this is a spreadsheet, not a glossary (glossaries are TOML files); import it first: "
        "carbon-glossary import {path} -o glossary.toml"
    ),
    "interop.csv_encoding": (
        "cannot tell this CSV file's encoding (neither UTF-8 nor GB18030; first unknown byte "
        '{byte}); in Excel use Save As "CSV UTF-8 (Comma delimited)" and import that'
    ),
    "interop.csv_syntax": "the CSV is malformed: {detail}",
    "interop.xlsx_unreadable": "cannot open this as an Excel workbook (.xlsx): {detail}",
    "interop.save_as_xlsx": (
        "{suffix} files cannot be read; save the sheet as an Excel workbook (.xlsx) or CSV "
        "and import that"
    ),
    "interop.no_rows": "the sheet has no rows below the column names; fill in one term per row",
    "interop.header_ignored": 'column "{name}" is no glossary field and was not imported',
    "interop.sheet_empty": (
        "the sheet is empty; its first row should name the columns (term, pinyin, definition…)"
    ),
    "interop.header_missing": (
        'this column has cells but no name in the first row; name it (e.g. "definition") or'
        " it cannot be imported"
    ),
    "interop.header_unknown": 'unknown column "{name}"; known columns: {allowed}',
    "interop.header_unknown_suggest": 'unknown column "{name}"; did you mean "{suggestion}"?',
    "interop.header_duplicate": 'column "{name}" appears again (first in column {first})',
    "interop.header_no_term": (
        'no "term" (术语) column; the first row names the columns and one of them must be "term"'
    ),
    "interop.cell_outside": (
        'this cell is right of the last named column, so "{value}" cannot be imported; give'
        " the column a name"
    ),
    "interop.term_empty": 'this row has cells but its "term" is empty',
    "interop.term_simplified": (
        'term "{original}" is not in simplified characters; written as "{term}" (the original'
        " kept as traditional); please check"
    ),
    "interop.conflict": (
        '"{header}" differs from "{term}" in the existing glossary ({into}): it has "{have}", '
        'the sheet "{given}"; the existing entry was not changed'
    ),
    "interop.output_exists": "{path} exists and was not overwritten; add --force to overwrite it",
    "interop.output_exists_merge": (
        "{path} exists and was not overwritten; use --merge {path} to add the new terms to it, "
        "or --force to overwrite it"
    ),
    "interop.import_refused": "{path} has errors; nothing was written. Fix them and import again.",
    "interop.imported": (
        "wrote {path}: {count} terms. Run carbon-glossary check {path} to look it over."
    ),
    "interop.merged": (
        "merged into {path}: {added} new terms, {unchanged} already there and identical, "
        "{conflicts} in conflict (not changed)."
    ),
    "interop.template_suffix": "the template can be written as .xlsx or .csv only: {path}",
    "interop.template_written": (
        "wrote the template {path}: the first row names the columns, the second is an example"
        " you may delete."
    ),
    "interop.exported": "wrote {path}: {count} terms.",
    "interop.paper_exported": "wrote {path}: {count} questions.",
    "interop.pdf_handout_only": (
        "only the handout (--format handout) can be printed to PDF (--pdf or -o FILE.pdf)"
    ),
    "interop.pdf_written": "printed to PDF: {path}",
    "interop.no_browser": (
        "no Chromium, Chrome or Edge found, so no PDF was made. Open {path} in a browser, "
        'press Ctrl+P, choose "Save as PDF", paper A4, and turn off headers and footers.'
    ),
    "interop.pdf_failed": (
        "the browser made no PDF ({detail}); open {path} in a browser and press Ctrl+P to print it."
    ),
    "interop.cli.import": "import an Excel sheet (.xlsx) or a CSV file as a glossary",
    "interop.cli.import_file": (
        "the sheet; its first row names the columns (term, pinyin, definition…, Chinese or English)"
    ),
    "interop.cli.import_output": (
        "the glossary file to write (default: the sheet's name with .toml)"
    ),
    "interop.cli.merge": (
        "add the new terms to this existing glossary (existing entries are never changed;"
        " conflicts are listed)"
    ),
    "interop.cli.on_conflict": (
        "when a row differs from an existing entry: keep the entry, add only new terms and"
        " exit with status 1 (default); replace the entry's fields with the sheet's (its id"
        " stays, its former text is kept as comments); or stop and write nothing"
    ),
    "interop.cli.title": "the glossary's title (default: the sheet's file name)",
    "interop.cli.force": "overwrite an output file that exists",
    "interop.cli.template": "write an empty sheet to fill in (column names and one example row)",
    "interop.cli.out": "output file",
    "interop.cli.export": (
        "export the glossary: CSV, Excel, Anki, Moodle, GIFT, a printable handout"
    ),
    "interop.cli.format": "the export format",
    "interop.cli.export_output": (
        "output file (default: the glossary's name with the format's suffix)"
    ),
    "interop.cli.category": "export this category only",
    "interop.cli.pdf": "also print the handout to PDF with this computer's Chromium/Chrome/Edge",
    "interop.cli.exam_export": (
        "write the paper as Moodle XML, GIFT or a printable HTML page (student copy, answer "
        "key) instead of sitting it"
    ),
    "interop.cli.exam_output": "output file for --export",
    "interop.format.csv": "CSV with a BOM (opens in Excel; can be imported again)",
    "interop.format.xlsx": "Excel workbook (can be imported again)",
    "interop.format.anki": "Anki deck .apkg (importing again updates, never duplicates)",
    "interop.format.anki_tsv": "Anki text import (TSV)",
    "interop.format.moodle_glossary": "Moodle glossary XML",
    "interop.format.gift": "GIFT questions (one fill-in question per term)",
    "interop.format.handout": "printable handout (HTML, pinyin over the characters)",
    "interop.format.moodle_paper": "Moodle XML questions",
    "interop.format.gift_paper": "GIFT questions",
    "interop.format.paper_print": "the student copy (printable HTML; -o FILE.pdf prints it to PDF)",
    "interop.format.paper_key": "the answer key (printable HTML; -o FILE.pdf prints it to PDF)",
    "interop.pdf_paper_printable": "only html and html-key can be printed to PDF",
    "interop.handout.source": "Source: ",
    "interop.handout.meta": "{count} terms · version {version}",
    "interop.handout.no_category": "Other",
    "interop.cli.extract": (
        "propose terms from a policy text (its own definitions, known terms, titles, document"
        " numbers, frequent phrases) for a person to confirm"
    ),
    "interop.cli.extract_file": (
        "the policy text (UTF-8 or GB18030; a scraped page with ruby pinyin is fine)"
    ),
    "interop.cli.extract_output": (
        "the candidates file (default: the text's name with .candidates.toml, in this folder)"
    ),
    "interop.cli.quote_mark": (
        "the mark put before each example, a quoted sentence (default 【原文】; the shipped "
        "glossary uses 【解读原文】)"
    ),
    "interop.cli.extract_limit": "at most this many frequent phrases (default 20)",
    "interop.extract_refused": "cannot read {path}.",
    "interop.extract_repaired": (
        '{where}: note: mis-encoded "{found}" restored from its bytes as "{to}"'
    ),
    "interop.extract_unrepaired": (
        '{where}: warning: probably mis-encoded: "{found}"; the original cannot be told'
        " for sure, left as it is; check the original"
    ),
    "interop.extract_header": (
        "Candidate terms proposed from {path}; confirm each before adding it to a glossary.\n"
        "The category says what kind of proposal it is; only terms the text defines have"
        " a definition, quoted verbatim; examples are the text's sentences using the term.\n"
        "Readings come from the glossary's rules, not from the ruby on the scraped page."
    ),
    "interop.extracted": (
        "wrote {path}: {count} candidate terms. Run carbon-glossary check {path}, then confirm"
        " them one by one."
    ),
    #
    #
    # --- serving a room's browsers (issue 10) ---
    #
    "serve.cli.help": "serve the app to a training room's browsers (each signs in first)",
    "serve.cli.description": (
        "Start a web server on this machine; every browser tab in the training room runs its"
        " own copy of the app: the person signs in with name and department (and the room"
        " code), then browses the glossary, or sits the exam when --exam is given. Only this"
        " machine can connect unless --host says otherwise (127.0.0.1 by default); on any other"
        " address a room code is required, generated and shown when --code is not given."
        " Ctrl+C stops it."
    ),
    "serve.cli.host": (
        "address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every network)"
    ),
    "serve.cli.port": "port (default {default})",
    "serve.cli.public_url": "the address people type (when behind a proxy or port forwarding)",
    "serve.cli.exam": "sit this exam paper after signing in, instead of browsing",
    "serve.cli.code_metavar": "CODE",
    "serve.cli.code": (
        "the room code people type to sign in (generated when serving beyond this machine)"
    ),
    "serve.cli.max_sessions": "most people at once (default {default}); others are asked to wait",
    "serve.cli.idle_minutes": (
        "close a page's app after this many minutes without input (default {default})"
    ),
    "serve.cli.bad_port": "the port should be a whole number from 1 to 65535, not “{value}”",
    "serve.cli.blank_code": "The room code must not be blank.",
    "serve.cli.cannot_listen": "cannot serve on port {port}: {reason}. Try another --port.",
    "serve.started": (
        "The room is open (at most {count} people at once). Give the room this address:"
    ),
    "serve.code": "Room code: {code} (tell the room; they type it when signing in)",
    "serve.exam": "Paper: {title} ({count} questions)",
    "serve.stop_hint": "Press Ctrl+C to stop.",
    "serve.event.signed_in": "signed in: {name} ({department})",
    "serve.event.left": "left: {name} ({department})",
    "serve.event.idle": "closed after no input: {name} ({department})",
    "serve.event.wrong_code": "wrong room code refused (from {address})",
    "serve.event.locked_out": (
        "{count} wrong room codes from {address}: that address is refused until {until}"
    ),
    "serve.store_failed": "could not write the person's name to the progress store: {reason}",
    "serve.table.title": "Room: {people} signed in, {online} online, {handed_in} handed in",
    "serve.table.online": "online",
    "serve.table.offline": "left",
    "serve.table.handed_in": "handed in {percent}%",
    "serve.trainer_page": "The trainer's view of the room (open it here; do not share): {url}",
    "serve.page.online": "Status",
    "serve.page.answered": "Answered",
    "serve.page.handed_in": "Handed in",
    "serve.page.title": "Carbon peaking glossary training",
    "serve.page.sign_in": "Sign in to start.",
    "serve.page.name": "Name",
    "serve.page.department": "Department",
    "serve.page.code": "Room code",
    "serve.page.enter": "Enter",
    "serve.page.retrying": "This page will try again by itself.",
    "serve.page.loading": "{name}, opening…",
    "serve.page.closed": (
        "This page's app has ended (it was quit, left idle, or the server stopped)."
    ),
    "serve.page.restart": "Open again",
    "serve.refused.name_missing": "Please give your name.",
    "serve.refused.name_invalid": "The name is too long or has characters that cannot be used.",
    "serve.refused.department_missing": "Please give your department.",
    "serve.refused.department_invalid": (
        "The department is too long or has characters that cannot be used."
    ),
    "serve.refused.wrong_code": "That room code is not right; ask the trainer.",
    "serve.refused.full": "The room is full ({count} people at once); please wait.",
    "serve.refused.too_many_tries": (
        "Too many wrong room codes: please wait a few minutes, and ask the trainer for the code."
    ),
    # --- tidy: import --merge conflicts ---
    "interop.conflict_replaced": (
        '"{header}" replaced from the sheet: "{term}" in the existing glossary ({into}) had'
        ' "{have}", now "{given}"'
    ),
    "interop.merge.original": "as it was before merging {sheet} (--on-conflict replace):",
    "interop.merge.kept_hint": (
        "{conflicts} entries in conflict were kept as they were; to take the sheet's fields"
        " instead, add --on-conflict replace (the former text is kept as comments)"
    ),
    # --- fair4 ---
    "check.term.near_unknown": (
        "in term {n} “{term}”, near names “{name}”, which is no term or id in this glossary"
    ),
    #
    # --- question kinds (issue 8 item 6) ---
    "quiz.kind.reading": "character reading",
    "quiz.instruction.reading": "Choose how this character is read in this term.",
    "quizui.hint.reading": "Press a number or a letter to choose the reading (or use ↑↓)",
    "quiz.skip.no_polyphone": (
        "“{term}” has no character with several readings to ask about: no {kind} question."
    ),
    # --- end of question kinds ---
    #
    # --- trust ---
    # The pinyin example is a word sharing no syllable with the reading asked for.
    "quizui.placeholder.pinyin_sample": "Type the pinyin here, e.g. {sample}",
    "quizui.hint.pinyin_sample": (
        "Tones as marks ({marked}) or numbers ({numbered}), v for ü; Enter submits"
    ),
    # Fewer questions than asked for: how many could be made, and why.
    "shortfall.why": " ({details})",
    "shortfall.separator": "; ",
    "shortfall.list_separator": ", ",
    "shortfall.kind": "{count} terms cannot be asked as {kind}: {reasons}",
    "shortfall.reason": "{label} ({count})",
    "shortfall.reason.no_definition": "no definition",
    "shortfall.reason.no_english": "no English name",
    "shortfall.reason.no_reading": "no hanzi reading",
    "shortfall.reason.no_sentence": "no example or definition containing the term",
    "shortfall.reason.too_few_terms": "too few other terms for wrong options",
    "shortfall.reason.too_long": "reading longer than {max} syllables",
    "shortfall.reason.giveaway": "the question would give the answer away",
    "shortfall.reason.no_polyphone": "no character with several readings",
    "shortfall.reason.unknown_kind": "no such kind",
    "practice.scope.glossary": "the glossary",
    "practice.scope.category": "category “{category}”",
    "practice.short": (
        "Only {made} questions could be made, not {count}: {scope} has {terms} terms,"
        " each asked at most once per kind{why}."
    ),
    "practice.mistakes_short": (
        "The mistake book has only {made} questions to retry, not {count}: each term answered"
        " wrong is asked once."
    ),
    "practice.none": "No questions can be made with these choices: {scope} has {terms} terms{why}.",
    "quiz.paper.count_too_large_all": (
        "{count} {kind} questions from all categories asked for, but the glossary supports"
        " {available}{why}"
    ),
    # --- end of trust ---
    #
    # --- polish ---
    "ui.search.placeholder_short": "Search: hanzi, pinyin or English; ? for help",
    "ui.report.people": "people",
    "ui.report.people.help": "Each person's score, time taken, and whether they handed in",
    "ui.report.questions": "questions",
    "ui.report.questions.help": "Each question's facility, discrimination and options chosen",
    "ui.report.terms": "terms",
    "ui.report.terms.help": "The terms most often answered wrong, first",
    "ui.report.close": "close",
    "ui.report.close.help": "Close the room report (q or Esc)",
    "ui.report.quit_hint": "Press q or Esc to close the room report",
    #
    # --- room ---
    "serve.http.wrong_key": (
        "Wrong key: open the full address shown in the trainer's terminal (with the part"
        " after ?key=)."
    ),
    "serve.http.forbidden": (
        "Not signed in: open the address the trainer gave and enter your name and department first."
    ),
    "serve.http.not_found": "No such page: check the address, or open the one the trainer gave.",
    "serve.http.method": (
        "This address cannot be opened that way: open the trainer's address in the browser."
    ),
    "serve.http.bad_request": "The request was malformed: open the trainer's address again.",
    "serve.http.too_large": "What was sent is too long to handle.",
    "serve.http.failed": (
        "The server ran into a problem: reload the page; if it persists, tell the trainer."
    ),
    "serve.http.full": "The room is full for now: please wait a little and open the page again.",
    "serve.http.other": (
        "This page cannot be opened (HTTP {status}): open the address the trainer gave."
    ),
    "serve.http.start_page": "Go to the sign-in page",
    "serve.event.resumed": (
        "{name} ({department}) carries on the paper begun at {started} ({answered} answered)"
    ),
    "serve.event.over_limit": (
        "{name} ({department}) has sat this paper {used} times (at most {limit} each): refused"
    ),
    # --- end of room ---
    #
    # --- columns ---
    "cli.section_heading": "{title}:",
    "cli.kind_choice": "{name} ({label})",
    # --- end of columns ---
    #
    # --- sheets ---
    "sheets.empty": (
        "the sheet is empty: row 1 must be the paper id (试卷编号：{paper}), row 2 the header:"
        " 姓名, 部门, 1, 2, …"
    ),
    "sheets.no_header": (
        "there is no header under the paper id: this row must read 姓名, 部门, 1, 2, …"
    ),
    "sheets.number.other": (
        "this answer sheet is for paper {sheet}, not for this paper {paper}: their questions"
        " differ, so marking it against this paper would give wrong scores. Mark it with the"
        " paper file and glossary the papers were printed from"
    ),
    "sheets.number.missing": (
        "this answer sheet has no paper id, so nothing shows it is for this paper ({paper})."
        " Look at the id printed at the end of the candidates' papers: if it is {paper}, insert"
        ' a first row whose first cell reads "Paper id: {paper}" and mark the sheet again; if'
        " not, use the paper file and glossary those papers were printed from"
    ),
    "sheets.leave.terminal": (
        "Leave the exam? Your answers are all saved; run the same command again to carry on."
        " The clock keeps running."
    ),
    "sheets.leave.browser": (
        "Leave the exam? Your answers are all saved; open this page again to carry on."
        " The clock keeps running."
    ),
    "sheets.leave.time_limit": (
        "If the time runs out while you are away, the paper is handed in as it stands when you"
        " come back; if you do not come back, it stays not handed in."
    ),
    "sheets.leave.attempts": (
        "This paper allows {limit} attempt(s) per person and this one counts: leaving does not"
        " end it, and coming back carries on this same attempt."
    ),
    "sheets.leave.yes": "leave",
    "sheets.left.terminal": (
        "Left the exam without handing it in: {answered} of {total} questions answered, all"
        " saved. Run the same command again to carry on; the clock keeps running ({clock})."
    ),
    "sheets.left.browser": (
        "Left the exam without handing it in: {answered} of {total} questions answered, all"
        " saved. Open this page again to carry on; the clock keeps running ({clock})."
    ),
    "sheets.left.time_left": "{time} left",
    "sheets.left.time_used": "{time} used",
    # --- end of sheets ---
    #
    # --- dburl ---
    "dburl.cli.db_metavar": "FILE_OR_URL",
    "dburl.cli.db": (
        "where progress is kept: a file path, or a postgresql://user@host:port/database address"
        " (default: CARBON_GLOSSARY_DB, else a file in your data folder)"
    ),
    "store.mistyped_postgres": (
        "The progress store address {location} is mistyped: write it as"
        " postgresql://user@host:port/database."
    ),
    "store.mistyped_sqlite": (
        "The progress store address {location} is mistyped: a SQLite file is written"
        " sqlite:///path (three slashes), or simply as a file path."
    ),
    "store.not_an_address": (
        'The progress store {location} starts with "{scheme}:" like an address, but not one'
        " this program knows: write a server as postgresql://user@host:port/database; for a"
        ' file whose name starts with "{scheme}:", write ./{location}.'
    ),
    "store.no_folder": (
        "The folder {folder} of the progress file {path} does not exist: check the path for a"
        " typo, or create the folder first."
    ),
    "store.pg.no_password": (
        "The progress server {location} asks for a password and none was given: put it in the"
        " address (postgresql://user:password@host:port/database) or in a pgpass file."
    ),
    "store.pg.no_database": (
        'The progress server {location} has no database named "{database}": check the database'
        " name at the end of the address, or ask the administrator to create it (see the README)."
    ),
    "store.pg.unreachable": (
        "Cannot reach the progress server {location}: the server is not running, the host name"
        " or port is wrong, or a firewall is in the way. (Detail: {reason})"
    ),
    "store.lost.retrying": (
        "The connection to the progress server was lost. Your answer is kept and will be saved"
        " when the connection is back; go on answering."
    ),
    "store.lost.gave_up": (
        "The connection to the progress server was lost and some answers could not be saved to"
        " it; check the network and answer those questions again."
    ),
    # --- end of dburl ---
    #
    # --- masking ---
    "quiz.instruction.quoted_blank": (
        "This sentence is quoted from the interpretation: fill the blank with the term the "
        "document itself uses (or pick it from the options)."
    ),
    # --- end of masking ---
    #
    # --- tabs ---
    # Why SQLite failed (store/sqlite.py, SqliteReason): our words, then SQLite's own.
    "store.sqlite.reason": "{explained}; SQLite: {detail}",
    "store.sqlite.corrupt": "its contents are broken or incomplete",
    "store.sqlite.not_a_database": "it is not a database SQLite can read",
    "store.sqlite.locked": "another program kept the file busy, and waiting for it timed out",
    "store.sqlite.read_only": "the file can be read but not written",
    "store.sqlite.full": "the disk is full",
    "store.sqlite.io": "reading or writing the disk failed",
    "store.sqlite.cannot_open": "the file could not be opened",
    "store.sqlite.denied": "permission to use the file was denied",
    # --- end of tabs ---
    #
    # --- report ---
    "training.report.table.summary": "Item|Value",
    "training.report.sheet.summary": "Summary",
    "training.report.row.paper": "Paper",
    "training.report.row.paper_id": "Paper id",
    "training.report.row.pass_mark": "Pass mark %",
    "training.report.row.sittings": "Sittings",
    "training.report.row.passed": "Passed",
    "training.report.row.pass_rate": "Pass rate %",
    "training.report.row.mean": "Mean %",
    "training.report.row.median": "Median %",
    "training.report.row.alpha": "Cronbach α",
    "training.report.row.not_handed_in": "Attempts not handed in",
    "training.report.row.note": "Note",
    "training.report.row.accepted": "Question {number} also accepts",
    # --- end of report ---
    #
    # --- fairpaper ---
    "quiz.key.also_right": " (also right: {answers})",
    # --- end of fairpaper ---
    #
    # --- interop (session 5) ---
    "interop.settings.unknown_table": (
        "'{table}' is not a table of the glossary settings; column 1 must be one of {allowed}"
    ),
    "interop.settings.unknown_key": "'{key}' is not a glossary setting; use one of {allowed}",
    "interop.settings.no_phrase": (
        "this row names no phrase: column 2 must be the phrase whose reading or form it sets"
    ),
    "interop.settings.repeated": "'{key}' is already set in row {first}; set it once",
    "interop.settings.not_merged": (
        "{name} differs from {into} (there '{have}', in the sheet '{given}'): a merge leaves "
        "the glossary's settings as they are; change them in {into} if needed"
    ),
    "interop.import.own_readings": (
        "{count} terms have a reading that differs from the computed one and got their own "
        "pinyin; the other terms' readings are computed and not written to the file."
    ),
    "interop.import.confirmed_readings": (
        "{count} terms contain a character with several readings: the sheet's reading was "
        "written as their pinyin, confirming it (check no longer warns); make sure each is right."
    ),
    "interop.import.no_settings": (
        "Note: {path} has no 'glossary settings' sheet (a CSV file is a single table and "
        "cannot carry one; an XLSX export has it): the title is '{title}' (set it with "
        "--title), the version {version}, and there are no phrase tables. If the original "
        "glossary had them, add them to the new file, or --merge into the original glossary."
    ),
    "interop.merge.former": "before merging {sheet}: ",
    "interop.merge.replaced_summary": (
        "merged into {path}: {added} new terms, {unchanged} already there and the same, "
        "{replaced} replaced from the sheet (what they replaced is kept as comments in the entry)."
    ),
    # --- end of interop (session 5) ---
}
