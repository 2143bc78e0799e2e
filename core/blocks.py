"""The one shared set of StreamField blocks used by every page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Overskrift"), max_length=120)

    class Meta:
        template = "components/streamfield/heading_block.html"
        icon = "title"
        label = _("Mellemrubrik")
        description = _("En overskrift, der deler teksten i afsnit.")
        preview_value = {"text": "De fem principper"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        template = "components/streamfield/paragraph_block.html"
        icon = "pilcrow"
        label = _("Tekst")
        description = _("Brødtekst med fed, kursiv, lister og links.")
        preview_value = (
            "<p>I Vejle Kommune arbejder vi for at opbygge et resilient samfund – "
            "økonomisk, socialt og klimamæssigt.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Kilde"), max_length=200)
    source_url = blocks.URLBlock(label=_("Link til kilden"), required=False)

    class Meta:
        template = "components/streamfield/quote_block.html"
        icon = "openquote"
        label = _("Citat")
        description = _("Et citat med kildeangivelse, fx Resilient Cities Networks definition.")
        preview_value = {
            "text": "Resiliens er kapaciteten af enkeltpersoner, samfund, institutioner, "
            "virksomheder og systemer til at overleve, tilpasse sig og vokse …",
            "attribution": "Resilient Cities Network",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Billede"))
    caption = blocks.CharBlock(label=_("Billedtekst"), required=False, max_length=250)
    decorative = blocks.BooleanBlock(
        label=_("Kun pynt"),
        required=False,
        help_text=_(
            "Sæt kryds, hvis billedet ikke fortæller noget (skærmlæsere springer det over)."
        ),
    )

    class Meta:
        template = "components/streamfield/image_block.html"
        icon = "image"
        label = _("Billede")
        description = _("Et billede med billedtekst.")
        preview_value = {"caption": "Vejle Fjord"}


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Linktekst"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Side på sitet"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Vælg præcis én: en side, et dokument eller en ekstern adresse.")
                    )
                }
            )
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Overskrift"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    def get_context(self, value, parent_context=None):
        # Documents are shown as download boxes after the bulleted list, not inside it.
        context = super().get_context(value, parent_context=parent_context)
        links = list(value["links"])
        context["document_links"] = [link for link in links if link["document"]]
        context["other_links"] = [link for link in links if not link["document"]]
        return context

    class Meta:
        template = "components/streamfield/link_list_block.html"
        icon = "list-ul"
        label = _("Links og materiale")
        description = _("En liste med links til sider, dokumenter og andre hjemmesider.")
        preview_value = {
            "heading": "Links og materiale",
            "links": [
                {"text": "Resilient Cities Network", "url": "https://resilientcitiesnetwork.org/"}
            ],
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    links = LinkListBlock()

    class Meta:
        # Translated bodies may be left empty in English; Danish is required per page type.
        required = False
