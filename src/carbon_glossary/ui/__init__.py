"""The Textual application. Only this package imports textual."""
