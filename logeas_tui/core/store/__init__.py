"""The store: peewee models over SQLite (or PostgreSQL), and queries returning plain dataclasses."""
