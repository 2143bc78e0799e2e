"""The initial content that `manage.py load_initial_content` loads, in Danish and English.

Plain data only: the page tree, its texts and the contact person. The management command turns
it into pages; `strategy.strategy_pdf` turns it into the placeholder strategy PDF.

Sources: the municipality's own page (shared/seed/000_ea7d26b2925f1b0f.txt, Danish,
authoritative) and the facts in shared/CONTENT.md. Nothing else is stated as fact. Where a fact
is missing (a phone number, an e-mail, a project date) the field stays empty.

Conventions
- Every translated value is a dict ``{"da": ..., "en": ...}``.
- A page is a dict with ``slug``, ``title``, ``summary`` and ``body`` (plus the fields of its
  page type). ``body`` maps each language to a list of ``(block_type, value)`` pairs using the
  block names of ``core.blocks.BodyBlock``: ``heading`` ({"text"}), ``paragraph`` (rich text
  HTML), ``quote`` ({"text", "attribution", "source_url"}) and ``links`` ({"heading",
  "links": [{"text", "url" | "document"}]}).
- ``{"document": STRATEGY_DOCUMENT}`` in a link stands for the strategy PDF in the page's
  language; the command swaps in the Wagtail document.
- Pages are looked up by their Danish slug under their parent, so the Danish slugs are the
  keys that tie this data to the page tree. Projects name their principles by Danish slug.
"""

STRATEGY_DOCUMENT = "strategy-document"

NETWORK_NAME = "Resilient Cities Network"
NETWORK_URL = "https://resilientcitiesnetwork.org/"

STRATEGY_NAME = {
    "da": "Vi gør udfordringer til muligheder",
    "en": "We turn challenges into opportunities",
}

# The Resilient Cities Network's definition, exactly as the seed page quotes it (including its
# spelling "enkelpersoner"). The English text is our translation and says so.
RESILIENCE_DEFINITION = {
    "da": (
        "Resiliens er kapaciteten af enkelpersoner, samfund, institutioner, virksomheder og "
        "systemer til at overleve, tilpasse sig og vokse uanset hvilke former for kroniske "
        "stressfaktorer og akutte chok, de oplever."
    ),
    "en": (
        "Resilience is the capacity of individuals, communities, institutions, businesses and "
        "systems to survive, adapt and grow, no matter what kinds of chronic stresses and "
        "acute shocks they experience."
    ),
}
RESILIENCE_DEFINITION_ATTRIBUTION = {
    "da": NETWORK_NAME,
    "en": f"{NETWORK_NAME} (translated from Danish)",
}

# -- Contact person (snippet) ----------------------------------------------------------------
# Name, role and unit as on the seed page. No e-mail, phone or photo is given: left empty.
CONTACT_PERSON = {
    "name": "Julie Elisabeth Halkier Nilsson",
    "role": {
        "da": "Chef for Politik, Analyse og Kommunikation, Stabschef",
        "en": "Head of Policy, Analysis and Communication, Chief of Staff",
    },
    "unit": {
        "da": "Kommunaldirektørens stabe",
        "en": "Staff units of the Municipal Director",
    },
}

# -- The placeholder strategy PDF (one Wagtail document per language) -------------------------
# Marked `is_placeholder`: every link to it says "pladsholder"/"placeholder" and shows no date,
# until an editor uploads the adopted strategy in its place. So the title names the strategy
# (it stays right after the replacement); the file name says what the file is.
DOCUMENTS = {
    "da": {
        "title": "Resiliensstrategien ”Vi gør udfordringer til muligheder”",
        "filename": "pladsholder-resiliensstrategi-resume.pdf",
    },
    "en": {
        "title": "The resilience strategy “We turn challenges into opportunities”",
        "filename": "placeholder-resilience-strategy-summary.pdf",
    },
}
# The titles the placeholder documents were loaded with before they had the flag.
FORMER_DOCUMENT_TITLES = {
    "da": "Vi gør udfordringer til muligheder – resumé (pladsholder)",
    "en": "We turn challenges into opportunities – summary (placeholder)",
}

