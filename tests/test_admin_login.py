"""Admin logins: django-axes lockout per user and address, the password policy."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings

from operations.client_address import client_ip

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

    def test_a_client_written_x_forwarded_for_does_not_escape_the_lockout(self):
        # nginx appends the address it saw ($proxy_add_x_forwarded_for): whatever the client
        # wrote comes before it and is ignored, so a new invented address for every try does
        # not escape the lockout, and the attempts count against the client, not against nginx.
        for n in range(5):
            self.attempt("redaktoer", "forkert", address=f"10.9.9.{n}, 80.62.10.66")
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {"80.62.10.66"}
        )
        self.assertEqual(
            self.attempt("redaktoer", PASSPHRASE, address="10.9.9.9, 80.62.10.66").status_code, 429
        )
        # The user still logs in from their own address.
        self.assertEqual(
            self.attempt("redaktoer", PASSPHRASE, address="80.62.10.7").status_code, 302
        )

    def test_unlocked_after_the_cool_off(self):
        for _ in range(5):
            self.attempt("redaktoer", "forkert")
        self.assertEqual(self.attempt("redaktoer", PASSPHRASE).status_code, 429)
        # Let the cool-off (15 minutes) pass for the recorded attempts.
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
        self.assertEqual(self.attempt("redaktoer", PASSPHRASE).status_code, 302)


NGINX = "10.0.0.2"  # nginx's address, as Varnish (REMOTE_ADDR 127.0.0.1) appends it


@override_settings(PROXY_COUNT=2)
class LockoutBehindNginxAndVarnishTests(TestCase):
    """nginx appends the client's address, Varnish appends nginx's: `..., client, nginx`."""

    def setUp(self):
        User = get_user_model()
        self.editor = User.objects.create_superuser("redaktoer", "r@example.org", PASSPHRASE)

    def attempt(self, password, forwarded_for):
        self.client.logout()
        return self.client.post(
            LOGIN,
            {"username": "redaktoer", "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    def test_rotating_the_first_address_does_not_escape_the_lockout(self):
        attacker = "80.62.10.66"
        for n in range(5):
            response = self.attempt("forkert", f"203.0.113.{n}, {attacker}, {NGINX}")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {attacker}
        )
        # A sixth invented first address, and even the right password: still locked out.
        response = self.attempt(PASSPHRASE, f"198.51.100.77, {attacker}, {NGINX}")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)
        # The real editor, at another address, logs in: the lock is the attacker's alone.
        self.assertEqual(self.attempt(PASSPHRASE, f"80.62.10.7, {NGINX}").status_code, 302)

    def test_a_forged_longer_header_never_locks_out_everybody(self):
        forged = ", ".join(["unknown", "<script>", "::1", "255.255.255.255"] + ["10.0.0.2"] * 50)
        for _ in range(6):
            self.attempt("forkert", f"{forged}, 80.62.10.66, {NGINX}")
        # Counted against the attacker, never against nginx, Varnish or anything written before.
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {"80.62.10.66"}
        )
        for other in ("80.62.10.7", "2a02:aa7:4001::17"):
            with self.subTest(other=other):
                self.assertEqual(self.attempt(PASSPHRASE, f"{other}, {NGINX}").status_code, 302)


class ClientAddressTests(SimpleTestCase):
    def address(self, forwarded_for=None, remote_addr="127.0.0.1"):
        meta = {"REMOTE_ADDR": remote_addr}
        if forwarded_for is not None:
            meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
        return client_ip(RequestFactory().get("/", **meta))

    def test_the_entry_as_many_places_from_the_right_as_there_are_proxies(self):
        header = "1.1.1.1, 80.62.10.66, 10.0.0.2"
        for count, expected in [(0, "127.0.0.1"), (1, "10.0.0.2"), (2, "80.62.10.66")]:
            with self.subTest(count=count), override_settings(PROXY_COUNT=count):
                self.assertEqual(self.address(header), expected)
        with override_settings(PROXY_COUNT=2):
            # Repeated header lines arrive joined with a comma; IPv6 is written in full form.
            self.assertEqual(
                self.address("1.1.1.1,2A02:AA7:4001:0::17,10.0.0.2"), "2a02:aa7:4001::17"
            )

    def test_a_header_shorter_than_the_proxies_or_not_an_address_counts_as_the_peer(self):
        with override_settings(PROXY_COUNT=2):
            # Did not come through both proxies: nothing in it was written by them.
            self.assertEqual(self.address("80.62.10.66"), "127.0.0.1")
            self.assertEqual(self.address(None), "127.0.0.1")
            self.assertEqual(self.address("evil, 10.0.0.2"), "127.0.0.1")
            self.assertEqual(self.address(" , 10.0.0.2"), "127.0.0.1")
        with override_settings(PROXY_COUNT=1):
            self.assertEqual(self.address(""), "127.0.0.1")
            self.assertEqual(self.address("80.62.10.66:443"), "127.0.0.1")


class PasswordPolicyTests(TestCase):
    def test_short_common_and_numeric_passwords_are_refused(self):
        user = get_user_model()(username="redaktoer", email="r@example.org")
        for password in ["kort-1", "password1234", "123456789012", "redaktoer2024"]:
            with self.subTest(password=password), self.assertRaises(ValidationError):
                validate_password(password, user)
        validate_password(PASSPHRASE, user)
