"""Alembic migrations of the workspace schema, one step per schema version."""
