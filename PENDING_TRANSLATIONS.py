"""New msgids of the hardening branch (Danish) with their English translations, to be merged
into locale/en/LC_MESSAGES/django.po (run makemessages first)."""

EN = {
    # core/models.py: SiteSettings.security_contact
    "kontakt om sikkerhedshuller": "security contact",
    (
        "E-mailadresse eller https-adresse, hvor man kan melde et sikkerhedshul. Står i "
        "/.well-known/security.txt. Tom: filen findes ikke."
    ): (
        "E-mail address or https address where a security vulnerability can be reported. "
        "Shown in /.well-known/security.txt. Empty: the file does not exist."
    ),
    "Skriv en e-mailadresse eller en adresse, der begynder med https://.": (
        "Enter an e-mail address or an address that starts with https://."
    ),
    # templates/core/login_locked_out.html (django-axes lockout, 429)
    "For mange forsøg på at logge ind": "Too many login attempts",
    (
        "Af sikkerhedshensyn er login med dette brugernavn fra din adresse spærret et stykke "
        "tid. Prøv igen senere, eller bed en administrator om hjælp."
    ): (
        "For security reasons, logging in with this username from your address is blocked "
        "for a while. Try again later, or ask an administrator for help."
    ),
}