# -- The default share image (site settings), drawn by strategy.share_image --------------------
SHARE_IMAGE = {
    "title": "Resiliente Vejle – standardbillede til deling",
    "filename": "resiliente-vejle-deling.png",
    "description": "Resiliente Vejle, Vejle Kommune",
    "description_en": "Resilient Vejle, Vejle Municipality",
}

# -- Home page -------------------------------------------------------------------------------
HOME = {
    "slug": {"da": "resiliente-vejle", "en": "resilient-vejle"},
    "title": {
        "da": "Resiliente Vejle – vi gør udfordringer til muligheder",
        "en": "Resilient Vejle – we turn challenges into opportunities",
    },
    "summary": {
        "da": (
            "Vejle Kommunes resiliensstrategi ”Vi gør udfordringer til muligheder”: de tre "
            "strategiske søjler, de fem principper og vores del i bynetværket Resilient Cities "
            "Network."
        ),
        "en": (
            "Vejle Municipality's resilience strategy “We turn challenges into opportunities”: "
            "the three strategic pillars, the five principles and our part in the Resilient "
            "Cities Network."
        ),
    },
    "body": {
        "da": [
            (
                "paragraph",
                "<p>I Vejle Kommune arbejder vi for at opbygge et resilient samfund – økonomisk, "
                "socialt og klimamæssigt.</p><p>Vi forstår resiliens som:</p>",
            ),
            (
                "quote",
                {
                    "text": RESILIENCE_DEFINITION["da"],
                    "attribution": RESILIENCE_DEFINITION_ATTRIBUTION["da"],
                    "source_url": "",
                },
            ),
            ("heading", {"text": "”Vi gør udfordringer til muligheder”"}),
            (
                "paragraph",
                "<p>Vi forstår resiliens som en evne, der kan læres, og en kapacitet, som kan "
                "opbygges. For at nå vores mål om at opbygge et resilient samfund vedtog Vejle "
                "Byråd i 2016 resiliensstrategien ”Vi gør udfordringer til muligheder”. "
                "Strategien indeholder en lang række resiliensprojekter, som hver især har til "
                "formål at opbygge et resilient samfund i Vejle Kommune.</p>",
            ),
            (
                "links",
                {
                    "heading": "Links og materiale",
                    "links": [
                        {"text": "Besøg bynetværkets hjemmeside", "url": NETWORK_URL},
                        {
                            "text": "Hent Vejle Kommunes resiliensstrategi",
                            "document": STRATEGY_DOCUMENT,
                        },
                    ],
                },
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>In Vejle Municipality we work to build a resilient society – economically, "
                "socially and in terms of climate.</p><p>We understand resilience as:</p>",
            ),
            (
                "quote",
                {
                    "text": RESILIENCE_DEFINITION["en"],
                    "attribution": RESILIENCE_DEFINITION_ATTRIBUTION["en"],
                    "source_url": "",
                },
            ),
            ("heading", {"text": "“We turn challenges into opportunities”"}),
            (
                "paragraph",
                "<p>We understand resilience as an ability that can be learned and a capacity "
                "that can be built. To reach our goal of building a resilient society, Vejle City "
                "Council adopted the resilience strategy “We turn challenges into opportunities” "
                "in 2016. The strategy contains a long list of resilience projects, each of which "
                "aims to build a resilient society in Vejle Municipality.</p>",
            ),
            (
                "links",
                {
                    "heading": "Links and material",
                    "links": [
                        {"text": "Visit the network's website", "url": NETWORK_URL},
                        {
                            "text": "Download Vejle Municipality's resilience strategy",
                            "document": STRATEGY_DOCUMENT,
                        },
                    ],
                },
            ),
        ],
    },
}

