"""What a person does, without a screen: study and practice rounds, exam sittings, marking
answer sheets, the room report and stats.

Front ends (the terminal UI, the browser, the command line) display and drive these objects;
the rules live here. Talks to the progress store only through its Protocol; never imports
textual or rich.
"""
