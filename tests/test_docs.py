"""The README documents every command, every mart view and column, and every check."""

from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from budget_etl.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group, prefix=""):
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(command, "commands"):
            yield from commands(command, f"{full} ")
        else:
            yield full


@pytest.mark.parametrize("command", sorted(commands(main)))
def test__readme__documents_every_command(command):
    assert f"budget-etl {command}" in README


@pytest.mark.parametrize("command", sorted(commands(main)))
def test__cli__every_command_explains_itself(command):
    result = CliRunner().invoke(main, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.split("\n\n")[1].strip()) > 20


def test__readme__documents_every_rule():
    with open(ROOT / "transform" / "rules.csv", encoding="utf-8") as handle:
        rules = [row["rule"] for row in csv.DictReader(handle)]
    assert rules and all(f"`{rule}`" in README for rule in rules)


def view_paragraphs() -> dict[str, str]:
    """README's paragraph of each mart view: from its **mart.name** to the next blank line."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r"^\*\*mart\.(\w+)\*\*.*?(?=\n\n|\Z)", README, flags=re.MULTILINE | re.DOTALL)
    }


def test__readme__documents_every_mart_view_and_column(engine):
    """Each column is named in its own view's paragraph, not just somewhere in the README."""
    with engine.connect() as connection:
        columns = connection.execute(
            text("select table_name, column_name from information_schema.columns where table_schema = 'mart'")
        ).all()
    paragraphs = view_paragraphs()
    undocumented = [
        f"{view}.{column}" for view, column in columns if not re.search(rf"`{column}`", paragraphs.get(view, ""))
    ]
    assert not undocumented


def test__cli__an_unreachable_database_is_one_line(monkeypatch):
    from budget_etl import database, settings

    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere")
    settings.get_settings.cache_clear()
    database.forget_engines()
    try:
        result = CliRunner().invoke(main, ["status"])
    finally:
        settings.get_settings.cache_clear()
        database.forget_engines()
    assert result.exit_code == 1
    assert "cannot use the database postgresql+psycopg://postgres@127.0.0.1:1/nowhere" in result.output
    assert "Traceback" not in result.output