# -- The strategy ----------------------------------------------------------------------------
STRATEGY = {
    "slug": {"da": "strategien", "en": "strategy"},
    "title": {"da": "Resiliensstrategien", "en": "The resilience strategy"},
    # The adoption (Vejle Byråd, 2016) is the page's own line from adopted_by/adopted_year, so
    # neither the summary nor the body says it again.
    # What the page holds, without the home page's words about the strategy (its card there).
    "summary": {
        "da": (
            "Sådan blev resiliensstrategien ”Vi gør udfordringer til muligheder” til – og de tre "
            "strategiske søjler, som Vejle Kommunes resiliensindsats er centreret om."
        ),
        "en": (
            "How the resilience strategy “We turn challenges into opportunities” came about – "
            "and the three strategic pillars at the centre of Vejle Municipality's resilience "
            "work."
        ),
    },
    "adopted_by": {"da": "Vejle Byråd", "en": "Vejle City Council"},
    "adopted_year": 2016,
    "body": {
        "da": [
            ("heading", {"text": "Baggrund"}),
            (
                "paragraph",
                "<p>I december 2013 blev Vejle udvalgt til programmet 100 Resilient Cities – i "
                "programmets første gruppe af byer og som den eneste nordiske by.</p>"
                "<p>Arup var strategipartner og arbejdede med City Resilience Framework.</p>"
                "<p>Strategien blev lanceret den 17. marts 2016 og præsenteret som Europas "
                "første samlede resiliensstrategi.</p>",
            ),
        ],
        "en": [
            ("heading", {"text": "Background"}),
            (
                "paragraph",
                "<p>In December 2013 Vejle was selected for the 100 Resilient Cities programme – "
                "in the programme's first group of cities and as the only Nordic city.</p>"
                "<p>Arup was the strategy partner, working with the City Resilience "
                "Framework.</p>"
                "<p>The strategy was launched on 17 March 2016 and presented as Europe's first "
                "comprehensive resilience strategy.</p>",
            ),
        ],
    },
}

# -- The five principles ---------------------------------------------------------------------
PRINCIPLES_INDEX = {
    "slug": {"da": "principper", "en": "principles"},
    "title": {"da": "De fem principper", "en": "The five principles"},
    "summary": {
        "da": "Når vi arbejder resilient, arbejder vi ud fra fem principper.",
        "en": "When we work resiliently, we work from five principles.",
    },
    "body": {
        "da": [
            (
                "paragraph",
                # The seed's words, said of every pillar (issue 18); its first sentence is the
                # summary above.
                "<p>De skal være med os i alle tre strategiske søjler, lige fra, vi udvælger "
                "hvilke handlinger og projekter, vi vil iværksætte, til vi beslutter, hvordan vi "
                "vil forankre og drive dem.</p>",
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>They stay with us in all three strategic pillars, all the way from choosing "
                "which actions and projects to launch to deciding how we will anchor and run "
                "them.</p>",
            ),
        ],
    },
}

_PRINCIPLE_BODY = {
    "da": (
        "<p>{title} er et af de fem principper, som Vejle Kommune arbejder ud fra, når vi "
        "arbejder resilient. Principperne skal være med os lige fra, vi udvælger hvilke "
        "handlinger og projekter, vi vil iværksætte, til vi beslutter, hvordan vi vil forankre "
        "og drive dem.</p>"
    ),
    "en": (
        "<p>{title} is one of the five principles Vejle Municipality works from when we work "
        "resiliently. The principles stay with us all the way from choosing which actions and "
        "projects to launch to deciding how we will anchor and run them.</p>"
    ),
}

# For search engines only (the page shows no summary).
_PRINCIPLE_SEARCH_DESCRIPTION = {
    "da": "{title}: princip {number} i Vejle Kommunes resiliensstrategi og de projekter, der "
    "bygger på det.",
    "en": "{title}: principle {number} of Vejle Municipality's resilience strategy and the "
    "projects that apply it.",
}


def _principle(number, slug, title):
    """A principle page. The seed names the principles but does not define them, so the page
    has no summary: a one-line definition is the content owner's to write in the admin."""
    return {
        "slug": slug,
        "title": title,
        "summary": {"da": "", "en": ""},
        "search_description": {
            language: _PRINCIPLE_SEARCH_DESCRIPTION[language].format(
                title=title[language], number=number
            )
            for language in ("da", "en")
        },
        "body": {
            language: [("paragraph", _PRINCIPLE_BODY[language].format(title=title[language]))]
            for language in ("da", "en")
        },
    }


