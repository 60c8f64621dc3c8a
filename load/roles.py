"""A login role for BI tools: it may SELECT from the mart views and nothing else.

The mart views run with their owner's rights, so the reader needs no access to core or etl:
it gets USAGE on mart, SELECT on its views (now and, through default privileges, later ones),
and no other privilege.
"""

from __future__ import annotations

import re

from psycopg import sql
from sqlalchemy import Connection

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class InvalidRoleName(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name!r} is not a valid role name: use lower-case letters, digits and _, starting with a letter")


def create_reader(connection: Connection, name: str, password: str | None) -> None:
    if not ROLE_NAME.match(name):
        raise InvalidRoleName(name)
    role = sql.Identifier(name)
    exists = connection.exec_driver_sql("select 1 from pg_roles where rolname = %s", (name,)).first()
    statements = [
        sql.SQL("alter role {} with login nosuperuser nocreatedb nocreaterole noinherit").format(role)
        if exists
        else sql.SQL("create role {} with login nosuperuser nocreatedb nocreaterole noinherit").format(role),
        sql.SQL("grant connect on database {} to {}").format(sql.Identifier(connection.engine.url.database), role),
        sql.SQL("revoke all on schema core, etl from {}").format(role),
        sql.SQL("grant usage on schema mart to {}").format(role),
        sql.SQL("grant select on all tables in schema mart to {}").format(role),
        sql.SQL("alter default privileges in schema mart grant select on tables to {}").format(role),
    ]
    if password:
        statements.append(sql.SQL("alter role {} with password {}").format(role, sql.Literal(password)))
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
