"""Question kinds: one :class:`~carbon_glossary.core.kinds.spec.KindSpec` per kind, declared
once in the registry of :mod:`.spec`; the question and verdict every kind shares
(:mod:`.question`); how a question prints as text (:mod:`.printing`). The built-in kinds'
generation lives in :mod:`carbon_glossary.core.quiz`; a kind with generation of its own
has a module here.
"""