# In the seed's order (the page tree keeps it: principle 1–5).
PRINCIPLES = [
    _principle(
        1, {"da": "mervaerdi", "en": "added-value"}, {"da": "Merværdi", "en": "Added value"}
    ),
    _principle(
        2,
        {"da": "langsigtede-loesninger", "en": "long-term-solutions"},
        {"da": "Langsigtede løsninger", "en": "Long-term solutions"},
    ),
    _principle(
        3,
        {"da": "afledte-konsekvenser", "en": "knock-on-effects"},
        {"da": "Afledte konsekvenser", "en": "Knock-on effects"},
    ),
    _principle(
        4,
        {"da": "fleksible-loesninger", "en": "flexible-solutions"},
        {"da": "Fleksible løsninger", "en": "Flexible solutions"},
    ),
    _principle(
        5,
        {"da": "samarbejde-og-partnerskaber", "en": "collaboration-and-partnerships"},
        {"da": "Samarbejde og partnerskaber", "en": "Collaboration and partnerships"},
    ),
]

# -- Resilience projects ---------------------------------------------------------------------
# Only facts from CONTENT.md. The pillar a project sits under and the principles it is tagged
# with are editorial choices for the initial content, not facts from the sources; editors
# change them in the admin. The sources give no project's current status, so `status` is left
# empty (the page then shows none).


# Each fact once per page: the summary (shown at the top of the page and in listings) states
# what the sources say in one sentence; the body adds only what the summary does not, then the
# sources under "Kilde" (a project's own site is linked by `external_link` instead).
def _sources(sources: list[tuple[dict, str]]) -> dict:
    """A "Kilde"/"Source" links block per language from [(link text per language, url)]."""
    return {
        language: (
            "links",
            {
                "heading": {"da": "Kilde", "en": "Source"}[language],
                "links": [{"text": text[language], "url": url} for text, url in sources],
            },
        )
        for language in ("da", "en")
    }


_VEJLE_DK_2019 = _sources(
    [
        (
            {"da": "vejle.dk, nyhed fra november 2019", "en": "vejle.dk, news item, November 2019"},
            "https://www.vejle.dk/",
        )
    ]
)
_REALDANIA = _sources(
    [
        (
            {
                "da": "realdania.dk: Stormflodsbeskyttelse i Vejle Kommune",
                "en": "realdania.dk: Stormflodsbeskyttelse i Vejle Kommune (in Danish)",
            },
            "https://realdania.dk/",
        )
    ]
)


def _project(
    slug, title, summary, body=None, *, principles, external_link="", sources=_VEJLE_DK_2019
):
    """A project page: the summary, then `body` (if any) and the sources (None: none)."""
    body = {
        language: [*(body[language] if body else []), *([sources[language]] if sources else [])]
        for language in ("da", "en")
    }
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "body": body,
        "status": "",
        "principles": principles,
        "external_link": external_link,
    }


FJORDBYEN = _project(
    {"da": "fjordbyen", "en": "fjordbyen"},
    {"da": "Fjordbyen", "en": "Fjordbyen"},
    {
        "da": "Et fyrtårnsprojekt i tre dele, nomineret til Byplanprisen 2018.",
        "en": "A flagship project in three parts, nominated for Byplanprisen 2018.",
    },
    {
        "da": [
            (
                "paragraph",
                "<p>Projektets tre dele:</p>"
                "<ul><li>tilbageholdelse af regnvand i Grejs Ås opland</li>"
                "<li>vandhåndtering i Østbyen</li>"
                "<li>stormflodsbeskyttelse af Vejle Fjord.</li></ul>",
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>The project's three parts:</p>"
                "<ul><li>holding back rainwater in the Grejs Å catchment</li>"
                "<li>water management in Østbyen</li>"
                "<li>storm-surge protection of Vejle Fjord.</li></ul>",
            ),
        ],
    },
    principles=["mervaerdi", "langsigtede-loesninger", "afledte-konsekvenser"],
    # The source is the project's own page, linked as "Læs mere på projektets egen side".
    external_link="https://resilient.vejle.dk/projekter/resiliente-bydele/fjordbyen/",
    sources=None,
)

