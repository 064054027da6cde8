"""Properties of the spreadsheet parsers: list cells give back their values, and any sheet is
either imported as a valid glossary or refused with problems at sheet positions, never a
traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carbon_glossary.core.loader import load_glossary_bytes
from carbon_glossary.interop.fields import FIELDS, join_list, split_list
from carbon_glossary.interop.importer import import_sheet
from carbon_glossary.interop.sheets import Sheet

_TEXT = st.text(
    alphabet=st.sampled_from("碳达峰中和绿色低碳技术能源 ;；,，:：ab1长行重\"'[]{}=#~"),
    max_size=12,
)
_VALUE = _TEXT.map(str.strip).filter(bool)


@given(st.lists(_VALUE, max_size=5))
def test_a_list_cell_gives_back_its_values(values: list[str]) -> None:
    assert split_list(join_list(values)) == values


# Mostly sheets a person could make: the term column first, other known columns once each
# (Chinese or English), now and then an unknown or an empty header; cells with hanzi,
# separators and TOML's and GIFT's own characters.
_OTHER = st.lists(
    st.tuples(st.sampled_from(FIELDS[1:]), st.booleans()), unique_by=lambda p: p[0].key, max_size=5
).map(lambda fields: [f.zh if zh else f.en for f, zh in fields])
_HEADERS = st.tuples(
    st.sampled_from(["术语", "term", "Term", "释义"]),
    _OTHER,
    st.lists(st.sampled_from(["备注", ""]), max_size=1),
).map(lambda parts: [parts[0], *parts[1], *parts[2]])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HEADERS, st.data())
def test_any_sheet_is_imported_or_refused_at_its_cells(
    header: list[str], data: st.DataObject
) -> None:
    # rows mostly as wide as the header; now and then a cell beyond it
    width = st.integers(0, len(header) + 1).flatmap(
        lambda n: st.lists(_TEXT, min_size=n, max_size=n)
    )
    rows = data.draw(st.lists(width, max_size=6))
    sheet = Sheet(
        "s.csv",
        tuple(header),
        tuple((n, tuple(c.strip() for c in cells)) for n, cells in enumerate(rows, start=2)),
    )
    result = import_sheet(sheet, title="t", output_path="out.toml")
    for problem in result.problems:
        # every problem is on the sheet, where the trainer fixes it
        assert problem.path == "s.csv"
        assert 1 <= problem.line <= len(rows) + 1 and problem.column >= 1
        assert problem.message
    if result.text is None:
        assert result.errors
    else:
        assert not result.errors
        load_glossary_bytes(result.text.encode("utf-8"), "out.toml")  # valid as written


_NO_SEPARATOR = (
    st.text(alphabet=st.sampled_from("碳达峰中和绿色低碳 ab1\"'[]{}=#~\\"), min_size=1, max_size=10)
    .map(str.strip)
    .filter(bool)
)


def _toml_list(values: list[str], spread: bool) -> str:
    import tomli_w

    if spread:  # tomli-w's layout
        return tomli_w.dumps({"v": values}).removeprefix("v = ").rstrip("\n")
    items = (tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n") for value in values)
    return "[" + ", ".join(items) + "]"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    english=st.lists(_NO_SEPARATOR, min_size=1, max_size=3),
    tags=st.lists(_NO_SEPARATOR, min_size=1, max_size=3),
    spread=st.tuples(st.booleans(), st.booleans()),
    definition=_NO_SEPARATOR,
    multiline_definition=st.booleans(),
    new=st.fixed_dictionaries(
        {},
        optional={
            "english": st.lists(_NO_SEPARATOR, min_size=1, max_size=3),
            "definition": _NO_SEPARATOR,
            "aliases": st.lists(_NO_SEPARATOR, min_size=1, max_size=2),
        },
    ),
)
def test_replace_changes_the_replaced_keys_and_no_other_line(
    english: list[str],
    tags: list[str],
    spread: tuple[bool, bool],
    definition: str,
    multiline_definition: bool,
    new: dict[str, object],
) -> None:
    """Whatever the entry's layout and whatever the values hold (quotes, brackets, ``#``,
    backslashes), a replacement reads back as the merged entry, and every line of the file
    that is not a replaced key's (or the comment keeping it) is as it was."""
    import tomli_w

    from carbon_glossary.interop.fields import LIST_FIELDS

    written_definition = (
        '"""' + definition.replace("\\", "\\\\").replace('"', '\\"') + '\n"""'
        if multiline_definition
        else tomli_w.dumps({"v": definition}).removeprefix("v = ").rstrip("\n")
    )
    entry_lines = {
        "term": 'term = "碳中和"',
        "english": f"english = {_toml_list(english, spread[0])}",
        "tags": f"tags = {_toml_list(tags, spread[1])}",
        "definition": f"definition = {written_definition}",
    }
    text = (
        '[glossary]\ntitle = "t"\n\n[[term]]\n'
        + "\n".join(entry_lines.values())
        + '\n# ours\n\n[[term]]\nterm = "碳汇"\ndefinition = "吸收。"\n'
    )
    glossary = load_glossary_bytes(text.encode(), "into.toml")
    keys = ["term", *new]
    cells = [join_list(value) if key in LIST_FIELDS else value for key, value in new.items()]
    sheet = Sheet("s.csv", tuple(keys), ((2, ("碳中和", *cells)),))
    result = import_sheet(
        sheet, title=None, output_path="into.toml", into=(glossary, text), policy="replace"
    )
    assert result.text is not None, [p.format() for p in result.errors]
    merged = load_glossary_bytes(result.text.encode(), "into.toml")
    first = merged.terms[0]
    expected = {"english": english, "tags": tags, "definition": definition, **new}
    for key, value in expected.items():
        have = getattr(first, key)
        assert (list(have) if isinstance(have, tuple) else have) == value
    assert merged.terms[1].definition == "吸收。"
    # Every other line of the file is still there, in order; what changed is the replaced
    # keys' lines and the comments that keep them.
    replaced = {line for key in new if key in entry_lines for line in entry_lines[key].splitlines()}
    untouched = [line for line in text.splitlines() if line not in replaced]
    lines = iter(result.text.splitlines())
    assert all(any(line == other for other in lines) for line in untouched)
