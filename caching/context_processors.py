"""Template context every page gets."""

import uuid

from django.utils.functional import SimpleLazyObject

from caching.lookups import content_version

FRAGMENT_SECONDS = 24 * 60 * 60


def fragment_cache(request):
    """What shared `{% cache %}` fragments vary on: the content version (caching/lookups.py).

    A preview shows unpublished text, so its fragments get a key of their own and are never
    kept: nothing of a draft can reach the public pages' fragments.
    """
    if getattr(request, "is_preview", False):
        return {"fragment_seconds": 0, "fragment_scope": f"preview-{uuid.uuid4().hex}"}
    return {
        "fragment_seconds": FRAGMENT_SECONDS,
        "fragment_scope": SimpleLazyObject(lambda: f"v{content_version()}"),
    }
