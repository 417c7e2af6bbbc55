"""Storage: the database connection, models, prepared statements, migrations and transactions."""
