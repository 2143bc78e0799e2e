# Varnish in front of Resiliente Vejle's app servers (docs/deployment.md).
#
# - Anonymous visitors' pages are cached as the app says (Cache-Control: public, s-maxage);
#   the app purges changed pages in both languages with PURGE (WAGTAILFRONTENDCACHE).
# - A PURGE of a page also drops its paginated variants (?page=N).
# - Editors (a Django session cookie), the admin and anything not GET/HEAD go to the app.
# - Responses without Cache-Control are never stored: only what the app marks is shared.
# - X-Forwarded-For: varnishd appends client.ip (nginx's address) before vcl_recv, and the app
#   counts on it (DJANGO_PROXY_COUNT=2 behind nginx + Varnish). Never set or unset it here.
vcl 4.1;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers. Add their addresses here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
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

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
