"""budget-etl: Chinese public-budget disclosures -> a PostgreSQL star schema."""

__version__ = "0.1.0"
