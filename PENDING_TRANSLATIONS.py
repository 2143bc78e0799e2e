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
    # core/models.py (SiteSettings panel) and editorial/help_texts.py (help texts)
    "Står i sidefoden og i sidernes strukturerede data.": "Shown in the footer and in the "
    "pages' structured data.",
    "Fornavn og efternavn, som personen bruger på arbejdet.": "First and last name, as the "
    "person uses them at work.",
    "Personens stilling, fx 'Resiliensrådgiver'.": "The person's job title, e.g. 'Resilience "
    "adviser'.",
    "Afdelingen i kommunen, fx 'Teknik & Miljø'.": "The department of the municipality, e.g. "
    "'Technical & Environmental Services'.",
    "Arbejdsmailen, som borgere og journalister kan skrive til.": "The work e-mail address "
    "citizens and journalists can write to.",
    "Valgfrit. Vises kun, hvis personen har givet samtykke (feltet nedenfor).": "Optional. Only "
    "shown if the person has given consent (the field below).",
    "Vælg en person fra Kontaktpersoner.": "Choose a person from Contact persons.",
    "Netværkets navn, som det skrives på sitet.": "The network's name, as written on the site.",
    "Valgfrit: netværkets egen hjemmeside.": "Optional: the network's own website.",
    "Byens navn, fx 'Rotterdam'. Skrives ens på begge sprog.": "The city's name, e.g. "
    "'Rotterdam'. Written the same in both languages.",
    "Landet på sidens sprog, fx 'Holland' / 'Netherlands'.": "The country in the page's "
    "language, e.g. 'Holland' / 'Netherlands'.",
    "Sidens tekst: afsnit, mellemoverskrifter, citater, billeder og links. Brug "
    "mellemoverskrifterne i rækkefølge, så siden kan læses med skærmlæser.": "The page's text: "
    "paragraphs, subheadings, quotes, images and links. Use the subheadings in order, so the "
    "page can be read with a screen reader.",
    "Valgfrit: siden udgives først på dette tidspunkt, når den er godkendt og udgivet.": "Optional:"
    " the page goes live only at this time, once it has been approved and published.",
    "Valgfrit: siden tages af sitet på dette tidspunkt.": "Optional: the page is taken off the "
    "site at this time.",
    "Få besked, når nogen kommenterer siden.": "Get notified when someone comments on the page.",
    "Sidens overskrift, som læserne ser den. Uden engelsk titel vises siden ikke på de engelske "
    "sider.": "The page's heading as readers see it. Without an English title the page is not "
    "shown on the English pages.",
    "Sidens navn i adressen, fx 'klimaresiliens' i /strategien/klimaresiliens/: små bogstaver og "
    "bindestreger. Ændrer du det på en udgivet side, sendes den gamle adresse automatisk videre "
    "til den nye.": "The page's name in its address, e.g. 'climate-resilience' in "
    "/en/strategy/climate-resilience/: lower-case letters and hyphens. If you change it on a "
    "published page, the old address automatically leads to the new one.",
    "Valgfrit: overskriften i søgemaskinernes resultater, hvis den skal være en anden end sidens "
    "titel.": "Optional: the headline in search engine results, if it should differ from the "
    "page's title.",
    "Valgfrit: teksten under overskriften i søgemaskinernes resultater. Tom: resuméet.": "Optional"
    ": the text under the headline in search engine results. Empty: the summary.",
    "Vis siden i hovedmenuen øverst på alle sider (kun sider lige under forsiden).": "Show the "
    "page in the main menu at the top of every page (only pages directly below the home page).",
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