STORM_SURGE = _project(
    {"da": "stormflodsbeskyttelse", "en": "storm-surge-protection"},
    {"da": "Stormflodsbeskyttelse", "en": "Storm-surge protection"},
    # A description, not a fact: the facts are in the body, and the news items about them
    # list this project (its card) beside their own summaries.
    {
        "da": "Beskyttelse mod stormflod i Vejle Kommune.",
        "en": "Protection against storm surges in Vejle Municipality.",
    },
    {
        "da": [
            (
                "paragraph",
                "<p>Vejles stormflodsstrategi blev vedtaget i december 2020. I 2022 bevilgede "
                "Realdania 24,7 mio. kr. til første etape.</p>",
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>Vejle's storm-surge strategy was adopted in December 2020. In 2022 Realdania "
                "granted DKK 24.7 million for the first stage.</p>",
            ),
        ],
    },
    principles=["langsigtede-loesninger", "fleksible-loesninger", "samarbejde-og-partnerskaber"],
    sources=_REALDANIA,
)

DK2020 = _project(
    {"da": "dk2020", "en": "dk2020"},
    {"da": "Vejle i DK2020", "en": "Vejle in DK2020"},
    {
        "da": "Vejle Kommune er gået med i DK2020.",
        "en": "Vejle Municipality has joined DK2020.",
    },
    principles=["langsigtede-loesninger", "samarbejde-og-partnerskaber"],
)

FINLANDSPARKEN = _project(
    {"da": "udviklingsplan-for-finlandsparken", "en": "finlandsparken-development-plan"},
    {"da": "Udviklingsplan for Finlandsparken", "en": "Finlandsparken development plan"},
    {
        "da": "En udviklingsplan for Finlandsparken.",
        "en": "A development plan for Finlandsparken.",
    },
    principles=["mervaerdi", "langsigtede-loesninger"],
)

NY_ROSBORG = _project(
    {"da": "ny-rosborg", "en": "ny-rosborg"},
    {"da": "Ny Rosborg", "en": "Ny Rosborg"},
    {
        "da": "Ny Rosborg er et af Vejle Kommunes resiliensinitiativer.",
        "en": "Ny Rosborg is one of Vejle Municipality's resilience initiatives.",
    },
    principles=["mervaerdi"],
)

RESILIENCE_FOOD = _project(
    {"da": "resilience-food", "en": "resilience-food"},
    {"da": "Resilience Food", "en": "Resilience Food"},
    {
        "da": "Resilience Food er et treårigt projekt.",
        "en": "Resilience Food is a three-year project.",
    },
    principles=["mervaerdi", "samarbejde-og-partnerskaber"],
)

VEJLES_FOLKEMOEDE = _project(
    {"da": "vejles-folkemoede", "en": "vejles-folkemoede"},
    {"da": "Vejles Folkemøde", "en": "Vejles Folkemøde"},
    {
        "da": "Vejles Folkemøde blev i 2019 holdt for tredje gang.",
        "en": "Vejles Folkemøde, Vejle's people's meeting, was held for the third time in 2019.",
    },
    principles=["samarbejde-og-partnerskaber"],
)

RESILIENCE_HOUSE = _project(
    {"da": "resilience-house", "en": "resilience-house"},
    {"da": "Resilience House", "en": "Resilience House"},
    {
        "da": "Et Resilience House er et af Vejle Kommunes resiliensinitiativer.",
        "en": "A Resilience House is one of Vejle Municipality's resilience initiatives.",
    },
    principles=["samarbejde-og-partnerskaber"],
)

REFLOW = _project(
    {"da": "reflow", "en": "reflow"},
    {"da": "Reflow", "en": "Reflow"},
    {
        "da": "Reflow er et af Vejle Kommunes resiliensinitiativer.",
        "en": "Reflow is one of Vejle Municipality's resilience initiatives.",
    },
    principles=["samarbejde-og-partnerskaber", "fleksible-loesninger"],
)

