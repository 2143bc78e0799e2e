"""Danish for the admin's own strings: the Wagtail msgids Wagtail's `da` catalogues lack.

Wagtail ships a Danish catalogue that covers a fraction of its admin, so the project keeps its
own for Wagtail's msgids in `locale_wagtail/da/LC_MESSAGES/` (one file per gettext domain). It
is a separate tree from `locale/` because `makemessages` rewrites `locale/` from the project's
own source; `LOCALE_PATHS` lists both, and Django lets them take precedence over every app's
catalogue. `make admin-messages` (`manage.py update_admin_messages`) merges the msgids of the
installed Wagtail version into it, so an upgrade shows its new strings as untranslated entries.
"""

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po
from django.apps import apps
from django.conf import settings

LANGUAGE = "da"
DOMAINS = ("django", "djangojs")
# wagtail-modeltranslation puts its few admin strings through gettext but ships no catalogue:
# its msgids are extracted from its Python source.
EXTRACTED_APPS = ("wagtail_modeltranslation",)
HEADER_COMMENT = """\
# Danish for the Wagtail admin's msgids that Wagtail's own Danish catalogue lacks (or gets
# wrong). `make admin-messages` merges new msgids in; translate them, then `make messages`.
#"""
KEYWORDS = {**DEFAULT_KEYWORDS, "gettext_lazy": None, "ngettext_lazy": (1, 2)}


@dataclass(frozen=True)
class WagtailMessage:
    msgid: str
    plural: str | None
    context: str | None
    app: str


def catalogue_path(domain: str) -> Path:
    return Path(settings.BASE_DIR) / "locale_wagtail" / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def _wagtail_apps():
    for app_config in apps.get_app_configs():
        if app_config.name == "wagtail" or app_config.name.startswith("wagtail."):
            yield app_config


def _read(path: Path) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as f:
        return read_po(f)


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return not message.fuzzy and all(strings)


def _split(message_id) -> tuple[str, str | None]:
    if isinstance(message_id, tuple | list):
        return message_id[0], message_id[1]
    return message_id, None


def wagtail_messages(domain: str):
    """Every msgid of the installed Wagtail apps (their English catalogues list them all) and
    of wagtail-modeltranslation, each once, with whether Wagtail's own Danish translates it."""
    seen = set()
    for app_config in _wagtail_apps():
        locale_dir = Path(app_config.path) / "locale"
        english = _read(locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po")
        if english is None:
            continue
        danish = _read(locale_dir / LANGUAGE / "LC_MESSAGES" / f"{domain}.po")
        for message in english:
            if not message.id:
                continue
            msgid, plural = _split(message.id)
            key = (msgid, message.context)
            if key in seen:
                continue
            seen.add(key)
            found = danish.get(message.id, message.context) if danish is not None else None
            yield (
                WagtailMessage(msgid, plural, message.context, app_config.name),
                bool(found is not None and _translated(found)),
            )
    if domain != "django":
        return
    for app_name in EXTRACTED_APPS:
        if not apps.is_installed(app_name):
            continue
        path = apps.get_app_config(app_name.rpartition(".")[2]).path
        extracted = extract_from_dir(
            path, method_map=[("tests/**.py", "ignore"), ("**.py", "python")], keywords=KEYWORDS
        )
        for _filename, _lineno, message_id, _comments, context in extracted:
            msgid, plural = _split(message_id)
            if (msgid, context) not in seen:
                seen.add((msgid, context))
                yield WagtailMessage(msgid, plural, context, app_name), False


def all_msgids(domain: str = "django") -> list[WagtailMessage]:
    return [message for message, _translated_by_wagtail in wagtail_messages(domain)]


def update_catalogue(domain: str) -> tuple[int, int]:
    """Merge the installed Wagtail's msgids that its Danish lacks into the project's catalogue
    (and keep the project's own translation of any msgid Wagtail's Danish gets wrong). Returns
    (entries, of which untranslated)."""
    path = catalogue_path(domain)
    existing = _read(path) or Catalog(locale=LANGUAGE, domain=domain)
    template = Catalog(locale=LANGUAGE, domain=domain)
    for message, translated_by_wagtail in wagtail_messages(domain):
        message_id = (message.msgid, message.plural) if message.plural else message.msgid
        ours = existing.get(message_id, message.context)
        if translated_by_wagtail and not (ours is not None and _translated(ours)):
            continue
        template.add(message_id, context=message.context, auto_comments=[message.app])
    # The header keeps its date: a run that changes no entry changes no line.
    existing.update(template, update_header_comment=False, update_creation_date=False)
    existing.header_comment = HEADER_COMMENT
    existing.project = "Resiliente Vejle"
    existing.language_team = "Danish"
    # A fuzzy header would be left out by msgfmt, and with it the charset and plural forms.
    existing.fuzzy = False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        # Obsolete entries are dropped: Wagtail no longer shows them.
        write_po(f, existing, ignore_obsolete=True, omit_header=False, width=100)
    untranslated = sum(1 for message in existing if message.id and not _translated(message))
    return len([message for message in existing if message.id]), untranslated
