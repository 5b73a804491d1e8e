"""Workspace storage: SQLite file, SQLAlchemy models, migrations and the services the UI and CLI call."""
