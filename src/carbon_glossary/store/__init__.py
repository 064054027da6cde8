"""Progress persistence (SQLite) behind a small interface."""
