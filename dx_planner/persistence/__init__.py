"""Persistence: the SQLAlchemy schema, opening/upgrading databases, and repository functions."""
