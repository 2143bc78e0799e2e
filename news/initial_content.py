"""Initial content of the news section and the /data/ page (load_initial_content).

One news item per dated, sourced fact in the project's content notes (shared/CONTENT.md); a
date is only as precise as its source (the month, or only the year), and each item names its
source.
"""

import datetime


def _sources(language: str, sources: list[tuple[str, str]]):
    return (
        "links",
        {
            "heading": "Kilde" if language == "da" else "Source",
            "links": [{"text": text, "url": url} for text, url in sources],
        },
    )


def _news(slug, title, summary, paragraph, date, precision, sources, related=()):
    """A news item: the summary (shown at the top and in listings) gives the news, the
    paragraph (None: none) only what the summary does not, then the sources."""
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "body": {
            language: [
                *([("paragraph", f"<p>{paragraph[language]}</p>")] if paragraph else []),
                _sources(language, sources),
            ]
            for language in ("da", "en")
        },
        "date": date,
        "date_precision": precision,
        "related": list(related),
    }


NEWS_INDEX = {
    "slug": {"da": "nyheder", "en": "news"},
    "title": {"da": "Nyheder", "en": "News"},
    "summary": {
        "da": "Nyt om Vejle Kommunes arbejde med resiliens.",
        "en": "News about Vejle Municipality's resilience work.",
    },
    "body": {"da": [], "en": []},
}

NEWS = [
    _news(
        {
            "da": "vejle-udvalgt-til-100-resilient-cities",
            "en": "vejle-selected-for-100-resilient-cities",
        },
        {
            "da": "Vejle udvalgt til 100 Resilient Cities",
            "en": "Vejle selected for 100 Resilient Cities",
        },
        {
            "da": "Vejle blev i december 2013 udvalgt til programmet 100 Resilient Cities.",
            "en": "In December 2013 Vejle was selected for the 100 Resilient Cities programme.",
        },
        {
            "da": "Byen var med i programmets første gruppe af byer og var den eneste nordiske by.",
            "en": "The city was in the programme's first group of cities and was the only "
            "Nordic city.",
        },
        datetime.date(2013, 12, 1),
        "month",
        [
            (
                "smartercommunities.media: Building a resilient resilience plan: Vejle's "
                "experience",
                "https://smartercommunities.media/",
            ),
            ("vejledigitaleskoler.dk, marts 2014", "https://vejledigitaleskoler.dk/"),
        ],
    ),
    _news(
        {"da": "resiliensstrategien-lanceret", "en": "resilience-strategy-launched"},
        {"da": "Resiliensstrategien lanceret", "en": "Resilience strategy launched"},
        {
            "da": "Den 17. marts 2016 blev Vejles resiliensstrategi lanceret og præsenteret som "
            "Europas første samlede resiliensstrategi.",
            "en": "On 17 March 2016 Vejle's resilience strategy was launched and presented as "
            "Europe's first comprehensive resilience strategy.",
        },
        {
            "da": "Strategien hedder »Vi gør udfordringer til muligheder«. Arup var partner på "
            "strategien og arbejdede med City Resilience Framework.",
            "en": 'The strategy is called "Vi gør udfordringer til muligheder" (We turn '
            "challenges into opportunities). Arup was the strategy partner, working with the "
            "City Resilience Framework.",
        },
        datetime.date(2016, 3, 17),
        "day",
        [
            (
                "100resilientcities.org: City of Vejle unveils Europe's first comprehensive "
                "resilience strategy",
                "https://www.100resilientcities.org/",
            ),
            ("publications.arup.com: Vejle resilience strategy", "https://publications.arup.com/"),
        ],
    ),
    _news(
        {"da": "nye-resiliensinitiativer-2019", "en": "new-resilience-initiatives-2019"},
        # The sources do not say the initiatives were new, only that vejle.dk named them.
        {"da": "Syv resiliensinitiativer", "en": "Seven resilience initiatives"},
        {
            "da": "I november 2019 fortalte Vejle Kommune på vejle.dk om syv af sine "
            "resiliensinitiativer.",
            "en": "In November 2019 Vejle Municipality told of seven of its resilience "
            "initiatives on vejle.dk.",
        },
        # The initiatives, each with its fact, are the related projects listed below.
        None,
        datetime.date(2019, 11, 1),
        "month",
        [("vejle.dk, november 2019", "https://www.vejle.dk/")],
        related=[
            "ny-rosborg",
            "udviklingsplan-for-finlandsparken",
            "resilience-food",
            "reflow",
            "dk2020",
            "resilience-house",
            "vejles-folkemoede",
        ],
    ),
    _news(
        {"da": "stormflodsstrategi-vedtaget", "en": "storm-surge-strategy-adopted"},
        {"da": "Stormflodsstrategien vedtaget", "en": "Storm-surge strategy adopted"},
        {
            "da": "Vejles stormflodsstrategi blev vedtaget i december 2020.",
            "en": "Vejle's storm-surge strategy was adopted in December 2020.",
        },
        None,
        datetime.date(2020, 12, 1),
        "month",
        [("realdania.dk: Stormflodsbeskyttelse i Vejle Kommune", "https://realdania.dk/")],
        related=["stormflodsbeskyttelse"],
    ),
    _news(
        {"da": "realdania-stoetter-stormflodsbeskyttelse", "en": "realdania-grant-storm-surge"},
        {
            "da": "Realdania støtter stormflodsbeskyttelsen med 24,7 mio. kr.",
            "en": "Realdania grants DKK 24.7 million for storm-surge protection",
        },
        {
            "da": "I 2022 bevilgede Realdania 24,7 mio. kr. til første etape af "
            "stormflodsbeskyttelsen i Vejle.",
            "en": "In 2022 Realdania granted DKK 24.7 million for the first stage of storm-surge "
            "protection in Vejle.",
        },
        {
            "da": "Stormflodsstrategien blev vedtaget i december 2020.",
            "en": "The storm-surge strategy was adopted in December 2020.",
        },
        datetime.date(2022, 1, 1),
        "year",
        [("realdania.dk: Stormflodsbeskyttelse i Vejle Kommune", "https://realdania.dk/")],
        related=["stormflodsbeskyttelse"],
    ),
]

OPEN_DATA = {
    "slug": {"da": "data", "en": "data"},
    "title": {"da": "Åbne data", "en": "Open data"},
    "summary": {
        "da": "Resiliensprojekterne som åbne data: hent dem som JSON eller CSV.",
        "en": "The resilience projects as open data: download them as JSON or CSV.",
    },
    "body": {"da": [], "en": []},
}


def load_news_and_data(loader, home) -> None:
    """The news section with its items and the /data/ page, below `home` (idempotent)."""
    from news.models import NewsIndexPage, NewsPage
    from open_data.models import OpenDataPage
    from strategy.models import ProjectPage

    index = loader.sync_page(home, NewsIndexPage, NEWS_INDEX)
    projects = {project.slug_da: project for project in ProjectPage.objects.descendant_of(home)}
    for spec in NEWS:
        loader.sync_page(
            index,
            NewsPage,
            spec,
            fields={"date": spec["date"], "date_precision": spec["date_precision"]},
            many_to_many={
                "related_projects": [projects[slug] for slug in spec["related"] if slug in projects]
            },
            show_in_menus=False,
        )
    loader.sync_page(home, OpenDataPage, OPEN_DATA, show_in_menus=False)