# -- The three pillars, in the seed's order, with their projects -----------------------------


def _pillar(slug, title, theme, number, projects):
    """A pillar page. The seed gives a pillar nothing but its name, and the page already says
    "Strategisk søjle N" above its title and lists its projects: no summary or body of its own
    (search engines get a description)."""
    return {
        "slug": slug,
        "title": title,
        "theme": theme,
        "summary": {"da": "", "en": ""},
        "search_description": {
            "da": f"{title['da']}: strategisk søjle {number} i Vejle Kommunes "
            "resiliensstrategi og dens projekter.",
            "en": f"{title['en']}: strategic pillar {number} of Vejle Municipality's resilience "
            "strategy and its projects.",
        },
        "body": {"da": [], "en": []},
        "projects": projects,
    }


PILLARS = [
    _pillar(
        {"da": "klimaresiliens", "en": "climate-resilience"},
        {
            "da": "Klimaresiliens – vandet og det grønne",
            "en": "Climate resilience – water and green spaces",
        },
        "climate",
        1,
        [FJORDBYEN, STORM_SURGE, DK2020],
    ),
    _pillar(
        {"da": "social-resiliens", "en": "social-resilience"},
        {
            "da": "Social resiliens – forebyggelse og sammenhængskraft",
            "en": "Social resilience – prevention and social cohesion",
        },
        "social",
        2,
        [FINLANDSPARKEN, NY_ROSBORG, RESILIENCE_FOOD],
    ),
    _pillar(
        {"da": "demokratisk-dialog", "en": "democratic-dialogue"},
        {
            "da": "Demokratisk dialog – samskabelse og borgerinddragelse",
            "en": "Democratic dialogue – co-creation and citizen involvement",
        },
        "democracy",
        3,
        [VEJLES_FOLKEMOEDE, RESILIENCE_HOUSE, REFLOW],
    ),
]

# -- The project catalogue (issue 18): every project, filtered by pillar and principle --------
# No facts of its own: it lists the projects above; the filters and the matrix are the page's.
CATALOGUE = {
    "slug": {"da": "projekter", "en": "projects"},
    "title": {"da": "Projekter", "en": "Projects"},
    "summary": {
        "da": "Alle resiliensprojekter på ét sted. Find dem efter søjle og princip.",
        "en": "Every resilience project in one place. Find them by pillar and principle.",
    },
    "body": {"da": [], "en": []},
}


# -- The network -----------------------------------------------------------------------------
NETWORK = {
    "slug": {"da": "netvaerk", "en": "network"},
    "title": {"da": "Bynetværket Resilient Cities Network", "en": "The Resilient Cities Network"},
    "summary": {
        "da": (
            "For at styrke vores resiliensindsats er Vejle Kommune med i det internationale "
            "bynetværk Resilient Cities Network."
        ),
        "en": (
            "To strengthen our resilience work, Vejle Municipality is part of the international "
            "city network Resilient Cities Network."
        ),
    },
    "network_name": NETWORK_NAME,
    "network_url": NETWORK_URL,
    # City names are proper nouns and stay as written; the country is translated.
    "partner_cities": [
        {"name": "Rio de Janeiro", "country": {"da": "Brasilien", "en": "Brazil"}},
        {"name": "New York", "country": {"da": "USA", "en": "United States"}},
        {"name": "Rotterdam", "country": {"da": "Nederlandene", "en": "Netherlands"}},
        {"name": "Paris", "country": {"da": "Frankrig", "en": "France"}},
        {"name": "Singapore", "country": {"da": "Singapore", "en": "Singapore"}},
    ],
    "body": {
        "da": [
            (
                "paragraph",
                # The seed's words after the summary's; the page lists the partner cities.
                "<p>Her samarbejder vi med byer fra hele verden om at opbygge resiliente "
                "lokalsamfund. Det gør vi gennem vidensdeling, erfaringsudveksling og "
                "sparring.</p>",
            ),
            ("heading", {"text": "Fra 100 Resilient Cities til Resilient Cities Network"}),
            (
                "paragraph",
                "<p>Vejle blev i december 2013 udvalgt til programmet 100 Resilient Cities som "
                "den eneste nordiske by. Rockefeller Foundation stoppede sin finansiering af "
                "100 Resilient Cities i 2019. Resilient Cities Network fører arbejdet videre og "
                "har tæt på 100 medlemsbyer i over 40 lande.</p>",
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>Here we work with cities from all over the world to build resilient local "
                "communities. We do so through knowledge sharing, exchange of experience and "
                "sparring.</p>",
            ),
            ("heading", {"text": "From 100 Resilient Cities to the Resilient Cities Network"}),
            (
                "paragraph",
                "<p>In December 2013 Vejle was selected for the 100 Resilient Cities programme "
                "as the only Nordic city. The Rockefeller Foundation ended its funding of 100 "
                "Resilient Cities in 2019. The Resilient Cities Network carries the work on, "
                "with close to 100 member cities in over 40 countries.</p>",
            ),
        ],
    },
}

