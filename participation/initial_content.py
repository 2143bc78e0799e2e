"""Initial content of the citizens' input form: "Del din idé" under the third pillar, and the
privacy page's section about it (loaded by strategy's load_initial_content).

The texts promise nothing the sources do not support: no reply times, no answer at all.
"""

import copy

PILLAR_THEME = "democracy"  # "Demokratisk dialog – samskabelse og borgerinddragelse"

IDEA_FORM = {
    "slug": {"da": "del-din-ide", "en": "share-your-idea"},
    "title": {"da": "Del din idé", "en": "Share your idea"},
    "summary": {
        "da": (
            "Har du en idé eller en kommentar til Vejle Kommunes arbejde med resiliens? "
            "Send den til os her."
        ),
        "en": (
            "Do you have an idea or a comment on Vejle Municipality's resilience work? "
            "Send it to us here."
        ),
    },
    "intro": {
        "da": (
            # The seed names co-creation and citizen involvement in the third pillar's title.
            "<p>Samskabelse og borgerinddragelse hører til strategiens tredje søjle, "
            "Demokratisk dialog. Din idé kan fx handle om, hvordan Vejle kan blive bedre til at "
            "klare udfordringer med vand og klima, fællesskab eller demokratisk dialog.</p>"
            "<p>Du bestemmer selv, om du vil skrive dit navn og din "
            "e-mailadresse. Du skal ikke logge ind, og formularen sætter ingen cookies.</p>"
        ),
        "en": (
            "<p>Co-creation and citizen involvement belong to the strategy's third pillar, "
            "Democratic dialogue. Your idea could, for example, be about how Vejle can get "
            "better at meeting challenges with water and climate, community or democratic "
            "dialogue.</p>"
            "<p>It is up to you whether you give your name "
            "and email address. You do not need to log in, and the form sets no cookies.</p>"
        ),
    },
    "consent_text": {
        "da": (
            "<p>Det, du sender, bruges kun i Vejle Kommunes arbejde med resiliensstrategien. "
            "Skriver du din e-mailadresse, kan vi bruge den til at kontakte dig om din besked. "
            "Vi gemmer ikke din IP-adresse. Læs mere på siden Privatliv og cookies.</p>"
        ),
        "en": (
            "<p>What you send is used only in Vejle Municipality's work on the resilience "
            "strategy. If you give your email address, we may use it to contact you about your "
            "message. We do not store your IP address. Read more on the page Privacy and "
            "cookies.</p>"
        ),
    },
    "thank_you_text": {
        "da": "<p>Vi har modtaget din besked. Tak, fordi du tog dig tid til at skrive.</p>",
        "en": "<p>We have received your message. Thank you for taking the time to write.</p>",
    },
    "retention_days": 180,
    # Name (optional), e-mail (optional), the idea (required) and consent; nothing else.
    "fields": [
        {
            "field_type": "singleline",
            "required": False,
            "label": {"da": "Navn", "en": "Name"},
            "help_text": {"da": "", "en": ""},
        },
        {
            "field_type": "email",
            "required": False,
            "label": {"da": "E-mail", "en": "Email"},
            "help_text": {
                "da": "Kun hvis vi må kontakte dig om din besked.",
                "en": "Only if we may contact you about your message.",
            },
        },
        {
            "field_type": "multiline",
            "required": True,
            "label": {"da": "Din idé eller kommentar", "en": "Your idea or comment"},
            "help_text": {"da": "", "en": ""},
        },
        {
            "field_type": "checkbox",
            "required": True,
            "label": {
                "da": "Jeg har læst, hvad mine oplysninger bruges til, og hvor længe de gemmes",
                "en": "I have read what my details are used for and how long they are kept",
            },
            "help_text": {"da": "", "en": ""},
        },
    ],
}

PRIVACY_SECTION = {
    "da": [
        ("heading", {"text": "Formularen “Del din idé”"}),
        (
            "paragraph",
            "<p>Når du sender formularen, gemmer vi det, du skriver: din idé eller kommentar, "
            "dit navn og din e-mailadresse, hvis du skriver dem, dit kryds ved samtykket og "
            "tidspunktet. Vi gemmer ikke din IP-adresse, og formularen sætter ingen cookies."
            "</p><p>Vi bruger oplysningerne til at arbejde med idéer og kommentarer til "
            "resiliensstrategien og – hvis du har skrevet din e-mailadresse – til at kontakte "
            "dig om din besked. Beskeden kan sendes videre som e-mail til de medarbejdere i "
            "Vejle Kommune, der arbejder med strategien. Kun de redaktører, der har rollen "
            "moderator, kan se indsendelserne på sitet.</p><p>Indsendelser slettes automatisk "
            "efter den periode, der står på formularen (180 dage, hvis intet andet står der)."
            "</p><p>For at begrænse spam bruger serveren din IP-adresse i op til 10 minutter "
            "til at tælle, hvor mange beskeder der sendes fra samme forbindelse; den gemmes "
            "ikke sammen med din besked.</p><p>Vil du have slettet det, du har sendt, før "
            "perioden er gået, så kontakt os og oplys den e-mailadresse, du skrev. Så finder "
            "og sletter vi alt, der er sendt med den.</p>",
        ),
    ],
    "en": [
        ("heading", {"text": "The form “Share your idea”"}),
        (
            "paragraph",
            "<p>When you send the form, we store what you write: your idea or comment, your "
            "name and email address if you give them, your tick at the consent and the time. "
            "We do not store your IP address, and the form sets no cookies.</p><p>We use the "
            "details to work with ideas and comments on the resilience strategy and – if you "
            "gave your email address – to contact you about your message. The message may be "
            "forwarded by email to the Vejle Municipality staff who work on the strategy. "
            "Only editors with the moderator role can see the submissions on the site.</p>"
            "<p>Submissions are deleted automatically after the period stated on the form "
            "(180 days unless it says otherwise).</p><p>To limit spam, the server uses your IP "
            "address for up to 10 minutes to count how many messages are sent from the same "
            "connection; it is not stored with your message.</p><p>If you would like what you "
            "sent deleted before the period is over, contact us and give the email address you "
            "wrote. We will then find and delete everything sent with it.</p>",
        ),
    ],
}


def privacy_with_form(privacy: dict) -> dict:
    """The privacy page's spec with the form's section after its own."""
    spec = copy.deepcopy(privacy)
    for language, blocks in PRIVACY_SECTION.items():
        spec["body"][language] = [*spec["body"][language], *blocks]
    return spec
