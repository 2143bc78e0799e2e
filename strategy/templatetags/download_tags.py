"""`{% document_download document as download %}`: a document as its download line shows it."""

from django import template

from strategy.downloads import document_download as build_download

register = template.Library()


@register.simple_tag(takes_context=True)
def document_download(context, document):
    """The document with its stable address (the strategy's) or Wagtail's document URL."""
    return build_download(document, context.get("request"))
