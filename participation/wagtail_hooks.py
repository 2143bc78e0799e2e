"""Submissions are for moderators: Wagtail shows form submissions to whoever may edit the
page, so editors are filtered out here; moderators also get the GDPR search by e-mail."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participation import views

VIEW_PERMISSION = "participation.view_participationsubmission"
DELETE_PERMISSION = "participation.delete_participationsubmission"


@hooks.register("filter_form_submissions_for_user")
def only_moderators_see_submissions(user, form_pages):
    return form_pages if user.has_perm(VIEW_PERMISSION) else form_pages.none()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "participation/person/",
            views.submissions_of_person,
            name="participation_submissions_of_person",
        )
    ]


class PersonMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DELETE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_person_menu_item():
    return PersonMenuItem(
        _("Indsendelser fra én person"),
        reverse("participation_submissions_of_person"),
        name="participation-person",
        icon_name="user",
        order=710,
    )
