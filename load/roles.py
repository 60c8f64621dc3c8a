"""A login role for BI tools: it may SELECT from the mart views and nothing else.

The mart views run with their owner's rights, so the reader needs no access to core or etl:
it gets USAGE on mart, SELECT on its views (now and, through default privileges, later ones),
and no other privilege.

Nor temporary tables. Every role may create them through PUBLIC's TEMP privilege on the
database, and a privilege PUBLIC holds cannot be taken from one role alone: PUBLIC loses it and
each role that had it through PUBLIC is granted it by name (the readers excepted), so that
only the readers lose it. A role created later has no TEMP until it is granted.
"""

from __future__ import annotations

import re

from psycopg import sql
from sqlalchemy import Connection

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
READER_COMMENT = "budget-etl reader: SELECT on the mart views, nothing else"
"""How a reader role is told from the others (its comment)."""


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
        sql.SQL("comment on role {} is {}").format(role, sql.Literal(READER_COMMENT)),
    ]
    statements += temporary_tables_for_all_but_readers(connection, name)
    if password:
        statements.append(sql.SQL("alter role {} with password {}").format(role, sql.Literal(password)))
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def temporary_tables_for_all_but_readers(connection: Connection, reader: str) -> list[sql.Composed]:
    """TEMP on the database taken from PUBLIC and given back to every other role by name."""
    database = sql.Identifier(connection.engine.url.database)
    others = connection.exec_driver_sql(
        """
        select rolname from pg_roles
        where rolname !~ '^pg_' and rolname <> %s
          and coalesce(shobj_description(oid, 'pg_authid'), '') <> %s
        order by rolname
        """,
        (reader, READER_COMMENT),
    ).scalars().all()
    statements = [sql.SQL("revoke temporary on database {} from public").format(database)]
    if others:
        names = sql.SQL(", ").join(sql.Identifier(other) for other in others)
        statements.append(sql.SQL("grant temporary on database {} to {}").format(database, names))
    statements.append(sql.SQL("revoke temporary on database {} from {}").format(database, sql.Identifier(reader)))
    return statements
