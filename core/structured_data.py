"""JSON-LD for search engines: the breadcrumb trail and the municipality with its contacts."""


def breadcrumb_list(request, breadcrumbs, page) -> dict:
    """schema.org BreadcrumbList: home first, the current page last, absolute URLs."""
    items = []
    for position, crumb in enumerate([*breadcrumbs, page], start=1):
        url = crumb.get_url(request)
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": request.build_absolute_uri(url) if url else None,
            }
        )
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def contact_point(person, contact_type: str) -> dict:
    point = {"@type": "ContactPoint", "contactType": contact_type, "name": person.name}
    if person.email:
        point["email"] = person.email
    if person.phone:
        point["telephone"] = person.phone_href
    return point


def government_organization(site_settings, press_contacts, contact=None) -> dict:
    """schema.org GovernmentOrganization for the municipality, with its contact points."""
    points = [contact_point(person, "press") for person in press_contacts]
    if contact is not None and contact not in press_contacts:
        points.append(contact_point(contact, "public engagement"))
    organisation = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": site_settings.municipality_name,
        "url": site_settings.municipality_url,
    }
    if points:
        organisation["contactPoint"] = points
    return organisation
