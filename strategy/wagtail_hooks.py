"""Document links in rich text lead to the strategy's stable addresses too."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.documents.rich_text import DocumentLinkHandler

from strategy.downloads import document_download


class StableDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document link, but the strategy's documents by /strategien.pdf etc."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(document_download(doc).url)}">' if doc else "<a>"
            for doc in cls.get_many(attrs_list)
        ]


# After wagtail.documents has registered its own handler for the same link type.
@hooks.register("register_rich_text_features", order=100)
def stable_strategy_document_links(features):
    features.register_link_type(StableDocumentLinkHandler)
