"""The live resilience projects as rows: what /data/projects.json and .csv hold.

One row per live, public project, in both languages at once (the English title, address and
summary are empty for a project not translated into English). Pillar and principles are given
by their Danish slugs, which are stable identifiers for people joining the files.
"""

import csv
import io
import json

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from caching.lookups import public_pages
from core.languages import is_translated, language_codes

# The fields in file order, each with what it means (shown on the /data/ page).
FIELDS = [
    ("id", _("Projektets faste nummer (Wagtails side-id).")),
    ("title_da", _("Titel på dansk.")),
    ("title_en", _("Titel på engelsk; tom, hvis projektet ikke er oversat.")),
    ("url_da", _("Projektsidens adresse på dansk.")),
    ("url_en", _("Projektsidens adresse på engelsk; tom, hvis projektet ikke er oversat.")),
    ("pillar", _("Den strategiske søjle, projektet hører under (søjlens danske slug).")),
    (
        "principles",
        _("Principperne, projektet bygger på (danske slugs; i CSV adskilt af semikolon)."),
    ),
    ("status", _("planned (planlagt), ongoing (i gang), completed (afsluttet) eller tom.")),
    ("first_published_at", _("Hvornår projektet først blev udgivet (ISO 8601).")),
    ("last_published_at", _("Hvornår projektet sidst blev udgivet (ISO 8601).")),
    ("summary_da", _("Resumé på dansk.")),
    ("summary_en", _("Resumé på engelsk; tomt, hvis projektet ikke er oversat.")),
]
FIELD_NAMES = [name for name, _description in FIELDS]


def file_urls() -> dict[str, str]:
    return {
        "json": reverse("open_data_projects_json"),
        "csv": reverse("open_data_projects_csv"),
    }


def _timestamp(value) -> str:
    return timezone.localtime(value).isoformat() if value else ""


def project_rows(request=None) -> list[dict]:
    """Every live, public project in tree order, as dicts with FIELD_NAMES (3 queries)."""
    from strategy.models import PillarPage, PrinciplePage, ProjectPage

    live_principles = PrinciplePage.objects.live().only("pk", "slug_da", "path").order_by("path")
    projects = list(
        public_pages(ProjectPage.objects.live())
        .order_by("path")
        .prefetch_related(Prefetch("principles", queryset=live_principles))
    )
    steplen = Page.steplen
    pillar_slugs = dict(
        PillarPage.objects.filter(
            path__in={project.path[:-steplen] for project in projects}
        ).values_list("path", "slug_da")
    )
    rows = []
    for project in projects:
        urls = {}
        for language in language_codes():
            url = ""
            if is_translated(project, language):
                with translation.override(language):
                    url = project.get_full_url(request) or ""
            urls[language] = url
        rows.append(
            {
                "id": project.pk,
                "title_da": project.title_da or "",
                "title_en": project.title_en or "",
                "url_da": urls["da"],
                "url_en": urls["en"],
                "pillar": pillar_slugs.get(project.path[:-steplen], ""),
                "principles": [principle.slug_da for principle in project.principles.all()],
                "status": project.status,
                "first_published_at": _timestamp(project.first_published_at),
                "last_published_at": _timestamp(project.last_published_at),
                "summary_da": project.summary_da or "",
                "summary_en": (project.summary_en or "") if project.title_en else "",
            }
        )
    return rows


def as_json(rows) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=1).encode()


def as_csv(rows) -> bytes:
    """UTF-8 with a byte order mark (so spreadsheet programs read æ, ø and å right)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELD_NAMES, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "principles": ";".join(row["principles"])})
    return ("\ufeff" + out.getvalue()).encode()
