"""Database states the tests come back to, copied row by row in SQL.

- The rows the migrations make (Wagtail's tree root and welcome page, the default site, locale
  and collection, the editorial groups, their permissions and the moderation workflow) are put
  back after every flush. A transactional test (live server, browser, TransactionTestCase) ends
  with pytest-django emptying every table, as Django's TransactionTestCase does. Run one after
  another, the suite never noticed: pytest-django runs the TestCase classes first. Spread over
  several processes (`make test` runs pytest-xdist), a process may run a TestCase class after a
  transactional test, and that class must find the database as the migrations left it.
- The initial content (tests/initial_content.py): loaded by the real command once per process,
  then copied back wherever a test needs it.

Django's own answer, serialized rollback, goes through the models, where
wagtail-modeltranslation's per-language fields blank the pages' titles and slugs; copying the
rows as they are, table by table, does not.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import TransactionTestCase


def table_names() -> list[str]:
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def row_counts() -> dict[str, int]:
    """{table: rows} of every table of the models: what a state is recognised by."""
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in table_names():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def is_sqlite_virtual_table(table: str) -> bool:
    """SQLite's full-text index of Wagtail's search, which triggers on the index entries' table
    fill and empty."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
        found = cursor.fetchone()
    return bool(found and found[0].upper().startswith("CREATE VIRTUAL TABLE"))


class TableRows:
    """Every row of every table of the models, as the database driver hands them over."""

    def __init__(self):
        self.tables: dict[str, tuple[list[str], list[tuple]]] = {}

    def capture(self):
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table in table_names():
                if is_sqlite_virtual_table(table):
                    continue
                cursor.execute(f"SELECT * FROM {quote(table)}")
                rows = cursor.fetchall()
                if rows:
                    self.tables[table] = ([column[0] for column in cursor.description], rows)
        return self

    def restore(self):
        """Every table emptied and given these rows, with their own primary keys."""
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table in table_names():
                cursor.execute(f"DELETE FROM {quote(table)}")
            # Foreign keys are checked at the commit (Django makes them deferrable).
            for table, (columns, rows) in self.tables.items():
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
        ContentType.objects.clear_cache()


def restore_after_every_flush(rows: TableRows):
    """TransactionTestCase's teardown (pytest-django's transactional_db and live_server use it)
    flushes the database; from now on it also puts `rows` back (what the flush's post_migrate
    signal made again, content types and permissions, is replaced by the originals)."""
    flush = TransactionTestCase._fixture_teardown

    def flush_then_restore(self):
        flush(self)
        rows.restore()

    TransactionTestCase._fixture_teardown = flush_then_restore
