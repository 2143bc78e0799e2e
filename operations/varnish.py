"""deploy/varnish.vcl for a deployment's app servers (`manage.py varnish_vcl`, the tests, the
benchmark).

The shipped VCL names two example app servers in one marked part (the purge ACL, a backend per
server with the health probe and the site's host name, the round-robin director); everything
else (caching rules, probe timing, retry) is the same for every deployment. This writes that
part for the real addresses and leaves the rest of the file as it is, so the VCL that runs is
always the shipped one. No Django import: the benchmark uses it before Django is set up.
"""

import ipaddress
import re
from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"
APP_SERVERS_PART = re.compile(
    r"^# ---- app servers: .*?^# ---- end of app servers ----\n", re.MULTILINE | re.DOTALL
)
# A host name (RFC 1123 labels) or an IPv4/IPv6 address: nothing that could end a VCL string.
HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9-]+)*$")
ALWAYS_PURGERS = ("127.0.0.1", "::1")


def checked_host(host: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        if not HOST_NAME.match(host):
            raise ValueError(f"{host!r} is neither an IP address nor a host name") from None
        return host


def app_server_address(address: str) -> tuple[str, int]:
    """'10.0.0.11:8000' or '[::1]:8000' → (host, port)."""
    host, separator, port = address.strip().rpartition(":")
    if not separator or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{address!r} is not HOST:PORT (a port from 1 to 65535)")
    return checked_host(host.removeprefix("[").removesuffix("]")), int(port)


def app_servers_part(addresses: list[str], site_host: str, purgers: list[str] = ()) -> str:
    """The marked part of the VCL for these app servers (in this order in the round robin)."""
    if not addresses:
        raise ValueError("at least one app server is needed")
    servers = [app_server_address(address) for address in addresses]
    site_host = checked_host(site_host)
    allowed = dict.fromkeys([*ALWAYS_PURGERS, *(host for host, _ in servers)])
    allowed.update(dict.fromkeys(checked_host(host) for host in purgers))
    lines = [
        "# ---- app servers: `python manage.py varnish_vcl` writes this part "
        "(docs/deployment.md) ----",
        "# Who may purge: localhost, the app servers and each --purger (cron's host).",
        "acl purgers {",
        *(f'    "{host}";' for host in allowed),
        "}",
        "",
    ]
    numbers = range(1, len(servers) + 1)
    for number, (host, port) in zip(numbers, servers, strict=True):
        for name, probe in (
            (f"app_{number}", ".probe = app_health;"),
            (f"app_{number}_anyway", ""),
        ):
            lines += [
                f"backend {name} {{",
                f'    .host = "{host}";',
                f'    .port = "{port}";',
                f'    .host_header = "{site_host}";',
                *([f"    {probe}"] if probe else []),
                "}",
                "",
            ]
    lines += [
        "# The healthy servers in turn; when none passes its probe (the database down everywhere),",
        "# every server all the same, so that visitors get the app's own 503 page, not Varnish's.",
        "sub vcl_init {",
        "    new healthy_app_servers = directors.round_robin();",
        *(f"    healthy_app_servers.add_backend(app_{n});" for n in numbers),
        "    new every_app_server = directors.round_robin();",
        *(f"    every_app_server.add_backend(app_{n}_anyway);" for n in numbers),
        "    new app_servers = directors.fallback();",
        "    app_servers.add_backend(healthy_app_servers.backend());",
        "    app_servers.add_backend(every_app_server.backend());",
        "}",
        "# ---- end of app servers ----",
        "",
    ]
    return "\n".join(lines)


def vcl_for(addresses: list[str], site_host: str, purgers: list[str] = ()) -> str:
    """deploy/varnish.vcl with its app servers part written for `addresses`."""
    shipped = VCL.read_text()
    if len(APP_SERVERS_PART.findall(shipped)) != 1:
        raise ValueError(f"{VCL} has lost its marked app servers part")
    part = app_servers_part(addresses, site_host, purgers)
    return APP_SERVERS_PART.sub(lambda _match: part, shipped)
