"""`{% participation_forms page as forms %}`: the live forms for citizens below a page (a pillar
shows its own, so that "Del din idé" can be found from "Demokratisk dialog")."""

from django import template

from caching.lookups import public_pages
from core.languages import translated_only

register = template.Library()


@register.simple_tag
def participation_forms(parent):
    from participation.models import ParticipationPage

    return list(translated_only(public_pages(ParticipationPage.objects.child_of(parent).live())))
