"""`manage.py migrate`: wagtail-modeltranslation's migrate, with its column sync told briefly.

wagtail-modeltranslation's migrate (which this replaces in INSTALLED_APPS) adds the translated
columns of Wagtail's Page (title_da, slug_en, ...) after Django's migrations, and print()s every
ALTER TABLE regardless of --verbosity: 40 lines on a new database. Here that report follows the
verbosity: one line per model at 1, the SQL at 2. Anything else it prints is passed on as it is,
and when it may ask questions (without --noinput) it is not touched at all.
"""

import contextlib
import io
import re

from wagtail_modeltranslation.management.commands.migrate_translation import (
    Command as TranslationMigrateCommand,
)

MISSING = re.compile(
    r'^Missing languages in "(?P<field>[^"]+)" field from "(?P<model>[^"]+)" model: '
)
# The lines the column sync prints about its work (modeltranslation's sync_translation_fields).
ROUTINE = re.compile(
    r'^(|SQL to synchronize ".*" schema:|   ALTER TABLE .*|Executing SQL\.\.\.|Done|'
    r"No new translatable fields detected)$"
)


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        if options.get("interactive", True):
            return super().handle(*args, **options)
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                super().handle(*args, **options)
        finally:
            self.report_sync(printed.getvalue(), options.get("verbosity", 1))

    def report_sync(self, printed: str, verbosity: int):
        if verbosity >= 2:
            self.stdout.write(printed, ending="")
            return
        added: dict[str, list[str]] = {}
        for line in printed.splitlines():
            if match := MISSING.match(line):
                languages = line[match.end() :].split(", ")
                added.setdefault(match["model"], []).extend(
                    f"{match['field']}_{language}" for language in languages
                )
            elif not ROUTINE.match(line):
                self.stdout.write(line)  # not the sync's routine report: never swallowed
        if verbosity >= 1:
            for model, columns in added.items():
                self.stdout.write(f"Translated columns added to {model}: {', '.join(columns)}")
