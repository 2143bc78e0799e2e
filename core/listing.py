"""Long lists of pages (a pillar's projects, a principle's projects) come a page at a time."""

from django.core.paginator import Paginator

PER_PAGE = 24
# A page number beyond this is not a real request; it is answered with the last page.
MAX_PAGE_NUMBER = 10_000


def paginated(request, items, per_page: int = PER_PAGE):
    """The requested page of `items` (?page=N); a bad or too large number gives page 1/last."""
    raw = request.GET.get("page", "1")[:6] if request is not None else "1"
    number = int(raw) if raw.isdigit() else 1
    return Paginator(items, per_page).get_page(min(max(number, 1), MAX_PAGE_NUMBER))
