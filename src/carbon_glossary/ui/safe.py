"""Make glossary text safe to put on a terminal: the rule lives in
:mod:`carbon_glossary.core.safe`, shared with the command line.

Markup is never interpreted because the UI only builds ``rich.text.Text`` objects from
glossary text, but control characters would still reach the terminal; each is shown as one
visible character (ESC → ␛), so offsets into the text (search highlights) stay valid.
"""

from __future__ import annotations

from carbon_glossary.core.safe import visible, visible_line, without_controls

__all__ = ["visible", "visible_line", "without_controls"]
