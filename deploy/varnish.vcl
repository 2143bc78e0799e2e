# Varnish in front of Resiliente Vejle's app servers (docs/deployment.md).
#
# - Requests are shared round robin between the app servers that answer their health probe.
# - Anonymous visitors' pages are cached as the app says (Cache-Control: public, s-maxage);
#   the app purges changed pages in both languages with PURGE (WAGTAILFRONTENDCACHE).
# - A PURGE of a page also drops its paginated variants (?page=N).
# - Editors (a Django session cookie), the admin and anything not GET/HEAD go to the app.
# - Responses without Cache-Control are never stored: only what the app marks is shared.
# - X-Forwarded-For: varnishd appends client.ip (nginx's address) before vcl_recv, and the app
#   counts on it (DJANGO_PROXY_COUNT=2 behind nginx + Varnish). Never set or unset it here.
vcl 4.1;

import directors;

# Each app server's /healthz (operations/health.py: 200 while its database answers) is asked
# every 5 s; a server with fewer than 3 good answers among its last 5 is left out of the round
# robin until it has 3 again. A server that dies is out after 3 failed probes (15 s at most),
# one or two slow answers on a busy moment do not take it out, and each server starts as
# healthy (.initial). The probe's Host is the backend's .host_header: the site's own host
# name, since Django answers any host not in DJANGO_ALLOWED_HOSTS with 400.
probe app_health {
    .url = "/healthz";
    .expected_response = 200;
    .timeout = 3s;
    .interval = 5s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# ---- app servers: `python manage.py varnish_vcl` writes this part (docs/deployment.md) ----
# Who may purge: localhost, the app servers and each --purger (cron's host).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.11";
    "10.0.0.12";
}

backend app_1 {
    .host = "10.0.0.11";
    .port = "8000";
    .host_header = "resilient.vejle.dk";
    .probe = app_health;
}

backend app_1_anyway {
    .host = "10.0.0.11";
    .port = "8000";
    .host_header = "resilient.vejle.dk";
}

backend app_2 {
    .host = "10.0.0.12";
    .port = "8000";
    .host_header = "resilient.vejle.dk";
    .probe = app_health;
}

backend app_2_anyway {
    .host = "10.0.0.12";
    .port = "8000";
    .host_header = "resilient.vejle.dk";
}

# The healthy servers in turn; when none passes its probe (the database down everywhere),
# every server all the same, so that visitors get the app's own 503 page, not Varnish's.
sub vcl_init {
    new healthy_app_servers = directors.round_robin();
    healthy_app_servers.add_backend(app_1);
    healthy_app_servers.add_backend(app_2);
    new every_app_server = directors.round_robin();
    every_app_server.add_backend(app_1_anyway);
    every_app_server.add_backend(app_2_anyway);
    new app_servers = directors.fallback();
    app_servers.add_backend(healthy_app_servers.backend());
    app_servers.add_backend(every_app_server.backend());
}
# ---- end of app servers ----

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("req.http.host == " + req.http.host + " && req.url ~ ^" +
            regsuball(req.url, "([][.?*+^$|(){}\\])", "\\\1") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # The public site sets no cookies and its language is in the URL: one variant per URL.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Vary: Cookie is meaningless here: requests that reach the cache carry no cookie.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,\s*)Cookie", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
}

# A server that died since its last probe refuses the connection: a GET or HEAD is asked once
# more, of the next server in the round robin (never a POST: it may have been carried out).
sub vcl_backend_error {
    if (bereq.retries == 0 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
