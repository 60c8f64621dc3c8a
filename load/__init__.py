"""Load: extracted reports -> PostgreSQL, one document per transaction."""