# -- Contact page ----------------------------------------------------------------------------
CONTACT = {
    "slug": {"da": "kontakt", "en": "contact"},
    "title": {"da": "Kontakt", "en": "Contact"},
    "summary": {
        "da": "Kontakt os om Vejle Kommunes resiliensarbejde.",
        "en": "Contact us about Vejle Municipality's resilience work.",
    },
    "body": {"da": [], "en": []},
}

# -- Privacy page (linked from the footer, not shown in menus) -------------------------------
PRIVACY = {
    "slug": {"da": "privatliv", "en": "privacy"},
    "title": {"da": "Privatliv og cookies", "en": "Privacy and cookies"},
    "summary": {
        "da": "Hvad dette site gemmer om dig, og hvor længe.",
        "en": "What this site keeps about you, and for how long.",
    },
    "body": {
        "da": [
            ("heading", {"text": "Cookies"}),
            (
                "paragraph",
                "<p>De offentlige sider på dette site sætter ingen cookies, og de henter intet "
                "fra andre websteder. Derfor beder vi dig heller ikke om samtykke til cookies."
                "</p><p>Kun redaktører, der logger ind i sitets administration, får en "
                "nødvendig cookie, som holder dem logget ind.</p>",
            ),
            ("heading", {"text": "Serverlogge"}),
            (
                "paragraph",
                "<p>Som de fleste websteder fører webserveren to logge:</p><ul><li>en "
                "adgangslog med IP-adressen på den computer eller telefon, der henter en side, "
                "tidspunktet, adressen på siden, svarkoden og browserens navn og version, og"
                "</li><li>en fejllog med tekniske fejl.</li></ul><p>Loggene bruges kun til at "
                "drive og sikre sitet, deles ikke med andre og slettes efter 30 dage.</p>",
            ),
        ],
        "en": [
            ("heading", {"text": "Cookies"}),
            (
                "paragraph",
                "<p>The public pages of this site set no cookies, and they load nothing from "
                "other websites. That is why we do not ask you to consent to cookies either."
                "</p><p>Only editors who log in to the site's administration get a necessary "
                "cookie that keeps them logged in.</p>",
            ),
            ("heading", {"text": "Server logs"}),
            (
                "paragraph",
                "<p>Like most websites, the web server keeps two logs:</p><ul><li>an access "
                "log with the IP address of the computer or phone that requests a page, the "
                "time, the address of the page, the response code and the browser's name and "
                "version, and</li><li>an error log with technical errors.</li></ul><p>The logs "
                "are used only to run and secure the site, are not shared with anyone and are "
                "deleted after 30 days.</p>",
            ),
        ],
    },
}

