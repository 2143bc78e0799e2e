"""The benchmark's reference: a minimal Django view returning a page's bytes from memory.

No middleware, no database, no templates: what Django and gunicorn cost on their own. Served
with the same gunicorn settings as the site; BENCH_HTML is the folder of saved pages.
"""

import os
from pathlib import Path

from django.conf import settings

HTML = Path(os.environ["BENCH_HTML"])
settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="bench", MIDDLEWARE=[]
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 (after settings)
from django.http import Http404, HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

PAGES = {}
for file in HTML.rglob("index.html"):
    relative = file.parent.relative_to(HTML).as_posix()
    PAGES["/" if relative == "." else f"/{relative}/"] = file.read_bytes()


def page(request):
    body = PAGES.get(request.path)
    if body is None:
        raise Http404
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
