"""Content-Security-Policy per part of the site, with django-csp doing the header work.

The public site gets ``CONTENT_SECURITY_POLICY`` (strict: no inline script or style, no
framing). The Wagtail admin, which still needs inline scripts and styles, gets
``ADMIN_CONTENT_SECURITY_POLICY`` enforced and ``ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY``
(the strict rules) reported. A page rendered as a preview (Wagtail runs it through the middleware
with a dummy request for the page's own address) gets ``PREVIEW_CONTENT_SECURITY_POLICY``: the
public one, except that the admin may frame it. Views that set their own policy (documents:
``default-src 'none'``) keep it, as django-csp never overwrites a header a view has set.

With images in a bucket (``DJANGO_S3_BUCKET``), every policy's ``img-src`` also names the host
the images are served from (the bucket's, or ``DJANGO_S3_CUSTOM_DOMAIN``), when it is another
origin than the site.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse


def is_admin_path(path: str) -> bool:
    return path.startswith(reverse("wagtailadmin_home"))


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policies under the admin's address."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is not None:
            return parts  # the view chose its policy (e.g. documents)
        media_origin = getattr(default_storage, "origin", None)  # core.storage
        if media_origin:
            parts.update = {**(parts.update or {}), "img-src": [media_origin]}
        if getattr(request, "is_dummy", False):  # Wagtail's preview request
            if not report_only:
                parts.config = dict(settings.PREVIEW_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif is_admin_path(request.path_info):
            name = "ADMIN_CONTENT_SECURITY_POLICY" + ("_REPORT_ONLY" if report_only else "")
            parts.config = dict(getattr(settings, name)["DIRECTIVES"])
        return parts
