"""English translations of the msgids site_search added (Danish is the source language).

To be merged into locale/en/LC_MESSAGES/django.po (after `makemessages -l da -l en`). Keys are
the msgids exactly as makemessages writes them (blocktranslate variables as %(name)s); plural
entries have (msgid, msgid_plural) keys and (msgstr[0], msgstr[1]) values.
"""

EN = {
    # templates/components/search_form.html
    "Søg på sitet": "Search the site",
    "Søg": "Search",
    # templates/site_search/search_page.html
    "Søgning: %(query)s": "Search: %(query)s",
    "Søg efter": "Search for",
    "Din søgning var længere end %(max_query_length)s tegn, så vi har kun søgt på de første "
    "%(max_query_length)s.": "Your search was longer than %(max_query_length)s characters, so "
    "we searched for the first %(max_query_length)s only.",
    "Skriv et eller flere ord i søgefeltet, fx stormflod, skybrud eller Fjordbyen.": (
        "Type one or more words in the search field, e.g. storm surge, cloudburst or Fjordbyen."
    ),
    "Vi søger i sidernes titler, resuméer og tekster på dansk.": (
        "We search the titles, summaries and texts of the pages in English."
    ),
    ("%(counter)s resultat for »%(query)s«", "%(counter)s resultater for »%(query)s«"): (
        "%(counter)s result for “%(query)s”",
        "%(counter)s results for “%(query)s”",
    ),
    "Ingen resultater for »%(query)s«": "No results for “%(query)s”",
    "Anbefalet": "Recommended",
    "Søgeresultater": "Search results",
    "Placering": "Location",
    "Sider med søgeresultater": "Pages of search results",
    "Forrige side": "Previous page",
    "Side %(number)s af %(total)s": "Page %(number)s of %(total)s",
    "Næste side": "Next page",
    "Forslag": "Suggestions",
    "Prøv et andet eller mere generelt ord, eller tjek stavningen.": (
        "Try another or a more general word, or check the spelling."
    ),
    "Eller læs om strategiens søjler:": "Or read about the strategy's pillars:",
    "Finder du ikke det, du leder efter, så kontakt os:": (
        "If you cannot find what you are looking for, contact us:"
    ),
}
