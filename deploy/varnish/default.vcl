# Varnish 7.1 in front of Renaulution (Debian's varnish + varnish-modules).
#
#   readers ──> Varnish ──> N gunicorn app servers (round robin, /healthz probes)
#                  └──────> nginx for /media/ (uploads, immutable)
#
# The app decides what is cacheable: a page goes in only when its
# Cache-Control says public (or gives max-age / s-maxage) and it sets no
# cookie; `private`, `no-store`, `no-cache` and Set-Cookie stay out. Each
# cached page lists its surrogate keys in the `xkey` header
# (renaulution/surrogate_keys.py); after a change the app sends
#   PURGE /  with  xkey-purge: <key> <key> ...
# (renaulution/varnish.py) and every object carrying one of those keys is
# removed at once: a hard purge, so the next reader gets the new version, not
# a stale one in grace. If a purge is lost (Varnish unreachable from the app),
# a page stays stale at most MAX_TTL (below), so that lifetime is bounded.
#
# This file runs as is with two app servers on 127.0.0.1:8001 and :8002 and
# nginx on 127.0.0.1:8080 (deploy/nginx/media.conf). deploy/stack.py writes a
# copy with the ports it starts, replacing the block between the BEGIN/END
# lines; edit it the same way for another deployment.
#
#   varnishd -F -a 127.0.0.1:6081 -f "$PWD/deploy/varnish/default.vcl" -s malloc,256m
#
# (an absolute path: a relative one is looked up in vcl_path), or copy it to
# /etc/varnish/default.vcl for Debian's service. The xkey vmod comes with
# varnish-modules.
#
# Behind TLS: terminate TLS in front of Varnish (nginx, hitch, a load
# balancer) and let it set X-Forwarded-Proto; the app then needs
# DJANGO_SECURE_PROXY_SSL=1 and DJANGO_TRUSTED_PROXIES counting Varnish.

vcl 4.1;

import directors;
import std;
import xkey;

# Who may purge: the app servers' addresses (loopback when they share the
# machine). Anyone else gets a 403.
acl purgers {
    "127.0.0.1";
    "::1";
}

# A backend is taken out of rotation when 3 of its last 5 health checks
# failed; /healthz answers 503 when the app cannot reach its database.
probe healthz {
    .request =
        "GET /healthz HTTP/1.1"
        "Host: 127.0.0.1"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .timeout = 2s;
    .interval = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# BEGIN backends (deploy/stack.py rewrites this block)
backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend media { .host = "127.0.0.1"; .port = "8080"; .connect_timeout = 1s; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
# END backends

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A PURGE needs an xkey-purge header"));
        }
        # A hard purge: with xkey.softpurge the next request would still be
        # answered from the stale copy in grace, and a publish must show at once.
        set req.http.xkey-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged"));
    }

    # Uploads: files named once per upload (renaulution/storage.py), public.
    if (req.url ~ "^/media/") {
        set req.backend_hint = media;
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }

    set req.backend_hint = app.backend();

    # Grace: how old a copy may be served while a fresher one is fetched.
    # Seconds while the app answers (the background fetch brings the new
    # page); hours when no app server is healthy, so readers keep reading.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, the health check, and anyone logged in (staff: previews of
    # drafts, the staff banner, CSRF tokens) always go to the app.
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Readers' pages depend on no cookie of theirs: dropping them lets every
    # reader share one copy (and a response that sets one is not cached).
    unset req.http.Cookie;

    # One cached variant per encoding Varnish can serve: gzip or none.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Long enough to ride out an app outage on stale pages (see vcl_recv).
    set beresp.grace = 6h;

    # A failed background refresh keeps the stale copy rather than replacing it.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }

    # Uploads: kept as long as nginx says (a year); a missing file briefly.
    if (bereq.url ~ "^/media/") {
        if (beresp.status != 200) {
            set beresp.ttl = 10s;
            set beresp.grace = 0s;
        }
        return (deliver);
    }

    # Only what the app marks cacheable, and never anything personal.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(public|s-maxage|max-age)"
        || beresp.http.Vary == "*"
        || beresp.status >= 500) {
        # Remember for a while not to wait on other requests for this URL
        # (hit-for-miss: a later cacheable answer is still stored).
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        set beresp.grace = 0s;
        return (deliver);
    }

    # MAX_TTL: a lost purge leaves a page stale no longer than this.
    if (beresp.ttl > 300s && bereq.url !~ "^/static/") {
        set beresp.ttl = 300s;
    }

    # Compress text the app sent plain (the app may gzip it itself).
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript|ld\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_backend_error {
    # No app server answered a background refresh: keep serving the old copy.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # HIT or MISS, for people and the tests (no secret in it).
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for Varnish; the app's own addresses may ask to see them.
    if (!(req.http.X-Debug-Xkey && client.ip ~ purgers)) {
        unset resp.http.xkey;
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.xkey-purged = req.http.xkey-purged;
        set resp.body = "Purged " + req.http.xkey-purged + " objects" + {"
"};
        return (deliver);
    }
}
