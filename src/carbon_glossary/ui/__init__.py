"""The Textual application. Only this package imports textual.

Messages are small dataclasses nested in the widget or screen that posts them, declared
``@dataclass(eq=False, repr=False)``: a message is an event, the same only as itself (so
it stays hashable), and it prints with Textual's own repr. Generating only ``__init__``
also halves what each message class costs to create, which every start pays for the
browse screen's nine (about 0.3 ms each).
"""
