"""The pure core: glossary model, loading, readings, order, search, quizzes.

Nothing in this package imports textual or rich. Submodules are imported explicitly
(``from carbon_glossary.core.model import Term``) so that importing the package stays cheap:
pypinyin in particular must not be imported when a warm cache makes it unnecessary.
"""
