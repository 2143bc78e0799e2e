"""The shipped Varnish configuration compiles (the benchmark runs it for real)."""

import shutil
import subprocess
from pathlib import Path
from unittest import skipIf

from django.test import SimpleTestCase

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"


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
