"""Alembic migrations. Run automatically when a database is opened."""
