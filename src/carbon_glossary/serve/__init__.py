"""The browser front door: a training room's browsers served the app through textual-serve,
behind a sign-in form and a room code (:mod:`carbon_glossary.serve.server`), with the door's
rules kept apart from the web server (:mod:`carbon_glossary.serve.room`).

Nothing is imported here, so importing the package costs nothing; the command line imports
:mod:`carbon_glossary.serve.server` only for ``carbon-glossary serve``.
"""