# -- The placeholder PDF's own texts (pillars, principles and facts come from the data above) -
PDF = {
    "da": {
        "title": "Vi gør udfordringer til muligheder – resumé (pladsholder)",
        "author": "Vejle Kommune",
        "subject": "Resumé af Vejle Kommunes resiliensstrategi (pladsholder)",
        "placeholder_note": (
            "Dette dokument er en pladsholder: et kort resumé, som sitet har lavet ud fra "
            "indholdet på Resiliente Vejle, så linket til strategien virker. Det er ikke den "
            "vedtagne strategi. Redaktionen erstatter filen med strategidokumentet."
        ),
        "adoption": (
            "Vejle Byråd vedtog i 2016 resiliensstrategien ”Vi gør udfordringer til "
            "muligheder”. Strategien indeholder en lang række resiliensprojekter, som hver især "
            "har til formål at opbygge et resilient samfund i Vejle Kommune."
        ),
        "intro": (
            "I Vejle Kommune arbejder vi for at opbygge et resilient samfund – økonomisk, "
            "socialt og klimamæssigt. Vi forstår resiliens som en evne, der kan læres, og en "
            "kapacitet, som kan opbygges."
        ),
        "definition_heading": "Vi forstår resiliens som",
        "pillars_heading": "Tre strategiske søjler",
        "principles_heading": "De fem principper",
        "principles_intro": (
            "Når vi arbejder resilient, arbejder vi ud fra fem principper. De skal være med os "
            "lige fra, vi udvælger hvilke handlinger og projekter, vi vil iværksætte, til vi "
            "beslutter, hvordan vi vil forankre og drive dem."
        ),
        "history_heading": "Baggrund",
        "history": [
            "I december 2013 blev Vejle udvalgt til programmet 100 Resilient Cities – i "
            "programmets første gruppe af byer og som den eneste nordiske by.",
            "Arup var strategipartner og arbejdede med City Resilience Framework.",
            "Strategien blev lanceret den 17. marts 2016 og præsenteret som Europas første "
            "samlede resiliensstrategi.",
        ],
        "network_heading": "En del af bynetværket Resilient Cities Network",
        "network": (
            "Vejle Kommune er med i det internationale bynetværk Resilient Cities Network. Her "
            "samarbejder vi med byer fra hele verden om at opbygge resiliente lokalsamfund – "
            "bl.a. Rio de Janeiro, New York, Rotterdam, Paris og Singapore."
        ),
        "contact_heading": "Kontakt",
        "page_label": "Side",
    },
    "en": {
        "title": "We turn challenges into opportunities – summary (placeholder)",
        "author": "Vejle Municipality",
        "subject": "Summary of Vejle Municipality's resilience strategy (placeholder)",
        "placeholder_note": (
            "This document is a placeholder: a short summary made by the site from the content "
            "of Resilient Vejle, so that the link to the strategy works. It is not the adopted "
            "strategy. The editors will replace this file with the strategy document."
        ),
        "adoption": (
            "In 2016 Vejle City Council adopted the resilience strategy “We turn challenges into "
            "opportunities” (Danish: ”Vi gør udfordringer til muligheder”). The strategy "
            "contains a long list of resilience projects, each of which aims to build a "
            "resilient society in Vejle Municipality."
        ),
        "intro": (
            "In Vejle Municipality we work to build a resilient society – economically, "
            "socially and in terms of climate. We understand resilience as an ability that can "
            "be learned and a capacity that can be built."
        ),
        "definition_heading": "We understand resilience as",
        "pillars_heading": "Three strategic pillars",
        "principles_heading": "The five principles",
        "principles_intro": (
            "When we work resiliently, we work from five principles. They stay with us all the "
            "way from choosing which actions and projects to launch to deciding how we will "
            "anchor and run them."
        ),
        "history_heading": "Background",
        "history": [
            "In December 2013 Vejle was selected for the 100 Resilient Cities programme – in "
            "the programme's first group of cities and as the only Nordic city.",
            "Arup was the strategy partner, working with the City Resilience Framework.",
            "The strategy was launched on 17 March 2016 and presented as Europe's first "
            "comprehensive resilience strategy.",
        ],
        "network_heading": "Part of the Resilient Cities Network",
        "network": (
            "Vejle Municipality is part of the international Resilient Cities Network. Here we "
            "work with cities from all over the world to build resilient local communities – "
            "among them Rio de Janeiro, New York, Rotterdam, Paris and Singapore."
        ),
        "contact_heading": "Contact",
        "page_label": "Page",
    },
}
