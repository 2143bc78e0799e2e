"""The shipped Varnish configuration compiles (the benchmark and tests/test_several_app_servers.py
run it for real), and `manage.py varnish_vcl` writes it for a deployment's app servers."""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import skipIf

from django.core.management import CommandError, call_command
from django.test import SimpleTestCase

from operations.varnish import APP_SERVERS_PART, VCL, vcl_for


class VarnishConfigTests(SimpleTestCase):
    @skipIf(shutil.which("varnishd") is None, "varnishd is not installed (apt-get install varnish)")
    def test_the_vcl_compiles(self):
        done = subprocess.run(["varnishd", "-C", "-f", str(VCL)], capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])

    def test_the_vcl_honours_what_the_app_relies_on(self):
        vcl = VCL.read_text()
        self.assertIn('req.method == "PURGE"', vcl)  # Wagtail's HTTPBackend purges with PURGE
        self.assertIn("sessionid", vcl)  # editors pass through
        self.assertIn("unset req.http.Accept-Language", vcl)

    def test_the_vcl_leaves_x_forwarded_for_to_varnishd(self):
        # varnishd appends client.ip; a `set`/`unset` here would break DJANGO_PROXY_COUNT=2.
        code = "\n".join(line.split("#")[0] for line in VCL.read_text().splitlines())
        self.assertNotRegex(code.lower(), r"(set|unset)\s+req\.http\.x-forwarded-for")


def compiles(vcl: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "varnish.vcl"
        path.write_text(vcl)
        # -j none: as root, varnishd would drop to its own user, who cannot read the folder.
        return subprocess.run(
            ["varnishd", "-C", "-j", "none", "-f", str(path)], capture_output=True, text=True
        )


class AppServersPartTests(SimpleTestCase):
    """`manage.py varnish_vcl` (and the slow tests, the benchmark) write only the app servers
    part of the shipped VCL; the caching rules, the probe and the retry stay as shipped."""

    def test_the_shipped_vcl_is_what_the_command_writes_for_its_example(self):
        # So the file and the generator cannot drift apart.
        example = ["10.0.0.11:8000", "10.0.0.12:8000"]
        self.assertEqual(vcl_for(example, "resilient.vejle.dk"), VCL.read_text())

    def test_only_the_app_servers_part_changes(self):
        vcl = vcl_for(["127.0.0.1:18001", "127.0.0.1:18002", "[::1]:18003"], "localhost")
        shipped = VCL.read_text()
        outside = APP_SERVERS_PART.split(shipped)
        self.assertEqual(APP_SERVERS_PART.split(vcl), outside)
        part = APP_SERVERS_PART.search(vcl).group()
        for number, port in enumerate((18001, 18002, 18003), start=1):
            self.assertIn(f'.port = "{port}";', part)
            self.assertIn(f"    healthy_app_servers.add_backend(app_{number});", part)
            self.assertIn(f"    every_app_server.add_backend(app_{number}_anyway);", part)
        # Each server twice: probed, and unprobed for when none passes its probe.
        self.assertEqual(part.count(".probe = app_health;"), 3)
        self.assertEqual(part.count('.host_header = "localhost";'), 6)
        self.assertIn('"::1";', part)

    @skipIf(shutil.which("varnishd") is None, "varnishd is not installed (apt-get install varnish)")
    def test_the_written_vcl_compiles(self):
        for servers in (["127.0.0.1:18001"], ["10.0.0.11:8000", "10.0.0.12:8000", "[::1]:8000"]):
            done = compiles(vcl_for(servers, "resilient.vejle.dk", purgers=["10.0.0.20"]))
            self.assertEqual(done.returncode, 0, done.stderr[-2000:])

    def test_addresses_that_are_not_host_and_port_are_refused(self):
        for bad in ('10.0.0.1"; } backend evil {:80', "10.0.0.1", "10.0.0.1:0", "app:70000", ":80"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                vcl_for([bad], "localhost")
        with self.assertRaises(ValueError):
            vcl_for([], "localhost")
        with self.assertRaises(ValueError):
            vcl_for(["10.0.0.11:8000"], 'vejle.dk"\n.probe = none;')

    def test_the_command_prints_the_vcl_or_says_what_is_wrong(self):
        out = io.StringIO()
        call_command("varnish_vcl", "10.0.0.11:8000", "10.0.0.12:8000", stdout=out)
        # The probes name the site's host: the first of ALLOWED_HOSTS (Django refuses others).
        self.assertEqual(
            out.getvalue(), vcl_for(["10.0.0.11:8000", "10.0.0.12:8000"], "testserver")
        )
        with self.assertRaisesMessage(CommandError, "is not HOST:PORT"):
            call_command("varnish_vcl", "10.0.0.11", stdout=io.StringIO())
