"""/data/projects.json and /data/projects.csv: cached like pages, with an ETag."""

import hashlib

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from caching.page_cache import mark_cacheable
from open_data.dataset import as_csv, as_json, project_rows


def data_response(content: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # A strong validator of the bytes: ConditionalGetMiddleware answers a matching
    # If-None-Match with 304, for page-cache hits too.
    response["ETag"] = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    # Open data: any website may read it from a browser script.
    response["Access-Control-Allow-Origin"] = "*"
    mark_cacheable(response)
    return response


@require_safe
def projects_json(request):
    return data_response(as_json(project_rows(request)), "application/json")


@require_safe
def projects_csv(request):
    return data_response(as_csv(project_rows(request)), "text/csv; charset=utf-8")
