"""New msgids of the editors branch (Danish) with their English translations, for locale/en."""

EN = {
    # editorial/apps.py
    "redaktion": "editorial",
    # editorial/forms.py (image form)
    "Sæt kun flueben, hvis billedet er ren pynt og ikke fortæller noget, som teksten ikke "
    "allerede siger. Så behøver det ingen beskrivelse.": "Only tick this if the image is pure "
    "decoration and says nothing the text does not already say. Then it needs no description.",
    "Beskrivelse (alt-tekst)": "Description (alt text)",
    "Beskriv kort, hvad billedet viser, for dem der ikke kan se det, fx 'Oversvømmet p-plads ved "
    "Vejle Å'. Skærmlæsere læser teksten op.": "Briefly describe what the image shows, for "
    "people who cannot see it, e.g. 'Flooded car park by Vejle Å'. Screen readers read it out.",
    "Billedformater: %(formats)s. Højst %(max_size)s.": "Image formats: %(formats)s. At most "
    "%(max_size)s.",
    "Billedet er for stort (%(file_size)s). Det må højst fylde %(max_filesize)s.": "The image is "
    "too big (%(file_size)s). It may be at most %(max_filesize)s.",
    "Billedet er for stort. Det må højst fylde %(max_filesize)s.": "The image is too big. It may "
    "be at most %(max_filesize)s.",
    "Skriv en beskrivelse af billedet (alt-tekst), eller markér det som dekorativt.": "Write a "
    "description of the image (alt text), or mark it as decorative.",
    "Et dekorativt billede har ingen beskrivelse. Fjern fluebenet, eller slet beskrivelsen.": "A "
    "decorative image has no description. Untick the box or delete the description.",
    # editorial/panels.py, templates/editorial/english_completeness_panel.html
    "Engelsk version": "English version",
    "Tomme engelske felter:": "Empty English fields:",
    "Uden engelsk titel vises siden ikke på de engelske sider.": "Without an English title the "
    "page is not shown on the English pages.",
    "Alle engelske felter er udfyldt.": "All English fields are filled in.",
    # editorial/translation_status.py
    "Oversat": "Translated",
    "Mangler engelsk titel": "Missing English title",
    "Engelsk ældre end dansk": "English older than Danish",
    # editorial/views.py, editorial/wagtail_hooks.py, templates/editorial/*
    "Oversættelser": "Translations",
    "Engelsk tilstand": "English state",
    "Sidetype": "Page type",
    "Dansk titel": "Danish title",
    "Engelsk titel": "English title",
    "Dansk sidst ændret": "Danish last changed",
    "Engelsk sidst ændret": "English last changed",
    "Redigér": "Edit",
    "Ingen sider passer til filtrene.": "No pages match the filters.",
    # templates/editorial/translation_summary_panel.html (plural)
    ("%(counter)s side mangler engelsk", "%(counter)s sider mangler engelsk"): (
        "%(counter)s page lacks English",
        "%(counter)s pages lack English",
    ),
    (
        "%(counter)s side har ældre engelsk tekst end dansk",
        "%(counter)s sider har ældre engelsk tekst end dansk",
    ): (
        "%(counter)s page has older English text than Danish",
        "%(counter)s pages have older English text than Danish",
    ),
}
