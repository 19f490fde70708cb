"""Storage: the SQLite file through peewee, migrations, and the repository."""
