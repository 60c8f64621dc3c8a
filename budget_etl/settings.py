"""One settings object, read from the environment (and a .env file) when needed.

    DATABASE_URL              a PostgreSQL server to use; unset -> the embedded server
    BUDGET_ETL_DATA_DIR       where the embedded server keeps its data (default: .budget-etl)
    BUDGET_ETL_BATCH_SIZE     most documents per batch task, extracted and loaded together (default: 1000)
    BUDGET_ETL_SCHEDULE_CRON  the nightly schedule of `budget-etl serve` (default: 0 2 * * *)
    BUDGET_ETL_TIMEZONE       its time zone (default: Asia/Shanghai)
    BUDGET_ETL_DEPARTMENTS_FILE  the department aliases file (default: reference/departments.csv)
    BUDGET_ETL_LOCK_WAIT_SECONDS how long a run waits for another run to finish (default: 0)
    BUDGET_ETL_MAX_FILE_MB    the largest report file read, in MB (default: 100); larger ones fail unread
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BUDGET_ETL_", env_file=".env", extra="ignore")

    database_url: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "BUDGET_ETL_DATABASE_URL")
    )
    """postgresql://user:password@host:port/dbname; unset: the embedded server under data_dir."""
    data_dir: Path = Path(".budget-etl")
    batch_size: int = Field(default=1000, ge=1, le=10_000)
    schedule_cron: str = "0 2 * * *"
    timezone: str = "Asia/Shanghai"
    departments_file: Path = Path(__file__).resolve().parents[1] / "reference" / "departments.csv"
    """The aliases file mapping published department names to canonical ones."""
    lock_wait_seconds: float = Field(default=0, ge=0)
    """How long an ingest run waits for another run's lock before it gives up (0: not at all)."""
    max_file_mb: float = Field(default=100, gt=0)
    """The largest report file read, in MB (2^20 bytes). A larger file fails before it is read: the
    largest published report of the corpus is a few MB, and a 200 MB file is no report."""

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        """A PostgreSQL URL this tool can use; the errors never repeat the value (it holds a password)."""
        from sqlalchemy import make_url
        from sqlalchemy.exc import ArgumentError

        if value is None or not value.get_secret_value().strip():
            return None
        if not value.get_secret_value().startswith(("postgresql", "postgres://")):
            raise ValueError("DATABASE_URL must be a PostgreSQL URL, e.g. postgresql://user@host:5432/dbname")
        try:
            url = make_url(value.get_secret_value().strip())
        except (ArgumentError, ValueError):
            raise ValueError(
                "DATABASE_URL cannot be read as a URL (its value is not shown): check the port and any brackets, "
                "and percent-encode special characters of the password"
            ) from None
        if url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
            raise ValueError(f"DATABASE_URL must use the psycopg driver (postgresql:// or postgresql+psycopg://), not {url.drivername}")
        return SecretStr(value.get_secret_value().strip())


@cache
def get_settings() -> Settings:
    return Settings()
