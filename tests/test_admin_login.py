"""Admin logins: django-axes lockout per user and address, the password policy."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.test import TestCase

LOGIN = "/admin/login/"
PASSPHRASE = "fjord-storm-bolværk-42"


def from_address(address: str) -> dict:
    """A request as nginx passes it on: from loopback, the client in X-Forwarded-For."""
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": address}


class LockoutTests(TestCase):
    def setUp(self):
        User = get_user_model()
        self.editor = User.objects.create_superuser("redaktoer", "r@example.org", PASSPHRASE)
        self.colleague = User.objects.create_superuser("kollega", "k@example.org", PASSPHRASE)

    def attempt(self, username, password, address="80.62.10.1"):
        self.client.logout()
        return self.client.post(
            LOGIN, {"username": username, "password": password}, **from_address(address)
        )

    def test_five_failures_lock_out_that_user_from_that_address(self):
        for _ in range(4):
            response = self.attempt("redaktoer", "forkert")
            self.assertEqual(response.status_code, 200)  # the form again, with its error
        response = self.attempt("redaktoer", "forkert")
        self.assertEqual(response.status_code, 429)
        # Locked out: even the right password is refused, with a message.
        response = self.attempt("redaktoer", PASSPHRASE)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "For mange forsøg på at logge ind", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

        # Another user at the same address still logs in ...
        response = self.attempt("kollega", PASSPHRASE)
        self.assertEqual(response.status_code, 302)
        # ... and so does the same user from another address.
        response = self.attempt("redaktoer", PASSPHRASE, address="80.62.10.2")
        self.assertEqual(response.status_code, 302)

    def test_a_forged_x_forwarded_for_does_not_escape_the_lockout(self):
        # nginx sets X-Forwarded-For to the one address it saw (README). A header with more
        # entries was not written by it: the attempt counts against the proxy's address, so a
        # client inventing a new address for every try is still locked out after five.
        for n in range(5):
            self.attempt("redaktoer", "forkert", address=f"10.9.9.{n}, 80.62.10.{n}")
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {"127.0.0.1"}
        )
        self.assertEqual(
            self.attempt("redaktoer", PASSPHRASE, address="10.9.9.9, 80.62.10.9").status_code, 429
        )

    def test_unlocked_after_the_cool_off(self):
        for _ in range(5):
            self.attempt("redaktoer", "forkert")
        self.assertEqual(self.attempt("redaktoer", PASSPHRASE).status_code, 429)
        # Let the cool-off (15 minutes) pass for the recorded attempts.
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
        self.assertEqual(self.attempt("redaktoer", PASSPHRASE).status_code, 302)


class PasswordPolicyTests(TestCase):
    def test_short_common_and_numeric_passwords_are_refused(self):
        user = get_user_model()(username="redaktoer", email="r@example.org")
        for password in ["kort-1", "password1234", "123456789012", "redaktoer2024"]:
            with self.subTest(password=password), self.assertRaises(ValidationError):
                validate_password(password, user)
        validate_password(PASSPHRASE, user)
