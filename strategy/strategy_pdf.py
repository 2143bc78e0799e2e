"""The placeholder strategy PDF: a short summary built from the initial content.

The adopted strategy document is not available to the project, so `load_initial_content`
ships a small, valid PDF per language, clearly titled as a summary placeholder, so that the
download works end to end. Editors replace the file in the admin; the public URL stays.

The output is deterministic (reportlab's `invariant` mode fixes the creation date and the
document ID), so building it twice gives identical bytes.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.languages import language_codes
from strategy import initial_content as content

LANGUAGES = tuple(language_codes())
TEAL = colors.HexColor("#00606b")


def _styles():
    sample = getSampleStyleSheet()
    base = ParagraphStyle(
        "Body", parent=sample["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14.5
    )
    return {
        "title": ParagraphStyle(
            "Title",
            parent=sample["Title"],
            fontName="Helvetica-Bold",
            fontSize=20,
            leading=25,
            alignment=TA_LEFT,
            textColor=TEAL,
            spaceAfter=4 * mm,
        ),
        "subtitle": ParagraphStyle(
            "Subtitle", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=16
        ),
        "heading": ParagraphStyle(
            "Heading",
            parent=sample["Heading2"],
            fontName="Helvetica-Bold",
            fontSize=14,
            leading=18,
            textColor=TEAL,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
        ),
        "body": base,
        "note": ParagraphStyle("Note", parent=base, fontSize=10, leading=14),
        "quote": ParagraphStyle(
            "Quote",
            parent=base,
            fontName="Helvetica-Oblique",
            fontSize=11.5,
            leading=16,
            leftIndent=8 * mm,
        ),
        "attribution": ParagraphStyle("Attribution", parent=base, leftIndent=8 * mm),
    }


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def _numbered(items: list[str], style) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(item, style), leftIndent=8 * mm) for item in items],
        bulletType="1",
        bulletFormat="%s.",
        leftIndent=8 * mm,
    )


def _bulleted(items: list[str], style) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(item, style), leftIndent=6 * mm) for item in items],
        bulletType="bullet",
        start="•",
        leftIndent=6 * mm,
    )


def _note_box(text: str, style) -> Table:
    table = Table([[_p(text, style)]], colWidths=[170 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, TEAL),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e6f2f3")),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return table


def build_strategy_pdf(language: str) -> bytes:
    """The placeholder summary of the strategy in `language` ("da" or "en"), as PDF bytes."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; expected one of {LANGUAGES}.")
    text = content.PDF[language]
    title = text["title"]
    styles = _styles()

    story = [
        _p(title, styles["title"]),
        _p(
            f"{content.STRATEGY['adopted_by'][language]}, {content.STRATEGY['adopted_year']}",
            styles["subtitle"],
        ),
        Spacer(1, 4 * mm),
        _note_box(text["placeholder_note"], styles["note"]),
        Spacer(1, 4 * mm),
        _p(text["adoption"], styles["body"]),
        Spacer(1, 2 * mm),
        _p(text["intro"], styles["body"]),
        KeepTogether(
            [
                _p(text["definition_heading"], styles["heading"]),
                _p(content.RESILIENCE_DEFINITION[language], styles["quote"]),
                Spacer(1, 1 * mm),
                _p(
                    f"– {content.RESILIENCE_DEFINITION_ATTRIBUTION[language]}",
                    styles["attribution"],
                ),
            ]
        ),
        _p(text["pillars_heading"], styles["heading"]),
        _numbered([pillar["title"][language] for pillar in content.PILLARS], styles["body"]),
        PageBreak(),
        _p(text["principles_heading"], styles["heading"]),
        _p(text["principles_intro"], styles["body"]),
        Spacer(1, 2 * mm),
        # The names only: the seed does not define the principles.
        _numbered(
            [principle["title"][language] for principle in content.PRINCIPLES], styles["body"]
        ),
        _p(text["history_heading"], styles["heading"]),
        _bulleted(text["history"], styles["body"]),
        _p(text["network_heading"], styles["heading"]),
        _p(text["network"], styles["body"]),
        Spacer(1, 1 * mm),
        _p(content.NETWORK_URL, styles["body"]),
        _p(text["contact_heading"], styles["heading"]),
        _p(content.CONTACT_PERSON["name"], styles["subtitle"]),
        _p(content.CONTACT_PERSON["role"][language], styles["body"]),
        _p(content.CONTACT_PERSON["unit"][language], styles["body"]),
    ]

    def draw_footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(20 * mm, 12 * mm, title)
        canvas.drawRightString(190 * mm, 12 * mm, f"{text['page_label']} {doc.page}")
        canvas.restoreState()

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=text["author"],
        subject=text["subject"],
        creator="Resiliente Vejle (load_initial_content)",
        producer="ReportLab",
        lang=language,
        invariant=1,
    )
    document.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buffer.getvalue()
