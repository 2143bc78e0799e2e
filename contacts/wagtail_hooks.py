from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contacts.models import ContactPerson


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = "Kontaktpersoner"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "unit", "email", "is_press_contact"]
    list_filter = ["is_press_contact"]
    search_fields = ["name"]


register_snippet(ContactPersonViewSet)
