"""The strategy document at its stable address per language."""

from csp.constants import NONE
from csp.decorators import csp
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from core.documents import serve_document
from strategy.downloads import live_strategy_page, served_filename


# The same policy as Wagtail's own document view: nothing in the file may load or run anything.
@csp({"default-src": [NONE]})
@require_safe
def strategy_document(request, language: str):
    """Whatever document the live strategy page offers in `language`, served in place."""
    strategy = live_strategy_page(Site.find_for_request(request))
    document = getattr(strategy, f"strategy_document_{language}", None) if strategy else None
    if document is None:
        raise Http404(_("Strategien findes ikke som dokument på dette sprog."))
    return serve_document(request, document, served_filename(document, language))
